"""An interview transcript among the sources (the airline story's Q&A, now seen): its answers are
the interviewee's words though no quotation marks enclose them. Other documents give none."""
from __future__ import annotations

from pathlib import Path

from people_lint import ROOT, lint

from newslint.document import parse_document
from newslint.plugins import get_plugins
from newslint.registry.build import build_registry, read_sources
from newslint.registry.interviews import answers

AIRLINE = ROOT / "tests" / "eval" / "airline" / "sources"


def _registry(folder: Path):
    plugins = get_plugins()
    return build_registry(read_sources([folder], plugins.parsers()), plugins.fact_extractors())


def test_the_answers_of_a_q_and_a_are_the_interviewees_quotations():
    registry = _registry(AIRLINE)
    document = parse_document(str(AIRLINE / "03_interview.md"), (AIRLINE / "03_interview.md").read_text(encoding="utf-8"))
    speaker, replies = answers(document, registry)
    assert speaker == "Kenji Matsuda"
    assert any(text.startswith("I won't promise fares will never go up.") for text, _ in replies)
    assert not any("Why sell now" in text for text, _ in replies)  # the questions are the journal's


def test_a_wire_story_is_no_transcript():
    registry = _registry(AIRLINE)
    document = parse_document(str(AIRLINE / "01_wire.txt"), (AIRLINE / "01_wire.txt").read_text(encoding="utf-8"))
    assert answers(document, registry) == ("", [])


def test_an_answer_given_to_someone_else_is_a_misattribution():
    text = ('On fares, the chief has been blunt. "I won\'t promise fares will never go up. Nobody in this '
            'business can promise that," Solberg said.\n')
    findings = lint("facts.Attribution", text, (AIRLINE,))
    assert len(findings) == 1 and "to Kenji Matsuda, not Solberg" in findings[0].message
    assert lint("facts.Attribution", text.replace("Solberg said", "Matsuda said"), (AIRLINE,)) == []
