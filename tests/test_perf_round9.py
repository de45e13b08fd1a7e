"""Shortcuts of throughput round 9 give what the plain search gives, on real text (every story's
drafts and sources under tests/, the seeds, the example draft and bench drafts when generated):
- the time-of-day pattern is tried only at the runs where its matches can begin
  (numbers._RUN_KINDS, checked with the other run kinds in test_perf_throughput.py);
- a lexicon list's prefilters (Texts.may_matching), their loops run in one frame, give for
  every sentence and paragraph the patterns Needs.met_by lets through, in order."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newslint.document import parse_document
from newslint.document.runs import Runs
from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.kinds.attribution import Texts
from newslint.registry import numbers

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def documents() -> list:
    paths = sorted({*ROOT.glob("tests/**/*.md"), *ROOT.glob("tests/**/*.txt"), *ROOT.glob("seeds/*.txt"),
                    ROOT / "examples" / "draft.md", *sorted((ROOT / "bench" / "out" / "drafts_50").glob("*.md"))[:20]})
    return [parse_document(str(p), p.read_text(encoding="utf-8")) for p in paths]


def test_time_matches_begin_at_runs_of_digits_or_noon_and_midnight():
    pattern = numbers.lexicon().patterns["time"]
    checked = 0
    for document in documents():
        runs = numbers._Runs(Runs(document.prose))
        for sentence in document.sentences:
            if runs.within(sentence.start, sentence.end) is None:
                continue
            tried = runs.starting(sentence.start, sentence.end, numbers._RUN_KINDS["time"])
            expected = [m.span() for m in pattern.finditer(document.prose, sentence.start, sentence.end)]
            assert [m.span() for m in numbers._matches_at(pattern, document.prose, tried, sentence.end)] == expected
            checked += len(expected)
    assert checked > 100
    prose = "At noon, Midnight and NOON; afternoon; 9 to 10:45 a.m.; x9 p.m.; 7pm"
    runs = numbers._Runs(Runs(prose))
    tried = runs.starting(0, len(prose), numbers._RUN_KINDS["time"])
    assert [m.group() for m in numbers._matches_at(pattern, prose, tried, len(prose))] == \
        [m.group() for m in pattern.finditer(prose)] == ["noon", "Midnight", "NOON", "9", "10:45 a.m.", "7pm"]


def _met_by_each(texts: Texts, patterns: tuple, start: int, end: int) -> list:
    """The prefilters as Needs.met_by reads them, pattern by pattern."""
    lexicon, folded = texts.lexicon, texts.folded(start, end)
    needs_any = lexicon.needs_any.get(patterns)
    if needs_any is not None and not needs_any.met_by(folded):
        return []
    return [p for p in patterns if (n := lexicon.needs.get(p)) is None or n.met_by(folded)]


def test_may_matching_equals_each_patterns_prefilter():
    linter = Linter(Config(root=ROOT), Options(select=["sourcing.Unsourced"]))
    [rule] = [rule for rule, _ in linter.active_rules()]
    lexicon = rule.lexicon
    lists = [lexicon.sources, lexicon.vague_phrases, lexicon.anonymous, *(kind.cues for kind in lexicon.claims),
             *(kind.not_ for kind in lexicon.claims)]
    checked = passed = 0
    for document in documents():
        texts = Texts(document, lexicon)
        stretches = {(s.start, s.end) for s in document.sentences} | {(b.start, b.end) for b in document.blocks}
        for start, end in sorted(stretches):
            for patterns in lists:
                expected = _met_by_each(texts, patterns, start, end)
                assert texts.may_matching(patterns, start, end) == expected, (document.path, start, end)
                checked += 1
                passed += bool(expected)
    assert checked > 10000 and 1000 < passed < checked


def test_may_matching_on_text_that_casefolding_changes():
    linter = Linter(Config(root=ROOT), Options(select=["sourcing.Unsourced"]))
    [rule] = [rule for rule, _ in linter.active_rules()]
    lexicon = rule.lexicon
    text = ("ÜBER 40 PERCENT of the STRAẞE fund was EMBEZZLED, Officials SAID; the Largest loss ever.\n\n"
            "Its ﬁnance chief’s 1,200 per cent rise was unprecedented, according to İstanbul data.\n\n"
            "Most renters_who move say it is the deadliest in history; experts say costs rose by half.\n")
    document = parse_document("edge.md", text)
    texts = Texts(document, lexicon)
    lists = [lexicon.sources, lexicon.vague_phrases, lexicon.anonymous, *(kind.cues for kind in lexicon.claims)]
    passed = 0
    for start, end in [(s.start, s.end) for s in document.sentences] + [(0, len(text))]:
        for patterns in lists:
            expected = _met_by_each(texts, patterns, start, end)
            assert texts.may_matching(patterns, start, end) == expected
            passed += bool(expected)
    assert passed > 5
