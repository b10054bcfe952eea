"""What the reader is looking at, without any UI: filters, the highlighted event, the evidence.

The Textual app only draws this state and forwards keys to it, so every rule of
navigation (which events are listed, where `n` jumps, what `]` does at the last
piece of evidence) is plain code that tests can drive without a terminal.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field

from .ingest import body_start
from .model import Event, Source, Timeline
from .search import SearchIndex, match_spans, query_words
from .temporal import values as V


@dataclass
class Hit:
    """One search match: the event, its piece of evidence, and where in the article text."""
    event: int  # index into the listed events
    evidence: int
    start: int
    end: int


@dataclass
class Browser:
    timeline: Timeline
    texts: dict[str, str]  # article text per source id
    show_hidden: bool = False
    source_filter: str | None = None
    query: str = ""
    cursor: int = 0  # index into `listed`
    evidence_index: int = 0
    listed: list[int] = field(default_factory=list)  # indices into timeline.events
    _index: SearchIndex | None = None
    match_scope: str = "events"  # where the query matched: "events" or only "articles"
    _last_query: tuple[str, list[int]] | None = None

    def __post_init__(self) -> None:
        self._read_dates()
        self._base_cache: tuple | None = None
        self._histogram_cache: tuple | None = None
        self._total: int | None = None
        self.refresh()

    def _read_dates(self) -> None:
        # First day of each event's date, computed once: the ruler reads it on every move.
        first_of: dict[str, int | None] = {}
        for e in self.timeline.events:
            if e.date not in first_of:
                sp = V.span(e.date)
                first_of[e.date] = sp[0].toordinal() if sp else None
        self._first_day = [first_of[e.date] for e in self.timeline.events]
        known = [d for d in self._first_day if d is not None]
        # Timelines are kept in date order, so the listed days come sorted and the ruler can
        # count them by bisection instead of one step per event.
        self._days_sorted = all(a <= b for a, b in zip(known, known[1:]))

    def edited(self, event_id: str) -> None:
        """The timeline's events were edited in place (`edits.apply`): list and count them
        again, and stay on the edited event wherever its new date put it."""
        self._read_dates()
        self._base_cache = self._histogram_cache = self._total = None
        self._last_query = None
        if self._index is not None:
            self._index.read_events(self.timeline)
        at = self.timeline.index_of(event_id)
        before = self.cursor
        self.refresh(keep=at)
        if self.event is None or self.event.id != event_id:  # hidden or filtered out now: the next one
            self.move_to(before)

    def set_texts(self, texts: dict[str, str]) -> None:
        """The article texts arrived: searches from now on look into them too."""
        self.texts = texts
        self._index = None
        self._last_query = None
        if self.query.strip():
            self.refresh()

    def take_view_of(self, old: Browser) -> None:
        """Show what `old` showed, on this browser's reloaded timeline: the reader who edited
        timeline.yaml or rebuilt it stays where they were. Same filters and search; the same
        event (by id) and piece of evidence, or, if it is gone, the event now at its place."""
        self.show_hidden = old.show_hidden
        self._total = None
        known = old.source_filter is not None and self.timeline.source(old.source_filter) is not None
        self.source_filter = old.source_filter if known else None
        self.query = old.query
        self._last_query = None
        shown = old.event
        keep = self.timeline.index_of(shown.id) if shown else None
        self.refresh(keep=keep)
        if keep is None:
            self.move_to(old.cursor)
        elif self.event is not None and self.event.id == shown.id:
            self.evidence_index = min(old.evidence_index, max(0, len(self.event.evidence) - 1))

    # --- what is listed -------------------------------------------------------------------
    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            self._index = SearchIndex.build(self.timeline, self.texts)
        return self._index

    def _base(self) -> list[int]:
        key = (self.show_hidden, self.source_filter, len(self.timeline.events))
        if self._base_cache is not None and self._base_cache[0] == key:
            return self._base_cache[1]
        out = self._compute_base()
        self._base_cache = (key, out)
        return out

    def _compute_base(self) -> list[int]:
        out = []
        for i, e in enumerate(self.timeline.events):
            if e.hidden and not self.show_hidden:
                continue
            if self.source_filter and self.source_filter not in e.sources:
                continue
            out.append(i)
        return out

    def refresh(self, keep: int | None = None) -> None:
        """Recompute the listed events; keep the highlighted event if it is still listed."""
        current = keep if keep is not None else self.current_index
        base = self._base()
        if self.query.strip():
            listed, scope = None, "events"
            if self._last_query and self.query.startswith(self._last_query[0]) and self._last_query[0].strip() \
                    and self.match_scope == "events":
                # Typing on narrows the last direct matches; no need to look at every event again.
                allowed = set(base)
                narrowed, scope = self.index.search(self.query, [i for i in self._last_query[1] if i in allowed])
                listed = narrowed if narrowed and scope == "events" else None
            if listed is None:
                listed, scope = self.index.search(self.query, base)
            self.match_scope = scope
            self._last_query = (self.query, listed)
        else:
            listed = base
            self.match_scope = "events"
            self._last_query = None
        self.listed = listed
        if current is not None and listed:
            pos = bisect_left(listed, current)
            self.cursor = pos if pos < len(listed) and listed[pos] == current else min(pos, len(listed) - 1)
        else:
            self.cursor = 0
        self.evidence_index = min(self.evidence_index, max(0, len(self.event.evidence) - 1)) if self.event else 0

    @property
    def total(self) -> int:
        if self._total is None:
            self._total = sum(1 for e in self.timeline.events if self.show_hidden or not e.hidden)
        return self._total

    @property
    def current_index(self) -> int | None:
        return self.listed[self.cursor] if self.listed and 0 <= self.cursor < len(self.listed) else None

    @property
    def event(self) -> Event | None:
        i = self.current_index
        return self.timeline.events[i] if i is not None else None

    # --- moving ----------------------------------------------------------------------------
    def move_to(self, position: int) -> bool:
        if not self.listed:
            return False
        position = max(0, min(position, len(self.listed) - 1))
        changed = position != self.cursor
        self.cursor = position
        if changed:
            self.evidence_index = 0
        return changed

    def move(self, delta: int) -> bool:
        return self.move_to(self.cursor + delta)

    def jump_to_event(self, event_id: str) -> bool:
        for pos, i in enumerate(self.listed):
            if self.timeline.events[i].id == event_id:
                return self.move_to(pos) or True
        return False

    # --- evidence ----------------------------------------------------------------------------
    @property
    def evidence(self):
        e = self.event
        if e is None or not e.evidence:
            return None
        return e.evidence[min(self.evidence_index, len(e.evidence) - 1)]

    def step_evidence(self, delta: int) -> bool:
        e = self.event
        if e is None or len(e.evidence) < 2:
            return False
        self.evidence_index = (self.evidence_index + delta) % len(e.evidence)
        return True

    def source(self, source_id: str | None = None) -> Source | None:
        sid = source_id or (self.evidence.source if self.evidence else None)
        return self.timeline.source(sid) if sid else None

    # --- filters -------------------------------------------------------------------------------
    def set_query(self, query: str) -> None:
        same_words = query_words(query) == query_words(self.query)
        self.query = query
        if same_words and self._last_query is not None:
            self._last_query = (query, self.listed)  # a typed space changes nothing listed
            return
        self.refresh()

    def cycle_source(self) -> str | None:
        ids = [s.id for s in self.timeline.sources]
        if not ids:
            return None
        if self.source_filter is None:
            self.source_filter = ids[0]
        else:
            i = ids.index(self.source_filter) if self.source_filter in ids else -1
            self.source_filter = ids[i + 1] if i + 1 < len(ids) else None
        self.refresh()
        return self.source_filter

    def toggle_hidden(self) -> bool:
        self.show_hidden = not self.show_hidden
        self._total = None
        self.refresh()
        return self.show_hidden

    # --- search hits -------------------------------------------------------------------------
    def hits_in_event(self, pos: int) -> list[Hit]:
        """Matches of the query in the articles of the listed event at `pos`, quote order first."""
        if not query_words(self.query):
            return []
        event = self.timeline.events[self.listed[pos]]
        hits: list[Hit] = []
        seen_sources = []
        for ev in event.evidence:
            if ev.source in seen_sources:
                continue
            seen_sources.append(ev.source)
            text = self.texts.get(ev.source, "")
            shown_from = body_start(text)  # the reader shows the header's fields above, not its lines
            for start, end in match_spans(text, self.query):
                if start < shown_from:
                    continue
                # Attribute a match to the piece of evidence of this source nearest to it.
                best = min((j for j, e2 in enumerate(event.evidence) if e2.source == ev.source),
                           key=lambda j: abs(event.evidence[j].start - start))
                hits.append(Hit(pos, best, start, end))
        return hits

    def next_hit(self, current_offset: int | None, backwards: bool = False) -> Hit | None:
        """The next match after `current_offset` in this event's article, else in the next events."""
        if not self.listed or not query_words(self.query):
            return None
        n = len(self.listed)
        src = self.evidence.source if self.evidence else None
        hits = [h for h in self.hits_in_event(self.cursor) if src is None or
                self.event.evidence[h.evidence].source == src]
        if current_offset is not None:
            later = [h for h in hits if (h.start < current_offset if backwards else h.start > current_offset)]
            if later:
                return later[-1] if backwards else later[0]
        for step in range(1, n + 1):
            pos = (self.cursor - step) % n if backwards else (self.cursor + step) % n
            hits = self.hits_in_event(pos)
            if hits:
                return hits[-1] if backwards else hits[0]
        return None

    def go_to_hit(self, hit: Hit) -> None:
        if hit.event != self.cursor:
            self.move_to(hit.event)
        self.evidence_index = hit.evidence

    # --- the time ruler ------------------------------------------------------------------------
    def histogram(self, bins: int) -> tuple[list[int], str, str, int | None, str]:
        """Counts of listed events in `bins` equal stretches of time, the first and last date,
        the bin of the highlighted event, and the unit ("day", "month", "year")."""
        if bins <= 0:
            return [], "", "", None, ""
        key = (id(self.listed), len(self.listed), bins)
        if self._histogram_cache is None or self._histogram_cache[0] != key:
            self._histogram_cache = (key, self._histogram(bins))
        counts, first, last, lo, width, unit = self._histogram_cache[1]
        if not counts:
            return [0] * bins, "", "", None, ""
        marker = None
        i = self.current_index
        if i is not None and self._first_day[i] is not None:
            marker = min(bins - 1, max(0, (self._first_day[i] - lo) * bins // width))
        fmt = {"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}[unit]
        return counts, first.strftime(fmt), last.strftime(fmt), marker, unit

    def _histogram(self, bins: int):
        fd = self._first_day
        starts = [d for d in map(fd.__getitem__, self.listed) if d is not None]
        if not starts:
            return [], None, None, 0, 1, ""
        if not self._days_sorted:
            starts.sort()
        lo, hi = starts[0], starts[-1] + 1
        days = hi - 1 - lo
        unit = "day" if days <= 62 else "month" if days <= 5 * 366 else "year"
        width = max(1, hi - lo)
        # Bin b holds the days d with (d - lo) * bins // width == b, i.e. d >= lo + ceil(b * width / bins).
        edges = [bisect_left(starts, lo + -(-b * width // bins)) for b in range(bins)] + [len(starts)]
        counts = [edges[b + 1] - edges[b] for b in range(bins)]
        first, last = dt.date.fromordinal(lo), dt.date.fromordinal(hi - 1)
        return counts, first, last, lo, width, unit
