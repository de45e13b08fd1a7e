"""The prefilters of the figure kinds gated per sentence are read from their patterns once and
kept in the cache folder: what is kept, and read back by a later run, is what Needs.of reads."""
from __future__ import annotations

from pathlib import Path

from newslint.kinds.literals import Needs
from newslint.registry import numbers
from newslint.registry.numbers import _GATED, _kept_needs, _kind_needs, lexicon
from newslint.yamlcache import ParsedYaml


def later_run() -> ParsedYaml:
    """The cache as a new process reads it (what this one wrote)."""
    _kept_needs().save()
    return ParsedYaml(Path(numbers.__file__).resolve().parent, "needs", code=("kinds/literals.py",), keep=16)


def test_kept_needs_are_the_patterns_needs():
    for kind in sorted(_GATED):
        fresh = Needs.of(lexicon().patterns[kind].pattern)
        assert fresh.groups and _kind_needs(kind) == fresh
    kept = later_run()
    for kind in sorted(_GATED):
        pattern = lexicon().patterns[kind].pattern
        read = kept.parse(kind, pattern.encode("utf-8", "surrogatepass"), lambda: "parsed again")
        assert read == (Needs.of(pattern).groups if kept.file is not None else "parsed again")


def test_a_changed_pattern_is_read_afresh():
    kept = _kept_needs()
    for pattern in (r"\b(?:\d+|ten)\s+(?:hours|days)\b", r"\b(?:\d+|ten)\s+(?:weeks|years)\b"):
        assert kept.parse("test-pattern", pattern.encode(), lambda: Needs.of(pattern).groups) == Needs.of(pattern).groups
