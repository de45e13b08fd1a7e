"""Robustness of sources: unreadable, binary and undecodable source files, an empty sources
folder, thousands of sources and sources that contradict each other. The check still runs;
problems with sources are warnings naming the file, never errors that stop the draft's check.

Besides the seeds, a second story of our own (a city council vote) is used.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
SEED_DRAFT = "Mexican President Gloria Sheibaum spoke on Tuesday.\n"


def run_cli(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    (cwd / ".newslint.yaml").write_text("{}\n", encoding="utf-8")
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(cwd / ".cache")}
    done = subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, capture_output=True,
                          timeout=timeout, env=env)
    stderr = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    return done


def findings(done: subprocess.CompletedProcess) -> list[dict]:
    data = json.loads(done.stdout.decode("utf-8"))
    assert isinstance(data, list)
    return data


def council_source(number: int, mayor: str = "Ana Ruiz", votes: str = "7-2", title: str = "Mayor") -> str:
    return (f"Riverton council approves budget ({number})\n\n"
            f"The Riverton city council voted {votes} on Tuesday to approve the $4.5 million budget, "
            f"{title} {mayor} said. \"We have done the work,\" {mayor.split()[-1]} said after the vote. "
            f"Councilwoman Maria Lopez voted against it.\n")


def test_unreadable_binary_and_undecodable_sources_are_warnings(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    (sources / "image.txt").write_bytes(PNG)
    (sources / "latin1.md").write_bytes("Caf\u00e9 society.\nA second line \u00e9.\n".encode("latin-1"))
    (sources / "empty.txt").write_bytes(b"")
    (sources / "utf16.txt").write_bytes(council_source(1).encode("utf-16"))
    (sources / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (sources / "folder.txt").mkdir()
    (sources / "notes.docx").write_bytes(b"PK\x03\x04 not a source")
    (tmp_path / "draft.md").write_text(SEED_DRAFT, encoding="utf-8")

    done = run_cli("check", "draft.md", "--sources", "sources", "--format", "json", cwd=tmp_path)

    assert done.returncode == 1  # the draft's finding, not an input error
    stderr = done.stderr.decode()
    warnings = [line for line in stderr.splitlines() if line.startswith("newslint: warning:")]
    assert any("image.txt" in line and "binary" in line for line in warnings), stderr
    assert any("latin1.md:1" in line and "UTF-8" in line for line in warnings), stderr
    assert "error" not in stderr
    assert [f["rule"] for f in findings(done)] == ["facts.Names"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_source_without_read_permission_is_a_warning(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    secret = sources / "secret.txt"
    secret.write_text(council_source(1), encoding="utf-8")
    secret.chmod(0)
    (tmp_path / "draft.md").write_text(SEED_DRAFT, encoding="utf-8")
    try:
        done = run_cli("check", "draft.md", "--sources", "sources", "--format", "json", cwd=tmp_path)
    finally:
        secret.chmod(0o644)
    assert done.returncode == 1
    assert "secret.txt" in done.stderr.decode()
    assert [f["rule"] for f in findings(done)] == ["facts.Names"]


def test_an_empty_sources_folder_still_checks_style(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "draft.md").write_text(SEED_DRAFT + "\nThe zebra is very unique.\n", encoding="utf-8")
    done = run_cli("check", "draft.md", "--sources", "empty", "--format", "json", cwd=tmp_path)
    assert done.returncode in (0, 1)
    assert all(f["category"] not in ("name", "title", "quote", "figure") for f in findings(done))


def test_an_empty_sources_folder_is_a_warning_naming_it(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "draft.md").write_text(SEED_DRAFT, encoding="utf-8")
    done = run_cli("check", "draft.md", "--sources", "empty", "--format", "json", cwd=tmp_path)
    assert "empty" in done.stderr.decode()


@pytest.mark.parametrize("count", [300, pytest.param(2000, marks=pytest.mark.slow)])
def test_thousands_of_small_sources(tmp_path: Path, count: int) -> None:
    sources = tmp_path / "sources"
    for number in range(count):
        folder = sources / f"batch{number // 500}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{number:04d}.txt").write_text(council_source(number), encoding="utf-8")
    (tmp_path / "draft.md").write_text(
        "Mayor Ana Ruis said the council voted 7-2. \"We have done the work,\" Ruiz said.\n", encoding="utf-8")
    done = run_cli("check", "draft.md", "--sources", "sources", "--format", "json", cwd=tmp_path, timeout=600)
    assert done.returncode in (0, 1), done.stderr.decode()
    for finding in findings(done):
        for evidence in finding["evidence"]:
            assert (tmp_path / evidence["source"]).is_file()


def test_contradictory_sources(tmp_path: Path) -> None:
    """Sources that disagree on a name, a title and a figure: the check runs and whatever it
    reports cites sources that exist, on lines that say it."""
    sources = tmp_path / "sources"
    sources.mkdir()
    variants = [("Ana Ruiz", "7-2", "Mayor"), ("Ana Ruiz", "7-2", "Mayor"), ("Ana Ruiz", "6-3", "former Mayor"),
                ("Anna Ruiz", "6-3", "Mayor"), ("Ana Ruis", "7-2", "Deputy Mayor")]
    for number, (mayor, votes, title) in enumerate(variants):
        (sources / f"{number}.txt").write_text(council_source(number, mayor, votes, title), encoding="utf-8")
    draft = "Former Mayor Anna Ruiz said the council voted 6-3 on Tuesday.\n"
    (tmp_path / "draft.md").write_text(draft, encoding="utf-8")
    done = run_cli("check", "draft.md", "--sources", "sources", "--format", "json", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr.decode()
    for finding in findings(done):
        assert draft[finding["column"] - 1:finding["end_column"] - 1] == finding["text"]
        for evidence in finding["evidence"]:
            lines = (tmp_path / evidence["source"]).read_text(encoding="utf-8").splitlines()
            assert evidence["text"] in lines[evidence["line"] - 1]
