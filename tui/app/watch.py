"""Noticing that timeline.yaml changed on disk: a hand edit saved in an editor, or a `build`
run in another terminal. A stat once a second costs nothing, needs no dependency, and works
on every platform and file system (network folders included), where change notifications do not."""

from __future__ import annotations

import os
from pathlib import Path

WATCH_SECONDS = 1.0


def file_state(path: Path) -> tuple[int, int, int] | None:
    """What tells one version of the file from the next (a rename over it changes the inode,
    an edit in place the time or the size), or None when it is not there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino
