"""Rebuild after a few articles changed, redoing only the date blocks they touch.

Grouping is local by construction (see `events.group`): a date value's clusters
depend only on its own mentions, and where a coarse cluster goes ("earlier this
week" -> May 22) only on the day blocks it covers. So when an article changes, what
can change is: the blocks of its old and new date values, the coarse blocks over
those days, and the days those coarse clusters join or leave. Those events are made
again and merged with the hand edits they carry; every other event is copied from
the file as it was written, and the file is spliced rather than written anew.

`rebuild` returns None whenever it cannot prove the result equals a full build
(an article added, removed or unreadable, a hand edit since the last build, a year
taken from other articles, evidence shared across the region's border ...): the
caller then runs the full build. Tests compare both byte for byte.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from . import deleted, json_copy, regroup, store
from . import events as ev
from .atomic import write_atomic
from .build import BuildResult, Inputs, make_source, repeats
from .cache import CACHE_DIR, BuildCache
from .model import Event, Timeline
from .pipeline import analyse, analysis_version
from .snapshot import Block, Snapshot, SnapshotStore, entry, renumber_loose, span_days
from .textutil import count
from .yaml_items import item_digest, item_offsets, section_bounds, splice

MAX_CHANGED = 16  # beyond this, a full build (with all cores) is as quick


def _store(output: Path, cache: BuildCache) -> SnapshotStore:
    return SnapshotStore(cache.db, str(output.resolve()), analysis_version())


# --- after a full build ---------------------------------------------------------------------------

def record_snapshot(output: Path, result: BuildResult, data: bytes, digest: str) -> None:
    """Keep what the next build needs to redo part of this one (`data` is the file written,
    `digest` its sha256)."""
    st, tl = result.state, result.timeline
    cache = BuildCache(output.parent / CACHE_DIR, analysis_version())
    try:
        snaps = _store(output, cache)
        bounds = section_bounds(data)
        if st is None or not tl.title or not tl.sources or not tl.events or bounds is None:
            snaps.clear()
            return
        entries, owned, loose = [], {}, []
        for pos, e in enumerate(tl.events):
            built = st.built.get(id(e))
            entries.append(entry(e, pos, built))
            if built is None:
                loose.append(e)
            else:
                owned.setdefault(built[0], []).append(e)
        blocks = {}
        absorbers: dict[str, set] = {}
        for value, went in st.grouping.targets.items():
            for t in went:
                if t is not None:
                    absorbers.setdefault(t[0], set()).add(value)
        for value, inputs in st.grouping.inputs.items():
            blocks[value] = Block(inputs, st.grouping.targets.get(value), sorted(absorbers.get(value, ())),
                                  owned.get(value, []))
        json_at = None
        if len(data) > json_copy.JSON_COPY_BYTES and (copy := json_copy.read_json_copy(output, digest)):
            json_at = json_copy.line_offsets(copy[1])
        # Files by absolute path: "articles" and "/home/me/news/articles" are the same files.
        snap = Snapshot(digest, st.files, st.problems, st.states, entries, loose,
                        _entangled(loose, tl.events),
                        len(tl.sources), item_offsets(data, bounds[0], bounds[1] - 8),
                        item_offsets(data, bounds[1], len(data)), json_at)
        snaps.write(snap, blocks, replace=True)
    finally:
        cache.close()


def _keys(events: list[Event]) -> set:
    return {k for e in events for x in e.evidence
            for k in ((x.source, x.start, x.end, x.timex), (x.source, x.quote, x.timex))}


def _entangled(loose: list[Event], events: list[Event]) -> bool:
    """Whether a loose event shares evidence with another: merging it then involves events
    anywhere in the file."""
    if not loose:
        return False
    ids = {id(e) for e in loose}
    return bool(_keys(loose) & _keys([e for e in events if id(e) not in ids]))


# --- the rebuild ------------------------------------------------------------------------------------

def rebuild(inputs: Inputs, output: Path) -> BuildResult | None:
    """The build of `inputs` into `output`, written, if only a few articles changed since the
    last build wrote `output`; None if a full build is needed."""
    if not output.exists() or not (output.parent / CACHE_DIR / "cache.sqlite").exists():
        return None
    cache = BuildCache(output.parent / CACHE_DIR, analysis_version())
    try:
        # Hundreds of thousands of small objects come and go, none in cycles: the cyclic
        # collector would walk them all again and again (a third of the time at 20,000 articles).
        gc.disable()
        return _Rebuild(inputs, output, cache).run()
    except Exception:  # noqa: BLE001 - whatever the short cut trips on, the full build is right
        if os.environ.get("NATO_TIMELINE_STRICT"):
            raise
        return None
    finally:
        gc.enable()
        cache.close()


@dataclass
class _Region:
    """What changed articles touch: their fresh results, and the date blocks grouped again."""
    fresh: dict[str, tuple[dict, list]]  # path -> (analysis result, its mentions)
    sids: set[str]  # the changed articles' source ids
    inputs: dict[str, list]  # value -> its mentions now
    targets: dict[str, list]  # coarse value -> where each of its clusters went
    absorbers: dict[str, set]  # remade day -> coarse values that joined it
    owners: set[str]  # values whose events are made again
    made: list  # their clusters


class _Rebuild:
    def __init__(self, inputs: Inputs, output: Path, cache: BuildCache) -> None:
        self.inputs, self.output, self.cache = inputs, output, cache
        self.names = inputs.absolute  # as the snapshot knows them
        self.snaps = _store(output, cache)
        self.loaded: dict[str, Block] = {}

    def run(self) -> BuildResult | None:
        snap = self.snaps.meta()
        if snap is None or snap.entangled or snap.sources != sum(s.order is not None for s in snap.states.values()):
            return None  # loose events tied to others, or sources kept only for them
        data = self.output.read_bytes()
        if hashlib.sha256(data).hexdigest() != snap.output_sha or (bounds := section_bounds(data)) is None:
            return None
        if len(snap.event_at) != len(snap.entries) + 1 or len(snap.source_at) != snap.sources + 1 \
                or snap.event_at[-1] != len(data) - bounds[1]:
            return None
        names, problems = self.names, self.inputs.problems
        if names != snap.files or list(problems) != snap.problems:
            return None
        changed = self._changed(snap)
        if changed is None:
            return None
        fresh = {}
        self.stat_of = dict(zip(names, self.inputs.stats))
        for f in changed:
            state = snap.states[f]
            r = analyse(f, state.given)
            if r.get("error") or r.get("date") is None:
                return None
            if (r["date"], r["days"]) != (state.date, state.days) and any(s.inferred for s in snap.states.values()):
                return None  # another article's year may come from this one
            self.cache.store(f, state.given, r, self.stat_of[f])
            fresh[f] = r
        self.cache.commit()
        if not fresh:
            return None
        self.data, self.bounds = data, bounds
        head = store.loads(data[:bounds[0] - len(b"sources:\n")].decode("utf-8-sig"), str(self.output))
        self.deleted = frozenset(deleted.listed(head))
        region = self._regroup(snap, fresh)
        return None if region is None else self._merge(snap, region)

    def _changed(self, snap: Snapshot) -> list[str] | None:
        changed = []
        for f, key in zip(self.names, self.inputs.stats):
            state = snap.states[f]
            if key is not None and state.stat == key:
                continue
            if state.error or state.inferred or len(changed) == MAX_CHANGED:
                return None
            changed.append(f)
        return changed

    def _load(self, blocks: dict[str, Block]) -> None:
        for value, block in blocks.items():
            self.loaded.setdefault(value, block)

    def _regroup(self, snap: Snapshot, fresh: dict[str, dict]) -> _Region | None:
        states = snap.states
        sids = {states[p].sid for p in fresh}
        new_mentions: dict[str, list[ev.Mention]] = {}
        touched = set()
        for p, r in list(fresh.items()):
            state = states[p]
            found = [ev.Mention.from_row(state.sid, state.order, row) for row in r["mentions"] or ()]
            fresh[p] = (r, found)
            for m in found:
                new_mentions.setdefault(m.value, []).append(m)
            touched |= state.values | {m.value for m in found}
        # 1. The blocks the changed articles were or are in: their mentions, with theirs replaced.
        self._load(self.snaps.blocks(touched))
        inputs = {v: (self.loaded[v].inputs if v in self.loaded else []) for v in self.loaded}
        for v in touched:
            kept = [m for m in inputs.get(v, []) if m.source not in sids]
            inputs[v] = sorted(kept + new_mentions.get(v, []), key=ev.told_order)
        touched_days = {span_days(v)[0] for v in touched if _is_day(v)}
        # 2. Coarse blocks whose clusters may go elsewhere now, and every day they cover.
        coarse = {v for v in touched if ev.absorbs(v)}
        for day in touched_days:
            found = self.snaps.coarse_over(day)
            self._load(found)
            coarse |= set(found)
        for v in coarse:
            first, last = span_days(v)
            self._load(self.snaps.days_in(first, last))
        clusters = {v: ev.block_clusters(inputs.get(v, self.loaded[v].inputs if v in self.loaded else []))
                    for v in set(self.loaded) | touched}
        days = ev.day_index({v: c for v, c in clusters.items() if _is_day(v)})
        targets = {v: [ev.absorb_target(c, days) for c in clusters[v]] for v in coarse}
        # 3. The values whose events are made again: these, and the days clusters left or joined.
        owners = set(touched) | coarse
        for v in coarse:
            old = self.loaded[v].targets if v in self.loaded else None
            owners |= {t[0] for t in (old or []) + targets[v] if t is not None}
        missing = {v for v in owners if v not in self.loaded and v not in clusters}
        self._load(self.snaps.blocks(missing))
        for v in missing:
            clusters[v] = ev.block_clusters(self.loaded[v].inputs) if v in self.loaded else []
        absorbers: dict[str, set] = {}
        for d in owners:
            if _is_day(d):
                before = set(self.loaded[d].absorbers) if d in self.loaded else set()
                absorbers[d] = (before - coarse) | {w for w in coarse if any(t and t[0] == d for t in targets[w])}
        others = set().union(*absorbers.values()) - coarse - set(self.loaded)
        self._load(self.snaps.blocks(others))
        for u in set().union(*absorbers.values()) - coarse:
            if u not in self.loaded or self.loaded[u].targets is None:
                return None
            clusters.setdefault(u, ev.block_clusters(self.loaded[u].inputs))
            targets[u] = self.loaded[u].targets
        ev.join(clusters, targets, only=owners)  # the remade days only
        made = []
        for v in owners:
            went = targets.get(v) if ev.absorbs(v) else None
            made.extend(c for i, c in enumerate(clusters.get(v, [])) if not went or went[i] is None)
        return _Region(fresh, sids, inputs, targets, absorbers, owners, made)

    def _merge(self, snap: Snapshot, region: _Region) -> BuildResult | None:
        made, owners, sids = region.made, region.owners, region.sids
        old_events = [e for v in owners if v in self.loaded for e in self.loaded[v].events]
        gone = self.deleted
        if any(k[0] in sids for k in gone):
            return None  # whether a changed article still has a deleted quote is the full build's
        made = deleted.Deletions(keys=gone).strip(made, ev.Cluster)
        held = regroup.Held.of(old_events + snap.loose)
        if held.touches(made):
            return None  # evidence a person grouped: what is news and where it joins is the full build's
        made.sort(key=ev.cluster_order)
        new_events = ev.to_events(made)
        built = {}
        for e, c in zip(new_events, made):
            e.fingerprint = store.built_fingerprint(e)
            built[id(e)] = (c.value, ev.cluster_order(c), e.id, ev.event_base(c.value, e.title))
        # The remade events must hold exactly the unchanged articles' evidence they held before,
        # and none of it may also be quoted elsewhere in its article (merging matches by quote).
        if _unchanged(old_events, sids) != _unchanged(new_events, sids):
            return None
        by_sid = {s.sid: s for s in snap.states.values() if s.sid}
        if any(by_sid[x.source].repeated for e in new_events for x in e.evidence if x.source in by_sid):
            return None
        position = {x[2]: i for i, x in enumerate(snap.entries)}
        region_ids = {e.id for e in old_events} | {e.id for e in snap.loose}
        outside = [x for x in snap.entries if x[2] not in region_ids]
        outside_ids = {x[2] for x in outside}
        outside_names = outside_ids | {x[4] for x in outside if x[4]} | {x[5] for x in outside if x[5]}
        if any(b[2] in outside_names or b[3] in outside_names for b in built.values()):
            return None  # an id the full build would have numbered differently
        out = store.merge_events(sorted(old_events + snap.loose, key=lambda e: position[e.id]), new_events, held)
        ids = [e.id for e in out]
        if len(set(ids)) != len(ids) or outside_ids & set(ids):
            return None
        loose = out[len(new_events):]
        remade = [entry(e, 0, built[id(e)]) for e in new_events]
        remade += [entry(e, position[e.id], None) for e in loose]  # an old event keeps its place
        entries = sorted(outside + remade)
        if store.uses_fast_dump(len(entries)) != store.uses_fast_dump(len(snap.entries)):
            return None
        return self._write(snap, region, out, loose, entries)

    def _write(self, snap: Snapshot, region: _Region, out: list[Event], loose: list[Event],
               entries: list) -> BuildResult | None:
        fresh, inputs, targets, absorbers, owners = (region.fresh, region.inputs, region.targets,
                                                     region.absorbers, region.owners)
        data, (src_start, ev_start) = self.data, self.bounds
        total = len(entries)
        old_at = {x[2]: i for i, x in enumerate(snap.entries)}
        by_id = {e.id: e for e in out}
        fresh_items = {i: item.encode("utf-8") for i, item in zip(by_id, store.event_items(out, total))}
        order = [fresh_items[x[2]] if x[2] in by_id else old_at[x[2]] for x in entries]
        # The changed articles' sources, keeping what a person added to them.
        states = dict(snap.states)
        source_order: list = list(range(snap.sources))
        sources = {}
        head = data[:src_start].decode("utf-8")
        # What the changed articles' events quote (none of it deleted, or this is the full build's)
        told = {sid: deleted.told_digest(keys) for sid, keys in
                deleted.written(m for c in region.made for m in ev.quoted(c) if m.source in region.sids).items()}
        for p, (r, found) in fresh.items():
            state = states[p]
            k = state.order
            item = data[src_start + snap.source_at[k]:src_start + snap.source_at[k + 1]].decode("utf-8")
            before = store.loads(head + item + "events: []\n", str(self.output)).sources[0]
            src = make_source(state.sid, before.path, r, told.get(state.sid))
            store.carry_source(before, src)
            sources[k] = src
            source_order[k] = store.source_items([src], total)[0].encode("utf-8")
            states[p] = state._replace(stat=self.stat_of[p], date=r["date"], days=r["days"],
                                values=frozenset(m.value for m in found), repeated=repeats(found),
                                warnings=list(r.get("warnings", [])))
        source_bytes, source_at = splice(data, src_start, snap.source_at, source_order)
        event_bytes, event_at = splice(data, ev_start, snap.event_at, order)
        text = data[:src_start] + source_bytes + b"events:\n" + event_bytes
        digest = hashlib.sha256(text).hexdigest()
        copy = json_at = None
        if len(text) > json_copy.JSON_COPY_BYTES:
            old_copy = json_copy.read_json_copy(self.output, snap.output_sha) if snap.json_at else None
            if old_copy is None or len(old_copy[1]) != snap.json_at[-1]:
                return None
            top, body = old_copy
            top.update(sha256=digest, events=total)
            n = snap.sources
            old_items = top.pop("items", None)
            if old_items and len(old_items) == n + len(snap.entries):  # the YAML items' digests, in step
                top["items"] = [old_items[x] if type(x) is int else item_digest(x) for x in source_order] + \
                    [old_items[n + x] if type(x) is int else item_digest(x) for x in order]
            lines_order: list = list(range(n))
            try:
                for k, src in sources.items():
                    lines_order[k] = json_copy.json_source_line(src).encode("utf-8")
                fresh_lines = {e.id: json_copy.json_line(e).encode("utf-8") for e in out}
            except (TypeError, ValueError):
                fresh_lines = None  # hand-added data JSON cannot hold (a set): no copy
            if fresh_lines is not None:
                lines_order += [fresh_lines[x[2]] if x[2] in by_id else n + old_at[x[2]] for x in entries]
                lines, json_at = splice(body, 0, snap.json_at, lines_order)
                copy = (json.dumps(top, ensure_ascii=False) + "\n", lines)
        # The file, its JSON copy, then the snapshot: a crash in between costs the next build its speed.
        write_atomic(self.output, text)
        if copy is None or not json_copy.write_json_copy(self.output, *copy):
            json_copy.drop_json_copy(self.output)
            json_at = None
        entries = renumber_loose(entries)
        owned: dict[str, list] = {}
        for x in entries:
            if x[3] in owners:
                owned.setdefault(x[3], []).append(by_id[x[2]])
        blocks: dict[str, Block | None] = {}
        for v in owners:  # the blocks whose mentions, targets, absorbers or events changed
            old = self.loaded.get(v)
            block = Block(inputs.get(v, old.inputs if old else []),
                          targets.get(v, old.targets if old else None) if ev.absorbs(v) else None,
                          sorted(absorbers[v]) if v in absorbers else old.absorbers if old else [],
                          owned.get(v, []))
            blocks[v] = block if block.inputs else None
        self.snaps.write(Snapshot(digest, snap.files, snap.problems, states, entries, loose,
                                  _entangled(loose, out), snap.sources, source_at, event_at, json_at),
                         blocks, replace=False)
        warnings = list(self.inputs.problems)
        ordered = [states[f] for f in self.names]
        for s in ordered:
            warnings.extend([s.error] if s.error else s.warnings)
        warnings.extend(s.late for s in ordered if s.late)
        n = len(fresh)
        note = (f"{count(n, 'changed article')} read again, "
                f"{len(out)} of {len(entries)} events made again")
        return BuildResult(Timeline(), warnings=warnings, articles=sum(s.order is not None for s in ordered),
                           inputs=self.inputs.digest, dates=[x[6] for x in entries], note=note, text=text)


def _unchanged(events: list[Event], sids: set) -> Counter:
    return Counter((x.source, x.start, x.end, x.timex) for e in events for x in e.evidence if x.source not in sids)


def _is_day(value: str) -> bool:
    first, last = span_days(value)
    return first == last
