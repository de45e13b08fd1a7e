"""Resolve the names in a draft against the registry: a known form, a form the sources mark
as wrong, or a near miss of a known name (given name and surname compared separately).
Shared by the name, title and pronoun checks."""
from __future__ import annotations

import os
import re

from bisect import bisect_left

from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import OSA

from newslint.document.model import Document
from newslint.registry.lexicon import lexicon
from newslint.registry.mentions import MentionFinder, NameMention, RoleReference, affiliations_compatible, introduced_as_relative
from newslint.registry.model import Entity, Registry, Variant
from newslint.registry.namematch import given_compatible, similarity

if TYPE_CHECKING:
    from newslint.kinds.base import CheckContext

# How a draft name relates to a registry entity.
EXACT = "exact"  # a right form
WRONG_VARIANT = "wrong-variant"  # a form the sources themselves have as a minority slip
NEAR_SURNAME = "near-surname"  # "Ibewke", "Ada Okonja"
NEAR_GIVEN = "near-given"  # "Adaa Ibekwe"
NEAR_BOTH = "near-both"
WRONG_GIVEN = "wrong-given"  # "Ella Ibekwe": right surname, another given name
NEAR_ORGANISATION = "near-organisation"
OTHER_ORGANISATION_WORD = "other-organisation-word"  # "Acme Biologics" for Acme Diagnostics
CROSSED = "crossed"  # "Ada Kovacs": one person's given name with another's surname
MISSES = (WRONG_VARIANT, NEAR_SURNAME, NEAR_GIVEN, NEAR_BOTH, WRONG_GIVEN, NEAR_ORGANISATION, OTHER_ORGANISATION_WORD,
          CROSSED)


@dataclass(eq=False, repr=False)
class Thresholds:
    """The similarity limits of the name checks."""

    surname: float = 0.8  # OSA similarity for a near-miss surname
    surname_same_given: float = 0.75  # when the given name is the same
    given: float = 0.7  # for a near-miss given name
    organisation: float = 0.9
    lone: float = 0.85  # for a lone surname with nothing saying it names a person
    min_length: int = 4  # shorter words are never near misses
    max_distance: int = 2  # edits
    surname_same_title: float = 0.5  # with the same given name and the same titled office
    # With the same given name, a surname keeping the known one's first letters may be one
    # edit further off ("Holloway" for "Hollowell"): slips rarely touch a word's start. 0: off.
    surname_prefix_same_given: int = 4
    # A word the sources write once only is still a slip of a name they write this often or
    # more ("the mayor and Quarender" once, "Quarrender" twelve times). 0: off.
    source_slip_support: int = 4

    def values(self) -> tuple[float, ...]:
        """dataclasses.astuple(self), which deep-copies every field: the rules ask for the
        draft's names some 30 times a draft, and its fields are plain numbers."""
        return tuple(getattr(self, name) for name in _THRESHOLD_NAMES)

    @property
    def search_cutoff(self) -> float:
        """The lowest surname similarity of a near miss (prefix slips are looked up apart)."""
        return min(self.surname, self.surname_same_given)


_THRESHOLD_NAMES = tuple(f.name for f in fields(Thresholds))


@dataclass(eq=False, repr=False)
class Resolution:
    """A draft's name mention resolved to a known entity, and how."""

    mention: NameMention
    entity: Entity
    how: str
    variant: Variant | None = None  # the wrong variant matched
    title_agrees: bool = False  # the draft's title for the name matches the entity's
    other: Entity | None = None  # CROSSED: the person whose surname the draft wrote


@dataclass(eq=False, repr=False)
class DraftNames:
    """The names in one draft, each resolved to a registry entity when it can be."""

    document: Document
    registry: Registry
    thresholds: Thresholds = field(default_factory=Thresholds)

    def __post_init__(self) -> None:
        finder = MentionFinder(self.document, include_quotes=True)
        self.mentions = finder.names()
        self.references = finder.role_references()
        self.known = known_names(self.registry)
        self.source_words = self.known.source_words
        self._resolved: dict[int, Resolution | None] = {}
        self.wrong_forms = self.known.wrong_forms
        # Surnames of people the draft names in full who are not the sources' people ("Dmitri
        # Peterson" when the sources know Adam Peterson): the draft's lone "Peterson" is them.
        self.strangers: set[str] = set()
        self.strangers_ready = False
        bearers: dict[str, dict[int, Entity]] = {}
        for mention in self.mentions:
            if mention.kind == "person" and len(mention.words) > 1:
                resolution = self.resolve(mention)
                if resolution is None:
                    self.strangers.add(mention.surname.casefold())
                elif resolution.entity.kind == "person":
                    bearers.setdefault(mention.surname.casefold(), {})[id(resolution.entity)] = resolution.entity
        # Surnames the draft gives two known people in full ("Ann Roe" and her son "Tom Roe"):
        # its lone "Roe" may be either. With the genders they have (one when both are men).
        self.shared_surnames: dict[str, set[str]] = {
            surname: {person.gender for person in people.values()} for surname, people in bearers.items() if len(people) > 1}
        self.strangers_ready = True

    def resolutions(self) -> list[Resolution]:
        found = []
        for mention in self.mentions:
            resolution = self.resolve(mention)
            if resolution is not None:
                found.append(resolution)
        return found

    def resolve(self, mention: NameMention) -> Resolution | None:
        key = id(mention)
        if key not in self._resolved or not self.strangers_ready:
            self._resolved[key] = self._resolve(mention)
        return self._resolved[key]

    def _near_people(self, surname: str) -> list[Entity]:
        """The people whose surname is at all close (rapidfuzz over the distinct surnames)."""
        hits = process.extract(surname.casefold(), self.known.surnames, scorer=OSA.normalized_similarity,
                               score_cutoff=self.thresholds.search_cutoff, limit=None)
        return [person for _, _, index in hits for person in self.known.surname_people[index]]

    def _prefix_people(self, surname: str) -> list[Entity]:
        """The people whose surname starts with the same surname_prefix_same_given letters
        (a range of the sorted distinct surnames)."""
        keep = self.thresholds.surname_prefix_same_given
        if not keep or len(surname) < keep + 2:
            return []
        prefix = surname.casefold()[:keep]
        ordered = self.known.sorted_surnames
        found: list[Entity] = []
        for name, index in ordered[bisect_left(ordered, (prefix,)):]:
            if not name.startswith(prefix):
                break
            found.extend(self.known.surname_people[index])
        return found

    def _resolve(self, mention: NameMention) -> Resolution | None:
        form = " ".join(mention.words)
        if len(mention.words) == 1 and mention.kind == "person" and (
                form.casefold() in getattr(self, "strangers", ()) or form.casefold() in getattr(self, "shared_surnames", ())):
            return None
        entity = self.registry.find(form)
        if entity is None and len(mention.words) == 1 and mention.kind == "person":
            entity = self.registry.person_by_name(form)  # the surname of one known person
        if entity is not None:
            return Resolution(mention, entity, EXACT, title_agrees=title_agrees(mention, entity))
        if form.casefold() in self.wrong_forms:
            candidate, variant = self.wrong_forms[form.casefold()]
            return Resolution(mention, candidate, WRONG_VARIANT, variant, title_agrees(mention, candidate))
        if mention.kind == "organisation":
            return self._near_organisation(mention, form)
        if len(mention.words) == 1:
            return self._near_surname(mention)
        return self._near_full_name(mention)

    def reference_entity(self, reference: RoleReference) -> Entity | None:
        return None if reference.unnamed else self.registry.person_by_name(reference.text)

    # -- near misses ---------------------------------------------------------------------------
    def _is_near(self, written: str, known: str, cutoff: float, min_length: int | None = None,
                 support: int = 0) -> bool:
        if written.casefold() == known.casefold() or len(written) < (min_length or self.thresholds.min_length):
            return False
        slip = self.thresholds.source_slip_support
        if written.casefold() in self.source_words and not (
                slip and support >= slip and written.casefold() in self.known.once):
            # The sources write it too: another name, not a slip; unless they write it once
            # beside a name they write source_slip_support times or more (their own slip).
            return False
        distance = OSA.distance(written.casefold(), known.casefold())
        return distance <= self.thresholds.max_distance and similarity(written, known) >= cutoff

    def _is_prefix_slip(self, written: str, known: str) -> bool:
        """`written` keeps the first letters of `known` and is at most one edit further off
        than a near miss may be; used only with the very same given name."""
        keep = self.thresholds.surname_prefix_same_given
        low, want = written.casefold(), known.casefold()
        if not keep or len(low) < keep + 2 or low[:keep] != want[:keep] or low == want or low in self.source_words:
            return False
        return OSA.distance(low, want) <= self.thresholds.max_distance + 1

    def _near_surname(self, mention: NameMention) -> Resolution | None:
        word = mention.words[0]
        lex = lexicon()
        if word.casefold() in lex.function_words or lex.country(word) or word.isupper():
            return None
        # A lone word needs to be closer, unless the draft says it names a person.
        cutoff = self.thresholds.surname if mention.evidence else max(self.thresholds.surname, self.thresholds.lone)
        if any(self._is_near(word, stranger, cutoff) for stranger in getattr(self, "strangers", ())):
            return None  # more likely a slip for the draft's own person
        # (A lone word one slip from the surname of a person the draft names elsewhere, as in
        # "Ostergard's name" beside four "Ostergaard": the draft's own person, at the surname cutoff.)
        written = self._written_surnames()
        near: dict[str, bool] = {}  # by surname: many people may bear one (a large registry)

        def is_near(surname: str) -> bool:
            if surname not in near:
                near[surname] = self._is_near(word, surname, cutoff if surname.casefold() not in written
                                              else self.thresholds.surname)
            return near[surname]

        hits = {id(p): p for p in self._near_people(word) if is_near(p.surname)}
        if not hits and mention.evidence:
            # "Petrosky said" where the sources know only Petrov: a speaking surname that keeps
            # a known one's first letters.
            hits = {id(p): p for p in self._prefix_people(word) if self._is_prefix_slip(word, p.surname)}
        if len(hits) > 1 and len({p.surname.casefold() for p in hits.values()}) == 1:
            # A family ("Ann Roe", "her son, Tom Roe"): the slip is of the surname they share,
            # and a lone surname in the sources stands for one of them.
            hits = {key: p for key, p in hits.items() if any(v.form == p.surname for v in p.variants)}
        if len(hits) != 1:
            return None
        person = next(iter(hits.values()))
        return Resolution(mention, person, NEAR_SURNAME, title_agrees=title_agrees(mention, person))

    def _written_surnames(self) -> set[str]:
        """The last words of the draft's person names, casefolded (made once)."""
        if getattr(self, "_surnames_written", None) is None:
            self._surnames_written = {m.words[-1].casefold() for m in self.mentions if m.kind == "person"}
        return self._surnames_written

    def _near_full_name(self, mention: NameMention) -> Resolution | None:
        given, surname = mention.words[0], mention.words[-1]
        scored: list[tuple[float, Entity, str]] = []
        near = self._near_people(surname)
        seen = {id(p) for p in near}
        near += [p for p in self._prefix_people(surname) if id(p) not in seen]
        for person in near:
            if not person.given:
                # Known by surname only ("COUNCILWOMAN TALBOT:" in a transcript): a full name
                # with that surname is that person when nobody else the sources know bears it.
                if surname.casefold() == person.surname.casefold() and self._only_bearer(person):
                    scored.append((2 * similarity(surname, person.surname), person, EXACT))
                continue
            same_surname = surname.casefold() == person.surname.casefold()
            # With the very same given name, a surname may be a little further off.
            cutoff = self.thresholds.surname_same_given if given.casefold() == person.given.casefold() \
                else self.thresholds.surname
            near_surname = self._is_near(surname, person.surname, cutoff, support=person.support) or (
                given.casefold() == person.given.casefold() and self._is_prefix_slip(surname, person.surname))
            given_ok = given_compatible(given, person.given)
            # Given names are short ("Sam" for "Sami"): one letter less is allowed.
            near_given = self._is_near(given, person.given, self.thresholds.given, self.thresholds.min_length - 1)
            if same_surname and given_ok:
                how = EXACT  # another right form ("Ada N. Ibekwe")
            elif same_surname and not near_given and introduced_as_relative(self.document.prose, mention.start, mention.end):
                continue  # "his sister, Tanya X": a relative who shares the surname, not a slip
            elif same_surname:
                how = NEAR_GIVEN if near_given else WRONG_GIVEN
            elif near_surname and given_ok:
                how = NEAR_SURNAME
            elif near_surname and (near_given or same_office(mention, person)):
                how = NEAR_BOTH  # both names off; with the same title, the given name may be anything
            else:
                continue
            score = similarity(surname, person.surname) + similarity(given, person.given)
            scored.append((score, person, how))
        if not scored:
            return self._same_given_and_title(mention)
        scored.sort(key=lambda item: -item[0])
        if len(scored) > 1 and scored[1][0] == scored[0][0]:
            return None  # two people fit as well: abstain
        _, person, how = scored[0]
        agrees = title_agrees(mention, person)
        if how == WRONG_GIVEN and not self._given_name_slip(mention, person, given):
            return self._crossed(mention, person)  # someone else who shares the surname
        return Resolution(mention, person, how, title_agrees=agrees)

    def _given_name_slip(self, mention: NameMention, person: Entity, given: str) -> bool:
        """Whether another given name with `person`'s surname is a slip for `person`, not
        someone else: the draft gives them the office; or, for the sources' only bearer of the
        surname, the same role (or a retold source sentence) and initial, or the same rank; or
        the same title and a given name that starts the same ("Marta" for "Martina")."""
        if same_office(mention, person):
            return True
        initial = given.casefold()[:1] == person.given.casefold()[:1]
        if initial and (same_role(mention, person) or self._retold(mention, person)) and self._only_bearer(person):
            return True
        if self._only_bearer(person) and self._same_rank(mention, person):
            return True
        return given.casefold()[:3] == person.given.casefold()[:3] and same_title(mention, person)

    def _only_bearer(self, person: Entity) -> bool:
        """Nobody else the sources know has this person's surname ("the elections director,
        Nitin Roe" where Nikhil Roe is the one Roe, and the elections director: with the same
        role and initial, another given name is a slip)."""
        surname = person.surname.casefold()
        ordered = self.known.sorted_surnames  # (a lookup: counting over every person cost O(people) a call)
        at = bisect_left(ordered, (surname,))
        return at < len(ordered) and ordered[at][0] == surname and len(self.known.surname_people[ordered[at][1]]) == 1

    def _retold(self, mention: NameMention, person: Entity) -> bool:
        """The draft's sentence retells a source sentence that names the person: it shares
        RETOLD_WORDS of its longer words with it ("was named to run the harbor review")."""
        sentence = self.document.sentence_at(mention.start)
        if sentence is None:
            return False
        lex = lexicon()
        names = {w.casefold() for w in mention.words}
        mine = {w for w in _LONG_WORD.findall(self.document.prose[sentence.start:sentence.end].casefold())
                if w not in lex.function_words and w not in names}
        if len(mine) < RETOLD_WORDS:
            return False
        return any(len(mine & set(_LONG_WORD.findall(where.text.casefold()))) >= RETOLD_WORDS
                   for variant in person.variants if not variant.wrong for where in variant.mentions)

    def _same_rank(self, mention: NameMention, person: Entity) -> bool:
        """The draft writes before the name the rank the sources write before this person's
        ("Lt. Tom Roe" for the sources' "Lt. Ann Roe"): one person holds one rank at a time."""
        pattern = lexicon().rank_before
        if pattern is None:
            return False
        found = pattern.search(self.document.prose, max(0, mention.start - 30), mention.start)
        if found is None:
            return False
        rank = lexicon().ranks[" ".join(found.group(1).casefold().split())]
        for variant in person.variants:
            if variant.wrong:
                continue
            form = variant.form.casefold()
            for where in variant.mentions:
                text = where.text.casefold()
                at = text.find(form)
                while at >= 0:
                    theirs = pattern.search(where.text, max(0, at - 30), at)
                    if theirs is not None and lexicon().ranks[" ".join(theirs.group(1).casefold().split())] == rank:
                        return True
                    at = text.find(form, at + 1)
        return False

    def _crossed(self, mention: NameMention, surname_owner: Entity) -> Resolution | None:
        """The given name of exactly one other known person with `surname_owner`'s surname:
        two of the story's people run together ("Ada Kovacs" for Ada Lind beside Tom Kovacs)."""
        given = mention.words[0]
        owners = [p for p in self.known.given_people.get(given.casefold(), ()) if p is not surname_owner]
        if len(given) < 3 or len(owners) != 1:
            return None
        owner = owners[0]
        return Resolution(mention, owner, CROSSED, title_agrees=title_agrees(mention, owner), other=surname_owner)

    def _same_given_and_title(self, mention: NameMention) -> Resolution | None:
        """"Port Director Ann Kovacz" where the sources have Port Director Ann Kovacs: the same given
        name and the same office at the same organisation (or the same role and a surname that
        starts alike: "Judge Ann Dunsworth" for Ann Dunsmore) make a surname further off (down to
        surname_same_title similarity) a slip; so does a surname that starts alike with the very
        words of a title the sources give ("Ann Dunne, the tribe's land manager"), or, with no
        title, in a sentence that retells one of the sources' naming the person."""
        given, surname = mention.words[0], mention.words[-1]
        if len(surname) < self.thresholds.min_length or surname.casefold() in self.source_words:
            return None
        if not mention.titles:
            # Or the draft's sentence retells one of the sources' that names the person.
            hits = [person for person in self.known.given_people.get(given.casefold(), ())
                    if similarity(surname, person.surname) >= self.thresholds.surname_same_title
                    and self._retold(mention, person)]
            return Resolution(mention, hits[0], NEAR_SURNAME) if len(hits) == 1 else None
        keep = self.thresholds.surname_prefix_same_given
        hits = [person for person in self.known.given_people.get(given.casefold(), ())
                if (similarity(surname, person.surname) >= self.thresholds.surname_same_title and (
                    same_title(mention, person) or same_role_where_named(mention, person) or same_wording(mention, person)
                    or (keep and surname.casefold()[:keep] == person.surname.casefold()[:keep] and same_role(mention, person))))
                or (keep and surname.casefold()[:keep] == person.surname.casefold()[:keep] and same_wording(mention, person))]
        if len(hits) != 1:
            return None
        return Resolution(mention, hits[0], NEAR_SURNAME, title_agrees=True)

    def _near_organisation(self, mention: NameMention, form: str) -> Resolution | None:
        if len(form) < 8:
            return None
        hits = []
        wanted = _POSSESSIVE_S.sub("", form.casefold())  # "the State Police's Marine Unit" is the State Police Marine Unit
        if any(wanted == known for _, forms in self.known.organisation_forms for known, _ in forms):
            return None
        # Only forms within max_distance edits can be near: their length differs by no more.
        for organisation, forms in self.known.organisation_forms:
            for known, length in forms:
                if abs(length - len(wanted)) <= self.thresholds.max_distance and wanted != known \
                        and similarity(form, known) >= self.thresholds.organisation \
                        and OSA.distance(wanted, known) <= self.thresholds.max_distance:
                    hits.append(organisation)
                    break
                if _one_word_misspelt(wanted, known, self.source_words):
                    hits.append(organisation)
                    break
        if len(hits) == 1:
            return Resolution(mention, hits[0], NEAR_ORGANISATION)
        if hits:
            return None
        # The same name with another kind of organisation ("Acme Biologics" where the
        # sources know only Acme Diagnostics): one known organisation has the draft's own words.
        # Or the same body with another word for its kind ("Avon Growers Alliance" where they
        # know the Avon Growers Association).
        for name_core in (_name_core, _body_core):
            core, kinds = name_core(wanted)
            if not core:
                continue
            hits = [organisation for organisation, forms in self.known.organisation_forms
                    if any(theirs[0] == core and theirs[1] != kinds for theirs in map(name_core, (k for k, _ in forms)))]
            if hits:
                return Resolution(mention, hits[0], OTHER_ORGANISATION_WORD) if len(hits) == 1 else None
        return None


# Legal forms, left out when names are compared: "Acme Solutions" is Acme Solutions LLC.
LEGAL_FORMS = frozenset({"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "lp", "llp"})
# Company words that say no kind of business: "Elm Valley Power" is Elm Valley Power Company.
GENERIC_COMPANY_WORDS = frozenset({"company", "companies", "group", "holdings"})
GENERIC_KIND = frozenset({"company"})  # the kind of a name whose company words are all generic


# (Both cached: each draft organisation not known by name is compared with every known form.)
@lru_cache(maxsize=1 << 14)
def _name_core(name: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """A casefolded company name's own words and its words for a kind of company ("acme
    therapeutics" -> (("acme",), {"therapeutics"})); ((), ∅) unless it has both, and no other
    organisation word."""
    lex = lexicon()
    words = [w.strip(".,") for w in name.split() if w not in lex.function_words]
    words = [w for w in words if w not in LEGAL_FORMS]
    core = tuple(w for w in words if w not in lex.company_words)
    kinds = frozenset(w for w in words if w in lex.company_words and w not in GENERIC_COMPANY_WORDS)
    if not kinds and any(w in GENERIC_COMPANY_WORDS for w in words):
        # "Acme Group": a company, of no kind named ("Acme Partners" for it is a slip; "Acme
        # Holdings" may be its parent, of no kind named either).
        kinds = GENERIC_KIND
    if not core or not kinds or any(w in lex.organisation_words for w in core):
        return (), frozenset()
    return core, kinds


@lru_cache(maxsize=1 << 14)
def _body_core(name: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """A casefolded body's name without the word for its kind that ends it, and that word
    ("avon growers association" -> (("avon", "growers"), {"association"})); ((), ∅) unless
    two words or more come before it, none of them an organisation word other than a
    jurisdiction's ("county", "city"), and one of them a word of its own (not a jurisdiction's)."""
    lex = lexicon()
    words = [w.strip(".,") for w in name.split() if w not in lex.function_words and w.strip(".,") not in LEGAL_FORMS]
    if len(words) < 3 or words[-1] not in lex.body_kinds:
        return (), frozenset()
    core = tuple(words[:-1])
    if any(w in lex.organisation_words and w not in lex.jurisdiction_words for w in core) \
            or all(w in lex.jurisdiction_words for w in core[1:]):
        return (), frozenset()
    return core, frozenset(words[-1:])


_POSSESSIVE_S = re.compile(r"['’]s\b")
_LONG_WORD = re.compile(r"[^\W\d_]{5,}")
# How many longer words (5 letters or more, not function words) a draft sentence shares with
# a source sentence naming a person to retell it.
RETOLD_WORDS = 4


# A word of an organisation's name misspelt beyond the edit limit still starts like the
# right one ("Silverbrook" for "Silverbridge"): this many letters in common at the start, and
# every other word of the name the same.
ORGANISATION_WORD_PREFIX = 6
ORGANISATION_WORD_SHORT_PREFIX = 4
ORGANISATION_WORD_SIMILARITY = 0.6


def _one_word_misspelt(wanted: str, known: str, source_words: set[str] = frozenset()) -> bool:
    """Two casefolded names of three or more words that differ in one word only, whose two
    spellings share a long beginning: a misspelt name, not another organisation ("Avon
    Valley Trust" and "Avon Valley Authority" share no beginning)."""
    mine, theirs = wanted.split(), known.split()
    if len(mine) != len(theirs) or len(mine) < 3:
        return False
    different = [(a, b) for a, b in zip(mine, theirs) if a != b]
    if len(different) != 1:
        return False
    a, b = different[0]
    lex = lexicon()
    if len(mine) >= 4 and a not in (mine[0], mine[-1]) and (a in lex.jurisdiction_words) != (b in lex.jurisdiction_words) \
            and not {a, b} & (lex.organisation_words - lex.jurisdiction_words):
        # "Avon County Water Cooperative" for the Avon Valley Water Cooperative: a place's
        # word for the name's own, between the same first word and the same kind.
        return True
    common = len(os.path.commonprefix([a, b]))
    if common >= ORGANISATION_WORD_PREFIX and common < min(len(a), len(b)):
        return True
    # A proper name's word of the name ("Elmcrest" for "Elmhurst"): a shorter common start
    # and alike, where neither word says what kind of organisation it is and the sources never
    # write the draft's word in a name.
    return common >= ORGANISATION_WORD_SHORT_PREFIX and a not in source_words and similarity(a, b) >= ORGANISATION_WORD_SIMILARITY \
        and not {a, b} & (lex.organisation_words | lex.company_words | lex.organisation_words_weak)


@dataclass(eq=False, repr=False)
class KnownNames:
    """What resolving every draft's names needs from one registry, gathered once: the distinct
    surnames of its people (for the near-miss search) with the people who have each, the
    capitalised words its sources write, its wrong forms, and its organisations' forms."""

    surnames: list[str]
    surname_people: list[list[Entity]]
    sorted_surnames: list[tuple[str, int]]  # (surname, its index in surnames), sorted
    source_words: set[str]
    wrong_forms: dict[str, tuple[Entity, Variant]]
    organisation_forms: list[tuple[Entity, list[tuple[str, int]]]]
    # Of the source words, those the sources write once only.
    once: frozenset[str] = frozenset()
    # Casefolded given name -> the people who have it, in registry order (for a titled name
    # whose surname is further off: it looked at every person per mention).
    given_people: dict[str, list[Entity]] = field(default_factory=dict)

    @classmethod
    def of(cls, registry: Registry) -> KnownNames:
        by_surname: dict[str, list[Entity]] = {}
        by_given: dict[str, list[Entity]] = {}
        for person in registry.people:
            if person.surname:
                by_surname.setdefault(person.surname.casefold(), []).append(person)
            if person.given:
                by_given.setdefault(person.given.casefold(), []).append(person)
        # (possessives cut as from the draft's form: "St. Ann's Hospital" is compared as "st. ann hospital")
        organisations = [(o, [(k, len(k)) for k in dict.fromkeys(_POSSESSIVE_S.sub("", f.casefold()) for f in o.right_forms())])
                         for o in registry.organisations]
        return cls(list(by_surname), list(by_surname.values()), sorted((s, i) for i, s in enumerate(by_surname)),
                   {w.casefold() for w in registry.extra.get("people.tokens", [])},
                   {v.form.casefold(): (e, v) for e in registry.entities for v in e.variants if v.wrong},
                   organisations, frozenset(registry.extra.get("people.once", ())), by_given)


_KNOWN: dict[int, tuple[Registry, int, KnownNames]] = {}


def known_names(registry: Registry) -> KnownNames:
    """The KnownNames of a registry, built once (the registry is kept alive with them; rebuilt
    when entities are added)."""
    held = _KNOWN.get(id(registry))
    if held is None or held[0] is not registry or held[1] != len(registry.entities):
        if len(_KNOWN) > 8:
            _KNOWN.clear()
        held = _KNOWN[id(registry)] = (registry, len(registry.entities), KnownNames.of(registry))
    return held[2]


def draft_names(context: CheckContext, thresholds: Thresholds | None = None) -> DraftNames:
    """The draft's names resolved against its registry, built once per document and shared by
    the name, title and pronoun rules (finding and resolving the mentions is their main cost)."""
    thresholds = thresholds or Thresholds()
    registry = context.registry
    assert registry is not None
    # The cached DraftNames keeps the registry alive, so its id cannot be reused meanwhile.
    key = ("draft-names", id(registry), thresholds.values())
    return context.shared(key, lambda: DraftNames(context.document, registry, thresholds))


def title_agrees(mention: NameMention, entity: Entity) -> bool:
    """The draft's title for the name is one the sources give this person."""
    lex = lexicon()
    return any(lex.roles_agree(phrase.role, t.role) and affiliations_compatible(phrase.affiliation, t.affiliation)
               for phrase in mention.titles for t in entity.titles)


def same_office(mention: NameMention, entity: Entity) -> bool:
    """The draft names the person as holder of an office only one person holds, and one the
    sources give them ("The French leader, Anne Duval"): strong enough to say a
    different given name is a slip. A shared generic role ("a spokesman") is not."""
    lex = lexicon()
    return any(lex.family(t.role) in lex.unique_roles and lex.roles_agree(phrase.role, t.role)
               and affiliations_compatible(phrase.affiliation, t.affiliation)
               for phrase in mention.titles for t in entity.titles)


def same_role(mention: NameMention, entity: Entity) -> bool:
    """The draft gives the person a role the sources give them ("Judge"), at any organisation."""
    lex = lexicon()
    return any(lex.roles_agree(phrase.role, t.role) for phrase in mention.titles for t in entity.titles)


def same_role_where_named(mention: NameMention, entity: Entity) -> bool:
    """The draft's role at an organisation that the very source line giving the person that
    role names ("director of Acme's flood division" for "Ann X, Director, Flood Division, Acme
    North"): the same office, though the sources' title kept no organisation."""
    lex = lexicon()
    for phrase in mention.titles:
        words = [w for w in phrase.affiliation.replace("’", "'").replace("'s", "").split() if w[:1].isupper()]
        if not words or lex.generic(phrase.affiliation):
            continue
        for title in entity.titles:
            if lex.roles_agree(phrase.role, title.role) and any(
                    all(re.search(rf"\b{re.escape(w)}\b", where.text) for w in words) for where in title.mentions):
                return True
    return False


def same_wording(mention: NameMention, entity: Entity) -> bool:
    """The draft's title for the name is, word for word, one the sources give the person
    ("the tribe's land manager"; "the county's budget director" for "county budget
    director"), and more than a bare role."""
    theirs = {_title_words(t.text) for t in entity.titles}
    return any(len(words) > 1 and words in theirs for words in map(_title_words, (p.text for p in mention.titles)))


def _title_words(title: str) -> tuple[str, ...]:
    """A title's words, casefolded, without articles and possessive endings."""
    words = title.casefold().replace("’", "'").replace("'s ", " ").split()
    return tuple(w for w in words if w not in ("the", "a", "an"))


def same_title(mention: NameMention, entity: Entity) -> bool:
    """The draft gives the person a title the sources give them, at the same named
    organisation ("ODOT Director"): a kind of organisation ("a company director") is not."""
    lex = lexicon()
    return any(lex.roles_agree(phrase.role, t.role) and phrase.affiliation and t.affiliation
               and not lex.generic(phrase.affiliation) and not lex.generic(t.affiliation)
               and affiliations_compatible(phrase.affiliation, t.affiliation)
               for phrase in mention.titles for t in entity.titles)


def canonical_affiliation(registry: Registry, affiliation: str) -> str:
    """"MTA" -> "Metro Transit Authority" when the sources use it as that organisation's alias."""
    if not affiliation:
        return affiliation
    entity = registry.find(affiliation)
    return entity.canonical if entity is not None and entity.kind == "organisation" else affiliation
