"""The publication date of an article: the anchor every relative date resolves against.

Stated when the article says it (a `Date:` header, a dateline such as "Thursday
25 May 2017 15:49 BST"); else given by its file's name ("APW20000106.0064.txt",
"2017-05-24-nato.txt"); else inferred, only when the article's own days pin it
down ("are to agree on May 25" + "Arriving in Brussels on May 24" -> written on
May 24), with the year from a full date there or from other articles of the
same build that mention the same days. Otherwise it is unknown, and the reader
is asked for it: a wrong anchor misdates every relative expression.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .furniture import UPDATED as _UPDATED
from .furniture import is_dateline_rest
from .temporal import tag
from .temporal.tense import FUTURE, PAST, tense_at

_FULL_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YEARLESS_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_DIGIT = re.compile(r"\d")
# A day in a file's name, as archives and downloaders write it: "APW20000106.0064",
# "2017-05-24-nato", "nyt_2000_02_24". Figures on either side make it another number.
_NAMED_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


@dataclass
class Anchor:
    """What is known of an article's publication date before the cross-article step."""
    date: dt.date | None
    how: str | None  # stated | filename | inferred | given
    month_day: tuple[int, int] | None = None  # inferred without a year
    mentioned_days: frozenset = frozenset()  # (month, day) pairs the article mentions


DATELINE_WORDS = 16  # "By JULIE PACE and LORNE COOK | May 25, 2017 5:24 PM EDT"


def find_dateline(line: str) -> dt.date | None:
    """The date of a dateline-like line ("Thursday 25 May 2017 15:49 BST", "Updated: May 3, 2018",
    "May 24, 2017 / 3:12 PM / Updated 6 years ago")."""
    found = _dateline(line)
    return found[0] if found else None


def _dateline(line: str) -> tuple[dt.date, bool] | None:
    """(date, whether the line gives the day of an update rather than of publication)."""
    stripped = line.strip()
    # A dateline writes its day and year in figures: most short lines (headlines, bylines) have none.
    if not stripped or len(stripped) > 120 or len(stripped.split()) > DATELINE_WORDS or not _DIGIT.search(stripped):
        return None
    timexes = tag(stripped, None, time_limit=0.5)
    first = next((t for t in timexes if _FULL_DAY.match(t.value)), None)
    if first is None:
        return None
    rest, pieces, covered = [], 0, 0
    for t in timexes:
        rest.append(stripped[pieces:t.start])
        pieces, covered = t.end, covered + len(t.text)
    rest.append(stripped[pieces:])
    left = " ".join(rest)
    # Only dateline words besides the dates ("Published:", "Last modified on", "3:12 PM", "BST"), or
    # (a place, a label) dates that fill much of the line: "Brussels, 25 May 2017".
    if not (is_dateline_rest(left) or covered >= 0.4 * len(stripped)):
        return None
    day = _FULL_DAY.match(first.value)
    try:
        date = dt.date(int(day[1]), int(day[2]), int(day[3]))
    except ValueError:
        return None
    return date, _UPDATED.search(stripped, 0, first.start) is not None


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def filed(article) -> _Day | None:
    """The day its wire dateline gives ("WASHINGTON, August 11 (Xinhua) --"): the day the story
    was filed, its year (when the dateline has none) left to the other articles."""
    return _day_of(article.filed) if article.filed else None


@lru_cache(maxsize=512)  # asked by `stated` and again by `infer`; wire days recur
def _day_of(text: str) -> _Day | None:
    return next((day for t in tag(text, None, time_limit=0.5) if (day := _Day.of(t.value))), None)


def stated(article) -> dt.date | None:
    """A date the article states about itself: its header, or a dateline among its lines."""
    if article.header_date:
        return parse_iso(article.header_date)
    if (day := filed(article)) and day.year is not None:
        return day.on(day.year)
    # The day it was published, not the day it was last updated, when the page gives both.
    updated = None
    for line in article.lines:
        if line.kind == "dateline" and (found := _dateline(article.text[line.start:line.end])):
            if not found[1]:
                return found[0]
            updated = updated or found[0]
    return updated


# A publication day is inferred only when the article's own days hold it between a day already
# past and one still to come at most this many days later ("Arriving in Brussels on May 24" and
# "are to agree on May 25": written on May 24). Wire copy names the days of its own week by
# weekday and dates only older or later ones, so the latest past date is usually weeks before
# the story: on the 256 annotated articles of the evaluation set, without their dates, that
# guess was the right day once in 97, and the wrong year 28 times in 32. Unknown is better than
# wrong: the reader is told, and asked for the date.
BRACKET_DAYS = 2
_LEAP_YEAR = 2000  # year-less days are compared within a year that has them all


@dataclass(frozen=True)
class _Day:
    """A day the article names, with its year if it gives one."""
    year: int | None
    month: int
    day: int

    @classmethod
    def of(cls, value: str) -> _Day | None:
        """The day a timex value names ("2017-05-24", "XXXX-05-24"), if it names one."""
        if m := _FULL_DAY.match(value):
            return cls(int(m[1]), int(m[2]), int(m[3]))
        if m := _YEARLESS_DAY.match(value):
            return cls(None, int(m[1]), int(m[2]))
        return None

    @property
    def month_day(self) -> tuple[int, int]:
        return (self.month, self.day)

    def on(self, year: int) -> dt.date | None:
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None


def _gap(past: _Day, future: _Day) -> int | None:
    """Days from `past` to `future` (by the calendar when both give a year, else the least
    forward distance between the two month-days)."""
    if past.year is not None and future.year is not None:
        a, b = past.on(past.year), future.on(future.year)
        return (b - a).days if a and b else None
    a, b = past.on(_LEAP_YEAR), future.on(_LEAP_YEAR)
    return (b - a).days % 366


def _bracketed(past: list[_Day], future: list[_Day]) -> tuple[tuple[int, int], int | None] | None:
    """(month, day) of the publication day and its year if known, when the days agree on one."""
    found: set[tuple[int, int]] = set()
    years: set[int] = set()
    for p in past:
        for f in future:
            gap = _gap(p, f)
            if gap is None or not 1 <= gap <= BRACKET_DAYS:
                continue
            found.add((p.month, p.day))
            if p.year is not None:
                years.add(p.year)
            elif f.year is not None and (d := f.on(f.year)):
                years.add((d - dt.timedelta(days=gap)).year)
    if len(found) != 1:
        return None
    return found.pop(), years.pop() if len(years) == 1 else None


def named(stem: str) -> dt.date | None:
    """The day a file's name gives, if it gives exactly one."""
    days = set()
    for m in _NAMED_DAY.finditer(stem):
        try:
            days.add(dt.date(int(m[1]), int(m[3]), int(m[4])))
        except ValueError:
            continue
    return days.pop() if len(days) == 1 else None


def infer(article) -> Anchor:
    """Month and day (and year, if the article gives it there) of an article that states no date:
    the day its wire dateline gives, or the day its own dated mentions and their tense pin down
    (`BRACKET_DAYS`)."""
    text = article.text
    starts = [s for s, _ in article.sentences]
    wired = filed(article)  # its neighbours, telling of the same days, give the year
    past: list[_Day] = []
    future: list[_Day] = []
    mentioned = {wired.month_day} if wired else set()
    for t in tag(text, None):
        i = bisect_right(starts, t.start) - 1
        if i < 0 or not (article.sentences[i][0] <= t.start < article.sentences[i][1]) or not (day := _Day.of(t.value)):
            continue
        if day.year is None:
            mentioned.add(day.month_day)
        if wired:
            continue
        s_start, s_end = article.sentences[i]
        tense = tense_at(text[s_start:s_end], t.start - s_start, t.end - s_start)
        if tense == PAST:
            past.append(day)
        elif tense == FUTURE:
            future.append(day)
    if wired:
        return Anchor(None, "inferred", month_day=wired.month_day, mentioned_days=frozenset(mentioned))
    found = _bracketed(past, future)
    if found is None:
        return Anchor(None, None, mentioned_days=frozenset(mentioned))
    month_day, year = found
    date = _Day(year, *month_day).on(year) if year is not None else None
    return Anchor(date=date, how="inferred", month_day=month_day, mentioned_days=frozenset(mentioned))


def anchor(article, given: dt.date | None = None) -> Anchor:
    """The publication date of an article: given by the user, stated by the article, given by
    its file's name, or inferred."""
    if given is not None:
        return Anchor(given, "given")
    if found := stated(article):
        return Anchor(found, "stated")
    if found := named(article.stem):
        return Anchor(found, "filename")
    return infer(article)


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
