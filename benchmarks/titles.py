"""How many event titles are broken fragments, by kind, on real news.

Builds timelines from the articles of ../shared/eval/timebank_aquaint.json (each with
its own creation date as `Date:`) and from tests/pages/, and counts the titles that
show a defect a reader sees at once: an empty title, a title that begins inside a
clause ("Which began", "Was sent into space", "Up from $10 million"), a possessive
left behind by the date ("'s debate against Vacco", "anyone 's campaign"), a hole
where it was ("declined between and 1992", "the post- politics"), an
abbreviation cut short ("Sniper shooting of Dr"), a dangling word at the end
("Was extended to"), a dash or a place name cut in two ("N.Y., between 1994 and
1997"). Each kind is one row of DEFECTS below: a pattern that can be
read and counted on its own.

    python benchmarks/titles.py [--show KIND] [--limit N]

The patterns judge the shape of a title, not its truth: a title can pass them all
and still be a poor summary. They are a floor, and a way to see the change a rule
makes over a thousand titles at once.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.build import build  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "timebank_aquaint.json"

_ABBREVIATIONS = r"Dr|Mr|Mrs|Ms|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Prof|Mt|Ft|Jr|Sr|No|Messrs"
# kind -> (pattern a defective title matches, what it means)
DEFECTS: dict[str, tuple[re.Pattern, str]] = {
    "empty": (re.compile(r"^\s*$"), "no title at all"),
    "short": (re.compile(r"^\s*\S+(?:\s+\S+)?\s*$"), "one or two words"),
    "possessive": (re.compile(r"^['’]s\b|\s['’]s\b|\b(?:before|after|since|until|of|at|in|on|by|for|during)['’]s\b"),
                   "a possessive whose owner (the date) was taken out"),
    "gap": (re.compile(r"\b(?:between|from)\s+(?:and|to)\b|\bbetween\s+\S+$|\b[a-z]+-\s|\b(?:and|or)\s+(?:and|or)\b"),
            "a hole where the date was: one end of a span, or part of a word"),
    "relative": (re.compile(r"^(?:Which|Whose|Whom|Who|Where|When|While|That|Than|And|But|Or|Because)\b"),
                 "begins with the word that joins it to a clause left out"),
    "lead-in": (re.compile(r"^(?:However|Meanwhile|Also|Still|Then|Yet|So|In addition),"),
                "begins with a word that links it to the sentence before"),
    "no verb": (re.compile(r"\bthat(?:\s+[A-Z][\w'’.-]*){1,4}$"),
                "cut after its subject, before the verb (\"… concluded that James Kopp\")"),
    "no subject": (re.compile(r"^(?:Was|Were|Is|Are|Has|Have|Had|Will|Would|Could|Should|Can|May|Might|Must"
                              r"|Said|Says|Told|Added|Noted|Announced|Reported|Declared|Posted|Followed|Began"
                              r"|Came|Went|Lived|Died|Arrived|Left|Met)\b"), "a verb whose subject was left out"),
    "modifier": (re.compile(r"^(?:Up|Down|Compared|Versus|Including|Payable|From|Against|To|Over|Through"
                            r"|Around|Until|Since)\b"), "a phrase that only qualifies a clause left out"),
    "only who said": (re.compile(r"^(?:[\w.'’-]+\s+){1,6}(?<!was )(?<!were )(?:said|says|reported|announced|told reporters)"
                                r"(?:\s+(?:here|there|in an? \w+))?$"), "who said it and nothing of what"),
    "dash": (re.compile(r"^(?:_|-{2,}|–|—)\s|\s(?:_|-{2,}|–|—)…?$|\s_\s"),
             "a dash left at an end, or the wire's \" _ \" aside cut in two"),
    "place cut": (re.compile(r"^(?:[A-Z][a-z]{0,4}\.){1,2},|,\s(?:[A-Z][a-z]{0,4}\.)+…$"),
                  "begins or is cut inside \"City, ST.\" (\"N.Y., between 1994\", \"Birmingham, Ala.…\")"),
    "wire quotes": (re.compile(r"``|''"), "the wire's `` and '' instead of quotation marks"),
    "cut abbreviation": (re.compile(rf"(?:\b(?:{_ABBREVIATIONS})|\b(?:[A-Z]\.)+[A-Z])$"),
                         "ends in an abbreviation that lost its full stop and what followed"),
    "cleft": (re.compile(r"\b(?:[Ii]t|[Tt]his)\s+(?:was|is)\s+(?:(?:not|only|just)\s+)*(?:that|when)\s"),
              "a cleft that lost its date (\"it was not that Castro revealed\")"),
    "scene only": (re.compile(r"^(?:For|Under|With|Following|Despite|Amid|During|Throughout|Although|Though|After"
                              r"|Before|On|In|As\s+of)\s(?!(?:are|is)\s)[^,]*$"),
                   "only the phrase that set the scene, not what happened (\"For the quarter ended\")"),
    "dangling end": (re.compile(r"\b(?:to|of|the|a|an|and|or|in|on|at|by|for|with|from|over|around|through"
                                r"|until|since|than|that)$", re.I), "ends in a word that needs more after it"),
}


def write_eval_articles(folder: Path) -> None:
    for d in json.loads(EVAL.read_text(encoding="utf-8")):
        (folder / f"{d['id']}.txt").write_text(f"Date: {d['dct']}\n\n{d['text']}", encoding="utf-8")


def titles_of(folder: Path) -> list[tuple[str, str]]:
    """(title, first quote) of each event built from `folder`."""
    with tempfile.TemporaryDirectory() as tmp:
        tl = build([folder], Path(tmp) / "timeline.yaml", use_cache=False).timeline
    return [(e.title, e.evidence[0].quote if e.evidence else "") for e in tl.events]


def defects_of(title: str) -> list[str]:
    return [kind for kind, (rx, _) in DEFECTS.items() if rx.search(title)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", metavar="KIND", help="print the titles of one kind (or 'all') with their quote")
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args()
    if not EVAL.exists():
        sys.exit(f"error: evaluation file not found: {EVAL}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_eval_articles(folder)
        corpora = {"eval articles": titles_of(folder), "tests/pages": titles_of(ROOT / "tests" / "pages")}
    for name, titles in corpora.items():
        kinds = Counter(k for t, _ in titles for k in defects_of(t))
        bad = sum(1 for t, _ in titles if defects_of(t))
        print(f"{name}: {len(titles)} events, {bad} titles with a defect ({100 * bad / max(1, len(titles)):.1f}%)")
        for kind, (_, meaning) in DEFECTS.items():
            print(f"  {kind:17s} {kinds[kind]:4d}  {meaning}")
    if args.show:
        shown = 0
        for t, quote in (x for titles in corpora.values() for x in titles):
            if shown < args.limit and (args.show in defects_of(t) or (args.show == "all" and defects_of(t))):
                print(f"\n{t!r}  [{', '.join(defects_of(t))}]\n    {quote[:240]}")
                shown += 1


if __name__ == "__main__":
    main()
