"""The publication date of an article: the anchor every relative date resolves against.

Stated when the article says it (a `Date:` header, a dateline such as "Thursday
25 May 2017 15:49 BST"); inferred from the article's own dated mentions and
their tense when it does not ("are to agree on May 25" + "Arriving in Brussels
on May 24" -> written on May 24); the year of an inferred date comes from a
year the article states, or from other articles of the same build that mention
the same days.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass

from .temporal import tag
from .temporal.tense import FUTURE, PAST, tense_at

_FULL_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YEARLESS_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_DIGIT = re.compile(r"\d")


@dataclass
class Anchor:
    """What is known of an article's publication date before the cross-article step."""
    date: dt.date | None
    how: str | None  # stated | inferred | given
    month_day: tuple[int, int] | None = None  # inferred without a year
    mentioned_days: frozenset = frozenset()  # (month, day) pairs the article mentions


def find_dateline(line: str) -> dt.date | None:
    """The date of a dateline-like line ("Thursday 25 May 2017 15:49 BST", "Updated: May 3, 2018")."""
    stripped = line.strip()
    # A dateline writes its day and year in figures: most short lines (headlines, bylines) have none.
    if not stripped or len(stripped) > 120 or len(stripped.split()) > 12 or not _DIGIT.search(stripped):
        return None
    for t in tag(stripped, None, time_limit=0.5):
        m = _FULL_DAY.match(t.value)
        if m and len(t.text) >= 0.4 * len(stripped):
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def stated(article) -> dt.date | None:
    """A date the article states about itself: its header, or a dateline among its lines."""
    if article.header_date:
        return parse_iso(article.header_date)
    for line in article.lines:
        if line.kind == "dateline":
            found = find_dateline(article.text[line.start:line.end])
            if found:
                return found
    return None


def infer(article) -> Anchor:
    """Month and day (and year, if the article states one) from dated mentions and their tense."""
    text = article.text
    starts = [s for s, _ in article.sentences]
    past, future, other, years = [], [], [], []
    mentioned = set()
    for t in tag(text, None):
        i = bisect_right(starts, t.start) - 1
        if i < 0 or not (article.sentences[i][0] <= t.start < article.sentences[i][1]):
            continue
        s_start, s_end = article.sentences[i]
        if m := _FULL_DAY.match(t.value):
            years.append(int(m[1]))
            continue
        if re.fullmatch(r"\d{4}", t.value):
            if tense_at(text[s_start:s_end], t.start - s_start, t.end - s_start) != FUTURE:
                years.append(int(t.value))
            continue
        m = _YEARLESS_DAY.match(t.value)
        if not m:
            continue
        md = (int(m[1]), int(m[2]))
        mentioned.add(md)
        tense = tense_at(text[s_start:s_end], t.start - s_start, t.end - s_start)
        (past if tense == PAST else future if tense == FUTURE else other).append(md)
    month_day = None
    if past:
        bound = min(future) if future else None
        eligible = [md for md in past if bound is None or md < bound] or past
        month_day = max(eligible)
    elif future:
        month, day = min(future)
        before = dt.date(2000, month, day) - dt.timedelta(days=1)
        month_day = (before.month, before.day)
    elif other:
        month_day = max(other)
    year = max(years) if years else None
    date = None
    if month_day and year:
        try:
            date = dt.date(year, *month_day)
        except ValueError:
            date = None
    return Anchor(date=date, how="inferred" if month_day else None, month_day=month_day,
                  mentioned_days=frozenset(mentioned))


def anchor(article, given: dt.date | None = None) -> Anchor:
    """The publication date of an article: given by the user, stated by the article, or inferred."""
    if given is not None:
        return Anchor(given, "given")
    found = stated(article)
    return Anchor(found, "stated") if found else infer(article)


def year_from_neighbours(anchor: Anchor, others: list[tuple[dt.date, frozenset]]) -> dt.date | None:
    """Give a year-less inferred date the year of the dated article that shares most of its days."""
    if anchor.month_day is None:
        return None
    best = None
    for other_date, other_days in others:
        shared = len(anchor.mentioned_days & other_days)
        if shared == 0:
            continue
        candidates = []
        for year in (other_date.year - 1, other_date.year, other_date.year + 1):
            try:
                candidates.append(dt.date(year, *anchor.month_day))
            except ValueError:
                continue
        if not candidates:
            continue
        nearest = min(candidates, key=lambda d: abs((d - other_date).days))
        key = (shared, -abs((nearest - other_date).days))
        if best is None or key > best[0]:
            best = (key, nearest)
    return best[1] if best else None
