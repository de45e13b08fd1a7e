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
