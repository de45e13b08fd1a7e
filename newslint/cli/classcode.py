"""Code that the standard library compiles from text at import, kept between runs of the
`newslint` command: the methods `@dataclass` generates and typing's forward references.

`@dataclass` writes the source text of each method it adds (`__init__`, `__eq__`, `__repr__`,
a frozen class's `__setattr__` and `__delattr__`) and compiles it with `exec` when the class
is defined: about 170 methods for a check, ~13% of its instructions, most of it parsing. A
`NamedTuple` or `TypedDict` whose annotations are strings makes a `typing.ForwardRef` per
field, which compiles the string (`compile(text, "<string>", "eval")`): ~40 for a check
(markdown-it's and mdurl's, newslint's own), ~3%. What compiling a text gives depends on the
text and Python's version alone, so, like the bytecode Python keeps for modules, the code
objects are kept, marshalled, per command in the signed `class-code-<command>.bin` of the cache
folder. A run puts an `exec` in the `dataclasses` module's namespace and a `compile` in
`typing`'s (found there before the builtins; their only callers are `_create_fn` and
`ForwardRef`) that use the kept code of a text seen before and compile any other text as the
builtins do there (neither module has `__future__` imports: nothing is inherited). So the
classes, their methods, the references and their code are the ones Python makes.

Like the other caches, the file is signed with the per-user key (code is run from it) and
keyed by Python's version and bytecode magic number; nothing is kept or installed with
NEWSLINT_NO_CACHE, and only a process's own `newslint` command installs it."""
from __future__ import annotations

import atexit
import builtins
import marshal
import os
import sys

from newslint.cli.reprograms import MAY_MISS, cache_folder, secret

FORMAT = 2
KEEP = 2000  # texts kept per command
_exec_builtin = builtins.exec
_compile_builtin = builtins.compile

_kept: dict[str, bytes] = {}  # text -> its marshalled code, from the file
_used: dict[str, bytes] = {}  # the texts run in this process -> their marshalled code
_state = {"installed": False, "new": 0}


def _version_key() -> tuple:
    import _frozen_importlib_external  # always loaded: Python's import system

    return FORMAT, sys.version, sys.implementation.cache_tag, _frozen_importlib_external.MAGIC_NUMBER


def _path(folder: str, command: str) -> str:
    return os.path.join(folder, f"class-code-{command}.bin")


def load(command: str) -> None:
    """Install the kept code of `command` for the dataclasses defined from now on, and keep
    this run's when it ends. Once per process, before the command imports what it needs."""
    folder = cache_folder()
    if folder is None or _state["installed"]:
        return
    key = secret()
    if key is not None:
        _kept.update(_read(_path(folder, command), key))
    import dataclasses
    import typing

    if getattr(dataclasses, "exec", None) is not None or getattr(typing, "compile", None) is not None:
        return  # not the modules this one knows
    dataclasses.exec = _exec  # module globals: found before the builtins
    typing.compile = _compile
    _state["installed"] = True
    atexit.register(_save, folder, command)


def _exec(source, globals=None, locals=None, /, **options):  # noqa: A002 - exec's own names
    """builtins.exec as dataclasses calls it, with the kept code of a text seen before."""
    if type(source) is str and not options and type(globals) is dict:
        return _exec_builtin(code_of(source, "exec"), globals, locals)
    if globals is None:  # the caller's namespaces, as exec would take them
        frame = sys._getframe(1)
        globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
    if isinstance(source, (str, bytes)):  # compiled as from dataclasses.py: nothing inherited
        source = _compile_builtin(source, "<string>", "exec", dont_inherit=True)
    return _exec_builtin(source, globals, locals, **options)


def _compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **options):
    """builtins.compile as typing calls it, with the kept code of a text seen before."""
    if type(source) is str and filename == "<string>" and mode == "eval" and not flags and optimize == -1 \
            and not options:
        return code_of(source, "eval")
    # From typing.py, which has no __future__ imports: inheriting gives nothing.
    return _compile_builtin(source, filename, mode, flags, True, optimize, **options)


def code_of(source: str, mode: str):
    """The code of `source` as compile(source, "<string>", mode) gives it from a module without
    __future__ imports: kept, or compiled now (raising what compile raises)."""
    key = f"{mode}:{source}"
    packed = _used.get(key) or _kept.get(key)
    if packed is not None:
        try:
            code = marshal.loads(packed)
            _used[key] = packed
            return code
        except Exception:  # noqa: BLE001 - not loadable here: compiled anew
            pass
    code = _compile_builtin(source, "<string>", mode, dont_inherit=True)
    _used[key] = marshal.dumps(code)
    _state["new"] += 1
    return code


def _read(path: str, key: bytes) -> dict[str, bytes]:
    """The kept texts and code; {} when the file is missing, unsigned, altered, stale or of
    another shape."""
    from newslint.digests import same, sign

    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError:
        return {}
    if len(data) < 32 or not same(data[:32], sign(key, memoryview(data)[32:])):
        return {}  # not written by this user's newslint: never run
    try:
        version, entries = marshal.loads(memoryview(data)[32:])
    except Exception:  # noqa: BLE001 - a file of another shape is ignored and rewritten
        return {}
    if version != _version_key() or type(entries) is not dict:
        return {}
    return {text: code for text, code in entries.items() if type(text) is str and type(code) is bytes}


def _save(folder: str, command: str) -> None:
    """At exit: when this run compiled texts the file lacks (more than a few), write the code
    of the texts this run used (the latest KEEP)."""
    if _state["new"] <= (MAY_MISS if _kept else 0):
        return
    entries = dict(list(_used.items())[-KEEP:])
    try:
        from pathlib import Path

        from newslint.yamlcache import signing_key, write_signed

        key = signing_key()
        if key is not None:
            write_signed(Path(_path(folder, command)), key, marshal.dumps((_version_key(), entries)), ".class-")
    except Exception:  # noqa: BLE001 - the cache is an optimisation: never fail a command for it
        pass
