"""Compiled regexes kept between runs. `regex` compiles a pattern in two steps: it parses the
pattern and generates its program in pure Python (about 0.8 ms a pattern: most of a cold start
for the shipped rules), then hands the program to its C engine in one call,
`_regex.compile(pattern, flags, code, group_index, ...)`, which takes microseconds. The first
time a pattern compiles, the arguments of that call are kept; later runs make the same call
with them and skip the Python part.

The file holds a table (per entry, 64 bits of its key's digest as an index, sorted, and the
place and digest of the entry) and then the entries: each a pattern's key and the arguments of
its call. Only the table is signed and read at start, as two byte strings looked up by
bisection (no Python object per entry, whatever the patterns' lengths); an entry is read from
the mapped file, checked against its digest and its key, when its pattern is first compiled,
so a run pays for the programs it uses, not for everything other rule sets left in the file.

The arguments are plain data (ints, strings, lists, tuples, dicts), but they are a program that
C code runs without checking it, so the file is signed with the per-user key of the other
caches and read only when the signature holds. It is keyed by the versions and files of
`regex` and of Python: any change starts afresh. Patterns with named lists, locale-dependent or
debug flags, bytes patterns, an arguments tuple of an unexpected shape, and everything when the
cache is off (NEWSLINT_NO_CACHE) or unwritable, are compiled the normal way."""
from __future__ import annotations

import atexit
import marshal
from bisect import bisect_left
from collections.abc import Iterator
import mmap
import struct
from array import array
import sys
import threading
from pathlib import Path
from typing import Any

import regex
from regex import _main, _regex

from newslint.digests import digest, files_state, same, sign
from newslint.yamlcache import cache_folder, write_signed

# Named anew with each change of the signature: processes running the older code (another
# checkout) keep their own file instead of discarding each other's.
FILE_NAME = "regex-programs-b3.bin"
FORMAT = 5  # of the file (see _layout) and of an entry (see _pack)
# At most this many bytes of programs are kept (reading and checking them costs about 2 ms a
# megabyte): those the latest runs used are kept first.
KEEP_BYTES = 2 << 20
_ARITY = 11  # pattern, flags, code, group_index, index_group, named_lists, named_list_indexes, req_offset, req_chars, req_flags, group_count
_UNCACHED_FLAGS = int(regex.LOCALE | regex.DEBUG)
_CODE = next(code for code in "IL" if array(code).itemsize == 4)  # the program: 32-bit words
_MEMO_SIZE = 1024
_LOCK = threading.RLock()
_LENGTH = struct.Struct("<Q")  # the signed table's length, after the signature
_RECORD = struct.Struct("<QQ32s")  # an entry's place in the table: offset in the body, length, digest


def _index(key: tuple) -> int:
    """Where `key` (pattern, flags, version) is filed in the table: 64 bits of the digest of
    its parts. Only an index: an entry holds its own key, checked when it is read."""
    pattern, flags, version = key
    return int.from_bytes(digest(f"{flags} {version} ".encode() + pattern.encode("utf-8", "surrogatepass"))[:8], "little")


class _Table:
    """A kept file's signed table, as it is in the file: the entries' indexes, sorted, and
    their places in the same order. Looked up by bisection, so reading the table costs the
    same whatever the patterns' lengths, and no Python object is made per entry at start."""

    __slots__ = ("indexes", "records", "body")

    def __init__(self, indexes: array, records: bytes, body: int) -> None:
        self.indexes = indexes
        self.records = records
        self.body = body  # where the entries start in the file

    def place(self, index: int) -> tuple[int, int, bytes] | None:
        """(offset in the file, length, digest) of the entry filed under `index`, or None."""
        at = bisect_left(self.indexes, index)
        if at == len(self.indexes) or self.indexes[at] != index:
            return None
        offset, length, expected = _RECORD.unpack_from(self.records, at * _RECORD.size)
        return self.body + offset, length, expected

    def places(self) -> Iterator[tuple[int, int, int, bytes]]:
        """(index, offset in the file, length, digest) of every entry."""
        for at, index in enumerate(self.indexes):
            offset, length, expected = _RECORD.unpack_from(self.records, at * _RECORD.size)
            yield index, self.body + offset, length, expected


_EMPTY = _Table(array("Q"), b"", 0)


class _Programs:
    """The kept programs: loaded from the signed file on first use, written back at exit when
    this process compiled new ones."""

    def __init__(self, folder: Path | None) -> None:
        from newslint.yamlcache import signing_key  # imports the registry's store: only when needed

        self.folder = folder
        self.secret = signing_key() if folder is not None else None
        self.path: Path | None = folder / FILE_NAME if folder is not None and self.secret else None
        # key -> the arguments (see _pack) of the programs read or compiled in this run
        self.entries: dict[tuple, bytes] = {}
        # where the file's programs are, each read when it is asked for
        self.table = _EMPTY
        self.data: Any = b""  # the file, mapped
        if self.path:
            self.data, self.table = _read(self.path, self.secret)
        self.used: set[tuple] = set()
        self.added = False
        self.memo: dict[tuple, regex.Pattern] = {}  # this process's patterns, as regex's own cache

    def get(self, key: tuple) -> bytes | None:
        """The kept arguments of `key`'s program; None when there are none, or when its bytes
        in the file are not the ones the signed table describes."""
        found = self.entries.get(key)
        place = self.table.place(_index(key)) if found is None else None
        if place is not None:
            offset, length, expected = place
            packed = self.data[offset:offset + length]
            if len(packed) == length and same(digest(packed), expected):
                self.entries[key] = found = packed
        return found

    def add(self, key: tuple, arguments: tuple) -> None:
        self.entries[key] = _pack(key, arguments)
        self.used.add(key)
        if not self.added:
            self.added = True
            atexit.register(self.save)

    def save(self) -> None:
        """Write the programs (never half-written): this run's first, then the most recent
        others, up to KEEP_BYTES. The file's other programs are copied as they are, with the
        digest its signed table gives each: every program is checked against its digest when
        it is read, so one altered in the file is still never used, and a write (each run
        that compiles a pattern anew, as a new draft's word lists do) no longer hashes every
        kept program again (~1.6 MB, about 20M instructions)."""
        if self.path is None or self.secret is None or not self.added:
            return
        self.added = False
        # (index, its arguments packed, their digest or None when not yet worked out): this
        # run's programs that were used, the file's others (newest first), this run's others
        mine = {_index(key): (key, packed) for key, packed in self.entries.items()}
        order = [(index, packed, None) for index, (key, packed) in mine.items() if key in self.used]
        others = [place for place in self.table.places() if place[0] not in mine]
        for index, offset, length, expected in sorted(others, key=lambda place: place[1], reverse=True):
            packed = self.data[offset:offset + length]
            if len(packed) == length:
                order.append((index, packed, expected))
        order += [(index, packed, None) for index, (key, packed) in reversed(mine.items()) if key not in self.used]
        self.table = _EMPTY
        self.data = b""  # the file is replaced: no longer mapped (where the platform allows)
        kept, size = [], 0
        for entry in order:
            size += len(entry[1]) + _RECORD.size + 8
            if size > KEEP_BYTES:
                break
            kept.append(entry)
        kept.reverse()  # oldest first, as they are read back
        _write(self.path, self.secret, kept)


_programs: _Programs | None = None


def compile(pattern: str, flags: int = 0) -> regex.Pattern:  # noqa: A001 - regex.compile's name
    """regex.compile(pattern, flags): the same Pattern, from the kept program when there is one.
    Raises what regex.compile raises for a bad pattern."""
    global _programs
    flags = int(flags)
    if not isinstance(pattern, str) or flags & _UNCACHED_FLAGS:
        return regex.compile(pattern, flags)
    try:
        folder = cache_folder()
        with _LOCK:
            if _programs is None or _programs.folder != folder:  # the first call, or a new cache folder
                if _programs is not None:
                    _programs.save()
                _programs = _Programs(folder)
            programs = _programs
    except ImportError:  # called while the modules that find the cache and its key are loading
        return regex.compile(pattern, flags)
    if programs.path is None:
        return regex.compile(pattern, flags)
    key = (pattern, flags, int(regex.DEFAULT_VERSION))
    found = programs.memo.get(key)
    if found is not None:
        return found
    kept = programs.get(key)
    compiled = None
    if kept is not None:
        try:
            arguments = _unpack(key, kept)
            if len(arguments) == _ARITY:
                compiled = _regex.compile(*arguments)
                programs.used.add(key)
        except Exception:  # noqa: BLE001 - anything unexpected: compile it the normal way
            compiled = None
    if compiled is None:
        compiled, arguments = _compile_and_record(pattern, flags)
        if arguments is not None:
            programs.add(key, arguments)
    if len(programs.memo) >= _MEMO_SIZE:
        programs.memo.clear()
    programs.memo[key] = compiled
    return compiled


class _Recorder:
    """Stands in for regex's C module inside `regex._main` while one pattern compiles, and
    keeps the arguments of the compile calls this thread makes; everything else passes on."""

    def __init__(self) -> None:
        self.thread = threading.get_ident()
        self.calls: list[tuple] = []

    def compile(self, *arguments: Any) -> Any:
        if threading.get_ident() == self.thread:
            self.calls.append(arguments)
        return _regex.compile(*arguments)

    def __getattr__(self, name: str) -> Any:
        return getattr(_regex, name)


def _compile_and_record(pattern: str, flags: int) -> tuple[regex.Pattern, tuple | None]:
    """regex.compile, and the arguments of its C call when they can be kept (else None)."""
    with _LOCK:
        if getattr(_main, "_regex", None) is not _regex:  # not the regex this module knows
            return regex.compile(pattern, flags), None
        recorder = _Recorder()
        _main._regex = recorder
        try:  # not from regex's own cache: that would skip the call to record
            compiled = regex.compile(pattern, flags, cache_pattern=False)
        finally:
            _main._regex = _regex
    if len(recorder.calls) != 1:
        return compiled, None
    arguments = recorder.calls[0]
    if (len(arguments) != _ARITY or arguments[0] != pattern or not isinstance(arguments[1], int)
            or arguments[1] & _UNCACHED_FLAGS or arguments[5] or arguments[6]):
        return compiled, None
    try:
        arguments = _plain(arguments)
        _pack((pattern, flags, 0), arguments)  # the program fits 32-bit words
    except (TypeError, OverflowError, ValueError):
        return compiled, None
    return compiled, arguments


def _plain(value: Any) -> Any:
    """`value` as ints, strings, lists, tuples and dicts (what marshal gives back as they are):
    regex's flag values become ints; TypeError for anything else."""
    kind = type(value)
    if kind is int or kind is str:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)  # a RegexFlag
    if kind is list or kind is tuple:
        return kind(map(_plain, value))
    if kind is dict:
        return {_plain(k): _plain(v) for k, v in value.items()}
    raise TypeError(f"not plain data: {kind.__name__}")


def _pack(key: tuple, arguments: tuple) -> bytes:
    """`key`'s flags and version, then the arguments with the program as an array of 32-bit
    words: unpacked in a fraction of the time of a marshalled list of ints."""
    return marshal.dumps((key[1:], array(_CODE, arguments[2]).tobytes(), *arguments[:2], *arguments[3:]))


def _unpack(key: tuple, packed: bytes) -> tuple:
    """The arguments of a kept entry; () when it is not `key`'s (pattern, flags, version)."""
    kept_key, code, kept_pattern, flags, *rest = marshal.loads(packed)
    if kept_pattern != key[0] or kept_key != key[1:]:
        return ()
    return (key[0], flags, array(_CODE, code).tolist(), *rest)


def _version_key() -> tuple:
    """What the kept programs depend on: regex's and Python's versions, and regex's files."""
    return (FORMAT, regex.__version__, getattr(_regex, "MAGIC", None), getattr(_regex, "CODE_SIZE", None),
            sys.version, sys.implementation.cache_tag, *files_state((_regex, _main, sys.modules.get("regex._regex_core"))))


def _read(path: Path, secret: bytes | None) -> tuple[Any, _Table]:
    """The mapped file and its table; (b"", an empty table) when it is missing, unsigned,
    altered or stale."""
    try:
        with open(path, "rb") as stream:
            data = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file
        return b"", _EMPTY
    start = 32 + _LENGTH.size
    if secret is None or len(data) < start:
        return b"", _EMPTY
    (length,) = _LENGTH.unpack_from(data, 32)
    signed = data[32:start + length]
    if not same(data[:32], sign(secret, signed)):
        return b"", _EMPTY  # not written by this user's newslint: never read
    try:
        version, indexes, records = marshal.loads(signed[_LENGTH.size:])
        if version != _version_key() or type(indexes) is not bytes or type(records) is not bytes:
            return b"", _EMPTY
        table = array("Q")
        table.frombytes(indexes)
        if len(records) != len(table) * _RECORD.size:
            return b"", _EMPTY
        return data, _Table(table, records, start + length)
    except Exception:  # noqa: BLE001 - a file of another shape is ignored and rewritten
        return b"", _EMPTY


def _layout(entries: list[tuple[int, bytes, bytes | None]]) -> tuple[bytes, bytes]:
    """The signed part of the file (the table's length and the table: the entries' indexes,
    sorted, and per index the entry's offset in the body, length and digest) and the body
    (the entries, in order). An entry is its index, its bytes and their digest (None: worked
    out here); of two with one index, the first is filed."""
    places: dict[int, tuple[int, int, bytes]] = {}
    offset = 0
    for index, packed, known in entries:
        places.setdefault(index, (offset, len(packed), digest(packed) if known is None else known))
        offset += len(packed)
    indexes = sorted(places)
    records = b"".join(_RECORD.pack(*places[index]) for index in indexes)
    header = marshal.dumps((_version_key(), array("Q", indexes).tobytes(), records))
    return _LENGTH.pack(len(header)) + header, b"".join(packed for _, packed, _ in entries)


def _write(path: Path, secret: bytes, entries: list[tuple[int, bytes, bytes | None]]) -> None:
    """Signature, table and entries to a temporary file renamed over `path`; skipped on any
    error."""
    signed, body = _layout(entries)
    write_signed(path, secret, signed, ".regex-", body)
