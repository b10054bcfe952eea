"""A Rich progress bar on a terminal, and nothing when piped or quiet."""

from __future__ import annotations

import sys
from contextlib import contextmanager


@contextmanager
def progress_reporter(quiet: bool, label: str, minimum: int = 20, finishing: str | None = None):
    """Yields `progress(done, total)`; draws a bar on stderr only for long runs on a terminal.
    `finishing` replaces the label once all is done: what the wait after a full bar is for."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                   TimeRemainingColumn(), console=Console(stderr=True), transient=True)
    task = None

    def report(done: int, total: int) -> None:
        nonlocal task
        if total < minimum:
            return
        if task is None:
            bar.start()
            task = bar.add_task(label, total=total)
        bar.update(task, completed=done, **({"description": finishing} if finishing and done >= total else {}))

    try:
        yield report
    finally:
        if task is not None:
            bar.stop()
