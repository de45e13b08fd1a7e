"""Misses of the ten stories written blind last session (tests/eval: insulin, water, windfarm,
runway, library, hospital, layoffs, buyout, transit, opioid), each fixed at its general cause
and tested on the story's own text."""
from __future__ import annotations

from people_lint import ROOT, lint

EVAL = ROOT / "tests" / "eval"
WINDFARM = (EVAL / "windfarm" / "sources",)


def flagged(rule: str, text: str, sources=()) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]


# -- vague sources -----------------------------------------------------------------------------
def test_critics_are_vague_even_after_a_named_assessment():
    text = ("Nighttime operations would rise from about 3,900 a year to 6,700 by 2035, according to the "
            "assessment. Critics say the 65-decibel standard badly understates what families actually hear.\n")
    assert flagged("sourcing.VagueSource", text) == ["Critics say"]
    # A group that may have done the named work is still the work's ("researchers found").
    text = ("Nighttime operations would rise to 6,700 by 2035, according to the assessment. Researchers found "
            "the standard understates what families hear.\n")
    assert flagged("sourcing.VagueSource", text) == []


def test_a_field_word_at_a_sentence_start_is_no_name_for_being_part_of_a_longer_one():
    # "Health" is capitalised mid-sentence only inside "Department of Health and Senior Services".
    text = ("The emergency program is run by the Department of Health and Senior Services.\n\n"
            "Health economists warn that insurers could respond by narrowing the list of brands they cover.\n")
    assert flagged("sourcing.VagueSource", text) == ["economists warn"]
    # A word that stands alone in a name mid-sentence still names the group ("Treasury analysts").
    text = "Data came from the Treasury. Later, Treasury analysts said the plan could backfire.\n"
    assert flagged("sourcing.VagueSource", text) == []


# -- titles ------------------------------------------------------------------------------------
def test_an_office_of_one_holder_given_to_someone_the_sources_give_another_office_once_each():
    # Ashby is "president and chief executive officer" once; Natarajan "chief development officer" once.
    findings = lint("facts.Titles", "Priya Natarajan, the company's chief executive, told the commissioner.\n",
                    WINDFARM)
    assert [(f.text, f.severity) for f in findings] == [("Priya Natarajan, the company's chief executive", "warning")]
    assert "Gregory Ashby" in findings[0].message
    assert lint("facts.Titles", "Gregory Ashby, the company's chief executive, spoke.\n", WINDFARM) == []
    assert lint("facts.Titles", "Priya Natarajan, the company's chief development officer, spoke.\n", WINDFARM) == []


WATER = (EVAL / "water" / "sources",)
OPIOID = (EVAL / "opioid" / "sources",)


# -- figures -----------------------------------------------------------------------------------
def test_transposed_digits_need_one_shared_word_when_chance_is_ruled_out():
    # "approximately 46,000 residents" (the advisory): residents on both sides, "Millbrook" shared.
    text = ("About 64,000 Millbrook residents were told Thursday to boil their tap water after routine tests "
            "found E. coli bacteria.\n")
    findings = lint("facts.Figures", text, WATER)
    assert [f.text for f in findings] == ["64,000"] and "46,000" in findings[0].message
    # "We pay you $168,500 a year" (the council transcript): three significant digits.
    text = '"Two hundred ten thousand dollars," Esposito replied, noting that the city pays Lindqvist $186,500 a year.\n'
    assert [f.text for f in lint("facts.Figures", text, WATER)] == ["186,500"]
    # Right figures stay quiet.
    text = "About 46,000 Millbrook residents were told to boil their water; the city pays Lindqvist $168,500 a year.\n"
    assert lint("facts.Figures", text, WATER) == []


# -- people ------------------------------------------------------------------------------------
def test_a_full_name_is_the_person_a_transcript_knows_by_surname_only():
    # The transcript has "COUNCILWOMAN TALBOT:" and no one else named Talbot.
    text = ("Councilwoman June Talbot, who represents Ward 1, cast the lone vote against the resolution. "
            'He said he was "not willing to fire anyone before we have the facts."\n')
    findings = lint("facts.Pronouns", text, WATER)
    assert [f.text for f in findings] == ["He"] and "she/her" in findings[0].message
    assert lint("facts.Pronouns", text.replace("He said he", "She said she"), WATER) == []


def test_a_possessive_after_the_name_in_a_quotation_gives_the_gender():
    # Only '"We have worked well with Dr. Ochoa and his department," Tolliver said' says he.
    text = ("Dr. Samuel Ochoa, the state's health commissioner, told a Senate committee Thursday that many "
            'counties have no clinician. "You cannot recover from an illness you cannot get treated for," she said.\n')
    findings = lint("facts.Pronouns", text, OPIOID)
    assert [f.text for f in findings] == ["she"]
    assert lint("facts.Pronouns", text.replace("she said", "he said"), OPIOID) == []


LAYOFFS = (EVAL / "layoffs" / "sources",)
TRANSIT = (EVAL / "transit" / "sources",)


def test_a_lone_surname_the_sources_misspell_once_is_a_wrong_form():
    # The wire story's "and Lindquist said Thursday"; four other sources write Lindqvist.
    findings = lint("facts.Names", "On the earnings call, Lindquist said the company had grown.\n", LAYOFFS)
    assert [f.text for f in findings] == ["Lindquist"] and "Rebecca Lindqvist" in findings[0].message
    assert lint("facts.Names", "On the earnings call, Lindqvist said the company had grown.\n", LAYOFFS) == []


def test_a_speaker_label_counts_for_the_surname_it_writes():
    # "Patricia Llewellyn" (fact sheet) and "LLEWELLYN:" (minutes) against one "Patricia Llewelyn".
    findings = lint("facts.Names", "Chief Financial Officer Patricia Llewelyn said the reserve would run out.\n", TRANSIT)
    assert [f.text for f in findings] == ["Patricia Llewelyn"]
    assert lint("facts.Names", "Chief Financial Officer Patricia Llewellyn said the reserve would run out.\n", TRANSIT) == []


# -- titles from attendance lists, and titles with thin support -------------------------------
def test_an_attendance_list_gives_titles_in_brackets_and_plural_titles():
    from people_lint import registry_of

    transit = registry_of(TRANSIT)
    # "Directors present: Evelyn Marsh (Chair), Thomas Brannigan (Vice Chair), ..., Gerald Voss"
    assert [(t.role.casefold(), t.support) for t in transit.find("Thomas Brannigan").titles] == [("vice chair", 2)]
    water = registry_of(WATER)
    # "Present: Council President Denise Harrington; Council Members Raymond Esposito (Ward 3), ...":
    # with the transcript's four "COUNCILMAN ESPOSITO:", five mentions of one office.
    assert [(t.family, t.support) for t in water.find("Raymond Esposito").titles] == [("councillor", 5)]


def test_a_one_holder_office_given_to_someone_the_sources_give_no_title():
    findings = lint("facts.Titles", "The amendment failed 2-3, with Vice Chair Gerald Voss voting no.\n", TRANSIT)
    assert [(f.text, f.severity) for f in findings] == [("Vice Chair Gerald Voss", "warning")]
    assert "Thomas Brannigan" in findings[0].message
    assert lint("facts.Titles", "The amendment failed, with Vice Chair Thomas Brannigan voting no.\n", TRANSIT) == []


def test_a_title_one_source_gives_as_former_is_a_warning_when_the_draft_makes_it_current():
    # "Evelyn Marsh, a former mayor of Kessling" once; nothing gives it as current.
    findings = lint("facts.Titles", "Board Chair Evelyn Marsh, the mayor of Kessling, voted yes.\n", TRANSIT)
    assert [(f.text, f.severity) for f in findings] == [("the mayor of Kessling", "warning")]
    assert lint("facts.Titles", "Board Chair Evelyn Marsh, a former mayor of Kessling, voted yes.\n", TRANSIT) == []


INSULIN = (EVAL / "insulin" / "sources",)
LIBRARY = (EVAL / "library" / "sources",)
STORM = (EVAL / "storm" / "sources",)


def test_an_office_in_another_field_than_the_sources_give_is_a_warning():
    # "Samuel Brandt, director of the Missouri Department of Commerce and Insurance".
    findings = lint("facts.Titles", "Samuel Brandt, the state's health director, said rules would follow.\n", INSULIN)
    assert [(f.text, f.severity) for f in findings] == [("the state's health director", "warning")]
    assert lint("facts.Titles", "Samuel Brandt, the state's insurance director, said rules would follow.\n", INSULIN) == []
    # "OCLP's legal director": a rank alone is set against another field.
    findings = lint("facts.Titles", "Adrienne Kowalczyk, the group's executive director, disagreed.\n", LIBRARY)
    assert [f.text for f in findings] == ["the group's executive director"]
    assert lint("facts.Titles", "Adrienne Kowalczyk, the group's legal director, disagreed.\n", LIBRARY) == []
    # A field another line of the sources gives ("Emergency Management Director O'Keefe").
    text = "Rosalind O'Keefe, the county's emergency management director, said a count was under way.\n"
    assert lint("facts.Titles", text, STORM) == []


HOSPITAL = (EVAL / "hospital" / "sources",)


def test_a_round_count_is_sourced_only_by_a_number_of_the_same_thing():
    # The sources' table has "Births | 212": no source counts hospitals that stopped delivering.
    text = "More than 200 rural hospitals across the country have stopped delivering babies since 2015.\n"
    assert [f.text for f in lint("sourcing.Unsourced", text, HOSPITAL)] == [text.strip().rstrip(".")]
    # A round figure of a number the sources give for the same thing is theirs.
    text = "The hospital, which delivered more than 200 babies in 2019, will close its birth center.\n"
    assert lint("sourcing.Unsourced", text, HOSPITAL) == []


def test_a_year_a_sibling_figure_matches_elsewhere_is_still_checked():
    # The release: deliveries "in the spring of 2028", commercial operation "by the end of 2028".
    text = ("Turbine deliveries are scheduled to begin in the spring of 2027, and the company expects the project "
            "to reach commercial operation by the end of 2028.\n")
    assert [f.text for f in lint("facts.Figures", text, WINDFARM)] == ["2027"]
    assert lint("facts.Figures", text.replace("spring of 2027", "spring of 2028"), WINDFARM) == []


# -- quotations --------------------------------------------------------------------------------
def test_a_transcript_turn_runs_on_over_paragraphs_until_the_next_label():
    # "SEN. LORRAINE TVEIT (...): Thank you, ..." and, a paragraph later, "... I have seen what an
    # abandoned oil site looks like ...", still hers.
    text = ('"I have seen what an abandoned oil site looks like, and I don\'t want my grandchildren looking at an '
            'abandoned wind farm," Kittelson told commissioners at the September hearing.\n')
    findings = lint("facts.Attribution", text, WINDFARM)
    assert len(findings) == 1 and "Lorraine Tveit, not Kittelson" in findings[0].message
    assert lint("facts.Attribution", text.replace("Kittelson told", "Tveit told"), WINDFARM) == []


def test_the_speaker_before_a_quotation_is_the_name_not_the_scene_before_it():
    # The minutes give these words to Martin Feld.
    text = ('At the meeting Deborah Lindqvist told the board, "The committee did not find that any of these titles '
            'lacked literary, artistic or educational value when taken as a whole."\n')
    findings = lint("facts.Attribution", text, LIBRARY)
    assert len(findings) == 1 and "Martin Feld, not Deborah Lindqvist" in findings[0].message
    assert lint("facts.Attribution", text.replace("Deborah Lindqvist", "Martin Feld"), LIBRARY) == []


def test_a_participants_list_with_hyphens_names_the_call_s_analysts():
    # "Priya Raman - Analyst, Cowell & Sons Securities"; the words are Dr. Felicity Garner's.
    text = '"Every vendor says the bot frees people up for harder work," Priya Raman said.\n'
    findings = lint("facts.Attribution", text, LAYOFFS)
    assert len(findings) == 1 and "Felicity Garner, not Priya Raman" in findings[0].message


def test_a_quotation_after_a_colon_is_the_one_person_its_sentence_names():
    # The minutes give this line to Marcus Tillery.
    text = ("At Thursday's meeting, Haworth also delivered one of the night's sharpest lines: \"You are balancing "
            'this budget on the backs of the people who can least afford it and the people who drive them."\n')
    findings = lint("facts.Attribution", text, TRANSIT)
    assert len(findings) == 1 and "Marcus Tillery, not Haworth" in findings[0].message
    assert lint("facts.Attribution", text.replace("Haworth also", "Tillery also"), TRANSIT) == []


# -- pronouns (draft side) ---------------------------------------------------------------------
def test_a_pronoun_that_opens_its_sentence_does_not_point_ahead():
    # Tamara Hollis is "she" in the sources; "Missouri" after the pronoun is no one it could mean.
    text = "Hollis said members had been cutting doses in half. He said Missouri would join other states.\n"
    assert [f.text for f in lint("facts.Pronouns", text, INSULIN)] == ["He"]
    assert lint("facts.Pronouns", text.replace("He said", "She said"), INSULIN) == []
    # An introductory phrase still may: "At his clinic, Tom Roe said ..." is Roe's clinic.
    text = "Hollis said members had been cutting doses. At his clinic, Dr. Wade Pemberton said so too.\n"
    assert lint("facts.Pronouns", text, INSULIN) == []


BUYOUT = (EVAL / "buyout" / "sources",)


def test_a_pronoun_against_the_draft_s_own_usage_for_someone_the_sources_give_none():
    # The transcript names "Commissioner Dr. Anjali Desai" and gives her no pronoun.
    text = ("Commissioner Dr. Anjali Desai said she supports the program but worries about the homes left "
            "standing.\n\nShe said the county should act soon.\n\n"
            "\"If half a block sells and half a block stays, we've created a checkerboard,\" he said.\n")
    findings = lint("facts.Pronouns", text, BUYOUT)
    assert [(f.text, f.severity) for f in findings] == [("he", "warning")]
    assert "Anjali Desai" in findings[0].message and "line 1" in findings[0].message
    # One sure reference to each, equally sure: no telling which is the slip.
    text = "Desai said she supports the program.\n\nDesai said he would vote for it.\n"
    assert lint("facts.Pronouns", text, BUYOUT) == []


# -- numbers in words --------------------------------------------------------------------------
def test_numbers_spelled_out_in_a_transcript_are_read_whole():
    from newslint.document.parse import parse_document
    from newslint.registry.numbers import find_figures

    path = EVAL / "buyout" / "sources" / "commission-work-session-transcript.txt"
    document = parse_document(str(path), path.read_text(encoding="utf-8"))
    found = {(f.kind, f.value, f.text) for f in find_figures(document)}
    assert ("count", "48", "forty-eight") in found  # not forty of "eight"
    assert ("count", "12480000", "twelve million four hundred eighty thousand") in found
    assert ("count", "1872000", "one million eight hundred seventy-two thousand") in found
    assert ("amount", "412000 dollar", "four hundred twelve thousand dollars") in found
    # So the draft's "up to 48 flood-prone homes" is the sources' "up to forty-eight" properties.
    text = "The county will buy up to 58 homes in the flood plain, using federal, state and county money.\n"
    assert [f.text for f in lint("facts.Figures", text, BUYOUT)] == ["58"]
    assert lint("facts.Figures", text.replace("58", "48"), BUYOUT) == []


def test_a_figure_given_to_one_decimal_before_its_scale_word_is_a_rounding():
    # The hearing transcript: Polk County's allocation is $14.82 million.
    text = "Polk County, home to Des Moines, receives the largest allocation, $14.8 million, over 18 years.\n"
    assert lint("facts.Figures", text, OPIOID) == []
    assert [f.text for f in lint("facts.Figures", text.replace("$14.8 million", "$18.4 million"), OPIOID)] == ["18.4"]


def test_a_lone_surname_of_someone_the_draft_introduced_is_a_referent():
    # Maya Castellanos is a worker the reporter interviewed; the sources know Anil Deshpande.
    text = ("Maya Castellanos, 29, a billing specialist at the Spokane center, said she learned of the closure "
            "on a video call.\n\nChief Financial Officer Anil Deshpande said the savings would show next year.\n\n"
            "For Castellanos, the calculation is simpler. She said she has applied for other jobs.\n")
    assert lint("facts.Pronouns", text, LAYOFFS) == []


def test_a_date_the_sources_give_elsewhere_needs_a_strong_contradiction():
    # The WARN notice's table: separations on "Jan. 8, 2027"; its text: notice given November 5.
    text = "The 401 employees at three Washington sites are scheduled to be separated Jan. 8.\n"
    assert lint("facts.Figures", text, LAYOFFS) == []
    # Against a strong match, a date the sources give for another event is still a slip: the
    # audit came out Sept. 10; Sept. 11 is the day the finance chief was put on leave.
    text = ("The state audit, released Sept. 11, found that the district built its budget on 740 more students "
            "than it enrolled.\n")
    findings = lint("facts.Figures", text, (EVAL / "schoolboard" / "sources",))
    assert [f.text for f in findings] == ["Sept. 11"] and "Sept. 10" in findings[0].message


def test_a_role_word_after_a_subject_pronoun_is_a_verb_not_a_title():
    from people_lint import registry_of

    # The floor debate: "I chair Appropriations, and I've read the fiscal note."
    assert registry_of(INSULIN).find("Appropriations") is None
    text = "Sen. Wade Pemberton, the Appropriations chairman who voted against the bill, spoke last.\n"
    assert lint("facts.Titles", text, INSULIN) == []


def test_figures_in_a_sentence_about_someone_only_the_reporter_met_are_theirs():
    # Lyle Bergquist is in no source; the sources' "twenty years" is the county engineer's.
    text = ("Lyle Bergquist, who has served on the Sibley Township board for nine years, said the township's gravel "
            "roads would need to be rebuilt before cranes arrive.\n")
    assert lint("facts.Figures", text, WINDFARM) == []


def test_former_before_a_lowercase_field_and_role_is_read():
    # "Millbrook Water Utility Director Gregory Lindqvist", twice, current.
    text = ("The council voted to ask that former utility director Gregory Lindqvist be removed from his post "
            "while an outside firm investigates.\n")
    findings = lint("facts.Titles", text, WATER)
    assert [f.text for f in findings] == ["former utility director"]
    assert lint("facts.Titles", text.replace("former utility director", "utility director"), WATER) == []


def test_the_same_figure_per_another_period_is_a_slip():
    # Dr. Whitcombe: "The water alone is costing the district about $18,000 a week."
    text = "The water is costing the district about $18,000 a day, he said.\n"
    findings = lint("facts.Figures", text, WATER)
    assert [f.text for f in findings] == ["18,000"] and "$18,000 a week" in findings[0].message
    assert lint("facts.Figures", text.replace("a day", "a week"), WATER) == []
    assert lint("facts.Figures", text.replace(" a day", ""), WATER) == []  # no period said: no slip


def test_a_range_s_two_ends_count_the_same_thing():
    from newslint.document.parse import parse_document
    from newslint.registry.numbers import find_figures

    def units(text):
        return [(f.value, f.unit) for f in find_figures(parse_document("draft.md", text + "\n"))]

    assert units("The utility cut the dose from 3.0 milligrams per liter to 1.0.") == [("3", "millig"), ("1", "millig")]
    assert units("The class will hold between 40 and 60 students.") == [("40", "studen"), ("60", "studen")]
    assert units("The vote was 5 to 2.") == [("5", ""), ("2", "")]
    # The lab summary: reduced "from 3.0 milligrams per liter to 1.5 milligrams per liter".
    text = "In August, the utility cut the dose of orthophosphate from 3.0 milligrams per liter to 1.0 to save money.\n"
    assert [f.text for f in lint("facts.Figures", text, WATER)] == ["1.0"]


def test_an_hour_and_a_half_is_a_duration_and_a_day_alone_is_not():
    from newslint.document.parse import parse_document
    from newslint.registry.numbers import find_figures

    def found(text):
        return [(f.kind, f.value) for f in find_figures(parse_document("draft.md", text + "\n"))]

    assert found("She would face two transfers and an hour and a half each way.") == [("count", "2"), ("duration", "5400s")]
    assert found("It took a year and a half.") == [("duration", "47304000s")]
    assert found("It costs $18,000 a week.") == [("amount", "18000 dollar")]  # a rate, not a week's duration


def test_a_one_holder_office_before_someone_unknown_names_its_holder():
    # "City Manager Thomas Reyes", twice in the council transcript: Ruiz is a name slip.
    text = "City Manager Thomas Ruiz told the council Friday that the director had agreed to step aside.\n"
    findings = lint("facts.Titles", text, WATER)
    assert [(f.text, f.category) for f in findings] == [("Thomas Ruiz", "name")] and "Thomas Reyes" in findings[0].message
    assert lint("facts.Titles", text.replace("Ruiz", "Reyes"), WATER) == []
    # An interim holder stands in for another: "interim Superintendent X" is no slip.
    text = "She was warmer toward interim Superintendent Amina Nwachukwu, who called her on Tuesday.\n"
    assert lint("facts.Titles", text, (EVAL / "schoolboard" / "sources",)) == []


def test_the_same_given_name_and_role_at_an_organisation_its_source_line_names():
    # "From: Gregory Ashworth, Director, Mitigation Division, FEMA Region 7" (the award summary).
    text = ("In announcing the award in January, Gregory Ashford, director of FEMA's mitigation division for "
            "Region 7, said the grant gives families a way out.\n")
    findings = lint("facts.Names", text, BUYOUT)
    assert [f.text for f in findings] == ["Gregory Ashford"] and "Gregory Ashworth" in findings[0].message
    assert lint("facts.Names", text.replace("Ashford", "Ashworth"), BUYOUT) == []
    # Another organisation: no telling it is the same director.
    assert lint("facts.Names", text.replace("FEMA's", "the state's"), BUYOUT) == []


def test_a_verb_that_names_an_office_gives_a_title():
    from newslint.document.parse import parse_document
    from newslint.registry.mentions import MentionFinder

    text = "Sen. Ann Roe, who chairs the Senate Finance Committee, said the bill would pass.\n"
    finder = MentionFinder(parse_document("draft.md", text), include_quotes=True)
    titles = [(t.role, t.affiliation) for m in finder.names() if m.text == "Ann Roe" for t in m.titles]
    assert ("chair", "Senate Finance Committee") in titles
    # With no organisation named, no title: "who heads home", "who manages it".
    text = "Ann Roe, who manages it well, said so.\n"
    finder = MentionFinder(parse_document("draft.md", text), include_quotes=True)
    assert [t.role for m in finder.names() for t in m.titles] == []
