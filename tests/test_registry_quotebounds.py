"""The near-miss quote search's bounds against exhaustive counts on real text (the seeds and
the courtcase story): paragraphs as bits counted in planes (_at_least) give the paragraphs a
count over the words gives, and no paragraph with a window that holds enough of a quotation's
words is left out of _within_reach. The answers themselves are compared with a full scan in
test_registry_quoteindex and test_registry_quoterepeat."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newslint.plugins import get_plugins
from newslint.registry.build import build_registry, read_sources
from newslint.registry.quotematch import QuoteIndex, _at_least, _needed, _numbers
from newslint.registry.wording import quote_words

ROOT = Path(__file__).resolve().parent.parent
STORIES = [ROOT / "seeds", ROOT / "tests" / "stories" / "courtcase" / "sources"]


@pytest.fixture(scope="module", params=STORIES, ids=lambda p: p.parent.name if p.name == "sources" else p.name)
def index(request) -> QuoteIndex:
    return QuoteIndex(build_registry(read_sources([request.param]), get_plugins().fact_extractors()))


def quotations(index: QuoteIndex) -> list[list[str]]:
    """Source quotes, whole and with a word changed (the words a near miss is asked for)."""
    found = []
    for candidate in index.candidates[:40]:
        words = candidate.words
        found.append(words)
        if len(words) > 3:
            found.append(words[:2] + ["zzzchanged"] + words[3:])
    return found


def test_counting_in_planes_gives_the_paragraphs_a_count_gives(index):
    for words in quotations(index):
        wanted = set(words)
        weighted = [(index._bits(w), 1 + i % 3) for i, w in enumerate(sorted(wanted))]
        weights = dict(zip(sorted(wanted), (1 + i % 3 for i in range(len(wanted)))))
        for k in range(1, 8):
            expected = [number for number, (_, _, present) in enumerate(index.paragraphs)
                        if sum(weights[w] for w in present & wanted) >= k]
            assert _numbers(_at_least(weighted, k)) == expected


def test_no_paragraph_whose_windows_hold_enough_words_is_left_out(index):
    kept = 0
    for words in quotations(index):
        counts, n = Counter(words), len(words)
        reach = n + max(2, n // 4)
        for threshold in (0.5, 0.75, 0.9):
            needed = _needed(n, threshold, None)
            allowed = set(_numbers(index._within_reach(counts, needed, n, reach)))
            for number, (first, last, _) in enumerate(index.paragraphs):
                source = index.sources[index.paragraph_source[number]]
                # The most quotation words (each at most as often as quoted) any window holds.
                most = max(sum(min(c, counts[w]) for w, c in Counter(source.words[start:start + reach]).items())
                           for start in range(max(0, first - n), last + 1))
                if most >= needed:
                    assert number in allowed, (words, threshold, number)
                    kept += 1
    assert kept > 20


def test_needed_words_follow_the_best_so_far():
    assert _needed(10, 0.7, None) == 7
    # best: (score, source, first word, last word)
    assert _needed(10, 0.7, (0.9, None, 0, 9)) == 10  # as long as the quotation: only a better score
    assert _needed(10, 0.7, (0.9, None, 0, 10)) == 9  # a window one word longer: a tie may replace it
    assert _needed(8, 0.8, (0.5, None, 0, 7)) == 7  # below the threshold: the threshold decides


def test_quote_words_of_the_seeds_are_counted(index):
    assert index.paragraphs and all(index._bits(w) for w in quote_words(index.candidates[0].facts[0].text))


def test_quotes_at_a_line_are_those_a_scan_finds(index):
    lines = {(f.provenance.source, f.provenance.line) for f in index._quotes}
    assert len(lines) > 5
    for source, line in sorted(lines) + [("nowhere.md", 1)]:
        assert index.quotes_at(source, line) == [f for f in index._quotes if f.provenance.source == source
                                                 and f.provenance.line == line]
