"""The per-article step of a build: a pure function of a file's bytes and its given date.

`analyse()` reads one article, finds its publication date, tags it and extracts its
dated mentions. Its result is plain data (JSON-able), so it can run in worker
processes and be kept in the build cache under the file's content hash. Only an
article whose year must come from other articles needs a second, later step
(`finish()`); everything that compares articles with each other happens after.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import lru_cache
from pathlib import Path

from . import __version__, pubdate
from .events import mentions_of
from .ingest import ArticleError, read_article
from .temporal import tag

# Every file of the code an analysed result depends on: what `import tui.pipeline` loads
# (tests/test_core_imports.py checks that the two agree).
ANALYSING_CODE = ("__init__.py", "ingest.py", "furniture.py", "outlets.py", "sentences.py", "pubdate.py",
                  "events.py", "titles.py", "said.py", "places.py", "textutil.py", "lexicon.py", "model.py", "pipeline.py",
                  "temporal/__init__.py", "temporal/rules.py", "temporal/resources.py", "temporal/normalise.py",
                  "temporal/tense.py", "temporal/tagger.py", "temporal/values.py")


@lru_cache(maxsize=1)
def analysis_version() -> str:
    """Changes whenever the code that produces a result changes: cached results of another
    version are never used."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for name in ANALYSING_CODE:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


def mentioned_days(timexes) -> list[list[int]]:
    """(month, day) of every calendar day the timexes name: how articles are matched for a year."""
    days = set()
    for t in timexes:
        if t.type in ("DATE", "TIME") and len(t.value) >= 10 and t.value[4] == "-" and t.value[:4].isdigit():
            try:
                days.add((int(t.value[5:7]), int(t.value[8:10])))
            except ValueError:
                continue
    return sorted([m, d] for m, d in days)


def analyse(path: str, given: str | None = None) -> dict:
    """Everything one article contributes to a build, as plain data."""
    try:
        article = read_article(Path(path))
    except ArticleError as exc:
        return {"path": path, "error": str(exc)}
    result = {"path": path, "sha256": article.sha256, "title": article.title, "outlet": article.outlet,
              "url": article.url, "warnings": article.warnings, "error": None}
    anchor = pubdate.anchor(article, dt.date.fromisoformat(given) if given else None)
    result["how"] = anchor.how
    result["month_day"] = list(anchor.month_day) if anchor.month_day else None
    timexes = tag(article.text, anchor.date)
    # Without a publication date only what needs none is dated ("June 1998", "May 22, 2017"); the
    # rest waits for a year from the other articles (`finish`) or for a date set by hand.
    result.update(date=anchor.date.isoformat() if anchor.date else None,
                  days=mentioned_days(timexes) if anchor.date else sorted(list(md) for md in anchor.mentioned_days),
                  mentions=_rows(article, timexes, anchor.date))
    return result


def _rows(article, timexes, published: dt.date | None) -> list[list]:
    return [m.to_row() for m in mentions_of("", 0, article.text, article.sentences, timexes, published)]


def finish(result: dict, date: dt.date | None) -> dict:
    """Complete an article whose date was found only after all articles were read."""
    if date is None:
        return result
    article = read_article(Path(result["path"]))
    return {**result, "date": date.isoformat(), "mentions": _rows(article, tag(article.text, date), date)}


def analyse_job(job: tuple[str, str | None]) -> dict:
    """`analyse` for a process pool (one picklable argument)."""
    return analyse(*job)
