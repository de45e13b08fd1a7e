"""Configuration end to end through the CLI: `[tool.newslint]` in pyproject.toml and
`.newslint.yaml`, found from the linted file's folder upward; every key; the draft's own
`newslint:` front-matter block; bad configuration is exit 2 with the file named."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import write_files
from newslint.engine.config import Config, ConfigError, find_config, load_config_file
from newslint.engine.linter import Linter, Options
from newslint.document import parse_document

PACK = {
    "style/house/Hedges.yml": "extends: existence\nmessage: \"Cut '%s'.\"\nlevel: warning\nignorecase: true\ntokens: [very unique]\n",
    "style/house/Jargon.yml": "extends: existence\nmessage: \"Jargon: '%s'.\"\nlevel: error\ntokens: [synergy, leverage]\n",
    "style/desk/Dateline.yml": "extends: existence\nmessage: \"Spell out '%s'.\"\nlevel: suggestion\ntokens: [Wash]\n",
}
TEXT = "The very unique plan will leverage the budget, the clerk in Wash said.\n"


def rules_of(result) -> list[str]:
    return [f["rule"] for f in json.loads(result.out)]


def test_pyproject_table_is_found_from_the_files_folder_upward(newslint, tmp_path):
    write_files(tmp_path, {
        **{f"project/{k}": v for k, v in PACK.items()},
        "project/pyproject.toml": '[project]\nname = "desk"\n\n[tool.newslint]\nrules = ["style"]\nselect = ["house", "desk"]\nignore = "house.Jargon"\n',
        "project/drafts/2025/may/story.md": TEXT,
    })
    result = newslint("check", "project/drafts", "--format", "json")
    assert rules_of(result) == ["house.Hedges", "desk.Dateline"]
    assert result.code == 1


def test_pyproject_without_a_newslint_table_is_passed_over(newslint, tmp_path):
    write_files(tmp_path, {
        **PACK,
        ".newslint.yaml": "rules: [style]\nselect: [desk]\n",
        "sub/pyproject.toml": '[project]\nname = "other"\n',
        "sub/story.md": TEXT,
    })
    assert rules_of(newslint("check", "sub/story.md", "--format", "json")) == ["desk.Dateline"]


def test_nearest_config_wins_and_yaml_before_pyproject_in_one_folder(newslint, tmp_path):
    write_files(tmp_path, {
        **PACK,
        "pyproject.toml": '[tool.newslint]\nrules = ["style"]\nselect = ["desk"]\n',
        "top.md": TEXT,
        "metro/.newslint.yaml": "rules: [../style]\nselect: [house.Jargon]\n",
        "metro/pyproject.toml": '[tool.newslint]\nselect = ["house.Hedges"]\n',
        "metro/story.md": TEXT,
    })
    result = newslint("check", "top.md", "metro/story.md", "--format", "json")
    assert [(f["path"], f["rule"]) for f in json.loads(result.out)] == [
        ("top.md", "desk.Dateline"), ("metro/story.md", "house.Jargon")]


def test_explicit_config_file_replaces_the_search(newslint, tmp_path):
    write_files(tmp_path, {
        **PACK,
        ".newslint.yaml": "rules: [style]\nselect: [desk]\n",
        "ci/strict.yaml": "rules: [../style]\nselect: [house]\n",
        "story.md": TEXT,
    })
    result = newslint("check", "--config", "ci/strict.yaml", "story.md", "--format", "json")
    assert rules_of(result) == ["house.Hedges", "house.Jargon"]


def test_command_line_select_replaces_config_select_and_ignores_add_up(newslint, tmp_path):
    write_files(tmp_path, {**PACK, ".newslint.yaml": "rules: [style]\nselect: [desk]\nignore: [house.Hedges]\n", "s.md": TEXT})
    result = newslint("check", "s.md", "--select", "house", "--format", "json")
    assert rules_of(result) == ["house.Jargon"]
    result = newslint("check", "s.md", "--select", "house,desk", "--ignore", "desk", "--format", "json")
    assert rules_of(result) == ["house.Jargon"]


def test_levels_change_or_turn_off_rules_by_id_or_prefix(newslint, tmp_path):
    write_files(tmp_path, {**PACK, ".newslint.yaml": (
        "rules: [style]\nselect: [house, desk]\n"
        "levels:\n  house: suggestion\n  house.Jargon: error\n  desk.Dateline: off\n"), "s.md": TEXT})
    result = newslint("check", "s.md", "--format", "json")
    assert [(f["rule"], f["severity"]) for f in json.loads(result.out)] == [
        ("house.Hedges", "suggestion"), ("house.Jargon", "error")]


@pytest.mark.parametrize(("fail_level", "text", "code"), [
    ("error", "A very unique plan.\n", 0),  # a warning does not fail at fail-level error
    ("error", "We leverage it.\n", 1),
    ("suggestion", "The clerk in Wash.\n", 1),  # a suggestion fails at fail-level suggestion
    ("warning", "The clerk in Wash.\n", 0),
])
def test_fail_level(newslint, tmp_path, fail_level, text, code):
    write_files(tmp_path, {**PACK, "pyproject.toml": f'[tool.newslint]\nrules = ["style"]\nselect = ["house", "desk"]\nfail-level = "{fail_level}"\n', "s.md": text})
    assert newslint("check", "s.md").code == code


def test_exclude_skips_matching_files_found_in_folders_but_not_files_named(newslint, tmp_path):
    write_files(tmp_path, {**PACK, ".newslint.yaml": "rules: [style]\nselect: [house]\nexclude: ['archive/', '*.draft.md', '!keep.draft.md']\n",
                           "drafts/a.md": TEXT, "drafts/b.draft.md": TEXT, "drafts/keep.draft.md": TEXT,
                           "archive/old.md": TEXT})
    result = newslint("check", ".", "--format", "json")
    assert sorted({f["path"] for f in json.loads(result.out)}) == ["drafts/a.md", "drafts/keep.draft.md"]
    result = newslint("check", "archive/old.md", "--format", "json")
    assert {f["path"] for f in json.loads(result.out)} == {"archive/old.md"}


def test_accept_silences_accepted_words_everywhere(newslint, tmp_path):
    write_files(tmp_path, {**PACK, ".newslint.yaml": "rules: [style]\nselect: [house, desk]\naccept: [Leverage, Wash]\n", "s.md": TEXT})
    assert rules_of(newslint("check", "s.md", "--format", "json")) == ["house.Hedges"]


def test_front_matter_newslint_block_selects_ignores_and_accepts(newslint, tmp_path):
    write_files(tmp_path, {**PACK, ".newslint.yaml": "rules: [style]\nselect: [house, desk]\n",
                           "a.md": "---\ntitle: Budget\nnewslint:\n  ignore: [house.Jargon]\n  accept: [Wash]\n---\n" + TEXT,
                           "b.md": "---\nnewslint:\n  select: house.Jargon\n---\n" + TEXT,
                           "c.md": TEXT})
    result = newslint("check", "a.md", "b.md", "c.md", "--format", "json")
    assert [(f["path"], f["rule"]) for f in json.loads(result.out)] == [
        ("a.md", "house.Hedges"), ("b.md", "house.Jargon"),
        ("c.md", "house.Hedges"), ("c.md", "house.Jargon"), ("c.md", "desk.Dateline")]


def test_paths_in_a_config_are_relative_to_its_folder(tmp_path):
    write_files(tmp_path, {"desk/.newslint.yaml": "sources: [notes, ../shared/wire.txt]\nfacts: facts.yaml\nrules: [styles]\n"})
    config = load_config_file(tmp_path / "desk/.newslint.yaml")
    root = (tmp_path / "desk").resolve()
    assert config.sources == [root / "notes", root / "../shared/wire.txt"]
    assert config.facts == [root / "facts.yaml"]
    assert config.rules == [root / "styles"]


def test_sources_precedence_command_line_then_front_matter_then_config(tmp_path):
    config = Config(root=tmp_path, sources=[tmp_path / "configured"])
    linter = Linter(config, Options())
    with_front = parse_document(str(tmp_path / "drafts/a.md"), "---\nsources: [../reporting]\n---\nText.\n")
    plain = parse_document(str(tmp_path / "drafts/b.md"), "Text.\n")
    assert linter.sources_for(with_front) == [tmp_path / "drafts" / "../reporting"]
    assert linter.sources_for(plain) == [tmp_path / "configured"]
    forced = Linter(config, Options(sources=[Path("cli")]))
    assert forced.sources_for(with_front) == [Path("cli")]


def test_defaults_when_there_is_no_config(tmp_path):
    write_files(tmp_path, {"deep/er/story.md": TEXT})
    config = find_config(tmp_path / "deep/er")
    if config.path is not None:  # a config above the temporary folder would be found: not ours
        pytest.skip(f"a config above the test folder: {config.path}")
    assert (config.select, config.ignore, config.fail_level, config.sources) == ([], [], "warning", [])


@pytest.mark.parametrize(("name", "content", "message"), [
    (".newslint.yaml", "select: [house\n", "invalid YAML"),
    (".newslint.yaml", "selct: [house]\n", "unknown key(s) selct"),
    (".newslint.yaml", "levels:\n  house: loud\n", "level of 'house' must be one of"),
    (".newslint.yaml", "levels: [house]\n", "'levels' must map rule ids to levels"),
    (".newslint.yaml", "fail-level: severe\n", "fail-level must be one of"),
    (".newslint.yaml", "select: {house: 1}\n", "'select' must be a string or a list of strings"),
    (".newslint.yaml", "- just\n- a list\n", "must be a mapping"),
    ("pyproject.toml", "[tool.newslint]\nselect = [\n", "invalid TOML"),
    ("pyproject.toml", "[tool.newslint]\nfail-level = \"loud\"\n", "fail-level must be one of"),
])
def test_bad_config_is_exit_2_naming_the_file_without_a_traceback(newslint, tmp_path, name, content, message):
    write_files(tmp_path, {f"desk/{name}": content, "desk/story.md": TEXT})
    result = newslint("check", "desk/story.md")
    assert result.code == 2
    assert f"desk/{name}" in result.err and message in result.err
    assert "Traceback" not in result.err and result.out == ""


def test_bad_explicit_config_and_missing_config_file(newslint, tmp_path):
    write_files(tmp_path, {"bad.yaml": "ignore: [a, [b]]\n", "s.md": TEXT})
    result = newslint("check", "--config", "bad.yaml", "s.md")
    assert result.code == 2 and "bad.yaml" in result.err
    result = newslint("check", "--config", "absent.yaml", "s.md")
    assert result.code == 2 and "absent.yaml: cannot read config" in result.err


def test_config_error_is_an_exception_with_the_file_name(tmp_path):
    write_files(tmp_path, {".newslint.yaml": "accept: 3\nrules: {a: b}\n"})
    with pytest.raises(ConfigError, match=r"\.newslint\.yaml: 'rules' must be a string or a list"):
        load_config_file(tmp_path / ".newslint.yaml")


# A second story, written for these tests: the sources the drafts are checked against.
COUNCIL_SOURCES = {
    "reporting/wire.txt": (
        "SPRINGFIELD — Mayor Jane Ortiz said on Tuesday that the city council had approved a $4.2 million "
        "budget for the new public library.\nThe vote was 5-2. Council member Robert Lee, who voted against "
        "the plan, said the city could not afford it.\n\"We will build the library this year,\" Ortiz said. "
        "She added that construction would begin in June.\nOrtiz, a former teacher, was elected in 2021.\n"),
    "reporting/notes.txt": (
        "Jane Ortiz, the mayor, told reporters the library would open in 2027.\nLee said he would keep "
        "asking questions about the cost. Ortiz said she welcomed the debate.\nMayor Ortiz thanked the librarians.\n"),
    "other/wire.txt": "The transfer fee was 40 million euros, the club said on Friday.\n",
}
SLIP = "# Library budget\n\nMayor Jane Ortez said the council approved the budget.\n"


def names_found(result) -> list[str]:
    return [f["text"] for f in json.loads(result.out) if f["rule"] == "facts.Names"]


def test_configured_sources_build_the_registry_and_the_command_line_replaces_them(newslint, tmp_path):
    write_files(tmp_path, {**COUNCIL_SOURCES, "desk/.newslint.yaml": "sources: [../reporting]\nselect: [facts.Names]\n",
                           "desk/story.md": SLIP})
    assert names_found(newslint("check", "desk/story.md", "--format", "json")) == ["Jane Ortez"]
    assert names_found(newslint("check", "desk/story.md", "--sources", "other", "--format", "json")) == []


def test_front_matter_sources_come_before_configured_ones(newslint, tmp_path):
    write_files(tmp_path, {**COUNCIL_SOURCES, "desk/.newslint.yaml": "sources: [../other]\nselect: [facts.Names]\n",
                           "desk/a.md": "---\nsources: [../reporting]\n---\n" + SLIP, "desk/b.md": SLIP})
    result = newslint("check", "desk/a.md", "desk/b.md", "--format", "json")
    assert [(f["path"], f["text"]) for f in json.loads(result.out)] == [("desk/a.md", "Jane Ortez")]


@pytest.mark.parametrize("key", ["sources", "facts", "rules"])
def test_a_configured_path_that_does_not_exist_is_a_config_error(newslint, tmp_path, key):
    write_files(tmp_path, {".newslint.yaml": f"{key}: [missing-{key}]\n", "s.md": TEXT})
    result = newslint("check", "s.md")
    assert result.code == 2
    assert ".newslint.yaml" in result.err and f"missing-{key} does not exist" in result.err


def test_command_line_sources_replace_missing_configured_ones(newslint, tmp_path):
    write_files(tmp_path, {".newslint.yaml": "sources: [gone]\nselect: [facts.Names]\n", "notes/a.txt": "Jane Ortiz spoke.\n", "s.md": TEXT})
    assert newslint("check", "s.md", "--sources", "notes").code == 0
