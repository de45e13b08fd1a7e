"""Where built registries are kept: in memory for the process, and on disk keyed by a content
hash of the sources, the curated facts and newslint itself, so that a pre-commit run loads the
registry instead of rebuilding it. A cache that cannot be read is ignored and rebuilt."""
from __future__ import annotations

import atexit
import dataclasses
import gc
import mmap
import os
import sys
try:  # pickle's C functions (what pickle.dumps and pickle.loads are), without pickle.py: ~0.5% of a cold check
    import _pickle as pickle
except ImportError:  # pragma: no cover - CPython has it
    import pickle
import struct
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from newslint import __version__
from newslint.digests import digest, hasher, hexdigest, same, sign
from newslint.engine.files import expand_paths
from newslint.registry.model import Registry

CACHE_FOLDER = ".newslint_cache"
KEY_FILE = "cache.key"
_PACKAGE = Path(__file__).resolve().parent.parent
# Files whose change changes what a build produces (besides the version).
_CODE = ("registry", "data", "document")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a build (or a cached load) makes its many objects:
    they live as long as the registry, and a large build (1,000 articles) otherwise spends a
    tenth of its time scanning them again and again. Objects are still freed as soon as they
    are unused; only reference cycles wait for the collector, which runs again after. Here,
    not in build.py, so that a check whose registry is cached imports no build code."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def code_fingerprint() -> str:
    """Size and mtime of the extraction code and lexicons: a development edit invalidates."""
    fingerprint = hasher()
    for folder in _CODE:
        for _, name, size, mtime in sorted(_code_files(str(_PACKAGE / folder))):
            fingerprint.update(f"{name}:{size}:{mtime}".encode())
    return fingerprint.hexdigest()


def _code_files(folder: str) -> Iterator[tuple[str, str, int, int]]:
    """(path, name, size, mtime) of the .py and YAML files under `folder` (os.scandir: a
    cached run asks this every time, and pathlib's rglob took a few milliseconds)."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    yield from _code_files(entry.path)
            elif entry.name.endswith((".py", ".yaml", ".yml")):
                stat = entry.stat()
                yield entry.path, entry.name, stat.st_size, stat.st_mtime_ns


def content_key(sources: list[Path], facts: list[Path], extractors: list | None = None) -> str:
    """A hash of every source and facts file's path and bytes, newslint's version and code,
    and the extractors that run (plugins may add some)."""
    key = hasher()
    key.update(__version__.encode())
    key.update(code_fingerprint().encode())
    for extractor in extractors or []:
        key.update(f"{getattr(extractor, 'name', type(extractor).__name__)}:{getattr(extractor, 'order', 100)}".encode())
    for path in [*expand_paths(sources), *expand_paths(facts, (".yaml", ".yml"))]:
        key.update(str(path).encode())
        try:
            key.update(path.read_bytes())
        except OSError:
            key.update(b"<unreadable>")
    return key.hexdigest()


def cache_dir(sources: list[Path]) -> Path | None:
    """`.newslint_cache/` in the project that holds the sources (the nearest folder with a
    config, pyproject.toml or .git), else the user's cache folder. None when disabled."""
    if os.environ.get("NEWSLINT_NO_CACHE"):
        return None
    if os.environ.get("NEWSLINT_CACHE_DIR"):
        return Path(os.environ["NEWSLINT_CACHE_DIR"])
    if sources:
        start = sources[0].resolve()
        for folder in [start, *start.parents]:
            if any((folder / marker).exists() for marker in (".newslint.yaml", ".newslint.yml", "pyproject.toml", ".git")):
                return folder / CACHE_FOLDER
    return user_cache_dir()


def user_cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")) / "newslint"


def cache_secret() -> bytes | None:
    """This user's key for signing cache files, created on first use (mode 0600).

    Unpickling runs code, and `.newslint_cache/` lives in the project, where anyone who can
    commit could plant a file: only a file this user's newslint signed is ever unpickled.
    None (no disk cache) when the key cannot be read or created."""
    path = user_cache_dir() / KEY_FILE
    known = _secrets.get(path)
    if known is not None:  # every cache file of a run is signed with it: read once
        return known
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(os.urandom(32))  # what secrets.token_bytes(32) gives
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        secret = path.read_bytes()
    except OSError:
        return None
    if len(secret) != 32:
        return None
    _secrets[path] = secret
    return secret


_secrets: dict[Path, bytes] = {}


def _signature(secret: bytes, payload: bytes) -> bytes:
    return sign(secret, payload)


# The cache file: a signature, then FORMAT, the header's length and the header (a pickle of the
# notes, the registry's small fields and a table of sections: name, offset, length, digest),
# then the sections (a pickle of each large field). The signature covers FORMAT and the header
# only, so that a load reads and checks a few kilobytes; a section is checked against its
# digest in the signed header when it is first used, and never unpickled if it differs.
FORMAT = b"newslint-registry 3\n"  # 3: BLAKE2b digests and signatures (newslint/digests.py)
SECTIONS = ("entities", "quotes", "figures", "conflicts", "extra")
_LENGTH = struct.Struct("<Q")


class StoredRegistry(Registry):
    """A registry read from the disk cache. Its large fields are unpickled on first use: a
    lint that needs no figures never reads them, and no check pays for the others' parts."""

    def __getattr__(self, name: str):
        pending = self.__dict__.get("_pending")
        if not pending or name not in pending:
            raise AttributeError(name)
        mapped, offset, size, expected = pending.pop(name)
        data = mapped[offset:offset + size]  # a copy: the file stays mapped only for the others
        if not same(digest(data), expected):  # changed since it was signed: never unpickled
            rebuilt = self.__dict__["_rebuild"]()
            pending.clear()
            self.__dict__.update({f.name: getattr(rebuilt, f.name) for f in dataclasses.fields(Registry)})
            return self.__dict__[name]
        with collector_paused():  # a section is many objects at once (see collector_paused)
            self.__dict__[name] = value = pickle.loads(data)
        return value

    def __reduce__(self):
        """Pickled (and copied) as a plain Registry with every field."""
        return _plain, ({f.name: getattr(self, f.name) for f in dataclasses.fields(Registry)},)


def _plain(fields: dict) -> Registry:
    return Registry(**fields)


def load_cached(path: Path, rebuild: Callable[[], Registry] | None = None) -> tuple[Registry, list[str]] | None:
    """The registry and notes of a cache file this user's newslint signed, else None.
    `rebuild` makes the registry again if a section turns out changed when first used."""
    secret = cache_secret()
    if secret is None:
        return None
    if _saving:
        _wait_saved(path)
    try:
        with open(path, "rb") as stream:
            # Mapped, not read: only the header is read now, a section when it is first used.
            data = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file
        return None
    start = 32 + len(FORMAT) + _LENGTH.size
    if len(data) < start or data[32:32 + len(FORMAT)] != FORMAT:
        return None
    (length,) = _LENGTH.unpack_from(data, start - _LENGTH.size)
    signed = data[32:start + length]
    if not same(data[:32], _signature(secret, signed)):
        return None  # not written by this user's newslint: never unpickled
    try:
        header = pickle.loads(data[start:start + length])
        registry = StoredRegistry.__new__(StoredRegistry)
        registry.__dict__.update(header["fields"])
        body = start + length
        registry.__dict__["_pending"] = {name: (data, body + offset, size, expected)
                                         for name, offset, size, expected in header["sections"]}
        registry.__dict__["_rebuild"] = rebuild or (lambda: Registry())
        notes = list(header["notes"])
    except Exception:  # noqa: BLE001 - a corrupt cache file is rebuilt, never fatal
        return None
    return registry, notes


def save_cached(path: Path, value: tuple[Registry, list[str]]) -> None:
    """Write signed and atomically (temporary file, then rename); a cache that cannot be
    written is skipped."""
    _wait_saved(path)  # (one still being written there by a forked process: this one is newer)
    _save(path, value)


# -- saving a large registry while the build's process goes on ---------------------------------
# Pickling and writing the registry of a large source set is a few tenths of a second in which
# the build's process would wait while the machine's other cores stay idle: a forked process
# writes it (atomically, as any save) while this one returns the registry and goes on (linting
# the drafts). This process waits for it before it exits, and before it reads or writes that
# file again, so nothing is lost and no later run misses the cache.
_saving: dict[Path, int] = {}  # cache file -> the forked process writing it


def save_cached_later(path: Path, value: tuple[Registry, list[str]]) -> None:
    """save_cached, in a forked process where this one may fork (see newslint.registry.parallel:
    not in a worker process or beside other threads, only where fork is how processes start);
    else here and now."""
    from newslint.registry.parallel import usable_workers

    if cache_secret() is None:
        return
    if usable_workers() < 2 or not hasattr(os, "fork"):
        save_cached(path, value)
        return
    _wait_saved(path)
    for stream in (sys.stdout, sys.stderr):  # (a forked child must not write them again)
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    try:
        pid = os.fork()
    except OSError:
        save_cached(path, value)
        return
    if pid == 0:  # the child: write, then leave at once (no exit handlers, no buffers flushed)
        code = 1
        try:
            _save(path, value)
            code = 0
        finally:
            os._exit(code)
    if not _saving:
        atexit.register(wait_saved)
    _saving[path] = pid


def wait_saved() -> None:
    """Wait until every cache file that a forked process is writing is written."""
    for path in list(_saving):
        _wait_saved(path)


def _wait_saved(path: Path) -> None:
    pid = _saving.pop(path, None)
    if pid is not None:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def _save(path: Path, value: tuple[Registry, list[str]]) -> None:
    secret = cache_secret()
    if secret is None:
        return
    registry, notes = value
    try:
        sections, table, offset = [], [], 0
        for name in SECTIONS:
            with collector_paused():
                data = pickle.dumps(getattr(registry, name), protocol=-1)
            table.append((name, offset, len(data), digest(data)))
            sections.append(data)
            offset += len(data)
        fields = {f.name: getattr(registry, f.name) for f in dataclasses.fields(Registry) if f.name not in SECTIONS}
        header = pickle.dumps({"notes": list(notes), "fields": fields, "sections": table}, protocol=-1)
        signed = FORMAT + _LENGTH.pack(len(header)) + header
        import tempfile  # only to write: a run that loads its cache needs no tempfile

        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".registry-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(_signature(secret, signed) + signed)
            for data in sections:
                stream.write(data)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        try:
            os.unlink(temporary)  # type: ignore[possibly-undefined]
        except (OSError, UnboundLocalError, NameError):
            pass


# -- values made from a registry alone, kept beside its cache file ---------------------------
# A signature, DERIVED_FORMAT, then a pickle of the value. The registry file's key already
# covers the sources and newslint's registry code, so a value made from the registry alone is
# the same for every process that loads that file.
DERIVED_FORMAT = b"newslint-derived 1\n"
T = TypeVar("T")


def kept_derived(registry: Registry, name: str, make: Callable[[], T]) -> T:
    """`make()`, a value that depends only on `registry` (an index of its facts or its
    sources' texts), kept in a signed file beside the registry's cache file: the first process
    that needs it makes it and writes it, later ones read it. Made afresh when the registry has
    no cache file (the cache is off or unwritable, a registry built outside RegistryProvider)
    and when the file is missing, not signed by this user's key, altered or unreadable."""
    path = registry.__dict__.get("_cache_file")
    secret = cache_secret() if path is not None else None
    if path is None or secret is None:
        return make()
    kept = path.with_name(f"{path.stem}.{name}.pickle")
    start = 32 + len(DERIVED_FORMAT)
    try:
        data = kept.read_bytes()
    except OSError:
        data = b""
    if len(data) > start and data[32:start] == DERIVED_FORMAT \
            and same(data[:32], _signature(secret, memoryview(data)[32:])):
        try:
            with collector_paused():  # many objects at once (see collector_paused)
                return pickle.loads(memoryview(data)[start:])
        except Exception:  # noqa: BLE001 - a file of another shape is made again, never fatal
            pass
    value = make()
    try:
        with collector_paused():
            payload = DERIVED_FORMAT + pickle.dumps(value, protocol=-1)
    except (pickle.PicklingError, TypeError, AttributeError):
        return value  # not picklable: made again by the next process
    from newslint.yamlcache import write_signed  # only to write (and yamlcache reads this module's key)

    write_signed(kept, secret, payload, ".derived-")  # (never half-written; a failure leaves nothing)
    return value


# -- the key, from the files' sizes and times when they have not changed ----------------------
# Like git's index: a signed manifest of each file's (path, size, mtime) maps to the content
# key, and the files are read and hashed again only when one of those changes. A file changed
# less than RACY_SECONDS before the manifest is written is not recorded (it could change again
# within the clock's resolution without its time changing), so it is hashed again next time.
RACY_SECONDS = 2.0


def _stats(paths: list[Path]) -> list[list] | None:
    found = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            return None
        found.append([str(path), stat.st_size, stat.st_mtime_ns])
    return found


def _folders(roots: list[Path]) -> list[Path]:
    """The folders whose listing decides which files expand_paths finds: a file added,
    removed or renamed, or a subfolder made, changes one of their times."""
    found = []
    for root in roots:
        if root.is_dir():
            for folder, subfolders, _ in os.walk(root):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                found.append(Path(folder))
    return found


def _recorded_key(manifest: Path, secret: bytes) -> str | None:
    """The key of a manifest this user's newslint signed, when no recorded folder or file
    changed since (stat only: nothing is listed or read)."""
    try:
        data = manifest.read_bytes()
        signature, payload = bytes.fromhex(data[:64].decode("ascii")), data[64:]
        if not same(signature, _signature(secret, payload)):
            return None
        recorded = pickle.loads(payload)  # (signed by this user: see above)
        folders, files = recorded["folders"], recorded["files"]
        if _stats([Path(f[0]) for f in folders]) == folders and _stats([Path(f[0]) for f in files]) == files:
            return str(recorded["key"])
    except (OSError, ValueError, KeyError, TypeError, IndexError, UnicodeDecodeError, EOFError, pickle.UnpicklingError):
        pass
    return None


def cached_key(sources: list[Path], facts: list[Path], extractors: list | None, folder: Path | None) -> str:
    """content_key, read from the manifest in `folder` when no file's size or time, and no
    source folder's time, changed."""
    secret = cache_secret() if folder is not None else None
    if secret is None or folder is None:
        return content_key(sources, facts, extractors)
    names = "\0".join(f"{getattr(e, 'name', type(e).__name__)}:{getattr(e, 'order', 100)}" for e in extractors or [])
    ident = hexdigest("\0".join([__version__, code_fingerprint(), names, *map(str, sources), "|",
                                *map(str, facts)]).encode())
    manifest = folder / f"manifest-{ident[:32]}.pickle"  # pickle's C functions: no json module to import
    key = _recorded_key(manifest, secret)
    if key is not None:
        return key
    folders = _stats(_folders([*sources, *facts]))
    files = _stats([*expand_paths(sources), *expand_paths(facts, (".yaml", ".yml"))])
    key = content_key(sources, facts, extractors)
    if folders is None or files is None:
        return key
    newest = max((s[2] for s in folders + files), default=0)
    if time.time_ns() - newest > RACY_SECONDS * 1e9 and _stats([Path(f[0]) for f in files]) == files:
        payload = pickle.dumps({"folders": folders, "files": files, "key": key})
        import tempfile

        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".manifest-", suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                stream.write(_signature(secret, payload).hex().encode("ascii") + payload)
            os.replace(temporary, manifest)
        except OSError:
            pass
    return key


def build(sources: list[Path], facts: list[Path], extractors: list, parsers: dict | None = None) -> tuple[Registry, list[str]]:
    """Read, extract, apply curated facts. Problems become notes, not exceptions."""
    from newslint.registry.build import build_registry, read_sources  # a cached registry needs neither
    from newslint.registry.curated import FactsError, apply_facts

    corpus = read_sources(sources, parsers)
    notes = list(corpus.problems)
    notes.extend(f"{p}: source not found" for p in sources if not p.exists())
    for folder in sources:
        if folder.is_dir() and not expand_paths([folder]):
            notes.append(f"{folder}: no source articles (.txt, .md) in this folder; the fact checks have nothing to check against")
    registry = build_registry(corpus, extractors)
    try:
        apply_facts(registry, list(expand_paths(facts, (".yaml", ".yml"))))
    except FactsError as error:
        notes.append(str(error))
    return registry, notes


class RegistryProvider:
    """Builds a registry once per distinct set of sources and facts, through the disk cache.

    Within a run the sources are hashed once per set of paths, not once per draft;
    `invalidate()` (a source or facts file changed, in an editor) makes the next call hash
    them again, and the content-keyed caches rebuild only what really changed."""

    def __init__(self, plugins) -> None:
        self.plugins = plugins
        self._built: dict[str, tuple[Registry, list[str]]] = {}  # by content hash
        # by paths, until invalidated; a build that raised is kept as its exception, so that
        # the drafts after the first do not each pay for the same failing build
        self._current: dict[tuple, tuple[Registry, list[str]] | Exception] = {}

    def get(self, sources: list[Path], facts: list[Path], parsers: dict | None = None) -> tuple[Registry, list[str]]:
        paths = (tuple(str(p) for p in sources), tuple(str(p) for p in facts))
        if paths not in self._current:
            try:
                self._current[paths] = self._by_content(sources, facts, parsers)
            except Exception as problem:
                self._current[paths] = problem
                raise
        known = self._current[paths]
        if isinstance(known, Exception):
            raise known
        return known

    def invalidate(self) -> None:
        self._current.clear()

    def _by_content(self, sources: list[Path], facts: list[Path], parsers: dict | None) -> tuple[Registry, list[str]]:
        extractors = self.plugins.fact_extractors()
        folder = cache_dir(sources)
        key = cached_key(sources, facts, extractors, folder)
        if key not in self._built:
            path = folder / f"registry-{key[:32]}.pickle" if folder else None
            value = load_cached(path, lambda: build(sources, facts, extractors, parsers)[0]) if path else None
            if value is None:
                value = build(sources, facts, extractors, parsers)
                if path:
                    from newslint.registry.parallel import MIN_DOCUMENTS  # (imported by the build)

                    # A large registry (a build in worker processes) is written by a forked process.
                    (save_cached_later if len(value[0].sources) >= MIN_DOCUMENTS else save_cached)(path, value)
            if path:
                value[0].__dict__["_cache_file"] = path  # where kept_derived keeps its indexes
            self._built[key] = value
        return self._built[key]
