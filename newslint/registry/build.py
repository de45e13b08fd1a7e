"""Build the registry from source files by running the fact extractors in order."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newslint.document import Document, parse_document
from newslint.engine.files import InputError, expand_paths, read_text
from newslint.registry.model import Registry
from newslint.hookspecs import DeferredExtractor
from newslint.registry.parallel import cancel_started, map_documents
from newslint.registry.store import collector_paused  # (lives in store: a cached check imports no build code)


@dataclass(eq=False, repr=False)
class SourceCorpus:
    """The parsed source articles, and the files that could not be read."""

    documents: list[Document] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_sources(paths: list[Path], parsers: dict | None = None) -> SourceCorpus:
    """The files under `paths` read and parsed (in worker processes when there are many), in
    the order of the paths."""
    corpus = SourceCorpus()
    with collector_paused():
        for read in map_documents(_read, expand_paths(paths), parsers):
            if isinstance(read, Document):
                corpus.documents.append(read)
            else:
                corpus.problems.append(read)
    return corpus


def _read(path: Path, parsers: dict | None) -> Document | str:
    """The parsed document, or why the file cannot be read."""
    try:
        decoded = read_text(path)
    except InputError as error:
        return str(error)
    return parse_document(str(path), decoded.text, parsers)


def build_registry(corpus: SourceCorpus, extractors: list) -> Registry:
    """Run the extractors in order. An extractor may also have `prepare(documents)`, called for
    every extractor before the first extracts: it may start a pass that needs only the
    documents (newslint.registry.parallel.start), which then runs while the extractors before
    it work."""
    registry = Registry(sources=[d.path for d in corpus.documents])
    with collector_paused():
        try:
            for extractor in extractors:
                prepare = getattr(extractor.load() if isinstance(extractor, DeferredExtractor) else extractor, "prepare", None)
                if prepare is not None:
                    prepare(corpus.documents)
            for extractor in extractors:
                extractor.extract(corpus.documents, registry)
        finally:
            cancel_started()  # (none is left unless an extractor failed)
    return registry
