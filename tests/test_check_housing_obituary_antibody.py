"""Misses and false alarms of the housing, storm and measles stories (scored blind last session)
and of the antibody-trial and obituary stories (written blind this session), each fixed at its
general cause and tested on the story's own text."""
from __future__ import annotations

from people_lint import ROOT, lint, registry_of

from newslint.document.parse import parse_document
from newslint.plugins import get_plugins
from newslint.registry.numbers import find_figures

EVAL = ROOT / "tests" / "eval"
HOUSING = (EVAL / "housing" / "sources",)
STORM = (EVAL / "storm" / "sources",)
MEASLES = (EVAL / "measles" / "sources",)
ANTIBODY = (EVAL / "antibody" / "sources",)
OBITUARY = (EVAL / "obituary" / "sources",)


def flagged(rule: str, text: str, sources) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]


# -- figures -----------------------------------------------------------------------------------
def test_a_table_cell_takes_its_row_and_column_header_as_context():
    path = HOUSING[0] / "02_agenda.md"
    document = parse_document(str(path), path.read_text(), get_plugins().parsers())
    cell = next(f for f in find_figures(document) if f.value == "92")
    assert cell.unit == "unit" and {"60", "77400", "below"} <= set(cell.context)
    # So the draft's "the 92 units at the 60 percent level" is confirmed, not set against 168.
    text = ("Thirty-four of the 168 units, about one in five, are set aside for the lowest-income tier. A family "
            "of four earning up to $77,400 would qualify for the 92 units at the 60 percent level.\n")
    assert flagged("facts.Figures", text, HOUSING) == []


def test_one_in_five_before_a_comma_is_a_share_not_a_count():
    path = EVAL / "housing" / "vote.md"
    document = parse_document(str(path), path.read_text(), get_plugins().parsers())
    shares = [f for f in find_figures(document) if "one in five" in f.text]
    assert [(f.kind, f.value, f.bound) for f in shares] == [("percent", "20%", "about")]
    assert not [f for f in find_figures(document) if f.phrase == "five"]


def test_a_count_of_patients_is_a_count_of_participants():
    text = ("The antibody slowed the worsening of symptoms, according to a trial of 621 patients led by researchers "
            "at Ridgewood University School of Medicine.\n")
    assert flagged("facts.Figures", text, ANTIBODY) == ["621"]
    assert flagged("facts.Figures", text.replace("621", "612"), ANTIBODY) == []


def test_a_share_rounded_to_a_whole_percent_agrees():
    text = ("The most common side effect was an infusion reaction, such as chills or headache, reported by 12 percent "
            "of patients on velparimab.\n")
    assert flagged("facts.Figures", text, ANTIBODY) == []


def test_the_time_between_two_events_is_no_span():
    # The sources' "over 76 weeks" is the trial's length; "Two days after" is the news's age.
    text = ("Two days after researchers reported that an experimental antibody slowed early Parkinson's disease, "
            "attention has shifted to what the drug will cost.\n")
    assert flagged("facts.Figures", text, ANTIBODY) == []


def test_then_opens_a_clause_of_its_own():
    text = ("She served five two-year terms, then moved to the Senate in 1992, winning her first race there "
            "with 61.4 percent of the vote.\n")
    assert flagged("facts.Figures", text, OBITUARY) == []


# -- names and titles --------------------------------------------------------------------------
def test_a_plural_title_before_a_list_is_each_names_title():
    registry = registry_of(HOUSING)
    for name in ("Brian Kessler", "Luis Delgado", "Owen Fairbairn", "Helen Szabo"):
        person = registry.person_by_name(name)
        assert person is not None and [t.role for t in person.titles] == ["council member"], name


def test_an_organisation_with_one_word_misspelt():
    text = "The apartments will be built by Brightwood Community Builders on the Tanner Road site.\n"
    findings = lint("facts.Names", text, HOUSING)
    assert [f.text for f in findings] == ["Brightwood Community Builders"]
    assert "Brightwater Community Builders" in findings[0].message


def test_relatives_who_share_a_surname_are_different_people():
    registry = registry_of(OBITUARY)
    people = {registry.person_by_name(n).canonical for n in ("Walter L. Brantley", "Adrian Brantley", "Cordelia Brantley")}
    assert len(people) == 3
    assert registry.person_by_name("Walter L. Brantley").gender != "female"  # "her husband, the Rev. …"
    findings = lint("facts.Names", "Brantly argued the appeal herself in October 1973.\n", OBITUARY)
    assert [f.text for f in findings] == ["Brantly"] and "Cordelia" in findings[0].message


def test_a_death_ends_every_office():
    text = "Flags will fly at half-staff in honor of former state Sen. Cordelia Brantley, who will lie in state Thursday.\n"
    assert flagged("facts.Titles", text, OBITUARY) == []


# -- quotes and pronouns -----------------------------------------------------------------------
def test_a_speaker_with_an_age_and_a_who_clause_is_the_reporters_interview():
    text = ("Marisa Delgado-Hunt, 44, who lives two blocks from the courthouse square, said the alarm on her phone "
            'woke her. "I heard the sound everybody talks about, like a freight train, and then the windows went," '
            "she said.\n")
    assert flagged("facts.Quotes", text, STORM) == []


def test_pronouns_about_someone_else_cast_no_gender_vote():
    # "Dr. Daniel Osei, a pediatrician … who is treating her, said she was receiving oxygen";
    # "DR. OSEI: Her parents have given me permission …": the girl, not the doctor.
    assert registry_of(MEASLES).person_by_name("Daniel Osei").gender != "female"
    text = ("Dr. Daniel Osei, the pediatrician treating her, said her parents had given him permission to discuss "
            "her care.\n")
    assert flagged("facts.Pronouns", text, MEASLES) == []


def test_a_reported_pronoun_that_continues_the_storys_subject():
    text = ('She worked across the aisle without giving much ground. "She\'ll beat you with the rulebook and then '
            'buy you lunch," Senate Republican Leader Curtis Fenwick said of her in 2006.\n\n'
            "Fenwick said in a statement that she was \"the toughest negotiator I ever sat across from.\"\n")
    assert flagged("facts.Pronouns", text, OBITUARY) == []
    # A speaker's own gender is still checked when nobody else of the pronoun's is around.
    text = "Kowalczyk, a retired school librarian, said he has lived on Orchard Hill for 31 years.\n"
    assert flagged("facts.Pronouns", text, HOUSING) == ["he"]


# -- second round: the obituary and antibody stories -------------------------------------------
def test_a_weekday_the_calendar_puts_on_another_day():
    text = "---\ndate: 2026-02-17\n---\n\nThe funeral will be at 11 a.m. Saturday, Feb. 22, at the church.\n"
    findings = lint("facts.Figures", text, OBITUARY)
    assert [f.text for f in findings] == ["Saturday, Feb. 22"] and "Sunday" in findings[0].message
    assert flagged("facts.Figures", text.replace("Feb. 22", "Feb. 21"), OBITUARY) == []
    # Without the draft's date the year is unknown: nothing to say.
    assert flagged("facts.Figures", text.split("---\n\n", 1)[1], OBITUARY) == []


def test_retired_before_a_sitting_officials_title():
    # The sources: "her son, Judge Adrian Brantley of the Shelby County Circuit Court", and the
    # timeline's table cell "Dr. Nia Brantley Holloway; Judge Adrian Brantley".
    text = "She is survived by her son, Adrian Brantley, a retired Shelby County Circuit Court judge.\n"
    assert flagged("facts.Titles", text, OBITUARY) == ["retired Shelby County Circuit Court judge"]


def test_record_claims_and_a_milieu_for_a_source():
    text = ("No Tennessee lawyer of her generation won more civil-rights cases in federal court.\n\n"
            "Only 11 Tennesseans have lain in state at the Capitol.\n\n"
            "Many in Memphis political circles say the seat will stay in the family.\n")
    assert flagged("sourcing.Unsourced", text, OBITUARY) == ["No Tennessee lawyer of her generation won more civil-rights cases in federal court",
                                                             "Only 11 Tennesseans have lain in state at the Capitol"]
    assert flagged("sourcing.VagueSource", text, OBITUARY) == ["Many in Memphis political circles say"]


def test_a_claim_the_sources_make_in_the_same_words_is_sourced():
    text = "Ridgewood enrolled 74 participants at its Halbrook clinic, more than any other site, and coordinated all 41 sites.\n"
    assert flagged("sourcing.Unsourced", text, ANTIBODY) == []
    text = "Ridgewood's Halbrook clinic enrolled more participants than any other hospital in the country.\n"
    assert len(flagged("sourcing.Unsourced", text, ANTIBODY)) == 1


def test_a_company_given_another_kind_of_company():
    text = "The drug is made by Castellan Pharmaceuticals of Cambridge, Massachusetts.\n"
    findings = lint("facts.Names", text, ANTIBODY)
    assert [(f.text, f.severity) for f in findings] == [("Castellan Pharmaceuticals", "warning")]
    assert flagged("facts.Names", text.replace("Pharmaceuticals", "Therapeutics Inc."), ANTIBODY) == []


def test_a_quotation_given_by_a_pronoun_to_the_one_speaker_in_view():
    text = ('Curtis Fenwick said he and Brantley "fought about everything but the facts." He went further, '
            'calling her "the conscience of the General Assembly for three decades."\n')
    findings = lint("facts.Attribution", text, OBITUARY)
    assert len(findings) == 1 and "Lamar Hightower" in findings[0].message
    # With the sources' speaker named just before, the pronoun is the slip, not the speaker.
    text = ("Rep. Lamar Hightower spoke after Curtis Fenwick. "
            '"She was the conscience of the General Assembly for three decades," he said.\n')
    assert lint("facts.Attribution", text, OBITUARY) == []


def test_a_time_of_day_the_sources_give_otherwise():
    text = ("She will lie in state in the Capitol's Old Supreme Court Chamber from 10 a.m. to 6 p.m. Thursday, "
            "according to the governor's office.\n")
    findings = lint("facts.Figures", text, OBITUARY)
    assert [f.text for f in findings] == ["6 p.m."] and "4 p.m." in findings[0].message
    assert flagged("facts.Figures", text.replace("6 p.m.", "4 p.m."), OBITUARY) == []
    # A range's start takes its end's half of the day: the sources' "from 10 to 11:30 a.m."
    text = "Students get a live online lesson with a Lakeview teacher every weekday from 10 a.m. to noon.\n"
    assert flagged("facts.Figures", text, MEASLES) == ["noon"]
    assert flagged("facts.Figures", text.replace("noon", "11:30 a.m."), MEASLES) == []
    # An approximate time is not compared.
    text = "Students get a live online lesson with a Lakeview teacher every weekday from about 10 a.m. until after noon.\n"
    assert flagged("facts.Figures", text, MEASLES) == []


def test_heads_of_different_public_bodies_and_unnamed_kinds_of_organisation():
    text = "Carrow Bend Police Chief Thomas J. Kowalczyk said his deputies had checked more than 300 structures.\n"
    findings = lint("facts.Titles", text, STORM)
    assert [f.text for f in findings] == ["Carrow Bend Police Chief"] and "sheriff" in findings[0].message
    assert flagged("facts.Titles", "Sheriff Thomas J. Kowalczyk said his deputies had checked 300 structures.\n", STORM) == []
    # The sources: "hospital spokeswoman Grace Nakamura-Ellis".
    text = "Grace Nakamura-Ellis, a spokeswoman for the state health department, said staff worked through the night.\n"
    assert flagged("facts.Titles", text, STORM) == ["a spokeswoman for the state health department"]
    assert flagged("facts.Titles", text.replace("the state health department", "the hospital"), STORM) == []


def test_transposed_digits_are_a_figure_slip_not_an_unsourced_statistic():
    text = ("At the peak of the outage, 32,400 Ozark Prairie Electric Cooperative customers in Tillman, Greer and "
            "Lawson counties were without power.\n")
    findings = lint("facts.Figures", text, STORM)
    assert [f.text for f in findings] == ["32,400"] and "23,400" in findings[0].message
    assert flagged("sourcing.Unsourced", text, STORM) == []
    assert flagged("facts.Figures", text.replace("32,400", "23,400"), STORM) == []


def test_a_noun_for_a_woman_or_a_man_beside_the_name_gives_the_gender():
    # "her daughter, Dr. Nia Brantley Holloway": no pronoun in the sources says it.
    assert registry_of(OBITUARY).person_by_name("Nia Brantley Holloway").gender == "female"
    text = ('"She believed the law belonged to ordinary people," Dr. Nia Brantley Holloway, Brantley\'s daughter, '
            'said in the family\'s statement. "She asked us to tell everyone not to be sad for long," he added.\n')
    assert flagged("facts.Pronouns", text, OBITUARY) == ["he"]


UNIVERSITY = (EVAL / "university" / "sources",)
FERRY = (EVAL / "ferry" / "sources",)


def test_twenty_four_months_are_two_years():
    assert flagged("facts.Figures", "The board's final report is expected within two years.\n", FERRY) == []


def test_the_minutes_of_a_clock_time_are_no_count():
    text = "At 7:29 the crew turned 12 degrees to port to pass a fishing boat picked up on radar.\n"
    assert flagged("facts.Figures", text, FERRY) == []


def test_gaps_after_one_event_from_two_others_differ():
    # The campus paper, two days after the audit, about a meeting; the draft, about the resignation.
    text = ("Bellhaven State University President Gregory Lindqvist resigned Friday, four days after a state audit "
            "found that his administration had understated the budget shortfall.\n")
    assert flagged("facts.Figures", text, UNIVERSITY) == []


def test_the_day_someone_spoke_is_not_the_day_of_the_event():
    text = ("Castellanos was named Friday after the Board of Trustees accepted the resignation of President "
            "Gregory Lindqvist.\n")
    assert flagged("facts.Figures", text, UNIVERSITY) == []


def test_a_description_may_hold_an_abbreviation():
    text = ('Priya Nandakumar, a junior nursing major from St. Louis, said in an interview Saturday that she had '
            'not decided. "I came here because it was close to home," she said.\n')
    assert flagged("facts.Pronouns", text, UNIVERSITY) == []
    assert flagged("facts.Quotes", text, UNIVERSITY) == []


MERGER = (EVAL / "merger" / "sources",)


def test_a_participants_list_names_people_with_their_roles():
    # "Meera Castellanos — Analyst, Brightwater Securities" in the call transcript's list.
    text = ('Meera Castellano, an analyst at Brightwater Securities, warned on the call that "two dozen closures '
            'in small towns is going to get attention."\n')
    assert flagged("facts.Names", text, MERGER) == ["Meera Castellano"]


def test_a_combination_is_no_combined_total():
    text = ("Ridgeline Markets agreed Monday to buy longtime rival Beacon Fresh Markets in a cash-and-stock deal "
            "valued at about $2.6 billion, a combination that would join two family-founded grocers.\n")
    assert flagged("facts.Figures", text, MERGER) == ["2.6"]
    assert flagged("facts.Figures", text.replace("$2.6", "$2.4"), MERGER) == []


def test_round_figures_and_people_in_the_sources_own_words():
    # The newspaper's "carrying nearly 300 people"; the mayor's "About 1,900 people live on our
    # island year-round" ("year-round" is no span of 1,900 years).
    text = ("Twenty-three people were injured when the ferry ran aground, and the nearly 300 people aboard were "
            "brought back to port.\n\nOn Maddox Island, home to about 1,900 year-round residents, the disruption "
            "continues.\n")
    assert flagged("sourcing.Unsourced", text, FERRY) == []


def test_a_full_name_in_a_title_case_heading_when_the_surname_acts_elsewhere():
    # "### Statement from President and CEO Margaret Lindqvist", then "Ms. Lindqvist, who has led …".
    text = '"We have read the preliminary report carefully," said Margaret Lindquist, the company\'s president.\n'
    assert flagged("facts.Names", text, FERRY) == ["Margaret Lindquist"]


def test_a_capitalised_title_after_a_quotation_is_no_verb():
    # "State" is also a verb of saying: '"…," State Auditor Nicole Farrington said.'
    text = ('"This is not a case of a few accounting errors. It is a pattern," said Sen. Harold Dunmore, the '
            'Bellhaven Republican who requested the audit.\n')
    findings = lint("facts.Attribution", text, UNIVERSITY)
    assert len(findings) == 1 and "Nicole Farrington" in findings[0].message
    text = "The audit, released Monday by State Treasurer Nicole Farrington, rated the university poor.\n"
    assert flagged("facts.Titles", text, UNIVERSITY) == ["State Treasurer"]


def test_a_rank_the_sources_do_not_give_and_a_role_word_before_the_head_role():
    text = "Marcus Tran, the student government vice president, told senators that students had waited six weeks.\n"
    findings = lint("facts.Titles", text, UNIVERSITY)
    assert [f.text for f in findings] == ["the student government vice president"]
    assert flagged("facts.Titles", text.replace("vice president", "president"), UNIVERSITY) == []


def test_averages_comparisons_and_counts_of_rare_events_need_a_source():
    text = ("Rural Pennsylvanians already drive an average of 11 miles to reach a full-service supermarket, "
            "nearly twice the national average.\n")
    # (The finding runs to the clause of the sentence's last claim, "twice the national average".)
    assert flagged("sourcing.Unsourced", text, MERGER) == [
        "Rural Pennsylvanians already drive an average of 11 miles to reach a full-service supermarket, "
        "nearly twice the national average"]
    text = "Bellhaven State is the third Missouri public university in five years to lose its president.\n"
    assert len(flagged("sourcing.Unsourced", text, UNIVERSITY)) == 1


def test_a_share_is_no_specific_number():
    # "50%" has one significant digit: a source's "more than half of supermarkets" does not
    # source the draft's "half of the cases".
    text = "Grocery mergers of this size have been blocked or abandoned in more than half of the cases since 2015.\n"
    assert len(flagged("sourcing.Unsourced", text, MERGER)) == 1


COACH = (EVAL / "coach" / "sources",)


def test_a_pronoun_before_the_main_clauses_speaker_casts_no_vote():
    # 'Asked Monday whether he had spoken with Castellanos about his future, Whitaker said …'
    assert registry_of(COACH).person_by_name("Renee Castellanos").gender != "male"
    text = "Castellanos, who is in her fourth year as athletic director, signed Whitaker to the extension.\n"
    assert flagged("facts.Pronouns", text, COACH) == []


def test_retired_where_a_source_says_retired_too_and_two_events_of_one_day():
    text = '"She has my full support," said retired Judge Raymond Okafor, chair of the board.\n'
    assert flagged("facts.Titles", text, COACH) == []
    text = "Castellanos broke the news to the team at 11 a.m. Sunday and said there were tears in the room.\n"
    assert flagged("facts.Figures", text, COACH) == []


MUSEUM = (EVAL / "museum" / "sources",)
BRIBERY = (EVAL / "bribery" / "sources",)


def test_a_possessive_organisation_and_a_special_agent():
    text = "Special Agent Rebecca Thorne of the FBI's Art Crime Team said thieves rarely profit from paintings.\n"
    assert flagged("facts.Names", text, MUSEUM) == []
    assert flagged("facts.Titles", text, MUSEUM) == []


def test_two_floors_of_an_amount_can_both_be_true_and_installments_over_years_are_exact():
    text = ("Gerald M. Hoskins, who ran Tanner County's road department for a decade, pleaded guilty to taking "
            "more than $310,000 in bribes.\n")
    assert "310,000" not in " ".join(flagged("facts.Figures", text, BRIBERY))
    stadium = (EVAL / "stadium" / "sources",)
    text = "The county will pay its share out of the local hotel occupancy tax, in fixed annual installments over 25 years.\n"
    assert flagged("facts.Figures", text, stadium) == ["25"]


def test_a_pronoun_in_an_indirect_question_may_be_someone_named_before():
    text = ("Mabry has a prior conviction for burglary. Navarro declined to say whether he had spoken to "
            "detectives about the missing works.\n")
    assert flagged("facts.Pronouns", text, MUSEUM) == []


def test_an_honorific_inside_a_capitalised_run_starts_the_name():
    # A reporter's question in the transcript: "Has Mr. Mabry said anything about the missing works?"
    person = registry_of(MUSEUM).person_by_name("Darren Keith Mabry")
    assert not [v.form for v in person.variants if v.wrong]


def test_a_relative_named_by_a_possessive_is_someone_the_pronoun_may_mean():
    text = "Cordelia Brantley's son, Daniel, moved to Atlanta in 2019. He was 26.\n"
    assert flagged("facts.Pronouns", text, OBITUARY) == []


def test_a_share_of_a_possessive_counts_no_noun_yet():
    document = parse_document("d.md", "It sets aside 10 percent of the state's $12 million share.\n", get_plugins().parsers())
    share = next(f for f in find_figures(document) if f.kind == "percent")
    assert share.unit == ""
