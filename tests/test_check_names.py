"""facts.Names on real drafts: near misses, wrong given names, wrong variants; never new people."""
from __future__ import annotations

from people_lint import SEEDS, STORY, flagged, lint

SEEDS_001 = sorted(SEEDS.glob("001_*"))[0]
OTHER_SEEDS = tuple(p for p in sorted(SEEDS.glob("*.txt")) if p != SEEDS_001)


def names(text, sources=(SEEDS,)):
    return lint("facts.Names", text, sources)


def test_near_misses_of_surname_and_given_name():
    text = ("Mexican President Claudia Sheinbuam spoke on Saturday.\n\n"
            "White House spokeswoman Anna Kelley said the call went well.\n\n"
            "James Hewit, a spokesman for the White House National Security Council, declined to comment.\n\n"
            "Ana Kelly said it again.\n")
    findings = names(text)
    assert flagged(findings) == ["Claudia Sheinbuam", "Anna Kelley", "James Hewit", "Ana Kelly"]
    first = findings[0]
    assert first.category == "name" and first.severity == "error"
    assert first.message.startswith("'Claudia Sheinbuam': the sources name her Claudia Sheinbaum (")
    assert "in 5 sources" in first.message
    assert first.fix.replacement == "Claudia Sheinbaum" and first.fix.safe
    assert {e.source for e in first.evidence} and all(e.line > 0 and e.text for e in first.evidence)
    assert findings[2].fix.replacement == "James Hewitt"
    assert "name him" in findings[2].message


def test_right_surname_wrong_given_name_with_the_same_title():
    findings = names("The Mexican leader, Gloria Sheinbaum, proposed an amendment.\n")
    assert flagged(findings) == ["Gloria Sheinbaum"]
    assert findings[0].fix.replacement == "Claudia Sheinbaum"


def test_a_lone_surname_near_miss_is_fixed_with_the_surname():
    findings = names("Sheinbuam said the territory is sacrosanct.\n")
    assert flagged(findings) == ["Sheinbuam"]
    assert findings[0].fix.replacement == "Sheinbaum"


def test_the_sources_own_slip_is_found_when_the_draft_repeats_it():
    findings = names("President Donald Trump pressured Mexican President Gloria Sheibaum.\n", (SEEDS,))
    assert flagged(findings) == ["Gloria Sheibaum"]
    assert "minority form" in findings[0].message


def test_leave_one_out_finds_the_real_slip_in_001():
    text = SEEDS_001.read_text(encoding="utf-8")
    findings = lint("facts.Names", text, OTHER_SEEDS, name=str(SEEDS_001))
    assert flagged(findings) == ["Gloria Sheibaum"]


def test_known_and_unknown_names_are_not_flagged():
    text = ("President Donald Trump and Mexican President Claudia Sheinbaum spoke. Sheinbaum said no. "
            "Trump said yes. Anna Kelly and James Hewitt commented. The Wall Street Journal reported it.\n\n"
            "Maria Gonzalez, a farmer in Sonora, said she had not heard of the call. "
            "Jorge Ramos said the Sinaloa Cartel was weakened. Melania Trump attended a dinner.\n")
    assert names(text) == []  # a shared surname without the same title is someone else


def test_every_seed_is_clean_against_all_seeds():
    for seed in sorted(SEEDS.glob("*.txt")):
        if seed == SEEDS_001:
            continue
        assert lint("facts.Names", seed.read_text(encoding="utf-8"), (SEEDS,), name=str(seed)) == [], seed.name


def test_council_story_slips_and_clean_draft():
    sources = (STORY / "sources",)
    slips = lint("facts.Names", (STORY / "drafts" / "slips.md").read_text(), sources)
    assert flagged(slips) == ["Helen Marsch", "Davd Okafor", "Sofia Lindqvist"]
    assert slips[0].fix.replacement == "Helen Marsh"
    assert lint("facts.Names", (STORY / "drafts" / "clean.md").read_text(), sources) == []


def test_a_misspelt_organisation():
    findings = names("The Wall Street Jornal reported the call.\n")
    assert flagged(findings) == ["Wall Street Jornal"]
    assert findings[0].fix.replacement == "Wall Street Journal"


def test_a_shared_surname_with_a_generic_role_is_someone_else():
    assert names("Robert Kelly, a spokesman for the White House, said the border was quiet.\n") == []
    assert flagged(names("Mexican President Lucia Sheinbaum spoke.\n")) == ["Lucia Sheinbaum"]
