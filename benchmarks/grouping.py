"""How well dated sentences are grouped into events, against a grouping read by hand.

Builds a folder of articles and compares its events with the happenings of a gold file
by B-cubed precision and recall: for each telling, how many of the tellings in its event
belong to its happening, and how many of its happening's tellings are in its event.
Prints the scores and every telling placed apart from its happening or together with
another one. With no arguments, two stories:

* tests/pages/ against tests/grouping/pages.yaml: seven outlets on the NATO summit of
  May 2017, one week told many times;
* 15 AP and New York Times articles on the murder of Dr. Barnett Slepian, written out
  from ../shared/eval/timebank_aquaint.json, against tests/grouping/slepian.yaml: one
  story over fifteen months, its slaying told in 19 ways.

    python benchmarks/grouping.py [--folder tests/pages --gold tests/grouping/pages.yaml]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.build import build  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "timebank_aquaint.json"
GOLD = ROOT / "tests" / "grouping"


def read_gold(path: Path) -> dict[tuple[str, str, str], str]:
    """(page, date expression, first words) -> happening."""
    gold = {}
    for happening, tellings in yaml.safe_load(path.read_text(encoding="utf-8")).items():
        for line in tellings:
            page, timex, start = (part.strip() for part in line.split("|"))
            gold[(page, timex, start)] = happening
    return gold


def built_events(folder: Path) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(title, its tellings as (page, date expression, quote)) of each event built from `folder`."""
    with tempfile.TemporaryDirectory() as tmp:
        tl = build([folder], Path(tmp) / "timeline.yaml", use_cache=False).timeline
    page = {s.id: Path(s.path).stem for s in tl.sources}
    return [(e.title, [(page[ev.source], ev.timex, ev.quote) for ev in e.evidence]) for e in tl.events]


def label(gold: dict, telling: tuple[str, str, str]) -> str | None:
    page, timex, quote = telling
    return next((h for (p, t, start), h in gold.items() if p == page and t == timex and quote.startswith(start)),
                None)


def score(gold: dict, events: list) -> tuple[float, float, list[str]]:
    """B-cubed precision and recall over the tellings the gold names, and what went wrong."""
    placed = []  # (happening, event index) of each gold telling found in an event
    problems = []
    for i, (_, tellings) in enumerate(events):
        for t in tellings:
            h = label(gold, t)
            if h is None:
                problems.append(f"not in the gold file: {t[0]} | {t[1]} | {t[2][:60]}")
            else:
                placed.append((h, i))
    missing = set(gold.values()) - {h for h, _ in placed}
    problems += [f"happening with no event: {h}" for h in sorted(missing)]
    precision = recall = 0.0
    for h, i in placed:
        same_event = [g for g, j in placed if j == i]
        same_happening = [j for g, j in placed if g == h]
        precision += same_event.count(h) / len(same_event)
        recall += same_happening.count(i) / len(same_happening)
    n = len(placed) or 1
    for i, (title, _) in enumerate(events):
        happenings = sorted({h for h, j in placed if j == i})
        if len(happenings) > 1:
            problems.append(f"one event, {len(happenings)} happenings {happenings}: {title[:60]}")
    for h in sorted({h for h, _ in placed}):
        where = {j for g, j in placed if g == h}
        if len(where) > 1:
            problems.append(f"happening {h} split over {len(where)} events: "
                            + "; ".join(events[j][0][:40] for j in sorted(where)))
    return precision / n, recall / n, problems


def write_eval_articles(gold: dict, folder: Path) -> None:
    """The articles a gold file names, from the evaluation file, each with its creation date."""
    wanted = {page for page, _, _ in gold}
    for d in json.loads(EVAL.read_text(encoding="utf-8")):
        if d["id"] in wanted:
            (folder / f"{d['id']}.txt").write_text(f"Date: {d['dct']}\n\n{d['text']}", encoding="utf-8")


def report(name: str, gold: dict, events: list) -> None:
    p, r, problems = score(gold, events)
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{name}: {len(events)} events, {len(gold)} tellings in the gold file")
    print(f"B-cubed precision {100 * p:.1f}  recall {100 * r:.1f}  F1 {100 * f:.1f}")
    for line in problems:
        print("  " + line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folder", type=Path, help="articles to build (default: both stories)")
    ap.add_argument("--gold", type=Path, help="their grouping read by hand")
    args = ap.parse_args()
    if args.folder or args.gold:
        if not (args.folder and args.gold):
            ap.error("--folder and --gold go together")
        gold = read_gold(args.gold)
        report(args.folder.name, gold, built_events(args.folder))
        return
    report("pages", read_gold(GOLD / "pages.yaml"), built_events(ROOT / "tests" / "pages"))
    if not EVAL.exists():
        print(f"slepian: skipped, no {EVAL}")
        return
    gold = read_gold(GOLD / "slepian.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        write_eval_articles(gold, Path(tmp))
        events = built_events(Path(tmp))
    print()
    report("slepian", gold, events)


if __name__ == "__main__":
    main()
