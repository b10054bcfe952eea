"""Keyword search over events: titles, quotes and the full text of each event's articles.

Case-insensitive; every word must match somewhere in the event or its articles.
Article texts are searched once per word (not once per event), so a query stays
fast with many events over the same articles. For a large corpus the articles are
looked up in a full-text index (`fulltext.ArticleIndex`) instead of being read and
scanned; titles, quotes and notes are already in memory and scanned there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .fulltext import LARGE_CORPUS, ArticleIndex
from .model import Timeline


def query_words(query: str) -> list[str]:
    return [w.lower() for w in query.split() if w.strip()]


@dataclass
class SearchIndex:
    """Lower-cased haystacks, built once per timeline."""
    event_text: list[str]  # title + quotes + note, per event
    event_sources: list[tuple[str, ...]]
    source_text: dict[str, str]  # lower-cased article text per source id
    articles: ArticleIndex | None = None  # used instead of `source_text` when given

    @classmethod
    def for_timeline(cls, tl: Timeline, base: Path, large: int = LARGE_CORPUS) -> SearchIndex:
        """The index for a timeline on disk: articles from the full-text index when there are
        `large` or more of them (and SQLite can keep one), else read into memory."""
        if len(tl.sources) >= large:
            from .cache import CACHE_DIR
            articles = ArticleIndex.open([(s.id, s.file(base)) for s in tl.sources], base / CACHE_DIR)
            if articles is not None:
                index = cls.build(tl, {})
                index.articles = articles
                return index
        return cls.build(tl, load_texts(tl, base))

    @classmethod
    def build(cls, tl: Timeline, texts: dict[str, str]) -> SearchIndex:
        index = cls([], [], {k: v.lower() for k, v in texts.items()})
        index.read_events(tl)
        return index

    def read_events(self, tl: Timeline) -> None:
        """(Re)read the events' own text: after an edit, the articles' part stays as it is."""
        self.event_text = ["\n".join([e.title, e.date, e.note or ""] + [ev.quote for ev in e.evidence]).lower()
                           for e in tl.events]
        self.event_sources = [tuple(e.sources) for e in tl.events]

    def search(self, query: str, among: list[int] | None = None) -> tuple[list[int], str]:
        """Events matching every word, and where they matched: "events" when the words are in
        their titles, quotes or notes; else "articles" when only their articles' full text has them.

        Direct matches come first because a word of one article (a name, a place) is in the
        full text behind every event that article supports: listing all of them says little.
        """
        candidates = list(range(len(self.event_text))) if among is None else among
        words = query_words(query)
        if not words:
            return candidates, "events"
        texts = self.event_text
        direct = candidates
        for w in words:  # one pass per word, narrowing: cheaper than all() per event
            direct = [i for i in direct if w in texts[i]]
            if not direct:
                break
        if direct:
            return direct, "events"
        return self.matching(query, among), "articles"

    def matching(self, query: str, among: list[int] | None = None) -> list[int]:
        """Indices of the events whose title, quotes, note or articles contain every word."""
        candidates = list(range(len(self.event_text))) if among is None else among
        for word in query_words(query):
            in_sources = self.sources_with(word)
            candidates = [i for i in candidates
                          if word in self.event_text[i] or any(s in in_sources for s in self.event_sources[i])]
            if not candidates:
                break
        return candidates


    def sources_with(self, word: str) -> set[str]:
        if self.articles is not None:
            return self.articles.sources_with(word)
        return {sid for sid, text in self.source_text.items() if word in text}


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of each query word in `text`, case-insensitive, sorted."""
    spans = []
    for word in query_words(query):
        spans.extend((m.start(), m.end()) for m in re.finditer(re.escape(word), text, re.IGNORECASE))
    return sorted(spans)


def load_texts(tl: Timeline, base) -> dict[str, str]:
    """The article text of each source that can be read; unreadable ones are left out."""
    from .ingest import ArticleError, read_text
    texts = {}
    for s in tl.sources:
        try:
            texts[s.id] = read_text(s.file(base))[0]
        except ArticleError:
            continue
    return texts
