"""Find the names of people and organisations in a document, with the title or role written
before them ("former French President X", "Port Authority spokeswoman X") or in an appositive
("X, a spokesman for the Y Council"), and role references without a name ("the French
president"). Used on sources (to build the registry) and on drafts (to check them)."""
from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from newslint import regexcache
from newslint.document.model import Document, Sentence
from newslint.document.runs import Runs, first_runs, matches_at
from newslint.kinds.literals import NEVER, LazyPattern
from newslint.registry.lexicon import Lexicon, lexicon
from newslint.registry.wording import stem

# One word of a name: an initial or dotted acronym ("J.", "U.S."), or a capitalised word with
# inner apostrophes/hyphens ("O'Brien", "Lopez-Obrador"). A trailing possessive is split later.
_WORD = r"(?:\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}[\p{L}\p{M}]*(?:['’\-]\p{L}[\p{L}\p{M}]*)*)"
_ANY_WORD = regexcache.compile(r"[\p{L}\p{M}][\p{L}\p{M}.'’\-]*[\p{L}\p{M}.]|[\p{L}\p{M}]")
_POSSESSIVE = regexcache.compile(r"['’]s?$")


@dataclass(repr=False)
class TitlePhrase:
    """A title as written about one person: status + affiliation + role."""

    role: str  # lowercase as written ("spokeswoman")
    family: str  # "spokesperson"
    affiliation: str  # normalised ("France", "Port Authority")
    status: str  # current | former | then
    start: int  # span of the whole phrase, status word included
    end: int
    text: str
    gender: str = ""
    status_start: int | None = None  # span of the status word, when there is one
    status_end: int | None = None
    appositive: bool = False
    plural: bool = False  # "Council members X and Y": the title of every name in the list


@dataclass(repr=False)
class NameMention:
    """A name as written in a document: its span, words, kind, title and what says it is a name."""

    start: int
    end: int
    text: str
    words: list[str]
    kind: str = "person"  # person | organisation
    title: TitlePhrase | None = None
    honorific: str = ""  # gender the honorific implies, "" when none
    evidence: set[str] = field(default_factory=set)  # title, honorific, verb, appositive, described, listed, heading
    sentence: Sentence | None = None
    quoted: bool = False  # inside a quotation (the speaker's words)
    maybe_person: bool = False  # an organisation-like name that is a person if named so elsewhere
    also: list[TitlePhrase] = field(default_factory=list)  # an appositive title after a title

    @property
    def titles(self) -> list[TitlePhrase]:
        return ([self.title] if self.title is not None else []) + self.also

    @property
    def surname(self) -> str:
        return self.words[-1] if self.words else ""

    @property
    def given(self) -> str:
        return self.words[0] if len(self.words) > 1 else ""


@dataclass(eq=False, repr=False)
class RoleReference:
    """"the French president": a person named by role only."""

    start: int
    end: int
    text: str
    role: str
    family: str
    affiliation: str
    status: str = "current"
    quoted: bool = False
    # "sent an undercover agent … The agent booked": someone the text has not named, whoever
    # the sources know by that role.
    unnamed: bool = False


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern, LazyPattern]:
    lex = lexicon()
    # Longest first; ties alphabetical (a set's order changes between processes): the same
    # pattern in every run, so that its compiled program is kept (see regexcache.py).
    particles = "|".join(regex.escape(p) for p in sorted(lex.particles, key=lambda p: (-len(p), p)))
    honorifics = "|".join(regex.escape(h[0].upper() + h[1:]) for h in lex.honorifics if h.endswith("."))
    word = rf"(?:(?:{honorifics})|{_WORD})" if honorifics else _WORD
    sequence = regexcache.compile(rf"(?<![\p{{L}}\p{{M}}'’\-]){word}(?:[ \t]+(?:(?:{particles})[ \t]+)*{word})*")
    # The role list is long: compiled on first use (and kept; see regexcache.py).
    reference = LazyPattern(_reference_pattern(tuple(sorted(lex.roles, key=len, reverse=True))), 0)
    return sequence, reference


_ARTICLES = frozenset({"the", "a", "an"})  # the role reference's `[Tt]he|[Aa]n?`, lowercased
_STATUS_STARTS = ("former", "ex", "then", "late")  # what its optional status word begins with


def _reference_starts(runs: Runs, lex: Lexicon) -> list[int]:
    """Where a role reference (_reference_pattern) can begin: `\\b`, then an article, then a
    space or tab, so at a run of word characters that is "the", "a" or "an" (Runs.starts_of).
    The next run is the first thing after the spaces: a match goes on with a status word, a
    capitalised word or a role (whose case is ignored), so after a run that is ASCII, begins
    with no capital and no status word, only a role's whole first run (no run can be a role's
    first run and go on). Rules out most articles ("the city") without trying the roles."""
    firsts = _role_first_runs(lex)
    starts = runs.starts_of(_ARTICLES)
    if firsts is None:
        return starts
    texts, run_starts = runs.texts, runs.starts
    kept = []
    for at in starts:
        following = bisect_left(run_starts, at) + 1
        if following >= len(texts):
            continue  # (no word after the article: no role)
        word = texts[following]
        if word.isascii() and not word[0].isupper():
            low = word.lower()
            if low not in firsts and not low.startswith(_STATUS_STARTS):
                continue
        kept.append(at)
    return kept


@lru_cache(maxsize=4)
def _role_first_runs(lex: Lexicon) -> frozenset[str] | None:
    """The lowercase first run of word characters of every role (None when one is not ASCII
    or begins with no word character: then every article is tried)."""
    return first_runs(lex.roles)


def _reference_pattern(roles: tuple[str, ...]) -> str:
    if not roles:
        return NEVER
    alternation = "|".join(regex.escape(r).replace(r"\ ", r"\s+") for r in roles)
    return (rf"\b(?P<det>[Tt]he|[Aa]n?)[ \t]+(?P<pre>(?:(?:former|ex-|then-|late)[ \t]*)?(?:\p{{Lu}}[\p{{L}}.'’\-]*[ \t]+)*)"
            rf"(?P<role>(?i:{alternation}))\b(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?P<post>\p{{Lu}}[\p{{L}}.'’\-]*(?:[ \t]+\p{{Lu}}[\p{{L}}.'’\-]*)*))?")


def _word_end(word: tuple[str, int, int]) -> int:
    return word[2]


def _word_start(word: tuple[str, int, int]) -> int:
    return word[1]


def _words_with_offsets(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _ANY_WORD.finditer(text, start, end)]


def normalise_affiliation(words: list[str], lex: Lexicon | None = None) -> str:
    """"French" -> "France", "the Port Authority" -> "Port Authority", "U.S." -> "United States"."""
    lex = lex or lexicon()
    words = [_POSSESSIVE.sub("", w) if w.endswith(("'s", "’s")) else w for w in words]
    while words and words[0].casefold() in ("the", "a", "an"):
        words = words[1:]
    joined = " ".join(words)
    country = lex.country(joined)
    return country if country else joined


def affiliation_tokens(affiliation: str, lex: Lexicon | None = None) -> set[str]:
    """Tokens of an affiliation with nationality words replaced by their country."""
    lex = lex or lexicon()
    country = lex.country(affiliation)
    if country:
        return {country.casefold()}
    words = [_POSSESSIVE.sub("", w) if w.endswith(("'s", "’s")) else w for w in affiliation.split()]
    tokens, at = set(), 0
    while at < len(words):
        # (A country's name may take more than one word: "United States Bankruptcy".)
        width = next((n for n in (3, 2) if at + n <= len(words) and lex.country(" ".join(words[at:at + n]))), 1)
        phrase = " ".join(words[at:at + width])
        tokens.add((lex.country(phrase) or phrase).casefold())
        at += width
    return tokens


def affiliations_compatible(a: str, b: str) -> bool:
    """True when either is empty or one's words contain the other's ("Budget
    Committee" within "City Council Budget Committee")."""
    if not a or not b:
        return True
    lex = lexicon()
    if lex.generic(a) or lex.generic(b):
        # "hospital" is not "union"; it may be any hospital's proper name.
        return a.casefold() == b.casefold() if lex.generic(a) and lex.generic(b) else True
    if bool(lex.country(a)) != bool(lex.country(b)):
        return True  # a country and an organisation ("U.S." and "Port Authority"): no contradiction
    ta, tb = affiliation_tokens(a), affiliation_tokens(b)
    if ta <= tb or tb <= ta:
        return True
    if a.islower() or b.islower():
        # A body named in lowercase ("board of aldermen") and by one of its words in another form ("Aldermen's").
        sa, sb = ({stem(w) for w in t if w not in lex.function_words} for t in (ta, tb))
        return sa <= sb or sb <= sa
    # ("USCS" for the U.S. Coastal Survey's tide office; "BRWA Eastern Field Office" is a unit of
    # the Bellmont River Water Authority.)
    return any(_initials_of(word, other) for one, other in ((a, b), (b, a)) for word in one.split())


def _initials_of(acronym: str, name: str) -> bool:
    """An acronym of three or more capitals that spells a run of the name's initials ("USCS" in
    "U.S. Coastal Survey's Tide Office"; a dotted abbreviation gives each
    of its letters; "of", "and" give none): the organisation or a body of it."""
    if not (3 <= len(acronym) <= 8 and acronym.isalpha() and acronym.isupper()) or " " not in name:
        return False
    initials = "".join(word.replace(".", "") if _DOTTED.fullmatch(word) else word[:1]
                       for word in name.split() if word[:1].isupper())
    return acronym in initials


_DOTTED = regexcache.compile(r"(?:\p{Lu}\.)+")
_ENTRY_MARKS = frozenset("-–—*•")  # what opens a notes entry's line
_INITIALS = regexcache.compile(r"(?![IVX]+$)\p{Lu}{2,5}")  # (not a grade's numeral: "Analyst II")


def _role_width(lex: Lexicon, tokens: list[tuple[str, int, int]], index: int) -> int:
    """How many words from `index` make the longest role ("police chief"), 0 for none."""
    if index < len(tokens) and tokens[index][0].casefold().partition(" ")[0] not in lex.role_starts:
        return 0  # (every phrase tried below begins with this word, casefolded)
    for width in range(min(lex.max_role_words, len(tokens) - index), 0, -1):
        phrase = " ".join(t[0] for t in tokens[index:index + width]).casefold()
        if lex.role(phrase) or width > 1 and _plural_role(lex, phrase):
            return width  # (a plural one heads a list: "Council Members A (District 4), B")
    return 0


def _plural_role(lex: Lexicon, phrase: str) -> bool:
    return phrase.endswith("s") and not phrase.endswith("ss") and lex.role(phrase[:-1]) is not None


def _after_last_role(lex: Lexicon, tokens: list[tuple[str, int, int]]) -> int:
    """Where the name starts after a role inside the capitalised run ("Council President
    X", "Metro Transit Authority Chairman X"): after the last role that
    is followed by name-like words only. 0 when there is none."""
    for index in range(len(tokens) - 2, -1, -1):
        width = _role_width(lex, tokens, index)
        if not width or index + width >= len(tokens):
            continue
        rest = [t[0].casefold() for t in tokens[index + width:]]
        if any(w in lex.organisation_words or lex.country(w) or lex.role(w) for w in rest):
            continue
        return index + width if index else 0
    return 0


@lru_cache(maxsize=1 << 14)
def _peel(run: str, first_common: bool) -> tuple[str, tuple[tuple[str, int, int], ...], bool, bool] | None:
    """What a capitalised run names, read from its words alone (so done once per distinct run
    and shared by every document): the kind (person | organisation), the name's words with
    their offsets in the run (a final possessive cut), whether an organisation word makes
    it maybe a place ("Carnegie Hall"), whether it has a calendar word. None when the run is
    no name (a title alone, a nationality, a country). `first_common`: the run opens its
    sentence and the document writes its first word in lowercase too."""
    lex = lexicon()
    tokens = [(m.group(), m.start(), m.end()) for m in _ANY_WORD.finditer(run)]
    # Peel what comes before the name: sentence-initial common words, status words,
    # nationalities, roles and honorifics. The title parser reads them back.
    index = _after_last_role(lex, tokens)
    while index < len(tokens):
        word = tokens[index][0]
        low = word.casefold()
        if _role_width(lex, tokens, index) == len(tokens) - index:
            return None  # the rest is a role, "Chief Executive Officer": no name after it
        if low in lex.rank_classes and index + 1 < len(tokens) and tokens[index + 1][0].casefold() == "class":
            index += 2  # "Petty Officer First Class Ann Roe": a rating's class, before the name
            continue
        two = " ".join(t[0] for t in tokens[index:index + 2]).casefold()
        if low in lex.function_words or (index == 0 and first_common and not _role_width(lex, tokens, index)):
            index += 1  # (a role that opens the sentence, "Fire Marshal X", is read whole below)
        elif low.rstrip("-") in lex.status_words or low in lex.honorifics:
            index += 1
        elif low in lex.ranks and len(tokens) - index > 1:
            index += 1  # "Sergeant Ann Roe": a rank written out, before the name
        elif "-" in low and low.split("-", 1)[0] in lex.status_words and index + 1 < len(tokens):
            index += 1  # "Ex-President", "Then-Mayor"
        elif len(tokens) - index > 2 and lex.country(two) and not lex.role(two):
            index += 2
        elif lex.country(low) or lex.country(_POSSESSIVE.sub("", low)):
            index += 1
        else:
            width = _role_width(lex, tokens, index)
            if width and index + width < len(tokens):
                index += width
            elif not width and len(tokens) - index > 2 and _plural_role(lex, low) and low[:1] != "-":
                index += 1  # "Councilmembers Ann Roe and Tom Poe": a one-word plural role heads a list
            else:
                break
    tokens = tokens[index:]
    if not tokens:
        return None
    lows = [t[0].casefold() for t in tokens]
    if len(lows) == 1 and (lows[0] in lex.ranks or f"{lows[0]}." in lex.ranks or f"{lows[0]}." in lex.honorifics):
        return None  # "Lt. Cmdr. Ann Roe": the run "Cmdr" between two stops is a rank
    last, start, end = tokens[-1]
    stripped = _POSSESSIVE.sub("", last) if last.endswith(("'s", "’s", "’", "'")) else last
    end -= len(last) - len(stripped)
    tokens[-1] = (stripped, start, end)
    if lex.role(" ".join(lows)) or (len(lows) > 1 and lex.role(" ".join(lows[1:]))
                                    and (lows[0] in lex.organisation_words or lex.country(lows[0]))):
        return None  # a title without a name ("the County Executive", "State Senator")
    if any(w in lex.organisation_words for w in lows) or " ".join(lows) in lex.organisation_names:
        return "organisation", tuple(tokens), False, False
    weak = len(tokens) > 1 and any(w in lex.organisation_words_weak for w in lows)
    if any(lex.country(w) for w in lows) or " ".join(lows) in lex.nationalities or len(tokens) > 4:
        return None
    if any(w in lex.function_words for w in lows[1:]) and len(tokens) > 1:
        return None
    return "person", tuple(tokens), weak, any(w in lex.calendar_words for w in lows)


_TITLED = frozenset({"title", "honorific", "appositive"})
_INTRODUCED = frozenset({"title", "appositive"})
_LISTED = frozenset({"listed"})

# What joins the names of a list: "A, B and C", "A, B, and C".
_LIST_JOINS = frozenset({",", "and", ", and", "&"})


def _share_plural_title(previous: NameMention, mention: NameMention, text: str) -> None:
    """A plural title before a list of names is each one's: "Council members A, B and C"."""
    title = previous.title
    # (A bracketed note after a listed name does not break the list: "A (District 4), B (District 2)".)
    between = _BRACKETED.sub("", text[previous.end:mention.start], count=1)
    if title is None or not title.plural or mention.title is not None or mention.kind != "person" \
            or previous.kind != "person" or " ".join(between.split()) not in _LIST_JOINS:
        return
    mention.title = title
    mention.evidence.add("title")


class MentionFinder:
    """Finds name mentions and role references in one document."""

    def __init__(self, document: Document, lowercase_words: set[str] | None = None,
                 include_quotes: bool = False, skip_headlines: bool | None = None) -> None:
        self.document = document
        # Sources skip headlines; drafts (quotes included) are checked everywhere.
        self.skip_headlines = not include_quotes if skip_headlines is None else skip_headlines
        self.text = document.prose
        self.lex = lexicon()
        self.include_quotes = include_quotes
        # Words the document also writes in lowercase are common words when capitalised at the
        # start of a sentence ("Discussions among ...").
        self.lowercase_words = lowercase_words if lowercase_words is not None else lowercase_vocabulary(self.text)
        self.quoted = speech_mask(document)
        self._first_alnum: dict[tuple[int, int], int] = {}
        self._words_of_sentence: dict[tuple[int, int], list[tuple[str, int, int]]] = {}
        self._line_lists: dict[tuple[int, int], bool] = {}

    def in_quote(self, start: int, end: int) -> bool:
        return any(self.quoted[start:max(end, start + 1)])

    # -- names -------------------------------------------------------------------------------
    def headline(self, sentence: Sentence) -> bool:
        """A heading, or a run of title-case words ("Council Votes To Approve Rail Line"):
        capitals there say nothing about names."""
        block = self.document.blocks[sentence.block] if 0 <= sentence.block < len(self.document.blocks) else None
        if block is not None and any(scope.startswith("heading") or scope.startswith("frontmatter") for scope in block.scopes):
            return True
        ending = self.text[sentence.start:sentence.end].rstrip()
        if ending.endswith((".", "?", "!", '"', "”", "'", "’")):
            return False  # a headline has no final stop
        verb = _REPORTING_COLON.search(ending) if ending.endswith(":") else None
        if verb is not None and verb.group(1).casefold() in self.lex.reporting_verbs:
            return False  # "Ann Roe, President of the Acme Society, said:" before a statement's quotation
        if block is not None and "list" in block.scopes:
            return False  # "- Judge: U.S. District Judge Ann X": a fact sheet's line, not a headline
        if any(self.lex.role(label.casefold()) for label in _ROLE_LABEL.findall(self.text, sentence.start, sentence.end)):
            return False  # "Judge: Ann X" in a filing's header lines
        label = _LIST_LABEL.match(self.text, sentence.start, sentence.end)
        if label is not None and self.lex.list_labels.intersection(label.group(1).casefold().split()):
            return False  # "Trustees present: Ann X (Chair), Tom Y": an attendance list
        return self._title_case(sentence)

    def _line_list(self, sentence: Sentence) -> bool:
        """A "sentence" of three or more lines that each start with a capital ("PARTICIPANTS:",
        "Ann Roe, Director, Acme", "Tom Poe, Chair"; a signature's "Respectfully submitted,",
        "Ann Roe, Secretary"): a list, one entry a line, not prose wrapped at a line's end."""
        key = (sentence.start, sentence.end)
        listed = self._line_lists.get(key)
        if listed is None:
            lines = self.text[sentence.start:sentence.end].split("\n")
            listed = len(lines) >= 3 and all(_LINE_OPENS_CAPITAL.match(line) for line in lines if line.strip())
            self._line_lists[key] = listed
        return listed

    def _in_table(self, sentence: Sentence) -> bool:
        return 0 <= sentence.block < len(self.document.blocks) and \
            self.document.blocks[sentence.block].kind in ("table.cell", "table.header")

    def _title_case(self, sentence: Sentence) -> bool:
        words = [w for w in _ANY_WORD.findall(self.text, sentence.start, sentence.end)
                 if w.casefold() not in self.lex.function_words or w[0].isupper()]
        if len(words) < 4:
            return False
        return sum(1 for w in words if w[0].isupper()) >= 0.8 * len(words)

    def names(self) -> list[NameMention]:
        sequence, _ = _patterns()
        found: list[NameMention] = []
        for sentence in self.document.sentences:
            # A source's heading in sentence case may still name someone by title or role
            # ("## Council Member Ann Roe — phone, May 4", an interview's heading in notes), and
            # so may a table cell, capitalised or not ("| Partners | Dr. Ann Roe; Judge Tom Roe |").
            cell = self._in_table(sentence)
            heading = self.skip_headlines and (cell or self.headline(sentence))
            listing = heading and not cell and self._title_case(sentence)  # only "Name — Role" lines count
            previous: NameMention | None = None
            for match in sequence.finditer(self.text, sentence.start, sentence.end):
                if match.start() == sentence.start and _DATELINE.match(self.text, match.start()):
                    continue  # "ELMWOOD — The council …": the story's dateline, a place
                quoted = self.in_quote(match.start(), match.end())
                if quoted and not self.include_quotes and self.text[match.end():match.end() + 2] != ", ":
                    continue  # (only an appositive can introduce someone inside a quotation)
                mention = self._mention(match, sentence)
                if quoted and not self.include_quotes and (mention is None or not mention.evidence & _INTRODUCED):
                    continue  # a source's speaker may introduce someone: "Ann Roe, our head of sales, will take over"
                if mention is not None and listing and "listed" not in mention.evidence and "title" in mention.evidence:
                    # "### Remarks by Board Chair Ann Roe": a person only if "Roe" acts
                    # as one elsewhere (extractors/people.py), since "Mayor Signs Budget" is no one.
                    mention.evidence = {"heading"}
                if mention is not None and heading and not mention.evidence & (_LISTED | {"heading"} if listing else _TITLED) \
                        and not self._set_off_honorific(mention, sentence):
                    continue
                if mention is not None and mention.kind == "person" and self._beside_ampersand(mention):
                    continue  # "Roe & Poe LLP": a firm's name, not two people
                if mention is not None:
                    mention.quoted = quoted
                    if previous is not None and self.text[previous.end:mention.start] == " (":
                        found.append(mention)  # a note on the listed name, "A (District 4), B": not the list's next
                        continue
                    if previous is not None:
                        _share_plural_title(previous, mention, self.text)
                    found.append(mention)
                    previous = mention
        return found

    def _set_off_honorific(self, mention: NameMention, sentence: Sentence) -> bool:
        """"-- Phone, Dr. Ann Roe, 2:40 p.m.:", a notes entry's heading in title case: an
        honorific before a name that punctuation ends is someone, as in prose (in "Dr. Roe Joins
        Board" the name's end is a guess; a court caption's "Before the Honorable Ann Roe,
        District Judge" is left to the record's other lines)."""
        after = self.text[mention.end:sentence.end].lstrip(" ")
        return "honorific" in mention.evidence and (not after or after[0] in ",;:(") \
            and self.text[sentence.start:sentence.start + 1] in _ENTRY_MARKS

    def _mention(self, match, sentence: Sentence) -> NameMention | None:
        run, offset = match.group(), match.start()
        first = _ANY_WORD.match(run)
        rest = _AFTER_FIRST_WORD.match(run)
        if first is not None and rest is not None and len(run.split()) >= 3:
            # "Secretary of State Ann Roe", "Minister of Transport Ann Roe": the run starts with
            # the end of a role that "of" split from its head; the name is the rest.
            head = _OF_ROLE_BEFORE.search(self.text, max(sentence.start, offset - 40), offset)
            if head is not None and (self.lex.role(f"{head.group(1)} of {first.group()}".casefold())
                                     or self.lex.role(head.group(1).casefold())):
                run, offset = run[rest.end():], offset + rest.end()
                first = _ANY_WORD.match(run)
        inner = _INNER_HONORIFIC.search(run)
        if inner is not None and inner.group(1).casefold() in self.lex.honorifics:
            # "Has Mr. Roe said …?", "Did Dr. Roe …": the name starts after its honorific.
            run, offset = run[inner.end():], offset + inner.end()
            first = _ANY_WORD.match(run)
        at_start = self._starts_sentence(offset, sentence)
        common = at_start and first is not None and first.group().casefold() in self.lowercase_words
        if first is not None and rest is not None and first.group().casefold() in _QUESTION_AUXILIARIES:
            common = True  # "Did Ann Roe play?", "MS. ROE: Does Tom Poe …": a question's verb, not a given name
        peeled = _peel(run, common)
        if peeled is None:
            return None
        kind, relative, weak, calendar = peeled
        words = [w for w, _, _ in relative]
        start, end = offset + relative[0][1], offset + relative[-1][2]
        text = self.text[start:end]
        if kind == "organisation":
            return NameMention(start, end, text, words, kind="organisation", sentence=sentence)
        if len(words) == 1 and self._family(words[0], sentence, start):
            return None
        mention = NameMention(start, end, text, words, sentence=sentence)
        self._title_before(mention, sentence)
        before = mention.title
        mention.title = None
        self._appositive_after(mention, sentence)
        if mention.title is None:
            self._predicate_title(mention, sentence)
        if before is not None:
            # "Sen. X, an Ohio Democrat": the appositive is a second title.
            mention.also = ([mention.title] if mention.title is not None else []) + mention.also
            mention.title = before
        if calendar and not mention.evidence & ({"title", "honorific"} if len(words) == 1 else {"title", "honorific", "appositive"}):
            # "Thursday", "May": a name only with a title ("Mayor Helen March"); alone, not
            # even with an appositive ("At the hearing Monday, the county's engineer said").
            return None
        self._verb_evidence(mention, sentence)
        if weak and not mention.evidence:
            mention.kind = "organisation"  # "Carnegie Hall", but "James Hall said"
            mention.maybe_person = True
        return mention

    def _in_appositive(self, mention: NameMention) -> bool:
        """The name follows a comma after lowercase words on its line: it ends a list or
        another name's appositive ("ANN ROE, shelter manager, Elm Relief"), not "-- Text, Ann Roe"."""
        line_start = self.text.rfind("\n", 0, mention.start) + 1
        lead = _AFTER_COMMA.search(self.text, max(line_start, mention.start - 80), mention.start)
        return lead is not None and _LOWERCASE_WORD.search(self.text, line_start, lead.start()) is not None

    def _beside_ampersand(self, mention: NameMention) -> bool:
        return self.text[mention.end:mention.end + 3].lstrip(" ").startswith("&") \
            or self.text[max(0, mention.start - 3):mention.start].rstrip(" ").endswith("&")

    def _family(self, word: str, sentence: Sentence, start: int) -> bool:
        """"The Pellicers spent two nights in the gym": a surname in the plural after "the" is
        a family (or a team), never one person, and no one's misspelled name."""
        if not word.endswith("s") or word.endswith(("ss", "'s", "’s")) or len(word) < 4:
            return False
        before = self._words_before(sentence, start)
        return bool(before) and before[-1][0].casefold() == "the"

    def _starts_sentence(self, offset: int, sentence: Sentence) -> bool:
        """No letter or digit between the sentence's start and the offset."""
        key = (sentence.start, sentence.end)
        first = self._first_alnum.get(key)
        if first is None:
            first = next((at for at in range(sentence.start, sentence.end) if self.text[at].isalnum()), sentence.end)
            self._first_alnum[key] = first
        return offset <= first if offset <= sentence.end else not any(ch.isalnum() for ch in self.text[sentence.start:offset])

    def _words_before(self, sentence: Sentence, offset: int) -> list[tuple[str, int, int]]:
        """The words from the sentence's start to the offset: the sentence's words, read once,
        up to the offset (read afresh when a word runs across it). None at all before a name
        that opens its sentence: the sentence is not read."""
        if _ANY_WORD.search(self.text, sentence.start, min(offset, sentence.end)) is None and offset <= sentence.end:
            return []
        words = self._sentence_words(sentence)
        cut = bisect_right(words, offset, key=_word_end)
        if cut < len(words) and words[cut][1] < offset or offset > sentence.end:
            return _words_with_offsets(self.text, sentence.start, offset)
        return words[:cut]

    def _sentence_words(self, sentence: Sentence) -> list[tuple[str, int, int]]:
        key = (sentence.start, sentence.end)
        words = self._words_of_sentence.get(key)
        if words is None:
            words = self._words_of_sentence[key] = _words_with_offsets(self.text, sentence.start, sentence.end)
        return words

    def _words_in(self, sentence: Sentence, start: int, end: int) -> list[tuple[str, int, int]]:
        """_words_with_offsets(text, start, end) for a stretch of the sentence: its words, when
        they have been read (_words_before) and no word crosses start or end (a scan of the
        stretch would cut it; the word pattern looks neither behind nor ahead, so the scans
        fall in step); else the stretch is read."""
        words = self._words_of_sentence.get((sentence.start, sentence.end))
        if words is None or not sentence.start <= start <= end <= sentence.end:
            return _words_with_offsets(self.text, start, end)
        first, stop = bisect_left(words, start, key=_word_start), bisect_left(words, end, key=_word_start)
        if (first > 0 and words[first - 1][2] > start) or (stop > first and words[stop - 1][2] > end):
            return _words_with_offsets(self.text, start, end)
        return words[first:stop]

    def _last_words(self, sentence: Sentence, start: int, end: int) -> list[tuple[str, int, int]]:
        """The last two words of _words_with_offsets(text, start, end), from the sentence's
        words when both start at or after `start`: a word cut at `start` comes before them, and
        the scans are in step after it."""
        if sentence.start <= start <= end <= sentence.end:
            words = self._words_in(sentence, sentence.start, end)
            if len(words) >= 2 and words[-2][1] >= start:
                return words[-2:]
        return _words_with_offsets(self.text, start, end)[-2:]

    def _role_width(self, tokens: list[tuple[str, int, int]], index: int) -> int:
        return _role_width(self.lex, tokens, index)

    # -- titles ------------------------------------------------------------------------------
    def _title_before(self, mention: NameMention, sentence: Sentence) -> None:
        lex = self.lex
        words = self._words_before(sentence, mention.start)
        if words and self._line_list(sentence):
            # A list's line starts afresh: the end of the line before is not this name's title.
            line_start = self.text.rfind("\n", 0, mention.start)
            words = [w for w in words if w[1] > line_start]
        if not words:
            return
        gap = self.text[words[-1][2]:mention.start]
        comma = gap.strip() == ","
        if gap.strip() and not comma and not (gap.strip() == ":" and self._role_label(words)):
            return
        last_word = words[-1][0].casefold()
        if not comma and (last_word in lex.honorifics or last_word + "." in lex.honorifics):
            gender = lex.honorifics.get(last_word, lex.honorifics.get(last_word + ".", ""))
            mention.honorific = gender
            mention.evidence.add("honorific")
            # A title may stand before the honorific: "the chief medical officer, Dr. X".
            honorific_start = words[-1][1]
            words = words[:-1]
            if not words:
                return
            gap = self.text[words[-1][2]:honorific_start]
            comma = gap.strip() == ","
            if gap.strip() and not comma:
                return
        i = len(words) - 1
        role = None
        plural = False
        status = "current"
        status_span = None
        for width in range(min(lex.max_role_words, len(words)), 0, -1):
            phrase_words = words[i - width + 1:i + 1]
            phrase = " ".join(w[0] for w in phrase_words).casefold()
            prefix, _, rest = phrase.partition("-")
            if rest and prefix in lex.status_words and lex.role(rest):
                role = (rest, phrase_words[0][1] + len(prefix) + 1, phrase_words[-1][2])
                status = lex.status_words[prefix]
                status_span = (phrase_words[0][1], phrase_words[0][1] + len(prefix) + 1)
                i -= width
                break
            if lex.role(phrase):
                role = (phrase, phrase_words[0][1], phrase_words[-1][2])
                i -= width
                break
            if not comma and phrase.endswith("s") and not phrase.endswith("ss") and lex.role(phrase[:-1]):
                role = (phrase[:-1], phrase_words[0][1], phrase_words[-1][2])  # "Council members X and Y"
                plural = True
                i -= width
                break
        after_role: list[str] = []
        portfolio = None
        if role is None and not comma and words[-1][0][:1].isupper():
            # "Vice President of Facilities X", "Director of Parks and Trails X": a capitalised role
            # and its organisation or portfolio, written before the name.
            found = self._role_for_organisation(words)
            if found is not None and self.text[found[0][1]:found[0][1] + 1].isupper():
                role, i, after_role = found
        if role is None and comma:
            # "A spokesman for Acme Parts, X": the role comes before its
            # organisation, and the organisation before the comma.
            found = self._role_for_organisation(words)
            portfolio = self._role_for_portfolio(words) if found is None else None
            found = found or portfolio
            if found is None:
                return
            role, i, after_role = found
        if role is None:
            return
        affiliation: list[str] = []
        first = role[1]
        while i >= 0:
            word, wstart, wend = words[i]
            low = word.casefold()
            if self.text[wend:words[i + 1][1] if i + 1 < len(words) else role[1]].strip() not in ("", "&") \
                    or self.text[wend:words[i + 1][1] if i + 1 < len(words) else role[1]].strip() == "&" and not affiliation:
                break  # punctuation between: "X, French President" (but "T&R chief executive X")
            if low in lex.function_words or low.rstrip("-") in lex.status_words:
                break
            if not affiliation and low in lex.subordinate_ranks and lex.role(f"{low} {role[0]}"):
                role = (f"{low} {role[0]}", wstart, role[2])  # "Deputy Secretary of State X": a rank, not an organisation
                first = wstart
                i -= 1
                continue
            if not affiliation and lex.generic(low) and (word.islower() or self._starts_sentence(wstart, sentence)):
                # "Hospital spokeswoman X", "the union president": a kind of organisation
                # (but "Lake County spokeswoman" names one).
                affiliation.insert(0, low)
                first = wstart
                i -= 1
                if i >= 0 and words[i][0][:1].isupper() and words[i][0].casefold().rstrip("-") not in lex.status_words \
                        and not self.text[words[i][2]:wstart].strip():
                    continue  # "Guild board chair X": the board of the organisation named before it
                break
            if not affiliation and low in self.lowercase_words and self._starts_sentence(wstart, sentence) \
                    and not self.text[role[1]].isupper():
                break  # "Club president X": capitalised only because it starts the sentence ("Parks Director X" is a title)
            if word[0].isupper() or lex.country(low):
                affiliation.insert(0, word)
                first = wstart
                i -= 1
                continue
            field_words = _field_after_status(lex, words, i) if not comma and not affiliation else 0
            if field_words:
                # "former utility director X", "Former emergency management director X": a
                # lowercase field (one to three words) between the status and the role
                affiliation[:0] = [w[0] for w in words[i - field_words + 1:i + 1]]
                first = words[i - field_words + 1][1]
                i -= field_words
                break
            if comma and not affiliation and word.isalpha() and word.islower() and i >= 1 and _determiner(words[i - 1][0]):
                # "the city's parks director, X": a lowercase portfolio after the determiner
                # (and the organisation before it: "Ontario's mines minister, X")
                affiliation.insert(0, word)
                first = wstart
                i -= 1
                continue
            break
        # ("T&R's vice president of safety": the organisation, then the portfolio, as an appositive gives them.)
        organisation = affiliation
        affiliation = affiliation + after_role if portfolio is not None and affiliation else affiliation or after_role
        if i >= 0 and status_span is None:
            low = words[i][0].casefold().rstrip("-")
            if low in lex.status_words:
                status = lex.status_words[low]
                status_span = (words[i][1], words[i][2])
                first = words[i][1]
        owner = organisation if portfolio is not None else affiliation
        possessive = bool(owner) and owner[-1].endswith(("'s", "’s"))
        before = i - 1 if status_span is not None and i >= 0 and words[i][1] == status_span[0] else i
        if comma and not possessive and not (before >= 0 and _determiner(words[before][0])):
            return  # "..., Name" is a title only after a determiner: "The French leader, X"
        if comma and _NAME_THEN_COMMA.search(self.text, max(0, first - 60), first) \
                and not self.text.startswith(",", mention.end):
            # "Ann Roe, the committee's chair, Poe said": the title closes Roe's appositive;
            # Poe, with no comma after, begins the next clause.
            return
        if not affiliation and before >= 0 and words[before][0].casefold() in _SUBJECTS and role[0] == words[-1][0].casefold():
            return  # "I chair Finance", "they coach Quennell Tech": a verb, not a title
        info = lex.role(role[0])
        end = words[-1][2] if after_role else role[2]
        mention.title = TitlePhrase(
            role=role[0], family=info.family, affiliation=normalise_affiliation(affiliation, lex),
            status=status, start=first, end=end, text=self.text[first:end], gender=info.gender,
            status_start=status_span[0] if status_span else None,
            status_end=status_span[1] if status_span else None, appositive=comma, plural=plural)
        mention.evidence.add("title")

    def _role_label(self, words) -> bool:
        """A line that starts with a role and a colon, as in a filing's or fact sheet's header:
        "Judge: X", "Spokesperson: X"."""
        line_start = self.text.rfind("\n", 0, words[0][1]) + 1
        return not self.text[line_start:words[0][1]].strip() and self.lex.role(" ".join(w[0] for w in words).casefold()) is not None

    def _role_for_organisation(self, words) -> tuple[tuple[str, int, int], int, list[str]] | None:
        """In "[a] ROLE for|of|at [the] Organisation" ending the words: the role, the index of
        the word before it, and the organisation's words."""
        lex = self.lex
        last = len(words) - 1
        for index in range(last - 1, max(-1, last - 9), -1):
            width = self._role_width(words, index)
            if not width:
                continue
            after = index + width
            if after > last or words[after][0].casefold() not in ("for", "of", "at", "with"):
                return None
            after += 1
            if after <= last and words[after][0].casefold() == "the":
                after += 1
            organisation = [w[0] for w in words[after:]]
            if not organisation or not all(w[0].isupper() or w.casefold() in ("of", "and", "&", "for") for w in organisation):
                return None
            phrase = " ".join(w[0] for w in words[index:index + width]).casefold()
            return (phrase, words[index][1], words[index + width - 1][2]), index - 1, organisation
        return None

    def _role_for_portfolio(self, words) -> tuple[tuple[str, int, int], int, list[str]] | None:
        """In "Acme's ROLE of|for portfolio" ending the words ("T&R's vice president of safety,
        X"): the role, the index of the word before it, and the portfolio's words; only after an
        organisation's possessive, read back by the caller."""
        last = len(words) - 1
        for joint in range(last - 1, max(0, last - 4), -1):
            if words[joint][0].casefold() not in ("of", "for"):
                continue
            portfolio = [w[0] for w in words[joint + 1:]]
            if not all(w.isalpha() and w.islower() and w not in self.lex.function_words for w in portfolio):
                return None
            for width in range(min(self.lex.max_role_words, joint), 0, -1):
                phrase = " ".join(w[0] for w in words[joint - width:joint]).casefold()
                before = joint - width - 1
                if self.lex.role(phrase) and before >= 0 and words[before][0].endswith(("'s", "’s")) \
                        and words[before][0][0].isupper():
                    return (phrase, words[joint - width][1], words[joint - 1][2]), before, portfolio
            return None
        return None

    def _appositive_after(self, mention: NameMention, sentence: Sentence) -> None:
        lex = self.lex
        rest = self.text[mention.end:sentence.end]
        # A signature block: "Ann Roe" / "Director of Communications" / "Acme Corp.", a line each.
        signature = self._signature(mention, rest) if rest[:1] == "\n" or rest.lstrip(" \t")[:1] == "\n" else None
        if signature is not None:
            rest = rest[:signature.end()] + rest[signature.end():].partition("\n")[0]
        elif self._line_list(sentence):
            rest = rest.partition("\n")[0]  # one line of a list: the next line is the next name's
        dash = signature or _DASH_LABEL.match(rest)  # "Ann Roe -- Chief Financial Officer:" in a call transcript
        if dash is not None and signature is None \
                and _LINE_LEAD.fullmatch(self.text, self.text.rfind("\n", 0, mention.start) + 1, mention.start):
            rest = rest.partition("\n")[0]  # a label's line ("2) ANN ROE -- County Clerk"): the next line is not its title
        # "Trustees present: Ann Roe (Chair), Tom Poe (Vice Chair)": a minutes' list.
        bracketed = dash is None and rest.startswith(" (")
        if dash is None and not rest.startswith(", ") and not bracketed:
            return
        opens = dash.end() if dash is not None else 2
        age = _AGE_AFTER_NAME.match(rest) if dash is None else None
        if age is not None:
            opens = age.end()  # "X, 58, a glass blower": the title after the age
        stop = _APPOSITIVE_STOP.search(rest, opens)
        if bracketed and (stop is None or stop.group() != ")" and not (
                stop.group() in ",;" and _CLOSES_ON_LINE.match(rest, stop.end())
                and not self._in_appositive(mention))):
            # ("Ann Roe (Local 9 steward, a bus driver), by phone": the first part, up to a
            # comma; not after a comma, where the name ends a list or another's appositive:
            # "ANN ROE, site manager, Elm Relief (volunteer, former teacher)")
            return
        body_end = mention.end + (stop.start() if stop else len(rest))
        words = self._words_in(sentence, mention.end + opens, body_end)
        if not words:
            return
        # "X, a glass blower and a Bramwell Heights city councilman": two titles, each read alone.
        joint = next((k for k in range(1, len(words) - 2) if words[k][0] == "and"
                      and words[k + 1][0] in ("a", "an", "the") and not dash), None)
        if joint is None and not dash and self._described_then_verb(mention, sentence, words, rest, stop, dash):
            return
        if joint is None:
            self._appositive_title(mention, sentence, words, rest, stop, dash)
            if mention.title is not None and mention.title.status == "current" \
                    and _AT_THE_TIME.search(rest, opens, stop.start() if stop else len(rest)):
                mention.title.status = "then"  # "(Acme's safety manager at the time; he left in 2019)"
            if signature is not None and mention.title is not None:
                # The organisation's line after the title's ("Acme Corp."), before the title's
                # portfolio ("Director of Human Resources": Acme Corp. Human Resources).
                start = mention.end + len(rest) + 1
                end = self.text.find("\n", start, sentence.end)
                line = _LINE_ORGANISATION.fullmatch(self.text, start, end if end >= 0 else sentence.end) \
                    if self.text[start - 1:start] == "\n" else None
                if line is not None:
                    mention.title.affiliation = normalise_affiliation(
                        line.group(1).rstrip(".").split() + mention.title.affiliation.split(), lex)
            return
        self._appositive_title(mention, sentence, words[:joint], rest, None, dash)
        first, mention.title = mention.title, None
        self._appositive_title(mention, sentence, words[joint + 1:], rest, stop, dash)
        if first is not None:
            mention.also = ([mention.title] if mention.title is not None else []) + mention.also
            mention.title = first

    def _described_then_verb(self, mention: NameMention, sentence: Sentence, words: list[tuple[str, int, int]],
                             rest: str, stop, dash) -> bool:
        """"X, the Elmwood Republican who chairs the Senate Rules Committee": a title ("the
        Elmwood Republican") that fills the words before "who", then an office its verb names;
        both read, the first as the title. False (nothing read) when the words before "who" are
        no title, or more than one ("a former aide to Sen. Y who chairs ...": Y's office)."""
        who = next((k for k in range(2, len(words) - 2) if words[k][0] == "who"
                    and words[k + 1][0] in _ROLE_VERBS), None)
        if who is None:
            return False
        self._appositive_title(mention, sentence, words[:who], rest, None, dash)
        first, mention.title = mention.title, None
        if first is None or first.end != words[who - 1][2]:
            return False
        self._verb_title(mention, words[who:], [w[0].casefold() for w in words[who:]])
        if mention.title is not None:
            mention.also = [mention.title] + mention.also
        mention.title = first
        return True

    def _second_post(self, words: list[tuple[str, int, int]], lows: list[str], index: int, after: int) -> int:
        """The width of a second post joined to the role at `index` by "and" ("senior vice
        president and general counsel", "executive vice president and chief retail officer"),
        when both are posts in an organisation's ranks (not "a teacher and coach"); else 0."""
        if after + 1 >= len(words) or lows[after] != "and":
            return 0
        width = self._role_width(words, after + 1)
        if not width:
            return 0
        lex = self.lex
        for role in (" ".join(lows[index:after]), " ".join(lows[after + 1:after + 1 + width])):
            family = lex.family(role)
            if not (family in lex.positions or family in lex.unique_roles
                    or role.partition(" ")[0] in lex.subordinate_ranks or role.partition(" ")[0] in lex.role_ranks):
                return 0
        return width

    def _signature(self, mention: NameMention, rest: str):
        """The line break after a name that fills its line, when the next line opens with a
        capitalised role and is short ("Ann Roe" / "Director of Communications"): a signature
        block's or a contact's title line (as a match, read like a dash label's); else None."""
        found = _NEXT_LINE.match(rest)
        if found is None or self.text[self.text.rfind("\n", 0, mention.start) + 1:mention.start].strip():
            return None
        line = rest[found.end():].partition("\n")[0]
        words = _words_with_offsets(line, 0, len(line))
        if not words or len(words) > 10 or line.rstrip().endswith((".", ":", "?", "!")):
            return None  # (a sentence, not a title's line)
        width = self._role_width(words, 0)
        return found if width and words[0][0][:1].isupper() else None

    def _appositive_title(self, mention: NameMention, sentence: Sentence, words: list[tuple[str, int, int]],
                          rest: str, stop, dash) -> None:
        """The title an appositive's words give (see _appositive_after)."""
        lex = self.lex
        lows = [w[0].casefold() for w in words]
        if len(lows) >= 3 and lows[0] == "who" and lows[1] in _ROLE_VERBS and not dash:
            self._verb_title(mention, words, lows)
            return
        serving = _SERVES_AS.get(tuple(lows[1:4])) or _SERVES_AS.get(tuple(lows[1:3])) \
            if len(lows) >= 4 and lows[0] == "who" and not dash else None
        if serving and len(words) > 1 + serving:
            # "X, who has served as the district's head trainer since 2018": the title after "as".
            self._appositive_title(mention, sentence, words[1 + serving:], rest, stop, dash)
            return
        status = "current"
        status_span = None
        index = 0
        if _determiner(lows[0]) and not words[0][0][0].isupper():
            index = 1  # "the", "their", "the club's"; but "Acme's" is the affiliation
        elif not (words[0][0][0].isupper() or lows[0] in lex.status_words or self._role_width(words, 0)
                  or self._described_role(words, lows)):
            return  # "X, (data privacy) lead at Y" has a role first; "X, who said" has none
        if index < len(lows) and lows[index].rstrip("-") in lex.status_words:
            status = lex.status_words[lows[index].rstrip("-")]
            status_span = (words[index][1], words[index][2])
            index += 1
        affiliation: list[str] = []
        generic = ""  # "a company spokesman": the kind of organisation, when none is named
        while index < len(words):
            width = self._role_width([(w, s, e) for w, s, e in words], index)
            holder = index + width
            if width and holder + 1 < len(words) and lows[holder].endswith(("'s", "’s")) \
                    and lex.role(" ".join(lows[index:holder] + [lows[holder][:-2]])) \
                    and self._role_width(words, holder + 1):
                index = holder + 1  # "the governor's chief of staff": the office's holder, then the post
                continue
            if width:
                break
            if words[index][0][0].isupper() or lex.country(lows[index]):
                affiliation.append(words[index][0])
                index += 1
                continue
            if status_span is None and lows[index].rstrip("-") in lex.status_words:
                status = lex.status_words[lows[index].rstrip("-")]  # "Acme's former chief executive"
                status_span = (words[index][1], words[index][2])
                index += 1
                continue
            if lows[index] in lex.organisation_words or lows[index].endswith(("'s", "’s")):
                generic = lows[index] if lex.generic(lows[index]) else generic
                index += 1  # "the board's director": too vague to compare
                continue
            if words[index][0].isalpha() and any(self._role_width(words, j) for j in range(index + 1, min(index + 3, len(words)))):
                if lows[index] in lex.body_words and not generic:
                    generic = lows[index]  # "the council treasurer": the body's officer
                index += 1  # a modifier before the role: "the budget director", "a rider advocate"
                continue
            return
        if index >= len(words):
            return
        width = self._role_width(words, index)
        # A role word that modifies the head role ("the county party vice chair"):
        # the head is the last role of the phrase, the words before it its portfolio.
        for later in range(index + width, min(index + width + 3, len(words))):
            if not (words[later][0].isalpha() and words[later][0].islower()) or lows[later] in lex.function_words:
                break
            head = self._role_width(words, later) if later > index + width else 0  # (not "executive officer")
            if head:
                affiliation += [w[0] for w in words[index:later]]
                index, width = later, head
                break
        role = " ".join(lows[index:index + width])
        role_end = words[index + width - 1][2]
        after = index + width
        # "Acme's senior vice president and general counsel": two posts at one organisation.
        second = self._second_post(words, lows, index, after)
        if second:
            after += 1 + second
            role_end = words[after - 1][2]
        if after + 1 == len(words) and _INITIALS.fullmatch(words[after][0]):
            affiliation.append(words[after][0])  # "X, senior analyst DPW,": the office by its initials
            after += 1
        if after < len(words) and words[after][0][0].isupper():
            return  # "In Bexley, Athletic coach X": the title of the next name
        if after < len(words) and lows[after] in ("of", "for", "at", "with", "to", "in"):
            after += 1
            if after < len(words) and lows[after] == "the":
                after += 1
            org = []
            described = after
            while described < min(after + 3, len(words)) and words[described][0].isalpha() and words[described][0].islower() \
                    and lows[described] not in lex.function_words:
                described += 1  # "at the law firm Baxter Lane": the kind of organisation, then its name
            if described < len(words) and described > after and words[described][0][0].isupper():
                after = described
            elif after + 1 < len(words) and words[after][0].islower() and lows[after].endswith(("'s", "’s")) \
                    and lex.generic(lows[after][:-2].rstrip("'’")) and words[after + 1][0][0].isupper():
                after += 1  # "commander of the department's Fraud Response Unit": the unit is named
            while after < len(words):
                word = words[after][0]
                if word[0].isupper() or lows[after] in lex.particles:
                    org.append(word)
                elif org and lows[after] in ("of", "and", "for", "&", "on") and after + 1 < len(words) \
                        and words[after + 1][0][0].isupper():
                    org.append(word)  # "Department of Transportation", "Committee on Finance"
                elif org and _lowercase_body(lex, lows, after):
                    field = _lowercase_body(lex, lows, after)  # "chair of the Assembly housing committee"
                    org += [w[0] for w in words[after:after + field]]
                    after += field
                    break
                else:
                    break
                after += 1
            if org and org[-1].endswith(("'s", "’s")) and after < len(words) and words[after][0].islower() \
                    and (lows[after] in lex.body_words or lows[after] in lex.organisation_words):
                # "president of the Acme Owners Association's board": the post is the board's,
                # the sources' "president of the association's board".
                org.append(words[after][0])
                after += 1
            if org and after + 1 < len(words) and words[after][0].islower() and lex.generic(lows[after]) \
                    and words[after + 1][0][0].isupper():
                # "a partner at the Elmwood firm Acme & Lane": a place, the kind, then the name.
                named = after + 1
                while named < len(words) and (words[named][0][0].isupper() or lows[named] in ("&", "and", "of")
                                              and named + 1 < len(words) and words[named + 1][0][0].isupper()):
                    named += 1
                org = [w[0] for w in words[after + 1:named]]
                after = named
            if not org and after + 1 < len(words) and lows[after].endswith(("'s", "’s")) \
                    and lows[after + 1] in lex.organisation_words:
                # "a spokeswoman for the governor's office": an office named by its holder.
                org = [f"{words[after][0]} {words[after + 1][0]}"]  # one item: keeps its possessive
                after += 2
            kind = words[described - 1][0].casefold() if described > after else ""
            if not org and lex.generic(kind) and words[after - 1][0].casefold() == "the":
                # "a spokesman for the county transit agency": a kind of organisation, unnamed.
                org = [kind]
                after = described
            if org:
                affiliation = affiliation + org if not affiliation else affiliation
                role_end = words[after - 1][2]
            elif after < len(words) and words[after - 1][0].casefold() != "the":
                # a portfolio: "vice president for product safety", "minister of health"; a span
                # of time may follow it ("head of compliance from 2020 until 2023")
                tail = next((k for k in range(after + 1, len(words)) if lows[k] in _SPAN_AFTER), len(words))
                portfolio = [w[0] for w in words[after:tail]]
                if 0 < len(portfolio) <= 4 and all(w.isalpha() and w.islower() for w in portfolio):
                    affiliation = affiliation + portfolio
                    role_end = words[tail - 1][2]
                    if tail < len(words) and status == "current" and _CLOSED_SPAN.match(self.text, words[tail][1]):
                        status = "former"  # "from 2020 until August 2023": a post held and left
        if not affiliation and not generic and stop is not None and stop.group() == "," and after >= len(words) \
                and self._line_list(sentence):
            # A list's "Ann Roe, Director, Acme Department of Health": the organisation ends the line.
            org = _LINE_ORGANISATION.fullmatch(rest, stop.end())
            if org is not None:
                affiliation = org.group(1).split()
                role_end = mention.end + org.end(1)
        info = lex.role(role)
        if info is None:
            return  # a role word of a longer office ("a vice" of "vice chair" cut short): none to read
        start = words[0][1]
        mention.title = TitlePhrase(
            role=role, family=info.family, affiliation=normalise_affiliation(affiliation or ([generic] if generic else []), lex),
            status=status, start=start, end=role_end, text=self.text[start:role_end], gender=info.gender,
            status_start=status_span[0] if status_span else None,
            status_end=status_span[1] if status_span else None, appositive=True)
        if second and mention.title.affiliation and not lex.generic(mention.title.affiliation):
            # The second post, at the same organisation (its own words only: "general counsel").
            at = index + width + 1
            other = " ".join(lows[at:at + second])
            info = lex.role(other)
            mention.also = [dataclasses.replace(mention.title, role=other, family=info.family, gender=info.gender,
                                                start=words[at][1], end=words[at + second - 1][2],
                                                text=self.text[words[at][1]:words[at + second - 1][2]],
                                                status_start=None, status_end=None)] + mention.also
        mention.evidence.add("appositive")
        if dash is not None and _LINE_LEAD.fullmatch(self.text, self.text.rfind("\n", 0, mention.start) + 1, mention.start):
            mention.evidence.add("listed")  # a participants list's line: "Ann Roe — Chief Financial Officer, Acme"

    def _predicate_title(self, mention: NameMention, sentence: Sentence) -> None:
        """"Ann Roe chairs the grants board.", "Roe, 54, runs the county clinic": the office the
        sentence's verb names, read as "who chairs ..." is (not inside a quotation: a speaker's
        "Roe runs the program like a fief" is no title)."""
        verb = _NEXT_LOWER_WORD.match(self.text, mention.end)
        if verb is None:
            verb = _AGE_THEN_WORD.match(self.text, mention.end)
        if verb is None or verb.group(1) not in _ROLE_VERBS or self.in_quote(mention.start, mention.end):
            return
        stop = _APPOSITIVE_STOP.search(self.text, verb.end(), sentence.end)
        words = self._words_in(sentence, verb.start(1), stop.start() if stop else sentence.end)
        if len(words) >= 3:
            self._verb_title(mention, words, [w[0].casefold() for w in words], verb_at=0)

    def _verb_title(self, mention: NameMention, words: list[tuple[str, int, int]], lows: list[str],
                    verb_at: int = 1) -> None:
        """"X, who chairs the Senate Finance Committee", "who heads the agency's water division",
        "who runs the county clinic": the office a verb names, at the organisation it names
        (capitalised words after "the", or lowercase words ending in a unit's word: unit_words);
        none without an organisation ("who runs the numbers")."""
        lex = self.lex
        role = _ROLE_VERBS[lows[verb_at]]
        at = verb_at + 1
        determined = lows[at] == "the"
        if determined:
            at += 1
            if at + 1 < len(words) and words[at][0].islower() and lows[at].endswith(("'s", "’s")) \
                    and lex.generic(_POSSESSIVE.sub("", lows[at])):
                at += 1  # "the agency's water division": the organisation spoken of, then its unit
        org: list[str] = []
        while at < len(words) and (words[at][0][:1].isupper() or org and lows[at] in ("of", "and", "for", "&", "on")
                                   and at + 1 < len(words) and words[at + 1][0][:1].isupper()):
            org.append(words[at][0])
            at += 1
        # "who chairs the Assembly housing committee", "the FBI's Elm City field office": the
        # unit's field, in lowercase; "who chairs the grants board": a unit named in lowercase only.
        field = _lowercase_unit(lex, lows, at) if org or determined else 0
        if field:
            org += [w[0] for w in words[at:at + field]]
            at += field
            if at + 1 < len(words) and lows[at] in ("of", "on", "for") and words[at + 1][0][:1].isupper():
                # "who heads the county Department of Public Health": the unit's proper name goes on
                tail = at + 1
                while tail < len(words) and (words[tail][0][:1].isupper() or lows[tail] in ("of", "and", "&")
                                             and tail + 1 < len(words) and words[tail + 1][0][:1].isupper()):
                    tail += 1
                org += [w[0] for w in words[at:tail]]
                at = tail
            elif at + 1 < len(words) and lows[at] in ("of", "on", "for") and lows[at - 1] in lex.unit_words:
                # "who chairs the board of aldermen", "the Senate subcommittee on farm credit"
                tail = at + 1
                while tail < min(at + 4, len(words)) and words[tail][0].isalpha() and words[tail][0].islower() \
                        and lows[tail] not in lex.function_words:
                    tail += 1
                if tail > at + 1:
                    org += lows[at:tail]
                    at = tail
        info = lex.role(role)
        if not org or info is None:
            return
        if at + 1 < len(words) and lows[at] in ("and", "&") and (lows[at + 1] in _MORE_BODIES or lows[at + 1].isdigit()):
            return  # "who oversees the Elm City court and four others": one of the bodies, not the office
        start, end = words[0][1], words[at - 1][2]
        mention.title = TitlePhrase(role=role, family=info.family, affiliation=normalise_affiliation(org, lex),
                                    status="current", start=start, end=end, text=self.text[start:end],
                                    gender=info.gender, appositive=True)
        mention.evidence.add("appositive")

    def _described_role(self, words: list[tuple[str, int, int]], lows: list[str]) -> bool:
        """A role after one or two describing nouns ("data privacy lead"), not after a
        verb ("will become senior vice president": then the name is no person's)."""
        for index in (1, 2):
            if index < len(words) and self._role_width(words, index):
                return all(w.isalpha() and w.islower() and w not in self.lex.function_words
                           and w not in self.lex.reporting_verbs and w not in _NOT_DESCRIBING for w in lows[:index])
        return False

    def _verb_evidence(self, mention: NameMention, sentence: Sentence) -> None:
        if len(mention.words) <= 2 and (_WHO_OR_AGE.match(self.text, mention.end) or self._whose_kin(mention)) \
                and not _NAMED_THEN_PREPOSITION.search(self.text, max(0, mention.start - 60), mention.start):
            # "Ann Roe, who owns two bakeries, was less worried", "Ann Roe, 61, lives", "Ann
            # Roe, whose family farms …": someone described, whatever the verb ("whose" alone
            # may follow a company's name: "Acme, whose shares fell").
            mention.evidence.add("described")
        if len(mention.words) >= 2 and _kin_appositive(self.text, mention.end):
            mention.evidence.add("described")  # "Ann Roe, daughter of Tom Roe": only a person has kin
        if len(mention.words) >= 2 and self._introduces_self(mention):
            mention.evidence.add("described")
            mention.evidence.add("self-named")
        described = _DESCRIBED_THEN_VERB.match(self.text, mention.end, sentence.end)
        if described and described.group(1).casefold() in self.lex.reporting_verbs:
            mention.evidence.add("verb")  # "X, a therapist who drives to work, said"
            if len(mention.words) == 2 and _PERSONAL.match(self.text, mention.end):
                mention.evidence.add("described")  # "Ann Roe, who covers schools, said", "Ann Roe, 61, said": no company
            return
        before = self._last_words(sentence, max(sentence.start, mention.start - 30), mention.start)
        lows = [w[0].casefold() for w in before]
        after = _ANY_WORD.search(self.text, mention.end, min(sentence.end, mention.end + 40))
        # A word token keeps an abbreviation's stop: "said." ends the sentence, it is still "said".
        if after and after.group().casefold().rstrip(".") in self.lex.reporting_verbs and not self.text[mention.end:after.start()].strip():
            if not (len(before) == 2 and lows[-1] in _OBJECT_PREPOSITIONS and before[-2][0][:1].islower()
                    and self.text[before[-1][2]:mention.start] == " "):
                mention.evidence.add("verb")  # (not "residents of Elm Ridge said": their verb)
            return
        if lows[-2:] == ["according", "to"] or (lows and lows[-1] in self.lex.reporting_verbs
                                                 and self.text[before[-1][2]:mention.start].strip() in ("", ",")
                                                 and not self._reported_clause(before, mention, sentence)):
            mention.evidence.add("verb")

    def _whose_kin(self, mention: NameMention) -> bool:
        """", whose family (wife, parents, …)": only a person has relatives."""
        found = _WHOSE.match(self.text, mention.end)
        if found is None:
            return False
        noun = found.group(1).casefold()
        return noun in _HOUSEHOLD or noun in self.lex.kinship_words or noun.removesuffix("s") in self.lex.kinship_words

    def _introduces_self(self, mention: NameMention) -> bool:
        """Someone gives their own full name: a transcript turn that opens with it ("ROE: Ann
        Roe, Elm Road." or "ROE: I'm Ann Roe.", the label's surname the name's last word), or
        "My name is Ann Roe" anywhere."""
        if _MY_NAME_IS.search(self.text, max(0, mention.start - 16), mention.start):
            return True
        line_start = self.text.rfind("\n", 0, mention.start) + 1
        label = _SELF_INTRODUCED.fullmatch(self.text, line_start, mention.start)
        return label is not None and label.group(1).casefold() == mention.words[-1].casefold()

    def _reported_clause(self, before: list[tuple[str, int, int]], mention: NameMention, sentence: Sentence) -> bool:
        """"She said Elm Works has 40 members": the name opens what someone said (a subject
        before the verb, a verb after the name), not the inverted "…, said Ann Roe"."""
        if len(before) < 2 or self.text[before[-2][2]:before[-1][1]] != " ":
            return False
        subject = before[-2][0]
        if subject[:1].islower() and subject.casefold() not in _SUBJECTS:
            return False  # ("officials said Ann Roe would …": no subject pronoun or name before the verb)
        return _NEXT_LOWER_WORD.match(self.text, mention.end, sentence.end) is not None

    # -- role references ---------------------------------------------------------------------
    def role_references(self) -> list[RoleReference]:
        reference = _patterns()[1]
        found = []
        lex = self.lex
        for match in self._reference_matches(reference):
            quoted = self.in_quote(match.start(), match.end())
            if quoted and not self.include_quotes:
                continue
            following = self.text[match.end():match.end() + 3]
            if _SPACE_CAPITAL.match(following) and match.group("post") is None:
                continue  # "the French President Anne ...": a title before a name
            pre = match.group("pre").split()
            status = "current"
            if pre and pre[0].casefold().rstrip("-") in lex.status_words:
                status = lex.status_words[pre[0].casefold().rstrip("-")]
                pre = pre[1:]
            post = match.group("post")
            role = " ".join(match.group("role").casefold().split())
            end = match.end()
            if role in lex.role_ranks:
                # "the chief bridge engineer for X": a rank and the role it heads.
                ranked = self._ranked_reference(match.end("role"), role)
                if ranked is not None:
                    role, end, post = ranked
            affiliation = pre or (post or "").split()
            info = lex.role(role)
            if info is None:
                continue
            found.append(RoleReference(match.start(), end, self.text[match.start():end], role, info.family,
                                       normalise_affiliation(affiliation, lex), status, quoted,
                                       not affiliation and self._after_unnamed(match.start(), end, role)))
        return found

    def _after_unnamed(self, start: int, end: int, role: str) -> bool:
        """"the agent" a little after "an undercover agent" (or "Undercover agent's name"
        in notes) in its paragraph, not given a name (", Ann Roe"): that unnamed person again."""
        if _NAME_APPOSITIVE.match(self.text, end):
            return False
        floor = max(self.text.rfind("\n\n", 0, start), start - UNNAMED_LOOKBACK, 0)
        unnamed = regexcache.compile(_UNNAMED_ROLE.format(role=regex.escape(role)))  # (kept: see regexcache)
        return unnamed.search(self.text, floor, start) is not None

    def _reference_matches(self, reference: LazyPattern) -> Iterator[regex.Match]:
        """reference.finditer(text), tried only where a match can begin (see _reference_starts)."""
        return matches_at(reference, self.text, _reference_starts(Runs.of(self.document), self.lex), 0, len(self.text))

    def _ranked_reference(self, at: int, rank: str) -> tuple[str, int, str | None] | None:
        """The compound role a rank heads from `at` ("chief" + "bridge engineer"), where it
        ends, and the organisation after it ("for ODOT"); None when the rank stands alone."""
        words: list[tuple[str, int]] = []
        for _ in range(3):
            word = _NEXT_LOWER_WORD.match(self.text, words[-1][1] if words else at)
            if word is None:
                break
            words.append((word.group(1), word.end()))
        for width in range(len(words), 0, -1):
            phrase = " ".join([rank, *(w for w, _ in words[:width])])
            if self.lex.role(phrase) is not None:
                end = words[width - 1][1]
                organisation = _ORGANISATION_AFTER.match(self.text, end)
                return phrase, end, organisation.group(1) if organisation else None
        return None


def _lowercase_unit(lex: Lexicon, lows: list[str], at: int) -> int:
    """How many words from `at` make a unit's or body's name written in lowercase: up to three
    field words and a unit's word ("housing committee", "water division", "union local"), the
    longest; 0 for none."""
    for width in (4, 3, 2, 1):
        end = at + width
        if end <= len(lows) and lows[end - 1] in lex.unit_words and all(
                w.isalpha() and w not in lex.function_words and w not in lex.reporting_verbs for w in lows[at:end - 1]):
            return width
    return 0


def _lowercase_body(lex: Lexicon, lows: list[str], at: int) -> int:
    """How many words from `at` make a body's name written in lowercase after its
    organisation: one or two field words and a body word ("housing committee"); 0 for none."""
    for width in (2, 3):
        end = at + width
        if end <= len(lows) and lows[end - 1] in lex.body_words and all(
                w.isalpha() and w not in lex.function_words and w not in lex.body_words for w in lows[at:end - 1]):
            return width
    return 0


_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"}
# Verbs that name an office ("who chairs the Finance Committee", "who heads the agency").
_ROLE_VERBS = {"chairs": "chair", "heads": "head", "directs": "director", "manages": "manager", "leads": "head",
               "runs": "head", "oversees": "head", "supervises": "supervisor"}
# After "and", the words that open more bodies ("the Elm City court and four others", "and the
# county's"), not another verb of the sentence ("chairs the board and said …").
_MORE_BODIES = frozenset({"other", "others", "several", "many", "all", "dozens", "two", "three", "four", "five",
                          "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "the", "a", "an", "its",
                          "their", "his", "her"})
# "who serves as", "who has served as": the words before a title in a "who" clause (their count).
# (Not "who served as": a past post.)
_SERVES_AS = {("serves", "as"): 2, ("has", "served", "as"): 3, ("now", "serves", "as"): 3, ("is", "serving", "as"): 3}
# Words that open a span of time after a title's portfolio ("head of compliance from 2020 until 2023").
_SPAN_AFTER = frozenset({"from", "since", "until", "between", "in"})
# A span that has ended: "from 2020 until August 2023", "between 2019 and 2022".
_CLOSED_SPAN = regexcache.compile(r"(?:from|between)\s+(?:\S+\s+){0,2}?(?:19|20)\d\d\s+(?:until|to|through|and)\s+(?:\S+\s+){0,2}?(?:19|20)\d\d\b")
# Auxiliary verbs that open a question before a name; none of them is a given name ("Will", "May" are).
_QUESTION_AUXILIARIES = frozenset({"did", "does", "do", "didn't", "doesn't", "is", "was", "were", "are",
                                   "has", "have", "had", "hasn't", "wasn't", "isn't", "could", "would", "should"})
_SUBJECTS = frozenset({"i", "we", "you", "he", "she", "they", "who"})  # before a verb that is also a role
# A name after one of these and a lowercase word is the object ("residents of X", "a clinic in X").
_OBJECT_PREPOSITIONS = frozenset({"of", "in", "from", "near"})
# Verbs and auxiliaries that may stand before a role in a clause ("Acme, will become president").
_NOT_DESCRIBING = frozenset({"will", "would", "can", "could", "shall", "should", "may", "might", "must", "is",
                             "was", "are", "were", "be", "been", "being", "has", "have", "had", "become",
                             "became", "becomes", "remain", "remains", "remained", "named", "appointed",
                             "elected", "hired", "promoted", "served", "serves", "serving", "now", "then"})
# (A party and place in brackets may come first: "SEN. ANN ROE (R-Elmira) -- Majority Leader".)
_DASH_LABEL = regexcache.compile(r"(?:[ \t]+\([^()\n]{1,40}\))?[ \t]+(?:--|—|–|-)[ \t]+")
# The end of a name's line and the start of the next ("Ann Roe\nDirector").
_NEXT_LINE = regexcache.compile(r"[ \t]*\n[ \t]*(?=\p{Lu})")
# What may open a list's line before its name: a number or a bullet, and a title or honorific
# ("2) ", "- SEN. ").
_LINE_LEAD = regexcache.compile(r"[ \t]*(?:\d{1,2}[.)]|[-*•])?[ \t]*(?:\p{Lu}\p{L}*\.?[ \t]+){0,2}")
_AFTER_FIRST_WORD = regexcache.compile(r"\S+[ \t]+")
# An honorific after the run's first word ("Has Mr. Roe"), with the space after it.
_INNER_HONORIFIC = regexcache.compile(r"(?<=\S[ \t]+)(\p{Lu}\p{Ll}{0,3}\.)[ \t]+(?=\p{Lu})")
_OF_ROLE_BEFORE = regexcache.compile(r"(\p{Lu}[\p{L}\-]*(?:[ \t]+\p{Lu}[\p{L}\-]*){0,2})[ \t]+of[ \t]+$")
_ROLE_LABEL = regexcache.compile(r"(?m)^[ \t]*(\p{Lu}[\p{L}\- ]{1,40}):[ \t]+\p{Lu}")
# The last word of a line that ends in a colon ("..., said:").
_REPORTING_COLON = regexcache.compile(r"(\p{Ll}+)[ \t]*:$")
_NEXT_LOWER_WORD = regexcache.compile(r"[ \t]+(\p{Ll}+)\b")
_AGE_THEN_WORD = regexcache.compile(r", \d{1,3},[ \t]+(\p{Ll}+)\b")
_ORGANISATION_AFTER = regexcache.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(\p{Lu}[\p{L}.'’\-]*(?:[ \t]+\p{Lu}[\p{L}.'’\-]*)*)")
# ", a description of up to ~25 words, said": the name speaks after its description.
_PERSONAL = regexcache.compile(r",\s+(?:\d{1,3},|who\b|whose\b)")
_WHO_OR_AGE = regexcache.compile(r",\s+(?:\d{1,3},|who\b)")
_NAME_THEN_COMMA = regexcache.compile(r"\p{Lu}[\p{L}'’-]+[ \t]+\p{Lu}[\p{L}'’-]+,[ \t]+(?:[\p{Ll}'’-]+[ \t]+){0,3}$")
_WHOSE = regexcache.compile(r",\s+whose\s+(\p{L}+)")
_HOUSEHOLD = frozenset({"family", "children", "relatives"})  # (besides the kinship words and their plurals)
# A turn's label (after any rank or honorific), then the speaker's own "I'm", "My name is".
_SELF_INTRODUCED = regexcache.compile(
    r"[ \t]*(?:\p{Lu}+\.?[ \t]+)*(\p{Lu}[\p{Lu}'’-]+):[ \t]+(?:(?:I'm|I’m|I am|My name is|This is)[ \t]+)?")
# An unnamed holder of a role: "an undercover agent", "one deputy", "Unnamed agent's"; not
# one named next ("a deputy, Ann Roe,", "an officer named Roe").
UNNAMED_LOOKBACK = 300
_UNNAMED_ROLE = (r"(?:\b(?:an?|another|one)[ \t]+(?:[\p{{Ll}}-]+[ \t]+){{0,2}}|\b(?i:undercover|unnamed|unidentified|anonymous)[ \t]+)"
                 r"{role}\b(?![ \t]+named\b|,?[ \t]+\p{{Lu}})")
_NAME_APPOSITIVE = regexcache.compile(r",?[ \t]+\p{Lu}\p{Ll}")
_MY_NAME_IS = regexcache.compile(r"\b[Mm]y[ \t]+name[ \t]+is[ \t]+$")
# A name after another's and a preposition ("Ann Roe from Acme Peak, who …"): the "who" may
# describe the first name, not the place or company after it.
_NAMED_THEN_PREPOSITION = regexcache.compile(r"\p{Lu}[\p{L}'’-]+[ \t]+(?:from|of|at|with|in)[ \t]+$")
# "X, a therapist who drives to work, said", "X, 44, who lives nearby, said", "X, 61, said".
# A description's characters: no clause mark, and a full stop only after an abbreviation
# ("a physics student from St. Paul"). Shared with the speaker finder (speakers._DESCRIBED).
DESCRIPTION_CHAR = r"(?:[^,;:.!?\"“”()]|(?<=\b(?:St|Mt|Ft|Jr|Sr|Inc|Co|Corp|Ltd|Ave|Blvd|Rd|\p{Lu}))\.)"
_DESCRIPTION = rf"(?:an?|the|who|whose)\s{DESCRIPTION_CHAR}{{1,160}},\s+"
_DESCRIBED_THEN_VERB = regexcache.compile(rf",\s+(?:\d{{1,3}},\s+(?:{_DESCRIPTION})?|{_DESCRIPTION})(\p{{Ll}}+)\b")


def _field_after_status(lex: Lexicon, words: list[tuple[str, int, int]], index: int) -> int:
    """How many lowercase words end at `index` right after a status word ("former economic
    development director": 2), up to three; 0 when no status word comes before them."""
    for count in range(1, 4):
        at = index - count + 1
        if at < 1:
            return 0
        word = words[at][0]
        if not (word.isalpha() and word.islower()) or word in lex.function_words:
            return 0
        if words[at - 1][0].casefold().rstrip("-") in lex.status_words:
            return count
    return 0


def _determiner(word: str) -> bool:
    """"the", "a", "their", or a possessive ("the club's")."""
    low = word.casefold()
    return low in _DETERMINERS or low.endswith(("'s", "’s"))


def speech_mask(document: Document) -> bytearray:
    """1 for every offset inside a quotation. An opening mark that is never closed quotes only
    to the end of its sentence, and the closed quotations nested inside it are still quotes;
    so that a paragraph with one stray mark keeps its narration ("..." he added)."""
    mask = bytearray(len(document.text))
    for quote in document.quotes:
        if quote.depth == 0 and quote.closed:
            mask[quote.start:quote.end] = b"\x01" * (quote.end - quote.start)
        elif quote.depth == 0:
            sentence = document.sentence_at(quote.start)
            end = min(quote.end, sentence.end) if sentence else quote.end
            mask[quote.start:end] = b"\x01" * (end - quote.start)
            for inner in document.quotes:
                if inner.depth == 1 and inner.closed and quote.start < inner.start < quote.end:
                    mask[inner.start:inner.end] = b"\x01" * (inner.end - inner.start)
    return mask


_LOWERCASE_WORD = regexcache.compile(r"(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}'’\-]*")
_LIST_LABEL = regexcache.compile(r"[ \t]*(\p{Lu}\p{L}*(?:[ \t]+\p{L}+){0,2}):(?:[ \t]+|[ \t]*\n[ \t]*)\p{Lu}")
# The rest of a list's line after "Name, Role,": an organisation's name and nothing else.
_LINE_ORGANISATION = regexcache.compile(r"[ \t]*((?:the[ \t]+)?\p{Lu}[\p{L}.'’&-]*(?:[ \t]+(?:of|and|for|the|&|\p{Lu}[\p{L}.'’&-]*))*)[ \t]*")
# An age between a name and its appositive: "X, 58, a surveyor".
# A description after a name: "Ann Roe, a designer …", "Ann Roe, 29, …", "Ann Roe, who …",
# "Ann Roe, whose son …", "Ann Roe, the owner …", "Ann Roe, pastor of …".
DESCRIBED_AFTER_NAME = regexcache.compile(r",\s+(?:(?:an?|the)\s+[\p{Ll}\d]|\d{1,3},|whose?\b|\p{Ll}+\s+(?:of|at|for)\s)")
# A dateline: a place in capitals, perhaps its state or country, then a dash ("ELMWOOD, Ore. — ").
_DATELINE = regexcache.compile(r"\p{Lu}[\p{Lu}.'’-]*(?:\s+\p{Lu}[\p{Lu}.'’-]*){0,3}(?:,\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?)?\s*(?:—|–|--)\s")
_AGE_AFTER_NAME = regexcache.compile(r", \d{1,3}, (?=\p{L})")
# A line of a list: it opens (after spaces, a bullet or emphasis marks) with a capital.
_LINE_OPENS_CAPITAL = regexcache.compile(r"[ \t*_>-]*\p{Lu}")
_BRACKETED = regexcache.compile(r"^[ \t]*\([^()\n]{1,40}\)")
# (Not the stops of a dotted abbreviation: "with the U.S. Coastal Survey".)
_AT_THE_TIME = regexcache.compile(r"\b(?:at\s+the\s+time|then)\b")  # after a title: the post then held
_AFTER_COMMA = regexcache.compile(r",[ \t]+(?:\p{Lu}[\p{L}'’.-]*[ \t]+)*$")  # ", American " before a name
_CLOSES_ON_LINE = regexcache.compile(r"[^()\n]{0,80}\)")  # the rest of a bracket, closed on its line
_APPOSITIVE_STOP = regexcache.compile(r"[,;:()\"“”]|(?<!(?<!\p{L})\p{Lu})\.")
_SPACE_CAPITAL = regexcache.compile(r"\s+\p{Lu}")


def lowercase_vocabulary(text: str) -> set[str]:
    return set(_LOWERCASE_WORD.findall(text))


_PLAIN_WORD = regexcache.compile(r"[\p{L}'’]+")


def following_word(text: str, end: int) -> str:
    found = _PLAIN_WORD.search(text, end, end + 30)
    return found.group().casefold() if found is not None and not text[end:found.start()].strip() else ""


# Words after "her" that make it an object ("woke her up", "told her that", "thanked her
# personally"), not a possessive.
_AFTER_OBJECT = frozenset({"to", "for", "that", "and", "or", "in", "with", "at", "on", "as", "about", "from",
                           "into", "up", "out", "back", "down", "off", "over", "by", "of", "after", "before", "",
                           "personally", "directly", "repeatedly", "immediately", "again", "twice", "yesterday",
                           "afterward", "afterwards"})


def object_pronoun(word: str, text: str, end: int) -> bool:
    """"him", or "her" as an object ("thanked her,", "told her that")."""
    if word == "him":
        return True
    return word == "her" and following_word(text, end) in _AFTER_OBJECT


def reported_between(lex, text: str, name_at: int, pronoun_at: int) -> bool:
    """A reporting verb between the person and the pronoun: "X said the alarm woke her" puts the
    object in X's own words, where it may be X."""
    return any(w.casefold() in lex.reporting_verbs for w in _PLAIN_WORD.findall(text, name_at, pronoun_at))


def _after_kinship_word(text: str, start: int) -> bool:
    """"his wife, Ann X", "her son Tom X", "his brother, Judge Tom X", "her husband, Dr. Tom
    X", "father of Ann X": the name follows a word for a relative, and perhaps a title or
    honorific."""
    lex = lexicon()
    words = text[max(0, start - 50):start].replace(",", " ").split()
    while words and len(words) > 1 and (words[-1].casefold() in lex.honorifics or words[-1].casefold() == "the"
                                        or lex.role(words[-1].casefold()) is not None):
        words.pop()
    if len(words) > 1 and words[-1] == "of":
        words.pop()  # "Father of Ann X", "the widow of Tom X": the name is the relative's
    return bool(words) and words[-1].casefold().strip("(") in lex.kinship_words


_KIN_APPOSITIVE = regexcache.compile(r",\s+(?:(?:his|her|their|the\s+[\p{Ll}-]+['’]s|[\p{Lu}][\p{L}'’-]*['’]s)\s+"
                                     r"(?:[\p{Ll}-]+\s+)?([\p{Ll}-]+)\b|(?:the\s+|a\s+)?([\p{Ll}-]+)\s+of\s+\p{Lu})")


def _kin_appositive(text: str, end: int) -> bool:
    """"Ann X, his mother,", "Ann X, the victim's sister", "Ann X, daughter of Tom X": an
    appositive after the name says the person is someone's relative ("the firm's managing
    partner" is no relative)."""
    found = _KIN_APPOSITIVE.match(text, end, end + 60)
    return found is not None and (found.group(1) or found.group(2)).casefold() in lexicon().kinship_words - {"partner"}


def introduced_as_relative(text: str, start: int, end: int) -> bool:
    """The name [start, end) is introduced as someone's relative: "his wife, Ann X", "Ann X,
    the victim's sister"."""
    return _after_kinship_word(text, start) or _kin_appositive(text, end)
