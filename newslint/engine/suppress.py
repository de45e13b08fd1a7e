"""Inline suppression comments:

    <!-- newslint-disable RULE[, RULE] -->   off until enabled again (no RULE: every rule)
    <!-- newslint-enable [RULE] -->
    <!-- newslint-disable-next-line RULE -->
    <!-- newslint-disable-line RULE -->

RULE is a rule id or a prefix of one (`facts`, `newsroom.Numbers`)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from newslint.findings import Finding

# The body stops at the next "<" too: thousands of unclosed comments are then scanned once each
# up to the next one, not to the end of the text (quadratic).
COMMENT = re.compile(r"<!--\s*newslint-(disable-next-line|disable-line|disable|enable)\b([^<>]*?)-->")
ALL = "*"


def matches(rule_id: str, selector: str) -> bool:
    """True when `selector` is `rule_id`, a prefix pack/rule of it, or ALL."""
    return selector == ALL or rule_id == selector or rule_id.startswith(selector + ".")


@dataclass(eq=False, repr=False)  # never compared, printed or changed: no generated methods to compile at start-up
class _Range:
    """A span of the text where a suppression comment turns rules off."""

    start: int  # offset where suppression starts
    end: int  # offset where it ends
    selectors: tuple[str, ...]
    excluded: tuple[str, ...] = ()  # enabled again inside ("disable" then "enable facts.Names")


class Suppressions:
    def __init__(self, text: str, line_starts: list[int]) -> None:
        self.ranges: list[_Range] = []
        if "newslint-" not in text:
            return
        # selector -> (where its range opened, the rules enabled again inside it)
        open_ranges: dict[str, tuple[int, tuple[str, ...]]] = {}
        for match in COMMENT.finditer(text):
            action = match.group(1)
            selectors = tuple(s for s in re.split(r"[\s,]+", match.group(2).strip()) if s) or (ALL,)
            line = bisect.bisect_right(line_starts, match.start()) - 1
            if action == "disable":
                for selector in selectors:
                    open_ranges.setdefault(selector, (match.end(), ()))
            elif action == "enable":
                # "enable facts" ends "disable facts" and "disable facts.Names"; bare "enable" all.
                closing = [s for s in open_ranges if any(matches(s, e) for e in selectors)]
                for selector in closing:
                    start, excluded = open_ranges.pop(selector)
                    self.ranges.append(_Range(start, match.start(), (selector,), excluded))
                # A rule enabled inside a wider disable ("disable" or "disable facts", then
                # "enable facts.Names"): the wider range goes on without it.
                for enabled in (s for s in selectors if s != ALL and s not in closing):
                    for selector, (start, excluded) in list(open_ranges.items()):
                        if selector != enabled and matches(enabled, selector):
                            self.ranges.append(_Range(start, match.start(), (selector,), excluded))
                            open_ranges[selector] = (match.end(), (*excluded, enabled))
            else:
                target = line + 1 if action == "disable-next-line" else line
                if target < len(line_starts):
                    start = line_starts[target]
                    end = line_starts[target + 1] if target + 1 < len(line_starts) else len(text)
                    self.ranges.append(_Range(start, end, selectors))
        for selector, (start, excluded) in open_ranges.items():
            self.ranges.append(_Range(start, len(text), (selector,), excluded))

    def suppressed(self, finding: Finding) -> bool:
        return any(
            r.start <= finding.start < r.end and any(matches(finding.rule, s) for s in r.selectors)
            and not any(matches(finding.rule, e) for e in r.excluded)
            for r in self.ranges
        )
