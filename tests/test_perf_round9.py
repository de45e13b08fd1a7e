"""Shortcuts of throughput round 9 give what the plain search gives, on real text (every story's
drafts and sources under tests/, the seeds, the example draft and bench drafts when generated):
- the time-of-day pattern is tried only at the runs where its matches can begin
  (numbers._RUN_KINDS, checked with the other run kinds in test_perf_throughput.py)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newslint.document import parse_document
from newslint.document.runs import Runs
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
