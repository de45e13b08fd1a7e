"""`newslint rules list | explain ID | test [DIR...]`.

`test` lints each rule's own examples (`examples: {flag: [...], pass: [...]}`) with the real
engine and counts that rule's findings: every `flag` example must give at least one finding of
the rule, every `pass` example none. Fact rules may name source files for their examples with
`examples: {sources: [paths relative to the rule file]}`."""
from __future__ import annotations

import re
import sys
from argparse import Namespace
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.cli.main import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, error
from newslint.engine.config import Config, ConfigError, find_config
from newslint.engine.linter import Linter, Options
from newslint.engine.loader import RULE_SUFFIXES
from newslint.kinds.base import Rule, RuleSpec

EXAMPLE_NAME = "example.md"


def run_rules(args: Namespace) -> int:
    try:
        if args.rules_command == "list":
            return list_rules(args)
        if args.rules_command == "explain":
            return explain_rule(args)
        if args.rules_command == "test":
            return test_rules(args)
    except ConfigError as problem:
        error(str(problem))
    return EXIT_ERROR


def _linter(extra: list[Path]) -> Linter | None:
    for folder in extra:
        if not folder.is_dir():
            error(f"{folder}: no such directory")
            return None
    return Linter(find_config(Path.cwd()), Options(rules=list(extra)))


def _report_problems(linter: Linter, only: list[Path] | None = None) -> int:
    """Print load problems (those under `only`, when given); return how many are errors."""
    errors = 0
    for problem in linter.problems:
        if only and not any(_inside(Path(problem.path), folder) for folder in only):
            continue
        print(f"newslint: {problem}", file=sys.stderr)
        errors += problem.severity == "error"
    return errors


def _one_line(text: str) -> str:
    return " ".join(str(text or "").split())


def _summary(text: str, width: int = 100) -> str:
    """The first sentence of a description, on one line and at most `width` characters."""
    line = _one_line(text)
    end = re.search(r"[.!?](?=\s+[A-Z\"“])", line)
    line = line[: end.end()] if end else line
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


# -- list ----------------------------------------------------------------------------------
def list_rules(args: Namespace) -> int:
    linter = _linter(args.rules)
    if linter is None:
        return EXIT_ERROR
    errors = _report_problems(linter)
    rules = linter.ruleset.rules
    width = max((len(r.id) for r in rules), default=0)
    for rule in rules:
        description = _summary(rule.description or rule.message)
        print(f"{rule.id:<{width}}  {rule.extends:<14}  {rule.level:<10}  {rule.finding_category:<12}  {description}")
    return EXIT_ERROR if errors else EXIT_CLEAN


# -- explain -------------------------------------------------------------------------------
def explain_rule(args: Namespace) -> int:
    linter = _linter(args.rules)
    if linter is None:
        return EXIT_ERROR
    rule = next((r for r in linter.ruleset.rules if r.id == args.id), None)
    if rule is None:
        spec = next((s for s in linter.ruleset.specs if s.id == args.id), None)
        if spec is not None:
            _report_problems(linter, [Path(spec.path)])
            error(f"rule {args.id} did not load ({spec.path})")
        else:
            known = [r.id for r in linter.ruleset.rules if r.id.lower().startswith(args.id.split(".")[0].lower())]
            hint = f"; rules in that pack: {', '.join(known[:20])}" if known else "; see 'newslint rules list'"
            error(f"no rule {args.id!r}{hint}")
        return EXIT_ERROR
    out = [f"{rule.id}  ({rule.extends}, {rule.level}, {rule.finding_category})"]
    if rule.description:
        out += ["", rule.description.strip()]
    out += ["", f"message: {rule.message}", f"level:   {rule.level}", f"scope:   {rule.scope}"]
    if rule.link:
        out.append(f"link:    {rule.link}")
    out.append(f"file:    {rule.spec.path}")
    examples = rule.spec.data.get("examples")
    if isinstance(examples, dict):
        for label, key in (("flags", "flag"), ("passes", "pass")):
            items = [str(e) for e in examples.get(key) or [] if isinstance(e, (str, int, float))]
            if items:
                out += ["", f"{label}:"] + [f"  - {item}" for item in items]
    print("\n".join(out))
    return EXIT_CLEAN


# -- test ----------------------------------------------------------------------------------
@dataclass
class Tally:
    passed: int = 0
    failed: int = 0
    skipped: list[str] = field(default_factory=list)

    def fail(self, rule_id: str, path: str, why: str) -> None:
        self.failed += 1
        print(f"FAIL {rule_id} ({path}): {why}")


def test_rules(args: Namespace) -> int:
    folders: list[Path] = []
    for folder in args.dirs:
        if not folder.is_dir():
            error(f"{folder}: no such directory")
            return EXIT_ERROR
        # A pack folder (DIR/Rule.yml) is loaded through its parent; a folder of packs as is.
        folders.append(folder.parent if _is_pack(folder) else folder)
    # The configured rule folders, but none of its select/ignore/levels: every rule is tested.
    config = find_config(Path.cwd())
    linter = Linter(Config(root=config.root, rules=config.rules), Options(rules=folders))
    tally = Tally()
    only = [f.resolve() for f in args.dirs] or None
    for problem in linter.problems:
        if problem.severity != "error" or (only and not any(_inside(Path(problem.path), f) for f in only)):
            continue
        tally.fail(Path(problem.path).stem, problem.path, f"does not load: {problem.message} (line {problem.line})")
    for rule in linter.ruleset.rules:
        if only and not any(_inside(Path(rule.spec.path), f) for f in only):
            continue
        _test_rule(linter, rule, tally)
    for note in tally.skipped:
        print(f"skip {note}")
    print(f"{tally.passed} passed, {tally.failed} failed")
    return EXIT_FINDINGS if tally.failed else EXIT_CLEAN


def _test_rule(linter: Linter, rule: Rule, tally: Tally) -> None:
    examples = rule.spec.data.get("examples")
    if examples is None:
        return
    if not isinstance(examples, dict) or not set(examples) <= {"flag", "pass", "sources"}:
        tally.fail(rule.id, rule.spec.path, "'examples' must be a mapping with 'flag' and 'pass' lists")
        return
    sources = _example_sources(rule.spec, examples)
    if rule.needs_registry and not sources:
        tally.skipped.append(f"{rule.id}: needs sources for its examples (examples: {{sources: [...]}})")
        return
    # Every rule runs on the example and only this rule's findings count: the same findings
    # as `--select RULE` (rules do not interact), with one Linter for the whole run.
    linter.options.sources = sources or None
    try:
        for key, wanted in (("flag", True), ("pass", False)):
            items = examples.get(key) or []
            if not isinstance(items, list):
                tally.fail(rule.id, rule.spec.path, f"'examples.{key}' must be a list of strings")
                continue
            for text in items:
                _test_example(linter, rule, str(text), wanted, tally)
    finally:
        linter.options.sources = None


def _test_example(linter: Linter, rule: Rule, text: str, wanted: bool, tally: Tally) -> None:
    report = linter.lint_text(EXAMPLE_NAME, text)
    found = [f for f in report.findings if f.rule == rule.id]
    problems = [n for n in report.notes if rule.id in n]
    if problems:
        tally.fail(rule.id, rule.spec.path, f"{problems[0]} on {text!r}")
    elif wanted and not found:
        tally.fail(rule.id, rule.spec.path, f"flag example gave no finding: {text!r}")
    elif not wanted and found:
        tally.fail(rule.id, rule.spec.path, f"pass example was flagged ({found[0].text!r}: {found[0].message}): {text!r}")
    else:
        tally.passed += 1


def _example_sources(spec: RuleSpec, examples: dict[str, Any]) -> list[Path]:
    declared = examples.get("sources") or []
    declared = [declared] if isinstance(declared, str) else declared
    base = Path(spec.path).parent
    return [base / str(p) for p in declared]


def _is_pack(folder: Path) -> bool:
    return any(p.suffix in RULE_SUFFIXES for p in folder.iterdir() if p.is_file())


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False
