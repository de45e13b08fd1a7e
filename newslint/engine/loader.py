"""Load rule packs: `DIR/Pack/Rule.yml` is rule `Pack.Rule`. YAML is loaded safely; a rule that
does not load is reported with its file and line and the other rules still load."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from newslint.datafiles import safe_load_with_node
from newslint.kinds.base import COMMON_KEYS, Rule, RuleError, RuleSpec
from newslint.yamlcache import ParsedYaml

RULE_SUFFIXES = (".yml", ".yaml")


@dataclass(eq=False, repr=False)  # never compared or changed; printed by __str__: no generated methods
class LoadProblem:
    """A rule file that did not load, or loaded with a caveat."""

    path: str
    line: int
    message: str
    severity: str = "error"  # error: the rule was not loaded; warning: loaded with a caveat

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message}"


@dataclass(eq=False, repr=False)  # never compared or printed: no generated methods to compile at start-up
class RuleSet:
    """The rules loaded from the rule folders, the problems met, and every spec read."""

    rules: list[Rule] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)
    specs: list[RuleSpec] = field(default_factory=list)  # every spec read, loaded or not


def builtin_rules_dir() -> Path:
    """The rule packs shipped with newslint: inside the wheel, or the repository's rules/."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "_rules"
    return installed if installed.is_dir() else package.parent / "rules"


def rule_files(folder: Path) -> list[tuple[str, Path]]:
    """(rule id, path) for every rule in the packs under `folder`, sorted by id."""
    return [(rule_id, folder / pack / name) for rule_id, pack, name in _rule_names(folder)]


def _rule_names(folder: Path) -> list[tuple[str, str, str]]:
    """(rule id, pack, file name) for every rule in the packs under `folder`, in the order of
    rule_files. Read with os.scandir, whose entries know their type: no Path objects and no
    stat call per file (a cold check reads ~50 rule files)."""
    found: list[tuple[str, str, str]] = []
    try:
        with os.scandir(folder) as entries:
            packs = sorted(e.name for e in entries if not e.name.startswith(".") and e.is_dir())
    except (FileNotFoundError, NotADirectoryError):  # not there, or not a folder
        return found
    for pack in packs:
        with os.scandir(os.path.join(folder, pack)) as entries:
            names = sorted(e.name for e in entries if _suffix(e.name) in RULE_SUFFIXES and e.is_file())
        found.extend((f"{pack}.{_stem(name)}", pack, name) for name in names)
    return found


def _suffix(name: str) -> str:
    """PurePath(name).suffix."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _stem(name: str) -> str:
    """PurePath(name).stem."""
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def read_spec(rule_id: str, path: Path | str, cache: ParsedYaml | None = None,
              name: str | None = None) -> tuple[RuleSpec | None, LoadProblem | None]:
    """Parse one rule file into a RuleSpec with the line of every top-level key; with a
    cache (of the folder the file is `name` in), a file parsed in an earlier run is not
    parsed again."""
    try:
        with open(path, "rb") as stream:
            raw = stream.read()
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text
    except (OSError, UnicodeDecodeError) as error:
        return None, LoadProblem(str(path), 1, f"cannot read rule file: {error}")
    parsed = cache.parse(name or path.name, raw, lambda: _parse_rule(text)) if cache else _parse_rule(text)
    if isinstance(parsed[0], int):
        line, message = parsed
        return None, LoadProblem(str(path), line, message)
    data, lines = parsed
    return RuleSpec(id=rule_id, path=str(path), data=data, lines=lines, line=1), None


def _parse_rule(text: str) -> tuple[dict, dict[str, int]] | tuple[int, str]:
    """(data, line of every top-level key), or (line, problem) when it is not a rule mapping."""
    import yaml  # here: rules read from the cache need no PyYAML

    try:
        data, node = _load_with_node(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        return (mark.line + 1 if mark else 1), f"invalid YAML: {problem}"
    except (ValueError, RecursionError) as error:  # a bad date or number, nesting too deep
        return 1, f"invalid YAML: {type(error).__name__}: {error}"
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        return 1, "a rule file must be a YAML mapping with an 'extends' key"
    return data, {str(key.value): key.start_mark.line + 1 for key, _ in node.value}


def _load_with_node(raw: str):
    """Parse once, safely (libyaml's safe loader when PyYAML has it: parsing thousands of
    rule files dominates start-up): the data and the node tree (for the line of every key)."""
    return safe_load_with_node(raw)


def compile_rule(spec: RuleSpec, kinds: dict[str, type[Rule]]) -> tuple[Rule | None, list[LoadProblem]]:
    extends = spec.data.get("extends")
    if not isinstance(extends, str) or extends not in kinds:  # `extends: [x]` is unhashable
        known = ", ".join(sorted(kinds))
        line = spec.lines.get("extends", 1)
        return None, [LoadProblem(spec.path, line, f"unknown or missing 'extends: {extends}' (known kinds: {known})")]
    kind = kinds[extends]
    try:
        rule = kind(spec)
    except RuleError as error:
        line = spec.lines.get(error.key or "", None) or _line_of_error(spec, str(error))
        return None, [LoadProblem(spec.path, line, f"{spec.id}: {error}")]
    except (TypeError, ValueError, AttributeError, KeyError) as error:
        return None, [LoadProblem(spec.path, 1, f"{spec.id}: wrong type of value: {error}")]
    except Exception as error:  # noqa: BLE001 - a kind's bug (or a formula too deep to parse) must not stop the run
        return None, [LoadProblem(spec.path, 1, f"{spec.id}: cannot be loaded: {type(error).__name__}: {error}")]
    problems = []
    for key in sorted(set(spec.data) - COMMON_KEYS - kind.keys):
        problems.append(LoadProblem(spec.path, spec.lines.get(key, 1), f"{spec.id}: unknown key {key!r} for extends: {extends} (ignored)", "warning"))
    return rule, problems


def _line_of_error(spec: RuleSpec, message: str) -> int:
    """Best guess at the line: the first key that the error message names."""
    for key, line in spec.lines.items():
        if f"'{key}'" in message or f"{key}:" in message:
            return line
    return spec.lines.get("extends", 1)


def load_rules(folders: list[Path], kinds: dict[str, type[Rule]]) -> RuleSet:
    """Load every pack in `folders`; a later folder's rule replaces an earlier one's of the same id."""
    by_id: dict[str, tuple[int, str, str]] = {}  # rule id -> (folder, path, path in the folder)
    found: list[list[str]] = []  # per folder: its rule files, relative
    for index, folder in enumerate(folders):
        base = str(Path(folder))
        base = "" if base == "." else base  # as Path(".") / "pack" gives "pack"
        found.append([])
        for rule_id, pack, name in _rule_names(folder):
            relative = os.path.join(pack, name)
            found[-1].append(relative)
            by_id[rule_id] = (index, os.path.join(base, relative), relative)
    caches = [ParsedYaml(folder, "rules") if names else None for folder, names in zip(folders, found)]
    ruleset = RuleSet()
    for rule_id, (index, path, relative) in sorted(by_id.items()):
        spec, problem = read_spec(rule_id, path, caches[index], relative)
        if problem:
            ruleset.problems.append(problem)
            continue
        ruleset.specs.append(spec)
        rule, problems = compile_rule(spec, kinds)
        ruleset.problems.extend(problems)
        if rule is not None:
            ruleset.rules.append(rule)
    for cache, names in zip(caches, found):
        if cache is not None:
            cache.save(set(names))
    return ruleset
