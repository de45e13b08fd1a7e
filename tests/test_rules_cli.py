"""`newslint rules list | explain | test`: output and exit status."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import write_files

REPO = Path(__file__).resolve().parent.parent
GOOD = """\
extends: substitution
description: Use "toward", not "towards".
message: "Write '%s' instead of '%s'."
level: suggestion
link: https://example.org/toward
ignorecase: true
swap:
  towards: toward
examples:
  flag:
    - The crowd moved towards the square.
  pass:
    - The crowd moved toward the square.
"""
WRONG_EXAMPLE = """\
extends: existence
message: "Avoid '%s'."
tokens: [amid]
examples:
  flag:
    - Shares fell during the crisis.
  pass:
    - Shares fell amid the crisis.
"""


def test_list_shows_one_line_per_rule(newslint, tmp_path):
    write_files(tmp_path, {"styles/House/Toward.yml": GOOD})
    result = newslint("rules", "list", "--rules", "styles")
    assert result.code == 0
    (line,) = [line for line in result.out.splitlines() if line.startswith("House.Toward ")]
    assert line.split()[:4] == ["House.Toward", "substitution", "suggestion", "style"]
    assert line.endswith('Use "toward", not "towards".')
    assert any(line.startswith("newsroom.Numbers ") for line in result.out.splitlines())


def test_list_reports_a_broken_rule_and_fails(newslint, tmp_path):
    write_files(tmp_path, {"styles/House/Broken.yml": "extends: existence\nmessage: x\ntokens: ['(a']\n"})
    result = newslint("rules", "list", "--rules", "styles")
    assert result.code == 2
    assert "Broken.yml:3:" in result.err and "House.Broken" not in result.out


def test_explain_prints_everything_about_a_rule(newslint, tmp_path):
    write_files(tmp_path, {"styles/House/Toward.yml": GOOD})
    result = newslint("rules", "explain", "House.Toward", "--rules", "styles")
    assert result.code == 0
    for expected in ('Use "toward", not "towards".', "message: Write '%s' instead of '%s'.",
                     "level:   suggestion", "scope:   text", "link:    https://example.org/toward",
                     "Toward.yml", "  - The crowd moved towards the square.", "  - The crowd moved toward the square."):
        assert expected in result.out


def test_explain_unknown_rule_is_a_usage_error(newslint):
    result = newslint("rules", "explain", "newsroom.NoSuchRule")
    assert result.code == 2
    assert "no rule 'newsroom.NoSuchRule'" in result.err and "newsroom.Numbers" in result.err


def test_test_passes_good_examples(newslint, tmp_path):
    write_files(tmp_path, {"styles/House/Toward.yml": GOOD})
    result = newslint("rules", "test", "styles/House")
    assert (result.code, result.out.strip()) == (0, "2 passed, 0 failed")


def test_test_fails_on_wrong_examples(newslint, tmp_path):
    write_files(tmp_path, {"styles/House/Toward.yml": GOOD, "styles/House/Amid.yml": WRONG_EXAMPLE})
    result = newslint("rules", "test", "styles")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[-1] == "2 passed, 2 failed"
    assert any(line.startswith("FAIL House.Amid") and "flag example gave no finding" in line for line in lines)
    assert any(line.startswith("FAIL House.Amid") and "pass example was flagged ('amid'" in line for line in lines)


def test_test_counts_a_rule_that_does_not_load_as_failed(newslint, tmp_path):
    write_files(tmp_path, {"styles/House/Toward.yml": GOOD,
                           "styles/House/Broken.yml": "extends: existence\nmessage: x\nraw: ['[a-']\n"})
    result = newslint("rules", "test", "styles/House")
    assert result.code == 1
    assert "FAIL Broken" in result.out and "does not load" in result.out
    assert result.out.splitlines()[-1] == "2 passed, 1 failed"


def test_test_missing_folder_is_a_usage_error(newslint):
    result = newslint("rules", "test", "no/such/folder")
    assert result.code == 2 and "no such directory" in result.err


def test_shipped_newsroom_pack_passes_its_own_examples(newslint):
    result = newslint("rules", "test", REPO / "rules" / "newsroom")
    summary = result.out.splitlines()[-1]
    assert result.code == 0, result.out
    passed = int(summary.split()[0])
    assert summary == f"{passed} passed, 0 failed" and passed >= 100


def test_every_newsroom_rule_has_examples_description_and_message():
    import yaml
    rules = sorted((REPO / "rules" / "newsroom").glob("*.yml"))
    assert len(rules) >= 25
    for path in rules:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data.get("description") and data.get("message"), path.name
        assert data["examples"].get("flag") and data["examples"].get("pass"), path.name
        assert data.get("level", "warning") in ("suggestion", "warning"), path.name
