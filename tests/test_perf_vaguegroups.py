"""The vague-group search tried only where a match can begin (Texts.group_matches) finds what
the scan of every position finds, on real text (every story's drafts and sources, the seeds,
the example draft, bench drafts) and on sentences built to sit at the edges of its reach."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from newslint.document import parse_document
from newslint.engine.config import find_config
from newslint.engine.linter import Linter, Options
from newslint.kinds.attribution import REGEX_TIMEOUT, Lexicon, Texts, _group_reach

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped VagueSource rule's lexicon (the sourcing lexicon with the rule's own lists)."""
    linter = Linter(find_config(ROOT), Options(select=["sourcing.VagueSource"]))
    return next(rule.lexicon for rule, _ in linter.active_rules() if rule.id == "sourcing.VagueSource")


@lru_cache(maxsize=1)
def documents():
    paths = sorted({*ROOT.glob("tests/**/*.md"), *ROOT.glob("tests/**/*.txt"), *ROOT.glob("seeds/*.txt"),
                    ROOT / "examples" / "draft.md", *sorted((ROOT / "bench" / "out" / "drafts_50").glob("*.md"))[:20]})
    return [parse_document(str(p), p.read_text(encoding="utf-8")) for p in paths]


def spans(document, fast: bool) -> list[tuple[int, int, str]]:
    lex = lexicon()
    texts = Texts(document, lex)
    found = []
    for sentence in document.sentences:
        if fast:
            matches = texts.group_matches(lex.vague_groups, sentence.start, sentence.end)
        else:  # the plain scan: every position of the sentence
            matches = lex.vague_groups.finditer(document.prose, sentence.start, sentence.end, timeout=REGEX_TIMEOUT)
        found += [(m.start(), m.end(), m.group()) for m in matches]
    return found


def test_shipped_lexicon_has_a_reach():
    groups, gaps = _group_reach(lexicon().vague_groups)
    assert "experts" in groups and "officials" in groups
    assert gaps >= 5  # "a growing number of" (three spaces) + one + two words


def test_same_matches_on_real_text():
    total = 0
    for document in documents():
        slow = spans(document, fast=False)
        assert spans(document, fast=True) == slow, document.path
        total += len(slow)
    assert total >= 20  # the corpus does hold vague groups


def test_same_matches_at_the_edges_of_the_reach():
    text = ("A growing number of well-known foreign-policy experts say the plan fails. "
            "Some officials privately say it works. Many senior   state officials said so. "
            "Critics of the plan have long argued otherwise. Non-experts say little; (some experts) say more. "
            "A number of very senior career officials warned. Increasing numbers of -- officials warn. "
            "Numerous, officials said. EXPERTS SAY it is fine. Some experts say so, "
            "and some lawmakers, economists believe it. Some of the officials said nothing.\n")
    document = parse_document("edge.md", text)
    fast, slow = spans(document, fast=True), spans(document, fast=False)
    assert fast == slow
    assert any(t.startswith("A growing number") for _, _, t in slow)
    assert any(t.startswith("Some officials") for _, _, t in slow)
