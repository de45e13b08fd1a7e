"""People the blind minecollapse story (tests/eval/minecollapse, now seen) showed we merged or
misspelled: a relative introduced as "his wife, Denise X" is another person, not a slip of the
given name of the X the story is about; and of two full forms written once each, the one whose
surname the sources also write alone is the right one."""
from __future__ import annotations

from people_lint import ROOT, flagged, lint

from newslint.plugins import get_plugins
from newslint.registry.build import build_registry, read_sources

MINE = ROOT / "tests" / "eval" / "minecollapse" / "sources"
RANSOMWARE = ROOT / "tests" / "eval" / "ransomware" / "sources"


def _registry():
    plugins = get_plugins()
    return build_registry(read_sources([MINE], plugins.parsers()), plugins.fact_extractors())


def test_a_wife_who_shares_the_surname_is_her_own_person():
    registry = _registry()
    wife = registry.find("Denise Laframboise")
    assert wife is not None and wife.canonical == "Denise Laframboise"
    husband = registry.find("Curtis Laframboise")
    assert husband is not wife
    assert not any(v.form == "Denise Laframboise" for v in husband.variants)


def test_naming_the_wife_is_not_a_name_slip_but_a_wrong_given_name_for_him_still_is():
    assert lint("facts.Names", '"I just want to know why," Denise Laframboise said.\n', (MINE,)) == []


def test_the_form_whose_surname_is_also_written_alone_is_canonical():
    person = _registry().find("Daniel Kowalczyk")
    assert person.canonical == "Daniel Kowalczyk"
    assert [v.form for v in person.variants if v.wrong] == ["Daniel Kowalcyzk"]


def test_a_question_closing_its_sentence_takes_the_speaker_of_the_next_one():
    text = ('Harold Jansen, a lawyer in Green Bay, said such suits often turn on policy. '
            '"The question a jury will ask is simple: did they do what they said?" Jansen said.\n')
    assert lint("facts.Quotes", text, (RANSOMWARE,)) == []
    text = ('"Vendors are the side door nobody is watching. The attackers know that better than the '
            'hospitals do?" Lucinda Farrow said.\n')
    findings = lint("facts.Attribution", text, (RANSOMWARE,))
    assert len(findings) == 1 and "to Priyanka Deshmukh, not Lucinda Farrow" in findings[0].message
