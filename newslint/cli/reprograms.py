"""Programs of Python's own `re` patterns, kept between runs of the `newslint` command.

The modules a check imports (markdown-it, mdurl, argparse, json, logging, newslint's own)
compile about a hundred stdlib `re` patterns, most at import. `re` parses each pattern and
generates its program in pure Python (~0.6 ms a pattern, ~8% of a cold check), then makes one
C call, `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`. `re` keeps the
result in its own cache, `re._cache`, keyed by the pattern's type, text and flags, and
`re.compile` answers from it.

When a command ends, the arguments of that call are kept for every pattern in `re._cache`
(derived again with `re`'s own parser and code generator, exactly as `re.compile` derives
them); the next run of the same command makes the same calls before its imports and puts the
patterns in `re._cache`, where `re.compile` finds them. So a pattern is the one `re` would
compile, and an import that compiles a pattern the table lacks compiles it as usual.

The arguments are a program that C code runs, so, like the other caches, the file is signed
with the per-user key and read only when the signature holds; it is keyed by Python's version
and `re`'s files. Nothing is kept or loaded with NEWSLINT_NO_CACHE, for patterns with the DEBUG
or TEMPLATE flag (`re` never caches the first and warns for the second), or for a pattern
whose parse warns (a warning is printed each time `re` compiles it)."""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from array import array

import _sre

from newslint.digests import files_state

FORMAT = 2
KEEP = 400  # patterns kept per command (re's own cache holds 512)
MAY_MISS = 2  # new patterns in a run that do not make it write the table again (see _save)
_SKIPPED_FLAGS = re.DEBUG.value | re.TEMPLATE.value
_KEY_FILE = "cache.key"  # the per-user key's file (registry/store.py)
# The programs are kept as arrays of machine words: read in a fraction of the time of a
# marshalled list of ints.
_WORD = next(code for code in "IL" if array(code).itemsize == _sre.CODESIZE)


def cache_folder() -> str | None:
    """The cache folder, as yamlcache.cache_folder() gives it, without pathlib."""
    if os.environ.get("NEWSLINT_NO_CACHE"):
        return None
    return os.environ.get("NEWSLINT_CACHE_DIR") or _user_folder()


def _user_folder() -> str:
    """registry/store.py's user_cache_dir(): where the per-user key lives."""
    return os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "newslint")


def _secret() -> bytes | None:
    """The per-user key, if it exists (it is created by the first cache written)."""
    try:
        with open(os.path.join(_user_folder(), _KEY_FILE), "rb") as stream:
            secret = stream.read()
    except OSError:
        return None
    return secret if len(secret) == 32 else None


def _version_key() -> tuple:
    """What the programs depend on: Python's version and `re`'s code generator."""
    return (FORMAT, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE,
            *files_state((re._compiler, re._parser, re._constants)))


def _path(folder: str, command: str) -> str:
    return os.path.join(folder, f"re-programs-{command}.bin")


# key (as in re._cache) -> the arguments of _sre.compile, for the patterns loaded at start
_loaded: dict[tuple, tuple] = {}


def load(command: str) -> None:
    """Put the kept patterns of `command` in re's cache, and keep this run's patterns when it
    ends. Once per process, before the command imports what it needs."""
    folder = cache_folder()
    if folder is None or _loaded:
        return
    secret = _secret()
    if secret is not None:
        for key, arguments in _read(_path(folder, command), secret):
            try:
                pattern = _sre.compile(*arguments)
            except Exception:  # noqa: BLE001 - a program _sre does not accept: compiled anew
                continue
            re._cache.setdefault(key, pattern)
            _loaded[key] = arguments
    atexit.register(_save, folder, command)


def _read(path: str, secret: bytes) -> list[tuple[tuple, tuple]]:
    """The (key, arguments) kept in the file; [] when it is missing, unsigned, altered, stale
    or of another shape."""
    from newslint.digests import same, sign

    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError:
        return []
    if len(data) < 32 or not same(data[:32], sign(secret, memoryview(data)[32:])):
        return []  # not written by this user's newslint: never run
    try:
        version, entries = marshal.loads(memoryview(data)[32:])
        if version != _version_key() or type(entries) is not list:
            return []
        return [(_key(entry), _arguments(entry)) for entry in entries]
    except Exception:  # noqa: BLE001 - a file of another shape is ignored and rewritten
        return []


def _key(entry: tuple) -> tuple:
    pattern, key_flags = entry[0], entry[1]
    if type(pattern) not in (str, bytes) or type(key_flags) is not int or key_flags & _SKIPPED_FLAGS:
        raise ValueError("not a kept pattern")
    return type(pattern), pattern, key_flags


def _arguments(entry: tuple) -> tuple:
    """_sre.compile's arguments: pattern, flags, code, groups - 1, groupindex, indexgroup."""
    pattern, _, flags, code, groups, groupindex, indexgroup = entry
    if not (type(flags) is int and type(code) is bytes and type(groups) is int and type(groupindex) is dict
            and type(indexgroup) is tuple):
        raise ValueError("not a kept pattern")
    return pattern, flags, array(_WORD, code).tolist(), groups, groupindex, indexgroup


def derive(pattern: str | bytes, flags: int) -> tuple | None:
    """_sre.compile's arguments for `pattern`, as re/_compiler.py's compile() makes them; None
    when its parse warns or fails."""
    import warnings

    from re import _compiler, _parser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = _parser.parse(pattern, flags)
            code = _compiler._code(parsed, flags)
    except Exception:  # noqa: BLE001 - a warning or an error: left to re, every time
        return None
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return pattern, flags | parsed.state.flags, [int(word) for word in code], parsed.state.groups - 1, groupindex, \
        tuple(indexgroup)


def _save(folder: str, command: str) -> None:
    """At exit: when this run compiled patterns the table lacks, write the table of the patterns
    now in re's cache (the latest KEEP). One or two new ones are not worth a write: some
    libraries build a pattern from a set's characters, whose order (so the pattern's text)
    changes with every process."""
    keys = [key for key in list(re._cache)
            if type(key) is tuple and len(key) == 3 and key[0] in (str, bytes) and type(key[2]) is int
            and not key[2] & _SKIPPED_FLAGS][-KEEP:]
    if sum(key not in _loaded for key in keys) <= (MAY_MISS if _loaded else 0):
        return
    entries = []
    for kind, pattern, key_flags in keys:
        arguments = _loaded.get((kind, pattern, key_flags)) or derive(pattern, key_flags)
        if arguments is not None:
            flags, code, *rest = arguments[1:]
            entries.append((pattern, key_flags, flags, array(_WORD, code).tobytes(), *rest))
    try:
        from newslint.yamlcache import signing_key, write_signed

        secret = signing_key()
        if secret is not None:
            write_signed(_path_object(folder, command), secret, marshal.dumps((_version_key(), entries)), ".re-")
    except Exception:  # noqa: BLE001 - the cache is an optimisation: never fail a command for it
        pass


def _path_object(folder: str, command: str):
    from pathlib import Path

    return Path(_path(folder, command))
