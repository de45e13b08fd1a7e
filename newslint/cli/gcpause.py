"""The cyclic garbage collector, paused while `newslint check` sets itself up.

Start-up makes long-lived objects (modules, compiled rules) and next to no garbage, but the
collector scans the young ones again at every few hundred allocations: about a tenth of a cold
start, for nothing. So it is paused until the rules are loaded, what start-up made is then moved
out of its reach (gc.freeze), and it runs as usual while drafts are linted (a single draft is
linted with it still paused: see cli/check.py). When the command is over, an in-process caller
(a test, an editor plugin) gets the collector back as it was."""
from __future__ import annotations

import atexit
import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

_state = {"paused": False, "froze": False}


@contextmanager
def paused_start(final: bool = False) -> Iterator[None]:
    """Pause the collector for the block, until `started()` if the block calls it. `final`: the
    process ends after the block (its own command): what is left is then frozen before the
    collector is on again, so that it is not scanned on the way out (see exiting)."""
    was_enabled = gc.isenabled()
    gc.disable()
    _state.update(paused=was_enabled, froze=False)
    try:
        yield
    finally:
        if final:
            gc.freeze()
        elif _state["froze"]:
            gc.unfreeze()  # start-up's objects may be collected again, once they are garbage
        _state.update(paused=False, froze=False)
        if was_enabled:
            gc.enable()


def started() -> None:
    """Start-up is over: keep its objects out of the collector's scans, and collect again."""
    if _state["paused"]:
        _state.update(paused=False, froze=True)
        gc.freeze()
        gc.enable()


def exiting(code: int) -> int:
    """The process ends now with exit status `code`, and what it still holds is freed with it.
    Python's exit would first scan every object left for reference cycles (about a twentieth
    of a cold check): frozen, they are passed over. It would then free every module and object
    one by one (~1% of a cold check) for a process that gives all its memory back at once: so
    once the output is flushed and the exit handlers have run (the regex caches are written),
    the process ends there. Every file newslint writes is closed where it is written. When the
    output cannot be flushed (a closed pipe), `code` is returned and Python's own exit reports
    it as usual. Only for a process's own command: an in-process caller keeps its collector
    as it was."""
    gc.freeze()
    if not _flushed():
        return code
    atexit._run_exitfuncs()  # what Python's exit runs first (handlers run once: the list is cleared)
    if not _flushed():  # what the handlers printed
        return code
    os._exit(code)


def _flushed() -> bool:
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # a closed pipe or stream
        return False
    return True
