"""Plain-text drafts and sources: paragraphs are separated by blank lines, or are single long
lines when the text is not hard-wrapped (as in most articles copied from the web)."""
from __future__ import annotations

import re

from newslint.document.masking import plain_prose
from newslint.document.model import Block, Document

BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
# A line this long was not hard-wrapped, so each such line is a paragraph of its own.
UNWRAPPED = 100


def parse_plaintext(path: str, text: str) -> Document:
    prose = plain_prose(text)
    blocks: list[Block] = []
    position = 0
    for chunk in [*BLANK_LINE.finditer(prose), None]:
        end = chunk.start() if chunk else len(prose)
        blocks.extend(_paragraphs(prose, position, end))
        position = chunk.end() if chunk else len(prose)
    return Document(path=path, text=text, prose=prose, blocks=blocks)


def _paragraphs(prose: str, start: int, end: int):
    lines = _line_spans(prose, start, end)
    if not lines:
        return
    if len(lines) > 1 and max(e - s for s, e in lines) > UNWRAPPED:
        groups = _unwrapped(prose, lines)
    else:
        groups = [lines]
    for group in groups:
        first, last = group[0][0], group[-1][1]
        yield Block("paragraph", first, last, frozenset({"paragraph"}))


def _unwrapped(prose: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Long lines are paragraphs of their own, except that a line filled to the wrap width and
    cut mid-sentence runs on into the next: a transcript or wire copy wrapped at ~100 columns."""
    width = max(e - s for s, e in lines)
    groups: list[list[tuple[int, int]]] = []
    runs_on = False
    for start, end in lines:
        if runs_on:
            groups[-1].append((start, end))
        else:
            groups.append([(start, end)])
        runs_on = end - start >= WRAPPED_SHARE * width and prose[end - 1] not in SENTENCE_END
    return groups


# A line at least this share of the longest one's length reached the wrap width.
WRAPPED_SHARE = 0.85
SENTENCE_END = frozenset('.!?"”’\')')


def _line_spans(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    while position < end:
        newline = prose.find("\n", position, end)
        line_end = end if newline < 0 else newline
        text = prose[position:line_end]
        stripped = text.strip()
        if stripped:
            lead = len(text) - len(text.lstrip())
            spans.append((position + lead, position + lead + len(stripped)))
        position = line_end + 1
    return spans
