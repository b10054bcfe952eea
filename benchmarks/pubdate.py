"""How well the build finds publication dates it is not told.

Writes each article of ../shared/eval/timebank_aquaint.json as a file without its
creation date and asks `pubdate.anchor` for the date, twice: under a name that
says nothing ("article-17.txt": the text alone must tell) and under the
article's archive id ("APW20000106.0064.txt", as the corpus ships it). Each
answer is compared with the annotated creation date:

    exact       the same day
    near        within a week (a weekday then resolves to the wrong week at most half the time)
    wrong       further off: every relative date of the article is misdated
    unknown     no date: the build warns and asks for `published:`

    python benchmarks/pubdate.py [--eval PATH] [--list wrong|near|unknown|exact]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui import pubdate  # noqa: E402
from tui.ingest import read_article  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval" / "timebank_aquaint.json"
KINDS = ("exact", "near", "wrong", "unknown")


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def judge(found: dt.date | None, month_day: tuple[int, int] | None, truth: dt.date) -> str:
    if found is None:
        # A day without a year still has to find its year among other articles: judged as if it did.
        if month_day is None:
            return "unknown"
        found = min((d for y in (truth.year - 1, truth.year, truth.year + 1) if (d := _day(y, *month_day))),
                    key=lambda d: abs((d - truth).days))
    off = abs((found - truth).days)
    return "exact" if off == 0 else "near" if off <= 7 else "wrong"


def run(docs: list[dict], folder: Path, named: bool) -> list[tuple[str, str, str, str]]:
    rows = []
    for n, d in enumerate(docs):
        path = folder / (f"{d['id']}.txt" if named else f"article-{n}.txt")
        path.write_text(d["text"], encoding="utf-8")
        a = pubdate.anchor(read_article(path))
        truth = dt.date.fromisoformat(d["dct"])
        rows.append((judge(a.date, a.month_day, truth), d["id"], d["dct"], f"{a.date or a.month_day} ({a.how})"))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--list", choices=KINDS, help="print the articles judged so")
    args = ap.parse_args()
    if not args.eval.exists():
        sys.exit(f"error: evaluation file not found: {args.eval}")
    docs = json.loads(args.eval.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        for named in (False, True):
            rows = run(docs, Path(tmp), named)
            counts = collections.Counter(r[0] for r in rows)
            label = "named by archive id" if named else "text alone"
            print(f"{label:20s} " + "  ".join(f"{k} {counts[k]}" for k in KINDS) + f"  (of {len(rows)})")
            if args.list:
                for r in rows:
                    if r[0] == args.list:
                        print("   ", *r[1:])


if __name__ == "__main__":
    main()
