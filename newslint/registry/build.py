"""Build the registry from source files by running the fact extractors in order."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newslint.document import Document, parse_document
from newslint.engine.files import InputError, expand_paths, read_text
from newslint.registry.model import Registry


@dataclass
class SourceCorpus:
    """The parsed source articles, and the files that could not be read."""

    documents: list[Document] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_sources(paths: list[Path], parsers: dict | None = None) -> SourceCorpus:
    corpus = SourceCorpus()
    for path in expand_paths(paths):
        try:
            decoded = read_text(path)
        except InputError as error:
            corpus.problems.append(str(error))
            continue
        corpus.documents.append(parse_document(str(path), decoded.text, parsers))
    return corpus


def build_registry(corpus: SourceCorpus, extractors: list) -> Registry:
    registry = Registry(sources=[d.path for d in corpus.documents])
    for extractor in extractors:
        extractor.extract(corpus.documents, registry)
    return registry
