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


# -- the sourcing lexicon's literal prefilters ------------------------------------------------
def sourcing_lexicon():
    from newslint.engine.config import Config
    from newslint.engine.linter import Linter, Options

    rules = [rule for rule, _ in Linter(Config(root=ROOT), Options(select=["sourcing"])).active_rules()]
    return rules[0].lexicon


def lexicon_patterns(lexicon):
    patterns = [lexicon.verbs, *lexicon.sources, lexicon.vague_groups, *lexicon.vague_phrases, *lexicon.anonymous]
    for kind in lexicon.claims:
        patterns += [*kind.cues, *kind.not_, *([kind.acts] if kind.acts else [])]
    return patterns


def prose_texts():
    """Drafts and sources of every story we have, and the seeds."""
    paths = sorted({*ROOT.glob("tests/**/*.md"), *ROOT.glob("tests/**/*.txt"), *ROOT.glob("seeds/*.txt"),
                    ROOT / "examples" / "draft.md"})
    return [document(p) for p in paths]


def test_a_pattern_matches_only_texts_that_meet_its_needs():
    from newslint.kinds.literals import Folded

    lexicon = sourcing_lexicon()
    patterns = lexicon_patterns(lexicon)
    assert len(lexicon.needs) >= len(patterns) - 2  # nearly every pattern can be skipped
    matched = skipped = 0
    for doc in prose_texts():
        for start, end in [(s.start, s.end) for s in doc.sentences] + [(b.start, b.end) for b in doc.blocks]:
            folded = Folded.of(doc.prose[start:end])
            for pattern in patterns:
                needs = lexicon.needs.get(pattern)
                if needs is None:
                    continue
                met = needs.met_by(folded)
                if pattern.search(doc.prose, start, end):
                    assert met, (pattern.pattern[:60], doc.prose[start:end])
                    matched += 1
                skipped += not met
            for patterns_list, needs in lexicon.needs_any.items():
                if any(p.search(doc.prose, start, end) for p in patterns_list):
                    assert needs.met_by(folded)
    assert matched > 1000 and skipped > 50 * matched


def test_the_analysis_with_prefilters_finds_what_it_finds_without():
    from dataclasses import replace

    from newslint.kinds.attribution import analyse

    lexicon = sourcing_lexicon()
    plain = replace(lexicon, needs={}, needs_any={})
    found = 0
    for doc in prose_texts():
        fast, slow = analyse(doc, lexicon), analyse(doc, plain)
        for a, b in zip(fast, slow):
            assert (a.attributed, a.vague, a.anonymous) == (b.attributed, b.vague, b.anonymous)
            for sentence in a.sentences:
                assert a.claims(sentence) == b.claims(sentence)
                found += len(a.claims(sentence))
            assert [a.recorded(k) for k in lexicon.claims] == [b.recorded(k) for k in lexicon.claims]
        assert len(fast) == len(slow)
    assert found > 50


@pytest.mark.parametrize("pattern,needs", [
    (r"(?:people|persons)\s+(?:familiar|close)", [("people", "persons"), ("close", "familiar")]),
    (r"colou?r", [("color", "colour")]),
    (r"\d+\s*(?:%|percent)", [("\x00digit",), ("%", "percent")]),
    (r"xa*yz", [("yz",)]),  # "a*" may repeat: only what follows it is certain
    (r"ab{2}c", []),  # single letters are not worth testing
    (r"it(?:'s|\s+is)\s+said", [("it",), ("'s", "is"), ("said",)]),
    (r"(?:many|x)\s+said", [("said",)]),  # one alternative needs nothing worth testing
    (r"[[:alpha:]]+ing", []),  # POSIX classes: `regex` and `re` read them differently
    (r"x{e<=1}yz", []),  # fuzzy matching
    (r"(?i)report", []),  # global flags
    (r"(\w+) \1 again", []),  # a back reference
    (r"naïve", []),  # a letter with case outside ASCII
])
def test_needs_read_from_a_pattern(pattern, needs):
    from newslint.kinds.literals import Needs

    assert sorted(Needs.of(pattern).groups) == sorted(needs)


# -- figures: a sentence's words read only when it holds a figure; clause search bounded ---------
def clause_words_unbounded(prose, tokens, start, end):
    """The figure's clause words as numbers._context found them before its scans were bounded
    by CONTEXT_WINDOW: scan back to the nearest clause break, forward to the next one."""
    from newslint.registry.numbers import CONTEXT_WINDOW, _clause_break

    before = [t for t in tokens if t[1] <= start]
    after = [t for t in tokens if t[0] >= end]
    here = (start, end, prose[start:end])
    for index in range(len(before), 0, -1):
        if _clause_break(prose, before[index - 1], before[index] if index < len(before) else here):
            before = before[index:]
            break
    previous = here
    for index, token in enumerate(after):
        if _clause_break(prose, previous, token):
            after = after[:index]
            break
        previous = token
    before, after = before[-CONTEXT_WINDOW:], after[:CONTEXT_WINDOW]
    return (before[0][0] if before else start), (after[-1][1] if after else end)


def test_figure_context_bounded_scan_takes_the_same_clause():
    from newslint.registry.numbers import WORD, _context, find_figures

    checked = 0
    for doc in prose_texts():
        prose = doc.prose
        for figure in find_figures(doc):
            sentence = doc.sentence_at(figure.start)
            tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(prose, sentence.start, sentence.end)]
            _, low, high = _context(prose, tokens, figure.start, figure.end, "")
            assert (low, high) == clause_words_unbounded(prose, tokens, figure.start, figure.end)
            checked += 1
    assert checked > 300
