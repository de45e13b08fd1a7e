"""Style rules ruled out by the draft's runs of word characters (document/runs.py) must find
what the full scans find, on real text: an occurrence rule whose token starts at runs skips
the spans with no more runs than its `max`; an alphabetic repetition of pieces between white
space scans only the spans where a run repeats the one before it."""
from __future__ import annotations

import sys
from pathlib import Path

import regex

from newslint.document import parse_document
from newslint.engine.config import Config
from newslint.engine.linter import Linter, Options
from newslint.kinds.occurrence import Occurrence, starts_at_runs
from newslint.kinds.repetition import Repetition, between_spaces

ROOT = Path(__file__).resolve().parent.parent
TEXTS = (sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "stories").glob("*/drafts/*.md"))
         + sorted((ROOT / "tests" / "eval").glob("*/*.md")) + [ROOT / "examples" / "draft.md"])
EXTRA = ("The the mayor said that that was was fine. Had had enough? STRASSE straße and Straße STRASSE.\n\n"
         "It is is, IS it? 1 1 2 2 **the** the the\x1c the ſo SO now. Ünd ünd now. word\u00a0word\n\n"
         "One two three four five six seven eight nine ten eleven twelve thirteen fourteen, "
         "don't won’t co-op e-mail x_y_z 3.5 ½ ² éé naïve café.\n")

RULES = {
    "Long.yml": "extends: occurrence\nmessage: '%s'\nscope: sentence\nmax: 8\ntoken: '\\b[\\p{L}\\d][\\p{L}\\d''’-]*\\b'\n",
    "Words.yml": "extends: occurrence\nmessage: '%s'\nscope: paragraph\nmax: 30\ntoken: '\\b\\w+'\n",
    "Whole.yml": "extends: occurrence\nmessage: '%s'\nmax: 200\ntoken: '\\b[a-z]+'\n",
    "Twice.yml": "extends: repetition\nmessage: '%s'\nalpha: true\nignorecase: true\ntokens: ['[^\\s]+']\n",
    "TwiceCase.yml": "extends: repetition\nmessage: '%s'\nalpha: true\ntokens: ['\\S+']\n",
}


def texts() -> list[tuple[str, str]]:
    return [(str(p), p.read_text(encoding="utf-8")) for p in TEXTS] + [("extra.md", EXTRA)]


def lint_all(tmp_path: Path) -> list[list[dict]]:
    pack = tmp_path / "Bound"
    pack.mkdir(exist_ok=True)
    for name, body in RULES.items():
        (pack / name).write_text(body, encoding="utf-8")
    lint = Linter(Config(root=ROOT), Options(rules=[tmp_path], select=["Bound", "newsroom.SentenceLength", "newsroom.RepeatedWords"]))
    return [[f.as_json() for f in lint.lint_text(path, text).findings] for path, text in texts()]


def test_run_bounds_find_what_the_full_scans_find(tmp_path, monkeypatch):
    fast = lint_all(tmp_path)
    monkeypatch.setattr(Occurrence, "few_runs", lambda self, view: None)
    monkeypatch.setattr(Repetition, "candidates", lambda self, view: None)
    slow = lint_all(tmp_path)
    assert fast == slow
    rules = {f["rule"] for findings in fast for f in findings}
    assert {"Bound.Long", "Bound.Words", "Bound.Twice", "Bound.TwiceCase", "newsroom.RepeatedWords"} <= rules
    texts_flagged = {f["text"] for findings in fast for f in findings if f["rule"] == "Bound.Twice"}
    assert {"STRASSE straße", "ſo SO", "Ünd ünd"} <= texts_flagged


def test_which_tokens_are_bounded_by_runs():
    assert starts_at_runs(r"\b[\p{L}\d][\p{L}\d'’-]*\b") and starts_at_runs(r"\b\w+") and starts_at_runs(r"\b[a-z]+")
    for token in (r"[^\s]+", r"(?a)\b\w+", r"\b[^a]", r"\b\P{L}", r"\w+", r"\b(?=x)\w", r"\b[½]"):
        assert not starts_at_runs(token), token
    assert between_spaces([r"[^\s]+"]) and between_spaces([r"\S+"])
    for tokens in ([r"\w+"], [r"\S{1,3}"], [r"[^\s]*"], [r"\S+?"], [r"[^\s\d]+"], [r"\S+", "x"]):
        assert not between_spaces(tokens), tokens


def test_a_character_whose_casefold_is_alphabetic_is_a_word_character():
    """What Repetition.candidates relies on, for this Python's and regex's Unicode tables."""
    word = regex.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        folded = chr(code).casefold()
        assert folded, hex(code)
        if folded.isalpha():
            assert word.match(chr(code)), hex(code)
