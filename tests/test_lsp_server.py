"""The language server end to end: the real `python -m newslint lsp` in a subprocess, driven over
stdio with pytest-lsp. One server serves the module's tests (each opens its own draft); the
workspace is a small story of our own with a rule pack of our own, selected through the
client's settings so that the shipped rules do not change the results."""
from __future__ import annotations

import asyncio
import inspect
from concurrent.futures import Future
import sys
import textwrap
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.conftest import write_files

pytestmark = pytest.mark.asyncio(loop_scope="module")

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "newslint", "lsp"])
TIMEOUT = 15  # seconds; generous for a loaded machine, never reached when things work

PACK = {
    "rules/Test/Names.yml": """
        extends: substitution
        message: "Use '%s' instead of '%s'"
        level: error
        category: name
        link: https://example.org/style/names
        swap:
          Jon Smyth: John Smith
        """,
    "rules/Test/Very.yml": """
        extends: existence
        message: "Avoid '%s'"
        level: warning
        tokens:
          - very
        """,
    "rules/Test/Tentative.yml": """
        extends: existence
        message: "'%s' is vague"
        level: suggestion
        tokens:
          - perhaps
        """,
    # A broken rule file: it must be reported, and the other rules must still run.
    "rules/Test/Broken.yml": "extends: existence\nmessage: [unclosed\n",
    "sources/council-1.md": """
        # Council approves library budget

        Mayor Maria Lopez said the council approved the library budget on Tuesday.
        "This budget protects every library in the city," Lopez said.
        Council member Tomas Herrera voted against the plan.
        """,
    "sources/council-2.md": """
        # Libraries spared in budget vote

        The vote was a win for Mayor Maria Lopez, who had campaigned on the libraries.
        Lopez said she would sign the budget this week.
        Tomas Herrera, a council member, called the plan too costly.
        """,
}
SETTINGS = {"sources": ["sources"], "rules": ["rules"], "select": ["Test"]}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("newsroom")
    return write_files(root, {name: textwrap.dedent(text) for name, text in PACK.items()})


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, workspace: Path):
    lsp_client.set_configuration(SETTINGS, section="newslint")
    lsp_client.registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        lsp_client.registrations.extend(params.registrations)

    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="newsroom")],
    ))
    yield
    await lsp_client.shutdown_session()


# -- helpers -----------------------------------------------------------------------------------
async def diagnostics(client: LanguageClient, uri: str, until) -> list[types.Diagnostic]:
    """Wait for the diagnostics of `uri` to satisfy `until(diagnostics)`."""
    async def wait():
        while True:
            current = client.diagnostics.get(uri)
            if current is not None and until(current):
                return list(current)
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return await asyncio.wait_for(wait(), TIMEOUT)


async def raw_request(client: LanguageClient, method: str, params) -> object:
    """Send a request as raw JSON, bypassing the client's typed checks; return its result."""
    future: Future = Future()
    msg_id = f"raw-{method}"
    client.protocol._request_futures[msg_id] = future
    client.protocol._send_data({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})
    return await asyncio.wait_for(asyncio.wrap_future(future), TIMEOUT)


def codes(items) -> list[str]:
    return sorted(str(d.code) for d in items)


def utf16_offset(text: str, position: types.Position) -> int:
    """Code-point offset of an LSP position in UTF-16 units (independent of the server's code)."""
    lines = text.split("\n")
    before = sum(len(line) + 1 for line in lines[:position.line])
    line, units, column = lines[position.line], 0, 0
    while column < len(line) and units < position.character:
        units += 2 if ord(line[column]) > 0xFFFF else 1
        column += 1
    return before + column


def apply(text: str, edit: types.WorkspaceEdit, uri: str) -> str:
    for change in sorted(edit.changes[uri], key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = utf16_offset(text, change.range.start), utf16_offset(text, change.range.end)
        text = text[:start] + change.new_text + text[end:]
    return text


class Draft:
    """An open document in the client: its text and version, changed with full-text edits."""

    def __init__(self, client: LanguageClient, workspace: Path, name: str, text: str) -> None:
        self.client, self.uri, self.text, self.version = client, (workspace / name).as_uri(), text, 1
        language = "markdown" if name.endswith(".md") else "plaintext"
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=self.uri, language_id=language, version=1, text=text)))

    def replace(self, text: str) -> None:
        self.version += 1
        self.text = text
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))

    def position(self, needle: str, after: int = 0) -> types.Position:
        offset = self.text.index(needle) + after
        line = self.text.count("\n", 0, offset)
        column = offset - (self.text.rfind("\n", 0, offset) + 1)
        units = len(self.text[offset - column:offset].encode("utf-16-le")) // 2
        return types.Position(line=line, character=units)

    async def actions(self, needle: str) -> list[types.CodeAction]:
        start = self.position(needle)
        result = await self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=self.uri),
            range=types.Range(start=start, end=start),
            context=types.CodeActionContext(diagnostics=[])))
        return [a for a in result or [] if isinstance(a, types.CodeAction)]

    def close(self) -> None:
        self.client.text_document_did_close(types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=self.uri)))


DRAFT = "# Council vote\n\n😀 Jon Smyth said the vote was very close.\n"


# -- tests -------------------------------------------------------------------------------------
async def test_diagnostics_on_open_with_utf16_ranges(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "open.md", DRAFT)
    found = await diagnostics(client, draft.uri, lambda d: len(d) == 2)
    names, very = sorted(found, key=lambda d: d.range.start.character)
    # The emoji is one code point but two UTF-16 code units: "Jon" starts at character 3.
    assert names.range == types.Range(start=types.Position(2, 3), end=types.Position(2, 12))
    assert names.code == "Test.Names" and names.source == "newslint"
    assert names.severity == types.DiagnosticSeverity.Error
    assert names.code_description.href == "https://example.org/style/names"
    assert names.message == "Use 'John Smith' instead of 'Jon Smyth'"
    assert names.data["category"] == "name" and names.data["fix"]["replacement"] == "John Smith"
    assert very.code == "Test.Very" and very.severity == types.DiagnosticSeverity.Warning
    assert very.range.start == draft.position("very")
    draft.close()


async def test_change_relints_and_close_clears(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "change.txt", "Jon Smyth said it was very close.\n")
    await diagnostics(client, draft.uri, lambda d: codes(d) == ["Test.Names", "Test.Very"])
    draft.replace("John Smith said it was close, perhaps.\n")
    found = await diagnostics(client, draft.uri, lambda d: codes(d) != ["Test.Names", "Test.Very"])
    assert codes(found) == ["Test.Tentative"]
    assert found[0].severity == types.DiagnosticSeverity.Hint
    draft.close()
    assert await diagnostics(client, draft.uri, lambda d: not d) == []


async def test_rapid_edits_end_with_the_last_text(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "burst.md", "Calm.\n")
    await diagnostics(client, draft.uri, lambda d: not d)
    for count in range(1, 8):
        draft.replace("very " * count + "\n")
    found = await diagnostics(client, draft.uri, lambda d: len(d) == 7)
    assert codes(found) == ["Test.Very"] * 7
    draft.close()


async def test_quick_fix_applied(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "fix.md", DRAFT)
    await diagnostics(client, draft.uri, lambda d: "Test.Names" in codes(d))
    actions = await draft.actions("Smyth")
    fix = next(a for a in actions if a.title.startswith("Replace"))
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    assert codes(fix.diagnostics) == ["Test.Names"]
    fix_all = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=draft.uri), range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    assert [a.kind for a in fix_all] == [types.CodeActionKind.SourceFixAll]
    assert apply(draft.text, fix_all[0].edit, draft.uri) == apply(draft.text, fix.edit, draft.uri)
    draft.replace(apply(draft.text, fix.edit, draft.uri))
    assert "😀 John Smith said" in draft.text
    found = await diagnostics(client, draft.uri, lambda d: "Test.Names" not in codes(d))
    assert codes(found) == ["Test.Very"]
    draft.close()


async def test_disable_rule_on_this_line(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "disable.md", "# Vote\n\n- So very close.\n- It was very, very close.\n")
    await diagnostics(client, draft.uri, lambda d: len(d) == 3)
    action = next(a for a in await draft.actions("very close") if a.title == "Disable Test.Very on this line")
    draft.replace(apply(draft.text, action.edit, draft.uri))
    assert draft.text == "# Vote\n\n<!-- newslint-disable-next-line Test.Very -->\n- So very close.\n- It was very, very close.\n"
    found = await diagnostics(client, draft.uri, lambda d: len(d) != 3)
    assert [d.range.start.line for d in found] == [4, 4]
    draft.close()


async def test_accept_name_writes_front_matter(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "accept.md", "---\ntitle: Vote\n---\n\nJon Smyth voted.\n")
    await diagnostics(client, draft.uri, lambda d: codes(d) == ["Test.Names"])
    action = next(a for a in await draft.actions("Jon") if a.title.startswith("Accept"))
    assert action.title == "Accept “Jon Smyth” in this draft"
    draft.replace(apply(draft.text, action.edit, draft.uri))
    assert draft.text == "---\ntitle: Vote\nnewslint:\n  accept:\n  - Jon Smyth\n---\n\nJon Smyth voted.\n"
    assert await diagnostics(client, draft.uri, lambda d: not d) == []
    draft.close()


async def test_accept_name_creates_front_matter(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "bare.md", "Jon Smyth voted.\n")
    await diagnostics(client, draft.uri, lambda d: codes(d) == ["Test.Names"])
    action = next(a for a in await draft.actions("Jon") if a.title.startswith("Accept"))
    draft.replace(apply(draft.text, action.edit, draft.uri))
    assert draft.text.startswith("---\nnewslint:\n  accept:\n  - Jon Smyth\n---\n")
    assert await diagnostics(client, draft.uri, lambda d: not d) == []
    draft.close()


async def test_hover_shows_what_the_sources_say(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "hover.md", "# Budget\n\nMayor Maria Lopez signed the budget.\n")
    await diagnostics(client, draft.uri, lambda d: True)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=draft.uri), position=draft.position("Lopez", 2)))
    assert hover is not None
    text = hover.contents.value
    assert text.startswith("**Maria Lopez**")
    assert "in 2 sources" in text and "council-1.md" in text and "council-2.md" in text
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=draft.uri), position=draft.position("signed")))
    assert nothing is None
    draft.close()


async def test_broken_rule_file_is_reported_and_others_run(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "broken.md", "It was very close.\n")
    assert codes(await diagnostics(client, draft.uri, lambda d: bool(d))) == ["Test.Very"]
    broken = (workspace / "rules/Test/Broken.yml").as_uri()
    problems = await diagnostics(client, broken, lambda d: bool(d))
    assert problems[0].severity == types.DiagnosticSeverity.Error
    assert problems[0].message.startswith("invalid YAML")
    draft.close()


async def test_misbehaving_client_does_not_kill_the_server(client: LanguageClient, workspace: Path):
    # An edit to a document that was never opened.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=(workspace / "ghost.md").as_uri(), version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text="very")]))
    # A message that is not JSON at all.
    written = client.protocol.writer.write(b"Content-Length: 9\r\n\r\n{not json")
    if inspect.isawaitable(written):
        await written
    # A request whose parameters do not match the method gets an error response.
    with pytest.raises(JsonRpcException, match="Invalid Params"):
        await raw_request(client, types.TEXT_DOCUMENT_HOVER, {"textDocument": 42, "position": "top"})
    # A method the server does not know.
    with pytest.raises(JsonRpcException, match="Method Not Found"):
        await raw_request(client, "newslint/noSuchMethod", {})
    # Hover and code actions on a document that is not open answer nothing.
    assert await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=(workspace / "ghost.md").as_uri()),
        position=types.Position(0, 0))) is None
    # And the server still lints.
    draft = Draft(client, workspace, "after.md", "It was very close.\n")
    assert codes(await diagnostics(client, draft.uri, lambda d: bool(d))) == ["Test.Very"]
    draft.close()
