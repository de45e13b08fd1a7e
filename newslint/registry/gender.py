"""Gender as the sources refer to a person: gendered roles ("spokeswoman"), honorifics and
nouns beside the name ("her daughter, Dr. Ann Roe") count double; a pronoun counts when the
sentence it is in, or the sentence before, is about that one person only, and it is not about
someone else (an object in the person's own clause, a relative, a transcript turn's third
person). Unknown unless one side clearly wins."""
from __future__ import annotations

import bisect
from collections import defaultdict

import regex

from newslint import regexcache
from newslint.document.model import Document
from newslint.registry.lexicon import after_preposition, lexicon
from newslint.registry.mentions import following_word, object_pronoun, reported_between, speech_mask
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
                  and document.prose[r.end:r.end + 2] not in ("'s", "’s") and not _predicate(document.prose, r.start, name_ends)]
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


_COPULA_BEFORE = regex.compile(r"\s(?:is|was|remains|became)\s+$")


def _predicate(prose: str, start: int, name_ends: set[int]) -> bool:
    """"Ann Roe is the lead inspector": the role after a name and its verb "to be" is that
    person again, not a second one."""
    found = _COPULA_BEFORE.search(prose, max(0, start - 12), start)
    return found is not None and found.start() in name_ends


def pronoun_votes(document: Document, candidates, pattern) -> list[tuple[Entity, str, int]]:
    """(person, gender, offset) for each pronoun whose referent is unambiguous."""
    lex = lexicon()
    votes = []
    quoted = speech_mask(document)
    prose = document.prose
    previous_only: Entity | None = None
    others: set[str] = set()  # genders of someone else in play (this sentence or the last)
    turn: tuple[Entity, int] | None = None  # a labelled turn's speaker, and where its line starts
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
            # Notes: "ROE: The pier is sinking." then "(paraphrase) She said …": the turn's speaker.
            previous_only, turn = turn[0], None
        carried = False  # a pronoun before any name pointed back to the previous sentence's person
        seen_others, others = others, set()
        if not here and previous_only is None:
            continue  # no one named here or just before: no pronoun of this sentence votes
        for match in pattern.finditer(prose, sentence.start, sentence.end):
            if quoted[match.start()]:
                continue
            before = [(o, e) for o, e in here if o < match.start()]
            word = match.group().casefold()
            gender = lex.pronouns[word]
            if word in ("his", "her") and _owns_next_name(prose, match.end(), here):
                others.add(gender)
                continue  # "Her trainer, Tom X, who has worked with her since she turned pro": someone else's
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


# Between a possessive and the name it owns: a noun with up to two words before it, a comma
# perhaps, and up to three capitalised words (a title, an honorific): "her longtime coach, Dr. ".
_POSSESSED_BEFORE_NAME = regex.compile(r"[ \t]+(?:[\p{Ll}-]+[ \t]+){0,2}[\p{Ll}-]+,?[ \t]+(?:\p{Lu}[\p{L}.]*[ \t]+){0,3}")


def _owns_next_name(prose: str, end: int, here: list) -> bool:
    """The possessive is the owner of the next named person ("Her trainer, Tom X", "his
    lawyer Ann Y"): someone other than X, of the possessive's gender, is in play."""
    after = [o for o, _ in here if o >= end]
    if not after:
        return False
    found = _POSSESSED_BEFORE_NAME.match(prose, end, min(after))
    return found is not None and found.end() == min(after)


_PARAPHRASE = regex.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:he|she)[ \t]+(\p{Ll}+)", regex.IGNORECASE)


def _paraphrase_after_turn(lex, prose: str, start: int, turn_line: int) -> bool:
    """The sentence opens the line right after a labelled turn's with a pronoun and a reporting
    verb, perhaps after a bracketed note ("(paraphrase) He said …")."""
    line = prose.rfind("\n", 0, start) + 1
    if prose[line:start].strip(" \t(") and not prose[line:start].strip().startswith("("):
        return False
    if line == 0 or prose.rfind("\n", 0, line - 1) + 1 != turn_line:
        return False  # (the line before is the turn's)
    found = _PARAPHRASE.match(prose, line)
    return found is not None and found.group(1) in lex.reporting_verbs


_WORDS_BEFORE = regex.compile(r"([\p{L}.]+)[\s,]*$")
_APPOSITIVE_NOUN = regex.compile(r",\s+(?:a|an|the|his|her|their|[\p{Lu}][\p{L}'’]*['’]s)\s+(?:[\p{Ll}-]+\s+)?([\p{Ll}]+)\b")


def _gendered_noun(text: str, mention) -> str:
    """The gender a noun for a woman or a man next to the name gives ("her daughter, Dr. Ann
    Roe", "Tom Roe, her husband,", "Ann Roe, a mother of three"); "" when none does."""
    lex = lexicon()
    head = text[max(0, mention.start - 40):mention.start]
    for _ in range(3):  # past an honorific or "the": "her daughter, Dr. Ann Roe"
        found = _WORDS_BEFORE.search(head)
        if found is None:
            break
        word = found.group(1).casefold()
        if word in lex.gendered_nouns:
            return lex.gendered_nouns[word]
        if word not in lex.honorifics and word.rstrip(".") + "." not in lex.honorifics and word != "the":
            break
        head = head[:found.start()]
    after = _APPOSITIVE_NOUN.match(text, mention.end, mention.end + 60)
    if after is not None and after.group(1) in lex.gendered_nouns:
        return lex.gendered_nouns[after.group(1)]
    return ""


_AND_POSSESSIVE = regex.compile(r"\s+and\s+(his|her)\s+\p{Ll}")
_NAME_AND_POSSESSIVE = regex.compile(r"\b(?:(\p{Lu}[\p{L}'’-]+)\s+)?(\p{Lu}[\p{L}'’-]+)\s+and\s+(his|her)\s+\p{Ll}")


def _quoted_possessives(document: Document, by_form: dict[str, Entity]):
    """(person, gender, offset) for "Dr. Roe and his department" inside a quotation, where
    names are not mentions (a speaker's words) but this possessive is still the person's."""
    if " and h" not in document.prose:
        return
    quoted = speech_mask(document)
    for match in _NAME_AND_POSSESSIVE.finditer(document.prose):
        if not quoted[match.start(2)]:
            continue
        full = f"{match.group(1)} {match.group(2)}" if match.group(1) else None
        entity = (by_form.get(full) if full else None) or by_form.get(match.group(2))
        if entity is not None:
            yield entity, lexicon().pronouns[match.group(3).casefold()], match.start(2)


def _coordinated_possessive(text: str, end: int) -> str:
    """"Dr. Roe and his department", "Ann Roe and her husband": the possessive right after
    the name is the person's, in a quotation too (where pronouns otherwise do not vote)."""
    found = _AND_POSSESSIVE.match(text, end, end + 12)
    return lexicon().pronouns.get(found.group(1).casefold(), "") if found else ""


def _speaks_after_comma(lex, text: str, name_at: int) -> bool:
    """The name opens a main clause after an introductory one and speaks: ", Y said"."""
    if text[max(0, name_at - 2):name_at] != ", ":
        return False
    after = _NAME_THEN_VERB.match(text, name_at)
    return after is not None and after.group(1).casefold() in lex.reporting_verbs


_NAME_THEN_VERB = regex.compile(r"(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(\p{Ll}+)")


def _names_a_relative(lex, text: str, end: int) -> bool:
    """A kinship word and a name after the pronoun ("his brother, Judge Tom X"); not "his mother
    had worked", where the pronoun is the person named before."""
    kin = following_word(text, end)
    if kin not in lex.kinship_words:
        return False
    at = text.find(kin, end, end + 40) + len(kin)
    rest = text[at:at + 3].lstrip(", ")
    return rest[:1].isupper()


_KIN_THEN_COMMA = regex.compile(r"\s+([\p{Ll}-]+),")


def _kin_appositive(lex, text: str, end: int) -> bool:
    """A kinship word closing an appositive after the possessive (", his mother,"), not a
    relative who speaks (", her husband said")."""
    found = _KIN_THEN_COMMA.match(text, end, end + 30)
    return found is not None and found.group(1).casefold() in lex.kinship_words


def _labels_turn(lex, text: str, name_at: int, end: int) -> bool:
    """The name opens a speaker's turn: it starts its line, after an honorific or title at
    most, and a colon follows it ("DR. ROE: …", "- Roe: …")."""
    line_start = text.rfind("\n", 0, name_at) + 1
    colon = text.find(":", name_at, min(end, name_at + 40))
    if colon < 0 or text[name_at:colon].count(" ") > 3 or "," in text[name_at:colon]:
        return False
    if text[colon + 1:colon + 4].lstrip()[:1] in ('"', "“"):
        return False  # notes quoting the person ('- Roe: "…"'), whom the next line's "she" is about
    lead = text[line_start:name_at].strip(" -*#>").casefold()
    return not lead or lead in lex.honorifics or lex.role(lead) is not None


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
            return None if item.unnamed else self.registry.person_by_name(item.text)

        seen = []  # (document, sentence candidates) for the second pass
        for document, names, references in mentions:
            for mention in names:
                entity = by_form.get(" ".join(mention.words))
                if entity is None:
                    continue
                gender = mention.honorific or _gendered_noun(document.prose, mention)
                if gender:
                    weights[id(entity)][gender].append((STRONG, provenance(document, mention.start)))
                elif gender := _coordinated_possessive(document.prose, mention.end):
                    weights[id(entity)][gender].append((WEAK, provenance(document, mention.start)))
            for entity, gender, offset in _quoted_possessives(document, by_form):
                weights[id(entity)][gender].append((WEAK, provenance(document, offset)))
            candidates = sentence_candidates(document, names, references, resolve)
            seen.append((document, candidates))
            for entity, gender, offset in pronoun_votes(document, candidates, pattern):
                weights[id(entity)][gender].append((WEAK, provenance(document, offset)))
        _decide(people, weights)
        self._second_pass(people, weights, seen, pattern)
        # Last: what a source says outright ("Ann Roe (they/them)", "Ann Roe. She/her.") settles
        # it, whatever the votes.
        for document, names, _ in mentions:
            for entity, offset, gender in _declared(document, names, by_form):
                entity.gender = gender
                entity.gender_evidence = [provenance(document, offset)]

    def _second_pass(self, people: dict[int, Entity], weights, seen, pattern) -> None:
        """Someone the sources still give no pronoun, named beside a person whose gender is now
        settled ("Roe declined to discuss Poe's status. She said …", Poe a man): a pronoun of
        the other gender cannot be that person's, so it may be Roe's."""
        from newslint.registry.extractors.people import provenance

        open_people = {key for key in people if people[key].gender not in ("female", "male")}
        if not open_people:
            return
        votes: dict[int, dict[str, list[tuple[int, Provenance]]]] = defaultdict(lambda: defaultdict(list))
        for document, candidates in seen:
            if not any(e is not None and id(e) in open_people for items in candidates.values() for _, e in items):
                continue
            for gender in ("female", "male"):
                kept = {index: [(o, e) for o, e in items if e is None or e.gender in (gender, "unknown", "", None)]
                        for index, items in candidates.items()}
                if kept == candidates:
                    continue  # no one ruled out: the first pass's votes
                for entity, said, offset in pronoun_votes(document, kept, pattern):
                    if said == gender and id(entity) in open_people:
                        votes[id(entity)][gender].append((WEAK, provenance(document, offset)))
        for key, sides in votes.items():
            for gender, items in sides.items():
                weights[key][gender].extend(items)
        _decide({key: people[key] for key in votes}, weights)


def _declared(document: Document, names, by_form: dict[str, Entity]) -> list[tuple[Entity, int, str]]:
    """(person, offset, gender) for each "(they/them)", "uses they/them", "asked that we use
    'they'", "She/her." in the document: the known person named last before it on its line
    (not after a preposition: "Ann Roe, daughter of Tom Roe. She/her."), else on the line before
    that has words (a notes entry: "- Phone, Ann Roe, 3 p.m.:" then "Uses they/them.")."""
    text = document.prose
    found = []
    named = None
    for gender, pattern in lexicon().declared.items():
        if pattern.search(text) is None:
            continue
        if named is None:
            named = sorted((m.start, by_form[" ".join(m.words)]) for m in names if " ".join(m.words) in by_form)
        # (she/her and he/him only on the name's own line: notes often close an entry with
        # "He/him." below a line that names someone else)
        found += [(entity, offset, gender) for entity, offset in _declared_by(pattern, text, named, by_form, gender == "they")]
    return sorted(found, key=lambda item: item[1])


def _declared_by(pattern: regex.Pattern, text: str, named: list[tuple[int, Entity]],
                 by_form: dict[str, Entity], line_before: bool) -> list[tuple[Entity, int]]:
    found = []
    for declared in pattern.finditer(text):
        line_start = text.rfind("\n", 0, declared.start()) + 1
        # (the line before over blank ones: a notes header, an empty line, then the entry)
        previous_end = len(text[:line_start].rstrip())
        previous_start = text.rfind("\n", 0, previous_end) + 1
        # (Not past a transcript's speaker label: "ROE: I'm Ann Roe. I use they/them." is the
        # speaker's, whom the line before does not name.)
        labelled = _SPEAKER_LABEL.match(text, line_start) is not None
        for floor in (line_start, previous_start) if line_before and not labelled else (line_start,):
            # (not a name after a preposition: "Ann Roe, organizer at Acme Works (they/them)")
            before = [entity for start, entity in named
                      if floor <= start < declared.start() and not after_preposition(text, start)] \
                or _written_before(text, floor, declared.start(), by_form)
            if before:
                found.append((_declarer(text, floor, named, before, declared.start()), declared.start()))
                break
    return found


_SPEAKER_LABEL = regexcache.compile(r"[ \t]*\p{Lu}[\p{Lu}'’.-]+(?:[ \t]+\p{Lu}[\p{Lu}'’.-]+)*:")


def _declarer(text: str, line_start: int, named: list[tuple[int, Entity]], before: list[Entity],
              declared_at: int) -> Entity:
    """Whom a line's "She/her." is about: the person named last before it; but a declaration
    that is a sentence of its own, after a sentence that names no one, is about the person the
    line opens on, the subject of a notes entry ("Roe, by phone: Poe is out of town this
    week. Confirms the date. She/her." is Roe's; "Roe (she/her). Poe (he/him)." each's)."""
    at, opener = next(((start, entity) for start, entity in named if start >= line_start), (0, None))
    prior = text[line_start:declared_at].rstrip()
    if opener is not before[0] or opener is before[-1] or text[line_start:at].strip(" \t-–—*•>#") \
            or not prior.endswith((".", "!", "?")):
        return before[-1]
    sentence_start = line_start + prior.rfind(". ", 0, len(prior) - 1) + 1  # (the sentence before it)
    last_named = max((start for start, entity in named if entity is before[-1] and line_start <= start < declared_at),
                     default=declared_at)
    return opener if last_named < sentence_start else before[-1]


def _written_before(text: str, start: int, end: int, by_form: dict[str, Entity]) -> list[Entity]:
    """The people whose full name text[start:end] writes, in order: a notes line the name finder
    passed over ("-- Hallway, Ann Roe (they/them; Acme), 3 p.m.:")."""
    line = text[start:end]
    at = {line.rfind(form): entity for form, entity in by_form.items() if " " in form and form in line}
    return [at[offset] for offset in sorted(at)]


def _decide(people: dict[int, Entity], weights) -> None:
    """Each person's gender: the side that clearly wins the votes, else unknown."""
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
