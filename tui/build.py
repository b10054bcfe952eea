"""Build a timeline from article files: read, date, tag, group, merge with the file on disk.

The steps are plain functions of their inputs, so the same files give the same
timeline byte for byte. `progress(done, total)` is called as articles are read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import deleted, pubdate, regroup, store
from . import events as ev
from .cache import CACHE_DIR, BuildCache
from .export import human_date
from .ingest import Article, scan_paths
from .model import Source, Timeline
from .pipeline import analyse_job, analysis_version, finish, mentioned_days
from .snapshot import FileState
from .temporal import tag
from .temporal import values as V
from .textutil import STOPWORDS, count, slug


@dataclass
class BuildState:
    """What the build saw, for the snapshot that lets the next build redo only what changed."""
    files: list[str]  # absolute, as the snapshot knows them (`Inputs.absolute`)
    problems: list[str]
    states: dict[str, FileState]  # by absolute path
    grouping: ev.Grouping
    built: dict[int, tuple]  # id() of a built event -> (value, builder order, builder id, base)


@dataclass
class BuildResult:
    timeline: Timeline
    warnings: list[str] = field(default_factory=list)
    articles: int = 0
    inputs: str = ""  # digest of what was read (names, sizes, times): see `up_to_date`
    state: BuildState | None = None
    dates: list[str] | None = None  # the events' dates, when `timeline` was not made in memory
    note: str = ""  # how the build went, when it took a short cut
    text: bytes | None = None  # the file as written, when the build wrote it itself (the short cut)
    deleted: int = 0  # quotes found deleted by hand since the last build (`tui/deleted.py`)

    def summary(self) -> str:
        all_dates = self.dates if self.dates is not None else [e.date for e in self.timeline.events]
        dated = [d for d in all_dates if V.is_calendar(d)]
        if dated:  # as the explorer shows them: "11th century", not the value "10"
            covered = f"{human_date(min(dated, key=V.sort_key), short=True)} … " \
                      f"{human_date(max(dated, key=V.sort_key), short=True)}"
        else:
            covered = "no dates"
        left_out = f", {count(self.deleted, 'quote')} you deleted left out from now on" if self.deleted else ""
        return (f"{count(self.articles, 'article')}, {count(len(all_dates), 'event')}, "
                f"dates {covered}, {count(len(self.warnings), 'warning')}{left_out}"
                + (f" ({self.note})" if self.note else ""))


def source_id(article: Article, taken: set[str]) -> str:
    outlet = slug(article.outlet or "", 3) if article.outlet else ""
    title_words = [w for w in article.title.split() if w.lower().strip(",:;") not in STOPWORDS]
    base = "-".join(p for p in (outlet, slug(" ".join(title_words), 4)) if p and p != "untitled")
    base = base or slug(article.stem)
    sid, n = base, 2
    while sid in taken:
        sid, n = f"{base}-{n}", n + 1
    taken.add(sid)
    return sid


def _relative(path: Path, base: Path) -> str:
    try:
        return os.path.relpath(os.path.abspath(path), os.path.abspath(base)).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return os.path.abspath(path)


@dataclass
class Inputs:
    """The article files one command reads, found and stat'ed once: `up_to_date`, the incremental
    rebuild and the full build all look at the same list."""
    names: list[str]  # str() of each file's Path
    problems: list[str]
    stats: list[tuple[int, int] | None]  # (size, mtime_ns) of each file, None if it vanished

    @classmethod
    def scan(cls, paths: list[Path]) -> Inputs:
        return cls(*scan_paths(paths))

    @cached_property
    def files(self) -> list[Path]:
        return [Path(n) for n in self.names]

    @cached_property
    def absolute(self) -> list[str]:
        """os.path.abspath of each name, as the snapshot of the last build knows the files: the
        folder's once, not each file's (a fifth of the time for 20,000 files)."""
        prefixes: dict[str, str] = {}
        out = []
        for name in self.names:
            folder, sep, file = name.rpartition(os.sep)
            folder = folder or sep or os.curdir  # "/r.txt" lies in "/", "a.txt" in "."
            prefix = prefixes.get(folder)
            if prefix is None:
                full = os.path.abspath(folder)
                prefix = prefixes[folder] = full if full.endswith(os.sep) else full + os.sep
            out.append(prefix + file)
        return out

    @cached_property
    def digest(self) -> str:
        """The files by absolute path, size and modification time, with the analysing code's
        version: the same digest and the same timeline.yaml on disk give the same timeline, however
        the folder was named ("seeds", or its full path as the explorer names it)."""
        h = hashlib.sha256(f"{analysis_version()}\n".encode())
        h.update("".join(f"{full}\0{key}\n" for full, key in zip(self.absolute, self.stats))
                 .encode("utf-8", "surrogateescape"))
        for p in self.problems:
            h.update(p.encode("utf-8", "surrogateescape") + b"\n")
        return h.hexdigest()


def _output_sha256(output: Path) -> str | None:
    try:
        return hashlib.sha256(output.read_bytes()).hexdigest()
    except OSError:
        return None


def up_to_date(inputs: Inputs, output: Path) -> dict | None:
    """The report of the last build, if rebuilding would write the very same `output`: no article
    added, removed or touched, the same code, and `output` as that build left it (hand edits, such
    as a given publication date, feed a rebuild). Costs a stat per article and one read of `output`."""
    if not output.exists() or not (output.parent / CACHE_DIR / "cache.sqlite").exists():
        return None
    cache = BuildCache(output.parent / CACHE_DIR, analysis_version())
    try:
        last = cache.last_build(output.resolve())
        if last is None:
            return None
        digest, output_sha, report = last
        if digest != inputs.digest or output_sha != _output_sha256(output):
            return None
        return report
    finally:
        cache.close()


def record_build(output: Path, result: BuildResult, data: bytes, full: bool = True) -> None:
    """Remember the build that just wrote `data` to `output`, for `up_to_date`, and (after a
    `full` build) what the next build needs to redo only part of it."""
    sha = hashlib.sha256(data).hexdigest()
    if full:
        from .incremental import record_snapshot
        record_snapshot(output, result, data, sha)
    if not result.inputs:
        return
    cache = BuildCache(output.parent / CACHE_DIR, analysis_version())
    cache.record_build(output.resolve(), result.inputs, sha,
                       {"summary": result.summary(), "warnings": result.warnings, "articles": result.articles})
    cache.close()


def finishing_label(output: Path) -> str:
    """What a progress display says once every article is read: the wait left is for this."""
    return f"Grouping events, writing {output.name}"


def date_and_tag(articles: list[Article]):
    """Publication date of each article (stated or inferred) and its timexes against it, for
    articles held in memory (`tag`). Year-less inferred dates take their year from the dated
    articles that mention the same days."""
    anchors = [pubdate.anchor(a) for a in articles]
    timexes: dict[int, list] = {i: tag(a.text, anchors[i].date)
                                for i, a in enumerate(articles) if anchors[i].date}
    dated = [(anchors[i].date, frozenset(tuple(d) for d in mentioned_days(timexes[i]))) for i in sorted(timexes)]
    for i, (a, anchor) in enumerate(zip(articles, anchors)):
        if anchor.date is None and anchor.month_day is not None:
            anchor.date = pubdate.year_from_neighbours(anchor, dated)
        if i not in timexes:
            timexes[i] = tag(a.text, anchor.date)
    return anchors, [timexes[i] for i in range(len(articles))]


def _analyse_all(jobs_in: list[tuple[str, str | None]], jobs: int, progress, offset: int, total: int):
    """Run the per-article step, in worker processes when there is enough work for them."""
    if jobs <= 1 or len(jobs_in) < 40:
        for n, job in enumerate(jobs_in):
            result = analyse_job(job)
            if progress:
                progress(offset + n + 1, total)
            yield result
        return
    import multiprocessing
    _start_resource_tracker()
    # spawn: safe from any thread (the explorer builds in a worker thread) and on every OS.
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        for n, result in enumerate(pool.imap(analyse_job, jobs_in, chunksize=max(1, min(64, len(jobs_in) // (jobs * 8))))):
            if progress:
                progress(offset + n + 1, total)
            yield result


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the process's real stderr. It is started
    with `sys.stderr.fileno()`, and inside the explorer sys.stderr is Textual's capture, whose
    descriptor is -1: the pool then failed with "bad value(s) in fds_to_keep" (textual#3593)."""
    if os.name != "posix" or sys.__stderr__ is None:
        return
    try:
        real = sys.stderr.fileno() >= 0
    except (AttributeError, ValueError, OSError):
        real = False
    if real:
        return
    from multiprocessing import resource_tracker
    captured, sys.stderr = sys.stderr, sys.__stderr__
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


def build(paths: list[Path] | Inputs, output: Path, old: Timeline | None = None,
          progress: Callable[[int, int], None] | None = None, jobs: int | None = None,
          use_cache: bool = True) -> BuildResult:
    """Build the timeline for `paths`, to be written at `output` (paths are stored relative to it).

    Articles are analysed one by one (in `jobs` processes, default all cores) and their results
    cached by content hash in `.nato-timeline/` beside `output`; only the grouping into events
    looks at all of them together."""
    inputs = paths if isinstance(paths, Inputs) else Inputs.scan(paths)
    files, problems = inputs.files, inputs.problems
    result = BuildResult(Timeline(), warnings=list(problems), inputs=inputs.digest)
    base = output.parent
    old_by_path = {s.path: s for s in old.sources} if old else {}
    given: dict[Path, str] = {}
    relative = {f: _relative(f, base) for f in files}
    for f in files:
        before = old_by_path.get(relative[f])
        if before and store.published_by_hand(before) and pubdate.parse_iso(before.published):
            given[f] = before.published
    cache = BuildCache(base / CACHE_DIR, analysis_version()) if use_cache else None
    hits: list[tuple | None] = [None] * len(files)  # where a file's cached result is, read when used
    todo: list[int] = []
    for i, f in enumerate(files):
        hits[i] = cache.cached(f, given.get(f), inputs.stats[i]) if cache else None
        if hits[i] is None:
            todo.append(i)
    done = len(files) - len(todo)
    if progress and done:
        progress(done, len(files))
    analysed = _analyse_all([(str(files[i]), given.get(files[i])) for i in todo],
                            jobs or os.cpu_count() or 1, progress, done, len(files))
    computed = zip(todo, analysed)
    states: dict[str, FileState] = {}
    taken: set[str] = set()
    mentions: list[ev.Mention] = []
    dated: list[tuple[dt.date, frozenset]] = []
    undated: list[tuple[Path, dict, int, str]] = []  # (file, result, place among the sources, id)
    sources = result.timeline.sources

    def add(f: Path, r: dict, order: int, sid: str) -> None:
        sources[order] = make_source(sid, relative[f], r)
        found = [ev.Mention.from_row(sid, order, row) for row in r["mentions"] or ()]
        mentions.extend(found)
        states[str(f)] = states[str(f)]._replace(sid=sid, values=frozenset(m.value for m in found),
                                                 repeated=repeats(found))

    # Each result is taken in file order as soon as it arrives, while the workers go on with the
    # next articles: its rows become mentions at once (20,000 articles' rows are 300 MB).
    for i, f in enumerate(files):
        if hits[i] is not None:
            r = cache.load(hits[i])
            # Unreadable after all (the database changed under us): analysed here, then.
            r = {**r, "path": str(f)} if r is not None else analyse_job((str(f), given.get(f)))
        else:
            j, r = next(computed)
            assert j == i, "results arrive in file order"
            if cache:
                cache.store(f, given.get(f), r, inputs.stats[i])
        if r.get("error"):
            result.warnings.append(r["error"])
            states[str(f)] = FileState(error=r["error"])
            continue
        result.warnings.extend(r.get("warnings", []))
        order = len(sources)
        states[str(f)] = FileState(order=order, stat=inputs.stats[i], given=given.get(f),
                                   date=r.get("date"), days=r.get("days", []), inferred=r.get("date") is None,
                                   warnings=list(r.get("warnings", [])))
        before = old_by_path.get(relative[f])
        art = Article(path=f, text="", sha256=r["sha256"], title=r["title"], outlet=r["outlet"], url=r["url"])
        sid = before.id if before and before.id not in taken else source_id(art, taken)
        taken.add(sid)
        sources.append(None)
        if r.get("date") is None:
            undated.append((f, r, order, sid))
            continue
        dated.append((dt.date.fromisoformat(r["date"]), frozenset(tuple(d) for d in r["days"])))
        add(f, r, order, sid)
    for _ in analysed:  # none left: this ends the generator, and with it the worker processes
        pass
    if cache:
        if todo:
            cache.forget_other_versions()
        cache.commit()
    result.articles = len(sources)
    # Articles that state no year take it from the dated articles that mention the same days.
    for f, r, order, sid in undated:
        anchor = pubdate.Anchor(None, "inferred", tuple(r["month_day"]) if r.get("month_day") else None,
                                frozenset(tuple(d) for d in r.get("days", [])))
        date = pubdate.year_from_neighbours(anchor, dated)
        if date is None:
            known = ""
            if anchor.month_day:  # "its own dates give 7 August"
                known = f" (its own dates give {anchor.month_day[1]} {dt.date(2000, *anchor.month_day):%B}, no year)"
            late = (f"{f}: publication date unknown{known}; relative dates left unresolved "
                    "(set `published:` for this source in the timeline)")
            result.warnings.append(late)
            states[str(f)] = states[str(f)]._replace(late=late)
        add(f, finish(r, date), order, sid)
    grouping = ev.group(mentions)
    # Quotes a person deleted stay out, and evidence a person grouped (`regroup`) is not grouped
    # again: both are taken out of the clusters before titles.
    clusters = grouping.clusters()
    memo: dict[int, tuple] = {}  # id() -> (cluster, what its event quotes): asked here, then by to_events

    def quoted(c: ev.Cluster) -> list[ev.Mention]:
        if (hit := memo.get(id(c))) is None or hit[0] is not c:
            hit = memo[id(c)] = (c, ev.quoted(c))
        return hit[1]
    gone = deleted.find(old, sources, (m for c in clusters for m in quoted(c)))
    for s in sources:
        s.fingerprint = deleted.with_told(s.fingerprint, gone.told.get(s.id))
    result.timeline.deleted, result.deleted = gone.entries, gone.found
    held = regroup.Held.of(old.events, store.fresh_sources(old, result.timeline.sources)) if old else None
    clusters = gone.strip(clusters, ev.Cluster)
    if held is not None:
        clusters = held.strip(clusters, ev.Cluster)
    clusters = sorted(clusters, key=ev.cluster_order)
    events = ev.to_events(clusters, quoted)  # in the same order
    built = {}
    for e, c in zip(events, clusters):
        taken_out = held is not None and id(c) in held.remnants
        e.fingerprint = store.built_fingerprint(e, taken_out)
        if not taken_out:  # else kept as a person's from now on: placed as the next build will place it
            built[id(e)] = (c.value, ev.cluster_order(c), e.id, ev.event_base(c.value, e.title))
    result.timeline.events = events
    result.state = BuildState(inputs.absolute, list(problems),
                              {full: states[str(f)] for f, full in zip(files, inputs.absolute)}, grouping, built)
    if old is not None:
        result.timeline = store.merge(old, result.timeline, held)
    if not result.timeline.title:
        result.timeline.title = _timeline_title(result.timeline)
    if cache:
        cache.close()
    return result


def make_source(sid: str, rel: str, r: dict, told: str | None = None) -> Source:
    """The source of an analysed article, before the hand edits of the last timeline (`told`:
    the digest of the quotes written for it, see `deleted`)."""
    src = Source(id=sid, path=rel, title=r["title"], outlet=r["outlet"], url=r["url"],
                 published=r["date"], published_from=r["how"] if r["date"] else None, sha256=r["sha256"])
    if src.published and src.published_from != "given":
        src.fingerprint = store.fingerprint(src.published, src.published_from)
    src.fingerprint = deleted.with_told(src.fingerprint, told)
    return src


def repeats(mentions: list[ev.Mention]) -> bool:
    """One sentence with one date expression at two places: merging tells them apart by offsets
    and by quote, so a rebuild of part of the timeline cannot."""
    places: dict[tuple, int] = {}
    return any(places.setdefault((m.quote, m.timex.text), m.sent_start) != m.sent_start for m in mentions)


def _timeline_title(tl: Timeline) -> str | None:
    """A default title: the first source's headline, or None."""
    return tl.sources[0].title if tl.sources else None

