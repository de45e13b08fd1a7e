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
