"""facts.Quotes and facts.Attribution on drafts, against the seeds and the courtcase story,
with the full registry and with quotes alone (no people extractor)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.registry.extractors.figures import FigureExtractor
from newslint.registry.extractors.quotes import QuoteExtractor
from newslint.registry.store import RegistryProvider

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
COURT = ROOT / "tests" / "stories" / "courtcase"
RULES = ["facts.Quotes", "facts.Attribution"]


class OwnExtractors:
    """Only the quote and figure extractors: the registry has no people."""

    def fact_extractors(self):
        return [QuoteExtractor(), FigureExtractor()]


@pytest.fixture(scope="module", params=["full", "no-people"])
def lint(request):
    linters = {}

    def run(text: str, sources: Path, path: str = "draft.md"):
        if sources not in linters:
            registries = RegistryProvider(OwnExtractors()) if request.param == "no-people" else None
            linters[sources] = Linter(Config(), Options(sources=[sources], select=RULES), registries=registries)
        return linters[sources].lint_text(path, text).findings

    return run


def spans(findings, text):
    return [(f.category, f.severity, text[f.start:f.end]) for f in findings]


def test_dev_quotes_draft_against_the_seeds(lint):
    text = (ROOT.parent / "shared/eval/dev/quotes-pronouns.md").read_text(encoding="utf-8") \
        if (ROOT.parent / "shared/eval/dev/quotes-pronouns.md").exists() else None
    if text is None:
        pytest.skip("shared eval set not present")
    findings = lint(text, SEEDS)
    found = spans(findings, text)
    assert ("attribution", "error", "Sheinbaum") in found
    assert ("quote", "error", "We want to help Mexico, because you cannot govern a country like that") in found
    assert ("quote", "warning", "Our sovereignty is not negotiable and our borders are closed to foreign armies") in found
    assert len(found) == 3  # exact, partial, prose-only and pronoun-attributed quotes pass


def test_misquote_names_the_source_wording_and_gives_evidence(lint):
    text = '"We want to help Mexico, because you cannot govern a country like that," Trump said.\n'
    [finding] = lint(text, SEEDS)
    assert finding.rule == "facts.Quotes" and finding.category == "quote"
    assert "you can’t run a country like that" in finding.message and "001_2155ca87d0d03760.txt line 4" in finding.message
    assert finding.evidence[0].source.endswith("001_2155ca87d0d03760.txt") and finding.evidence[0].line == 4
    assert finding.fix is not None and not finding.fix.safe
    assert finding.fix.replacement == "We want to help Mexico, because you can’t run a country like that"


def test_misattribution_names_the_sources_speaker(lint):
    text = '"The cartels are trying to destroy our country. They\'re evil," Sheinbaum told reporters.\n'
    [finding] = lint(text, SEEDS)
    assert finding.category == "attribution" and text[finding.start:finding.end] == "Sheinbaum"
    assert "Trump" in finding.message and "003_3c560d8706c12f8b.txt line 8" in finding.message
    assert finding.evidence[0].line == 8


@pytest.mark.parametrize("text", [
    # exact, curly quotes and case do not count
    "“mexico is very, very afraid of the cartels,” Trump said.\n",
    # partial quote inside a sentence
    'Hewitt said criminal organizations continue to "threaten our shared security."\n',
    # words that a source has only in its prose (its quotation marks are broken)
    '"We will never accept the presence of the United States military in our territory," Sheinbaum said.\n',
    # ellipsis and a bracketed insertion
    '"Mexico is very, very afraid of the cartels ... We want to help [Mexico]," Trump said.\n',
    # two source parts split around the attribution, run together
    '"Mexico is very, very afraid of the cartels. We want to help her," Trump said.\n',
    # split around the attribution in the draft
    '"We want to help her," Trump said. "We want to help Mexico, because you can\'t run a country like that."\n',
    # a pronoun speaker: the pronoun check's business, not attribution's
    '"Sovereignty is not for sale," he said.\n',
    # a description as speaker
    '"Dangerous foreign terrorist organizations continue to threaten our shared security," a council spokesperson said.\n',
    # the real speaker's name misspelled is the name check's business (words given to a
    # misspelled name that someone else said are a misattribution: test_check_dev7)
    '"We will never accept the presence of the United States military in our territory," Sheinbuam said.\n',
    # three words: too short to look up
    'She called it "a lovely woman" twice.\n',
])
def test_clean_quotations_pass(lint, text):
    assert spans(lint(text, SEEDS), text) == []


def test_courtcase_bad_draft(lint):
    text = (COURT / "drafts/bad.md").read_text(encoding="utf-8")
    found = spans(lint(text, COURT / "sources"), text)
    assert ("quote", "error", "The evidence showed a careful, years-long scheme to steal from the people who trusted him") in found
    assert ("attribution", "error", "Natarajan") in found
    assert ("quote", "warning", "This is the end of a long road for the families who depended on that money") in found
    assert len(found) == 3


def test_courtcase_good_draft_is_clean(lint):
    text = (COURT / "drafts/good.md").read_text(encoding="utf-8")
    assert spans(lint(text, COURT / "sources"), text) == []


def test_continuation_in_the_draft_is_checked_for_attribution(lint):
    text = ('"We will appeal," Natarajan said.\n\n'
            '"He took an oath to protect this money."\n')
    found = spans(lint(text, COURT / "sources"), text)
    # The quotation continues Natarajan's words; the sources give it to Ruiz.
    assert found == [("attribution", "error", "He took an oath to protect this money")]


def test_partly_found_quotation_says_which_words_the_sources_have(lint):
    text = ('"Nobody in this courtroom should mistake the seriousness of these crimes, and nobody will '
            'forget them," Okafor said.\n')
    [finding] = lint(text, COURT / "sources")
    assert finding.severity == "warning" and "only partly found" in finding.message
    assert "Nobody in this courtroom should mistake the seriousness of these crimes" in finding.message
    assert finding.evidence and finding.evidence[0].source.endswith((".md", ".txt"))


def test_a_composition_title_in_quotation_marks_is_not_looked_up(lint):
    text = 'The council published a report titled "A Path Forward for Riverton Transit" on Monday.\n'
    assert lint(text, COURT / "sources") == []
    text = '"A path forward for the whole city," Okafor said.\n'
    assert [f.severity for f in lint(text, COURT / "sources")] == ["warning"]


def test_a_definite_role_names_the_speaker_when_the_sources_give_it_to_one_person():
    linter = Linter(Config(), Options(sources=[COURT / "sources"], select=RULES))
    text = ('"He was careful, he was patient, and he was greedy," the judge said.\n\n'
            '"He was careful, he was patient, and he was greedy," the prosecutor said.\n\n'
            '"He was careful, he was patient, and he was greedy," a court official said.\n')
    found = spans(linter.lint_text("draft.md", text).findings, text)
    assert found == [("attribution", "error", "the judge")]


def test_quoting_across_the_paragraphs_of_a_source_quotation(lint):
    text = ('"For four years our investigators followed every transfer out of that reserve. '
            'Today the jury followed the evidence too," Delgado said.\n')
    assert spans(lint(text, COURT / "sources"), text) == []


def test_a_misquote_given_to_the_wrong_speaker_is_also_misattributed(lint):
    text = '"He was careful, he was patient, and he was very greedy," Natarajan said.\n'
    found = spans(lint(text, COURT / "sources"), text)
    assert ("attribution", "error", "Natarajan") in found
    assert ("quote", "error", "He was careful, he was patient, and he was very greedy") in found


MUSEUM = ROOT / "tests" / "stories" / "museum" / "sources"


def attributions(findings):
    return [f for f in findings if f.category == "attribution"]


def test_a_whole_sentence_of_one_speakers_quote_given_to_another(lint):
    # "It stays here." is three words, short of min_words, but a whole sentence of Marsh's quote.
    text = '"It stays here," Reyes said.\n'
    [finding] = attributions(lint(text, MUSEUM))
    assert text[finding.start:finding.end] == "Reyes"
    assert "Marsh" in finding.message and "01_gazette.md line 14" in finding.message


@pytest.mark.parametrize("text", [
    '"It stays here," Marsh said.\n',            # the right speaker
    '"not lend it," Reyes said.\n',             # a fragment, not a whole sentence: too short to tell
    '"It was cracked," Reyes said.\n',           # not a whole sentence of anyone's quote
])
def test_short_quotations_that_are_not_misattributed(lint, text):
    assert attributions(lint(text, MUSEUM)) == []
