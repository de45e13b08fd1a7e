"""Look a quotation up in the sources: in their extracted quotes (with speakers) and in their
full text (sources quote and paraphrase inconsistently, so words that appear verbatim in a
source's prose are not "absent").

Comparison is by normalised words (case, curly or straight quotes, punctuation, whitespace do
not count; ellipses and bracketed insertions split the quotation into runs that must appear in
order). A close but different wording is found by word-level edit distance (rapidfuzz) over
windows of the source text."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from itertools import accumulate
from operator import attrgetter
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from newslint.registry.extractors.quotes import SOURCE_TEXT
from newslint.registry.model import Provenance, QuoteFact, Registry
from newslint.registry.wording import APOSTROPHES, WORD, contains_segments


@dataclass
class SourceWords:
    """One source's words with their offsets and lines, for verbatim and near-miss search."""

    path: str
    text: str
    words: list[str]
    spans: list[tuple[int, int]]
    line_starts: list[int]
    present: frozenset[str] = frozenset()
    paragraphs: list[tuple[int, int, frozenset[str]]] = field(default_factory=list)  # word ranges by line

    def line_of(self, word_index: int) -> int:
        import bisect

        return bisect.bisect_right(self.line_starts, self.spans[word_index][0])

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.text.find("\n", start)
        return (self.text[start:] if end < 0 else self.text[start:end]).strip()

    def wording(self, first: int, last: int) -> str:
        """The source's own text for words first..last (inclusive)."""
        return self.text[self.spans[first][0]:self.spans[last][1]]


@dataclass
class Candidate:
    """A source quote (or two parts of one split around its attribution), normalised."""

    words: list[str]
    facts: list[QuoteFact]

    def __post_init__(self) -> None:
        self.present = frozenset(self.words)


@dataclass
class Match:
    """Where a draft quotation was found. `exact` when verbatim; otherwise `similarity` < 1."""

    exact: bool
    similarity: float
    provenance: Provenance
    wording: str = ""  # the source's wording (for a near miss)
    facts: list[QuoteFact] = field(default_factory=list)  # source quotes that hold the words


LOOKUPS_KEPT = 4096


class QuoteIndex:
    def __init__(self, registry: Registry) -> None:
        self._answers: dict[tuple, Match | None] = {}  # lookup's, by quotation words and threshold
        self.candidates = _candidates(registry.quotes)
        self.sources = [_source_words(path, text) for path, text in _source_texts(registry).items()]
        # word -> (source, paragraph) pairs holding it, for the near-miss search.
        self.paragraphs_with: dict[str, list[tuple[int, int]]] = {}
        self.sources_with: dict[str, list[int]] = {}
        for s, source in enumerate(self.sources):
            for word in source.present:
                self.sources_with.setdefault(word, []).append(s)
            for p, (_, _, present) in enumerate(source.paragraphs):
                for word in present:
                    self.paragraphs_with.setdefault(word, []).append((s, p))
        # Sources repeat quotations: each distinct wording once (in order of first use), with
        # the candidates that have it, is what the lookups compare.
        self.wordings: list[Candidate] = []  # facts: unused; members in `members`
        self.members: list[list[int]] = []
        first: dict[tuple[str, ...], int] = {}
        for index, candidate in enumerate(self.candidates):
            number = first.setdefault(tuple(candidate.words), len(self.wordings))
            if number == len(self.wordings):
                self.wordings.append(Candidate(candidate.words, []))
                self.members.append([])
            self.members[number].append(index)
        # So that a lookup touches only the wordings that can match, not all of them:
        # word -> the wordings holding it, and each wording filed under its rarest word.
        self.holding: dict[str, list[int]] = {}
        for index, candidate in enumerate(self.wordings):
            for word in candidate.present:
                self.holding.setdefault(word, []).append(index)
        # The sources' speakers, for "is this someone the sources quote?" (see has_speaker).
        self.speaker_names = {f.speaker.casefold() for f in registry.quotes if f.speaker}
        self.speaker_surnames = {name.split()[-1] for name in self.speaker_names if name.split()}
        self.by_rarest: dict[str, list[int]] = {}
        for index, candidate in enumerate(self.wordings):
            rarest = min(candidate.present, key=lambda w: (len(self.holding[w]), w))
            self.by_rarest.setdefault(rarest, []).append(index)

    def has_speaker(self, name: str) -> bool:
        """Some source quote's speaker is `name` by speakers.same_person: the same name, or
        the same surname (casefolded)."""
        if not name:
            return False
        name = name.casefold()
        return name in self.speaker_names or name.split()[-1] in self.speaker_surnames

    def _holding_all(self, wanted: frozenset[str]) -> list[int] | range:
        """Wordings that may hold every wanted word: those holding the rarest (in order)."""
        if not wanted:
            return range(len(self.wordings))
        return min((self.holding.get(w, []) for w in wanted), key=len)

    def _held_by(self, wanted: frozenset[str]) -> list[int]:
        """Wordings whose words may all be wanted ones: those whose rarest word is (in order)."""
        return sorted(i for w in wanted for i in self.by_rarest.get(w, ()))

    def _facts(self, wordings, single: bool = False) -> list[QuoteFact]:
        """The facts of these wordings' candidates in candidate order, each once (by equality);
        `single`: only the first fact of candidates of one source quote."""
        found: list[QuoteFact] = []
        seen: set[tuple] = set()
        for candidate in (self.candidates[i] for i in sorted(i for w in wordings for i in self.members[w])):
            if single and len(candidate.facts) != 1:
                continue
            for fact in candidate.facts[:1] if single else candidate.facts:
                identity = _identity(fact)
                if identity not in seen:
                    seen.add(identity)
                    found.append(fact)
        return found

    def speakers_of(self, segments: list[list[str]], min_overlap: int) -> list[QuoteFact]:
        """The source quotes that hold these words, or that the words hold (a draft quotation
        may run two source parts together, or quote a longer stretch than one source did)."""
        words = [w for s in segments for w in s]
        wanted = frozenset(words)
        return self._facts(i for i in sorted({*self._holding_all(wanted), *self._held_by(wanted)})
                           if (wanted <= (c := self.wordings[i]).present and contains_segments(c.words, segments))
                           or (len(c.words) >= min_overlap and c.present <= wanted
                               and contains_segments(words, [c.words])))

    def parts_in(self, segments: list[list[str]], min_words: int) -> list[QuoteFact]:
        """Source quotes of at least `min_words` words that the draft quotation holds: the
        sources confirm part of it."""
        words = [w for s in segments for w in s]
        present = frozenset(words)
        return self._facts((i for i in self._held_by(present)
                            if len((c := self.wordings[i]).words) >= min_words and c.present <= present
                            and contains_segments(words, [c.words])), single=True)

    def lookup(self, segments: list[list[str]], threshold: float) -> Match | None:
        """Verbatim in a source (quote or prose), else the closest wording above `threshold`.
        Answers are kept (up to LOOKUPS_KEPT): drafts, and an editor's every change, ask
        again for the same quotations, and the near-miss search reads every paragraph that
        holds half of a quotation's words."""
        asked = (tuple(tuple(s) for s in segments), threshold)
        if asked not in self._answers:
            if len(self._answers) >= LOOKUPS_KEPT:
                self._answers.clear()
            self._answers[asked] = self._lookup(segments, threshold)
        return self._answers[asked]

    def _lookup(self, segments: list[list[str]], threshold: float) -> Match | None:
        wanted = frozenset(w for s in segments for w in s)
        for index in self._holding_all(wanted):
            wording = self.wordings[index]
            if wanted <= wording.present and contains_segments(wording.words, segments):
                candidate = self.candidates[self.members[index][0]]  # the first that has it
                return Match(True, 1.0, candidate.facts[0].provenance, facts=candidate.facts)
        holding = min((self.sources_with.get(w, []) for w in wanted), key=len) if wanted else range(len(self.sources))
        for source in (self.sources[s] for s in holding):
            at = _find_segments(source.words, segments) if wanted <= source.present else None
            if at is not None:
                line = source.line_of(at)
                return Match(True, 1.0, Provenance(source.path, line, source.line_text(line)))
        words = [w for s in segments for w in s]
        best: tuple[float, SourceWords, int, int] | None = None
        wanted = set(words)
        n = len(words)
        slack = max(2, n // 4)
        # Only paragraphs that hold half the quotation's words can hold a close wording.
        need = max(2, (len(wanted) + 1) // 2)
        reach = n + slack  # the longest window
        seen: set[tuple[str, ...]] = set()
        for source, spans in self._paragraphs_holding(wanted, need, n):
            for span in spans:
                # Each word an alignment keeps is a quotation word, so no window from a start
                # scores above (quotation words in its longest window) / n: skip starts that can
                # reach neither the threshold nor the best so far (a tie still counts: keep those).
                # hits[i]: quotation words among the span's words before span.start + i.
                hits = [0, *accumulate(w in wanted for w in source.words[span.start:span.stop - 1 + reach])]
                for start in span:
                    if source.words[start] not in wanted and (start == 0 or source.words[start - 1] not in wanted):
                        continue
                    floor = threshold if best is None else max(threshold, best[0])
                    at = start - span.start
                    if hits[min(at + reach, len(hits) - 1)] - hits[at] < n * floor - 1e-9:
                        continue
                    # The same words from an earlier start (a quotation the sources repeat)
                    # score the same, and only a better score replaces the best.
                    ahead = tuple(source.words[start:start + reach])
                    if ahead in seen:
                        continue
                    seen.add(ahead)
                    for size in range(max(1, n - slack), reach + 1):
                        window = source.words[start:start + size]
                        if len(window) < size:
                            break
                        score = Levenshtein.normalized_similarity(words, window)
                        # On a tie, the window as long as the quotation (a changed word, not a
                        # dropped one) reads best as the source's wording.
                        if best is None or (score, -abs(size - n)) > (best[0], -abs(best[3] - best[2] + 1 - n)):
                            best = (score, source, start, start + size - 1)
        if best is None or best[0] < threshold:
            return None
        score, source, first, last = best
        line = source.line_of(first)
        return Match(False, score, Provenance(source.path, line, source.line_text(line)), source.wording(first, last))


    def _paragraphs_holding(self, wanted: set[str], need: int, n: int) -> list[tuple[SourceWords, list[range]]]:
        """Per source (in order), the word ranges (from n words before each paragraph) of the
        paragraphs holding `need` or more of the wanted words. Such a paragraph holds one of
        the len(wanted) - need + 1 rarest of them, so only those words' paragraphs are tried."""
        if need > len(wanted):
            return []
        rarest = sorted(wanted, key=lambda w: (len(self.paragraphs_with.get(w, ())), w))[:len(wanted) - need + 1]
        tried = sorted({key for w in rarest for key in self.paragraphs_with.get(w, ())})
        found: dict[int, list[range]] = {}
        for s, p in tried:
            first, last, present = self.sources[s].paragraphs[p]
            if len(present & wanted) >= need:
                found.setdefault(s, []).append(range(max(0, first - n), last + 1))
        return [(self.sources[s], spans) for s, spans in found.items()]


# Facts are told apart as dataclasses compare them: by every field.
_identity = attrgetter(*(f.name for f in fields(QuoteFact)))


def _find_segments(words: list[str], segments: list[list[str]]) -> int | None:
    """Index of the first word of the segments' match in `words`, or None."""
    first = segments[0]
    for at in range(len(words) - len(first) + 1):
        if words[at:at + len(first)] == first and contains_segments(words[at:], segments):
            return at
    return None


def _candidates(quotes: list[QuoteFact]) -> list[Candidate]:
    from newslint.registry.wording import quote_words

    out: list[Candidate] = []
    previous: QuoteFact | None = None
    for fact in quotes:
        words = quote_words(fact.text)
        if words:
            out.append(Candidate(words, [fact]))
            # Two parts of one quotation split around its attribution, as one run of words.
            if previous is not None and previous.provenance.source == fact.provenance.source \
                    and previous.provenance.line == fact.provenance.line and previous.speaker == fact.speaker:
                out.append(Candidate(quote_words(previous.text) + words, [previous, fact]))
        previous = fact
    return out


def _source_texts(registry: Registry) -> dict[str, str]:
    texts = registry.extra.get(SOURCE_TEXT)
    if isinstance(texts, dict) and texts:
        return {str(k): str(v) for k, v in texts.items()}
    found = {}
    for path in registry.sources:  # a registry loaded without the texts: read them again
        try:
            found[path] = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return found


def _source_words(path: str, text: str) -> SourceWords:
    normal = text.translate(APOSTROPHES)
    words, spans = [], []
    for match in WORD.finditer(normal):
        words.append(match.group().casefold())
        spans.append((match.start(), match.end()))
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    source = SourceWords(path, text, words, spans, starts, frozenset(words))
    first = 0
    for index in range(1, len(words) + 1):
        if index == len(words) or source.line_of(index) != source.line_of(first):
            source.paragraphs.append((first, index - 1, frozenset(words[first:index])))
            first = index
    return source


_INDEXES: dict[int, tuple[Registry, QuoteIndex]] = {}


def index_for(registry: Registry) -> QuoteIndex:
    """The index of a registry, built once (the registry object is kept alive with it)."""
    held = _INDEXES.get(id(registry))
    if held is None or held[0] is not registry:
        if len(_INDEXES) > 8:
            _INDEXES.clear()
        held = (registry, QuoteIndex(registry))
        _INDEXES[id(registry)] = held
    return held[1]
