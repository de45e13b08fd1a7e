"""Reconcile what the sources say about people: group the forms of one name, pick the majority
form as canonical and keep minority forms as known-wrong variants, and settle each title's
status by majority. Disagreements are recorded as Conflicts with each side's support."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from newslint.registry.lexicon import lexicon
from newslint.registry.mentions import TitlePhrase, affiliations_compatible
from newslint.registry.model import Conflict, Entity, Provenance, Title, Variant
from newslint.registry.namematch import given_compatible, similarity

# How alike two surnames must be (OSA similarity, 0..1) to be one person's name.
SURNAME_SIMILARITY = 0.8
GIVEN_SIMILARITY = 0.7


@dataclass(eq=False, repr=False)
class NameObservation:
    """Every mention of one written form of a person's name."""

    form: str
    words: list[str]
    mentions: list[Provenance] = field(default_factory=list)
    titles: list[tuple[TitlePhrase, Provenance]] = field(default_factory=list)
    evidence: set[str] = field(default_factory=set)

    @property
    def surname(self) -> str:
        return self.words[-1]

    @property
    def given(self) -> str:
        """The first word, unless it is a particle of the surname ("van Dam", "VAN DAM" in a
        transcript): then the form is the surname alone."""
        if len(self.words) < 2:
            return ""
        first = self.words[0]
        particles = lexicon().particles
        if first.casefold() in particles and (first.islower() or first.isupper()
                                              or (len(self.words) > 2 and self.words[1] in particles)):
            return ""  # ("Van der Berg": a capital particle before a lowercase one is the surname's)
        return first

    def sources(self) -> set[str]:
        return {m.source for m in self.mentions}


def _title_keys(observation: NameObservation) -> set[tuple[str, str]]:
    return {(t.family, t.affiliation.casefold()) for t, _ in observation.titles if t.affiliation}


def same_person(a: NameObservation, b: NameObservation, cutoff: float = SURNAME_SIMILARITY) -> bool:
    """Whether two forms name one person: same or nearly the same surname, and a compatible
    given name or the same title (role and affiliation)."""
    surname = 1.0 if a.surname == b.surname else similarity(a.surname, b.surname)  # (most pairs compared)
    if surname < cutoff:
        return False
    return givens_alike(a.given, b.given) or bool(_title_keys(a) & _title_keys(b)) \
        or (_short_form(a.given, b.given) and bool(_families(a) & _families(b)))


def _families(observation: NameObservation) -> set[str]:
    return {t.family for t, _ in observation.titles}


def _short_form(a: str, b: str) -> bool:
    """One given name may be a familiar short form of the other: the same first letter, and the
    short one's letters (three or more) in order in the long one, two or more letters shorter
    ("Tom" for "Thomas"). Only with the same office: "Carl" and "Carol" stay two people."""
    short, long = sorted((a.casefold().rstrip("."), b.casefold().rstrip(".")), key=len)
    if len(short) < 3 or len(long) < len(short) + 2 or short[0] != long[0]:
        return False
    letters = iter(long)
    return all(letter in letters for letter in short)


def givens_alike(a: str, b: str) -> bool:
    """Given names that can be one person's: compatible, or one a slip of the other."""
    if given_compatible(a, b):
        return True
    return bool(a and b and similarity(a, b) >= GIVEN_SIMILARITY and OSA.distance(a.casefold(), b.casefold()) <= 2)  # a misspelt given name ("Madiosn")


@dataclass(eq=False, repr=False)
class _Form:
    """What same_person reads of an observation, read once for a build's many comparisons."""

    observation: NameObservation
    surname: str
    given: str
    titles: set[tuple[str, str]]
    families: set[str]


class _Comparer:
    """same_person for the forms of one build, with each pair of distinct surnames and of
    distinct given names compared once (a large source set has few of each, and many forms)."""

    def __init__(self) -> None:
        self.surnames: dict[tuple[str, str], bool] = {}
        self.givens: dict[tuple[str, str], bool] = {}

    def near(self, a: str, b: str) -> bool:
        """same_person's surname test."""
        close = self.surnames.get((a, b))
        if close is None:
            close = self.surnames[a, b] = a == b or similarity(a, b) >= SURNAME_SIMILARITY
        return close

    def same(self, a: _Form, b: _Form) -> bool:
        if not self.near(a.surname, b.surname):
            return False
        alike = self.givens.get((a.given, b.given))
        if alike is None:
            alike = self.givens[a.given, b.given] = givens_alike(a.given, b.given)
        return alike or bool(a.titles & b.titles) or (bool(a.families & b.families) and _short_form(a.given, b.given))


def group_people(observations: list[NameObservation]) -> list[list[NameObservation]]:
    """Group forms, most supported first so that each group is seeded by its majority form."""
    groups: list[list[_Form]] = []
    # Only groups whose surnames share their first or last two letters are compared: a near-miss
    # surname seldom changes both ends, and a large corpus is not compared pair by pair. Of
    # those, a form is compared only with the groups holding a member whose surname is near its
    # own (same_person's first test): each pair of distinct surnames is compared once, and a
    # group is found through the surnames of its members, not by a pass over every group.
    group_keys: list[set[str]] = []  # each group's block keys (its members' surnames')
    surnames_of: dict[str, dict[str, None]] = defaultdict(dict)  # block key -> surnames of its groups
    holders: dict[str, set[int]] = defaultdict(set)  # surname -> the groups with a member of it
    compare = _Comparer()
    ordered = sorted(observations, key=lambda o: (-len(o.mentions), -len(o.words), o.form))
    for observation in ordered:
        form = _Form(observation, observation.surname, observation.given, _title_keys(observation), _families(observation))
        surname = form.surname
        keys = _block_keys(surname)
        candidates: set[int] = set()
        for block in keys:
            for other in surnames_of[block]:
                if compare.near(surname, other):
                    candidates.update(g for g in holders[other] if not group_keys[g].isdisjoint(keys))
        for number in sorted(candidates):
            if any(compare.same(form, member) for member in groups[number]) and \
                    not _relative_of(form, groups[number], compare):
                groups[number].append(form)
                break
        else:
            groups.append([form])
            group_keys.append(set())
            number = len(groups) - 1
        holders[surname].add(number)
        group_keys[number].update(keys)
        members = {member.surname: None for member in groups[number]}
        for block in group_keys[number]:
            surnames_of[block].update(members)
    return [[form.observation for form in group] for group in groups]


def _relative_of(form: _Form, group: list[_Form], compare: _Comparer) -> bool:
    """"his wife, Ruth X" beside the group's Paul X: a relative who shares the surname, not
    a slip of the given name (which the form would otherwise become: a minority form). So is
    a full name that two sources or more write alike, with a given name unlike any of the
    group's: a slip is seldom made twice, by two writers ("Yara X" in an article and in a
    transcript, beside the group's Paul X and its lone "X"), and a name its bearer gives
    ("My name is Yara X")."""
    if not form.given:
        return False
    named = [member for member in group if member.given]
    if "relative" not in form.observation.evidence:
        # (With no full name in the group yet, the surname alone is likely this person's.)
        if not named or len(form.observation.sources()) < 2 and "self-named" not in form.observation.evidence:
            return False
    # A group of the surname alone so far ("X said") is the story's subject, not the relative.
    return not any(compare.same(form, member) for member in named)


def _block_keys(surname: str) -> tuple[str, str]:
    low = surname.casefold()
    return ("^" + low[:2], "$" + low[-2:])


def person_entity(group: list[NameObservation], conflicts: list[Conflict],
                  lone_surnames: Counter | None = None) -> Entity:
    """An Entity from one group of forms: majority full name canonical, minority forms whose
    surname or given name disagree with it marked wrong. `lone_surnames`: how often the
    sources write each surname alone as a person's."""
    full = [o for o in group if o.given] or group  # ("Van der Berg" alone is no full name)
    lone = lone_surnames or Counter()

    def support(o: NameObservation) -> int:
        """A full form's mentions and the lone surname's, written as it writes it ("X told
        reporters" settles "Ann X" against "Ann Y" when each is written once)."""
        return len(o.mentions) + (lone[o.surname.casefold()] if o.given else 0)

    canonical = max(full, key=lambda o: (support(o), len(o.sources()), len(o.words)))
    surname = _majority_surname(group, canonical)
    form = canonical.form if surname is None else f"{' '.join(canonical.words[:-1])} {surname}"
    entity = Entity(canonical=_displayed(form, group), kind="person",
                    surname=_displayed(surname or canonical.surname, group), given=_displayed(canonical.given, group))
    for observation in sorted(group, key=lambda o: -len(o.mentions)):
        wrong = False
        if surname is not None:
            # The full name's surname is the minority's ("Ann Vellcott" once, "Vellacott" in every other
            # mention): the full name is written with the majority's surname, each minority form wrong.
            wrong = observation.surname.casefold() != surname.casefold()
        elif observation is not canonical and support(observation) < support(canonical):
            if observation.surname.casefold() != canonical.surname.casefold():
                wrong = True
            elif not given_compatible(observation.given, canonical.given):
                wrong = True
        entity.variants.append(Variant(observation.form, list(observation.mentions), wrong))
        if wrong:
            right = canonical if surname is None else max(
                (o for o in group if o.surname.casefold() == surname.casefold()), key=lambda o: len(o.mentions))
            conflicts.append(Conflict(
                topic=f"name of {entity.canonical}",
                sides=[(right.form, list(right.mentions)), (observation.form, list(observation.mentions))]))
    return entity


def _majority_surname(group: list[NameObservation], canonical: NameObservation) -> str | None:
    """The surname most of the group's mentions write, where it is not the canonical full
    name's and is written at least twice as often ("Mr. Vellacott" twice, "Nell Vellcott" once in a
    witness list); None otherwise."""
    counts: Counter = Counter()
    written: dict[str, str] = {}
    for observation in group:
        counts[observation.surname.casefold()] += len(observation.mentions)
        written.setdefault(observation.surname.casefold(), observation.surname)
    if len(counts) < 2:
        return None
    (top, most), = counts.most_common(1)
    if top == canonical.surname.casefold() or most < 2 * counts[canonical.surname.casefold()]:
        return None
    return written[top]


def _displayed(form: str, group: list[NameObservation]) -> str:
    """A name as messages show it: a transcript's capitals ("RUTH VARNHOLT") in the case the
    other forms write each word ("Varnholt"), else capitalised."""
    if not form.isupper() or len(form) < 2:
        return form
    written = {w.casefold(): w for o in group for w in o.words if not w.isupper()}
    return " ".join(written.get(w.casefold()) or "-".join(p.capitalize() for p in w.split("-")) for w in form.split())


def reconcile_titles(entity: Entity, observed: list[tuple[TitlePhrase, Provenance]],
                     conflicts: list[Conflict]) -> None:
    """Merge the titles seen for one person: one Title per office (role family + affiliation),
    titles without affiliation joined to the only compatible one, status by majority."""
    lex = lexicon()
    by_family: dict[str, list[tuple[TitlePhrase, Provenance]]] = defaultdict(list)
    for phrase, where in observed:
        by_family[phrase.family].append((phrase, where))
    for family, items in by_family.items():
        # Offices: distinct non-empty affiliations, merged when one contains the other.
        offices: list[list[tuple[TitlePhrase, Provenance]]] = []
        for phrase, where in sorted(items, key=lambda item: -len(item[0].affiliation)):
            if not phrase.affiliation:
                continue
            for office in offices:
                if affiliations_compatible(office[0][0].affiliation, phrase.affiliation):
                    office.append((phrase, where))
                    break
            else:
                offices.append([(phrase, where)])
        bare = [(p, w) for p, w in items if not p.affiliation]
        if len(offices) == 1:
            offices[0].extend(bare)
        elif bare:
            offices.append(bare)
        for office in offices:
            entity.titles.append(_title(family, office, entity, conflicts, lex))
    entity.titles.sort(key=lambda t: -t.support)


def _title(family: str, office: list[tuple[TitlePhrase, Provenance]], entity: Entity,
           conflicts: list[Conflict], lex) -> Title:
    roles = Counter(p.role for p, _ in office)
    # On a tie prefer the form that says the gender the sources give ("spokeswoman").
    role = max(roles, key=lambda r: (roles[r], bool(lex.role(r) and lex.role(r).gender)))
    affiliations = Counter(p.affiliation for p, _ in office if p.affiliation)
    # A proper name says more than a kind of organisation ("Northfield General" over "hospital").
    affiliation = max(affiliations, key=lambda a: (not lex.generic(a), affiliations[a], -len(a))) if affiliations else ""
    current = [w for p, w in office if p.status == "current"]
    former = [w for p, w in office if p.status == "former"]
    status = "former" if len(former) > len(current) else "current"
    texts = (Counter(p.text for p, _ in office if p.status == status and p.role == role)
             or Counter(p.text for p, _ in office))
    # (A title as a noun says it better in messages than a verb's clause: "Program Manager", not
    # "who manages the program".)
    text = max(texts, key=lambda t: (texts[t], not t.startswith("who ")))
    title = Title(role=role, affiliation=affiliation, status=status, text=text,
                  mentions=[w for _, w in office], family=family)
    if current and former:
        title.status_against = former if status == "current" else current
        conflicts.append(Conflict(
            topic=f"status of {entity.canonical} as {role}" + (f" ({affiliation})" if affiliation else ""),
            sides=[("current", current), ("former", former)]))
    return title
