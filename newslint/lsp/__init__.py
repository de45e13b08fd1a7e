"""The language server (`newslint lsp`) and what it shares with `--format lsp`.

Only `server.py` imports pygls and lsprotocol; every other module here is plain Python so that
the CLI (which uses `diagnostics.py` for `--format lsp`) never pays for importing them."""
