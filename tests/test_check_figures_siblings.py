"""From the blind minecollapse story (tests/eval/minecollapse, now seen): a source figure that
another figure of the same draft sentence gives is that figure's, not a contradiction of this
one; and a misattributed quotation split in two around its speaker is reported once."""
from __future__ import annotations

from people_lint import ROOT, flagged, lint

MINE = (ROOT / "tests" / "eval" / "minecollapse" / "sources",)


def test_a_figure_matched_to_a_value_its_own_sentence_gives_is_not_flagged():
    text = ("Two of the eight were flown to Health Sciences North in Sudbury, one with a broken ankle "
            "and one with a hand injury.\n")
    assert lint("facts.Figures", text, MINE) == []


def test_a_wrong_figure_in_that_sentence_is_still_flagged_against_the_other_value():
    text = ("Three of them were flown by air ambulance to Health Sciences North in Sudbury, one with a "
            "broken ankle.\n")
    findings = lint("facts.Figures", text, MINE)
    assert flagged(findings) == ["Three"]
    # "one" is the sentence's own figure: not offered as what the sources give, nor as a disagreement.
    assert "the sources give Two" in findings[0].message and "disagree" not in findings[0].message


def test_a_misattributed_quotation_split_around_its_speaker_is_one_finding():
    text = ('"The ground kept talking to us the whole way in," said Luc Thibodeau, the mine\'s general '
            'manager. "We moved a metre, we bolted a metre."\n')
    findings = lint("facts.Attribution", text, MINE)
    assert len(findings) == 1 and "Aaron Makepeace, not Luc Thibodeau" in findings[0].message


def test_a_weekday_written_before_a_date_must_be_the_sources_weekday_for_that_date():
    text = "Two members raised the readings at a committee meeting on Wednesday, Oct. 9, the union said.\n"
    findings = lint("facts.Figures", text, MINE)
    assert flagged(findings) == ["Wednesday"]
    assert "Thursday for Oct. 9" in findings[0].message and "03_trade.md line 13" in findings[0].message
    assert lint("facts.Figures", text.replace("Wednesday", "Thursday"), MINE) == []


def test_a_weekday_alone_is_left_to_the_context_match():
    text = "Two members raised the readings at a committee meeting on Wednesday, the union said.\n"
    assert "Thursday for" not in " ".join(f.message for f in lint("facts.Figures", text, MINE))


def test_a_number_after_a_label_word_is_not_a_count():
    text = ("The mine's microseismic sensors logged 72 events above magnitude 1.0 in the area of the collapse "
            "in the seven days before a magnitude 2.8 event brought down the drift.\n")
    findings = lint("facts.Figures", text, MINE)
    assert flagged(findings) == ["72"]
    assert "the sources give 27 events" in findings[0].message and "2.8" not in findings[0].message


def test_a_canadian_dollar_amount_keeps_its_symbol_out_of_the_context():
    from newslint.document import parse_document
    from newslint.registry.numbers import find_figures
    document = parse_document("x.md", "It set up a C$500,000 fund for the community.\n")
    [amount] = [f for f in find_figures(document) if f.kind == "amount"]
    assert amount.value == "500000 dollar" and "C" not in amount.context


RANSOMWARE = (ROOT / "tests" / "eval" / "ransomware" / "sources",)


def test_two_limits_of_one_figure_agree_only_on_its_value():
    text = "The notice said the system's cyber insurance would cover up to $8 million of that.\n"
    findings = lint("facts.Figures", text, RANSOMWARE)
    assert flagged(findings) == ["8"] and "at most $10 million" in findings[0].message
    assert lint("facts.Figures", text.replace("$8 million", "$10 million"), RANSOMWARE) == []


def test_a_limit_still_allows_an_exact_value_within_it():
    from newslint.registry.figurematch import consistent
    assert consistent("count", "212400", "", "212000", "more")
    # Two floors can both be true ("more than 250,000", "more than 212,000"): the sources'
    # exact 212,400 is what contradicts the first (FiguresRule prefers exact values); two caps
    # ("up to 250,000", "up to 212,000") are each the figure, so they disagree.
    assert consistent("count", "250000", "more", "212000", "more")
    assert not consistent("count", "250000", "less", "212000", "less")
