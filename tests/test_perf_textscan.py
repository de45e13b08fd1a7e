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
    subject = [] if any(t[2][:1].isupper() for t in before) else \
        [t for t in numbers._leading_name(prose, tokens, lex) if t[1] <= start and t not in before]
    out = []
    for _, _, text in subject + before + after:
        word = text.rstrip(".").replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        folded = word.casefold()
        if not word or folded in lex.stopwords or folded in lex.months:
            continue
        if word[0].isdigit():
            item = word.replace(",", "")
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
    return figures


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
