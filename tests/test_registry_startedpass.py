"""A pass started early (newslint.registry.parallel.start: the figures of each source, searched
while the people and quotes extractors run) gives exactly what the pass run when asked gives:
the same results in the same order on the seeds and the stories, the serial error when a
document fails, nothing left running when a build stops before asking, and an ordinary pass
when it is asked with other arguments. The conflicts the workers now read whole (each figure
with the figures it disagrees with) are the conflicts of the serial build: see
test_registry_parallel.py, whose pool also starts the figures early; the union-find that joins
them gives the disagreements, in the order, of joining them group by group."""
from __future__ import annotations

import multiprocessing
import os
import random
import time
from pathlib import Path

import pytest

from newslint.registry import parallel
from newslint.plugins import get_plugins
from newslint.registry.build import build_registry, read_sources
from newslint.registry.extractors.figures import _disagreements, _figures

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT / "tests" / "stories" / "flood",
           *sorted((ROOT / "tests" / "eval").glob("*/sources"))[:12]]


@pytest.fixture
def pool(monkeypatch):
    """The pool on for any number of documents, with two processes."""
    monkeypatch.setattr(parallel, "MIN_DOCUMENTS", 1)
    monkeypatch.setattr(parallel, "WORKERS", 2)
    assert parallel.usable_workers() == 2, "a pool cannot be used in this test process"
    yield
    parallel.cancel_started()


def test_a_started_pass_gives_the_serial_results(pool) -> None:
    documents = [d for folder in SOURCES for d in read_sources([folder]).documents]
    assert len(documents) > 40
    serial = [_figures(d) for d in documents]
    parallel.start(_figures, documents)
    assert parallel.map_documents(_figures, documents) == serial
    assert not parallel._started  # collected once
    assert not multiprocessing.active_children()


def test_the_started_pass_is_done_by_the_workers_and_this_process(pool) -> None:
    parallel.start(_pid, range(300))
    bounds = parallel._started[_pid].bounds
    deadline = time.monotonic() + 30
    while int.from_bytes(bounds[:8], "little", signed=True) == 0 and time.monotonic() < deadline:
        time.sleep(0.01)  # until the worker has taken its first chunk (it runs meanwhile)
    pids = parallel.map_documents(_pid, range(300))
    assert pids[0] != os.getpid(), "the first chunk is a started worker's"
    assert len(pids) == 300


def _pid(_: int) -> int:
    return os.getpid()


def _failing(number: int, bad: int) -> int:
    if number == bad:
        raise ValueError(f"document {number}")
    return number


@pytest.mark.parametrize("bad", [0, 150, 299])
def test_an_error_in_a_started_pass_is_the_serial_error(pool, bad) -> None:
    parallel.start(_failing, range(300), bad)
    with pytest.raises(ValueError, match=f"document {bad}"):
        parallel.map_documents(_failing, range(300), bad)
    assert not multiprocessing.active_children()


def test_a_pass_asked_with_other_arguments_is_run_as_usual(pool) -> None:
    parallel.start(_failing, range(300), 7)
    assert parallel.map_documents(_failing, range(300), -1) == list(range(300))  # not the started one
    assert not parallel._started
    assert not multiprocessing.active_children()


def test_a_build_that_stops_before_asking_leaves_nothing_running(pool) -> None:
    parallel.start(_pid, range(300))
    assert multiprocessing.active_children()
    parallel.cancel_started()
    assert not parallel._started
    assert not multiprocessing.active_children()


def test_no_pass_starts_for_a_small_source_set(monkeypatch) -> None:
    monkeypatch.setattr(parallel, "WORKERS", 2)
    parallel.start(_pid, range(parallel.MIN_DOCUMENTS - 1))
    assert not parallel._started
    assert parallel.map_documents(_pid, range(10)) == [os.getpid()] * 10


def _joined_group_by_group(seen: list[tuple[int, list[int]]]) -> list[set[int]]:
    """The join as it was (the reference): each figure's disagreement merged at once with every
    earlier one it shares a figure with, the merged one moved to the end."""
    groups: dict[int, set[int]] = {}
    for number, others in seen:
        group = {number, *others}
        for key in [k for k, members in groups.items() if members & group]:
            group |= groups.pop(key)
        groups[number] = group
    return list(groups.values())


@pytest.mark.parametrize("seed", range(40))
def test_disagreements_are_joined_as_group_by_group(seed) -> None:
    pick = random.Random(seed)
    figures = pick.choice([20, 200, 2000])
    numbers = sorted(pick.sample(range(figures), pick.randint(1, min(figures, 300))))
    seen = [(n, pick.sample(range(figures), pick.randint(1, 12))) for n in numbers]
    assert _disagreements(seen) == _joined_group_by_group(seen)


def test_disagreements_on_the_ferry_and_the_stories_are_joined_as_group_by_group(monkeypatch) -> None:
    from newslint.registry.extractors import figures as module

    calls: list = []
    monkeypatch.setattr(module, "_disagreements", lambda seen: calls.append(seen) or _disagreements(seen))
    for folder in SOURCES:
        registry = build_registry(read_sources([folder]), get_plugins().fact_extractors())
        assert registry.figures
    assert sum(len(seen) for seen in calls) > 20
    for seen in calls:
        assert _disagreements(seen) == _joined_group_by_group(seen)
