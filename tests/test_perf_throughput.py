"""The round-3 throughput shortcuts give what the plain scans give, on real text: every story's
drafts and sources, the held-out stories, the seeds, the example draft and bench drafts (when
bench/ has made them: a fresh clone has none). Each test runs the shortcut
and the definition it replaced side by side."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

from newslint.document import parse_document
from newslint.document.runs import Runs, first_runs, matches_at
from newslint.kinds import attribution
from newslint.registry import mentions, numbers
from newslint.registry.lexicon import is_title_word, lexicon

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def documents():
    paths = sorted({*ROOT.glob("tests/stories/**/*.md"), *ROOT.glob("tests/stories/**/*.txt"), *ROOT.glob("seeds/*.txt"),
                    *ROOT.glob("tests/eval/**/*.md"), *ROOT.glob("tests/eval/**/*.txt"),
                    ROOT / "examples" / "draft.md", *sorted((ROOT / "bench" / "out" / "drafts_50").glob("*.md"))[:20]})
    odd = parse_document("odd.md", "Ｍay the ſaid Ｓources ſay, she ſaid. Kelvin ſtated 12,5 ＭARCH Ⅻ twenty-one. "
                                   "The Sécurité spokeswoman, Zoë Ærø, said. Experts said: X.\n\nOfficials ſaid so.")
    return [parse_document(str(p), p.read_text(encoding="utf-8")) for p in paths] + [odd]


def test_documents_are_many():
    assert len(documents()) > 20
    assert sum(len(d.sentences) for d in documents()) > 1000


# -- the document's runs -----------------------------------------------------------------------
def test_runs_are_the_word_runs():
    for document in documents():
        runs = Runs.of(document)
        found = [(m.start(), m.end(), m.group()) for m in regex.finditer(r"\w+", document.prose)]
        assert list(zip(runs.starts, runs.ends, runs.texts)) == found
        assert Runs.of(document) is runs
        for firsts in (frozenset({"said", "the", "k", "may", "ſaid"}), frozenset(), attribution._run_needs(_lexicon().verbs)[0]):
            assert runs.starts_of(firsts) == [start for start, _, text in found
                                              if text.lower() in firsts or not text.isascii()]


def test_runs_give_the_words_and_word_starts_of_the_rule_index():
    """prose_words (the engine's rule index) and the style rules' word_starts read the runs."""
    from newslint.kinds.base import prose_words
    from newslint.kinds.vale import DocumentView
    for document in documents():
        words = regex.findall(r"\w+", document.prose)
        assert prose_words(document) == frozenset(w.lower() for w in words)
        starts: dict[str, list[int]] = {}
        for match in regex.finditer(r"\w+", document.prose):
            starts.setdefault(match.group().lower(), []).append(match.start())
        assert DocumentView(document).word_starts() == starts


def test_word_list_matches_at_run_starts_equal_the_scan():
    """Texts.word_matches (tried at the runs that begin an entry) finds what the scan of each
    block finds, for the reporting verbs and every claim kind's acts."""
    lex = _lexicon()
    patterns = [lex.verbs, *(kind.acts for kind in lex.claims if kind.acts is not None)]
    assert all(attribution._run_needs(p) for p in patterns)
    checked = 0
    for document in documents():
        texts = attribution.Texts(document, lex)
        for block in document.blocks:
            for pattern in patterns:
                fast = [(m.span(), m.group()) for m in texts.word_matches(pattern, block.start, block.end)]
                slow = [(m.span(), m.group()) for m in pattern.finditer(document.prose, block.start, block.end)]
                assert fast == slow, (document.path, block)
                checked += len(slow)
    assert checked > 500


def test_a_sentence_without_the_runs_of_a_vague_group_has_none():
    """Texts.runs_allow rules a sentence out only when the vague-group pattern finds nothing
    in it."""
    lex = _lexicon()
    pattern = lex.vague_groups
    assert attribution._run_needs(pattern) is not None
    ruled_out = found = 0
    for document in documents():
        texts = attribution.Texts(document, lex)
        for sentence in document.sentences:
            matches = list(pattern.finditer(document.prose, sentence.start, sentence.end))
            found += bool(matches)
            if not texts.runs_allow(pattern, sentence.start, sentence.end):
                assert not matches, (document.path, matches[0].group())
                ruled_out += 1
    assert ruled_out > 500 and found > 20


def test_matches_at_with_cut_words_and_phrases():
    """Entries of several words, a word cut by the stretch's start, case and non-ASCII runs."""
    pattern = regex.compile(r"\b(?:point\s+out|pointed\s+out|points|said|says|tell)\b", regex.I)
    firsts = first_runs(["point out", "pointed out", "points", "said", "says", "tell"])
    assert firsts == {"point", "pointed", "points", "said", "says", "tell"}
    text = "He SAID, she pointed  out; unsaid Tell-tale ſaid points outpoint point\nout SaId"
    runs = Runs(text)
    for start in range(len(text)):
        for end in (len(text), len(text) - 5):
            if end <= start or runs.within(start, end) is None:
                continue
            fast = [m.span() for m in matches_at(pattern, text, runs.starts_of(firsts), start, end)]
            assert fast == [m.span() for m in pattern.finditer(text, start, end)], (start, end)


def test_first_runs_refuse_what_they_cannot_read():
    assert first_runs(["-ish", "said"]) is None
    assert first_runs(["ſaid"]) is None
    assert first_runs([]) == frozenset()


@lru_cache(maxsize=1)
def _lexicon():
    from newslint.kinds.sourcing import _lexicon_path, _read_lexicon
    path = _lexicon_path(ROOT / "rules" / "sourcing", "sourcing.yml")
    return attribution.Lexicon.from_data(_read_lexicon(str(path), path.stat().st_mtime))


# -- figures: what a sentence can hold, read from its runs --------------------------------------
def test_kinds_from_runs_equal_the_sentence_scans():
    lex = numbers.lexicon()
    assert numbers._runs_decide()
    checked = 0
    for document in documents():
        runs = numbers._Runs(Runs(document.prose))
        prose = document.prose
        for sentence in document.sentences:
            within = runs.within(sentence.start, sentence.end)
            if within is None:
                continue
            kinds, words = numbers._kinds_of_runs(lex, prose, sentence.start, sentence.end, runs.held(*within))
            assert (kinds, words) == numbers._kinds_possible(lex, prose, sentence.start, sentence.end)
            digits = [m.start() for m in numbers._DIGIT_START.finditer(prose, sentence.start, sentence.end)]
            assert runs.starting(sentence.start, sentence.end, numbers._DIGIT) == digits
            first = numbers._first_words()
            number_runs = [m.start() for m in numbers._RUN.finditer(prose, sentence.start, sentence.end)
                           if m.group()[0].isdigit() or numbers._may_start_number(m.group(), first)]
            assert runs.starting(sentence.start, sentence.end, numbers._NUMBER) == number_runs
            checked += 1
    assert checked > 1000


def test_month_date_weekday_year_and_tally_matches_begin_at_their_runs():
    lex = numbers.lexicon()
    checked = 0
    for document in documents():
        runs = numbers._Runs(Runs(document.prose))
        for sentence in document.sentences:
            if runs.within(sentence.start, sentence.end) is None:
                continue
            for kind, bits in numbers._RUN_KINDS.items():
                tried = set(runs.starting(sentence.start, sentence.end, bits))
                for match in lex.patterns[kind].finditer(document.prose, sentence.start, sentence.end):
                    assert match.start() in tried, (kind, match.group())
                    checked += 1
    assert checked > 500


def test_runs_stand_in_only_for_lists_of_plain_words():
    words = r"\(\?:\w+(?:\|\w+)*\)"
    shape = regex.compile(rf"\\b(?:\(\?=\\p\{{Lu\}}\))?{words}")
    assert shape.fullmatch(r"\b(?:one|two)") and shape.fullmatch(r"\b(?=\p{Lu})(?:may|june)")
    assert not shape.fullmatch(r"\b(?:twenty-one|two)") and not shape.fullmatch(r"\b(?:(?!))")


# -- names ---------------------------------------------------------------------------------------
def test_words_of_a_stretch_equal_its_scan():
    """MentionFinder reads the words after a name and the two before it from its sentence's
    words; the scans of those stretches give the same."""
    checked = 0
    for document in documents():
        finder = mentions.MentionFinder(document, include_quotes=True)
        prose = document.prose
        for sentence in document.sentences:
            for at in range(sentence.start, sentence.end, 5):  # the words before a name; fills the cache
                assert finder._words_before(sentence, at) == mentions._words_with_offsets(prose, sentence.start, at)
            for at in range(sentence.start, sentence.end, 7):
                for end in (min(sentence.end, at + 40), sentence.end):
                    assert finder._words_in(sentence, at, end) == mentions._words_with_offsets(prose, at, end)
                    window = max(sentence.start, end - 30)
                    assert finder._last_words(sentence, window, end) == mentions._words_with_offsets(prose, window, end)[-2:]
                    checked += 1
    assert checked > 10000


def test_title_words_equal_the_split_of_every_role():
    lex = lexicon()

    def slow(word: str) -> bool:
        low = word.casefold().strip(",")
        return bool(low in lex.function_words or low.rstrip("-") in lex.status_words or low in lex.honorifics
                    or lex.country(low) or any(low in role.split() for role in lex.roles))
    words = {w for d in documents() for w in d.prose.split()} | {w for r in lex.roles for w in r.split()}
    assert len(words) > 2000
    assert all(is_title_word(w) == slow(w) for w in words)


def test_titled_name_lookup_by_given_name_equals_the_scan_of_every_person():
    """DraftNames._same_given_and_title reads the people with the mention's given name from
    KnownNames instead of scanning every person; with titles made up for every person it gives
    what the scan gives, on the seeds' and the council story's registries."""
    from dataclasses import replace

    from newslint.engine.config import Config
    from newslint.engine.linter import Linter, Options
    from newslint.registry.resolve import DraftNames, same_role, same_title
    from newslint.registry.reconcile import similarity

    checked = found = 0
    for sources in (ROOT / "seeds", ROOT / "tests" / "stories" / "council" / "sources"):
        linter = Linter(Config(root=ROOT), Options(sources=[sources]))
        registry, _ = linter.registries.get([sources], [], linter.parsers)
        for document in documents():
            names = DraftNames(document, registry)
            for mention in names.mentions:
                if mention.kind != "person" or len(mention.words) < 2 or not mention.titles:
                    continue
                given, surname = mention.words[0], mention.words[-1]
                for person in registry.people:  # every person's given name with this surname
                    probe = replace(mention, words=[person.given or given, *mention.words[1:]])
                    fast = names._same_given_and_title(probe)
                    if len(surname) < names.thresholds.min_length or surname.casefold() in names.source_words:
                        slow = None
                    else:
                        keep = names.thresholds.surname_prefix_same_given
                        hits = [p for p in registry.people if p.given and probe.words[0].casefold() == p.given.casefold()
                                and similarity(surname, p.surname) >= names.thresholds.surname_same_title
                                and (same_title(probe, p) or (keep and surname.casefold()[:keep] == p.surname.casefold()[:keep]
                                                              and same_role(probe, p)))]
                        slow = None if len(hits) != 1 else hits[0]
                    assert (fast.entity if fast else None) is slow
                    checked += 1
                    found += slow is not None
    assert checked > 50 and found >= 1


def test_speaking_equals_the_speakers_of_the_facts():
    """QuoteIndex.speaking (kept per set of wordings) gives speakers_of's facts that name a
    speaker and their speakers, for every source quotation and parts of it."""
    from newslint.engine.config import Config
    from newslint.engine.linter import Linter, Options
    from newslint.registry.quotematch import index_for
    from newslint.registry.wording import quote_words

    checked = 0
    for sources in (ROOT / "seeds", ROOT / "tests" / "stories" / "council" / "sources"):
        linter = Linter(Config(root=ROOT), Options(sources=[sources]))
        registry, _ = linter.registries.get([sources], [], linter.parsers)
        index = index_for(registry)
        for fact in registry.quotes:
            words = quote_words(fact.text)
            for segments in ([words], [words[: len(words) // 2]], [words[:4], words[-4:]]):
                facts = [f for f in index.speakers_of(segments, 6) if f.speaker]
                for _ in range(2):  # computed, then kept
                    kept, speakers = index.speaking(segments, 6)
                    assert list(kept) == facts and speakers == {f.speaker for f in facts}
                checked += bool(facts)
    assert checked > 50
