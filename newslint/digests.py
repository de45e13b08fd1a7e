"""Digests and signatures for newslint's caches, without loading OpenSSL.

Importing `hashlib` (or `hmac`, which imports it) loads Python's OpenSSL binding whatever hash
is asked for: about 4 ms, 2% of a cold check. The caches need a digest of some bytes and a
per-user signature, and BLAKE2b gives both: keyed with the user's secret it is a MAC by design
(RFC 7693), with no HMAC construction around it. Python builds BLAKE2 in, so this module
imports it alone; where that module is missing (another Python), hashlib's blake2b is the same
function."""
from __future__ import annotations

import os

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - CPython always has it
    from hashlib import blake2b
try:
    from _operator import _compare_digest as same  # what hmac.compare_digest is without OpenSSL
except ImportError:  # pragma: no cover
    from hmac import compare_digest as same

SIZE = 32  # bytes of every digest and signature

__all__ = ["digest", "files_state", "hasher", "hexdigest", "same", "sign", "SIZE"]


def digest(data: bytes | memoryview = b"") -> bytes:
    """The digest of `data` (BLAKE2b, 32 bytes)."""
    return blake2b(data, digest_size=SIZE).digest()


def hexdigest(data: bytes | memoryview = b"") -> str:
    return blake2b(data, digest_size=SIZE).hexdigest()


def hasher():
    """A digest fed piece by piece (`update`, then `digest` or `hexdigest`)."""
    return blake2b(digest_size=SIZE)


def sign(secret: bytes, data: bytes | memoryview) -> bytes:
    """`data`'s signature with `secret` (keyed BLAKE2b, 32 bytes); check it with `same`, which
    takes the same time wherever the two differ."""
    return blake2b(data, key=secret, digest_size=SIZE).digest()


def files_state(modules) -> list:
    """Each module's file as (path, size, modification time), None for a module without one:
    part of the key of a cache of what the module's code produces."""
    parts: list = []
    for module in modules:
        try:
            stat = os.stat(module.__file__)
            parts.append((module.__file__, stat.st_size, stat.st_mtime_ns))
        except (AttributeError, TypeError, OSError):
            parts.append(None)
    return parts
