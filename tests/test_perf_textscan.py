"""The draft-side fast paths of figure and name finding give what the plain scans gave, on real
text: every story's drafts and sources, the seeds, the example draft and a bench draft set.
The reference implementations below are the definitions the fast paths replaced."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newslint.document import parse_document
from newslint.registry import numbers
from newslint.registry.wording import stem

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def documents():
    paths = sorted({*ROOT.glob("tests/**/*.md"), *ROOT.glob("tests/**/*.txt"), *ROOT.glob("seeds/*.txt"),
                    ROOT / "examples" / "draft.md", *sorted((ROOT / "bench" / "out" / "drafts_50").glob("*.md"))[:20]})
    return [parse_document(str(p), p.read_text(encoding="utf-8")) for p in paths]


# -- figures -------------------------------------------------------------------------------------
def context_reference(prose, tokens, start, end, unit):
    """numbers._context as it was: prefix and suffix by list filters, every word read afresh."""
    lex = numbers.lexicon()
    before = [t for t in tokens if t[1] <= start]
    after = [t for t in tokens if t[0] >= end]
    here = (start, end, prose[start:end])
    for index in range(len(before), max(0, len(before) - numbers.CONTEXT_WINDOW), -1):
        right = before[index] if index < len(before) else here
        if numbers._clause_break(prose, before[index - 1], right):
            before = before[index:]
            break
    previous = here
    for index, token in enumerate(after[:numbers.CONTEXT_WINDOW]):
        if numbers._clause_break(prose, previous, token):
            after = after[:index]
            break
        previous = token
    before, after = before[-numbers.CONTEXT_WINDOW:], after[:numbers.CONTEXT_WINDOW]
    low = before[0][0] if before else start
    high = after[-1][1] if after else end
    subject = [] if any(t[2][:1].isupper() and not (i and before[i - 1][2].casefold() in numbers._PLACE_BEFORE)
                        for i, t in enumerate(before)) else \
        [t for t in numbers._leading_name(prose, tokens, lex) if t[1] <= start and t not in before]
    out = []
    for _, _, text in subject + before + after:
        word = text.rstrip(".").replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        folded = word.casefold()
        if not word or folded in lex.stopwords or folded in lex.months:
            continue
        if folded in lex.aggregate_words:
            item = numbers.TOTAL
        elif word[0].isdigit():
            item = word.replace(",", "")
        elif word[0].isupper() and (numbers.parse_number(folded) or 0) >= 10 and (
                folded in lex.numbers or all(part in lex.numbers for part in folded.split("-"))):
            number = numbers.parse_number(folded)  # a sentence's opening number in words: its digits
            item = str(int(number)) if number.is_integer() else str(number)
        elif word[0].isupper():
            item = word
            if unit and stem(numbers._singular(word)) == unit:
                continue
        else:
            item = stem(word)
            if item == unit:
                continue
        if item not in out:
            out.append(item)
    return tuple(out), low, high


def figures_reference(document, skip_quotes=False):
    """find_figures as it was: each possible kind's pattern run over the whole sentence."""
    lex = numbers.lexicon()
    prose = document.prose
    taken = bytearray(len(prose))
    figures = []
    for sentence in document.sentences:
        tokens = None
        found = []
        kinds, _ = numbers._kinds_possible(lex, prose, sentence.start, sentence.end)
        for kind in kinds:
            for match in lex.patterns[kind].finditer(prose, sentence.start, sentence.end):
                if any(taken[match.start():match.end()]):
                    continue
                if skip_quotes and document.in_quote(match.start(), match.end()):
                    continue
                if tokens is None:
                    tokens = [(m.start(), m.end(), m.group()) for m in numbers.WORD.finditer(prose, sentence.start, sentence.end)]
                made = numbers._figure(kind, match, prose, tokens, sentence.start)
                if made is None:
                    continue
                taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())
                found.append(made)
        figures.extend(numbers._with_anchors(found))
    figures.sort(key=lambda f: f.start)
    return numbers.with_table_context(document, numbers._range_units(prose, figures))


def test_figures_found_at_number_starts_equal_the_whole_sentence_scans():
    total = 0
    for document in documents():
        for skip in (False, True):
            fast = numbers.find_figures(document, skip_quotes=skip)
            assert fast == figures_reference(document, skip_quotes=skip), document.path
            total += len(fast)
    assert total > 1000


def test_number_starts_hold_every_match_start():
    """Every place a number kind's pattern matches in a sentence is one of its tried starts."""
    lex = numbers.lexicon()
    checked = 0
    for document in documents():
        prose = document.prose
        for sentence in document.sentences:
            kinds, words = numbers._kinds_possible(lex, prose, sentence.start, sentence.end)
            starts = numbers._Starts(lex, prose, sentence.start, sentence.end, words)
            for kind in set(kinds) & numbers._NUMBER_KINDS:
                tried = set(starts.amount_starts() if kind == "amount" else starts.number_starts())
                for at in range(sentence.start, sentence.end):
                    if lex.patterns[kind].match(prose, at, sentence.end):
                        assert at in tried, (kind, prose[at:at + 30])
                        checked += 1
    assert checked > 1000


def test_number_word_sentences_and_odd_spellings():
    text = ("Twenty-five riders and a dozen drivers met twice. One in four voted; US$12 million and "
            "€5m went to fifty percent of them, a third of the 90-minute meetings and a four-match tour.")
    document = parse_document("x.md", text)
    fast = numbers.find_figures(document)
    assert fast == figures_reference(document)
    assert {f.kind for f in fast} >= {"count", "amount", "percent", "duration"}


def test_context_equals_the_list_filter_definition():
    checked = 0
    for document in documents():
        prose = document.prose
        for figure in numbers.find_figures(document):
            sentence = document.sentence_at(figure.start)
            tokens = [(m.start(), m.end(), m.group()) for m in numbers.WORD.finditer(prose, sentence.start, sentence.end)]
            for unit in ("", figure.unit, "vote"):
                assert numbers._context(prose, tokens, figure.start, figure.end, unit) == \
                    context_reference(prose, tokens, figure.start, figure.end, unit)
                checked += 1
    assert checked > 1000


# -- names ---------------------------------------------------------------------------------------
from newslint.registry import mentions  # noqa: E402


class ReferenceFinder(mentions.MentionFinder):
    """MentionFinder as it was: each capitalised run peeled afresh, the words before a name
    read from the sentence's start every time, the sentence start found by scanning."""

    def _starts_sentence(self, offset, sentence):
        return not any(ch.isalnum() for ch in self.text[sentence.start:offset])

    def _words_before(self, sentence, offset):
        return mentions._words_with_offsets(self.text, sentence.start, offset)

    def _verb_evidence(self, mention, sentence):
        if len(mention.words) <= 2 and (mentions._WHO_OR_AGE.match(self.text, mention.end) or self._whose_kin(mention)) \
                and not mentions._NAMED_THEN_PREPOSITION.search(self.text, max(0, mention.start - 60), mention.start):
            mention.evidence.add("described")
        if len(mention.words) >= 2 and mentions._kin_appositive(self.text, mention.end):
            mention.evidence.add("described")
        if len(mention.words) >= 2 and self._introduces_self(mention):
            mention.evidence.add("described")
            mention.evidence.add("self-named")
        described = mentions._DESCRIBED_THEN_VERB.match(self.text, mention.end, sentence.end)
        if described and described.group(1).casefold() in self.lex.reporting_verbs:
            mention.evidence.add("verb")
            if len(mention.words) == 2 and mentions._PERSONAL.match(self.text, mention.end):
                mention.evidence.add("described")
            return
        before = mentions._words_with_offsets(self.text, max(sentence.start, mention.start - 30), mention.start)
        lows = [w[0].casefold() for w in before]
        after = mentions._words_with_offsets(self.text, mention.end, min(sentence.end, mention.end + 40))
        if after and after[0][0].casefold().rstrip(".") in self.lex.reporting_verbs and not self.text[mention.end:after[0][1]].strip():
            if not (len(before) >= 2 and lows[-1] in mentions._OBJECT_PREPOSITIONS and before[-2][0][:1].islower()
                    and self.text[before[-1][2]:mention.start] == " "):
                mention.evidence.add("verb")
            return
        if lows[-2:] == ["according", "to"] or (lows and lows[-1] in self.lex.reporting_verbs
                                                 and self.text[before[-1][2]:mention.start].strip() in ("", ",")
                                                 and not self._reported_clause(before[-2:], mention, sentence)):
            mention.evidence.add("verb")

    def _mention(self, match, sentence):
        lex = self.lex
        tokens = [(m.group(), m.start(), m.end()) for m in mentions._ANY_WORD.finditer(self.text, match.start(), match.end())]
        if len(tokens) >= 3:  # "Secretary of State Ann Roe": the run's first word ends a role
            head = mentions._OF_ROLE_BEFORE.search(self.text, max(sentence.start, match.start() - 40), match.start())
            if head is not None and (lex.role(f"{head.group(1)} of {tokens[0][0]}".casefold()) or lex.role(head.group(1).casefold())):
                tokens = tokens[1:]
        # "Has Mr. Roe": the name starts after an honorific that is not its first word.
        inner = [i for i, t in enumerate(tokens[1:-1], 1) if t[0].endswith(".") and t[0].casefold() in lex.honorifics
                 and t[0][:1].isupper() and len(t[0]) <= 5]
        if inner:
            tokens = tokens[inner[0] + 1:]
        at_start = self._starts_sentence(tokens[0][1], sentence)
        index = mentions._after_last_role(lex, tokens)
        while index < len(tokens):
            word = tokens[index][0]
            low = word.casefold()
            if self._role_width(tokens, index) == len(tokens) - index:
                return None
            if low in lex.rank_classes and index + 1 < len(tokens) and tokens[index + 1][0].casefold() == "class":
                index += 2
                continue
            first = index == 0 and at_start
            # ("Did Ann Roe …?": a question's auxiliary opens the run, whatever the sentence.)
            question = index == 0 and low in mentions._QUESTION_AUXILIARIES and len(tokens) > 1
            two = " ".join(t[0] for t in tokens[index:index + 2]).casefold()
            if low in lex.function_words or ((first and low in self.lowercase_words or question)
                                             and not self._role_width(tokens, index)):
                index += 1
            elif low.rstrip("-") in lex.status_words or low in lex.honorifics:
                index += 1
            elif low in lex.ranks and len(tokens) - index > 1:
                index += 1
            elif "-" in low and low.split("-", 1)[0] in lex.status_words and index + 1 < len(tokens):
                index += 1
            elif len(tokens) - index > 2 and lex.country(two) and not lex.role(two):
                index += 2
            elif lex.country(low) or lex.country(mentions._POSSESSIVE.sub("", low)):
                index += 1
            else:
                width = self._role_width(tokens, index)
                if width and index + width < len(tokens):
                    index += width
                elif not width and len(tokens) - index > 2 and mentions._plural_role(lex, low) and low[:1] != "-":
                    index += 1
                else:
                    break
        tokens = tokens[index:]
        if not tokens:
            return None
        lows = [t[0].casefold() for t in tokens]
        if len(lows) == 1 and (lows[0] in lex.ranks or f"{lows[0]}." in lex.ranks or f"{lows[0]}." in lex.honorifics):
            return None
        last, start, end = tokens[-1]
        stripped = mentions._POSSESSIVE.sub("", last) if last.endswith(("'s", "’s", "’", "'")) else last
        end -= len(last) - len(stripped)
        tokens[-1] = (stripped, start, end)
        words = [t[0] for t in tokens]
        start = tokens[0][1]
        text = self.text[start:end]
        if lex.role(" ".join(lows)) or (len(lows) > 1 and lex.role(" ".join(lows[1:]))
                                        and (lows[0] in lex.organisation_words or lex.country(lows[0]))):
            return None
        if any(w in lex.organisation_words for w in lows) or " ".join(lows) in lex.organisation_names:
            return mentions.NameMention(start, end, text, words, kind="organisation", sentence=sentence)
        weak = len(words) > 1 and any(w in lex.organisation_words_weak for w in lows)
        if any(lex.country(w) for w in lows) or " ".join(lows) in lex.nationalities or len(words) > 4:
            return None
        if any(w in lex.function_words for w in lows[1:]) and len(words) > 1:
            return None
        if len(words) == 1 and self._family(words[0], sentence, start):
            return None
        mention = mentions.NameMention(start, end, text, words, sentence=sentence)
        self._title_before(mention, sentence)
        before = mention.title
        mention.title = None
        self._appositive_after(mention, sentence)
        if mention.title is None:
            self._predicate_title(mention, sentence)
        if before is not None:
            mention.also = ([mention.title] if mention.title is not None else []) + mention.also
            mention.title = before
        if any(w in lex.calendar_words for w in lows) \
                and not mention.evidence & ({"title", "honorific"} if len(words) == 1 else {"title", "honorific", "appositive"}):
            return None
        self._verb_evidence(mention, sentence)
        if weak and not mention.evidence:
            mention.kind = "organisation"
            mention.maybe_person = True
        return mention


def test_names_from_shared_run_readings_equal_the_fresh_readings():
    found = 0
    for document in documents():
        for include_quotes in (True, False):  # a draft's reading, a source's reading
            fast = mentions.MentionFinder(document, include_quotes=include_quotes).names()
            assert fast == ReferenceFinder(document, include_quotes=include_quotes).names(), document.path
            found += len(fast)
    assert found > 3000


def test_lowercase_vocabulary_is_every_lowercase_word():
    import regex

    for document in documents():
        assert mentions.lowercase_vocabulary(document.prose) == \
            {m.group() for m in regex.finditer(r"(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}'’\-]*", document.prose)}


def test_words_before_an_offset_inside_a_word():
    document = parse_document("x.md", "The club's co-owner.Maria Lindqvist, a spokeswoman for the Trust, said on Monday.")
    finder = mentions.MentionFinder(document)
    sentence = document.sentences[0]
    for offset in range(sentence.start, sentence.end + 1):
        assert finder._words_before(sentence, offset) == mentions._words_with_offsets(document.prose, sentence.start, offset)
