"""The `newslint-fix` hook for real: `pre-commit try-repo` installs newslint from this
repository's HEAD and runs the hook in a temporary newsroom repository with its own rule pack."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

pytestmark = pytest.mark.skipif(
    not PRE_COMMIT.exists() or shutil.which("git") is None or not (REPO / ".git").exists(),
    reason="needs pre-commit in the venv, git, and a git checkout of newslint",
)


def test_the_fix_hook_fixes_the_draft_and_fails_the_commit_once(tmp_path):
    newsroom = tmp_path / "newsroom"
    (newsroom / "styles" / "house").mkdir(parents=True)
    (newsroom / "styles" / "house" / "Toward.yml").write_text(
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: error\nswap:\n  towards: toward\n")
    (newsroom / ".newslint.yaml").write_text("rules: [styles]\nselect: [house]\n")
    (newsroom / "drafts").mkdir()
    draft = newsroom / "drafts" / "vote.md"
    draft.write_bytes(b"# Vote\r\n\r\nThe council moved towards a vote.\r\n")
    subprocess.run(["git", "init", "-q"], cwd=newsroom, check=True)
    subprocess.run(["git", "add", "."], cwd=newsroom, check=True)  # staged, as for a commit
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}
    done = subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(REPO), "newslint-fix", "--ref", head, "--verbose", "--files", "drafts/vote.md"],
        cwd=newsroom, env=env, capture_output=True, text=True, timeout=600)
    output = done.stdout + done.stderr
    # pre-commit fails a hook that changed files, so the author sees and stages the fix.
    assert done.returncode == 1, output
    assert "files were modified by this hook" in output
    assert draft.read_bytes() == b"# Vote\r\n\r\nThe council moved toward a vote.\r\n"
