"""Evidence a person deleted from timeline.yaml: a rebuild must not bring it back.

Deleting an event, or one quote of an event, leaves no trace in the file, so the build
proves it: each source's fingerprint records, after the dot, a digest of the quotes the
build wrote for that article (`told`). When the build finds exactly those quotes in the
article again, a quote that no event holds any more was deleted by a person. It is listed
under `deleted:` in the file, and every build from then on leaves it out of the events (an
event left with nothing is dropped). An entry stays while its article still has the quote;
taking it out of the list brings the quote back.

When the article's quotes changed (an edited sentence, another publication date, a new
version of the analysis), nothing is proved for that article, and nothing of it is taken as
deleted by that build.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import DeletedQuote, Source, Timeline
from .regroup import evidence_key, mention_key


def told_digest(keys: Iterable[tuple]) -> str:
    """The quotes written for one article, in any order (keys of one source)."""
    parts = sorted({quote + "\x00" + timex for _, quote, timex in keys})
    return hashlib.sha1("\x01".join(parts).encode()).hexdigest()[:8]


def told_part(fingerprint: str | None) -> str | None:
    """The digest of the quotes in a source's fingerprint; None when it records none."""
    if not fingerprint or "." not in fingerprint:
        return None
    return fingerprint.partition(".")[2] or None


def with_told(fingerprint: str | None, told: str | None) -> str | None:
    """A source's fingerprint: of its built publication date (may be empty), then of its quotes."""
    date_part = (fingerprint or "").partition(".")[0]
    if told is None:
        return date_part or None
    return f"{date_part}.{told}"


@dataclass
class Deletions:
    """What a build leaves out: the file's `deleted:` list, and the digests for the sources."""
    entries: list[DeletedQuote] = field(default_factory=list)
    keys: frozenset = frozenset()
    told: dict[str, str] = field(default_factory=dict)  # source id -> digest of its quotes as written
    found: int = 0  # entries new in this build

    def strip(self, clusters: list, new_cluster) -> list:
        """The clusters without deleted quotes (`new_cluster(value, mentions)` makes one): a
        sentence quoted for a deleted date expression goes with all its others in that cluster
        (its event quoted it once). A cluster left with nothing is dropped."""
        if not self.keys:
            return clusters
        out = []
        for c in clusters:
            gone = {(m.source, m.quote) for m in c.mentions if mention_key(m) in self.keys}
            if not gone:
                out.append(c)
                continue
            kept = [m for m in c.mentions if (m.source, m.quote) not in gone]
            if kept:
                out.append(new_cluster(c.value, kept))
        return out


def listed(tl: Timeline | None) -> set[tuple]:
    return {evidence_key(d.source, d.quote, d.timex) for d in tl.deleted} if tl else set()


def written(quoted: Iterable) -> dict[str, dict[tuple, object]]:
    """Source id -> the keys of its quoted mentions (`events.quoted` of every cluster), each
    with its mention."""
    of_source: dict[str, dict[tuple, object]] = {}
    for m in quoted:
        of_source.setdefault(m.source, {})[m.source, m.quote, m.timex.text or ""] = m  # mention_key(m)
    return of_source


def find(old: Timeline | None, sources: list[Source], quoted: Iterable) -> Deletions:
    """The quotes this build leaves out, of the mentions its events would quote (`quoted`):
    those listed in `old` that no event of `old` holds again, and those a person deleted since
    `old` was built."""
    of_source = written(quoted)
    told = {sid: told_digest(keys) for sid, keys in of_source.items()}  # as if nothing were deleted
    if old is None:
        return Deletions(told=told)
    in_events = {(x.source, x.quote, x.timex or "") for e in old.events for x in e.evidence}
    missing = [k for keys in of_source.values() for k in keys if k not in in_events]  # in build order
    if not missing:
        return Deletions(told=told)
    still = set(missing) & listed(old)
    new: set[tuple] = set()
    ids = {k[0] for k in missing}
    paths = {s.id: s.path for s in sources if s.id in ids}
    for was in old.sources:
        if was.id not in ids or told_part(was.fingerprint) is None:
            continue
        keys = of_source[was.id]
        last = told_digest(k for k in keys if k not in still) if still else told[was.id]
        if last == told_part(was.fingerprint) and paths.get(was.id) == was.path:  # the quotes the last build wrote
            new.update(k for k in keys if k not in in_events and k not in still)
    gone = still | new
    for sid in {k[0] for k in gone}:
        told[sid] = told_digest(k for k in of_source[sid] if k not in gone)
    mentions = sorted((of_source[k[0]][k] for k in gone), key=lambda m: (m.order, m.sent_start, m.timex.start))
    return Deletions([DeletedQuote(m.source, m.quote, m.timex.text) for m in mentions], frozenset(gone), told, len(new))
