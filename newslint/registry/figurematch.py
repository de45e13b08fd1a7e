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


def normalised(p: Policy, context: tuple[str, ...]) -> frozenset[str]:
    """A figure's context with synonyms folded: compute once per figure when comparing many."""
    return frozenset(p.normal(x) for x in context)


def shared(p: Policy, a: tuple[str, ...] | frozenset[str], b: tuple[str, ...] | frozenset[str]) -> list[str]:
    left = a if isinstance(a, frozenset) else normalised(p, a)
    right = b if isinstance(b, frozenset) else normalised(p, b)
    return sorted(left & right)


def matches(p: Policy, kind: str, unit: str, context: tuple[str, ...] | frozenset[str], other_kind: str,
            other_unit: str, other_context: tuple[str, ...] | frozenset[str]) -> int:
    """How strongly two figures speak of the same thing: the number of shared context items,
    or 0 when they do not (different kind or unit, too little shared, only names shared).
    Contexts may be given already normalised (see `normalised`)."""
    if kind != other_kind:
        return 0
    need = needed(p, kind, unit, other_unit)
    if need is None:
        return 0
    common = shared(p, context, other_context)
    words = [w for w in common if not w[:1].isupper()]
    if len(common) < need[0] or len(words) < need[1]:
        return 0
    return len(common)


def needed(p: Policy, kind: str, unit: str, other_unit: str) -> tuple[int, int] | None:
    """(shared items, of which ordinary words) two figures of `kind` need in common; None when
    their units say they measure different things."""
    need_shared, need_words = p.min_shared.get(kind, 3), p.min_words
    if kind in UNIT_KINDS:
        if not unit and not other_unit:
            # Nothing counted or measured on either side ("deliberated for six hours"): the
            # words around must say it, so ask for one more of them.
            return need_shared + 1, need_words + 1
        if not unit or not other_unit or p.normal(unit) != p.normal(other_unit):
            return None
    return need_shared, need_words
