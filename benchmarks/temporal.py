"""Accuracy and speed of the temporal tagger on the TempEval-3 training corpus.

Runs our tagger over ../shared/eval/timebank_aquaint.json (each article with its own
creation date), writes predictions in the scorer's format, prints the scorer's
summary for all types and for DATE+TIME, then runs the dateparser baseline named
in the issue on the same articles in the same run and prints both throughputs
and their ratio. `--errors` adds a table of the remaining errors by kind.

    python benchmarks/temporal.py [--eval PATH] [--out DIR] [--errors] [--baseline-docs N]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.temporal import clear_caches, tag  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval" / "timebank_aquaint.json"


WARM_UP = ("The summit opened on Thursday, May 25, 2017, a day after the leaders arrived.", "2017-05-25")


def run_ours(docs, passes: int = 5):
    """Predictions and the median time of `passes` passes, each with every cache emptied: a
    single 0.3 s pass swings by a fifth with whatever else the machine is doing."""
    times = []
    for _ in range(passes):
        clear_caches()
        tag(WARM_UP[0], dt.date.fromisoformat(WARM_UP[1]))  # first-call costs out of the timing, as for dateparser
        start = time.perf_counter()
        preds = []
        for d in docs:
            timexes = tag(d["text"], dt.date.fromisoformat(d["dct"]))
            preds.append({"id": d["id"], "timexes": [t.as_dict() for t in timexes]})
        times.append(time.perf_counter() - start)
    return preds, statistics.median(times)


def run_dateparser(docs, passes: int = 3):
    """Predictions and the median time of `passes` passes (its own caches stay warm after the
    first: if anything, that favours the baseline)."""
    from dateparser.search import search_dates
    search_dates(WARM_UP[0], languages=["en"], settings={"RELATIVE_BASE": dt.datetime.fromisoformat(WARM_UP[1])})
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        preds = []
        for d in docs:
            base = dt.datetime.fromisoformat(d["dct"])
            found = search_dates(d["text"], languages=["en"],
                                 settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
            timexes, pos = [], 0
            for text, value in found:
                i = d["text"].find(text, pos)
                if i < 0:
                    continue
                pos = i + len(text)
                timexes.append({"start": i, "end": pos, "type": "DATE", "value": value.strftime("%Y-%m-%d")})
            preds.append({"id": d["id"], "timexes": timexes})
        times.append(time.perf_counter() - start)
    return preds, statistics.median(times)


def score(eval_path: Path, pred_path: Path, restrict: str | None = None) -> str:
    cmd = [sys.executable, str(eval_path.parent / "score.py"), str(eval_path), str(pred_path)]
    if restrict:
        cmd += ["--restrict-types", restrict]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return out.splitlines()[0]


def error_table(docs, preds):
    """Count remaining errors by kind: missed, spurious, extent, value, type."""
    sys.path.insert(0, str(DEFAULT_EVAL.parent))
    kinds = collections.Counter()
    groups = collections.Counter()
    examples = collections.defaultdict(list)
    by_id = {p["id"]: p["timexes"] for p in preds}
    for d in docs:
        gold, pred = d["timexes"], by_id.get(d["id"], [])
        used = set()
        for g in gold:
            match = next((i for i, p in enumerate(pred) if i not in used
                          and min(g["end"], p["end"]) > max(g["start"], p["start"])), None)
            if match is None:
                kinds["missed"] += 1
                key = ("missed", g["type"], g["text"].lower())
            else:
                used.add(match)
                p = pred[match]
                if (p["start"], p["end"]) != (g["start"], g["end"]):
                    kinds["extent"] += 1
                if p["value"] != g["value"]:
                    kinds["value"] += 1
                    key = ("value", g["type"], f'{g["text"].lower()} -> gold {g["value"]} / ours {p["value"]}')
                elif p["type"] != g["type"]:
                    kinds["type"] += 1
                    key = ("type", g["type"], f'{g["text"].lower()} ours {p["type"]}')
                else:
                    continue
            groups[key[:2]] += 1
            examples[key[:2]].append(key[2])
        for i, p in enumerate(pred):
            if i not in used:
                kinds["spurious"] += 1
                groups[("spurious", p["type"])] += 1
                examples[("spurious", p["type"])].append(p["text"].lower())
    print("\nerrors by kind: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print(f"{'kind':10} {'type':9} {'count':>5}  most frequent")
    for (kind, ttype), n in groups.most_common(14):
        common = collections.Counter(examples[(kind, ttype)]).most_common(4)
        print(f"{kind:10} {ttype:9} {n:5}  " + "; ".join(f"{t} ({c})" for t, c in common))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--out", type=Path, default=Path("/tmp/nato-timeline-bench"))
    ap.add_argument("--errors", action="store_true", help="print the remaining errors by kind")
    ap.add_argument("--baseline-docs", type=int, default=None,
                    help="run the dateparser baseline on the first N articles only (default: all)")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    if not args.eval.exists():
        sys.exit(f"error: evaluation file not found: {args.eval}")
    docs = json.loads(args.eval.read_text(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)

    tag("warm up on 25 May 2017 and last Friday", dt.date(2017, 5, 25))
    preds, ours_s = run_ours(docs)
    ours_path = args.out / "ours.json"
    ours_path.write_text(json.dumps(preds), encoding="utf-8")
    print(f"nato-timeline tagger, {len(docs)} articles")
    print("  all types: " + score(args.eval, ours_path))
    print("  DATE+TIME: " + score(args.eval, ours_path, "DATE,TIME"))
    ours_rate = len(docs) / ours_s
    print(f"  throughput: {ours_rate:.1f} articles/s ({ours_s:.2f} s, median of 5 cold passes)")
    if args.errors:
        error_table(docs, preds)
    if args.no_baseline:
        return
    base_docs = docs[: args.baseline_docs] if args.baseline_docs else docs
    base_preds, base_s = run_dateparser(base_docs)
    base_path = args.out / "dateparser.json"
    base_path.write_text(json.dumps(base_preds), encoding="utf-8")
    base_rate = len(base_docs) / base_s
    print(f"dateparser.search.search_dates baseline, {len(base_docs)} articles")
    if len(base_docs) == len(docs):
        print("  all types: " + score(args.eval, base_path))
    print(f"  throughput: {base_rate:.1f} articles/s ({base_s:.2f} s, median of 3 passes)")
    print(f"speed ratio (ours / dateparser): {ours_rate / base_rate:.1f}x")


if __name__ == "__main__":
    main()
