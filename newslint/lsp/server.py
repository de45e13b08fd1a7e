"""`newslint lsp`: start the language server (newslint/lsp/language_server.py).

pygls is the optional extra `lsp`; without it the command says how to install it instead of
failing with a traceback."""
from __future__ import annotations

import sys

LSP_PACKAGES = {"pygls", "lsprotocol", "cattrs", "attrs"}


def run_server() -> int:
    try:
        from newslint.lsp.language_server import serve
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] not in LSP_PACKAGES:
            raise
        print(f"newslint: error: the language server needs pygls 2 ({error}); "
              "install it with: pip install 'newslint[lsp]'", file=sys.stderr)
        return 2
    return serve()
