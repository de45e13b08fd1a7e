"""Misses and false alarms two blind stories showed (tests/eval/riverspill, scored blind at the
end of the last session: recall 0.70; tests/eval/portstrike, blind this session: recall 0.57,
precision 0.81), each fixed at its general cause. Each test lints a sentence of the stories'
drafts (or a close variant) against the story's own sources."""
from __future__ import annotations

from people_lint import ROOT, lint, registry_of

RIVER = (ROOT / "tests" / "eval" / "riverspill" / "sources",)
PORT = (ROOT / "tests" / "eval" / "portstrike" / "sources",)


# -- people the sources name in forms the extractor used to miss ----------------------------------
def test_a_role_label_line_names_its_holder():
    # "Judge: Eleanor Whitcombe" heads the court summary; the body says only "Judge Whitcombe".
    judge = registry_of(RIVER).person_by_name("Whitcombe")
    assert judge is not None and judge.canonical == "Eleanor Whitcombe"
    text = "On Friday, Judge Eleanor Whitcomb granted a temporary restraining order.\n"
    assert [f.text for f in lint("facts.Names", text, RIVER)] == ["Eleanor Whitcomb"]


def test_a_particle_before_a_surname_is_no_given_name():
    # "Inês da Rocha", "Ms. da Rocha" and the transcript's "MS. DA ROCHA" are one person.
    registry = registry_of(PORT)
    people = [e for e in registry.people if "Rocha" in e.canonical]
    assert [p.canonical for p in people] == ["Inês da Rocha"]
    assert {"da Rocha", "DA ROCHA"} <= {v.form for v in people[0].variants}


def test_the_honourable_is_an_honorific_not_a_name():
    kwon = registry_of(PORT).person_by_name("Kwon")
    assert kwon is not None and kwon.canonical == "Hye-jin Kwon"


def test_an_occupation_in_an_appositive_makes_a_person():
    # "Ana Beatriz Coutinho, the agency's on-scene coordinator, said …": she never speaks alone.
    coordinator = registry_of(RIVER).person_by_name("Coutinho")
    assert coordinator is not None and coordinator.gender == "female"


# -- names ---------------------------------------------------------------------------------
def test_a_role_opening_the_sentence_is_no_part_of_the_name():
    # "harbour" is also written in lowercase in the draft; "Harbour Master" is still the title.
    text = ("Ships were waiting off the harbour on Saturday.\n\n"
            "Harbour Master Dariusz Kowalcyzk said every terminal would be working ships by Sunday afternoon.\n")
    findings = lint("facts.Names", text, PORT)
    assert [f.text for f in findings] == ["Dariusz Kowalcyzk"] and "Dariusz Kowalczyk" in findings[0].message


def test_one_persons_given_name_with_anothers_surname():
    # The minister is Hye-jin Kwon; Yoon is the shippers' leader Sung-ho Yoon.
    text = "Transport Minister Hye-jin Yoon had said she would introduce back-to-work legislation.\n"
    findings = lint("facts.Names", text, PORT)
    assert [(f.text, f.severity) for f in findings] == [("Hye-jin Yoon", "error")]
    assert "Hye-jin Kwon" in findings[0].message and "Sung-ho Yoon" in findings[0].message
    # Without a title that tells which of the two is meant: a warning.
    text = "Joanna Kowalczyk has met the two sides separately and together since last week.\n"
    findings = lint("facts.Names", text, PORT)
    assert [(f.text, f.severity) for f in findings] == [("Joanna Kowalczyk", "warning")]
    # The right names are left alone.
    text = "Joanna Wiśniewska met both sides. Harbour master Dariusz Kowalczyk kept the queue.\n"
    assert lint("facts.Names", text, PORT) == []


# -- quotations ----------------------------------------------------------------------------
def test_a_speaker_with_an_appositive_after_the_quotation():
    text = ('"Carbon buys us margin. It does not buy us certainty," Kwame Boateng, the authority\'s general '
            'manager, told the board.\n')
    findings = lint("facts.Attribution", text, RIVER)
    assert len(findings) == 1 and "Ingrid Solheim" in findings[0].message


def test_an_attribution_finding_covers_the_speaker_and_a_partial_quote():
    text = ("Francisco Teixeira, who led the employers' bargaining team, described the strike's final days as "
            '"a slow-motion pileup" for everyone involved.\n')
    findings = lint("facts.Attribution", text, PORT)
    assert len(findings) == 1 and "Sung-ho Yoon" in findings[0].message
    assert findings[0].text.startswith("Francisco Teixeira") and findings[0].text.endswith('pileup"')


def test_a_hearing_transcripts_labelled_turns_are_quotations():
    # "MR. ADEYEMI: We will go back to work …" in the committee transcript.
    registry = registry_of(PORT)
    said = [q for q in registry.quotes if q.text.startswith("We will go back to work the day")]
    assert [q.speaker for q in said] == ["Chukwuemeka Adeyemi"]
    text = ('"We will go back to work the day there is a deal that protects those jobs, and not a day before," '
            "union spokesperson Oluwaseun Bankole said.\n")
    findings = lint("facts.Attribution", text, PORT)
    assert len(findings) == 1 and "Chukwuemeka Adeyemi" in findings[0].message


def test_labels_that_name_nobody_are_no_turns():
    # The court summary's header ("Judge: …", "Filed: …") and the release's "Media contact:" block.
    registry = registry_of(RIVER)
    assert not [q for q in registry.quotes if q.text.startswith(("Eleanor Whitcombe", "Thursday"))]


# -- titles --------------------------------------------------------------------------------
def test_an_office_someone_else_holds_for_a_person_with_another_attested_office():
    # Ocampo is "the company's general counsel" (once); Zhao is vice president for environmental
    # health and safety (twice).
    text = "Mei-Ling Zhao, Danforth's general counsel, told state inspectors the valve should have been closed.\n"
    findings = lint("facts.Titles", text, RIVER)
    assert [f.severity for f in findings] == ["warning"] and "Rafael Ocampo" in findings[0].message


# -- sourcing ------------------------------------------------------------------------------
def test_a_comparison_as_the_object_of_a_speech_verb_is_unsourced():
    text = ("The Wexley plant has reported more chemical releases than any other plant in Carrow County over "
            "the past decade.\n")
    assert [f.category for f in lint("sourcing.Unsourced", text, RIVER)] == ["unsourced"]
    text = "The state agency reported that the plant had more releases than any other in the county.\n"
    assert lint("sourcing.Unsourced", text, RIVER) == []


def test_an_adjective_that_opens_the_sentence_is_no_institution():
    # "Environmental" is capitalised elsewhere only inside "Indiana Department of Environmental
    # Management"; "Treasury analysts" stays named where "the Treasury" stands alone.
    text = ("The Indiana Department of Environmental Management opened an inquiry.\n\n"
            "Environmental advocates say the state's reporting rule is among the weakest in the Midwest.\n")
    assert [f.text for f in lint("sourcing.VagueSource", text, RIVER)] == ["advocates say"]
    text = ("The plan was drafted by the Treasury last year.\n\n"
            "Treasury analysts say the plan will cost more than expected.\n")
    assert lint("sourcing.VagueSource", text, RIVER) == []


def test_a_hyphenated_superlative_is_a_claim():
    text = "The provisions make the dockworkers the highest-paid and best-protected port workers in the country.\n"
    findings = lint("sourcing.Unsourced", text, PORT)
    assert len(findings) == 1 and "highest-paid" in findings[0].message


def test_a_breach_is_an_allegation_of_the_whole_clause():
    text = ("Northgate has quietly brought in non-union crews to move refrigerated cargo off the docks at night, "
            "in breach of the strike protocol.\n")
    findings = lint("sourcing.Unsourced", text, PORT)
    assert len(findings) == 1 and findings[0].text.startswith("Northgate has quietly brought in")


def test_a_fact_sheet_labels_count_is_of_the_labels_noun():
    # "Vessels diverted to other ports: 21 in total" (fact sheet) beside "Seventeen vessels have
    # been diverted" (the wire, days earlier): the draft's 21 is the fact sheet's total.
    registry = registry_of(PORT)
    total = [f for f in registry.figures if f.value == "21" and "04_factsheet" in f.provenance.source]
    assert [f.unit for f in total] == ["vessel"] and "divert" in total[0].context
    text = "In all, 21 vessels were diverted to other ports during the strike.\n"
    assert lint("facts.Figures", text, PORT) == []
    text = "In all, 23 vessels were diverted to other ports during the strike.\n"
    assert [f.text for f in lint("facts.Figures", text, PORT)] == ["23"]


def test_a_role_reference_before_its_holders_name_is_that_person():
    # "The … on-scene coordinator, Ana Beatriz Coutinho, said …" then '"…," he said.'
    text = ("The U.S. Environmental Protection Agency's on-scene coordinator, Ana Beatriz Coutinho, said crews "
            "had strung booms at four points downstream.\n\n"
            '"The heaviest concentration is moving downstream at about a mile an hour," he said.\n')
    findings = lint("facts.Pronouns", text, RIVER)
    assert [f.text for f in findings] == ["he"] and "Ana Beatriz Coutinho" in findings[0].message


def test_a_weak_confirmation_gives_way_to_a_far_closer_contradiction():
    # Three sources: the intake closed at 6:30 a.m. Monday. A Tuesday in the minutes shares only
    # "river" and "intake" ("the plume reached the stretch of river above the intake Tuesday night").
    text = "Port Ellery closed its river intake at 6:30 a.m. Tuesday, hours before the chemical arrived.\n"
    findings = lint("facts.Figures", text, RIVER)
    assert [f.text for f in findings] == ["Tuesday"] and "Monday" in findings[0].message
    text = "Port Ellery closed its river intake at 6:30 a.m. Monday, hours before the chemical arrived.\n"
    assert lint("facts.Figures", text, RIVER) == []


def test_another_one_holder_office_when_neither_names_its_organisation():
    # Inês da Rocha is "the port authority's president and chief executive" (twice): the draft's
    # "the port authority's chief operating officer" (her title before 2024) is another office.
    text = ('Inês da Rocha, the port authority\'s chief operating officer, thanked the mediator "for her '
            'patience through a very long night."\n')
    findings = lint("facts.Titles", text, PORT)
    # (An error since "President and Chief Executive Officer of the Halverston Port Authority" is read
    # too: four mentions, at an organisation the draft's "the port authority's" agrees with.)
    assert [f.severity for f in findings] == ["error"] and "president and chief executive" in findings[0].message
    text = ("Inês da Rocha, the port authority's president and chief executive, thanked the mediator.\n")
    assert lint("facts.Titles", text, PORT) == []
