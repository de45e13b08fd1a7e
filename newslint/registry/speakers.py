"""Who says a direct quotation. One module used by quote extraction (sources) and by the
attribution check (drafts), so both read attribution the same way.

Forms handled: `"…," X said` / `"…," said X`; `X said, "…"` and partial quotes inside a
sentence (`X said criminal groups continue to "threaten …"`); `according to X`; a pronoun
speaker (`"…," she added`) resolved to the most recent compatible person in its paragraph or
the one before, unless someone the sources do not know is named nearer; a quote with no
attribution that continues the previous (or, in the same paragraph, the next) speaker; quotes
split around the attribution (each part finds the same speaker).

A speaker is resolved to a canonical person through the registry when it knows the name; when
the registry has no people yet, the name as written stands in (compare with `same_person`).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import ChainMap
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import regex

from newslint import regexcache
from newslint.datafiles import data_file
from newslint.document.model import Document, Quote
from newslint.registry.mentions import DESCRIPTION_CHAR
from newslint.registry.model import Registry
from newslint.registry.wording import WordTable

TOKEN = regexcache.compile(r"\(?[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’\-&]*\)?|[,;:.!?—–]")
BOUNDARY = frozenset(",;:.!?—–")
NAME_PARTICLES = frozenset({"de", "del", "la", "van", "von", "der", "da", "di", "bin", "al", "le", "du", "dos"})
NAME_RUN = regexcache.compile(r"\b(\p{Lu}[\p{L}\-'’]+)(?:\s+(?:\p{Lu}[\p{L}\-'’]+|\p{Lu}\.))*\s+(\p{Lu}\p{Ll}[\p{L}\-]+)\b")
FUNCTION_WORDS = frozenset({"by", "of", "on", "in", "at", "to", "for", "with", "from", "and", "or", "but",
                            "that", "which", "who", "as", "than", "is", "was", "were", "are", "be"})
CUT_WORDS = frozenset({"who", "which", "that", "whose", "in", "on", "at", "during", "while", "when",
                       "after", "before", "to", "for", "with", "about", "adding", "and"})


@dataclass(eq=False, repr=False)  # never changed after it is made: not frozen, which compiles __setattr__ and __delattr__ at import
class Lexicon:
    """The verbs of saying, pronouns and other words the speaker search uses."""

    verbs: frozenset[str]
    according: tuple[str, ...]
    pronouns: dict[str, str]
    determiners: frozenset[str]
    gendered: dict[str, str]
    lookback: int
    anonymity: regex.Pattern | None = None  # "asked not to be named": an unnamed source
    labels: frozenset[str] = frozenset()  # "Quote:", "Q:": a field label, not a speaker's name
    notes_header_words: frozenset[str] = frozenset()  # "-- Phone, Ann Roe:": words before the name


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = data_file("speech.yaml")
    verbs: set[str] = set()
    for entry in data["verbs"]:
        if isinstance(entry, list):
            verbs.update(str(v) for v in entry)
        else:
            verbs.update(_inflections(str(entry)))
    gendered = {str(w): gender for gender, ws in data["gendered"].items() for w in ws}
    anonymity = [str(p) for p in data.get("anonymity") or []]
    return Lexicon(frozenset(verbs), tuple(data["according"]), WordTable(data["pronouns"]),  # see WordTable
                   frozenset(data["determiners"]), gendered, int(data.get("lookback_sentences", 6)),
                   regexcache.compile(rf"\b(?:{'|'.join(anonymity)})\b", regex.IGNORECASE) if anonymity else None,
                   frozenset(str(w) for w in data.get("labels") or []),
                   frozenset(str(w) for w in data.get("notes_header_words") or []))


def _inflections(base: str) -> set[str]:
    """Regular verb forms: state → states, stated, stating; ask → asks, asked, asking."""
    if base.endswith("e"):
        return {base, base + "s", base + "d", base[:-1] + "ing"}
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    return {base, base + "s", base + "ed", base + "ing"}


class Token(NamedTuple):
    start: int
    end: int
    text: str
    bare: str  # no brackets, no final stop, casefolded
    capitalised: bool


def _token(match: regex.Match) -> Token:
    text = match.group()
    return Token(match.start(), match.end(), text, text.strip("()").rstrip(".").casefold(),
                 text.lstrip("(")[:1].isupper())


@dataclass(repr=False)
class Attribution:
    """A quotation and who says it. `speaker` is canonical (or the name as written when the
    registry does not know it), "" when unknown or not certain."""

    quote: Quote
    text: str  # the quoted words, parts joined by a space
    speaker: str = ""
    speaker_text: str = ""  # as written: "Ibekwe", "a council spokesperson", "she"
    speaker_start: int = -1
    speaker_end: int = -1
    how: str = ""  # after | before | according | subject | pronoun | continuation | ""
    block: int | None = None
    description: bool = False  # the speaker is a description, not a name

    @property
    def named(self) -> bool:
        """Named explicitly next to the quote (not a pronoun, continuation or description)."""
        return bool(self.speaker) and self.how in ("after", "before", "according", "subject")


@dataclass(eq=False, repr=False)  # never changed after it is made: not frozen, which compiles __setattr__ and __delattr__ at import
class KnownPeople:
    """What the attribution of every draft needs from the registry's people, gathered once:
    surname -> person (right forms first, then misspellings), the sources' genders, and
    surnames that several people share."""

    surnames: dict[str, str]
    genders: dict[str, str]
    ambiguous: frozenset[str]

    @classmethod
    def of(cls, registry: Registry) -> KnownPeople:
        people = registry.people
        surnames: dict[str, str] = {}
        genders: dict[str, str] = {}
        for person in people:
            for form in person.right_forms():
                surnames.setdefault(form.split()[-1].casefold(), person.canonical)
        for person in people:  # a misspelling still names the person
            for variant in person.wrong_variants():
                surnames.setdefault(variant.form.split()[-1].casefold(), person.canonical)
            if person.gender in ("female", "male"):
                genders[person.canonical] = person.gender
        return cls(surnames, genders, frozenset(_ambiguous_surnames(registry)))


_PEOPLE: dict[int, tuple[Registry, KnownPeople]] = {}


def known_people(registry: Registry) -> KnownPeople:
    """The people tables of a finished registry, built once (the registry is kept alive with
    them). A registry still being built (quote extraction) is read afresh by `attribute`."""
    held = _PEOPLE.get(id(registry))
    if held is None or held[0] is not registry:
        if len(_PEOPLE) > 8:
            _PEOPLE.clear()
        held = (registry, KnownPeople.of(registry))
        _PEOPLE[id(registry)] = held
    return held[1]


@dataclass(eq=False, repr=False)
class _Mention:
    """A person named in a document: where, and by which key."""

    start: int
    key: str  # canonical or name as written


@dataclass(eq=False, repr=False)
class _State:
    """The speaker search's state for one document."""

    document: Document
    registry: Registry | None
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[_Mention] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    speakers: set[str] = field(default_factory=set)  # attributed speakers of this document
    attributions: list[Attribution] = field(default_factory=list)
    people: KnownPeople | None = None
    _tokenised: _Tokenised | None = field(default=None, repr=False)
    headers: list | None = field(default=None, repr=False)  # _SECTION_HEADER's, found on first use
    header_starts: list[int] = field(default_factory=list, repr=False)  # where each of them starts

    def __post_init__(self) -> None:
        # The quotations attributed (a stray unclosed mark does not hide the text after it).
        self.mask = bytearray(len(self.document.text))
        for quote in self.quotes:
            self.mask[quote.start:quote.end] = b"\x01" * (quote.end - quote.start)

    def quoted(self, start: int, end: int) -> bool:
        return self.mask.find(1, start, end) >= 0

    @property
    def tokenised(self) -> _Tokenised:
        if self._tokenised is None:
            self._tokenised = _Tokenised(self.document.prose, self.quotes)
        return self._tokenised


class _Tokenised:
    """The prose tokenised once per document: every token match, which of them overlap a
    quotation, and Token objects made only for the tokens someone reads."""

    def __init__(self, prose: str, quotes: list[Quote]) -> None:
        self.matches = list(TOKEN.finditer(prose))
        self.starts = [m.start() for m in self.matches]
        self.quoted: set[int] = set()
        for quote in quotes:
            if quote.end <= quote.start:
                continue
            first, stop = bisect_left(self.starts, quote.start), bisect_left(self.starts, quote.end)
            if first > 0 and self.matches[first - 1].end() > quote.start:
                first -= 1  # a token running into the quotation
            self.quoted.update(range(first, stop))
        self._made: dict[int, Token] = {}

    def token(self, index: int) -> Token:
        made = self._made.get(index)
        if made is None:
            made = self._made[index] = _token(self.matches[index])
        return made

    def unquoted(self, first: int = 0, stop: int | None = None) -> list[int]:
        """Indexes of the tokens first..stop-1 that are outside quotations."""
        quoted = self.quoted
        return [i for i in range(first, len(self.matches) if stop is None else stop) if i not in quoted]

    def between(self, start: int, end: int) -> tuple[int, int] | None:
        """The token indexes [first, stop) that a scan of prose[start:end] would find, or None
        when a token straddles `start` or `end` (the scan would cut it). The token pattern looks
        neither behind nor ahead, so a scan from `start` falls in step with the document's at
        its first token."""
        matches, starts = self.matches, self.starts
        first, stop = bisect_left(starts, start), bisect_left(starts, end)
        if (first > 0 and matches[first - 1].end() > start) or (stop > first and matches[stop - 1].end() > end):
            return None
        return first, stop


# -- public --------------------------------------------------------------------------------
def quotations(document: Document) -> list[Quote]:
    """The top-level quotations to attribute. An unclosed quotation that holds nested ones is a
    stray mark: its nested quotations stand in for it."""
    chosen: list[Quote] = []
    for quote in document.quotes:
        if quote.depth != 0:
            continue
        if not quote.closed:
            nested = [q for q in document.quotes if q.depth == 1 and quote.start < q.start < quote.end]
            if nested:
                chosen.extend(nested)
                continue
        chosen.append(quote)
    return sorted(chosen, key=lambda q: q.start)


def quote_text(document: Document, quote: Quote) -> str:
    return " ".join(document.text[a:b].strip() for a, b in quote.parts).strip()


def attribute(document: Document, registry: Registry | None = None,
              people: KnownPeople | None = None, source: bool = False) -> list[Attribution]:
    """Every quotation of `document` with its speaker. `people` is `known_people(registry)`
    when the registry is finished (checking drafts); without it they are read from the
    registry as it stands. `source`: the document is a source (a reporter's notes, whose
    sections' headers name whom the quotations under them are from)."""
    quotes = quotations(document)
    state = _State(document, registry, quotes, people=people)
    found = [_explicit(state, quote) for quote in quotes]
    _confirm_subjects(document, registry, found)
    state.attributions = found
    _collect_mentions(state, found)
    for item in found:
        if item.how == "pronoun-pending":
            _resolve_pronoun(state, item)
        elif not item.how:
            _introduced(state, item)
        elif item.description and not item.speaker:
            _described_holder(state, item)
    if source:
        for item in found:
            if not item.how and not item.speaker:
                _under_section_header(state, item, any_quotation=True)
    _continuations(document, found)
    return found


def _described_holder(state: _State, item: Attribution) -> None:
    """'"…," the mayor said' where the sources give that office to several people (a city's
    mayor and a visiting one): the one of them the draft names in this paragraph or the one
    before is meant, when it names no other."""
    registry, doc = state.registry, state.document
    words = item.speaker_text.casefold().split()
    if registry is None or len(words) < 2 or words[0] != "the" or item.block is None:
        return
    from newslint.registry.lexicon import lexicon as people_lexicon
    from newslint.registry.references import _role_words

    lex = people_lexicon()
    holders = {p.canonical for p in registry.people
               if any(t.status == "current" and words[-1] in _role_words(t, lex) for t in p.titles)}
    if len(holders) < 2:
        return
    start = doc.blocks[max(0, item.block - 1)].start
    named = {m.key for m in state.mentions if start <= m.start < item.quote.start and m.key in holders}
    if len(named) == 1:
        item.speaker = named.pop()


def _introduced(state: _State, item: Attribution) -> None:
    """A quotation that opens its paragraph or block quote right after a sentence ending in a
    colon that names one person ("Ann Roe said:", "The report quotes Roe's letter to
    members:") is that person's."""
    doc = state.document
    if item.block is None:
        return
    block = doc.blocks[item.block]
    lead = doc.text[block.start:item.quote.start]
    if lead.strip(" \t>*_-"):
        if lead.rstrip().endswith(":"):
            _introduced_in_sentence(state, item)
        return
    if item.block == 0:
        return
    previous = doc.blocks[item.block - 1]
    # (Or a heading that names the speaker: "## The county's position (from the response of
    # its attorney, Ann Roe)" over a paragraph that is the quotation.)
    if not doc.text[previous.start:previous.end].rstrip().endswith(":") and not previous.kind.startswith("heading"):
        return
    sentence = doc.sentence_at(max(previous.start, previous.end - 1))
    start = sentence.start if sentence is not None else previous.start
    named = [m for m in state.mentions if start <= m.start < previous.end]
    if len({m.key for m in named}) != 1 or named[0].key.startswith("?"):
        return
    _give_to(doc, item, named[0])


def _introduced_in_sentence(state: _State, item: Attribution) -> None:
    """"At the meeting, Roe put it plainly: "…"": a colon right before
    the quotation, in a sentence that names one person (and no other) before it."""
    doc = state.document
    sentence = doc.sentence_at(item.quote.start)
    if sentence is None:
        return
    named = [m for m in state.mentions if sentence.start <= m.start < item.quote.start
             and _NOT_SPEAKER_BEFORE.search(doc.text, sentence.start, m.start) is None]
    if len({m.key for m in named}) > 1:
        # "Asked by Roe whether …, Doe was blunt: "…"": the clause that ends in the colon names
        # its speaker.
        clause = max(doc.text.rfind(mark, sentence.start, item.quote.start) for mark in (", ", "; ", " — ", " – "))
        named = [m for m in named if m.start > clause]
    if len({m.key for m in named}) != 1 or named[0].key.startswith("?"):
        return
    _give_to(doc, item, named[0])


# Words that make a name what the words are about ('On Roe: "…"' in notes), not who said them.
TOPIC_WORDS = frozenset({"on", "about", "regarding", "concerning", "re"})
# ... or whom they answer ('Response to Roe: "…"' under the entry of the one who answered).
_ANSWER_WORDS = frozenset({"response", "reply", "responding", "replying", "answer", "answering", "rebuttal"})
# ... or the one who passed them on ('Ann Poe, in Greek, via Roe interpreting: "…"').
_NOT_SPEAKER_BEFORE = regexcache.compile(r"(?i)\b(?:" + "|".join(sorted(TOPIC_WORDS | {"via", "through"}))
                                         + r"|(?:" + "|".join(sorted(_ANSWER_WORDS)) + r")[ \t]+to)[ \t]+$")


def _give_to(doc: Document, item: Attribution, mention: _Mention) -> None:
    """The quotation is the words of the person `mention` names, written before it."""
    item.speaker, item.how = mention.key, "before"
    item.speaker_start = mention.start
    word = _NAME_AT.match(doc.text, mention.start)
    item.speaker_end = word.end() if word else mention.start
    item.speaker_text = doc.text[item.speaker_start:item.speaker_end]


_NAME_AT = regexcache.compile(r"[\p{L}'’\-]+")


def _confirm_subjects(document: Document, registry: Registry | None, found: list[Attribution]) -> None:
    """A sentence-initial subject taken as speaker stays only if it is a person: known to the
    registry, another quote's speaker, or (with no people known) a word capitalised mid-sentence."""
    known = {a.speaker.split()[-1].casefold() for a in found if a.speaker and a.how != "subject-pending"}
    for item in found:
        if item.how != "subject-pending":
            continue
        surname = item.speaker.split()[-1]
        if registry is not None and registry.people:
            person_like = registry.person_by_name(item.speaker) is not None or surname.casefold() in known
        else:
            person_like = surname.casefold() in known or _proper_noun(document, surname)
        if person_like or _personal_subject(document, item):
            item.how = "subject"
        else:
            item.speaker, item.speaker_start, item.speaker_end, item.speaker_text, item.how = "", -1, -1, "", ""


# A subject that only a person can be: one described by "who" ("Ann Roe, who owns a boatyard,
# said ..."), or the one the reporter interviewed ("Ann Roe said in a phone interview, '...'").
PERSONAL_AFTER = regexcache.compile(r",\s+who\b", regex.IGNORECASE)
INTERVIEWED = regexcache.compile(r"\bin\s+an?\s+(?:[\w-]+\s+){0,2}?interview\b", regex.IGNORECASE)


def _personal_subject(document: Document, item: Attribution) -> bool:
    if item.speaker_end < 0 or item.speaker_end > item.quote.start:
        return False
    return PERSONAL_AFTER.match(document.prose, item.speaker_end) is not None \
        or INTERVIEWED.search(document.prose, item.speaker_end, item.quote.start) is not None


def same_person(a: str, b: str) -> bool:
    """Two speakers are the same person: equal names, or one is the other's surname."""
    if not a or not b:
        return False
    a, b = a.casefold(), b.casefold()
    return a == b or a.split()[-1] == b.split()[-1]


def resolve_name(registry: Registry | None, text: str) -> str:
    """The canonical person for a name phrase ("Mayor Ibekwe", "Ada Ibekwe"), trying the
    longest trailing run of words first; with no such person, the surname as written."""
    words = text.replace("’", "'").split()
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    if registry is not None:
        for i in range(len(words)):
            person = registry.person_by_name(" ".join(words[i:]).strip(","))
            if person is not None:
                return person.canonical
    run = _trailing_name(words)
    return run[-1] if run else ""


# Someone reading out another's document: "I have a statement to read from Councilwoman
# Ann Roe", "reading a statement from the family of Ann Roe". READING alone marks a
# turn whose quotations are not its speaker's own words (interviews.speaker_turns).
READING = regexcache.compile(r"\bread(?:s|ing)?\s+(?:[\w'’-]+\s+){0,3}?(?:letter|statement|e-?mail|message|note|remarks|testimony)s?\b",
                             regex.IGNORECASE)
_READ_FROM = regexcache.compile(READING.pattern + r"(?:\s+[\w'’-]+){0,4}?\s+(?:from|by|of)\s+"
                                r"(?P<name>(?:(?-i:\p{Lu})[\w'’-]*(?:(?<=\b\w{1,4})\.)?\s+){0,4}(?-i:\p{Lu})[\w'’-]+)", regex.IGNORECASE)
# How far before a quotation its reading cue may be: the sentence or two that introduce it.
READ_REACH = 300


def _read_from(state: _State, item: Attribution) -> bool:
    """A quotation read out from a known person's document, in its paragraph: that person's words."""
    doc = state.document
    if state.registry is None or item.block is None:
        return False
    start = max(doc.blocks[item.block].start, item.quote.start - READ_REACH)
    found = None
    for found in _READ_FROM.finditer(doc.prose, start, item.quote.start):
        pass
    if found is None:
        return False
    # The longest known run of its words: "Councilwoman Ann Roe" -> Ann Roe; "Mayor Ann Roe.
    # Quote" (a short name's period reads like an abbreviation's) -> Ann Roe.
    words = [(m.start(), m.group().rstrip(".")) for m in _WORD_RUN.finditer(found.group("name"))]
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            run = words[first:first + size]
            person = state.registry.person_by_name(" ".join(w for _, w in run))
            if person is not None:
                item.speaker, item.how = person.canonical, "before"
                item.speaker_start = found.start("name") + run[0][0]
                item.speaker_end = found.start("name") + run[-1][0] + len(run[-1][1])
                item.speaker_text = doc.text[item.speaker_start:item.speaker_end]
                return True
    return False


_WORD_RUN = regexcache.compile(r"\S+")


# -- explicit attribution in the quote's own sentence ------------------------------------
def _explicit(state: _State, quote: Quote) -> Attribution:
    doc = state.document
    item = Attribution(quote, quote_text(doc, quote), block=doc.block_at(quote.start))
    last = doc.block_at(quote.end - 1)  # a quotation may run over several paragraphs
    limit_end = doc.blocks[last].end if last is not None else len(doc.text)
    after = _tokens(state, quote.end, _after_limit(doc, quote, limit_end))
    before_start = _sentence_start(doc, quote.start)
    before = _tokens(state, before_start, quote.start)
    sentence_tokens = _tokens(state, before_start, _after_limit(doc, quote, limit_end))
    attempts = ((_after, after, "after"), (_according, after, "according"), (_before, before, "before"),
                (_labelled, before, "before"), (_according, sentence_tokens, "according"), (_subject, before, "subject"))
    for finder, tokens, how in attempts:
        if finder is _before and _read_from(state, item):
            return item  # ('… read a letter from Ann Roe. Quote: "…"': the letter's words, not the reader's)
        phrase = finder(tokens)
        if phrase:
            _set_speaker(state, item, phrase, how)
            return item
    following = _sentence_after_question(doc, quote)
    if following is not None:
        phrase = _after(_tokens(state, quote.end, following.end))
        if phrase:
            _set_speaker(state, item, phrase, "after")
            return item
    _introduced_by_colon(state, item)
    if not item.speaker:
        _under_section_header(state, item)
    return item


# A notebook's section header ("--- Phone call, Dr. Ann Roe, editor (Nov. 18) ---", "# Ann Roe",
# "-- Phone, Ann Roe, 5:00 p.m.:", "== 5:40 p.m. — Ann Roe, by phone", "**Ann Roe, by email**")
# and a line that only labels the quotation after it ("- Quote: "…"").
_SECTION_HEADER = regexcache.compile(r"^[ \t]*(?:-{2,}|—|={2,}|#{1,6}[ \t]|\*\*)[^\n]*", regex.MULTILINE)
_QUOTE_LABEL = regexcache.compile(r"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?(?:quotes?|quoted)[ \t]*:[ \t]*$", regex.IGNORECASE)


def _under_section_header(state: _State, item: Attribution, any_quotation: bool = False) -> None:
    """A "Quote:" line in a reporter's notes (or, with `any_quotation`, any quotation nothing
    else attributes, in a source of two sections or more): the words of the one known person
    that the notes' section header names (the person interviewed); with none or several, no one."""
    doc = state.document
    if state.registry is None:
        return
    line_start = doc.text.rfind("\n", 0, item.quote.start) + 1
    if state.headers is None:
        state.headers = list(_SECTION_HEADER.finditer(doc.text))
        state.header_starts = [header.start() for header in state.headers]
    if any_quotation:
        if len(state.headers) < 2:
            return
    elif not _QUOTE_LABEL.search(doc.text, max(0, line_start - 1), item.quote.start):
        return
    # (A header's own line counts: "-- Ann Roe, by phone. She said … "…"" in notes.)
    at = bisect_right(state.header_starts, line_start) - 1
    if at < 0:
        return
    header = state.headers[at]
    people: dict[str, tuple[int, int]] = {}
    for run in NAME_RUN.finditer(header.group()):
        words = [(m.start(), m.group().rstrip(".,")) for m in _WORD_RUN.finditer(run.group())]
        for first in range(len(words)):  # (the longest known tail: "Dr. Ann Roe" -> Ann Roe)
            person = state.registry.person_by_name(" ".join(w for _, w in words[first:]))
            if person is not None:
                start = header.start() + run.start() + words[first][0]
                people.setdefault(person.canonical, (start, header.start() + run.end()))
                break
    if len(people) != 1:
        return
    (name, (start, end)), = people.items()
    if any_quotation and start - header.start() != _first_name_at(header.group()):
        return
    item.speaker, item.how = name, "before"
    item.speaker_start, item.speaker_end, item.speaker_text = start, end, doc.text[start:end]


_DATE_OR_TIME = regexcache.compile(r"(?i)(?:\d[\d:./,-]*|[ap]\.?m\.?|noon|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
                                   r"|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)")
_NOTES_MARK = regexcache.compile(r"[ \t]*(?:-{2,}|—|={2,})")


def _first_name_at(header: str) -> int:
    """Where the first word that may start a name is in a notes header of an interview: after
    a dash or equals rule and at most a date, a time, how the words were got and a title
    ("-- Phone, Dr. Ann Roe, …", "== Tue. May 5, 9:30 a.m. — Ann Roe (she/her), …"); -1
    for a heading or an event's header ("--- Press conference, 4 p.m., …" has many
    speakers, and a new section's words are a name's only when it opens on that name)."""
    from newslint.registry.lexicon import is_title_word

    mark = _NOTES_MARK.match(header)
    if mark is None:
        return -1
    lex = lexicon()
    for word in _WORD_RUN.finditer(header, mark.end()):
        text = word.group().strip(".,:;()—–-")
        bare = text.casefold()
        if not bare or not text[:1].isupper() or _DATE_OR_TIME.fullmatch(bare) \
                or bare in lex.notes_header_words or is_title_word(text) or is_title_word(text + "."):  # ("Sen.")
            continue
        return word.start() + word.group().find(text)
    return -1


def _introduced_by_colon(state: _State, item: Attribution) -> None:
    """A quotation that opens its paragraph under a paragraph ending "X, the agency's chief,
    said:" (a statement's layout): X's."""
    doc = state.document
    if item.block is None or item.block == 0 or doc.prose[doc.blocks[item.block].start:item.quote.start].strip():
        return
    previous = doc.blocks[item.block - 1]
    if previous.kind != "paragraph" or not doc.prose[previous.start:previous.end].rstrip().endswith(":"):
        return
    tokens = _tokens(state, _sentence_start(doc, previous.end - 1), previous.end)
    if not tokens or tokens[-1].text != ":" or len(tokens) < 2 or tokens[-2].bare not in lexicon().verbs:
        return
    phrase = _before(tokens) or _subject(tokens)
    if phrase:
        _set_speaker(state, item, phrase, "subject" if phrase[0].start == tokens[0].start else "before")


def _sentence_after_question(doc: Document, quote: Quote):
    """The next sentence of the paragraph when the quotation's own "?" or "!" ended its
    sentence ('"… do?" Roe said.' is split before the capitalised name)."""
    sentence = doc.sentence_at(quote.end - 1)
    if sentence is None or sentence.end > quote.end or not quote.closed \
            or not doc.text[quote.start:quote.end].rstrip("\"”'’ ").endswith(("?", "!")):
        return None
    at = quote.end
    while at < len(doc.text) and doc.text[at] in " \t":
        at += 1
    following = doc.sentence_at(at)
    return following if following is not None and following.block == sentence.block else None


def _after_limit(doc: Document, quote: Quote, block_end: int) -> int:
    """Where the text after a quotation stops: its sentence's end or the next quotation."""
    sentence = doc.sentence_at(quote.end - 1)
    end = sentence.end if sentence else block_end
    for other in doc.quotes:
        if quote.end <= other.start < end:
            end = other.start
            break
    return min(end, block_end)


def _sentence_start(doc: Document, offset: int) -> int:
    sentence = doc.sentence_at(offset) or doc.sentence_at(offset + 1)
    return sentence.start if sentence else offset


def _tokens(state: _State, start: int, end: int) -> list[Token]:
    """Tokens of prose[start:end] outside quotations: the document's own tokens in the range,
    unless one straddles its start or end (then the range is tokenised on its own)."""
    if end <= start:
        return []
    tokenised = state.tokenised
    inside = tokenised.between(start, end)
    if inside is None:
        return [t for t in map(_token, TOKEN.finditer(state.document.prose, start, end))
                if not state.quoted(t.start, t.end)]
    return [tokenised.token(i) for i in tokenised.unquoted(*inside)]


def _according(tokens: list[Token]) -> list[Token] | None:
    lex = lexicon()
    words = [t.bare for t in tokens]
    for phrase in lex.according:
        needle = phrase.split()
        for at in range(len(words) - len(needle) + 1):
            if words[at:at + len(needle)] == needle:
                return _phrase_forward(tokens[at + len(needle):])
    return None


def _after(tokens: list[Token]) -> list[Token] | None:
    """`"…," X said` or `"…," said X` right after the quotation."""
    lex = lexicon()
    start = 0
    while start < len(tokens) and tokens[start].text in BOUNDARY:
        start += 1
    window = tokens[start:start + 12]
    for index, token in enumerate(window):
        if token.text in BOUNDARY:
            return _before_appositive(tokens[start:], index)
        if token.bare in lex.verbs and not token.text[:1].isupper():  # ("State Auditor X said": no verb)
            if index == 0:  # said X
                # ('"…," noting that …': a participle goes on with the sentence's subject.)
                return None if token.bare.endswith("ing") else _phrase_forward(window[1:])
            return _clean_phrase(window[:index])
    return None


def _before_appositive(tokens: list[Token], comma: int) -> list[Token] | None:
    """`"…," X, the agency's director, said`: a name, then a description set off by commas,
    then the speech verb; an age may come first (`"…," X, 27, a welder at the plant, said`)."""
    lex = lexicon()
    name = tokens[:comma]
    if tokens[comma].text != "," or not name or not all(t.capitalised or t.bare in NAME_PARTICLES for t in name):
        return None
    aged = comma + 2 < len(tokens) and tokens[comma + 1].text.isdigit() and len(tokens[comma + 1].text) <= 3 \
        and tokens[comma + 2].text == ","
    if aged:
        comma += 2  # (the age's own comma opens the description)
    for index in range(comma + 1, min(len(tokens) - 1, comma + 14)):
        if tokens[index].text == ",":
            return name if index > comma + 1 and tokens[index + 1].bare in lex.verbs else None
        if tokens[index].text in BOUNDARY:
            return None
    return None


def _labelled(tokens: list[Token]) -> list[Token] | None:
    """`Roe: "…"` in notes and transcripts: a name and a colon right before the quotation."""
    if len(tokens) < 2 or tokens[-1].text != ":":
        return None
    end = len(tokens) - 1
    if tokens[end - 1].text.endswith(")"):
        # "ANN ROE (lawyer for the tenants, Roe & Lamb): "…"": the name before the
        # parenthesis, not the last words inside it; "THE CHAIR (Ian Roe):", the name inside.
        opening = next((i for i in range(end - 1, max(-1, end - 40), -1) if tokens[i].text.startswith("(")), -1)
        if opening < 0:
            return None
        inside = _label_name(tokens[opening:end], whole=True)
        if inside:  # (without the brackets)
            first, last = inside[0], inside[-1]
            inside[0] = first._replace(start=first.start + 1, text=first.text[1:])
            last = inside[-1]
            inside[-1] = last._replace(end=last.end - 1, text=last.text[:-1])
        return _label_name(tokens[:opening]) or inside
    return _label_name(tokens[:end])


def _label_name(tokens: list[Token], whole: bool = False) -> list[Token] | None:
    """The name that ends `tokens` (all of them, with `whole`): up to four capitalised words."""
    name: list[Token] = []
    for token in reversed(tokens):
        if token.text in BOUNDARY or len(name) == 4 or not (token.capitalised or token.bare in NAME_PARTICLES):
            break
        name.insert(0, token)
    if whole and len(name) != len(tokens):
        return None
    lex = lexicon()
    if not name or not name[0].capitalised or name[0].bare in lex.determiners:
        return None
    before = [t.bare for t in tokens[:len(tokens) - len(name)][-2:]]
    if tokens[0].bare in TOPIC_WORDS or before[-1:] and before[-1] in TOPIC_WORDS \
            or before[-1:] == ["to"] and before[0] in _ANSWER_WORDS or any(c.isdigit() for t in name for c in t.text):
        return None  # ('On Roe: "…"', 'On gate B-4: "…"', 'Reply to Roe: "…"' in notes: not the speaker)
    return None if name[-1].bare in lex.labels else name  # ("Main Street\n- Quote:": a label)


def _before(tokens: list[Token]) -> list[Token] | None:
    """`X said, "…"` and `X said the groups "threaten …"`: the subject of the last speech verb."""
    lex = lexicon()
    for index in range(len(tokens) - 1, -1, -1):
        following = tokens[index + 1].bare if index + 1 < len(tokens) else ""
        if tokens[index].bare in lex.verbs and following != "to":  # "continue to", "asked to"
            if index >= 2 and tokens[index - 1].bare == "to" and tokens[index - 2].capitalised:
                # "got Ann Roe to admit that it was "a rough year"": the one made to say it.
                subject = _phrase_backward(tokens[:index - 1])
                if subject and all(t.capitalised or t.bare in NAME_PARTICLES for t in subject):
                    return subject
            subject = _phrase_backward(tokens[:index]) or _described_subject(tokens[:index])
            if subject:
                return subject
            return None
    return None


def _described_subject(tokens: list[Token]) -> list[Token] | None:
    """`X, who runs the bakery on Elm Street, said [that …] "…"`: the name before a description set
    off by commas that ends right before the speech verb (`X, 58, said`, `X, Acme's lawyer, said`)."""
    if not tokens or tokens[-1].text != ",":
        return None
    for opening in range(len(tokens) - 2, max(-1, len(tokens) - 26), -1):
        if tokens[opening].text in BOUNDARY and tokens[opening].text != ",":
            return None
        if tokens[opening].text == ",":
            first = tokens[opening + 1].bare
            if first not in ("who", "a", "an", "the") and not first.isdigit() and not first.endswith(("'s", "’s")):
                return None  # (a description: "who …", "a …", "58", "Acme's chief legal officer")
            name = _phrase_backward(tokens[:opening])
            return name if name and all(t.capitalised or t.bare in NAME_PARTICLES for t in name) else None
    return None


def _subject(tokens: list[Token]) -> list[Token] | None:
    """A speech verb that is not next to its subject ("Ibekwe, a spokeswoman, …, by stating that
    …"): the sentence's leading name, when the sentence has a speech verb before the quote."""
    lex = lexicon()
    if not any(t.bare in lex.verbs for t in tokens):
        return None
    run = []
    for token in tokens:
        if token.capitalised or (run and token.bare in NAME_PARTICLES):
            run.append(token)
            if token.text.endswith(("'s", "’s")):
                break
            continue
        break
    if run and run[0].bare not in lex.determiners and run[0].bare not in lex.pronouns:
        return run
    if tokens and tokens[0].bare in lex.pronouns:
        return tokens[:1]
    return None


def _phrase_forward(tokens: list[Token]) -> list[Token] | None:
    """The speaker phrase after "according to" or "said": up to a boundary or clause word."""
    phrase = []
    for token in tokens[:10]:
        if token.text in BOUNDARY or (phrase and token.bare in CUT_WORDS):
            break
        phrase.append(token)
    return _clean_phrase(phrase)


def _phrase_backward(tokens: list[Token]) -> list[Token] | None:
    """The subject right before a speech verb, skipping adverbs ("also", "firmly")."""
    lex = lexicon()
    end = len(tokens)
    while end > 0 and (tokens[end - 1].bare.endswith("ly") or tokens[end - 1].bare in ("also", "later", "then", "has", "had", "have", "would", "will", "once", "again", "further")):
        end -= 1
    phrase: list[Token] = []
    index = end - 1
    while index >= 0 and len(phrase) < 8:
        token = tokens[index]
        if token.text in BOUNDARY:
            break
        if token.bare in lex.pronouns and not phrase:
            return [token]
        if token.bare in FUNCTION_WORDS and token.bare not in lex.determiners:
            break
        if not (token.capitalised or token.bare in NAME_PARTICLES or token.bare in lex.determiners
                or _descriptive(token, phrase)):
            break
        if phrase and phrase[0].capitalised and token.text[:1].islower() and token.bare not in lex.determiners \
                and not _role_word(token.bare):
            break  # "At the meeting Ann Roe told": the name, not the scene before it
        phrase.insert(0, token)
        if token.bare in lex.determiners:
            break
        index -= 1
    return _clean_phrase(phrase)


def _role_word(word: str) -> bool:
    """A role that may stand before a name ("spokeswoman Ann Roe")."""
    from newslint.registry.lexicon import lexicon as people_lexicon
    return people_lexicon().role(word) is not None


def _descriptive(token: Token, phrase: list[Token]) -> bool:
    """A lowercase word that may belong to a description ("the council spokesperson"); the
    phrase is kept only if it reaches a determiner or a name (see _clean_phrase)."""
    return token.text[:1].islower() and len(phrase) < 3 and token.bare.isalpha()


def _clean_phrase(phrase: list[Token] | None) -> list[Token] | None:
    if not phrase:
        return None
    lex = lexicon()
    # A backward phrase may have picked up lowercase words with no determiner or name: drop them.
    if not any(t.capitalised or t.bare in lex.determiners or t.bare in lex.pronouns for t in phrase):
        return None
    while phrase and phrase[0].text[:1].islower() and phrase[0].bare not in lex.determiners \
            and phrase[0].bare not in lex.pronouns:
        phrase = phrase[1:]
    return phrase or None


# Pronouns that never name a speaker by themselves (capitalised at a sentence's start, they
# read as a name).
_NO_NAME_PRONOUNS = frozenset({"they", "we", "you", "i", "it", "one"})


def _set_speaker(state: _State, item: Attribution, phrase: list[Token], how: str) -> None:
    lex = lexicon()
    doc = state.document
    item.speaker_start, item.speaker_end = phrase[0].start, phrase[-1].end
    item.speaker_text = doc.text[item.speaker_start:item.speaker_end].rstrip(",;:.")
    item.speaker_end = item.speaker_start + len(item.speaker_text)
    first = phrase[0].bare
    if len(phrase) == 1 and first in lex.pronouns:
        item.how = "pronoun-pending"
        return
    item.how = how
    if len(phrase) == 1 and first in _NO_NAME_PRONOUNS:
        return  # ('"…" They said …': a group or a they/them person the pronoun search does not follow)
    if state.registry is not None:
        entity = state.registry.find(item.speaker_text)
        if entity is not None:  # a person, or an organisation speaking as one ("the city council")
            item.speaker = entity.canonical
            return
    if first in lex.determiners or phrase[-1].text[:1].islower():
        item.description = True
        # A description names a person only when definite and the registry knows the role as
        # one person's ("the judge", "the French president"); "a spokesperson" stays unnamed.
        if first == "the" and state.registry is not None and state.registry.people:
            person = state.registry.person_by_name(item.speaker_text)
            if person is not None:
                item.speaker = person.canonical
        return
    item.speaker = resolve_name(state.registry, item.speaker_text)
    if how == "subject":
        item.how = "subject-pending"  # kept only if the name turns out to be a known person


# -- pronouns and continuations ----------------------------------------------------------
def _collect_mentions(state: _State, found: list[Attribution]) -> None:
    """Where each known person is named outside quotations, and the gender words about them."""
    doc = state.document
    keys = {a.speaker for a in found if a.speaker}
    registry = state.registry
    # The document's attributed speakers come first, then the registry's people.
    speakers: dict[str, str] = {}
    for key in keys:
        speakers[key.split()[-1].casefold()] = key
    ambiguous: frozenset[str] = frozenset()
    if registry is not None and registry.people:
        people = state.people or KnownPeople.of(registry)
        surnames: ChainMap[str, str] = ChainMap(speakers, people.surnames)
        state.genders.update(people.genders)
        ambiguous = people.ambiguous
    else:
        registry = None
        surnames = ChainMap(speakers)
        # No people known yet: every run of two or more capitalised words may be a person. They
        # only make a pronoun less certain; only an attributed speaker can be chosen.
        for match in NAME_RUN.finditer(doc.prose):
            last = match.group(2).casefold()
            if not state.quoted(match.start(), match.end()):
                speakers.setdefault(last, match.group(2))
    state.speakers = {k.casefold() for k in keys}
    lex = lexicon()
    tokenised = state.tokenised
    kept = tokenised.unquoted()  # every token outside quotations
    matches = tokenised.matches
    # The two maps of `surnames`, read directly: a ChainMap lookup is Python code, and this
    # loop asks about every capitalised word.
    first, rest = surnames.maps[0], surnames.maps[1] if len(surnames.maps) > 1 else {}
    for index, at in enumerate(kept):
        text = matches[at].group()
        if not text.lstrip("(")[:1].isupper():
            continue  # only a capitalised word names someone (checked before making a Token)
        bare = text.strip("()").rstrip(".").casefold()  # Token.bare, made only for a name
        word = bare[:-2] if bare.endswith(("'s", "’s")) else bare
        key = first.get(word) or rest.get(word)
        if key is None or word in ambiguous:
            continue
        token = tokenised.token(at)
        state.mentions.append(_Mention(token.start, key))
        if key not in state.genders:
            near = [tokenised.token(i) for i in kept[max(0, index - 3):index + 5]]
            gender = _gender_near(near, index - max(0, index - 3), lex)
            if gender:
                state.genders[key] = gender
    for item in found:  # attributed speakers are mentions too, where the attribution stands
        if item.speaker and item.speaker_start >= 0:
            state.mentions.append(_Mention(item.speaker_start, item.speaker))
    if registry is not None:
        state.mentions.extend(_unknown_speakers(state, surnames))
    state.mentions.sort(key=lambda m: m.start)


def _unknown_speakers(state: _State, surnames: ChainMap[str, str]) -> list[_Mention]:
    """People the registry does not know, named next to a speech verb ("…, X Y,
    said"; "said X Y"; "X Y, a consultant in Z, said"): a pronoun after them may be theirs, so
    it must not go to a known person further back. Keyed with a leading "?": never chosen as a
    speaker."""
    lex = lexicon()
    doc = state.document
    found = []
    for match in NAME_RUN.finditer(doc.prose):
        last = match.group(2).casefold()
        if last in surnames or state.quoted(match.start(), match.end()):
            continue
        if state.registry is not None and state.registry.find(match.group()) is not None:
            continue  # an organisation the sources know
        described = _DESCRIBED.match(doc.prose, match.end())  # "X, a consultant in Y, said"
        at = described.end() if described is not None else match.end()
        after = _WORD_AFTER.match(doc.prose[at:at + 30])
        before = _WORD_BEFORE.search(doc.prose[max(0, match.start() - 30):match.start()])
        if before and before.group(1).casefold() in _PREPOSITIONS:
            continue  # "…, who covers schools for Acme Research, said": the name ends a clause
        if (after and after.group(1).casefold() in lex.verbs) or (before and before.group(1).casefold() in lex.verbs):
            found.append(_Mention(match.start(), "?" + match.group(2)))
    return found


_PREPOSITIONS = frozenset({"for", "at", "of", "with", "from", "in", "by", "to", "on", "about"})
_WORD_AFTER = regexcache.compile(r"\s*,?\s*([\p{L}]+)")
# Searched backwards (REVERSE): its match ends at the slice's end; the same last word as a
# forward search, which would try every position of the slice first.
_WORD_BEFORE = regexcache.compile(r"([\p{L}]+)\s*,?\s*$", regex.REVERSE)


def _ambiguous_surnames(registry: Registry | None) -> set[str]:
    if registry is None:
        return set()
    seen: dict[str, set[str]] = {}
    for person in registry.people:
        if person.surname:
            seen.setdefault(person.surname.casefold(), set()).add(person.canonical)
    return {s for s, people in seen.items() if len(people) > 1}


def _gender_near(tokens: list[Token], index: int, lex: Lexicon) -> str:
    """A gendered word just before a name ("spokeswoman Ada Ibekwe", "Ms. Ibekwe") or opening
    its appositive ("Ibekwe, a spokeswoman")."""
    for token in reversed(tokens[max(0, index - 3):index]):
        if token.text in BOUNDARY:
            break
        if token.bare in lex.gendered:
            return lex.gendered[token.bare]
    after = tokens[index + 1:index + 5]
    if len(after) >= 3 and after[0].text == "," and after[1].bare in ("a", "an", "the"):
        for token in after[2:]:
            if token.bare in lex.gendered:
                return lex.gendered[token.bare]
    return ""


def _resolve_pronoun(state: _State, item: Attribution) -> None:
    """The most recent compatible person before the quote: the sentences before it, newest
    first, and within a sentence the earliest mention (the subject). A person named inside
    the quotation is being addressed or talked about, not speaking."""
    lex = lexicon()
    doc = state.document
    # The pronoun as its token reads it: a note in brackets starts "(She asked …".
    wanted = lex.pronouns[item.speaker_text.strip("()").casefold()]
    item.how = "pronoun"
    if item.block is not None and lex.anonymity is not None:
        block = doc.blocks[item.block]
        if lex.anonymity.search(doc.prose, block.start, item.quote.start) \
                and not any(block.start <= m.start < item.quote.start for m in state.mentions):
            return  # "A nurse, who asked not to be named, said …": nobody the pronoun can name
    quoted = item.text.casefold()
    here = doc.sentence_at(item.quote.start)
    sentences = [s for s in doc.sentences if s.start < item.quote.start]
    if here is not None and here in sentences:
        sentences.remove(here)
        sentences.append(here)
    # Only the quote's paragraph and the one before: a closing "…," he said does not reach
    # further back.
    if item.block is not None:
        sentences = [s for s in sentences if s.block is None or s.block >= item.block - 1]
    groups: list[list[str]] = []  # candidates per sentence, newest sentence first
    for sentence in reversed(sentences[-lex.lookback:]):
        group = []
        for mention in state.mentions:
            if sentence.start <= mention.start < min(sentence.end, item.quote.start) and mention.key not in group:
                if mention.key.split()[-1].casefold() not in quoted:
                    group.append(mention.key)
        if group:
            groups.append(group)
    candidates = [key for group in groups for key in group]
    for group in groups:
        compatible = [k for k in group if state.genders.get(k, "") in ("", wanted)]
        if not compatible:
            continue
        if compatible[0].startswith("?"):
            return  # someone the sources do not know may be speaking: not certain
        compatible = [k for k in compatible if not k.startswith("?")]
        known = [k for k in compatible if state.genders.get(k) == wanted]
        if known:  # the sources' gender agrees: certain
            item.speaker = known[0]
            if len(known) == 1 and len(compatible) == 1 and group is groups[0]:
                item.how = "pronoun-sure"  # the one person of that gender in the nearest sentence
            return
        key = compatible[0]
        # No gender known: certain only when this is the one person in view, or the speaker
        # of the quotation just before.
        distinct = {c for c in candidates if state.genders.get(c, "") in ("", wanted)}
        if (len(distinct) == 1 and (key.casefold() in state.speakers or _says(state, key, lex))) \
                or key == _previous_speaker(state, item):
            item.speaker = key
            item.how = "pronoun-sure"
        return


# After a name, its description and then the verb: "X, a professor of engineering, said".
_DESCRIBED = regexcache.compile(rf",{DESCRIPTION_CHAR}{{1,160}},\s*")


def _says(state: _State, key: str, lex: Lexicon) -> bool:
    """The person speaks in the narration: a reporting verb right after their name, or after
    their description ("X, a meteorologist, said")."""
    text = state.document.prose
    for mention in state.mentions:
        if mention.key != key:
            continue
        end = text.find(key.split()[-1], mention.start)
        if end < 0:
            continue
        end += len(key.split()[-1])
        described = _DESCRIBED.match(text, end)
        after = text[described.end() if described else end:][:20].split()
        if after and after[0].casefold().strip(".,") in lex.verbs:
            return True
    return False


def _previous_speaker(state: _State, item: Attribution) -> str:
    """The named speaker of the quotation just before this one, within two sentences: the
    `"…," X said. "…," she added` convention."""
    doc = state.document
    sentences = [s for s in doc.sentences if s.end <= item.quote.start][-2:]
    if not sentences:
        return ""
    earlier = [a for a in state.attributions if a.quote.start < item.quote.start and a.quote.end >= sentences[0].start]
    return earlier[-1].speaker if earlier and earlier[-1].named else ""


def _continuations(document: Document, found: list[Attribution]) -> None:
    """A quotation with no attribution of its own continues the previous speaker in the same
    or the previous paragraph, or takes the next speaker of its own paragraph."""
    for index, item in enumerate(found):
        if item.how or item.speaker:
            continue
        previous = found[index - 1] if index > 0 else None
        if previous is not None and previous.speaker and previous.block is not None and item.block is not None \
                and item.block - previous.block <= 1 and _opens_paragraph_or_same(document, item, previous):
            # (as sure as the quotation it continues: '"…," he said. "…"' after an uncertain "he")
            how = previous.how if previous.how in ("pronoun", "pronoun-sure") else "continuation"
            item.speaker, item.speaker_text, item.how = previous.speaker, previous.speaker_text, how
            continue
        following = found[index + 1] if index + 1 < len(found) else None
        if following is not None and following.speaker and following.block == item.block and following.how in ("after", "before"):
            item.speaker, item.speaker_text, item.how = following.speaker, following.speaker_text, "continuation"


def _opens_paragraph_or_same(document: Document, item: Attribution, previous: Attribution) -> bool:
    if item.block == previous.block:
        return True
    block = document.blocks[item.block]
    return not document.prose[block.start:item.quote.start].strip()


def _proper_noun(document: Document, word: str) -> bool:
    """The word is capitalised somewhere other than at the start of a sentence: a name."""
    pattern = regex.compile(r"(?<=[\p{Ll},;]\s+)" + regex.escape(word) + r"\b")
    return pattern.search(document.prose) is not None


def _trailing_name(words: list[str]) -> list[str]:
    run: list[str] = []
    for word in reversed(words):
        bare = word.strip("(),")
        if bare[:1].isupper() or (run and bare.casefold() in NAME_PARTICLES):
            run.insert(0, bare)
        else:
            break
    return run or words[-1:]
