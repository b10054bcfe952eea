"""Hand edits made in the explorer: the same edits a person makes in timeline.yaml (a title,
a date, a note, `hidden`; a quote split out of an event, two events joined, an event
deleted), so that a rebuild keeps them the same way (`store.merge`, `regroup`, `deleted`).

An edit replaces the event with a changed copy instead of changing it in place: a save
running in a worker thread holds the list as it was and never sees an event half edited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from . import regroup
from .model import DeletedQuote, Event, Evidence, Timeline
from .store import fingerprint, is_edited, valid_date_value
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


@dataclass(frozen=True)
class Regroup:
    """Events replaced by others (a quote split out of an event, two events joined, an event
    deleted), and its undo."""
    take: tuple[str, ...]  # ids of the events taken out
    put: tuple[tuple[int | None, Event], ...]  # events put in, at these places (None: by date)
    event_id: str  # the event the reader stays on (when it is gone: the one now in its place)
    listing: tuple[DeletedQuote, ...] = ()  # quotes a rebuild must leave out from now on (`deleted`)
    unlisting: tuple[DeletedQuote, ...] = ()  # and those it no longer must


@dataclass(frozen=True)
class Rename:
    """The timeline's own title (`title:` at the top of timeline.yaml), and its undo. A rebuild
    keeps it, as it keeps any title found in the file."""
    title: str | None


def apply(tl: Timeline, edit: Edit | Regroup | Rename) -> Edit | Regroup | Rename | None:
    """Make the edit; the edit that undoes it, or None when nothing changed (or no such event)."""
    if isinstance(edit, Regroup):
        return _regroup(tl, edit)
    if isinstance(edit, Rename):
        title = (edit.title or "").strip() or None
        if title == tl.title:
            return None
        before, tl.title = tl.title, title
        return Rename(before)
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
    tl.events.insert(_place(tl, changed.date) if edit.position is None else edit.position, changed)
    return Edit(edit.event_id, edit.field, before, position=at)


def _place(tl: Timeline, date: str) -> int:
    """Where an event of `date` goes: after the others of its date (the timeline is in date order)."""
    return bisect_right([V.sort_key(e.date) for e in tl.events], V.sort_key(date))


def _regroup(tl: Timeline, edit: Regroup) -> Regroup | None:
    places = [tl.index_of(i) for i in edit.take]
    if None in places:
        return None  # the file changed on disk since
    taken = sorted((i, tl.events[i]) for i in places)
    for i, _ in reversed(taken):
        del tl.events[i]
    # Placed ones first, in order (an undo puts each back where it was), then by date.
    for at, e in sorted((p for p in edit.put if p[0] is not None), key=lambda p: p[0]):
        tl.events.insert(at, e)
    for _, e in (p for p in edit.put if p[0] is None):
        tl.events.insert(_place(tl, e.date), e)
    listed = set(tl.deleted)
    listing = tuple(d for d in edit.listing if d not in listed)
    tl.deleted = [d for d in tl.deleted if d not in edit.unlisting] + list(listing)
    return Regroup(tuple(e.id for _, e in edit.put), tuple(taken), edit.event_id, edit.unlisting, listing)


def delete(tl: Timeline, event_id: str) -> Regroup | None:
    """The event gone, and its quotes that no other event holds listed as deleted, so that a
    rebuild leaves them out as it does after a deletion in an editor."""
    at = tl.index_of(event_id)
    if at is None:
        return None
    event = tl.events[at]
    elsewhere = {regroup.evidence_key(x.source, x.quote, x.timex) for e in tl.events if e is not event for x in e.evidence}
    listing = tuple(dict.fromkeys(DeletedQuote(x.source, x.quote, x.timex) for x in event.evidence
                                  if regroup.evidence_key(x.source, x.quote, x.timex) not in elsewhere))
    return Regroup((event_id,), (), event_id, listing)


def split(tl: Timeline, event_id: str, k: int, base: Path) -> tuple[Regroup, Event] | None:
    """Take the event's `k`th quote out into an event of its own (the edit, and that event).
    Each is titled from its own quotes, as the builder titles an event, unless a person titled it."""
    at = tl.index_of(event_id)
    event = tl.events[at] if at is not None else None
    if event is None or len(event.evidence) < 2 or not 0 <= k < len(event.evidence):
        return None
    from .events import event_base
    piece = event.evidence[k]
    rest = event.evidence[:k] + event.evidence[k + 1:]
    kept = dataclasses.replace(event, evidence=rest, fingerprint=_with_grouping(event))
    read: dict = {}
    if not is_edited(event) and (retitled := titled(tl, rest, event.date, base, read)):
        kept.title = retitled[0]
    title, date = titled(tl, [piece], None, base, read) or (_clipped(piece.quote), event.date)
    new = Event(id=_free_id(tl, event_base(date, title)), date=date, title=title, evidence=[piece],
                fingerprint=regroup.with_grouping(fingerprint(title, date), regroup.NOTHING_BUILT))  # a person's
    same_day = date == event.date
    return Regroup((event.id,), ((at, kept), (at + 1 if same_day else None, new)), event.id), new


def join(tl: Timeline, into_id: str, other_id: str) -> Regroup | None:
    """The other event's quotes added to this one's, and the other one gone; this one keeps its
    title and date."""
    at, other_at = tl.index_of(into_id), tl.index_of(other_id)
    if at is None or other_at is None or at == other_at:
        return None
    into, other = tl.events[at], tl.events[other_at]
    have = {regroup.evidence_key(x.source, x.quote, x.timex) for x in into.evidence}
    more = [x for x in other.evidence if regroup.evidence_key(x.source, x.quote, x.timex) not in have]
    order = {src.id: i for i, src in enumerate(tl.sources)}  # in the order the builder tells evidence
    evidence = sorted(into.evidence + more, key=lambda x: (order.get(x.source, len(order)), x.start))
    joined = dataclasses.replace(into, evidence=evidence, note=into.note or other.note, fingerprint=_with_grouping(into))
    return Regroup((into_id, other_id), ((at - (other_at < at), joined),), into_id)


def titled(tl: Timeline, evidence: list[Evidence], date: str | None, base: Path,
           read: dict | None = None) -> tuple[str, str] | None:
    """(title, date) the builder gives an event of these quotes, read again from their articles
    (`date` None: the date of the first quote's own date expression); None if none can be read.
    `read` keeps the articles read, for the next call."""
    from .events import Cluster, Mention
    from .pipeline import analyse
    from .titles import title_for
    read = {} if read is None else read
    wanted: dict[str, set] = {}
    for x in evidence:
        wanted.setdefault(x.source, set()).add((x.start, x.end, x.timex))
    order = {src.id: i for i, src in enumerate(tl.sources)}
    found = []
    for sid in sorted(wanted, key=lambda s: order.get(s, len(order))):
        if sid not in order:
            continue
        if sid not in read:
            src = tl.sources[order[sid]]
            read[sid] = analyse(str(src.file(base)), src.published)  # the day the build read it from
        for row in read[sid].get("mentions") or ():
            m = Mention.from_row(sid, order[sid], row)
            if (m.sent_start, m.sent_end, m.timex.text) in wanted[sid]:
                found.append(m)
    if not found:
        return None
    value = date or found[0].value
    return title_for(Cluster(value, found)), value


def _with_grouping(e: Event) -> str | None:
    """The event's fingerprint with the builder's grouping recorded: a timeline written before
    groupings were recorded has the builder's quotes in its events, so this is them."""
    if e.fingerprint is None or regroup.grouping_part(e.fingerprint) is not None:
        return e.fingerprint
    return regroup.with_grouping(e.fingerprint, regroup.evidence_digest(e.evidence))


def _clipped(quote: str, words: int = 12) -> str:
    cut = quote.split()
    return " ".join(cut[:words]) + ("…" if len(cut) > words else "")


def _free_id(tl: Timeline, base: str) -> str:
    used = {e.id for e in tl.events}
    event_id, n = base, 2
    while event_id in used:
        event_id, n = f"{base}-{n}", n + 1
    return event_id
