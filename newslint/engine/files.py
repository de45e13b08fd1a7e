"""Reading drafts and sources: which files, and their text. Errors name the file."""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".md", ".markdown", ".mdown", ".txt", ".text")


class InputError(Exception):
    """A file cannot be linted (missing, unreadable, binary, undecodable); names the file."""


@dataclass(eq=False, repr=False)  # never compared, printed or changed: no generated methods to compile at start-up
class Decoded:
    """A file's text as decoded, and how to write it back."""

    text: str  # without BOM, line endings as in the file
    encoding: str  # codec to write it back with
    bom: bytes  # the BOM to write back, b"" when there was none


BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, name: str) -> Decoded:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(encoding), encoding, bom)
            except UnicodeDecodeError as error:
                raise InputError(f"{name}: not valid {encoding} text (byte {error.start + len(bom)})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (contains NUL bytes); not linted")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", b"")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(f"{name}:{line}: not valid UTF-8 (byte {error.start}); save the file as UTF-8") from None


def read_text(path: Path) -> Decoded:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    return decode(data, str(path))


def expand_paths(paths: list[Path], suffixes: tuple[str, ...] = TEXT_SUFFIXES) -> list[Path]:
    """Files as given, and the files with a known suffix under folders, recursively, sorted.
    Hidden folders (.git, .venv) are skipped. Missing paths are returned as they are so that
    reading them reports the error."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.suffix.lower() in suffixes and child.is_file() and not _hidden(child, path):
                    found.append(child)
        else:
            found.append(path)
    return found


def _hidden(child: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in child.relative_to(root).parts[:-1])
