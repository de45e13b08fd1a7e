"""Title misses found across the eval stories (tests/eval) in round 7, each fixed at a cause that
recurs in several stories and tested on a story's own text."""
from __future__ import annotations

from people_lint import ROOT, lint

EVAL = ROOT / "tests" / "eval"
BUYOUT = (EVAL / "buyout" / "sources",)
FACTORY = (EVAL / "factory" / "sources",)


def texts(rule: str, text: str, sources) -> list[tuple[str, str]]:
    return [(f.text, f.severity) for f in lint(rule, text, sources)]


def test_former_before_a_field_of_several_lowercase_words_is_read():
    # "Bellamy County Emergency Management Director Carl Brandvold", twice, current.
    text = "Former emergency management director Carl Brandvold has made the case for moving quickly.\n"
    assert [f for f, _ in texts("facts.Titles", text, BUYOUT)] == ["Former emergency management director"]
    assert texts("facts.Titles", text.replace("Former e", "E"), BUYOUT) == []
    # "the city's director of economic development" once: a three-word status-and-field phrase.
    text = "Former economic development director Harold J. Pruitt said the city would market the site.\n"
    assert [f for f, _ in texts("facts.Titles", text, FACTORY)] == ["Former economic development director"]
    assert texts("facts.Titles", text.replace("Former e", "E"), FACTORY) == []


HEATWAVE = (EVAL / "heatwave" / "sources",)
LIBRARY = (EVAL / "library" / "sources",)


def test_a_list_of_one_person_a_line_gives_each_line_its_own_title():
    from people_lint import registry_of

    # "PARTICIPANTS:\nDr. Priya Nandakumar, Director, Tesmond County Department of Public Health\n...
    # Dr. Evelyn Okafor, Chief Medical Examiner\nDr. Raymond Velasquez, Deputy Medical Examiner"
    heat = registry_of(HEATWAVE)
    assert [t.role.casefold() for t in heat.find("Raymond Velasquez").titles] == ["deputy medical examiner"]
    assert [t.role.casefold() for t in heat.find("Evelyn Okafor").titles] == ["chief medical examiner"]
    assert [(t.role.casefold(), t.affiliation) for t in heat.find("Priya Nandakumar").titles] == \
        [("director", "Tesmond County Department of Public Health")]
    text = '"The count is a floor," said Dr. Raymond Velasquez, the deputy medical examiner.\n'
    assert texts("facts.Titles", text, HEATWAVE) == []
    # A signature ("Respectfully submitted,\nMarisol Quintero, Secretary\nMinutes approved: ..."):
    # the next line's first word is no one the title names.
    library = registry_of(LIBRARY)
    assert library.find("Minutes") is None


DERAILMENT = (EVAL / "derailment" / "sources",)
ANTIBODY = (EVAL / "antibody" / "sources",)
FERRY = (EVAL / "ferry" / "sources",)
LAYOFFS = (EVAL / "layoffs" / "sources",)


def test_a_chief_in_a_list_line_of_a_fire_department_is_its_fire_chief():
    # "Anita Reyes, Chief, Hollis Bend Volunteer Fire Department" in a participants list.
    text = 'Fire Chief Anita Reyes made what she called "a hard call."\n'
    assert texts("facts.Titles", text, DERAILMENT) == []


def test_a_capitalised_appositive_of_president_and_chief_executive_officer_is_read():
    # "said Thomas Brandt, President and Chief Executive Officer of Lakeshore Power & Light."
    text = "Thomas Brandt, Lakeshore's chief operating officer, apologized in a statement Monday.\n"
    findings = lint("facts.Titles", text, HEATWAVE)
    assert [f.text for f in findings] == ["Lakeshore's chief operating officer"]
    assert "president and chief executive officer" in findings[0].message
    text = "Thomas Brandt, Lakeshore's chief executive, apologized in a statement Monday.\n"
    assert texts("facts.Titles", text, HEATWAVE) == []


def test_an_organisation_s_head_for_someone_the_sources_give_an_office_below_it_there():
    # "Priya Raman, Castellan's senior vice president for clinical development" (once).
    text = "Priya Raman, Castellan's chief executive, said the safety data had been consistent.\n"
    assert texts("facts.Titles", text, ANTIBODY) == [("Castellan's chief executive", "warning")]
    text = "Priya Raman, Castellan's senior vice president, said the safety data had been consistent.\n"
    assert texts("facts.Titles", text, ANTIBODY) == []
    # "Frank DiMarco, business agent for Marine Workers Union Local 19" (once).
    text = "Frank DiMarco, president of Marine Workers Union Local 19, defended the captain.\n"
    assert [f for f, _ in texts("facts.Titles", text, FERRY)] == ["president of Marine Workers Union Local"]
    text = "Frank DiMarco, business agent for Marine Workers Union Local 19, defended the captain.\n"
    assert texts("facts.Titles", text, FERRY) == []
    # "GP&W's vice president of safety, Janine Kowalczyk": the possessive organisation with '&'.
    text = '"Our crew did exactly what they were trained to do," GP&W chief executive Janine Kowalczyk said.\n'
    assert [s for _, s in texts("facts.Titles", text, DERAILMENT)] == ["warning"]


def test_every_chief_officer_is_an_office_of_one_holder():
    # The release and the WARN notice: Gloria Esposito, "chief people officer" (twice).
    text = "Gloria Esposito, the company's chief operating officer, described the severance terms.\n"
    assert texts("facts.Titles", text, LAYOFFS) == [("the company's chief operating officer", "warning")]
    text = "Gloria Esposito, the company's chief people officer, described the severance terms.\n"
    assert texts("facts.Titles", text, LAYOFFS) == []


MINWAGE = (EVAL / "minwage" / "sources",)
SCHOOLBOARD = (EVAL / "schoolboard" / "sources",)
STADIUM = (EVAL / "stadium" / "sources",)


def test_an_officer_of_a_board_or_council_the_sources_give_to_another_member():
    # The transcript's "COUNCIL PRESIDENT LINDQVIST" (12 times); Vance is a council member.
    text = "Council President Harriet Vance offered an amendment.\n"
    findings = lint("facts.Titles", text, MINWAGE)
    assert [(f.text, f.severity) for f in findings] == [("Council President Harriet Vance", "warning")]
    assert "Margaret Lindqvist" in findings[0].message
    assert texts("facts.Titles", "Council President Margaret Lindqvist offered an amendment.\n", MINWAGE) == []
    # "Vice President Raymond Delacroix" (no body named) in the wire story and the minutes.
    text = "Board Vice President José Ibáñez cast the only vote against the closures.\n"
    assert [f for f, _ in texts("facts.Titles", text, SCHOOLBOARD)] == ["Board Vice President José Ibáñez"]
    assert texts("facts.Titles", text.replace("José Ibáñez", "Raymond Delacroix"), SCHOOLBOARD) == []
    assert texts("facts.Titles", text.replace("Board Vice President", "Trustee"), SCHOOLBOARD) == []
    # The minutes' "Marisol Quintero (Secretary)" and signature, once each; Whitcomb is a trustee.
    text = "Board Secretary Thomas Whitcomb asked for a report in six months.\n"
    assert [f for f, _ in texts("facts.Titles", text, LIBRARY)] == ["Board Secretary Thomas Whitcomb"]
    assert texts("facts.Titles", text.replace("Thomas Whitcomb", "Marisol Quintero"), LIBRARY) == []
    # "Ruth Mbatha, who chairs the board of commissioners" (once); Hutchins is "Commissioner" once. A
    # council member's "chair" (of a council committee) is no commission's chair.
    text = "Commission Chairman Dale Hutchins cast the only vote against.\n"
    findings = lint("facts.Titles", text, STADIUM)
    assert [(f.severity, "Ruth Mbatha" in f.message) for f in findings] == [("warning", True)]
    assert texts("facts.Titles", text.replace("Dale Hutchins", "Ruth Mbatha"), STADIUM) == []


POLICECHIEF = (EVAL / "policechief" / "sources",)
MUSEUM = (EVAL / "museum" / "sources",)


def test_a_rank_before_the_name_is_the_one_the_sources_write():
    # The interview notes: "Capt. Lena Sorensen, EMS supervisor, Port Adair Fire Department."
    text = "Lt. Lena Sorensen, an EMS supervisor, said city crews ran 486 of the calls.\n"
    findings = lint("facts.Titles", text, HEATWAVE)
    assert [(f.text, f.severity) for f in findings] == [("Lt. Lena Sorensen", "warning")]
    assert "captain" in findings[0].message
    assert texts("facts.Titles", text.replace("Lt.", "Capt."), HEATWAVE) == []
    # "SGT. THOMAS BRENNAN, president, ... Lodge 14" in a transcript's capitals; "Capt. Luis Ferreira".
    text = "Capt. Thomas Brennan, president of the police union, said officers were held over.\n"
    assert [f for f, _ in texts("facts.Titles", text, POLICECHIEF)] == ["Capt. Thomas Brennan"]
    assert texts("facts.Titles", text.replace("Capt.", "Sgt."), POLICECHIEF) == []
    text = "Its commander, Deputy Chief Luis Ferreira, said his officers worked the details they were assigned.\n"
    assert [f for f, _ in texts("facts.Titles", text, POLICECHIEF)] == ["Deputy Chief Luis Ferreira"]
    assert texts("facts.Titles", text.replace("Deputy Chief", "Capt."), POLICECHIEF) == []
    # The sources' "Lt. Marcus Whitfield": the same rank.
    assert texts("facts.Titles", "said Lt. Marcus Whitfield, who leads the unit.\n", MUSEUM) == []


RECOUNT = (EVAL / "recount" / "sources",)
BRIBERY = (EVAL / "bribery" / "sources",)


def test_an_appositive_after_an_age_and_two_titles_joined_by_and_are_read():
    # "a former Calder Springs city council member" (once): the draft's second title makes it current.
    text = "Lindqvist, 58, a land surveyor and a Calder Springs city councilman, filed the petition Thursday.\n"
    assert texts("facts.Titles", text, RECOUNT) == [("a Calder Springs city councilman", "warning")]
    text = "Lindqvist, 58, a land surveyor and a former Calder Springs city councilman, filed the petition.\n"
    assert texts("facts.Titles", text, RECOUNT) == []


def test_a_unit_named_after_the_department_s_possessive_is_the_organisation():
    # "commander of the Major Crimes Unit" (twice).
    text = "said Lt. Marcus Whitfield, commander of the department's Property Crimes Unit.\n"
    assert [f for f, _ in texts("facts.Titles", text, MUSEUM)] == ["commander of the department's Property Crimes Unit"]
    assert texts("facts.Titles", text.replace("Property", "Major"), MUSEUM) == []


def test_a_controller_or_treasurer_is_an_office_of_one_holder():
    # "County Controller Nadine Brubaker" (twice); Farrow chairs the commissioners.
    text = '"Today closes the book on a chapter," County Controller Linda Farrow said outside the courthouse.\n'
    findings = lint("facts.Titles", text, BRIBERY)
    assert [(f.text, f.severity) for f in findings] == [("County Controller Linda Farrow", "warning")]
    assert "Nadine Brubaker" in findings[0].message
    assert texts("facts.Titles", text.replace("Linda Farrow", "Nadine Brubaker"), BRIBERY) == []


def test_an_office_in_a_field_the_sources_give_to_one_other_person():
    # The participants list: "Dr. Priya Nandakumar, Director, Tesmond County Department of Public
    # Health"; Whitfield is the county epidemiologist.
    text = "Marcus Whitfield, the county's public health director, said deaths ran 38 percent above average.\n"
    findings = lint("facts.Titles", text, HEATWAVE)
    assert [(f.severity, "Priya Nandakumar" in f.message) for f in findings] == [("warning", True)]
    assert texts("facts.Titles", "County health director Dr. Priya Nandakumar said so.\n", HEATWAVE) == []
    assert texts("facts.Titles", text.replace("public health director", "epidemiologist"), HEATWAVE) == []
    # Another level of government is another office: "the state's public health director".
    assert texts("facts.Titles", text.replace("county's", "state's"), HEATWAVE) == []
    # "Gloria Tenney, Director, Marlow County Office of Emergency Management"; Brandt chairs the board.
    text = "Walter Brandt, the county's emergency management director, said the county had spent $380,000.\n"
    assert [s for _, s in texts("facts.Titles", text, DERAILMENT)] == ["warning"]
    assert texts("facts.Titles", text.replace("Walter Brandt", "Gloria Tenney"), DERAILMENT) == []


def test_a_quotation_of_two_whole_sentences_of_one_source_quotation_is_found():
    # A victim's nephew, known now by "Darnell Price, 34, warehouse supervisor": "PRICE: I brought
    # her a fan. A box fan, the week before. I thought that was enough." The draft leaves out the
    # middle sentence.
    text = ('Darnell Price, a warehouse supervisor, visited on weekends. The week before she died, he brought '
            'her a box fan. "I brought her a fan. I thought that was enough," he said.\n')
    assert texts("facts.Quotes", text, HEATWAVE) == []
    text = text.replace("I thought that was enough", "I thought that would be plenty")
    assert [s for _, s in texts("facts.Quotes", text, HEATWAVE)] != []


UNIVERSITY = (EVAL / "university" / "sources",)


def test_a_body_word_before_an_office_in_an_appositive_is_its_body():
    # The minutes: "Recording: Prof. Gordon Feld, Senate Secretary (Mathematics)"; Whitcomb is "Sen.".
    text = "Leonard Whitcomb, the senate secretary and a historian, backed the resolution.\n"
    findings = lint("facts.Titles", text, UNIVERSITY)
    assert [(f.severity, "Gordon Feld" in f.message) for f in findings] == [("warning", True)]
    assert texts("facts.Titles", text.replace("Leonard Whitcomb", "Gordon Feld"), UNIVERSITY) == []


def test_a_hyphenated_office_and_a_contraction_before_a_name():
    from people_lint import registry_of

    # "NTSB investigator-in-charge Thomas Reinholt leads the investigation."
    text = "They have interviewed 31 people, said Coast Guard investigator Thomas Reinholt.\n"
    assert [f for f, _ in texts("facts.Titles", text, FERRY)] == ["Coast Guard investigator"]
    assert texts("facts.Titles", text.replace("Coast Guard", "NTSB"), FERRY) == []
    # A transcript's "I'm Ruth Ellery": the name is Ruth Ellery.
    assert registry_of(FERRY).find("Ruth Ellery").canonical == "Ruth Ellery"


def test_an_office_at_another_level_of_government_than_the_sources_give():
    # "Dr. Priya Natarajan, Marlow County Health Officer" (twice, two sources).
    text = "Dr. Priya Natarajan, the state health officer, has told residents to drink bottled water.\n"
    assert texts("facts.Titles", text, DERAILMENT) == [("the state health officer", "warning")]
    assert texts("facts.Titles", text.replace("state", "county"), DERAILMENT) == []
    assert texts("facts.Titles", text.replace("the state health officer", "the health officer"), DERAILMENT) == []


MEASLES = (EVAL / "measles" / "sources",)
TRANSIT = (EVAL / "transit" / "sources",)


def test_another_post_at_the_organisation_than_every_one_the_sources_give():
    # "Yusuf Adeyemi, Communicable Disease Program Manager, Pinecrest County Health Department" (a
    # participants list).
    text = "Yusuf Adeyemi, the county's deputy health officer, said investigators had found 1,400 contacts.\n"
    findings = lint("facts.Titles", text, MEASLES)
    assert [(f.text, f.severity) for f in findings] == [("the county's deputy health officer", "warning")]
    assert "Program Manager" in findings[0].message
    text = "Yusuf Adeyemi, the county's communicable disease program manager, said so.\n"
    assert texts("facts.Titles", text, MEASLES) == []
    # "the local's recording secretary" (once): not one of its vice presidents.
    text = "Denise Haworth, a vice president of Local 1447 who has driven for the authority for 19 years, spoke.\n"
    assert [s for _, s in texts("facts.Titles", text, TRANSIT)] == ["warning"]
    text = "Denise Haworth, the local's recording secretary, spoke.\n"
    assert texts("facts.Titles", text, TRANSIT) == []
    # "Martin Feld, Head of Collection Services and chair of the Materials Review Committee".
    text = "Martin Feld, the library's assistant director, who chaired the committee, told trustees so.\n"
    assert [s for _, s in texts("facts.Titles", text, LIBRARY)] == ["warning"]


MERGER = (EVAL / "merger" / "sources",)
OPIOID = (EVAL / "opioid" / "sources",)


def test_an_office_named_by_its_holder_s_possessive_and_the_solicitor_general():
    # "Kevin Pruitt, Iowa's deputy attorney general" (twice): the draft's post is the one after the
    # possessive, not "attorney".
    text = "Kevin Pruitt, the attorney general's chief of staff, led Iowa's team in the negotiations.\n"
    assert [f for f, _ in texts("facts.Titles", text, OPIOID)] == ["the attorney general's chief of staff"]
    text = "Kevin Pruitt, the deputy attorney general, led Iowa's team in the negotiations.\n"
    assert texts("facts.Titles", text, OPIOID) == []
    # "Chief Deputy Attorney General Lorraine Kessler" (twice).
    text = "The review will be led by Solicitor General Lorraine Kessler.\n"
    assert [s for _, s in texts("facts.Titles", text, MERGER)] == ["warning"]


def test_a_top_post_said_as_heads_or_a_spokesperson_s_function_is_no_other_post():
    # "Tessa Lund, associate vice president for university communications": the university's
    # spokeswoman too.
    text = "said Tessa Lund, a university spokeswoman.\n"
    assert texts("facts.Titles", text, UNIVERSITY) == []


def test_a_committee_s_ranking_member_chairs_no_committee():
    # "PRESENT: Sen. Linda Brauer (chair), Sen. Travis Keough (ranking member), ...".
    text = "Sen. Travis Keough, who chairs the Senate Health and Human Services Committee, objected.\n"
    assert [f for f, _ in texts("facts.Titles", text, OPIOID)] == [
        "who chairs the Senate Health and Human Services Committee"]
    text = "Sen. Linda Brauer, who chairs the Senate Health and Human Services Committee, objected.\n"
    assert texts("facts.Titles", text, OPIOID) == []
