"""YAML parsed in an earlier run: rule packs and the shipped data files are parsed again only
when a file's bytes change. libyaml parses in C but builds the Python objects in Python: for
the shipped rules and data that is about 13 ms of a 0.4 s cold start, 0.3 s for 5,000 rules;
a cache hit costs under 1 ms.

One cache file per folder of YAML, in the cache folder (NEWSLINT_CACHE_DIR, else the user's);
each file's parse is kept under its name with the digest of its bytes, so an entry is never
stale whatever the file times say. Cache files are signed with the registry cache's per-user
key, and only signed ones are unpickled (see newslint/registry/store.py). NEWSLINT_NO_CACHE
turns it off. Each value is pickled when it is parsed and unpickled afresh on every hit, so
what a caller does to its copy never reaches the cache."""
from __future__ import annotations

import os
try:  # pickle's C functions (what pickle.dumps and pickle.loads are), without pickle.py: ~0.5% of a cold check
    import _pickle as pickle
except ImportError:  # pragma: no cover - CPython has it
    import pickle
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from newslint import __version__
from newslint.digests import digest, hexdigest, same, sign

T = TypeVar("T")
KEEP = 64  # cache files kept (one per folder read); the least recently written are removed
# Edits to the code that turns bytes into the cached values make every cache file stale.
_PARSING_CODE = ("engine/loader.py", "datafiles.py", "yamlcache.py")


class ParsedYaml:
    """The parsed YAML files of one folder, read from and written back to one signed file.
    Also usable for other values derived from bytes: `code` names more files of newslint
    whose edits make the cache stale (the code that derives them), and `keep` bounds the
    number of entries (the oldest written are dropped)."""

    def __init__(self, folder: Path, kind: str, code: tuple[str, ...] = (), keep: int | None = None) -> None:
        self.file = _cache_file(folder, kind)
        self.code = code
        self.keep = keep
        # name -> (digest of the file's bytes, the pickled parse)
        self.entries: dict[str, tuple[bytes, bytes]] = _read(self.file, code) if self.file else {}
        self.changed = False

    def parse(self, name: str, raw: bytes, parse: Callable[[], T]) -> T:
        """The value of `parse()` for the file `name` whose bytes are `raw`, from the cache
        when those bytes were parsed before."""
        key = digest(raw)
        hit = self.entries.get(name)
        if hit is not None and hit[0] == key:
            try:
                return pickle.loads(hit[1])
            except Exception:  # noqa: BLE001 - a value that does not load is parsed again
                pass
        value = parse()
        if self.file is not None:
            try:
                self.entries.pop(name, None)  # re-inserted last: the newest entry
                self.entries[name] = (key, pickle.dumps(value, protocol=-1))
                self.changed = True
                if self.keep is not None:
                    while len(self.entries) > max(self.keep, 1):  # the oldest written go
                        del self.entries[next(iter(self.entries))]
            except (pickle.PicklingError, RecursionError, TypeError, AttributeError):
                pass  # e.g. data nested too deep to pickle: parsed afresh every time
        return value

    def save(self, present: set[str] | None = None) -> None:
        """Write the cache file if anything was parsed afresh (or, given the names of the
        files that still exist, if some are gone). A cache that cannot be written is skipped."""
        if present is not None and set(self.entries) - present:
            self.entries = {name: entry for name, entry in self.entries.items() if name in present}
            self.changed = True
        if self.file is None or not self.changed:
            return
        self.changed = False
        _write(self.file, {"code": _code_key(self.code), "entries": self.entries})


def cache_folder() -> Path | None:
    """Where newslint keeps its caches; None when NEWSLINT_NO_CACHE is set. Asked at every
    compile of a kept regex: the answer is kept per value of the variables it depends on."""
    environ = os.environ
    # os.environ answers a variable that is not set by raising KeyError twice inside (~2 us,
    # and three of these four are usually unset: ~1% of a cold check over its ~200 compiles).
    # Where it has one, its dict of encoded names and values is asked instead: the key only
    # has to change when a value does.
    data = getattr(environ, "_data", None)
    if type(data) is dict and os.name == "posix":
        key: tuple = (data.get(b"NEWSLINT_NO_CACHE"), data.get(b"NEWSLINT_CACHE_DIR"), data.get(b"XDG_CACHE_HOME"),
                      data.get(b"HOME"))
    else:
        key = (environ.get("NEWSLINT_NO_CACHE"), environ.get("NEWSLINT_CACHE_DIR"), environ.get("XDG_CACHE_HOME"),
               environ.get("HOME"))
    if key not in _FOLDERS:
        _FOLDERS[key] = _cache_folder()
    return _FOLDERS[key]


_FOLDERS: dict[tuple, Path | None] = {}


def _cache_folder() -> Path | None:
    if os.environ.get("NEWSLINT_NO_CACHE"):
        return None
    if os.environ.get("NEWSLINT_CACHE_DIR"):
        return Path(os.environ["NEWSLINT_CACHE_DIR"])
    from newslint.registry.store import user_cache_dir  # the key's folder; imported late (layers)

    return user_cache_dir()


def _cache_file(folder: Path, kind: str) -> Path | None:
    cache = cache_folder()
    if cache is None:
        return None
    name = hexdigest(str(folder.resolve()).encode())[:24]
    return cache / f"yaml-{kind}-{name}.pickle"


@lru_cache(maxsize=16)
def _code_key(code: tuple[str, ...] = ()) -> str:
    """newslint's version, the PyYAML installed and the size and time of the parsing code (and
    of `code`, more files under newslint/). Once per process: the code that runs is the code
    loaded at start, whatever happens to its files later."""
    package = _package()
    parts = [__version__, _pyyaml(), sys.version]
    for relative in (*_PARSING_CODE, *code):
        try:
            stat = (package / relative).stat()
            parts.append(f"{relative}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{relative}:?")
    return "|".join(parts)


@lru_cache(maxsize=1)
def _package() -> Path:
    return Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def _pyyaml() -> str:
    """The installed PyYAML, told apart by its files (and whether it has libyaml), without
    importing it: a run whose YAML all comes from the cache does not load PyYAML (~10 ms).
    Once per process, like _code_key, which asks it for each kind of cache."""
    from importlib.machinery import PathFinder  # loaded with Python's import system

    try:
        loaded = sys.modules.get("yaml")
        # importlib.util.find_spec("yaml") for a top-level module found on sys.path, without
        # importing importlib.util (~0.1% of a cold check)
        spec = loaded.__spec__ if loaded is not None else PathFinder.find_spec("yaml")
        origin = Path(spec.origin) if spec is not None and spec.origin else None
        if origin is None:
            return "?"
        stat = origin.stat()
        extensions = sorted(name for name in os.listdir(origin.parent) if name.startswith("_yaml"))
        return f"{origin}:{stat.st_size}:{stat.st_mtime_ns}:{','.join(extensions)}"
    except (OSError, ImportError, ValueError):
        return "?"


def signing_key() -> bytes | None:
    """The per-user key that signs every cache file (see registry/store.py)."""
    from newslint.registry.store import cache_secret

    return cache_secret()


def _read(path: Path, code: tuple[str, ...] = ()) -> dict[str, tuple[bytes, bytes]]:
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    secret = signing_key()
    if secret is None or not same(data[:32], sign(secret, data[32:])):
        return {}  # not written by this user's newslint: never unpickled
    try:
        value = pickle.loads(data[32:])
    except Exception:  # noqa: BLE001 - a corrupt cache is ignored and rewritten
        return {}
    if not isinstance(value, dict) or value.get("code") != _code_key(code) or not isinstance(value.get("entries"), dict):
        return {}
    return value["entries"]


def _write(path: Path, value: dict) -> None:
    secret = signing_key()
    if secret is None:
        return
    try:
        payload = pickle.dumps(value, protocol=-1)
    except pickle.PicklingError:
        return
    if write_signed(path, secret, payload, ".yaml-"):
        _prune(path.parent)


def write_signed(path: Path, secret: bytes, payload: bytes, prefix: str, tail: bytes = b"") -> bool:
    """Signature and payload (then `tail`, which the signature does not cover: the payload
    holds its digests) to a temporary file renamed over `path` (never half-written); False,
    with nothing left behind, on any error."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = temporary_file(path.parent, prefix)
        with os.fdopen(handle, "wb") as stream:
            stream.write(sign(secret, payload) + payload)
            stream.write(tail)
        os.replace(temporary, path)
        temporary = None
        return True
    except OSError:
        return False
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def temporary_file(folder: Path, prefix: str, suffix: str = ".tmp") -> tuple[int, str]:
    """A new file in `folder` that no other process has opened, readable and writable by this
    user only, as (descriptor, path): what tempfile.mkstemp gives, without importing tempfile,
    which imports shutil (with zlib, bz2 and lzma) and random: ~11M instructions in a check
    that writes a cache, as every check of a draft not checked before does."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        name = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}{suffix}")
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:  # another file has that name: draw again
            continue
    raise FileExistsError(f"no unused temporary file name in {folder}")


def _prune(folder: Path) -> None:
    """Keep the KEEP most recently written cache files (rule folders come and go)."""
    try:
        files = sorted(folder.glob("yaml-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for stale in files[KEEP:]:
            stale.unlink()
    except OSError:
        pass
