"""Pronoun checks on the stories written blind in session 9 and on invented text: the policy
(gender only as the sources refer to a person, never from a given name) and the abstentions of
session 9's precision round that hold in general (a stranger described in an appositive; an
attribution set off after a name)."""
from __future__ import annotations

from people_lint import ROOT, lint, registry_of, write_sources

EVAL = ROOT / "tests" / "eval"
WINDFARM = (EVAL / "windfarm" / "sources",)
OUTBREAK = (EVAL / "outbreak" / "sources",)


def flagged(text: str, sources) -> list[str]:
    return [f.text for f in lint("facts.Pronouns", text, sources)]


def test_no_gender_from_a_given_name():
    # The sources never refer to Sen. Lorraine Tveit or Gwen Tatum by a pronoun or a gendered word.
    assert registry_of(WINDFARM).find("Lorraine Tveit").gender == "unknown"
    text = "State Sen. Lorraine Tveit told the commission that both sides had a point. Tveit said he wanted the money up front.\n"
    assert flagged(text, WINDFARM) == []
    text = '"Our inspectors acted the same day," Tatum said. He added that the stand had passed its inspection.\n'
    assert flagged(text, OUTBREAK) == []


def test_invented_gender_only_from_the_sources(tmp_path):
    sources = write_sources(tmp_path, "Philippa Dunstrove, the county assessor, said values rose. Dunstrove said "
                                 "the rolls were late.\n\n"
                                 "Bartholomew Ncube, the treasurer, said she would publish the rolls. Ncube said "
                                 "her office was ready.\n")
    assert registry_of(sources).find("Philippa Dunstrove").gender == "unknown"
    assert registry_of(sources).find("Bartholomew Ncube").gender == "female"
    assert flagged("Dunstrove said he expected the rolls in May.\n", sources) == []
    assert flagged("Ncube said he would publish the rolls in May.\n", sources) == ["he"]


def test_invented_a_stranger_described_is_a_referent_of_unknown_gender(tmp_path):
    sources = write_sources(tmp_path, "Bartholomew Ncube, the treasurer, said she would publish the rolls. Ncube "
                                 "said her office was ready.\n")
    # (Ncube is "she"; the described stranger may be whom "he" stands for.)
    text = "Ncube spoke first. Teodor Amsel, a bakery owner who lives on Elm Street, said he would appeal.\n"
    assert flagged(text, sources) == []
    text = "Ncube spoke first and said he would publish the rolls.\n"
    assert flagged(text, sources) == ["he"]


def test_invented_an_attribution_set_off_after_a_name(tmp_path):
    sources = write_sources(tmp_path, "Bartholomew Ncube, the treasurer, said she would publish the rolls. Ncube "
                                 "said her office was ready.\n")
    # "Ncube, he said, would resign": the pronoun is the unnamed speaker, not Ncube.
    assert flagged("Ncube, he said, would publish the rolls by May.\n", sources) == []
