"""Helpers to build the masked prose view: start fully masked, then reveal prose spans."""
from __future__ import annotations

import re

URL = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>()\"']+[^\s<>()\"'.,;:!?]", re.IGNORECASE)
# The local part starts where a run of its characters starts (not at every \b inside it): a
# long run with no "@" is then scanned once, not once per word in it (quadratic).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]*\w")


class Mask:
    """A mutable prose view of `text`: masked characters become spaces, newlines stay."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.chars = [c if c == "\n" else " " for c in text]

    def reveal(self, start: int, end: int) -> None:
        end = min(end, len(self.text))
        if start < end:
            self.chars[start:end] = [c if c not in "\r" else " " for c in self.text[start:end]]

    def hide(self, start: int, end: int) -> None:
        self.chars[start:end] = [c if c == "\n" else " " for c in self.text[start:end]]

    def hide_urls(self) -> None:
        prose = "".join(self.chars)
        for pattern in (URL, EMAIL):
            for match in pattern.finditer(prose):
                self.hide(match.start(), match.end())

    def result(self) -> str:
        return "".join(self.chars)


def plain_prose(text: str) -> str:
    """Prose view of plain text: everything but URLs, e-mail addresses and carriage returns."""
    mask = Mask(text)
    mask.reveal(0, len(text))
    mask.hide_urls()
    return mask.result()
