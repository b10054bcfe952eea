"""The UI-free browser behind the explorer: the time ruler's counts."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.browse import Browser
from tui.model import Event, Evidence, Timeline

DAY0 = dt.date(2016, 1, 1)
NAMES = ["summit", "vote", "treaty", "strike", "budget"]


def timeline_of(days: list[int]) -> Timeline:
    events = [Event(id=f"e{i}", date=(DAY0 + dt.timedelta(days=d)).isoformat(), title=f"event {NAMES[i % len(NAMES)]}",
                    evidence=[Evidence("s", 0, 1, "x", "x")]) for i, d in enumerate(days)]
    return Timeline(sources=[], events=events)


def plain_counts(days: list[int], bins: int) -> list[int]:
    """The ruler's rule written the slow, obvious way: bin = (day - first) * bins // span."""
    lo, hi = min(days), max(days) + 1
    counts = [0] * bins
    for d in days:
        counts[min(bins - 1, (d - lo) * bins // max(1, hi - lo))] += 1
    return counts


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 4000), min_size=1, max_size=60), st.integers(1, 90), st.booleans())
def test_ruler_counts_every_listed_event_in_its_bin(days, bins, in_order):
    if in_order:
        days = sorted(days)
    b = Browser(timeline_of(days), {})
    counts, first, last, marker, unit = b.histogram(bins)
    assert counts == plain_counts(days, bins)
    assert sum(counts) == len(days)
    assert first and last and unit in {"day", "month", "year"}
    assert marker is not None and counts[marker] > 0  # the highlighted event's bin is never empty


def test_ruler_follows_the_filter():
    b = Browser(timeline_of([0, 10, 20, 400, 800]), {})
    b.set_query("budget")
    counts, first, last, _, _ = b.histogram(10)
    assert sum(counts) == 1 and first == last == (DAY0 + dt.timedelta(days=800)).strftime("%-d %b %Y")


def test_a_reloaded_timeline_keeps_the_place_of_an_event_that_is_gone():
    """The highlighted event was deleted by hand: the reader lands on the event now at its
    place, with the search kept, not back at the top."""
    old = Browser(timeline_of(list(range(0, 50, 5))), {})
    old.set_query("summit")  # events 0 and 5 of the ten
    old.move_to(1)
    assert old.event.id == "e5"
    edited = timeline_of(list(range(0, 50, 5)))
    gone = edited.events.pop(5)
    edited.events.append(Event(id="e10", date=gone.date, title="summit again", evidence=gone.evidence))
    edited.events.sort(key=lambda e: e.date)
    new = Browser(edited, {})
    new.take_view_of(old)
    assert new.query == "summit" and new.event.id == "e10"


def test_a_reloaded_timeline_drops_a_source_filter_whose_source_is_gone():
    tl = timeline_of([1, 2, 3])
    old = Browser(tl, {}, source_filter="gone")
    new = Browser(timeline_of([1, 2, 3]), {})
    new.take_view_of(old)
    assert new.source_filter is None and len(new.listed) == 3
