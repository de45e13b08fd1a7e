"""A notebook's field label before a quotation ("Quote: "…"") names no speaker: the registry
must not make "Quote" a person who said the words, or every draft that gives them to their real
speaker is told the sources give them to "Quote"."""
from __future__ import annotations

from people_lint import lint, write_sources

NOTES = ("REPORTER'S NOTES, Tuesday\n\n"
         "--- 9:15 a.m., bakery, Main Street ---\n"
         "Ann Roe, owner (she). Shop open 11 years. Sales down by half since the bridge closed.\n"
         "Quote: \"People here are buying bread. Nobody is buying cakes.\"\n"
         "Q: \"Will you stay open?\"\n"
         "\n"
         "--- 11:30 a.m., phone, Tom Poe, fish plant ---\n"
         "Owner (he). 34 employees, none laid off.\n"
         "Note: \"The pass is the problem, not the fish.\"\n")


def test_a_field_label_is_no_speaker(tmp_path):
    sources = write_sources(tmp_path, NOTES)
    for text in ('"People here are buying bread. Nobody is buying cakes," Roe said.\n',
                 'Ann Roe runs the bakery. "People here are buying bread. Nobody is buying cakes," she said.\n',
                 '"The pass is the problem, not the fish," said Tom Poe, who owns the plant.\n'):
        assert [f.message for f in lint("facts.Attribution", text, sources)] == [], text


def test_a_named_label_is_still_a_speaker(tmp_path):
    sources = write_sources(tmp_path, NOTES + "Tom Poe: \"We froze a third of the catch this week.\"\n")
    text = '"We froze a third of the catch this week," said Ann Roe.\n'
    assert [f.text for f in lint("facts.Attribution", text, sources)] == ["Ann Roe"]


SECTIONS = ("REPORTER'S NOTES\n\n"
            "Ann Roe, the editor of the Journal of Bridges, said she would talk. Tom Poe, a former fellow "
            "at the lab, said he filed the complaint.\n\n"
            "--- Phone call, Dr. Ann Roe, editor, Journal of Bridges (Wed. Nov. 18) ---\n\n"
            "- Journal has retracted two papers. Roe says the letter came from the university, not from Poe.\n"
            "- Quote: \"Retraction is a correction of the record.\"\n\n"
            "--- Phone call, Tom Poe, former fellow (Thu. Nov. 19) ---\n\n"
            "- Now teaches at Elmwood State.\n"
            "- Quote: \"The hardest part was the silence afterward.\"\n\n"
            "--- Bakery, Main Street ---\n"
            "- Quote: \"Nobody is buying cakes.\"\n")


def test_a_quote_label_under_a_section_header_is_the_headers_person(tmp_path):
    sources = write_sources(tmp_path, SECTIONS)
    text = '"Retraction is a correction of the record," said Tom Poe, who filed the complaint.\n'
    found = lint("facts.Attribution", text, sources)
    assert [f.text for f in found] == ["Tom Poe"] and "Ann Roe" in found[0].message
    text = '"The hardest part was the silence afterward," Poe said.\n'
    assert lint("facts.Attribution", text, sources) == []
    # (a header naming no one known gives the words to no one)
    text = '"Nobody is buying cakes," said Tom Poe.\n'
    assert lint("facts.Attribution", text, sources) == []
