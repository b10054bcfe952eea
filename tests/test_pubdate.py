"""Publication dates: stated by a dateline, inferred from tense, year from a sibling article."""

from __future__ import annotations

import datetime as dt

from conftest import INDEPENDENT, RFE

from tui import pubdate
from tui.build import date_and_tag
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


def test_stated_year_in_the_article_is_used(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Summit opens in Brussels\n\nThe leaders met on March 3, 2019 in Rome. "
                 "They will meet again on March 9.\n", encoding="utf-8")
    anchors, _ = date_and_tag([read_article(p)])
    assert anchors[0].date == dt.date(2019, 3, 8)


def test_no_dates_at_all_gives_unknown(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Summit opens in Brussels\n\nThe leaders talked about many things.\n", encoding="utf-8")
    anchors, timexes = date_and_tag([read_article(p)])
    assert anchors[0].date is None and timexes[0] == []
