"""The engine's word index (RulePlan) visits only the rules whose gate words occur in a
document: it must give exactly the findings of visiting every rule, on real text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.document import parse_document
from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options, RulePlan
from newslint.kinds.base import CheckContext
from newslint.kinds.vale import DocumentView, Literals, view_of

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "stories").glob("*/drafts/*.md")) \
    + [ROOT / "examples" / "draft.md"]


def write_pack(folder: Path) -> Path:
    """A generated style with many literal rules, some of whose words occur in the texts, plus
    rules the index cannot gate (regex tokens, raw scope, substrings)."""
    words = sorted({w for path in TEXTS for w in re.findall(r"[A-Za-z]{5,}", path.read_text(encoding="utf-8"))})
    pack = folder / "Gen"
    pack.mkdir(parents=True)
    for index, word in enumerate(words[::9]):
        if index % 3 == 0:
            body = f"extends: existence\nmessage: \"Check '%s'.\"\nignorecase: {str(index % 2 == 0).lower()}\n" \
                   f"tokens:\n  - {word}\n  - {word}zz\n  - {word.lower()} {word.lower()}\n"
        elif index % 3 == 1:
            body = f"extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap:\n  {word}: {word.upper()}\n  qq{word}: {word}\n"
        else:
            body = f"extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\nswap:\n  {word.lower()}: {word[:3]}\n"
        (pack / f"Rule{index:04d}.yml").write_text(body, encoding="utf-8")
    (pack / "Percent.yml").write_text("extends: existence\nmessage: \"'%s'\"\nnonword: true\ntokens:\n  - '\\d+ ?%'\n", encoding="utf-8")
    (pack / "Raw.yml").write_text("extends: existence\nmessage: \"'%s'\"\nscope: raw\ntokens:\n  - said\n", encoding="utf-8")
    (pack / "Sub.yml").write_text("extends: existence\nmessage: \"'%s'\"\nnonword: true\ntokens:\n  - 'ment\\b'\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def linter(tmp_path_factory) -> Linter:
    rules = write_pack(tmp_path_factory.mktemp("rules"))
    return Linter(Config(root=ROOT), Options(rules=[rules], select=["Gen", "newsroom"]))


def test_rules_the_index_skips_find_nothing(linter):
    plan = linter.plan()
    skipped_total = found_total = 0
    for path in TEXTS:
        document = parse_document(str(path), path.read_text(encoding="utf-8"), linter.parsers)
        visited = {rule.id for rule, _ in plan.for_document(document)}
        context = CheckContext(document)
        for rule, _ in plan.rules:
            found = list(rule.check(context))
            if rule.id not in visited:
                skipped_total += 1
                assert found == [], (path.name, rule.id)
            found_total += len(found)
    assert skipped_total > len(TEXTS) * 50  # the index does skip most generated rules
    assert found_total > 100  # and the rules it keeps do find things


def test_index_gives_the_findings_of_visiting_every_rule(linter, monkeypatch):
    indexed = {path: [f.as_json() for f in linter.lint_text(str(path), path.read_text(encoding="utf-8")).findings]
               for path in TEXTS}
    monkeypatch.setattr(RulePlan, "for_document", lambda self, document: list(self.rules))
    for path in TEXTS:
        every = [f.as_json() for f in linter.lint_text(str(path), path.read_text(encoding="utf-8")).findings]
        assert indexed[path] == every, path.name
    assert sum(len(found) for found in indexed.values()) > 100


def test_the_index_keeps_rule_order_and_runs_ungated_rules(linter):
    plan = linter.plan()
    document = parse_document("x.md", "Nothing here but 5 % and a statement.\n")
    visited = [rule.id for rule, _ in plan.for_document(document)]
    order = [rule.id for rule, _ in plan.rules]
    assert visited == [rule_id for rule_id in order if rule_id in set(visited)]
    assert {"Gen.Percent", "Gen.Raw", "Gen.Sub"} <= set(visited)
    assert len(visited) < len(order) / 2


def test_searching_only_the_spans_that_hold_a_rules_words_finds_the_same(linter, monkeypatch):
    # Plain-word rules search the word index instead (tests/test_style_literals.py): here
    # every rule takes the regex path, whose spans are narrowed.
    monkeypatch.setattr(Literals, "usable", lambda self, view, scope: False)
    narrowed = {path: [f.as_json() for f in linter.lint_text(str(path), path.read_text(encoding="utf-8")).findings]
                for path in TEXTS}
    calls = []

    def every_span(self, scope, spans, words):
        calls.append(scope)
        return spans

    monkeypatch.setattr(DocumentView, "spans_holding", every_span)
    for path in TEXTS:
        every = [f.as_json() for f in linter.lint_text(str(path), path.read_text(encoding="utf-8")).findings]
        assert narrowed[path] == every, path.name
    assert len(calls) > 100


def test_spans_are_not_narrowed_when_an_edge_cuts_a_word():
    document = parse_document("x.md", "Alpha beta.\n\nGamma delta.\n")
    view = view_of(document)
    blocks = [(b.start, b.end) for b in document.blocks]
    assert view.spans_holding("text", blocks, {"delta"}) == blocks[1:]
    assert view.spans_holding("text", blocks, {"zeta"}) == []
    cut = [(0, 3), (3, len(document.text))]  # "Alp|ha": a search ending at 3 sees a word edge
    assert view.spans_holding("cut", cut, {"delta"}) == cut
    overlapping = [(0, 12), (6, len(document.text))]
    assert view.spans_holding("overlap", overlapping, {"delta"}) == overlapping
