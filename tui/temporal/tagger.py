"""Find and normalise every temporal expression of a document.

All rules run over the whole text; overlapping candidates are settled longest
first; each survivor is normalised against the publication date with its
sentence as context; adjacent date and clock expressions are joined ("Friday
3 p.m."). A deadline per document bounds the work, whatever the input.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, repeat

from .. import sentences
from . import tense
from . import values as V
from .normalise import NORMALISERS, Context, parse_calendar
from .rules import COMPILED, PREFILTER_AFTER_DIGIT, PREFILTER_STRINGS, TRIGGER_REACH, trigger_set

DEFAULT_TIME_LIMIT = 5.0  # seconds per document


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    rule: str = ""

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text,
                "type": self.type, "value": self.value}


class TaggingTimeout(Exception):
    """Raised internally when a document exceeds its time limit."""


_CLASSES = {
    "#num": re.compile(r"\d+"), "#year": re.compile(r"(?:1[5-9]|20)\d\d"),
    "#decade": re.compile(r"(?:\d\d)?\d0s"), "#clock": re.compile(r"\d{1,2}[ap]m"),
}
_RULES = [(rule, rx, (trigger_set(rule.name), TRIGGER_REACH.get(rule.name, 3))) for rule, rx in COMPILED]
_GROUPS = sorted({key for _, _, key in _RULES}, key=repr)  # rules that share triggers share work
_GROUP_OF = [_GROUPS.index(key) for _, _, key in _RULES]
_PREFILTERED = [rule.name in PREFILTER_STRINGS or rule.name in PREFILTER_AFTER_DIGIT for rule, _, _ in _RULES]
# One lookahead per digit; the tails start with different characters, so at most one fits.
_DIGIT_TAIL = re.compile(r"\d(?=" + "|".join(f"(?P<{name}>{tail})" for name, tail in PREFILTER_AFTER_DIGIT.items()) + ")")

_WORD_GROUPS: dict[str, list[int]] = {}
_CLASS_GROUPS: dict[str, list[int]] = {name: [] for name in _CLASSES}
for _g, ((_words, _classes), _reach) in enumerate(_GROUPS):
    for _w in _words:
        _WORD_GROUPS.setdefault(_w, []).append(_g)
    for _c in _classes:
        _CLASS_GROUPS[_c].append(_g)
_TOKENS = re.compile(r"(\w+)")
_DIGIT_START = re.compile(r"\d(?<!\w\d)")  # where a word beginning with a digit starts
_APOSTROPHE = re.compile(r"['’](?=\w)")
# A word that begins with a digit is looked up by its class (#num, #year …), never as a word.
assert not any(w[:1].isdigit() for w in _WORD_GROUPS)


def _prefilters_passed(lower: str) -> set[str]:
    """The prefiltered rules worth trying on this text."""
    passed = {name for name, strings in PREFILTER_STRINGS.items() if any(s in lower for s in strings)}
    passed.update(m.lastgroup for m in _DIGIT_TAIL.finditer(lower))
    return passed


@lru_cache(maxsize=4096)  # numbers recur: "1", "10", "1998"
def _digit_groups(word: str) -> tuple[int, ...]:
    out: list[int] = []
    for name, rx in _CLASSES.items():
        if rx.fullmatch(word):
            out.extend(_CLASS_GROUPS[name])
    return tuple(out)


def clear_caches() -> None:
    """Forget every remembered answer, so that each timed pass of a benchmark starts cold, as
    the first article of a build does."""
    for cached in (_digit_groups, parse_calendar, V.span, V.sort_key, sentences.split):
        cached.cache_clear()
    tense.clear_cache()


def _candidates(text: str, deadline: float) -> list:
    """Matches of every rule, tried only at the few word starts before a word that can anchor it."""
    lower = text.lower()
    if len(lower) != len(text):  # a few characters lower-case to two: keep offsets exact
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # Words and their offsets without a match object per word: the separators between the words
    # give the offsets by summing lengths (a third of the time of finditer on news text).
    parts = _TOKENS.split(lower)
    words = parts[1::2]
    starts = list(accumulate(map(len, parts)))[::2]
    occurrences: list[list[int]] = [[] for _ in _GROUPS]
    word_groups = _WORD_GROUPS
    for i in compress(range(len(words)), map(word_groups.get, words)):
        for g in word_groups[words[i]]:
            occurrences[g].append(i)
    for m in _DIGIT_START.finditer(lower):
        i = bisect_left(starts, m.start())
        for g in _digit_groups(words[i]):
            occurrences[g].append(i)
    positions_of: dict[int, list[int]] = {}
    passed: set[str] | None = None
    after_apostrophe: set[int] | None = None
    out: list = []
    for order, (rule, rx, key) in enumerate(_RULES):
        if time.monotonic() > deadline:
            raise TaggingTimeout
        if _PREFILTERED[order]:
            if passed is None:
                passed = _prefilters_passed(lower)
            if rule.name not in passed:
                continue
        g = _GROUP_OF[order]
        positions = positions_of.get(g)
        if positions is None:
            reach = key[1]
            found: set[int] = set()
            for i in occurrences[g]:
                found.update(starts[max(0, i - reach):i + 1])
            if after_apostrophe is None:
                after_apostrophe = {m.end() for m in _APOSTROPHE.finditer(text)}
            if after_apostrophe:
                found.update(pos - 1 for pos in found & after_apostrophe)  # "'90s", "’til"
            positions = positions_of[g] = sorted(found)
        if not positions:
            continue
        match = rx.match
        out.extend((m, rule, order) for m in map(match, repeat(text), positions) if m and m.end() > m.start())
    return out


def _candidates_exhaustive(text: str, deadline: float):
    """Every match of every rule anywhere, overlapping ones too ("2017 third-quarter" and
    "third-quarter" inside it): the reference the trigger index must agree with."""
    for order, (rule, rx) in enumerate(COMPILED):
        if time.monotonic() > deadline:
            raise TaggingTimeout
        pos = 0
        while m := rx.search(text, pos):
            if m.end() > m.start():
                yield m, rule, order
            pos = m.start() + 1


def _select(cands):
    """Keep the longest of overlapping candidates (then the earlier rule, then the earlier start)."""
    unique = {(c[0].start(), c[0].end(), c[2]): c for c in cands}
    ordered = sorted(unique.values(), key=lambda c: (-(c[0].end() - c[0].start()), c[2], c[0].start()))
    taken: list[tuple[int, int]] = []
    chosen = []
    for m, rule, _order in ordered:
        s, e = m.start(), m.end()
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        chosen.append((m, rule))
    chosen.sort(key=lambda c: c[0].start())
    return chosen


_JOIN = re.compile(r"[ \t]*,?[ \t]*")
_CLOCK_OR_PART = re.compile(r"T(?:\d{2}:\d{2}|MO|AF|EV|NI)$")  # "9 a.m. Tuesday", "mid-afternoon yesterday"


def _join_date_and_clock(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "Thursday 25 May 2017 15:49 BST", "9 a.m. Tuesday": one TIME, not two expressions."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        if prev and _JOIN.fullmatch(text[prev.end:t.start]):
            pair = (prev, t)
            date = next((x for x in pair if x.type == "DATE" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", x.value)), None)
            clock = next((x for x in pair if x.type == "TIME" and _CLOCK_OR_PART.search(x.value)), None)
            if date is not None and clock is not None and date is not clock:
                value = date.value + "T" + clock.value.split("T", 1)[1]
                out[-1] = Timex(prev.start, t.end, text[prev.start:t.end], "TIME", value, "joined")
                continue
        if prev and _POSSESSIVE.fullmatch(text[prev.end:t.start]) and _YEAR.fullmatch(prev.value) \
                and (part := _PART_OF_YEAR.match(t.value)):
            # "this year's third quarter", "next year's first half": that part of that year.
            out[-1] = Timex(prev.start, t.end, text[prev.start:t.end], "DATE", prev.value + part.group(1), "joined")
            continue
        if prev and t.rule == "spelled_year" and _OF.fullmatch(text[prev.end:t.start]) \
                and (part := _MONTH_OR_SEASON.match(prev.value)):
            # Broadcast transcripts say the year: "January nineteen ninety-seven", "the winter of
            # nineteen ninety-four" are that month and that season, not this year's and a year.
            out[-1] = Timex(prev.start, t.end, text[prev.start:t.end], "DATE", t.value + part.group(1), "joined")
            continue
        if _FULL_DAY.match(t.value) and (week := _WEEK_OF.search(text, max(0, t.start - 20), t.start)):
            # "a court hearing the week of March 6": the week, not the day.
            t = Timex(week.start(), t.end, text[week.start():t.end], "DATE",
                      V.iso_week(dt.date.fromisoformat(t.value)), "joined")
        out.append(t)
    return out


# "the summit on April 24 and 25": the second number is a day of the same month, when what
# follows it ends the phrase (not "May 24 and 25 soldiers").
_AND_DAY = re.compile(r"\s+(?:and|or|&)\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?"
                      r"(?=\s*(?:[,.;:)'\"”]|$)|\s+(?:in|at|on|for|with|when|as|and|to|the|a|an|but|after|before)\b)")


def _second_days(text: str, timexes: list[Timex]) -> list[Timex]:
    """A day joined to a full date by "and": its own date, in that month ("April 24 and 25")."""
    out: list[Timex] = []
    for i, t in enumerate(timexes):
        out.append(t)
        if t.type != "DATE" or not _FULL_DAY.match(t.value):
            continue
        m = _AND_DAY.match(text, t.end)
        if not m or (i + 1 < len(timexes) and timexes[i + 1].start < m.end()):
            continue
        year, month, day = (int(x) for x in t.value.split("-"))
        try:
            second = dt.date(year, month, int(m.group("day")))
        except ValueError:
            continue
        if second.day > day:
            out.append(Timex(m.start("day"), m.end(), text[m.start("day"):m.end()], "DATE", second.isoformat(), "second_day"))
    return out


_POSSESSIVE = re.compile(r"['’]s\s+")
_YEAR = re.compile(r"\d{4}")
_PART_OF_YEAR = re.compile(r"^\d{4}(-(?:Q[1-4]|H[12]|SP|SU|FA|WI|\d\d))$")
_MONTH_OR_SEASON = re.compile(r"^\d{4}(-(?:SP|SU|FA|WI|\d\d))$")
_OF = re.compile(r"\s+(?:of\s+)?")
_WEEK_OF = re.compile(r"\b[Tt]he\s+week\s+of\s+$")


_YEAR_AGO = re.compile(r"(?:a|one)\s+year\s+(?:ago|earlier|before)|(?:a|one)\s+year-(?:ago|earlier)", re.I)
_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EXPLICIT_RULES = {"weekday_day_month_year", "weekday_month_day_year", "month_day_year", "day_month_year",
                   "numeric_date", "month_year", "year"}
# "compared with a loss of $3 million last year", in a story about a quarter: that quarter's results.
_COMPARED = re.compile(r"\bcompared\s+with\b[^.;]*$", re.I)
# "in the latest nine months, compared with 40% a year earlier": a year, not a quarter, back.
_LONGER_PERIOD = re.compile(r"\b(?:nine|six)\s+months\b|\bfirst\s+half\b|\b(?:fiscal\s+)?year\s+end(?:ed|ing)\b"
                            r"|\bfor\s+the\s+year\b[^.;]*$", re.I)
# Rules whose quarter comes from the story's (or a year before it): they never set it.
_BORROWED_QUARTER = frozenset({"ago", "year_adjective", "the_quarter", "year_quarter", "year_ago_quarter"})
_COMPARISON = re.compile(r"year[- ](?:earlier|ago|before)|prior[- ]year|last\s+year", re.I)
_ANAPHORIC = re.compile(r"^the\s+(?:following|previous|preceding)\s+(?P<unit>year|month)$", re.I)
# A day that names a thing ("the Sept. 11 attacks", "the May 22 bombing", "the Nov. 13 Paris
# attacks") is not the time the story is telling of: "Earlier in the day" after it leans on the
# day before it. The day sits between a determiner and a noun. (A year does set the story's
# year: "In the 1998 election, he won. That year…")
_NAMING_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their)|['’]s)\s+$", re.I)
_NAMING_AFTER = re.compile(r"\s+(?:[A-Z][\w'’.-]*\s+){0,2}(?!(?:of|and|or|to|in|at|on|by|for|when|was|is|were|are|"
                           r"had|has|that|which|as|with|from)\b)[a-z][\w-]*")
_ANAPHORIC_WEEKDAY = re.compile(r"^the\s+(?:following|previous|preceding)\s+\w+$", re.I)


def _after_longer_period(text: str, start: int) -> bool:
    """Whether the period just named before `start` is longer than a quarter ("the nine months")."""
    return _LONGER_PERIOD.search(text, max(0, start - 150), start) is not None


def _step(text: str) -> int:
    """Which way "the previous/preceding ..." (back) or "the next/following ..." (on) counts."""
    return -1 if re.search(r"previous|preceding", text, re.I) else 1


def _resolve_references(text: str, timexes: list[Timex], bounds: list[tuple[int, int]]) -> list[Timex]:
    """Dates that lean on another date of the text rather than on the publication date:
    "a year earlier" after "third-quarter" is that quarter a year before; "the following year"
    counts from the last year the text named; "10:35 a.m. (0735 GMT) Friday" is on that Friday."""
    out: list[Timex] = []
    last_quarter = None
    last_year = None
    last_dated: str | None = None  # the last date named, of any precision: "that day" leans on it
    last_day: str | None = None  # the last calendar day named: "the previous Friday" counts from it
    for n, t in enumerate(timexes):
        value = t.value
        if t.rule == "that_unit":
            value = _that_unit(value, last_dated, last_quarter)
            if "X" in value:
                continue  # "trades made that day", said of no day in particular
        elif t.rule == "part_alone" or (t.rule == "in_the_unit" and t.text.lower().endswith("day")):
            # "later in the day", "in the morning": of the day the story last named, else of the
            # publication's own day. "earlier in the year" is this year however far back the story
            # has looked.
            day = _that_unit("XXXX-XX-XX", last_dated, last_quarter)
            if "X" not in day:
                value = day + t.value[10:]
        elif t.rule == "the_quarter" and not last_quarter and (day := _ended_on(text, t, timexes[n + 1:n + 2])):
            # "the quarter ended Sept. 29", in a text that has named no quarter (a fiscal "first
            # quarter" may end in September): the calendar quarter that day closes.
            value = f"{day[:4]}-Q{V.quarter_of(int(day[5:7]))}"
            last_quarter = (value[:4], value[-1])
        elif t.rule == "the_quarter" and last_quarter and "quarter" in t.text.lower():
            value = f"{last_quarter[0]}-Q{last_quarter[1]}"
        elif t.rule == "year_quarter" and _after_longer_period(text, t.start):
            value = value[:4]  # "the first nine months ... in the 1988 period": that year's months
        elif t.rule == "year_quarter" and last_quarter:
            value = f"{value[:4]}-Q{last_quarter[1]}"
        elif (_YEAR_AGO.fullmatch(t.text) or t.rule in ("year_adjective", "year_ago_quarter")
              or (t.text.lower() == "last year" and _COMPARED.search(text, max(0, t.start - 80), t.start))) \
                and last_quarter and not _after_longer_period(text, t.start):
            value = f"{int(last_quarter[0]) - 1:04d}-Q{last_quarter[1]}"
        elif m := _ANAPHORIC.match(t.text):
            step = _step(t.text)
            if m.group("unit").lower() == "year" and last_year is not None:
                value = str(last_year + step)
            elif m.group("unit").lower() == "month" and last_dated and re.match(r"\d{4}-\d\d(?:$|-)", last_dated):
                # "In March, ... The following month, the company put itself up for sale."
                value = V.ym(*V.add_months(int(last_dated[:4]), int(last_dated[5:7]), step))
        elif t.rule == "next_day" and last_day:
            day = V.ymd(dt.date.fromisoformat(last_day) + dt.timedelta(days=_step(t.text)))
            value = day + value[10:]  # keeps a part of the day: "the next morning"
        elif t.rule == "weekday" and last_day and _ANAPHORIC_WEEKDAY.match(t.text):
            # "down 4.5% from the previous Friday", in a story about Friday's trading: the Friday
            # before that one; "the following Monday" is the Monday after the day told of.
            day, wd = dt.date.fromisoformat(last_day), dt.date.fromisoformat(value).weekday()
            value = V.ymd(V.weekday_on_or_after(day + dt.timedelta(days=1), wd)
                          if _step(t.text) > 0
                          else V.weekday_on_or_before(day - dt.timedelta(days=1), wd))
        elif t.type == "TIME" and t.rule in ("clock_ampm", "noon", "clock_part") and n + 1 < len(timexes):
            # "10:35 a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. EDT Thursday)": the day named
            # right after it, past another clock time.
            for nxt in timexes[n + 1:n + 3]:
                if nxt.start - t.end > 30 or not any(s <= t.start and nxt.end <= e for s, e in bounds):
                    break
                if _FULL_DAY.match(nxt.value):
                    value = nxt.value + "T" + t.value.split("T", 1)[1]
                    break
                if nxt.type != "TIME":
                    break
        if (q := V.QUARTER.match(value)) and t.rule not in _BORROWED_QUARTER and not _COMPARISON.search(t.text):
            last_quarter = (q[1], q[2])  # the quarter the story is about, not "the year-earlier quarter"
        if t.rule in _EXPLICIT_RULES and re.match(r"\d{4}", value):
            last_year = int(value[:4])
        naming = _FULL_DAY.match(value[:10]) and (t.rule == "named_day" or (
            _NAMING_BEFORE.search(text, max(0, t.start - 8), t.start) and _NAMING_AFTER.match(text, t.end)))
        if t.type in ("DATE", "TIME") and re.match(r"\d{4}", value) and not naming:
            last_dated = value
        if t.type == "DATE" and _FULL_DAY.match(value) and not naming:
            last_day = value
        out.append(t if value == t.value else Timex(t.start, t.end, t.text, t.type, value, t.rule))
    return out


_ENDED = re.compile(r"\s+end(?:ed|ing)\s+(?:on\s+)?$")


def _ended_on(text: str, t: Timex, following: list[Timex]) -> str | None:
    """The full day right after "<t> ended", if any."""
    if following and _FULL_DAY.match(following[0].value[:10]) and _ENDED.match(text[t.end:following[0].start]):
        return following[0].value[:10]
    return None


def _that_unit(unknown: str, last: str | None, last_quarter) -> str:
    """ "that day" is the day last named; "that year" its year; else the value stays unknown."""
    if unknown == "XXXX-QX":
        return f"{last_quarter[0]}-Q{last_quarter[1]}" if last_quarter else unknown
    if last is None:
        return unknown
    if unknown == "XXXX":
        return last[:4]
    if unknown == "XXXX-XX":
        return last[:7] if re.match(r"\d{4}-\d\d(?:$|-\d\d)", last) else unknown
    day = _FULL_DAY.match(last[:10]) and last[:10]
    if not day:
        return unknown
    return day if unknown == "XXXX-XX-XX" else V.iso_week(dt.date.fromisoformat(day))


CHUNK = 50_000  # long texts are tagged a block of paragraphs at a time


def tag(text: str, dct: dt.date | None, time_limit: float = DEFAULT_TIME_LIMIT,
        exhaustive: bool = False) -> list[Timex]:
    """Every temporal expression in `text`, normalised against the publication date `dct`.

    A long text is tagged in blocks cut at paragraph breaks, so that when the time limit
    stops the work, what was found before it is kept."""
    if len(text) <= CHUNK:
        return _tag(text, dct, time.monotonic() + time_limit, exhaustive)
    deadline = time.monotonic() + time_limit
    found: list[Timex] = []
    start = 0
    while start < len(text) and time.monotonic() < deadline:
        end = min(len(text), start + CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK // 2, end)
            end = cut + 1 if cut > 0 else end
        for t in _tag(text[start:end], dct, deadline, exhaustive):
            found.append(Timex(t.start + start, t.end + start, t.text, t.type, t.value, t.rule))
        start = end
    return found


def _tag(text: str, dct: dt.date | None, deadline: float, exhaustive: bool = False) -> list[Timex]:
    """One block of `tag()`. `exhaustive` runs every rule at every position (slow; the trigger
    index must agree with it)."""
    bounds = sentences.split(text)
    starts = [s for s, _ in bounds]
    anchors: dict = {}
    found: list[Timex] = []
    try:
        finder = _candidates_exhaustive if exhaustive else _candidates
        chosen = _select(list(finder(text, deadline)))
        for m, rule in chosen:
            if time.monotonic() > deadline:
                raise TaggingTimeout
            i = bisect_right(starts, m.start()) - 1
            s_start, s_end = bounds[i] if i >= 0 else (0, len(text))
            if m.end() > s_end:
                s_end = m.end()
            ctx = Context(text, dct, s_start, s_end, anchors)
            result = NORMALISERS[rule.normaliser](m, ctx)
            if result is None:
                continue
            ttype, value = result[0], result[1]
            start = result[2] if len(result) > 2 else m.start()
            found.append(Timex(start, m.end(), text[start:m.end()], ttype, value, rule.name))
    except TaggingTimeout:
        pass
    return _second_days(text, _join_date_and_clock(text, _resolve_references(text, found, bounds)))
