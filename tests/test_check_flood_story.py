"""A story of its own (tests/stories/flood): a name introduced only by an appositive and a
closing "..., Name said." is a person; an abbreviated title before a name ("Gov.") is an
office whose status the draft must keep; and a quotation of someone the sources never
mention is the reporter's own interview, which the sources cannot check."""
from __future__ import annotations

from people_lint import ROOT, flagged, lint

FLOOD = (ROOT / "tests" / "stories" / "flood",)


def test_a_person_named_only_in_an_appositive_and_a_closing_attribution_is_known():
    findings = lint("facts.Names", "Oluwaseun Adeyemi-Parks said the river would fall by Tuesday.\n", FLOOD)
    assert flagged(findings) == ["Oluwaseun Adeyemi-Parks"]
    assert "Adeyemi-Park" in findings[0].message


def test_the_right_name_of_that_person_passes():
    assert lint("facts.Names", "Oluwaseun Adeyemi-Park said the river would fall by Tuesday.\n", FLOOD) == []


def test_former_before_an_abbreviated_sitting_title_is_stale():
    findings = lint("facts.Titles", "Former Gov. Miriam Achterberg toured the levees on Saturday.\n", FLOOD)
    assert flagged(findings) == ["Former Gov."]
    assert "Miriam Achterberg" in findings[0].message


def test_the_abbreviated_title_itself_passes():
    assert lint("facts.Titles", "Gov. Miriam Achterberg toured the levees on Saturday.\n", FLOOD) == []


def test_a_quotation_of_a_person_the_sources_never_mention_is_not_checked():
    text = ('Dolores Quint, who owns a bakery on Front Street, moved her ovens upstairs. '
            '"We learned from the last one," Quint said.\n')
    assert lint("facts.Quotes", text, FLOOD) == []


def test_an_invented_quotation_of_a_known_person_is_still_flagged():
    text = '"We will rebuild every levee before the winter," Achterberg said.\n'
    findings = lint("facts.Quotes", text, FLOOD)
    assert flagged(findings) == ["We will rebuild every levee before the winter"]
    assert findings[0].category == "quote"


def test_a_misspelled_known_speaker_is_still_checked():
    text = '"We will rebuild every levee before the winter," Achterburg said.\n'
    assert flagged(lint("facts.Quotes", text, FLOOD)) == ["We will rebuild every levee before the winter"]


def test_a_participle_before_a_noun_is_not_an_attribution():
    # "recorded history" describes the history; nobody in the paragraph says the claim.
    text = "The river crested at 31.2 feet on Friday.\n\nIt was the highest crest in the county's recorded history.\n"
    findings = lint("sourcing.Unsourced", text, FLOOD)
    assert [f.category for f in findings] == ["unsourced"]
    assert "highest crest" in findings[0].text


def test_a_reporting_verb_still_attributes_the_claim():
    text = "It was the highest crest in the county's history, the weather service reported.\n"
    assert lint("sourcing.Unsourced", text, FLOOD) == []


def test_an_office_named_by_its_holder_is_an_affiliation():
    # The sources: "Colin Mabry, a spokesman for the governor's office".
    findings = lint("facts.Titles", "Brentford County spokesman Colin Mabry said the levees held.\n", FLOOD)
    assert flagged(findings) == ["Brentford County spokesman"]
    assert "governor's office spokesman" in findings[0].message
    assert lint("facts.Titles", "Colin Mabry, a spokesman for the governor's office, said the levees held.\n", FLOOD) == []


def test_the_weekday_of_a_timed_event():
    # "11:45 p.m." is one time, not two clauses split at its colon: the weekday keeps its event.
    text = "The first evacuation sirens sounded at 11:45 p.m. on Wednesday.\n"
    findings = lint("facts.Figures", text, FLOOD)
    assert flagged(findings) == ["Wednesday"]
    assert "Thursday" in findings[0].message
    assert lint("facts.Figures", text.replace("Wednesday", "Thursday"), FLOOD) == []


def test_another_organisation_after_a_name():
    findings = lint("facts.Titles", "Oluwaseun Adeyemi-Park of the Red Cross said the river would fall.\n", FLOOD)
    assert flagged(findings) == ["Red Cross"]
    assert "National Weather Service" in findings[0].message


def test_the_right_organisation_or_a_place_after_a_name_passes():
    assert lint("facts.Titles", "Oluwaseun Adeyemi-Park of the National Weather Service said it.\n", FLOOD) == []
    assert lint("facts.Titles", "Oluwaseun Adeyemi-Park of Lakeport said it.\n", FLOOD) == []


def test_a_partys_own_offer_or_action_is_its_own_record():
    offer = "The county has offered to cover 40 percent of the repair bill. The landlords want 75 percent.\n"
    assert lint("sourcing.Unsourced", offer, FLOOD) == []
    action = "The county brought in about 300 contract workers and postponed 45 road projects.\n"
    assert lint("sourcing.Unsourced", action, FLOOD) == []


def test_a_statistic_in_the_narrators_voice_is_still_unsourced():
    text = "Flood insurance claims in the valley rose 40 percent this year.\n"
    assert [f.category for f in lint("sourcing.Unsourced", text, FLOOD)] == ["unsourced"]


def test_another_chamber_is_another_office():
    findings = lint("facts.Titles", "State Sen. Harold Vinck said he would ask for money.\n", FLOOD)
    assert flagged(findings) == ["State Sen."]
    assert "rep." in findings[0].message.casefold()
    assert lint("facts.Titles", "State Rep. Harold Vinck said he would ask for money.\n", FLOOD) == []


def test_a_kind_of_organisation_contradicts_another_kind():
    findings = lint("facts.Titles", "Union spokeswoman Nadia Ferrante said patients were moved.\n", FLOOD)
    assert flagged(findings) == ["Union spokeswoman"]
    assert "hospital spokeswoman" in findings[0].message
    # the same kind, or a proper name the kind may stand for, passes
    assert lint("facts.Titles", "Hospital spokeswoman Nadia Ferrante said patients were moved.\n", FLOOD) == []
    assert lint("facts.Titles", "Brentford General spokeswoman Nadia Ferrante said it.\n", FLOOD) == []


def test_a_pronoun_after_a_role_noun_may_mean_that_person():
    text = ("Gov. Miriam Achterberg toured the levees on Saturday.\n\n"
            "The mediator asked both sides to wait until he could meet them separately.\n")
    assert lint("facts.Pronouns", text, FLOOD) == []
    # with no one else in between, the pronoun is hers
    wrong = "Gov. Miriam Achterberg toured the levees on Saturday, and he said the walls held.\n"
    assert [f.text for f in lint("facts.Pronouns", wrong, FLOOD)] == ["he"]


def test_the_holder_of_an_office_with_a_misspelled_surname_is_a_name_slip():
    # The same given name and office: the name check knows the person (and the title check
    # has nothing to add); with a surname too far off for it, the title check says whose
    # office it is.
    text = "Dwayne Okonkwo, the Harlow County sheriff, said deputies had checked every home.\n"
    assert [f.text for f in lint("facts.Names", text, FLOOD)] == ["Dwayne Okonkwo"]
    assert lint("facts.Titles", text, FLOOD) == []
    text = "Dwayne Abernathy, the Harlow County sheriff, said deputies had checked every home.\n"
    assert lint("facts.Names", text, FLOOD) == []
    findings = lint("facts.Titles", text, FLOOD)
    assert [(f.category, f.text) for f in findings] == [("name", "Dwayne Abernathy")]
    assert "Dwayne Okoro" in findings[0].message
    # someone else entirely named as the holder is a title slip, spanning name and title
    other = lint("facts.Titles", "Harlow County Sheriff Patrice Lemaire said deputies checked every home.\n", FLOOD)
    assert [(f.category, f.text) for f in other] == [("title", "Harlow County Sheriff Patrice Lemaire")]


def test_a_described_speaker_is_the_referent_of_the_next_pronoun():
    text = ("Gov. Miriam Achterberg toured the levees on Saturday.\n\n"
            "Dale Rourke, a ferry pilot who lives below the levee, said he had moved his boat upriver.\n")
    assert lint("facts.Pronouns", text, FLOOD) == []


def test_a_quotation_of_an_unknown_person_named_before_a_pronoun_is_not_checked():
    text = ('Dolores Quint, who owns a bakery on Front Street, said the water reached her ovens. '
            '"We learned from the last one," she said.\n')
    assert lint("facts.Quotes", text, FLOOD) == []


def test_a_figure_the_sources_give_is_not_an_unsourced_statistic():
    confirmed = "The river forced about 2,400 residents from low-lying neighborhoods on Friday.\n"
    assert lint("sourcing.Unsourced", confirmed, FLOOD) == []
    # another value of the same figure is the figure check's business, not the sourcing check's
    contradicted = confirmed.replace("2,400", "4,200")
    assert lint("sourcing.Unsourced", contradicted, FLOOD) == []
    assert [f.text for f in lint("facts.Figures", contradicted, FLOOD)] == ["4,200"]
    # a statistic the sources do not have is still unsourced
    other = "Flood insurance claims in the valley rose 40 percent this year.\n"
    assert [f.category for f in lint("sourcing.Unsourced", other, FLOOD)] == ["unsourced"]


def test_the_same_given_name_and_titled_office_make_a_further_surname_a_slip():
    findings = lint("facts.Names", "Brentford Public Works Director Annika Sandberg said crews kept working.\n", FLOOD)
    assert [f.text for f in findings] == ["Annika Sandberg"]
    assert "Annika Solberg" in findings[0].message
    # without that office, the same given name is someone else
    assert lint("facts.Names", "Annika Sandberg, a Brentford teacher, said the school stayed dry.\n", FLOOD) == []


def test_an_unnamed_profession_is_a_vague_source_but_naming_a_term_is_not():
    vague = "Hydraulic engineers widely agree that the levee should have been raised years ago.\n"
    assert [f.category for f in lint("sourcing.VagueSource", vague, FLOOD)] == ["vague-source"]
    term = "The levee has what engineers call a seepage berm, a wide bank of earth on its dry side.\n"
    assert lint("sourcing.VagueSource", term, FLOOD) == []


def test_negligence_is_an_allegation():
    text = "The county ignored repeated warnings from its own inspectors about the pumps.\n"
    findings = lint("sourcing.Unsourced", text, FLOOD)
    assert [f.category for f in findings] == ["unsourced"]
    assert "allegation" in findings[0].message


def test_round_figures_agree_only_with_what_rounds_to_them():
    base = "The Harlow River crested on Friday, forcing {} residents from low-lying neighborhoods.\n"
    # the sources: "about 2,400 residents"
    assert [f.text for f in lint("facts.Figures", base.format("about 2,340"), FLOOD)] == ["2,340"]
    assert lint("facts.Figures", base.format("2,380"), FLOOD) == []
    assert lint("facts.Figures", base.format("about 2,400"), FLOOD) == []


def test_she_said_after_a_described_speaker_in_the_sources_is_that_speaker():
    text = '"The question was never the design. It was the maintenance," Achterberg said.\n'
    findings = lint("facts.Attribution", text, FLOOD)
    assert [f.category for f in findings] == ["attribution"]
    assert "Ines Carvalho" in findings[0].message
