"""The rule loader lists rule packs with os.scandir and strings (engine/loader.py): the same
rules, ids, order and file paths as the pathlib listing it replaced, on the shipped packs and
on folders with hidden packs, odd names, symlinks and files where packs should be."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import write_files
from newslint.engine.loader import RULE_SUFFIXES, builtin_rules_dir, load_rules, rule_files
from newslint.plugins import get_plugins

RULE = "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\ntokens:\n  - plainly\n"


def listed_with_pathlib(folder: Path) -> list[tuple[str, Path]]:
    """The listing as it was written with pathlib (the reference)."""
    found = []
    if not folder.is_dir():
        return found
    for pack in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for path in sorted(pack.iterdir()):
            if path.suffix in RULE_SUFFIXES and path.is_file():
                found.append((f"{pack.name}.{path.stem}", path))
    return found


@pytest.fixture
def odd(tmp_path: Path) -> Path:
    files = {f"odd/{name}": RULE for name in (
        "Desk/B.yml", "Desk/a.yaml", "Desk/Z.yml", "Desk/two.dots.yml", "Desk/.yml", "Desk/.hidden.yml",
        "Desk/notes.txt", "Desk/noext", "Desk/trailing.", "Desk/x.YML", ".Hidden/H.yml", "_under/U.yml",
        "Other/A.yml", "Other/sub/Deep.yml")}
    files["odd/loose.yml"] = RULE  # a file where packs are: not a pack
    root = write_files(tmp_path, files) / "odd"
    (root / "Desk" / "folder.yml").mkdir()  # a folder named like a rule: not a rule
    (root / "Linked").symlink_to(root / "Other", target_is_directory=True)
    (root / "Desk" / "link.yml").symlink_to(root / "Desk" / "B.yml")
    (root / "Desk" / "dangling.yml").symlink_to(root / "Desk" / "missing.yml")
    return root


def test_the_same_rules_as_the_pathlib_listing(odd: Path, tmp_path: Path) -> None:
    for folder in (builtin_rules_dir(), odd, odd / "Desk", tmp_path / "missing", odd / "loose.yml"):
        assert rule_files(folder) == listed_with_pathlib(folder), folder
    ids = [rule_id for rule_id, _ in rule_files(odd)]
    assert {"Desk.B", "Desk.two.dots", "Desk.link", "Linked.A", "_under.U"} <= set(ids)
    assert not {"Desk.folder", "Desk.dangling", "Desk.notes", ".Hidden.H", "Other.sub.Deep"} & set(ids)


@pytest.mark.parametrize("spelling", ["absolute", "relative", "dot", "dot-slash", "trailing-slash"])
def test_spec_paths_are_the_paths_pathlib_gave(odd: Path, spelling: str, monkeypatch) -> None:
    monkeypatch.chdir(odd.parent if spelling != "dot" else odd)
    folder = {"absolute": odd, "relative": Path("odd"), "dot": Path("."), "dot-slash": Path("./odd"),
              "trailing-slash": Path("odd/")}[spelling]
    ruleset = load_rules([folder], get_plugins().rule_kinds())
    expected = {rule_id: str(path) for rule_id, path in listed_with_pathlib(folder)}
    assert {spec.id: spec.path for spec in ruleset.specs} == expected
    assert all(os.path.exists(spec.path) for spec in ruleset.specs)
