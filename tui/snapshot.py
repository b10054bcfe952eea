"""What a build leaves beside the timeline so that the next one can redo only what changed.

Kept in the build cache (SQLite, one transaction per build, safe to delete):

* per article (`FileState`): where it stands in the build, its source id, its dates,
  and the date values of its mentions;
* per date value (`Block`): its mentions in build order, where each of its coarse
  clusters went (`targets`), which coarse values sent clusters to it (`absorbers`),
  and the events it owns as they were written;
* the order of every event in the file (`entries`), and the events no block owns
  (`loose`: added by hand, or edited and orphaned);
* where each source and event item starts in the file, and each line of its JSON copy.

A snapshot describes one written file: it is used only while that file's hash is
the one recorded, so a hand edit sends the next build down the full path.
"""

from __future__ import annotations

import contextlib
import marshal
import pickle
import sqlite3
import sys
from dataclasses import dataclass, field
from typing import NamedTuple

from .events import Mention, absorbs
from .model import Event
from .temporal import values as V

SCHEMA = """
CREATE TABLE IF NOT EXISTS snapshots (output TEXT PRIMARY KEY, version TEXT, meta BLOB);
CREATE TABLE IF NOT EXISTS blocks (output TEXT, value TEXT, first INTEGER, last INTEGER, data BLOB,
                                   PRIMARY KEY (output, value));
CREATE INDEX IF NOT EXISTS blocks_by_first ON blocks (output, first);
"""


class FileState(NamedTuple):
    """What one article gave the last build (a tuple: 20,000 of them load in milliseconds)."""
    order: int | None = None  # position among the readable articles; None: unreadable
    stat: tuple | None = None  # (size, mtime_ns) when the build looked: the same now, the same file
    given: str | None = None  # a publication date set by hand
    sid: str | None = None
    date: str | None = None
    days: list | tuple = ()
    inferred: bool = False  # its year came from other articles
    values: frozenset = frozenset()  # date values of its mentions
    repeated: bool = False  # one sentence and date expression at two places
    warnings: list | tuple = ()
    late: str | None = None  # "publication date unknown", reported after the others
    error: str | None = None


@dataclass
class Block:
    """One date value: the input of its clusters and what came out of them."""
    inputs: list[Mention]
    targets: list | None = None  # for a coarse value: (day, index) or None per cluster
    absorbers: list = field(default_factory=list)  # for a day: coarse values that joined it
    events: list[Event] = field(default_factory=list)  # owned, in file order


# An entry of the file's event order: (sort key of the date, builder order, id, owning value or
# None, id before the merge, its base, date). Sorting entries gives the order `store.merge` does.
Entry = tuple


@dataclass
class Snapshot:
    output_sha: str
    files: list[str]
    problems: list[str]
    states: dict[str, FileState]
    entries: list[Entry]
    loose: list[Event]
    entangled: bool  # a loose event shares evidence with a built one: merging it needs all events
    sources: int
    # Where each item starts in the file's sources and events lists, and each line in its JSON
    # copy (None: no copy), so that a rebuild copies runs of them without splitting 30 MB.
    source_at: list[int] = field(default_factory=list)
    event_at: list[int] = field(default_factory=list)
    json_at: list[int] | None = None


def entry(e: Event, position: int, built: tuple | None) -> Entry:
    """`built` is (owning value, builder order, id before the merge, base) of a built event."""
    if built is None:
        return (V.sort_key(e.date), (1, position), e.id, None, None, None, e.date)
    value, order, bid, base = built
    return (V.sort_key(e.date), (0, order), e.id, value, bid, base, e.date)


def renumber_loose(entries: list[Entry]) -> list[Entry]:
    """Loose events keep their relative order: a full merge lists them in file order."""
    return [x if x[3] is not None else (x[0], (1, i)) + x[2:] for i, x in enumerate(entries)]


def span_days(value: str) -> tuple[int, int]:
    s = V.span(value)
    return (s[0].toordinal(), s[1].toordinal()) if s else (0, -1)


COARSE_DAYS = 92  # the longest span a value that `absorbs` can have, in days (a winter, 89 to 91)


class SnapshotStore:
    """The snapshot tables in the build cache's database."""

    def __init__(self, db: sqlite3.Connection | None, output: str, version: str) -> None:
        self.db, self.output = db, output
        self.version = f"{version} python {sys.version_info[0]}.{sys.version_info[1]} marshal 2 snapshot 3"
        if db is not None:
            try:
                db.executescript(SCHEMA)
            except sqlite3.Error:
                self.db = None

    def meta(self) -> Snapshot | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT version, meta FROM snapshots WHERE output = ?", (self.output,)).fetchone()
            return _load_meta(row[1]) if row and row[0] == self.version else None
        except (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            return None

    def blocks(self, values) -> dict[str, Block]:
        return self._query("value IN (SELECT value FROM json_each(?))", (_json_list(values),))

    def coarse_over(self, day: int) -> dict[str, Block]:
        """Blocks of values that may send clusters to `day` (`events.absorbs`: a span of up to
        62 days, or a season, up to 91)."""
        return self._query("first BETWEEN ? AND ? AND last >= ? AND last > first AND last - first <= ?",
                           (day - COARSE_DAYS, day, day, COARSE_DAYS), keep=absorbs)

    def days_in(self, first: int, last: int) -> dict[str, Block]:
        return self._query("first BETWEEN ? AND ? AND last = first", (first, last))

    def _query(self, where: str, params: tuple, keep=None) -> dict[str, Block]:
        rows = self.db.execute(f"SELECT value, data FROM blocks WHERE output = ? AND {where}",  # noqa: S608
                               (self.output, *params)).fetchall()
        return {value: pickle.loads(data) for value, data in rows if keep is None or keep(value)}

    def write(self, snap: Snapshot, blocks: dict[str, Block | None], replace: bool) -> None:
        """Store `snap` and `blocks` (None deletes one) in one transaction; `replace` drops the rest."""
        if self.db is None:
            return
        with contextlib.suppress(sqlite3.Error), self.db:
            if replace:
                self.db.execute("DELETE FROM blocks WHERE output = ?", (self.output,))
            gone = [(self.output, v) for v, b in blocks.items() if b is None]
            self.db.executemany("DELETE FROM blocks WHERE output = ? AND value = ?", gone)
            self.db.executemany("INSERT OR REPLACE INTO blocks VALUES (?, ?, ?, ?, ?)",  # streamed: 70 MB
                                ((self.output, v, *span_days(v), pickle.dumps(b, pickle.HIGHEST_PROTOCOL))
                                 for v, b in blocks.items() if b is not None))
            self.db.execute("INSERT OR REPLACE INTO snapshots VALUES (?, ?, ?)",
                            (self.output, self.version, _dump_meta(snap)))

    def clear(self) -> None:
        if self.db is None:
            return
        with contextlib.suppress(sqlite3.Error), self.db:
            self.db.execute("DELETE FROM blocks WHERE output = ?", (self.output,))
            self.db.execute("DELETE FROM snapshots WHERE output = ?", (self.output,))


# The snapshot is read and written whole on every rebuild: marshal (plain tuples, lists, dicts
# and strings) does that several times quicker than pickle does dataclasses. Only the few loose
# events are pickled. The format is Python's own, so the version key holds Python's version.
_META_FIELDS = ("output_sha", "files", "problems", "entries", "entangled", "sources",
                "source_at", "event_at", "json_at")


def _dump_meta(snap: Snapshot) -> bytes:
    plain = {name: getattr(snap, name) for name in _META_FIELDS}
    plain["states"] = {path: tuple(state) for path, state in snap.states.items()}
    plain["loose"] = pickle.dumps(snap.loose, pickle.HIGHEST_PROTOCOL)
    return marshal.dumps(plain, 2)  # version 2: no back-references to look up, half the time


def _load_meta(data: bytes) -> Snapshot:
    plain = marshal.loads(data)
    make = FileState._make
    plain["states"] = {path: make(t) for path, t in plain["states"].items()}
    plain["loose"] = pickle.loads(plain["loose"])
    return Snapshot(**plain)


def _json_list(values) -> str:
    import json
    return json.dumps(sorted(values))
