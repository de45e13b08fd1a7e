"""Properties of the document model that must hold for any input: the prose view is the
text with characters blanked, never moved; every span lies inside the text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.document import parse_document

# Pieces of news copy and of Markdown syntax, glued at random.
PIECES = [
    "The mayor said", " ", "\n", "\r\n", "\n\n", "# ", "## ", "> ", "- ", "1. ", "* ", "|", " --- |",
    "```", "`", "    ", "\t", "*", "_", "**", "[", "](", ")", "<", ">", "<!--", "-->", "<b>", "&amp;",
    "\\", '"', "“", "”", "‘", "’", "'", ".", "?", "!", "U.S.", "Mr.", "Jan. 5", "https://x.org/a",
    "a@b.org", "---\n", "title: ", "sources: [a]", "Ortiz", "é", "😀", "\ufeff", "\u2014",
]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def check_invariants(name: str, text: str) -> None:
    document = parse_document(name, text)
    assert document.text == text
    assert len(document.prose) == len(text)
    for offset, char in enumerate(document.prose):
        source = text[offset]
        if source == "\n":
            assert char == "\n"
        elif char != " ":
            assert char == source, (offset, char, source)
    for block in document.blocks:
        assert 0 <= block.start < block.end <= len(text)
    for sentence in document.sentences:
        block = document.blocks[sentence.block]
        assert block.start <= sentence.start < sentence.end <= block.end
    for quote in document.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        for start, end in quote.parts:
            assert quote.start <= start < end <= quote.end
    for offset in range(0, len(text) + 1, 7):
        line, column = document.position(offset)
        assert document.offset(line, column) == offset


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_markdown_invariants(text):
    check_invariants("draft.md", text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_plain_text_invariants(text):
    check_invariants("draft.txt", text)
