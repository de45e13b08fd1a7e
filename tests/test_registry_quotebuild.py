"""Building the quote index line by line gives exactly the words, offsets, line starts and
paragraphs of the plain word-by-word build (each word's line looked up), on the sources of
the seeds, the stories and the eval cases, and on text with characters that fold to several
(offsets must still be the original text's)."""
from __future__ import annotations

import bisect
from pathlib import Path

import pytest

from newslint.registry.quotematch import _candidates, _source_words
from newslint.registry.wording import APOSTROPHES, WORD, contains_segments, quote_words

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT.parent / "shared" / "seeds", ROOT / "seeds", *sorted((ROOT / "tests" / "stories").glob("*/sources")),
           *sorted((ROOT / "tests" / "eval").glob("*/sources"))]


def plain_build(text: str):
    """Every word of the whole text, then its line by bisection: the reference."""
    normal = text.translate(APOSTROPHES)
    words, spans = [], []
    for match in WORD.finditer(normal):
        words.append(match.group().casefold())
        spans.append((match.start(), match.end()))
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    line = [bisect.bisect_right(starts, a) for a, _ in spans]
    paragraphs, first = [], 0
    for index in range(1, len(words) + 1):
        if index == len(words) or line[index] != line[first]:
            paragraphs.append((first, index - 1, frozenset(words[first:index])))
            first = index
    return words, spans, starts, paragraphs


def texts() -> list[tuple[str, str]]:
    found = [(str(p), p.read_text(encoding="utf-8")) for folder in FOLDERS if folder.is_dir()
             for p in sorted(folder.rglob("*")) if p.suffix in (".md", ".txt")]
    assert len(found) > 20
    return found + [
        ("folds", "Straße’s MAẞ and İstanbul said \u201cŒuvre ﬁnal\u201d.\r\nΣΑΣ ŉ ok\n\nlast line"),
        ("blank", ""), ("newlines", "\n\n\n"), ("no-break", "one two\u2028three\rfour"),
    ]


@pytest.mark.parametrize("name,text", texts(), ids=lambda v: Path(v).name if "/" in v else v[:12])
def test_line_by_line_build_equals_the_plain_build(name, text):
    source = _source_words(name, text)
    words, spans, starts, paragraphs = plain_build(text)
    assert source.words == words and source.spans == spans and source.line_starts == starts
    assert source.paragraphs == paragraphs and source.present == frozenset(words)
    for index in range(0, len(words), 7):
        assert source.line_of(index) == bisect.bisect_right(starts, spans[index][0])


def test_candidates_word_each_quote_as_quote_words_does():
    from newslint.plugins import get_plugins
    from newslint.registry.build import build_registry, read_sources

    registry = build_registry(read_sources([ROOT / "tests" / "stories" / "courtcase" / "sources"]),
                              get_plugins().fact_extractors())
    quotes = registry.quotes + registry.quotes  # repeated quotations share their words
    candidates = _candidates(quotes)
    assert len(candidates) >= len(quotes) > 10
    for candidate in candidates:
        assert candidate.words == [w for f in candidate.facts for w in quote_words(f.text)]
    single = [c for c in candidates if len(c.facts) == 1]
    first, again = single[0], next(c for c in single[1:] if c.facts[0].text == single[0].facts[0].text)
    first.words.append("zzz")  # each candidate's words are its own list
    assert again.words == quote_words(again.facts[0].text)


@pytest.mark.parametrize("story", [ROOT / "seeds", ROOT / "tests" / "stories" / "courtcase" / "sources"],
                         ids=lambda p: p.parent.name if p.name == "sources" else p.name)
def test_one_index_asked_at_several_thresholds_answers_as_a_full_scan_at_each(story):
    """The near-miss answer at one threshold is reused at another (the closest window does
    not depend on the threshold): asked in any order, each answer is the full scan's."""
    from test_registry_quoteindex import drafts, scan_near, wanted_in

    from newslint.plugins import get_plugins
    from newslint.registry.build import build_registry, read_sources
    from newslint.registry.quotematch import QuoteIndex

    index = QuoteIndex(build_registry(read_sources([story]), get_plugins().fact_extractors()))
    texts = [c.facts[0].text for c in index.candidates if len(c.facts) == 1]
    compared = found = 0
    for number, segments in enumerate(drafts(texts)):
        if any(wanted_in(source, segments) for source in index.sources):
            continue  # verbatim: no near-miss search
        order = (0.9, 0.6, 0.75, 0.8, 0.7) if number % 2 else (0.6, 0.9, 0.7, 0.8, 0.75)
        for threshold in order:
            near = scan_near(index, segments, threshold)
            match = index.lookup(segments, threshold)
            assert (match is None) == (near is None)
            if near is not None:
                source = next(s for s in index.sources if s.path == near[1])
                assert (match.similarity, match.provenance.source, match.wording) == \
                       (near[0], near[1], source.wording(near[2], near[3]))
                found += 1
            compared += 1
    assert compared > 100 and found > 20


def plain_find(words, segments):
    first = segments[0]
    for at in range(len(words) - len(first) + 1):
        if words[at:at + len(first)] == first and contains_segments(words[at:], segments):
            return at
    return None


def plain_irregular(index, n: int, reach: int) -> set[int]:
    found = set()
    for s, source in enumerate(index.sources):
        paragraphs, base = source.paragraphs, index.first_paragraph[s]
        for p, (first, last, _) in enumerate(paragraphs):
            if (p > 0 and first - n < paragraphs[p - 1][0]) or \
                    (p + 1 < len(paragraphs) and last + reach - 1 > paragraphs[p + 1][1]):
                found.add(base + p)
    return found


@pytest.mark.parametrize("story", [ROOT / "seeds", ROOT / "tests" / "stories" / "courtcase" / "sources"],
                         ids=lambda p: p.parent.name if p.name == "sources" else p.name)
def test_segment_search_and_irregular_paragraphs_equal_the_plain_loops(story):
    import random

    from newslint.plugins import get_plugins
    from newslint.registry.build import build_registry, read_sources
    from newslint.registry.quotematch import QuoteIndex, _find_segments, _numbers

    index = QuoteIndex(build_registry(read_sources([story]), get_plugins().fact_extractors()))
    rng = random.Random(5)
    found = 0
    for source in index.sources:
        words = source.words
        for _ in range(40):
            at = rng.randrange(len(words))
            size = rng.randint(1, 6)
            segments = [words[at:at + size]]
            if rng.random() < 0.4:  # an ellipsis: a later run of words too
                later = rng.randrange(at, len(words))
                segments.append(words[later:later + rng.randint(1, 3)])
            if rng.random() < 0.2:  # a changed word: found nowhere, or elsewhere
                segments[0] = segments[0][:-1] + [rng.choice(words)]
            for other in index.sources[:3]:
                expected = plain_find(other.words, segments)
                assert _find_segments(other.words, segments) == expected
                found += expected is not None
    assert found > 50
    for n in (1, 2, 4, 7, 12, 20, 35):
        for reach in (n + 2, n + n // 4 + 2, n + 9):
            assert set(_numbers(index._irregular(n, reach))) == plain_irregular(index, n, reach)
