"""Exports: Markdown, CSV, JSON, iCalendar and TimelineJS, each escaped for its format.

Every exporter is a pure function of the timeline (and the order of its events),
so the same timeline always gives byte-identical files.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import sys
from pathlib import Path

from .model import Event, Timeline
from .temporal import values as V
from .textutil import clean_display

FORMATS = ("md", "csv", "json", "ics", "timelinejs")


def visible_events(tl: Timeline, include_hidden: bool = False) -> list[Event]:
    return [e for e in tl.events if include_hidden or not e.hidden]


def human_date(value: str, short: bool = False) -> str:
    """A date at its precision: "2016", "Apr 2017", "Mon 22 May 2017", "week of 22 May 2017".

    `short` drops the weekday and abbreviates "week of" for narrow columns."""
    p = V.precision(value)
    span = V.span(value)
    if span is None:
        return {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}.get(value, value)
    first, last = span
    if p in ("day", "time"):
        return first.strftime("%-d %b %Y" if short else "%a %-d %b %Y")
    if p == "week":
        if short:
            return ("wkend " if value.endswith("WE") else "wk ") + first.strftime("%-d %b %Y")
        return ("weekend of " if value.endswith("WE") else "week of ") + first.strftime("%-d %b %Y")
    if p == "month":
        return first.strftime("%b %Y")
    if p == "quarter":
        return f"Q{value[-1]} {first.year}"
    if p == "half":
        return f"H{value[-1]} {first.year}"
    if p == "season":
        return {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}[value[-2:]] + f" {first.year}"
    if p == "year":
        return str(first.year)
    if p == "decade":
        return f"{first.year}s"
    if p == "century":
        n = first.year // 100 + 1
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} century"
    return value


# --- Markdown --------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def md_escape(text: str) -> str:
    """Inert Markdown: every character Markdown or HTML would act on is escaped."""
    text = clean_display(text).replace("\r", " ").replace("\n", " ")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^(\s*)([-=]{3,}|\d+\.)", lambda m: m.group(1) + "\\" + m.group(2), text)
    return text.replace("&", "&amp;")


def to_markdown(tl: Timeline, include_hidden: bool = False) -> str:
    events = visible_events(tl, include_hidden)
    cited = [s for s in tl.sources if any(s.id in e.sources for e in events)]
    number = {s.id: n for n, s in enumerate(cited, 1)}
    out = [f"# {md_escape(tl.title or 'Timeline')}", ""]
    current = None
    for e in events:
        heading = human_date(e.date)
        if heading != current:
            out += [f"## {md_escape(heading)}", ""]
            current = heading
        out += [f"### {md_escape(e.title)}", ""]
        if e.note:
            out += [f"*Note:* {md_escape(e.note)}", ""]
        for ev in e.evidence:
            out += [f"> {md_escape(ev.quote)} [{number.get(ev.source, '?')}]", ""]
    if cited:
        out += ["## Sources", ""]
        for s in cited:
            parts = [s.outlet or "unknown outlet", f"“{s.title}”",
                     f"published {s.published} ({s.published_from})" if s.published else "publication date unknown",
                     s.url or s.path]
            out.append(f"{number[s.id]}. " + md_escape(", ".join(parts)))
        out.append("")
    return "\n".join(out)


# --- CSV ---------------------------------------------------------------------------------------

CSV_COLUMNS = ("event_id", "date", "precision", "title", "source", "outlet", "published", "quote", "start", "end")


def _csv_cell(value) -> str:
    text = clean_display("" if value is None else str(value))
    # A cell starting with = + - @ is a formula to a spreadsheet: make it text.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def to_csv(tl: Timeline, include_hidden: bool = False) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(CSV_COLUMNS)
    for e in visible_events(tl, include_hidden):
        for ev in e.evidence or [None]:
            src = tl.source(ev.source) if ev else None
            w.writerow([_csv_cell(x) for x in (
                e.id, e.date, V.precision(e.date), e.title, ev.source if ev else "",
                src.outlet if src else "", src.published if src else "", ev.quote if ev else "",
                ev.start if ev else "", ev.end if ev else "")])
    return buf.getvalue()


# --- JSON ------------------------------------------------------------------------------------

def to_json(tl: Timeline, include_hidden: bool = False) -> str:
    from .store import to_data
    data = to_data(Timeline(sources=tl.sources, events=visible_events(tl, include_hidden),
                            title=tl.title, version=tl.version, extra=tl.extra))
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"


# --- iCalendar --------------------------------------------------------------------------------

def to_ics(tl: Timeline, include_hidden: bool = False) -> str:
    from icalendar import Calendar
    from icalendar import Event as IcsEvent
    cal = Calendar()
    cal.add("prodid", "-//nato-timeline//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", clean_display(tl.title or "Timeline"))
    stamp = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # fixed: exports are reproducible
    for e in visible_events(tl, include_hidden):
        span = V.span(e.date)
        if span is None:
            continue
        first, last = span
        item = IcsEvent()
        item.add("uid", f"{e.id}@nato-timeline")
        item.add("dtstamp", stamp)
        item.add("summary", clean_display(e.title))
        item.add("dtstart", first)
        item.add("dtend", last + dt.timedelta(days=1))  # all-day events end the day after
        quotes = [f"{clean_display(ev.quote)} ({(tl.source(ev.source).outlet if tl.source(ev.source) else None) or ev.source})"
                  for ev in e.evidence]
        item.add("description", "\n\n".join(quotes + ([clean_display(e.note)] if e.note else [])))
        cal.add_component(item)
    return cal.to_ical().decode("utf-8")


# --- TimelineJS --------------------------------------------------------------------------------

def _tljs_date(d: dt.date, precision: str) -> dict:
    out = {"year": d.year}
    if precision not in ("year", "decade", "century"):
        out["month"] = d.month
    if precision in ("day", "time", "week"):
        out["day"] = d.day
    return out


def to_timelinejs(tl: Timeline, include_hidden: bool = False) -> str:
    events = []
    for e in visible_events(tl, include_hidden):
        span = V.span(e.date)
        if span is None:
            continue
        first, last = span
        p = V.precision(e.date)
        quotes = "".join(
            f"<blockquote>{html.escape(clean_display(ev.quote))}<br><cite>"
            f"{html.escape(clean_display((tl.source(ev.source).outlet if tl.source(ev.source) else None) or ev.source))}"
            f"</cite></blockquote>" for ev in e.evidence)
        item = {"start_date": _tljs_date(first, p),
                "text": {"headline": html.escape(clean_display(e.title)), "text": quotes},
                "group": (e.sources[0] if e.sources else "manual"),
                "unique_id": e.id,
                "display_date": html.escape(human_date(e.date))}
        if first != last:
            item["end_date"] = _tljs_date(last, p)
        events.append(item)
    data = {"title": {"text": {"headline": html.escape(clean_display(tl.title or "Timeline")), "text": ""}},
            "events": events}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


EXPORTERS = {"md": to_markdown, "csv": to_csv, "json": to_json, "ics": to_ics, "timelinejs": to_timelinejs}
EXTENSIONS = {"md": ".md", "csv": ".csv", "json": ".json", "ics": ".ics", "timelinejs": ".timelinejs.json"}


def export(tl: Timeline, fmt: str, include_hidden: bool = False) -> str:
    return EXPORTERS[fmt](tl, include_hidden)


def write_export(tl: Timeline, fmt: str, output: Path, include_hidden: bool = False) -> Path:
    from .atomic import write_atomic
    write_atomic(output, export(tl, fmt, include_hidden), backup=False)
    return output


def cmd_export(args) -> int:
    from .commands import _load
    tl, _ = _load(args.timeline)
    text = export(tl, args.format, args.include_hidden)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        write_export(tl, args.format, Path(args.output), args.include_hidden)
        if not args.quiet:
            sys.stderr.write(f"wrote {clean_display(args.output)}\n")
    return 0


def add_export_command(sub) -> None:
    ex = sub.add_parser("export", help="write the timeline as md, csv, json, ics or timelinejs")
    ex.add_argument("timeline", metavar="TIMELINE", nargs="?", default=None, help="default: ./timeline.yaml")
    ex.add_argument("--format", "-f", choices=FORMATS, required=True)
    ex.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    ex.add_argument("--include-hidden", action="store_true", help="also export hidden events")
    ex.add_argument("-q", "--quiet", action="store_true")
    ex.set_defaults(func=cmd_export)
