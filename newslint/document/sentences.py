"""Sentence segmentation of prose blocks: abbreviations, initials and dotted acronyms such as
"U.S." do not end a sentence, and neither does a "?" or "!" followed by a lowercase word
("'Why?' she asked")."""
from __future__ import annotations

import re
from functools import lru_cache

from newslint.datafiles import data_file
from newslint.document.model import Block, Sentence

END = re.compile(r"[.!?…]+[\"'”’)\]»]*(?=\s|$)")
WORD_BEFORE = re.compile(r"([\w.]+)$")
DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Z]\.?$")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    return frozenset(str(word).lower() for word in data_file("abbreviations.yaml")["abbreviations"])


@lru_cache(maxsize=1)
def number_abbreviations() -> frozenset[str]:
    return frozenset(str(word).lower() for word in data_file("abbreviations.yaml")["before_numbers"])


def split_sentences(prose: str, blocks: list[Block]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        start = _skip_space(prose, block.start, block.end)
        for match in END.finditer(prose, block.start, block.end):
            if not _ends_sentence(prose, match, block.end):
                continue
            if start < match.end():
                sentences.append(Sentence(start, match.end(), index))
            start = _skip_space(prose, match.end(), block.end)
        end = _trim_end(prose, start, block.end)
        if start < end:
            sentences.append(Sentence(start, end, index))
    return sentences


def _ends_sentence(prose: str, match: re.Match, limit: int) -> bool:
    following = _skip_space(prose, match.end(), limit)
    if following < limit and prose[following].islower():
        return False
    if match.group()[0] == ".":
        token = word_before(prose, max(0, match.start() - 40), match.start() + 1)
        if token:
            bare = token.rstrip(".").lower()
            if bare in abbreviations() or DOTTED.match(token):
                return False
            if bare in number_abbreviations() and following < limit and prose[following].isdigit():
                return False
    return True


def word_before(prose: str, start: int, end: int) -> str:
    r"""WORD_BEFORE.search(prose, start, end).group(1) ("" when none) where prose[end - 1] is
    no newline (before which `$` also matches): the characters of `\w` (re's: str.isalnum, or
    "_") and "." that end at `end`, read backwards from it; the forward search would try every
    position from `start` first."""
    at = end
    while at > start and (prose[at - 1].isalnum() or prose[at - 1] in "._"):
        at -= 1
    return prose[at:end]


def _skip_space(prose: str, position: int, limit: int) -> int:
    while position < limit and prose[position].isspace():
        position += 1
    return position


def _trim_end(prose: str, start: int, end: int) -> int:
    while end > start and prose[end - 1].isspace():
        end -= 1
    return end
