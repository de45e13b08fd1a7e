"""facts.Pronouns: a pronoun about a known person that disagrees with the sources' gender."""
from __future__ import annotations

from people_lint import SEEDS, STORY, flagged, lint

SEEDS_004 = sorted(SEEDS.glob("004_*"))[0]
OTHER_SEEDS = tuple(p for p in sorted(SEEDS.glob("*.txt")) if p != SEEDS_004)


def pronouns(text, sources=(SEEDS,)):
    return lint("facts.Pronouns", text, sources)


def test_attribution_after_a_quote_by_a_woman():
    text = ('Speaking to students, the Mexican president repeated her position.\n\n'
            '"Sovereignty is not for sale," he said.\n')
    findings = pronouns(text)
    assert flagged(findings) == ["he"]
    assert findings[0].category == "pronoun"
    assert "Claudia Sheinbaum" in findings[0].message and "she/her" in findings[0].message
    assert findings[0].fix.replacement == "she" and not findings[0].fix.safe


def test_next_clause_and_possessive():
    assert flagged(pronouns("Anna Kelly said the call was productive, and he added more.\n")) == ["he"]
    assert flagged(pronouns("James Hewitt said her council was worried.\n")) == ["her"]


def test_leave_one_out_finds_he_added_in_004():
    text = SEEDS_004.read_text(encoding="utf-8")
    findings = lint("facts.Pronouns", text, OTHER_SEEDS, name=str(SEEDS_004))
    assert flagged(findings) == ["he"]
    assert findings[0].line == 9


def test_abstains_when_ambiguous_or_unknown():
    assert pronouns("Trump called Sheinbaum, and she said he was wrong.\n") == []
    assert pronouns("Sheinbaum met a Mexican official. He said the talks went well.\n") == []
    assert pronouns("Sheinbaum met Jorge Ramos, who said he was pleased.\n") == []
    assert pronouns('Sheinbaum spoke. "He will not send troops," she said.\n') == []  # quoted words


def test_right_pronouns_pass_and_seeds_are_clean():
    assert pronouns("Sheinbaum said her government would cooperate. She added that Trump and his aides agreed.\n") == []
    for seed in sorted(SEEDS.glob("*.txt")):
        if seed != SEEDS_004:
            assert lint("facts.Pronouns", seed.read_text(encoding="utf-8"), (SEEDS,), name=str(seed)) == [], seed.name


def test_council_story_slips_and_clean_draft():
    sources = (STORY / "sources",)
    slips = lint("facts.Pronouns", (STORY / "drafts" / "slips.md").read_text(), sources)
    assert [(f.line, f.text) for f in slips] == [(14, "he"), (18, "he")]
    assert "Helen Marsh" in slips[0].message and "Maria Lindqvist" in slips[1].message
    assert lint("facts.Pronouns", (STORY / "drafts" / "clean.md").read_text(), sources) == []


def test_someone_described_but_not_named_makes_it_ambiguous():
    assert pronouns("Anna Kelly said a resident had called her. He said the border was quiet.\n") == []
    assert pronouns("Anna Kelly spoke after her husband arrived, and he added a word.\n") == []


def test_a_lone_surname_after_the_draft_names_someone_else_is_that_person():
    text = "Robert Kelly, a local teacher, said the border was quiet. Kelly said he had seen no troops.\n"
    assert pronouns(text) == []


def test_a_role_of_another_country_is_not_the_sources_holder_of_that_role():
    # The council story's only president is the council president, not "the Mexican president".
    text = ("Speaking to students, the Mexican president repeated his position.\n\n"
            '"Sovereignty is not for sale," she said.\n')
    assert pronouns(text, (STORY / "sources",)) == []
