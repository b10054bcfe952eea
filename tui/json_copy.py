"""The JSON copy of a big timeline beside it (`.nato-timeline/timeline.yaml.json`).

Parsing YAML in Python is slow for big timelines, libyaml or not: the copy holds the
checked timeline as JSON lines, keyed by the file's hash, and is safe to delete.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from dataclasses import fields
from pathlib import Path

from .atomic import write_atomic
from .cache import CACHE_DIR
from .model import DeletedQuote, Event, Evidence, Source, Timeline

JSON_COPY_BYTES = 1_000_000  # files bigger than this get a JSON copy for loading
_SOURCE_FIELDS = tuple(f.name for f in fields(Source))

def _cache_path(path: Path) -> Path:
    return path.parent / CACHE_DIR / (path.name + ".json")


_CACHE_FORMAT = 6


# YAML reads an unquoted 2017-05-22 in hand-added data as a date; JSON has no dates. The copy
# writes one as {"!date": "2017-05-22"} and turns it back, so a load from the copy gives what
# a load from the YAML gives. Any other value JSON cannot hold (a set, bytes) means no copy.
_TAGGED = {"!date": dt.date.fromisoformat, "!datetime": dt.datetime.fromisoformat}


def _json_default(value):
    if isinstance(value, dt.datetime):
        return {"!datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"!date": value.isoformat()}
    raise TypeError(f"no JSON for {type(value).__name__}")


def _untag(d: dict):
    if len(d) == 1:
        ((key, value),) = d.items()
        if key in _TAGGED and isinstance(value, str):
            return _TAGGED[key](value)
    return d


def _json_loads(line: str | bytes):
    """`json.loads`, with tagged dates turned back into dates (looked for only where present)."""
    tagged = (b'{"!date' if isinstance(line, bytes) else '{"!date') in line
    return json.loads(line, object_hook=_untag) if tagged else json.loads(line)


def source_from_line(line: str | bytes) -> Source:
    return Source(**_json_loads(line))


def event_from_line(line: str | bytes) -> Event:
    e = _json_loads(line)
    return Event(id=e[0], date=e[1], title=e[2], note=e[3], hidden=e[4], orphaned=e[5], fingerprint=e[6],
                 manual=e[6] is None, extra=e[7], evidence=[Evidence(*ev) for ev in e[8]])


def read_cache(path: Path, digest: str) -> Timeline | None:
    """The timeline of `path` from the load cache, if it was made from these very bytes."""
    try:
        with open(_cache_path(path), encoding="utf-8") as f:
            top = _json_loads(f.readline())
            if not _made_from(top, digest):
                return None
            sources = [source_from_line(f.readline()) for _ in range(top["sources"])]
            events = [event_from_line(line) for line in f]
        if len(events) != top["events"]:
            return None  # cut short
        return Timeline(sources=sources, events=events, title=top["title"], version=top["version"],
                        extra=top["extra"], deleted=[DeletedQuote(*d) for d in top["deleted"]])
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None  # no cache, an old one, or a damaged one: parse the YAML


def _made_from(head: dict, digest: str | None) -> bool:
    """Whether a load cache with this head line was made from the bytes with `digest` (None:
    from any bytes) by this version of the copy."""
    return (digest is None or head.get("sha256") == digest) and head.get("format") == _CACHE_FORMAT


# The load cache is a head line, then a line per source, then a line per event: a rebuild
# replaces the few lines that changed and copies the rest. The head's "items" holds the digest
# of the YAML item each line was made from (`yaml_items.item_digest`), so that a load after a
# hand edit parses only the items whose bytes changed.

def json_line(e: Event) -> str:
    return json.dumps([e.id, e.date, e.title, e.note, e.hidden, e.orphaned, e.fingerprint, e.extra,
                       [[ev.source, ev.start, ev.end, ev.quote, ev.timex, ev.stale, ev.extra] for ev in e.evidence]],
                      ensure_ascii=False, default=_json_default) + "\n"


def json_source_line(s: Source) -> str:
    return json.dumps({f: getattr(s, f) for f in _SOURCE_FIELDS}, ensure_ascii=False, default=_json_default) + "\n"


def json_head(digest: str, tl: Timeline, events: int, items: list[str] | None = None) -> str:
    head = {"sha256": digest, "format": _CACHE_FORMAT, "title": tl.title, "version": tl.version,
            "extra": tl.extra, "deleted": [[d.source, d.quote, d.timex] for d in tl.deleted],
            "sources": len(tl.sources), "events": events}
    if items is not None:
        head["items"] = items
    return json.dumps(head, ensure_ascii=False, default=_json_default) + "\n"


def write_json_copy(path: Path, head: str, lines: list[str] | bytes) -> bool:
    """Keep the checked timeline as JSON lines beside the file: parsing YAML in Python is slow
    for big timelines (libyaml or not). The copy is keyed by the file's hash and safe to delete.
    `lines` is one JSON line per source and event, or all of them as bytes."""
    try:
        cache = _cache_path(path)
        cache.parent.mkdir(exist_ok=True)
        body = lines if isinstance(lines, bytes) else "".join(lines).encode("utf-8")
        write_atomic(cache, head.encode("utf-8") + body, backup=False)
        return True
    except (OSError, TypeError, ValueError):
        return False  # a read-only folder or odd hand-added data: no copy, still correct


def read_json_copy(path: Path, digest: str | None) -> tuple[dict, bytes] | None:
    """(head, source and event lines as bytes) of the load cache made from the bytes with `digest`
    (None: whatever bytes it was made from)."""
    try:
        data = _cache_path(path).read_bytes()
        end = data.index(b"\n") + 1
        top = json.loads(data[:end])
        return (top, data[end:]) if _made_from(top, digest) else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def line_offsets(body: bytes) -> list[int]:
    """Where each line of `body` starts, and its end."""
    return [0] + [m.end() for m in re.finditer(b"\n", body)]


def drop_json_copy(path: Path) -> None:
    with contextlib.suppress(OSError):
        _cache_path(path).unlink()


def write_cache(path: Path, digest: str, tl: Timeline, items: list[str] | None = None) -> None:
    """Write the copy of `tl`, read from the bytes with `digest`; `items`: the digests of the YAML
    items its sources and events were read from, when each one means the same on its own."""
    try:
        lines = [json_source_line(s) for s in tl.sources] + [json_line(e) for e in tl.events]
    except (TypeError, ValueError):
        return
    if items is not None and len(items) != len(lines):
        items = None
    write_json_copy(path, json_head(digest, tl, len(tl.events), items), lines)

