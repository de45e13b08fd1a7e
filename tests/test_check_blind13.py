"""False alarms and category slips found on the six stories written blind in session 13
(tests/eval: coroner, grocery, reactor, farmheat, overtime, reshuffle), each fixed at its form
and tested on a story's own text and on invented text."""
from __future__ import annotations

from people_lint import ROOT, findings, lint, write_sources

EVAL = ROOT / "tests" / "eval"
CORONER = (EVAL / "coroner" / "sources",)
GROCERY = (EVAL / "grocery" / "sources",)
REACTOR = (EVAL / "reactor" / "sources",)
FARMHEAT = (EVAL / "farmheat" / "sources",)
OVERTIME = (EVAL / "overtime" / "sources",)
RESHUFFLE = (EVAL / "reshuffle" / "sources",)


# -- an employer's name with one word replaced is a misnamed organisation (category name) -------
def test_an_organisation_with_a_word_replaced_is_a_name_finding():
    text = ("Ingrid Solberg, executive director of Marrow River Watch, told the commission that the draft "
            "understates the harm to the river.\n")
    assert findings("facts.Titles", text, REACTOR) == [("name", "Marrow River Watch")]
    text = "Dr. Lucian Prewitt, managing partner of Northgate Forensic Partners, told the board his firm can help.\n"
    assert findings("facts.Titles", text, CORONER) == [("name", "Northgate Forensic Partners")]
    text = "Ingrid Solberg, executive director of Marrow Valley Watch, spoke next.\n"
    assert findings("facts.Titles", text, REACTOR) == []


def test_another_office_of_an_agency_or_another_court_stays_a_title_finding(tmp_path):
    sources = write_sources(tmp_path, "Ann Roe, who heads the FBI's Denver Field Office, said the case was "
                            "closed. Roe said the office had worked on it for a year. Ann Roe added that "
                            "the FBI's Denver Field Office would say no more.\n")
    text = "Ann Roe, who heads the FBI's Omaha field office, said the case was closed.\n"
    assert [category for category, _ in findings("facts.Titles", text, sources)] in ([], ["title"])


# -- spans of time counted from different points ---------------------------------------------
def test_spans_counted_from_writing_from_an_event_or_to_a_deadline_are_not_compared(tmp_path):
    sources = write_sources(tmp_path, "ELMWOOD — Ann Roe resigned as finance minister on Monday, four days "
                            "after she told a parliamentary committee that she would stay. The board must "
                            "report back within 90 days on the hospital's plan.\n")
    text = "Six days ago, Ann Roe sat before a parliamentary committee and said she was staying.\n"
    assert findings("facts.Figures", text, sources) == []
    text = "Nine days after the board voted, the hospital's plan was due.\n"
    assert findings("facts.Figures", text, sources) == []
    # (the time between two events and a span in the same unit still compare)
    text = "Ann Roe resigned on Monday, two days after she told a parliamentary committee she would stay.\n"
    assert [t for _, t in findings("facts.Figures", text, sources)] == ["two"]


def test_a_span_after_an_event_in_weeks_is_not_a_span_of_years():
    text = ("CASSFORD — Three weeks after an audit found the Cassford Police Department had overrun its overtime "
            "budget by more than two-thirds, Mayor Simone Achterberg on Wednesday proposed a budget.\n")
    assert findings("facts.Figures", text, OVERTIME) == []


def test_a_month_without_a_year_is_near_the_drafts_year():
    text = ("---\ntitle: Overtime\ndate: 2026-03-20\n---\n\nThe committee will take up the police portion of "
            "Mayor Simone Achterberg's budget after it is released in April, officials said.\n")
    assert findings("facts.Figures", text, OVERTIME) == []


def test_a_date_the_line_told_against_also_gives():
    text = "Written comments are due May 29, and the commission expects to decide on the license in June 2027.\n"
    assert findings("facts.Figures", text, REACTOR) == []


# -- people: a relative who shares the surname; pronouns after prepositions and closing tags ----
def test_a_full_name_two_sources_write_alike_is_not_a_slip_of_the_relatives_name():
    text = ('His daughter, Yesenia Esparza, a nursing student, was the first witness. "My father taught me '
            'to drive in a melon field," she told the committee.\n')
    assert findings("facts.Pronouns", text, FARMHEAT) == []
    assert findings("facts.Names", text, FARMHEAT) == []


def test_a_pronoun_after_a_sentence_naming_someone_after_a_preposition():
    text = ("Margit Enholm resigned on Monday. Her resignation was announced four days later. In a letter sent to "
            "Prime Minister Oskar Delvenne on Sunday evening, she wrote that she could not stay.\n")
    assert findings("facts.Pronouns", text, RESHUFFLE) == []
    # (with no one else in view, the name is still what the pronoun stands for)
    text = "In a letter sent to Prime Minister Oskar Delvenne on Sunday evening, she wrote that she could not stay.\n"
    assert [t for _, t in findings("facts.Pronouns", text, RESHUFFLE)] == ["she"]


def test_a_closing_attribution_is_the_earlier_speakers():
    text = ("Ingrid Solberg, the group's executive director, said it would file an amended contention. "
            "Amos Kettering, a retired nuclear engineer who advises the group, will file a declaration, she said.\n")
    assert findings("facts.Pronouns", text, REACTOR) == []
    text = "Amos Kettering, a retired nuclear engineer who advises the group, will file a declaration, she said.\n"
    assert [t for _, t in findings("facts.Pronouns", text, REACTOR)] == ["she"]


# -- quotations of the reporter's own interviewee -------------------------------------------
def test_an_interviewee_described_by_a_bare_title_with_a_known_person_named_after_a_preposition():
    text = ("The Rev. Tomas Villalobos, pastor of Our Lady of the Fields church, where Campo Justo held a vigil "
            'for Esparza in July, said the findings had reopened a wound in the parish. "People here were not '
            'surprised by what the state found," he said. "They were angry, but they were not surprised."\n')
    assert findings("facts.Quotes", text, FARMHEAT) == []


def test_words_someone_was_made_to_concede_are_theirs():
    text = ("Lindqvist cut its request to pay suppliers it considers critical, approving $4 million for now, "
            "after Priya Raman, a lawyer for the U.S. Trustee's office, got Esposito to concede that the "
            'immediate need for the roughly 40 vendors was "closer to $4 million."\n')
    assert findings("facts.Attribution", text, GROCERY) == []


# -- titles the sources write beside the name ---------------------------------------------------
def test_a_title_a_label_line_gives_and_one_written_word_for_word():
    text = ("Esposito, a managing director at the restructuring firm Ashgrove Partners, said the 19 stores had "
            "lost money.\n")
    assert findings("facts.Titles", text, GROCERY) == []
    text = "The first speaker was Gareth Mulvaney, Northgate's site vice president at Calder Point, who defended the plant.\n"
    assert findings("facts.Titles", text, REACTOR) == []


def test_a_party_the_sources_name_beside_the_person_is_no_wrong_employer():
    text = ("From April 1, a new minister of state for procurement integrity, Signe Aberfeld of the Farmers' and "
            "Coast Party, will co-sign any direct award.\n")
    assert findings("facts.Titles", text, RESHUFFLE) == []


def test_a_former_post_written_beside_the_name_does_not_excuse_a_current_title(tmp_path):
    sources = write_sources(tmp_path, "Minister of Transport Ann Roe said on Monday that talks would resume. "
                            "Roe, who took over the transport portfolio in July after two years as minister "
                            "of labour, is to testify on Wednesday. Ann Roe, Minister of Transport, spoke "
                            "for an hour.\n")
    text = "Labour Minister Ann Roe told a committee on Wednesday that the port would reopen.\n"
    assert [c for c, _ in findings("facts.Titles", text, sources)] == ["title"]


# -- a dateline is a place, and an appositive of a named person no anonymous source -------------
def test_a_dateline_is_no_person_holding_the_title_after_it():
    text = ("CASSFORD — Cassford's police chief told a City Council committee on Thursday night that he does "
            "not dispute the audit.\n")
    assert findings("facts.Titles", text, OVERTIME) == []


def test_an_appositive_of_a_named_speaker_is_not_an_anonymous_source():
    text = ("Douglas Galloway, the founders' grandson, a former chief executive who now chairs the board, said "
            "his family still holds about 18 percent of the company.\n")
    assert findings("sourcing.AnonymousSource", text, GROCERY) == []
    text = "The family still holds about 18 percent of the company, a former executive said.\n"
    assert findings("sourcing.AnonymousSource", text, GROCERY) == [("vague-source", "a former executive")]


# -- two spellings, each in its own source --------------------------------------------------
def test_a_spelling_one_source_gives_against_another_single_source_is_no_sure_slip():
    text = "Inside the lab, lab manager Celeste Amundsen said one of its two mass spectrometers had been down.\n"
    assert findings("facts.Names", text, CORONER) == []


# -- a person the sources say uses they/them ---------------------------------------------------
def test_a_person_the_sources_say_uses_they_them(tmp_path):
    sources = write_sources(tmp_path, "Ann Roe, director of the Elm Food Council, said the store would close. "
                            "Roe said the council would help.\n",
                            "NOTES\n\n-- Phone, Ann Roe (they/them; Elm Food Council), 3:30 p.m.:\n"
                            "   Said 410 households have no car.\n")
    text = "Ann Roe, director of the Elm Food Council, said about 410 households have no car, she said.\n"
    found = lint("facts.Pronouns", text, sources)
    assert [f.text for f in found] == ["she"]
    assert "they/them" in found[0].message
    text = "Ann Roe, director of the Elm Food Council, said about 410 households have no car, they said.\n"
    assert lint("facts.Pronouns", text, sources) == []


def test_they_them_declared_in_a_transcript_and_notes():
    text = ("Lindqvist, whose office will file testimony against the request by Aug. 14, said his objection is "
            "mostly about timing.\n")
    assert [t for _, t in findings("facts.Pronouns", text, REACTOR)] == ["his"]


def test_a_stranger_described_with_whose_is_the_pronouns_person():
    sources = (EVAL / "tuition" / "sources",)
    text = ("Jaylen Obuya, a junior, was among 47 people who addressed the board.\n\n"
            "Corinne Adebayo, whose son is a sophomore at Dunmore, drove two hours to watch the vote. "
            '"We budgeted for four years at one price," she said in an interview.\n')
    assert findings("facts.Pronouns", text, sources) == []


# -- an office a level of government has one of -----------------------------------------------
def test_a_city_office_held_by_someone_else_in_the_sources(tmp_path):
    sources = write_sources(tmp_path, "City Auditor Ann Roe released the audit on Monday. Roe said the "
                            "department overspent. Audit manager Tom Poe led the fieldwork.\n",
                            "The audit by City Auditor Ann Roe found $2 million in overtime. Poe, the audit "
                            "manager, said the data came from payroll. City Auditor Ann Roe will testify.\n")
    text = "The proposal follows the audit by City Auditor Tom Poe, which found the department overspent.\n"
    assert [f.text for f in lint("facts.Titles", text, sources)] == ["City Auditor Tom Poe"]
    text = "The proposal follows the audit by City Auditor Ann Roe, which found the department overspent.\n"
    assert lint("facts.Titles", text, sources) == []
    # (a body's members are many: "State Senator" says nothing of who else is one)
    text = "County Commissioner Tom Poe said the department overspent.\n"
    assert lint("facts.Titles", text, sources) == []
