"""Where built registries are kept: in memory for the process, and on disk keyed by a content
hash of the sources, the curated facts and newslint itself, so that a pre-commit run loads the
registry instead of rebuilding it. A cache that cannot be read is ignored and rebuilt."""
from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import tempfile
from pathlib import Path

from newslint import __version__
from newslint.engine.files import expand_paths
from newslint.registry.build import build_registry, read_sources
from newslint.registry.curated import FactsError, apply_facts
from newslint.registry.model import Registry

CACHE_FOLDER = ".newslint_cache"
KEY_FILE = "cache.key"
_PACKAGE = Path(__file__).resolve().parent.parent
# Files whose change changes what a build produces (besides the version).
_CODE = ("registry", "data", "document")


def code_fingerprint() -> str:
    """Size and mtime of the extraction code and lexicons: a development edit invalidates."""
    digest = hashlib.sha256()
    for folder in _CODE:
        for path in sorted((_PACKAGE / folder).rglob("*")):
            if path.suffix in (".py", ".yaml", ".yml"):
                stat = path.stat()
                digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def content_key(sources: list[Path], facts: list[Path], extractors: list | None = None) -> str:
    """A hash of every source and facts file's path and bytes, newslint's version and code,
    and the extractors that run (plugins may add some)."""
    digest = hashlib.sha256(__version__.encode())
    digest.update(code_fingerprint().encode())
    for extractor in extractors or []:
        digest.update(f"{getattr(extractor, 'name', type(extractor).__name__)}:{getattr(extractor, 'order', 100)}".encode())
    for path in [*expand_paths(sources), *expand_paths(facts, (".yaml", ".yml"))]:
        digest.update(str(path).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


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
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(secrets.token_bytes(32))
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        secret = path.read_bytes()
    except OSError:
        return None
    return secret if len(secret) == 32 else None


def _signature(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(secret, payload, hashlib.sha256).digest()


def load_cached(path: Path) -> tuple[Registry, list[str]] | None:
    secret = cache_secret()
    if secret is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    signature, payload = data[:32], data[32:]
    if not hmac.compare_digest(signature, _signature(secret, payload)):
        return None  # not written by this user's newslint: never unpickled
    try:
        value = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a corrupt cache file is rebuilt, never fatal
        return None
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], Registry):
        return value
    return None


def save_cached(path: Path, value: tuple[Registry, list[str]]) -> None:
    """Write signed and atomically (temporary file, then rename); a cache that cannot be
    written is skipped."""
    secret = cache_secret()
    if secret is None:
        return
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".registry-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(_signature(secret, payload) + payload)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        try:
            os.unlink(temporary)  # type: ignore[possibly-undefined]
        except (OSError, UnboundLocalError, NameError):
            pass


def build(sources: list[Path], facts: list[Path], extractors: list, parsers: dict | None = None) -> tuple[Registry, list[str]]:
    """Read, extract, apply curated facts. Problems become notes, not exceptions."""
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
        self._current: dict[tuple, tuple[Registry, list[str]]] = {}  # by paths, until invalidated

    def get(self, sources: list[Path], facts: list[Path], parsers: dict | None = None) -> tuple[Registry, list[str]]:
        paths = (tuple(str(p) for p in sources), tuple(str(p) for p in facts))
        if paths not in self._current:
            self._current[paths] = self._by_content(sources, facts, parsers)
        return self._current[paths]

    def invalidate(self) -> None:
        self._current.clear()

    def _by_content(self, sources: list[Path], facts: list[Path], parsers: dict | None) -> tuple[Registry, list[str]]:
        extractors = self.plugins.fact_extractors()
        key = content_key(sources, facts, extractors)
        if key not in self._built:
            folder = cache_dir(sources)
            path = folder / f"registry-{key[:32]}.pickle" if folder else None
            value = load_cached(path) if path else None
            if value is None:
                value = build(sources, facts, extractors, parsers)
                if path:
                    save_cached(path, value)
            self._built[key] = value
        return self._built[key]
