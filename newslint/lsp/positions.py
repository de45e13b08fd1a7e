"""Offsets in a text to LSP positions and back, in the client's position encoding.

The engine counts Unicode code points; LSP clients count UTF-16 code units unless they
negotiated otherwise, so "😀 Ibekwe" puts the name at character 3, not 2. Lines break at
"\\n", "\\r\\n" and "\\r", as the LSP specification says."""
from __future__ import annotations

import bisect
import re

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
ENCODINGS = (UTF8, UTF16, UTF32)
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str) -> int:
    """How many code units of `encoding` the text takes."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class LineIndex:
    """Line starts of one text, for converting between offsets and (line, character)."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding if encoding in ENCODINGS else UTF16
        self.starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]

    def line_end(self, line: int) -> int:
        """Offset of the end of a 0-based line, before its line break."""
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            return end - (2 if self.text[end - 2:end] == "\r\n" else 1)
        return len(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        # An offset between "\r" and "\n" belongs to the end of the line, not inside the break.
        offset = min(offset, self.line_end(line))
        return line, units(self.text[self.starts[line]:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """Code-point offset of a 0-based (line, character); clamped to the line, as LSP asks."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.line_end(line)
        if self.encoding == UTF32 or self.text[start:end].isascii():
            return min(start + max(0, character), end)
        count = 0
        for at in range(start, end):
            if count >= character:
                return at
            count += units(self.text[at], self.encoding)
        return end

    def range(self, start: int, end: int) -> dict:
        """An LSP Range (as a dict) for the code-point span [start, end)."""
        (sl, sc), (el, ec) = self.position(start), self.position(end)
        return {"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}}
