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
    started = _started.pop(function, None)
    if started is not None:
        if started.documents is documents and len(started.shared) == len(shared) and \
                all(mine is theirs for mine, theirs in zip(started.shared, shared)):
            return started.results()
        started.cancel()
    workers = workers_for(len(documents)) if workers is None else min(workers, usable_workers(), len(documents))
    if workers < 2:
        return [function(document, *shared) for document in documents]
    chunks = _chunks(len(documents), workers)
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
    _flush()
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


def _chunks(count: int, workers: int) -> list[range]:
    size = -(-count // (workers * CHUNKS_PER_WORKER))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _flush() -> None:
    """A forked worker flushes the standard streams it inherited when it ends: flush them first
    so that nothing written before is written twice."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass


def _pack(front: int, back: int) -> bytes:
    return front.to_bytes(8, "little", signed=True) + back.to_bytes(8, "little", signed=True)


def _take(from_back: bool, bounds=None, lock=None) -> int | None:
    """The number of the next free chunk, taken; None when every chunk is taken (of the pass
    being run, or of the one whose `bounds` and `lock` are given)."""
    if bounds is None:
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


# -- passes started early ---------------------------------------------------------------------
# A pass over documents that needs nothing but the documents (the figures in each source) can
# start as soon as they are parsed, in forked workers that run while this process does the
# build's steps that join documents (grouping people, their titles and genders, conflicts):
# those run in one process and would otherwise leave the other cores idle. The map_documents
# call that later asks for the same pass collects the workers' results; this process does the
# chunks no worker has taken yet, from the back, as in any other pass.
_started: dict[Callable[..., Any], _Started] = {}


def start(function: Callable[..., Any], documents: Sequence[Any], *shared: Any) -> None:
    """Begin map_documents(function, documents, *shared) in forked workers now (where a pass
    over these documents would use workers at all); the same call of map_documents later
    returns its results. `function` must not depend on anything this process changes
    meanwhile: the workers see the process as it was when they forked."""
    workers = workers_for(len(documents))
    if workers < 2 or function in _started:
        return
    try:
        _started[function] = _Started(function, documents, shared, workers - 1)
    except OSError:
        pass  # no process could start: map_documents runs the pass as usual


def cancel_started() -> None:
    """Stop every started pass that no map_documents call has collected (a build that failed)."""
    while _started:
        _started.popitem()[1].cancel()


class _Started:
    """A pass begun by start(): its workers take chunks from the front and send their results
    once no chunk is left; this process takes from the back when it collects them."""

    def __init__(self, function: Callable[..., Any], documents: Sequence[Any], shared: tuple, count: int) -> None:
        import mmap
        from multiprocessing import get_context

        self.function, self.documents, self.shared = function, documents, shared
        self.chunks = _chunks(len(documents), count + 1)
        context = get_context("fork")
        self.bounds = mmap.mmap(-1, 16)  # next free chunk from the front, from the back
        self.bounds[:16] = _pack(0, len(self.chunks) - 1)
        self.lock = context.Lock()
        self.workers: list = []
        _flush()
        for _ in range(count):
            receiver, sender = context.Pipe(duplex=False)
            # Daemonic: a build that fails before collecting leaves none running at exit.
            process = context.Process(target=self._work, args=(sender,), daemon=True)
            process.start()
            sender.close()
            self.workers.append((process, receiver))

    def _work(self, sender) -> None:
        """In a worker: chunks from the front until none is left, then their results (None
        when one failed: the pass is done again, and its error met, in this process)."""
        done: dict[int, list] | None = {}
        try:
            while (number := _take(False, self.bounds, self.lock)) is not None:
                done[number] = [self.function(self.documents[n], *self.shared) for n in self.chunks[number]]
            sender.send(done)
        except Exception:  # noqa: BLE001 - any failure is met again, and reported, as in a serial build
            sender.send(None)
        sender.close()

    def results(self) -> list:
        """The pass's results in the order of the documents."""
        results: list = [None] * len(self.chunks)
        failed = False
        try:
            while (number := _take(True, self.bounds, self.lock)) is not None:
                results[number] = [self.function(self.documents[n], *self.shared) for n in self.chunks[number]]
        except Exception:  # noqa: BLE001 - done again below, in order
            failed = True
        for process, receiver in self.workers:
            try:
                done = receiver.recv()
            except (EOFError, OSError):  # the worker died
                done = None
            receiver.close()
            process.join()
            if done is None:
                failed = True
            else:
                for number, result in done.items():
                    results[number] = result
        if failed:
            return [self.function(document, *self.shared) for document in self.documents]
        return [result for part in results for result in part]

    def cancel(self) -> None:
        for process, receiver in self.workers:
            process.terminate()
            process.join()
            receiver.close()
