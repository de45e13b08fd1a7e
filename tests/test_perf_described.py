"""Whether a capitalised word is also written after a lowercase word, not as the start of a
longer name (attribution._described), read from one pass per document (_named_inside) equals
the search per word it replaced, on real text: every tests/eval story's drafts and sources, the
seeds, the example draft, 20 bench drafts, and strings at the edges of its reach."""
from __future__ import annotations

from pathlib import Path

import regex

from newslint.document import parse_document
from newslint.kinds.attribution import DESCRIBED_BY, _named_inside

ROOT = Path(__file__).resolve().parent.parent
EDGES = ["the Acme said", "Acme said; then, Acme of Boston", "in U.S. data, the U.S. Census, the U.S.A",
         "said AT&T and AT&T’s chief, by O'Neil-Smith, x. y. of Health and Human Services",
         "per Acme & Co, per Acme and Bcd, per Acme\tfor\nDef, per Acme for def", "é Acme, Ünal Acme, 3a Acme, a_b Acme",
         "by Acme-Corp-X, by .Net, by 'Acme', by Acme’s, by Acme..Foo"]


def _texts() -> list[str]:
    paths = sorted({*(ROOT / "tests" / "eval").glob("*/*.md"), *(ROOT / "tests" / "eval").glob("*/sources/*"),
                    *(ROOT.parent / "shared" / "seeds").glob("*"), ROOT / "examples" / "draft.md",
                    *sorted((ROOT / "bench" / "out" / "drafts").glob("*.md"))[:20]})
    return [parse_document(str(p), p.read_text(encoding="utf-8")).prose for p in paths if p.is_file()] + EDGES


def _slow(prose: str, token: str) -> bool:
    return regex.search(rf"(?-i:\b[a-z]+,?\s+{regex.escape(token)}\b(?!\s+(?:(?:and|&|of|for)\s+)?\p{{Lu}}))",
                        prose) is not None


def test_named_inside_answers_as_the_search_per_word() -> None:
    checked = named = 0
    for prose in _texts():
        runs = {m.group() for m in regex.finditer(r"[\w.&'’-]+", prose)}
        # a token _described asks about is a run or, cut by its window, a run's end: each run,
        # its ends from a capital or a mark, and its starts up to a mark or just past one (every
        # piece of the edge strings' runs)
        if prose in EDGES:
            tokens = {run[i:j] for run in runs for i in range(len(run)) for j in range(i + 1, len(run) + 1)}
        else:
            tokens = runs | {run[i:] for run in runs for i in range(1, len(run)) if not run[i].islower()} \
                | {run[:j] for run in runs for j in range(1, len(run)) if not (run[j - 1].isalnum() and run[j].isalnum())}
        for token in tokens:
            if DESCRIBED_BY.search(token) is None:
                continue
            expected = _slow(prose, token)
            assert (token in _named_inside(prose)) == expected, (token, prose[:80])
            checked += 1
            named += expected
    assert checked > 10000 and named > 1000, (checked, named)
