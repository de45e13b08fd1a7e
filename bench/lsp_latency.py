"""Change-to-diagnostics latency of `newslint lsp`.

Starts the real server over stdio, opens a 2,000-word draft checked against the seeds' registry,
then makes small edits one at a time and times each from the didChange notification to the
publishDiagnostics for that version (the server's debounce included). Prints the median.

    python bench/lsp_latency.py [--edits 25] [--words 2000] [--sources seeds]

Not part of the test suite: a figure to watch, not a pass/fail check (goal: median <= 100 ms).
"""
from __future__ import annotations

import argparse
import json
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Client:
    """Just enough JSON-RPC over the server's stdin/stdout to time it."""

    def __init__(self, command: list[str], settings: dict) -> None:
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, cwd=ROOT)
        self.settings = settings
        self.inbox: queue.Queue = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                elif line in (b"\r\n", b"\n"):
                    break
            message = json.loads(stream.read(length))
            arrived = time.perf_counter()
            if "method" in message and "id" in message:  # a request from the server
                self._answer(message)
            else:
                self.inbox.put((arrived, message))

    def _answer(self, message: dict) -> None:
        result = None
        if message["method"] == "workspace/configuration":
            result = [self.settings for _ in message["params"]["items"]]
        self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})

    def send(self, message: dict) -> None:
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params) -> dict:
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id)[1]

    def notify(self, method: str, params) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait(self, predicate, timeout: float = 120) -> tuple[float, dict]:
        deadline = time.monotonic() + timeout
        while True:
            arrived, message = self.inbox.get(timeout=max(0.01, deadline - time.monotonic()))
            if predicate(message):
                return arrived, message

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except Exception:  # noqa: BLE001 - make sure the server does not outlive the bench
            self.process.kill()


def make_draft(sources: Path, words: int) -> str:
    """About `words` words of prose from the source articles, as Markdown paragraphs."""
    paragraphs: list[str] = []
    count = 0
    for path in sorted(sources.rglob("*")):
        if path.suffix not in (".txt", ".md"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("["):
                continue
            paragraphs.append(line)
            count += len(line.split())
            if count >= words:
                return "# Draft\n\n" + "\n\n".join(paragraphs) + "\n"
    return "# Draft\n\n" + "\n\n".join(paragraphs) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=25)
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--sources", type=Path, default=ROOT / "seeds")
    args = parser.parse_args()

    sources = args.sources.resolve()
    text = make_draft(sources, args.words)
    folder = Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    draft = folder / "draft.md"
    draft.write_text(text, encoding="utf-8")
    uri = draft.as_uri()
    client = Client([sys.executable, "-m", "newslint", "lsp"], {"sources": [str(sources)]})
    try:
        client.request("initialize", {"processId": None, "rootUri": folder.as_uri(),
                                      "capabilities": {"workspace": {"configuration": True}}})
        client.notify("initialized", {})
        started = time.perf_counter()
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        arrived, first = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                     and m["params"]["uri"] == uri)
        print(f"draft: {len(text.split())} words; sources: {sources}")
        print(f"first diagnostics (registry built): {1000 * (arrived - started):.0f} ms, "
              f"{len(first['params']['diagnostics'])} diagnostics")

        # Edit in the middle of the draft: type a word, then delete it, alternately. First as
        # the server runs by default (the edited paragraphs at once, the whole draft when typing
        # pauses), then with `incremental: false` (the whole draft after every edit).
        line = text[: len(text) // 2].count("\n")
        version = 1
        for incremental in (True, False):
            client.notify("workspace/didChangeConfiguration",
                          {"settings": {"newslint": {**client.settings, "incremental": incremental}}})
            time.sleep(1.0)  # let the server settle (it re-lints the draft after a settings change)
            times = []
            for _ in range(args.edits):
                version += 1
                insert = version % 2 == 0
                change = {"range": {"start": {"line": line, "character": 0},
                                    "end": {"line": line, "character": 0 if insert else 5}},
                          "text": "Very " if insert else ""}
                sent = time.perf_counter()
                client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                         "contentChanges": [change]})
                arrived, _ = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                         and m["params"]["uri"] == uri and m["params"].get("version") == version)
                times.append(1000 * (arrived - sent))
                time.sleep(0.1 if incremental else 0.05)
            label = "default (edited paragraphs first)" if incremental else "incremental: false (whole draft)"
            print(f"{label}: change to diagnostics over {len(times)} edits: median {statistics.median(times):.0f} ms "
                  f"(min {min(times):.0f}, max {max(times):.0f}; debounce included)")
    finally:
        client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
