"""Helpers to build the masked prose view: start fully masked, then reveal prose spans."""
from __future__ import annotations

import re

URL = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>()\"']+[^\s<>()\"'.,;:!?]", re.IGNORECASE)
# The local part starts where a run of its characters starts (not at every \b inside it): a
# long run with no "@" is then scanned once, not once per word in it (quadratic).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]*\w")


class Mask:
    """A mutable prose view of `text`: masked characters become spaces, newlines stay.

    One flag per character (a bytearray: slices set at C speed, not a list of characters);
    the view is the revealed runs of `text` between runs of the fully masked text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.revealed = bytearray(len(text))

    def reveal(self, start: int, end: int) -> None:
        end = min(end, len(self.text))
        if start < end:
            self._set(start, end, 1)

    def hide(self, start: int, end: int) -> None:
        self._set(start, end, 0)

    def _set(self, start: int, end: int, flag: int) -> None:
        start, end, _ = slice(start, end).indices(len(self.text))  # the characters of text[start:end]
        if start < end:
            self.revealed[start:end] = bytes((flag,)) * (end - start)

    def hide_urls(self) -> None:
        # Each pattern runs only on a prose that has its mark: most drafts have neither. The
        # prose shows the text's own characters where it shows any, so a mark the text lacks
        # is not in the prose either, which is then not made for this.
        if not _has_marks(self.text):
            return
        prose = self.result()
        patterns = [URL] if "://" in prose or "www." in prose.lower() else []
        patterns += [EMAIL] if "@" in prose else []
        for pattern in patterns:
            for match in pattern.finditer(prose):
                self.hide(match.start(), match.end())

    def result(self) -> str:
        shown = self.text.replace("\r", " ")
        hidden = "\n".join(" " * len(line) for line in self.text.split("\n"))
        parts, cursor = [], 0
        for run in _RUN.finditer(self.revealed):
            parts += (hidden[cursor:run.start()], shown[run.start():run.end()])
            cursor = run.end()
        parts.append(hidden[cursor:])
        return "".join(parts)


_RUN = re.compile(rb"\x01+")


def _has_marks(text: str) -> bool:
    """The text holds a mark of a URL or an e-mail address ("://", "www." in any case, "@")."""
    return "://" in text or "@" in text or "www." in text.lower()


def plain_prose(text: str) -> str:
    """Prose view of plain text: everything but URLs, e-mail addresses and carriage returns."""
    mask = Mask(text)
    mask.reveal(0, len(text))
    mask.hide_urls()
    return mask.result()
