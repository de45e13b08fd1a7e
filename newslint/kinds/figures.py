"""Fact kind `figures`: a number, amount, duration or date whose context matches a source
figure of the same kind with a different value ("60-minute meeting" where the sources say
90-minute). Silent when the sources have no such figure (the sourcing rules handle that)."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any, ClassVar

from newslint.findings import Evidence, Finding, Fix
from newslint.kinds.base import CheckContext, Rule, RuleError, format_message
from newslint.registry.figurematch import Key, comparable, consistent, key, matches, person_words, policy, same_value
from newslint.registry.model import FigureFact
from newslint.registry.numbers import KINDS, Figure, find_figures, number_text



# How a source's bound reads in a message ("the sources give about 1,800").
QUALIFIER = {"more": "more than ", "less": "at most ", "nearly": "nearly ", "about": "about "}


class FiguresRule(Rule):
    extends: ClassVar[str] = "figures"
    category: ClassVar[str] = "figure"
    needs_registry: ClassVar[bool] = True
    keys: ClassVar[frozenset[str]] = frozenset({"kinds", "min_shared", "min_words", "synonyms", "safe_fix_sources",
                                                "anchor_penalty", "person_penalty"})

    def compile(self, data: dict[str, Any]) -> None:
        kinds = data.get("kinds", list(KINDS))
        if not isinstance(kinds, list) or any(k not in KINDS for k in kinds):
            raise RuleError(f"kinds must be a list of {', '.join(KINDS)}", "kinds")
        self.kinds = frozenset(kinds)
        min_shared = data.get("min_shared") or {}
        if not isinstance(min_shared, dict) or any(not isinstance(v, int) for v in min_shared.values()):
            raise RuleError("min_shared must map a kind to a number of shared context words", "min_shared")
        synonyms = data.get("synonyms") or []
        if not isinstance(synonyms, list) or any(not isinstance(g, list) or not g for g in synonyms):
            raise RuleError("synonyms must be a list of word lists", "synonyms")
        for name in ("anchor_penalty", "person_penalty"):
            if name in data and (not isinstance(data[name], int) or data[name] < 0):
                raise RuleError(f"{name} must be a whole number of shared context words (0 or more)", name)
        self.policy = policy({"min_shared": min_shared, "synonyms": synonyms,
                              **{k: data[k] for k in ("min_words", "anchor_penalty", "person_penalty") if k in data}})
        self.safe_fix_sources = int(data.get("safe_fix_sources", 2))
        self._indexes: dict[int, tuple[Any, dict]] = {}
        if not self.message:
            self.message = "'%s': the sources give %s (%s)"

    def check(self, context: CheckContext) -> Iterator[Finding]:
        registry = context.registry
        if registry is None or not registry.figures:
            return
        by_kind, people = self._index(registry)
        for figure in find_figures(context.document, skip_quotes=True):
            if figure.kind not in self.kinds:
                continue
            finding = self._check_one(figure, by_kind.get(figure.kind, []), people)
            if finding is not None:
                yield finding

    def _index(self, registry) -> tuple[dict[str, list[tuple[FigureFact, Key]]], dict[str, str]]:
        """The registry's figures by kind, with their keys made once (kept per registry), and
        the name words of its people."""
        held = self._indexes.get(id(registry))
        if held is None or held[0] is not registry:
            people = person_words(registry)
            by_kind: dict[str, list[tuple[FigureFact, Key]]] = defaultdict(list)
            for fact in registry.figures:
                by_kind[fact.kind].append((fact, key(self.policy, fact.kind, fact.unit, fact.context,
                                                     getattr(fact, "anchors", ()), people)))
            if len(self._indexes) > 8:
                self._indexes.clear()
            held = self._indexes[id(registry)] = (registry, (dict(by_kind), people))
        return held[1]

    def _check_one(self, figure: Figure, facts: list[tuple[FigureFact, Key]], people: dict[str, str]) -> Finding | None:
        p = self.policy
        mine = key(p, figure.kind, figure.unit, figure.context, figure.anchors, people)
        related = [(score, fact) for fact, theirs in facts
                   if comparable(figure.kind, figure.value, fact.value)
                   and (score := matches(p, mine, theirs))]
        if not related:
            return None
        # An exact source value says more than a bound: "more than 250,000" agrees with the
        # sources' "more than 212,000", not with their 212,400.
        exact = [(score, fact) for score, fact in related if not getattr(fact, "bound", "")]
        if any(self._agree(figure, fact) for _, fact in exact or related):
            return None
        # Precision first: the same value, near enough the same words, means the sources agree
        # (one shared item fewer than a full match asks for, two at least, not about other
        # people; a bound such as "up to 20 years" allows too much to count here).
        least = max(2, p.min_shared.get(figure.kind, 3) - 1)
        for fact, theirs in facts:
            if same_value(figure.kind, figure.value, fact.value) \
                    and (p.normal(fact.unit) == p.normal(figure.unit) or not figure.unit) \
                    and not (mine.persons and theirs.persons and not mine.persons & theirs.persons) \
                    and len(mine.context & theirs.context) >= least:
                return None
        by_value = self._by_value(related)
        best_value, support = max(by_value.items(), key=lambda item: (len({f.provenance.source for _, f in item[1]}),
                                                                      sum(s for s, _ in item[1])))
        support.sort(key=lambda item: (bool(getattr(item[1], "bound", "")), -item[0]))
        sources = sorted({f.provenance.source for _, f in support})
        said = QUALIFIER.get(getattr(support[0][1], "bound", ""), "") + support[0][1].text
        where = "; ".join(f"{_short(f.provenance.source)} line {f.provenance.line}" for _, f in support[:3])
        message = format_message(self.message, (figure.phrase or figure.text, said, where))
        if len(by_value) > 1:
            message += " (the sources disagree: " + ", ".join(
                f"{items[0][1].text} in {len({f.provenance.source for _, f in items})}" for items in by_value.values()) + ")"
        fix = self._fix(figure, said, single=len(by_value) == 1, sources=len(sources))
        start, end = (figure.number_start, figure.number_end) if figure.kind in ("count", "duration", "percent", "amount") \
            else (figure.start, figure.end)
        return self.finding(start, end, message=message, fix=fix,
                            evidence=[Evidence(f.provenance.source, f.provenance.line, f.provenance.text) for _, f in support[:3]])

    def _by_value(self, related: list[tuple[int, FigureFact]]) -> dict[str, list[tuple[int, FigureFact]]]:
        """The matching source figures by value; a bound or approximate value that an exact one
        satisfies joins it ("more than 3,000" and "3,180" do not disagree)."""
        by_value: dict[str, list[tuple[int, FigureFact]]] = defaultdict(list)
        for score, fact in related:
            by_value[fact.value].append((score, fact))
        exact = [v for v, items in by_value.items() if not any(getattr(f, "bound", "") for _, f in items)]
        for value in [v for v in by_value if v not in exact]:
            bound = next(getattr(f, "bound", "") for _, f in by_value[value] if getattr(f, "bound", ""))
            home = next((e for e in exact if consistent(by_value[value][0][1].kind, value, bound, e, "", self.policy.approximate)), None)
            if home is not None:
                by_value[home].extend(by_value.pop(value))
        return by_value

    def _agree(self, figure: Figure, fact: FigureFact) -> bool:
        return consistent(figure.kind, figure.value, figure.bound, fact.value, getattr(fact, "bound", ""),
                          self.policy.approximate)

    def _fix(self, figure: Figure, said: str, single: bool, sources: int) -> Fix | None:
        """The source's figure in place of the draft's, when all matching sources agree."""
        if not single:
            return None
        if figure.kind in ("date", "month", "year", "weekday"):
            replacement = said
        else:
            replacement = number_text(figure.kind, said)
            if not replacement:
                return None
            if replacement[:1].isalpha() and figure.text[:1].isupper():
                replacement = replacement.capitalize()
        # 0 means never safe: the figure is offered, applied only with --unsafe-fixes.
        return Fix(replacement, safe=0 < self.safe_fix_sources <= sources)


def _short(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


RULE_KINDS = {"figures": FiguresRule}
