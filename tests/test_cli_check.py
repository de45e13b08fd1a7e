"""`newslint check` end to end: paths, folders, stdin, errors, exit statuses, selection,
formats and --jobs. A small rule pack written here keeps the tests independent of the
shipped packs (every run selects it)."""
from __future__ import annotations

import json
import re

import pytest

from conftest import write_files

PACK = {
    "rules/house/Hedges.yml": (
        "extends: existence\nmessage: \"Cut the hedge '%s'.\"\nlevel: warning\nignorecase: true\n"
        "tokens: [very unique, most unique]\nlink: https://example.org/style#hedges\n"
        "description: Unique has no degrees.\n"
    ),
    "rules/house/Jargon.yml": (
        "extends: existence\nmessage: \"Jargon: '%s'.\"\nlevel: error\ntokens: [synergy, leverage]\n"
    ),
    "rules/desk/Dateline.yml": (
        "extends: existence\nmessage: \"Spell out '%s' in the dateline.\"\nlevel: suggestion\ntokens: [Wash]\n"
    ),
}

DRAFT = """\
# Council votes

The council's plan is very unique, the mayor said.

Staff will leverage the new budget. The clerk in Wash said "synergy" was the goal.
"""


@pytest.fixture
def project(tmp_path):
    write_files(tmp_path, PACK)
    write_files(tmp_path, {"draft.md": DRAFT})
    return tmp_path


def check(newslint, *args, **kwargs):
    return newslint("check", "--rules", "rules", "--select", "house,desk", *args, **kwargs)


def test_text_output_names_place_severity_rule_and_shows_a_caret(newslint, project):
    result = check(newslint, "draft.md")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == "draft.md:3:23: warning [house.Hedges] Cut the hedge 'very unique'."
    assert lines[1] == "  The council's plan is very unique, the mayor said."
    assert lines[2] == "  " + " " * 22 + "^" * len("very unique")
    assert "draft.md:5:12: error [house.Jargon] Jargon: 'leverage'." in lines
    assert "draft.md:5:50: suggestion [desk.Dateline] Spell out 'Wash' in the dateline." in lines
    assert lines[-1] == "3 findings"  # "synergy" is in quotation marks: the speaker's words
    assert "\033[" not in result.out  # no colour when not on a terminal


def test_color_always_colours_the_output(newslint, project):
    result = check(newslint, "--color", "always", "draft.md")
    assert "\033[31m" in result.out and "\033[0m" in result.out


def test_folders_are_linted_recursively_in_sorted_order(newslint, project):
    write_files(project, {
        "drafts/b.md": "It is very unique.\n",
        "drafts/a/deep.txt": "Most unique of all.\n",
        "drafts/.hidden/skip.md": "Very unique.\n",
        "drafts/notes.docx": "very unique",
        "drafts/c.markdown": "A very unique case.\n",
    })
    result = check(newslint, "drafts", "--format", "json")
    paths = [item["path"] for item in json.loads(result.out)]
    assert paths == ["drafts/a/deep.txt", "drafts/b.md", "drafts/c.markdown"]


def test_stdin_with_a_filename(newslint, project):
    result = check(newslint, "-", "--stdin-filename", "drafts/story.md", "--format", "json",
                   stdin="The plan is very unique.\n".encode())
    assert result.code == 1
    [finding] = json.loads(result.out)
    assert (finding["path"], finding["line"], finding["column"], finding["text"]) == ("drafts/story.md", 1, 13, "very unique")


def test_stdin_without_a_filename_is_named_dash(newslint, project):
    result = check(newslint, "-", "--format", "json", stdin=b"Synergy? No: leverage.\n")
    assert [f["path"] for f in json.loads(result.out)] == ["-"]


def test_missing_file_is_an_error_naming_it_and_other_files_are_still_linted(newslint, project):
    result = check(newslint, "nope.md", "draft.md", "--format", "json")
    assert result.code == 2
    assert "nope.md: no such file or directory" in result.err
    assert {f["path"] for f in json.loads(result.out)} == {"draft.md"}
    assert "Traceback" not in result.err


def test_undecodable_file_is_an_error_naming_it_and_other_files_are_still_linted(newslint, project):
    write_files(project, {"latin1.md": "Line one.\nCaf\xe9 society is very unique.\n".encode("latin-1"),
                          "zz.md": "We leverage it.\n"})
    result = check(newslint, "draft.md", "latin1.md", "zz.md", "--format", "json")
    assert result.code == 2
    assert "latin1.md:2: not valid UTF-8" in result.err
    assert {f["path"] for f in json.loads(result.out)} == {"draft.md", "zz.md"}


def test_binary_file_is_refused(newslint, project):
    write_files(project, {"photo.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00"})
    result = check(newslint, "photo.md")
    assert result.code == 2 and "photo.md: looks like a binary file" in result.err


def test_utf8_with_bom_and_utf16_are_read(newslint, project):
    write_files(project, {"bom.md": "It is very unique.\n".encode("utf-8-sig"),
                          "wide.md": "It is very unique.\n".encode("utf-16")})
    result = check(newslint, "bom.md", "wide.md", "--format", "json")
    assert [(f["path"], f["column"]) for f in json.loads(result.out)] == [("bom.md", 7), ("wide.md", 7)]


@pytest.mark.parametrize(("text", "code"), [
    ("The plan is fine.\n", 0),  # nothing found
    ("The clerk in Wash left.\n", 0),  # a suggestion is below the default fail level (warning)
    ("It is very unique.\n", 1),  # a warning
    ("We leverage it.\n", 1),  # an error
])
def test_exit_status(newslint, project, text, code):
    write_files(project, {"one.md": text})
    assert check(newslint, "one.md").code == code


@pytest.mark.parametrize(("select", "ignore", "rules"), [
    ("house", "", {"house.Hedges", "house.Jargon"}),
    ("house.Jargon,desk", "", {"house.Jargon", "desk.Dateline"}),
    ("house,desk", "house.Hedges", {"house.Jargon", "desk.Dateline"}),
    ("house,desk", "house", {"desk.Dateline"}),
    ("hous", "", set()),  # a prefix is a whole pack or rule name, not a string prefix
])
def test_select_and_ignore_take_ids_and_prefixes(newslint, project, select, ignore, rules):
    args = ["check", "--rules", "rules", "--select", select, "--format", "json", "draft.md"]
    if ignore:
        args += ["--ignore", ignore]
    result = newslint(*args)
    assert {f["rule"] for f in json.loads(result.out)} == rules


def test_json_is_exactly_the_design_contract(newslint, project):
    result = check(newslint, "draft.md", "--format", "json")
    items = json.loads(result.out)
    assert list(items[0]) == ["path", "line", "column", "end_line", "end_column", "rule", "category",
                              "severity", "message", "text", "fix", "evidence"]
    assert items[0] == {
        "path": "draft.md", "line": 3, "column": 23, "end_line": 3, "end_column": 34,
        "rule": "house.Hedges", "category": "style", "severity": "warning",
        "message": "Cut the hedge 'very unique'.", "text": "very unique", "fix": None, "evidence": [],
    }
    assert [(i["line"], i["column"]) for i in items] == sorted((i["line"], i["column"]) for i in items)


def test_json_of_a_clean_run_is_an_empty_array(newslint, project):
    write_files(project, {"clean.md": "Nothing here.\n"})
    result = check(newslint, "clean.md", "--format", "json")
    assert (result.code, json.loads(result.out)) == (0, [])


def test_github_format_lines(newslint, project):
    result = check(newslint, "draft.md", "--format", "github")
    lines = result.out.splitlines()
    assert lines[0] == "::warning file=draft.md,line=3,col=23,endLine=3,endColumn=34,title=house.Hedges::Cut the hedge 'very unique'."
    assert all(re.fullmatch(r"::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[\w.]+::.+", l) for l in lines)
    assert [l.split()[0] for l in lines] == ["::warning", "::error", "::notice"]


def test_sarif_format_parses_and_points_at_the_findings(newslint, project):
    result = check(newslint, "draft.md", "--format", "sarif")
    log = json.loads(result.out)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["desk.Dateline", "house.Hedges", "house.Jargon"]
    assert [r["ruleId"] for r in run["results"]] == ["house.Hedges", "house.Jargon", "desk.Dateline"]
    for item in run["results"]:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
    location = run["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "draft.md"
    assert location["region"] == {"startLine": 3, "startColumn": 23, "endLine": 3, "endColumn": 34,
                                  "snippet": {"text": "very unique"}}


def test_unknown_format_and_bad_jobs_are_usage_errors(newslint, project):
    result = check(newslint, "draft.md", "--format", "yaml")
    assert result.code == 2 and "unknown format 'yaml'" in result.err and "sarif" in result.err
    assert check(newslint, "draft.md", "--jobs", "0").code == 2


def test_missing_sources_or_rules_folder_is_an_error(newslint, project):
    result = check(newslint, "draft.md", "--sources", "no-such-folder")
    assert result.code == 2 and "no-such-folder: no such file or directory" in result.err
    result = newslint("check", "--rules", "missing-rules", "draft.md")
    assert result.code == 2 and "missing-rules" in result.err


def test_a_broken_rule_is_reported_with_its_file_and_line_and_the_others_still_run(newslint, project):
    write_files(project, {"rules/house/Broken.yml": "extends: existence\nlevel: error\ntokens: ['(unclosed']\n",
                          "rules/house/BadYaml.yml": "extends: existence\ntokens: [a, b\n"})
    result = check(newslint, "draft.md", "--format", "json")
    assert result.code == 2
    assert re.search(r"rules/house/Broken\.yml:\d+: error: house\.Broken: .*does not compile", result.err)
    assert re.search(r"rules/house/BadYaml\.yml:\d+: error: invalid YAML", result.err)
    assert {f["rule"] for f in json.loads(result.out)} == {"house.Hedges", "house.Jargon", "desk.Dateline"}
    assert "Traceback" not in result.err


def test_jobs_give_the_same_output_in_the_same_order(newslint, project):
    write_files(project, {f"many/{n:02d}.md": f"Story {n} is very unique; staff leverage it.\n" for n in range(9)})
    single = check(newslint, "many", "draft.md", "--format", "json")
    parallel = check(newslint, "many", "draft.md", "--format", "json", "--jobs", "3")
    assert parallel.code == single.code == 1
    assert parallel.out == single.out
    assert len(json.loads(single.out)) == 2 * 9 + 3


def test_python_dash_m_newslint_works(project):
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "newslint", "--version"], capture_output=True, text=True, cwd=project)
    assert done.returncode == 0 and done.stdout.startswith("newslint ")


def test_a_selector_that_names_no_rule_is_warned_about(newslint, project):
    result = newslint("check", "--rules", "rules", "--select", "hous,desk", "--ignore", "desk.Datline", "draft.md")
    assert "warning: --select/--ignore 'hous' matches no loaded rule" in result.err
    assert "'desk.Datline' matches no loaded rule" in result.err
    assert "'desk'" not in result.err
    assert result.code == 0  # only the suggestion of desk.Dateline ran


@pytest.mark.parametrize("name", ["text", "json", "sarif", "github", "lsp"])
def test_every_format_runs_and_parses(newslint, project, name):
    result = check(newslint, "draft.md", "--format", name)
    assert result.code == 1 and "Traceback" not in result.err
    if name in ("json", "sarif", "lsp"):
        assert json.loads(result.out)
    elif name == "github":
        assert len(result.out.splitlines()) == 3 and result.out.startswith("::")
    else:
        assert result.out.endswith("3 findings\n")
