"""The sourcing lexicon compiles each pattern on first use (a cold start compiles only what a
draft's text asks for); a broken pattern is still reported when the rule loads, with its key.
A lexicon that loaded is kept between runs, uncompiled."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex

from newslint.datafiles import safe_load
from newslint.document import parse_document
from newslint.engine.loader import compile_rule
from newslint.kinds import attribution
from newslint.kinds.attribution import FLAGS, Lexicon, analyse, claims_in
from newslint.kinds.base import RuleError, RuleSpec
from newslint.kinds.literals import LazyPattern
from newslint.plugins import get_plugins
from newslint.yamlcache import ParsedYaml

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


def test_patterns_wait_for_first_use_and_regex_only_syntax_is_compiled_now(cache_dir) -> None:
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


# -- the lexicon kept between runs --------------------------------------------------------------
@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # the signing key's folder
    attribution._cached_lexicon.cache_clear()
    attribution._lexicon_cache.cache_clear()
    yield folder
    attribution._cached_lexicon.cache_clear()
    attribution._lexicon_cache.cache_clear()


def fresh_process() -> None:
    """What a new process would see: nothing in memory, the cache file on disk."""
    attribution._cached_lexicon.cache_clear()
    attribution._lexicon_cache.cache_clear()


def counting(monkeypatch) -> list:
    built: list = []
    original = Lexicon._compile_data.__func__

    def compile_data(cls, data):
        built.append(data)
        return original(cls, data)
    monkeypatch.setattr(Lexicon, "_compile_data", classmethod(compile_data))
    return built


def test_a_lexicon_loaded_in_an_earlier_run_is_the_same_and_not_built_again(cache_dir, monkeypatch) -> None:
    data = safe_load((ROOT / "rules" / "sourcing" / "lexicon" / "sourcing.yml").read_text(encoding="utf-8"))
    built = counting(monkeypatch)
    first = Lexicon.from_data(data)
    assert len(built) == 1 and list(cache_dir.glob("yaml-lexicon-*.pickle"))
    fresh_process()
    second = Lexicon.from_data(data)
    assert len(built) == 1 and second is not first
    assert [(p.pattern, p.flags) for p in patterns_of(second)] == [(p.pattern, p.flags) for p in patterns_of(first)]
    assert all(p._compiled is None for p in patterns_of(second))
    assert [(p.pattern, n) for p, n in second.needs.items()] == [(p.pattern, n) for p, n in first.needs.items()]
    assert [([p.pattern for p in ps], n) for ps, n in second.needs_any.items()] == \
        [([p.pattern for p in ps], n) for ps, n in first.needs_any.items()]
    for document in drafts()[:6]:
        assert analysis(document, second) == analysis(document, first)
    # Other data is another entry.
    Lexicon.from_data({**data, "sources": ["as told to"]})
    assert len(built) == 2


def test_a_regex_only_pattern_is_validated_once_and_kept_uncompiled(cache_dir, monkeypatch) -> None:
    data = {"verbs": ["say/said"], "anonymous": [r"(?-i:\p{Lu}\w+) insiders"]}
    first = Lexicon.from_data(data)
    assert first.anonymous[0]._compiled is not None  # compiled at load: Python's parser cannot read it
    fresh_process()
    second = Lexicon.from_data(data)
    assert second.anonymous[0]._compiled is None
    assert second.anonymous[0].search("as Pentagon insiders said").group() == "Pentagon insiders"


def test_a_broken_lexicon_is_never_kept(cache_dir, monkeypatch) -> None:
    built = counting(monkeypatch)
    for _ in range(2):
        fresh_process()
        with pytest.raises(RuleError):
            Lexicon.from_data({"verbs": ["say/said"], "sources": ["according to (the"]})
    assert len(built) == 2


def test_kept_values_are_bounded_and_belong_to_their_code(cache_dir) -> None:
    cache = ParsedYaml(cache_dir, "test", code=("kinds/literals.py",), keep=2)
    for name in ("a", "b", "c"):
        cache.parse(name, name.encode(), lambda: name.upper())
    cache.save()
    assert list(ParsedYaml(cache_dir, "test", code=("kinds/literals.py",), keep=2).entries) == ["b", "c"]
    assert ParsedYaml(cache_dir, "test", code=("kinds/attribution.py",)).entries == {}


def reference_claims(document, lexicon, sentence) -> list[tuple[str, int, int]]:
    """claims_in without prefilters, narrowing or deferred exclusions: every pattern runs, and
    each kind's exclusions (dates, years ...) are found before its cues."""
    prose, found = document.prose, []
    for kind in lexicon.claims:
        excluded = [m.span() for p in kind.not_ for m in p.compiled.finditer(prose, sentence.start, sentence.end)]
        for pattern in kind.cues:
            for match in pattern.compiled.finditer(prose, sentence.start, sentence.end):
                text = match.group()
                start, end = match.start() + len(text) - len(text.lstrip()), match.end()
                if not text.strip() or document.in_quote(start, end):
                    continue
                numbers = [(start + m.start(), start + m.end()) for m in regex.finditer(r"\d(?:[\d,.]*\d)?", text.strip())]
                if excluded and numbers and all(any(s <= a and b <= e for s, e in excluded) for a, b in numbers):
                    continue
                overlapping = [c for c in found if c[1] < end and start < c[2]]
                if overlapping:
                    old = overlapping[0]
                    # (a longer phrase that holds the whole of the earlier one gives its kind)
                    inside = start <= old[1] and old[2] <= end and end - start > old[2] - old[1]
                    found[found.index(old)] = (kind.name if inside else old[0], min(old[1], start), max(old[2], end))
                    continue
                found.append((kind.name, start, end))
    return sorted(found, key=lambda c: c[1])


def test_claims_are_those_of_the_slow_path_with_exclusions_found_first() -> None:
    data = safe_load((ROOT / "rules" / "sourcing" / "lexicon" / "sourcing.yml").read_text(encoding="utf-8"))
    lexicon = Lexicon._compile_data(data)
    claims = excluded = 0
    for document in drafts():
        for sentence in document.sentences:
            if sentence.end - sentence.start > attribution.MAX_SENTENCE:
                continue
            expected = reference_claims(document, lexicon, sentence)
            got = [(c.kind.name, c.span.start, c.span.end) for c in claims_in(document, lexicon, sentence)]
            assert got == expected, document.prose[sentence.start:sentence.end]
            claims += len(expected)
            excluded += any(p.compiled.search(document.prose, sentence.start, sentence.end)
                            for k in lexicon.claims for p in k.not_)
    assert claims > 80 and excluded > 80, (claims, excluded)


def test_a_lexicon_file_s_parse_is_kept_between_runs_and_an_edit_is_read(cache_dir, tmp_path, monkeypatch) -> None:
    from newslint.kinds import sourcing

    path = tmp_path / "desk" / "lexicon.yml"
    path.parent.mkdir()
    path.write_text("verbs: [say/said]\nsources: [according to]\n", encoding="utf-8")

    def fresh() -> None:
        sourcing._read_lexicon.cache_clear()
        sourcing._parsed.cache_clear()
    fresh()
    assert sourcing._read_lexicon(str(path), 1.0) == {"verbs": ["say/said"], "sources": ["according to"]}
    fresh()
    with monkeypatch.context() as patch:
        patch.setattr(sourcing, "safe_load", lambda text: pytest.fail("parsed again"))
        assert sourcing._read_lexicon(str(path), 1.0) == {"verbs": ["say/said"], "sources": ["according to"]}
    path.write_text("verbs: [tell/told]\n", encoding="utf-8")
    fresh()
    assert sourcing._read_lexicon(str(path), 2.0) == {"verbs": ["tell/told"]}
    path.write_text("- not a mapping\n", encoding="utf-8")
    with pytest.raises(RuleError):
        sourcing._read_lexicon(str(path), 3.0)
