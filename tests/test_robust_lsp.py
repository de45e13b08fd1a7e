"""The language server under a burst of 10,000 incremental edits: it ends with the diagnostics
of the last text, still answers requests, and its memory does not grow with the number of
edits (the real `python -m newslint lsp`, driven over stdio with pytest-lsp)."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

pytestmark = pytest.mark.asyncio(loop_scope="module")

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "newslint", "lsp"])
TIMEOUT = 60  # seconds; generous for a loaded machine, never reached when things work
RULE = "extends: existence\nmessage: \"Avoid '%s'\"\nlevel: warning\ntokens:\n  - very\n"
# A draft of about 20 KB: a server that kept every version's text would grow by ~200 MB.
BODY = "The council met on Tuesday and talked about the library budget at length.\n" * 270


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("burst")
    (root / "rules" / "Robust").mkdir(parents=True)
    (root / "rules" / "Robust" / "Very.yml").write_text(RULE, encoding="utf-8")
    return root


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, workspace: Path):
    lsp_client.set_configuration({"rules": ["rules"], "select": ["Robust"]}, section="newslint")

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:  # the server watches rule files
        pass
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="burst")],
    ))
    yield
    await lsp_client.shutdown_session()


async def settled(client: LanguageClient, uri: str, until) -> list[types.Diagnostic]:
    async def wait():
        while True:
            current = client.diagnostics.get(uri)
            if current is not None and until(current):
                return list(current)
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    try:
        return await asyncio.wait_for(wait(), TIMEOUT)
    except asyncio.TimeoutError:
        raise AssertionError(f"diagnostics never settled; the last were {client.diagnostics.get(uri)}") from None


def server_rss_kb(client: LanguageClient) -> int | None:
    """The server process's resident memory, from /proc (None where that is not available)."""
    process = getattr(client, "_server", None)
    status = Path(f"/proc/{getattr(process, 'pid', 0)}/status")
    if not status.is_file():
        return None
    for line in status.read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return None


async def test_ten_thousand_rapid_edits(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "burst.md").as_uri()
    first = "Calm opening line.\n"
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=first + BODY)))
    await settled(client, uri, lambda d: len(d) == 0)
    line, version = first.rstrip("\n"), 1

    def burst(count: int, last: str) -> None:
        """`count` incremental edits of the first line, sent without waiting; the last one
        leaves `last` there. Every other version has one 'very' in it."""
        nonlocal line, version
        for number in range(count):
            new = last if number == count - 1 else f"Edit {version} was very quick."
            version += 1
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(0, 0), end=types.Position(0, len(line))), text=new)]))
            line = new

    burst(1_000, "It was not close.")
    await settled(client, uri, lambda d: len(d) == 0)
    warm = server_rss_kb(client)

    burst(9_000, "It was very, very close.")
    found = await settled(client, uri, lambda d: len(d) == 2)
    assert [(d.code, d.range.start.line, d.range.start.character) for d in found] == \
        [("Robust.Very", 0, 7), ("Robust.Very", 0, 13)]

    # The server still answers, on the text of the last version.
    hover = await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(0, 8))), TIMEOUT)
    assert hover is None or "very" in str(hover.contents).lower()

    after = server_rss_kb(client)
    print(f"server memory: {warm} KB after 1,000 edits, {after} KB after 10,000")
    if warm is not None and after is not None:
        # 9,000 more versions of a 20 KB text would be ~180 MB if any were kept.
        assert after - warm < 60_000, f"server memory grew from {warm} KB to {after} KB"
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri=uri)))


class _Sink:
    """Where the in-process server's messages to the client go."""

    def write(self, data: bytes) -> None:
        pass


async def test_edits_leave_no_state_behind_in_the_protocol() -> None:
    from newslint.lsp.language_server import NewslintServer

    server = NewslintServer()
    protocol = server.protocol
    protocol.set_writer(_Sink())
    uri = "file:///robust/leak.md"

    def notify(method: str, params: dict, **request) -> None:
        protocol.handle_message(protocol.structure_message({"jsonrpc": "2.0", "method": method, "params": params, **request}))

    notify("initialize", {"capabilities": {}, "processId": None, "rootUri": None}, id=1)
    notify("initialized", {})
    notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": "Calm.\n"}})
    server.documents[uri] = "markdown"
    for version in range(2, 2_002):
        notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "text": "C"}]})
    await asyncio.sleep(0.1)
    for task in list(server.pending.values()):
        task.cancel()
    assert server.workspace.get_text_document(uri).version == 2_001  # every edit was applied
    assert len(protocol._request_futures) < 10
