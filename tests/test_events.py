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


def _title_of(sentence: str, published: str) -> str:
    import datetime as dt

    from tui import sentences
    from tui.events import cluster_mentions
    from tui.temporal import tag
    from tui.titles import title_for
    found = mentions_of_text(sentence, dt.date.fromisoformat(published), sentences.split(sentence), tag)
    (cluster,) = cluster_mentions(found)
    return title_for(cluster)


def mentions_of_text(text, published, bounds, tag):
    from tui.events import mentions_of
    return mentions_of("s", 0, text, bounds, tag(text, published))


def test_title_says_who_said_what():
    # RFE/RL, 24 May 2017: the speaker and what was said make the title.
    title = _title_of("Turkish President Recep Tayyip Erdogan said on May 24 that the Manchester bombing "
                      "showed the need for joint action against terrorism.", "2017-05-24")
    assert title.startswith("Erdogan: the Manchester bombing showed the need for joint action")


def test_said_title_needs_the_speaker_named_at_the_verb():
    from tui.said import speech

    def said(sentence, date):
        at = sentence.index(date)
        found = speech(sentence, at, at + len(date))
        return found and (found.speaker, sentence[found.start:found.end])
    assert said("Erdogan said on May 24 that talks went well.", "May 24") == ("Erdogan", "talks went well.")
    # A full stop between the name and the verb: someone else is speaking.
    assert said("Theresa May left early on Thursday. Aides said she was tired.", "Thursday") == \
        ("Aides", "she was tired.")
    # The name must end right at the verb: "the United States" is not who said it.
    assert said("The showdown between Iraq and the United States took a turn Thursday when Saddam "
                "called Bush a liar and said a war could bring Americans home in coffins.", "Thursday") is None


def test_plain_title_drops_the_prepositions_that_lead_to_the_date():
    # "on" before the date goes from the title; the words before it stay.
    title = _title_of("Leaders gathered in Brussels on Thursday, 25 May.", "2017-05-25")
    assert title == "Leaders gathered in Brussels"
    from tui.titles import _without_trailing_prepositions
    assert _without_trailing_prepositions("troops left the city early in ") == "troops left the city early "
    assert _without_trailing_prepositions("talks resumed later on ") == "talks resumed "
    assert _without_trailing_prepositions("it must be done within ") == "it must be done within "
    assert _without_trailing_prepositions("the vote (on ") == "the vote ("
    assert _without_trailing_prepositions("the summit on") == "the summit on"  # no space: the date is glued on


def test_earlier_this_month_joins_no_day_of_the_article_or_after_it():
    import datetime as dt

    from tui import sentences
    from tui.events import cluster_mentions, mentions_of
    from tui.temporal import tag
    # CNN, 25 May 2017: the aides spoke before the speech, whatever words the two share.
    text = ("President Donald Trump berated NATO allies on Thursday for not paying enough. "
            "Earlier this month, aides said Trump would press NATO allies on paying.")
    published = dt.date(2017, 5, 25)
    found = mentions_of("s", 0, text, sentences.split(text), tag(text, published), published)
    assert [m.side for m in found] == [None, "<2017-05-25"]
    assert sorted(c.value for c in cluster_mentions(found)) == ["2017-05", "2017-05-25"]
    # A day before it is where it may go ("earlier this week" -> the May 22 bombing).
    text = ("The bombing in Manchester on May 22 killed 22 people. "
            "Earlier this month, the bombing in Manchester killed 22 people.")
    found = mentions_of("s", 0, text, sentences.split(text), tag(text, published), published)
    assert [c.value for c in cluster_mentions(found)] == ["2017-05-22"]


def test_a_relative_clause_title_takes_the_name_it_hangs_on():
    # The Guardian, 25 May 2017.
    title = _title_of("Nato has agreed to join the coalition, in a move seen as a gesture to Donald Trump, who "
                      "arrived in Brussels on Wednesday for his first meeting with the alliance's leaders.",
                      "2017-05-25")
    assert title.startswith("Donald Trump arrived in Brussels for his first meeting")


def test_a_named_day_is_titled_by_its_name():
    # AP, 25 May 2017: the memorial stands at the headquarters; the attacks did not happen there.
    assert _title_of("Trump spoke at the unveiling of a memorial to the Sept. 11 attacks at the alliance's "
                     "new headquarters.", "2017-05-25") == "Sept. 11 attacks"


def test_a_second_date_is_titled_by_the_clause_after_the_first():
    import datetime as dt

    from tui import sentences
    from tui.events import cluster_mentions
    from tui.temporal import tag
    from tui.titles import title_for
    # CNN, 25 May 2017: 2024 is the deadline of the pledge, not the year of "the alliance agreed in 2014".
    text = "The alliance agreed in 2014 that members would spend 2% of GDP on defense by 2024."
    found = mentions_of_text(text, dt.date(2017, 5, 25), sentences.split(text), tag)
    titles = {c.value: title_for(c) for c in cluster_mentions(found)}
    assert titles["2024"] == "Members would spend 2% of GDP on defense"
    assert titles["2014"].startswith("The alliance agreed that members would spend")
