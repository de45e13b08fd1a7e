"""Per-document work of a registry build, spread over the machine's cores.

A large source set (MIN_DOCUMENTS or more) is parsed and its per-document extraction passes run
in forked worker processes and this one, on chunks of documents handed out as each process
asks for its next (the faster process does more); everything that joins documents
(grouping people, reconciling titles, conflicts) stays in this process. The workers inherit
what the pass reads (the documents, the registry so far) from the fork, and send back only
their results, in the order of the documents: the registry is the one a serial build makes.

No pool for a small source set (starting workers costs more than it saves), inside a worker
process (`check --jobs N` builds in each worker), in a process with other threads running (the
language server: a fork copies only the calling thread), or where fork is not the way processes
start (macOS, Windows)."""
from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any

MIN_DOCUMENTS = 50  # fewer documents are handled in this process
WORKERS: int | None = None  # processes, this one included; None: one per core
CHUNKS_PER_WORKER = 32  # chunks per process, handed out one at a time

# The pass being run: set before the workers fork, read by them (never pickled).
_job: tuple[Callable[..., Any], Sequence[Any], tuple] | None = None


def workers_for(count: int) -> int:
    """How many processes a pass over `count` documents uses; 1 means this one alone."""
    return 1 if count < MIN_DOCUMENTS else min(usable_workers(), count)


def usable_workers() -> int:
    """WORKERS, or one process per core this process may use; 1 where a pool is not used."""
    if sys.platform in ("darwin", "win32"):
        return 1
    import multiprocessing  # only for a large source set

    if "fork" not in multiprocessing.get_all_start_methods() or multiprocessing.parent_process() is not None:
        return 1
    if threading.active_count() > 1:
        return 1
    if WORKERS is not None:
        return max(1, WORKERS)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def map_documents(function: Callable[..., Any], documents: Sequence[Any], *shared: Any, workers: int | None = None) -> list:
    """[function(d, *shared) for d in documents], in worker processes when there are many
    (or in `workers` processes when given; 1: none). `function` must not change what it reads:
    a worker's changes are lost."""
    workers = workers_for(len(documents)) if workers is None else min(workers, usable_workers(), len(documents))
    if workers < 2:
        return [function(document, *shared) for document in documents]
    size = -(-len(documents) // (workers * CHUNKS_PER_WORKER))
    chunks = [range(start, min(start + size, len(documents))) for start in range(0, len(documents), size)]
    try:
        return _in_processes(chunks, workers, function, documents, shared)
    except Exception:  # noqa: BLE001 - any failure is met again, and reported, as in a serial build
        # Done again here, in order: the error raised is the one a serial build meets first
        # (a worker's own could be a later document's, or not survive its way back).
        return [function(document, *shared) for document in documents]


def _in_processes(chunks: list[range], workers: int, function: Callable[..., Any], documents: Sequence[Any],
                  shared: tuple) -> list:
    import mmap
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    global _job
    # A forked worker flushes the standard streams it inherited when it ends: flush them first
    # so that nothing written before is written twice.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    context = get_context("fork")
    # The chunks are handed out as the processes ask: the workers take them from the front,
    # this process from the back, until they meet. On a machine whose other cores are busy, a
    # fixed share would leave this process waiting for a slowed worker's half; so the faster
    # process does more. The first chunk is a worker's and the last this process's.
    bounds = mmap.mmap(-1, 16)  # shared with the forked workers: next free from the front, from the back
    bounds[:16] = _pack(1, len(chunks) - 2)
    _job = (function, documents, shared, chunks, bounds, context.Lock())
    try:
        # This process is one of the workers, and its results are not sent through a pipe. No
        # future is ever cancelled: on Python 3.11 a pool that breaks (a worker's error that
        # cannot be unpickled, a worker killed) with a cancelled future kills its management
        # thread, and closing the pool then hangs.
        results: list = [None] * len(chunks)
        with ProcessPoolExecutor(workers - 1, mp_context=context) as pool:
            # One task per chunk at most: each takes the next free chunk (or none, when this
            # process took it), so results come back while the others are still running.
            futures = [pool.submit(_run, 0), *(pool.submit(_run_next) for _ in range(len(chunks) - 2))]
            results[-1] = _run(len(chunks) - 1)[1]
            while (number := _take(from_back=True)) is not None:
                results[number] = _run(number)[1]
            for future in futures:
                done = future.result()
                if done is not None:
                    results[done[0]] = done[1]
        return [result for part in results for result in part]
    finally:
        _job = None


def _pack(front: int, back: int) -> bytes:
    return front.to_bytes(8, "little", signed=True) + back.to_bytes(8, "little", signed=True)


def _take(from_back: bool) -> int | None:
    """The number of the next free chunk, taken; None when every chunk is taken."""
    assert _job is not None
    bounds, lock = _job[4], _job[5]
    with lock:
        front, back = int.from_bytes(bounds[:8], "little", signed=True), int.from_bytes(bounds[8:16], "little", signed=True)
        if front > back:
            return None
        bounds[:16] = _pack(front, back - 1) if from_back else _pack(front + 1, back)
        return back if from_back else front


def _run_next() -> tuple[int, list] | None:
    number = _take(from_back=False)
    return None if number is None else _run(number)


def _run(number: int) -> tuple[int, list]:
    assert _job is not None  # set by map_documents before the fork
    function, documents, shared, chunks = _job[:4]
    return number, [function(documents[n], *shared) for n in chunks[number]]
