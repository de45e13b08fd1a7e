"""Direct-quotation spans: straight and curly double quotes, single quotes nested inside them,
and quotes that run over several paragraphs (the paragraph ends without a closing mark and the
next one opens with a quotation mark, as news style does)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from newslint.document.model import Block, Quote

MARKS = re.compile(r"[\"“”„«»‘’']")
OPENERS_DOUBLE = "“„«"
CLOSERS_DOUBLE = "”»"
BEFORE_OPENING = " \t\n([{—–-/:;"


@dataclass(eq=False, repr=False)
class _Open:
    """A quotation opened and not yet closed while the prose is scanned."""

    start: int
    depth: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    part_start: int = 0


def find_quotes(prose: str, blocks: list[Block]) -> list[Quote]:
    quotes: list[Quote] = []
    outer: _Open | None = None  # a double quote carried over from the previous paragraph
    for index, block in enumerate(blocks):
        if outer is not None:
            first = _first_char(prose, block)
            if first is not None and prose[first] in '"“„«':
                outer.part_start = first + 1
                stack = [outer]
                skip = first
            else:
                quotes.append(_finish(outer, None))
                outer, stack, skip = None, [], -1
        else:
            stack, skip = [], -1
        for match in MARKS.finditer(prose, block.start, block.end):
            at = match.start()
            if at == skip:
                continue
            mark = match.group()
            opening = _opening_shaped(prose, at, block)
            if mark in '"“„«»”':
                double_open = [q for q in stack if q.depth == 0]
                if mark in OPENERS_DOUBLE or (mark == '"' and not double_open and opening):
                    if not stack:
                        stack.append(_Open(at, 0, part_start=at + 1))
                    else:
                        stack.append(_Open(at, len(stack), part_start=at + 1))
                elif stack and (mark in CLOSERS_DOUBLE or mark == '"'):
                    # Close the innermost double quote, dropping unclosed singles inside it.
                    while stack and stack[-1].depth > 0 and prose[stack[-1].start] in "‘'":
                        stack.pop()
                    if stack:
                        quotes.append(_finish(stack.pop(), at))
            elif stack:  # single marks only count inside a double quotation
                if mark == "‘" or (mark == "'" and opening):
                    stack.append(_Open(at, len(stack), part_start=at + 1))
                elif stack[-1].depth > 0 and prose[stack[-1].start] in "‘'" and _closing_shaped(prose, at, block):
                    quotes.append(_finish(stack.pop(), at))
        # Paragraph ends: a top-level quote may continue in the next paragraph.
        outer = None
        if stack and stack[0].depth == 0:
            outer = stack[0]
            outer.parts.append((outer.part_start, block.end))
    if outer is not None:
        quotes.append(_finish(outer, None))
    quotes.sort(key=lambda q: (q.start, q.depth))
    return quotes


def _finish(quote: _Open, close_at: int | None) -> Quote:
    if close_at is not None:
        parts = [*quote.parts, (quote.part_start, close_at)]
        return Quote(quote.start, close_at + 1, tuple(p for p in parts if p[0] < p[1]), quote.depth, True)
    end = quote.parts[-1][1] if quote.parts else quote.part_start
    return Quote(quote.start, end, tuple(p for p in quote.parts if p[0] < p[1]), quote.depth, False)


def _first_char(prose: str, block: Block) -> int | None:
    for at in range(block.start, block.end):
        if not prose[at].isspace():
            return at
    return None


def _opening_shaped(prose: str, at: int, block: Block) -> bool:
    before = prose[at - 1] if at > block.start else " "
    after = prose[at + 1] if at + 1 < block.end else " "
    return (before in BEFORE_OPENING or before.isspace() or before in "\"“‘") and not after.isspace()


def _closing_shaped(prose: str, at: int, block: Block) -> bool:
    before = prose[at - 1] if at > block.start else " "
    after = prose[at + 1] if at + 1 < block.end else " "
    return not before.isspace() and not after.isalnum()
