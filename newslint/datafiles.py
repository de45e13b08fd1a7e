"""The shipped data files (newslint/data/*.yaml), parsed once with libyaml when it is there.

PyYAML's pure-Python loader takes about 0.3 s for these files, a good part of a cold start;
libyaml's `CSafeLoader` builds the same safe types (no arbitrary objects) in a few ms."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


def safe_load(text: str) -> Any:
    """`yaml.safe_load`, with libyaml's safe loader when PyYAML was built with it."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe either way


def safe_load_with_node(text: str) -> tuple[Any, Any]:
    """Parse once, safely: the data and the node tree (for the position of every key and
    value), with libyaml when available (whose plain scalars have style "", PyYAML's None)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


@lru_cache(maxsize=None)
def data_file(name: str) -> Any:
    """A file of newslint/data, parsed once per process. Shared: callers must not mutate it."""
    return safe_load(resources.files("newslint.data").joinpath(name).read_text(encoding="utf-8"))
