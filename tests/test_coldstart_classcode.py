"""The code Python compiles from text at import, kept between runs (newslint/cli/classcode.py):
dataclasses' generated methods and typing's forward references get the very code the builtins
give, the table one run writes is used by the next, and a file that is not this user's, or not
for this Python, is ignored."""
from __future__ import annotations

import dataclasses
import marshal
import os
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from newslint.cli import classcode

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "tests" / "eval" / "storm" / "tornado.md"
SOURCES = ROOT / "tests" / "eval" / "storm" / "sources"
PROBE = """
import sys
from newslint.cli import classcode
from newslint.cli.main import command
classcode.load("check")
code = command(sys.argv[1:])
print(classcode._state["new"], len(classcode._used), file=sys.stderr)
sys.stdout.flush()
"""


def _run(env: dict) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", PROBE, "check", str(DRAFT), "--sources", str(SOURCES), "--format", "json"]
    return subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT / "tests", timeout=300)


@pytest.fixture(scope="module")
def kept(tmp_path_factory) -> tuple[Path, list[subprocess.CompletedProcess]]:
    home = tmp_path_factory.mktemp("home")
    env = {**os.environ, "XDG_CACHE_HOME": str(home)}
    env.pop("NEWSLINT_CACHE_DIR", None)
    env.pop("NEWSLINT_NO_CACHE", None)
    runs = [_run(env), _run(env)]
    return home / "newslint" / "class-code-check.bin", runs


def test_a_second_run_compiles_nothing_and_finds_the_same(kept) -> None:
    table, (first, second) = kept
    assert table.exists()
    assert first.stdout == second.stdout and first.stdout.strip()
    new, used = map(int, second.stderr.strip().splitlines()[-1].split())
    assert new == 0 and used > 100  # every method and reference came from the table


def test_every_kept_code_is_what_compile_gives(kept) -> None:
    table, _ = kept
    _, entries = marshal.loads(table.read_bytes()[32:])
    modes = {key.partition(":")[0] for key in entries}
    assert modes == {"exec", "eval"}
    for key, packed in entries.items():
        mode, _, text = key.partition(":")
        assert marshal.loads(packed) == compile(text, "<string>", mode, dont_inherit=True), text[:80]


def _classes() -> list[type]:
    """Dataclasses of every shape dataclasses generates methods for."""
    @dataclasses.dataclass
    class Plain:
        a: int
        b: str = "x"
        c: list = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, order=True)
    class Frozen:
        a: int
        b: typing.Any = None

    @dataclasses.dataclass(eq=False, repr=False, kw_only=True)
    class Bare:
        a: int = 0
        b: tuple = ()

    @dataclasses.dataclass(unsafe_hash=True, slots=True)
    class Slotted:
        a: int
        b: float = 1.5

    return [Plain, Frozen, Bare, Slotted]


def _methods(classes: list[type]) -> list[tuple[str, object]]:
    names = ("__init__", "__repr__", "__eq__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
             "__setattr__", "__delattr__")
    return [(f"{cls.__name__}.{name}", getattr(vars(cls).get(name), "__code__", None))
            for cls in classes for name in names]


def test_dataclasses_get_the_same_methods_from_kept_code(monkeypatch) -> None:
    plain = _methods(_classes())  # the builtin exec
    monkeypatch.setattr(dataclasses, "exec", classcode._exec, raising=False)
    fresh = _methods(_classes())  # compiled by classcode, and kept
    again = _methods(_classes())  # from the kept code
    assert plain == fresh == again
    assert sum(code is not None for _, code in plain) >= 15
    instance = _classes()[1](1, "b")
    with pytest.raises(dataclasses.FrozenInstanceError):
        instance.a = 2
    assert repr(instance).endswith("Frozen(a=1, b='b')")


def test_forward_references_get_the_same_code(monkeypatch) -> None:
    texts = ["int", "list[str] | None", "dict[str, tuple[int, ...]]", "Callable[[int], str]"]
    plain = [typing.ForwardRef(text).__forward_code__ for text in texts]
    monkeypatch.setattr(typing, "compile", classcode._compile, raising=False)
    assert [typing.ForwardRef(text).__forward_code__ for text in texts] == plain
    assert [typing.ForwardRef(text).__forward_code__ for text in texts] == plain  # kept
    with pytest.raises(SyntaxError, match="Forward reference must be an expression"):
        typing.ForwardRef("not an expression =")


def test_a_table_not_signed_with_the_users_key_or_for_another_python_is_ignored(kept, tmp_path, monkeypatch) -> None:
    table, _ = kept
    key = (table.parent / "cache.key").read_bytes()
    assert classcode._read(str(table), key)
    data = bytearray(table.read_bytes())
    data[-1] ^= 1
    altered = tmp_path / "altered.bin"
    altered.write_bytes(bytes(data))
    assert classcode._read(str(altered), key) == {}
    assert classcode._read(str(table), bytes(32)) == {}
    monkeypatch.setattr(classcode, "FORMAT", classcode.FORMAT + 1)
    assert classcode._read(str(table), key) == {}


def test_nothing_is_installed_or_kept_without_the_cache(tmp_path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "NEWSLINT_NO_CACHE": "1"}
    probe = ("import dataclasses, sys\nfrom newslint.cli import classcode\nclasscode.load('check')\n"
             "print(hasattr(dataclasses, 'exec'), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    assert done.stderr.strip() == "False"
    assert not list(tmp_path.rglob("class-code-*"))
