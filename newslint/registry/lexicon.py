"""The people lexicons (newslint/data/*.yaml), loaded once: roles, honorifics, status words,
nationalities, organisation words, pronouns. Data, not code: nothing here knows a story."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from newslint import regexcache
from newslint.datafiles import data_file
from newslint.registry.wording import WordTable


def _load(name: str) -> dict:
    return data_file(name) or {}


@dataclass(eq=False, repr=False)  # never changed after it is made: not frozen, which compiles __setattr__ and __delattr__ at import
class RoleInfo:
    """A listed role, the office family it is a form of, and the gender it implies."""

    role: str  # as listed ("spokeswoman")
    family: str  # what it is a form of ("spokesperson")
    gender: str  # female | male | ""


@dataclass(eq=False, repr=False)
class Lexicon:
    """The roles, ranks and offices of the title lexicon."""

    roles: dict[str, RoleInfo] = field(default_factory=dict)
    max_role_words: int = 1
    # The first words of the listed roles, and the ranks: a phrase beginning with any other
    # word is no role (see role), so a search for one can stop there.
    role_starts: frozenset[str] = frozenset()
    role_groups: dict[str, set[str]] = field(default_factory=dict)
    unique_roles: set[str] = field(default_factory=set)
    jurisdiction_offices: set[str] = field(default_factory=set)  # "City Auditor": one per jurisdiction
    # Offices below the head of an organisation ("vice president", "business agent"): someone
    # the sources give one of them is not the organisation's one-holder head as well.
    junior_roles: set[str] = field(default_factory=set)
    positions: set[str] = field(default_factory=set)  # posts in an organisation's ranks
    speaking_words: set[str] = field(default_factory=set)  # a post that speaks for one ("communications")
    # Offices of a board or council ("Board Secretary", "Council President"): one holder per body.
    body_offices: set[str] = field(default_factory=set)
    body_words: set[str] = field(default_factory=set)
    body_members: dict[str, frozenset[str]] = field(default_factory=dict)  # "council" -> {councillor}
    # Words that end a unit's or body's name written in lowercase ("the compensation board",
    # "the agency's water division"): the organisation a verb's office is held at.
    unit_words: set[str] = field(default_factory=set)
    jurisdiction_words: set[str] = field(default_factory=set)  # "state", "county": levels of government
    client_families: set[str] = field(default_factory=set)  # "Acme's lawyer": Acme may be the client
    ranks: dict[str, str] = field(default_factory=dict)  # "capt." -> captain
    rank_classes: frozenset[str] = frozenset()  # "first": "Petty Officer First Class Ann Roe"
    rank_before: regex.Pattern | None = None  # a rank's form ending where a name starts
    exclusive_families: set[str] = field(default_factory=set)  # members differ: "democrat" vs "republican"
    # Offices of which one person holds one at a time ("senator" or "representative").
    exclusive_offices: list[frozenset[str]] = field(default_factory=list)
    # Words that name a kind of organisation, not one ("hospital", "union").
    generic_affiliations: set[str] = field(default_factory=set)
    status_words: dict[str, str] = field(default_factory=dict)
    honorifics: dict[str, str] = field(default_factory=dict)
    nationalities: dict[str, str] = field(default_factory=dict)
    organisation_words: set[str] = field(default_factory=set)
    organisation_names: set[str] = field(default_factory=set)
    organisation_words_weak: set[str] = field(default_factory=set)  # also surnames ("Hall")
    company_words: set[str] = field(default_factory=set)  # a company's kind ("Diagnostics", "Inc")
    body_kinds: set[str] = field(default_factory=set)  # a body's kind ("Association", "Authority")
    function_words: set[str] = field(default_factory=set)
    calendar_words: set[str] = field(default_factory=set)
    particles: set[str] = field(default_factory=set)
    suffixes: set[str] = field(default_factory=set)
    reporting_verbs: set[str] = field(default_factory=set)
    kinship_words: set[str] = field(default_factory=set)
    list_labels: set[str] = field(default_factory=set)  # "Trustees present:": an attendance list
    # Words reporting that someone left a post ("resigned", "stepped down"), as one pattern.
    departure: regex.Pattern | None = None
    # Of those, the ones that say the person has left, and the words before one that undo it.
    left: regex.Pattern | None = None
    left_undone: regex.Pattern | None = None
    # Ranks before a role that make a compound one ("chief" bridge engineer).
    role_ranks: set[str] = field(default_factory=set)
    subordinate_ranks: set[str] = field(default_factory=set)  # "deputy": another office
    plain_ranks: set[str] = field(default_factory=set)  # "chief", "senior": the same office, ranked
    pronouns: dict[str, str] = field(default_factory=dict)  # word -> female | male
    gendered_nouns: dict[str, str] = field(default_factory=dict)
    # "(they/them)", "She/her.": the pronouns a person uses, said outright, by gender
    declared: dict[str, regex.Pattern] = field(default_factory=dict)

    def role(self, words: str) -> RoleInfo | None:
        low = words.casefold()
        info = self.roles.get(low)
        if info is None and low.partition(" ")[0] in self.role_ranks:
            info = self._ranked_role(low)
        return info

    def _ranked_role(self, low: str) -> RoleInfo | None:
        """A rank, up to two describing words and a listed role ("chief bridge engineer",
        "lead investigator"): a role of the family of its last words."""
        words = low.split()
        if not 2 <= len(words) <= 4:
            return None
        for cut in range(1, len(words)):  # the longest listed head first: "fire chief" before "chief"
            head = self.roles.get(" ".join(words[cut:]))
            middle = words[1:cut]
            if head is not None and all(w.isalpha() and w not in self.function_words and w not in self.reporting_verbs
                                        and w not in self.status_words for w in middle):
                # ("chief deputy fire marshal": a deputy's office, whatever rank leads.)
                rank = next((w for w in words[:cut] if w in self.subordinate_ranks), None)
                family = f"{rank} {head.family}" if rank else head.family
                return RoleInfo(low, family, head.gender)
        return None

    def family(self, role: str) -> str:
        info = self.role(role)
        return info.family if info else role.casefold()

    def families_compatible(self, a: str, b: str) -> bool:
        """Same office, or a generic word ("leader") that stands for it; a joint office
        ("president and chief executive") is either of its offices."""
        if " and " in a or " and " in b:
            if any(self._compatible(x, y) for x in a.split(" and ") for y in b.split(" and ")):
                return True
        return self._compatible(a, b)

    def _compatible(self, a: str, b: str) -> bool:
        fa, fb = self.family(a), self.family(b)
        if fa == fb:
            return True
        return fb in self.role_groups.get(fa, ()) or fa in self.role_groups.get(fb, ())

    def roles_agree(self, a: str, b: str) -> bool:
        """The same office; in an exclusive family (party membership) the same role too."""
        if not self.families_compatible(a, b):
            return False
        return self.family(a) not in self.exclusive_families or a.casefold() == b.casefold()

    def exclusive(self, a: str, b: str) -> bool:
        """Two offices of which one person holds only one ("Sen." and "Rep.")."""
        fa, fb = self.family(a), self.family(b)
        return fa != fb and any(fa in group and fb in group for group in self.exclusive_offices)

    def generic(self, affiliation: str) -> bool:
        """A kind of organisation ("hospital", "the union"), not its name."""
        return affiliation.casefold() in self.generic_affiliations

    def country(self, word: str) -> str | None:
        return self.nationalities.get(word.casefold().rstrip(","))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    titles = _load("titles.yaml")
    gender = _load("gender.yaml")
    places = _load("nationalities.yaml")
    orgs = _load("organisations.yaml")
    names = _load("names.yaml")
    lex = Lexicon()
    for role, info in (titles.get("roles") or {}).items():
        info = info or {}
        role = str(role).casefold()
        lex.roles[role] = RoleInfo(role, str(info.get("family") or role), str(info.get("gender") or ""))
    lex.role_ranks = {str(w).casefold() for w in titles.get("role_ranks") or []}
    lex.subordinate_ranks = {str(w).casefold() for w in titles.get("subordinate_ranks") or []}
    lex.plain_ranks = lex.role_ranks - lex.subordinate_ranks
    lex.max_role_words = max([len(r.split()) for r in lex.roles] + [4 if lex.role_ranks else 1])
    lex.role_starts = frozenset(r.partition(" ")[0] for r in lex.roles) | lex.role_ranks
    lex.role_groups = {str(k): {str(v) for v in vs} for k, vs in (titles.get("role_groups") or {}).items()}
    lex.unique_roles = {str(r) for r in titles.get("unique_roles") or []}
    lex.jurisdiction_offices = {str(r) for r in titles.get("jurisdiction_offices") or []}
    lex.junior_roles = {str(r) for r in titles.get("junior_roles") or []}
    lex.positions = {str(r) for r in titles.get("positions") or []}
    lex.speaking_words = {str(w).casefold() for w in titles.get("speaking_words") or []}
    lex.body_offices = {str(r) for r in titles.get("body_offices") or []}
    lex.body_words = {str(w).casefold() for w in titles.get("body_words") or []}
    lex.body_members = {str(k).casefold(): frozenset(str(w).casefold() for w in v or [])
                        for k, v in (titles.get("body_members") or {}).items()}
    lex.unit_words = lex.body_words | {str(w).casefold() for w in titles.get("unit_words") or []}
    lex.jurisdiction_words = {str(w).casefold() for w in titles.get("jurisdiction_words") or []}
    lex.client_families = {str(w) for w in titles.get("client_families") or []}
    # WordTable: read with case-insensitive matches, which may hold a Turkish "İ" (see WordTable).
    lex.ranks = WordTable({str(k).casefold(): str(v) for k, v in (titles.get("ranks") or {}).items()})
    if lex.ranks:
        forms = "|".join(regex.escape(f).replace(r"\ ", r"\s+") for f in sorted(lex.ranks, key=lambda f: (-len(f), f)))
        lex.rank_before = regexcache.compile(rf"(?<![\p{{L}}.])({forms})[ \t]+$", regex.IGNORECASE)
    lex.rank_classes = frozenset(str(w).casefold() for w in titles.get("rank_classes") or [])
    lex.exclusive_families = {str(r) for r in titles.get("exclusive_families") or []}
    lex.exclusive_offices = [frozenset(str(r) for r in group) for group in titles.get("exclusive_offices") or []]
    lex.generic_affiliations = {str(w).casefold() for w in titles.get("generic_affiliations") or []}
    lex.status_words = {str(k): str(v) for k, v in (titles.get("status_words") or {}).items()}
    lex.honorifics = {str(k): str(v or "") for k, v in (titles.get("honorifics") or {}).items()}
    lex.nationalities = {str(k).casefold(): str(v) for k, v in (places.get("nationalities") or {}).items()}
    lex.organisation_words = {str(w).casefold() for w in orgs.get("organisation_words") or []}
    lex.organisation_names = {str(w).casefold() for w in orgs.get("organisation_names") or []}
    lex.organisation_words_weak = {str(w).casefold() for w in orgs.get("organisation_words_weak") or []}
    lex.company_words = {str(w).casefold() for w in orgs.get("company_words") or []}
    lex.body_kinds = {str(w).casefold() for w in orgs.get("body_kinds") or []}
    lex.function_words = {str(w).casefold() for w in names.get("function_words") or []}
    lex.calendar_words = {str(w).casefold() for w in names.get("calendar_words") or []}
    lex.particles = {str(w) for w in names.get("name_particles") or []}
    lex.suffixes = {str(w).casefold() for w in names.get("name_suffixes") or []}
    lex.reporting_verbs = {str(w).casefold() for w in names.get("reporting_verbs") or []}
    lex.kinship_words = {str(w).casefold() for w in names.get("kinship_words") or []}
    lex.list_labels = {str(w).casefold() for w in names.get("list_labels") or []}
    departure = [str(p) for p in titles.get("departure_phrases") or []]
    lex.departure = regexcache.compile(rf"\b(?:{'|'.join(departure)})\b", regex.IGNORECASE) if departure else None
    left = [str(p) for p in titles.get("left_phrases") or []]
    lex.left = regexcache.compile(rf"\b(?:{'|'.join(left)})\b", regex.IGNORECASE) if left else None
    # ("n't" ends a word: no word boundary before it)
    undone = [("" if "'" in str(w) else r"\b") + regex.escape(str(w)) for w in titles.get("left_undone") or []]
    lex.left_undone = regexcache.compile(rf"(?:{'|'.join(undone)})\b[^.;]{{0,25}}$", regex.IGNORECASE) \
        if undone else None
    lex.pronouns, lex.gendered_nouns = WordTable(), WordTable()
    for sex, words in (gender.get("pronouns") or {}).items():
        lex.pronouns.update({str(w): str(sex) for w in words})
    for sex, words in (gender.get("gendered_nouns") or {}).items():
        lex.gendered_nouns.update({str(w): str(sex) for w in words})
    for sex, key in (("they", "they_declarations"), ("female", "she_declarations"), ("male", "he_declarations")):
        declared = [str(p) for p in gender.get(key) or []]
        if declared:
            lex.declared[sex] = regexcache.compile("|".join(declared), regex.IGNORECASE)
    return lex


def is_title_word(word: str) -> bool:
    """A word that may stand before a name without being part of it."""
    lex = lexicon()
    low = word.casefold().strip(",")
    return bool(low in lex.function_words or low.rstrip("-") in lex.status_words or low in lex.honorifics
                or lex.country(low) or low in _role_words())


# Prepositions that put a name in a phrase of its own, not in its clause's subject ("a tribute
# to Tom Poe", "a note sent to Mayor Ann Roe").
_PREPOSITIONS = frozenset({"for", "with", "to", "about", "against", "toward", "towards", "from", "by", "of", "on", "at"})


def after_preposition(text: str, start: int) -> bool:
    """The word before the name at `start`, over the titles before it ("Dr.", "the Rev.",
    "Prime Minister"), is a preposition."""
    before = text[max(0, start - 60):start].split()
    while before and before[-1][:1].isupper() and is_title_word(before[-1].rstrip(".")):
        before.pop()
    if before and before[-1] == "the":
        before.pop()
    return bool(before) and before[-1] in _PREPOSITIONS


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Every word of every role ("police", "chief"), gathered once (it split each role per call)."""
    return frozenset(word for role in lexicon().roles for word in role.split())
