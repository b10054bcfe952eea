"""Randomised check of the incremental rebuild: it must write what a full build writes.

Writes N articles as `benchmarks/build.py` does, builds, then for each round edits one to
three random articles (a weekday or month swapped, the `Date:` header moved, a sentence
dropped or repeated, a dated sentence added, a year shifted) and builds twice from the same
state: the normal way (which takes the short cut when it can) and with `--no-cache` in a
copy. The two files must be equal byte for byte; with `--large` (fast dumper and JSON load
copy at any size) the spliced JSON copy must also read back as the YAML does. With
`--regroup K`, K quotes are first taken out of their events by hand (`tui.regroup`), so
the rebuilds also carry grouping a person changed.
Exits 1 with a diff at the first difference.

    python benchmarks/rebuild_check.py [--articles 150] [--rounds 30] [--seed 1] [--large] [--regroup K]
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import hashlib
import io
import os
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

os.environ["NATO_TIMELINE_STRICT"] = "1"  # a bug in the short cut raises instead of falling back

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def build(folder: Path, *extra: str) -> str:
    from tui.cli import main
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        status = main(["build", str(folder / "articles"), "-o", str(folder / "timeline.yaml"), *extra])
    if status != 0:
        raise SystemExit(f"build failed in {folder}")
    return out.getvalue().strip()


def swap(text: str, words: list[str], rnd: random.Random) -> str | None:
    found = list(re.finditer(r"\b(" + "|".join(words) + r")\b", text))
    if not found:
        return None
    m = rnd.choice(found)
    return text[:m.start()] + rnd.choice(words) + text[m.end():]


def edit(text: str, rnd: random.Random) -> str:
    op = rnd.randrange(7)
    sentences = list(re.finditer(r"[^.\n]+\.", text))
    changed = None
    if op == 0:
        changed = swap(text, DAYS, rnd)
    elif op == 1:
        changed = swap(text, MONTHS, rnd)
    elif op == 2 and (m := re.search(r"Date: (\d{4})-\d\d-\d\d", text)):
        changed = text[:m.start()] + f"Date: {m[1]}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}" + text[m.end():]
    elif op == 3 and len(sentences) > 3:
        m = rnd.choice(sentences[2:])
        changed = text[:m.start()] + text[m.end():]
    elif op == 4 and len(sentences) > 3:
        changed = text + "\n\n" + rnd.choice(sentences[2:]).group(0).strip() + "\n"
    elif op == 5:
        topic = rnd.choice(["budget", "strike", "treaty"])
        changed = text + f"\n\nOfficials met on {rnd.choice(DAYS)} and again earlier this week to discuss the {topic}.\n"
    elif op == 6 and (years := list(re.finditer(r"\b(19[5-9]\d|200\d)\b", text))):
        m = rnd.choice(years)
        changed = text[:m.start()] + str(int(m[0]) + rnd.choice([-1, 1])) + text[m.end():]
    return changed or text + "\nLast month the talks ended.\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--large", action="store_true", help="fast dumper and JSON copy at any size")
    ap.add_argument("--regroup", type=int, default=0, metavar="K", help="quotes taken out of their events by hand first")
    args = ap.parse_args()
    from build import make_corpus

    from tui import json_copy, store
    from tui.yaml_items import item_digests, item_spans, section_bounds
    if args.large:
        store.FAST_DUMP_EVENTS = 0
        json_copy.JSON_COPY_BYTES = 0
    rnd = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        work, full = Path(tmp) / "work", Path(tmp) / "full"
        make_corpus(work / "articles", args.articles)
        print("first build:", build(work))
        if args.regroup:  # with a generator of its own: the rounds edit the same articles as without
            pick = random.Random(args.seed + 1)
            tl = store.load(work / "timeline.yaml")
            for e in pick.sample([e for e in tl.events if len(e.evidence) > 1], args.regroup):
                out = pick.choice(e.evidence)
                e.evidence = [x for x in e.evidence if x is not out]
            store.save(tl, work / "timeline.yaml")
            print(f"{args.regroup} quotes taken out by hand:", build(work))
        short_cuts = 0
        for r in range(args.rounds):
            files = sorted((work / "articles").glob("*.txt"))
            for f in rnd.sample(files, rnd.choice([1, 1, 1, 2, 3])):
                f.write_text(edit(f.read_text(encoding="utf-8"), rnd), encoding="utf-8")
            shutil.rmtree(full, ignore_errors=True)
            shutil.copytree(work, full)
            summary = build(work)
            build(full, "--no-cache")
            short_cuts += "made again" in summary
            ours, theirs = (work / "timeline.yaml").read_text("utf-8"), (full / "timeline.yaml").read_text("utf-8")
            if ours != theirs:
                print(f"round {r}: the rebuild differs from a full build ({summary})")
                sys.stdout.writelines(list(difflib.unified_diff(theirs.splitlines(True), ours.splitlines(True),
                                                                "full", "incremental"))[:80])
                return 1
            if args.large:
                path = work / "timeline.yaml"
                copy = json_copy.read_cache(path, hashlib.sha256(path.read_bytes()).hexdigest())
                parsed = store.load(path, use_cache=False)
                if copy is None or (copy.sources, copy.events) != (parsed.sources, parsed.events):
                    print(f"round {r}: the JSON copy does not read back as the YAML ({summary})")
                    return 1
                data = path.read_bytes()  # and its digests of the YAML items are in step with them
                head = json_copy.read_json_copy(path, hashlib.sha256(data).hexdigest())[0]
                if head.get("items") != item_digests(data, item_spans(data, section_bounds(data))):
                    print(f"round {r}: the JSON copy's item digests are not the file's ({summary})")
                    return 1
        print(f"{args.rounds} rounds: the rebuild wrote what a full build writes every time; "
              f"{short_cuts} took the short cut")
    return 0


if __name__ == "__main__":
    sys.exit(main())
