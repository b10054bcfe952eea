"""Fuzz the reader, the tagger and the event builder with real news, mangled.

Every article of ../shared/eval/timebank_aquaint.json and every seed is reshuffled
(paragraph order), truncated at random points and sprinkled with control characters;
each variant goes through ingest, publication dates, tagging and event building.
Counts inputs and exceptions; exits 1 if any input raised.

    python benchmarks/fuzz.py [--variants 8] [--seed 1] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.build import date_and_tag  # noqa: E402
from tui.events import cluster_mentions, mentions_of, to_events  # noqa: E402
from tui.ingest import parse  # noqa: E402

CONTROL = ["\x00", "\x1b[31m", "\x1b]0;x\x07", "\x07", "\r", "\x0c", "\u202e", "\ufeff", "\x1b[2J", "\t", "\u2028"]


def variants(text: str, rnd: random.Random, n: int):
    paragraphs = text.split("\n\n")
    yield text
    for _ in range(n):
        kind = rnd.randrange(3)
        if kind == 0:
            shuffled = paragraphs[:]
            rnd.shuffle(shuffled)
            yield "\n\n".join(shuffled)
        elif kind == 1:
            yield text[: rnd.randrange(len(text) + 1)] if text else text
        else:
            chars = list(text)
            for _ in range(rnd.randrange(1, 30)):
                chars.insert(rnd.randrange(len(chars) + 1), rnd.choice(CONTROL))
            yield "".join(chars)


def run_one(text: str, dct: str | None) -> None:
    article = parse(text, Path("fuzz.txt"))
    if dct:
        article.header_date = dct
    anchors, timexes = date_and_tag([article])
    for t in timexes[0]:
        assert text[t.start:t.end] == t.text
    events = to_events(cluster_mentions(mentions_of("s", 0, text, article.sentences, timexes[0])))
    for e in events:
        for ev in e.evidence:
            assert text[ev.start:ev.end] == ev.quote


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--variants", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    docs = [(p.read_text(encoding="utf-8"), None) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    eval_path = ROOT.parent / "shared" / "eval" / "timebank_aquaint.json"
    if eval_path.exists():
        docs += [(d["text"], d["dct"]) for d in json.loads(eval_path.read_text(encoding="utf-8"))]
    docs = docs[: args.limit] if args.limit else docs
    tried = failed = 0
    for text, dct in docs:
        for variant in variants(text, rnd, args.variants):
            tried += 1
            try:
                run_one(variant, dct)
            except Exception:  # noqa: BLE001 - counting them is the point
                failed += 1
                if failed <= 3:
                    traceback.print_exc()
    print(f"fuzz: {tried} inputs from {len(docs)} documents, {failed} raised")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
