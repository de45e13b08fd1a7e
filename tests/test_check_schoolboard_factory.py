"""False alarms and misses of the schoolboard and factory stories (tests/eval/, written blind this
session; both first scored 0.64 / 0.74), each fixed at its general cause."""
from __future__ import annotations

from people_lint import ROOT, lint

SCHOOL = (ROOT / "tests" / "eval" / "schoolboard" / "sources",)
NURSES = (ROOT / "tests" / "eval" / "nurses" / "sources",)


def test_former_is_right_for_someone_the_sources_report_resigning():
    # "Whitcombe, who was hired in July 2019, submitted his resignation on Friday, Sept. 12".
    text = "Former superintendent Dennis Whitcombe resigned on Friday, Sept. 12, in a two-paragraph letter.\n"
    assert lint("facts.Titles", text, SCHOOL) == []


def test_a_departure_is_the_persons_it_follows():
    # "Pryce became chief executive in June 2023, succeeding Alan Whitcombe, who retired": Pryce
    # is the sitting chief executive.
    text = "Former chief executive Desmond Pryce said the hospital could not afford the union's demands.\n"
    findings = lint("facts.Titles", text, NURSES)
    assert [f.text for f in findings] == ["Former chief executive"]


def test_an_object_pronoun_in_what_someone_says_may_be_anyone_before():
    text = ("Board Vice President José Ibáñez cast the only vote against the closures. Echeverría said the union "
            "had talked to all five trustees but would not speak for him.\n")
    assert lint("facts.Pronouns", text, SCHOOL) == []


FACTORY = (ROOT / "tests" / "eval" / "factory" / "sources",)


def test_a_call_transcripts_name_dash_title_labels():
    # "Ingrid Halvorsen -- Chief Financial Officer: A bit less than half, Priya. …"
    from people_lint import registry_of
    registry = registry_of(FACTORY)
    analyst = registry.person_by_name("Raghunathan")
    assert analyst is not None and [t.role for t in analyst.titles] == ["analyst"]
    said = [q for q in registry.quotes if q.text.startswith("A bit less than half")]
    assert [q.speaker for q in said] == ["Ingrid Halvorsen"]


def test_a_statistic_the_sources_give_verbatim_is_sourced():
    # The layoff notice's table: production and assembly 362, total 640.
    text = "Production and assembly accounts for 362 of the jobs. The plant employs 640 people.\n"
    assert lint("sourcing.Unsourced", text, FACTORY) == []
    text = "Production and assembly accounts for 365 of the jobs.\n"
    assert [f.category for f in lint("sourcing.Unsourced", text, FACTORY)] == ["unsourced"]


def test_the_reporters_own_described_and_anonymous_sources_are_not_checked():
    text = ("In an interview after the call, Feldstein said the closure had been expected. \"The closure itself is "
            "not a surprise,\" he said.\n\n"
            "Sandra Lindqvist, a refrigeration-industry consultant in Syracuse who has no ties to Corwell, said in a "
            "phone interview that makers are consolidating. \"Nobody wants to run three factories when two will "
            "do,\" she said.\n\n"
            "A second-shift machinist, who asked not to be named because he feared it could affect his severance, "
            "said co-workers were looking at jobs in Utica. \"Nobody's waiting around for January,\" he said.\n")
    assert [f for f in lint("facts.Quotes", text, FACTORY) if "not found" in f.message] == []


BREACH = (ROOT / "tests" / "eval" / "breach" / "sources",)


def test_phone_numbers_and_stolen_goods_are_no_claims():
    text = ("Customers with questions can call the department's Consumer Assistance Unit at 800-831-7225.\n\n"
            "The stolen files included Social Security numbers and birth dates.\n")
    assert lint("sourcing.Unsourced", text, BREACH) == []
    assert [f.category for f in lint("sourcing.Unsourced", "The teller stole cash from the vault for years.\n",
                                     BREACH)] == ["unsourced"]


def test_a_rounded_figure_of_a_source_value_is_sourced():
    # The sources give 287,415 customers in Connecticut.
    text = "Most of those affected, roughly 287,000, live in Connecticut.\n"
    assert lint("sourcing.Unsourced", text, BREACH) == []
    text = "Roughly 538,000 visitors came to the state fair.\n"  # a figure no source gives
    assert [f.category for f in lint("sourcing.Unsourced", text, BREACH)] == ["unsourced"]


MEASLES = (ROOT / "tests" / "eval" / "measles" / "sources",)


def test_a_plain_text_transcript_wrapped_at_a_hundred_columns_keeps_its_turns_whole():
    from newslint.document.plaintext import parse_plaintext
    source = MEASLES[0] / "03_briefing.txt"
    document = parse_plaintext(str(source), source.read_text(encoding="utf-8"))
    turn = next(b for b in document.blocks if document.text.startswith("DR. IBARRA:", b.start))
    assert "respect school boundaries or county lines" in document.text[turn.start:turn.end]
    # Lines that end a sentence still end their paragraph when each line is one (web copy).
    text = ("The council voted on Monday to approve the plan after a long debate about its cost, its reach and "
            "its timing.\n"
            "Residents who spoke at the meeting were divided, and several asked the council to wait another "
            "month or two.\n")
    assert len(parse_plaintext("web.txt", text).blocks) == 2


def test_a_quotation_from_a_wrapped_briefing_turn_is_its_speakers():
    text = ('"Measles doesn\'t respect school boundaries or county lines," Okonkwo-Hale said, adding that state '
            "field epidemiologists were working alongside county staff.\n")
    findings = lint("facts.Attribution", text, MEASLES)
    assert len(findings) == 1 and "Ibarra" in findings[0].message
