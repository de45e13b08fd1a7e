"""When two figures speak of the same thing: same kind and unit, and enough shared context
(words and names around them). Used for the registry's conflicts and by the figure check."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from newslint.registry.wording import stem

UNIT_KINDS = frozenset({"count", "duration", "percent", "amount"})


@dataclass
class Policy:
    min_shared: dict[str, int] = field(default_factory=dict)
    min_words: int = 1
    synonyms: dict[str, str] = field(default_factory=dict)  # stem -> group head

    def normal(self, item: str) -> str:
        return item if item[:1].isupper() else self.synonyms.get(item, item)


def policy(overrides: dict[str, Any] | None = None) -> Policy:
    """The matching policy of numbers.yaml, with a rule's own keys on top."""
    base = _default()
    overrides = overrides or {}
    min_shared = dict(base["min_shared"])
    min_shared.update(overrides.get("min_shared") or {})
    groups = list(base["synonyms"]) + list(overrides.get("synonyms") or [])
    synonyms: dict[str, str] = {}
    for group in groups:
        head = stem(str(group[0]))
        for word in group:
            synonyms.setdefault(stem(str(word)), head)
    return Policy({str(k): int(v) for k, v in min_shared.items()},
                  int(overrides.get("min_words", base["min_words"])), synonyms)


@lru_cache(maxsize=1)
def _default() -> dict:
    text = resources.files("newslint.data").joinpath("numbers.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["matching"]


def same_value(kind: str, a: str, b: str) -> bool:
    """Equal values; a date or month without a year matches one with a year."""
    if a == b:
        return True
    if kind in ("date", "month"):
        return a.split("-")[-2:] == b.split("-")[-2:] if kind == "date" else a.split("-")[-1] == b.split("-")[-1]
    return False


def comparable(kind: str, a: str, b: str) -> bool:
    """Values that can contradict each other: amounts in the same currency."""
    if kind == "amount":
        return a.partition(" ")[2] == b.partition(" ")[2]
    return True


def shared(p: Policy, a: tuple[str, ...], b: tuple[str, ...]) -> list[str]:
    left = {p.normal(x) for x in a}
    return sorted(left & {p.normal(x) for x in b})


def matches(p: Policy, kind: str, unit: str, context: tuple[str, ...], other_kind: str, other_unit: str,
            other_context: tuple[str, ...]) -> int:
    """How strongly two figures speak of the same thing: the number of shared context items,
    or 0 when they do not (different kind or unit, too little shared, only names shared)."""
    if kind != other_kind:
        return 0
    need_shared, need_words = p.min_shared.get(kind, 3), p.min_words
    if kind in UNIT_KINDS:
        if not unit and not other_unit:
            # Nothing counted or measured on either side ("deliberated for six hours"): the
            # words around must say it, so ask for one more of them.
            need_shared, need_words = need_shared + 1, need_words + 1
        elif not unit or not other_unit or p.normal(unit) != p.normal(other_unit):
            return 0
    common = shared(p, context, other_context)
    words = [w for w in common if not w[:1].isupper()]
    if len(common) < need_shared or len(words) < need_words:
        return 0
    return len(common)
