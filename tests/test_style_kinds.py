"""The Vale-compatible style kinds: Vale's semantics on real text, scope, case, word
boundaries, messages, exceptions, fixes, load errors and the literal prefilter."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from newslint.document import parse_document
from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.kinds.vale import TokenPattern, case_like, requirement, to_sentence, view_of


def make_linter(tmp_path: Path, rules: dict[str, str]) -> Linter:
    pack = tmp_path / "styles" / "T"
    pack.mkdir(parents=True, exist_ok=True)
    for name, body in rules.items():
        (pack / f"{name}.yml").write_text(textwrap.dedent(body), encoding="utf-8")
    return Linter(Config(root=tmp_path), Options(rules=[tmp_path / "styles"], select=["T"]))


def lint(tmp_path: Path, rules: dict[str, str], text: str, name: str = "draft.md"):
    linter = make_linter(tmp_path, rules)
    assert [p for p in linter.problems if p.severity == "error"] == []
    return linter.lint_text(name, textwrap.dedent(text)).findings


def texts(findings) -> list[str]:
    return [f.text for f in findings]


# -- existence ----------------------------------------------------------------------------
EXISTENCE = """\
    extends: existence
    message: "Avoid '%s'."
    level: warning
    ignorecase: true
    tokens:
      - cat
      - past history
"""


def test_existence_whole_words_and_message(tmp_path):
    found = lint(tmp_path, {"Avoid": EXISTENCE}, "The Cat sat. A concatenation of past  history.\n")
    assert texts(found) == ["Cat"]  # "concatenation" is not the word; two spaces are not one
    assert found[0].message == "Avoid 'Cat'."
    assert found[0].rule == "T.Avoid" and found[0].severity == "warning" and found[0].category == "style"
    assert (found[0].line, found[0].column) == (1, 5)


def test_existence_case_sensitive_by_default(tmp_path):
    rule = EXISTENCE.replace("ignorecase: true", "ignorecase: false")
    assert texts(lint(tmp_path, {"Avoid": rule}, "Cat and cat.\n")) == ["cat"]


def test_existence_nonword_matches_inside_words(tmp_path):
    rule = """\
        extends: existence
        message: "'%s'"
        nonword: true
        tokens: [cat]
    """
    assert texts(lint(tmp_path, {"In": rule}, "concatenate the cat\n")) == ["cat", "cat"]


def test_existence_raw_goes_before_tokens_unless_append(tmp_path):
    passive = """\
        extends: existence
        message: "'%s' may be passive."
        ignorecase: true
        raw:
          - \\b(am|are|were|being|is|been|was|be)\\b\\s*
        tokens:
          - '[\\w]+ed'
          - beaten
    """
    found = lint(tmp_path, {"Passive": passive}, "The bill was passed and he was beaten. It is blue.\n")
    assert texts(found) == ["was passed", "was beaten"]
    appended = """\
        extends: existence
        message: "'%s'"
        append: true
        raw: ['\\s+dollars']
        tokens: ['\\$\\d+']
        nonword: true
    """
    assert texts(lint(tmp_path, {"Dollars": appended}, "It cost $5 dollars.\n")) == ["$5 dollars"]


def test_existence_exceptions_are_case_sensitive_words(tmp_path):
    rule = """\
        extends: existence
        message: "'%s'"
        ignorecase: true
        tokens: ['\\w+ly']
        exceptions: [only, Italy]
    """
    assert texts(lint(tmp_path, {"Ly": rule}, "Only Italy, only quickly.\n")) == ["Only", "quickly"]


def test_scope_heading_paragraph_and_negation(tmp_path):
    rule = """\
        extends: existence
        message: "'%s'"
        scope: heading
        tokens: [budget]
    """
    text = "# Budget budget\n\nThe budget passed.\n"
    assert [f.line for f in lint(tmp_path, {"H": rule.replace("Budget", "x")}, text)] == [1]
    negated = rule.replace("scope: heading", "scope: ~heading")
    assert [f.line for f in lint(tmp_path, {"H": negated}, text)] == [3]


def test_quotations_are_skipped_and_limit_caps_findings(tmp_path):
    rule = EXISTENCE + "    limit: 1\n"
    found = lint(tmp_path, {"Avoid": rule}, 'She said "the cat is mine." A cat ran. Another cat.\n')
    assert [(f.text, f.column) for f in found] == [("cat", 31)]


def test_existence_action_replace_is_a_fix(tmp_path):
    rule = EXISTENCE + "    action:\n      name: replace\n      params: [dog]\n"
    (finding,) = lint(tmp_path, {"Avoid": rule}, "A cat.\n")
    assert finding.fix is not None and finding.fix.replacement == "dog" and finding.fix.safe


# -- substitution -------------------------------------------------------------------------
SUBSTITUTION = """\
    extends: substitution
    message: "Use '%s' instead of '%s'."
    level: suggestion
    ignorecase: true
    swap:
      past history: history
      history lesson: lesson
      utilize: use
      amid: during|as|while
"""


def test_substitution_message_fix_and_case(tmp_path):
    found = lint(tmp_path, {"Sub": SUBSTITUTION}, "Past history shows we utilize tools.\n")
    assert [(f.text, f.message, f.fix.replacement, f.fix.safe) for f in found] == [
        ("Past history", "Use 'history' instead of 'Past history'.", "History", True),
        ("utilize", "Use 'use' instead of 'utilize'.", "use", True),
    ]


def test_substitution_alternatives_are_an_unsafe_fix(tmp_path):
    (finding,) = lint(tmp_path, {"Sub": SUBSTITUTION}, "Prices fell amid fears.\n")
    assert finding.message == "Use 'during', 'as', or 'while' instead of 'amid'."
    assert finding.fix.replacement == "during" and not finding.fix.safe


def test_substitution_groups_and_already_correct(tmp_path):
    percent = """\
        extends: substitution
        message: "Use '%s' instead of '%s'."
        nonword: true
        swap:
          '\\b(\\d+) ?%': $1 percent
    """
    found = lint(tmp_path, {"Sub": percent}, "Turnout was 45%, not 45 percent.\n")
    assert [(f.text, f.fix.replacement) for f in found] == [("45%", "45 percent")]
    rule = """\
        extends: substitution
        message: "Use '%s' instead of '%s'."
        swap:
          e-?mail: email
    """
    assert texts(lint(tmp_path, {"Mail": rule}, "Send an e-mail or an email.\n")) == ["e-mail"]


def test_substitution_case_sensitive_keeps_replacement_verbatim(tmp_path):
    rule = """\
        extends: substitution
        message: "Use '%s' instead of '%s'."
        swap:
          US: U.S.
    """
    found = lint(tmp_path, {"US": rule}, "The US said us.\n")
    assert [(f.text, f.fix.replacement) for f in found] == [("US", "U.S.")]


# -- occurrence, repetition, consistency, conditional ------------------------------------
def test_occurrence_counts_per_sentence(tmp_path):
    rule = """\
        extends: occurrence
        message: "%s commas"
        scope: sentence
        max: 2
        token: ','
    """
    found = lint(tmp_path, {"Commas": rule}, "One, two, three, four. Five, six.\n")
    assert [(f.message, f.column) for f in found] == [("3 commas", 4)]


def test_occurrence_min_over_the_whole_text(tmp_path):
    rule = """\
        extends: occurrence
        message: "only %s mentions"
        min: 2
        token: '\\bsource\\b'
    """
    assert [f.message for f in lint(tmp_path, {"Min": rule}, "One source.\n\nNo more.\n")] == ["only 1 mentions"]
    assert lint(tmp_path, {"Min": rule}, "One source.\n\nAnother source.\n") == []


def test_repetition_same_line_only_and_fix(tmp_path):
    rule = """\
        extends: repetition
        message: "'%s' is repeated!"
        alpha: true
        ignorecase: true
        action:
          name: edit
          params: [truncate, " "]
        tokens: ['[^\\s]+']
    """
    text = "The the plan. End of\nof line. It is 5 5 now. Keep `the` the.\n"
    found = lint(tmp_path, {"Rep": rule}, text)
    # Vale names the second (current) token in the message.
    assert [(f.text, f.message, f.fix.replacement) for f in found] == [("The the", "'the' is repeated!", "The")]


def test_consistency_reports_the_second_form(tmp_path):
    rule = """\
        extends: consistency
        message: "Inconsistent spelling of '%s'."
        ignorecase: true
        either:
          advisor: adviser
          color: colour
    """
    found = lint(tmp_path, {"Spell": rule}, "The adviser spoke.\n\nLater the advisor and an adviser left. Color.\n")
    assert texts(found) == ["advisor"]


def test_conditional_needs_a_definition_first(tmp_path):
    rule = """\
        extends: conditional
        message: "'%s' has no definition."
        first: '\\b([A-Z]{3,5})\\b'
        second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
        exceptions: [NATO]
    """
    text = "The WHO met. The World Health Organization (WHO) met NATO. The IMF too.\n\nThe WHO agreed.\n"
    found = lint(tmp_path, {"Acr": rule}, text)
    # The first WHO comes in the same block as its definition: Vale collects definitions first.
    assert texts(found) == ["IMF"]


# -- capitalization -----------------------------------------------------------------------
@pytest.mark.parametrize(("match", "heading", "ok"), [
    ("$title", "The Art of War in the Modern Age", True),
    ("$title", "The art of war in the modern age", False),
    ("$sentence", "City council delays the budget vote again", True),
    ("$sentence", "City Council Delays The Budget Vote Again", False),
    ("$lower", "all quiet", True),
    ("$upper", "ALL QUIET", True),
    ("$upper", "All quiet", False),
    ("^[A-Z]", "Starts with a capital", True),
    ("^[A-Z]", "starts lower", False),
])
def test_capitalization(tmp_path, match, heading, ok):
    rule = f"""\
        extends: capitalization
        message: "'%s' should be '%s'"
        scope: heading
        match: '{match}'
    """
    found = lint(tmp_path, {"Case": rule}, f"# {heading}\n\nbody text here\n")
    assert (found == []) is ok
    if not ok and match in ("$title", "$sentence"):
        assert found[0].text == heading and found[0].fix is not None and not found[0].fix.safe


def test_sentence_case_tolerates_proper_nouns_and_exceptions(tmp_path):
    rule = """\
        extends: capitalization
        message: "'%s'"
        scope: heading
        match: $sentence
        exceptions: [Springfield, Ruiz]
    """
    assert lint(tmp_path, {"Case": rule}, "# Ruiz says Springfield budget is late\n") == []


# -- loading ------------------------------------------------------------------------------
def test_broken_regex_is_reported_with_file_and_line(tmp_path):
    rule = "extends: existence\nmessage: x\nlevel: warning\ntokens:\n  - '(unclosed'\n"
    linter = make_linter(tmp_path, {"Broken": rule, "Good": EXISTENCE})
    (problem,) = [p for p in linter.problems if p.severity == "error"]
    assert problem.path.endswith("Broken.yml") and problem.line == 4
    assert "does not compile" in problem.message
    assert [r.id for r in linter.ruleset.rules if r.id.startswith("T.")] == ["T.Good"]


@pytest.mark.parametrize("body", [
    "extends: substitution\nmessage: x\nswap: []\n",
    "extends: occurrence\nmessage: x\ntoken: a\n",
    "extends: capitalization\nmessage: x\n",
    "extends: existence\nmessage: x\nraw: ['[a-']\n",
    "extends: conditional\nmessage: x\nfirst: a\n",
])
def test_invalid_rules_do_not_load(tmp_path, body):
    linter = make_linter(tmp_path, {"Bad": body})
    assert any(p.path.endswith("Bad.yml") and p.severity == "error" for p in linter.problems)
    assert not any(r.id == "T.Bad" for r in linter.ruleset.rules)


def test_catastrophic_pattern_does_not_hang_the_run(tmp_path):
    rules = {
        "Slow": "extends: existence\nmessage: x\nnonword: true\nraw: ['(a+)+$']\n",
        "Avoid": EXISTENCE,
    }
    linter = make_linter(tmp_path, rules)
    report = linter.lint_text("draft.md", "a" * 40 + "b and a cat\n")
    assert texts(report.findings) == ["cat"]


# -- the prefilter ------------------------------------------------------------------------
def test_requirement_finds_literal_words():
    assert requirement(r"\bThere\s(is|are)", False) == frozenset({("w", "there")})
    assert requirement("past history", True) == frozenset({("w", "history")})
    assert requirement(r"(?:slams|blasts)", True) == frozenset({("w", "slams"), ("w", "blasts")})
    assert requirement(r"[\w]+ed", True) == frozenset({("s", "ed")})  # a part of a word
    assert requirement(r"\w+", True) is None
    assert requirement(r"\p{L}+ly", False) is None  # regex-module syntax: no prefilter


def test_a_rule_runs_only_in_a_document_where_one_of_its_tokens_can_match():
    tokens = [f"word{i}" for i in range(1000)] + ["past history", r"\d+ ?%", "e-?mail"]
    matcher = TokenPattern(tokens, word=True, ignorecase=True)
    assert matcher.for_document(view_of(parse_document("e.txt", "Nothing to see.\n"))) is not None  # \d+ ?% always runs
    literal_only = TokenPattern(tokens[:1000], word=True, ignorecase=True)
    assert literal_only.for_document(view_of(parse_document("e.txt", "Nothing to see.\n"))) is None
    assert literal_only.for_document(view_of(parse_document("d.txt", "Word17 met.\n"))) is not None


def test_helpers():
    assert case_like("Past history", "history") == "History"
    assert case_like("AMID", "among") == "AMONG"
    assert case_like("amid", "among") == "among"
    assert to_sentence(["a"]) == "'a'"
    assert to_sentence(["a", "b"]) == "'a' or 'b'"
    assert to_sentence(["a", "b", "c"]) == "'a', 'b', or 'c'"


# -- metric and readability ---------------------------------------------------------------
FK = """\
    extends: metric
    message: "Flesch-Kincaid grade %s"
    formula: |
      (0.39 * (words / sentences)) + (11.8 * (syllables / words)) - 15.59
    condition: "> 8"
"""
SIMPLE = "The cat sat on the mat. The dog ran to the park. We all went home.\n"
DENSE = ("Notwithstanding considerable institutional opposition, the administration's comprehensive "
         "infrastructure modernization initiative unexpectedly accelerated, generating substantial "
         "intergovernmental controversy regarding environmental sustainability considerations.\n")


def test_metric_flesch_kincaid(tmp_path):
    assert lint(tmp_path, {"FK": FK}, SIMPLE) == []
    (finding,) = lint(tmp_path, {"FK": FK}, DENSE)
    assert finding.message.startswith("Flesch-Kincaid grade ") and float(finding.message.split()[-1]) > 20


def test_metric_formula_is_arithmetic_only(tmp_path):
    evil = FK.replace("(0.39 * (words / sentences))", "__import__('os').getcwd()")
    linter = make_linter(tmp_path, {"Evil": evil})
    assert any(p.path.endswith("Evil.yml") and p.line == 3 for p in linter.problems)
    math_ok = FK.replace("(0.39 * (words / sentences))", "math.sqrt(polysyllabic_words * 30 / sentences)")
    assert lint(tmp_path / "other", {"Smog": math_ok}, SIMPLE) == []


def test_readability_averages_metrics(tmp_path):
    rule = """\
        extends: readability
        message: "Grade %s"
        grade: 12
        metrics: [Flesch-Kincaid, Gunning Fog]
    """
    assert lint(tmp_path, {"Read": rule}, SIMPLE) == []
    assert len(lint(tmp_path, {"Read": rule}, DENSE)) == 1
    linter = make_linter(tmp_path, {"Bad": rule.replace("Gunning Fog", "Lexile")})
    assert any(p.path.endswith("Bad.yml") for p in linter.problems)


def test_fix_policy_key(tmp_path):
    rule = SUBSTITUTION + "    fix: unsafe\n"
    (finding,) = lint(tmp_path, {"Sub": rule}, "We utilize tools.\n")
    assert finding.fix.replacement == "use" and not finding.fix.safe
    (finding,) = lint(tmp_path / "none", {"Sub": SUBSTITUTION + "    fix: none\n"}, "We utilize tools.\n")
    assert finding.fix is None
    linter = make_linter(tmp_path / "bad", {"Sub": SUBSTITUTION + "    fix: maybe\n"})
    assert any(p.path.endswith("Sub.yml") and p.line == 10 for p in linter.problems)


def test_scope_raw_sees_the_markup(tmp_path):
    rule = """\
        extends: existence
        message: "Use a descriptive link text, not '%s'."
        scope: raw
        nonword: true
        raw: ['\\[click here\\]\\(']
    """
    found = lint(tmp_path, {"Link": rule}, "Read [click here](https://example.org) now.\n")
    assert [(f.text, f.column) for f in found] == [("[click here](", 6)]
    prose_rule = rule.replace("scope: raw", "scope: text")
    assert lint(tmp_path / "prose", {"Link": prose_rule}, "Read [click here](https://example.org) now.\n") == []


def test_vale_style_shapes_raw_with_edit_action_and_symbol_swaps(tmp_path):
    uncomparable = """\
        extends: existence
        message: "'%s' is not comparable"
        ignorecase: true
        action:
          name: edit
          params: [split, ' ', '1']
        raw:
          - \\b(?:very|most|more)\\b\\s*
        tokens: [unique, perfect]
    """
    symbols = """\
        extends: substitution
        message: Consider using the '%s' symbol instead of '%s'.
        nonword: true
        swap:
          '\\.\\.\\.': …
          '\\([cC]\\)': ©
    """
    found = lint(tmp_path, {"Uncomparables": uncomparable, "Typography": symbols},
                 "A very unique (c) design... and a perfect one.\n")
    assert [(f.rule, f.text, f.message, f.fix.replacement) for f in found] == [
        ("T.Uncomparables", "very unique", "'very unique' is not comparable", "unique"),
        ("T.Typography", "(c)", "Consider using the '©' symbol instead of '(c)'.", "©"),
        ("T.Typography", "...", "Consider using the '…' symbol instead of '...'.", "…"),
    ]
