"""A style rule's anchors that begin with a word boundary and a word character ("\\b(?i:over)",
"\\bFeb\\.", "\\b[\\d]") are looked for only where a run of the prose's word characters begins
(vale.run_anchors, DocumentView._starts_of): the starts found are those of the overlapped scan
of the whole prose, on every story's drafts and sources, the seeds, the example draft, and
texts built around case folding and Unicode digits."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

from newslint.document import parse_document
from newslint.kinds import vale

ROOT = Path(__file__).resolve().parent.parent

ANCHOR_SETS = [
    {r"\b(?i:over)"}, {r"\b(?i:la)"}, {r"\b(?i:pledges)", r"\b(?i:vows)"}, {r"\bFebruary"}, {r"\bFeb\."},
    {r"\bSep"}, {r"\b[1-9]"}, {r"\b[\d]"}, {r"\b(?i:[\d])"}, {r"\b\d"}, {r"\b(?i:states)"}, {r"\b(?i:k)"},
    {r"\b(?i:s)"}, {r"\bU\.S\."}, {r"\b(?i:the)", r"\b[1-9]"}, {r"\b(?i:i)"}, {r"\bSaid"}, {r"\b(?i:a)", r"\b(?i:an)"},
]
# Not at a run's start only: left to the scan.
SCANNED = [{r"\("}, {r"mayor"}, {r"Secretary\ of\ State"}, {r"\b[0-9]"}, {r"\b[1-9]", r"\b[\d]"}]

TRICKY = ("ſtates and \u212a \u212aelvin; İstanbul, ıi; \u0663 apples, \u00b2 and 9am; x1 5; _over overt OVER "
          "Über Sep. sept SEPT Feb. fEB. February; U.S. u.s. Us; 1st 0 10 \u0966\u0967; the The THE thé a an An")


@lru_cache(maxsize=1)
def documents() -> list:
    paths = sorted({*ROOT.glob("tests/**/*.md"), *ROOT.glob("tests/**/*.txt"), *ROOT.glob("seeds/*.txt"),
                    ROOT / "examples" / "draft.md"})
    made = [parse_document(str(p), p.read_text(encoding="utf-8")) for p in paths]
    return made + [parse_document("tricky.md", f"{TRICKY}\n\n*{TRICKY}*\n")]


def _scanned(document, anchor_set) -> list[int]:
    pattern = vale.locator(anchor_set)
    return [m.start() for m in pattern.finditer(document.prose, overlapped=True)]


def test_anchors_at_run_starts_are_found_as_the_scan_finds_them():
    found = 0
    for anchor_set in map(frozenset, ANCHOR_SETS):
        assert vale.run_anchors(anchor_set) is not None, anchor_set
        for document in documents():
            view = vale.DocumentView(document)
            expected = _scanned(document, anchor_set)
            assert view._starts_of(anchor_set, False) == expected, (sorted(anchor_set), document.path)
            found += len(expected)
    assert found > 10_000


def test_other_anchors_are_scanned():
    for anchor_set in map(frozenset, SCANNED):
        assert vale.run_anchors(anchor_set) is None, anchor_set
        document = documents()[-1]
        assert vale.DocumentView(document)._starts_of(anchor_set, False) == _scanned(document, anchor_set)


def test_the_tricky_text_matches_across_case_and_digits():
    """Runs that are not ASCII are tried too: the Kelvin sign is a "k" and the long s an "s"
    ignoring case, and an Arabic-Indic three is a digit."""
    document = documents()[-1]
    view = vale.DocumentView(document)
    for anchor, beyond_ascii in ((r"\b(?i:k)", "\u212a"), (r"\b(?i:s)", "\u017f"), (r"\b[\d]", "\u0663")):
        starts = view._starts_of(frozenset({anchor}), False)
        assert beyond_ascii in {document.prose[at] for at in starts}, anchor
    assert not regex.match(r"\d", "\u00b2")  # (a superscript two is no decimal digit)


def test_word_starts_are_every_runs_start_by_its_lowercase_text_in_first_seen_order():
    from newslint.document.runs import Runs

    for document in documents():
        runs = Runs(document.prose)
        expected: dict[str, list[int]] = {}
        for word, offset in zip(runs.lower, runs.starts):
            expected.setdefault(word, []).append(offset)
        assert list(runs.word_starts.items()) == list(expected.items())
