"""Plain commands for scripts and pipes: list, search, show.

On a terminal they print Rich tables; piped, tab-separated lines; with --json,
JSON lines. Article text is always shown as inert text: Rich markup in a quote
is never interpreted and control characters are replaced.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import store
from .export import human_date
from .ingest import body_start
from .model import Event, Timeline
from .search import SearchIndex, load_texts, match_spans
from .temporal import values as V
from .textutil import clean_display


def _load(path: str | None) -> tuple[Timeline, Path]:
    from .cli import CliError, default_timeline
    p = Path(path) if path else default_timeline()[0]
    if not p.exists():
        raise CliError(f"{p}: no such file (run `nato-timeline build` first)", 1)
    return store.load(p), p


def _console(width: int | None = None):
    from rich.console import Console
    return Console(width=width, highlight=False, markup=False, emoji=False)


def _date_filter(value: str | None, what: str):
    if value is None:
        return None
    from .cli import CliError
    span = V.span(value)
    if span is None:
        raise CliError(f"{what}: not a date: {value!r}")
    return span


def selected_events(tl: Timeline, args, index: SearchIndex | None = None, found_in: list | None = None) -> list[Event]:
    """The events the filters of `args` select. `found_in` gets where the words matched: "events"
    (titles and quotes) or, when no event says them, only "articles" (the texts quoted)."""
    since = _date_filter(getattr(args, "since", None), "--since")
    until = _date_filter(getattr(args, "until", None), "--until")
    chosen = []
    for i, e in enumerate(tl.events):
        if e.hidden and not getattr(args, "include_hidden", False):
            continue
        # An event is in the range when all of it is: "1998" or "the 1990s" is not an event of
        # October 1998, though its span holds that month.
        span = V.span(e.date)
        if since and (span is None or span[0] < since[0]):
            continue
        if until and (span is None or span[1] > until[1]):
            continue
        if getattr(args, "source", None) and args.source not in e.sources:
            continue
        chosen.append(i)
    grep = getattr(args, "grep", None) or getattr(args, "words", None)
    if grep:
        if index is None:
            index = SearchIndex.for_timeline(tl, Path(args._base))
        query = " ".join(grep) if isinstance(grep, list) else grep
        chosen, scope = index.search(query, chosen)
        if found_in is not None:
            found_in.append(scope)
    return [tl.events[i] for i in chosen]


def _event_json(e: Event) -> dict:
    return {"id": e.id, "date": e.date, "precision": V.precision(e.date), "title": e.title,
            "sources": e.sources, "hidden": e.hidden, "note": e.note,
            "evidence": [{"source": ev.source, "start": ev.start, "end": ev.end, "quote": ev.quote,
                          "timex": ev.timex} for ev in e.evidence]}


def _tsv(*cells) -> str:
    return "\t".join(clean_display(str(c or "")).replace("\t", " ").replace("\n", " ") for c in cells)


def _highlighted(text: str, query: str):
    from rich.text import Text
    t = Text(clean_display(text))
    for start, end in match_spans(t.plain, query):
        t.stylize("bold reverse", start, end)
    return t


def cmd_list(args) -> int:
    tl, path = _load(args.timeline)
    args._base = path.parent
    events = selected_events(tl, args)
    out = sys.stdout
    if args.json:
        for e in events:
            out.write(json.dumps(_event_json(e), ensure_ascii=False) + "\n")
    elif out.isatty():
        from rich.table import Table
        from rich.text import Text
        table = Table(show_lines=False, highlight=False)
        for col in ("date", "title", "sources", "id"):
            table.add_column(col, overflow="fold")
        for e in events:
            table.add_row(Text(human_date(e.date)), Text(clean_display(e.title)), Text(", ".join(e.sources)),
                          Text(e.id))
        _console().print(table)
    else:
        for e in events:
            out.write(_tsv(e.date, e.title, ",".join(e.sources), e.id) + "\n")
    return 0 if events or not getattr(args, "grep", None) else 1


def cmd_search(args) -> int:
    tl, path = _load(args.timeline)
    args._base = path.parent
    query = " ".join(args.words)
    found_in: list[str] = []
    events = selected_events(tl, args, found_in=found_in)
    out = sys.stdout
    if not events:
        sys.stderr.write(f"no events match {clean_display(query)!r}\n")
        return 1
    if found_in == ["articles"]:  # the quotes below do not say it: say why they are listed
        sys.stderr.write(f"no title or quote says {clean_display(query)!r}; "
                         "these events quote articles that do\n")
    if args.json:
        for e in events:
            out.write(json.dumps(_event_json(e), ensure_ascii=False) + "\n")
        return 0
    if out.isatty():
        console = _console()
        for e in events:
            from rich.text import Text
            console.print(Text.assemble((human_date(e.date), "bold"), "  ", _highlighted(e.title, query)))
            for ev in e.evidence:
                console.print(Text("    › ") + _highlighted(ev.quote, query) + Text(f"  [{ev.source}]", style="dim"))
    else:
        for e in events:
            for ev in e.evidence:
                out.write(_tsv(e.date, e.title, ev.source, ev.quote) + "\n")
    return 0


def context_around(text: str, start: int, end: int, words: int = 8, floor: int = 0) -> tuple[str, str, str]:
    """A few words before and after a quote, for showing it in its place; none before `floor`,
    where the article's body starts (not "Date: 1999-05-07" of its header)."""
    before = text[max(floor, start - 300):start].split()
    after = text[end:end + 300].split()
    return " ".join(before[-words:]), text[start:end], " ".join(after[:words])


def find_event(tl, wanted: str):
    """The event with id `wanted`, or the one event whose id begins with it, or else contains
    it, as git takes a short commit name: ids are long ("2017-05-22-bombing-in-manchester…")."""
    from .cli import CliError
    e = tl.event(wanted)
    if e is not None:
        return e
    key = wanted.strip().lower()
    ids = [(e.id.lower(), e) for e in tl.events]  # a hand-edited id may have capitals
    for found in ([e for i, e in ids if i.startswith(key)], [e for i, e in ids if key in i]):
        if len(found) == 1:
            return found[0]
        if found:
            names = ", ".join(e.id for e in found[:4]) + (f" and {len(found) - 4} more" if len(found) > 4 else "")
            raise CliError(f"{len(found)} events match {wanted!r}: {names}; give more of the id", 1)
    raise CliError(f"no event with id {wanted!r} (see `nato-timeline list`)", 1)


def cmd_show(args) -> int:
    tl, path = _load(args.timeline)
    e = find_event(tl, args.event_id)
    texts = load_texts(tl, path.parent)
    if args.json:
        sys.stdout.write(json.dumps(_event_json(e), ensure_ascii=False) + "\n")
        return 0
    from rich.text import Text
    console = _console() if sys.stdout.isatty() else None
    lines: list = [Text.assemble((e.date, "bold"), "  ", (clean_display(e.title), "bold"))]
    if e.note:
        lines.append(Text("note: " + clean_display(e.note), style="italic"))
    for n, ev in enumerate(e.evidence, 1):
        src = tl.source(ev.source)
        head = f"[{n}] {src.outlet or src.id if src else ev.source} — {src.title if src else ''}"
        if src and src.published:
            head += f" ({src.published}, {src.published_from})"
        lines.append(Text(clean_display(head), style="cyan"))
        text = texts.get(ev.source)
        if text is not None and text[ev.start:ev.end] == ev.quote:
            before, quote, after = context_around(text, ev.start, ev.end, floor=body_start(text))
            lines.append(Text.assemble("    " + (f"…{clean_display(before)} " if before else ""),
                                       (clean_display(quote), "bold"),
                                       f" {clean_display(after)}…" if after else ""))
        else:
            lines.append(Text("    " + clean_display(ev.quote) + ("  (stale)" if ev.stale or text else "")))
    for line in lines:
        if console:
            console.print(line)
        else:
            sys.stdout.write(line.plain + "\n")
    return 0


def add_reader_commands(sub) -> None:
    common = dict(metavar="TIMELINE", nargs="?", default=None, help="timeline YAML (default: ./timeline.yaml)")
    lst = sub.add_parser("list", help="list events (a table on a terminal, tab-separated when piped)")
    lst.add_argument("timeline", **common)
    lst.add_argument("--since", metavar="DATE", help="only events on or after DATE (2017, 2017-05, 2017-05-22); a month or year "
                     "event only when all of it is")
    lst.add_argument("--until", metavar="DATE", help="only events on or before DATE (the end of a month or year DATE)")
    lst.add_argument("--source", metavar="ID", help="only events with evidence from this source id")
    lst.add_argument("--grep", metavar="WORDS", help="only events matching all these words")
    lst.add_argument("--include-hidden", action="store_true", help="also list hidden events")
    lst.add_argument("--json", action="store_true", help="JSON lines, one event per line")
    lst.set_defaults(func=cmd_list)

    se = sub.add_parser("search", help="events matching all WORDS, with the words highlighted; exit 1 if none")
    se.add_argument("words", nargs="+", metavar="WORDS")
    se.add_argument("--timeline", "-t", default=None, metavar="FILE", help="default: ./timeline.yaml")
    se.add_argument("--include-hidden", action="store_true")
    se.add_argument("--json", action="store_true", help="JSON lines, one event per line")
    se.set_defaults(func=cmd_search)

    sh = sub.add_parser("show", help="one event with all its evidence in context")
    sh.add_argument("event_id", metavar="EVENT_ID", help="an id, or enough of one to tell it apart (\"bombing-in-manchester\")")
    sh.add_argument("timeline", **common)
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(func=cmd_show)

    from .export import add_export_command
    add_export_command(sub)
