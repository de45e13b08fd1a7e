"""_role_width stops at once when the first word begins no listed role and is no rank
(Lexicon.role_starts): the same widths as trying every phrase, on real text."""
from __future__ import annotations

import sys
from pathlib import Path

from newslint.document import parse_document
from newslint.registry.lexicon import lexicon
from newslint.registry.mentions import _role_width, _words_with_offsets

ROOT = Path(__file__).resolve().parent.parent
TEXTS = (sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "stories").glob("*/drafts/*.md"))
         + sorted((ROOT / "tests" / "eval").glob("*/*.md")) + sorted((ROOT / "tests" / "eval").glob("*/sources/*")))


def slow_width(lex, tokens, index):
    for width in range(min(lex.max_role_words, len(tokens) - index), 0, -1):
        phrase = " ".join(t[0] for t in tokens[index:index + width]).casefold()
        if lex.role(phrase):
            return width
        if width > 1 and phrase.endswith("s") and not phrase.endswith("ss") and lex.role(phrase[:-1]):
            return width  # a plural title heading a list ("Council Members A, B")
    return 0


def test_role_width_is_the_width_every_phrase_gives():
    lex = lexicon()
    tried = found = 0
    for path in TEXTS:
        document = parse_document(str(path), path.read_text(encoding="utf-8"))
        for sentence in document.sentences:
            tokens = _words_with_offsets(document.prose, sentence.start, sentence.end)
            for index in range(len(tokens) + 1):
                width = _role_width(lex, tokens, index)
                assert width == slow_width(lex, tokens, index), (path.name, tokens[index:index + 4])
                tried += 1
                found += width > 0
    assert tried > 10000 and found > 100
    tokens = [(w, 0, 0) for w in "the Chief Bridge Engineer of the Deputy Police Chief".split()]
    assert [_role_width(lex, tokens, i) for i in range(len(tokens))] == [slow_width(lex, tokens, i) for i in range(len(tokens))]


def test_casefold_is_idempotent():
    """The shortcut casefolds the first word once where Lexicon.role casefolds it twice."""
    for code in range(sys.maxunicode + 1):
        folded = chr(code).casefold()
        assert folded.casefold() == folded, hex(code)
