"""Hand edits made in the explorer (title, date, note, hidden, split, join, delete, the
timeline's title, undo), written
back to timeline.yaml in a worker: the keys' side of `tui.edits`."""

from __future__ import annotations

import dataclasses
from functools import partial

from textual import work

from ..edits import Edit, Regroup, Rename, apply, delete, join, problem, split
from ..textutil import clean_display
from .messages import SaveFailed
from .screens.edit import EditScreen
from .watch import file_state
from .widgets.event_list import EventList


class EditKeys:
    """Mixed into the app: its `browser`, `path`, `_disk`, `_undo` and `_save_lock` state."""

    def _editable_event(self):
        """The highlighted event, if it can be edited here (not in the example shipped with the package)."""
        if self.browser.event is None:
            self.bell()
            return None
        return self.browser.event if self._editable() else None

    def _editable(self) -> bool:
        from ..cli import is_packaged
        if is_packaged(self.path):
            self.notify("This is the example shipped with nato-timeline: build a timeline of your own to edit "
                        "(nato-timeline build FOLDER).", severity="warning")
            return False
        return True

    def _ask(self, field: str, heading: str, hint: str) -> None:
        event = self._editable_event()
        if event is None:
            return

        def done(value: str | None) -> None:
            if value is not None:
                self._edit(Edit(event.id, field, value))
        self.push_screen(EditScreen(f"{heading} of “{_short(event.title)}”", getattr(event, field) or "", hint,
                                    partial(problem, field)), done)

    def action_edit_title(self) -> None:
        self._ask("title", "Title", "Enter keeps it, Esc cancels; a rebuild keeps a title you set.")

    def action_edit_date(self) -> None:
        self._ask("date", "Date", "In full (22 May 2017, May 2017, spring 2017, the 1980s) or as kept (2017-W21, 2017-Q2)")

    def action_edit_note(self) -> None:
        self._ask("note", "Note", "Shown under the title and in exports; an empty note is removed.")

    def action_rename_timeline(self) -> None:
        if not self._editable():
            return

        def done(value: str | None) -> None:
            if value is not None:
                self._edit(Rename(value), said="Timeline title saved (u undoes)")
        self.push_screen(EditScreen("Title of the timeline", self.browser.timeline.title or "",
                                    "Shown at the top and in exports; a rebuild keeps it. Enter keeps it, Esc cancels.",
                                    partial(problem, "title")), done)

    def action_hide_event(self) -> None:
        event = self._editable_event()
        if event is not None:
            self._edit(Edit(event.id, "hidden", not event.hidden))

    def action_split_quote(self) -> None:
        event = self._editable_event()
        if event is None:
            return
        made = split(self.browser.timeline, event.id, self.browser.evidence_index, self.path.parent)
        if made is None:
            self.bell()
            self.notify("This event has one quote: there is nothing to split it from.", timeout=3)
            return
        self._edit(made[0], said=f"Quote split out into “{_short(made[1].title)}” (u undoes)")

    def action_join_next(self) -> None:
        event = self._editable_event()
        if event is None:
            return
        b = self.browser
        below = b.timeline.events[b.listed[b.cursor + 1]] if b.cursor + 1 < len(b.listed) else None
        if below is None:
            self.bell()
            self.notify("No event below this one to join into it.", timeout=3)
            return
        self._edit(join(b.timeline, event.id, below.id), said=f"Joined “{_short(below.title)}” into this event (u undoes)")

    def action_delete_event(self) -> None:
        event = self._editable_event()
        if event is not None:
            self._edit(delete(self.browser.timeline, event.id),
                       said=f"Deleted “{_short(event.title)}”: a rebuild leaves it out (u undoes)")

    def action_undo(self) -> None:
        if not self._undo:
            self.bell()
            self.notify("Nothing to undo", timeout=2)
            return
        self._edit(self._undo.pop(), undoing=True)

    def _edit(self, edit: Edit | Regroup | Rename | None, undoing: bool = False, said: str | None = None) -> None:
        if edit is None:
            return
        undo = apply(self.browser.timeline, edit)
        if undo is None:
            return
        if not undoing:
            self._undo.append(undo)
        events_changed = not isinstance(edit, Rename)  # else only the header's title did
        if events_changed:
            self.browser.edited(edit.event_id)
            self.current_match = self.match_offset = None
        self.refresh_all(list_changed=events_changed)
        self.query_one(EventList).scroll_to_cursor()
        self._save()
        if undoing:
            self.notify("Undone", timeout=2)
        elif said:
            self.notify(said, timeout=3)
        elif edit.field == "hidden":
            shown = "H shows hidden events, " if edit.value and not self.browser.show_hidden else ""
            self.notify(("Hidden" if edit.value else "Shown again") + f" ({shown}u undoes)", timeout=3)
        else:
            self.notify(f"{edit.field.capitalize()} saved (u undoes)", timeout=2)

    def _save(self) -> None:
        """Write the timeline as it is now, in a worker: one write at a time, and a write that
        waits is replaced by a newer one, so the file always ends as the last edit left it."""
        tl = self.browser.timeline
        snapshot = dataclasses.replace(tl, sources=list(tl.sources), events=list(tl.events))  # edits copy events
        with self._save_lock:
            self._pending_save = snapshot
            if self._saving:
                return
            self._saving = True
        self._write_edits()

    @work(thread=True, group="save")
    def _write_edits(self) -> None:
        from .. import store
        while True:
            with self._save_lock:
                snapshot, self._pending_save = self._pending_save, None
                if snapshot is None:
                    self._saving = False
                    return
            if file_state(self.path) != self._disk:
                self.post_message(SaveFailed(f"{self.path.name} changed on disk since it was read, so this edit "
                                             "was not written over it; reading the new version"))
                continue
            try:
                store.save(snapshot, self.path)
            except (OSError, store.TimelineError) as exc:
                self.post_message(SaveFailed(f"cannot write {self.path}: {getattr(exc, 'strerror', None) or exc}"))
                continue
            self._disk = file_state(self.path)  # our own write: nothing to read again

    def on_save_failed(self, message: SaveFailed) -> None:
        self.notify(clean_display(message.message), title="Edit not saved", severity="error", timeout=12)


def _short(title: str) -> str:
    title = clean_display(title)
    return title if len(title) <= 50 else title[:49] + "…"
