"""The limit on user regexes: one CPU-time budget per rule and document instead of a timeout
per regex call.

`regex` enforces `timeout=` by reading the process's CPU clock, a real system call (the
CPU-time clock has no fast user-space path), before and after every call: about 3-5 us a call,
several times what a short search costs, and the style rules make hundreds of such calls a
draft. So on the main thread, where a signal can be taken, the engine starts one profiling
interval timer (SIGPROF, process CPU time) per document that ticks every TICK seconds; the
rules that run users' YAML patterns (`Rule.timed`) run with `STATE.timeout` None (regex calls
without a timeout), and the tick handler raises TimeoutError inside the rule once the rule has
used its budget: `regex` checks for signals while it matches, so a catastrophic pattern is
stopped in the middle of its search, like a timed-out call. The handler raises only while a
timed rule runs; the engine reports the TimeoutError per rule as before.

A TimeoutError raised by the handler can land in any Python code the rule runs, not only in a
regex call. The timed rules (Vale's kinds) keep per-document memos (DocumentView, Runs) that are
each stored once, complete, after they are computed, and process-wide ones (compiled patterns,
regexcache) of the same kind, so an interrupted rule leaves nothing half updated: the next rule
computes again what was not stored. The fact and sourcing kinds, whose analyses fill
process-wide memos of the registry step by step, keep a timeout per call (their patterns are
the lexicon's and the code's), and so does everything on another thread (the LSP server may
lint off the main thread), on a platform without SIGPROF, when another SIGPROF handler is
installed (a profiler), and on documents over HUGE characters (a budget would have to be very
large there; per call, each search keeps its own second).

A budget is REGEX_TIMEOUT seconds of CPU time, and one more for each further 100,000
characters of the document, counted in ticks: a rule is stopped after between budget - TICK and
budget seconds. If the rule's own code swallows the TimeoutError (a rule that catches it around
one regex call), the next tick raises it again.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

try:  # the C module: `signal` builds its enums at import (~1 ms of a cold check)
    import _signal as signal
except ImportError:  # pragma: no cover - CPython has it
    import signal

# Every user regex runs under this limit (seconds) so that no pattern can hang a run.
REGEX_TIMEOUT = 1.0
TICK = 0.05  # seconds of process CPU time between two ticks of the timer
HUGE = 2_000_000  # characters: larger documents keep a timeout per regex call
_PER_SECOND = 100_000  # characters a budget's every further second pays for
_SIGNAL = getattr(signal, "SIGPROF", None)
_AVAILABLE = _SIGNAL is not None and hasattr(signal, "setitimer") and hasattr(signal, "ITIMER_PROF")


class _State(threading.local):
    """What this thread's regex calls pass as `timeout=`: REGEX_TIMEOUT, or None while a timed
    rule runs under the document's timer (main thread only)."""

    timeout: float | None = REGEX_TIMEOUT


STATE = _State()
# The running timed rule's ticks left (None: no timed rule runs). Only the main thread sets it,
# and only the main thread runs signal handlers.
_left: int | None = None
_installed = False
# Code that a tick never interrupts: the engine's loop around the rules (see `calm`).
_CALM: set[Any] = set()


def finditer(pattern: Any, text: str, start: int, end: int, timeout: float | None) -> Iterator[Any]:
    """pattern.finditer(text, start, end) under a per-call `timeout`, every match found before
    the first is handed on. `regex` counts a finditer's timeout from the iterator's creation in
    process CPU time, so the caller's own work between two matches (a registry memo filled on
    the first) would count against the search and could stop it on a loaded machine. Under a
    rule's budget (`timeout` None) the iterator is lazy: the budget covers the rule's own work."""
    if timeout is None:
        return pattern.finditer(text, start, end)
    return iter(list(pattern.finditer(text, start, end, timeout=timeout)))


def calm(function: Any) -> Any:
    """Never raise in `function`'s own frame (not the rules it calls): the engine's loop that
    starts, stops and reports the timed rules, where a TimeoutError would escape the run."""
    _CALM.add(function.__code__)
    return function


def _tick(signum: int, frame: Any) -> None:
    global _left
    if _left is None:
        return
    _left -= 1
    if _left <= 0 and (frame is None or frame.f_code not in _CALM):
        raise TimeoutError("the rule used its regex time budget")  # again at each tick after


class DocumentTimer:
    """The timer of one document: `start(rule)` and `stop()` around each timed rule, `close()`
    at the end. Made by `for_document`, which returns None where per-call timeouts apply."""

    __slots__ = ("ticks", "budget")

    def __init__(self, budget: float) -> None:
        self.budget = budget
        self.ticks = max(1, round(budget / TICK))

    @classmethod
    def for_document(cls, size: int) -> DocumentTimer | None:
        """A running timer for a document of `size` characters, or None (see the module)."""
        global _installed
        if not _AVAILABLE or size > HUGE or threading.current_thread() is not threading.main_thread():
            return None
        try:
            if not _installed:
                if signal.getsignal(_SIGNAL) not in (signal.SIG_DFL, signal.SIG_IGN):
                    return None  # someone else's handler (a profiler)
                signal.signal(_SIGNAL, _tick)
                _installed = True
            elif signal.getsignal(_SIGNAL) is not _tick:
                return None  # replaced since
            signal.setitimer(signal.ITIMER_PROF, TICK, TICK)
        except (ValueError, OSError):  # not the main interpreter's main thread, or refused
            return None
        return cls(REGEX_TIMEOUT * max(1.0, size / _PER_SECOND))

    def start(self) -> None:
        global _left
        STATE.timeout = None
        _left = self.ticks

    def stop(self) -> None:
        global _left
        _left = None
        STATE.timeout = REGEX_TIMEOUT

    def close(self) -> None:
        self.stop()
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
