"""The caches' temporary files (yamlcache.temporary_file): a new file only this process has
opened, for this user only, never one that exists; and a check that writes its caches (every
check of a draft not checked before compiles some word lists anew) imports no tempfile."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import regexcache, yamlcache

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def test_a_temporary_file_is_new_and_this_users_only(tmp_path) -> None:
    first, first_name = yamlcache.temporary_file(tmp_path, ".x-")
    second, second_name = yamlcache.temporary_file(tmp_path, ".x-")
    os.close(first)
    os.close(second)
    assert first_name != second_name
    for name in (first_name, second_name):
        assert Path(name).parent == tmp_path and Path(name).name.startswith(".x-") and name.endswith(".tmp")
        assert stat.S_IMODE(os.stat(name).st_mode) == 0o600 and os.path.getsize(name) == 0


def test_a_name_that_exists_is_never_opened(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(os, "urandom", lambda size: b"\x01" * size)  # every draw gives the same name
    handle, name = yamlcache.temporary_file(tmp_path, ".x-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(b"kept")
    with pytest.raises(FileExistsError):
        yamlcache.temporary_file(tmp_path, ".x-")
    assert Path(name).read_bytes() == b"kept"


def test_write_signed_leaves_only_the_file(tmp_path) -> None:
    target = tmp_path / "cache" / "thing.bin"
    assert yamlcache.write_signed(target, b"k" * 32, b"payload", ".thing-", b"tail")
    assert [p.name for p in target.parent.iterdir()] == ["thing.bin"]
    assert target.read_bytes().endswith(b"payloadtail")


CHECK_AND_SAVE = """
import atexit, sys
from newslint.cli.main import command
code = command(["check", sys.argv[1], "--sources", sys.argv[2], "--format", "json"])
atexit._run_exitfuncs()  # the caches are written here, as at the end of a `newslint check`
print("tempfile" in sys.modules, code)
"""


def test_a_check_that_writes_its_caches_imports_no_tempfile(tmp_path) -> None:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    env.pop("NEWSLINT_NO_CACHE", None)

    def check(draft: Path) -> str:
        done = subprocess.run([sys.executable, "-c", CHECK_AND_SAVE, str(draft), str(SEEDS)], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=300)
        return done.stdout.strip().splitlines()[-1]

    check(ROOT / "examples" / "draft.md")  # builds the registry and fills the caches
    programs = tmp_path / "cache" / regexcache.FILE_NAME
    before = programs.stat().st_mtime_ns
    assert check(ROOT / "tests" / "eval" / "storm" / "tornado.md").startswith("False")  # another draft
    assert programs.stat().st_mtime_ns != before  # its word lists were compiled and the file written
