"""Build speed at scale, as ratios in one run.

Writes the articles of ../shared/eval/timebank_aquaint.json as .txt files with a
`Date:` header, repeated with other dates and light word changes up to N files
(default 20,000; generated here, never committed). Then, in this one run:

* the baseline: `dateparser.search.search_dates` over a sample of 500 articles, in
  this process, scaled to N;
* cold builds (`nato-timeline build --jobs all`, empty cache) of 1,000, 5,000 and N
  articles, with throughput and the ratio to the baseline;
* a rebuild of N after one article changed (cache warm);
* the peak memory of the build processes.

    python benchmarks/build.py [--articles 20000] [--sizes 1000,5000] [--jobs N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "timebank_aquaint.json"
SWAPS = {"said": "says", "Monday": "Tuesday", "company": "firm", "officials": "authorities",
         "government": "administration", "percent": "per cent", "million": "billion", "week": "month"}


def make_corpus(folder: Path, n: int, seed: int = 3) -> list[tuple[str, str]]:
    """n articles from the evaluation texts; returns (text, dct) of each for the baseline."""
    docs = json.loads(EVAL.read_text(encoding="utf-8"))
    rnd = random.Random(seed)
    out = []
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        d = docs[i % len(docs)]
        dct = dt.date.fromisoformat(d["dct"]) + dt.timedelta(days=(i // len(docs)) * 37)
        text = d["text"]
        if i >= len(docs):
            words = re.split(r"(\W+)", text)
            for k in rnd.sample(range(len(words)), min(len(words), 12)):
                words[k] = SWAPS.get(words[k], words[k])
            text = "".join(words)
        body = f"Title: {d['id']} copy {i}\nDate: {dct.isoformat()}\n\n{text}"
        (folder / f"{i:06d}.txt").write_text(body, encoding="utf-8")
        out.append((text, dct.isoformat()))
    return out


def baseline_rate(sample: list[tuple[str, str]]) -> float:
    from dateparser.search import search_dates
    search_dates("warm up on 25 May 2017", languages=["en"])
    start = time.perf_counter()
    for text, dct in sample:
        search_dates(text, languages=["en"],
                     settings={"RELATIVE_BASE": dt.datetime.fromisoformat(dct), "PREFER_DATES_FROM": "past"})
    return len(sample) / (time.perf_counter() - start)


def run_build(folder: Path, jobs: int, fresh_cache: bool) -> tuple[float, float, str]:
    """Seconds, peak MB (the build process and its workers) and the summary line."""
    if fresh_cache:
        shutil.rmtree(folder / ".nato-timeline", ignore_errors=True)
        (folder / "timeline.yaml").unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "tui.cli", "build", str(folder / "articles"), "-o", str(folder / "timeline.yaml"),
           "--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    out, err = proc.communicate()
    if status != 0:
        raise SystemExit(f"build failed: {err.strip().splitlines()[-1] if err.strip() else status}")
    # ru_maxrss (KiB) of the build process; its workers are counted in its own children's usage.
    return seconds, usage.ru_maxrss / 1024, out.strip()


def search_speed(folder: Path, words: str = "interest rates") -> None:
    """One keyword search over the built timeline: reading and scanning every article, against
    the full-text index (its first use builds it; later ones only check file dates)."""
    sys.path.insert(0, str(ROOT))
    from tui import store
    from tui.search import SearchIndex, load_texts
    tl = store.load(folder / "timeline.yaml")
    timings = {}
    start = time.perf_counter()
    scanned = SearchIndex.build(tl, load_texts(tl, folder)).search(words)
    timings["read and scan every article"] = time.perf_counter() - start
    for name in ("full-text index, first use (builds it)", "full-text index, next use"):
        start = time.perf_counter()
        indexed = SearchIndex.for_timeline(tl, folder, large=1).search(words)
        timings[name] = time.perf_counter() - start
        assert indexed == scanned, "the index and the scan disagree"
    base = timings["read and scan every article"]
    for name, seconds in timings.items():
        print(f"search {words!r}, {name}: {seconds:.2f} s ({base / seconds:.1f}x the scan)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--sizes", default="1000,5000", help="smaller corpora to show growth")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep", type=Path, default=None, help="build here instead of a temporary folder")
    args = ap.parse_args()
    if not EVAL.exists():
        sys.exit(f"error: evaluation file not found: {EVAL}")
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="nato-build-"))
    sizes = [int(x) for x in args.sizes.split(",") if x] + [args.articles]
    print(f"cores: {os.cpu_count()}, jobs: {args.jobs}, corpus in {tmp}")
    t = time.perf_counter()
    sample = make_corpus(tmp / "full" / "articles", args.articles)[:500]
    print(f"generated {args.articles} articles in {time.perf_counter() - t:.1f} s")
    rate = baseline_rate(sample)
    print(f"baseline dateparser.search.search_dates: {rate:.1f} articles/s on one core "
          f"(500 sampled) -> {args.articles / rate:.0f} s for {args.articles}")
    print(f"{'articles':>9} {'cold build s':>13} {'articles/s':>11} {'vs baseline':>12} {'peak MB':>8}")
    for n in sizes:
        folder = tmp / f"n{n}"
        if n == args.articles:
            folder = tmp / "full"
        else:
            (folder / "articles").mkdir(parents=True, exist_ok=True)
            for i in range(n):
                src = tmp / "full" / "articles" / f"{i:06d}.txt"
                dst = folder / "articles" / src.name
                if not dst.exists():
                    os.link(src, dst)
        seconds, peak, summary = run_build(folder, args.jobs, fresh_cache=True)
        print(f"{n:>9} {seconds:>13.1f} {n / seconds:>11.1f} {(n / seconds) / rate:>11.1f}x {peak:>8.0f}")
    full = tmp / "full"
    print(f"  last build: {summary}")
    changed = full / "articles" / f"{args.articles // 2:06d}.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace(" the ", " a ", 3), encoding="utf-8")
    seconds, peak, summary = run_build(full, args.jobs, fresh_cache=False)
    print(f"rebuild after one article changed: {seconds:.2f} s, peak {peak:.0f} MB ({summary})")
    seconds, peak, _ = run_build(full, args.jobs, fresh_cache=False)
    print(f"rebuild with nothing changed: {seconds:.2f} s")
    search_speed(full)
    print(f"process CPU here (baseline and generation): {resource.getrusage(resource.RUSAGE_SELF).ru_utime:.0f} s")
    if args.keep is None:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
