"""The unsourced check skips a sentence of an attributed paragraph when no cue of the claim kinds
that need their own sentence's source (`sentence_claims`) may match there: on every story's
drafts, such a sentence holds no claim of those kinds, so finding its claims would report
nothing."""
from __future__ import annotations

from pathlib import Path

from newslint.document import parse_document
from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.kinds.attribution import analyse

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = sorted((ROOT / "tests" / "eval").glob("*/*.md")) + [ROOT / "examples" / "draft.md"]


def test_a_sentence_the_prefilter_skips_holds_no_claim_of_a_sentence_kind() -> None:
    linter = Linter(Config(root=ROOT), Options(select=["sourcing.Unsourced"]))
    [rule] = [rule for rule, _ in linter.active_rules()]
    assert rule.sentence_kinds and rule.sentence_cues  # the shipped rule has such kinds
    skipped = 0
    for draft in DRAFTS:
        document = parse_document(draft.name, draft.read_text(encoding="utf-8"))
        for paragraph in analyse(document, rule.lexicon):
            if not paragraph.attributed:
                continue
            for sentence in paragraph.sentences:
                if any(paragraph.texts.may_matching(cues, sentence.start, sentence.end) for cues in rule.sentence_cues):
                    continue
                skipped += 1
                kinds = {claim.kind.name for claim in paragraph.claims(sentence)}
                assert not kinds & rule.sentence_kinds, (draft.name, document.prose[sentence.start:sentence.end])
    assert skipped > 500  # the shortcut is taken on most sentences of attributed paragraphs
