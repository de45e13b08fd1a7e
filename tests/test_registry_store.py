"""The registry's disk cache, curated facts files and the `newslint facts` commands."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newslint.plugins import get_plugins
from newslint.registry import store
from newslint.registry.curated import FactsError, load_facts
from newslint.registry.store import RegistryProvider

ROOT = Path(__file__).resolve().parent.parent
COUNCIL = ROOT / "tests" / "stories" / "council" / "sources"
SEEDS = ROOT / "seeds"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    return folder


def test_second_run_loads_the_cache_instead_of_building(cache, monkeypatch):
    first, _ = RegistryProvider(get_plugins()).get([COUNCIL], [])
    assert len(list(cache.glob("registry-*.pickle"))) == 1

    def no_build(*args, **kwargs):
        raise AssertionError("rebuilt although the cache is fresh")

    monkeypatch.setattr(store, "build", no_build)
    second, _ = RegistryProvider(get_plugins()).get([COUNCIL], [])
    assert second is not first
    assert [e.canonical for e in second.entities] == [e.canonical for e in first.entities]
    assert second.find("Helen Marsh").gender == "female"


def test_a_changed_source_changes_the_key(tmp_path, cache):
    source = tmp_path / "a.txt"
    source.write_text("Mayor Jane Roe said the budget was balanced.\n")
    first = store.content_key([source], [])
    source.write_text("Mayor Jane Rowe said the budget was balanced.\n")
    assert store.content_key([source], []) != first
    registry, _ = RegistryProvider(get_plugins()).get([source], [])
    assert registry.find("Jane Rowe") is not None


def test_a_corrupt_cache_is_ignored_and_rebuilt(cache):
    RegistryProvider(get_plugins()).get([COUNCIL], [])
    (path,) = cache.glob("registry-*.pickle")
    path.write_bytes(b"\x80\x05not a pickle at all")
    registry, notes = RegistryProvider(get_plugins()).get([COUNCIL], [])
    assert registry.find("David Okafor") is not None and notes == []
    assert store.load_cached(path) is not None  # rewritten


def test_curated_facts_add_and_override(tmp_path, cache):
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        "entities:\n"
        "  - name: Helen Marsh\n"
        "    aliases: [Mayor Marsh]\n"
        "    variants: {wrong: [Helen Marshe], right: [Helen March]}\n"
        "  - name: Tom Reyes\n"
        "    gender: unknown\n"
        "  - name: Priya Natarajan\n"
        "    gender: female\n"
        "    titles: [{role: city manager, affiliation: Riverton, start: 2024-02-01}]\n"
        "  - name: Riverton Courier\n"
        "    kind: organisation\n"
        "    aliases: [the Courier]\n")
    registry, notes = RegistryProvider(get_plugins()).get([COUNCIL], [facts])
    assert notes == []
    marsh = registry.find("Mayor Marsh")
    assert marsh.canonical == "Helen Marsh" and marsh.curated
    assert registry.find("Helen March") is marsh  # the editor says this form is right
    assert [v.form for v in marsh.wrong_variants()] == ["Helen Marshe"]
    assert registry.find("Tom Reyes").gender == "unknown"
    natarajan = registry.find("Priya Natarajan")
    assert natarajan.gender == "female" and natarajan.titles[0].start == "2024-02-01"
    assert registry.find("the Courier").kind == "organisation"


def test_a_broken_facts_file_is_a_note_not_a_crash(tmp_path, cache):
    facts = tmp_path / "facts.yaml"
    facts.write_text("entities:\n  - gender: female\n")
    with pytest.raises(FactsError, match="needs a 'name'"):
        load_facts(facts)
    registry, notes = RegistryProvider(get_plugins()).get([COUNCIL], [facts])
    assert registry.find("Helen Marsh") is not None
    assert any("facts.yaml" in n and "name" in n for n in notes)


def test_facts_build_writes_readable_yaml(newslint, tmp_path, cache):
    out = tmp_path / "facts.yaml"
    result = newslint("facts", "build", COUNCIL, "-o", out)
    assert result.code == 0, result.err
    data = yaml.safe_load(out.read_text())
    people = {e["name"]: e for e in data["entities"] if e["kind"] == "person"}
    marsh = people["Helen Marsh"]
    assert marsh["gender"] == "female"
    wrong = [v for v in marsh["variants"] if v["wrong"]]
    assert wrong[0]["form"] == "Helen March" and wrong[0]["support"] == 1
    assert wrong[0]["mentions"][0]["source"].endswith("02_gazette.md") and wrong[0]["mentions"][0]["line"] > 0
    assert marsh["titles"][0]["role"] == "mayor"
    assert not list(tmp_path.glob(".facts.yaml.*"))  # no temporary file left
    # what `facts build` writes loads back as a curated facts file
    assert {e["name"] for e in load_facts(out)} >= set(people)


def test_facts_show_and_conflicts(newslint, cache):
    shown = newslint("facts", "show", "Sheinbaum", "--sources", SEEDS)
    assert shown.code == 0, shown.err
    assert shown.out.startswith("Claudia Sheinbaum (person)")
    assert "wrong: Gloria Sheibaum (1 mention in 1 source)" in shown.out
    assert "gender: female" in shown.out and "[president, Mexico, current]" in shown.out
    conflicts = newslint("facts", "conflicts", "--sources", SEEDS)
    assert "name of Claudia Sheinbaum:" in conflicts.out
    assert "status of Donald Trump as president" in conflicts.out
    missing = newslint("facts", "show", "Nobody Known", "--sources", SEEDS)
    assert missing.code == 1 and "not in the registry" in missing.err


def test_facts_without_sources_is_a_usage_error(newslint, tmp_path, cache):
    result = newslint("facts", "conflicts", cwd=tmp_path)
    assert result.code == 2 and "no sources" in result.err
    result = newslint("facts", "show", "X", "--sources", tmp_path / "nope")
    assert result.code == 2 and "no such file" in result.err
