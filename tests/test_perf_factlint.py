"""The fact and sourcing checks' shortcuts answer as the slow paths they replace, on real text:
a draft tokenised once and sliced, the registry's people gathered once, the quote index's
source and paragraph filters, and the sourcing lexicon's word prefilters."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from newslint.document import parse_document
from newslint.plugins import get_plugins
from newslint.registry.build import build_registry, read_sources
from newslint.registry.quotematch import QuoteIndex, _find_segments
from newslint.registry.speakers import TOKEN, _State, _token, _tokens, attribute, known_people, quotations, same_person
from newslint.registry.wording import quote_segments

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "tests" / "stories"
EVAL = ROOT / "tests" / "eval"
# (draft, its sources): two stories of our own, the seeds, and the eval's blind stories.
CASES = [
    *[(d, STORIES / "council" / "sources") for d in sorted((STORIES / "council" / "drafts").glob("*.md"))],
    *[(d, STORIES / "courtcase" / "sources") for d in sorted((STORIES / "courtcase" / "drafts").glob("*.md"))],
    (ROOT / "examples" / "draft.md", ROOT / "seeds"),
    *[(d, EVAL / name / "sources") for name in ("transfer", "wildfire") for d in sorted((EVAL / name).glob("*.md"))],
]


@lru_cache(maxsize=None)
def registry(sources: Path):
    return build_registry(read_sources([sources]), get_plugins().fact_extractors())


def document(path: Path):
    return parse_document(str(path), path.read_text(encoding="utf-8"))


def scan(state: _State, start: int, end: int):
    """What _tokens did before the document was tokenised once: scan the range itself."""
    tokens = [_token(m) for m in TOKEN.finditer(state.document.prose, start, end)] if end > start else []
    return [t for t in tokens if not state.quoted(t.start, t.end)]


def test_a_range_gets_the_tokens_a_scan_of_it_finds():
    checked = cut = 0
    for path, _ in CASES:
        doc = document(path)
        state = _State(doc, None, quotations(doc))
        bounds = sorted({0, len(doc.prose), *(s.start for s in doc.sentences), *(s.end for s in doc.sentences),
                         *(q.start for q in doc.quotes), *(q.end for q in doc.quotes)})
        ranges = list(zip(bounds, bounds[1:])) + list(zip(bounds, bounds[2:]))
        # Offsets inside words, which the shortcut must not trust.
        ranges += [(at, at + width) for at in range(1, len(doc.prose), 37) for width in (5, 60)]
        for start, end in ranges:
            assert _tokens(state, start, end) == scan(state, start, end), (path.name, start, end)
            cut += state.tokenised.between(start, end) is None
            checked += 1
    assert checked > 1500 and cut > 100


def test_known_people_gathered_once_attribute_as_reading_the_registry():
    speakers = 0
    for path, sources in CASES:
        reg = registry(sources)
        doc = document(path)
        fresh = attribute(doc, reg)
        assert attribute(doc, reg, known_people(reg)) == fresh, path.name
        assert known_people(reg) is known_people(reg)
        speakers += sum(1 for a in fresh if a.speaker)
    assert speakers > 30


@pytest.mark.parametrize("sources", sorted({s for _, s in CASES}), ids=lambda p: p.parent.name)
def test_quote_index_filters_answer_as_scanning_every_source(sources):
    reg = registry(sources)
    index = QuoteIndex(reg)
    speakers = {f.speaker for f in reg.quotes if f.speaker}
    names = sorted(speakers) + [s.split()[-1] for s in speakers] + ["Nobody Atall", "nobody", "", "x"]
    for name in names:
        assert index.has_speaker(name) == any(same_person(name, k) for k in speakers), name
    checked = 0
    for source in index.sources:
        # Runs of a source's own words (verbatim in it) and of words it does not hold in order.
        for at in range(0, max(1, len(source.words) - 8), 23):
            run = source.words[at:at + 6]
            for segments in ([run], [run[:2], run[-2:]], [run[::-1]]):
                match = index.lookup(segments, 0.99)
                candidate = next((c for c in index.candidates if frozenset(w for s in segments for w in s) <= c.present
                                  and _find_segments(c.words, segments) is not None), None)
                if candidate is not None:
                    continue  # found among the source quotes first
                verbatim = next((s for s in index.sources if _find_segments(s.words, segments) is not None), None)
                if verbatim is None:
                    assert match is None or not match.exact
                else:
                    assert match is not None and match.exact and match.provenance.source == verbatim.path
                checked += 1
    assert checked > 50
