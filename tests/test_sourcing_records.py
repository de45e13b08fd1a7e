"""Claims the blind ransomware and minecollapse stories showed slipping through (now seen): a
record of past violations or warnings is an allegation, a comparison over a long stretch is a
comparative claim (one "recorded" by the mines themselves still reads as reported: left alone),
and "did not respond to requests for comment" or "had been warned" names
nobody who says the claim."""
from __future__ import annotations

from test_sourcing import flagged


def unsourced(text: str) -> list[str]:
    return [t for _, c, t in flagged(text) if c == "unsourced"]


def test_a_record_of_fines_for_violations_is_an_allegation():
    text = "The company was fined twice by the province for ground-control violations at the mine.\n"
    assert unsourced(text) == [text.strip().rstrip(".")]


def test_a_fine_with_its_record_in_the_paragraph_passes():
    assert unsourced("The company was fined twice for safety violations, ministry records show.\n") == []


def test_a_warning_before_the_event_with_only_a_declined_comment_is_unsourced():
    text = ("The contractor had been warned about the stolen password weeks before the attack. "
            "The company did not respond to requests for comment.\n")
    assert unsourced(text) == ["The contractor had been warned about the stolen password weeks before the attack"]


def test_a_warning_by_a_named_source_passes():
    text = ("The contractor had been warned about the stolen password weeks before the attack, "
            "the company's auditor said.\n")
    assert unsourced(text) == []


def test_a_comparison_over_a_long_stretch_is_a_comparative_claim():
    text = "The province's mines had more fatal accidents in the past three years than in the previous decade.\n"
    assert unsourced(text) == [text.strip().rstrip(".")]
