"""Kept regex programs (newslint/regexcache.py): a pattern rebuilt from the kept arguments of
regex's C compile call matches exactly like a fresh regex.compile, for every pattern the
shipped rule packs and the sourcing lexicon compile; a file that is not signed by this user's
key, altered, half-written or from another regex or Python is never used."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import regex

from newslint import regexcache
from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.kinds import attribution, vale
from newslint.kinds.literals import LazyPattern
from newslint.registry import numbers
from newslint.kinds.vale import TokenPattern

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
STORIES = [*sorted(SEEDS.glob("*.txt")), *sorted((ROOT / "tests" / "stories" / "flood").glob("*.txt"))]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # the signing key's folder
    monkeypatch.setattr(regexcache, "_programs", None)
    yield folder
    regexcache._programs = None  # nothing of this test's is written at exit


def next_run() -> None:
    """What a new process sees: this one's programs written, nothing in memory."""
    regexcache._programs.save()
    regexcache._programs = None


def must_not_compile(monkeypatch) -> None:
    def fail(pattern, flags):
        raise AssertionError(f"compiled afresh: {pattern[:60]!r}")
    monkeypatch.setattr(regexcache, "_compile_and_record", fail)


def behaviour(pattern: regex.Pattern, texts: list[str]) -> tuple:
    found = [(m.span(), m.groups(), m.groupdict(), m.regs) for text in texts for m in pattern.finditer(text)]
    return pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex, found


def compiled_by(value: Any, seen: set[int], depth: int = 0) -> None:
    """Compile every pattern a rule holds (a token pattern's or a lexicon's), so that the
    cache receives them all, not only what the stories' text asks for."""
    if depth > 6 or id(value) in seen or isinstance(value, (str, bytes, int, float, regex.Pattern)):
        return
    seen.add(id(value))
    if isinstance(value, TokenPattern):
        value.pattern  # noqa: B018 - compiles it
    elif isinstance(value, LazyPattern):
        value.compiled  # noqa: B018
    if isinstance(value, dict):
        children = list(value.values())
    elif isinstance(value, (list, tuple, set, frozenset)):
        children = list(value)
    else:
        children = list(getattr(value, "__dict__", {}).values())
        children += [getattr(value, slot, None) for slot in getattr(type(value), "__slots__", ())]
    for child in children:
        compiled_by(child, seen, depth + 1)


def test_kept_programs_match_like_fresh_compiles(cache_dir, monkeypatch) -> None:
    # Compiled patterns other tests left in this process would not reach the cache.
    attribution._cached_lexicon.cache_clear()
    attribution._lexicon_cache.cache_clear()
    monkeypatch.setattr(vale, "_LOCATORS", {})
    numbers.lexicon.cache_clear()  # the figure patterns
    texts = [path.read_text(encoding="utf-8") for path in STORIES]
    linter = Linter(Config(), Options(sources=[SEEDS]))
    for path, text in zip(STORIES, texts):  # what lint runs compile
        linter.lint_text(str(path), text)
    seen: set[int] = set()
    for rule in linter.ruleset.rules:
        compiled_by(rule, seen)
    kept = dict(regexcache._programs.entries)
    assert len(kept) > 200  # the shipped packs, the sourcing lexicon and the figure patterns
    assert numbers.lexicon().patterns["date"].pattern in {pattern for pattern, _, _ in kept}
    next_run()
    must_not_compile(monkeypatch)  # every one comes from the file
    for pattern, flags, _ in kept:
        cached = regexcache.compile(pattern, flags)
        fresh = regex.compile(pattern, flags, cache_pattern=False)
        assert cached is not fresh
        assert behaviour(cached, texts) == behaviour(fresh, texts), pattern


def test_a_program_is_kept_once_and_read_back(cache_dir, monkeypatch) -> None:
    pattern = r"(?i)\b(?P<n>\d+)\s+(people|residents)\b"
    first = regexcache.compile(pattern)
    assert (cache_dir / regexcache.FILE_NAME).exists() is False  # written at exit
    next_run()
    assert (cache_dir / regexcache.FILE_NAME).exists()
    assert not list(cache_dir.glob(".regex-*"))  # the temporary file was renamed
    must_not_compile(monkeypatch)
    again = regexcache.compile(pattern)
    text = "About 40 residents and 12 People left."
    assert behaviour(again, [text]) == behaviour(first, [text])
    assert again.search(text).group("n") == "40"


def plant(cache_dir: Path, pattern: str, program_of: str, sign) -> None:
    """A cache file whose entry for `pattern` holds the program of `program_of`."""
    regexcache.compile(program_of)
    (key,) = regexcache._programs.entries
    planted = regexcache._programs.entries[key]
    regexcache._programs = None
    signed, body = regexcache._layout([(regexcache._index((pattern, key[1], key[2])), planted, None)])
    (cache_dir / regexcache.FILE_NAME).write_bytes(sign(signed) + signed + body)


@pytest.mark.parametrize("how", ["unsigned", "other key", "tampered", "tampered entry", "truncated"])
def test_a_file_not_signed_by_this_user_is_never_used(cache_dir, how) -> None:
    from newslint.digests import sign
    from newslint.yamlcache import signing_key

    cache_dir.mkdir(parents=True)
    key = signing_key()
    if how == "unsigned":
        plant(cache_dir, "apple", "pear", lambda payload: b"\0" * 32)
    elif how == "other key":
        plant(cache_dir, "apple", "pear", lambda payload: sign(b"x" * 32, payload))
    else:  # a file this user signed, changed afterwards (or cut short)
        plant(cache_dir, "apple", "apple", lambda payload: sign(key, payload))
        data = (cache_dir / regexcache.FILE_NAME).read_bytes()
        if how == "tampered entry":  # the entry (after the signed table) no longer has its digest
            at = data.rindex(b"apple")
            data = data[:at] + b"pear\x00" + data[at + 5:]
        else:
            data = data[:-20] if how == "truncated" else data.replace(b"apple", b"pear\x00", 1)
        (cache_dir / regexcache.FILE_NAME).write_bytes(data)
    compiled = regexcache.compile("apple")
    assert regexcache._programs.entries.keys() == {("apple", 0, int(regex.DEFAULT_VERSION))}  # compiled afresh
    assert compiled.search("a pear and an apple").span() == (14, 19)


def test_a_signed_entry_for_another_pattern_or_of_another_shape_is_not_used(cache_dir) -> None:
    from newslint.digests import sign
    from newslint.yamlcache import signing_key

    cache_dir.mkdir(parents=True)
    key = signing_key()
    plant(cache_dir, "apple", "pear", lambda payload: sign(key, payload))
    assert regexcache.compile("apple").search("a pear and an apple").group() == "apple"


def test_another_regex_or_python_starts_afresh(cache_dir, monkeypatch) -> None:
    regexcache.compile(r"\bcounty\b")
    next_run()
    monkeypatch.setattr(regexcache, "_version_key", lambda: ("another regex",))
    regexcache.compile(r"\bcounty\b")
    assert regexcache._programs.added  # not found: compiled and kept again


def test_locale_and_bytes_patterns_compile_normally_and_are_not_kept(cache_dir) -> None:
    assert regexcache.compile(r"(?L)\w+").match("word").group() == "word"  # inline locale flag
    assert regexcache.compile(r"\w+", regex.LOCALE).match("word").group() == "word"
    assert regexcache.compile(rb"\w+").match(b"word").group() == b"word"
    assert regexcache._programs is None or not regexcache._programs.entries


def test_a_broken_pattern_raises_what_regex_raises(cache_dir) -> None:
    with pytest.raises(regex.error):
        regexcache.compile(r"unbalanced (")
    assert regexcache._programs.entries == {}


def test_no_cache_compiles_normally_and_writes_nothing(cache_dir, monkeypatch) -> None:
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    assert regexcache.compile(r"\bflood\b").search("the flood").span() == (4, 9)
    regexcache._programs.save()
    assert not (cache_dir / regexcache.FILE_NAME).exists()


def test_a_run_reads_only_the_programs_it_compiles_and_keeps_the_others(cache_dir, monkeypatch) -> None:
    compile_afresh = regexcache._compile_and_record
    regexcache.compile(r"\bcounty\b")
    regexcache.compile(r"\bparish\b")
    next_run()
    must_not_compile(monkeypatch)
    assert regexcache.compile(r"\bcounty\b").search("the county seat").span() == (4, 10)
    assert list(regexcache._programs.entries) == [(r"\bcounty\b", 0, int(regex.DEFAULT_VERSION))]
    parish = (r"\bparish\b", 0, int(regex.DEFAULT_VERSION))
    assert parish not in regexcache._programs.entries and regexcache._programs.table.place(regexcache._index(parish))  # not read
    monkeypatch.setattr(regexcache, "_compile_and_record", compile_afresh)
    regexcache.compile(r"\bborough\b")  # a new pattern: the file is written again, with all three
    next_run()
    must_not_compile(monkeypatch)
    for word in ("county", "parish", "borough"):
        assert regexcache.compile(rf"\b{word}\b").search(f"a {word}.").span() == (2, 2 + len(word))


def test_a_write_copies_the_programs_it_did_not_read_and_an_altered_one_is_still_never_used(cache_dir, monkeypatch) -> None:
    """A run that compiles a new pattern writes the file again: the programs it did not read
    are copied with the digest the signed table gives them, unread. One altered in the file
    before that write fails its digest when a later run reads it, and compiles afresh."""
    compile_afresh = regexcache._compile_and_record
    regexcache.compile(r"\bcounty\b")
    regexcache.compile(r"\bparish\b")
    next_run()
    path = cache_dir / regexcache.FILE_NAME
    data = path.read_bytes()
    at = data.rindex(b"parish")  # in the body: the entry, after the signed table
    path.write_bytes(data[:at] + b"polish" + data[at + 6:])
    regexcache.compile(r"\bborough\b")  # a new pattern: the file is written again
    assert (r"\bparish\b", 0, int(regex.DEFAULT_VERSION)) not in regexcache._programs.entries  # not read
    next_run()
    must_not_compile(monkeypatch)
    assert regexcache.compile(r"\bcounty\b").search("a county.").span() == (2, 8)
    assert regexcache.compile(r"\bborough\b").search("a borough.").span() == (2, 9)
    monkeypatch.setattr(regexcache, "_compile_and_record", compile_afresh)
    fresh = []
    monkeypatch.setattr(regexcache, "_compile_and_record", lambda p, f: fresh.append(p) or compile_afresh(p, f))
    assert regexcache.compile(r"\bparish\b").search("a parish, a polish.").span() == (2, 8)
    assert fresh == [r"\bparish\b"]  # its altered program was not used


def test_an_entry_filed_under_a_key_with_other_flags_is_not_used(cache_dir) -> None:
    """The table files an entry under 64 bits of its key's digest; the entry holds its own key
    (pattern, flags, version), which must be the one asked for."""
    from newslint.digests import sign
    from newslint.yamlcache import signing_key

    cache_dir.mkdir(parents=True)
    regexcache.compile("apple")
    (key,) = regexcache._programs.entries
    planted = regexcache._programs.entries[key]
    regexcache._programs = None
    asked = ("apple", int(regex.IGNORECASE), key[2])
    signed, body = regexcache._layout([(regexcache._index(asked), planted, None)])
    (cache_dir / regexcache.FILE_NAME).write_bytes(sign(signing_key(), signed) + signed + body)
    compiled = regexcache.compile("apple", regex.IGNORECASE)
    assert regexcache._programs.entries.keys() == {asked}  # compiled afresh
    assert compiled.search("An APPLE").span() == (3, 8)
