"""False alarms the blind stadium story (tests/eval/stadium, scored blind first: 0.83 / 0.83 on
this branch) showed, each from a general cause: a verb before a count ("seat 8,500") read as a
label, "cover up to $3.1 million" read as a cover-up, a weekday matched through the date of its
clause, and a weekday that describes a kind ("Sunday church services")."""
from __future__ import annotations

from people_lint import ROOT, lint
from test_sourcing import flagged as sourcing_flagged

from newslint.document import parse_document
from newslint.registry.numbers import find_figures

STADIUM = (ROOT / "tests" / "eval" / "stadium" / "sources",)


def test_a_verb_before_a_count_is_no_label():
    document = parse_document("x.md", "The ballpark would seat 8,500 and open in 2029.\n")
    assert [f.value for f in find_figures(document) if f.kind == "count"] == ["8500"]


def test_covering_up_to_an_amount_is_no_cover_up():
    text = "In the worst case, the general fund would have to cover up to $3.1 million in a single year.\n"
    assert sourcing_flagged(text) == []
    assert sourcing_flagged("Officials tried to cover up the size of the shortfall for a year.\n")


def test_a_weekday_is_not_matched_through_the_date_of_its_clause():
    text = ("Council member Marcus Oyelaran attended Monday's meeting and said he would ask the council on "
            "Oct. 21 to require a community benefits agreement.\n")
    assert [f for f in lint("facts.Figures", text, STADIUM) if "Monday" in f.message] == []


def test_a_weekday_that_describes_a_kind_is_no_figure():
    document = parse_document("x.md", "Volunteers will stand outside grocery stores and at Sunday church services.\n")
    assert [f for f in find_figures(document) if f.kind == "weekday"] == []
    document = parse_document("x.md", "Volunteers stood outside grocery stores on Sunday afternoon.\n")
    assert [f.value for f in find_figures(document) if f.kind == "weekday"] == ["sunday"]


def test_a_person_named_after_a_carried_subject_pronoun_gets_no_gender_from_the_next_sentence():
    from newslint.plugins import get_plugins
    from newslint.registry.build import build_registry, read_sources
    plugins = get_plugins()
    registry = build_registry(read_sources([STADIUM[0]], plugins.parsers()), plugins.fact_extractors())
    # "… Rafael Mendonca presents … He is standing in for … Angela Strom, who is on leave. Key
    # numbers from his slides": "his" is still Mendonca's.
    assert registry.find("Angela Strom").gender == "unknown"
    assert registry.find("Rafael Mendonca").gender == "male"


def test_a_quotation_of_several_sentences_does_not_move_its_speaker_out_of_the_pronoun_window():
    text = ("Deputy Finance Director Rafael Mendonca walked the council through the numbers. The bond payment "
            "would be about $10.4 million a year, he said. Two points of the hotel tax would fill the gap.\n\n"
            '"If the district grows slower than we project, the hotel tax covers the gap first. The general '
            'fund is the last resort, not the first," she told the council.\n')
    findings = lint("facts.Pronouns", text, STADIUM)
    assert [f.text for f in findings] == ["she"] and "Rafael Mendonca" in findings[0].message


def test_a_title_without_its_subordinate_rank_is_another_office():
    text = "Finance Director Rafael Mendonca walked the council through the numbers.\n"
    findings = lint("facts.Titles", text, STADIUM)
    assert [f.text for f in findings] == ["Finance Director"]
    assert "deputy finance director" in findings[0].message
    assert lint("facts.Titles", "Deputy " + text, STADIUM) == []


def test_a_capitalised_title_at_a_sentence_start_keeps_its_first_word():
    # "finance" is also written in lowercase ("the budget and finance committee"), but "Finance
    # Director" is a title: its role word is capitalised too.
    text = ("Finance Director Rafael Mendonca walked the council through the numbers.\n\n"
            "Samuel Whitacre, who chairs the budget and finance committee, tried to cap the contribution.\n")
    assert [f.text for f in lint("facts.Titles", text, STADIUM)] == ["Finance Director"]


def test_a_cost_to_an_abbreviated_group_is_a_statistic():
    text = "Publicly financed stadiums have cost U.S. taxpayers more than $12 billion since 2000.\n"
    assert [c for _, c, _ in sourcing_flagged(text)] == ["unsourced"]
