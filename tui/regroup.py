"""Grouping a person changed: a quote taken out of an event, moved to another, or two events
joined. A rebuild must keep it, so the builder's own grouping is recorded with each event
(the part of `fingerprint` after the dot: a digest of its evidence), and an event whose
evidence no longer matches that record, like an event added by hand, *holds* its evidence:

* the rebuild does not group held evidence again: it is taken out of the builder's
  clusters before they are titled, and the holding event is kept as the person left it
  (its quotes moved to where the article now has them);
* what else the builder grouped with held evidence stays a cluster of its own, titled from
  what is left, and holds it from then on: a quote taken out of an event, when the build
  cannot prove it deleted (`deleted`), or one a person took off the `deleted:` list;
* except news: tellings from articles added or changed since the last build, grouped by the
  builder with held evidence, join the event holding most of that evidence.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace

from .model import Event, Evidence


def evidence_key(source: str, quote: str, timex: str | None) -> tuple:
    """A piece of evidence as a person sees it: offsets move when the article is edited."""
    return source, quote, timex or ""


def evidence_digest(evidence: list[Evidence]) -> str:
    """The builder's grouping of an event, in any order (reordering quotes regroups nothing)."""
    keys = sorted("\x00".join(evidence_key(x.source, x.quote, x.timex)) for x in evidence)
    return hashlib.sha1("\x01".join(keys).encode()).hexdigest()[:8]


# The grouping recorded for an event a person made out of others: the builder made it of nothing.
NOTHING_BUILT = evidence_digest([])


def with_grouping(title_part: str, grouping: str) -> str:
    """A fingerprint: of the title and date, then (after the dot) of the grouping."""
    return f"{title_part}.{grouping}"


def title_part(fingerprint: str) -> str:
    return fingerprint.partition(".")[0]


def grouping_part(fingerprint: str | None) -> str | None:
    """The evidence digest in a fingerprint; None in one written before it was kept."""
    if not fingerprint or "." not in fingerprint:
        return None
    return fingerprint.partition(".")[2]


def regrouped(e: Event) -> bool:
    """Its evidence is not the evidence the builder gave it."""
    built = grouping_part(e.fingerprint)
    return built is not None and built != evidence_digest(e.evidence)


def holds_evidence(e: Event) -> bool:
    """Its quotes were chosen by a person: an event added by hand, or one regrouped."""
    return e.manual or regrouped(e)


def mention_key(m) -> tuple:
    """A mention's `evidence_key`."""
    return evidence_key(m.source, m.quote, m.timex.text)


@dataclass
class Held:
    """The evidence held by the events of the last timeline, and what a rebuild found of it."""
    holders: dict[tuple, Event] = field(default_factory=dict)  # evidence key -> the event holding it
    holding: set[str] = field(default_factory=set)  # ids of the holding events
    fresh: frozenset = frozenset()  # ids of sources added or changed since the last timeline
    found: dict[tuple, tuple[int, int]] = field(default_factory=dict)  # key -> where it is now
    joins: dict[str, list] = field(default_factory=dict)  # holder id -> mentions of news joining it
    remnants: set[int] = field(default_factory=set)  # id() of the clusters left of the builder's

    @classmethod
    def of(cls, old_events: list[Event], fresh: frozenset = frozenset()) -> Held:
        holders: dict[tuple, Event] = {}
        holding = set()
        for e in old_events:
            if holds_evidence(e):
                holding.add(e.id)
                for x in e.evidence:
                    holders.setdefault(evidence_key(x.source, x.quote, x.timex), e)
        return cls(holders, holding, fresh)

    def touches(self, clusters) -> bool:
        return bool(self.holders) and any(mention_key(m) in self.holders for c in clusters for m in c.mentions)

    def strip(self, clusters: list, new_cluster) -> list:
        """The builder's clusters without held evidence (`new_cluster(value, mentions)` makes one)."""
        if not self.holders:
            return clusters
        out = []
        for c in clusters:
            held = [m for m in c.mentions if mention_key(m) in self.holders]
            if not held:
                out.append(c)
                continue
            for m in held:
                self.found[mention_key(m)] = (m.sent_start, m.sent_end)
            rest = [m for m in c.mentions if mention_key(m) not in self.holders]
            news = [m for m in rest if m.source in self.fresh]
            if news:
                holder = Counter(self.holders[mention_key(m)].id for m in held).most_common(1)[0][0]  # ties: the first
                self.joins.setdefault(holder, []).extend(news)
            if len(news) < len(rest):  # taken out of a holding event: from now on, an event holding them
                out.append(new_cluster(c.value, [m for m in rest if m.source not in self.fresh]))
                self.remnants.add(id(out[-1]))
        return out

    def kept(self, e: Event) -> Event:
        """A holding event as the rebuild keeps it: its quotes where the articles now have them,
        and the news that joined it."""
        evidence, seen = [], set()
        for x in e.evidence:
            key = evidence_key(x.source, x.quote, x.timex)
            seen.add(key)
            at = self.found.get(key)
            evidence.append(replace(x, start=at[0], end=at[1], stale=False) if at and (x.start, x.end) != at
                            else x)
        for m in self.joins.get(e.id, ()):
            if mention_key(m) not in seen:
                seen.add(mention_key(m))
                evidence.append(Evidence(m.source, m.sent_start, m.sent_end, m.quote, m.timex.text))
        return replace(e, evidence=evidence) if evidence != e.evidence else e
