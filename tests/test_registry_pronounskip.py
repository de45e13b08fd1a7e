"""A sentence that names no one, after a sentence that leaves no sure referent, gives no
pronoun vote (gender.pronoun_votes skips it without searching its pronouns): the votes are
those of the full search (the function as it was, below), on every story's sources, the seeds
and the example draft."""
from __future__ import annotations

from pathlib import Path

from newslint.document import parse_document
from newslint.registry import gender
from newslint.registry.gender import (_kin_appositive, _labels_turn, _paraphrase_after_turn, _names_a_relative,
                                      _owns_next_name, _speaks_after_comma)
from newslint.registry.lexicon import lexicon
from newslint.registry.mentions import MentionFinder, object_pronoun, reported_between, speech_mask

ROOT = Path(__file__).resolve().parent.parent


def _full_search_votes(document: Document, candidates, pattern) -> list[tuple[Entity, str, int]]:
    """gender.pronoun_votes as it was before the skip: every sentence searched."""
    lex = lexicon()
    votes = []
    quoted = speech_mask(document)
    prose = document.prose
    previous_only: Entity | None = None
    others: set[str] = set()  # genders of someone else in play (this sentence or the last)
    turn = None
    for index, sentence in enumerate(document.sentences):
        here = candidates.get(index, [])
        distinct = {id(e) if e is not None else ("unknown", o) for o, e in here}
        only = here[0][1] if len(distinct) == 1 else None
        # A transcript's or notes' speaker label ("DR. ROE: His family asked …"): the speaker says
        # "I"; a third person in the turn is someone else.
        if only is not None and _labels_turn(lex, prose, here[0][0], sentence.end):
            turn = (only, prose.rfind("\n", 0, here[0][0]) + 1)
            only = previous_only = None
            here = []
        elif here:
            turn = None
        elif turn is not None and _paraphrase_after_turn(lex, prose, sentence.start, turn[1]):
            previous_only, turn = turn[0], None
        carried = False  # a pronoun before any name pointed back to the previous sentence's person
        seen_others, others = others, set()
        for match in pattern.finditer(prose, sentence.start, sentence.end):
            if quoted[match.start()]:
                continue
            before = [(o, e) for o, e in here if o < match.start()]
            word = match.group().casefold()
            gender = lex.pronouns[word]
            if word in ("his", "her") and _owns_next_name(prose, match.end(), here):
                others.add(gender)
                continue  # "Her coach, Tom X, who trained her since she was 12": someone else's coach
            if word in ("his", "her") and _names_a_relative(lex, prose, match.end()):
                continue  # "her husband, Tom X": X is the relative of someone else
            if word in ("his", "her") and prose[match.start() - 2:match.start()] == ", " \
                    and _kin_appositive(lex, prose, match.end()):
                continue  # "Ann X, his mother, stood": the possessive is the one X is kin to
            named = {id(e) if e is not None else ("unknown", i) for i, (_, e) in enumerate(before)}
            if before and any(o > match.start() and _speaks_after_comma(lex, prose, o) for o, _ in here):
                continue  # "Asked whether he had met X about the budget, Y said": Y's
            if before and len(named) == 1 and before[0][1] is not None:
                if object_pronoun(word, prose, match.end()) and not reported_between(lex, prose, before[-1][0], match.start()):
                    others.add(gender)
                    continue  # "X, who coached him, said": an object is someone else
                if gender in others or gender in seen_others:
                    continue  # "…, said she was recovering": she may be that someone else
                votes.append((before[0][1], gender, match.start()))
            elif not before and previous_only is not None and gender not in seen_others:
                votes.append((previous_only, gender, match.start()))
                carried = True
        if here:
            # "He is standing in for X. … his slides": the subject stays the earlier person, so
            # the one named after the pronoun is not the next sentence's sure referent.
            previous_only = None if carried and only is not previous_only else only
    return votes


def test_votes_with_the_skip_are_the_full_search_votes():
    paths = sorted({*ROOT.glob("tests/**/*.md"), *ROOT.glob("tests/**/*.txt"), *ROOT.glob("seeds/*.txt"),
                    ROOT / "examples" / "draft.md"})
    pattern = gender.pronoun_pattern()
    votes = skipped = 0
    for path in paths:
        document = parse_document(str(path), path.read_text(encoding="utf-8"))
        finder = MentionFinder(document)
        names, references = finder.names(), finder.role_references()
        candidates = gender.sentence_candidates(document, names, references, lambda item: item.text)
        fast = gender.pronoun_votes(document, candidates, pattern)
        assert fast == _full_search_votes(document, candidates, pattern), path
        votes += len(fast)
        skipped += len(document.sentences) - len(candidates)
    assert votes > 300 and skipped > 1000
