"""Gender as the sources refer to a person: gendered roles ("spokeswoman") and honorifics
count double; a pronoun counts when the sentence it is in, or the sentence before, is about
that one person only. Unknown unless one side clearly wins."""
from __future__ import annotations

import bisect
from collections import defaultdict

import regex

from newslint.document.model import Document
from newslint.registry.lexicon import lexicon
from newslint.registry.mentions import speech_mask
from newslint.registry.model import Entity, Provenance, Registry

STRONG, WEAK = 2, 1
# The winning side needs this much weight, and this many times the other side's: one pronoun
# that nothing contradicts is how the sources refer to the person.
MIN_WEIGHT, MIN_RATIO = 1, 3


def pronoun_pattern() -> regex.Pattern:
    words = "|".join(sorted(lexicon().pronouns, key=len, reverse=True))
    return regex.compile(rf"\b(?:{words})\b", regex.IGNORECASE)


def sentence_candidates(document: Document, names, references, resolve) -> dict[int, list[tuple[int, Entity | None]]]:
    """Sentence index -> [(offset, person or None for an unknown person)], in text order."""
    starts = [s.start for s in document.sentences]
    found: dict[int, list[tuple[int, Entity | None]]] = defaultdict(list)
    name_ends = {m.end for m in names if m.kind == "person"}
    # Not a second person: "X, a tax lawyer" (X again) and "the governor's
    # office" (an office, not its holder).
    references = [r for r in references if not (document.prose[r.start - 2:r.start] == ", " and r.start - 2 in name_ends)
                  and document.prose[r.end:r.end + 2] not in ("'s", "’s")]
    for offset, entity in [*((m.start, resolve(m)) for m in names if m.kind == "person"),
                           *((r.start, resolve(r)) for r in references)]:
        if entity is False:
            continue  # not a person at all
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0:
            found[index].append((offset, entity))
    for items in found.values():
        items.sort(key=lambda item: item[0])
    return found


def pronoun_votes(document: Document, candidates, pattern) -> list[tuple[Entity, str, int]]:
    """(person, gender, offset) for each pronoun whose referent is unambiguous."""
    lex = lexicon()
    votes = []
    quoted = speech_mask(document)
    previous_only: Entity | None = None
    for index, sentence in enumerate(document.sentences):
        here = candidates.get(index, [])
        distinct = {id(e) if e is not None else ("unknown", o) for o, e in here}
        only = here[0][1] if len(distinct) == 1 else None
        carried = False  # a pronoun before any name pointed back to the previous sentence's person
        for match in pattern.finditer(document.prose, sentence.start, sentence.end):
            if quoted[match.start()]:
                continue
            before = [e for o, e in here if o < match.start()]
            gender = lex.pronouns[match.group().casefold()]
            named = {id(e) if e is not None else ("unknown", i) for i, e in enumerate(before)}
            if before and len(named) == 1 and before[0] is not None:
                votes.append((before[0], gender, match.start()))
            elif not before and previous_only is not None:
                votes.append((previous_only, gender, match.start()))
                carried = True
        if here:
            # "He is standing in for X. … his slides": the subject stays the earlier person, so
            # the one named after the pronoun is not the next sentence's sure referent.
            previous_only = None if carried and only is not previous_only else only
    return votes


class GenderVotes:
    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def collect(self, mentions, by_form: dict[str, Entity], titles: dict[int, list]) -> None:
        from newslint.registry.extractors.people import provenance

        weights: dict[int, dict[str, list[tuple[int, Provenance]]]] = defaultdict(lambda: defaultdict(list))
        people = {id(e): e for e in by_form.values()}
        for key, observed in titles.items():
            for phrase, where in observed:
                if phrase.gender:
                    weights[key][phrase.gender].append((STRONG, where))
        pattern = pronoun_pattern()

        def resolve(item):
            words = getattr(item, "words", None)
            if words is not None:
                entity = by_form.get(" ".join(words))
                if entity is None and not item.evidence:
                    return False  # a capitalised word, not known to be anyone
                return entity
            return self.registry.person_by_name(item.text)

        for document, names, references in mentions:
            for mention in names:
                entity = by_form.get(" ".join(mention.words))
                if entity is not None and mention.honorific:
                    weights[id(entity)][mention.honorific].append((STRONG, provenance(document, mention.start)))
            candidates = sentence_candidates(document, names, references, resolve)
            for entity, gender, offset in pronoun_votes(document, candidates, pattern):
                weights[id(entity)][gender].append((WEAK, provenance(document, offset)))
        for key, sides in weights.items():
            entity = people.get(key)
            if entity is None:
                continue
            totals = {gender: sum(w for w, _ in votes) for gender, votes in sides.items()}
            best = max(totals, key=totals.get)
            other = sum(v for g, v in totals.items() if g != best)
            if totals[best] >= MIN_WEIGHT and totals[best] >= MIN_RATIO * other:
                entity.gender = best
                entity.gender_evidence = [where for _, where in sides[best]]
