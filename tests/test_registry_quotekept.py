"""The quote index's source words are kept beside the registry's cache file (store.kept_derived):
a later process reads them instead of reading every source again, and its index answers every
lookup exactly as the index made from the texts does, on the seeds and the courtcase story. A
kept file this user's key did not sign, or that changed since, is never unpickled: the index is
made again."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from newslint.plugins import get_plugins
from newslint.registry import store
from newslint.registry.quotematch import QuoteIndex, SourceIndex
from newslint.registry.store import RegistryProvider
from newslint.registry.wording import quote_segments

ROOT = Path(__file__).resolve().parent.parent
STORIES = [ROOT.parent / "shared" / "seeds", ROOT / "tests" / "stories" / "courtcase" / "sources"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # the signing key's folder
    return folder


def registry_of(sources: Path):
    """The registry as a new process gets it: through a provider of its own (the disk cache)."""
    return RegistryProvider(get_plugins()).get([sources], [])[0]


def quotations(registry) -> list[list[list[str]]]:
    """Draft quotations made from the source quotes: whole, cut short, with a word changed."""
    asked = []
    for fact in registry.quotes:
        segments = quote_segments(fact.text)
        words = [w for s in segments for w in s]
        asked.append(segments)
        if len(words) > 3:
            asked += [[words[1:-1]], [words[:-1] + ["zzzunseen"]], [words[:2], words[-2:]]]
    return asked


def made_again(monkeypatch) -> list[int]:
    """Counts the times the source index is made from the texts."""
    calls: list[int] = []
    make = SourceIndex.of.__func__

    def counted(cls, registry):
        calls.append(1)
        return make(cls, registry)
    monkeypatch.setattr(SourceIndex, "of", classmethod(counted))
    return calls


def same_sources(a: SourceIndex, b: SourceIndex) -> None:
    assert [(s.path, s.text, s.words, s.line_starts, s.present, s.paragraphs) for s in a.sources] == \
        [(s.path, s.text, s.words, s.line_starts, s.present, s.paragraphs) for s in b.sources]
    assert (a.paragraphs, a.paragraph_source, a.first_paragraph) == (b.paragraphs, b.paragraph_source, b.first_paragraph)
    assert (a.paragraphs_with, a.sources_with) == (b.paragraphs_with, b.sources_with)


@pytest.mark.parametrize("sources", STORIES, ids=lambda p: p.parent.name if p.name == "sources" else p.name)
def test_a_later_process_reads_the_kept_index_and_answers_alike(cache, sources, monkeypatch):
    first = registry_of(sources)
    made = QuoteIndex(first)  # made from the texts, and kept
    assert len(list(cache.glob("registry-*.quote-sources.pickle"))) == 1
    calls = made_again(monkeypatch)
    later = registry_of(sources)
    assert later is not first and "extra" not in vars(later)  # the sources' texts stay unread
    kept = QuoteIndex(later)
    assert calls == []  # read from the file
    same_sources(SourceIndex.of(first), SourceIndex(kept.sources, kept.paragraphs, kept.paragraph_source,
                                                  kept.first_paragraph, kept.paragraphs_with, kept.sources_with))
    # One string object per distinct word, across sources, as when made.
    spelled = {}
    for source in kept.sources:
        for word in source.words:
            assert spelled.setdefault(word, word) is word
    asked = quotations(first)
    assert len(asked) > 20
    for segments in asked:
        for threshold in (0.6, 0.85):
            a, b = made.lookup(segments, threshold), kept.lookup(segments, threshold)
            assert (a is None) == (b is None), segments
            if a is not None:
                assert (a.exact, a.similarity, a.provenance, a.wording) == (b.exact, b.similarity, b.provenance, b.wording)
                assert [f.text for f in a.facts] == [f.text for f in b.facts]


@pytest.mark.parametrize("how", ["other key", "altered", "cut short", "another format"])
def test_a_kept_index_not_signed_by_this_user_or_changed_is_never_unpickled(cache, tmp_path, monkeypatch, how):
    from newslint.digests import sign

    sources = STORIES[1]
    QuoteIndex(registry_of(sources))
    (kept,) = cache.glob("registry-*.quote-sources.pickle")
    data = kept.read_bytes()
    marker = tmp_path / "unpickled"
    planted = store.DERIVED_FORMAT + pickle.dumps(_Touch(marker))
    if how == "other key":
        data = sign(b"x" * 32, planted) + planted
    elif how == "altered":
        data = data[:32] + planted
    elif how == "cut short":
        data = data[:-10]
    else:
        data = data[:32] + b"newslint-derived 0\n" + data[32 + len(store.DERIVED_FORMAT):]
    kept.write_bytes(data)
    calls = made_again(monkeypatch)
    index = QuoteIndex(registry_of(sources))
    assert calls == [1] and not marker.exists()  # made again, the planted pickle never loaded
    assert index.lookup(quote_segments(index.candidates[0].facts[0].text), 0.85).exact
    assert kept.read_bytes()[32:32 + len(store.DERIVED_FORMAT)] == store.DERIVED_FORMAT  # written anew


def test_without_a_cache_file_the_index_is_made_and_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    calls = made_again(monkeypatch)
    registry = registry_of(STORIES[1])
    QuoteIndex(registry)
    QuoteIndex(registry)
    assert calls == [1, 1]
    assert "_cache_file" not in vars(registry)


class _Touch:
    """Unpickling this creates a file: it shows whether untrusted bytes were unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_the_kept_index_is_made_by_source_index_of(cache):
    """kept_derived keeps what SourceIndex.of makes (the quote index uses nothing else)."""
    registry = registry_of(STORIES[1])
    QuoteIndex(registry)
    (kept,) = cache.glob("registry-*.quote-sources.pickle")
    value = pickle.loads(kept.read_bytes()[32 + len(store.DERIVED_FORMAT):])
    same_sources(value, SourceIndex.of(registry))
