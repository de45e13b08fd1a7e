"""The quote index answers exactly as a scan of every source quote would: for each source quote
of the seeds and of the courtcase story, whole, cut short, with a word changed, and run into
the next one (a draft quotation may join two source quotes)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.plugins import get_plugins
from newslint.registry.build import build_registry, read_sources
from rapidfuzz.distance import Levenshtein

from newslint.registry.quotematch import QuoteIndex
from newslint.registry.wording import contains_segments, quote_segments

ROOT = Path(__file__).resolve().parent.parent
STORIES = [ROOT / "seeds", ROOT / "tests" / "stories" / "courtcase" / "sources"]


def scan_speakers(index: QuoteIndex, segments, min_overlap):
    words = [w for s in segments for w in s]
    wanted = frozenset(words)
    found = []
    for c in index.candidates:
        if (wanted <= c.present and contains_segments(c.words, segments)) or (
                len(c.words) >= min_overlap and c.present <= wanted and contains_segments(words, [c.words])):
            found.extend(f for f in c.facts if f not in found)
    return found


def scan_parts(index: QuoteIndex, segments, min_words):
    words = [w for s in segments for w in s]
    found = []
    for c in index.candidates:
        if len(c.facts) == 1 and len(c.words) >= min_words and c.present <= frozenset(words) \
                and contains_segments(words, [c.words]) and c.facts[0] not in found:
            found.append(c.facts[0])
    return found


def scan_exact(index: QuoteIndex, segments):
    wanted = frozenset(w for s in segments for w in s)
    return next((c.facts for c in index.candidates if wanted <= c.present
                 and contains_segments(c.words, segments)), None)


def scan_near(index: QuoteIndex, segments, threshold):
    """Every window of every paragraph that holds half the words, scored (no pruning)."""
    words = [w for s in segments for w in s]
    wanted, n = set(words), len(words)
    slack, need = max(2, n // 4), max(2, (len(set(words)) + 1) // 2)
    best = None
    for source in index.sources:
        for first, last, present in source.paragraphs:
            if len(present & wanted) < need:
                continue
            for start in range(max(0, first - n), last + 1):
                if source.words[start] not in wanted and (start == 0 or source.words[start - 1] not in wanted):
                    continue
                for size in range(max(1, n - slack), n + slack + 1):
                    window = source.words[start:start + size]
                    if len(window) < size:
                        break
                    score = Levenshtein.normalized_similarity(words, window)
                    if best is None or (score, -abs(size - n)) > (best[0], -abs(best[3] - best[2] + 1 - n)):
                        best = (score, source.path, start, start + size - 1)
    return None if best is None or best[0] < threshold else best


def drafts(texts: list[str]):
    """Quotations a draft might hold, made from the source quotes."""
    for text, following in zip(texts, texts[1:] + texts[:1]):
        segments = quote_segments(text)
        words = [w for s in segments for w in s]
        yield segments
        if len(words) > 3:
            yield [words[1:-1]]
            yield [words[:2], words[-2:]]  # an ellipsis
            yield [words[:-1] + ["zzzunseen"]]
        yield segments + quote_segments(following)


@pytest.fixture(scope="module", params=STORIES, ids=lambda p: p.parent.name if p.name == "sources" else p.name)
def index(request):
    return QuoteIndex(build_registry(read_sources([request.param]), get_plugins().fact_extractors()))


def test_index_answers_as_a_full_scan(index):
    texts = [c.facts[0].text for c in index.candidates if len(c.facts) == 1]
    assert len(texts) > 10
    checked = near_misses = 0
    for segments in drafts(texts):
        size = sum(len(s) for s in segments)
        for minimum in (1, 4, size):
            assert index.speakers_of(segments, minimum) == scan_speakers(index, segments, minimum)
            assert index.parts_in(segments, minimum) == scan_parts(index, segments, minimum)
        match = index.lookup(segments, 0.8)
        expected = scan_exact(index, segments)
        if expected is not None:
            assert match is not None and match.exact and match.facts == expected
        elif not any(wanted_in(source, segments) for source in index.sources):
            near = scan_near(index, segments, 0.75)
            found = index.lookup(segments, 0.75)
            assert (found is None) == (near is None)
            if near is not None:
                source = next(s for s in index.sources if s.path == near[1])
                assert (found.similarity, found.provenance.source, found.wording) == \
                       (near[0], near[1], source.wording(near[2], near[3]))
                near_misses += 1
        checked += 1
    assert checked > 50 and near_misses > 5


def wanted_in(source, segments) -> bool:
    """The words are verbatim in this source's text (lookup answers exactly then)."""
    from newslint.registry.quotematch import _find_segments

    return _find_segments(source.words, segments) is not None


def test_a_quotation_of_words_no_source_quote_holds_finds_nothing(index):
    segments = [["zzzunseen", "qqqnever"]]
    assert index.speakers_of(segments, 1) == [] and index.parts_in(segments, 1) == []
    assert index.lookup(segments, 0.8) is None
