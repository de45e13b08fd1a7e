"""The engine as the language server uses it, without any LSP: one Linter per project config
and settings, one registry per source set for the whole workspace, rebuilt only when a source,
facts, rule or config file changes."""
from __future__ import annotations

from pathlib import Path

from newslint.engine import config as config_module
from newslint.engine.config import CONFIG_FILES, ConfigError, find_config
from newslint.engine.linter import Linter, Options, Report
from newslint.engine.loader import RULE_SUFFIXES, LoadProblem, builtin_rules_dir
from newslint.findings import Finding
from newslint.lsp.incremental import relint
from newslint.lsp.settings import Settings
from newslint.plugins import get_plugins
from newslint.registry.model import Registry
from newslint.registry.store import RegistryProvider


class WorkspaceRegistries(RegistryProvider):
    """The provider, plus which files the workspace's registries depend on (so a change to one
    of them invalidates), and without registries of older contents piling up."""

    def __init__(self, plugins) -> None:
        super().__init__(plugins)
        self.watched: set[Path] = set()  # source and facts files or folders in use

    def get(self, sources: list[Path], facts: list[Path], parsers: dict | None = None) -> tuple[Registry, list[str]]:
        known = len(self._current)
        value = super().get(sources, facts, parsers)
        if len(self._current) != known:
            self.watched.update(p.resolve() for p in [*sources, *facts])
            kept = [id(v) for v in self._current.values()]
            self._built = {k: v for k, v in self._built.items() if id(v) in kept}
        return value

    def covers(self, path: Path) -> bool:
        return any(path == w or w in path.parents for w in self.watched)


class Session:
    def __init__(self, root: Path | None = None) -> None:
        self.plugins = get_plugins()
        self.registries = WorkspaceRegistries(self.plugins)
        self.settings = Settings()
        self.root = root
        self._linters: dict[tuple, Linter] = {}

    def configure(self, settings: Settings) -> None:
        if settings != self.settings:
            self.settings = settings
            self._linters.clear()

    def linter_for(self, path: Path) -> Linter:
        """The linter of the nearest project config, with the editor's settings applied.
        Raises ConfigError for a broken config file."""
        folder = path.parent if path.parent.is_dir() else (self.root or Path.cwd())
        config = self.settings.apply(find_config(folder), self.root)
        key = (config.path, config.root, self.settings)
        linter = self._linters.get(key)
        if linter is None:
            linter = self._linters[key] = Linter(config, Options(), self.plugins, self.registries)
        return linter

    def lint(self, path: str, text: str) -> Report:
        try:
            return self.linter_for(Path(path)).lint_text(path, text)
        except ConfigError as error:
            return Report(path, error=str(error))
        except Exception as error:  # noqa: BLE001 - a bug in one part must not stop the server
            return Report(path, error=f"newslint failed on this file: {type(error).__name__}: {error}")

    def relint(self, path: str, old_text: str, old_findings: list[Finding], text: str, markdown: bool) -> list[Finding] | None:
        """Findings after an edit from a re-check of the edited paragraphs; None: lint it all."""
        try:
            return relint(self.linter_for(Path(path)), path, old_text, old_findings, text, markdown)
        except Exception:  # noqa: BLE001 - the complete lint will say what is wrong
            return None

    def warm_up(self) -> None:
        """Build the workspace's registry and rules before the first draft is opened."""
        if self.root is None:
            return
        try:
            linter = self.linter_for(self.root / "draft.md")
            if linter.config.sources:
                self.registries.get(linter.config.sources, linter.facts_for(), linter.parsers)
        except Exception:  # noqa: BLE001 - the first lint will report whatever is wrong
            pass

    def registry_for(self, report: Report) -> Registry | None:
        """The registry the draft was checked against (built already when a fact rule ran)."""
        if report.document is None:
            return None
        try:
            linter = self.linter_for(Path(report.path))
            sources = linter.sources_for(report.document)
            if not sources:
                return None
            return self.registries.get(sources, linter.facts_for(), linter.parsers)[0]
        except Exception:  # noqa: BLE001 - no hover is better than a failed request
            return None

    def problems(self) -> list[LoadProblem]:
        """Rule files that did not load (or loaded with a caveat), across the linters in use."""
        seen: dict[tuple, LoadProblem] = {}
        for linter in list(self._linters.values()):  # a copy: the lint thread may add one
            for problem in linter.problems:
                seen.setdefault((problem.path, problem.line, problem.message), problem)
        return list(seen.values())

    def files_changed(self, paths: list[Path]) -> bool:
        """Forget what the changed files invalidate; True when open drafts should be re-linted."""
        relint = False
        for path in paths:
            path = path.resolve()
            if path.name in CONFIG_FILES or (path.suffix in RULE_SUFFIXES and self._in_rule_folder(path)):
                _forget_configs()
                self._linters.clear()
                relint = True
            if self.registries.covers(path):
                self.registries.invalidate()
                relint = True
        return relint

    def _in_rule_folder(self, path: Path) -> bool:
        folders = {builtin_rules_dir().resolve()}
        for linter in self._linters.values():
            folders.update(p.resolve() for p in linter.config.rules)
        return path.parent.parent in folders


def _forget_configs() -> None:
    """Empty the engine's config cache (find_config is cached per folder) after a config change."""
    for function in (find_config, getattr(config_module, "_find_config", None)):
        clear = getattr(function, "cache_clear", None)
        if clear is not None:
            clear()
