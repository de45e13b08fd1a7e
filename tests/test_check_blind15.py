"""False alarms and misses found on the six stories written blind in session 15 (tests/eval:
tornado, teacherstrike, casino, algae, ambulance, pipeline) and on the registries of the
session-14 stories, each fixed at its form and tested on invented text."""
from __future__ import annotations

from people_lint import lint, registry_of, write_sources


def people_of(sources) -> set[str]:
    return {e.canonical for e in registry_of(sources).entities if e.kind == "person"}


def test_titles_ranks_places_and_firms_are_not_people(tmp_path):
    sources = write_sources(tmp_path, (
        "ELMWOOD — Ann Roe, president and Chief Executive Officer of Marlin Pumps, said on Monday that the "
        "plant would close. Lt. Cmdr. Tom Poe, the harbor's commander, said he agreed. Petty Officer Second "
        "Class Lena Ibsen said she saw the fire first.\n\n"
        "Several residents of Quill Hollow said the water had smelled for weeks. Dana Fisk, of Quill Hollow, "
        "said she had called twice.\n\n"
        "Roe's lawyer, Carl Mott of Vance & Mott LLP, said Roe would appeal. Fisk said Verde Campo has "
        "400 members. The Verde Campo Growers Alliance called for an inquiry, and Verde Campo said it "
        "would meet in May.\n"))
    people = people_of(sources)
    assert {"Ann Roe", "Tom Poe", "Lena Ibsen", "Dana Fisk", "Carl Mott"} <= people
    # a title with no name after it, a rank between two stops, a rating's class, a place whose
    # residents speak, a law firm's partner names, an organisation's short name
    assert not people & {"Executive Officer", "Cmdr", "Class Lena Ibsen", "Quill Hollow", "Vance", "Verde Campo"}, people
