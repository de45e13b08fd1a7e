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
