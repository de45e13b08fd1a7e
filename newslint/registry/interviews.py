"""Interview transcripts among the sources (Q&A): the answers are the interviewee's words though
no quotation marks enclose them. A document is a transcript when at least `MIN_QUESTIONS` of its
paragraphs are questions set apart ("**Why sell now?**", "Q: Why sell now?") and plain
paragraphs answer them; the interviewee is the one person its other paragraphs (headline,
introduction) name clearly most often.

Hearing transcripts and meeting minutes set each turn apart with its speaker instead
("MS. LARK: We will…", "Trustee Pell: We are…", "THE CHAIR (Mr. Ian Roe): …", a call's
"Ann Roe -- Chief Financial Officer: …"): a turn whose
label names one known person is that person's words, when the document has at least
`MIN_TURNS` such turns."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from newslint import regexcache
from newslint.document.model import Document
from newslint.registry.mentions import lowercase_vocabulary
from newslint.registry.model import Registry
from newslint.registry.speakers import READING

MIN_QUESTIONS = 3
MIN_TURNS = 2
# "LABEL: words" or "LABEL (Name): words" opening a paragraph; the label is a few words.
_TURN = regexcache.compile(r"(?m)^[ \t]*(?:\*\*)?(?P<label>\p{Lu}[\p{L}.'’\- ]{0,50}?)\s*(?:\((?P<named>[^()]{1,120})\)"
                           r"|[ \t]+(?:--|—|–)[ \t]+[^:\n]{1,80})?"  # "Ann Roe -- Chief Financial Officer:"
                           r"(?:\*\*)?\s*:(?:\*\*)?[ \t]+(?P<words>\S)")
_LABEL_OPENERS = {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "the", "hon.", "sen.", "rep."}
_QUESTION = regexcache.compile(r"^\s*(?:\*\*.+\*\*|__.+__|(?:Q|Question)\s*[:.]\s*.+)\s*$")
_ANSWER_LABEL = regexcache.compile(r"^\s*(?:A|Answer)\s*[:.]\s*")
_WORD = regexcache.compile(r"\p{L}[\p{L}'’\-]*")


def answers(document: Document, registry: Registry) -> tuple[str, list[tuple[str, int]]]:
    """(interviewee's canonical name, [(answer paragraph, line)]) of a transcript; ("", []) for
    any other document or when the interviewee is not clear."""
    questions, replies, other = 0, [], []
    answering = False
    for block in document.blocks:
        line = document.position(block.start)[0]
        raw = document.line_text(line)
        if block.kind != "paragraph" or any(s.startswith(("heading", "frontmatter", "list", "table")) for s in block.scopes):
            answering = False
            other.append(document.text[block.start:block.end])
        elif _QUESTION.match(raw) and not _ANSWER_LABEL.match(raw):
            questions += 1
            answering = True
        elif answering:
            text = _ANSWER_LABEL.sub("", document.text[block.start:block.end]).strip()
            # (Not a note in brackets nor a rule of marks, "=== PART 2 ===": the notes' own.)
            if text and not text.startswith(("*", "_", '"', "“", "[", "=")):
                # (With the label of a turn, "ANN ROE: …", to check against the interviewee.)
                label = _TURN.match(raw) if not _ANSWER_LABEL.match(raw) else None
                replies.append((text, line, label.group("label") if label else None, questions))
        else:
            other.append(document.text[block.start:block.end])
    if questions < MIN_QUESTIONS or not replies:
        return "", []
    speaker = _interviewee(" ".join(other), registry)
    if not speaker:
        return "", []
    return speaker, _own_replies(replies, speaker, registry)


def _own_replies(replies: list[tuple[str, int, str | None, int]], speaker: str,
                 registry: Registry) -> list[tuple[str, int]]:
    """The replies that are the interviewee's: after a turn labelled for someone else ("THE
    COURT: …", "MS. VALE: …" in a hearing that the notes go on to), none until the next
    question. (A label in capitals, or one that names another known person: "Two things: …"
    opens an answer.)"""
    surname = speaker.split()[-1].casefold()
    own, foreign, asked = [], False, -1
    for text, line, label, question in replies:
        if question != asked:
            foreign, asked = False, question
        if label is not None and surname not in label.casefold().split():
            foreign = label.isupper() or _labelled_person(label, registry) not in ("", speaker)
        elif label is not None:
            foreign = False
        if not foreign:
            own.append((text, line))
    return own


def _interviewee(text: str, registry: Registry) -> str:
    """The person the transcript's own framing names most, by surname: at least twice and more
    than anyone else."""
    words = Counter(_WORD.findall(text))
    counts = sorted(((words[p.surname], p.canonical) for p in registry.people if p.surname), reverse=True)
    if not counts or counts[0][0] < 2 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return ""
    return counts[0][1]


def speaker_turns(document: Document, registry: Registry) -> list[tuple[str, str, int]]:
    """[(speaker's canonical name, words, line)] for the labelled turns of a hearing transcript
    or minutes; [] when fewer than MIN_TURNS turns name a known person."""
    turns = []
    current = ""  # the speaker whose turn a paragraph with no label continues
    vocabulary: set[str] | None = None  # the document's lowercase words, read when a label needs them
    for block in document.blocks:
        if block.kind != "paragraph" or any(s.startswith(("heading", "frontmatter", "table")) for s in block.scopes):
            current = ""
            continue
        found = _TURN.match(document.text, block.start, block.end)
        if found is None or len(found.group("label").split()) > 5:
            # A turn runs on over paragraphs until the next label ("SEN. ROE: Thank you. …" and
            # then "Our next point …"); a bracketed note or a line of capitals ends it.
            paragraph = document.text[block.start:block.end]
            words = paragraph.strip()
            if current and _CONTINUES.match(words) and not words.isupper():
                begins = block.start + len(paragraph) - len(paragraph.lstrip())
                turns.append((current, words, document.position(begins)[0]))
            else:
                current = ""
            continue
        speaker = _labelled_person(found.group("named") or "", registry) or _labelled_person(found.group("label"), registry)
        if not speaker and len(found.group("label").split()) > 1:
            if vocabulary is None:
                vocabulary = lowercase_vocabulary(document.prose)
            speaker = _labelled_person(found.group("label"), registry, vocabulary)
        words = document.text[found.start("words"):block.end].strip()
        current = speaker if speaker and words and not words.startswith(('"', "“")) else ""
        if current:
            if READING.search(words) is not None:
                # "I'll read a letter from Ann Roe. Quote: "…"": what the speaker reads out is
                # the letter's writer's (speakers._read_from), not the speaker's own words.
                words = _QUOTED.sub(" … ", words)
            turns.append((speaker, words, document.position(found.start("words"))[0]))
    return turns if len(turns) >= MIN_TURNS else []


_QUOTED = regexcache.compile(r"\"[^\"]*\"|“[^”]*”")


# A paragraph that may go on with a speaker's words: it opens with a capital letter or a
# quotation mark, not with a note ("[Recess.]"), a number ("4. NEW BUSINESS") or a mark;
# "I" and "A" open one as words ("I'd rather…", "I think…", "A lot…").
_CONTINUES = regexcache.compile(r"[\p{Lu}\"“'‘]\p{Ll}|(?:I|A)(?:['’]\p{Ll}|\s+\p{Ll})")


def _labelled_person(label: str, registry: Registry, vocabulary: set[str] | None = None) -> str:
    """The known person a label names ("MS. LARK", "CAPT. ANN ROE"); with the document's
    lowercase `vocabulary`, also a full name the sources know only from its label ("ANN ROE
    (owner, Roe Farms):" speaks once and is named nowhere else), as written in title case."""
    from newslint.registry.lexicon import is_title_word, lexicon as people_lexicon

    ranks = people_lexicon().ranks
    words = label.split()
    while words and (words[0].casefold() in _LABEL_OPENERS or words[0].casefold() in ranks):
        words = words[1:]
    if not words:
        return ""
    person = registry.person_by_name(" ".join(words))
    if person is not None:
        return person.canonical
    if len(words) == 1:
        # A surname two known "people" share, one of them a title read as a given name
        # ("Sergeant Ann Roe" beside Anne Roe): the other is the one.
        named = [p for p in registry.people if p.surname.casefold() == words[0].casefold()
                 and not (is_title_word(first := p.canonical.split()[0]) or first.casefold() in ranks)]
        return named[0].canonical if len(named) == 1 else ""
    if vocabulary is None or not 2 <= len(words) <= 3 or not all(_NAME_WORD.fullmatch(w) for w in words) \
            or any(w.casefold() in vocabulary or is_title_word(w) or w.casefold() in _organisation_words() for w in words):
        return ""
    return " ".join(w[:1] + w[1:].casefold() if w.isupper() else w for w in words)


@lru_cache(maxsize=1)
def _organisation_words() -> frozenset[str]:
    """Words that make a label an organisation ("PORT ADAIR LEDGER:", a reporter's outlet)."""
    from newslint.datafiles import data_file
    from newslint.registry.lexicon import lexicon as people_lexicon

    lex = people_lexicon()
    outlets = {str(w).casefold() for w in data_file("speech.yaml").get("outlet_words") or []}
    return frozenset(lex.organisation_words | lex.organisation_words_weak | lex.company_words | outlets)


# A word of a name in a label: "ROE", "O'NEIL", "Roe-Lamb".
_NAME_WORD = regexcache.compile(r"\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)?")
