"""Run the loaded rules over one document: select, check, suppress, place."""
from __future__ import annotations

import dataclasses
import os
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.document import Document, parse_document
from newslint.engine.config import Config
from newslint.engine.files import InputError, read_text
from newslint.engine.loader import LoadProblem, RuleSet, builtin_rules_dir, load_rules
from newslint.engine.suppress import Suppressions, matches
from newslint.findings import Finding, severity_rank
from newslint.kinds.base import REGEX_TIMEOUT, CheckContext, Rule, prose_words
from newslint.regextimer import DocumentTimer, calm
from newslint.plugins import Plugins, get_plugins
from newslint.registry.store import RegistryProvider


@dataclass(eq=False, repr=False)  # never compared or printed: no generated methods to compile at start-up
class Report:
    """The result of linting one file: its findings, or the error that stopped it."""

    path: str
    document: Document | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    notes: list[str] = field(default_factory=list)  # rule failures, registry problems


@dataclass(eq=False, repr=False)  # never compared or printed: no generated methods to compile at start-up
class Options:
    """What the command line adds to or overrides in the configuration."""

    sources: list[Path] | None = None  # replaces configured and front-matter sources
    facts: list[Path] | None = None
    rules: list[Path] = field(default_factory=list)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)


def selected(rule_id: str, select: list[str], ignore: list[str]) -> bool:
    if select and not any(matches(rule_id, s) for s in select):
        return False
    return not any(matches(rule_id, s) for s in ignore)


def level_for(rule_id: str, levels: dict[str, str]) -> str | None:
    """The configured level of the most specific matching id or prefix."""
    best = None
    for key, level in levels.items():
        if matches(rule_id, key) and (best is None or len(key) > len(best[0])):
            best = (key, level)
    return best[1] if best else None


@dataclass(eq=False, repr=False)  # never compared or printed: no generated methods to compile at start-up
class RulePlan:
    """The active rules of one selection, indexed by their gate words (Rule.gate_words) once,
    so that a document visits only the rules that can find something in it: one set
    intersection per document instead of a call per rule. Rules keep their order."""

    rules: list[tuple[Rule, str]]
    always: list[int] = field(default_factory=list)  # positions of the rules without gate words
    by_word: dict[str, list[int]] = field(default_factory=dict)  # word -> positions of its rules
    wants_registry: bool = False  # some rule needs or reads the fact registry

    def __post_init__(self) -> None:
        self.wants_registry = any(rule.needs_registry or rule.uses_registry for rule, _ in self.rules)
        for position, (rule, _) in enumerate(self.rules):
            if rule.gate_words is None:
                self.always.append(position)
            else:
                for word in rule.gate_words:
                    self.by_word.setdefault(word, []).append(position)

    def for_document(self, document: Document) -> list[tuple[Rule, str]]:
        if not self.by_word:
            return list(self.rules)
        chosen = set(self.always)
        for word in self.by_word.keys() & prose_words(document):
            chosen.update(self.by_word[word])
        return [self.rules[position] for position in sorted(chosen)]


class Linter:
    """Lints documents with one configuration. Rules are compiled once, on construction."""

    def __init__(self, config: Config, options: Options | None = None, plugins: Plugins | None = None,
                 registries: RegistryProvider | None = None) -> None:
        self.config = config
        self.options = options or Options()
        self.plugins = plugins or get_plugins()
        self.parsers = self.plugins.parsers()
        defaults = self.plugins.default_config()
        folders = [builtin_rules_dir(), *[Path(p) for p in defaults.get("rules", [])],
                   *config.rules, *self.options.rules]
        self.ruleset: RuleSet = load_rules(folders, self.plugins.rule_kinds())
        self.registries = registries or RegistryProvider(self.plugins)
        # active_rules() per front-matter select/ignore: matching every rule id against the
        # selectors costs more than most rules' checks when a style has thousands of rules.
        self._active: dict[tuple, tuple[list[Rule], int, RulePlan]] = {}

    @property
    def problems(self) -> list[LoadProblem]:
        return self.ruleset.problems

    def active_rules(self, front: dict[str, Any] | None = None) -> list[tuple[Rule, str]]:
        """(rule, level) for every rule that runs, after select/ignore/levels and front matter."""
        return list(self.plan(front).rules)

    def plan(self, front: dict[str, Any] | None = None) -> RulePlan:
        """The active rules (see active_rules) with their word index, built once per selection."""
        select = self.options.select if self.options.select is not None else self.config.select
        ignore = [*self.config.ignore, *self.options.ignore]
        front = front or {}
        front_select = _str_list(front.get("select"))
        front_ignore = _str_list(front.get("ignore"))
        key = (tuple(front_select), tuple(front_ignore))
        rules = self.ruleset.rules
        hit = self._active.get(key)
        if hit is not None and hit[0] is rules and hit[1] == len(rules):
            return hit[2]
        chosen = []
        for rule in self.ruleset.rules:
            if not selected(rule.id, select, ignore) or not selected(rule.id, front_select, front_ignore):
                continue
            level = level_for(rule.id, self.config.levels) or rule.level
            if level != "off":
                chosen.append((rule, level))
        plan = RulePlan(chosen)
        self._active[key] = (rules, len(rules), plan)
        return plan

    def sources_for(self, document: Document) -> list[Path]:
        if self.options.sources is not None:
            return self.options.sources
        declared = _str_list(document.front_matter.get("sources"))
        if declared:
            base = Path(document.path).parent
            return [base / p for p in declared]
        return self.config.sources

    def facts_for(self) -> list[Path]:
        return self.options.facts if self.options.facts is not None else self.config.facts

    # -- linting -----------------------------------------------------------------------------
    def lint_file(self, path: Path) -> Report:
        try:
            decoded = read_text(path)
        except InputError as error:
            return Report(str(path), error=str(error))
        return self.lint_text(str(path), decoded.text)

    @calm  # a timed rule's budget is spent in the rule, never raised here (regextimer.py)
    def lint_text(self, path: str, text: str) -> Report:
        document = parse_document(path, text, self.parsers)
        report = Report(path, document)
        report.notes.extend(f"{path}:{problem}" for problem in getattr(document, "problems", ()))
        front = document.front_matter.get("newslint") if isinstance(document.front_matter, dict) else None
        front = front if isinstance(front, dict) else {}
        plan = self.plan(front)
        context = CheckContext(
            document=document,
            accepted_words=frozenset(w.casefold() for w in [*self.config.accept, *_str_list(front.get("accept"))]),
            draft_date=_date(document.front_matter.get("date")),
        )
        if plan.wants_registry:
            sources = self.sources_for(document)
            if sources:
                try:
                    context.registry, notes = self.registries.get(sources, self.facts_for(), self.parsers)
                    report.notes.extend(notes)
                except Exception as problem:  # noqa: BLE001 - a bug in the fact extraction must not cost the style findings
                    if os.environ.get("NEWSLINT_DEBUG"):
                        raise
                    report.error = (f"{path}: the fact checks were skipped: internal error while building the fact "
                                    f"registry from {', '.join(str(s) for s in sources)}: {type(problem).__name__}: "
                                    f"{problem} (a bug in newslint; the other rules ran; run again with "
                                    "NEWSLINT_DEBUG=1 for the traceback and report it)")
        findings: list[Finding] = []
        rules = plan.for_document(document)
        # One CPU-time budget per timed rule instead of a timeout per regex call (regextimer.py).
        timer = DocumentTimer.for_document(len(document.text)) if any(rule.timed for rule, _ in rules) else None
        try:
            for rule, level in rules:
                if rule.needs_registry and context.registry is None:
                    continue
                timed = timer is not None and rule.timed
                try:
                    if timed:
                        timer.start()
                    for finding in rule.check(context):
                        if finding.category == "style" and not rule.inquotes and document.in_quote(finding.start, finding.end):
                            continue  # the words inside quotation marks are the speaker's
                        findings.append(finding if level == rule.level else dataclasses.replace(finding, severity=_relevel(finding.severity, rule.level, level)))
                except TimeoutError:
                    limit = f"its regexes took over {timer.budget:g} s" if timed else f"a regex took over {REGEX_TIMEOUT:g} s"
                    report.notes.append(f"{path}: rule {rule.id} ({rule.spec.path}) timed out ({limit}) and was stopped")
                except Exception as error:  # noqa: BLE001 - one broken rule must not stop the others
                    report.notes.append(f"{path}: rule {rule.id} ({rule.spec.path}) failed: {type(error).__name__}: {error}")
                finally:
                    if timed:
                        timer.stop()
        finally:
            if timer is not None:
                timer.close()
        report.findings = self._finish(document, findings, context)
        return report

    def _finish(self, document: Document, findings: list[Finding], context: CheckContext) -> list[Finding]:
        text = document.text
        line_starts = document.line_starts
        suppressions = Suppressions(text, line_starts)
        suppressed = suppressions.suppressed if suppressions.ranges else None  # most drafts have none
        accepted = context.accepted_words
        placed = []
        seen = set()
        for finding in findings:
            start = max(0, min(finding.start, len(text)))
            end = max(start, min(finding.end, len(text)))
            if suppressed is not None and suppressed(finding):
                continue
            found = text[start:end]
            if accepted and found.casefold() in accepted:
                continue
            key = (finding.rule, start, end, finding.message)
            if key in seen:
                continue
            seen.add(key)
            # document.position, inlined (offsets are already clamped): thousands of findings.
            line = bisect_right(line_starts, start)
            end_line = bisect_right(line_starts, end, line - 1)
            # Built directly: dataclasses.replace looks up every field of every finding.
            placed.append(Finding(
                rule=finding.rule, category=finding.category, severity=finding.severity,
                message=finding.message, start=start, end=end, fix=finding.fix,
                evidence=finding.evidence, link=finding.link, path=document.path, line=line,
                column=start - line_starts[line - 1] + 1, end_line=end_line,
                end_column=end - line_starts[end_line - 1] + 1, text=found))
        placed.sort(key=lambda f: (f.start, f.end, f.rule))
        return placed


def failing(findings: list[Finding], fail_level: str) -> bool:
    threshold = severity_rank(fail_level)
    return any(severity_rank(f.severity) >= threshold for f in findings)


def _relevel(current: str, default: str, configured: str) -> str:
    """A configured level replaces the rule's own; findings a rule downgraded stay below it."""
    return configured if current == default else min(current, configured, key=severity_rank)


def _str_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, (str, int, float))]
    return []


def _date(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def warn(message: str) -> None:
    print(f"newslint: {message}", file=sys.stderr)
