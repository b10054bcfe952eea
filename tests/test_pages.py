"""Pages as a browser copies them from seven outlets (tests/pages/): each has its own way of
writing the date, the dateline, the kicker and the page notes, and none of these may become an
event, a headline or a quote."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tui import pubdate
from tui.build import build
from tui.ingest import read_article
from tui.pubdate import find_dateline

PAGES = Path(__file__).resolve().parent / "pages"


@pytest.mark.parametrize("name,title,outlet,published", [
    ("reuters", "NATO to join coalition against Islamic State: officials", "Reuters", "2017-05-24"),
    ("apnews", "Trump presses NATO allies on defense spending", "AP", "2017-05-25"),
    ("cnn", "Trump scolds NATO allies over defense spending", "CNN", "2017-05-25"),
    # by the furniture only they print: the print-edition note, "Reuse this content", the captions
    ("nyt", "Trump Says NATO Allies Don't Pay Their Share", "The New York Times", "2017-05-25"),
    ("guardian", "Nato to join US-led coalition against Islamic State", "The Guardian", "2017-05-25"),
    ("bbc", "Trump tells Nato allies to pay up at Brussels talks", "BBC News", "2017-05-25"),
    ("politico", "Trump rebukes NATO allies", None, "2017-05-25"),  # nothing on the page names it
])
def test_each_page_gives_its_headline_outlet_and_date(name, title, outlet, published):
    a = read_article(PAGES / f"{name}.txt")
    anchor = pubdate.anchor(a)
    assert (a.title, a.outlet) == (title, outlet)
    assert (anchor.date, anchor.how) == (dt.date.fromisoformat(published), "stated")


@pytest.mark.parametrize("name,first", [
    ("reuters", "NATO will agree on Thursday to join the U.S.-led coalition"),  # not "BRUSSELS (Reuters) -"
    ("cnn", "President Donald Trump berated NATO allies on Thursday"),  # not "(CNN)President"
    ("nyt", "President Trump on Thursday lectured the leaders of NATO countries"),
])
def test_the_story_starts_after_its_dateline(name, first):
    a = read_article(PAGES / f"{name}.txt")
    assert a.text[slice(*a.sentences[0])].startswith(first)


@pytest.mark.parametrize("name,line", [
    ("nyt", "A version of this article appears in print on May 26, 2017, Section A, Page 1 of the New York "
            "edition with the headline: Trump Lectures NATO Allies on Spending."),
    ("nyt", "Supported by"), ("nyt", "Leer en español"),
    ("reuters", "5 Min Read"), ("reuters", "Our Standards: The Thomson Reuters Trust Principles."),
    ("guardian", "Share via Email"), ("guardian", "Reuse this content"),
    ("bbc", "Image source, Getty Images"), ("bbc", "Image caption,"),
    ("bbc", "Mr Trump unveiled a memorial at Nato's new headquarters"),  # the caption under its label
])
def test_page_notes_are_furniture(name, line):
    a = read_article(PAGES / f"{name}.txt")
    found = {a.text[ln.start:ln.end].strip(): ln.kind for ln in a.lines}
    assert found[line] == "furniture"
    assert not any(line in a.text[s:e] for s, e in a.sentences)


@pytest.mark.parametrize("line,day", [
    ("May 24, 2017 / 3:12 PM / Updated 6 years ago", "2017-05-24"),  # Reuters
    ("Last modified on Fri 26 May 2017 10.20 BST", "2017-05-26"),  # the Guardian
    ("Published: 25 May 2017, 16:04", "2017-05-25"),
    ("Last Updated: May 25, 2017 at 4:30 p.m. ET", "2017-05-25"),
    ("25 May 2017 • 4 min read", "2017-05-25"),
    ("Brussels, 25 May 2017", "2017-05-25"),  # a place and the date that fills the line
    ("By JULIE PACE and LORNE COOK | May 25, 2017 5:24 PM EDT", "2017-05-25"),  # with the byline
    ("By May 25, 2017, allies must pay", None),
    ("Trump to visit Brussels on May 25, 2017", None),  # a headline with a date is no dateline
    ("NATO summit, May 25, 2017: live updates", None),
])
def test_datelines_as_outlets_write_them(line, day):
    assert find_dateline(line) == (dt.date.fromisoformat(day) if day else None)


def test_the_day_of_publication_wins_over_the_day_of_the_last_update(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("NATO leaders meet in Brussels\nUpdated: Fri 26 May 2017 10.20 BST\n"
                 "Published: Thu 25 May 2017 15.49 BST\n\nNATO leaders met on Thursday.\n", encoding="utf-8")
    assert pubdate.anchor(read_article(p)).date == dt.date(2017, 5, 25)
    p.write_text("NATO leaders meet in Brussels\nUpdated: Fri 26 May 2017 10.20 BST\n\n"
                 "NATO leaders met on Thursday.\n", encoding="utf-8")
    assert pubdate.anchor(read_article(p)).date == dt.date(2017, 5, 26)  # all the page gives


def test_a_timeline_of_the_pages(tmp_path):
    out = tmp_path / "timeline.yaml"
    result = build([PAGES], out)
    assert result.warnings == []
    tl = result.timeline
    quotes = [ev.quote for e in tl.events for ev in e.evidence]
    assert not any("appears in print" in q or "Thomson Reuters" in q for q in quotes)
    by_quote = {ev.quote: e for e in tl.events for ev in e.evidence}
    # AP: the memorial is to the attacks of 2001, and "earlier in the day" is the day of the speech.
    sept11 = next(e for q, e in by_quote.items() if "Sept. 11 attacks" in q)
    assert sept11.date == "2001-09-11"
    macron = next(e for q, e in by_quote.items() if q.startswith("Earlier in the day he met"))
    assert macron.date == "2017-05-25"
    # CNN: "Earlier this month" is before the day the story was written, not the day of the speech.
    aides = next(e for q, e in by_quote.items() if "Earlier this month, aides said" in q)
    assert aides.date == "2017-05"
    # AP and CNN tell one happening; the title is the day's own telling, not the "earlier" one.
    scolded = next(e for q, e in by_quote.items() if "scolded NATO allies on Thursday" in q)
    assert {ev.source for ev in scolded.evidence} >= {s.id for s in tl.sources if s.outlet in ("AP", "CNN")}
    assert scolded.title.startswith("President Donald Trump scolded NATO allies")
