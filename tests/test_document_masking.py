"""The masked prose view (a flag per character, built from runs) against the obvious
per-character list it replaced, on real drafts and sources and on random edits."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from newslint.document import parse_document
from newslint.document.masking import EMAIL, URL, Mask, plain_prose

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted([*ROOT.glob("seeds/*.txt"), *ROOT.glob("examples/*.md"), *ROOT.glob("tests/stories/**/*.md"),
                *ROOT.glob("tests/stories/**/*.txt")])[:40]


class ListMask:
    """The reference: one list item per character."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.chars = [c if c == "\n" else " " for c in text]

    def reveal(self, start: int, end: int) -> None:
        end = min(end, len(self.text))
        if start < end:
            self.chars[start:end] = [" " if c == "\r" else c for c in self.text[start:end]]

    def hide(self, start: int, end: int) -> None:
        self.chars[start:end] = [c if c == "\n" else " " for c in self.text[start:end]]

    def hide_urls(self) -> None:
        prose = self.result()
        for pattern in (URL, EMAIL):
            for match in pattern.finditer(prose):
                self.hide(match.start(), match.end())

    def result(self) -> str:
        return "".join(self.chars)


def test_plain_prose_of_real_files_equals_the_reference():
    assert TEXTS
    for path in TEXTS:
        text = path.read_text(encoding="utf-8") + "\r\nWrite to desk@example.org or see WWW.Example.com/a, https://x.org/b.\n"
        reference = ListMask(text)
        reference.reveal(0, len(text))
        reference.hide_urls()
        assert plain_prose(text) == reference.result(), path


def test_markdown_prose_hides_links_and_keeps_offsets():
    text = "# Title\n\nThe [report](https://example.org/r) says so; mail desk@example.org.\r\n"
    document = parse_document("x.md", text)
    assert len(document.prose) == len(text)
    assert "https" not in document.prose and "desk@example.org" not in document.prose
    assert document.prose[document.prose.index("report"):].startswith("report")


@pytest.mark.parametrize("seed", range(5))
def test_random_reveals_and_hides_equal_the_reference(seed):
    rnd = random.Random(seed)
    text = TEXTS[seed % len(TEXTS)].read_text(encoding="utf-8")[:3000] + " see https://x.org/a, me@ex.com.\r\n"
    ours, reference = Mask(text), ListMask(text)
    for _ in range(200):
        operation = rnd.choice(["reveal", "hide", "reveal", "urls"])
        if operation == "urls":
            ours.hide_urls()
            reference.hide_urls()
            continue
        start, end = rnd.randint(-10, len(text) + 10), rnd.randint(-10, len(text) + 10)
        getattr(ours, operation)(start, end)
        getattr(reference, operation)(start, end)
        assert ours.result() == reference.result()
