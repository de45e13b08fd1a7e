"""`extends: titles`: a title that contradicts the sources: "former" before a sitting
office-holder (or no "former" once a curated title has ended), a title of another office or
organisation than the sources give, and someone named as holder of an office the sources give
to another person. Judged at the draft's date when curated titles have dates."""
from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator
from typing import Any

from rapidfuzz.distance import OSA
import regex

from newslint import regexcache
from newslint.findings import Finding, Fix
from newslint.kinds.base import CheckContext, Rule, RuleError, format_message
from newslint.registry.explain import evidence, support
from newslint.registry.lexicon import is_title_word, lexicon
from newslint.registry.mentions import TitlePhrase, affiliations_compatible
from newslint.registry.model import Entity, Provenance, Registry, Title
from newslint.registry.namematch import similarity
from newslint.registry.resolve import LEGAL_FORMS, NEAR_ORGANISATION, OTHER_ORGANISATION_WORD, Resolution, canonical_affiliation, draft_names, known_names
from newslint.registry.wording import stem

MESSAGES = {
    "stale": "'%s': the sources give %s as %s, current (%s)",
    "ended": "'%s': %s was %s until %s",
    "office": "'%s': the sources give %s as %s (%s)",
    "holder": "'%s': the sources give %s as %s (%s)",
    "no_longer": "'%s': the sources give %s as %s, former (%s)",
    "organisation": "'%s': the sources give %s as %s (%s)",
    "holder_name": "'%s': the sources name %s %s (%s)",
    "organisation_name": "'%s': the sources write %s (%s)",
    "rank": "'%s': the sources give %s the rank of %s (%s)",
    "affiliation": "'%s': the sources place %s at %s (%s), never at this organisation",
    "left": "'%s': the sources report that %s has left the post of %s (%s); 'former' or 'then-'?",
}


# "Ann Roe, a surveyor with the Acme Institute": an organisation in the appositive after a name.
_APPOSITIVE_ORGANISATION = regexcache.compile(
    r",\s+(?:a|an|the)\s+(?:[\p{Ll}-]+\s+){0,4}?(?:at|with|of|for|from)\s+(?:the\s+)?"
    r"(\p{Lu}[\p{L}.'’&-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+|and\s+|&\s+)?\p{Lu}[\p{L}.'’&-]*){0,6})")


# Where an organisation's run of capitalised words must stop: a paragraph break, or a full stop
# after a word of four letters or more ("… with Acme Extension. Roe said": the next sentence;
# "Acme Co. Ltd" and "St. Paul" keep their abbreviations).
_SENTENCE_BREAK = regexcache.compile(r"\s*\n\s*\n|(?<=\p{L}{4})\.\s")


# An organisation's possessive inside a title ("the FBI's field office"): its word, then the mark.
_POSSESSIVE_WRITTEN = regexcache.compile(r"(\p{Lu}[\p{L}.&-]*)['’]s")


def _affiliations_of(entity: Entity, registry: Registry) -> tuple[list, list[str]]:
    """The organisations the sources write beside the person's name (proper ones), and the
    source lines naming the person, spaces folded."""
    # Imported here: a draft that names no known person beside an organisation never needs it.
    from newslint.registry.affiliations import lines_naming, source_affiliations

    lex = lexicon()
    # ("Ann Roe, Harbour Safety Officer": a label's post, not an organisation, when it ends in a role word)
    theirs = [a for a in source_affiliations(entity, registry)
              if not lex.generic(a.organisation) and not lex.country(a.organisation)
              and lex.role(a.organisation.split()[-1]) is None]
    return theirs, [" ".join(t.casefold().split()) for t in lines_naming(entity)] if theirs else []


def _draft_organisations(prose: str, mention, registry: Registry,
                         loose: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """(start, end, organisation) the draft writes beside the name: its titles' named
    organisations, "of the X" after it, an organisation in its appositive (not after one of
    the `loose` words: "a graduate of X")."""
    lex = lexicon()
    found = []
    for phrase in mention.titles:
        if phrase.status != "current":
            continue  # ("former X official": a past post, no contradiction of the present one)
        if phrase.family == "party member":
            continue  # ("the Elmwood Democrat": a home town or district, not an employer)
        affiliation = phrase.affiliation
        if affiliation and affiliation[:1].isupper() and not lex.generic(affiliation) and not lex.country(affiliation):
            at = prose.find(affiliation, phrase.start, phrase.end)
            if at >= 0:
                found.append((at, at + len(affiliation), affiliation))
            else:
                # Written with a possessive inside ("the FBI's Elm City field office"): the same words.
                written = _POSSESSIVE_WRITTEN.search(prose, phrase.start, phrase.end)
                if written is not None and written.group(1) == affiliation.partition(" ")[0]:
                    at = written.start()
                    if prose.startswith(affiliation[len(written.group(1)):], written.end()):
                        found.append((at, written.end() + len(affiliation) - len(written.group(1)), affiliation))
    for pattern in (OF_ORGANISATION, _APPOSITIVE_ORGANISATION):
        match = pattern.match(prose, mention.end)
        if match is None or any(w.casefold() in loose for w in prose[match.start():match.start(match.lastindex)].split()):
            continue
        text = _SENTENCE_BREAK.split(match.group(match.lastindex), 1)[0].strip(" .,")
        known = registry.find(text)
        if lex.country(text) or not (any(w.casefold() in lex.organisation_words for w in text.split())
                                     or (known is not None and known.kind == "organisation")
                                     or (text.isupper() and len(text) > 1)):
            continue  # "of Elmhurst": a place, not an employer
        start = match.start(match.lastindex)
        found.append((start, start + len(text), text))
    # A title's organisation cut short ("a geologist with the Office"): the longest of overlapping spans.
    found.sort(key=lambda item: item[0] - item[1])
    kept: list[tuple[int, int, str]] = []
    for item in found:
        if not any(item[0] < other[1] and other[0] < item[1] for other in kept):
            kept.append(item)
    return sorted(kept)


def _organisation(affiliation: str, context: CheckContext) -> bool:
    """The affiliation is an organisation the registry knows, or holds an organisation word."""
    known = context.registry.find(affiliation)
    return (known is not None and known.kind == "organisation") or any(
        w.casefold() in lexicon().organisation_words for w in affiliation.split())


def _same_name_part(draft: list[str], known: list[str]) -> bool:
    """The same given name or the same surname: another spelling of the same person."""
    if len(draft) < 2 or len(known) < 2:
        return False
    return draft[0].casefold() == known[0].casefold() or draft[-1].casefold() == known[-1].casefold()

# A lowercase kind of organisation, then its name: "(of the Elmwood) firm Acme & Lane".
_KIND_AFTER = regexcache.compile(r"\s+(?:firm|company|group|agency|practice)\s+\p{Lu}")
# "X of the Relief Society": an organisation named right after a person, with no role.
OF_ORGANISATION = regexcache.compile(r"\s+(?:of|from)\s+(the\s+)?((?:\p{Lu}[\p{L}.'’&-]*)(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?\p{Lu}[\p{L}.'’&-]*){0,5})")


def describe(title: Title) -> str:
    """"Port Authority spokeswoman", "president of France"."""
    if not title.affiliation:
        return title.role
    lex = lexicon()
    if lex.country(title.affiliation) == title.affiliation:
        adjectives = [w for w, c in lex.nationalities.items()
                      if c == title.affiliation and w != c.casefold() and w.isalpha()]
        if adjectives:
            return f"{adjectives[0].capitalize()} {title.role}"
    return f"{title.affiliation} {title.role}"


def active(title: Title, date: str | None) -> bool:
    """Held at the draft's date (today when the draft has none): by the curated dates when
    there are any, else by the status the sources give."""
    if title.start or title.end:
        when = (date or datetime.date.today().isoformat())[:10]
        return (not title.start or str(title.start) <= when) and (not title.end or when <= str(title.end))
    return title.status == "current"


# Ranks that name the same place in an office ("head veterinarian", "chief veterinarian").
_SAME_RANK = {"head": "chief"}


class TitlesRule(Rule):
    extends = "titles"
    category = "title"
    needs_registry = True
    keys = frozenset({"messages", "stale_words", "min_support", "former_min_support", "holder_min_support",
                      "not_affiliations"})

    def compile(self, data: dict[str, Any]) -> None:
        messages = data.get("messages") or {}
        if not isinstance(messages, dict) or not all(isinstance(v, str) for v in messages.values()):
            raise RuleError("messages must map stale/ended/office/holder to strings", "messages")
        self.messages = {**MESSAGES, **messages}
        stale = data.get("stale_words", ["former", "ex", "late"])
        if not isinstance(stale, list) or not all(isinstance(w, str) for w in stale):
            raise RuleError("stale_words must be a list of words", "stale_words")
        self.stale_words = {w.casefold().rstrip("-") for w in stale}
        self.min_support = int(data.get("min_support", 2))
        self.former_min_support = int(data.get("former_min_support", 2))
        self.holder_min_support = int(data.get("holder_min_support", 2))
        # Words of an appositive that tie the person to an organisation without working there
        # ("a graduate of", "a former official of"): no affiliation to compare.
        loose = data.get("not_affiliations") or []
        if not isinstance(loose, list) or not all(isinstance(w, str) for w in loose):
            raise RuleError("not_affiliations must be a list of words", "not_affiliations")
        self.not_affiliations = frozenset(w.casefold() for w in loose)

    def check(self, context: CheckContext) -> Iterator[Finding]:
        registry = context.registry
        if registry is None:
            return
        names = draft_names(context)
        for mention in names.mentions:
            if mention.kind != "person":
                continue
            resolution = names.resolve(mention)
            found = False
            if resolution is not None and resolution.entity.kind == "person":
                for finding in self._organisation_after(resolution.entity, mention, context):
                    found = True
                    yield finding
                yield from self._rank(resolution.entity, mention, context)
            for phrase in mention.titles:
                if resolution is not None and resolution.entity.kind == "person":
                    for finding in self._about(resolution, phrase, context):
                        found = True
                        yield finding
                elif resolution is None:
                    yield from self._holder(mention, phrase, registry, context)
            if not found and resolution is not None and resolution.entity.kind == "person" and not mention.quoted:
                yield from self._unsourced_organisation(resolution.entity, mention, context)

    # -- a known person's title --------------------------------------------------------------
    def _about(self, resolution: Resolution, phrase: TitlePhrase, context: CheckContext) -> Iterator[Finding]:
        entity = resolution.entity
        lex = lexicon()
        # A copy: the draft's mentions are shared with the other rules (resolve.draft_names).
        phrase = dataclasses.replace(phrase, affiliation=canonical_affiliation(context.registry, phrase.affiliation))
        same_office = [t for t in entity.titles if lex.families_compatible(phrase.family, _office(t))]
        matching = [t for t in same_office if affiliations_compatible(phrase.affiliation, t.affiliation)
                    and lex.roles_agree(phrase.role, t.role)]
        status_word = self._status_word(phrase, context)
        if status_word is not None and same_office and _departed(entity):
            # "Former superintendent X" where the sources report X's resignation (a post they
            # never give is still invented: "former treasurer" for a director who left)
            return
        if status_word is not None:
            # A curated title (no mentions) needs no support: the editor says so.
            current = [t for t in matching if active(t, context.draft_date)
                       and (t.support >= self.min_support or not t.mentions)]
            severity = None
            if not current and phrase.affiliation and not self._organisation_known(phrase, context):
                # "Former Fisheries Minister X" for the sources' sitting "state Fisheries Minister": the
                # draft's word is no organisation the sources know, so it may be a portfolio.
                current = [t for t in same_office if lex.roles_agree(phrase.role, t.role) and active(t, context.draft_date)
                           and (t.support >= max(2, self.min_support) or not t.mentions)]
                severity = "warning"
            if current and status_word == "retired" and any(
                    "retired" in where.text.casefold() for where in current[0].status_against):
                return  # "retired Judge X": a source says it too (a retired judge keeps the title)
            if current:
                title = current[0]
                start, end = phrase.status_start, phrase.end
                text = context.document.text[start:end]
                detail = support(title.mentions)
                if title.status_against:
                    detail += f"; '{status_word}' in {len(title.status_against)}"
                rest = context.document.text[phrase.status_end:end].lstrip(" -")
                yield self.finding(start, end, message=format_message(
                    self.messages["stale"], (text, entity.canonical, describe(title), detail)),
                    fix=Fix(rest, safe=False), evidence=evidence(title.mentions), severity=severity)
            elif not matching and status_word != "retired":
                other = self._former_other_post(phrase, entity)
                if other is not None:
                    # "Acme's former general counsel" for the sources' former head of compliance.
                    yield self.finding(phrase.start, phrase.end, message=format_message(
                        self.messages["office"], (phrase.text, entity.canonical, f"{other.text}, former",
                                                  support(other.mentions))),
                        evidence=evidence(other.mentions), severity="warning")
            return
        level = self._other_level(phrase, matching, context)
        if level is not None:
            # "the state forestry officer" for the sources' "Brayton County Forestry Officer"
            yield self._office_as_written(phrase, entity, level)
            return
        if phrase.status == "current" and matching:
            when = (context.draft_date or datetime.date.today().isoformat())[:10]
            ended = [t for t in matching if t.end and str(t.end) < when]
            if ended and len(ended) == len(matching):
                title = ended[0]
                yield self.finding(phrase.start, phrase.end, message=format_message(
                    self.messages["ended"], (phrase.text, entity.canonical, describe(title), title.end)),
                    evidence=evidence(title.mentions))
                return
        if phrase.status == "current" and matching:
            left = self._left(phrase, entity, matching, context)
            if left is not None:
                title, where = left
                yield self.finding(phrase.start, phrase.end, message=format_message(
                    self.messages["left"], (phrase.text, entity.canonical, describe(title), support([where]))),
                    evidence=evidence([where]), severity="warning")
                return
        if phrase.status == "current" and matching and all(t.status == "former" for t in matching):
            # Fewer mentions than former_min_support: a warning (one source's "a former mayor of X").
            title = max(matching, key=lambda t: t.support)
            severity = None if all(t.support >= self.former_min_support or not t.mentions for t in matching) else "warning"
            yield self.finding(phrase.start, phrase.end, message=format_message(
                self.messages["no_longer"], (phrase.text, entity.canonical, describe(title), support(title.mentions))),
                evidence=evidence(title.mentions), severity=severity)
            return
        if phrase.status == "current" and not matching:
            ranked = self._dropped_rank(phrase, entity, context) or self._added_rank(phrase, entity, context)
            if ranked is not None:
                yield self.finding(phrase.start, phrase.end, message=format_message(
                    self.messages["office"], (phrase.text, entity.canonical, describe(ranked), support(ranked.mentions))),
                    evidence=evidence(ranked.mentions))
                return
        if phrase.status == "current" and matching:
            ranked = self._other_rank(phrase, matching, context)
            if ranked is not None:
                yield self.finding(phrase.start, phrase.end, message=format_message(
                    self.messages["office"], (phrase.text, entity.canonical, describe(ranked), support(ranked.mentions))),
                    evidence=evidence(ranked.mentions), severity="warning")
                return
        if phrase.status == "current":
            other = self._other_portfolio(phrase, entity, context)
            if other is not None:
                # "the state's parks director" for the director of the Department of Revenue
                # and Taxation: the same kind of office, in another field; a warning.
                yield self.finding(phrase.start, phrase.end, message=format_message(
                    self.messages["office"], (phrase.text, entity.canonical, other.text, support(other.mentions))),
                    evidence=evidence(other.mentions), severity="warning")
                return
        if phrase.status == "current" and not any(active(t, context.draft_date) for t in matching):
            holder = self._holder_of(phrase, context)
            if holder is not None and holder[0] is not entity:
                finding = self._holder_finding(phrase, resolution.mention, holder, context)
                if lexicon().family(phrase.role) not in lexicon().unique_roles:
                    # ("County Controller X": one holder per level of government, as the
                    # lexicon's jurisdiction_offices say; a warning, as other such offices are)
                    finding = dataclasses.replace(finding, severity="warning")
                yield finding
                return
            # "Board Secretary X": the board's one secretary in the sources is another person
            # (one mention is enough when the sources give X another office, "Trustee X").
            holder = self._body_holder(phrase, context, least=1 if self._attested_other_office(
                phrase, entity, context, least=1) else None)
            if holder is not None and holder[0] is not entity:
                yield dataclasses.replace(self._holder_finding(phrase, resolution.mention, holder, context),
                                          severity="warning")
                return
            # "X, the county's public health director" where the sources give the director of the
            # Department of Public Health as Y: the one holder of that office in that field.
            holder = self._field_holder(phrase, context)
            if holder is not None and holder[0] is not entity:
                yield dataclasses.replace(self._holder_finding(phrase, resolution.mention, holder, context),
                                          severity="warning")
                return
            # (Someone the sources give no title at all: the office's one holder, attested
            # twice, is enough to say the draft gave it to the wrong person, unless the draft
            # names another organisation: "who chairs the Citizens for X" is another chair.)
            holder = self._sole_holder(phrase, context) if entity.titles or not phrase.affiliation \
                or lexicon().generic(phrase.affiliation) else None
            if holder is None and self._attested_other_office(phrase, entity, context, least=1):
                # One mention of the holder is enough when the sources give the draft's person
                # another office ("the company's chief financial officer" once, and "head of
                # sales" for the person the draft makes the finance chief): two sources of
                # evidence, each thin, that agree.
                # (The draft's "the company's": the one holder in all the sources, wherever.)
                holder = self._sole_holder(phrase, context, least=1, named=not phrase.affiliation
                                           or lexicon().generic(phrase.affiliation))
            if holder is not None and _bodies_differ(phrase.affiliation, holder[1]):
                holder = None  # "who chairs the Assembly Y Committee": not the board's chair
            if holder is not None and holder[0] is not entity:
                # The sources call the office only "the company's": a warning, not an error.
                yield dataclasses.replace(self._holder_finding(phrase, resolution.mention, holder, context),
                                          severity="warning")
                return
            office = self._other_office(phrase, entity, context) or self._exclusive_office(phrase, entity, context)
            severity = None
            if office is None:
                office, severity = self._other_office(phrase, entity, context, unnamed=True), "warning"
            if office is None:
                office, severity = self._member_only(phrase, entity, context), "warning"
            junior = self._junior_office(phrase, entity, context) if office is None else None
            junior = junior or (self._other_position(phrase, entity, context) if office is None else None)
            junior = junior or (self._spokesperson_of_post(phrase, entity, context) if office is None else None)
            if junior is not None:
                # (As the sources write it: "Acme's vice president for sales", not a compound of it.)
                yield self._office_as_written(phrase, entity, junior)
                return
            if office is not None and _written_beside(entity, phrase):
                return  # a source line naming them gives the draft's office too ("… and chairs the X Committee")
            if office is not None:
                yield self.finding(phrase.start, phrase.end, message=format_message(
                    self.messages["office"], (phrase.text, entity.canonical, describe(office), support(office.mentions))),
                    evidence=evidence(office.mentions), severity=severity)
                return
        if phrase.status != "current" or matching or not phrase.affiliation:
            return
        if any(t.affiliation and _worded_in(t.affiliation, phrase.text) for t in same_office):
            # "a river safety officer with the state" for the sources' "River Safety Officer":
            # the words a source capitalised as the post's organisation describe the same post.
            return
        if _written_beside(entity, phrase):
            return  # a source line naming them gives the draft's office too ("… and chairs the X Committee")
        if same_office and phrase.family in lex.client_families and _client_beside(entity, phrase):
            return  # "Acme's lawyer" for the sources' "a Elmwood lawyer who represents Acme"
        if same_office:
            # The right office at another organisation or country ("Transit Authority spokeswoman").
            title = max(same_office, key=lambda t: t.support)
            misspelt = _misspelt_organisation(phrase.affiliation, title.affiliation)
            known = context.registry.find(title.affiliation)
            reworded = _misnamed(phrase.affiliation, title.affiliation, context)
            if misspelt and known is not None and known.kind == "organisation" or _names_report(phrase.affiliation, context):
                pass  # facts.Names reports a misspelt (or reworded) organisation the registry knows
            elif (misspelt or reworded) and title.support >= 1:
                # "an analyst at Brightfield Capital" for Brightfeld Capital: the organisation's name,
                # misspelt (or a word of it replaced), not another employer.
                start = context.document.text.find(phrase.affiliation, phrase.start, phrase.end)
                start, end = (start, start + len(phrase.affiliation)) if start >= 0 else (phrase.start, phrase.end)
                yield self.finding(start, end, category="name", message=format_message(
                    self.messages["organisation_name"], (phrase.affiliation, title.affiliation, support(title.mentions))),
                    fix=Fix(title.affiliation, safe=False), evidence=evidence(title.mentions))
            elif title.affiliation and title.support >= 1:
                yield self.finding(phrase.start, phrase.end, message=format_message(
                    self.messages["office"], (phrase.text, entity.canonical, describe(title), support(title.mentions))),
                    evidence=evidence(title.mentions))
            return
        if self._named_in_sources(phrase.affiliation, context) and not lex.generic(phrase.affiliation):
            # Another role at an organisation the sources know, where they place the person at
            # another one ("a researcher at the forensics firm" for the research firm's lead).
            title = self._elsewhere(entity, phrase.affiliation, context, least=max(2, self.min_support))
            if title is not None:
                yield self.finding(phrase.start, phrase.end, message=format_message(
                    self.messages["organisation"], (phrase.text, entity.canonical, describe(title), support(title.mentions))),
                    evidence=evidence(title.mentions))

    @staticmethod
    def _left(phrase: TitlePhrase, entity: Entity, matching: list[Title], context: CheckContext) -> tuple[Title, Provenance] | None:
        """A current title in the draft ("Acme President X") for a post a source sentence says
        the person left ("X, Acme's general manager, resigned in June"): the title and that
        sentence. Not when the draft's own sentence tells of a departure, or writes the title at
        a past time ("then", "at the time")."""
        lex = lexicon()
        # (once per person: a person is named many times; the entity keeps its id alive)
        where = context.shared(("left-post", id(context.registry), id(entity)), lambda: _left_post(entity))
        if where is None:
            return None
        found = lex.left.search(where.text)
        said = where.text.casefold()
        # The post is the one left: named after the departure with "as" ("resigned as president";
        # not "X, a member, stepped down as chair"), else before it ("X, the mill's manager, resigned").
        left_as = _AS_POST.match(said, found.end())
        named = left_as.group(1) if left_as else said[:found.start()]
        left = [t for t in matching if t.role.split()[-1].casefold() in named]
        if not left:
            return None  # the sentence tells of leaving another post
        sentence = context.document.sentence_at(phrase.start)
        text = context.document.text[sentence.start:sentence.end] if sentence else ""
        if lex.departure.search(text) or _PAST_TIME.search(text):
            return None  # "X, the mill's manager, resigned in June": the draft says so
        return max(left, key=lambda t: t.support), where

    def _unsourced_organisation(self, entity: Entity, mention, context: CheckContext) -> Iterator[Finding]:
        """An organisation the draft writes beside a known person's name (in the title, "of the
        X" after it, or "a geologist with the X" in the appositive) that the sources never
        write beside it, where they write another one there ("Ann Roe, Acme Institute"; labels,
        appositives, transcript turns: registry.affiliations): a warning with one such mention."""
        registry = context.registry
        written = _draft_organisations(context.document.prose, mention, registry, self.not_affiliations)
        if not written:
            return
        # (once per person and draft: a person is named many times; the entity keeps its id alive)
        theirs, lines = context.shared(("source-affiliations", id(registry), id(entity)),
                                       lambda: _affiliations_of(entity, registry))
        if not theirs:
            return
        for start, end, organisation in written:
            named = canonical_affiliation(registry, organisation)
            # ("FEMA's regional office": a unit described in lowercase; only its proper words name it.)
            proper = " ".join(w for w in organisation.split() if w[:1].isupper())
            if any(affiliations_compatible(named, a.organisation) or affiliations_compatible(organisation, a.organisation)
                   or proper and affiliations_compatible(proper, a.organisation)
                   or _misspelt_organisation(organisation, a.organisation) for a in theirs):
                continue  # (a misspelt organisation is facts.Names' finding)
            if _names_report(organisation, context):
                continue  # (so is a reworded one that facts.Names knows)
            reworded = next((a for a in theirs if _misnamed(organisation, a.organisation, context)), None)
            if reworded is not None:
                # "managing partner of Acme Freight Partners" where the sources place the person
                # at Acme Freight Logistics: the employer's name with a word replaced.
                yield self.finding(start, end, category="name", message=format_message(
                    self.messages["organisation_name"], (organisation, reworded.organisation,
                                                         support([reworded.provenance]))),
                    fix=Fix(reworded.organisation, safe=False), evidence=evidence([reworded.provenance]))
                return
            known = registry.find(named)
            forms = [f.casefold() for f in known.right_forms()] + [a.casefold() for a in known.aliases] \
                if known is not None and known.kind == "organisation" else []
            if any(form in line for form in [organisation.casefold(), *forms] for line in lines):
                continue  # the sources write it beside the name somewhere
            where = theirs[0].provenance
            shown = " or ".join(dict.fromkeys(a.organisation for a in theirs[:2]))
            yield self.finding(start, end, message=format_message(
                self.messages["affiliation"], (context.document.text[start:end], entity.canonical, shown,
                                               support([where]))),
                evidence=evidence([where]), severity="warning")
            return

    def _rank(self, entity: Entity, mention, context: CheckContext) -> Iterator[Finding]:
        """"Lt. X" where the sources write "Capt. X": another rank (ranks in titles.yaml). Only
        when every rank the sources write before the name is one and the same; a warning on one
        mention (a promotion the sources missed is possible)."""
        written = _rank_before(context.document.text, mention.start)
        if written is None:
            return
        ranks: dict[str, list] = {}
        for variant in entity.variants:
            if variant.wrong:
                continue
            for where in variant.mentions:
                for at in _surname_at(where.text, entity.canonical.split()[-1]):
                    rank = _rank_before(where.text, at, given=2)
                    if rank is not None and where not in ranks.setdefault(rank[1], []):
                        ranks[rank[1]].append(where)
        if len(ranks) != 1 or written[1] in ranks:
            return
        rank, mentions = next(iter(ranks.items()))
        yield self.finding(written[0], mention.end, message=format_message(
            self.messages["rank"], (context.document.text[written[0]:mention.end], entity.canonical, rank,
                                    support(mentions))),
            evidence=evidence(mentions), severity=None if len(mentions) >= max(2, self.min_support) else "warning")

    def _organisation_after(self, entity: Entity, mention, context: CheckContext) -> Iterator[Finding]:
        """"Name of the Org" where every organisation the sources give the person is another."""
        found = OF_ORGANISATION.match(context.document.prose, mention.end)
        if found is None or _KIND_AFTER.match(context.document.prose, found.end()):
            return  # ("of the Elmwood firm Acme & Lane": a place, then the kind of organisation)
        lex = lexicon()
        text = found.group(2)
        named = canonical_affiliation(context.registry, text)
        known = context.registry.find(named)
        if lex.country(text) or not (found.group(1) or any(w.casefold() in lex.organisation_words for w in text.split())
                                     or (known is not None and known.kind == "organisation")):
            return  # "of Chicago", "of Ohio": a place, not an employer ("of the Relief Society" is one)
        if _names_report(text, context):
            return  # "of the Elm Water Authority" for the Elm Water Department: facts.Names' finding
        title = self._elsewhere(entity, named, context)
        if title is not None and _named_beside(entity, text):
            return  # a source line naming them names the organisation too ("X, who has represented Elm for the Y Party")
        if title is not None:
            start, end = found.span(2)
            yield self.finding(start, end, message=format_message(
                self.messages["organisation"], (text, entity.canonical, describe(title), support(title.mentions))),
                evidence=evidence(title.mentions))

    @staticmethod
    def _dropped_rank(phrase: TitlePhrase, entity: Entity, context: CheckContext) -> Title | None:
        """"Parks Director X" for the sources' deputy parks director: the draft's title is
        theirs without its subordinate rank (a deputy is not the office's holder)."""
        lex = lexicon()
        written = {w.casefold() for w in f"{phrase.role} {phrase.affiliation}".split()}
        for title in sorted(entity.titles, key=lambda t: -t.support):
            words = title.role.casefold().split()
            if len(words) < 2 or words[0] not in lex.subordinate_ranks or words[0] in written \
                    or not active(title, context.draft_date):
                continue
            # ("Commissioner X" for the sources' deputy assistant commissioner: every rank dropped.)
            cut = 1
            while not set(words[cut:]) <= written and cut + 1 < len(words) and words[cut] in lex.subordinate_ranks:
                cut += 1
            rest = " ".join(words[cut:])
            if set(words[cut:]) <= written and lex.families_compatible(phrase.family, lex.role(rest).family
                                                                       if lex.role(rest) else words[-1]):
                return title
        return None

    @staticmethod
    def _other_rank(phrase: TitlePhrase, matching: list[Title], context: CheckContext) -> Title | None:
        """"Chief building inspector X" for the sources' senior building inspector: the
        same office at another rank (chief, senior, lead ...). None when any of the sources'
        titles of that office has the draft's rank, or none has another (a warning: a
        promotion the sources missed is possible)."""
        lex = lexicon()
        words = phrase.role.casefold().split()
        if len(words) < 2 or words[0] not in lex.plain_ranks or words[1] in lex.role_ranks or phrase.role.casefold() in lex.roles:
            return None  # ("chief executive", "head coach": offices of their own)
        rank = _SAME_RANK.get(words[0], words[0])
        current = [t for t in matching if active(t, context.draft_date)]
        if any(rank in {_SAME_RANK.get(w, w) for w in t.role.casefold().split()} for t in current):
            return None
        return next((t for t in sorted(current, key=lambda t: -t.support)
                     if t.role.casefold().split()[1:] == words[1:] and t.role.casefold().split()[0] in lex.plain_ranks), None)

    @staticmethod
    def _added_rank(phrase: TitlePhrase, entity: Entity, context: CheckContext) -> Title | None:
        """"Deputy Fire Marshal X" for the sources' fire marshal: the draft gives the person a
        subordinate rank of the office the sources say they hold."""
        lex = lexicon()
        words = phrase.role.casefold().split()
        lead = 0  # ("Chief Deputy Fire Marshal": a deputy still)
        while lead < len(words) - 2 and words[lead] in lex.plain_ranks:
            lead += 1
        rank, rest = (words[lead], " ".join(words[lead + 1:])) if words else ("", "")
        if rank not in lex.subordinate_ranks or not rest or lex.role(rest) is None:
            return None
        family = lex.role(rest).family
        for title in sorted(entity.titles, key=lambda t: -t.support):
            words = title.role.casefold().split()
            if words and words[0] not in lex.subordinate_ranks and active(title, context.draft_date) \
                    and lex.families_compatible(family, _office(title)) \
                    and affiliations_compatible(phrase.affiliation, title.affiliation):
                return title
        return None

    @staticmethod
    def _other_portfolio(phrase: TitlePhrase, entity: Entity, context: CheckContext) -> Title | None:
        """The draft's words before the office's head word ("parks director", "executive
        director") are in none of the sources' titles of that office for the person, where
        they give it another field or organisation ("finance director", "director of the
        Department of Revenue and Taxation"); None when one of them agrees, or when the
        sources give nothing to set against it. A rank alone ("executive director") is set
        only against another field, not against an organisation."""
        head = phrase.role.split()[-1]
        titles = [t for t in entity.titles if t.role.split()[-1].casefold() == head and active(t, context.draft_date)]
        mine = _portfolio(phrase.text, head)
        if not titles or not mine:
            return None
        for title in titles:
            # The lines that give the title, whole: one may name the field in another way
            # ("Emergency Management Director X" kept as the county's director).
            said = " ".join([title.affiliation, title.text, *(m.text for m in title.mentions)])
            if mine & {stem(w) for w in _WORD.findall(said)}:
                return None  # one of them agrees ("finance director", "director of finance")
        ranked_only = mine <= _RANK_LIKE
        for title in sorted(titles, key=lambda t: -t.support):
            field = _portfolio(title.text, head) - _RANK_LIKE
            if field or not ranked_only and title.affiliation and not lexicon().generic(title.affiliation):
                return title
        return None

    @staticmethod
    def _named_in_sources(affiliation: str, context: CheckContext) -> bool:
        """An organisation the registry knows, or a name whose every word the sources write
        capitalised ("Pellham Data Salvage", which no organisation word marks)."""
        known = context.registry.find(affiliation)
        if known is not None:
            return known.kind == "organisation"
        words = [w.casefold() for w in affiliation.split()]
        return len(words) > 1 and all(w in known_names(context.registry).source_words for w in words)

    @staticmethod
    def _elsewhere(entity: Entity, organisation: str, context: CheckContext, least: int = 1) -> Title | None:
        """The best-supported title the sources give the person at another organisation, when
        none of them is at `organisation`."""
        lex = lexicon()
        titles = [t for t in entity.titles if t.affiliation and active(t, context.draft_date)
                  and t.support >= least and not lex.country(t.affiliation) and not lex.generic(t.affiliation)]
        if not titles or any(affiliations_compatible(organisation, t.affiliation) for t in titles):
            return None
        return max(titles, key=lambda t: t.support)

    @staticmethod
    def _organisation_known(phrase: TitlePhrase, context: CheckContext) -> bool:
        """The title's organisation is one the sources name (or a word of one's name), a
        country, a kind of organisation, or a word of the organisations they give that office."""
        lex = lexicon()
        affiliation = phrase.affiliation
        if lex.country(affiliation) or lex.generic(affiliation) or context.registry.find(affiliation) is not None:
            return True
        words = {w.casefold() for w in affiliation.split()}
        if any(words & {w.casefold() for w in form.split()}
               for organisation in context.registry.organisations for form in organisation.right_forms()):
            return True  # "Grayridge" of "Grayridge Tooling Corp."
        return any(words & {w.casefold() for w in t.affiliation.split()}
                   for _, t in titles_by_family(context.registry).get(lex.family(phrase.role), ()) if t.affiliation)

    def _other_office(self, phrase: TitlePhrase, entity: Entity, context: CheckContext,
                      unnamed: bool = False) -> Title | None:
        """Another office at the same organisation for a one-holder office ("chief financial
        officer" for the chief executive, or for the spokeswoman that at least min_support
        mentions make her): one person does not hold both. `unnamed`: neither names its
        organisation ("the museum's chief operating officer" for the sources' twice-attested
        "president and chief executive"), so only another one-holder office counts."""
        lex = lexicon()
        if lex.family(phrase.role) not in lex.unique_roles:
            return None
        for title in sorted(entity.titles, key=lambda t: -t.support):
            family = lex.family(title.family or title.role)
            attested = family in lex.unique_roles or title.support >= max(2, self.min_support)
            if unnamed:
                same_place = (family in lex.unique_roles and title.support >= max(2, self.min_support)
                              and not (title.affiliation and not lex.generic(title.affiliation))
                              and not (phrase.affiliation and not lex.generic(phrase.affiliation)))
            else:
                same_place = bool(title.affiliation) and not lex.generic(title.affiliation) \
                    and affiliations_compatible(phrase.affiliation, title.affiliation)
            if (attested and same_place and active(title, context.draft_date)
                    and not lex.families_compatible(phrase.family, _office(title))):
                return title
        return None

    @staticmethod
    def _member_only(phrase: TitlePhrase, entity: Entity, context: CheckContext) -> Title | None:
        """"Council President X" for someone the sources give only as a member of the council
        ("Council member X"), and no officer's post anywhere: a member's title raised to an
        officer's. A warning: the sources may not say who presides."""
        lex = lexicon()
        members = lex.body_members.get(phrase.affiliation.casefold())
        if not members or lex.family(phrase.role) not in lex.body_offices:
            return None
        held = [t for t in entity.titles if active(t, context.draft_date)]
        if any(lex.family(t.family or t.role) in lex.body_offices for t in held):
            return None  # (an officer too: compared by the other steps)
        return next((t for t in held if lex.family(t.family or t.role) in members), None)

    @staticmethod
    def _junior_office(phrase: TitlePhrase, entity: Entity, context: CheckContext) -> Title | None:
        """A one-holder office at a named organisation ("Acme's chief executive") for someone the
        sources give an office below it there ("Acme's senior vice president for research", once):
        a warning, since one mention is thin."""
        lex = lexicon()
        # ("the agency's chief veterinary officer": a chief's post, one holder, whatever its field)
        top = lex.family(phrase.role) in lex.unique_roles or phrase.role.startswith("chief ") and " " in phrase.role[6:]
        if not top or not phrase.affiliation or lex.generic(phrase.affiliation):
            return None
        for title in sorted(entity.titles, key=lambda t: -t.support):
            family = lex.family(title.family or title.role)
            junior = family in lex.junior_roles or family.partition(" ")[0] in lex.subordinate_ranks
            if (junior and title.affiliation and not lex.generic(title.affiliation) and active(title, context.draft_date)
                    and affiliations_compatible(phrase.affiliation, title.affiliation)
                    and not lex.families_compatible(phrase.family, _office(title))):
                return title
        return None

    @staticmethod
    def _other_position(phrase: TitlePhrase, entity: Entity, context: CheckContext) -> Title | None:
        """A post in an organisation's ranks ("deputy health officer") for someone every title of
        whose the sources give is another such post at an organisation that agrees ("Program
        Manager"): one person holds one post there. Only posts (positions in titles.yaml, and
        ranked ones: "deputy", "assistant"), not occupations or memberships."""
        lex = lexicon()
        if not _position(lex, phrase.family) or phrase.role.casefold() in lex.ranks and not (
                phrase.appositive and phrase.affiliation):
            # (a rank, "Deputy Chief X", is compared with the sources' ranks: _rank; but "X, the
            # clinic's chief of surgery" names a post)
            return None
        titles = [t for t in entity.titles if active(t, context.draft_date)]
        if not titles or any(lex.families_compatible(phrase.family, _office(t)) for t in titles):
            return None
        # (The sources' "Head of Member Services" is a post; the draft's "who heads X" may be any.)
        # (Two units that are no organisation the sources name, "Facilities" and "Grounds", are
        # parts of one employer: a vice president of one is not the other's manager.)
        others = [t for t in titles if (_position(lex, lex.family(t.family or t.role)) or lex.family(t.role) == "head")
                  and (affiliations_compatible(phrase.affiliation, t.affiliation)
                       or not _organisation(phrase.affiliation, context) and not _organisation(t.affiliation, context))]
        return max(others, key=lambda t: t.support) if len(others) == len(titles) else None

    @staticmethod
    def _former_other_post(phrase: TitlePhrase, entity: Entity) -> Title | None:
        """A past post in the draft ("Acme's former general counsel") for someone whose past post
        the sources give as another ("the exchange's head of compliance from 2020 until 2023"),
        and who holds no title of the draft's office in any source: the post they left, when
        every post the sources give them is in an organisation's ranks there."""
        lex = lexicon()
        if not _position(lex, phrase.family) or not entity.titles:
            return None
        if any(lex.families_compatible(phrase.family, _office(t)) for t in entity.titles):
            return None
        posts = [t for t in entity.titles
                 if (_position(lex, lex.family(t.family or t.role)) or lex.family(t.role) == "head")
                 and (affiliations_compatible(phrase.affiliation, t.affiliation) or t.affiliation.islower())]
        former = [t for t in posts if t.status == "former"]
        return max(former, key=lambda t: t.support) if former and len(posts) == len(entity.titles) else None

    @staticmethod
    def _spokesperson_of_post(phrase: TitlePhrase, entity: Entity, context: CheckContext) -> Title | None:
        """"the agency's spokeswoman" for someone every title of whose the sources give is a post
        at that organisation outside its communications ("director of the agency's regional
        office", twice): the one who runs an office is not the one who speaks for the
        organisation. A warning (the caller's)."""
        lex = lexicon()
        if phrase.family != "spokesperson":
            return None
        titles = [t for t in entity.titles if active(t, context.draft_date)]
        if not titles or sum(t.support for t in titles) < 2:
            return None
        for title in titles:
            if not (_position(lex, lex.family(title.family or title.role)) and title.affiliation
                    and not lex.generic(title.affiliation)
                    and affiliations_compatible(phrase.affiliation, title.affiliation)):
                return None
            if {w.casefold() for w in _WORD.findall(f"{title.affiliation} {title.text}")} & lex.speaking_words:
                return None  # "director of communications", "press officer": who speaks for it
        return max(titles, key=lambda t: t.support)

    def _exclusive_office(self, phrase: TitlePhrase, entity: Entity, context: CheckContext) -> Title | None:
        """An office the person cannot hold beside the one the sources give ("Sen." for a
        representative)."""
        lex = lexicon()
        for title in sorted(entity.titles, key=lambda t: -t.support):
            if (lex.exclusive(phrase.role, title.role) and active(title, context.draft_date)
                    and (title.support >= self.min_support or not title.mentions)
                    and affiliations_compatible(phrase.affiliation, title.affiliation)):
                return title
        return None

    def _status_word(self, phrase: TitlePhrase, context: CheckContext) -> str | None:
        if phrase.status_start is None or phrase.status_end is None:
            return None
        word = context.document.text[phrase.status_start:phrase.status_end].casefold().rstrip("- ")
        return word if word in self.stale_words else None

    # -- someone else named as holder of an office ---------------------------------------------
    def _holder(self, mention, phrase: TitlePhrase, registry: Registry, context: CheckContext) -> Iterator[Finding]:
        if phrase.status != "current" or len(mention.words) < 2:
            return
        holder = self._holder_of(phrase, context)
        if holder is not None:
            yield self._holder_finding(phrase, mention, holder, context)
            return
        # "City Manager Tom Rusk" for the sources' twice-named city manager, Tom Rask: the
        # office's one holder, with no organisation to compare (a warning unless a name slip).
        holder = self._sole_holder(phrase, context) if not phrase.affiliation or lexicon().generic(phrase.affiliation) else None
        holder = holder or self._body_holder(phrase, context)  # "Council President X": the council's, twice
        if holder is not None and not _departed(holder[0]) and not _STAND_IN.search(phrase.text):
            # (Not an interim or acting holder, nor one after the sources' holder left.)
            finding = self._holder_finding(phrase, mention, holder, context)
            yield finding if finding.category == "name" else dataclasses.replace(finding, severity="warning")

    def _holder_finding(self, phrase: TitlePhrase, mention, holder: tuple[Entity, Title], context: CheckContext) -> Finding:
        person, title = holder
        if _same_name_part(mention.words, person.canonical.split()):
            # "Ann Kovacz, president of the Growers Association" where the sources give
            # that office to Ann Kovacs: the holder's name, misspelled.
            return self.finding(mention.start, mention.end, category="name", message=format_message(
                self.messages["holder_name"], (mention.text, f"the {describe(title)}", person.canonical,
                                               support(title.mentions))),
                fix=Fix(person.canonical, safe=False), evidence=evidence(title.mentions))
        start, end = min(phrase.start, mention.start), max(phrase.end, mention.end)  # title before or after
        return self.finding(start, end, message=format_message(
            self.messages["holder"], (context.document.text[start:end],
                                      f"the {describe(title)}", person.canonical, support(title.mentions))),
            evidence=evidence(title.mentions))

    def _attested_other_office(self, phrase: TitlePhrase, entity: Entity, context: CheckContext,
                               least: int = 2) -> bool:
        lex = lexicon()
        return any(active(t, context.draft_date) and t.support >= max(least, self.min_support)
                   and not lex.families_compatible(phrase.family, _office(t)) for t in entity.titles)

    def _sole_holder(self, phrase: TitlePhrase, context: CheckContext, least: int | None = None,
                     named: bool = False) -> tuple[Entity, Title] | None:
        """The one person in all the sources who holds this one-holder office, when the sources
        name no organisation for it ("the company's chief operating officer"), so that the
        draft's organisation cannot be compared: only if nobody else holds it. `named`: the
        one holder may be at a named organisation (the caller has other evidence)."""
        lex = lexicon()
        family = lex.family(phrase.role)
        if family not in lex.unique_roles:
            return None
        least = least or self.holder_min_support
        # The answer depends on the registry, the office, the support asked and the date only:
        # kept per registry (a large registry's office may have thousands of holders to read).
        table = titles_by_family(context.registry)
        held = _SOLE_HOLDERS.get(id(table))
        if held is None or held[0] is not table:
            held = _SOLE_HOLDERS[id(table)] = (table, {})
        memo = held[1]
        key = (family, least, context.draft_date, named)
        if key not in memo:
            holders = [(person, title) for person, title in table.get(family, ())
                       if active(title, context.draft_date) and (title.support >= least or not title.mentions)]
            single = len({id(p) for p, _ in holders}) == 1 and (named or not any(
                t.affiliation and not lex.generic(t.affiliation) for _, t in holders))
            memo[key] = holders[0] if single else None
        return memo[key]

    def _body_holder(self, phrase: TitlePhrase, context: CheckContext, least: int | None = None) -> tuple[Entity, Title] | None:
        """The one person the sources give an office of a board or council ("Board Vice
        President", "Council President"), at a body of the draft's word or at none named
        ("Vice President Y" in a board's minutes); None when there is not exactly one."""
        lex = lexicon()
        family = lex.family(phrase.role)
        body = phrase.affiliation.casefold()
        if family not in lex.body_offices or body not in lex.body_words:
            return None
        least = least or self.holder_min_support
        holders = [(person, title) for person, title in titles_by_family(context.registry).get(family, ())
                   if (title.affiliation.casefold() == body or _lowercase_body(title.affiliation, body)
                       or not title.affiliation and not any(_other_body(t.text, body) for t in person.titles))
                   and active(title, context.draft_date) and (title.support >= least or not title.mentions)]
        return holders[0] if len({id(p) for p, _ in holders}) == 1 else None

    @staticmethod
    def _other_level(phrase: TitlePhrase, matching: list[Title], context: CheckContext) -> Title | None:
        """The draft names a level of government ("the state forestry officer") and every title of
        that office the sources give the person names another ("County Forestry Officer")."""
        mine = _jurisdictions(phrase.text)
        if not mine or not matching or phrase.status != "current":
            return None
        for title in matching:
            theirs = _jurisdictions(f"{title.affiliation} {title.text}")
            if not theirs or not mine.isdisjoint(theirs) or not active(title, context.draft_date):
                return None
        return max(matching, key=lambda t: t.support)

    def _office_as_written(self, phrase: TitlePhrase, entity: Entity, title: Title) -> Finding:
        """A warning that the sources give the person `title`, in the sources' words."""
        return self.finding(phrase.start, phrase.end, message=format_message(
            self.messages["office"], (phrase.text, entity.canonical, " ".join(title.text.split()), support(title.mentions))),
            evidence=evidence(title.mentions), severity="warning")

    @staticmethod
    def _field_holder(phrase: TitlePhrase, context: CheckContext) -> tuple[Entity, Title] | None:
        """The one person the sources give the draft's office in its field ("the county's public
        health director": the director of the Department of Public Health), when the draft writes
        a field and no jurisdiction other than the holder's ("state" is not "County")."""
        lex = lexicon()
        field = _portfolio(phrase.text, phrase.role) - _RANK_LIKE
        if not field:
            return None
        mine = _jurisdictions(phrase.text)
        by_word = titles_by_field_word(context.registry, lex.family(phrase.role))
        # Every holder's title has every word of the field: reading one word's titles is enough.
        candidates = min((by_word.get(word, ()) for word in field), key=len)
        holders = []
        for person, title, words, theirs in candidates:
            if field <= words and active(title, context.draft_date) and not (mine and theirs and mine.isdisjoint(theirs)):
                holders.append((person, title))
        return holders[0] if len({id(p) for p, _ in holders}) == 1 else None

    def _holder_of(self, phrase: TitlePhrase, context: CheckContext) -> tuple[Entity, Title] | None:
        """The one person the sources give this office (a one-holder office with an
        affiliation) at the draft's date; None when there is not exactly one."""
        lex = lexicon()
        registry = context.registry
        # "City Auditor X", capitalised as an office's name: the story's city has one.
        # (A listed one-holder role keeps its own paths, which say it as a warning.)
        level = phrase.affiliation.casefold() if phrase.affiliation in lex_jurisdictions(lex) \
            and lex.family(phrase.role) in lex.jurisdiction_offices - lex.unique_roles \
            and phrase.text.split()[-1][:1].isupper() else ""
        if not phrase.affiliation or lex.generic(phrase.affiliation) and not level \
                or lex.family(phrase.role) not in lex.unique_roles and not level:
            return None  # "the company president" does not say which company
        holders: list[tuple[Entity, Title]] = []
        for person, title in titles_by_family(registry).get(lex.family(phrase.role), ()):
            if (title.affiliation and (not lex.generic(title.affiliation) or level and title.affiliation.casefold() == level)
                    and affiliations_compatible(phrase.affiliation, title.affiliation)
                    and active(title, context.draft_date)
                    and (title.support >= self.holder_min_support or not title.mentions)):
                holders.append((person, title))
        if len({id(p) for p, _ in holders}) != 1:
            return None
        return holders[0]


def lex_jurisdictions(lex) -> set[str]:
    """The levels of government as a title writes them ("City", "County")."""
    return {word.capitalize() for word in lex.jurisdiction_words}


def _rank_before(text: str, at: int, given: int = 0) -> tuple[int, str] | None:
    """The rank written right before `at` ("Capt. ", "Deputy Chief "), or before up to `given`
    capitalised words there ("SGT. PIA ORLOV", "Sergeant Pia Orlov"): where it starts
    and the rank it gives."""
    pattern = lexicon().rank_before
    if pattern is None:
        return None
    head = text[max(0, at - 60):at]
    offset = max(0, at - 60)
    for _ in range(given + 1):
        found = pattern.search(head)
        if found is not None:
            return offset + found.start(1), lexicon().ranks[" ".join(found.group(1).casefold().split())]
        word = _LAST_NAME_WORD.search(head)
        if word is None:
            return None
        head = head[:word.start()]
    return None


_LAST_NAME_WORD = regexcache.compile(r"\p{Lu}[\p{L}'’.\-]*[ \t]+$")


def _surname_at(text: str, surname: str) -> Iterator[int]:
    """Where the surname starts in the text as a whole word, in any case ("ORLOV")."""
    low, word = text.casefold(), surname.casefold()
    at = low.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not low[at - 1].isalpha()) and (end == len(low) or not low[end].isalpha()):
            yield at
        at = low.find(word, at + 1)


def _written_beside(entity: Entity, phrase: TitlePhrase) -> bool:
    """A source line naming the person says, in the present tense, that they hold the draft's
    office at its (named, not generic) organisation with the role as a verb ("… and chairs the X
    Committee", "I chair the X Committee") or as a label ("(Senior Partner, X Group)",
    "senior partner, X Group"): an office the registry did not read as theirs."""
    from newslint.registry.affiliations import lines_naming  # (only for an office about to be flagged)

    written = " ".join(phrase.text.casefold().split())
    if phrase.affiliation and len(written.split()) >= 4 and any(
            _current_in(written, " ".join(line.casefold().split())) for line in lines_naming(entity)):
        return True  # the draft's title at its organisation, word for word ("Acme's site manager at Elm Point")
    if not phrase.affiliation or lexicon().generic(phrase.affiliation) or not phrase.role.replace(" ", "").isalpha():
        return False
    # Built from the draft's words: compiled plainly, not kept in the programs cache, which
    # would otherwise grow by an entry for every draft title that reaches this point.
    said = regex.compile(rf"\b{regex.escape(phrase.role.casefold())}s?(?:,\s+|\s+)(?:the\s+)?"
                         rf"{regex.escape(phrase.affiliation.casefold())}\b")
    return any(not _past_post(line, found.start()) for line in map(str.casefold, lines_naming(entity))
               for found in said.finditer(line))


def _current_in(title: str, line: str) -> bool:
    """The (casefolded) title is written in the line, not as a past post ("former …",
    "previously …", "two years as …")."""
    at = line.find(title)
    while at >= 0:
        if not _past_post(line, at):
            return True
        at = line.find(title, at + 1)
    return False


_PAST_MARKS = frozenset({"previously", "formerly", "once", "as"})


def _past_post(line: str, at: int) -> bool:
    """The words just before offset `at` of a casefolded line make the post there a past one."""
    status = lexicon().status_words
    before = [w.strip("-(,") for w in line[max(0, at - 24):at].split()[-2:]]
    return any(w in _PAST_MARKS or status.get(w) in ("former", "then") for w in before)


def _client_beside(entity: Entity, phrase: TitlePhrase) -> bool:
    """A source line naming the person names the draft's organisation too (a lawyer's client:
    "X, the Elmwood lawyer who represented Acme at trial")."""
    return _named_beside(entity, phrase.affiliation)


def _named_beside(entity: Entity, organisation: str) -> bool:
    """A source line naming the person names the (proper, not generic) organisation too."""
    from newslint.registry.affiliations import lines_naming  # (only for an office about to be flagged)

    if not organisation or lexicon().generic(organisation):
        return False
    named = regex.compile(rf"\b{regex.escape(organisation.casefold())}\b")
    return any(named.search(line.casefold()) for line in lines_naming(entity))


def _bodies_differ(affiliation: str, title: Title) -> bool:
    """The draft's organisation is a body of another kind ("committee") than the one the
    sources' title names ("council"): another body's office."""
    bodies = lexicon().body_words
    mine = {w for w in affiliation.casefold().split() if w in bodies}
    theirs = {w for w in f"{title.affiliation} {title.text}".casefold().split() if w in bodies}
    if mine and not theirs and not title.affiliation and title.role.isalpha():
        # A title read with no organisation ("CHAIR" of a label) that a source line gives as a
        # body's ("the commission's chair"): that body. (Compiled plainly: one per role asked.)
        said = regex.compile(rf"\b(\p{{L}}+)['’]s\s+{regex.escape(title.role.casefold())}\b")
        theirs = {found.group(1) for where in title.mentions for found in said.finditer(where.text.casefold())
                  if found.group(1) in bodies}
    return bool(mine and theirs) and mine.isdisjoint(theirs)


def _worded_in(affiliation: str, text: str) -> bool:
    """A known title's organisation written word for word, in lowercase, in the draft's title
    ("river safety" in "a river safety officer with the agency")."""
    words = affiliation.casefold().split()
    tokens = text.split()
    return bool(words) and any(tokens[i:i + len(words)] == words for i in range(len(tokens)))


def _jurisdictions(text: str) -> set[str]:
    """The levels of government a title's words name ("the county's": county)."""
    words = {w.casefold().removesuffix("'s").removesuffix("’s") for w in _WORD.findall(text)}
    return words & lexicon().jurisdiction_words


def _position(lex, family: str) -> bool:
    """A post in an organisation's ranks: listed in positions, a one-holder office, or ranked
    below one ("deputy director")."""
    return family in lex.positions or family in lex.unique_roles or family.partition(" ")[0] in lex.subordinate_ranks


def _office(title: Title) -> str:
    """What to compare a title by: its family, or its role when that joins two offices
    ("president and chief executive" is either)."""
    return title.role if " and " in title.role else title.family or title.role


def _lowercase_body(affiliation: str, body: str) -> bool:
    """A body written in lowercase ("board of aldermen", "the commissioners' board") that has
    the draft's body word in some form ("Commissioners'" for "Commission")."""
    return affiliation.islower() and stem(body) in {stem(w) for w in affiliation.split()}


def _other_body(text: str, body: str) -> bool:
    """The title's words name another kind of body: a "Council member" whose office says no
    more than "chair" is no commission's chair."""
    words = {w.casefold().removesuffix("'s").removesuffix("’s") for w in _WORD.findall(text)}
    return bool(words & lexicon().body_words - {body})


def _departed(entity: Entity) -> bool:
    """A sentence of the sources reports the person leaving a post ("X, who was hired in 2019,
    submitted his resignation", "the resignation of Superintendent X"; not "Y succeeded X, who
    retired" for Y): the sources' title may be the one they left, so "former" is not
    contradicted."""
    return _departure(entity, lexicon().departure) is not None


def _left_post(entity: Entity) -> Provenance | None:
    """A source sentence saying the person has left a post ("resigned in June"; not "has not
    resigned")."""
    lex = lexicon()
    where = _departure(entity, lex.left)
    if where is None:
        return None
    found = lex.left.search(where.text)
    if found is None or (lex.left_undone and lex.left_undone.search(where.text, 0, found.start())):
        return None
    return where


def _departure(entity: Entity, pattern) -> Provenance | None:
    """The first source sentence where `pattern` reports the person leaving a post (see _departed)."""
    if pattern is None:
        return None
    names = {w for variant in entity.variants for w in variant.form.split()}
    for variant in entity.variants:
        for where in variant.mentions:
            for match in pattern.finditer(where.text):
                if _ARTICLE_BEFORE.search(where.text, max(0, match.start() - 4), match.start()):
                    continue  # "X, a retired ship pilot, chairs …": a past career described, not a departure
                before = [w for w in _CAPITALISED.findall(where.text, max(0, match.start() - 120), match.start())
                          if not _passing(w)]
                after = [w for w in _CAPITALISED.findall(where.text, match.end(), match.end() + 50) if not _passing(w)]
                if (before and before[-1] in names) or (_OF_AFTER.match(where.text, match.end()) and after and after[0] in names):
                    return where
                # "X, 91, of Elmira, a teacher who …, died": the person an age follows is the subject.
                aged = [m.group(1) for m in _AGED.finditer(where.text, 0, match.start())]
                if aged and aged[0] in names:
                    return where
    return None


_ARTICLE_BEFORE = regexcache.compile(r"\b(?:a|an)\s+$")
# The post after a departure phrase: "resigned as the mill's manager".
_AS_POST = regexcache.compile(r"\s+as\s+([^,.;]{1,60})")
# A draft's words placing a title in the past: "then", "at the time", "until".
_PAST_TIME = regexcache.compile(r"(?i)\b(?:then|at the time|until|back when|while (?:he|she|they) (?:was|were))\b")
_AGED = regexcache.compile(r"\b(\p{Lu}[\p{L}'’\-]+),\s+\d{1,3},")


_CAPITALISED = regexcache.compile(r"\b\p{Lu}[\p{L}'’\-]+")
_OF_AFTER = regexcache.compile(r"\s+of\b")


def _passing(word: str) -> bool:
    """A capitalised word that names nobody: a title, a month or weekday, a sentence's "The"."""
    return is_title_word(word) or word.casefold() in lexicon().calendar_words


def _misspelt_organisation(written: str, known: str) -> bool:
    """Two organisation names a slip apart ("Brightfield Capital Partners", "Brightfeld Capital
    Securities"): long enough, within two edits and alike."""
    a, b = written.casefold(), known.casefold()
    return a != b and min(len(a), len(b)) >= 8 and OSA.distance(a, b) <= 2 and similarity(a, b) >= 0.85


def _reworded_organisation(written: str, known: str) -> bool:
    """One organisation's name with one word replaced ("Elm Park Trust" for Elm Harbor Trust,
    "Acme Freight Partners" for Acme Freight Logistics LLC): as many words, all but one the
    same and in place, and the first word, kept, a name of its own (not "State", "County" or
    an organisation word). The caller makes sure the draft's name is no organisation the
    sources know: a known one is another employer, not a misremembered name."""
    lex = lexicon()
    a, b = _name_words(written), _name_words(known)
    if len(a) != len(b) or len(a) < 2:
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(differ) != 1 or differ[0] == 0 or written.split()[0].strip(".,").isupper():
        return False  # ("FBI Denver Field Office": one of an organisation's offices, not its name)
    other = (a[differ[0]], b[differ[0]])
    return a[0] not in lex.organisation_words and a[0] not in lex.jurisdiction_words \
        and a[0] not in lex.function_words and not any(lex.role(w) or lex.country(w) for w in other)


def _misnamed(written: str, known: str, context: CheckContext) -> bool:
    """The draft's organisation is the sources' one with a word replaced, and no organisation
    the sources know under its own name, which facts.Names would not already report."""
    if not _reworded_organisation(written, known):
        return False
    registry = context.registry
    if registry.find(written) is not None or registry.find(canonical_affiliation(registry, written)) is not None:
        return False  # another organisation the sources know: a wrong employer (a title finding)
    return not _names_report(written, context)


def _names_report(written: str, context: CheckContext) -> bool:
    """facts.Names reports the draft's organisation as a misspelt or reworded one it knows."""
    return any(r.how in (NEAR_ORGANISATION, OTHER_ORGANISATION_WORD) and r.mention.text == written
               for r in draft_names(context).resolutions())


def _name_words(name: str) -> list[str]:
    """An organisation name's words for comparing: casefolded, without "the", a possessive's
    mark or a legal form ("Inc", "LLC")."""
    words = [w.strip(".,").removesuffix("'s").removesuffix("’s") for w in name.casefold().split()]
    return [w for w in words if w and w != "the" and w not in LEGAL_FORMS]


_BY_FAMILY: dict[int, tuple[Registry, int, dict[str, list[tuple[Entity, Title]]]]] = {}
# _sole_holder's answers, with the titles_by_family table they were read from (kept, so its id
# is not reused while the answers are).
_SOLE_HOLDERS: dict[int, tuple[dict, dict[tuple, tuple[Entity, Title] | None]]] = {}


def titles_by_family(registry: Registry) -> dict[str, list[tuple[Entity, Title]]]:
    """The people's titles by office family (lexicon), in registry order: built once per
    registry (kept alive with it), so that finding an office's holder reads only that office."""
    held = _BY_FAMILY.get(id(registry))
    if held is None or held[0] is not registry or held[1] != len(registry.entities):
        lex = lexicon()
        found: dict[str, list[tuple[Entity, Title]]] = {}
        for person in registry.people:
            for title in person.titles:
                found.setdefault(lex.family(title.role), []).append((person, title))
        if len(_BY_FAMILY) > 8:
            _BY_FAMILY.clear()
            _SOLE_HOLDERS.clear()
        held = _BY_FAMILY[id(registry)] = (registry, len(registry.entities), found)
    return held[2]


def titles_by_field_word(registry: Registry, family: str) -> dict[str, list[tuple[Entity, Title, frozenset[str], set[str]]]]:
    """An office family's titles by each word (stem) of their organisation and text, with those
    words and the levels of government they name, in registry order: built once per registry
    and family, when first asked, so that finding an office's holder in a field reads only the
    titles with its words."""
    held = _BY_FIELD_WORD.get(id(registry))
    if held is None or held[0] is not registry or held[1] != len(registry.entities):
        if len(_BY_FIELD_WORD) > 8:
            _BY_FIELD_WORD.clear()
        held = _BY_FIELD_WORD[id(registry)] = (registry, len(registry.entities), {})
    by_family = held[2]
    if family not in by_family:
        by_word: dict[str, list] = {}
        stems: dict[str, str] = {}  # (organisations' words recur over many titles)
        for person, title in titles_by_family(registry).get(family, ()):
            said = f"{title.affiliation} {title.text}"
            words = frozenset(stems.get(w) or stems.setdefault(w, stem(w.casefold())) for w in _WORD.findall(said))
            entry = (person, title, words, _jurisdictions(said))
            for word in words:
                by_word.setdefault(word, []).append(entry)
        by_family[family] = by_word
    return by_family[family]


_BY_FIELD_WORD: dict[int, tuple[Registry, int, dict]] = {}

RULE_KINDS = {"titles": TitlesRule}


_WORD = regexcache.compile(r"[\p{L}][\p{L}'’-]*")
# Words before an office that rank it rather than give its field ("executive director").
_RANK_LIKE = frozenset(map(stem, ("executive", "managing", "general", "senior", "acting", "interim", "founding",
                                    "chief", "deputy", "assistant", "associate", "vice", "top", "lead", "head",
                                    "principal", "new", "longtime", "current", "then", "former", "first", "own",
                                    "state", "county", "city", "federal")))


def _portfolio(text: str, role: str) -> frozenset[str]:
    """The lowercase words a title gives before its office's words: its field ("the state's
    parks director" -> parks; "Acme's finance director" -> finance). Determiners, possessives
    and capitalised words (an organisation) are not the field."""
    lex = lexicon()
    words = _WORD.findall(text)
    role_words = role.casefold().split()
    for at in range(len(words) - len(role_words), -1, -1):
        if [w.casefold() for w in words[at:at + len(role_words)]] == role_words:
            words = words[:at]
            break
    else:
        return frozenset()
    return frozenset(stem(w) for w in words if w.islower() and not w.endswith(("'s", "’s"))
                     and w not in lex.function_words and w.rstrip("-") not in lex.status_words and len(w) > 2
                     and w not in lex.generic_affiliations)  # ("a company spokesman", "board chair")


# Words that make the holder of an office someone standing in for another ("interim
# Superintendent X" while the sources' superintendent is on leave).
_STAND_IN = regexcache.compile(r"(?i)\b(?:interim|acting|temporary|incoming|designate)\b")

