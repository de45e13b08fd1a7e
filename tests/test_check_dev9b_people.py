"""People (pronouns, titles) of the seven stories written blind in session 9 (tests/eval: zoo,
fishery, cryptoexchange, concussion ...): false alarms fixed at their general cause, each
tested on the story's own text and on invented text."""
from __future__ import annotations

from pathlib import Path

from people_lint import ROOT, lint, write_sources

EVAL = ROOT / "tests" / "eval"


def _story(name: str) -> tuple[Path, ...]:
    return (EVAL / name / "sources",)


def _draft(story: str, name: str) -> str:
    return (EVAL / story / name).read_text()


def _lines(rule: str, text: str, sources) -> list[tuple[int, str]]:
    return [(f.line, f.text) for f in lint(rule, text, sources)]



INVENTED = ("Harbour master Tomas Verhoek said he would reopen the north quay on Monday. Verhoek said he "
            "had inspected the pilings himself. Verhoek, who has run the port for nine years, said his crews "
            "would work overnight.\n\n"
            "Dock supervisor Ilse Brandvold said she had not been told of the closure. Brandvold said her "
            "team would stay on call.\n\n"
            "Dr. Femke Aalders, River Safety Officer, signed the inspection report.\n\n"
            "Prepared by: Dr. Femke Aalders, River Safety Officer, Provincial Waterways Board.\n\n"
            "Rutger Vos, the council chair, opened the hearing. Council chair Rutger Vos said he would "
            "allow public comment. Vos said he expected a vote in March.\n\n"
            "Assemblywoman Lotte Marijnissen, who represents the harbour district and chairs the Assembly "
            "Ports Committee, said she would hold hearings. Marijnissen said she had written to the port.\n")


# -- someone the sources do not know, described in an appositive, is a pronoun's referent -------
def test_a_described_stranger_is_whom_a_pronoun_near_them_may_be():
    found = _lines("facts.Pronouns", _draft("cryptoexchange", "kestrel-collapse.md"), _story("cryptoexchange"))
    assert 45 not in [line for line, _ in found]  # "Priya Natarajan, a 29-year-old graphic designer … who said she"
    assert (41, "he") in found  # (the paragraph about Nadia Solberg, then '"…," he said': still found)
    found = _lines("facts.Pronouns", _draft("cryptoexchange", "kestrel-whistleblower.md"), _story("cryptoexchange"))
    assert 59 not in [line for line, _ in found]  # "Jonah Whitcomb, a software developer from Coldwater who said he"
    found = _lines("facts.Pronouns", _draft("concussion", "hearing-neurologist.md"), _story("concussion"))
    assert 18 not in [line for line, _ in found]  # "Caleb Whitfield, then a junior linebacker. … He suffered"
    assert (20, "he") in found


def test_invented_a_described_stranger(tmp_path):
    sources = write_sources(tmp_path, INVENTED)
    text = ("Tomas Verhoek said he would reopen the north quay on Monday.\n\n"
            "Anouk Dekkers, a 52-year-old ferry pilot who said she had waited two days, called it overdue.\n")
    assert _lines("facts.Pronouns", text, sources) == []
    text = ("Ilse Brandvold said she would reopen the quay.\n\nShe reviewed the logs of Niels Okafor, then a junior "
            "deckhand. According to the logs she read, Okafor was hurt in May. He was back at work a day later.\n")
    assert _lines("facts.Pronouns", text, sources) == []
    # (no one else in view: the pronoun is Verhoek's, and wrong)
    text = "Tomas Verhoek said she would reopen the north quay on Monday.\n"
    assert _lines("facts.Pronouns", text, sources) == [(1, "she")]


# -- "X, she said, would …": an attribution set off after a name is the speaker's -------------
def test_an_attribution_set_off_after_a_name_is_not_that_persons():
    found = _lines("facts.Pronouns", _draft("cryptoexchange", "kestrel-whistleblower.md"), _story("cryptoexchange"))
    assert 23 not in [line for line, _ in found]  # "Lindqvist, she said, would promise …"
    assert (55, "she") in found  # "Fairweather said she would decide": still found


def test_invented_an_attribution_set_off_after_a_name(tmp_path):
    sources = write_sources(tmp_path, INVENTED)
    text = "Ilse Brandvold said the crews were tired. Verhoek, she said, would not listen.\n"
    assert _lines("facts.Pronouns", text, sources) == []
    text = "Verhoek said she would not listen.\n"
    assert _lines("facts.Pronouns", text, sources) == [(1, "she")]


# -- someone of the pronoun's gender in the paragraph that names the nearest person ------------
def test_someone_of_the_pronouns_gender_in_the_nearest_paragraph():
    found = _lines("facts.Pronouns", _draft("cryptoexchange", "kestrel-whistleblower.md"), _story("cryptoexchange"))
    assert not {27, 29} & {line for line, _ in found}  # 'Marchetto said Victor Hale … Hale was placed on leave. ¶ "…," she said'
    # A paragraph about the nearest person alone, the other person a paragraph before: still found.
    found = _lines("facts.Pronouns", _draft("riverspill", "lawsuit.md"), _story("riverspill"))
    assert (25, "She") in found


def test_invented_someone_of_the_pronouns_gender_in_the_nearest_paragraph(tmp_path):
    sources = write_sources(tmp_path, INVENTED)
    text = ("Ilse Brandvold said Tomas Verhoek signed every order she questioned. Verhoek was away on Monday.\n\n"
            "\"I asked twice and heard nothing back from the harbour office,\" she said.\n")
    assert _lines("facts.Pronouns", text, sources) == []
    text = ("Ilse Brandvold said the crews were tired.\n\n"
            "Tomas Verhoek said the quay would reopen. She added that the pilings were sound.\n")
    assert _lines("facts.Pronouns", text, sources) == [(3, "She")]


# -- a post worded in lowercase, and a label's post, are not another organisation ---------------
def test_a_post_in_lowercase_is_the_sources_capitalised_post():
    found = _lines("facts.Titles", _draft("zoo", "zoo-inspection-council.md"), _story("zoo"))
    assert 13 not in [line for line, _ in found]  # "a veterinary medical officer with the U.S. Department of Agriculture"


def test_invented_a_post_in_lowercase(tmp_path):
    sources = write_sources(tmp_path, INVENTED)
    text = "Dr. Femke Aalders, a river safety officer with the Provincial Waterways Board, signed the report.\n"
    assert _lines("facts.Titles", text, sources) == []


# -- "who chairs the Senate X Committee": a committee's chair, written beside the name ---------
def test_a_committee_chair_is_not_the_councils_chair():
    found = _lines("facts.Titles", _draft("fishery", "haddock-hearing.md"), _story("fishery"))
    assert 46 not in [line for line, _ in found]  # "State Sen. Caroline Marchetti, who chairs the Senate Marine Resources Committee"
    # (a post the sources say someone held before, "previously Minister of Labour": still found)
    assert (9, "Labour Minister") in _lines("facts.Titles", _draft("portstrike", "strike.md"), _story("portstrike"))


def test_invented_a_committee_chair(tmp_path):
    sources = write_sources(tmp_path, INVENTED)
    text = "Lotte Marijnissen, who chairs the Assembly Ports Committee, said she would hold hearings.\n"
    assert _lines("facts.Titles", text, sources) == []
