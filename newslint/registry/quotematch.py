"""Look a quotation up in the sources: in their extracted quotes (with speakers) and in their
full text (sources quote and paraphrase inconsistently, so words that appear verbatim in a
source's prose are not "absent").

Comparison is by normalised words (case, curly or straight quotes, punctuation, whitespace do
not count; ellipses and bracketed insertions split the quotation into runs that must appear in
order). A close but different wording is found by word-level edit distance (rapidfuzz) over
windows of the source text."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cached_property
from collections import Counter
from itertools import accumulate, chain, compress, count, repeat
from bisect import bisect_left
from math import ceil, floor
from operator import and_, attrgetter, ge, or_, sub
from pathlib import Path

import re

from rapidfuzz.distance import LCSseq, Levenshtein

from newslint.registry.model import SOURCE_TEXT, Provenance, QuoteFact, Registry
from newslint.registry.store import kept_derived
from newslint.registry.wording import APOSTROPHES, WORD, contains_segments


@dataclass(eq=False, repr=False)
class SourceWords:
    """One source's words with their lines, for verbatim and near-miss search; their offsets
    (`spans`) are found when a match first asks for them."""

    path: str
    text: str
    words: list[str]
    line_starts: list[int]
    present: frozenset[str] = frozenset()
    paragraphs: list[tuple[int, int, frozenset[str]]] = field(default_factory=list)  # word ranges by line

    @cached_property
    def spans(self) -> list[tuple[int, int]]:
        """Each word's (start, end) in `text`: only the few sources a match is reported from
        need them, and a span per word was most of the cost of reading a source."""
        return [match.span() for match in WORD.finditer(self.text.translate(APOSTROPHES))]

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


@dataclass(eq=False, repr=False)
class Candidate:
    """A source quote (or two parts of one split around its attribution), normalised."""

    words: list[str]
    facts: list[QuoteFact]

    def __post_init__(self) -> None:
        self.present = frozenset(self.words)


@dataclass(repr=False)
class Match:
    """Where a draft quotation was found. `exact` when verbatim; otherwise `similarity` < 1."""

    exact: bool
    similarity: float
    provenance: Provenance
    wording: str = ""  # the source's wording (for a near miss)
    facts: list[QuoteFact] = field(default_factory=list)  # source quotes that hold the words


@dataclass(eq=False, repr=False)
class SourceIndex:
    """The sources' words line by line (SourceWords), their paragraphs numbered in order
    (source by source), and word -> the numbers of the paragraphs (ascending), and of the
    sources, holding it, for the verbatim and near-miss searches."""

    sources: list[SourceWords]
    paragraphs: list[tuple[int, int, frozenset[str]]]  # word range and words
    paragraph_source: list[int]
    first_paragraph: list[int]  # each source's first paragraph number
    paragraphs_with: dict[str, list[int]]
    sources_with: dict[str, list[int]]

    @classmethod
    def of(cls, registry: Registry) -> SourceIndex:
        # Each distinct word is one string object for all sources (pickling keeps that): the
        # near-miss search reads the words of thousands of paragraphs, and a few thousand
        # strings stay in the CPU's cache where a separate string per occurrence (a million in
        # a large registry) does not.
        spelled: dict[str, str] = {}
        index = cls([_source_words(path, text, spelled) for path, text in _source_texts(registry).items()],
                    [], [], [], {}, {})
        for s, source in enumerate(index.sources):
            for word in source.present:
                index.sources_with.setdefault(word, []).append(s)
            index.first_paragraph.append(len(index.paragraphs))
            for paragraph in source.paragraphs:
                for word in paragraph[2]:
                    index.paragraphs_with.setdefault(word, []).append(len(index.paragraphs))
                index.paragraphs.append(paragraph)
                index.paragraph_source.append(s)
        return index


LOOKUPS_KEPT = 4096
BITS_KEPT = 4096  # words' paragraph bits kept per index


class QuoteIndex:
    def __init__(self, registry: Registry) -> None:
        self._answers: dict[tuple, Match | None] = {}  # lookup's, by quotation words and threshold
        # _near_miss's answers by quotation words: (the threshold asked, the answer)
        self._nearest: dict[tuple[str, ...], tuple[float, Match | None]] = {}
        self._facts_kept: dict[tuple, list[QuoteFact]] = {}  # _facts', by wordings
        self._speaking_kept: dict[tuple, tuple[tuple[QuoteFact, ...], frozenset[str]]] = {}  # speaking's
        self.candidates = _candidates(registry.quotes)
        self._quotes = registry.quotes
        self._at_line: dict[tuple[str, int], list[QuoteFact]] | None = None  # quotes_at's, made on first use
        self._inner: dict[int, list[QuoteFact]] | None = None  # inner_quotes', made on first use
        # The sources' words and paragraphs depend on the registry alone: read by the first
        # process that needs them and kept beside the registry's cache file (see SourceIndex).
        index: SourceIndex = kept_derived(registry, "quote-sources", lambda: SourceIndex.of(registry))
        self.sources = index.sources
        self.paragraphs = index.paragraphs
        self.paragraph_source = index.paragraph_source
        self.first_paragraph = index.first_paragraph
        self.paragraphs_with = index.paragraphs_with
        self.sources_with = index.sources_with
        self._word_bits: dict[str, int] = {}
        self._irregulars: dict[tuple[int, int], int] = {}
        self._gaps: tuple[list[tuple[int, int]], list[tuple[int, int]]] | None = None  # see _irregular
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

    def quotes_at(self, source: str, line: int) -> list[QuoteFact]:
        """The registry's quotes on one line of a source, in registry order."""
        return self._lines().get((source, line), [])

    def _lines(self) -> dict[tuple[str, int], list[QuoteFact]]:
        if self._at_line is None:
            self._at_line = {}
            for fact in self._quotes:
                self._at_line.setdefault((fact.provenance.source, fact.provenance.line), []).append(fact)
        return self._at_line

    def inner_quotes(self) -> dict[int, list[QuoteFact]]:
        """By id of a source quote: the shorter quotes on its line that the line gives to someone
        else ("The foreman stated that crews had been "skipping checks"" holds the foreman's
        words). Only quotes that have such neighbours are keys: most have none, and a quotation
        that sources repeat has thousands of facts to sort by it."""
        if self._inner is None:
            self._inner = {}
            for group in self._lines().values():
                if len(group) < 2:
                    continue
                for fact in group:
                    inner = [other for other in group
                             if other is not fact and other.speaker != fact.speaker
                             and len(other.text) < len(fact.text) and (other.speaker or other.speaker_text)]
                    if inner:
                        self._inner[id(fact)] = inner
        return self._inner

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
        `single`: only the first fact of candidates of one source quote. Kept per set of
        wordings: sources that repeat a quotation give it thousands of facts, and many draft
        quotations hold the same source quote."""
        asked = (tuple(wordings), single)
        kept = self._facts_kept.get(asked)
        if kept is None:
            if len(self._facts_kept) >= LOOKUPS_KEPT:
                self._facts_kept.clear()
            kept = self._facts_kept[asked] = self._gather_facts(asked[0], single)
        return list(kept)

    def _gather_facts(self, wordings: tuple[int, ...], single: bool) -> list[QuoteFact]:
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
        return self._facts(self._speakers_wordings(segments, min_overlap))

    def speaking(self, segments: list[list[str]], min_overlap: int) -> tuple[tuple[QuoteFact, ...], frozenset[str]]:
        """speakers_of's facts that name a speaker, and their distinct speakers: kept per set of
        wordings, as sources that repeat a quotation give it thousands of facts and most
        checks only ask whether the draft's speaker is among a few people."""
        asked = tuple(self._speakers_wordings(segments, min_overlap))
        kept = self._speaking_kept.get(asked)
        if kept is None:
            if len(self._speaking_kept) >= LOOKUPS_KEPT:
                self._speaking_kept.clear()
            facts = tuple(f for f in self._facts(asked) if f.speaker)
            kept = self._speaking_kept[asked] = (facts, frozenset(f.speaker for f in facts))
        return kept

    def _speakers_wordings(self, segments: list[list[str]], min_overlap: int) -> list[int]:
        words = [w for s in segments for w in s]
        wanted = frozenset(words)
        return [i for i in sorted({*self._holding_all(wanted), *self._held_by(wanted)})
                if (wanted <= (c := self.wordings[i]).present and contains_segments(c.words, segments))
                or (len(c.words) >= min_overlap and c.present <= wanted and contains_segments(words, [c.words]))]

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
        return self._closest([w for s in segments for w in s], threshold)

    def _closest(self, words: list[str], threshold: float) -> Match | None:
        """_near_miss's answer, from an earlier search of the same words when it tells: the
        search finds the same closest window at any threshold the window reaches (the
        threshold only prunes windows that cannot reach it), so a window found at one
        threshold is the answer at any threshold up to its similarity and None above, and
        no window at one threshold means none at a higher one. The quotation and
        attribution checks ask for the same quotations at different thresholds."""
        key = tuple(words)
        kept = self._nearest.get(key)
        if kept is not None:
            asked, match = kept
            if match is not None:
                return match if match.similarity >= threshold else None
            if threshold >= asked:
                return None
        match = self._near_miss(words, threshold)
        if len(self._nearest) >= LOOKUPS_KEPT:
            self._nearest.clear()
        self._nearest[key] = (threshold, match)
        return match

    def _near_miss(self, words: list[str], threshold: float) -> Match | None:
        """The closest window of source words: of the windows from n words before to the end
        of each paragraph that holds half the quotation's words, the first with the highest
        similarity (then the length closest to the quotation's), if at the threshold."""
        best: tuple[float, SourceWords, int, int] | None = None
        wanted = set(words)
        n = len(words)
        slack = max(2, n // 4)
        # Only paragraphs that hold half the quotation's words can hold a close wording.
        need = max(2, (len(wanted) + 1) // 2)
        if need > len(wanted):
            return None
        reach = n + slack  # the longest window
        counts = Counter(words)
        # Paragraphs as bits (see _bits): those holding `need` of the words, and of those
        # the ones where a window can hold the words needed to replace the best.
        holding = _at_least([(self._bits(w), 1) for w in wanted], need)
        needed = _needed(n, threshold, best)  # quotation words a window must hold to replace the best
        allowed = self._within_reach(counts, needed, n, reach)
        before = needed
        seen: set[tuple[str, ...]] = set()
        has = wanted.__contains__
        lcs = LCSseq.similarity
        mask = {w: w for w in wanted}.get  # a word not in the quotation -> None
        for number in _numbers(holding & allowed):
            if needed != before and not allowed >> number & 1:
                continue
            first, last, _ = self.paragraphs[number]
            source = self.sources[self.paragraph_source[number]]
            span = range(max(0, first - n), last + 1)
            # Each word an alignment keeps is a quotation word, so no window from a start
            # scores above (quotation words in its longest window) / n: skip starts that
            # cannot replace the best (see _needed).
            # (A slice, not islice: islice steps through the source's words from its start.)
            region = source.words[span.start:span.stop - 1 + reach]
            # Most spans that hold half the words (sources repeat a sentence) have no window
            # close enough; two tests in C tell, the cheaper first. Not when the span's words
            # keep fewer than `needed` quotation words in order (their longest common
            # subsequence, bit-parallel): an alignment keeps a common subsequence, and a
            # window's is one of the span's. Sources repeat a sentence: its copies near a
            # longer quotation hold enough of its words, but not in its order.
            if needed > 0 and lcs(words, region, score_cutoff=needed) < needed:
                continue
            # Nor unless some start of the span holds `needed` quotation words in its window:
            # it does when `needed` of them lie less than `reach` apart (a window from the
            # first of them, or from the span's last start when they all lie after it, holds
            # them).
            flags = list(map(has, region))
            if needed > 0:
                at = list(compress(count(), flags))
                if len(at) < needed or min(map(sub, at[needed - 1:], at)) >= reach:
                    continue
            # hits[i]: quotation words among the span's words before span.start + i.
            hits = [0, *accumulate(flags)]
            # The starts worth trying, found in C: a quotation word at the start or just
            # before it, and `needed` quotation words in the window from it (as it stood
            # when the paragraph began; each start is tested again below).
            size_of_span = len(span)
            before_span = span.start > 0 and has(source.words[span.start - 1])
            dense = map(ge, map(sub, chain(hits[reach:], repeat(hits[-1])), hits), repeat(needed))
            near_word = map(or_, flags, chain((before_span,), flags))
            for at in compress(range(size_of_span), map(and_, dense, near_word)):
                if hits[min(at + reach, len(hits) - 1)] - hits[at] < needed:
                    continue
                start = span.start + at
                # The same words from an earlier start (a quotation the sources repeat)
                # score the same, and only a better score replaces the best. A word that
                # is not the quotation's equals none of its words, whichever it is (a
                # speaker's name after the same quotation), so those are left out.
                ahead = tuple(map(mask, source.words[start:start + reach]))
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
                if best is not None and _needed(n, threshold, best) != needed:
                    needed = _needed(n, threshold, best)
                    allowed = self._within_reach(counts, needed, n, reach)
        if best is None or best[0] < threshold:
            return None
        score, source, first, last = best
        line = source.line_of(first)
        return Match(False, score, Provenance(source.path, line, source.line_text(line)), source.wording(first, last))

    def _bits(self, word: str) -> int:
        """The paragraphs holding `word`, as the bits of an int (bit i: paragraph i), so that
        counting over all paragraphs is a few operations on whole ints."""
        bits = self._word_bits.get(word)
        if bits is None:
            if len(self._word_bits) >= BITS_KEPT:
                self._word_bits.clear()
            flags = bytearray((len(self.paragraphs) + 8) // 8)
            for number in self.paragraphs_with.get(word, ()):
                flags[number >> 3] |= 1 << (number & 7)
            bits = self._word_bits[word] = int.from_bytes(flags, "little")
        return bits

    def _within_reach(self, counts: Counter, needed: int, n: int, reach: int) -> int:
        """The paragraphs (as bits) whose windows may hold `needed` of the quotation's words.

        A window's alignment keeps at most counts[w] of each word w, so a window holds no
        more than the counts of the words present where it lies. The windows of a paragraph
        lie in it and the paragraphs either side, unless a neighbour is shorter than the n
        words before or the reach - 1 words after: those paragraphs are always allowed."""
        if needed <= 0:
            return (1 << len(self.paragraphs)) - 1
        return _at_least([(bits | bits << 1 | bits >> 1, counts[w]) for w in counts if (bits := self._bits(w))],
                         needed) | self._irregular(n, reach)

    def _irregular(self, n: int, reach: int) -> int:
        """The paragraphs (as bits) whose windows reach past their neighbours: those whose
        previous paragraph (in their source) starts fewer than n words before them, or whose
        next one ends fewer than reach - 1 words after them."""
        found = self._irregulars.get((n, reach))
        if found is None:
            if self._gaps is None:
                self._gaps = self._neighbour_gaps()
            before, after = self._gaps
            flags = bytearray((len(self.paragraphs) + 8) // 8)
            for gaps, limit in ((before, n), (after, reach - 1)):
                for _, number in gaps[:bisect_left(gaps, (limit, -1))]:
                    flags[number >> 3] |= 1 << (number & 7)
            found = self._irregulars[(n, reach)] = int.from_bytes(flags, "little")
        return found

    def _neighbour_gaps(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """(words from the previous paragraph's start to this one's, paragraph) and (words from
        this paragraph's end to the next one's end, paragraph), each sorted: once per index."""
        before, after = [], []
        for s, source in enumerate(self.sources):
            paragraphs, base = source.paragraphs, self.first_paragraph[s]
            for p in range(1, len(paragraphs)):
                before.append((paragraphs[p][0] - paragraphs[p - 1][0], base + p))
                after.append((paragraphs[p][1] - paragraphs[p - 1][1], base + p - 1))
        before.sort()
        after.sort()
        return before, after


def _at_least(weighted: list[tuple[int, int]], k: int) -> int:
    """The bits where the weights of the ints holding them add up to k or more: a counter
    per bit, kept as bit planes (plane i: bit i of every counter)."""
    if k <= 0:
        raise ValueError("k must be positive")
    planes: list[int] = []
    for bits, weight in weighted:
        for _ in range(weight):
            carry, i = bits, 0
            while carry:
                if i == len(planes):
                    planes.append(carry)
                    break
                planes[i], carry = planes[i] ^ carry, planes[i] & carry
                i += 1
    if k >= 1 << len(planes):
        return 0
    # Compare each counter with k from the top bit: greater once a bit of k is 0 where the
    # counter's is 1 and all above were equal.
    greater, equal = 0, -1
    for i in reversed(range(len(planes))):
        if k >> i & 1:
            equal &= planes[i]
        else:
            greater |= equal & planes[i]
            equal &= ~planes[i]
    return greater | equal  # k has a bit set, so `equal` is a plane's bits by now


_ONE = re.compile("1")


def _numbers(bits: int) -> list[int]:
    """The positions of the set bits, ascending."""
    text = format(bits, "b")[::-1]
    return [m.start() for m in _ONE.finditer(text)]


def _needed(n: int, threshold: float, best: tuple | None) -> int:
    """How many quotation words a window must hold to replace `best`: its similarity is at
    most (those words) / n, so it must reach the threshold and the best's score, and pass it
    when the best is as long as the quotation (the tie-break prefers no other window then).
    The margins only keep rounding from skipping a window: scores differ by far more."""
    if best is None:
        return ceil(n * threshold - 1e-9)
    needed = ceil(n * max(threshold, best[0]) - 1e-9)
    if best[3] - best[2] + 1 == n:
        needed = max(needed, floor(n * best[0] + 1e-9) + 1)
    return needed


# Facts are told apart as dataclasses compare them: by every field.
_identity = attrgetter(*(f.name for f in fields(QuoteFact)))


def _find_segments(words: list[str], segments: list[list[str]]) -> int | None:
    """Index of the first word of the segments' match in `words`, or None."""
    first = segments[0]
    last_start = len(words) - len(first)  # the last index where the first segment fits
    if not first:
        return 0 if last_start >= 0 and contains_segments(words, segments) else None
    at = -1
    while True:  # the places of the first word, found in C
        try:
            at = words.index(first[0], at + 1, last_start + 1)
        except ValueError:
            return None
        if words[at:at + len(first)] == first and contains_segments(words[at:], segments):
            return at


def _candidates(quotes: list[QuoteFact]) -> list[Candidate]:
    from newslint.registry.wording import quote_words

    out: list[Candidate] = []
    previous: QuoteFact | None = None
    worded: dict[str, list[str]] = {}  # each distinct text's words once: sources repeat quotes

    def words_of(text: str) -> list[str]:
        found = worded.get(text)
        if found is None:
            found = worded[text] = quote_words(text)
        return found

    for fact in quotes:
        words = words_of(fact.text)
        if words:
            out.append(Candidate(list(words), [fact]))
            # Two parts of one quotation split around its attribution, as one run of words.
            if previous is not None and previous.provenance.source == fact.provenance.source \
                    and previous.provenance.line == fact.provenance.line and previous.speaker == fact.speaker:
                out.append(Candidate(words_of(previous.text) + words, [previous, fact]))
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


def _source_words(path: str, text: str, spelled: dict[str, str] | None = None) -> SourceWords:
    """A source's words line by line: a word never spans a line break, so each line's
    matches are the whole text's, and a line's words are one paragraph (a run of words on
    one line). A word is its match casefolded (casefolding maps each character on its own,
    so this is the casefolded line's slice whenever the line keeps its length). The words
    come from findall, in C: no match object per word. `spelled`: one string per distinct
    word, shared."""
    spelled = {} if spelled is None else spelled
    same = spelled.setdefault
    find = WORD.findall
    words: list[str] = []
    starts: list[int] = []
    paragraphs: list[tuple[int, int, frozenset[str]]] = []
    start = 0
    for line in text.translate(APOSTROPHES).split("\n"):
        starts.append(start)
        start += len(line) + 1
        found = find(line)
        if found:
            first = len(words)
            words += [same(word := found_word.casefold(), word) for found_word in found]
            paragraphs.append((first, len(words) - 1, frozenset(words[first:])))
    return SourceWords(path, text, words, starts, frozenset(words), paragraphs)


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
