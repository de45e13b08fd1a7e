"""A quick re-check of the paragraphs an edit touched, so diagnostics follow typing in a long
draft; the server runs the complete lint once typing pauses.

The edited paragraphs are linted with a few paragraphs of context before them (the engine needs
them for pronoun referents and second references) and the front matter (sources, accept,
select); findings elsewhere are kept from the previous result, moved by the edit's length.
Rules that judge the whole document (consistency, conditional, counts over the whole text) are
not re-run on the excerpt: their previous findings are kept until the complete lint."""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from newslint.engine.linter import Linter
from newslint.findings import Finding
from newslint.kinds.base import Rule
from newslint.lsp.edits import front_matter_span

CONTEXT_BEFORE = 2  # paragraphs of context before the edited ones (pronoun referents, second references)
CONTEXT_AFTER = 1
BLANK_LINES = re.compile(r"\n(?:[ \t]*\r?\n)+")
LINE = re.compile(r"\n")
FENCE = re.compile(r"^[ \t]{0,3}(?:```|~~~)", re.M)
RANGE_COMMENT = re.compile(r"^.*<!--\s*newslint-(?:disable|enable)(?![\w-]).*$", re.M)
WHOLE_DOCUMENT_KINDS = {"consistency", "conditional"}
COUNTING_KINDS = {"occurrence", "metric", "readability"}
UNWRAPPED = 100  # plain-text lines this long are paragraphs of their own (as the parser reads them)


@dataclass(frozen=True)
class Change:
    """Where two versions of a text differ: [start, old_end) in the old, [start, new_end) in the new."""

    start: int
    old_end: int
    new_end: int

    @property
    def delta(self) -> int:
        return self.new_end - self.old_end


def changed_span(old: str, new: str) -> Change:
    limit = min(len(old), len(new))
    start = _common_length(lambda k: old[:k] == new[:k], limit)
    suffix = _common_length(lambda k: old[len(old) - k:] == new[len(new) - k:], limit - start)
    return Change(start, len(old) - suffix, len(new) - suffix)


def _common_length(same, limit: int) -> int:
    """The largest k <= limit with same(k), by bisection (string comparison runs in C)."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if same(middle):
            low = middle
        else:
            high = middle - 1
    return low


def shifted(findings: list[Finding], change: Change) -> list[Finding]:
    """The old findings the edit did not touch, at their offsets in the new text. (Findings that
    only touch the edit are in an edited paragraph, which is checked again anyway.)"""
    kept = []
    for finding in findings:
        if finding.end <= change.start:
            kept.append(finding)
        elif finding.start >= change.old_end:
            kept.append(dataclasses.replace(finding, start=finding.start + change.delta, end=finding.end + change.delta))
    return kept


def whole_document(rule: Rule) -> bool:
    """Rules whose findings depend on the whole text, not on the paragraph they are in."""
    scope = str(rule.scope or "text")
    return rule.extends in WHOLE_DOCUMENT_KINDS or (rule.extends in COUNTING_KINDS and scope in ("text", "raw"))


def paragraph_starts(text: str, markdown: bool) -> list[int]:
    """Where the paragraphs start: after blank lines, or at every line of unwrapped plain text."""
    starts = [0, *(m.end() for m in BLANK_LINES.finditer(text))]
    if not markdown and len(starts) == 1 and any(len(line) > UNWRAPPED for line in text.split("\n")):
        starts = [0, *(m.end() for m in LINE.finditer(text))]
    return starts


def relint(linter: Linter, path: str, old_text: str, old_findings: list[Finding], text: str,
           markdown: bool) -> list[Finding] | None:
    """Findings for `text` from a lint of the paragraphs changed since `old_text`; None when the
    edit cannot be checked on its own (front matter, code fences), so the caller lints it all."""
    change = changed_span(old_text, text)
    front = front_matter_span(text)
    old_front = front_matter_span(old_text)
    if (front or old_front) and change.start < max((front or (0, 0))[1], (old_front or (0, 0))[1]):
        return None  # sources, accept or select may have changed
    starts = paragraph_starts(text, markdown)
    first = bisect.bisect_right(starts, change.start) - 1
    last = bisect.bisect_right(starts, max(change.start, change.new_end - 1)) - 1
    bounds = [*starts, len(text)]
    edited = (starts[first], bounds[last + 1])
    window_start = starts[max(0, first - CONTEXT_BEFORE)]
    window_end = bounds[min(len(starts), last + 1 + CONTEXT_AFTER)]
    if markdown and ("```" in text or "~~~" in text) and len(FENCE.findall(text, 0, window_start)) % 2:
        return None  # the excerpt starts inside a code block
    if front and window_start < front[1]:
        window_start = 0
    prefix = ""
    if window_start > 0:
        prefix = (text[:front[1]] + "\n") if front else ""
        prefix += "".join(m.group() + "\n\n" for m in RANGE_COMMENT.finditer(text, front[1] if front else 0, window_start))
    excerpt = prefix + text[window_start:window_end]
    offset = window_start - len(prefix)
    report = linter.lint_text(path, excerpt)
    if report.error:
        return None
    rules = {rule.id: rule for rule in linter.ruleset.rules}
    fresh = [
        dataclasses.replace(f, start=f.start + offset, end=f.end + offset)
        for f in report.findings
        if edited[0] <= f.start + offset < edited[1] and not (f.rule in rules and whole_document(rules[f.rule]))
    ]
    kept = [
        f for f in shifted(old_findings, change)
        if not (edited[0] <= f.start < edited[1]) or (f.rule in rules and whole_document(rules[f.rule]))
    ]
    return sorted([*kept, *fresh], key=lambda f: (f.start, f.end, f.rule))
