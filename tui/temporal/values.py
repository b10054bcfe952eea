"""TIMEX3 value strings: calendar arithmetic, precision and sort keys.

Values are the currency of the whole product (events are dated by them), so the
helpers that read and compare them live apart from the rules that make them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from .resources import SEASON_START_MONTH

REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})|T(MO|AF|EV|NI|MI|DT))?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")  # also read by the tagger
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def ymd(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def season_of(d: dt.date) -> tuple[int, str]:
    """The season a day falls in; winter belongs to the year its December is in."""
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


def weekday_on_or_before(anchor: dt.date, weekday: int) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_on_or_after(anchor: dt.date, weekday: int) -> dt.date:
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth (1-based, -1 = last) given weekday of a month."""
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if dt.date(year, month, d).weekday() == weekday]
    return dt.date(year, month, days[nth - 1] if nth > 0 else days[-1])


@lru_cache(maxsize=1 << 16)  # a corpus repeats its dates: sorting 30,000 events asks ~100,000 times
def span(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last calendar day a value covers, or None if it is not a calendar date."""
    try:
        return _span(value)
    except ValueError:
        return None


def _span(value: str) -> tuple[dt.date, dt.date] | None:
    if m := _DAY.match(value):
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := _MONTH.match(value):
        y, mo = int(m[1]), int(m[2])
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    if m := _WEEK.match(value):
        start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if value.endswith("-WE"):
            return start + dt.timedelta(days=5), start + dt.timedelta(days=6)
        return start, start + dt.timedelta(days=6)
    if m := QUARTER.match(value):
        y, q = int(m[1]), int(m[2])
        first = 3 * q - 2
        return dt.date(y, first, 1), dt.date(y, first + 2, calendar.monthrange(y, first + 2)[1])
    if m := _HALF.match(value):
        y, h = int(m[1]), int(m[2])
        return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))
    if m := _SEASON.match(value):
        y, s = int(m[1]), m[2]
        start_month = SEASON_START_MONTH[s]
        ey, em = add_months(y, start_month, 2)
        return dt.date(y, start_month, 1), dt.date(ey, em, calendar.monthrange(ey, em)[1])
    if m := _YEAR.match(value):
        y = int(m[1])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if m := _DECADE.match(value):
        y = int(m[1]) * 10
        return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31)
    if m := _CENTURY.match(value):
        y = int(m[1]) * 100
        return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
    return None


def precision(value: str) -> str:
    """A word for how fine a value is: day, week, month, quarter, season, year, decade, century."""
    if _DAY.match(value):
        return "time" if "T" in value else "day"
    for name, rx in (("month", _MONTH), ("week", _WEEK), ("quarter", QUARTER),
                     ("half", _HALF), ("season", _SEASON), ("year", _YEAR),
                     ("decade", _DECADE), ("century", _CENTURY)):
        if rx.match(value):
            return name
    return "other"


def is_calendar(value: str) -> bool:
    return span(value) is not None


@lru_cache(maxsize=1 << 16)
def sort_key(value: str) -> tuple:
    """Chronological order: a coarser date sorts at its start, before finer dates that share it."""
    s = span(value)
    if s is None:
        return (dt.date.max.toordinal(), 0, value)
    first, last = s
    return (first.toordinal(), -(last - first).days, value)


def day_only(value: str) -> str:
    """Drop a time of day, keeping the date ("2017-05-25T15:49" -> "2017-05-25")."""
    return value.split("T", 1)[0]


def shift(anchor: dt.date, unit: str, n: int) -> str | None:
    """The value `n` units (Y, Q, M, W, D, DE, CE) from `anchor`, at that unit's precision:
    "last year" is shift(dct, "Y", -1), "six weeks ago" shift(dct, "W", -6)."""
    if unit == "Y":
        return f"{anchor.year + n:04d}"
    if unit == "Q":
        q = quarter_of(anchor.month) - 1 + n
        return f"{anchor.year + q // 4:04d}-Q{q % 4 + 1}"
    if unit == "M":
        return ym(*add_months(anchor.year, anchor.month, n))
    if unit == "W":
        return iso_week(anchor + dt.timedelta(weeks=n))
    if unit == "D":
        return ymd(anchor + dt.timedelta(days=n))
    if unit == "DE":
        return f"{(anchor.year + 10 * n) // 10:03d}"
    if unit == "CE":
        return f"{(anchor.year + 100 * n) // 100:02d}"
    return None
