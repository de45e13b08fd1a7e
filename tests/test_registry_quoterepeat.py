"""The quote index on sources that repeat their quotations (wire copy, updates of one story):
each distinct wording is compared once and a repeated stretch of words once, and the answers
are those of a full scan (the checks of test_registry_quoteindex), the earliest source first.
Lookups are kept: asking again gives the same answer as a fresh index."""
from __future__ import annotations

from pathlib import Path

import pytest
from test_registry_quoteindex import drafts, scan_near
from test_registry_quoteindex import test_index_answers_as_a_full_scan as answers_as_a_full_scan

from newslint.plugins import get_plugins
from newslint.registry.build import build_registry, read_sources
from newslint.registry.quotematch import QuoteIndex
from newslint.registry.wording import quote_segments

QUOTES = [
    "We will reopen the library before the winter term begins",
    "Nobody on the board wanted to close a branch that children use every day",
    "The repairs cost more than we planned, but the roof had to be replaced",
    "Readers told us they want longer hours on weekends",
]
PEOPLE = [("Ines Varga", "the library director"), ("Tomas Reyes", "a board member"),
          ("Alma Petit", "the city librarian"), ("Karl Osei", "a spokesman for the library")]


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("library")
    for article in range(12):
        paragraphs = [f"# Library update {article}"]
        for turn in range(4):
            name, role = PEOPLE[(article + turn) % len(PEOPLE)]
            quote = QUOTES[(article * 3 + turn) % len(QUOTES)]
            paragraphs.append(f"{name}, {role}, spoke on day {article + turn} of the review. "
                              f"\u201c{quote},\u201d {name.split()[-1]} said.")
        (folder / f"update_{article:02}.md").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def index(library):
    return QuoteIndex(build_registry(read_sources([library]), get_plugins().fact_extractors()))


def test_repeated_quotations_are_one_wording_each(index):
    assert len(index.candidates) > 40
    assert len(index.wordings) <= len(QUOTES) * 2  # a quotation, and one run into the next
    assert sorted(i for members in index.members for i in members) == list(range(len(index.candidates)))


def test_the_index_answers_as_a_full_scan_when_quotations_repeat(index):
    answers_as_a_full_scan(index)


def test_a_near_miss_is_found_in_the_earliest_source(index):
    segments = quote_segments("Nobody on the board wanted to shut a branch that children use every day")
    near = scan_near(index, segments, 0.8)
    found = index.lookup(segments, 0.8)
    assert near is not None and found is not None and not found.exact
    assert (found.similarity, found.provenance.source) == (near[0], near[1])
    assert found.provenance.source == min(s.path for s in index.sources if "shut" not in s.words
                                          and "wanted" in s.words)


def test_lookups_are_kept_and_answer_as_a_fresh_index(index, library):
    fresh = QuoteIndex(build_registry(read_sources([library]), get_plugins().fact_extractors()))
    for segments in list(drafts(QUOTES))[:20]:
        first = index.lookup(segments, 0.8)
        assert index.lookup(segments, 0.8) is first
        assert fresh._lookup(segments, 0.8) == first
