"""A full-text index of the articles behind a timeline: SQLite FTS5 beside the timeline.

Searching a big corpus by reading every article for every query costs a read of
each file (20,000 files: seconds). The index keeps the article texts tokenised
by trigrams, so any substring of three or more characters is found by the index,
case-insensitively, as the in-memory search finds it. Files are known by (path,
size, modification time): only new or changed ones are read again. The index is
a cache: deleting `.nato-timeline/` only costs the next search its speed.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from .ingest import ArticleError, read_text

# The texts are kept lower-cased (Python's lower(), which knows every alphabet) and searched with
# LIKE, which the trigram index answers: "detail=none" keeps no positions, so the index is a
# third of the size and built in half the time, and LIKE still checks that the trigrams follow
# one another. SQLite's own case folding knows only ASCII, so it never has to fold.
SCHEMA_VERSION = 2
SCHEMA = """
CREATE TABLE IF NOT EXISTS files (sid TEXT PRIMARY KEY, path TEXT, size INTEGER, mtime_ns INTEGER);
CREATE VIRTUAL TABLE IF NOT EXISTS articles USING fts5(sid UNINDEXED, body, tokenize = 'trigram', detail = none);
"""

_LIKE_WILDCARDS = frozenset("%_")
# Below this many sources, reading the articles is as quick as opening an index.
LARGE_CORPUS = 200


def fts5_available() -> bool:
    try:
        db = sqlite3.connect(":memory:")
        db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'trigram')")
        db.close()
        return True
    except sqlite3.Error:
        return False  # an SQLite built without FTS5 or older than 3.34: search by scanning


class ArticleIndex:
    """Which articles contain a word, answered from the index."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    @classmethod
    def open(cls, sources: list[tuple[str, Path]], folder: Path) -> ArticleIndex | None:
        """The index for these (source id, file) pairs, brought up to date; None when SQLite
        cannot keep one here (no FTS5, a read-only folder): callers then scan the texts."""
        if not fts5_available():
            return None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(folder / "search.sqlite", check_same_thread=False)
            if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                # An index of another layout (or none) is made again from the articles. The version
                # is set last: a crash before it only means the next search does this again.
                db.executescript("DROP TABLE IF EXISTS articles; DROP TABLE IF EXISTS files;" + SCHEMA
                                 + f"PRAGMA user_version = {SCHEMA_VERSION};")
            index = cls(db)
            index._sync(sources)
            return index
        except (OSError, sqlite3.Error):
            return None

    def _sync(self, sources: list[tuple[str, Path]]) -> None:
        known = {sid: (path, size, mtime) for sid, path, size, mtime in
                 self.db.execute("SELECT sid, path, size, mtime_ns FROM files")}
        wanted = {sid for sid, _ in sources}
        with self.db:  # one transaction: a crash leaves the index as it was
            for sid in known.keys() - wanted:
                self._drop(sid)
            for sid, path in sources:
                try:
                    st = os.stat(path)
                except OSError:
                    st = None
                key = (str(path), st.st_size, st.st_mtime_ns) if st else None
                if key is not None and known.get(sid) == key:
                    continue
                if sid in known:
                    self._drop(sid)
                if key is None:
                    continue
                try:
                    text = read_text(path)[0]
                except ArticleError:
                    continue
                self.db.execute("INSERT INTO articles (sid, body) VALUES (?, ?)", (sid, text.lower()))
                self.db.execute("INSERT INTO files VALUES (?, ?, ?, ?)", (sid, *key))

    def _drop(self, sid: str) -> None:
        self.db.execute("DELETE FROM articles WHERE sid = ?", (sid,))
        self.db.execute("DELETE FROM files WHERE sid = ?", (sid,))

    def sources_with(self, word: str) -> set[str]:
        """Ids of the articles containing `word` (lower-case), anywhere, in any case."""
        if len(word) >= 3 and not _LIKE_WILDCARDS.intersection(word):
            return {sid for (sid,) in self.db.execute("SELECT sid FROM articles WHERE body LIKE ?",
                                                      (f"%{word}%",))}
        # Trigrams cannot find one or two characters, and LIKE with an ESCAPE for "%" or "_" does
        # not use the index: look through the stored texts.
        return {sid for sid, body in self.db.execute("SELECT sid, body FROM articles") if word in body}

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
