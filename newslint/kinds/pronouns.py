"""`extends: pronouns`: a pronoun that refers to a known person and disagrees with how the
sources refer to them: the attribution after a quote ("...," he added, after a quote by a
woman), the subject of the next clause ("Ibekwe said ..., and he added"), possessives.

A pronoun's candidates are the people named outside quotations before it in its sentence and
in the nearest earlier sentences that name anyone (within `window` sentences). It is flagged
only when every candidate is a known person whose gender the sources give, and none has the
pronoun's gender. Someone unknown, of unknown gender, or of the pronoun's gender: abstain."""
from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from newslint import regexcache
from newslint.document.runs import Runs, first_runs, matches_at
from newslint.findings import Finding, Fix
from newslint.kinds.base import CheckContext, Rule, RuleError, compile_pattern, finditer, format_message
from newslint.kinds.literals import NEVER, LazyPattern
from newslint.kinds.quotes import quotation_speakers
from newslint.registry.explain import evidence, support
from newslint.registry.lexicon import after_preposition, lexicon
from newslint.registry.mentions import DESCRIBED_AFTER_NAME, object_pronoun, reported_between, speech_mask
from newslint.registry.model import Entity
from newslint.registry.resolve import MISSES, DraftNames, draft_names
from newslint.registry.wording import WordTable

DEFAULT_MESSAGE = "'%s' refers to %s; the sources call %s %s (%s)"
# Someone the sources give no pronoun, whom the draft calls "she" in one place and "he" in another.
DRAFT_MESSAGE = "'%s' refers to %s, whom this draft calls %s (line %s); the sources give no pronoun for them"
USAGE = {"female": ("her", "she/her"), "male": ("him", "he/his"), "they": ("them", "they/them")}


@dataclass(eq=False, repr=False)
class Candidate:
    """Someone a pronoun may refer to: where they are named or described, and their gender."""

    offset: int
    entity: Entity | None  # None: someone the registry does not know, or a pronoun
    gender: str  # female | male | unknown
    pronoun: bool = False  # an earlier pronoun: someone of its gender is around
    described: bool = False  # a person described, not named ("her father", "a nurse")


def _described_pattern(nouns: tuple[str, ...]) -> str:
    """Someone described by a noun after a determiner ("a resident", "his wife")."""
    if not nouns:
        return NEVER
    alternatives = "|".join(map(regex.escape, nouns))
    return (rf"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Mm]y)\s+"
            rf"(?:[\w-]+\s+)?(?P<noun>(?i:{alternatives}))\b")


class PronounsRule(Rule):
    extends = "pronouns"
    category = "pronoun"
    needs_registry = True
    keys = frozenset({"pronouns", "window", "swap", "people_nouns", "people_patterns", "draft_message"})

    def compile(self, data: dict[str, Any]) -> None:
        self.message = self.message or DEFAULT_MESSAGE
        self.draft_message = str(data.get("draft_message") or DRAFT_MESSAGE)
        pronouns = data.get("pronouns")
        if not isinstance(pronouns, dict) or not pronouns:
            raise RuleError("pronouns must map a gender to a list of pronouns", "pronouns")
        self.genders: dict[str, str] = WordTable()  # read with case-insensitive matches (see WordTable)
        for gender, words in pronouns.items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise RuleError("pronouns must map a gender to a list of pronouns", "pronouns")
            self.genders.update({w.casefold(): str(gender) for w in words})
        swap = data.get("swap") or {}
        if not isinstance(swap, dict):
            raise RuleError("swap must map a pronoun to its replacement", "swap")
        self.swap = {str(k).casefold(): str(v) for k, v in swap.items()}
        self.window = int(data.get("window", 3))
        # Someone described, not named ("a resident", "his wife"): a referent the registry
        # cannot check, so pronouns near them abstain (or agree, for gendered nouns).
        nouns = data.get("people_nouns") or {}
        if not isinstance(nouns, dict) or not all(isinstance(v, list) for v in nouns.values()):
            raise RuleError("people_nouns must map a gender (or 'any') to a list of nouns", "people_nouns")
        self.noun_gender = WordTable({str(w).casefold(): ("unknown" if g == "any" else str(g))
                                      for g, words in nouns.items() for w in words})
        ordered = tuple(sorted(self.noun_gender, key=lambda w: len(regex.escape(w)), reverse=True))
        self.nouns = LazyPattern(_described_pattern(ordered), 0) if ordered else None
        # A description's noun begins with a whole run of word characters one or two runs of
        # white space after its determiner (a word between): when the nouns begin with such
        # runs (runs.first_runs), it is looked for only where it can begin (Runs.reaching),
        # not at every position of the prose.
        self.noun_runs = first_runs(self.noun_gender)
        # "Ann Roe's son": a gendered noun after a name's possessive is someone described too.
        gendered = sorted((w for w, g in self.noun_gender.items() if g != "unknown"), key=len, reverse=True)
        self.possessed = regexcache.compile(rf"\p{{Lu}}\p{{Ll}}+['’]s\s+(?P<noun>{'|'.join(map(regex.escape, gendered))})\b",
                                            regex.IGNORECASE) if gendered else None
        patterns = data.get("people_patterns") or []
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise RuleError("people_patterns must be a list of regular expressions", "people_patterns")
        self.people_patterns = [compile_pattern(p) for p in patterns]
        words = "|".join(sorted(map(regex.escape, self.genders), key=len, reverse=True))
        self.pattern = regexcache.compile(rf"\b(?:{words})\b", regex.IGNORECASE)
        # A pronoun begins with a whole run: tried only where the runs of its first words are.
        self.pronoun_runs = first_runs(self.genders)

    def check(self, context: CheckContext) -> Iterator[Finding]:
        registry = context.registry
        if registry is None:
            return
        document = context.document
        names = draft_names(context)
        quoted = speech_mask(document)
        by_sentence = self._candidates(names, document, quoted)
        starts = [s.start for s in document.sentences]
        lede = _lede_people(document, by_sentence)
        # Sentences wholly inside a quotation do not count toward the window: a quotation of
        # three sentences does not move its speaker out of reach.
        inside_quotes = {i for i, s in enumerate(document.sentences)
                         if s.end > s.start and quoted[s.start] and quoted[max(s.start, s.end - 2)]}
        if self.pronoun_runs is None:
            pronouns: Iterator[regex.Match] = self.pattern.finditer(document.prose)
        else:
            at = Runs.of(document).starts_of(self.pronoun_runs)
            pronouns = matches_at(self.pattern, document.prose, at, 0, len(document.prose))
        speakers = quotation_speakers(context)
        name_ends = {m.end for m in names.mentions if m.kind == "person" and not m.quoted}
        # Sure references to people of unknown gender: (gender, strength, match) by person.
        usage: dict[int, list[tuple[str, int, regex.Match, Entity]]] = {}
        for match in pronouns:
            if quoted[match.start()]:
                continue  # the speaker's own words
            index = bisect.bisect_right(starts, match.start()) - 1
            if index < 0:
                continue
            gender = self.genders[match.group().casefold()]
            candidates = self._around(by_sentence, index, match.start(), inside_quotes)
            # Later pronouns may refer to whoever this one refers to.
            by_sentence.setdefault(index, []).append(Candidate(match.start(), None, gender, pronoun=True))
            by_sentence[index].sort(key=lambda c: c.offset)
            people = [c for c in candidates if not c.pronoun]
            speaker = speakers.get(match.start())
            if speaker is not None and speaker.gender in USAGE and speaker.gender != gender \
                    and (any(c.entity is speaker for c in people)
                         or self._named_in_window(by_sentence, index, match.start(), speaker, inside_quotes)):
                # '"…," he said' where the sources give the words to her, named just before:
                # the quotation says whom the pronoun stands for, whoever else is around.
                yield self._finding(match, speaker, gender)
                continue
            if speaker is not None and speaker.gender not in USAGE and any(c.entity is speaker for c in people):
                usage.setdefault(id(speaker), []).append((gender, 1, match, speaker))
                continue
            if people and any(c.gender == "unknown" for c in candidates):
                sure = self._sure_unknown(candidates, people, gender, match, document, index, by_sentence, inside_quotes)
                if sure is not None:
                    usage.setdefault(id(sure[0]), []).append((gender, sure[1], match, sure[0]))
            if not people or any(c.gender in (gender, "unknown") for c in candidates) or people[-1].entity is None:
                continue  # (None: either of two people of one surname and gender, "Roe" after Ann and Tom Roe)
            last = people[-1]
            if last.offset >= document.sentences[index].start and object_pronoun(match.group().casefold(), document.prose, match.end()) \
                    and not reported_between(lexicon(), document.prose, last.offset, match.start()):
                continue  # "X, the coach who trained him, said": an object in X's own clause is someone else
            if last.offset >= document.sentences[index].start and _possessive(match.group().casefold(), document.prose, match.end()) \
                    and self._earlier_match(by_sentence, index, gender, inside_quotes, document.sentences):
                # "Tom Poe appeared without a lawyer. Judge Ann Roe delayed his hearing": what the
                # named woman acts on may be the man the paragraph was just about.
                continue
            ahead = [c for c in by_sentence.get(index, []) if c.offset > match.start() and not c.pronoun]
            # ("In his reply, Ann Roe said the inspector erred": a pronoun points ahead to the
            # subject, not into the words reported after it.)
            ahead = [c for c in ahead if not reported_between(lexicon(), document.prose, ahead[0].offset, c.offset)]
            if not any(c.offset < match.start() for c in by_sentence.get(index, []) if not c.pronoun) and ahead and \
                    document.prose[document.sentences[index].start:match.start()].strip(" \t\n\"“'‘*_(") and \
                    not all(c.entity is not None and c.gender in USAGE and c.gender != gender for c in ahead):
                continue  # "At his shop, X said": it may point ahead (a sentence's first word does not)
            if _interjected_attribution(document.prose, match, name_ends):
                continue  # "Roe, she said, would resign": the speaker is not the person just named
            if _kin_of_named(document.prose, match) or _object_of_other(document.prose, match, self.genders):
                continue  # "Ann Roe, his widow": his is not Roe's; "after she saw him": him is not she
            if gender in lede.values() and _opens_paragraph(document.sentences, index) \
                    and not document.prose[document.sentences[index].start:match.start()].strip(" \t\n*_"):
                continue  # a paragraph that opens on "Her house …" may be about the story's subject again
            if last.offset >= document.sentences[index].start and \
                    (after_preposition(document.prose, last.offset) or _closing_attribution(document.prose, match)) and \
                    self._earlier_match(by_sentence, index, gender, inside_quotes, unknown_too=True):
                # "Her resignation came days later. In a letter to Tom Poe, she wrote …": a
                # name after a preposition is seldom the subject the pronoun stands for; nor is
                # the person a sentence is about its closing attribution's speaker ("Ann Roe
                # said the group would sue. Tom Poe will testify for it, she said").
                continue
            if self._paragraph_match(by_sentence, index, match.start(), gender, inside_quotes, document.sentences, quoted):
                # Someone of the pronoun's gender in the paragraph that names the nearest person,
                # and no one named before it in its sentence: the nearest person named is not
                # surely whom it stands for ('Roe said Poe signed. Poe is on leave. ¶ "…," she said').
                continue
            sentence_start = document.sentences[index].start
            reported = _reported_clause(document.prose, match.start()) \
                or _object_after_speech(document.prose, sentence_start, match)
            if reported and self._earlier_match(by_sentence, index, gender, inside_quotes,
                                                None if object_pronoun(match.group().casefold(), document.prose, match.end())
                                                else document.sentences, lede):
                continue  # "… Ann Roe will lead it. Tom Poe said she has run …": she is Roe
            finding = self._finding(match, people[-1].entity, gender)
            if reported and self._earlier_match(by_sentence, index, gender, inside_quotes):
                # (someone of the pronoun's gender in an earlier paragraph: less sure)
                finding = dataclasses.replace(finding, severity="warning")
            yield finding
        yield from self._draft_disagrees(usage, document)

    def _sure_unknown(self, candidates: list[Candidate], people: list[Candidate], gender: str, match, document,
                      index: int, by_sentence, inside_quotes) -> tuple[Entity, int] | None:
        """The one person of unknown gender a pronoun can refer to, and how sure: 2 when named
        before it in its own sentence, 1 in an earlier one; None when anyone else is in view
        (another person, someone described, another pronoun) or the
        pronoun may be someone else's (an object in the person's clause or in what they say)."""
        entities = {id(c.entity) for c in people}
        if len(entities) != 1 or people[0].entity is None or people[0].entity.gender in USAGE:
            return None
        if any(c.pronoun for c in candidates):
            return None  # (another pronoun in view may stand for someone else: "that he serve his")
        last = people[-1]
        start = document.sentences[index].start
        word = match.group().casefold()
        # ("X said the union would not speak for him": an object in what X says may be anyone;
        # "the judge recommended that he serve", after Poe: a clause's subject may be the
        # earlier person of that gender.)
        if object_pronoun(word, document.prose, match.end()) or _object_after_speech(document.prose, start, match):
            return None
        if _reported_clause(document.prose, match.start()) and self._earlier_match(by_sentence, index, gender, inside_quotes):
            return None
        return last.entity, 2 if last.offset >= start else 1

    def _draft_disagrees(self, usage: dict[int, list[tuple[str, int, regex.Match, Entity]]], document) -> Iterator[Finding]:
        """Someone the sources give no pronoun, whom the draft surely calls "she" and "he": the
        pronouns of the weaker side (fewer and less sure references), as warnings."""
        for references in usage.values():
            by_gender: dict[str, list[tuple[int, regex.Match]]] = {}
            for gender, strength, match, _ in references:
                by_gender.setdefault(gender, []).append((strength, match))
            if len(by_gender) != 2:
                continue
            (top, top_refs), (low, low_refs) = sorted(
                by_gender.items(), key=lambda item: (len(item[1]), sum(s for s, _ in item[1])), reverse=True)
            if (len(top_refs), sum(s for s, _ in top_refs)) == (len(low_refs), sum(s for s, _ in low_refs)):
                continue  # as many either way: no telling which is the slip
            person = references[0][3]
            line = document.position(top_refs[0][1].start())[0]
            shown = USAGE[top][1] if top in USAGE else top
            for _, match in low_refs:
                message = format_message(self.draft_message, (match.group(), person.canonical, shown, line))
                yield self.finding(match.start(), match.end(), message=message, severity="warning")

    def _earlier_match(self, by_sentence: dict[int, list[Candidate]], index: int, gender: str,
                       inside_quotes: set[int], paragraph_of=None, lede: dict[int, str] | None = None,
                       unknown_too: bool = False) -> bool:
        """A person of the pronoun's gender named or referred to ("She worked …") in the
        sentences before (within the window), whom a reader may take the pronoun for: the
        nearest person is then not sure. With `paragraph_of` (the document's sentences), only
        the pronoun's own paragraph counts, and the story's subject (`lede`: the people its
        first paragraph names, by id, with their gender) anywhere: "Tom Poe said she …" after
        a paragraph about Ann Roe is about Poe, as a new paragraph names whom it is about.
        With `unknown_too`, a named person the sources give no pronoun counts too."""
        lede = lede or {}
        here = paragraph_of[index].block if paragraph_of is not None else None
        for back in self._window_back(index, inside_quotes):
            for c in by_sentence.get(back, []):
                if c.gender != gender and not (unknown_too and c.gender == "unknown" and c.entity is not None) or c.described:
                    continue
                if here is None or paragraph_of[back].block == here or \
                        (c.entity is not None and id(c.entity) in lede) or (c.pronoun and gender in lede.values()):
                    return True  # (the story's subject, named in its first paragraph, is in view anywhere)
        return False

    def _paragraph_match(self, by_sentence: dict[int, list[Candidate]], index: int, offset: int, gender: str,
                         inside_quotes: set[int], sentences, quoted) -> bool:
        """No one named before the pronoun in its sentence, and someone of its gender named or
        referred to (not described) in the window from the paragraph of the nearest sentence
        naming anyone on: that paragraph is about them too. Not when that sentence quotes
        someone ('"…," Tom Poe said. "…," she added': the speaker goes on)."""
        if any(c.offset < offset and not c.pronoun for c in by_sentence.get(index, [])):
            return False
        back = list(self._window_back(index, inside_quotes))
        near = next((b for b in back if any(not c.pronoun for c in by_sentence.get(b, []))), None)
        if near is None or any(quoted[sentences[near].start:sentences[near].end]):
            return False
        block = sentences[near].block
        return any(c.gender == gender and not c.described for b in back if b > near or sentences[b].block == block
                   for c in by_sentence.get(b, []))

    def _named_in_window(self, by_sentence: dict[int, list[Candidate]], index: int, offset: int, person: Entity,
                         inside_quotes: set[int]) -> bool:
        """`person` is named before `offset` in its sentence or in the window's sentences (not
        only the nearest that names anyone): a quotation's speaker two sentences back."""
        if any(c.entity is person and c.offset < offset for c in by_sentence.get(index, [])):
            return True
        return any(c.entity is person for back in self._window_back(index, inside_quotes)
                   for c in by_sentence.get(back, []))

    def _window_back(self, index: int, inside_quotes: set[int]) -> Iterator[int]:
        """The sentences before `index`, nearest first, up to `window` of them; sentences wholly
        inside a quotation are passed through without counting."""
        counted, back = 0, index - 1
        while back >= 0 and counted < self.window:
            yield back
            counted += back not in inside_quotes
            back -= 1

    def _finding(self, match, person: Entity, gender: str) -> Finding:
        word = match.group()
        replacement = self.swap.get(word.casefold())
        if replacement and word[0].isupper():
            replacement = replacement.capitalize()
        detail = support(person.gender_evidence) if person.gender_evidence else "curated facts"
        pronoun, usage = USAGE.get(person.gender, ("them", person.gender))
        message = format_message(self.message, (word, person.canonical, pronoun, usage, detail))
        return self.finding(match.start(), match.end(), message=message,
                            fix=Fix(replacement, safe=False) if replacement else None,
                            evidence=evidence(person.gender_evidence))

    def _candidates(self, names: DraftNames, document, quoted) -> dict[int, list[Candidate]]:
        starts = [s.start for s in document.sentences]
        found: dict[int, list[Candidate]] = {}

        def add(offset: int, entity: Entity | None, gender: str = "unknown") -> None:
            index = bisect.bisect_right(starts, offset) - 1
            if index < 0:
                return
            gender = entity.gender if entity is not None else gender
            found.setdefault(index, []).append(Candidate(offset, entity, gender))

        named: list[tuple[int, Entity]] = []
        strangers: set[str] = set()  # surnames of people the sources do not know
        for mention in names.mentions:
            if mention.kind != "person" or mention.quoted:
                continue
            resolution = names.resolve(mention)
            if resolution is not None and (resolution.how in MISSES or resolution.entity.kind == "person"):
                entity = resolution.entity if resolution.entity.kind == "person" else None
                add(mention.start, entity)
                if entity is not None:
                    named.append((mention.start, entity))
            elif mention.words[-1].casefold() in names.shared_surnames:
                # Either of two the draft names in full with this surname ("Roe" after Ann Roe and
                # her son Tom Roe): of their gender when they have one.
                genders = names.shared_surnames[mention.words[-1].casefold()]
                add(mention.start, None, next(iter(genders)) if len(genders) == 1 else "unknown")
            elif mention.evidence or mention.words[-1] in strangers:
                add(mention.start, None)  # a person the sources do not know ("For Poe, ..." later)
                if mention.evidence - {"verb", "heading"} and len(mention.words) > 1:
                    strangers.add(mention.words[-1])  # (described or titled: "told Acme Weekly" is no one)
            elif len(mention.words) > 1 and mention.words[0].casefold() in names.known.given_people:
                # "Greta Hallworth's signature" where the sources know a Greta: a person, maybe one
                # of theirs misspelt past matching; a pronoun near them may be theirs.
                add(mention.start, None)
            elif len(mention.words) > 1 and (_INDEFINITE_APPOSITIVE.match(document.prose, mention.end)
                                             or DESCRIBED_AFTER_NAME.match(document.prose, mention.end)):
                # "Ann Roe, a bakery owner who …", "Tom Poe, then a junior guard", "Ann Roe, whose
                # son …": someone the sources do not know, described; a pronoun near them may be theirs.
                add(mention.start, None)
                strangers.add(mention.words[-1])
        named.sort(key=lambda item: item[0])
        name_ends = {m.end for m in names.mentions}
        nouns = self.nouns
        if nouns is None:
            found_nouns: Iterator[regex.Match] = iter(())
        elif self.noun_runs is None:
            found_nouns = nouns.finditer(document.prose)
        else:
            runs = Runs.of(document)
            at = runs.reaching(self.noun_runs, 2, 0, len(runs.starts))
            found_nouns = matches_at(nouns.compiled, document.prose, at, 0, len(document.prose))
        described = [(m, self.noun_gender[m.group("noun").casefold()]) for m in found_nouns]
        if self.possessed is not None and ("'s " in document.prose or "’s " in document.prose):
            described += [(m, self.noun_gender[m.group("noun").casefold()])
                          for m in _possessed_matches(self.possessed, document.prose)]
        for pattern in self.people_patterns:
            described += [(m, "unknown") for m in finditer(pattern, document.prose)]
        for match, gender in described:
            if quoted[match.start()]:
                continue
            before = document.prose[max(0, match.start() - 2):match.start()]
            if before == ", " and match.start() - 2 in name_ends:
                continue  # "X, a nurse": the named person again
            index = bisect.bisect_right(starts, match.start()) - 1
            if index >= 0:
                found.setdefault(index, []).append(Candidate(match.start(), None, gender, pronoun=True, described=True))
        name_starts = {m.start for m in names.mentions if m.kind == "person"}
        for reference in names.references:
            if reference.quoted:
                continue
            gap = document.prose[reference.end:reference.end + 3]
            if gap.startswith(", ") and reference.end + 2 in name_starts:
                continue  # "The agency's coordinator, Ana Roe": the named person again
            if document.prose[max(0, reference.start - 2):reference.start] == ", " and reference.start - 2 in name_ends:
                continue  # "Ana Roe, a partner at Acme Lane": the named person again
            entity = names.reference_entity(reference)
            if entity is None and reference.text.casefold().startswith("the ") and not reference.affiliation:
                entity = self._last_holder(reference, named)
            add(reference.start, entity)
        for items in found.values():
            items.sort(key=lambda c: c.offset)
        return found

    @staticmethod
    def _last_holder(reference, named: list[tuple[int, Entity]]) -> Entity | None:
        """"the president" when the sources have several: the last one named before it."""
        for offset, entity in reversed(named):
            if offset < reference.start and any((t.family or t.role) == reference.family for t in entity.titles):
                return entity
        return None

    def _around(self, by_sentence: dict[int, list[Candidate]], index: int, offset: int,
                inside_quotes: set[int] = frozenset()) -> list[Candidate]:
        """Who a pronoun may refer to: the people named before it in its sentence; when there
        are none, those of the nearest earlier sentence that names anyone, and the people
        described in the sentences between ("His sister moved away in May … Since then, her
        landlord …": her is the sister's)."""
        here = [c for c in by_sentence.get(index, []) if c.offset < offset]
        if any(not c.pronoun for c in here):
            return here
        between: list[Candidate] = []
        for back in self._window_back(index, inside_quotes):
            if any(not c.pronoun for c in by_sentence.get(back, [])):
                return by_sentence[back] + between + here
            between = [c for c in by_sentence.get(back, []) if c.described] + between
        return here


def _possessive(word: str, prose: str, end: int) -> bool:
    """"his" or "her" before what it owns ("delayed his hearing"), not "her" as an object."""
    return word == "his" or word == "her" and not object_pronoun(word, prose, end)


def _opens_paragraph(sentences, index: int) -> bool:
    return index == 0 or sentences[index - 1].block != sentences[index].block


def _lede_people(document, by_sentence: dict[int, list[Candidate]]) -> dict[int, str]:
    """The people named in the first paragraph (the lede), whom the story is about: id -> gender."""
    first = next((i for i, b in enumerate(document.blocks) if "paragraph" in b.scopes), None)
    return {id(c.entity): c.gender for i, s in enumerate(document.sentences) if s.block == first
            for c in by_sentence.get(i, []) if c.entity is not None and not c.pronoun}


def _reported_clause(prose: str, offset: int) -> bool:
    """The pronoun opens what someone says ("X said she had"), so it need not be X."""
    before = _WORD_BEFORE.search(prose, max(0, offset - 30), offset)
    if before is None:
        return False
    word = before.group(1).casefold()
    # ("would not say whether he had testified", "asked why she left": an indirect question)
    return word in _CLAUSE_OPENERS or word in lexicon().reporting_verbs


# A name's appositive with an indefinite article: ", a bakery clerk", ", then a junior guard".
_INDEFINITE_APPOSITIVE = regexcache.compile(r",\s+(?:(?:then|now|once|also)\s+)?an?\s+(?:\d+-year-old\s+)?\p{Ll}")


def _interjected_attribution(prose: str, match, name_ends: set[int]) -> bool:
    """The pronoun opens an attribution set off after a name ("Roe, she said, would"): it is
    the speaker, whom the sentence does not name, not the person named."""
    before = prose.rfind(",", max(0, match.start() - 3), match.start())
    if before < 0 or before not in name_ends or prose[before + 1:match.start()].strip():
        return False
    verb = _INTERJECTED_VERB.match(prose, match.end())
    return verb is not None and verb.group(1).casefold() in lexicon().reporting_verbs


def _closing_attribution(prose: str, match) -> bool:
    """The pronoun and a reporting verb close the sentence after a comma, in or out of a
    quotation (", she said." and ',” she said.')."""
    if not prose[max(0, match.start() - 4):match.start()].rstrip(" \"”'’").endswith(","):
        return False
    verb = _CLOSING_VERB.match(prose, match.end())
    return verb is not None and verb.group(1).casefold() in lexicon().reporting_verbs


_INTERJECTED_VERB = regexcache.compile(r"\s+(\p{L}+)\s*,")
_CLOSING_VERB = regexcache.compile(r"\s+(\p{L}+)\s*(?:[.!?]|$)")
# "Ann Roe, his widow,": a possessive that opens a kinship appositive after a name.
_NAME_THEN_COMMA = regexcache.compile(r"\p{Lu}[\p{L}'’-]+,\s+$")
_NEXT_WORD = regexcache.compile(r"\s+(\p{Ll}+)")
# "after she saw him", "he had told her": a subject pronoun a few words before an object one.
_SUBJECT_BEFORE = regexcache.compile(r"\b(she|he)\s+(?:[\p{Ll}'’]+\s+){1,3}$")


def _kin_of_named(prose: str, match) -> bool:
    """The possessive opens a relative's description right after their name ("Ann Roe, his
    widow, sat …"): it stands for someone else, whom the story is about."""
    following = _NEXT_WORD.match(prose, match.end())
    return following is not None and following.group(1) in lexicon().kinship_words \
        and _NAME_THEN_COMMA.search(prose, max(0, match.start() - 60), match.start()) is not None


def _object_of_other(prose: str, match, genders: dict[str, str]) -> bool:
    """An object pronoun a few words after a subject pronoun of the other gender ("after she
    saw him"): the subject is the person named last, so the object is someone else."""
    word = match.group().casefold()
    if not object_pronoun(word, prose, match.end()):
        return False
    subject = _SUBJECT_BEFORE.search(prose, max(0, match.start() - 40), match.start())
    return subject is not None and genders.get(subject.group(1)) not in (None, genders.get(word))


_CLAUSE_OPENERS = frozenset({"that", "whether", "if", "why", "how", "when", "where"})
_WORD_BEFORE = regexcache.compile(r"(\p{L}+)\s+$")
_OBJECT_PRONOUNS = frozenset({"him", "her", "himself", "herself"})
_WORD = regexcache.compile(r"\p{L}+")


def _object_after_speech(prose: str, sentence_start: int, match) -> bool:
    """An object pronoun in what someone says ("Roe said the union would not speak for him"):
    it may be anyone named before, not only the speaker."""
    if match.group().casefold() not in _OBJECT_PRONOUNS:
        return False
    verbs = lexicon().reporting_verbs
    return any(w.casefold() in verbs for w in _WORD.findall(prose, sentence_start, match.start()))


RULE_KINDS = {"pronouns": PronounsRule}


def _possessed_matches(pattern: regex.Pattern, prose: str) -> Iterator[regex.Match]:
    """pattern.finditer(prose) for the possessive pattern (`\\p{Lu}\\p{Ll}+['’]s\\s+noun`, case
    ignored): a match is letters up to an apostrophe, so it begins after the last space before
    one; it is tried there up to the mark, not at every letter of the prose (an ignored case
    makes `\\p{Lu}` any cased letter)."""
    marks = sorted(at for mark in ("'", "’") for at in _occurrences(prose, mark))
    resume = 0
    for mark in marks:
        if mark < resume:
            continue
        for at in range(max(resume, prose.rfind(" ", 0, mark) + 1), mark - 1):
            match = pattern.match(prose, at)
            if match is not None:
                resume = match.end()
                yield match
                break


def _occurrences(text: str, mark: str) -> Iterator[int]:
    at = text.find(mark)
    while at >= 0:
        yield at
        at = text.find(mark, at + 1)
