"""The reporter's own interviewees: a quotation credited by pronoun to someone the draft just
introduced, who is in no source, is not checked against the sources ("Quotation not found"
would be a false alarm on every such interview)."""
from __future__ import annotations

from people_lint import lint, write_sources

SOURCE = ("COUNTY HOSPITAL BOARD, MINUTES\n\n"
          "Board chair Tom Poe opened the meeting at 6 p.m. He said the unit loses money every month.\n\n"
          "Ann Roe, the hospital's chief executive, presented the budget. She said the board had no "
          "good options. \"We looked at every way to keep the unit open,\" Roe said.\n")


def messages(text: str, tmp_path) -> list[str]:
    return [f.message for f in lint("facts.Quotes", text, write_sources(tmp_path, SOURCE))]


def test_the_pronoun_skips_a_known_person_of_the_other_pronoun(tmp_path):
    # Poe, the last person named, is "he" in the sources: "she" is the interviewee.
    text = ('Tom Poe, the board chair, called the vote.\n\n'
            'Lena Hart, who gave birth at the hospital in 2019, waited after the meeting to speak with Poe. '
            '"I had my son forty minutes after I walked in the door," she said in an interview.\n')
    assert messages(text, tmp_path) == []


def test_a_name_described_with_whose_is_someone(tmp_path):
    text = ('Ann Roe spoke for the hospital.\n\n'
            'Lena Hart, whose son was born at the hospital, drove an hour to watch the vote. '
            '"We planned for a birth ten minutes from home," she said in an interview.\n')
    assert messages(text, tmp_path) == []


def test_a_known_speakers_words_are_still_checked(tmp_path):
    text = ('Ann Roe spoke for the hospital. "We looked at every way to keep the maternity unit open '
            'through the winter," she said.\n')
    assert messages(text, tmp_path) != []
