"""Choose a parser by file extension and add the structure every rule kind shares."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
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
    table = parsers if parsers is not None else BUILTIN_PARSERS
    parser = table.get(PurePath(path).suffix.lower(), parse_plaintext)
    if text.startswith("\ufeff"):
        # A BOM would hide a first heading or front matter from the parser: parse without it,
        # then shift every offset by one so that offsets stay exact in `text`.
        document = _shifted(parser(path, text[1:]), text)
    else:
        document = parser(path, text)
    document.sentences = split_sentences(document.prose, document.blocks)
    document.quotes = find_quotes(document.prose, document.blocks)
    return document


def _shifted(document: Document, text: str) -> Document:
    """`document` parsed from text[1:], placed back in `text` (whose first character is masked)."""
    blocks = [replace(block, start=block.start + 1, end=block.end + 1) for block in document.blocks]
    return Document(path=document.path, text=text, prose=" " + document.prose, blocks=blocks,
                    front_matter=document.front_matter, problems=document.problems)
