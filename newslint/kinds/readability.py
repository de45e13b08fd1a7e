"""`extends: readability` (Vale): the average of the chosen `metrics` (Flesch-Kincaid, Gunning
Fog, Coleman-Liau, SMOG, Automated Readability) over the whole text must not exceed `grade`.
The message's %s is the grade, with two decimals."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint.findings import Finding
from newslint.kinds.base import RuleError
from newslint.kinds.textstats import grades
from newslint.kinds.vale import STYLE_KEYS, DocumentView, ValeRule, number, string_list

METRICS = ("Flesch-Kincaid", "Gunning Fog", "Coleman-Liau", "SMOG", "Automated Readability")


class Readability(ValeRule):
    extends = "readability"
    keys = frozenset({"metrics", "grade"}) | STYLE_KEYS

    def compile(self, data: dict[str, Any]) -> None:
        self.metrics = string_list(data, "metrics")
        unknown = [m for m in self.metrics if m not in METRICS]
        if not self.metrics or unknown:
            raise RuleError(f"'metrics' must list some of {', '.join(METRICS)}", "metrics")
        self.grade = number(data, "grade", 8)

    def scan(self, view: DocumentView, state: Any) -> Iterator[Finding]:
        scores = grades(view.statistics)
        if not scores:
            return
        grade = sum(scores[m] for m in self.metrics) / len(self.metrics)
        if grade > self.grade:
            start, end = view.first_line()
            yield self.finding(start, end, f"{grade:.2f}")


RULE_KINDS = {"readability": Readability}
