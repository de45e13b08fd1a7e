"""YAML safety: every YAML newslint reads (rule files, config files, front matter, curated
facts files) is loaded safely. A `!!python/...` payload is refused, reported cleanly, and no
code runs (the payload would create a marker file)."""
from __future__ import annotations

import ast
import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_DRAFT = "Mexican President Gloria Sheibaum spoke on Tuesday.\n"
TAGS = ["!!python/object/apply:os.system", "!!python/object/new:os.system", "!!python/name:os.system",
        "!!python/module:os", "!!python/object:os._wrap_close"]


def payload(tag: str, marker: Path) -> str:
    """A YAML value that, loaded unsafely, would run `touch marker`."""
    return f"{tag} [\"touch {marker}\"]"


def run_cli(*args: str, cwd: Path, config: str | None = "{}\n") -> subprocess.CompletedProcess:
    if config is not None:
        (cwd / ".newslint.yaml").write_text(config, encoding="utf-8")
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(cwd / ".cache")}
    done = subprocess.run([sys.executable, "-m", "newslint", *args], cwd=cwd, capture_output=True, timeout=300, env=env)
    assert "Traceback" not in done.stderr.decode("utf-8", "replace"), done.stderr.decode()
    return done


@pytest.mark.parametrize("tag", TAGS)
def test_payload_in_a_rule_file_is_refused(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "ran"
    (tmp_path / "rules" / "Evil").mkdir(parents=True)
    (tmp_path / "rules" / "Evil" / "Rule.yml").write_text(
        f"extends: existence\nmessage: {payload(tag, marker)}\ntokens: [zebra]\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text("A zebra.\n", encoding="utf-8")
    done = run_cli("check", "draft.md", "--rules", "rules", cwd=tmp_path)
    assert not marker.exists()
    assert done.returncode == 2
    assert re.search(r"rules/Evil/Rule\.yml:2: error: invalid YAML", done.stderr.decode()), done.stderr.decode()


@pytest.mark.parametrize("tag", TAGS[:2])
def test_payload_in_a_config_file_is_refused(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "ran"
    (tmp_path / "draft.md").write_text("A zebra.\n", encoding="utf-8")
    done = run_cli("check", "draft.md", cwd=tmp_path, config=f"ignore: {payload(tag, marker)}\n")
    assert not marker.exists()
    assert done.returncode == 2
    assert ".newslint.yaml" in done.stderr.decode() and "invalid YAML" in done.stderr.decode()


@pytest.mark.parametrize("tag", TAGS[:2])
def test_payload_in_front_matter_is_ignored_and_the_body_still_linted(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "ran"
    (tmp_path / "draft.md").write_text(f"---\ntitle: {payload(tag, marker)}\n---\n{SEED_DRAFT}", encoding="utf-8")
    done = run_cli("check", "draft.md", "--sources", str(SEEDS), "--format", "json", cwd=tmp_path)
    assert not marker.exists()
    assert done.returncode == 1
    assert b"facts.Names" in done.stdout


@pytest.mark.parametrize("tag", TAGS[:2])
def test_payload_in_a_curated_facts_file_is_refused(tmp_path: Path, tag: str) -> None:
    marker = tmp_path / "ran"
    (tmp_path / "facts.yaml").write_text(f"entities:\n  - name: {payload(tag, marker)}\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text(SEED_DRAFT, encoding="utf-8")
    done = run_cli("check", "draft.md", "--sources", str(SEEDS), "--facts", "facts.yaml", "--format", "json", cwd=tmp_path)
    assert not marker.exists()
    assert "facts.yaml" in done.stderr.decode() and "invalid YAML" in done.stderr.decode()
    assert b"facts.Names" in done.stdout  # the sources are still used


def test_a_facts_file_with_an_impossible_date_is_reported(tmp_path: Path) -> None:
    (tmp_path / "facts.yaml").write_text("entities:\n  - name: Ana Ruiz\n    since: 2024-13-45\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text(SEED_DRAFT, encoding="utf-8")
    done = run_cli("check", "draft.md", "--sources", str(SEEDS), "--facts", "facts.yaml", "--format", "json", cwd=tmp_path)
    assert "facts.yaml" in done.stderr.decode()


class _Touch:
    """Unpickling this object runs `touch path`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return (os.system, (f"touch {self.path}",))


def test_a_planted_registry_cache_does_not_run_code(tmp_path: Path) -> None:
    from newslint.plugins import get_plugins
    from newslint.registry import store

    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    (tmp_path / ".newslint.yaml").write_text("{}\n", encoding="utf-8")
    marker = tmp_path / "ran"
    plugins = get_plugins()
    key = store.content_key([sources], [], plugins.fact_extractors())
    folder = store.cache_dir([sources])
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"registry-{key[:32]}.pickle").write_bytes(pickle.dumps(_Touch(marker)))
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSLINT_")}
    try:
        os.environ.pop("NEWSLINT_CACHE_DIR", None)
        store.RegistryProvider(plugins).get([sources], [])
    finally:
        os.environ.clear()
        os.environ.update(env)
    assert not marker.exists()


UNSAFE_CALLS = {"unsafe_load", "unsafe_load_all", "full_load", "full_load_all"}
UNSAFE_LOADERS = {"Loader", "UnsafeLoader", "FullLoader", "CLoader", "CUnsafeLoader", "CFullLoader"}


def unsafe_yaml_uses(tree: ast.AST) -> list[int]:
    """Lines of yaml calls that can build arbitrary Python objects: unsafe_load/full_load,
    load/load_all without a safe Loader, or any use of an unsafe Loader class."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in UNSAFE_LOADERS | UNSAFE_CALLS:
            found.append(node.lineno)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("load", "load_all") \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "yaml":
            loader = [k.value for k in node.keywords if k.arg == "Loader"] + node.args[1:2]
            if not loader or "SafeLoader" not in ast.unparse(loader[0]):
                found.append(node.lineno)
    return found


def test_no_unsafe_yaml_load_in_the_package() -> None:
    offenders = []
    for path in sorted((ROOT / "newslint").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for number in unsafe_yaml_uses(ast.parse(source)):
            offenders.append(f"{path.relative_to(ROOT)}:{number}: {source.splitlines()[number - 1].strip()}")
    assert offenders == []


def test_the_unsafe_yaml_finder_finds_unsafe_loads() -> None:
    code = ("yaml.load(s)\nyaml.load(s, Loader=yaml.Loader)\nyaml.unsafe_load(s)\nyaml.full_load(s)\n"
            "yaml.load(s, yaml.FullLoader)\nyaml.safe_load(s)\nyaml.load(s, Loader=yaml.SafeLoader)\n"
            "yaml.load(s, Loader=getattr(yaml, 'CSafeLoader', yaml.SafeLoader))\n")
    assert sorted(set(unsafe_yaml_uses(ast.parse(code)))) == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("front, line, words", [
    ("title: {payload}\n", 2, "not valid YAML"),
    ("title: [unclosed\nsources: x\n", 3, "not valid YAML"),
    ("- a list\n- of things\n", 1, "not a YAML mapping"),
    ("date: 2024-13-45\n", 2, "not valid YAML"),
])
def test_front_matter_that_is_not_yaml_is_a_warning_naming_the_line(tmp_path: Path, front: str, line: int, words: str) -> None:
    marker = tmp_path / "ran"
    front = front.format(payload=payload(TAGS[0], marker))
    (tmp_path / "draft.md").write_text(f"---\n{front}---\n{SEED_DRAFT}", encoding="utf-8")
    done = run_cli("check", "draft.md", "--sources", str(SEEDS), "--format", "json", cwd=tmp_path)
    assert not marker.exists()
    assert done.returncode == 1  # a warning: the body is still linted
    assert b"facts.Names" in done.stdout
    warnings = [w for w in done.stderr.decode().splitlines() if "front matter" in w]
    assert len(warnings) == 1 and f"draft.md:{line}: front matter is {words}" in warnings[0], warnings
