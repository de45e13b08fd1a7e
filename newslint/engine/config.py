"""Configuration: `.newslint.yaml` or `[tool.newslint]` in pyproject.toml, found by searching
from the linted file's folder upward. Paths in a config are relative to the config's folder."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint.findings import SEVERITIES

CONFIG_FILES = (".newslint.yaml", ".newslint.yml", "pyproject.toml")
KEYS = {"sources", "facts", "rules", "select", "ignore", "levels", "fail_level", "exclude", "accept"}


class ConfigError(Exception):
    """A configuration file or option is wrong; the message names the file."""


@dataclass(repr=False)  # never printed: no generated __repr__ to compile at start-up
class Config:
    """What a configuration file (or the defaults) says: sources, facts, rule folders, selection and levels."""

    path: Path | None = None  # the file it came from, None for defaults
    root: Path = field(default_factory=Path.cwd)
    sources: list[Path] = field(default_factory=list)
    facts: list[Path] = field(default_factory=list)
    rules: list[Path] = field(default_factory=list)  # extra rule-pack folders
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    levels: dict[str, str] = field(default_factory=dict)  # rule id or prefix -> level
    fail_level: str = "warning"
    exclude: list[str] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)  # words and names accepted everywhere


def _as_list(value: Any, key: str, where: Path) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()] if key in ("select", "ignore") else [value]
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v) for v in value]
    raise ConfigError(f"{where}: '{key}' must be a string or a list of strings")


def config_from_mapping(data: dict[str, Any], path: Path | None, root: Path) -> Config:
    where = path or Path("<config>")
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: the newslint configuration must be a mapping")
    data = {str(k).replace("-", "_"): v for k, v in data.items()}
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; known keys: {', '.join(sorted(KEYS))}")
    config = Config(path=path, root=root)
    config.sources = [root / p for p in _as_list(data.get("sources"), "sources", where)]
    config.facts = [root / p for p in _as_list(data.get("facts"), "facts", where)]
    config.rules = [root / p for p in _as_list(data.get("rules"), "rules", where)]
    config.select = _as_list(data.get("select"), "select", where)
    config.ignore = _as_list(data.get("ignore"), "ignore", where)
    config.exclude = _as_list(data.get("exclude"), "exclude", where)
    config.accept = _as_list(data.get("accept"), "accept", where)
    levels = data.get("levels") or {}
    if not isinstance(levels, dict):
        raise ConfigError(f"{where}: 'levels' must map rule ids to levels")
    # YAML reads a bare `off` as false.
    levels = {str(k): "off" if v is False else str(v) for k, v in levels.items()}
    for rule, level in levels.items():
        if level not in (*SEVERITIES, "off"):
            raise ConfigError(f"{where}: level of {rule!r} must be one of {', '.join(SEVERITIES)} or off")
    config.levels = levels
    fail = str(data.get("fail_level", "warning"))
    if fail not in SEVERITIES:
        raise ConfigError(f"{where}: fail-level must be one of {', '.join(SEVERITIES)}")
    config.fail_level = fail
    return config


def load_config_file(path: Path) -> Config:
    """Read one config file. Raises ConfigError with the file's name on any problem."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from None
    if path.name == "pyproject.toml":
        parsed, value = _newslint_table(path, raw)
        if not parsed:
            raise ConfigError(f"{path}: invalid TOML: {value}")
        data = value if value is not None else {}
    else:
        import yaml  # here: most runs have no YAML config (and PyYAML takes ~10 ms to import)

        try:
            data = yaml.safe_load(raw) or {}
        except (yaml.YAMLError, ValueError, RecursionError) as error:  # also bad dates, deep nesting
            raise ConfigError(f"{path}: invalid YAML: {error}") from None
    return config_from_mapping(data, path, path.parent.resolve())


def find_config(folder: Path) -> Config:
    """The nearest config at or above `folder`; defaults when there is none."""
    return _find_config(folder.resolve())  # cached by absolute folder, never by "."


@lru_cache(maxsize=256)
def _find_config(folder: Path) -> Config:
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if not path.is_file():
                continue
            if name == "pyproject.toml" and not _has_newslint_table(path):
                continue
            return load_config_file(path)
    return Config(root=folder)


def _has_newslint_table(path: Path) -> bool:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "newslint" not in raw:
        return False  # no table can name it: no need to parse (or import a TOML parser)
    parsed, value = _newslint_table(path, raw)
    if not parsed:
        # Broken TOML that configures newslint must be reported, not silently passed over.
        return "[tool.newslint" in raw
    return value is not None


@lru_cache(maxsize=16)
def _newslint_table(path: Path, raw: str) -> tuple[bool, Any]:
    """(True, the file's [tool.newslint] table, None when it has none), or (False, why the
    TOML does not parse). Kept between runs by the file's bytes in the cache folder, like the
    rule packs' YAML: a run whose pyproject.toml has not changed imports no TOML parser."""
    from newslint.yamlcache import ParsedYaml

    cache = ParsedYaml(path.parent, "toml", code=("engine/config.py",), keep=4)
    value = cache.parse(path.name, raw.encode("utf-8"), lambda: _parse_table(raw))
    cache.save()
    return value


def _parse_table(raw: str) -> tuple[bool, Any]:
    tomllib = _tomllib()
    try:
        tool = tomllib.loads(raw).get("tool", {})
    except tomllib.TOMLDecodeError as error:
        return False, str(error)
    return True, tool.get("newslint") if isinstance(tool, dict) else None


def _tomllib():
    """The TOML parser, imported only when a pyproject.toml may configure newslint."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib
