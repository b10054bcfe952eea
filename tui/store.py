"""timeline.yaml: safe loading with checked shape, atomic writing, and merging hand edits.

The file is the user's as much as ours. Loading never constructs objects (safe
loader only) and rejects a wrong shape with a one-line message naming the place.
Writing goes to a temporary file that replaces the old one in one rename, after
the old one is kept as `.bak`. A rebuild merges into what is on disk: titles,
dates, notes, `hidden`, added events and given publication dates survive.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import fields, replace
from functools import lru_cache
from pathlib import Path

import yaml

from . import deleted, json_copy, regroup
from .atomic import write_atomic
from .collector import collector_paused
from .model import PUBLISHED_FROM, DeletedQuote, Event, Evidence, Source, Timeline
from .temporal import values as V
from .yaml_items import item_digests, item_spans, section_bounds, split_items

try:  # libyaml is an order of magnitude faster on big timelines
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class TimelineError(Exception):
    """A timeline file that cannot be used; str() is one line for the user."""


_REF_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
_SOURCE_FIELDS = tuple(f.name for f in fields(Source))
_SOURCE_KEYS = set(_SOURCE_FIELDS) - {"extra"}
_EVIDENCE_KEYS = {f.name for f in fields(Evidence)} - {"extra"}
_EVENT_KEYS = {f.name for f in fields(Event)} - {"extra"}


def fingerprint(title: str, date: str) -> str:
    """Marks what the builder wrote, so that any later difference is known to be a person's edit."""
    return hashlib.sha1(f"{title}\x00{date}".encode()).hexdigest()[:10]


def built_fingerprint(event: Event, taken_out: bool = False) -> str:
    """What the builder wrote: its title and date, then (after the dot) its grouping, or, for
    what was `taken_out` of an event by a person, a grouping that is not the builder's."""
    grouping = regroup.NOTHING_BUILT if taken_out else regroup.evidence_digest(event.evidence)
    return regroup.with_grouping(fingerprint(event.title, event.date), grouping)


def is_edited(event: Event) -> bool:
    """Its title or date is a person's."""
    return event.fingerprint is None or regroup.title_part(event.fingerprint) != fingerprint(event.title, event.date)


def published_by_hand(source: Source) -> bool:
    """A publication date the user set: marked `given`, or changed since the build wrote it."""
    if not source.published:
        return False
    if source.published_from == "given":
        return True
    return deleted.with_told(source.fingerprint, None) != fingerprint(source.published, source.published_from or "")


_VALID_DATES: dict[str, bool] = {}


def valid_date_value(value: str) -> bool:
    ok = _VALID_DATES.get(value)
    if ok is None:
        ok = _VALID_DATES[value] = value in _REF_VALUES or V.is_calendar(value)
    return ok


# --- loading ----------------------------------------------------------------------------------

def _as_text(value, where: str, required: bool = True) -> str | None:
    if value is None:
        if required:
            raise TimelineError(f"{where}: missing")
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    raise TimelineError(f"{where}: expected text, found {type(value).__name__}")


def _as_int(value, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TimelineError(f"{where}: expected a whole number, found {value!r}"[:200])
    return value


def _as_bool(value, where: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise TimelineError(f"{where}: expected true or false, found {value!r}"[:200])
    return value


def _mapping(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise TimelineError(f"{where}: expected a mapping (key: value), found {type(value).__name__}")
    return value


def _list(value, where: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise TimelineError(f"{where}: expected a list, found {type(value).__name__}")
    return value


def from_data(data, name: str = "timeline.yaml") -> Timeline:
    """A Timeline from parsed YAML, checking its shape; raises TimelineError."""
    top = _mapping(data, name)
    tl = Timeline(title=_as_text(top.get("title"), f"{name}: title", required=False),
                  version=top.get("version", 1) if isinstance(top.get("version", 1), int) else 1,
                  extra={k: v for k, v in top.items() if k not in ("version", "title", "deleted", "sources", "events")},
                  deleted=_deleted_quotes(top.get("deleted"), name))
    seen_sources: set[str] = set()
    for i, raw in enumerate(_list(top.get("sources"), f"{name}: sources")):
        where = f"{name}: sources[{i}]"
        if type(raw) is Source:  # from the JSON copy, read from the same bytes: checked then
            if raw.id in seen_sources:
                raise TimelineError(f"{where}.id: duplicate source id {raw.id!r}")
            seen_sources.add(raw.id)
            tl.sources.append(raw)
            continue
        raw = _mapping(raw, where)
        sid = _as_text(raw.get("id"), f"{where}.id")
        if sid in seen_sources:
            raise TimelineError(f"{where}.id: duplicate source id {sid!r}")
        seen_sources.add(sid)
        published = _as_text(raw.get("published"), f"{where}.published", required=False)
        if published is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
            raise TimelineError(f"{where}.published: not a date (YYYY-MM-DD): {published!r}")
        if published is not None:
            try:
                dt.date.fromisoformat(published)
            except ValueError:
                raise TimelineError(f"{where}.published: not a real date: {published!r}") from None
        how = _as_text(raw.get("published_from"), f"{where}.published_from", required=False)
        if how is not None and how not in PUBLISHED_FROM:
            raise TimelineError(f"{where}.published_from: must be one of {', '.join(PUBLISHED_FROM)}")
        tl.sources.append(Source(
            id=sid, path=_as_text(raw.get("path"), f"{where}.path"),
            title=_as_text(raw.get("title"), f"{where}.title", required=False) or sid,
            outlet=_as_text(raw.get("outlet"), f"{where}.outlet", required=False),
            url=_as_text(raw.get("url"), f"{where}.url", required=False),
            published=published, published_from=how,
            sha256=_as_text(raw.get("sha256"), f"{where}.sha256", required=False),
            fingerprint=_as_text(raw.get("fingerprint"), f"{where}.fingerprint", required=False),
            extra={k: v for k, v in raw.items() if k not in _SOURCE_KEYS}))
    seen_events: set[str] = set()
    for i, raw in enumerate(_list(top.get("events"), f"{name}: events")):
        if type(raw) is Event:  # from the JSON copy: only what other items change is checked again
            _check_against_others(raw, seen_sources, seen_events, name)
            seen_events.add(raw.id)
            tl.events.append(raw)
            continue
        fast = _event_fast(raw, seen_sources, seen_events)
        if fast is not None:
            seen_events.add(fast.id)
            tl.events.append(fast)
            continue
        where = f"{name}: events[{i}]"
        raw = _mapping(raw, where)
        eid = _as_text(raw.get("id"), f"{where}.id")
        where = f"{name}: event {eid}"
        if eid in seen_events:
            raise TimelineError(f"{where}: duplicate event id")
        seen_events.add(eid)
        date = _as_text(raw.get("date"), f"{where}: date")
        if not valid_date_value(date):
            raise TimelineError(f"{where}: date {date!r} is not a date (use 2017-05-22, 2017-05, 2017, 2017-W21 …)")
        evidence = []
        for j, ev in enumerate(_list(raw.get("evidence"), f"{where}: evidence")):
            ew = f"{where}: evidence[{j}]"
            ev = _mapping(ev, ew)
            src = _as_text(ev.get("source"), f"{ew}.source")
            if src not in seen_sources:
                raise TimelineError(f"{ew}.source: unknown source {src!r}")
            start, end = _as_int(ev.get("start"), f"{ew}.start"), _as_int(ev.get("end"), f"{ew}.end")
            if not 0 <= start <= end:
                raise TimelineError(f"{ew}: offsets {start}..{end} are not a span")
            evidence.append(Evidence(source=src, start=start, end=end,
                                     quote=_as_text(ev.get("quote"), f"{ew}.quote", required=False) or "",
                                     timex=_as_text(ev.get("timex"), f"{ew}.timex", required=False),
                                     stale=_as_bool(ev.get("stale"), f"{ew}.stale"),
                                     extra={k: v for k, v in ev.items() if k not in _EVIDENCE_KEYS}))
        fp = _as_text(raw.get("fingerprint"), f"{where}.fingerprint", required=False)
        tl.events.append(Event(
            id=eid, date=date, title=_as_text(raw.get("title"), f"{where}.title", required=False) or eid,
            evidence=evidence, note=_as_text(raw.get("note"), f"{where}.note", required=False),
            hidden=_as_bool(raw.get("hidden"), f"{where}.hidden"), manual=fp is None,
            orphaned=_as_bool(raw.get("orphaned"), f"{where}.orphaned"), fingerprint=fp,
            extra={k: v for k, v in raw.items() if k not in _EVENT_KEYS}))
    return tl


def _deleted_quotes(value, name: str) -> list[DeletedQuote]:
    out = []
    for i, raw in enumerate(_list(value, f"{name}: deleted")):
        where = f"{name}: deleted[{i}]"
        raw = _mapping(raw, where)
        out.append(DeletedQuote(_as_text(raw.get("source"), f"{where}.source"), _as_text(raw.get("quote"), f"{where}.quote"),
                                _as_text(raw.get("timex"), f"{where}.timex", required=False)))
    return out


def _check_against_others(e: Event, sources: set[str], seen: set[str], name: str) -> None:
    """The checks of an event that depend on the rest of the file, with the messages the
    checked path gives."""
    if e.id in seen:
        raise TimelineError(f"{name}: event {e.id}: duplicate event id")
    for j, ev in enumerate(e.evidence):
        if ev.source not in sources:
            raise TimelineError(f"{name}: event {e.id}: evidence[{j}].source: unknown source {ev.source!r}")


_FAST_EVENT_KEYS = frozenset({"id", "date", "title", "evidence", "fingerprint", "note", "hidden", "orphaned"})
_FAST_EVIDENCE_KEYS = frozenset({"source", "start", "end", "quote", "timex", "stale"})


def _event_fast(raw, sources: set[str], seen: set[str]) -> Event | None:
    """The common, well-formed event without building error messages; None sends it to the
    checked path, which names exactly what is wrong."""
    if type(raw) is not dict or not raw.keys() <= _FAST_EVENT_KEYS:
        return None
    eid, date, title = raw.get("id"), raw.get("date"), raw.get("title")
    fp, note = raw.get("fingerprint"), raw.get("note")
    hidden, orphaned = raw.get("hidden", False), raw.get("orphaned", False)
    if (type(eid) is not str or eid in seen or type(date) is not str or not valid_date_value(date)
            or type(title) is not str or (fp is not None and type(fp) is not str)
            or (note is not None and type(note) is not str) or type(hidden) is not bool
            or type(orphaned) is not bool):
        return None
    evidence = []
    for ev in raw.get("evidence") or ():
        if type(ev) is not dict or not ev.keys() <= _FAST_EVIDENCE_KEYS:
            return None
        src, start, end, quote = ev.get("source"), ev.get("start"), ev.get("end"), ev.get("quote", "")
        timex, stale = ev.get("timex"), ev.get("stale", False)
        if (src not in sources or type(start) is not int or type(end) is not int or not 0 <= start <= end
                or type(quote) is not str or (timex is not None and type(timex) is not str)
                or type(stale) is not bool):
            return None
        evidence.append(Evidence(src, start, end, quote, timex, stale))
    if raw.get("evidence") is not None and type(raw.get("evidence")) is not list:
        return None
    return Event(id=eid, date=date, title=title, evidence=evidence, note=note, hidden=hidden,
                 manual=fp is None, orphaned=orphaned, fingerprint=fp)


def loads(text: str, name: str = "timeline.yaml") -> Timeline:
    data = _parse(text, name)
    if data is None:
        return Timeline()
    return from_data(data, name)


def _parse(text: str, name: str):
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        raise TimelineError(f"{where}: malformed YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise TimelineError(f"{name}: malformed YAML: {str(exc).splitlines()[0]}") from None
    return data


# A file as `save` lays it out ends with its events, one item per "- " at the left margin: they
# are parsed this many at a time, because PyYAML (libyaml too) first builds a node for every
# scalar of the whole document: 1.1 GB for the 38,000 events of a 20,000-article timeline.
_ITEMS_PER_PIECE = 2000


def _parse_in_pieces(text: str, raw: bytes, name: str, spans: list | None = None):
    """What `_parse(text)` gives, and whether it was parsed a few thousand events at a time,
    which is done when the file is laid out as `save` writes it (`raw`: its bytes; `spans`: its
    items, when already found). Anything else (an alias between events, a key after them, a
    mistake) is parsed whole, so that the answer and any error message are the whole parse's."""
    if spans is None:
        bounds = section_bounds(raw) if len(raw) > json_copy.JSON_COPY_BYTES else None
        spans = item_spans(raw, bounds) if bounds else []
    events = [(a, b) for key, a, b in spans if key == "events"]
    if not events:
        return _parse(text, name), False
    try:
        head = raw[:events[0][0] - len(b"events:\n")].decode("utf-8-sig") + "events: []\n"
        data = yaml.load(head, Loader=_Loader)  # noqa: S506 - a safe loader
        if not isinstance(data, dict) or data.get("events") != []:
            return _parse(text, name), False
        for first in range(0, len(events), _ITEMS_PER_PIECE):
            last = events[min(first + _ITEMS_PER_PIECE, len(events)) - 1]
            piece = yaml.load(raw[events[first][0]:last[1]].decode("utf-8"), Loader=_Loader)  # noqa: S506
            if not isinstance(piece, list):
                return _parse(text, name), False
            data["events"].extend(piece)
    except yaml.YAMLError:
        return _parse(text, name), False
    return data, True


def _load_edited(path: Path, raw: bytes, bounds: tuple[int, int], spans: list, name: str
                 ) -> tuple[Timeline, bytes, list[str]] | None:
    """A big timeline a person edited: the items whose bytes are those a JSON copy was made
    from are taken from it, and only the others are parsed, one by one. Returns the timeline,
    its copy's lines and the items' digests; None when there is no such copy or an item does not
    stand on its own. The caller then parses the whole file, so every answer and every error
    message is the whole parse's."""
    copy = json_copy.read_json_copy(path, None)
    if copy is None or not copy[0].get("items"):
        return None
    (head, body), digests = copy, item_digests(raw, spans)
    old, lines, n = head["items"], body.split(b"\n"), head["sources"]
    if len(old) != len(lines) - 1 or not 0 <= n <= len(old):
        return None
    at = {"sources": {d: i for i, d in enumerate(old[:n]) if d}, "events": {d: i for i, d in enumerate(old[n:], n) if d}}
    from_line = {"sources": json_copy.source_from_line, "events": json_copy.event_from_line}
    try:
        top = yaml.load(raw[:bounds[0] - len(b"sources:\n")].decode("utf-8-sig") + "sources: []\nevents: []\n",
                        Loader=_Loader)  # noqa: S506 - a safe loader
        if not isinstance(top, dict) or top.get("sources") != [] or top.get("events") != []:
            return None
        new_lines: list[bytes | None] = []
        for (key, a, b), digest in zip(spans, digests):
            i = at[key].get(digest)
            if i is not None:
                top[key].append(from_line[key](lines[i]))
                new_lines.append(lines[i] + b"\n")
                continue
            item = yaml.load(raw[a:b].decode("utf-8"), Loader=_Loader)  # noqa: S506 - a safe loader
            if type(item) is not list or len(item) != 1:
                return None
            top[key].append(item[0])
            new_lines.append(None)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError, TypeError, IndexError, KeyError):
        return None  # a changed item that needs the rest of the file, or a damaged copy
    tl = from_data(top, name)
    made = tl.sources + tl.events
    try:
        for k, line in enumerate(new_lines):
            if line is None:
                x = made[k]
                new_lines[k] = (json_copy.json_source_line(x) if k < len(tl.sources) else json_copy.json_line(x)).encode("utf-8")
    except (TypeError, ValueError):
        return tl, b"", []  # hand-added data JSON cannot hold: no copy
    return tl, b"".join(new_lines), digests


def load(path: Path, use_cache: bool = True) -> Timeline:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise TimelineError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise TimelineError(f"{path}: is a directory, not a timeline file") from None
    except PermissionError:
        raise TimelineError(f"{path}: permission denied") from None
    digest = hashlib.sha256(raw).hexdigest()
    if use_cache:
        with collector_paused():  # a million new objects that are all kept: nothing to collect
            cached = json_copy.read_cache(path, digest)
        if cached is not None:
            return cached
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TimelineError(f"{path}: not a UTF-8 text file") from None
    big = len(raw) > json_copy.JSON_COPY_BYTES
    bounds = section_bounds(raw) if big else None
    with collector_paused():  # 40 MB of YAML are millions of nodes: half the time went to the collector
        spans = item_spans(raw, bounds) if bounds else []
        edited = _load_edited(path, raw, bounds, spans, str(path)) if use_cache and bounds else None
        if edited is not None:
            tl, lines, digests = edited
            if digests:
                json_copy.write_json_copy(path, json_copy.json_head(digest, tl, len(tl.events), digests), lines)
            else:
                json_copy.drop_json_copy(path)
            return tl
        data, in_pieces = _parse_in_pieces(text, raw, str(path), spans)
        if data is None:
            return Timeline()
        tl = from_data(data, str(path))
    if use_cache and big:
        json_copy.write_cache(path, digest, tl, item_digests(raw, spans) if in_pieces else None)
    return tl


# --- writing ------------------------------------------------------------------------------------

_EMPTY = (None, False, [], {})  # what `to_data` leaves out


def _drop_empty(d: dict) -> dict:
    return {k: v for k, v in d.items() if v not in _EMPTY}


def to_data(tl: Timeline) -> dict:
    data: dict = {"version": tl.version}
    if tl.title:
        data["title"] = tl.title
    data.update(tl.extra)
    if tl.deleted:
        data["deleted"] = [_drop_empty({"source": d.source, "quote": d.quote, "timex": d.timex}) for d in tl.deleted]
    data["sources"] = [
        {**_drop_empty({"id": s.id, "path": s.path, "title": s.title}),
         "outlet": s.outlet, **_drop_empty({"url": s.url}),
         "published": s.published, "published_from": s.published_from,
         **_drop_empty({"sha256": s.sha256}), **s.extra, **_drop_empty({"fingerprint": s.fingerprint})}
        for s in tl.sources]
    data["events"] = []
    for e in tl.events:
        item = _drop_empty({"id": e.id, "date": e.date, "title": e.title, "note": e.note,
                            "hidden": e.hidden, "orphaned": e.orphaned})
        item["evidence"] = [
            {**_drop_empty({"source": ev.source}), "start": ev.start, "end": ev.end, "quote": ev.quote,
             **_drop_empty({"timex": ev.timex, "stale": ev.stale}), **ev.extra}
            for ev in e.evidence]
        item.update(e.extra)
        if e.fingerprint:
            item["fingerprint"] = e.fingerprint
        data["events"].append(item)
    return data


def dumps(tl: Timeline) -> str:
    return yaml.dump(to_data(tl), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     width=100, default_flow_style=False)


# Above this many events, timeline.yaml is written by `fast_dump` (PyYAML's emitter takes
# seconds per 10,000 events); below it, by PyYAML for the friendliest layout.
FAST_DUMP_EVENTS = 5000
_UNSAFE_IN_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


_quoted = json.encoder.encode_basestring  # the C encoder behind json.dumps, without its set-up


def _scalar(value) -> str:
    """A YAML scalar for a plain value: JSON's double-quoted strings are valid YAML, with the
    characters YAML does not allow raw written as escapes."""
    if value.__class__ is str:
        text = _quoted(value)
        return _UNSAFE_IN_YAML.sub(_escape, text) if _UNSAFE_IN_YAML.search(text) else text
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    text = _quoted(str(value))
    return _UNSAFE_IN_YAML.sub(_escape, text)


def _escape(m: re.Match) -> str:
    return f"\\u{ord(m.group(0)):04x}"


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


@lru_cache(maxsize=4096)
def _key(k) -> str:
    """A mapping key, bare when YAML reads it back as the same string, else quoted."""
    k = str(k)
    return k if _PLAIN_KEY.fullmatch(k) and k.lower() not in _YAML_WORDS else _scalar(k)


def _emit(value, indent: str, out: list[str]) -> None:
    if isinstance(value, dict):
        if not value:
            out[-1] += " {}"
        for k, v in value.items():
            key = _key(k)
            if isinstance(v, (dict, list)) and v:
                out.append(f"{indent}{key}:")
                _emit(v, indent + "  ", out)
            else:
                out.append(f"{indent}{key}: {_scalar(v) if not isinstance(v, (dict, list)) else ('{}' if isinstance(v, dict) else '[]')}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and item:
                first = True
                for k, v in item.items():
                    key = _key(k)
                    lead = f"{indent}- " if first else f"{indent}  "
                    first = False
                    if isinstance(v, (dict, list)) and v:
                        out.append(f"{lead}{key}:")
                        _emit(v, indent + "    " if isinstance(v, dict) else indent + "  ", out)
                    else:
                        out.append(f"{lead}{key}: {_scalar(v) if not isinstance(v, (dict, list)) else ('{}' if isinstance(v, dict) else '[]')}")
            elif isinstance(item, (dict, list)):
                # A list in a list (only ever in hand-added data): JSON flow style is valid YAML.
                flow = json.dumps(item, ensure_ascii=False)
                out.append(f"{indent}- " + _UNSAFE_IN_YAML.sub(_escape, flow))
            else:
                out.append(f"{indent}- {_scalar(item)}")


def fast_dump(data: dict) -> str:
    """Block-style YAML of plain data (dicts, lists, strings, numbers, booleans, None)."""
    if not data:
        return "{}\n"
    out: list[str] = []
    for k, v in data.items():
        if isinstance(v, (dict, list)) and v:
            out.append(f"{_key(k)}:")
            _emit(v, "  " if isinstance(v, dict) else "", out)
        else:
            out.append(f"{_key(k)}: {_scalar(v) if not isinstance(v, (dict, list)) else ('{}' if isinstance(v, dict) else '[]')}")
    return "\n".join(out) + "\n"


def uses_fast_dump(events: int) -> bool:
    return events > FAST_DUMP_EVENTS


def dumps_for_save(tl: Timeline) -> str:
    if uses_fast_dump(len(tl.events)) and tl.events:
        # The events a thousand at a time: their dicts and lines never all exist at once.
        head = fast_dump(to_data(replace(tl, events=[])))  # ends "events: []\n": events are last
        chunks = [head[:-len(" []\n")] + "\n"]
        for i in range(0, len(tl.events), 1000):
            chunks.extend(event_items(tl.events[i:i + 1000], len(tl.events)))
        return "".join(chunks)
    data = to_data(tl)
    if uses_fast_dump(len(tl.events)):
        return fast_dump(data)
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


def save(tl: Timeline, path: Path) -> bytes:
    """Write `tl` to `path` (atomically, keeping a .bak) and return the bytes written."""
    data = dumps_for_save(tl).encode("utf-8")
    try:
        if os.path.getsize(path) == len(data) and Path(path).read_bytes() == data:
            return data  # nothing changed: keep the file, its date and its .bak as they are
    except OSError:
        pass
    write_atomic(path, data)
    if len(data) > json_copy.JSON_COPY_BYTES:
        bounds = section_bounds(data)
        json_copy.write_cache(Path(path), hashlib.sha256(data).hexdigest(), tl,
                              item_digests(data, item_spans(data, bounds)) if bounds else None)
    return data


def event_items(events: list[Event], total: int) -> list[str]:
    """The `events:` items for `events`, exactly as `save` writes them in a timeline of `total`."""
    if not uses_fast_dump(total):
        return _items(to_data(Timeline(events=events))["events"], total)
    return [_plain_event_item(e) or _items(to_data(Timeline(events=[e]))["events"], total)[0] for e in events]


def _plain_event_item(e: Event) -> str | None:
    """What `_emit` writes for an event of plain fields, without its dicts: a third of the time
    for the 30,000 events of a big build. None for an event with fields added by hand."""
    if e.extra or any(x.extra for x in e.evidence) or not all(
            isinstance(v, str) for v in (e.id, e.date, e.title, e.note or "", e.fingerprint or "")) \
            or type(e.hidden) is not bool or type(e.orphaned) is not bool:
        return None
    out = []
    lead = "- "
    for key, v in (("id", e.id), ("date", e.date), ("title", e.title), ("note", e.note),
                   ("hidden", e.hidden), ("orphaned", e.orphaned)):
        if v not in _EMPTY:
            out.append(f"{lead}{key}: {_scalar(v)}")
            lead = "  "
    if not e.evidence:
        out.append(f"{lead}evidence: []")
    else:
        out.append(f"{lead}evidence:")
    for x in e.evidence:
        if not (isinstance(x.source, str) and isinstance(x.quote, str) and type(x.start) is int
                and type(x.end) is int and isinstance(x.timex or "", str) and type(x.stale) is bool):
            return None
        if x.source not in _EMPTY:
            out.append(f"  - source: {_scalar(x.source)}\n    start: {x.start}")
        else:
            out.append(f"  - start: {x.start}")
        out.append(f"    end: {x.end}\n    quote: {_scalar(x.quote)}")
        if x.timex not in _EMPTY:
            out.append(f"    timex: {_scalar(x.timex)}")
        if x.stale not in _EMPTY:
            out.append(f"    stale: {_scalar(x.stale)}")
    if e.fingerprint:
        out.append(f"  fingerprint: {_scalar(e.fingerprint)}")
    out.append("")
    return "\n".join(out)


def source_items(sources: list[Source], total: int) -> list[str]:
    return _items(to_data(Timeline(sources=sources))["sources"], total)


def _items(data: list, total: int) -> list[str]:
    if not data:
        return []
    if uses_fast_dump(total):
        out: list[str] = []
        _emit(data, "", out)
        text = "\n".join(out) + "\n"
    else:
        text = yaml.dump({"x": data}, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                         default_flow_style=False)[3:]
    return split_items(text)


# --- merging a rebuild into what is on disk ---------------------------------------------------

def merge(old: Timeline | None, new: Timeline, held: regroup.Held | None = None) -> Timeline:
    """`new` (freshly built) with every hand edit of `old` carried over. `held`: the evidence
    old events hold (`regroup`), already taken out of `new` by the builder."""
    if old is None:
        return new
    merged = Timeline(sources=list(new.sources), title=old.title or new.title, version=new.version,
                      extra=dict(old.extra), deleted=new.deleted)
    old_sources = {s.path: s for s in old.sources}
    for s in merged.sources:
        carry_source(old_sources.get(s.path), s)
    held = held or regroup.Held.of(old.events)
    out = merge_events(old.events, new.events, held)
    n = len(new.events)
    if held.remnants:  # events taken out of others are held from now on: placed as held ones are
        taken_out = [e for e in out[:n] if regroup.grouping_part(e.fingerprint) == regroup.NOTHING_BUILT]
        out = [e for e in out[:n] if regroup.grouping_part(e.fingerprint) != regroup.NOTHING_BUILT] \
            + out[n:] + taken_out
        n -= len(taken_out)
    new_source_ids = {s.id for s in merged.sources}
    for e in out[n:]:
        if e.id in held.holding and not e.manual and e.evidence:  # regrouped: orphaned when its articles are gone
            e.orphaned = not any(ev.source in new_source_ids for ev in e.evidence)
    for e in out[n:]:
        for ev in e.evidence:
            if ev.source not in new_source_ids:
                src = old.source(ev.source)
                if src is not None:
                    merged.sources.append(src)
                    new_source_ids.add(src.id)
    unique_ids(out[n:] + out[:n])  # the events kept from `old` keep their ids
    merged.events = sorted(out, key=lambda e: V.sort_key(e.date))  # stable: builder order within a date
    return merged


def fresh_sources(old: Timeline | None, new_sources: list[Source]) -> frozenset:
    """Ids of the sources added or changed since `old` was built: their tellings are news."""
    before = {s.path: s.sha256 for s in old.sources} if old else {}
    return frozenset(s.id for s in new_sources if s.path not in before or before[s.path] != s.sha256)


def carry_source(before: Source | None, s: Source) -> None:
    """Keep what a person added to a source: unknown keys and a publication date set by hand."""
    if before is None:
        return
    s.extra = {**before.extra, **s.extra}
    if published_by_hand(before):
        s.published, s.published_from = before.published, "given"
        s.fingerprint = deleted.with_told(None, deleted.told_part(s.fingerprint))


def merge_events(old_events: list[Event], new_events: list[Event], held: regroup.Held) -> list[Event]:
    """The new events, each taking the id and the hand edits of the old event it retells most,
    then the old events worth keeping that none retells (added by hand, or edited: orphaned),
    and those holding their evidence (`held`: `regroup.Held.of(old_events)`) as a person left them."""
    # A sentence can support two events through two dates ("in April … earlier this year"),
    # so a piece of evidence is the sentence *and* the date expression it was read for.
    by_evidence: dict[tuple, list[Event]] = {}
    for e in old_events:
        if e.id in held.holding:
            continue
        for ev in e.evidence:
            for key in ((ev.source, ev.start, ev.end, ev.timex), (ev.source, ev.quote, ev.timex)):
                bucket = by_evidence.setdefault(key, [])
                if e not in bucket:
                    bucket.append(e)
    claimed: set[str] = set()
    old_by_id = {e.id: e for e in old_events}
    out: list[Event] = []
    for e in new_events:
        votes: dict[str, int] = {}
        for ev in e.evidence:
            for key in ((ev.source, ev.start, ev.end, ev.timex), (ev.source, ev.quote, ev.timex)):
                for match in by_evidence.get(key, ()):
                    if match.id not in claimed:
                        votes[match.id] = votes.get(match.id, 0) + 1
        if votes:
            old_id = min(votes, key=lambda k: (-votes[k], k))
            before = old_by_id[old_id]
            claimed.add(old_id)
            e.id = before.id
            if is_edited(before):
                e.title, e.date = before.title, before.date
                # still tells the title apart from the builder's, and records the grouping now
                if before.fingerprint and e.fingerprint:
                    e.fingerprint = regroup.with_grouping(regroup.title_part(before.fingerprint),
                                                          regroup.grouping_part(e.fingerprint))
                else:
                    e.fingerprint = before.fingerprint
            e.note, e.hidden, e.extra = before.note, before.hidden, dict(before.extra)
        out.append(e)
    for e in old_events:
        if e.id in claimed:
            continue
        if e.id in held.holding:
            out.append(held.kept(e))
        elif e.manual or is_edited(e) or e.note or e.hidden or e.extra:
            if not e.manual:
                e.orphaned = True
            out.append(e)
    return out


def unique_ids(events: list[Event]) -> None:
    """A later event whose id is taken gets "-2", "-3" …"""
    used: set[str] = set()
    for e in events:
        base, n = e.id, 2
        while e.id in used:
            e.id, n = f"{base}-{n}", n + 1
        used.add(e.id)


# --- checking a loaded timeline against its source files --------------------------------------

def verify_sources(tl: Timeline, base: Path, texts_out: dict | None = None) -> list[str]:
    """Check each source file against its sha256 and every quote against its offsets.

    Where a file changed, quotes are found again and re-anchored; those that cannot
    be found are marked stale. Returns one-line warnings; the texts read are put in
    `texts_out` (source id -> text) so that callers need not read the files twice.
    """
    from .ingest import ArticleError, read_text
    warnings: list[str] = []
    texts: dict[str, str | None] = {}
    for s in tl.sources:
        path = s.file(base)
        try:
            text, data, _ = read_text(path)
        except ArticleError as exc:
            warnings.append(f"source {s.id}: {exc}")
            texts[s.id] = None
            continue
        texts[s.id] = text
        if texts_out is not None:
            texts_out[s.id] = text
        if s.sha256 and hashlib.sha256(data).hexdigest() != s.sha256:
            warnings.append(f"source {s.id}: {s.path} changed since the timeline was built")
    for e in tl.events:
        for ev in e.evidence:
            text = texts.get(ev.source)
            if text is None:
                ev.stale = True
                continue
            if text[ev.start:ev.end] == ev.quote and ev.end <= len(text):
                continue
            found = text.find(ev.quote) if ev.quote else -1
            if found >= 0:
                ev.start, ev.end = found, found + len(ev.quote)
                ev.stale = False
            else:
                ev.stale = True
                warnings.append(f"event {e.id}: a quote from {ev.source} is no longer in the source (stale)")
    return warnings
