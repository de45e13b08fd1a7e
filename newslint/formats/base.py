"""What every output format receives."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from newslint.engine.linter import Report
    from newslint.kinds.base import Rule


@dataclass
class FormatContext:
    rules: list[Rule] = field(default_factory=list)  # every loaded rule (SARIF lists them)
    color: bool = False


Formatter = Callable[["list[Report]", TextIO, FormatContext], None]
