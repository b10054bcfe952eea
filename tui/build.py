"""Build a timeline from article files: read, date, tag, group, merge with the file on disk.

The steps are plain functions of their inputs, so the same files give the same
timeline byte for byte. `progress(done, total)` is called as articles are read.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import events as ev
from . import pubdate, store
from .ingest import Article, ArticleError, collect_paths, read_article
from .model import Source, Timeline
from .temporal import tag
from .temporal import values as V
from .textutil import STOPWORDS, slug


@dataclass
class BuildResult:
    timeline: Timeline
    warnings: list[str] = field(default_factory=list)
    articles: int = 0

    def summary(self) -> str:
        dated = [e.date for e in self.timeline.events if V.is_calendar(e.date)]
        if dated:
            first = min(dated, key=V.sort_key)
            last = max(dated, key=lambda d: V.span(d)[1])
            covered = f"{first} … {last}"
        else:
            covered = "no dates"
        return (f"{self.articles} articles, {len(self.timeline.events)} events, "
                f"dates {covered}, {len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}")


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
        return os.path.relpath(path.resolve(), base.resolve()).replace(os.sep, "/")
    except ValueError:  # another drive on Windows
        return str(path.resolve())


def _mentioned_days(timexes) -> frozenset:
    days = set()
    for t in timexes:
        m = re.match(r"^\d{4}-(\d{2})-(\d{2})", t.value)
        if m and t.type in ("DATE", "TIME"):
            days.add((int(m[1]), int(m[2])))
    return frozenset(days)


def date_and_tag(articles: list[Article], given: dict | None = None):
    """Publication date of each article (given, stated or inferred) and its timexes against it.

    `given` maps id(article) to a date the user set. Year-less inferred dates take
    their year from the dated articles that mention the same days.
    """
    given = given or {}
    anchors: list[pubdate.Anchor] = []
    for a in articles:
        if id(a) in given:
            anchors.append(pubdate.Anchor(given[id(a)], "given"))
            continue
        stated = pubdate.stated(a)
        anchors.append(pubdate.Anchor(stated, "stated") if stated else pubdate.infer(a))
    timexes: dict[int, list] = {i: tag(a.text, anchors[i].date)
                                for i, a in enumerate(articles) if anchors[i].date}
    dated = [(anchors[i].date, _mentioned_days(timexes[i])) for i in sorted(timexes)]
    for i, (a, anchor) in enumerate(zip(articles, anchors)):
        if anchor.date is None and anchor.month_day is not None:
            anchor.date = pubdate.year_from_neighbours(anchor, dated)
        if i not in timexes:
            timexes[i] = tag(a.text, anchor.date)
    return anchors, [timexes[i] for i in range(len(articles))]


def build(paths: list[Path], output: Path, old: Timeline | None = None,
          progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Build the timeline for `paths`, to be written at `output` (paths are stored relative to it)."""
    files, problems = collect_paths(paths)
    result = BuildResult(Timeline(), warnings=list(problems))
    articles: list[Article] = []
    for i, path in enumerate(files):
        try:
            article = read_article(path)
        except ArticleError as exc:
            result.warnings.append(str(exc))
        else:
            result.warnings.extend(article.warnings)
            articles.append(article)
        if progress:
            progress(i + 1, len(files))
    result.articles = len(articles)
    base = output.parent
    old_by_path = {s.path: s for s in old.sources} if old else {}

    given = {}
    for a in articles:
        before = old_by_path.get(_relative(a.path, base))
        if before and store.published_by_hand(before) and pubdate.parse_iso(before.published):
            given[id(a)] = pubdate.parse_iso(before.published)
    anchors, timexes = date_and_tag(articles, given)
    for a, anchor in zip(articles, anchors):
        if anchor.date is None:
            result.warnings.append(f"{a.path}: publication date unknown; relative dates left unresolved "
                                   "(set `published:` for this source in the timeline)")

    taken: set[str] = set()
    mentions = []
    for order, (a, anchor) in enumerate(zip(articles, anchors)):
        rel = _relative(a.path, base)
        before = old_by_path.get(rel)
        sid = before.id if before and before.id not in taken else source_id(a, taken)
        taken.add(sid)
        result.timeline.sources.append(Source(
            id=sid, path=rel, title=a.title, outlet=a.outlet, url=a.url,
            published=anchor.date.isoformat() if anchor.date else None,
            published_from=anchor.how if anchor.date else None, sha256=a.sha256))
        src = result.timeline.sources[-1]
        if src.published and src.published_from != "given":
            src.fingerprint = store.fingerprint(src.published, src.published_from)
        mentions.extend(ev.mentions_of(sid, order, a.text, a.sentences, timexes[order]))
    events = ev.to_events(ev.cluster_mentions(mentions))
    for e in events:
        e.fingerprint = store.fingerprint(e.title, e.date)
    result.timeline.events = events
    if old is not None:
        result.timeline = store.merge(old, result.timeline)
    if not result.timeline.title:
        result.timeline.title = _timeline_title(result.timeline)
    return result


def _timeline_title(tl: Timeline) -> str | None:
    """A default title: the first source's headline, or None."""
    return tl.sources[0].title if tl.sources else None


def today() -> dt.date:  # kept out of the build: output must not depend on the day it runs
    return dt.date.today()
