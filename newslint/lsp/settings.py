"""Editor settings (`workspace/configuration`, section "newslint", or initializationOptions).

Each setting, when given, replaces the project config's value (find_config stays the default);
a draft's front matter `sources:` still wins over both, as on the command line without --sources.
Paths are relative to the workspace folder."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.engine.config import Config

LIST_KEYS = ("sources", "facts", "rules", "select", "ignore")
PATH_KEYS = ("sources", "facts", "rules")
DEFAULT_DEBOUNCE = 0.03  # seconds: long enough to merge a burst of keystrokes, short enough to feel live


@dataclass(frozen=True)
class Settings:
    sources: tuple[str, ...] | None = None
    facts: tuple[str, ...] | None = None
    rules: tuple[str, ...] | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    debounce: float = DEFAULT_DEBOUNCE
    incremental: bool = True  # re-check the edited paragraphs first, the whole draft when typing pauses

    def apply(self, config: Config, root: Path | None) -> Config:
        """The project config with these settings in place of its values."""
        changes: dict[str, Any] = {}
        base = root or config.root
        for key in LIST_KEYS:
            value = getattr(self, key)
            if value is None:
                continue
            if key in PATH_KEYS:
                changes[key] = [_resolve(base, item) for item in value]
            else:
                changes[key] = list(value)
        return dataclasses.replace(config, **changes) if changes else config


def parse_settings(data: Any) -> tuple[Settings, list[str]]:
    """Settings from the client's JSON; unusable values are skipped and reported."""
    if isinstance(data, dict) and isinstance(data.get("newslint"), dict):
        data = data["newslint"]  # initializationOptions may carry the section itself
    if not isinstance(data, dict):
        return Settings(), []
    values: dict[str, Any] = {}
    problems = []
    for key in LIST_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()] if key in ("select", "ignore") else [value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            values[key] = tuple(value)
        else:
            problems.append(f"setting newslint.{key} must be a list of strings; ignored")
    debounce = data.get("debounce")
    if debounce is not None:
        if isinstance(debounce, (int, float)) and 0 <= debounce <= 5000:
            values["debounce"] = debounce / 1000
        else:
            problems.append("setting newslint.debounce must be milliseconds between 0 and 5000; ignored")
    incremental = data.get("incremental")
    if incremental is not None:
        if isinstance(incremental, bool):
            values["incremental"] = incremental
        else:
            problems.append("setting newslint.incremental must be true or false; ignored")
    return Settings(**values), problems


def _resolve(base: Path, item: str) -> Path:
    path = Path(item).expanduser()
    return path if path.is_absolute() else base / path
