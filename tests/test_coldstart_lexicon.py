"""The sourcing lexicon compiles each pattern on first use (a cold start compiles only what a
draft's text asks for); a broken pattern is still reported when the rule loads, with its key."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex

from newslint.datafiles import safe_load
from newslint.document import parse_document
from newslint.engine.loader import compile_rule
from newslint.kinds.attribution import FLAGS, LazyPattern, Lexicon, analyse, claims_in
from newslint.kinds.base import RuleSpec
from newslint.plugins import get_plugins

ROOT = Path(__file__).resolve().parent.parent
KINDS = get_plugins().rule_kinds()
SHIPPED = {"extends": "sourcing", "check": "vague", "lexicon": "sourcing.yml"}


def load(extra: dict, lines: dict[str, int] | None = None):
    spec = RuleSpec(id="Desk.Vague", path="rules/Desk/Vague.yml", data={**SHIPPED, **extra}, lines=lines or {})
    return compile_rule(spec, KINDS)


def patterns_of(lexicon: Lexicon) -> list[LazyPattern]:
    found = [lexicon.verbs, *lexicon.sources, lexicon.vague_groups, *lexicon.vague_phrases, *lexicon.anonymous]
    for kind in lexicon.claims:
        found += [*kind.cues, *kind.not_, *([kind.acts] if kind.acts else [])]
    return found


@pytest.mark.parametrize("extra, key", [
    ({"sources": ["according to (the"]}, "sources"),
    ({"anonymous": [r"\p{Nope} officials"]}, "anonymous"),
    ({"vague": {"phrases": ["reports? suggest(?"]}}, "vague"),
    ({"claims": {"rate": {"cues": [r"\d+ per(cent"]}}}, "claims"),
    ({"sources": [r"(?P<a>x)(?P=b)"]}, "sources"),
])
def test_a_broken_pattern_is_reported_at_load_on_its_key(extra: dict, key: str) -> None:
    rule, problems = load(extra, {key: 7})
    assert rule is None
    assert [(p.path, p.line) for p in problems] == [("rules/Desk/Vague.yml", 7)]
    assert "does not compile" in problems[0].message and key in problems[0].message


def test_patterns_wait_for_first_use_and_regex_only_syntax_is_compiled_now() -> None:
    rule, problems = load({"anonymous": [r"(?-i:\p{Lu}\w+) insiders"]})
    assert problems == [] and rule is not None
    lexicon = rule.lexicon
    own = lexicon.anonymous[-1]
    assert own._compiled is not None  # Python's parser does not read \p{Lu}: compiled at load
    assert own.search("said Pentagon insiders on Monday").group() == "Pentagon insiders"
    assert own.search("said pentagon insiders") is None
    # Everything else waits (this lexicon was made for this rule's own lists, so none has run).
    assert all(p._compiled is None for p in patterns_of(lexicon) if p is not own)


def test_a_lazy_pattern_matches_as_the_compiled_one() -> None:
    source = r"(?<!\w)(?:(?P<who>officials?)\s+(?:said|say))"
    lazy, compiled = LazyPattern(source, FLAGS), regex.compile(source, FLAGS)
    text = "Officials said the ferry was late; an official say-so followed, and officials say more."
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)] == [(0, 14), (38, 50), (68, 81)]
    assert lazy.search(text, 20).group("who") == "official"
    assert lazy.fullmatch("officials  say") and not lazy.fullmatch("officials say so")
    assert lazy.match(text) and lazy.match(text, 1) is None
    assert lazy.pattern == source


def drafts() -> list:
    paths = sorted({*ROOT.glob("tests/**/*.md"), *ROOT.glob("seeds/*.txt"), ROOT / "examples" / "draft.md"})
    return [parse_document(str(p), p.read_text(encoding="utf-8"), get_plugins().parsers()) for p in paths]


def analysis(document, lexicon) -> tuple:
    paragraphs = [(p.block.start, p.attributed, [(s.start, s.text) for s in p.vague],
                   [(s.start, s.text) for s in p.anonymous],
                   [[(c.kind.name, c.span.start, c.span.text) for c in p.claims(s)] for s in p.sentences],
                   [k.name for k in lexicon.claims if p.recorded(k)]) for p in analyse(document, lexicon)]
    return paragraphs, [[(c.kind.name, c.span.start) for c in claims_in(document, lexicon, s)] for s in document.sentences]


def test_the_analysis_is_the_same_with_every_pattern_compiled_at_load() -> None:
    data = safe_load((ROOT / "rules" / "sourcing" / "lexicon" / "sourcing.yml").read_text(encoding="utf-8"))
    lazy, eager = Lexicon._compile_data(data), Lexicon._compile_data(data)  # two, not the shared one
    assert all(p._compiled is None for p in patterns_of(lazy))
    for pattern in patterns_of(eager):
        assert pattern.compiled is not None
    documents = drafts()
    assert len(documents) > 10
    found = 0
    for document in documents:
        expected = analysis(document, eager)
        assert analysis(document, lazy) == expected
        found += sum(len(p[2]) + len(p[3]) for p in expected[0]) + sum(map(len, expected[1]))
    assert found > 100
    # The lazy lexicon compiled only what some text's prefilter let through.
    assert 0 < sum(p._compiled is not None for p in patterns_of(lazy)) < len(patterns_of(lazy))
