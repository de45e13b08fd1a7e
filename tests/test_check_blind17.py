"""False alarms and misses found on the stories written blind in session 17 and on earlier
sets' leftovers, each fixed at its form and tested on invented text."""
from __future__ import annotations

from people_lint import findings, registry_of, write_sources

ARTICLE = ("THE ELM FALLS LEDGER\n"
           "Thursday, May 7, 2026\n\n"
           "Judge weighs pause in river camp clearing\n\n"
           "By Ada Quist, Ledger staff\n\n"
           "ELM FALLS — The Elm Falls Tenants Union filed suit in federal court at 3:10 p.m. Wednesday, "
           "arguing that the city was about to destroy people's property without notice.\n")

CAPTION = ("UNITED STATES DISTRICT COURT\n"
           "ELM FALLS DIVISION\n\n"
           "ELM FALLS TENANTS UNION, et al.,\n"
           "        Plaintiffs,\n"
           "v.                                  Case No. 2:26-cv-00412\n"
           "CITY OF ELM FALLS,\n"
           "        Defendant.\n\n"
           "TRANSCRIPT OF HEARING ON MOTION FOR TEMPORARY RESTRAINING ORDER\n"
           "Thursday, May 7, 2026, 2:00 p.m., Courtroom 4\n\n"
           "THE COURT: Mr. Abernathy, how many beds were open?\n\n"
           "ABERNATHY: Forty, Your Honor, and none for couples.\n")


def test_a_court_captions_dated_line_dates_the_hearing(tmp_path):
    sources = write_sources(tmp_path, ARTICLE, CAPTION)
    draft = "---\ntitle: Camp\ndate: 2026-05-08\n---\n\nIn federal court Thursday, the city's lawyer said 40 beds were open.\n"
    assert findings("facts.Figures", draft, sources) == []


CONTRACT = ("ELM FALLS — The contract pays Ridgeway Medical a base of $1.4 million a year, plus $2,000 for "
            "each overflow autopsy, up to $300,000.\n\n"
            "\"We can have two doctors working in your building by June,\" said Lena Voss, Ridgeway's chief "
            "executive.\n\n"
            "Last year the office's three doctors performed 1,204 autopsies, up from 910, and the backlog grew.\n")


def test_a_small_count_the_sources_give_in_the_drafts_words(tmp_path):
    sources = write_sources(tmp_path, CONTRACT)
    text = ("Under the contract, Ridgeway will be paid a base of $1.4 million a year for its two doctors, plus $2,000 for each "
            "overflow autopsy, up to $300,000 a year.\n")
    assert findings("facts.Figures", text, sources) == []
    # another value of the office's own doctors, in the sentence that gives it, is still a slip
    assert ("figure", "two") in findings(
        "facts.Figures", "Last year the office's two doctors performed 1,204 autopsies, up from 910.\n", sources)


REPORT = ("## 3. Patients by location\n\n"
          "| Location | Patients |\n|---|---|\n| Mile 10 | 80 |\n| Finish | 132 |\n| **Total** | **212** |\n\n"
          "## 4. Diagnoses\n\n"
          "| Diagnosis | Patients |\n|---|---|\n"
          "| Exertional heat stroke (core temperature 104°F or higher) | 17 |\n| Heat exhaustion | 120 |\n"
          "| Cramping | 75 |\n")


def test_a_tables_total_is_given_though_a_row_shares_the_sentence(tmp_path):
    sources = write_sources(tmp_path, REPORT, suffix=".md")
    # (the part is a slip the figure check leaves to its reader: 17 in the sources)
    assert findings("facts.Figures", "Of the 212 patients, 71 were diagnosed with exertional heat stroke, the most dangerous heat illness.\n", sources) == []


HEARING = ("ELM FALLS CITY COUNCIL, PUBLIC SAFETY COMMITTEE\n\n"
           "CHAIR POE: We'll now take public comment. Ms. Marsh.\n\n"
           "D. MARSH: Good evening. My name is Delia Marsh. My son is Curtis Marsh. Last May two officers "
           "put him on the ground outside the laundromat. He was in the hospital four days.\n\n"
           "CHAIR POE: Thank you, Ms. Marsh.\n")

ARREST = ("ELM FALLS — Curtis Marsh, 27, was arrested outside a laundromat on May 17, 2025. He was charged "
          "with assaulting an officer. Marsh said he had asked the officers to check their cameras.\n")


def test_a_mother_who_gives_her_own_name_is_not_a_slip_of_her_sons(tmp_path):
    sources = write_sources(tmp_path, HEARING, ARREST)
    text = ("The sharpest testimony came from Delia Marsh. Her son, Curtis Marsh, was taken to the ground "
            "outside a laundromat.\n\nMarsh said she recognized her son's arrest in the audit.\n")
    assert findings("facts.Names", text, sources) == []
    assert findings("facts.Pronouns", text, sources) == []


def test_a_telephone_call_is_no_vague_attribution(tmp_path):
    sources = write_sources(tmp_path, ARREST)
    text = ("Ada Quist, who runs a support group at the senior center, said several members had called her "
            "this week asking whether their enrollments were legitimate.\n")
    assert findings("sourcing.VagueSource", text, sources) == []
    assert findings("sourcing.VagueSource", "Several members called the plan a giveaway.\n", sources) != []


SURVEY = ("REPORTER'S NOTES\n\n"
          "-- Phone, Rita Alvar (merchants' association president), 2 p.m.:\n"
          "   Association has 63 member businesses. Survey ran March 16-20; 53 responded, 41 opposed "
          "removing parking.\n")


def test_a_figure_the_sources_give_of_another_noun_is_no_lone_slip(tmp_path):
    sources = write_sources(tmp_path, SURVEY)
    text = ("The association has 63 member businesses. In its survey, 41 of the 53 businesses that "
            "responded opposed removing parking.\n")
    assert findings("facts.Figures", text, sources) == []
    # (a count of businesses with one digit changed, in words the sources do not share, still is)
    assert ("figure", "73") in findings("facts.Figures", "The association now has 73 businesses.\n", sources)


DEPOSITION = ("DEPOSITION OF ANN ROE (EXCERPT)\n\n"
              "Q. When did you start at Elm Ridge Hospice?\n\n"
              "MS. ROE: April of 2020. I was hired as director of compliance.\n\n"
              "Q. And the memo?\n\n"
              "MS. ROE: In July 2022 I sent the compliance memo to the director of Elm Ridge Hospice.\n")


def test_a_month_of_a_year_said_aloud(tmp_path):
    sources = write_sources(tmp_path, DEPOSITION)
    text = "Ann Roe became Elm Ridge Hospice's director of compliance in April 2020.\n"
    assert findings("facts.Figures", text, sources) == []


STATE_REPORT = ("## Findings\n\n"
                "2. **Proximity to the school.** Thirty-eight of the 160 treated acres lie within one-quarter "
                "mile of the school.\n\n"
                "5. **Residue samples.** Sixteen samples were collected; the insecticide was detected in 12.\n")


def test_shares_and_counts_worked_from_a_source_line(tmp_path):
    sources = write_sources(tmp_path, STATE_REPORT, suffix=".md")
    text = ("Thirty-eight acres of the field, nearly a quarter of it, lie within a quarter mile of the school. "
            "Investigators found the insecticide in 12 of 16 samples.\n")
    assert findings("sourcing.Unsourced", text, sources) == []
    assert findings("facts.Figures", text, sources) == []


COURT = ("ELM FALLS — Tom Pryce, 38, appeared without his lawyer. District Judge Ann Ferro set a hearing "
         "for April 6. She said the delay was the last she would allow.\n\n"
         "Officers sent an undercover officer to book a hunt with the outfitter. The officer paid $5,200 "
         "for three days, and he recorded the calls.\n\n"
         "Wildlife Officer Lena Ruiz found the carcasses. The officer, Lena Ruiz, has patrolled the "
         "district since 2019. \"I had never seen three bulls dead in one draw,\" she said.\n\n"
         "Sgt. Abel Moss (DWC, lead investigator) said the case used 14 trail cameras.\n")


def test_people_an_unnamed_officer_and_initials(tmp_path):
    sources = write_sources(tmp_path, COURT)
    people = {e.canonical: e.gender for e in registry_of(sources).entities if e.kind == "person"}
    assert "Dwc" not in people and "DWC" not in people, people
    assert people.get("Lena Ruiz") != "male", people  # ("he recorded": the undercover officer's)
    text = ("A third defendant, Tom Pryce, 38, appeared without his lawyer. Ferro put off his arraignment "
            "to April 6.\n")
    assert findings("facts.Pronouns", text, sources) == []


HERD = ("ELM FALLS — The four men are accused of killing at least 48 animals: 31 elk and 17 mule deer, "
        "in three counties over two seasons.\n")


def test_a_count_of_two_nouns_is_of_both(tmp_path):
    sources = write_sources(tmp_path, HERD)
    text = "The four men are accused of killing at least 48 elk and mule deer in three counties.\n"
    assert findings("facts.Figures", text, sources) == []
    # (the elk's own count, with its digits swapped, is still a slip)
    assert findings("facts.Figures", "They are accused of killing 13 elk in three counties.\n", sources) \
        == [("figure", "13")]


NOTES_KIN = ("REPORTER'S NOTES\n\n"
             "-- Thu 3/12, 4:30 p.m., phone, Mira Dahl, daughter of Otto Dahl. She/her. Lives in Elm Falls.\n"
             "   Father enrolled Sept. 2021 at age 74. \"He was still driving to his bowling league.\"\n\n"
             "-- Thu 3/12, 5 p.m., phone, Abel Quint, son of Rhoda Quint.\n"
             "   Mother on hospice 28 months. He/him.\n")


def test_a_relative_in_a_notes_header_and_pronouns_said_outright(tmp_path):
    sources = write_sources(tmp_path, NOTES_KIN)
    people = {e.canonical: e.gender for e in registry_of(sources).entities if e.kind == "person"}
    assert people.get("Mira Dahl") == "female", people
    assert findings("facts.Names", "Mira Dahle said her father signed the form.\n", sources) == [("name", "Mira Dahle")]
    # a pronoun of a person described between (his mother) is not the named man's
    text = ("\"Nobody said the word dying,\" Abel Quint said.\n\nHis mother stayed on hospice for 28 months. "
            "In the meantime, her cardiologist's office stopped her heart visits.\n")
    assert findings("facts.Pronouns", text, sources) == []
