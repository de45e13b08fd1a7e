"""The pre-commit hook for real: `pre-commit try-repo` installs newslint from this repository's
HEAD into a fresh environment (about 15 s each) and runs the `newslint` hook in a temporary
newsroom repository. That repository brings its own tiny rule pack and `.newslint.yaml`, so the
test depends only on the engine and the hook definition."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import write_files

REPO = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

NEWSROOM = {
    "styles/house/Jargon.yml": "extends: existence\nmessage: \"Jargon: '%s'.\"\nlevel: error\ntokens: [leverage]\n",
    ".newslint.yaml": "rules: [styles]\nselect: [house]\n",
    "drafts/slip.md": "# Budget vote\n\nThe council will leverage the surplus, the mayor said.\n",
    "drafts/clean.md": "# Budget vote\n\nThe council will use the surplus, the mayor said.\n",
}

pytestmark = pytest.mark.skipif(
    not PRE_COMMIT.exists() or shutil.which("git") is None or not (REPO / ".git").exists(),
    reason="needs pre-commit in the venv, git, and a git checkout of newslint",
)


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    root = write_files(tmp_path_factory.mktemp("newsroom"), NEWSROOM)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return root


def try_repo(newsroom: Path, *files: str) -> subprocess.CompletedProcess:
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
    env = {**os.environ, "PRE_COMMIT_HOME": str(newsroom.parent / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(REPO), "newslint", "--ref", head, "--verbose", "--files", *files],
        cwd=newsroom, env=env, capture_output=True, text=True, timeout=600)


def test_hook_fails_on_a_slip_and_shows_the_finding(newsroom):
    done = try_repo(newsroom, "drafts/slip.md", "drafts/clean.md")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "newslint" in output and "Failed" in output
    assert "drafts/slip.md:3:18: error [house.Jargon] Jargon: 'leverage'." in output
    assert "drafts/clean.md:" not in output


def test_hook_passes_on_a_clean_draft(newsroom):
    done = try_repo(newsroom, "drafts/clean.md")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Passed" in output
