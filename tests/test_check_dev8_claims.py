"""Claims (figures, attribution, quotes, sourcing) of the four stories written blind in session 7
(tests/eval: jail, lottery, pension, drought) and the older sets, each fixed at its general cause
and tested on the story's own text and on an invented story."""
from __future__ import annotations

import pytest

from people_lint import ROOT, lint, registry_of

EVAL = ROOT / "tests" / "eval"
JAIL = (EVAL / "jail" / "sources",)
LOTTERY = (EVAL / "lottery" / "sources",)
PENSION = (EVAL / "pension" / "sources",)
DROUGHT = (EVAL / "drought" / "sources",)
SCHOOLBOARD = (EVAL / "schoolboard" / "sources",)

# An invented story: a county board's hearing on a mill closure, with a wire story.
HEARING = """\
KETTERING COUNTY BOARD OF SUPERVISORS
PUBLIC HEARING ON THE DUNMOOR MILL CLOSURE

CHAIRWOMAN BEATA OSTERGAARD: We're called to order. Major Pruski has asked to speak first.

MAJ. LENA PRUSKI: Thank you. I run the county's emergency management office. We have two shelters ready for the families on the river road.

CHAIRWOMAN BEATA OSTERGAARD: Thank you, Major. Mr. Vrba.

TOMAS VRBA (owner, Vrba Orchards): Good evening. My orchard sits below the mill pond, and nobody from the state has walked it since the spring.

I'd rather lose a season than lose the orchard to a dam nobody inspects.

CHAIRWOMAN BEATA OSTERGAARD: Thank you, Mr. Vrba. Next speaker, please.

KETTERING HERALD: Will the shelters stay open through the winter?

MAJ. LENA PRUSKI: Through March at least.

GRETA KOWALEWSKA (farmer, river road): The shelters are fine, but a shelter is not a plan for the next flood.

CHAIRWOMAN BEATA OSTERGAARD: Thank you. We're adjourned.
"""
WIRE = """\
County board hears from residents on mill closure

Kettering County Board of Supervisors Chairwoman Beata Ostergaard opened the hearing on Tuesday.

"The mill has been part of this valley for a century, and we owe it a careful ending," Ostergaard said.

Gov. Hedda Marklund, who toured the mill in March, said the state would pay for the inspection. "No family on the river road will be left to guess about that dam," Marklund said.

Tomas Vrba, 58, has farmed below the dam since 1990. He planted 45 acres this spring out of 80.

Thirty-five of the mill's 140 workers live on the river road, the county's payroll office said.

The mill's share of county payroll fell to 12.5 percent this year, down from 14.2 percent a year earlier, the county said. Workers contribute 6 percent of salary to the mill's pension plan.

The county's relief table lists the river road at $1.3 million, 18 percent of the fund.

Relief applications open May 5 and will close June 16, the county said.

Gov. Ruben Okonkwo-Sato of the neighbouring state sent a letter of support. "Rivers do not stop at state lines, and neither should inspections," Okonkwo-Sato wrote.
"""


@pytest.fixture(scope="module")
def mill(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mill") / "sources"
    folder.mkdir()
    (folder / "01_hearing_transcript.txt").write_text(HEARING)
    (folder / "02_wire.txt").write_text(WIRE)
    return (folder,)


def flagged(rule: str, text: str, sources=()) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]


# -- attribution: turns of a transcript ----------------------------------------------------------
def test_a_turn_under_a_rank_and_a_full_name_is_that_persons():
    # "MAJ. RAYMOND OKAFOR: … Our officers are trained to call medical, and medical is supposed to answer."
    text = ('"Our officers are trained to call medical, and medical is supposed to answer," Sheriff Dolores '
            'Whitcombe told commissioners.\n')
    assert flagged("facts.Attribution", text, JAIL) != []
    text = ('"Our officers are trained to call medical, and medical is supposed to answer," Maj. Raymond '
            'Okafor told commissioners.\n')
    assert flagged("facts.Attribution", text, JAIL) == []


def test_a_turn_under_a_rank_label_in_an_invented_hearing(mill):
    text = '"We have two shelters ready for the families on the river road," Ostergaard said.\n'
    assert flagged("facts.Attribution", text, mill) != []
    text = '"We have two shelters ready for the families on the river road," Pruski said.\n'
    assert flagged("facts.Attribution", text, mill) == []


def test_a_turn_that_goes_on_in_a_paragraph_opening_with_i_is_the_speakers():
    # MR. TILLOTSON's turn goes on: "I'd rather hit 6.75 every year than 12 one year and minus 8 the next."
    text = ('"I\'d rather hit 6.75 every year than 12 one year and minus 8 the next," Dr. Priya Venkataraman '
            'told the committee.\n')
    assert flagged("facts.Attribution", text, PENSION) != []


def test_a_continued_turn_in_an_invented_hearing(mill):
    text = '"I\'d rather lose a season than lose the orchard to a dam nobody inspects," Ostergaard said.\n'
    assert flagged("facts.Attribution", text, mill) != []


def test_a_speaker_the_sources_name_only_in_a_label_is_known():
    # "LINDA HAVERKAMP (president, Rio Sombra Growers Association): …"; Rep. Whitcomb's words.
    text = ('"This is a bandage on a wound that needs surgery," said Linda Haverkamp, president of the Rio Sombra '
            'Growers Association.\n')
    assert flagged("facts.Attribution", text, DROUGHT) != []


def test_a_speaker_named_only_in_a_label_in_an_invented_hearing(mill):
    text = '"The mill has been part of this valley for a century, and we owe it a careful ending," Greta Kowalewska said.\n'
    assert flagged("facts.Attribution", text, mill) != []
    text = '"The shelters are fine, but a shelter is not a plan for the next flood," Kowalewska said.\n'
    assert flagged("facts.Attribution", text, mill) == []
    # His own words stay his; the outlet of a reporter's label is no person.
    text = ('"My orchard sits below the mill pond, and nobody from the state has walked it since the spring," '
            'Vrba said.\n')
    assert flagged("facts.Attribution", text, mill) == []


def test_a_label_of_a_news_outlet_is_no_speaker(mill):
    speakers = {q.speaker for q in registry_of(mill).quotes}
    assert {"Greta Kowalewska", "Lena Pruski"} <= speakers
    assert not any("Herald" in s for s in speakers)


# -- attribution: the speaker in the draft ----------------------------------------------------
def test_the_clause_that_ends_in_the_colon_names_the_speaker():
    text = ('Asked by Ellery whether someone other than Voss could have been behind the code, Raman was blunt: '
            '"I can tell them whose account was used. I can\'t tell them whose fingers were on the keyboard."\n')
    assert flagged("facts.Attribution", text, LOTTERY) != []
    text = ('Asked by Ellery whether someone other than Voss could have been behind the code, Hale was blunt: '
            '"I can tell them whose account was used. I can\'t tell them whose fingers were on the keyboard."\n')
    assert flagged("facts.Attribution", text, LOTTERY) == []


def test_a_participle_after_a_quotation_names_no_speaker():
    # Ibáñez said it; "noting that most of the roughly 1,150 students …" is no speaker.
    text = ('Echeverría said the board was “balancing this budget on the backs of the children with the least,” '
            'noting that most of the roughly 1,150 students who must change schools live on the east side.\n')
    assert flagged("facts.Attribution", text, SCHOOLBOARD) != []


def test_an_office_two_people_hold_is_the_one_the_draft_names():
    # Gov. Catherine Ybarra and Governor Tafoya; Sen. Valdivia said it at the town hall.
    text = ('Ybarra has said she will ask lawmakers for more money in January.\n\n'
            '"Water is the one thing in this valley that everybody shares and nobody owns outright," the governor said.\n')
    assert flagged("facts.Attribution", text, DROUGHT) != []


def test_an_office_two_people_hold_in_an_invented_story(mill):
    text = ('Marklund toured the mill in March.\n\n'
            '"Rivers do not stop at state lines, and neither should inspections," the governor said.\n')
    assert flagged("facts.Attribution", text, mill) != []
    text = ('Okonkwo-Sato wrote to the board.\n\n'
            '"Rivers do not stop at state lines, and neither should inspections," the governor said.\n')
    assert flagged("facts.Attribution", text, mill) == []
    # Both governors named: no telling which.
    text = ('Marklund and Okonkwo-Sato both wrote to the board.\n\n'
            '"Rivers do not stop at state lines, and neither should inspections," the governor said.\n')
    assert flagged("facts.Attribution", text, mill) == []


# -- figures ---------------------------------------------------------------------------------
def test_an_age_is_compared_with_the_same_persons_age():
    # "Terrence Mabry, 34," (wire); the clauses share no ordinary word.
    text = ("Commissioners voted less than three weeks after Terrence Mabry, 36, died of untreated diabetes "
            "in his cell.\n")
    assert flagged("facts.Figures", text, JAIL) == ["36"]


def test_an_age_in_an_invented_story(mill):
    assert flagged("facts.Figures", "Tomas Vrba, 61, spoke last.\n", mill) == ["61"]
    assert flagged("facts.Figures", "Tomas Vrba, 58, spoke last.\n", mill) == []


def test_a_part_counts_what_its_whole_counts():
    # "called for 11 insulin doses ... documents 5 doses given" (ME summary).
    text = ("Jail medical records document that Mabry received three of the 11 insulin doses ordered for him "
            "between the evening of Feb. 3 and the evening of Feb. 8.\n")
    assert flagged("facts.Figures", text, JAIL) == ["three"]
    # "I have 142 detention officer positions and 117 of them are filled": 25 vacant is right.
    text = ("Okafor said the building held 611 people on the morning Mabry died, and that 25 of its 142 "
            "detention officer positions were vacant.\n")
    assert flagged("facts.Figures", text, JAIL) == []


def test_a_part_in_an_invented_story(mill):
    assert flagged("facts.Figures", "Forty of the 140 mill workers live on the river road.\n", mill) == ["Forty"]
    assert flagged("facts.Figures", "Thirty-five of the 140 mill workers live on the river road.\n", mill) == []


def test_a_share_of_their_salaries_is_a_share_of_salary():
    text = ("Under the plan, employees hired on or after July 1, 2026 would contribute 9 percent of their "
            "salaries, up from 7 percent.\n")
    assert flagged("facts.Figures", text, PENSION) == ["9"]


def test_a_share_of_their_salaries_in_an_invented_story(mill):
    text = "Workers contribute 5 percent of their salaries to the mill's pension plan.\n"
    assert flagged("facts.Figures", text, mill) == ["5"]


def test_the_value_a_change_started_from_is_compared_with_the_sources_starting_value():
    # "61.4 percent funded ..., down from 64.8 percent a year earlier" (wire).
    text = ("The system was 61.4 percent funded at the end of June, down from 66.8 percent a year earlier, "
            "according to the fund's latest actuarial valuation.\n")
    assert flagged("facts.Figures", text, PENSION) == ["66.8"]


def test_a_starting_value_in_an_invented_story(mill):
    text = "Its payroll share was 12.5 percent, down from 14.8 percent a year earlier.\n"
    assert flagged("facts.Figures", text, mill) == ["14.8"]
    text = "Its payroll share was 12.5 percent, down from 14.2 percent a year earlier.\n"
    assert flagged("facts.Figures", text, mill) == []


def test_a_sentences_capitalised_first_word_is_a_context_word():
    # "will begin taking grant applications on Aug. 4 and will close the window on Sept. 30" (wire)
    text = "Applications open Aug. 4 and close Oct. 30, according to the state Department of Agriculture.\n"
    assert flagged("facts.Figures", text, DROUGHT) == ["Oct. 30"]


def test_a_capitalised_first_word_in_an_invented_story(mill):
    assert flagged("facts.Figures", "Applications open May 5 and close June 26, the county said.\n", mill) == ["June 26"]
    assert flagged("facts.Figures", "Applications open May 5 and close June 16, the county said.\n", mill) == []


# -- sourcing ----------------------------------------------------------------------------------
def test_a_rate_converted_to_another_period_is_arithmetic():
    # "My pension is $2,140 a month" (transcript); $25,700 a year is the same pension.
    text = ("Gloria Whitfield, 73, retired after 31 years as a school librarian in Harlan Falls. Her pension is "
            "$2,140 a month, about $25,700 a year, and she does not receive Social Security.\n")
    assert flagged("sourcing.Unsourced", text, PENSION) == []
    text = "The pension pays $2,140 a month, about $31,000 a year.\n"
    assert len(flagged("sourcing.Unsourced", text, PENSION)) == 1


def test_a_rate_converted_in_an_invented_story(mill):
    assert flagged("sourcing.Unsourced", "The grant pays $1,200 a month, or $14,400 a year, per family.\n", mill) == []


def test_a_whole_after_out_of_counts_what_its_part_counts():
    # "I put in 350 acres this year out of 600" (transcript): "her 600 acres" is hers, sourced.
    text = ("Linda Haverkamp, president of the Rio Sombra Growers Association, planted 350 of her 600 acres "
            "of onions and chile this year.\n")
    assert flagged("sourcing.Unsourced", text, DROUGHT) == []


def test_a_whole_after_out_of_in_an_invented_story(mill):
    assert flagged("sourcing.Unsourced", "Vrba planted 45 of his 80 acres this spring.\n", mill) == []


def unsourced(text: str, sources=()) -> list[str]:
    return [f.text for f in lint("sourcing.Unsourced", text, sources)]


def test_a_change_by_a_share_is_a_statistic():
    text = ("Deaths in local jails across the country have risen by more than a third over the past decade, "
            "driven largely by untreated chronic illness.\n")
    assert len(unsourced(text, JAIL)) == 1
    assert len(unsourced("Ferry ridership on the sound fell by half over the winter.\n")) == 1


def test_common_ways_comparisons_with_any_other_and_dozens_are_claims():
    assert len(unsourced("Inflated change orders are the most common way public money is stolen from county "
                         "road programs.\n")) == 1
    assert len(unsourced("Fairhaven's rents have risen faster than those of any other city in the state over "
                         "the past five years.\n")) == 1
    assert len(unsourced("Overtime scandals have ended the careers of at least a dozen big-city police chiefs "
                         "in the past decade.\n")) == 1
    # Invented: the same forms in other words.
    assert len(unsourced("Orchard fires are the most frequent cause of smoke complaints in the valley.\n")) == 1
    assert len(unsourced("At least a dozen river towns have closed their mills since the flood.\n")) == 1


def test_a_ranking_needs_its_own_source_in_an_attributed_paragraph():
    text = ("Lakeview has the highest rate of nonmedical vaccine exemptions of any school in the county. "
            "According to the county health department, 47 Lakeview students have nonmedical exemptions.\n")
    assert len(unsourced(text)) == 1
    text = ("The mill's payroll fell 12 percent last year, according to county records. Its wages are now "
            "among the lowest in the state.\n")
    assert len(unsourced(text)) == 1
    # A maximum of the paragraph's own sourced figures is theirs.
    text = ("The highest reading, 31 parts per billion, came from a tap on Elm Street, according to the "
            "county's test results.\n")
    assert unsourced(text) == []
    text = ("According to county records, the mill paid $2 million in wages last year. The largest share went "
            "to its 40 machinists.\n")
    assert unsourced(text) == []


def vague(text: str) -> list[str]:
    return [f.text for f in lint("sourcing.VagueSource", text, ())]


def test_a_longer_description_after_a_vague_group_keeps_it_vague():
    assert vague("Critics of privatized jail medical care say contractors leave nursing jobs vacant.\n") != []
    assert vague("Critics of the county's river dredging plan say it comes too late.\n") != []
    # "told analysts on a conference call": the analysts are an audience, not a source.
    assert vague("The chief executive told analysts on a conference call Thursday that the cuts were hers.\n") == []


OPIOID = (EVAL / "opioid" / "sources",)
FACTORY = (EVAL / "factory" / "sources",)
RANSOMWARE = (EVAL / "ransomware" / "sources",)


def test_a_superlative_beside_a_sourced_figure_ranks_the_paragraphs_own_figures():
    text = ("Polk County, home to Des Moines, receives the largest allocation, $14.8 million, or about 22 percent "
            "of the county pool. Linn County follows with $5.39 million and Scott County with $5.12 million.\n")
    assert unsourced(text, OPIOID) == []
    text = ("Production and assembly accounts for 362 of the jobs, by far the largest group, followed by machining "
            "with 104.\n")
    assert unsourced(text, FACTORY) == []
    # A wider scope still needs a source.
    text = "Lakeshore Meridian is the largest employer in northeastern Wisconsin, with about 9,600 people on its payroll.\n"
    assert len(unsourced(text, RANSOMWARE)) == 1


def test_two_figures_one_source_line_gives_together_are_sourced(mill):
    text = "The river road gets the largest share, $1.3 million, about 18 percent of the fund.\n"
    assert unsourced(text, mill) == []
    text = "The river road gets the largest share of any road in the state, $1.3 million.\n"
    assert len(unsourced(text, mill)) == 1


RECOUNT = (EVAL / "recount" / "sources",)


def test_a_quotation_under_a_heading_that_names_one_person_is_theirs():
    # "## Respondents' position (from the response of Assistant County Attorney Tobias Fenwick, ...)"
    text = ('"The canvass board followed the law, and the recount was conducted in the open with watchers from both '
            'campaigns," Ibáñez said in a response filed with the court.\n')
    assert flagged("facts.Attribution", text, RECOUNT) != []


def test_a_quotation_under_a_heading_in_an_invented_source(tmp_path):
    (tmp_path / "release.md").write_text(
        "# Mill closure notice\n\nThe Dunmoor mill will close on March 1, its owner, Arvid Sundqvist, said.\n\n"
        "## Statement of the owner, Arvid Sundqvist\n\n"
        '"We kept the looms running as long as the orders came, and they stopped coming."\n\n'
        "Sundqvist thanked the workers.\n\nMayor Petra Lindhagen said the town would help.\n")
    text = '"We kept the looms running as long as the orders came, and they stopped coming," Lindhagen said.\n'
    assert flagged("facts.Attribution", text, (tmp_path,)) != []
    text = '"We kept the looms running as long as the orders came, and they stopped coming," Sundqvist said.\n'
    assert flagged("facts.Attribution", text, (tmp_path,)) == []


def test_a_figure_converted_to_another_unit_is_the_same_figure():
    # "The 412,000-square-foot plant" (wire); 38,000 square meters is it converted.
    text = ("The 412,000-square-foot plant on River Road, roughly 38,000 square meters under one roof on a "
            "37-acre site, opened in 1961.\n")
    assert unsourced(text, FACTORY) == []
    assert unsourced("The trail runs 26 miles, about 42 kilometers, along the river road.\n") == []
    assert len(unsourced("The trail runs 26 miles, about 60 kilometers, along the river road.\n")) == 1


def test_a_count_before_a_compound_noun_is_read_whole():
    # "421,000-square-foot" was read as 421; the sources' 412,000 shows the transposed digits.
    text = "The 421,000-square-foot plant on River Road opened in 1961.\n"
    assert flagged("facts.Figures", text, FACTORY) == ["421,000"]


POLICE = (EVAL / "policechief" / "sources",)


def test_a_surname_label_is_the_person_not_a_title_read_as_a_given_name():
    # "BRENNAN:" — the registry holds Thomas Brennan and "Sergeant Tom Brennan" (a rank read as a name).
    text = '"The chief took the fall for a staffing crisis that City Hall created," said Priya Raman.\n'
    assert flagged("facts.Attribution", text, POLICE) != []
    text = '"The chief took the fall for a staffing crisis that City Hall created," said Thomas Brennan.\n'
    assert flagged("facts.Attribution", text, POLICE) == []


def test_a_name_that_stands_for_no_one_leaves_a_group_vague():
    assert vague("Wall Street analysts said the guidance cut was far deeper than they had expected.\n") != []
    assert vague("On Monday, Capitol Hill insiders said the bill would stall.\n") != []
    assert vague("On Monday, Treasury analysts said the cut was deep.\n") == []


def test_a_generalization_about_most_of_a_group_is_a_claim():
    assert len(unsourced("Most homeowners who accept buyouts end up moving less than 10 miles from their old homes.\n")) == 1
    assert len(unsourced("Most Millbrook homes built before 1950 are still connected to the system by lead service "
                         "lines.\n")) == 1
    assert len(unsourced("Most orchard owners in the valley rent their pickers' housing.\n")) == 1
    assert unsourced("Most of the time the mill ran two shifts.\n") == []
    assert unsourced("The most recent inspection found no cracks.\n") == []


WINDFARM = (EVAL / "windfarm" / "sources",)


def test_a_fraction_is_as_round_as_it_is_written(mill):
    # The sources' "about a third" (of the landowners) does not source a third of the state's electricity.
    text = ("Wind already supplies more than a third of North Dakota's electricity, and the state ships much of "
            "its power to neighboring states.\n")
    assert len(unsourced(text, WINDFARM)) == 1
    # "Thirty-five of the mill's 140 workers" gives no share of anything else.
    assert len(unsourced("A quarter of the valley's orchards have no well.\n", mill)) == 1


def test_telling_an_audience_in_a_clause_of_time_vouches_for_nothing():
    text = ("Corwell quietly began shipping tooling from Hollister Falls to Saltillo months before it told workers, "
            "in violation of its agreement with the state.\n")
    assert len(unsourced(text)) == 1
    assert len(unsourced("The mill kept the losses from the trustees for a year before it told the board.\n")) == 1
    # Something said is still a source: "after she said ... 12 percent".
    assert unsourced("Shares fell after the chief executive said revenue dropped 12 percent.\n") == []
