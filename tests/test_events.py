"""The event builder on the two seed articles: what a reader must find in the timeline."""

from __future__ import annotations


def sources_of(event, timeline):
    return {timeline.source(s).outlet for s in event.sources}


def events_on(timeline, date):
    return [e for e in timeline.events if e.date == date]


def find(timeline, date, *words):
    for e in events_on(timeline, date):
        text = " ".join([e.title] + [ev.quote for ev in e.evidence]).lower()
        if all(w.lower() in text for w in words):
            return e
    raise AssertionError(f"no event on {date} mentioning {words}: {[e.title for e in events_on(timeline, date)]}")


def test_campaign_obsolete_remarks_2016_both_articles(seed_timeline):
    e = find(seed_timeline, "2016", "obsolete", "campaign")
    assert sources_of(e, seed_timeline) == {"RFE/RL", "The Independent"}


def test_april_reversal(seed_timeline):
    e = find(seed_timeline, "2017-04", "no longer obsolete")
    assert len(e.evidence) == 2


def test_manchester_bombing_may_22(seed_timeline):
    e = find(seed_timeline, "2017-05-22", "Manchester")
    assert "killed 22" in e.title or "Manchester" in e.title
    # The Independent's "earlier this week" retells the same bombing.
    assert sources_of(e, seed_timeline) == {"RFE/RL", "The Independent"}


def test_arrival_in_brussels_may_24_both_articles(seed_timeline):
    e = find(seed_timeline, "2017-05-24", "Arriving in Brussels")
    assert sources_of(e, seed_timeline) == {"RFE/RL", "The Independent"}
    assert any(ev.timex == "Wednesday" for ev in e.evidence)


def test_three_different_happenings_on_may_24_stay_apart(seed_timeline):
    arrival = find(seed_timeline, "2017-05-24", "Arriving in Brussels")
    erdogan = find(seed_timeline, "2017-05-24", "Erdogan")
    protest = find(seed_timeline, "2017-05-24", "hundreds gathered")
    assert len({arrival.id, erdogan.id, protest.id}) == 3


def test_summit_may_25_both_articles(seed_timeline):
    e = find(seed_timeline, "2017-05-25", "coalition")
    assert sources_of(e, seed_timeline) == {"RFE/RL", "The Independent"}


def test_every_quote_is_exact_text_of_its_source(seed_timeline):
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    for e in seed_timeline.events:
        for ev in e.evidence:
            text = (root / seed_timeline.source(ev.source).path).read_text(encoding="utf-8")
            assert text[ev.start:ev.end] == ev.quote


def test_no_furniture_in_evidence(seed_timeline):
    quotes = " ".join(ev.quote for e in seed_timeline.events for ev in e.evidence)
    for junk in ("0:00", "please wait", "commenting forum", "Thank you for registering"):
        assert junk not in quotes


def test_events_sorted_with_coarse_dates_first(seed_timeline):
    from tui.temporal.values import sort_key
    keys = [sort_key(e.date) for e in seed_timeline.events]
    assert keys == sorted(keys)
    assert seed_timeline.events[0].date == "2016"


def test_titles_are_short_and_from_the_text(seed_timeline):
    for e in seed_timeline.events:
        assert 2 <= len(e.title.split()) <= 16
