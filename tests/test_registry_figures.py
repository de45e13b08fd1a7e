"""Figure extraction: kinds, normalised values, unit nouns and context words, on the seeds, on
the courtcase story and on small texts; and conflicting figures kept with their support."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.document import parse_document
from newslint.plugins import get_plugins
from newslint.registry.build import build_registry, read_sources
from newslint.registry.extractors.figures import FigureExtractor
from newslint.registry.numbers import find_figures

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds():
    return build_registry(read_sources([ROOT / "seeds"]), get_plugins().fact_extractors())


@pytest.fixture(scope="module")
def court():
    return build_registry(read_sources([ROOT / "tests/stories/courtcase/sources"]), [FigureExtractor()])


def figures(text: str):
    return find_figures(parse_document("x.md", text))


def test_the_april_16_call_lasted_45_minutes(seeds):
    calls = [f for f in seeds.figures if f.kind == "duration" and f.unit in ("call", "conver")]
    assert calls and {f.value for f in calls} == {"2700s"}  # 45 minutes, in every source
    assert all("16" in f.context for f in calls)  # ... of the April 16 call
    dates = {f.value for f in seeds.figures if f.kind == "date" and ("call" in f.context or "conver" in f.context)}
    assert dates == {"04-16"}
    assert {f.provenance.source.rsplit("/", 1)[-1][:3] for f in calls} == {"000", "001"}


def test_mexico_has_suffered_two_invasions_since_1846(seeds):
    invasions = [f for f in seeds.figures if f.kind == "count" and f.unit == "invasi"]
    assert len(invasions) == 2 and {f.value for f in invasions} == {"2"}
    assert all("1846" in f.context for f in invasions)
    assert all(f.text == "two invasions" for f in invasions)


def test_the_seeds_do_not_disagree_on_any_figure(seeds):
    assert not [c for c in seeds.conflicts if c.topic.split(":")[0].split()[0] in
                ("count", "amount", "percent", "duration", "date", "month", "year")]


@pytest.mark.parametrize(("text", "kind", "value", "unit"), [
    ("The 45-minute call ended badly.", "duration", "2700s", "call"),
    ("The protests lasted two decades.", "duration", "630720000s", ""),
    ("There were two invasions since 1846.", "count", "2", "invasi"),
    ("The virus caused more than 450,000 deaths in the region.", "count", "450000", "death"),
    ("About 1.2 million people voted.", "count", "1200000", "people"),
    ("Turnout rose to 12.5 percent of voters.", "percent", "12.5%", "voter"),
    ("Turnout was 40% this year.", "percent", "40%", ""),
    ("The city spent $1.2 million on roads.", "amount", "1200000 dollar", ""),
    ("The club paid 30 million euros for him.", "amount", "30000000 euro", ""),
    ("The vote was held on April 16.", "date", "04-16", ""),
    ("The vote was held on 16 April 2024.", "date", "2024-04-16", ""),
    ("The law changed in February.", "month", "02", ""),
    ("The law changed in May 2023.", "month", "2023-05", ""),
    ("The bridge opened in 1932.", "year", "1932", ""),
    ("Twenty-five councillors voted for it.", "count", "25", "counci"),
    ("The council voted 7-2 to approve the plan.", "tally", "7-2", "vote"),
    ("United won a 3–1 victory.", "tally", "3-1", "victor"),
])
def test_kinds_and_normalised_values(text, kind, value, unit):
    found = [f for f in figures(text) if f.kind == kind]
    assert found, figures(text)
    assert (found[0].value, found[0].unit) == (value, unit)


@pytest.mark.parametrize("text", [
    "The rules may serve as a warning.",
    "One of the calls was cut short.",
    "They march on the capital every year.",
    "It was the first time he spoke.",
    "Children aged 10-15 were excluded.",
])
def test_words_that_only_look_like_figures(text):
    assert figures(text) == []


def test_context_holds_names_as_written_and_other_words_as_stems():
    figure = figures("Trump designated several Mexican cartels as terrorist organizations in February.")[0]
    assert figure.kind == "month"
    assert {"Trump", "Mexican", "design", "cartel", "terror", "organi"} <= set(figure.context)


def test_court_figures_and_their_unit_nouns(court):
    by_text = {f.text: f for f in court.figures}
    assert by_text["14 counts"].value == "14" and by_text["14 counts"].unit == "count"
    assert by_text["Twelve witnesses"].value == "12"
    assert by_text["three-week trial"].kind == "duration" and by_text["three-week trial"].unit == "trial"
    assert by_text["March 14"].value == "03-14" and by_text["October 2023"].value == "2023-10"


def test_conflicting_amounts_are_kept_with_their_support(court):
    [conflict] = [c for c in court.conflicts if c.topic.startswith("amount")]
    sides = dict(conflict.sides)
    assert len(sides["$2.4 million"]) == 2 and len(sides["$2.6 million"]) == 1
    assert conflict.sides[0][0] == "$2.4 million"  # the majority first
    assert {p.source.rsplit("/", 1)[-1] for p in sides["$2.6 million"]} == {"03_metro_wire.md"}


@pytest.mark.parametrize(("text", "kind", "value", "unit", "bound"), [
    ("The recall covers more than 212,000 vehicles.", "count", "212000", "vehicl", "more"),
    ("The repair takes about 90 minutes.", "duration", "5400s", "", "about"),
    ("Nearly 400 people attended.", "count", "400", "people", "nearly"),
    ("The deal includes up to $6 million in bonuses.", "amount", "6000000 dollar", "", "less"),
    ("The 2,400 seats were sold.", "count", "2400", "seat", ""),
    ("The model accounted for roughly a third of sales last year.", "percent", "33.333%", "sale", "about"),
    ("Half of the voters stayed home.", "percent", "50%", "voter", "about"),
    ("One in four drivers said the pedal felt soft.", "percent", "25%", "driver", "about"),
    ("She flew to Lisbon twice before the sale.", "count", "2", "time", ""),
    ("She flew to Lisbon three times before the sale.", "count", "3", "time", ""),
    ("The team starts a four-match tour in July.", "count", "4", "match", ""),
    ("The team plays five matches in July.", "count", "5", "match", ""),
    ("The painting arrived on Tuesday.", "weekday", "tuesday", "", ""),
    ("The first offer, worth $2.1 million, was rejected.", "amount", "2100000 dollar", "offer", ""),
    ("They agreed a fee of £48 million.", "amount", "48000000 pound", "fee", ""),
    ("Harcourt paid £41 million followed by a bonus.", "amount", "41000000 pound", "", ""),
])
def test_bounds_count_words_fractions_weekdays_and_amount_heads(text, kind, value, unit, bound):
    found = [f for f in figures(text) if f.kind == kind]
    assert found, figures(text)
    assert (found[0].value, found[0].unit, found[0].bound) == (value, unit, bound)


@pytest.mark.parametrize("text", [
    "The new wing is twice as large as the old one.",
    "The new wing is three times the size of the old one.",
    "They scored in the second half of the match.",
    "She won one in 2019 and lost one in 2020.",
    "The change needs a two-thirds majority.",
    "It was a one-off payment.",
])
def test_comparisons_and_halves_that_are_not_figures(text):
    assert [f for f in figures(text) if f.kind in ("count", "percent")] == []


def test_a_figure_knows_the_dates_of_its_clause():
    text = "The offer was rejected on June 20, three days after talks opened on June 17."
    [duration] = [f for f in figures(text) if f.kind == "duration"]
    assert duration.anchors == ("<date:06-20", "<event:offer|reject", ">date:06-17")
    [count] = [f for f in figures("In March 2019, the museum bought 40 prints.") if f.kind == "count"]
    assert count.anchors == ("<month:2019-03",)


def test_the_sentence_subject_is_in_the_context_across_a_relative_clause():
    [count] = [f for f in figures("Marsh, who joined the museum in 2016, has organised 14 exhibitions.") if f.kind == "count"]
    assert "Marsh" in count.context


@pytest.mark.parametrize(("a", "b", "agree"), [
    (("count", "212400", ""), ("count", "212000", "more"), True),
    (("count", "200000", ""), ("count", "212000", "more"), False),
    (("duration", "5400s", "about"), ("duration", "5100s", ""), True),
    (("duration", "7200s", "about"), ("duration", "5400s", "about"), False),
    (("percent", "50%", "about"), ("percent", "33.333%", "about"), False),
    (("percent", "33%", "about"), ("percent", "33.333%", "about"), True),
    (("amount", "5000000 dollar", ""), ("amount", "6000000 dollar", "less"), True),
    (("amount", "5000000 euro", ""), ("amount", "6000000 dollar", "less"), False),
    (("month", "2023-05", ""), ("month", "2024-05", ""), False),
    (("month", "05", ""), ("month", "2024-05", ""), True),
    (("date", "2025-04-16", ""), ("date", "04-16", ""), True),
])
def test_bounds_and_approximations_agree_with_the_values_they_allow(a, b, agree):
    from newslint.registry.figurematch import consistent

    assert consistent(a[0], a[1], a[2], b[1], b[2]) is agree


MUSEUM = ROOT / "tests/stories/museum/sources"


def test_museum_sources_do_not_disagree():
    # Figures about other people (14 exhibitions by Marsh, six by her deputy), other events
    # (40 prints in March 2019, 65 on Thursday) or within a bound (more than 3,000 and 3,180
    # visitors) are not conflicts.
    registry = build_registry(read_sources([MUSEUM]), get_plugins().fact_extractors())
    assert [c.topic for c in registry.conflicts if c.topic.split(":")[0].split()[0] in
            ("count", "amount", "percent", "duration", "date", "month", "year", "weekday")] == []
