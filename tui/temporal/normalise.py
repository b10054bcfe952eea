"""Normalisers: turn one rule match into a TIMEX3 (type, value), given the document's date.

Each function takes the regex match and a `Context` and returns `(type, value)`,
or None when the match turns out not to be a date (a modal "may", "1500 troops").
`dateparser` reads written-out calendar dates; our own code decides what it gets
wrong: the year of a date written without one, tense, precision.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from dateutil.easter import easter

from . import values as V
from .resources import (
    AMBIGUOUS_MONTHS,
    COUNT_NOUNS,
    DAY_ORDINALS,
    HOLIDAYS_EASTER,
    HOLIDAYS_FIXED,
    HOLIDAYS_NTH_WEEKDAY,
    MONTHS,
    NAMED_DAYS,
    NAMED_DAYS_NUMERIC,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    REFERENCES,
    SEASONS,
    SET_WORDS,
    UNITS,
    VEHICLE_MAKES,
    WEEKDAYS,
)
from .tense import FUTURE, PAST, UNKNOWN, tense_at

Result = tuple[str, str] | tuple[str, str, int] | None


@dataclass
class Context:
    """What a normaliser may look at besides its match: the document and its date."""
    text: str
    dct: dt.date | None
    sentence_start: int
    sentence_end: int
    anchors: dict

    def tense(self, m: re.Match) -> str:
        sentence = self.text[self.sentence_start:self.sentence_end]
        return tense_at(sentence, m.start() - self.sentence_start, m.end() - self.sentence_start)

    def before(self, m: re.Match, chars: int = 30) -> str:
        return self.text[max(self.sentence_start, m.start() - chars):m.start()]

    def after(self, m: re.Match, chars: int = 30) -> str:
        return self.text[m.end():min(len(self.text), m.end() + chars)]


# --- dateparser, with its answers cached: the same strings recur across articles -------------

@lru_cache(maxsize=8192)
def parse_calendar(text: str) -> tuple[int, int, int, str] | None:
    """(year, month, day, period) of an explicit date string, via dateparser; None if invalid."""
    cleaned = re.sub(r"\s+", " ", text).strip()
    data = _parser().get_date_data(cleaned)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj
    return d.year, d.month, d.day, data.period or "day"


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(2000, 1, 1),  # a leap year, so "Feb. 29" parses
        "PREFER_DAY_OF_MONTH": "first",
        "STRICT_PARSING": False,
        "DATE_ORDER": "MDY",
        "PARSERS": ["absolute-time"],  # we only hand it written-out dates; relative ones are ours
    })


# --- small readers ----------------------------------------------------------------------------

def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _weekday(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def _number(word: str | None) -> float | None:
    if word is None:
        return None
    w = re.sub(r"\s+", " ", word.lower())
    if re.fullmatch(r"\d+(\.\d+)?", w):
        return float(w)
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def _fmt_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _unit(word: str) -> tuple[str, bool]:
    w = word.lower()
    if w.startswith("centur"):
        return "CE", False
    if w.startswith("millenni"):
        return "ML", False
    w = w[:-1] if w.endswith("s") and w[:-1] in UNITS else w
    return UNITS[w]


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


_PREP_BEFORE = re.compile(r"(?:\b(?:in|on|since|until|till|by|from|to|of|during|through|before|after|"
                          r"early|late|mid|last|next|this|that|each|every|between|and|or|"
                          r"the|until|around|about|throughout|for)\s*-?|[,(])\s*$", re.I)


def _month_word_ok(m: re.Match, ctx: Context) -> bool:
    """ "May" and "March" are dates only when written like one (capitalised, in date context)."""
    word = m.group("month")
    if not _capitalised(word):
        return False
    if word.lower().rstrip(".") in AMBIGUOUS_MONTHS:
        return bool(_PREP_BEFORE.search(ctx.before(m, 20))) or bool(m.groupdict().get("mod"))
    return True


# Tense moves a date without a year to another year only when the same-year date lies this far on
# the wrong side of the publication date; nearer than that, the same year wins ("the Jan. 14
# deadline" said on Jan. 5 is nine days ahead, not a year back).
YEAR_JUMP_DAYS = 90


def _year_for(month: int, day: int | None, ctx: Context, m: re.Match, weekday: int | None = None) -> int | None:
    """The year of a date written without one: the tense says whether it lies ahead or behind."""
    if ctx.dct is None:
        return None
    dct = ctx.dct
    candidates = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(dt.date(year, month, day or 15))
        except ValueError:
            continue
    if weekday is not None and day is not None:
        # "Saturday, April 25": the year in which April 25 is a Saturday, nearest first.
        fitting = [d for d in candidates if d.weekday() == weekday]
        if fitting:
            return min(fitting, key=lambda d: abs((d - dct).days)).year
    same = next((d for d in candidates if d.year == dct.year), None)
    if same is None:
        return min(candidates, key=lambda d: abs((d - dct).days)).year if candidates else dct.year
    tense = ctx.tense(m)
    ahead = (same - dct).days
    if tense == FUTURE and ahead < -YEAR_JUMP_DAYS:
        return dct.year + 1
    if tense == PAST and ahead > YEAR_JUMP_DAYS:
        return dct.year - 1
    if tense == UNKNOWN and abs(ahead) > 183:
        return dct.year + (1 if ahead < 0 else -1)
    return dct.year


# --- normalisers --------------------------------------------------------------------------------

def explicit(m: re.Match, ctx: Context) -> Result:
    if not _capitalised(m.group("month")):
        return None
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    # The rule has already split the date into month, day and a four-digit year: only the
    # calendar is left to ask ("February 30, 1998" is no date). dateparser took 3 ms per new date.
    try:
        return "DATE", V.ymd(dt.date(int(m.group("year")), _month(m.group("month")), day))
    except ValueError:
        return None


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def numeric(m: re.Match, ctx: Context) -> Result:
    text = m.group("numeric")
    if "/" in text and len(text.rsplit("/", 1)[1]) == 2:
        return None  # "5/22/17": too often a fraction or a score to trust
    if _ISO_DAY.fullmatch(text):
        # ISO 8601 has one reading, which the standard library knows; dateparser reads
        # "1998-13-01" as January 13 (and takes a millisecond per new date to say so).
        try:
            return "DATE", V.ymd(dt.date.fromisoformat(text))
        except ValueError:
            return None
    parsed = parse_calendar(text)
    if parsed is None or parsed[3] != "day":
        return None
    y, mo, d, _ = parsed
    return "DATE", V.ymd(dt.date(y, mo, d))


def month_day(m: re.Match, ctx: Context) -> Result:
    if not _capitalised(m.group("month")):
        return None
    word = m.groupdict().get("dayword")
    day = DAY_ORDINALS[re.sub(r"\s+", " ", word.lower())] if word else int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    # "May 22" is a date; "may 22 people" is not, "March 5 miles" neither.
    if re.match(r"\s*(?:%|percent|per\s*cent|people|of\s+the|to\s+\d|-\d)", ctx.after(m, 12), re.I):
        return None
    # A date without a year is where dateparser is wrong (it fills the year from its base):
    # the month and day are read here, checked against the calendar, and the tense picks the year.
    month = _month(m.group("month"))
    if day > calendar.monthrange(2000, month)[1]:  # 2000 is a leap year: "Feb. 29" is a day
        return None
    weekday = _weekday(m.group("weekday")) if m.groupdict().get("weekday") else None
    year = _year_for(month, day, ctx, m, weekday)
    if year is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    try:
        return "DATE", V.ymd(dt.date(year, month, day))
    except ValueError:
        return None


def named_day(m: re.Match, ctx: Context) -> Result:
    """ "9/11", "the Sept. 11 attacks": the day they name, in a text written after it; before it, an
    ordinary "Sept. 11" (and "9/11" nothing)."""
    if named := m.group("named"):
        month, day = NAMED_DAYS_NUMERIC[named.lower()]
    else:
        month, day = _month(m.group("month")), int(m.group("day"))
    year, after = NAMED_DAYS.get((month, day), (None, ""))
    is_named = year is not None and (named or re.match(r"\s+(?:" + after + ")", ctx.after(m, 40), re.I))
    if is_named and (ctx.dct is None or ctx.dct > dt.date(year, month, day)):
        return "DATE", V.ymd(dt.date(year, month, day))
    return None if named else month_day(m, ctx)


def month_year(m: re.Match, ctx: Context) -> Result:
    if not _capitalised(m.group("month")):
        return None
    return "DATE", V.ym(int(m.group("year")), _month(m.group("month")))


def month(m: re.Match, ctx: Context) -> Result:
    if not _month_word_ok(m, ctx):
        return None
    word = m.group("month")
    if word.endswith(".") or (len(word) <= 4 and word.lower() not in ("may", "june", "july")):
        return None  # a bare "Jan." or "Aug" is too often a name or abbreviation
    mo = _month(word)
    year = _year_for(mo, None, ctx, m)
    if year is None:
        return "DATE", f"XXXX-{mo:02d}"
    return "DATE", V.ym(year, mo)


def month_relative_year(m: re.Match, ctx: Context) -> Result:
    if not _capitalised(m.group("month")) or ctx.dct is None:
        return None
    step = {"this": 0, "last": -1, "next": 1}[m.group("relyear").lower()]
    return "DATE", V.ym(ctx.dct.year + step, _month(m.group("month")))


def _rel_word(m: re.Match) -> str:
    return re.sub(r"^the\s+", "", (m.group("rel") or "").lower()).strip()


def relative_month(m: re.Match, ctx: Context) -> Result:
    if not _capitalised(m.group("month")) or ctx.dct is None:
        return None
    mo, rel = _month(m.group("month")), _rel_word(m)
    y = ctx.dct.year
    if rel in ("last", "past", "previous"):
        y = y if mo < ctx.dct.month else y - 1
    elif rel in ("next", "coming", "following"):
        y = y if mo > ctx.dct.month else y + 1
    return "DATE", V.ym(y, mo)


_OWNER_BEFORE = re.compile(r"(?:['’]s|\b(?:[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he))\s+$")


def year(m: re.Match, ctx: Context) -> Result:
    y = int(m.group("year"))
    if not 1600 <= y <= 2099:
        return None
    after = ctx.after(m, 20)
    before = ctx.before(m, 12)
    if re.match(r"\s*(\w+)", after) and re.match(r"\s*(\w+)", after).group(1).lower() in COUNT_NOUNS:
        return None
    if _OWNER_BEFORE.search(before) and (make := re.match(r"\s*([\w-]+)", after)) \
            and make.group(1)[:1].isupper() and make.group(1).lower() in VEHICLE_MAKES:
        return None  # a model year: "Kopp's 1987 Chevrolet Cavalier"
    if re.search(r"(?:[$£€#]|\d[,.]|No\.\s*|number\s+|[A-Za-z](?<!\bpre)(?<!\bpost)-)$", before, re.I) \
            or re.match(r"[,.]\d", after):
        return None  # a price, a figure, a number, a model ("F-1959"); "post-1959" is a year
    # "from 1991 to 1997" is two years; "1500 to 2000 troops" is no year.
    if re.match(r"\s*to\s*\d", after) and not (
            re.search(r"\bfrom\s+$", before, re.I) and re.match(r"\s*to\s+(?:1[5-9]|20)\d\d\b", after)):
        return None
    if not m.group("prefix") and re.match(r"\s*(?:-|–)\s*\d", after):
        return None
    return "DATE", str(y)


_SPELLED_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                 "eighty": 80, "ninety": 90}


def spelled_year(m: re.Match, ctx: Context) -> Result:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001 (spoken news, transcripts)."""
    words = re.findall(r"[a-z]+", m.group("spelled").lower())
    words = [w for w in words if w not in ("and", "hundred", "oh")]
    if words[:2] == ["two", "thousand"]:
        rest = sum(NUMBER_WORDS.get(w, 0) for w in words[2:])
        return "DATE", str(2000 + int(rest))
    century = NUMBER_WORDS.get(words[0])
    rest = sum(_SPELLED_TENS.get(w, NUMBER_WORDS.get(w, 0)) for w in words[1:])
    if not century or not 0 <= rest <= 99:
        return None
    return "DATE", f"{int(century) * 100 + int(rest):04d}"


def spelled_decade(m: re.Match, ctx: Context) -> Result:
    tens = _SPELLED_TENS[m.group("spelled").lower()[:-3] + "y"] if not m.group("spelled").lower().startswith("twent") \
        else 20
    century = 19 if not ctx.dct or tens * 1 > ctx.dct.year % 100 else ctx.dct.year // 100
    return "DATE", f"{century:02d}{tens // 10}"


def year_adjective(m: re.Match, ctx: Context) -> Result:
    """ "year-earlier profit": the year before (the reference pass makes it a quarter where the
    text is about one)."""
    if ctx.dct is None:
        return None
    return "DATE", str(ctx.dct.year - 1)


def year_2000(m: re.Match, ctx: Context) -> Result:
    return "DATE", "2000"


_AGE = re.compile(r"\b(?:his|her|their|my|your|our|its)\s+(?:(?:early|mid|late)[- ]?\s*)?$", re.I)


def decade(m: re.Match, ctx: Context) -> Result:
    word = m.group("decade").lstrip("'")
    if len(word) == 5:  # 1990s
        return "DATE", word[:3]
    if _AGE.search(ctx.text, max(0, m.start() - 20), m.start()):
        return None  # "when Kopp was in his 30s": an age, not the 1930s
    century = ctx.dct.year // 100 if ctx.dct else 19
    digit = word[0]
    if ctx.dct and int(digit) * 10 > ctx.dct.year % 100:
        century -= 1
    return "DATE", f"{century:02d}{digit}"


def century(m: re.Match, ctx: Context) -> Result:
    words = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}
    word = m.group("ord").lower()
    n = words.get(word) or int(re.match(r"\d+", word).group(0))
    if m.group("det") and re.match(r"\s+(?!and\b|or\b|to\b)[a-z]", ctx.after(m, 6)):
        return "DATE", f"{n - 1:02d}", m.start("ord")  # "the 12th-century temple": "the" goes with "temple"
    return "DATE", f"{n - 1:02d}"


def weekday(m: re.Match, ctx: Context) -> Result:
    if not _capitalised(m.group("weekday")):
        return None
    wd = _weekday(m.group("weekday"))
    if ctx.dct is None:
        return "DATE", f"XXXX-WXX-{wd + 1}"
    rel = _rel_word(m)
    dct = ctx.dct
    if rel in ("last", "past", "previous"):
        d = V.weekday_on_or_before(dct - dt.timedelta(days=1), wd)
    elif rel in ("next", "coming", "following"):
        d = V.weekday_on_or_after(dct + dt.timedelta(days=1), wd)
    elif rel == "this":
        d = dct + dt.timedelta(days=wd - dct.weekday())
    elif re.match(r"['’]s\b", ctx.after(m, 3)):
        d = V.weekday_on_or_before(dct, wd)  # "Wednesday's ruling": news looks back at it
    elif ctx.tense(m) == FUTURE:
        d = V.weekday_on_or_after(dct, wd)
    else:
        d = V.weekday_on_or_before(dct, wd)
    return "DATE", V.ymd(d)


def deictic_day(m: re.Match, ctx: Context) -> Result:
    if ctx.dct is None:
        return None
    word = re.sub(r"\s+", " ", m.group("deictic").lower())
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}[word]
    return "DATE", V.ymd(ctx.dct + dt.timedelta(days=offset))


def _title_case_mid_sentence(m: re.Match, group: str, ctx: Context) -> bool:
    """A capitalised unit in mid-sentence is a title: CBS's "60 Minutes", ABC's "This Week"."""
    return m.group(group)[0].isupper() and m.start() > ctx.sentence_start


def relative_unit(m: re.Match, ctx: Context) -> Result:
    rel, unit = _rel_word(m), m.group("unit").lower()
    if ctx.dct is None or _title_case_mid_sentence(m, "unit", ctx):
        return None
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1,
            "this": 0, "current": 0}[rel]
    if rel in ("past", "coming") and m.group("rel").lower().startswith("the") and unit != "weekend":
        # "the past year" is a stretch of time, not a calendar year.
        return "DURATION", "P1" + _unit(unit)[0]
    dct = ctx.dct
    if unit == "weekend":
        saturday = V.weekday_on_or_after(dct, 5) if step >= 0 else V.weekday_on_or_before(dct, 5)
        if step == 1:
            saturday = V.weekday_on_or_after(dct + dt.timedelta(days=1), 5)
        return "DATE", V.iso_week(saturday) + "-WE"
    value = V.shift(dct, _unit(unit)[0], step)
    return ("DATE", value) if value else None


def ago(m: re.Match, ctx: Context) -> Result:
    n = _number(m.group("num"))
    if n is None or ctx.dct is None or not float(n).is_integer():
        return None
    n = int(n)
    letter, is_time = _unit(m.group("unit"))
    direction = -1 if m.group("dir").lower() in ("ago", "earlier", "before") else 1
    if is_time:
        return None
    value = V.shift(ctx.dct, letter, direction * n)
    return ("DATE", value) if value else None


def season(m: re.Match, ctx: Context) -> Result:
    code = SEASONS[m.group("season").lower()]
    rel = (m.group("rel") or "").lower()
    rel = re.sub(r"^the\s+", "", rel)
    if m.group("year"):
        return "DATE", f"{m.group('year')}-{code}"
    if m.group("season").lower() == "fall" and not m.group("rel"):
        return None  # "prices fall"
    if not m.group("rel") and not re.search(r"\b(?:in|this|during|since|until|by)\s*$", ctx.before(m, 12), re.I):
        return None
    if ctx.dct is None:
        return None
    order = ["SP", "SU", "FA", "WI"]  # winter belongs to the year its December is in
    cur_year, cur = V.season_of(ctx.dct)
    current, target = cur_year * 4 + order.index(cur), order.index(code)

    def occurrence(start: int, step: int) -> str:
        i = start
        while i % 4 != target:
            i += step
        return f"{i // 4:04d}-{code}"

    if rel in ("last", "past"):
        return "DATE", occurrence(current - 1, -1)
    if rel in ("next", "coming"):
        return "DATE", occurrence(current + 1, 1)
    if rel == "this":
        return "DATE", f"{ctx.dct.year:04d}-{code}"
    return "DATE", occurrence(current, 1 if ctx.tense(m) == FUTURE else -1)


def quarter(m: re.Match, ctx: Context) -> Result:
    q = ORDINALS.get(m.group("ord").lower())
    if q is None or not 1 <= q <= 4:
        return None
    y = m.group("year") or m.group("qyear")
    if y is None:
        if ctx.dct is None:
            return "DATE", f"XXXX-Q{q}"
        det = (m.group("det") or "").lower()
        if det in ("last", "next"):
            y = ctx.dct.year + (1 if det == "next" else -1)
        else:
            y = _year_for(3 * q - 1, 15, ctx, m)  # the middle of the quarter, like a date
        if m.group("yago"):
            y = int(y) - 1  # "the year-ago third quarter": the one before the story's
    return "DATE", f"{int(y):04d}-Q{q}"


def named_quarter(m: re.Match, ctx: Context) -> Result:
    if ctx.dct is None:
        return None
    which, unit = m.group("which").lower(), m.group("unit").lower()
    q = V.quarter_of(ctx.dct.month)
    y = ctx.dct.year
    if which in ("latest", "last", "previous"):
        q -= 1
    elif which in ("year-ago", "year-earlier", "same"):
        q -= 1
        y -= 1
    if q == 0:
        q, y = 4, y - 1
    if unit.startswith("fiscal"):
        return "DATE", str(y if which == "current" else y - (0 if which in ("year-ago", "year-earlier") else 1))
    return "DATE", f"{y:04d}-Q{q}"


# "that day", "later that year": the unit of the date the text last named (the reference pass
# fills it in); alone, only its kind is known.
THAT_UNIT_UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "quarter": "XXXX-QX"}


def that_unit(m: re.Match, ctx: Context) -> Result:
    return "DATE", THAT_UNIT_UNKNOWN[m.group("unit").lower()]


def next_day(m: re.Match, ctx: Context) -> Result:
    """ "the next day", "the previous evening": a day after or before the day the story last
    named (see the reference pass), else the publication day."""
    if ctx.dct is None:
        return None
    step = 1 if m.group("rel").lower() in ("next", "following") else -1
    day = V.ymd(ctx.dct + dt.timedelta(days=step))
    return ("DATE", day) if m.group("unit") else ("TIME", f"{day}T{PARTS_OF_DAY[m.group('part').lower()]}")


def in_the_unit(m: re.Match, ctx: Context) -> Result:
    """ "earlier in the year": the publication's own year (month, week); "later in the day" leans
    on the day last named instead when there is one (see the reference pass)."""
    if ctx.dct is None:
        return None
    return "DATE", V.shift(ctx.dct, _unit(m.group("unit"))[0], 0)


def the_quarter(m: re.Match, ctx: Context) -> Result:
    """ "the quarter": the quarter the text is about (see the reference pass), else the last
    complete one; "the weekend": the last one, or the next one in a future sentence."""
    if ctx.dct is None:
        return None
    if m.group("unit").lower() == "weekend":
        saturday = (V.weekday_on_or_after(ctx.dct, 5) if ctx.tense(m) == FUTURE
                    else V.weekday_on_or_before(ctx.dct, 5))
        return "DATE", V.iso_week(saturday) + "-WE"
    y, q = _last_complete_quarter(ctx.dct)
    return "DATE", f"{y:04d}-Q{q}"


def _last_complete_quarter(dct: dt.date) -> tuple[int, int]:
    """(year, quarter) of the quarter before the publication's: the one results are reported for."""
    q = V.quarter_of(dct.month) - 1
    return (dct.year, q) if q else (dct.year - 1, 4)


def half(m: re.Match, ctx: Context) -> Result:
    """ "the first half of 1998", "the second half of next year"; not "the first half of the '80s"
    (a half of whatever follows "of" is that thing's, not this year's)."""
    if not m.group("year") and re.match(r"\s+of\b", ctx.after(m, 4), re.I):
        return None
    step = {"this": 0, "last": -1, "next": 1}.get((m.group("relyear") or "").lower(), 0)
    y = int(m.group("year")) if m.group("year") else (ctx.dct.year + step if ctx.dct else None)
    if y is None:
        return None
    return "DATE", f"{y:04d}-H{1 if m.group('ord').lower() == 'first' else 2}"


def year_quarter(m: re.Match, ctx: Context) -> Result:
    """ "the 1988 quarter": that year's quarter of the one the story is about (see the reference
    pass), else of the last complete quarter."""
    if ctx.dct is None:
        return None
    return "DATE", f"{m.group('year')}-Q{_last_complete_quarter(ctx.dct)[1]}"


def year_ago_quarter(m: re.Match, ctx: Context) -> Result:
    """ "the same period last year": the last complete quarter a year back, unless the story names
    its quarter (see the reference pass)."""
    if ctx.dct is None:
        return None
    year, q = _last_complete_quarter(ctx.dct)
    return "DATE", f"{year - 1:04d}-Q{q}"


def vague_ago(m: re.Match, ctx: Context) -> Result:
    """ "several years ago": some time back, no date to give."""
    return "DATE", "PAST_REF"


def year_end(m: re.Match, ctx: Context) -> Result:
    """ "by year-end", "the end of the month", "the full year": this year (or month), or the last
    one when the sentence looks back ("since year-end"). The end itself is a modifier TIMEX3
    keeps outside the value."""
    if ctx.dct is None:
        return None
    back = -1 if ctx.tense(m) == PAST and "full" not in m.group(0).lower() else 0
    if m.group("unit") and m.group("unit").lower() == "month":
        return "DATE", V.ym(*V.add_months(ctx.dct.year, ctx.dct.month, back))
    return "DATE", f"{ctx.dct.year + back:04d}"


def _holiday_on(name: str, year: int) -> dt.date:
    """The day of holiday `name` (lower case, as in the tables) in `year`."""
    if name in HOLIDAYS_FIXED:
        return dt.date(year, *HOLIDAYS_FIXED[name])
    if name in HOLIDAYS_EASTER:
        return easter(year) + dt.timedelta(days=HOLIDAYS_EASTER[name])
    month, weekday, nth, after = HOLIDAYS_NTH_WEEKDAY[name]
    return V.nth_weekday(year, month, weekday, nth) + dt.timedelta(days=after)


def holiday(m: re.Match, ctx: Context) -> Result:
    name = re.sub(r"\s+", " ", m.group("holiday").lower())
    if not _capitalised(m.group("holiday")):
        return None
    this_year = _holiday_on(name, ctx.dct.year if ctx.dct else 2000)
    mo, d = this_year.month, this_year.day
    if m.group("year"):
        y = int(m.group("year"))
    elif re.search(r"\blast\s+$", ctx.before(m, 6), re.I) and ctx.dct:
        y = ctx.dct.year if (mo, d) < (ctx.dct.month, ctx.dct.day) else ctx.dct.year - 1
    else:
        y = _year_for(mo, d, ctx, m)
    if y is None:
        return None
    return "DATE", V.ymd(_holiday_on(name, y))


def reference(m: re.Match, ctx: Context) -> Result:
    word = re.sub(r"\s+", " ", m.group("ref").lower())
    after = ctx.after(m, 15).lower()
    before = ctx.before(m, 15).lower()
    if word in ("earlier", "once", "previously"):
        # Only inside longer expressions ("earlier this year"). Alone, "once" is mostly a
        # conjunction ("once triggered") and "previously" a reporting aside ("as previously
        # reported"), and annotated news leaves both out.
        return None
    if word == "soon" and (re.search(r"\bas\s*$", before) or re.match(r"\s+after\b", after)):
        return None  # "as soon as", "soon after": conjunctions, not times
    if word == "the coming":
        return None  # only with its noun ("the coming months", see recent_units)
    if word in ("current", "recent") and not re.match(r"\s+[a-z]", after):
        return None
    if word == "future" and (re.match(r"\s+[a-z]", after) and not re.search(r"\b(?:the|near|distant)\s*$", before)):
        return None  # "future payments": an adjective, not a time
    if word == "current" and re.match(r"\s+(?:account|affairs|events|president|chairman|members?|"
                                      r"owners?|holders?|rate|level|assets|liabilities|session)", after):
        return "DATE", "PRESENT_REF"
    return "DATE", REFERENCES[word]


def recent_units(m: re.Match, ctx: Context) -> Result:
    """ "recent years" points at the past; "recent weeks", "the coming months" are vague stretches."""
    ref = m.group("ref2").lower()
    unit = m.group("unit").lower()
    if (unit == "years" or " and " in m.group(0)) and "coming" not in ref and ref != "future":
        return "DATE", "PAST_REF"
    if unit == "quarters":
        return "DATE", "FUTURE_REF" if ("coming" in ref or ref == "future") else "PAST_REF"
    letter, is_time = _unit(unit)
    return "DURATION", ("PTX" if is_time else "PX") + letter


def _time_value(date_value: str | None, hour: int, minute: int) -> str:
    return f"{date_value}T{hour:02d}:{minute:02d}"


def dateline(m: re.Match, ctx: Context) -> Result:
    found = explicit(m, ctx)
    if found is None:
        return None
    return clock(m, ctx)[0], _time_value(found[1], int(m.group("hour")), int(m.group("minute")))


def clock(m: re.Match, ctx: Context) -> Result:
    hour = int(m.group("hour"))
    minute = int(m.group("minute") or 0)
    ampm = (m.groupdict().get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    base = V.ymd(ctx.dct) if ctx.dct else "XXXX-XX-XX"
    return "TIME", _time_value(base, hour, minute)


def noon(m: re.Match, ctx: Context) -> Result:
    word = m.group("noon").lower()
    if re.search(r"\bhigh\s+$", ctx.before(m, 6), re.I):
        return None  # "High Noon", "high noon comes today": a film, a figure of speech
    base = V.ymd(ctx.dct) if ctx.dct else "XXXX-XX-XX"
    return "TIME", _time_value(base, 0 if word == "midnight" else 12, 0) if word != "midnight" else f"{base}T24:00"


def part_alone(m: re.Match, ctx: Context) -> Result:
    """ "mid-afternoon": that part of the publication day (the reference pass moves it to the day
    the story last named)."""
    if ctx.dct is None:
        return None
    return "TIME", f"{V.ymd(ctx.dct)}T{PARTS_OF_DAY[m.group('part').lower()]}"


def clock_part(m: re.Match, ctx: Context) -> Result:
    """ "4 in the morning" -> 04:00, "8 in the evening" -> 20:00."""
    hour = int(_number(m.group("hour")))
    if m.group("part").lower() != "morning" and hour < 12:
        hour += 12
    elif m.group("part").lower() == "morning" and hour == 12:
        hour = 0
    base = V.ymd(ctx.dct) if ctx.dct else "XXXX-XX-XX"
    return "TIME", _time_value(base, hour, 0)



def part_of_day(m: re.Match, ctx: Context) -> Result:
    if ctx.dct is None:
        return None
    if m.group("tonight"):  # "tonight", "overnight": the night of the publication day
        return "TIME", f"{V.ymd(ctx.dct)}TNI"
    anchor = re.sub(r"\s+", " ", m.group("anchor").lower())
    part = PARTS_OF_DAY[m.group("part").lower()]
    d = ctx.dct
    if anchor == "yesterday" or (anchor in ("last", "late last") and part in ("NI", "EV")):
        d = d - dt.timedelta(days=1)
    elif anchor == "tomorrow":
        d = d + dt.timedelta(days=1)
    elif m.group("weekday"):
        if not _capitalised(m.group("weekday")):
            return None
        wd = _weekday(m.group("weekday"))
        d = V.weekday_on_or_after(d, wd) if ctx.tense(m) == FUTURE else V.weekday_on_or_before(d, wd)
    elif anchor == "last":
        return None
    return "TIME", f"{V.ymd(d)}T{part}"


def duration(m: re.Match, ctx: Context) -> Result:
    n = _number(m.group("num"))
    if n is None:
        return None
    letter, is_time = _unit(m.group("unit"))
    if letter == "WE":
        return None
    word = m.group("num").lower()
    # "a year" alone after an amount is a rate ("$5 a year"); "a year-long" or "the past year" is a span.
    is_rate = re.search(r"(?:\$|\d|cents?|percent|%)\s*\S*\s*$", ctx.before(m, 25), re.I)
    if word in ("a", "an") and not (m.group("span") or m.group("adj")) and is_rate:
        return None
    if letter == "Y" and n > 500:
        return None  # "1,000 years" happens; "5000 years" is rarely a span in news
    if re.match(r"\s+(?:ago|earlier|later|from\s+now|hence)\b|\s+(?:before|after)\s*(?:[,.;]|that\b)",
                ctx.after(m, 12), re.I):
        return None
    if letter == "Q" and "-" in m.group(0) and m.group(0).lower().endswith("s"):
        return None  # "three-quarters of": a fraction
    if word in ("a", "an") and letter == "S":
        return None  # "a second time": an ordinal
    if _title_case_mid_sentence(m, "unit", ctx):
        return None
    if (m.group("adj") or "").lower().endswith("old") or re.match(r"\s+old\b", ctx.after(m, 6)):
        return None  # "a 6-year-old girl", "40 years old": an age, not a stretch of time
    start = m.start()
    if m.group("det") and m.group("det").lower() in ("a", "an") and not m.group(0).lower().endswith("s") \
            and (m.group("num").lower() not in ("a", "an", "one")):
        start = m.start("num")  # "a 24 hour visit": the article belongs to "visit"
    if is_time:
        return "DURATION", f"PT{_fmt_number(n)}{letter}", start
    return "DURATION", f"P{_fmt_number(n)}{letter}", start


# Half of a unit in the next smaller one: "2 1/2 years" is P2Y6M, "a minute and a half" PT1M30S.
_HALF_OF = {"Y": "6M", "M": "15D", "D": "T12H"}
_HALF_OF_TIME = {"H": "30M", "M": "30S"}
_YEARS_IN = {"DE": 10, "CE": 100}


def duration_half(m: re.Match, ctx: Context) -> Result:
    n = _number(m.group("num"))
    letter, is_time = _unit(m.group("unit"))
    if n is None or re.match(r"\s+(?:ago|from\s+now|hence)\b", ctx.after(m, 12), re.I):
        return None  # a date, not a stretch of time ("later" keeps the stretch: TimeML signal)
    whole = _fmt_number(n)
    if letter in _YEARS_IN:  # "two and a half decades": P25Y
        years = _YEARS_IN[letter]
        return "DURATION", f"P{_fmt_number(n * years + years // 2)}Y"
    half = (_HALF_OF_TIME if is_time else _HALF_OF).get(letter)
    if half is None:
        return None
    return "DURATION", (f"PT{whole}{letter}{half}" if is_time else f"P{whole}{letter}{half}")


def vague_duration(m: re.Match, ctx: Context) -> Result:
    letter, is_time = _unit(m.group("unit"))
    if not m.group(0).lower().endswith("s"):
        return None
    vague = re.sub(r"\s+", " ", m.group("vague").lower())
    if vague in ("recent", "the coming"):
        return None  # handled by recent_units
    if letter == "WE":
        return None
    return "DURATION", ("PTX" if is_time else "PX") + letter


def bare_units(m: re.Match, ctx: Context) -> Result:
    letter, is_time = _unit(m.group("unit"))
    return "DURATION", ("PTX" if is_time else "PX") + letter


def for_the_year(m: re.Match, ctx: Context) -> Result:
    """ "the year ended Aug. 31" is twelve months; "a high for the year" is this year."""
    if re.match(r"\s+end(?:ed|ing)\b", ctx.after(m, 8), re.I) or m.group("unit").lower() != "year":
        return duration_one(m, ctx)
    if ctx.dct is None or _title_case_mid_sentence(m, "unit", ctx):
        return None  # "Person of the Year"
    return "DATE", f"{ctx.dct.year:04d}"


def duration_one(m: re.Match, ctx: Context) -> Result:
    letter, _ = _unit(m.group("unit"))
    return "DURATION", f"P1{letter}"


def set_every(m: re.Match, ctx: Context) -> Result:
    step = "2" if m.group("other") else "1"
    if m.group("weekday"):
        if not _capitalised(m.group("weekday")):
            return None
        return "SET", f"XXXX-WXX-{_weekday(m.group('weekday')) + 1}"
    if m.group("part"):
        return "SET", "P1D"  # "every morning": once a day
    if m.group("month"):
        if not m.group("month")[0].isupper():
            return None  # "each may have its say"
        return "SET", f"XXXX-{MONTHS[m.group('month').lower().rstrip('.')]:02d}"
    letter, is_time = _unit(m.group("unit"))
    return "SET", ("PT" if is_time else "P") + step + letter


def set_word(m: re.Match, ctx: Context) -> Result:
    word = m.group("setword").lower()
    after, before = ctx.after(m, 20), ctx.before(m, 12)
    if re.match(r"\s+[A-Z]", after) and word == "daily":
        return None  # "the Communist Party daily Granma": a newspaper
    if word != "daily" and re.match(r"\s+[a-z]+", after) and not re.match(r"\s+(?:and|or|but|in|at|on|to|for|from|since|until|by|as)\b", after):
        return None  # "its quarterly dividend": an adjective of the noun, not a recurrence
    if re.search(r"(?:%|percent|per\s*cent)\s*$", before):
        return None  # "rise 8.5% annually": a rate
    return "SET", SET_WORDS[word]


def set_times(m: re.Match, ctx: Context) -> Result:
    letter, is_time = _unit(m.group("unit"))
    return "SET", ("PT1" if is_time else "P1") + letter


_OFFICE = re.compile(
    r"\b(?:took|taking|take|entered|entering|enter|assumed|assuming|sworn\s+in|inaugurated|"
    r"came\s+to|coming\s+to)\s+(?:office|power)?\s*(?:in|on|since)?\s*"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+(?P<year>(?:19|20)\d\d))?", re.I)


def campaign(m: re.Match, ctx: Context) -> Result:
    """An election campaign is dated by the office-taking the article mentions: the year before a
    January inauguration, otherwise the same year. Without such an anchor it is not dated."""
    explicit_year = re.search(r"(?:19|20)\d\d", m.group("campaign"))
    if explicit_year:
        return "DATE", explicit_year.group(0)
    anchor = ctx.anchors.get("office")
    if anchor is None:
        found = _OFFICE.search(ctx.text)
        if found is None or ctx.dct is None:
            ctx.anchors["office"] = False
            return None
        mo = _month(found.group("month"))
        y = int(found.group("year")) if found.group("year") else (
            ctx.dct.year if mo <= ctx.dct.month else ctx.dct.year - 1)
        anchor = ctx.anchors["office"] = (y, mo)
    if not anchor:
        return None
    y, mo = anchor
    return "DATE", str(y - 1 if mo <= 3 else y)


NORMALISERS: dict[str, Callable[[re.Match, Context], Result]] = {
    name: fn for name, fn in globals().items()
    if callable(fn) and not name.startswith("_") and getattr(fn, "__module__", None) == __name__
    and name not in ("parse_calendar", "Context")
}

__all__ = ["Context", "NORMALISERS", "PAST", "FUTURE", "UNKNOWN", "parse_calendar"]
