"""The parsed document: its text, a masked prose view of the same length, and its structure.

`prose` has the length of `text`; everything that is not prose (markup, code, URLs, front-matter
keys, HTML) is replaced by spaces, newlines kept, so every offset into `prose` is an offset into
`text`. Rules search `prose` and report offsets that are exact in the source.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True, eq=False)
class Block:
    """A run of prose: a paragraph, heading, list item, table cell or front-matter field.

    `scopes` holds the Vale scope names that select it, e.g. {"heading", "heading.h2"} or
    {"paragraph", "blockquote"}.
    """

    kind: str
    start: int
    end: int
    scopes: frozenset[str]


@dataclass(frozen=True)
class Sentence:
    """A sentence: [start, end) offsets into the text, and the index of its block."""

    start: int
    end: int
    block: int  # index into Document.blocks


@dataclass(frozen=True)
class Quote:
    """A direct quotation. `start`/`end` include the quotation marks; `parts` are the spans of
    the quoted words without the marks (several when the quote runs over paragraphs)."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    depth: int = 0  # 0 for a quotation, 1 for a quotation nested inside it
    closed: bool = True


@dataclass(eq=False)
class Document:
    """A parsed document: its text, its prose (non-prose masked, same offsets), blocks, front
    matter, sentences and quotations."""

    path: str
    text: str
    prose: str
    blocks: list[Block] = field(default_factory=list)
    front_matter: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # "LINE: message", e.g. front matter that is not YAML
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    # -- positions ---------------------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        at = find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = find("\n", at + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; columns count Unicode characters."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of position()."""
        line = max(1, min(line, len(self.line_starts)))
        return min(self.line_starts[line - 1] + column - 1, len(self.text))

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        if not 1 <= line <= len(self.line_starts):
            return ""
        start = self.line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end].rstrip("\r")

    # -- structure ---------------------------------------------------------------------------
    def block_at(self, offset: int) -> int | None:
        starts = self._block_starts
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and self.blocks[index].start <= offset < self.blocks[index].end:
            return index
        return None

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def sentences_of(self, block_index: int) -> list[Sentence]:
        return [s for s in self.sentences if s.block == block_index]

    def sentence_at(self, offset: int) -> Sentence | None:
        starts = self._sentence_starts
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and self.sentences[index].start <= offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def quoted_mask(self) -> bytearray:
        """1 for every offset inside a top-level quotation (marks included)."""
        mask = bytearray(len(self.text))
        for quote in self.quotes:
            if quote.depth == 0:
                mask[quote.start:quote.end] = b"\x01" * (quote.end - quote.start)
        return mask

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """True when any character of [start, end) lies inside a quotation."""
        end = start + 1 if end is None else max(end, start + 1)
        return any(self.quoted_mask[start:end])

    def quote_at(self, offset: int) -> Quote | None:
        for quote in self.quotes:
            if quote.depth == 0 and quote.start <= offset < quote.end:
                return quote
        return None

    def blocks_in_scope(self, scope: str) -> list[Block]:
        """Blocks selected by a Vale scope expression ("text", "heading.h1", "~blockquote",
        "paragraph & ~list", several alternatives separated by commas are handled by callers)."""
        scope = (scope or "text").strip()
        if scope in ("text", "raw", "sentence", "summary", "markup", ""):
            return list(self.blocks)
        wanted: list[str] = []
        unwanted: list[str] = []
        for term in scope.replace("&", " ").split():
            (unwanted if term.startswith("~") else wanted).append(term.lstrip("~"))
        selected = []
        for block in self.blocks:
            if wanted and not all(w in block.scopes for w in wanted):
                continue
            if any(u in block.scopes for u in unwanted):
                continue
            selected.append(block)
        return selected
