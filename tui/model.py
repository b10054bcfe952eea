"""The timeline as plain data: sources, events, and the evidence that ties them.

No UI and no parsing here: this is the contract between the builder, the YAML
store, the exports and the app. Keys a person adds by hand that we do not know
are kept in `extra` and written back, so a rebuild never drops them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PUBLISHED_FROM = ("stated", "filename", "inferred", "given")


@dataclass
class Source:
    id: str
    path: str
    title: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_from: str | None = None  # stated | filename | inferred | given
    sha256: str | None = None
    fingerprint: str | None = None  # of the built publication date: tells a hand edit apart
    extra: dict = field(default_factory=dict)

    def file(self, base: Path) -> Path:
        """The article file: `path` is relative to the timeline's folder unless absolute."""
        return Path(self.path) if Path(self.path).is_absolute() else Path(base) / self.path


@dataclass
class Evidence:
    source: str
    start: int
    end: int
    quote: str
    timex: str | None = None
    stale: bool = False  # the source changed and the quote could not be found again
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class DeletedQuote:
    """A piece of evidence a person deleted from the timeline: later builds leave it out
    (`tui/deleted.py`), until its entry is taken out of the file's `deleted:` list."""
    source: str
    quote: str
    timex: str | None = None


@dataclass
class Event:
    id: str
    date: str  # TIMEX3-style value: 2017-05-22, 2017-04, 2016, 2017-W21 ...
    title: str
    evidence: list[Evidence] = field(default_factory=list)
    note: str | None = None
    hidden: bool = False
    manual: bool = False  # added by a person, never replaced by a rebuild
    orphaned: bool = False  # edited by a person, but its sources are gone
    fingerprint: str | None = None  # of the built title and date: tells hand edits apart
    extra: dict = field(default_factory=dict)

    @property
    def sources(self) -> list[str]:
        """Source ids in order of first appearance."""
        return list(dict.fromkeys(e.source for e in self.evidence))


@dataclass
class Timeline:
    sources: list[Source] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    title: str | None = None
    version: int = 1
    extra: dict = field(default_factory=dict)
    deleted: list[DeletedQuote] = field(default_factory=list)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def index_of(self, event_id: str) -> int | None:
        """Where the event is in `events` (kept in date order), or None."""
        return next((i for i, e in enumerate(self.events) if e.id == event_id), None)
