"""The build cache: per-article results by content hash, in SQLite beside the timeline.

A rebuild after one article changed reads only that article: unchanged files are
known by (path, size, mtime) and their results by (sha256, given date, analysis
version). SQLite gives transactions, so a crash never leaves a half-written entry;
deleting `.nato-timeline/` only costs the next build its speed.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path

CACHE_DIR = ".nato-timeline"  # beside the timeline: the build cache, the JSON copy, the search index

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, sha256 TEXT);
CREATE TABLE IF NOT EXISTS results (sha256 TEXT, given TEXT, version TEXT, payload TEXT,
                                    PRIMARY KEY (sha256, given, version));
CREATE TABLE IF NOT EXISTS builds (output TEXT PRIMARY KEY, inputs TEXT, output_sha256 TEXT, report TEXT);
"""


class BuildCache:
    def __init__(self, folder: Path, version: str) -> None:
        self.version = version
        self.db: sqlite3.Connection | None = None
        self._files: dict[str, tuple] | None = None
        self._cwd = os.getcwd()  # asked once, not once per file
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(folder / "cache.sqlite")
            # Write-ahead log: a transaction is one append, not a rollback copy of every page it
            # replaces; NORMAL sync still leaves the database whole after a crash (a cache may
            # lose its last transaction on power loss, never its consistency).
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
        except (OSError, sqlite3.Error):
            self.db = None  # a read-only or damaged place: build without a cache

    def _key(self, path: Path | str) -> str:
        """Files are known by absolute path: "a/1.txt" from another folder is another file."""
        name = str(path)
        return name if os.path.isabs(name) else os.path.join(self._cwd, name)

    def _known_files(self) -> dict[str, tuple]:
        """Every file row, read once per build: one query instead of one per article."""
        if self._files is None:
            self._files = {path: (size, mtime, sha) for path, size, mtime, sha in
                           self.db.execute("SELECT path, size, mtime_ns, sha256 FROM files")}
        return self._files

    def cached(self, path: Path | str, given: str | None, key: tuple[int, int] | None) -> tuple | None:
        """Where the stored result of an unchanged file is, without reading the file (`key`: its
        size and mtime), or None. The result itself is read by `load`, when it is used: a
        build of 20,000 cached articles then holds one result at a time, not 300 MB of them."""
        if self.db is None:
            return None
        try:
            row = self._known_files().get(self._key(path))
            if row is None or key is None or (row[0], row[1]) != key:
                return None
            where = (row[2], given or "", self.version)
            found = self.db.execute("SELECT 1 FROM results WHERE sha256 = ? AND given = ? AND version = ?",
                                    where).fetchone()
            return where if found else None
        except sqlite3.Error:
            return None

    def load(self, where: tuple) -> dict | None:
        """The result `cached` found, or None if it could not be read."""
        try:
            found = self.db.execute("SELECT payload FROM results WHERE sha256 = ? AND given = ? AND version = ?",
                                    where).fetchone()
            return json.loads(found[0]) if found else None
        except (sqlite3.Error, ValueError, AttributeError):
            return None

    def store(self, path: Path | str, given: str | None, result: dict, key: tuple[int, int] | None) -> None:
        """Keep `result`; `key` is the file's (size, mtime_ns) from before it was read, so that a file
        changed while it was being read is read again next time."""
        if self.db is None or result.get("error") or not result.get("sha256"):
            return
        try:
            if key is not None:
                self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                                (self._key(path), key[0], key[1], result["sha256"]))
                if self._files is not None:
                    self._files[self._key(path)] = (key[0], key[1], result["sha256"])
            self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)",
                            (result["sha256"], given or "", self.version, json.dumps(result)))
        except sqlite3.Error:
            pass

    def forget_other_versions(self) -> None:
        """Drop results made by other versions of the analysing code: no build can use them, and
        a folder built again after every upgrade would otherwise keep them all."""
        if self.db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("DELETE FROM results WHERE version != ?", (self.version,))

    def last_build(self, output: Path) -> tuple[str, str, dict] | None:
        """(inputs digest, output sha256, report) of the last build written to `output`."""
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT inputs, output_sha256, report FROM builds WHERE output = ?",
                                  (str(output),)).fetchone()
            return (row[0], row[1], json.loads(row[2])) if row else None
        except (sqlite3.Error, ValueError):
            return None

    def record_build(self, output: Path, inputs: str, output_sha256: str, report: dict) -> None:
        if self.db is None:
            return
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("INSERT OR REPLACE INTO builds VALUES (?, ?, ?, ?)",
                            (str(output), inputs, output_sha256, json.dumps(report)))
            self.db.commit()

    def commit(self) -> None:
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.commit()

    def close(self) -> None:
        if self.db is not None:
            self.commit()
            self.db.close()
            self.db = None
