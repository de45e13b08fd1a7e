"""The near-miss quotation search (QuoteIndex._near_miss, with its pruning: paragraph bits,
quotation words in reach, their longest common subsequence with the span) answers as a scan
of every window of every paragraph that holds half the words, on the sources of every story:
for source quotes with a word changed, cut short, run into words no source holds (a longer
quotation than the source's, whose copies elsewhere hold most of its words), at the
thresholds the checks use."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.plugins import get_plugins
from newslint.registry.build import build_registry, read_sources
from newslint.registry.quotematch import QuoteIndex
from newslint.registry.wording import quote_segments
from test_registry_quoteindex import scan_near

ROOT = Path(__file__).resolve().parent
STORIES = sorted([*ROOT.glob("stories/*/sources"), *ROOT.glob("eval/*/sources")])
PER_STORY = 12  # source quotes per story (each asked in four forms, at two thresholds)


def quotations(index: QuoteIndex):
    texts = list(dict.fromkeys(c.facts[0].text for c in index.candidates if len(c.facts) == 1))
    for text, following in list(zip(texts, texts[1:] + texts[:1]))[:PER_STORY]:
        words = [w for s in quote_segments(text) for w in s]
        if len(words) < 4:
            continue
        yield words[:len(words) // 2] + ["zzzchanged"] + words[len(words) // 2 + 1:]
        yield words[1:-1]
        yield words + ["whatever", "zzzcritics", "say"]
        yield words[-3:] + [w for s in quote_segments(following) for w in s][:5]


@pytest.mark.parametrize("sources", STORIES, ids=lambda p: p.parent.name)
def test_near_miss_answers_as_a_full_scan(sources):
    index = QuoteIndex(build_registry(read_sources([sources]), get_plugins().fact_extractors()))
    asked = 0
    for words in quotations(index):
        for threshold in (0.7, 0.8):
            near = scan_near(index, [words], threshold)
            found = index._near_miss(words, threshold)
            assert (found is None) == (near is None), (words, threshold)
            if near is not None:
                source = next(s for s in index.sources if s.path == near[1])
                assert (found.similarity, found.provenance.source, found.wording) == \
                       (near[0], near[1], source.wording(near[2], near[3]))
            asked += 1
    assert asked > 0
