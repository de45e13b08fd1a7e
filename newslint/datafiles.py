"""The shipped data files (newslint/data/*.yaml), parsed once with libyaml when it is there.

PyYAML's pure-Python loader takes about 0.3 s for these files, a good part of a cold start;
libyaml's `CSafeLoader` builds the same safe types (no arbitrary objects) in a few ms."""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint.yamlcache import ParsedYaml

# PyYAML is imported where YAML is parsed: a run whose rules and data files all come from the
# cache (yamlcache.py) does not load it.


def yaml_errors() -> tuple[type[BaseException], ...]:
    """PyYAML's error type if PyYAML is loaded, for `except (..., *yaml_errors())`: nothing can
    have raised one before."""
    yaml = sys.modules.get("yaml")
    return (yaml.YAMLError,) if yaml is not None else ()


def safe_load(text: str) -> Any:
    """`yaml.safe_load`, with libyaml's safe loader when PyYAML was built with it."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe either way


def safe_load_with_node(text: str) -> tuple[Any, Any]:
    """Parse once, safely: the data and the node tree (for the position of every key and
    value), with libyaml when available (whose plain scalars have style "", PyYAML's None)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def data_file(name: str) -> Any:
    """A file of newslint/data, parsed once per process (and kept parsed between runs, see
    yamlcache.py). Shared: callers must not mutate it."""
    raw = (DATA / name).read_bytes()
    cache = _data_cache()
    value = cache.parse(name, raw, lambda: safe_load(raw.decode("utf-8")))
    cache.save()
    return value


@lru_cache(maxsize=1)
def _data_cache() -> ParsedYaml:
    return ParsedYaml(DATA, "data")
