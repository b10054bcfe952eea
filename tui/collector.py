"""Python's cyclic garbage collector, paused while millions of long-lived objects are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(resume: bool = True) -> Iterator[None]:
    """For a build and its writing, and for reading a big timeline.yaml: they make millions of
    objects (mentions, rows, events, YAML nodes) that all live to the end, and every full
    collection would walk all of them again: a tenth of the time of a 20,000-article build, and
    more than half of the time of parsing its 40 MB of YAML. What they make holds no reference
    cycles to reclaim.

    `resume=False` leaves it off: for a process that ends right after (`tui.cli.run`). Turned
    back on, its first collection walks every object made meanwhile, all still young: a second
    of a 20,000-article build that has nothing left to do."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled and resume:
            gc.enable()
