"""Claims (figures, attribution, quotes, sourcing) of the eight stories written blind in session 8
(tests/eval: redistricting, avianflu, datacenter, doping, schoolbus, bankfailure, orchestra,
launch) and the older sets, each fixed at its general cause and tested on the story's own text
and on an invented story."""
from __future__ import annotations

import pytest

from people_lint import ROOT, lint, registry_of

EVAL = ROOT / "tests" / "eval"
DATACENTER = (EVAL / "datacenter" / "sources",)
DOPING = (EVAL / "doping" / "sources",)
REDISTRICTING = (EVAL / "redistricting" / "sources",)
SCHOOLBUS = (EVAL / "schoolbus" / "sources",)
HOUSING = (EVAL / "housing" / "sources",)
BRIDGE = (EVAL / "bridge" / "sources",)
LAUNCH = (EVAL / "launch" / "sources",)

# An invented story: a harbor commission leases a pier, with a wire story and a transcript.
WIRE = """\
Harbor board leases east pier

The Vellmar Harbor Commission voted 5-4 on Monday to lease the east pier to Ostrava Freight for 20 years.

An amendment from Commissioner Tobiah Quell to cap the lease at ten years failed 3-6.

The commission's chair, Ilse Brandvik, said the lease would bring the port $1.2 million a year. Mayor Ansgar Pohl sent a letter to the commission before the vote.

Ostrava Freight has 14 cranes on order, a fleet worth about $270 million, the company said.
"""
TRANSCRIPT = """\
VELLMAR HARBOR COMMISSION, REGULAR MEETING

CHAIR ILSE BRANDVIK: We're called to order. The clerk has a letter.

CLERK MARTA ZELL: Madam Chair, I've been asked to read a letter into the record from Mayor Ansgar Pohl. Quote: "The pier belongs to the public, and any lease must say so in plain words." End quote.

COMMISSIONER TOBIAH QUELL: I move to cap the lease at ten years. Twenty years is a generation of this waterfront.

CHAIR ILSE BRANDVIK: The amendment fails. On the lease itself, the motion carries.
"""


@pytest.fixture(scope="module")
def harbor(tmp_path_factory):
    folder = tmp_path_factory.mktemp("harbor") / "sources"
    folder.mkdir()
    (folder / "01_wire.txt").write_text(WIRE)
    (folder / "02_transcript.txt").write_text(TRANSCRIPT)
    return (folder,)


def flagged(rule: str, text: str, sources=()) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]


def messages(rule: str, text: str, sources=()) -> list[str]:
    return [f.message for f in lint(rule, text, sources)]


# -- unsourced: rankings and superlatives -----------------------------------------------------
def test_than_any_other_needs_its_own_sentences_source():
    # The memo sources the water table's drop; nobody ranks the state against the others.
    text = ("That gap has a visible result. The water table has dropped 24 feet since 2005, according to the memo, "
            "an average of 0.7 feet a year. New Mexico has lost more groundwater over the past two decades than any "
            "other Western state.\n")
    found = flagged("sourcing.Unsourced", text, DATACENTER)
    assert any("than any other" in f for f in found)
    # Invented: a county's ranking beside a sourced figure.
    text = ("The county paved 40 miles of road last year, according to the highway office. Norland has paved more "
            "road over the past decade than any other county in the valley.\n")
    assert any("than any other" in f for f in flagged("sourcing.Unsourced", text))
    text = ("The county paved 40 miles of road last year, according to the highway office, which said Norland has "
            "paved more road than any other county in the valley.\n")
    assert flagged("sourcing.Unsourced", text) == []


def test_a_superlative_within_a_named_body_or_a_recent_span_is_a_claim():
    text = "Ostarine has become the most frequently detected banned drug in Irish athletics over the past decade.\n"
    assert flagged("sourcing.Unsourced", text, DOPING) != []
    text = "School bus drivers are the lowest-paid employees in the Millbrook district, earning less than custodians.\n"
    found = flagged("sourcing.Unsourced", text, SCHOOLBUS)
    assert any("lowest-paid employees in the Millbrook district" in f for f in found)
    # Invented, and what stays quiet: a day is no scope, a sourced one is sourced.
    assert flagged("sourcing.Unsourced", "The ferry is the oldest working vessel in Dorrit Bay.\n") != []
    assert flagged("sourcing.Unsourced", "The fastest crossing in Tuesday's race came late.\n") == []
    assert flagged("sourcing.Unsourced", "The ferry is the oldest working vessel in Dorrit Bay, the harbor master said.\n") == []


def test_a_superlative_holding_a_figure_the_sources_give_is_still_a_claim():
    # "two-lane" is the sources' figure; "the busiest ... in Ohio" is nobody's.
    text = "The Kessler Ferry Bridge is the busiest two-lane river crossing in Ohio.\n"
    assert flagged("sourcing.Unsourced", text, BRIDGE) != []


def test_a_record_by_absence_over_years_is_a_claim():
    text = ("No state supreme court in the South has struck down a legislative map on county-splitting grounds in more "
            "than a decade.\n")
    assert flagged("sourcing.Unsourced", text, REDISTRICTING) != []
    assert flagged("sourcing.Unsourced", "No harbor on the coast has leased a pier to a single firm since 1998.\n") != []
    assert flagged("sourcing.Unsourced", "No one has lived in the house since the fire.\n") == []


def test_an_average_in_words_is_a_statistic():
    text = ("Maps drawn under court order have historically cost the majority party an average of four seats in the "
            "next election.\n")
    assert flagged("sourcing.Unsourced", text, REDISTRICTING) != []
    assert flagged("sourcing.Unsourced", "Piers leased for 20 years change hands an average of three times.\n") != []


def test_a_participle_after_ever_is_part_of_the_claim_not_its_source():
    text = "It is the largest data breach ever disclosed by a bank in Connecticut.\n"
    assert flagged("sourcing.Unsourced", text) != []
    assert flagged("sourcing.Unsourced", "It was the highest tide ever recorded at the Vellmar pier.\n") != []
    assert flagged("sourcing.Unsourced", "It was the highest tide in a century, the harbor master reported.\n") == []


# -- vague sources ----------------------------------------------------------------------------
def test_a_group_by_a_named_milieu_or_a_field_is_vague():
    text = "Many in Irish athletics believe the federation was too slow to support her.\n"
    assert flagged("sourcing.VagueSource", text) != []
    text = "The company has offered to pay. Some hydrologists believe the plan saves less water than it claims.\n"
    assert flagged("sourcing.VagueSource", text) != []
    assert flagged("sourcing.VagueSource", "Some geologists say the pier is sinking.\n") != []
    assert flagged("sourcing.VagueSource", "Some Baptists say the church should move.\n") == []


def test_an_audience_told_something_is_no_vague_source():
    text = ("Owen Pritchard, Lumen's chief operating officer, told analysts on a call that the financing was "
            "secure.\n")
    assert flagged("sourcing.VagueSource", text, LAUNCH) == []
    assert flagged("sourcing.VagueSource", "Brandvik told investors on a call that the lease was signed.\n") == []
    assert flagged("sourcing.VagueSource", "Security analysts say the flaw is old.\n") != []


# -- quotations: the reporter's own interview ---------------------------------------------------
def test_a_person_described_or_interviewed_is_the_speaker_of_an_unknown_quote():
    text = ('Luisa Ferraro, who runs a bakery on Ocotillo Avenue, said in an interview after the hearing, "I came '
            'in undecided and I\'m leaving undecided. I just want somebody to show me the math."\n')
    assert flagged("facts.Quotes", text, DATACENTER) == []
    text = ('Hector Baca, who grows alfalfa a few miles up the road, said in a phone interview on Thursday, '
            '"Everybody out here is watching their well. You check it like you check the weather."\n')
    assert flagged("facts.Quotes", text, DATACENTER) == []


def test_an_interviewed_stranger_in_an_invented_story(harbor):
    text = ('Kjeld Saltmarsh said in a phone interview, "Nobody asked the crews who work that pier at night."\n')
    assert flagged("facts.Quotes", text, harbor) == []
    # A known person's words that no source has are still not found.
    text = 'Brandvik said, "Nobody asked the crews who work that pier at night."\n'
    assert flagged("facts.Quotes", text, harbor) != []


# -- attribution: a document read out --------------------------------------------------------------
def test_a_letter_read_into_the_record_is_its_writers():
    text = ('In a letter read into the record by Sisneros, state Sen. Adela Rincón asked the board to wait. "A decision '
            'of this magnitude should not be made faster than the science can be done," Rincón wrote.\n')
    assert flagged("facts.Attribution", text, DATACENTER) == []
    text = '"A decision of this magnitude should not be made faster than the science can be done," Sisneros said.\n'
    assert flagged("facts.Attribution", text, DATACENTER) != []


def test_a_letter_read_out_in_an_invented_meeting(harbor):
    quotes = {q.speaker for q in registry_of(harbor).quotes if "belongs to the public" in q.text}
    assert quotes == {"Ansgar Pohl"}
    text = '"The pier belongs to the public, and any lease must say so in plain words," Pohl wrote.\n'
    assert flagged("facts.Attribution", text, harbor) == []
    text = '"The pier belongs to the public, and any lease must say so in plain words," Zell said.\n'
    assert flagged("facts.Attribution", text, harbor) != []


# -- figures: votes ---------------------------------------------------------------------------------
def test_a_ruling_and_a_vote_of_give_a_tally():
    text = ("FRANKFORT, Ky. — The Kentucky Supreme Court on Friday struck down the map of the state's 100 House "
            "districts in a 5-2 decision, ruling that the Republican-led General Assembly carved up too many counties.\n")
    found = flagged("facts.Figures", text, REDISTRICTING)
    assert "5-2" in found


def test_a_vote_the_sources_never_give_by_as_many_voters_as_one_they_do():
    text = "The plan passed 7-2 shortly after 11 p.m., following nearly five hours of debate.\n"
    found = lint("facts.Figures", text, SCHOOLBUS)
    assert [f.text for f in found] == ["7-2"] and "6-3" in found[0].message and found[0].severity == "warning"
    text = "The plan passed 6-3 shortly after 11 p.m., following nearly five hours of debate.\n"
    assert flagged("facts.Figures", text, SCHOOLBUS) == []
    text = "Szabo said he had proposed capping the buildings at three stories. The amendment failed 3-4.\n"
    assert "3-4" in flagged("facts.Figures", text, HOUSING)


def test_an_invented_vote(harbor):
    found = lint("facts.Figures", "Quell's amendment failed 2-7.\n", harbor)
    assert [f.text for f in found] == ["2-7"] and "3-6" in found[0].message
    # Another body's vote (another number of voters) and the sources' own tallies stay quiet.
    assert flagged("facts.Figures", "The state senate passed the port bill 31-8.\n", harbor) == []
    assert flagged("facts.Figures", "The commission voted 5-4 to lease the pier.\n", harbor) == []
    assert flagged("facts.Figures", "The amendment failed 6-3.\n", harbor) == []


# -- figures: bounds, dates, transposed digits -------------------------------------------------------
def test_no_more_than_is_an_upper_bound():
    text = ("Orla Kinsella has asked the Court of Arbitration for Sport to cut her four-year anti-doping ban to no "
            "more than six months, arguing that a contaminated beetroot supplement was to blame.\n")
    found = lint("facts.Figures", text, DOPING)
    assert [f.text for f in found] == ["six"] and "at most 12 months" in found[0].message


def test_a_margin_of_time_does_not_make_a_date_a_margin():
    text = ("Kentucky lawmakers have until Dec. 16 to draw a new state House map, and the officials who run the "
            "state's elections say that leaves them almost no margin before candidates must file for office on Jan. 19.\n")
    assert "Jan. 19" in flagged("facts.Figures", text, REDISTRICTING)


def test_transposed_digits_of_an_amount_named_by_another_noun():
    text = ("Brightwater, which employs 640 people, says it has 22 launches under contract worth about $140 million.\n")
    found = lint("facts.Figures", text, LAUNCH)
    assert [f.text for f in found] == ["140"] and "transposed" in found[0].message


def test_transposed_digits_in_an_invented_story(harbor):
    text = "Ostrava Freight has 14 cranes on order, cranes worth about $720 million, the company said.\n"
    assert flagged("facts.Figures", text, harbor) == ["720"]
    text = "Ostrava Freight has 14 cranes on order, cranes worth about $270 million, the company said.\n"
    assert flagged("facts.Figures", text, harbor) == []


# -- figures: one digit off --------------------------------------------------------------------------
BANKFAILURE = (EVAL / "bankfailure" / "sources",)
DROUGHT = (EVAL / "drought" / "sources",)
WILDFIRE = (EVAL / "wildfire" / "sources",)
RIVERSPILL = (EVAL / "riverspill" / "sources",)
DOPING_DRAFT_QUOTE = '"Every athlete who pulls on the green vest is entitled to compete against clean rivals," '


def test_a_figure_one_digit_off_a_sources_in_a_short_clause():
    text = "By the end of September, Kimbrough said, the ratio stood at 2.6 percent.\n"
    found = lint("facts.Figures", text, BANKFAILURE)
    assert [f.text for f in found] == ["2.6"] and "1.6 percent" in found[0].message and found[0].severity == "warning"
    text = "His grandfather planted the first of his roughly 9,000 trees in 1971.\n"
    assert flagged("facts.Figures", text, DROUGHT) == ["1971"]
    text = ("Evacuees spent another night on cots in the Millbrook High School gym as the fire, 25 percent contained "
            "by Tuesday, pushed deeper into the canyon.\n")
    assert "25" in flagged("facts.Figures", text, WILDFIRE)
    # The sources' own value, and a bound that a source's value satisfies, stay quiet.
    text = "His grandfather planted the first of his roughly 9,000 trees in 1961.\n"
    assert flagged("facts.Figures", text, DROUGHT) == []
    text = "A storage tank at the Wexley plant split open shortly after 11 p.m. Sunday, releasing more than 11,000 gallons of a styrene mixture.\n"
    assert flagged("facts.Figures", text, RIVERSPILL) == []


def test_one_digit_off_in_an_invented_story(harbor):
    assert flagged("facts.Figures", "Ostrava Freight has 19 cranes on order, the company said.\n", harbor) == ["19"]
    assert flagged("facts.Figures", "Ostrava Freight has 14 cranes on order, the company said.\n", harbor) == []
    # A rounding is no slip: "$1 million a year" for $1.2 million.
    assert flagged("facts.Figures", "Brandvik said the lease would bring the port about $1 million a year.\n", harbor) == []


# -- attribution: a statement's layout -------------------------------------------------------------
def test_a_quotation_under_a_paragraph_ending_said_colon_is_its_speakers():
    speakers = {q.speaker for q in registry_of(DOPING).quotes if "green vest" in q.text}
    assert speakers == {"Fergal Moynihan"}
    text = DOPING_DRAFT_QUOTE + "Roddy said when the decision was published in October.\n"
    assert flagged("facts.Attribution", text, DOPING) != []


def test_a_statement_layout_in_an_invented_release(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "release.md").write_text(
        "# Port statement\n\nThe Vellmar Harbor Commission's chair, Ilse Brandvik, thanked the crews. Tobiah Quell "
        "voted against the lease.\n\nIlse Brandvik, chair of the Vellmar Harbor Commission, said:\n\n"
        '"No pier on this coast has been better kept, and no crew has worked harder to keep it open."\n')
    text = '"No pier on this coast has been better kept, and no crew has worked harder to keep it open," Quell said.\n'
    assert flagged("facts.Attribution", text, (folder,)) != []
    text = '"No pier on this coast has been better kept, and no crew has worked harder to keep it open," Brandvik said.\n'
    assert flagged("facts.Attribution", text, (folder,)) == []


# -- unsourced: general rules, counted sets, documents as sources ---------------------------------------
def test_a_general_rule_with_its_size_needs_its_own_sentences_source():
    text = ("Property values near large wind farms typically fall by 10 to 15 percent, and ranchers here worry their "
            "land will be hardest to sell. The commission's order said it was not persuaded by that argument.\n")
    found = flagged("sourcing.Unsourced", text)
    assert found and "typically fall by 10 to 15 percent" in found[0]
    text = "Piers leased to one firm typically lose 20 percent of their traffic, the harbor master said.\n"
    assert flagged("sourcing.Unsourced", text) == []
    text = "The commission typically meets 12 times a year. The clerk said the schedule was set in January.\n"
    assert flagged("sourcing.Unsourced", text) == []


def test_every_member_of_a_counted_set_is_a_statistic():
    text = ("The strain now circulating has turned up in commercial or backyard poultry in every one of the 48 "
            "contiguous states since 2022.\n")
    assert flagged("sourcing.Unsourced", text) != []
    assert flagged("sourcing.Unsourced", "The ferry line now calls at ports in all 14 counties of the coast.\n") != []
    assert flagged("sourcing.Unsourced", "All 12 jurors voted to convict.\n") == []


def test_a_document_that_shows_is_a_source():
    text = ("Musician salaries and benefits account for more than 40 percent of the association's expenses, the fact "
            "sheet shows.\n")
    assert flagged("sourcing.Unsourced", text) == []
    assert flagged("sourcing.Unsourced", "Crane rentals cost the port $2 million a year, the commission's budget shows.\n") == []
    assert flagged("sourcing.Unsourced", "Crane rentals cost the port $2 million a year.\n") != []


# -- figures: another event's day, another person's figure --------------------------------------------
ORCHESTRA = (EVAL / "orchestra" / "sources",)
BRIBERY = (EVAL / "bribery" / "sources",)
STADIUM = (EVAL / "stadium" / "sources",)


def test_the_end_of_a_run_of_events_is_no_events_day():
    text = ("The cancellations, announced Oct. 9 by the Lakeport Symphony Orchestra Association, include the "
            "season-opening gala on Oct. 11 and three performances of Mahler's \"Resurrection\" Symphony.\n")
    assert "Oct. 11" not in flagged("facts.Figures", text, ORCHESTRA)


def test_a_weekday_of_another_act_is_not_compared():
    text = ("HARRISBURG — Gerald M. Hoskins, who ran Tanner County's road department for a decade, was sentenced "
            "Thursday to nearly four years in federal prison for taking more than $310,000 in bribes from two "
            "contractors who were rewarded with county paving and culvert work.\n")
    assert "Thursday" not in flagged("facts.Figures", text, BRIBERY)
    # The same act in other words is still compared ("agreed" for the sources' "voted").
    text = ("The Ashgrove City Council agreed late Monday to put up to $146 million in city money toward a new "
            "downtown ballpark for the Ironbirds.\n")
    assert "Monday" in flagged("facts.Figures", text, STADIUM)


def test_another_persons_figure_is_not_compared():
    text = ("Prentiss pleaded guilty Aug. 12 to conspiracy to commit federal program bribery and faces up to five "
            "years in prison.\n")
    assert flagged("facts.Figures", text, BRIBERY) == []


def test_another_person_in_an_invented_story(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "wire.txt").write_text(
        "Ilse Brandvik, the harbor commission's chair, and Tobiah Quell, a commissioner, were both charged.\n\n"
        "Tobiah Quell, 57, pleaded guilty to one count of fraud. He faces up to 10 years in prison.\n")
    assert flagged("facts.Figures", "Brandvik pleaded guilty and faces up to five years in prison.\n", (folder,)) == []
    assert flagged("facts.Figures", "Quell pleaded guilty and faces up to five years in prison.\n", (folder,)) != []


def test_street_groups_and_rank_are_left_alone():
    # People met in the street are not a field's experts; seniority in a body is no measured superlative.
    assert flagged("sourcing.VagueSource", "Some tourists said the beach was closed.\n") == []
    assert flagged("sourcing.Unsourced", "She is the most senior Democrat in the Senate.\n") == []
    assert flagged("sourcing.Unsourced", "He is the highest-ranking officer in the Army.\n") == []


WATER = (EVAL / "water" / "sources",)


def test_a_vote_the_sources_write_only_in_words():
    # "CITY CLERK: The resolution passes, six to one, Council Member Talbot voting no."
    text = ("A day after the City Council voted 5-2 to ask that former utility director Gregory Lindqvist be "
            "removed from his post.\n")
    found = lint("facts.Figures", text, WATER)
    assert [f.text for f in found] == ["5-2"] and "6-1" in found[0].message and "7-0" not in found[0].message
    text = "A day after the City Council voted 6-1 to ask that Gregory Lindqvist be removed from his post.\n"
    assert flagged("facts.Figures", text, WATER) == []


def test_a_vote_in_words_in_an_invented_meeting(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "minutes.txt").write_text(
        "CHAIR ILSE BRANDVIK: The lease resolution is before us. It runs 20 years at $1.2 million a year.\n\n"
        "CLERK MARTA ZELL: The lease resolution passes, eight to one, Commissioner Quell voting no.\n\n"
        "CHAIR ILSE BRANDVIK: Thank you. We are adjourned.\n")
    assert flagged("facts.Figures", "The commission voted 7-2 to approve the lease.\n", (folder,)) == ["7-2"]
    assert flagged("facts.Figures", "The commission voted 8-1 to approve the lease.\n", (folder,)) == []
    assert flagged("facts.Figures", "The state senate passed the port bill 31-8.\n", (folder,)) == []


def test_the_cues_that_need_their_own_sentences_source_have_a_real_prefilter():
    # A sentence of an attributed paragraph is searched for claims only when one of these cues'
    # literal needs is met (sourcing.sentence_cues): an ordinary sentence must not meet them.
    import yaml

    from newslint.kinds.attribution import _expand
    from newslint.kinds.literals import Folded, Needs

    lexicon = yaml.safe_load((ROOT / "rules" / "sourcing" / "lexicon" / "sourcing.yml").read_text())
    unsourced = yaml.safe_load((ROOT / "rules" / "sourcing" / "Unsourced.yml").read_text())
    plain = Folded.of("The meeting, which began at 6 p.m., stretched past midnight as speakers lined up to "
                      "address the board and to ask about the 2027 budget.")
    for kind in unsourced["sentence_claims"]:
        for cue in lexicon["claims"][kind]["cues"]:
            needs = Needs.of(_expand(cue, lexicon["define"], "claims"))
            assert needs and not needs.met_by(plain), (kind, cue)
