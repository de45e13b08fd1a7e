"""The language server and the files around the draft: a client that negotiates UTF-8 (Neovim),
sources and rules that change on disk (didChangeWatchedFiles, didSave), settings that change
(didChangeConfiguration), and sources named in a draft's front matter. A server of its own,
since these tests change the workspace."""
from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.conftest import write_files
from tests.test_lsp_server import Draft, codes, diagnostics

pytestmark = pytest.mark.asyncio(loop_scope="module")

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "newslint", "lsp"])
FILES = {
    "rules/Test/Very.yml": """
        extends: existence
        message: "Avoid '%s'"
        level: warning
        tokens: [very]
        """,
    "sources/match-report.md": """
        # United win the derby

        Coach Priya Raman said the team played its best game of the season.
        Raman said she was proud of the defence.
        """,
    "archive/transfer.md": """
        # Striker signs

        Striker Tomás Ødegård signed a three-year contract on Monday.
        Ødegård said he was happy to join.
        """,
}
SETTINGS = {"sources": ["sources"], "rules": ["rules"], "select": ["Test"], "debounce": 10}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sports")
    return write_files(root, {name: textwrap.dedent(text) for name, text in FILES.items()})


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, workspace: Path):
    lsp_client.set_configuration(SETTINGS, section="newslint")
    result = await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("neovim@v0.11.0"), root_uri=workspace.as_uri()))
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    yield
    await lsp_client.shutdown_session()


async def hover(client: LanguageClient, draft: Draft, needle: str) -> str | None:
    offset = draft.text.index(needle) + 1
    line = draft.text.count("\n", 0, offset)
    column = len(draft.text[draft.text.rfind("\n", 0, offset) + 1:offset].encode("utf-8"))
    result = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=draft.uri), position=types.Position(line, column)))
    return result.contents.value if result else None


def watched(client: LanguageClient, path: Path, kind: types.FileChangeType) -> None:
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=path.as_uri(), type=kind)]))


async def test_utf8_positions(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "utf8.md", "Ødegård was very good.\n")
    (found,) = await diagnostics(client, draft.uri, lambda d: bool(d))
    # "Ødegård was " is 12 characters but 14 UTF-8 bytes.
    assert (found.range.start.character, found.range.end.character) == (14, 18)
    draft.close()


async def test_a_new_source_file_rebuilds_the_registry(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "report.md", "Coach Priya Raman praised Sam Okoro.\n")
    await diagnostics(client, draft.uri, lambda d: True)
    assert (await hover(client, draft, "Raman")).startswith("**Priya Raman** — Coach; 2 mentions in 1 source")
    assert await hover(client, draft, "Okoro") is None
    added = write_files(workspace, {"sources/injury.md": "# Injury\n\nDefender Sam Okoro hurt his knee.\nOkoro will miss two games.\n"})
    watched(client, added / "sources/injury.md", types.FileChangeType.Created)
    assert (await hover(client, draft, "Okoro")).startswith("**Sam Okoro** — Defender")
    draft.close()


async def test_saving_a_source_rebuilds_the_registry(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "saved.md", "Striker Lena Holt scored.\n")
    await diagnostics(client, draft.uri, lambda d: True)
    assert await hover(client, draft, "Holt") is None
    source = write_files(workspace, {"sources/goal.md": "# Goal\n\nStriker Lena Holt scored twice.\nHolt said it was easy.\n"})
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=(source / "sources/goal.md").as_uri())))
    assert (await hover(client, draft, "Holt")).startswith("**Lena Holt** — Striker")
    draft.close()


async def test_a_new_rule_file_applies_to_open_drafts(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "rules.md", "It was very, really close.\n")
    assert codes(await diagnostics(client, draft.uri, lambda d: bool(d))) == ["Test.Very"]
    rule = write_files(workspace, {"rules/Test/Really.yml": "extends: existence\nmessage: \"Avoid '%s'\"\ntokens: [really]\n"})
    watched(client, rule / "rules/Test/Really.yml", types.FileChangeType.Created)
    assert codes(await diagnostics(client, draft.uri, lambda d: len(d) == 2)) == ["Test.Really", "Test.Very"]
    draft.close()


async def test_changed_settings_relint_open_drafts(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "settings.md", "It was very close.\n")
    assert codes(await diagnostics(client, draft.uri, lambda d: bool(d))) == ["Test.Very"]
    client.set_configuration({**SETTINGS, "ignore": ["Test.Very"]}, section="newslint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    assert await diagnostics(client, draft.uri, lambda d: not d) == []
    client.set_configuration(SETTINGS, section="newslint")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    assert codes(await diagnostics(client, draft.uri, lambda d: bool(d))) == ["Test.Very"]
    draft.close()


async def test_front_matter_sources_win_over_settings(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "transfer.md", "---\nsources: [archive]\n---\n\nStriker Tomás Ødegård joined.\n")
    await diagnostics(client, draft.uri, lambda d: True)
    assert (await hover(client, draft, "Ødegård")).startswith("**Tomás Ødegård** — Striker; 2 mentions in 1 source")
    draft.close()


async def test_a_changed_project_config_applies_to_open_drafts(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "config.md", "It was very close.\n")
    (found,) = await diagnostics(client, draft.uri, lambda d: bool(d))
    assert found.severity == types.DiagnosticSeverity.Warning
    config = write_files(workspace, {".newslint.yaml": "levels:\n  Test.Very: error\n"})
    watched(client, config / ".newslint.yaml", types.FileChangeType.Created)
    (found,) = await diagnostics(client, draft.uri, lambda d: d and d[0].severity == types.DiagnosticSeverity.Error)
    assert found.code == "Test.Very"
    (workspace / ".newslint.yaml").unlink()
    watched(client, config / ".newslint.yaml", types.FileChangeType.Deleted)
    await diagnostics(client, draft.uri, lambda d: d and d[0].severity == types.DiagnosticSeverity.Warning)
    draft.close()


async def test_a_rule_file_broken_then_mended(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "mend.md", "It was very close.\n")
    assert codes(await diagnostics(client, draft.uri, lambda d: bool(d))) == ["Test.Very"]
    rule = workspace / "rules/Test/Loud.yml"
    rule.write_text("extends: existence\nlevel: loud\ntokens: [close]\n", encoding="utf-8")
    watched(client, rule, types.FileChangeType.Created)
    (problem,) = await diagnostics(client, rule.as_uri(), lambda d: bool(d))
    assert problem.range.start.line == 1 and "level" in problem.message
    assert codes(await diagnostics(client, draft.uri, lambda d: bool(d))) == ["Test.Very"]
    rule.write_text("extends: existence\nlevel: error\nmessage: \"'%s'\"\ntokens: [close]\n", encoding="utf-8")
    watched(client, rule, types.FileChangeType.Changed)
    assert await diagnostics(client, rule.as_uri(), lambda d: not d) == []
    assert codes(await diagnostics(client, draft.uri, lambda d: len(d) == 2)) == ["Test.Loud", "Test.Very"]
    draft.close()
