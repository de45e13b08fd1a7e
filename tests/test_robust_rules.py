"""Robustness of rule files: malformed YAML, unknown keys, wrong types, regexes that do not
compile and regexes that backtrack catastrophically. Each is reported with its file and line,
the other rules still run, and nothing hangs (user regexes run under the regex module's timeout).
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.engine.loader import builtin_rules_dir, compile_rule, read_spec, rule_files
from newslint.kinds.base import COMMON_KEYS, RuleSpec
from newslint.plugins import get_plugins
from newslint.registry.store import RegistryProvider

KINDS = get_plugins().rule_kinds()
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REGISTRIES = RegistryProvider(get_plugins())  # the seeds' registry, built once for all kinds
needs = lambda *kinds: pytest.mark.skipif(  # noqa: E731
    not set(kinds) <= set(KINDS), reason=f"rule kinds {kinds} (newslint/kinds) are not there yet")

ZEBRA = """\
extends: existence
message: "Probe word '%s'."
level: error
ignorecase: true
tokens:
  - zebra
"""
# file name -> (YAML, the line the problem must be reported on, a word the message must contain)
BROKEN = {
    "Malformed.yml": ("extends: existence\nmessage: 'x'\ntokens: [a, b\nlevel: error\n", 4, "invalid YAML"),
    "BadIndent.yml": ("extends: existence\ntokens:\n  - a\n - b\n", 4, "invalid YAML"),
    "Tab.yml": ("extends: existence\n\ttokens: [a]\n", 2, "invalid YAML"),
    "NotMapping.yml": ("- extends: existence\n- tokens: [a]\n", 1, "mapping"),
    "Scalar.yml": ("just a sentence\n", 1, "mapping"),
    "Empty.yml": ("", 1, "mapping"),
    "NoExtends.yml": ("message: x\ntokens: [a]\n", 1, "extends"),
    "UnknownExtends.yml": ("message: x\nextends: nosuchkind\ntokens: [a]\n", 2, "nosuchkind"),
    "ExtendsList.yml": ("message: x\nextends: [existence]\ntokens: [a]\n", 2, "extends"),
    "Level3.yml": ("extends: existence\nmessage: x\nlevel: 3\ntokens: [a]\n", 3, "level"),
    "LevelWord.yml": ("extends: existence\nmessage: x\ntokens: [a]\nlevel: fatal\n", 4, "level"),
    "Category.yml": ("extends: existence\nmessage: x\ntokens: [a]\n\ncategory: spelling\n", 5, "category"),
    "BadRegex.yml": ("extends: existence\nmessage: x\nlevel: error\ntokens:\n  - '(unclosed'\n", 4, "compile"),
    "BadRaw.yml": ("extends: existence\nmessage: x\nraw:\n  - '[z-a]'\n", 3, "compile"),
    "DeepRegex.yml": ("extends: existence\nmessage: x\nlevel: error\ntokens:\n  - '" + "(" * 2000 + "a" + ")" * 2000 + "'\n", 4, "compile"),
    "NoTokens.yml": ("extends: existence\nmessage: x\nlevel: error\n", 1, "tokens"),
    "TokensMap.yml": ("extends: existence\nmessage: x\ntokens: {a: b}\n", 3, "tokens"),
    "SwapList.yml": ("extends: substitution\nmessage: x\nswap: [a]\n", 3, "swap"),
    "SwapString.yml": ("extends: substitution\nmessage: x\n\nswap: a\n", 4, "swap"),
    "SwapBadRegex.yml": ("extends: substitution\nmessage: x\nswap:\n  '(bad': good\n", 3, "compile"),
    "BadDate.yml": ("extends: existence\nmessage: x\ntokens: [a]\ndescription: 2024-13-45\n", 1, "invalid YAML"),
    "DeepFlow.yml": ("extends: existence\ntokens: " + "[" * 3000 + "a" + "]" * 3000 + "\n", 2, "tokens"),
    "Binary.yml": (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", 1, "cannot read"),
    "Latin1.yml": ("extends: existence\nmessage: 'caf\u00e9'\ntokens: [a]\n".encode("latin-1"), 1, "cannot read"),
    "Python.yml": ("extends: existence\nmessage: !!python/object/apply:os.system ['echo pwned']\ntokens: [a]\n", 2, "invalid YAML"),
}
# Loaded with a warning (the rule still runs): unknown keys are reported, not fatal.
WARNED = {
    "UnknownKey.yml": ("extends: existence\nmessage: \"Unknown key '%s'.\"\nlevel: error\ncolour: red\ntokens: [okapi]\n", 4, "colour"),
}


def write_rules(folder: Path, files: dict[str, tuple]) -> Path:
    (folder / "Bad").mkdir(parents=True, exist_ok=True)
    for name, (body, _, _) in files.items():
        path = folder / "Bad" / name
        path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    (folder / "Good").mkdir(exist_ok=True)
    (folder / "Good" / "Zebra.yml").write_text(ZEBRA, encoding="utf-8")
    return folder


def used(files: dict[str, tuple]) -> dict[str, tuple]:
    """The cases whose rule kinds exist (others' kinds land while these tests are written)."""
    return {name: case for name, case in files.items()
            if not any(f"extends: {kind}" in str(case[0]) and kind not in KINDS for kind in ("existence", "substitution"))}


@needs("existence")
def test_every_broken_rule_file_is_reported_with_its_file_and_line(tmp_path: Path) -> None:
    cases = used(BROKEN)
    write_rules(tmp_path / "rules", {**cases, **WARNED})
    (tmp_path / ".newslint.yaml").write_text("{}\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text("A zebra and an okapi.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "newslint", "check", "draft.md", "--rules", "rules", "--format", "json"],
                          cwd=tmp_path, capture_output=True, timeout=120)
    stderr = done.stderr.decode()
    assert "Traceback" not in stderr, stderr
    assert not (tmp_path / "pwned").exists()
    assert done.returncode == 2  # rules that fail to load are a configuration error
    lines = stderr.splitlines()
    for name, (_, line, word) in {**cases, **WARNED}.items():
        where = f"rules/Bad/{name}:{line}:"
        reported = [text for text in lines if where in text]
        assert reported, f"{name} not reported at line {line}:\n{stderr}"
        assert word.lower() in reported[0].lower(), reported[0]
        severity = "warning" if name in WARNED else "error"
        assert f": {severity}:" in reported[0]
    # The good rule and the rule with a stray key still ran.
    findings = json.loads(done.stdout)
    assert sorted(f["text"] for f in findings) == ["okapi", "zebra"]


CATASTROPHIC = {
    # The example: the regex module's own safeguards make it linear, so it must finish.
    "Nested.yml": "extends: existence\nmessage: \"'%s'\"\nlevel: error\nnonword: true\nraw:\n  - '(a+)+$'\n",
    # Exponential even for the regex module: stopped by the timeout.
    "Alternation.yml": "extends: existence\nmessage: \"'%s'\"\nlevel: error\nnonword: true\nraw:\n  - '(a|aa)+$'\n",
    "Swap.yml": "extends: substitution\nmessage: \"'%s' for '%s'\"\nlevel: error\nnonword: true\nswap:\n  '(a|aa)+$': b\n",
}


@needs("existence", "substitution")
def test_catastrophic_regexes_are_stopped_and_the_other_rules_still_run(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    (folder / "Slow").mkdir(parents=True)
    for name, body in CATASTROPHIC.items():
        (folder / "Slow" / name).write_text(body, encoding="utf-8")
    (folder / "Good").mkdir()
    (folder / "Good" / "Zebra.yml").write_text(ZEBRA, encoding="utf-8")
    lint = Linter(Config(root=tmp_path), Options(rules=[folder], sources=[]))
    assert [p for p in lint.problems if str(folder) in p.path] == []
    text = "A zebra.\n\n" + "a" * 40 + "!\n\nAnother zebra.\n"
    report = lint.lint_text("draft.md", text)
    assert [f.text for f in report.findings if f.rule == "Good.Zebra"] == ["zebra", "zebra"]
    stopped = {note.split("rule ")[1].split()[0] for note in report.notes if "timed out" in note}
    assert stopped == {"Slow.Alternation", "Slow.Swap"}, report.notes
    for note in report.notes:
        assert "draft.md" in note
        assert "Slow" in note and ".yml" in note, note  # names the rule file to fix


@needs("existence")
def test_a_rule_is_stopped_when_its_regexes_together_use_its_budget(tmp_path: Path) -> None:
    """On the main thread a style rule's regexes run under one CPU-time budget for the rule
    (newslint/regextimer.py), not a second per call: a rule whose searches each take well under
    a second, but several seconds together, is stopped; off the main thread each call keeps its
    own second, so the same rule runs to the end there."""
    import threading
    import time

    import regex

    slow = regex.compile("(a|aa)+$")
    length = 20
    while True:  # a paragraph whose search takes 0.1-0.5 s on this machine
        started = time.process_time()
        slow.search("a" * length + "!")
        took = time.process_time() - started
        if took >= 0.1:
            break
        length += 1
    paragraphs = int(2.5 / took) + 2  # over 2.5 s in all
    folder = tmp_path / "rules"
    (folder / "Slow").mkdir(parents=True)
    (folder / "Slow" / "Paragraphs.yml").write_text(
        "extends: existence\nmessage: \"'%s'\"\nlevel: error\nnonword: true\nscope: paragraph\n"
        "raw:\n  - '(a|aa)+$'\n", encoding="utf-8")
    lint = Linter(Config(root=tmp_path), Options(rules=[folder], sources=[]))
    text = "\n\n".join(["a" * length + "!"] * paragraphs) + "\n"
    started = time.process_time()
    report = lint.lint_text("draft.md", text)
    assert time.process_time() - started < 2.0
    assert [note for note in report.notes if "Slow.Paragraphs" in note and "timed out" in note], report.notes
    if took < 0.5:
        done = []
        worker = threading.Thread(target=lambda: done.append(lint.lint_text("draft.md", text)))
        worker.start()
        worker.join()
        assert not [note for note in done[0].notes if "timed out" in note], done[0].notes


def test_a_per_call_timeout_covers_the_search_not_the_work_done_between_its_matches() -> None:
    """`regex` times a finditer from the iterator's creation, in process CPU time: the sourcing
    kinds' loops, which fill the registry's memos on a first match, could "time out" a search
    that took microseconds. newslint's finditer finds every match first (regextimer.finditer),
    so only the search counts against its timeout."""
    import time

    import regex

    from newslint.regextimer import finditer

    def spend(seconds: float) -> None:
        started = time.process_time()
        while time.process_time() - started < seconds:
            pass

    pattern = regex.compile(r"\w+")
    text = "one two three"
    found = []
    for match in finditer(pattern, text, 0, len(text), 0.05):
        spend(0.03)  # 0.09 s in all between the matches: over the timeout, the search well under
        found.append(match.group())
    assert found == ["one", "two", "three"]
    with pytest.raises(TimeoutError):  # what the plain iterator does with the same loop
        for match in pattern.finditer(text, 0, len(text), timeout=0.05):
            spend(0.03)


def wrong_values() -> list:
    return [5, -1, 3.5, True, None, "", "(", "%s %s %s", [], [None], [1, [2]], {}, {"a": None}, {"a": [1]},
            {"(": ")"}, "x" * 300, [{"a": 1}, "b"], "(" * 1000 + "a" + ")" * 1000, "-" * 10000 + "1",
            "1" + "+1" * 10000, ["a{99999999999}"]]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_wrong_types_for_every_key_never_crash_the_loader_or_the_check(kind: str, tmp_path: Path) -> None:
    """Every key a kind knows, with every wrong type: the loader returns a rule or a problem
    naming the file, and a rule it loads does not fail when it checks a document."""
    rule_class = KINDS[kind]
    lint = Linter(Config(root=tmp_path), Options(rules=[], sources=[SEEDS]), registries=REGISTRIES)
    document = ("# A zebra heading\n\nThe zebra said \"aaa\" twice, she said. Zebra zebra. It is 5% of 12 cases, "
                "experts say. Former President Donald Trump and Gloria Sheibaum met.\n")
    base = minimal_rule(kind)
    failures = []
    for key in sorted(rule_class.keys | COMMON_KEYS - {"extends"}):
        for value in wrong_values():
            data = {**base, key: value}
            spec = RuleSpec(id="Fuzz.Rule", path="rules/Fuzz/Rule.yml", data=data, lines={k: i + 1 for i, k in enumerate(data)})
            try:
                rule, problems = compile_rule(spec, KINDS)
            except Exception as error:  # noqa: BLE001 - the failure is the finding
                failures.append(f"load {key}={value!r}: {type(error).__name__}: {error}")
                continue
            for problem in problems:
                assert problem.path == "rules/Fuzz/Rule.yml" and problem.line >= 1
            if rule is None:
                continue
            lint.ruleset.rules = [rule]
            report = lint.lint_text("d.md", document)
            failures += [f"check {key}={value!r}: {note}" for note in report.notes if "failed" in note]
    assert failures == [], "\n".join(f[:200] for f in failures[:30])


def minimal_rule(kind: str) -> dict:
    """A valid rule of a kind: a shipped rule of that kind, else the first of the usual keys
    that loads (kinds land while these tests are written, so they are not listed by hand)."""
    for _, path in rule_files(builtin_rules_dir()):
        spec, _ = read_spec("Shipped.Rule", path)
        if spec is not None and spec.data.get("extends") == kind and compile_rule(spec, KINDS)[0] is not None:
            return dict(spec.data)
    candidates = [
        {}, {"tokens": ["zebra"]}, {"swap": {"zebra": "horse"}}, {"first": "zebra", "second": "horse"},
        {"either": {"zebra": "Zebra"}}, {"match": "$title"}, {"max": 1, "token": "zebra"},
        {"formula": "words / sentences", "condition": "> 1"}, {"metrics": ["Flesch-Kincaid"], "grade": 1},
    ]
    for extra in candidates:
        data = {"extends": kind, "message": "'%s'", "level": "warning", **extra}
        rule, problems = compile_rule(RuleSpec(id="Min.Rule", path="x.yml", data=data), KINDS)
        if rule is not None:
            return data
    pytest.skip(f"no minimal rule found for extends: {kind}")


@needs("existence")
@pytest.mark.parametrize("limit", ["many", [1], {"a": 1}])
def test_a_wrong_limit_is_reported_when_the_rule_loads(limit, tmp_path: Path) -> None:
    data = {"extends": "existence", "message": "'%s'", "tokens": ["zebra"], "limit": limit}
    rule, problems = compile_rule(RuleSpec(id="Bad.Limit", path="rules/Bad/Limit.yml", data=data, lines={"limit": 4}), KINDS)
    lint = Linter(Config(root=tmp_path), Options(rules=[], sources=[]))
    if rule is not None:
        lint.ruleset.rules = [rule]
        assert lint.lint_text("d.md", "A zebra.\n").notes == []
    else:
        assert [(p.path, p.line) for p in problems] == [("rules/Bad/Limit.yml", 4)]


@needs("metric")
@pytest.mark.parametrize("formula", ["-" * 10000 + "1", "1" + "+1" * 10000])
def test_a_formula_too_deep_to_parse_is_reported_on_its_line(formula: str) -> None:
    data = {"extends": "metric", "message": "%s", "formula": formula, "condition": "> 1"}
    rule, problems = compile_rule(RuleSpec(id="Bad.Deep", path="rules/Bad/Deep.yml", data=data,
                                           lines={"extends": 1, "message": 2, "formula": 3, "condition": 4}), KINDS)
    assert rule is None
    assert [(p.path, p.line) for p in problems] == [("rules/Bad/Deep.yml", 3)]
