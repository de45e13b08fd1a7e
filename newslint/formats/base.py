"""What every output format receives."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING, TextIO, TypeVar

if TYPE_CHECKING:
    from newslint.engine.linter import Report
    from newslint.kinds.base import Rule


@dataclass(eq=False, repr=False)  # never compared or printed: no generated methods to compile at start-up
class FormatContext:
    """What an output format may need besides the reports."""

    rules: list[Rule] = field(default_factory=list)  # every loaded rule (SARIF lists them)
    color: bool = False


Formatter = Callable[["list[Report]", TextIO, FormatContext], None]


@dataclass(eq=False, repr=False)  # never compared or printed: no generated methods to compile at start-up
class DocumentLines:
    """What output formats read from a linted Document, kept in its place once linting is done
    so that memory does not grow with the number of files: the lines the findings start on
    (`line_text`) and, for a format that asks, the whole text."""

    path: str
    lines: dict[int, str]
    text: str = ""

    def line_text(self, line: int) -> str:
        return self.lines.get(line, "")


F = TypeVar("F", bound=Callable)
PIECE = 4096  # chunks per write


def write_pieces(stream: TextIO, chunks: Iterable[str]) -> None:
    """Write `chunks` (an encoder's output, a format's lines) joined PIECE at a time: the same
    text in a few writes. json.dump writes each of its chunks (a key, a colon, an indent) on its
    own, and with PYTHONUNBUFFERED (often set in CI and containers) every write is a system
    call: ~30 a finding. Bounded pieces keep memory flat for a large output, where json.dumps
    would hold every chunk at once."""
    chunks = iter(chunks)
    while piece := list(islice(chunks, PIECE)):
        stream.write("".join(piece))


def write_json_text(stream: TextIO, value: object) -> None:
    """json.dump(value, stream, ensure_ascii=False, indent=2) and a newline: the same chunks,
    written in pieces (see write_pieces)."""
    import json  # (only the JSON formats need it: the text format's start-up stays without)

    write_pieces(stream, chain(json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(value), "\n"))


def reads_document(what: str) -> Callable[[F], F]:
    """Declare what a format reads from Report.document: "nothing", "lines" (`line_text` of
    the findings' lines) or "text" (the whole text too). `check` keeps only that; a format
    that declares nothing gets the whole Document."""
    def mark(writer: F) -> F:
        writer.reads_document = what  # type: ignore[attr-defined]
        return writer
    return mark
