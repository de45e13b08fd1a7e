"""Fix mode end to end through the CLI: `check --fix`, `--diff`, `--unsafe-fixes`, stdin, and
that nothing is lost (encoding, BOM, line endings, mode, bytes outside the edits)."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newslint.cli.main import main

ROOT = Path(__file__).resolve().parent.parent

# A tiny house style of our own: safe single replacements, one unsafe choice, one rule that
# may also edit inside quotations, and two rules whose edits overlap.
PACK = {
    "Words.yml": """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        level: warning
        swap:
          towards: toward
          e-mail: email
          irregardless: regardless
          web site: website
        """,
    "Choice.yml": """
        extends: substitution
        message: "Consider '%s' instead of '%s'."
        level: warning
        swap:
          utilize: use|employ
        """,
    "Quoted.yml": """
        extends: substitution
        message: "Spell it '%s', not '%s', even in quotations."
        level: warning
        inquotes: true
        swap:
          goverment: government
        """,
    "Address.yml": """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        level: warning
        swap:
          e-?mail address: address
        """,
}


def write_pack(folder: Path, rules: dict[str, str] = PACK, pack: str = "House") -> Path:
    (folder / pack).mkdir(parents=True, exist_ok=True)
    for name, body in rules.items():
        (folder / pack / name).write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    return folder


@pytest.fixture()
def rules(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "styles")


def check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", "--color", "never", *args])
    out, err = capsys.readouterr()
    return code, out, err


def house(rules: Path) -> list[str]:
    return ["--rules", str(rules), "--select", "House"]


def test_fix_applies_safe_substitutions_in_place_and_reports_what_remains(tmp_path, rules, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("# Budget\n\nThe council moved towards a vote by e-mail.\n\nThey utilize the reserve fund.\n",
                     encoding="utf-8")
    code, out, _ = check(capsys, *house(rules), "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == (
        "# Budget\n\nThe council moved toward a vote by email.\n\nThey utilize the reserve fund.\n")
    # "utilize" has two possible replacements: not safe, so it is left and still reported.
    assert code == 1
    assert "House.Choice" in out and "House.Words" not in out


def test_exit_status_is_clean_when_every_finding_was_fixed(tmp_path, rules, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("It went towards the web site, irregardless.\n", encoding="utf-8")
    code, out, _ = check(capsys, *house(rules), "--fix", str(draft))
    assert code == 0, out
    assert draft.read_text(encoding="utf-8") == "It went toward the website, regardless.\n"


def test_unsafe_fixes_only_with_the_flag(tmp_path, rules, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("They utilize the fund.\n", encoding="utf-8")
    check(capsys, *house(rules), "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == "They utilize the fund.\n"
    code, _, _ = check(capsys, *house(rules), "--fix", "--unsafe-fixes", str(draft))
    assert draft.read_text(encoding="utf-8") == "They use the fund.\n"
    assert code == 0


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path, rules, capsys):
    draft = tmp_path / "draft.md"
    before = "# Title\n\nWe walked towards it.\n\nNothing here.\n"
    draft.write_text(before, encoding="utf-8")
    code, out, _ = check(capsys, *house(rules), "--diff", str(draft))
    assert draft.read_text(encoding="utf-8") == before
    assert f"--- a/{draft}" in out and f"+++ b/{draft}" in out
    assert "-We walked towards it.\n+We walked toward it.\n" in out
    assert code == 0  # nothing would remain after the fixes


def test_never_edits_code_urls_front_matter_keys_or_quotations(tmp_path, rules, capsys):
    draft = tmp_path / "draft.md"
    before = (
        "---\n"
        "title: Heading towards a vote\n"
        "towards: a key, not prose\n"
        "---\n"
        "\n"
        "The mayor leaned towards approval, see https://example.org/towards/e-mail and `towards`.\n"
        "\n"
        "\u201cWe are moving towards a deal,\u201d she said.\n"
        "\n"
        "```\n"
        "towards = e-mail\n"
        "```\n"
    )
    draft.write_text(before, encoding="utf-8")
    check(capsys, *house(rules), "--fix", str(draft))
    after = draft.read_text(encoding="utf-8")
    assert after == before.replace("Heading towards", "Heading toward").replace("leaned towards", "leaned toward")


def test_a_rule_with_inquotes_may_fix_inside_quotations(tmp_path, rules, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("\u201cThe goverment will vote towards the end,\u201d he said.\n", encoding="utf-8")
    check(capsys, *house(rules), "--fix", str(draft))
    # The misspelling is fixed inside the quotation; the style word stays the speaker's.
    assert draft.read_text(encoding="utf-8") == "\u201cThe government will vote towards the end,\u201d he said.\n"


def test_overlapping_edits_settle_over_passes(tmp_path, rules, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("Send it to the e-mail address on file.\n", encoding="utf-8")
    check(capsys, *house(rules), "--fix", str(draft))
    # "e-mail" -> "email" first; the next pass sees "email address" and shortens it.
    assert draft.read_text(encoding="utf-8") == "Send it to the address on file.\n"


def test_fixes_that_never_settle_leave_the_file_untouched(tmp_path, capsys):
    styles = write_pack(tmp_path / "styles", {
        "There.yml": "extends: substitution\nmessage: x\nswap:\n  colour: color\n",
        "Back.yml": "extends: substitution\nmessage: x\nswap:\n  color: colour\n",
    }, pack="Loop")
    draft = tmp_path / "draft.md"
    draft.write_text("A colour photo.\n", encoding="utf-8")
    code, _, err = check(capsys, "--rules", str(styles), "--select", "Loop", "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == "A colour photo.\n"
    assert "did not settle" in err and "left unchanged" in err
    assert code == 1


def test_crlf_bom_and_missing_final_newline_are_kept(tmp_path, rules, capsys):
    draft = tmp_path / "draft.md"
    draft.write_bytes(b"\xef\xbb\xbf# T\xc3\xadtulo\r\n\r\nWe went towards it by e-mail.\r\nNo newline")
    check(capsys, *house(rules), "--fix", str(draft))
    assert draft.read_bytes() == b"\xef\xbb\xbf# T\xc3\xadtulo\r\n\r\nWe went toward it by email.\r\nNo newline"


def test_utf16_round_trip(tmp_path, rules, capsys):
    draft = tmp_path / "draft.txt"
    text = "Caf\u00e9 owners moved towards a deal.\r\n"
    draft.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    check(capsys, *house(rules), "--fix", str(draft))
    assert draft.read_bytes() == b"\xff\xfe" + text.replace("towards", "toward").encode("utf-16-le")


def test_file_mode_is_kept_and_no_temporary_file_is_left(tmp_path, rules, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("Towards nothing; towards everything.\n", encoding="utf-8")
    os.chmod(draft, 0o640)
    check(capsys, *house(rules), "--fix", str(draft))
    assert "toward everything" in draft.read_text(encoding="utf-8")
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md", "styles"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_leaves_the_original_intact(tmp_path, rules, capsys):
    folder = tmp_path / "locked"
    folder.mkdir()
    draft = folder / "draft.md"
    draft.write_text("We went towards it.\n", encoding="utf-8")
    os.chmod(folder, 0o555)
    try:
        code, _, err = check(capsys, *house(rules), "--fix", str(draft))
    finally:
        os.chmod(folder, 0o755)
    assert draft.read_text(encoding="utf-8") == "We went towards it.\n"
    assert code == 2 and "cannot write the fixes" in err


def test_a_folder_that_refuses_new_files_leaves_the_original_intact(tmp_path, rules, capsys, monkeypatch):
    # What a read-only folder does to a non-root user (root ignores the mode bits above).
    draft = tmp_path / "draft.md"
    draft.write_text("We went towards it.\n", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    code, _, err = check(capsys, *house(rules), "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == "We went towards it.\n"
    assert code == 2 and "cannot write the fixes: Permission denied" in err


def test_failure_at_the_rename_leaves_the_original_intact(tmp_path, rules, capsys, monkeypatch):
    draft = tmp_path / "draft.md"
    draft.write_text("We went towards it.\n", encoding="utf-8")

    def cross_device(source, target):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "replace", cross_device)
    code, _, _ = check(capsys, *house(rules), "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == "We went towards it.\n"
    assert code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md", "styles"]


def test_failure_mid_write_leaves_the_original_intact(tmp_path, rules, capsys, monkeypatch):
    draft = tmp_path / "draft.md"
    draft.write_text("We went towards it.\n", encoding="utf-8")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    code, out, err = check(capsys, *house(rules), "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == "We went towards it.\n"
    assert code == 2 and "No space left on device" in err and "left unchanged" in err
    assert "House.Words" in out  # the findings of the file as it still is
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.md", "styles"]


def test_a_symlink_stays_a_symlink(tmp_path, rules, capsys):
    real = tmp_path / "real.md"
    real.write_text("We went towards it.\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    check(capsys, *house(rules), "--fix", str(link))
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "We went toward it.\n"


def run_cli(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newslint", "check", "--color", "never", *args],
                          input=stdin, capture_output=True, cwd=cwd, timeout=120)


def test_stdin_with_fix_gives_the_fixed_text_on_stdout(tmp_path, rules):
    text = "\ufeffWe went towards it by e-mail.\r\n\u201cTowards,\u201d she said.\r\n".encode("utf-8")
    result = run_cli(*house(rules), "--fix", "--stdin-filename", "draft.md", "-", stdin=text, cwd=tmp_path)
    assert result.stdout == "\ufeffWe went toward it by email.\r\n\u201cTowards,\u201d she said.\r\n".encode("utf-8")
    assert result.returncode == 0, result.stderr


def test_stdin_with_diff_prints_the_diff(tmp_path, rules):
    result = run_cli(*house(rules), "--diff", "-", stdin=b"Go towards it.\n", cwd=tmp_path)
    assert b"-Go towards it.\n+Go toward it.\n" in result.stdout
    assert result.returncode == 0, result.stderr


def test_a_second_fix_changes_nothing(tmp_path, rules, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("Towards the web site, by e-mail address.\n", encoding="utf-8")
    check(capsys, *house(rules), "--fix", str(draft))
    once = draft.read_bytes()
    code, out, _ = check(capsys, *house(rules), "--diff", str(draft))
    assert out == "" and draft.read_bytes() == once


# -- with the shipped fact rules: a misspelled name becomes the sources' canonical form ----------
PORT_SOURCES = {
    "a.md": "# Harbor board approves dredging plan\n\nThe Port Commission voted 5-2 on Tuesday to approve a "
            "$48 million dredging plan.\n\nHarbor director Tobias Wendling said the plan would deepen the main "
            "channel by six feet.\n",
    "b.md": "# Dredging plan wins approval\n\nTobias Wendling, the harbor director, said contractors would be "
            "chosen by March. Wendling said the cost could rise if fuel prices climb.\n",
}


def test_a_misspelled_name_is_fixed_to_the_sources_form(tmp_path, capsys):
    sources = tmp_path / "sources"
    sources.mkdir()
    for name, text in PORT_SOURCES.items():
        (sources / name).write_text(text, encoding="utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("# Port news\n\nHarbor director Tobias Wendlung agreed, the \u201cTobias Wendlung plan\u201d aside.\n",
                     encoding="utf-8")
    code, _, _ = check(capsys, "--sources", str(sources), "--select", "facts.Names", "--fix", str(draft))
    # Fixed in the narration; inside the quotation the words stay as written.
    assert draft.read_text(encoding="utf-8") == (
        "# Port news\n\nHarbor director Tobias Wendling agreed, the \u201cTobias Wendlung plan\u201d aside.\n")
    assert code == 1  # the quoted misspelling is still reported


def test_a_misspelled_name_is_fixed_against_the_seed_articles(tmp_path, capsys):
    draft = tmp_path / "draft.md"
    draft.write_text("# Talks\n\nMexican President Claudia Sheinbuam said she had turned down the offer.\n",
                     encoding="utf-8")
    code, _, _ = check(capsys, "--sources", str(ROOT / "seeds"), "--select", "facts.Names", "--fix", str(draft))
    assert draft.read_text(encoding="utf-8") == (
        "# Talks\n\nMexican President Claudia Sheinbaum said she had turned down the offer.\n")
    assert code == 0


def test_a_line_break_in_a_replacement_follows_the_files_line_endings(tmp_path, capsys):
    styles = write_pack(tmp_path / "styles", {
        "Break.yml": "extends: substitution\nmessage: x\nswap:\n  annual report: \"annual\\nreport\"\n"}, pack="Lines")
    draft = tmp_path / "draft.md"
    draft.write_bytes(b"# Notes\r\n\r\nFor more, see the annual report.\r\n")
    check(capsys, "--rules", str(styles), "--select", "Lines", "--fix", str(draft))
    assert draft.read_bytes() == b"# Notes\r\n\r\nFor more, see the annual\r\nreport.\r\n"
