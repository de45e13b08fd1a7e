"""Shortcuts of speed round 13, each compared with the plain search on real text.

- A number kind's match that begins at an ASCII digit is tried with the same pattern whose
  first number is digits only (numbers.Lexicon.digit_led): the same match, groups included.
- Role references without a name (mentions.MentionFinder.role_references) are tried only at
  articles whose next word can go on to a role (mentions._reference_starts).
- The name checks' key for the draft's names reads the thresholds without deep copies
  (resolve.Thresholds.values).
- A style token that opens with an optional item ("(?:a )?mixed bag") is anchored on that
  item's first items and those of what follows (vale._first_items), and a rule whose tokens
  all hold a word is tried at its anchors inside the spans holding those words
  (vale.TokenPattern.for_document).
- A document whose text holds no mark of a URL or an e-mail address ("://", "www.", "@") is
  not given a prose view to search for them (masking.Mask.hide_urls).
- The pronoun check's possessive descriptions ("Ann Roe's son") are tried only before an
  apostrophe, from the last space before it (pronouns._possessed_matches)."""
from __future__ import annotations

from pathlib import Path

from dataclasses import astuple
from functools import lru_cache

import pytest
import regex

from newslint.document import parse_document
from newslint.engine.config import Config, find_config
from newslint.engine.linter import Linter, Options
from newslint.document import masking
from newslint.kinds import pronouns, vale
from newslint.kinds.base import finditer
from newslint.registry import mentions, numbers
from newslint.registry.resolve import Thresholds

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = sorted((ROOT / "tests" / "eval").glob("*/*.md")) + [ROOT / "examples" / "draft.md"]
SOURCES = sorted((ROOT / "tests" / "eval").glob("*/sources/*.md"))

NUMBER_EDGES = ["3 in 4 drivers", "2.5 percent of", "$1.2 million", "12-page ruling", "90-minute meeting",
                "1,200 euros and 40 pounds", "7 hours and a half", "2 in 10 workers, 3 in 5", "5-year-old",
                "1, 2 and 3", "the 1970s", "25% of voters", "4 point two million", "10 dozen", "9\u00a0percent",
                "1,234,567.89 dollars", "3 one-off fees", "4 thousand dollars", "8 twice", "6–4 vote", "0 in 0"]


def _texts() -> list[str]:
    return NUMBER_EDGES + [parse_document(p.name, p.read_text(encoding="utf-8")).prose for p in [*DRAFTS, *SOURCES]]


def _same(one: regex.Match | None, other: regex.Match | None) -> bool:
    if one is None or other is None:
        return one is other
    return one.span() == other.span() and all(one.span(g) == other.span(g) for g in one.re.groupindex) \
        and one.re.groupindex.keys() == other.re.groupindex.keys()


def test_digit_led_patterns_match_like_the_full_ones_at_every_digit() -> None:
    lex = numbers.lexicon()
    assert set(lex.digit_led) == {"duration", "percent", "fraction", "amount", "hcount", "count"}
    tried = found = 0
    for prose in _texts():
        for digit in regex.finditer(r"[0-9]", prose):
            at = digit.start()
            for end in (len(prose), min(len(prose), at + 12)):
                for kind, led in lex.digit_led.items():
                    expected = lex.patterns[kind].match(prose, at, end)
                    assert _same(led.match(prose, at, end), expected), (kind, prose[at:at + 40])
                    tried += 1
                    found += expected is not None
    assert tried > 100_000 and found > 5_000


def test_find_figures_uses_the_digit_led_patterns(monkeypatch) -> None:
    document = parse_document("d.md", "The council voted on a 12-page plan for 3 in 4 homes costing $1.2 million.\n")
    plain = numbers.find_figures(document)
    monkeypatch.setattr(numbers.lexicon(), "digit_led", {})
    assert numbers.find_figures(document) == plain and len(plain) >= 3


ROLE_EDGES = ["the mayor said", "The Mayor", "the former mayor", "the ex-mayor of Springfield", "the then-mayor",
              "the formermayor", "an acting director", "a spokesman for the Acme Co", "THE MAYOR", "the  \tmayor",
              "the\nmayor", "the Springfield City Council president", "the mayors", "the late senator", "a",
              "the", "the Ünal mayor", "the ünal mayor", "the \u212aing", "the chief bridge engineer for ODOT"]


def _plain_references(document) -> list[tuple[int, int]]:
    return [m.span() for m in mentions._patterns()[1].finditer(document.prose)]


def test_role_reference_starts_find_every_reference_of_a_plain_search() -> None:
    found = 0
    for text in ROLE_EDGES + [p.read_text(encoding="utf-8") for p in [*DRAFTS, *SOURCES]]:
        document = parse_document("d.md", text)
        finder = mentions.MentionFinder(document, include_quotes=True)
        expected = _plain_references(document)
        assert [m.span() for m in finder._reference_matches(mentions._patterns()[1])] == expected, text[:80]
        found += len(expected)
    assert found > 500


def test_role_reference_starts_skip_articles_before_a_common_word() -> None:
    document = parse_document("d.md", "the rain and the mayor met the Board and a former aide.\n")
    from newslint.document.runs import Runs

    starts = mentions._reference_starts(Runs.of(document), mentions.lexicon())
    assert [document.prose[at:at + 9] for at in starts] == ["the mayor", "the Board", "a former "]


def test_threshold_values_are_astuple() -> None:
    for thresholds in (Thresholds(), Thresholds(surname=0.5, max_distance=1, source_slip_support=0)):
        assert thresholds.values() == astuple(thresholds)


@pytest.mark.parametrize("pattern, ignorecase, expected", [
    (r"(?:a )?mixed bag", False, {r"a\ ", r"mixed\ bag"}),
    (r"(?:the )?calm before", True, {r"(?i:the\ )", r"(?i:calm\ before)"}),
    (r"(?:ab)*cd", False, {"ab", "cd"}),
    (r"(?:ab)??cd", False, {"ab", "cd"}),
    (r"x?abc", False, None),  # a lone letter: no anchor
    (r"(?:ab)?\w+", False, None),  # what follows has none
    (r"(?:ab)?", False, None),  # nothing follows: a match may be empty
])
def test_an_optional_first_item_anchors_with_what_follows(pattern, ignorecase, expected) -> None:
    found = vale.anchors(vale.analysis_tree(pattern), ignorecase)
    assert found == (None if expected is None else frozenset(expected))


CLICHES = ("It was a mixed bag. A stone's throw from the calm before the storm, the mixed bag stayed.\n\n"
           "A Mixed Bag: the Calm Before The Storm; stone's throws; amixed bag; a  mixed bag.\n")


def _plain_find(view, chosen, subject, spans, raw):
    for start, end in spans:
        yield from finditer(chosen.pattern, subject, start, end)


def test_cliches_anchored_on_optional_words_find_what_a_plain_search_finds(monkeypatch) -> None:
    linter = Linter(Config(root=ROOT), Options(select=["newsroom.Cliches"]))
    rule = next(rule for rule, _ in linter.active_rules() if rule.id == "newsroom.Cliches")
    assert None not in rule.tokens.anchors
    chosen = rule.tokens.for_document(vale.view_of(parse_document("cliches.md", CLICHES)), literal=False)
    assert chosen.anchors is not None and chosen.words  # tried at the anchors, in the spans with the words
    texts = [("cliches.md", CLICHES)] + [(str(p), p.read_text(encoding="utf-8")) for p in DRAFTS]
    anchored = [[f.as_json() for f in linter.lint_text(path, text).findings] for path, text in texts]
    monkeypatch.setattr(vale.TokenPattern, "find", staticmethod(_plain_find))
    plain = [[f.as_json() for f in linter.lint_text(path, text).findings] for path, text in texts]
    assert anchored == plain
    assert len(anchored[0]) >= 5


@lru_cache(maxsize=1)
def _pronouns_rule():
    linter = Linter(find_config(ROOT), Options(select=["facts.Pronouns"]))
    return next(rule for rule, _ in linter.active_rules() if rule.id == "facts.Pronouns")


POSSESSIVES = ["Ann Roe's son said", "ANN ROE’S WIFE", "Roe's  husband", "roe's son", "O'Brien's son", "McRoe's\ndaughter",
               "Roe's sons", "Roe's sonny", "(Roe's son)", "Roe''s son", "Ünal's son", "x Ro's son Ro's wife",
               "Roe's son's wife", "R's son", "Roe’s’s son", "'s son", "Roe's", "Roe'", "", "Roe\u00a0Lee's son"]


def test_possessives_tried_before_apostrophes_find_what_a_plain_search_finds() -> None:
    pattern = _pronouns_rule().possessed
    assert pattern is not None
    texts = POSSESSIVES + [" ".join(POSSESSIVES)] + [parse_document(p.name, p.read_text(encoding="utf-8")).prose
                                                      for p in [*DRAFTS, *SOURCES]]
    found = 0
    for prose in texts:
        expected = [m.span() for m in pattern.finditer(prose)]
        assert [m.span() for m in pronouns._possessed_matches(pattern, prose)] == expected, prose[:80]
        found += len(expected)
    assert found > 30


URL_TEXTS = ["See https://example.org/a.", "Mail ann@example.org now.", "Visit WWW.Example.com today",
             "`https://code.example` and [a link](http://x.org)", "no marks here", "W\u0130WW. www\u00a0x",
             "<!-- www.hidden.org -->\n\nshown text", "a@b"]


def test_prose_without_url_marks_is_not_searched_for_urls(monkeypatch) -> None:
    texts = URL_TEXTS + [p.read_text(encoding="utf-8") for p in [*DRAFTS, *SOURCES]]
    fast = [parse_document("d.md", text).prose for text in texts]
    monkeypatch.setattr(masking, "_has_marks", lambda text: True)
    assert fast == [parse_document("d.md", text).prose for text in texts]
    assert fast[0] != URL_TEXTS[0] and fast[4] == URL_TEXTS[4]
