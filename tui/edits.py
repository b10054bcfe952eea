"""Hand edits made in the explorer: the same edits a person makes in timeline.yaml (a title,
a date, a note, `hidden`), so that a rebuild keeps them the same way (`store.merge`).

An edit replaces the event with a changed copy instead of changing it in place: a save
running in a worker thread holds the list as it was and never sees an event half edited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass

from .model import Timeline
from .store import valid_date_value
from .temporal import tag
from .temporal import values as V


@dataclass(frozen=True)
class Edit:
    event_id: str
    field: str  # "title", "date", "note" or "hidden"
    value: str | bool | None
    position: int | None = None  # where a redated event goes back to (an undo): else by its date


# Two days far apart: a date written out in full reads the same from both.
_REFERENCES = (dt.date(2001, 3, 14), dt.date(2013, 9, 2))


def date_value(text: str) -> str | None:
    """The date value of what a person typed: a value as timeline.yaml keeps it ("2017-05-22",
    "2017-W21") or a date written out in full ("22 May 2017", "May 2017", "the 1980s"), read
    by the tagger. Relative ones ("last May", "Friday") are refused: from when?"""
    text = text.strip()
    if valid_date_value(text):
        return text
    values = set()
    for day in _REFERENCES:
        found = tag(text, day)
        if len(found) != 1 or found[0].start > 0 or found[0].end < len(text.rstrip(".")):
            return None
        values.add(found[0].value)
    value = values.pop() if len(values) == 1 else None
    return value if value and valid_date_value(value) else None


def problem(field: str, value: str) -> str | None:
    """Why `value` cannot be the event's `field`, in one line, or None."""
    if field == "title" and not value.strip():
        return "a title cannot be empty"
    if field == "date" and date_value(value) is None:
        return f"“{value.strip()}” is not a date in full (such as 22 May 2017, May 2017, 2017-W21)"
    return None


def normalised(field: str, value: str | bool | None) -> str | bool | None:
    if field == "hidden":
        return bool(value)
    text = (value or "").strip()
    if field == "date":
        return date_value(text) or text
    return text or None if field == "note" else text


def apply(tl: Timeline, edit: Edit) -> Edit | None:
    """Make the edit; the edit that undoes it, or None when nothing changed (or no such event)."""
    value = normalised(edit.field, edit.value)
    at = tl.index_of(edit.event_id)
    if at is None:
        return None
    event = tl.events[at]
    before = getattr(event, edit.field)
    if before == value:
        return None
    changed = dataclasses.replace(event, **{edit.field: value})
    if edit.field != "date":
        tl.events[at] = changed
        return Edit(edit.event_id, edit.field, before)
    # The timeline stays in date order: the event goes after the others of its new date, or,
    # undone, back to the very place it left.
    del tl.events[at]
    to = edit.position
    if to is None:
        key = V.sort_key(value)
        to = bisect_right([V.sort_key(e.date) for e in tl.events], key)
    tl.events.insert(to, changed)
    return Edit(edit.event_id, edit.field, before, position=at)
