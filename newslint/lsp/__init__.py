"""The language server (`newslint lsp`) and what it shares with `--format lsp`.

Only `language_server.py` imports pygls and lsprotocol (`server.py` starts it); every other
module here is plain Python, so that the CLI (which uses `diagnostics.py` for `--format lsp`)
never pays for importing them."""
