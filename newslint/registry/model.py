"""The typed in-memory registry. Every fact keeps its provenance (source file, line, text) and
its support (how many mentions, in how many sources)."""
from __future__ import annotations

from dataclasses import dataclass, field

# Registry.extra key of the sources' texts, {source path: text}: the quote extractor keeps them
# for the quote check, which searches the sources' prose as well as their quotes.
SOURCE_TEXT = "source_text"


@dataclass(frozen=True)
class Provenance:
    """Where a fact comes from: a source file, a line, and the text that says it."""

    source: str  # path of the source file as given
    line: int
    text: str  # the line or sentence that says it


@dataclass
class Variant:
    """A form of a name seen in the sources. `wrong` marks a known-wrong minority form."""

    form: str
    mentions: list[Provenance] = field(default_factory=list)
    wrong: bool = False

    @property
    def support(self) -> int:
        return len(self.mentions)

    @property
    def sources(self) -> set[str]:
        return {m.source for m in self.mentions}


@dataclass
class Title:
    """A role as the sources give it: "President" of "France", current or former."""

    role: str  # normalised, lowercase ("president", "spokeswoman")
    affiliation: str = ""  # "France", "Port Authority", "Planning Commission"
    status: str = "current"  # current | former
    text: str = ""  # as written ("French President")
    mentions: list[Provenance] = field(default_factory=list)
    start: str | None = None  # ISO dates from a curated facts file
    end: str | None = None
    # Mentions that gave the other status (a minority "former" for a sitting office-holder).
    status_against: list[Provenance] = field(default_factory=list)
    family: str = ""  # the office this role is a form of ("spokesperson" for "spokeswoman")

    @property
    def support(self) -> int:
        return len(self.mentions)


@dataclass
class Entity:
    """A person or an organisation."""

    canonical: str
    kind: str = "person"  # person | organisation
    surname: str = ""
    given: str = ""
    gender: str = "unknown"  # female | male | they | unknown, as the sources refer to the person
    gender_evidence: list[Provenance] = field(default_factory=list)
    variants: list[Variant] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # other right names ("AP")
    titles: list[Title] = field(default_factory=list)
    curated: bool = False

    @property
    def mentions(self) -> list[Provenance]:
        return [m for v in self.variants if not v.wrong for m in v.mentions]

    @property
    def support(self) -> int:
        return sum(v.support for v in self.variants if not v.wrong)

    @property
    def sources(self) -> set[str]:
        return {m.source for v in self.variants if not v.wrong for m in v.mentions}

    def right_forms(self) -> list[str]:
        return [self.canonical, *self.aliases, *(v.form for v in self.variants if not v.wrong)]

    def wrong_variants(self) -> list[Variant]:
        return [v for v in self.variants if v.wrong]


@dataclass
class QuoteFact:
    """A direct quotation in a source, with its speaker (canonical name, or "" when unknown)."""

    text: str
    speaker: str
    provenance: Provenance
    speaker_text: str = ""  # how the source names the speaker ("a council spokesperson")


@dataclass
class FigureFact:
    """A number, amount, duration or date with the words around it."""

    kind: str  # count | amount | percent | duration | date | month | year | ordinal
    value: str  # normalised ("90 minute", "2025-03-03", "february", "12000")
    text: str  # as written ("90-minute")
    unit: str  # the noun it counts or measures ("meeting", "votes", "seats")
    context: tuple[str, ...]  # content words and entities around it, lowercased
    provenance: Provenance
    bound: str = ""  # "" exact | more | less | nearly | about ("more than 212,000")
    anchors: tuple[str, ...] = ()  # dates of its clause: "<date:06-20" before it, ">year:2023" after


@dataclass
class Conflict:
    """Something the sources disagree on, with each side's support."""

    topic: str
    sides: list[tuple[str, list[Provenance]]]


@dataclass(eq=False, repr=False)  # compared by identity, never printed whole: no generated methods to compile
class Registry:
    """What the sources say, as facts with their provenance (see the module docstring)."""

    entities: list[Entity] = field(default_factory=list)
    quotes: list[QuoteFact] = field(default_factory=list)
    figures: list[FigureFact] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    # Free-form extra facts that plugin extractors may add, keyed by the extractor's name.
    extra: dict[str, object] = field(default_factory=dict)
    # Role references that name one person ("french president" -> its canonical name),
    # lowercase, without a leading article.
    references: dict[str, str] = field(default_factory=dict)

    @property
    def people(self) -> list[Entity]:
        """The people (a list kept with the name index: read it, do not change it)."""
        return self._indexes()[2]

    @property
    def organisations(self) -> list[Entity]:
        return self._indexes()[3]

    def person_by_name(self, text: str) -> Entity | None:
        """The person a name in running text refers to: a right form, or a bare surname that
        only one known person has. None when unknown or ambiguous."""
        entity = self.find(text)
        if entity is not None:
            return entity if entity.kind == "person" else None
        wanted = " ".join(text.casefold().replace("’", "'").split())
        for article in ("the ", "a ", "an "):
            wanted = wanted.removeprefix(article)
        if wanted in self.references:
            return self.find(self.references[wanted])
        matches = self._indexes()[1].get(wanted, [])
        if len(matches) == 1:
            return matches[0]
        # A title before a known name ("President Jane Doe", "former French President Doe").
        from newslint.registry.lexicon import is_title_word

        words = text.split()
        if len(words) > 1 and is_title_word(words[0]) and not all(is_title_word(w) for w in words[1:]):
            return self.person_by_name(" ".join(words[1:]))  # a name is left after the title
        return None

    def find(self, name: str) -> Entity | None:
        """The entity whose canonical name, alias or right variant is `name` (case-insensitive)."""
        wanted = " ".join(name.casefold().split())
        forms = self._indexes()[0]
        found = forms.get(wanted)
        if found is None and wanted.startswith("the "):  # "the Riverside Gazette"
            found = forms.get(wanted[4:])
        return found

    def _indexes(self) -> tuple[dict[str, Entity], dict[str, list[Entity]], list[Entity], list[Entity]]:
        """Right form -> first entity that has it, surname -> people (casefolded), the people
        and the organisations. Rebuilt when entities are added; code that changes names or
        kinds in place calls invalidate()."""
        cached = self.__dict__.get("_names")
        if cached is None or cached[0] != len(self.entities):
            forms: dict[str, Entity] = {}
            surnames: dict[str, list[Entity]] = {}
            for entity in self.entities:
                for form in entity.right_forms():
                    forms.setdefault(" ".join(form.casefold().split()), entity)
                if entity.kind == "person" and entity.surname:
                    surnames.setdefault(entity.surname.casefold(), []).append(entity)
            people = [e for e in self.entities if e.kind == "person"]
            organisations = [e for e in self.entities if e.kind == "organisation"]
            cached = self.__dict__["_names"] = (len(self.entities), (forms, surnames, people, organisations))
        return cached[1]

    def invalidate(self) -> None:
        """Forget the name index after changing names or kinds in place."""
        self.__dict__.pop("_names", None)

    def __getstate__(self) -> dict:
        """Pickled without the indexes made from the facts (rebuilt on first use)."""
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}
