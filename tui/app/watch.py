"""Noticing that timeline.yaml changed on disk: a hand edit saved in an editor, or a `build`
run in another terminal. A stat once a second costs nothing, needs no dependency, and works
on every platform and file system (network folders included), where change notifications do not."""

from __future__ import annotations

import os
from pathlib import Path

from textual import work

from ..browse import Browser
from ..textutil import clean_display
from .messages import ReloadFailed, TimelineReloaded
from .widgets.event_list import EventList

WATCH_SECONDS = 1.0


def file_state(path: Path) -> tuple[int, int, int] | None:
    """What tells one version of the file from the next (a rename over it changes the inode,
    an edit in place the time or the size), or None when it is not there."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


class FollowsFile:
    """The explorer's part that reads its file again when it changes (mixed into the app,
    whose `path`, `browser`, `_disk` and `_install` it uses). `_disk` is the state of the
    version on screen, which an edit may be written over; `_tried`, the last one read again."""

    _tried: tuple | None = None

    def check_disk(self) -> None:
        """Read timeline.yaml again when it changed on disk (a hand edit saved in an editor, a
        `build` in another terminal), unless it is being read or built right now."""
        if any(w.group in ("load", "reload", "save") and not w.is_finished for w in self.workers):
            return
        state = file_state(self.path)
        if state is None or state in (self._disk, self._tried):
            return
        self._tried = state  # once per change: a broken file is reported once, not every second
        self.reload(state)

    @work(thread=True, exclusive=True, group="reload")
    def reload(self, state: tuple) -> None:
        from .. import store
        try:
            timeline = store.load(self.path)
            texts: dict = {}
            warnings = store.verify_sources(timeline, self.path.parent, texts_out=texts)
            browser = Browser(timeline, texts)
            browser.index  # noqa: B018 - the search index, built here off the UI thread
        except store.TimelineError as exc:
            self.post_message(ReloadFailed(str(exc)))
            return
        except Exception as exc:  # noqa: BLE001 - shown to the reader, never a traceback
            self.post_message(ReloadFailed(f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(TimelineReloaded(browser, warnings, state))

    def on_timeline_reloaded(self, message: TimelineReloaded) -> None:
        self._disk = message.disk
        message.browser.take_view_of(self.browser)
        self._undo.clear()  # its edits were made to the version read before
        self._install(message.browser)
        self.clear_notifications()  # a report that the file could not be read is over now
        self._warn(message.warnings)
        self.notify(f"{self.path.name} changed on disk: reloaded ({message.browser.total} events)", timeout=4)
        self.refresh_all()
        self.query_one(EventList).scroll_to_cursor()

    def on_reload_failed(self, message: ReloadFailed) -> None:
        self.notify(f"{clean_display(message.message)}\nStill showing the version read before.",
                    title=f"{self.path.name} changed but cannot be read", severity="error", timeout=12)

