"""Choose a parser by file extension and add the structure every rule kind shares."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import PurePath

from newslint.document.markdown import parse_markdown
from newslint.document.model import Document
from newslint.document.plaintext import parse_plaintext
from newslint.document.quotes import find_quotes
from newslint.document.sentences import split_sentences

Parser = Callable[[str, str], Document]

BUILTIN_PARSERS: dict[str, Parser] = {
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".mdown": parse_markdown,
    ".txt": parse_plaintext,
    ".text": parse_plaintext,
}


def parse_document(path: str, text: str, parsers: Mapping[str, Parser] | None = None) -> Document:
    """Parse `text` (the content of `path`) into a Document with blocks, sentences and quotes.
    Unknown extensions are read as plain text."""
    if text.startswith("\ufeff"):  # a BOM is not prose; keep it so offsets stay exact
        text = text  # noqa: PLW0127 - the parsers mask it like any other non-prose character
    table = parsers if parsers is not None else BUILTIN_PARSERS
    parser = table.get(PurePath(path).suffix.lower(), parse_plaintext)
    document = parser(path, text)
    if document.prose.startswith("\ufeff"):
        document.prose = " " + document.prose[1:]
    document.sentences = split_sentences(document.prose, document.blocks)
    document.quotes = find_quotes(document.prose, document.blocks)
    return document
