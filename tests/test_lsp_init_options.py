"""A client that passes its settings as initializationOptions and cannot answer
workspace/configuration (as Helix passes `config`): the settings still apply."""
from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.conftest import write_files
from tests.test_lsp_server import Draft, codes, diagnostics

pytestmark = pytest.mark.asyncio(loop_scope="module")

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "newslint", "lsp"])
RULE = """
    extends: existence
    message: "Avoid '%s'"
    level: error
    tokens: [very]
    """


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    return write_files(tmp_path_factory.mktemp("helix"), {"house/Mine/Very.yml": textwrap.dedent(RULE)})


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, workspace: Path):
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),  # no workspace/configuration, UTF-16 by default
        root_uri=workspace.as_uri(),
        initialization_options={"newslint": {"rules": ["house"], "select": ["Mine"]}}))
    yield
    await lsp_client.shutdown_session()


async def test_initialization_options_are_the_settings(client: LanguageClient, workspace: Path):
    draft = Draft(client, workspace, "draft.md", "It was very close.\n")
    (found,) = await diagnostics(client, draft.uri, lambda d: bool(d))
    assert found.code == "Mine.Very" and found.severity == types.DiagnosticSeverity.Error
    draft.replace("It was close.\n")
    assert codes(await diagnostics(client, draft.uri, lambda d: not d)) == []
    draft.close()
