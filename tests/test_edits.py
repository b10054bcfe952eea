"""Hand edits made in the explorer (`tui.edits`): the values a person types, and undo."""

from __future__ import annotations

import pytest

from tui.edits import Edit, apply, date_value, problem
from tui.model import Event, Timeline


@pytest.mark.parametrize("typed, value", [
    ("2017-05-22", "2017-05-22"), ("2017-W21", "2017-W21"), ("198", "198"),
    ("22 May 2017", "2017-05-22"), ("May 22, 2017", "2017-05-22"), ("5/22/2017", "2017-05-22"),
    ("May 2017", "2017-05"), ("spring 2017", "2017-SP"), ("the 1980s", "198"),
    ("the third quarter of 2017", "2017-Q3"), ("  2017 ", "2017"),
])
def test_a_date_typed_in_full_becomes_its_value(typed, value):
    assert date_value(typed) == value and problem("date", typed) is None


@pytest.mark.parametrize("typed", ["May", "Friday", "last year", "yesterday", "May 22", "2017-13-01", ""])
def test_a_date_that_needs_a_day_to_read_it_from_is_refused(typed):
    """ "last year" in the explorer: last year from when? The reader is asked for the date in full."""
    assert date_value(typed) is None
    assert problem("date", typed).startswith(f"“{typed.strip()}” is not a date in full")


def timeline() -> Timeline:
    dates = ["2016", "2016", "2017-01", "2017-05-22", "2017-05-24", "2017-05-24"]
    return Timeline(events=[Event(id=f"e{i}", date=d, title=f"event {i}") for i, d in enumerate(dates)])


def test_a_redated_event_moves_to_its_date_and_undo_puts_it_back_where_it_was():
    tl = timeline()
    undo = apply(tl, Edit("e0", "date", "24 May 2017"))
    assert [e.id for e in tl.events] == ["e1", "e2", "e3", "e4", "e5", "e0"] and tl.events[-1].date == "2017-05-24"
    apply(tl, undo)
    assert [e.id for e in tl.events] == ["e0", "e1", "e2", "e3", "e4", "e5"] and tl.events[0].date == "2016"


def test_an_edit_copies_the_event_so_a_save_in_progress_sees_it_whole():
    tl = timeline()
    saving = list(tl.events)  # what a save running in a worker holds
    apply(tl, Edit("e2", "title", "  Retitled "))
    assert tl.events[2].title == "Retitled" and saving[2].title == "event 2"


def test_an_empty_note_removes_it_and_an_unchanged_value_is_no_edit():
    tl = timeline()
    assert apply(tl, Edit("e1", "note", "checked against the wire")) == Edit("e1", "note", None)
    assert apply(tl, Edit("e1", "note", "   ")) == Edit("e1", "note", "checked against the wire")
    assert tl.events[1].note is None
    assert apply(tl, Edit("e1", "title", "event 1")) is None
    assert apply(tl, Edit("gone", "hidden", True)) is None
    assert problem("title", "  ") == "a title cannot be empty"


def test_a_quote_split_out_is_titled_and_dated_from_its_own_sentence_and_undo_restores_all(workdir):
    """The seed's campaign event: "calling Brussels a 'hellhole'" split out of it is titled by
    its own sentence; the event left is titled from what it still holds; undo puts back the
    very events that were there."""
    from tui.build import build
    from tui.edits import split
    tl = build([workdir / "seeds"], workdir / "timeline.yaml").timeline
    before = list(tl.events)
    at, event = next((i, e) for i, e in enumerate(tl.events) if any("hellhole" in x.quote for x in e.evidence))
    k = next(i for i, x in enumerate(event.evidence) if "hellhole" in x.quote)
    edit, alone = split(tl, event.id, k, workdir)
    undo = apply(tl, edit)
    assert tl.events[at].id == event.id and tl.events[at + 1] is alone
    assert [x.quote for x in alone.evidence] == [event.evidence[k].quote] and alone.date == "2016"
    assert alone.title.startswith("Trump also took aim at the city")
    # Then the quote its title was read from: the event left is titled from the one it keeps.
    source_of_title = next(i for i, x in enumerate(tl.events[at].evidence) if "Mr Trump branded" in x.quote)
    assert tl.events[at].title.startswith("Mr Trump branded")
    second, _ = split(tl, event.id, source_of_title, workdir)
    undo_second = apply(tl, second)
    left = tl.events[at]
    assert [x.quote[:30] for x in left.evidence] == ["Trump called NATO \"obsolete\" d"]
    assert left.title.startswith("Trump called NATO")
    apply(tl, undo_second)
    apply(tl, undo)
    assert all(a is b for a, b in zip(tl.events, before, strict=True))


def test_a_split_needs_two_quotes_and_a_join_two_events():
    from pathlib import Path

    from tui.edits import join, split
    from tui.model import Evidence
    tl = timeline()
    tl.events[0].evidence = [Evidence("s", 0, 5, "Hello", "2016")]
    assert split(tl, "e0", 0, Path(".")) is None
    assert join(tl, "e0", "e0") is None and join(tl, "e0", "gone") is None
