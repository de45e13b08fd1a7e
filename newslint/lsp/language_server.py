"""The language server on stdio (pygls 2), started by `newslint lsp` through server.run_server.

Diagnostics are published on open, on change (after a short debounce; a newer edit cancels the
pending run) and on save, and cleared on close. Linting runs in one worker thread, so the
engine is never used by two requests at once and the event loop keeps reading messages.
This is the only module that imports pygls and lsprotocol."""
from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, default_converter, lsp_method
from pygls.uris import from_fs_path, to_fs_path

from newslint import __version__
from newslint.engine.files import TEXT_SUFFIXES
from newslint.engine.linter import Report
from newslint.findings import Finding
from newslint.lsp.actions import code_actions
from newslint.lsp.diagnostics import message_diagnostic, report_diagnostics, to_diagnostic
from newslint.lsp.hover import hover_text
from newslint.lsp.positions import UTF16, LineIndex
from newslint.lsp.session import Session
from newslint.lsp.settings import parse_settings

log = logging.getLogger("newslint.lsp")
LANGUAGES = {"markdown", "plaintext", "text"}
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown")
FULL_DELAY = 0.4  # seconds of no typing before the complete lint follows a quick re-check
SETTINGS_TIMEOUT = 3.0  # seconds to wait for the client's settings before linting with defaults
WATCHED = "**/*.{md,markdown,mdown,txt,text,yml,yaml,toml}"


@dataclass
class Analysis:
    """The last findings published for an open document, kept for code actions and hover.
    `report` is the complete lint's; None after a quick re-check of the edited paragraphs."""

    version: int | None
    text: str
    findings: list[Finding]
    index: LineIndex
    report: Report | None = None


class NewslintProtocol(LanguageServerProtocol):
    """pygls' protocol, made tolerant of clients that misbehave."""

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        # pygls raises KeyError on an edit to a document that was never opened; ignore it.
        if params.text_document.uri not in self._server.documents:
            log.warning("ignoring an edit to %s, which was never opened", params.text_document.uri)
            return
        yield from super().lsp_text_document__did_change(params)

    def _handle_notification(self, method_name: str, params: Any):
        super()._handle_notification(method_name, params)
        # pygls 2.1.1 files the future of every handler it runs in _request_futures but removes
        # only requests' (when it answers them): the future of each notification, and of each step
        # of a generator handler (didOpen, didChange, didClose), stayed there for good, ~2 KB per
        # edit. Drop the finished ones here. (Not in a done-callback: pygls' shutdown cancels
        # futures while iterating over that dict. A snapshot: worker threads may pop entries.)
        for msg_id, future in list(self._request_futures.items()):
            if future.done():
                self._request_futures.pop(msg_id, None)

    def structure_message(self, data: dict[str, Any]):
        try:
            return super().structure_message(data)
        except Exception:
            # A request that cannot be read still gets an answer, so the client does not wait.
            if isinstance(data, dict) and "id" in data and "method" in data:
                self._send_response(data["id"], error=JsonRpcInvalidParams().to_response_error())
            raise


class NewslintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("newslint", __version__, protocol_cls=NewslintProtocol,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.session = Session()
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")
        self.converter = default_converter()
        self.documents: dict[str, str] = {}  # open uri -> language id
        self.analyses: dict[str, Analysis] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.problems_published: dict[str, list[dict]] = {}  # rule file uri -> its load problems
        self.logged: set[str] = set()
        self.ready = asyncio.Event()
        self.initial_options: Any = None  # settings given in initializationOptions

    # -- plumbing ---------------------------------------------------------------------------
    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding
        return str(getattr(encoding, "value", encoding) or UTF16)

    async def in_pool(self, function, *args):
        return await asyncio.get_running_loop().run_in_executor(self.pool, function, *args)

    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def report_server_error(self, error: Exception, source) -> None:
        # Into the client's log rather than a pop-up: a bad message is the client's problem.
        self.log(f"newslint: {type(error).__name__}: {error}", types.MessageType.Error)

    def diagnostics(self, items: list[dict]) -> list[types.Diagnostic]:
        return [self.converter.structure(item, types.Diagnostic) for item in items]

    def publish(self, uri: str, items: list[dict], version: int | None = None) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=self.diagnostics(items)))

    # -- documents --------------------------------------------------------------------------
    def path_for(self, uri: str) -> str:
        """The path the engine lints an open document as; its suffix chooses the parser."""
        language = self.documents.get(uri, "")
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path is None:
            folder = self.session.root or Path.cwd()
            path = str(folder / f"untitled{'.md' if language == 'markdown' else '.txt'}")
        if language == "markdown" and not path.lower().endswith(MARKDOWN_SUFFIXES):
            path += ".md"
        return path

    def lintable(self, uri: str, language: str) -> bool:
        return language in LANGUAGES or (to_fs_path(uri) or "").lower().endswith(TEXT_SUFFIXES)

    def schedule(self, uri: str, delay: float) -> None:
        """Lint `uri` after `delay` seconds, cancelling the run still pending for it."""
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            previous = self.analyses.get(uri)
            if self.session.settings.incremental and previous is not None and await self.quick(uri, previous):
                await asyncio.sleep(FULL_DELAY)
            await self.lint_and_publish(uri)
        except asyncio.CancelledError:
            pass
        except Exception as error:  # noqa: BLE001 - logged; the server carries on
            log.exception("lint failed")
            self.log(f"newslint: linting {uri} failed: {error}", types.MessageType.Error)
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    async def quick(self, uri: str, previous: Analysis) -> bool:
        """Publish findings from a re-check of the paragraphs edited since `previous`; False when
        that is not possible (or nothing changed) and the whole draft should be linted now."""
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        if text == previous.text:
            return False
        path = self.path_for(uri)
        markdown = path.lower().endswith(MARKDOWN_SUFFIXES)
        findings = await self.in_pool(self.session.relint, path, previous.text, previous.findings, text, markdown)
        current = self.workspace.get_text_document(uri)
        if findings is None or uri not in self.documents or current.version != version:
            return False
        index = LineIndex(text, self.encoding)
        self.analyses[uri] = Analysis(version, text, findings, index)
        self.publish(uri, [to_diagnostic(f, index) for f in findings], version)
        return True

    async def analyse(self, uri: str) -> Analysis | None:
        """Lint the document as it is now; None when it is closed or was edited meanwhile."""
        try:
            await asyncio.wait_for(self.ready.wait(), SETTINGS_TIMEOUT)
        except asyncio.TimeoutError:
            self.ready.set()
        if uri not in self.documents:
            return None
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        report = await self.in_pool(self.session.lint, self.path_for(uri), text)
        current = self.workspace.get_text_document(uri)
        if uri not in self.documents or current.version != version or current.source != text:
            return None
        analysis = Analysis(version, text, report.findings, LineIndex(text, self.encoding), report)
        self.analyses[uri] = analysis
        return analysis

    async def lint_and_publish(self, uri: str) -> None:
        analysis = await self.analyse(uri)
        if analysis is None:
            return
        report = analysis.report
        items = report_diagnostics(report, self.encoding) if report.error else [
            to_diagnostic(f, analysis.index) for f in analysis.findings]
        self.publish(uri, items, analysis.version)
        for note in report.notes:
            if note not in self.logged:
                self.logged.add(note)
                self.log(f"newslint: {note}", types.MessageType.Warning)
        self.publish_problems()

    async def current(self, uri: str, complete: bool = False) -> Analysis | None:
        """The analysis of the document's current text, linting now if the last one is stale
        (or, with `complete`, was a quick re-check)."""
        analysis = self.analyses.get(uri)
        if uri in self.documents:
            document = self.workspace.get_text_document(uri)
            if analysis is None or analysis.text != document.source or (complete and analysis.report is None):
                analysis = await self.analyse(uri)
        return analysis

    def relint_all(self) -> None:
        for uri in list(self.documents):
            self.schedule(uri, 0)

    def publish_problems(self) -> None:
        """Rule files that failed to load, as diagnostics on those files (and in the log)."""
        by_uri: dict[str, list[dict]] = {}
        for problem in self.session.problems():
            uri = from_fs_path(str(Path(problem.path).resolve())) or problem.path
            severity = 1 if problem.severity == "error" else 2
            by_uri.setdefault(uri, []).append(message_diagnostic(problem.message, max(0, problem.line - 1), severity))
            text = str(problem)
            if text not in self.logged:
                self.logged.add(text)
                self.log(f"newslint: {text}", types.MessageType.Warning)
        if by_uri == self.problems_published:
            return
        for uri in set(self.problems_published) - set(by_uri):
            self.publish(uri, [])
        for uri, items in by_uri.items():
            self.publish(uri, items)
        self.problems_published = by_uri

    # -- settings ---------------------------------------------------------------------------
    def apply_settings(self, data: Any) -> bool:
        """Use the client's settings; True when they changed. (Safe while a lint runs: linters are
        kept per settings, so a lint under way finishes with the old ones.)"""
        settings, problems = parse_settings(data)
        for problem in problems:
            self.log(f"newslint: {problem}", types.MessageType.Warning)
        changed = settings != self.session.settings
        self.session.configure(settings)
        return changed

    async def pull_settings(self) -> bool:
        """Ask the client for the "newslint" section; True when the settings changed."""
        workspace = self.client_capabilities.workspace
        if not (workspace and workspace.configuration):
            return False
        scope = from_fs_path(str(self.session.root)) if self.session.root else None
        try:
            result = await asyncio.wait_for(self.workspace_configuration_async(types.ConfigurationParams(
                items=[types.ConfigurationItem(scope_uri=scope, section="newslint")])), SETTINGS_TIMEOUT)
        except Exception as error:  # noqa: BLE001 - defaults are a fine answer
            self.log(f"newslint: could not read settings: {error}", types.MessageType.Warning)
            return False
        # Nothing configured there: the initializationOptions (if any) and the project config.
        data = result[0] if result and result[0] else self.initial_options
        return self.apply_settings(data)

    async def watch_files(self) -> None:
        """Ask the client to tell us when sources, facts, rules or config change on disk."""
        workspace = self.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        if not (watched and watched.dynamic_registration):
            return
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=WATCHED)])
        try:
            await self.client_register_capability_async(types.RegistrationParams(registrations=[
                types.Registration(id="newslint-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                   register_options=options)]))
        except Exception as error:  # noqa: BLE001
            self.log(f"newslint: could not watch files: {error}", types.MessageType.Warning)


server = NewslintServer()


# -- lifecycle -------------------------------------------------------------------------------
@server.feature(types.INITIALIZE)
def initialize(ls: NewslintServer, params: types.InitializeParams) -> None:
    root = None
    if params.workspace_folders:
        root = to_fs_path(params.workspace_folders[0].uri)
    elif params.root_uri:
        root = to_fs_path(params.root_uri)
    elif params.root_path:
        root = params.root_path
    ls.session.root = Path(root).resolve() if root else None
    if params.initialization_options:
        ls.initial_options = params.initialization_options
        ls.apply_settings(params.initialization_options)


@server.feature(types.INITIALIZED)
async def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
    try:
        await ls.pull_settings()
    finally:
        ls.ready.set()
    warm = asyncio.ensure_future(ls.in_pool(ls.session.warm_up))  # queued before any lint
    await ls.watch_files()
    await warm


@server.feature(types.SHUTDOWN)
def shutdown(ls: NewslintServer, params: None) -> None:
    for task in ls.pending.values():
        task.cancel()
    ls.pool.shutdown(wait=False, cancel_futures=True)


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(ls: NewslintServer, params: types.DidChangeConfigurationParams) -> None:
    settings = params.settings
    if isinstance(settings, dict) and isinstance(settings.get("newslint"), dict):
        changed = ls.apply_settings(settings)  # clients that push their settings
    else:
        changed = await ls.pull_settings()
    if changed:
        ls.relint_all()


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def did_change_watched_files(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
    paths = [Path(p) for p in (to_fs_path(change.uri) for change in params.changes) if p]
    if await ls.in_pool(ls.session.files_changed, paths):
        ls.relint_all()


# -- documents -------------------------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
    document = params.text_document
    if ls.lintable(document.uri, document.language_id):
        ls.documents[document.uri] = document.language_id
        ls.schedule(document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
    if params.text_document.uri in ls.documents:
        ls.schedule(params.text_document.uri, ls.session.settings.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    path = to_fs_path(uri)
    # A saved source, facts, rule or config file changes what every open draft is checked against.
    if path and await ls.in_pool(ls.session.files_changed, [Path(path)]):
        ls.relint_all()
    elif uri in ls.documents:
        ls.schedule(uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.analyses.pop(uri, None)
    if ls.documents.pop(uri, None) is not None:
        ls.publish(uri, [])


# -- code actions ----------------------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]))
async def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    analysis = await ls.current(uri)
    if analysis is None:
        return None
    index = analysis.index
    start = index.offset(params.range.start.line, params.range.start.character)
    end = index.offset(params.range.end.line, params.range.end.character)
    only = [str(getattr(kind, "value", kind)) for kind in params.context.only or []]
    markdown = ls.path_for(uri).lower().endswith(MARKDOWN_SUFFIXES)
    actions = code_actions(uri, analysis.text, analysis.findings, index, start, end, only, markdown)
    return [ls.converter.structure(action, types.CodeAction) for action in actions] or None


# -- hover -----------------------------------------------------------------------------------
@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
    analysis = await ls.current(params.text_document.uri, complete=True)
    if analysis is None or analysis.report is None or analysis.report.document is None:
        return None
    offset = analysis.index.offset(params.position.line, params.position.character)

    def describe() -> str | None:
        registry = ls.session.registry_for(analysis.report)
        return hover_text(analysis.report.document, offset, registry, analysis.findings)

    try:
        text = await ls.in_pool(describe)
    except Exception as error:  # noqa: BLE001 - no hover rather than an error pop-up
        log.exception("hover failed")
        ls.log(f"newslint: hover failed: {error}", types.MessageType.Error)
        return None
    if not text:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))


def serve() -> int:
    """Serve on stdin/stdout until the client exits."""
    logging.basicConfig(level=logging.WARNING, format="newslint-lsp %(levelname)s: %(message)s")
    server.start_io()
    return 0
