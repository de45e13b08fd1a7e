"""People (names, titles, pronouns) of the stories written blind in session 7 (tests/eval: jail,
lottery, pension, drought) and the older sets, each fixed at its general cause and tested on
the story's own text and on invented text."""
from __future__ import annotations

from people_lint import ROOT, lint, registry_of, write_sources

EVAL = ROOT / "tests" / "eval"
JAIL = (EVAL / "jail" / "sources",)
MEASLES = (EVAL / "measles" / "sources",)
TRANSIT = (EVAL / "transit" / "sources",)
WINDFARM = (EVAL / "windfarm" / "sources",)
COACH = (EVAL / "coach" / "sources",)


def flagged(rule: str, text: str, sources) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]



# -- a pronoun opening what someone says, after a paragraph about someone else -----------------
def test_a_reported_pronoun_is_the_speakers_when_the_other_person_is_in_an_earlier_paragraph():
    # Raghunathan is "she" (sources); the man of the paragraph before is another paragraph's.
    text = ("Lakeview Elementary kept 61 students home on Monday.\n\n"
            '"We are asking families to check their records," Lindquist wrote. The absences could last '
            'three weeks, he said.\n\n'
            "Lakeview's school nurse, Priya Raghunathan, said he and two county nurses had gone through all "
            "412 records in three days.\n")
    assert flagged("facts.Pronouns", text, MEASLES) == ["he"]
    text = ("The board passed the budget 6-3.\n\n"
            "Dr. Samuel Iwu, an associate professor of urban planning, has warned that thinner service can "
            'push riders away. "This is a trap," he said.\n\n'
            "Board Member Dr. Anita Raghunathan, a kidney doctor who voted against the budget, told the board "
            "that his patients would lose rides to dialysis and prenatal visits.\n")
    assert flagged("facts.Pronouns", text, TRANSIT) == ["his"]


def test_invented_a_reported_pronoun_after_another_paragraph(tmp_path):
    sources = write_sources(tmp_path, "Tobiah Quarrie, the harbor board's chairman, said the vote was close. "
                                 "Quarrie said he would vote again.\n\n"
                                 "Odalys Brenneman, the harbor engineer, said she would publish the survey. "
                                 "Brenneman said her staff had measured the silt.\n")
    text = ("The harbor board will vote again in May.\n\nTobiah Quarrie said the board would vote again.\n\n"
            "Odalys Brenneman, the harbor engineer, said he would publish the survey next week.\n")
    assert flagged("facts.Pronouns", text, sources) == ["he"]
    # In the same paragraph, the earlier man may be whom the pronoun means: abstain.
    text = "Tobiah Quarrie will chair the review. Odalys Brenneman said he has run the board for years.\n"
    assert flagged("facts.Pronouns", text, sources) == []


def test_the_storys_subject_named_in_the_lede_is_in_view_in_every_paragraph():
    # "ruled that he died": he is Mabry, the lede's subject, not the medical examiner.
    text = ("FAIRHAVEN — Commissioners voted 4-1 Wednesday night to hire an outside firm, less than three "
            "weeks after Terrence Mabry died of untreated diabetes in his cell.\n\n"
            "The county's chief medical examiner, Dr. Priya Venkataraman, ruled last week that he died of "
            "diabetic ketoacidosis.\n")
    assert flagged("facts.Pronouns", text, JAIL) == []


def test_an_object_pronoun_may_be_an_earlier_paragraphs_person():
    # "joined her": Halvorsen, who wrote for the majority a paragraph before.
    text = ('"The conditions we are attaching are not window dressing," Halvorsen said in the written order.\n\n'
            'Commissioner Joel Lindgren joined her, writing that the project "pays its own way."\n')
    assert flagged("facts.Pronouns", text, WINDFARM) == []


def test_a_pronoun_before_the_subject_is_checked_when_everyone_after_it_disagrees_too():
    text = ("Duarte cast the only vote against it. Explaining his vote, the commissioner said a review "
            '"is a way of saying not yet."\n')
    assert flagged("facts.Pronouns", text, JAIL) == ["his"]
    # Someone after the pronoun of its gender: it may point to them.
    text = ("Duarte cast the only vote against it. Explaining his vote to Brett Lindqvist, Duarte said a "
            "review was a delay.\n")
    assert flagged("facts.Pronouns", text, JAIL) == []


# -- a quotation's speaker a few sentences back ------------------------------------------------
def test_he_added_after_words_the_sources_give_a_woman_named_two_sentences_back():
    text = ("Castellanos insisted the inquiry did not drive Sunday's decision.\n\n"
            '"I want to be very clear: this is a termination without cause," she said.\n\n'
            "Whitaker's contract allows the university to stop paying him if he is found personally "
            'responsible. "If the facts eventually show that Coach Whitaker was personally involved, the '
            'contract gives us remedies, and we will use them," he added.\n')
    assert flagged("facts.Pronouns", text, COACH) == ["he"]


# -- the registry: relatives and gender ----------------------------------------------------------
def test_a_relative_introduced_after_the_name_is_her_own_person():
    # "Gloria Mabry, his mother, stood beside Ferrante": not a minority form of Terrence Mabry.
    registry = registry_of(JAIL)
    mother, son = registry.find("Gloria Mabry"), registry.find("Terrence Mabry")
    assert mother is not None and mother is not son and mother.gender == "female"
    assert not any(v.form == "Gloria Mabry" for v in son.variants)
    text = "Mabry's mother, Gloria Mabry, stood beside Ferrante on Tuesday.\n"
    assert flagged("facts.Names", text, JAIL) == []


def test_invented_a_relative_in_an_appositive(tmp_path):
    sources = write_sources(tmp_path, "Dario Pellegrin, 41, was hurt at the quarry. Pellegrin said the rope broke. "
                                 "Pellegrin told the inspectors he had asked for a new one.\n\n"
                                 "Marta Pellegrin, his sister, said the family would sue.\n")
    registry = registry_of(sources)
    assert registry.find("Marta Pellegrin") is not registry.find("Dario Pellegrin")
    assert registry.find("Marta Pellegrin").gender == "female"


def test_a_pronoun_beside_a_person_of_the_other_gender_is_the_other_persons():
    # "Castellanos has declined to discuss Whitaker's status. ... she said": Whitaker is a man.
    assert registry_of(COACH).find("Renee Castellanos").gender == "female"


def test_invented_a_pronoun_beside_a_man_is_the_womans(tmp_path):
    sources = write_sources(tmp_path, "Tobiah Quarrie said he would resign. Quarrie said his term ends in May.\n\n"
                                 "Director Sam Brenneman would not discuss Quarrie's plans. In a statement, she "
                                 "said the board would meet.\n")
    assert registry_of(sources).find("Sam Brenneman").gender == "female"


# -- gender: a role after "is" is the person again -----------------------------------------------
def test_a_role_after_the_verb_to_be_is_the_named_person_again():
    # "Keefe is the lead case agent. She testifies later in the trial": she is Keefe.
    assert registry_of((EVAL / "lottery" / "sources",)).find("Lorraine Keefe").gender == "female"
    text = ("Keefe, who is expected to testify later in the trial, said in his statement that the "
            "investigation remains open.\n")
    assert flagged("facts.Pronouns", text, (EVAL / "lottery" / "sources",)) == ["his"]


def test_invented_a_role_after_is(tmp_path):
    sources = write_sources(tmp_path, "Odalys Brenneman said the dredging would start in May.\n\n"
                                 "Brenneman is the lead inspector. She said the silt had doubled.\n")
    assert registry_of(sources).find("Odalys Brenneman").gender == "female"


# -- names: another given name, or a surname further off, for one of the sources' people ---------
def test_another_given_name_after_the_rank_the_sources_give_the_person():
    # The sources: "Maj. Raymond Okafor, the jail administrator"; no other Okafor.
    text = ("Her jail administrator, Maj. Richard Okafor, told county commissioners last week that the "
            "building held 611 people.\n")
    assert flagged("facts.Names", text, JAIL) == ["Richard Okafor"]


def test_invented_another_given_name_after_the_same_rank(tmp_path):
    sources = write_sources(tmp_path, "Sgt. Odalys Brenneman, a police spokeswoman, said the road would reopen. "
                                 "Brenneman said no one was hurt.\n")
    assert flagged("facts.Names", "Sgt. Oona Brenneman said the road was closed.\n", sources) == ["Oona Brenneman"]
    # Without the rank, another given name may be a relative: at most a warning, here nothing.
    assert flagged("facts.Names", "Oona Brenneman said the road was closed.\n", sources) == []


def test_another_given_name_in_a_sentence_that_retells_the_sources_one():
    # The sources: "Chief Financial Officer Lydia Marchetti was placed on paid administrative leave on
    # Thursday, Sept. 11, the day after the audit was released".
    text = ("The district's top budget official, Linda Marchetti, was placed on paid administrative leave on "
            "Thursday, Sept. 11, the day after the audit was released.\n")
    assert flagged("facts.Names", text, (EVAL / "schoolboard" / "sources",)) == ["Linda Marchetti"]
    text = "The district's top budget official, Linda Marchetti, declined to comment on Friday.\n"
    assert flagged("facts.Names", text, (EVAL / "schoolboard" / "sources",)) == []


def test_a_surname_further_off_with_the_same_given_name_in_a_retold_sentence():
    # The sources: "our conservator, Dr. Naomi Feld, examined the four recovered works at the police
    # department's evidence facility".
    text = ("On Monday afternoon, chief curator Paul Ebersole and the museum's conservator, Dr. Naomi Fields, "
            "examined the four recovered paintings at the police department's evidence facility.\n")
    assert flagged("facts.Names", text, (EVAL / "museum" / "sources",)) == ["Naomi Fields"]


def test_a_surname_that_starts_alike_with_the_very_words_of_the_sources_title():
    # The sources: "Darlene Chavarria, the pueblo's water resources director".
    text = "Darlene Chavez, the pueblo's water resources director, said the ditches went dry.\n"
    assert flagged("facts.Names", text, (EVAL / "drought" / "sources",)) == ["Darlene Chavez"]


def test_an_organisation_with_its_proper_word_misspelt():
    # The sources: "Pinecrest Community Hospital, Dunmore".
    text = "He went to work as a staff accountant at Pinehurst Community Hospital in Dunmore.\n"
    assert flagged("facts.Names", text, (EVAL / "trial" / "sources",)) == ["Pinehurst Community Hospital"]


def test_invented_an_organisation_of_another_kind_is_not_a_misspelling(tmp_path):
    sources = write_sources(tmp_path, "The Gull Point Elementary School will close, Odalys Brenneman said.\n")
    assert flagged("facts.Names", "Gull Point Middle School will stay open.\n", sources) == []
    assert flagged("facts.Names", "The Gull Pont Elementary School will close.\n", sources) == ["Gull Pont Elementary School"]


# -- gender: notes that paraphrase the speaker of the turn above -------------------------------
def test_a_paraphrase_on_the_line_after_a_labelled_turn_is_the_speakers():
    # Notes: "MARCHETTI: We ran out of cots …" then "(paraphrase) He said the center's busiest day …".
    heat = (EVAL / "heatwave" / "sources",)
    assert registry_of(heat).find("Theo Marchetti").gender == "male"
    text = ('Theo Marchetti said the center ran out of supplies.\n\n'
            '"We ran out of cots the first night and out of water the second," she said.\n')
    assert flagged("facts.Pronouns", text, heat) == ["she"]


def test_invented_a_paraphrase_after_a_turn(tmp_path):
    sources = write_sources(tmp_path, "Harbor hearing, notes.\nTOBIAH QUARRIE: Next speaker.\n"
                                 "DR. ODALYS BRENNEMAN: The silt has doubled since 2019. We dredge every spring now.\n"
                                 "(paraphrase) She said the board has not paid for the last two dredgings.\n")
    assert registry_of(sources).find("Odalys Brenneman").gender == "female"


def test_invented_a_relative_in_the_draft_who_shares_the_surname_is_no_slip(tmp_path):
    sources = write_sources(tmp_path, "Dario Pellegrin, 41, was hurt when the rope broke at the Gullmere quarry on "
                                 "Tuesday. Pellegrin said the rope had frayed.\n")
    # A sentence that retells the sources' about him, with another given name: a slip.
    text = "Dana Pellegrin, 41, was hurt when the rope broke at the Gullmere quarry on Tuesday.\n"
    assert flagged("facts.Names", text, sources) == ["Dana Pellegrin"]
    # The same name introduced as his relative: someone else.
    for text in ("His sister, Dana Pellegrin, said the rope broke at the Gullmere quarry on Tuesday.\n",
                 "Dana Pellegrin, his sister, said the rope broke at the Gullmere quarry on Tuesday.\n"):
        assert flagged("facts.Names", text, sources) == []


def test_a_reported_pronoun_is_a_warning_when_an_earlier_paragraph_holds_someone_of_its_gender():
    text = ("The jail held 611 people.\n\nSheriff Dolores Whitcombe placed two officers on leave.\n\n"
            "Brett Lindqvist, the company's regional vice president, said she had made the right call.\n")
    assert [(f.text, f.severity) for f in lint("facts.Pronouns", text, JAIL)] == [("she", "warning")]


def test_a_lone_surname_one_slip_from_the_drafts_own_persons_is_checked_at_the_surname_cutoff():
    museum = (EVAL / "museum" / "sources",)
    text = ("Darren Keith Mabry was arrested Tuesday. Police said Mabry rented a van. "
            "The rental agreement carried Mabrey's name.\n")
    assert flagged("facts.Names", text, museum) == ["Mabrey"]
    # Without the draft's own "Mabry", a lone word that far off is not read as the name.
    assert flagged("facts.Names", "The rental agreement carried Mabrey's name.\n", museum) == []
