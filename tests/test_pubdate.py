"""Publication dates: stated by a dateline, inferred from tense, year from a sibling article."""

from __future__ import annotations

import datetime as dt

from conftest import INDEPENDENT, RFE

from tui import pubdate
from tui.build import build, date_and_tag
from tui.ingest import read_article


def test_dateline_is_stated():
    assert pubdate.stated(read_article(INDEPENDENT)) == dt.date(2017, 5, 25)


def test_rferl_day_inferred_from_tense():
    anchor = pubdate.infer(read_article(RFE))
    assert anchor.month_day == (5, 24)  # "are to agree on May 25" + "Arriving in Brussels on May 24"
    assert anchor.date is None  # the article states no year


def test_year_comes_from_the_article_sharing_its_days():
    anchors, _ = date_and_tag([read_article(RFE), read_article(INDEPENDENT)])
    assert (anchors[0].date, anchors[0].how) == (dt.date(2017, 5, 24), "inferred")
    assert (anchors[1].date, anchors[1].how) == (dt.date(2017, 5, 25), "stated")


WIRE = ("HAVANA (AP) --\n\n"
        "Calling the mother of Elian Gonzalez ``an excellent girl,'' President Fidel Castro said "
        "Friday she had been ``practically kidnapped'' by the boyfriend who perished along with her.\n\n"
        "According to sources quoted by the Miami Herald, Munero had fled to Florida in June 1998 and "
        "returned to Cuba later that year, only to be jailed for several months.\n\n"
        "Fidel Castro's government has been using such traditional political events to draw attention "
        "to the case of Elian, who was rescued Nov. 25 while clinging to an inner tube.\n")


def _article(tmp_path, text: str):
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    return read_article(p)


def test_a_year_given_at_the_bracketing_day_is_used(tmp_path):
    a = _article(tmp_path, "Summit opens in Brussels\n\nThe leaders met on March 8, 2019 in Rome. "
                           "They will meet again on March 9.\n")
    anchors, _ = date_and_tag([a])
    assert (anchors[0].date, anchors[0].how) == (dt.date(2019, 3, 8), "inferred")


def test_days_far_apart_leave_the_date_unknown(tmp_path):
    # Written any day from March 3 to 8: a guess would put "Friday" in the wrong week.
    a = _article(tmp_path, "Summit opens in Brussels\n\nThe leaders met on March 3, 2019 in Rome. "
                           "They will meet again on March 9.\n")
    anchor = pubdate.infer(a)
    assert (anchor.date, anchor.month_day, anchor.how) == (None, None, None)


def test_wire_copy_dated_by_weekday_is_not_given_an_old_day(tmp_path):
    # AP, 28 Jan 2000 (its dateline cut off): the dates it gives are weeks and years old. The
    # latest past day and the latest year it names made 25 Nov 1998 of it.
    a = _article(tmp_path, WIRE)
    anchors, timexes = date_and_tag([a])
    assert anchors[0].date is None
    # What needs no publication date is still dated, so the article still gives its events.
    assert [(t.text, t.value) for t in timexes[0] if t.value[:1].isdigit()] == [("June 1998", "1998-06"), ("later that year", "1998")]


def test_no_dates_at_all_gives_unknown(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Summit opens in Brussels\n\nThe leaders talked about many things.\n", encoding="utf-8")
    anchors, timexes = date_and_tag([read_article(p)])
    assert anchors[0].date is None and timexes[0] == []


def test_an_undated_article_still_gives_its_dated_events(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "castro.txt").write_text(WIRE, encoding="utf-8")
    result = build([folder], tmp_path / "timeline.yaml", use_cache=False)
    assert result.timeline.sources[0].published is None
    assert [w.split(": ", 1)[1] for w in result.warnings] == [
        "publication date unknown; relative dates left unresolved (set `published:` for this source in the timeline)"]
    assert [(e.date, [x.timex for x in e.evidence]) for e in result.timeline.events] == [
        ("1998", ["later that year"]), ("1998-06", ["June 1998"])]


def test_the_file_name_gives_the_day():
    assert pubdate.named("APW20000106.0064") == dt.date(2000, 1, 6)  # wire archives
    assert pubdate.named("2017-05-24-nato-summit") == dt.date(2017, 5, 24)
    assert pubdate.named("nyt_2000_02_24_elian") == dt.date(2000, 2, 24)
    assert pubdate.named("000_3dbdce3846ecd486") is None  # a hash
    assert pubdate.named("wsj_0586") is None
    assert pubdate.named("20001399") is None  # no such day
    assert pubdate.named("2017-0524") is None  # separators differ
    assert pubdate.named("1495640000") is None  # a Unix time
    assert pubdate.named("summit-2017-05-24-vs-2017-05-25") is None  # two days: which one?


def test_a_dated_file_name_anchors_an_undated_article(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "APW20000128.0316.txt").write_text(WIRE, encoding="utf-8")
    (folder / "2000-01-20-stated.txt").write_text("Date: 2000-01-21\n\n" + WIRE, encoding="utf-8")
    result = build([folder], tmp_path / "timeline.yaml", use_cache=False)
    assert [(s.path, s.published, s.published_from) for s in result.timeline.sources] == [
        ("news/2000-01-20-stated.txt", "2000-01-21", "stated"),  # the article's own word wins
        ("news/APW20000128.0316.txt", "2000-01-28", "filename")]
    assert result.warnings == []
    friday = {(e.date, x.source) for e in result.timeline.events for x in e.evidence if x.timex == "Friday"}
    assert {d for d, _ in friday} == {"2000-01-21", "2000-01-28"}  # each "said Friday" on its own day


XINHUA = ("WASHINGTON, August 11 (Xinhua) -- U.S. President George Bush said on Saturday that the United "
          "States will not tolerate the Iraqi invasion of Kuwait.\n")


def test_a_wire_dateline_gives_the_day_and_a_sibling_the_year(tmp_path):
    (tmp_path / "a.txt").write_text(XINHUA, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Date: 1990-08-12\n\nOn August 11, Bush said more troops would go.\n",
                                    encoding="utf-8")
    anchors, _ = date_and_tag([read_article(tmp_path / "a.txt"), read_article(tmp_path / "b.txt")])
    assert (anchors[0].month_day, anchors[0].date) == ((8, 11), dt.date(1990, 8, 11))
    result = build([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "timeline.yaml", use_cache=False)
    evidence = [(e.date, x.timex, x.quote.split(" said")[0]) for e in result.timeline.events
                for x in e.evidence if x.source.startswith("xinhua")]
    assert evidence == [("1990-08-11", "Saturday", "U.S. President George Bush")]  # the dateline dates nothing


def test_a_wire_dateline_with_its_year_states_the_date(tmp_path):
    a = _article(tmp_path, XINHUA.replace("August 11", "August 11, 1990"))
    assert pubdate.anchor(a) == pubdate.Anchor(dt.date(1990, 8, 11), "stated")


def test_a_day_without_a_year_is_named_in_the_warning(tmp_path):
    (tmp_path / "a.txt").write_text(XINHUA, encoding="utf-8")
    result = build([tmp_path / "a.txt"], tmp_path / "timeline.yaml", use_cache=False)
    assert result.warnings == [f"{tmp_path / 'a.txt'}: publication date unknown (its own dates give 11 August, "
                               "no year); relative dates left unresolved (set `published:` for this source in the timeline)"]
