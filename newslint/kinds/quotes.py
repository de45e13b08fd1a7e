"""Fact kinds for direct quotations: `quotes` (is the quotation in the sources, word for word?)
and `attribution` (do the sources give these words to the same speaker as the draft?)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from rapidfuzz import fuzz, process

from newslint import regexcache
from newslint.findings import Evidence, Finding, Fix
from newslint.kinds.base import CheckContext, Rule, RuleError, format_message
from newslint.registry.lexicon import after_preposition
from newslint.registry.mentions import DESCRIBED_AFTER_NAME
from newslint.registry.model import Entity, Registry
from newslint.registry.quotematch import index_for
from newslint.registry.resolve import NEAR_BOTH, NEAR_SURNAME, WRONG_VARIANT, draft_names, known_names
from newslint.registry.speakers import Attribution, attribute, known_people
from newslint.registry.speakers import lexicon as speech_lexicon
from newslint.registry.wording import WORD, contains_segments, quote_segments, quote_words


def _number(data: dict[str, Any], key: str, default: float, low: float, high: float) -> float:
    value = data.get(key, default)
    if not isinstance(value, (int, float)) or not low <= value <= high:
        raise RuleError(f"{key} must be a number from {low} to {high}", key)
    return float(value)


def _level(data: dict[str, Any], key: str, default: str) -> str:
    """A severity or "off"; YAML reads a bare `off` as false, which means "off" too."""
    value = data.get(key, default)
    value = "off" if value is False else str(value)
    if value not in ("suggestion", "info", "warning", "error", "off"):
        raise RuleError(f"{key} must be suggestion, info, warning, error or off", key)
    return value


def _segments(context: CheckContext, item: Attribution) -> list[list[str]]:
    """The quotation's runs of words, also split between its sentences: a source's whole
    sentence left out between two others ("I sent him a letter. [Two pages, by hand.] He never
    wrote back.") keeps the speaker's words, in the speaker's order."""
    text = context.document.text
    return [s for a, b in item.quote.parts for sentence in SENTENCE_END.split(text[a:b])
            for s in quote_segments(sentence)]


def _words_span(context: CheckContext, item: Attribution) -> tuple[int, int]:
    """The span of the quoted words (first word to last), inside the quotation marks."""
    text = context.document.text
    spans = [(m.start(), m.end()) for a, b in item.quote.parts for m in WORD.finditer(text, a, b)]
    return (spans[0][0], spans[-1][1]) if spans else (item.quote.start, item.quote.end)


def _attributions(context: CheckContext) -> list[Attribution]:
    """The draft's quotations with their speakers, worked out once per document for both
    kinds (they only read them)."""
    registry = context.registry
    return context.shared(("attributions", id(registry)),
                          lambda: attribute(context.document, registry, known_people(registry)))


def _title_case(text: str) -> bool:
    """Every word of four letters or more is capitalised: a title, not speech."""
    long_words = [w for w in WORD.findall(text) if len(w) >= 4 and w[0].isalpha()]
    return bool(long_words) and all(w[0].isupper() for w in long_words) and not text.rstrip().endswith((",", ".", "?", "!"))


def _display(fact) -> str:
    """A source's speaker for a message: the canonical name, or the name as the source wrote
    it when only a surname is known ("Mayor Ibekwe" rather than "Ibekwe")."""
    if " " in fact.speaker or not fact.speaker_text or fact.speaker_text.casefold() in ("he", "she"):
        return fact.speaker
    return fact.speaker_text


def known_speaker(registry, index, speaker: str, near: bool = False) -> bool:
    """The sources know this speaker: a person of the registry or a speaker of its quotes;
    with `near`, also a near spelling of a known person's surname."""
    if registry.people and registry.person_by_name(speaker) is not None:
        return True
    if index.has_speaker(speaker):
        return True
    if not near:
        return False
    # The registry's distinct surnames, gathered once per registry for the name checks.
    hit = process.extractOne(speaker.split()[-1].casefold(), known_names(registry).surnames,
                             scorer=fuzz.ratio, score_cutoff=NEAR_SURNAME_SCORE)
    if hit is None:
        return False
    words = speaker.split()
    if len(words) < 2 or not registry.people:
        return True
    # A full name whose given name is no near one of the people with that surname is someone
    # else ("Tom Varda" is not the sources' Ann Vardy).
    given = words[0].casefold()
    bearers = [p for p in registry.people if (p.surname or "").casefold() == hit[0]]
    return not bearers or any(fuzz.ratio(given, p.canonical.split()[0].casefold()) >= NEAR_SURNAME_SCORE
                              for p in bearers)


def _unknown_speaker(context: CheckContext, index, item: Attribution) -> bool:
    """The quotation is given to someone the sources never mention: by name, or by a pronoun
    after such a person is named earlier in its paragraph ("X, who owns a
    bakery, said ... "We learned," she said")."""
    registry = context.registry
    if item.speaker:
        speaker = item.speaker
        if " " not in speaker:  # a surname: the full name the draft gave it earlier, if any
            fuller = [m for m in draft_names(context).mentions if m.kind == "person" and len(m.words) > 1
                      and m.start < item.quote.start and m.words[-1] == speaker]
            if fuller:
                speaker = " ".join(fuller[-1].words)
        if not known_speaker(registry, index, speaker, near=True):
            return True
    elif item.speaker_text and item.how == "before":
        # Words a description speaks ("the audit calls the depot "…"") in what a person the
        # sources never mention said ("X, a former inspector, said the audit …"): that
        # person's characterisation, from the reporter's own interview.
        sentence = context.document.sentence_at(item.quote.start)
        people = [m for m in draft_names(context).mentions if m.kind == "person" and m.evidence
                  and sentence is not None and sentence.start <= m.start < item.quote.start]
        return bool(people) and not any(known_speaker(registry, index, " ".join(m.words), near=True) for m in people)
    if not item.how.startswith("pronoun") or item.block is None:
        return False
    names = draft_names(context)
    # The paragraph's people before the quotation, else the previous paragraph's ("X, a
    # technician, said in an interview that …" then '"…," he said.').
    blocks = context.document.blocks
    here = blocks[item.block].start
    earlier = blocks[item.block - 1].start if item.block > 0 else here
    # A surname alone counts when the draft introduced its person ("Ann Roe, 29, a clerk" ...
    # "For Roe, the choice is simple. '…,' she said").
    introduced = {m.words[-1] for m in names.mentions if m.kind == "person" and m.evidence and len(m.words) > 1}
    # (A full name with a description after it is someone too, "Ann Roe, a 41-year-old
    # baker who said she lost about $3,500 in the fire, …", where the amount's comma cuts the
    # description short for the name finder.)
    text = context.document.text
    people = [m for m in names.mentions if m.kind == "person" and earlier <= m.start < item.quote.start
              and (m.evidence or len(m.words) == 1 and m.words[0] in introduced
                   or len(m.words) > 1 and DESCRIBED_AFTER_NAME.match(text, m.end) is not None)]
    wanted = speech_lexicon().pronouns.get(item.speaker_text.casefold(), "") if item.how.startswith("pronoun") else ""
    if wanted:  # (someone the sources call by the other pronoun is not the pronoun's person:
        # "… waited to speak with Tom Poe. '…,' she said", where the sources call Poe "he")
        people = [m for m in people if _gender(names, m) in (wanted, "unknown")]
    # (Someone named after a preposition is no one the paragraph's pronoun speaks for: "Ann
    # Roe, who wrote a tribute to Tom Poe last year, said … '…,' she said" is Roe's.)
    people = [m for m in people if not after_preposition(text, m.start)]
    in_paragraph = [m for m in people if m.start >= here]
    anonymity = speech_lexicon().anonymity
    if not in_paragraph and anonymity is not None and anonymity.search(context.document.prose, here, item.quote.start):
        return True  # "A nurse, who asked not to be named, said …. '"…," he said': the reporter's own source
    before = in_paragraph or people
    if item.speaker:
        # A pronoun given to a known person further back, while the last person named before
        # the quotation is one the sources never mention ("Ann Roe, who runs a support group,
        # watched from the gallery. '…,' she said"): the reporter's own interview.
        if not in_paragraph or len(in_paragraph[-1].words) < 2:
            return False
        before = in_paragraph
    return bool(before) and names.resolve(before[-1]) is None \
        and not known_speaker(registry, index, " ".join(before[-1].words), near=True)


def _gender(names, mention) -> str:
    """How the sources refer to the person a draft's mention resolves to ("unknown" if none)."""
    found = names.resolve(mention)
    return found.entity.gender if found is not None else "unknown"


def quotation_speakers(context: CheckContext, min_words: int = 4) -> dict[int, Entity]:
    """Where the draft credits a quotation to a pronoun ('"…," she said'): the pronoun's offset
    and the one known person the sources give the words to."""
    registry = context.registry
    index = index_for(registry)
    found: dict[int, Entity] = {}
    for item in _attributions(context):
        if not item.how.startswith("pronoun") or item.speaker_start < 0:
            continue
        segments = _segments(context, item)
        if sum(len(s) for s in segments) < min_words:
            continue
        _, speakers = index.speaking(segments, min_words)
        person = _sole_person(registry, speakers)
        if person is not None:
            found[item.speaker_start] = person
    return found


def _sole_person(registry: Registry, speakers: frozenset[str]) -> Entity | None:
    """The one known person these speakers' names name, if one: kept per set, as a quotation
    that sources repeat has the same many speakers for every draft that quotes it."""
    sole = _tables(registry).sole
    if speakers not in sole:
        if len(sole) >= 4096:
            sole.clear()
        people = {id(p): p for p in map(registry.person_by_name, speakers) if p is not None}
        sole[speakers] = next(iter(people.values())) if len(people) == 1 else None
    return sole[speakers]


# How close (0-100) a speaker's surname must be to a known person's to count as that person.
NEAR_SURNAME_SCORE = 80


def _short(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


class QuotesRule(Rule):
    """Every quotation of `min_words` or more words must be in the sources: verbatim (fine),
    close (a misquote, at the rule's level) or absent (at `absent_level`)."""

    extends: ClassVar[str] = "quotes"
    category: ClassVar[str] = "quote"
    needs_registry: ClassVar[bool] = True
    keys: ClassVar[frozenset[str]] = frozenset({
        "min_words", "similarity", "absent_level", "absent_message", "misquote_message",
        "partial_message", "skip_titles", "unknown_speaker_level"})

    def compile(self, data: dict[str, Any]) -> None:
        self.min_words = int(_number(data, "min_words", 4, 1, 100))
        self.similarity = _number(data, "similarity", 0.7, 0.0, 1.0)
        self.absent_level = _level(data, "absent_level", "warning")
        self.unknown_speaker_level = _level(data, "unknown_speaker_level", self.absent_level)
        self.skip_titles = bool(data.get("skip_titles", True))
        self.misquote_message = str(data.get("misquote_message") or self.message
                                    or "Misquote: %s has \u201c%s\u201d")
        self.absent_message = str(data.get("absent_message") or "Quotation not found in the sources")
        self.partial_message = str(data.get("partial_message")
                                   or "Quotation only partly found in the sources, which have %s")

    def check(self, context: CheckContext) -> Iterator[Finding]:
        registry = context.registry
        if registry is None:
            return
        index = index_for(registry)
        attributed = None  # the paragraph's last quotation with an attribution of its own
        for item in _attributions(context):
            if item.speaker or item.speaker_text:
                attributed = item
            elif attributed is not None and attributed.block != item.block:
                attributed = None
            segments = _segments(context, item)
            if sum(len(s) for s in segments) < self.min_words:
                continue
            if self.skip_titles and _title_case(item.text):
                continue  # a composition title ("the report "A Path Forward for the City"")
            match = index.lookup(segments, self.similarity)
            start, end = _words_span(context, item)
            if match is not None and match.exact:
                continue
            if match is None:
                # A named speaker the sources never mention is the reporter's own interview:
                # the sources can neither confirm nor contradict the words.
                # (also when "she said" points back to such a person).
                # A quotation with no attribution of its own is that of the paragraph's last
                # attributed one ('"…," he said in an interview. "Past that, nobody knows."').
                owner = item if item.speaker or item.speaker_text else attributed
                stranger = owner is not None and _unknown_speaker(context, index, owner)
                level = self.unknown_speaker_level if stranger else self.absent_level
                if level == "off":
                    continue
                parts = index.parts_in(segments, self.min_words)
                if parts:  # the sources confirm some of it: say which words, and where
                    where = "; ".join(f"\u201c{f.text.strip(' ,.;:')}\u201d ({_short(f.provenance.source)} line {f.provenance.line})"
                                      for f in parts[:2])
                    message = format_message(self.partial_message, (where,))
                    evidence = [Evidence(f.provenance.source, f.provenance.line, f.provenance.text) for f in parts[:2]]
                    yield self.finding(start, end, message=message, severity=level, evidence=evidence)
                else:
                    yield self.finding(start, end, message=self.absent_message, severity=level)
                continue
            where = f"{_short(match.provenance.source)} line {match.provenance.line}"
            message = format_message(self.misquote_message, (where, match.wording))
            simple = len(item.quote.parts) == 1 and len(segments) == 1
            yield self.finding(
                start, end, message=message,
                fix=Fix(match.wording, safe=False) if simple else None,
                evidence=[Evidence(match.provenance.source, match.provenance.line, match.provenance.text)])


SENTENCE_END = regexcache.compile(r"(?<=[.!?])[\s\"”’']+(?=\S)")


def _whole_sentence(source_quote: str, words: list[str]) -> bool:
    """The words are one whole sentence of a source's quotation ("We lost." of
    "We lost. We played badly all night.")."""
    return any(quote_words(sentence) == words for sentence in SENTENCE_END.split(source_quote))


class AttributionRule(Rule):
    """A quotation named as said by one person that the sources give to another. Abstains when
    the draft's speaker is a pronoun, a description or unknown to the sources, and when no
    source names a speaker for the words. A quotation shorter than `min_words` is checked
    when it is a whole sentence of a source's quotation and has `min_sentence_words`."""

    extends: ClassVar[str] = "attribution"
    category: ClassVar[str] = "attribution"
    needs_registry: ClassVar[bool] = True
    keys: ClassVar[frozenset[str]] = frozenset({"min_words", "similarity", "min_sentence_words"})

    def compile(self, data: dict[str, Any]) -> None:
        self.min_words = int(_number(data, "min_words", 4, 1, 100))
        self.min_sentence_words = int(_number(data, "min_sentence_words", self.min_words, 1, 100))
        self.similarity = _number(data, "similarity", 0.8, 0.0, 1.0)
        if not self.message:
            self.message = "The sources give these words to %s, not %s"

    def check(self, context: CheckContext) -> Iterator[Finding]:
        registry = context.registry
        if registry is None:
            return
        index = index_for(registry)
        # A speaker's quotation split in two ('"…," said X. "…"') is one misattribution.
        reported: set[tuple] = set()
        for item in _attributions(context):
            if not item.speaker or item.how not in ("after", "before", "according", "subject", "continuation", "pronoun-sure"):
                continue
            speaker = item.speaker if known_speaker(registry, index, item.speaker) else _slip_of(context, item)
            if speaker is None:
                continue  # a name the sources do not know: the draft's own interview, or no one
            segments = _segments(context, item)
            size = sum(len(s) for s in segments)
            if size < self.min_words:
                if size < self.min_sentence_words or len(segments) != 1:
                    continue
                # A short quotation: only when it is a whole sentence the sources give someone.
                facts = [f for f in index.speakers_of(segments, size) if f.speaker and _whole_sentence(f.text, segments[0])]
                speakers = {f.speaker for f in facts}
            else:
                facts, speakers = index.speaking(segments, self.min_words)
                if not facts:
                    facts = [f for f in self._near(index, registry, segments) if f.speaker]
                    speakers = {f.speaker for f in facts}
            if facts:
                relayed_out = _not_relayed(index, facts, segments)
                if relayed_out is not facts:
                    facts, speakers = relayed_out, {f.speaker for f in relayed_out}
            # (each speaker once: sources that repeat a quotation give thousands of facts)
            if not facts or _any_same(registry, speaker, speakers) or _speaks_for(registry, speaker, speakers):
                continue
            if item.how == "pronoun-sure" and _pronoun_slip(context, registry, item, speakers):
                continue
            facts = list({(f.provenance.source, f.provenance.line): f for f in facts}.values())
            key = (item.block, item.speaker, tuple(sorted((f.provenance.source, f.provenance.line) for f in facts)))
            if key in reported:
                continue
            reported.add(key)
            others = sorted({_display(f) for f in facts})
            start, end = _attribution_span(context, item)
            where = "; ".join(f"{_short(f.provenance.source)} line {f.provenance.line}" for f in facts[:3])
            who = item.speaker_text or item.speaker
            if item.how.startswith("pronoun"):  # the person the pronoun stands for, not "he"
                who = f"{item.speaker} (\u201c{item.speaker_text}\u201d)"
            yield self.finding(
                start, end, " or ".join(others), who,
                message=format_message(self.message, (" or ".join(others), who)) + f" ({where})",
                evidence=[Evidence(f.provenance.source, f.provenance.line, f.provenance.text) for f in facts[:3]])

    def _near(self, index, registry, segments: list[list[str]]) -> list:
        """The source quotes that hold a close wording of the quotation (misquoted and
        misattributed at once)."""
        match = index.lookup(segments, self.similarity)
        if match is None or match.exact:
            return []
        wording = quote_words(match.wording)
        return [f for f in index.quotes_at(match.provenance.source, match.provenance.line)
                if contains_segments(quote_words(f.text), [wording])]


def _people_named(registry, name: str) -> list[Entity]:
    """The known people a speaker's name may stand for: the one person it names, or, for one
    word, every person with that given name or surname (a notebook's "Ann:" tag, a draft's
    bare "Roe" where the sources know two Roes)."""
    person = registry.person_by_name(name)
    if person is not None:
        return [person]
    words = name.split()
    if len(words) != 1:
        return []
    return _tables(registry).by_word.get(words[0].casefold(), [])


# The known people by their first word and by surname (casefolded), per registry: a speaker's
# one-word name is looked up, not compared with every person (10,000 people, thousands of
# speakers a draft). Kept with the registry, so its id is not reused while the table is.
@dataclass
class _SpeakerTables:
    registry: Registry
    entities: int  # the registry's count when the tables were made
    by_word: dict[str, list[Entity]]
    ids: dict[str, frozenset[int]] = field(default_factory=dict)  # _ids_named's, by name
    groups: dict[frozenset[str], tuple[frozenset[str], frozenset[int]]] = field(default_factory=dict)  # _group's
    sole: dict[frozenset[str], Entity | None] = field(default_factory=dict)  # _sole_person's


_TABLES: dict[int, _SpeakerTables] = {}


def _tables(registry: Registry) -> _SpeakerTables:
    held = _TABLES.get(id(registry))
    if held is None or held.registry is not registry or held.entities != len(registry.entities):
        table: dict[str, list[Entity]] = {}
        for person in registry.people:
            first = person.canonical.split()[0].casefold()
            table.setdefault(first, []).append(person)
            surname = (person.surname or "").casefold()
            if surname and surname != first:
                table.setdefault(surname, []).append(person)
        if len(_TABLES) > 8:
            _TABLES.clear()
        held = _TABLES[id(registry)] = _SpeakerTables(registry, len(registry.entities), table)
    return held


def _any_same(registry, speaker: str, others) -> bool:
    """The draft's speaker and one of the sources' may be one person: the same name or surname
    (speakers.same_person), or one known person, as when a source tags its speaker by given
    name alone ("Ann: '…'") for the draft's Ann Roe, or for its bare "Roe"."""
    if not speaker:
        return False
    surnames, ids = _group(registry, frozenset(others))
    mine = _ids_named(registry, speaker)
    return speaker.casefold().split()[-1] in surnames or bool(mine) and not mine.isdisjoint(ids)


def _speaks_for(registry, speaker: str, others) -> bool:
    """The draft's speaker holds a post, in the sources, at the organisation they give the words
    to: a company's statement quoted by its spokeswoman is the company's words either way."""
    person = registry.person_by_name(speaker)
    if person is None:
        return False
    employers = {t.affiliation.casefold() for t in person.titles if t.affiliation}
    return bool(employers) and any(other.casefold() in employers for other in others if other)


def _group(registry, speakers: frozenset[str]) -> tuple[frozenset[str], frozenset[int]]:
    """The surnames (last words, casefolded) of these speakers, and the ids of the people they
    may be: kept per set, as a quotation that sources repeat has the same many speakers for
    every draft that quotes it."""
    groups = _tables(registry).groups
    group = groups.get(speakers)
    if group is None:
        if len(groups) >= 4096:
            groups.clear()
        named = [name for name in speakers if name]
        group = groups[speakers] = (frozenset(name.casefold().split()[-1] for name in named),
                                    frozenset().union(*(_ids_named(registry, name) for name in named)))
    return group


def _ids_named(registry, name: str) -> frozenset[int]:
    """The ids of _people_named, kept per registry and name (a repeated quotation has many
    speakers, each asked about for every draft that quotes it)."""
    memo = _tables(registry).ids
    ids = memo.get(name)
    if ids is None:
        ids = memo[name] = frozenset(id(person) for person in _people_named(registry, name))
    return ids


def _not_relayed(index, facts, segments: list[list[str]]):
    """The facts that are their speaker's own words: not a passage that holds the words in
    quotation marks of its own, which the source's line gives to someone else ("The foreman
    stated that crews had been "skipping the second check"" in an auditor's report is the
    foreman's words, known or not, not the report author's). `facts` itself when none is."""
    inner_of = index.inner_quotes()
    if not inner_of:
        return facts
    kept = [fact for fact in facts
            if not any(contains_segments(quote_words(other.text), segments) for other in inner_of.get(id(fact), ()))]
    return facts if len(kept) == len(facts) else kept


# Resolutions that name a known person by a misspelling of their name.
NEAR_FORMS = frozenset({NEAR_SURNAME, NEAR_BOTH, WRONG_VARIANT})


def _slip_of(context: CheckContext, item: Attribution) -> str | None:
    """The known person whose name the draft misspells as the speaker's ("Ray Kestrelmann" for
    Ray Kestrelman, as the name check resolves it): the words may still be someone else's."""
    names = draft_names(context)
    for mention in names.mentions:
        if mention.kind == "person" and mention.start <= item.speaker_start < mention.end:
            resolution = names.resolve(mention)
            if resolution is not None and resolution.how in NEAR_FORMS:
                return resolution.entity.canonical
            return None
    return None


def _pronoun_slip(context: CheckContext, registry, item: Attribution, speakers: set[str]) -> bool:
    """'"…," he said' where the sources' speaker is named just before, or is no person they
    know by name: the pronoun may be the slip (the pronoun check's business), not the speaker."""
    people = [registry.person_by_name(speaker) for speaker in speakers]
    if any(person is None for person in people):
        return True
    blocks = context.document.blocks
    start = blocks[max(0, item.block - 1)].start if item.block is not None else 0
    names = draft_names(context)
    for mention in names.mentions:
        if start <= mention.start < item.quote.start and mention.kind == "person":
            resolution = names.resolve(mention)
            if resolution is not None and any(resolution.entity is person for person in people):
                return True
    return False


def _attribution_span(context: CheckContext, item: Attribution) -> tuple[int, int]:
    """The speaker ('"…," X said'); from the speaker to the end of the quotation when the speaker
    comes first in the sentence ('X described it as "…"'), since the words between may be long;
    the quoted words when no speaker is written."""
    if item.speaker_start < 0:
        return _words_span(context, item)
    if item.how.startswith("pronoun"):
        # '"…," he said': the pronoun alone is no place to point at; the words and the pronoun.
        start, end = _words_span(context, item)
        return min(start, item.speaker_start), max(end, item.speaker_end)
    sentence = context.document.sentence_at(item.speaker_start)
    if sentence is not None and item.speaker_end <= item.quote.start and item.quote.end <= sentence.end:
        return item.speaker_start, item.quote.end
    return item.speaker_start, item.speaker_end


RULE_KINDS = {"quotes": QuotesRule, "attribution": AttributionRule}
