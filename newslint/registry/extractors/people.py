"""People and organisations: names with their titles, later references by surname and by role,
gender as the sources refer to the person. Order 10: quotes and figures resolve speakers and
context against the people found here."""
from __future__ import annotations

from collections import Counter, defaultdict

import regex
from rapidfuzz import process
from rapidfuzz.distance import OSA

from newslint.document.model import Document
from newslint.registry.gender import GenderVotes
from newslint.registry.lexicon import lexicon
from newslint.registry.mentions import MentionFinder, NameMention, introduced_as_relative, lowercase_vocabulary
from newslint.registry.model import Entity, Provenance, Registry, Variant
from newslint.registry.parallel import map_documents
from newslint.registry.reconcile import NameObservation, group_people, person_entity, reconcile_titles
from newslint.registry.references import role_references_for

_ACRONYM_AFTER = regex.compile(r"\s*\((\p{Lu}[\p{Lu}&]{1,7})\)")
_ACRONYM = regex.compile(r"(?<![\p{L}.])\p{Lu}{2,8}(?![\p{L}.])")
_LINK_WORDS = {"of", "the", "and", "for", "&"}


def provenance(document: Document, offset: int) -> Provenance:
    """Where a fact is: the file, the line, and the sentence that says it. One object per
    sentence, so that a registry with many mentions stays small on disk and quick to load."""
    sentence = document.sentence_at(offset)
    key = (sentence.start, sentence.end) if sentence else offset
    cache = document.__dict__.setdefault("_people_provenance", {})
    if key not in cache:
        line, _ = document.position(sentence.start if sentence else offset)
        text = document.text[sentence.start:sentence.end] if sentence else document.line_text(line)
        cache[key] = Provenance(document.path, line, " ".join(text.split())[:400])
    return cache[key]


def canonical_affiliations(observed: list, organisations: list[Entity]) -> None:
    """An affiliation written as an organisation's alias ("RTA") is that organisation."""
    names = {alias.casefold(): o.canonical for o in organisations for alias in o.aliases}
    for phrase, _ in observed:
        phrase.affiliation = names.get(phrase.affiliation.casefold(), phrase.affiliation)


def is_person(mention: NameMention) -> bool:
    """Capitalised words alone are not a person: a title, honorific, appositive role or a
    reporting verb must say so, and a lone word needs a title or honorific."""
    if mention.kind != "person" or not mention.evidence:
        return False
    if len(mention.words) == 1:
        return bool(mention.evidence & {"title", "honorific", "appositive"})
    return True


def _acronym(form: str) -> bool:
    """"DFW" in "Sgt. Ann Roe (DFW, case agent)", "RN", "M.D.": capitals with no vowel,
    or with stops between them, are initials, not a name (a transcript's "ROE:" has its vowel)."""
    letters = form.replace(".", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha() and (
        "." in form or not any(c in "AEIOUY" for c in letters))


def _vocabulary(document: Document) -> set[str]:
    return lowercase_vocabulary(document.prose)


def _mentions(document: Document, vocabulary: set[str]) -> tuple[list[NameMention], list]:
    """One document's name mentions and role references (a worker's share of the build)."""
    finder = MentionFinder(document, vocabulary)
    return finder.names(), finder.role_references()


class PeopleExtractor:
    name = "people"
    order = 10

    def extract(self, documents: list[Document], registry: Registry) -> None:
        vocabulary: set[str] = set()
        for words in map_documents(_vocabulary, documents):
            vocabulary |= words
        mentions = [(d, *found) for d, found in zip(documents, map_documents(_mentions, documents, vocabulary))]

        observations = self._observations(mentions, vocabulary)
        groups = group_people(list(observations.values()))
        # (A transcript's speaker label, "MARTINEAU:", writes the surname alone too.)
        lone = Counter(m.words[0].casefold() for _, names, _ in mentions for m in names
                       if m.kind == "person" and len(m.words) == 1 and (m.evidence or m.words[0].isupper()))
        entities: list[Entity] = []
        by_form: dict[str, Entity] = {}
        titles: dict[int, list] = defaultdict(list)
        for group in groups:
            entity = person_entity(group, registry.conflicts, lone)
            entities.append(entity)
            for observation in group:
                by_form[observation.form] = entity
                titles[id(entity)].extend(observation.titles)
        self._link_surnames(mentions, entities, by_form)
        organisations = self._organisations(mentions, documents)
        for entity in entities:
            canonical_affiliations(titles[id(entity)], organisations)
            reconcile_titles(entity, titles[id(entity)], registry.conflicts)
        registry.entities.extend(entities)
        registry.entities.extend(organisations)
        registry.invalidate()
        registry.references.update(role_references_for(entities))
        GenderVotes(registry).collect(mentions, by_form, titles)
        registry.extra["people.tokens"] = sorted(self._capitalised_tokens(mentions))
        # Those written once only (casefolded): one such word beside a name the sources write
        # many times may be the sources' own slip ("the mayor and Quarender" once).
        written = Counter(word.casefold() for _, names, _ in mentions for m in names for word in m.words)
        registry.extra["people.once"] = sorted(word for word, count in written.items() if count == 1)

    # -- people --------------------------------------------------------------------------------
    def _observations(self, mentions, vocabulary: set[str]) -> dict[str, NameObservation]:
        # A reporting verb alone ("Summit Energy said") is enough only when the last word is
        # also used alone somewhere, as people's surnames are ("Taylor said").
        # Lone words that act ("Ibekwe said"), but not the short name of an organisation
        # ("Acme said" where the sources also write "Acme Motors").
        heads = {m.words[0] for _, names, _ in mentions for m in names if m.kind == "organisation"}
        speaking = {m.words[0] for _, names, _ in mentions for m in names
                    if m.kind == "person" and len(m.words) == 1 and m.evidence and m.words[0] not in heads}
        # Or a given name and a surname, neither ever written in lowercase: "Ada Ibekwe, the
        # agency's investigator-in-charge, said" (an organisation's name holds common words:
        # "Summit Energy"; a longer run may hold a title: "Recorder Ann Roe").
        evidenced = {" ".join(m.words) for _, names, _ in mentions for m in names
                     if is_person(m) and (m.evidence - {"verb", "heading"} or len(m.words) == 1 or m.words[-1] in speaking
                                          or len(m.words) == 2 and not any(w.casefold() in vocabulary for w in m.words))}
        # A full name whose surname speaks or acts alone elsewhere ("Ada Ibekwe of the
        # firm ..."; "Ibekwe said") is a person too.
        evidenced |= {" ".join(m.words) for _, names, _ in mentions for m in names
                      if m.kind == "person" and 2 <= len(m.words) <= 3 and m.words[-1] in speaking}
        # The first words of an organisation's name are its short name ("Elm Ridge" of "Elm
        # Ridge Growers Cooperative"), unless a title or description makes them someone.
        short_names = {" ".join(m.words[:k]) for _, names, _ in mentions for m in names
                       if m.kind == "organisation" for k in range(2, len(m.words))}
        described = {" ".join(m.words) for _, names, _ in mentions for m in names
                     if m.kind == "person" and m.evidence - {"verb", "heading"}}
        evidenced -= short_names - described
        observations: dict[str, NameObservation] = {}
        for document, names, _ in mentions:
            for mention in names:
                form = " ".join(mention.words)
                if form in evidenced and mention.maybe_person:
                    mention.kind = "person"  # "Jack Street" is a person where he speaks
                if mention.kind != "person" or form not in evidenced or _acronym(form):
                    continue
                observation = observations.setdefault(form, NameObservation(form, list(mention.words)))
                where = provenance(document, mention.start)
                observation.mentions.append(where)
                observation.evidence |= mention.evidence
                if introduced_as_relative(document.prose, mention.start, mention.end):
                    observation.evidence.add("relative")
                observation.titles.extend((title, where) for title in mention.titles)
        return observations

    def _link_surnames(self, mentions, entities: list[Entity], by_form: dict[str, Entity]) -> None:
        """A lone surname that one known person has is a mention of that person."""
        surnames: dict[str, list[Entity]] = defaultdict(list)
        for entity in entities:
            if entity.surname and len(entity.canonical.split()) > 1:
                surnames[entity.surname.casefold()].append(entity)
        known = list(surnames)  # (for the near-surname search, made once)
        observed = set(by_form)
        misspelt: dict[str, Variant] = {}
        for document, names, _ in mentions:
            for mention in names:
                form = " ".join(mention.words)
                if mention.kind != "person" or form in observed or len(mention.words) != 1:
                    continue
                owners = surnames.get(form.casefold(), [])
                wrong = False
                if not owners and mention.evidence and form[:1].isupper() and not form.isupper():
                    # "Quenel said" once, where every other mention is Ann Quennell's:
                    # the sources' own slip, kept as a wrong form of her name.
                    owners, wrong = _near_owner(form, surnames, known), True
                if len(owners) != 1:
                    continue
                entity = owners[0]
                variant = next((v for v in entity.variants if v.form == form), None)
                if variant is None:
                    variant = Variant(form, wrong=wrong)
                    entity.variants.append(variant)
                    by_form[form] = entity
                    if wrong:
                        misspelt[form] = variant
                variant.mentions.append(provenance(document, mention.start))
        for form, variant in misspelt.items():
            entity = by_form[form]
            if 2 * len(variant.mentions) > sum(len(v.mentions) for v in entity.variants if not v.wrong):
                entity.variants.remove(variant)  # not a clear minority: no slip to speak of
                del by_form[form]

    # -- organisations -------------------------------------------------------------------------
    def _organisations(self, mentions, documents: list[Document]) -> list[Entity]:
        lex = lexicon()
        forms: dict[str, Variant] = {}
        aliases: dict[str, set[str]] = defaultdict(set)
        for document, names, _ in mentions:
            for mention in names:
                if mention.kind != "organisation" or mention.maybe_person:
                    continue  # "Jack Street", never named as anyone: neither person nor organisation
                if len(mention.words) < 2 and mention.text.casefold() not in lex.organisation_names:
                    continue
                form = " ".join(mention.words)
                forms.setdefault(form, Variant(form)).mentions.append(provenance(document, mention.start))
                acronym = _ACRONYM_AFTER.match(document.prose, mention.end)
                if acronym:
                    aliases[form].add(acronym.group(1))
        # An acronym the sources use that spells an organisation's initials is one of its names.
        used = {m.group() for d in documents for m in _ACRONYM.finditer(d.prose)}
        entities = []
        for form, variant in sorted(forms.items(), key=lambda item: -item[1].support):
            initials = "".join(w[0] for w in form.split() if w.casefold() not in _LINK_WORDS).upper()
            if len(initials) >= 2 and initials in used:
                aliases[form].add(initials)
            entities.append(Entity(canonical=form, kind="organisation", variants=[variant],
                                   aliases=sorted(aliases[form])))
        return entities

    def _capitalised_tokens(self, mentions) -> set[str]:
        """Every capitalised word the sources write as part of a name: a draft word that the
        sources use is never a misspelling of another name."""
        return {word for _, names, _ in mentions for m in names for word in m.words}


EXTRACTORS = [PeopleExtractor()]


# How alike a lone surname the sources write once must be to a known person's (OSA similarity)
# to count as a slip of that name: the draft-side cutoff for a lone surname.
LONE_SLIP_SIMILARITY = 0.85


def _near_owner(form: str, surnames: dict[str, list[Entity]], known: list[str]) -> list[Entity]:
    """The people whose surname the lone word nearly is (one or two edits); `known` is
    list(surnames), made once per build."""
    hits = process.extract(form.casefold(), known, scorer=OSA.normalized_similarity,
                           score_cutoff=LONE_SLIP_SIMILARITY, limit=None)
    return [entity for surname, _, _ in hits for entity in surnames[surname]]
