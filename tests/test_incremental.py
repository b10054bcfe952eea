"""Rebuild after one article changed: redo only its date blocks, and write what a full build writes.

The corpus is the two seed articles, each given a `Date:` header and told again on two
later days with a few words changed (as a wire service re-runs a story). Every test
compares the short cut's file byte for byte with a full `--no-cache` build of a copy.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS

from tui import json_copy, store
from tui.build import Inputs
from tui.cache import CACHE_DIR
from tui.cli import main
from tui.temporal.values import sort_key
from tui.yaml_items import item_digests, item_spans, section_bounds

DAYS = ["2017-05-25", "2017-06-07", "2017-09-14"]
SWAPS = [("said", "says"), ("officials", "authorities"), ("Wednesday", "Tuesday")]


def write_corpus(folder: Path) -> None:
    folder.mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for n, day in enumerate(DAYS):
            for old, new in SWAPS[:n]:
                text = text.replace(old, new)
            (folder / f"{seed.stem}-{n}.txt").write_text(f"Date: {day}\n\n{text}", encoding="utf-8")


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    write_corpus(tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def build(capsys, folder: Path, *extra: str) -> str:
    status = main(["build", str(folder / "articles"), "-o", str(folder / "timeline.yaml"), *extra])
    out, err = capsys.readouterr()
    assert status == 0, err
    return out.strip()


def full_build_of_copy(capsys, folder: Path, tmp_path: Path) -> str:
    """What a full build from the same articles and the same previous file writes."""
    copy = tmp_path / "full"
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir()
    shutil.copytree(folder / "articles", copy / "articles")
    shutil.copy(folder / "timeline.yaml.bak", copy / "timeline.yaml")
    build(capsys, copy, "--no-cache")
    return (copy / "timeline.yaml").read_text(encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def short_cut(summary: str) -> bool:
    return "changed article read again" in summary and "events made again" in summary


OPENING = "The North Atlantic Treaty Organisation (Nato) is joining"
CHANGES = {
    # a day moved: the May 24 blocks lose evidence, May 23 gains some
    "date in a sentence": ("000_3dbdce3846ecd486-1.txt", "May 24", "May 23"),
    # a new dated sentence where no article had one
    "new sentence": ("002_baf5f19066e9ca85-2.txt", OPENING, "On 3 March 2016 the talks first opened. " + OPENING),
    # a sentence taken out
    "sentence removed": ("000_3dbdce3846ecd486-0.txt", "NATO Says Will Join", "NATO Will Join"),
}


@pytest.fixture(params=["small file", "large file"])
def layout(request, monkeypatch):
    """A large timeline (here: any) is written by the fast dumper and gets a JSON load copy."""
    if request.param == "large file":
        monkeypatch.setattr(store, "FAST_DUMP_EVENTS", 0)
        monkeypatch.setattr(json_copy, "JSON_COPY_BYTES", 0)
    return request.param


@pytest.mark.parametrize("change", list(CHANGES))
def test_one_changed_article_rebuilds_part_and_matches_a_full_build(corpus, capsys, tmp_path, change, layout):
    first = build(capsys, corpus)
    assert not short_cut(first)
    name, old, new = CHANGES[change]
    edit(corpus / "articles" / name, old, new)
    shutil.copy(corpus / "timeline.yaml", corpus / "timeline.yaml.bak")  # the build also keeps one
    summary = build(capsys, corpus)
    assert short_cut(summary), summary
    assert "1 changed article read again" in summary
    written = (corpus / "timeline.yaml").read_text(encoding="utf-8")
    assert written == full_build_of_copy(capsys, corpus, tmp_path)
    # the quick-load copy was spliced too, and says the same as the YAML
    path = corpus / "timeline.yaml"
    from_copy = json_copy.read_cache(path, hashlib.sha256(path.read_bytes()).hexdigest())
    if layout == "large file":
        from_yaml = store.load(path, use_cache=False)
        assert (from_copy.sources, from_copy.events) == (from_yaml.sources, from_yaml.events)
        # and its digests of the YAML items are in step, so a hand edit then loads right
        data = path.read_bytes()
        head = json_copy.read_json_copy(path, hashlib.sha256(data).hexdigest())[0]
        assert head["items"] == item_digests(data, item_spans(data, section_bounds(data)))
        text = written.replace("  title: ", "  title: Renamed by hand ", 1)
        for change in (name, "the last event"):  # an item the rebuild wrote, then one it copied
            at = text.rindex("\n  title: ") + 1 if change == "the last event" else text.index("  title: ", text.index("\nevents:\n"))
            text = text[:at] + "  title: Renamed by hand\n" + text[text.index("\n", at) + 1:]
            path.write_text(text, encoding="utf-8")
            assert store.load(path) == store.load(path, use_cache=False)
    else:
        assert from_copy is None


def test_the_new_date_is_in_the_timeline_after_the_short_cut(corpus, capsys):
    build(capsys, corpus)
    edit(corpus / "articles" / "002_baf5f19066e9ca85-2.txt", OPENING, "On 3 March 2016 the talks first opened. " + OPENING)
    assert short_cut(build(capsys, corpus))
    tl = store.load(corpus / "timeline.yaml")
    opened = [e for e in tl.events if e.date == "2016-03-03"]
    assert [ev.quote for e in opened for ev in e.evidence] == ["On 3 March 2016 the talks first opened."]
    keys = [sort_key(e.date) for e in tl.events]
    assert keys == sorted(keys)  # spliced in its place, not appended


def test_hand_edits_survive_the_short_cut(corpus, capsys, tmp_path):
    build(capsys, corpus)
    path = corpus / "timeline.yaml"
    tl = store.load(path)
    target = next(e for e in tl.events if e.date == "2017-05-24")
    target.title = "Tillerson and Trump arrive in Brussels"  # as the app's rename does
    store.save(tl, path)
    build(capsys, corpus)  # a hand edit since the last build: the full build merges it
    edit(corpus / "articles" / "000_3dbdce3846ecd486-1.txt", "May 24", "May 23")
    shutil.copy(path, corpus / "timeline.yaml.bak")
    assert short_cut(build(capsys, corpus))
    titles = {e.id: e.title for e in store.load(path).events}
    assert titles[target.id] == "Tillerson and Trump arrive in Brussels"
    assert path.read_text(encoding="utf-8") == full_build_of_copy(capsys, corpus, tmp_path)


@pytest.mark.parametrize("case", ["hand edit", "new article", "removed article", "undated article"])
def test_changes_it_cannot_prove_go_the_full_way(corpus, capsys, tmp_path, case):
    build(capsys, corpus)
    path = corpus / "timeline.yaml"
    article = corpus / "articles" / "000_3dbdce3846ecd486-1.txt"
    edit(article, "May 24", "May 23")
    if case == "hand edit":
        edit(path, "title:", "title: Renamed by hand,")
    elif case == "new article":
        (corpus / "articles" / "extra.txt").write_text("Date: 2017-05-26\n\nThe leaders met on Friday in Brussels.\n",
                                                       encoding="utf-8")
    elif case == "removed article":
        (corpus / "articles" / "002_baf5f19066e9ca85-0.txt").unlink()
    else:
        edit(article, "Date: 2017-06-07\n", "")
    shutil.copy(path, corpus / "timeline.yaml.bak")
    summary = build(capsys, corpus)
    assert not short_cut(summary) and "up to date" not in summary
    assert path.read_text(encoding="utf-8") == full_build_of_copy(capsys, corpus, tmp_path)


def test_deleting_the_cache_is_safe(corpus, capsys, tmp_path):
    build(capsys, corpus)
    shutil.rmtree(corpus / CACHE_DIR)
    edit(corpus / "articles" / "000_3dbdce3846ecd486-1.txt", "May 24", "May 23")
    shutil.copy(corpus / "timeline.yaml", corpus / "timeline.yaml.bak")
    assert not short_cut(build(capsys, corpus))
    assert (corpus / "timeline.yaml").read_text(encoding="utf-8") == full_build_of_copy(capsys, corpus, tmp_path)


def test_results_of_older_versions_are_dropped_after_a_build(workdir, capsys):
    """The cache keeps only what this version can use: a folder rebuilt after every upgrade must
    not grow without end."""
    import sqlite3

    from tui.cli import main
    assert main(["build", "--jobs", "1"]) == 0
    db = sqlite3.connect(workdir / ".nato-timeline" / "cache.sqlite")
    with db:
        db.execute("INSERT INTO results VALUES ('feed', '', 'an older version', '{}')")
    db.close()
    article = next((workdir / "seeds").glob("*.txt"))
    article.write_text(article.read_text(encoding="utf-8") + "\nA closing line.\n", encoding="utf-8")
    assert main(["build", "--jobs", "1"]) == 0
    db = sqlite3.connect(workdir / ".nato-timeline" / "cache.sqlite")
    versions = {v for (v,) in db.execute("SELECT version FROM results")}
    db.close()
    assert len(versions) == 1 and "an older version" not in versions


def test_the_same_folder_named_another_way_still_takes_the_short_cut(corpus, capsys, tmp_path):
    # Built as /tmp/…/articles, rebuilt from its folder as "articles": the same files.
    first = build(capsys, corpus)
    assert not short_cut(first)
    edit(corpus / "articles" / "000_3dbdce3846ecd486-1.txt", "May 24", "May 23")
    shutil.copy(corpus / "timeline.yaml", corpus / "timeline.yaml.bak")
    status = main(["build", "articles", "-o", "timeline.yaml"])  # the fixture's cwd is `corpus`
    out, err = capsys.readouterr()
    assert status == 0, err
    assert short_cut(out), out
    written = (corpus / "timeline.yaml").read_text(encoding="utf-8")
    assert written == full_build_of_copy(capsys, corpus, tmp_path)


def test_the_same_folder_named_another_way_is_up_to_date(corpus, capsys):
    build(capsys, corpus)
    for named in ("articles", "./articles/", str(corpus / "articles"), "../" + corpus.name + "/articles"):
        status = main(["build", named, "-o", "timeline.yaml"])
        out, err = capsys.readouterr()
        assert status == 0, err
        assert "up to date" in out, (named, out)


def test_files_are_known_by_their_absolute_paths():
    # The snapshot knows files as os.path.abspath gives them: a file in ".", in "/", and names
    # that abspath normalises must come out the same, though the folder's is made once.
    names = ["a.txt", "seeds/x.txt", "/abs/y.txt", "./seeds/z.txt", "../up/w.txt", "/r.txt", "a//b.txt",
             "seeds/../s.txt", "seeds/x2.txt"]
    inputs = Inputs(names, [], [None] * len(names))
    assert inputs.absolute == [os.path.abspath(n) for n in names]


@pytest.mark.parametrize("change", ["date in a sentence", "new sentence"])
def test_grouping_changed_by_hand_survives_the_short_cut(corpus, capsys, tmp_path, change):
    build(capsys, corpus)
    path = corpus / "timeline.yaml"
    tl = store.load(path)
    target = next(e for e in tl.events if e.date == "2017-05-24" and len(e.evidence) > 2)
    target.evidence = target.evidence[:-1]  # a quote taken out, as the explorer's `b` does
    store.save(tl, path)
    build(capsys, corpus)  # a hand edit since the last build: the full build merges it
    name, old, new = CHANGES[change]
    edit(corpus / "articles" / name, old, new)
    shutil.copy(path, corpus / "timeline.yaml.bak")
    # An article whose sentences are grouped with held evidence takes the full way; others not.
    assert short_cut(build(capsys, corpus)) == (change == "new sentence")
    assert path.read_text(encoding="utf-8") == full_build_of_copy(capsys, corpus, tmp_path)
    kept = store.load(path).event(target.id)
    assert [(x.quote, x.timex) for x in kept.evidence] == [(x.quote, x.timex) for x in target.evidence]


def test_a_season_that_joins_a_new_day_is_regrouped_by_the_short_cut(tmp_path, capsys, monkeypatch):
    """"This summer" joins the day inside the summer that tells the same happening: when an
    edit brings such a day, the short cut must look at seasons too, not only at spans of up
    to two months ("this week", "this month")."""
    folder = tmp_path / "news"
    articles = folder / "articles"
    articles.mkdir(parents=True)
    monkeypatch.chdir(folder)
    (articles / "a.txt").write_text("Date: 1998-09-10\n\nProtesters from the Catholic districts blocked the "
                                    "Orange parade route this summer, the police said.\n", encoding="utf-8")
    (articles / "b.txt").write_text("Date: 1998-09-20\n\nProtesters from the Catholic districts blocked the "
                                    "Orange parade route on Monday, the police said.\n", encoding="utf-8")
    (articles / "c.txt").write_text("Date: 1998-08-04\n\nThe council met on Monday to discuss the budget.\n",
                                    encoding="utf-8")
    build(capsys, folder)
    before = store.load(folder / "timeline.yaml")
    assert any(e.date == "1998-SU" for e in before.events)  # Monday was in September: no summer day
    edit(articles / "b.txt", "Date: 1998-09-20", "Date: 1998-08-20")
    shutil.copy(folder / "timeline.yaml", folder / "timeline.yaml.bak")
    assert short_cut(build(capsys, folder))
    tl = store.load(folder / "timeline.yaml")
    [blocked] = [e for e in tl.events if any("blocked" in x.quote for x in e.evidence)]
    assert blocked.date == "1998-08-17" and len(blocked.evidence) == 2
    assert (folder / "timeline.yaml").read_text(encoding="utf-8") == full_build_of_copy(capsys, folder, tmp_path)


@pytest.mark.parametrize("change", ["date in a sentence", "new sentence"])
def test_an_event_deleted_by_hand_stays_deleted_through_the_short_cut(corpus, capsys, tmp_path, change):
    """The 2016 spending event is told by the RFE/RL copies only. "new sentence" adds a day of
    2016 to an Independent copy: the 2016 block is made again, its deleted quotes left out by the
    short cut. "date in a sentence" changes an RFE/RL copy that had a deleted quote: the full way."""
    spending = "Only the United States, Britain, Poland, Estonia, and Greece"
    build(capsys, corpus)
    path = corpus / "timeline.yaml"
    tl = store.load(path)
    tl.events = [e for e in tl.events if not any(spending in x.quote for x in e.evidence)]
    store.save(tl, path)
    assert "3 quotes you deleted left out" in build(capsys, corpus)
    name, old, new = CHANGES[change]
    edit(corpus / "articles" / name, old, new)
    shutil.copy(path, corpus / "timeline.yaml.bak")
    assert short_cut(build(capsys, corpus)) == (change == "new sentence")
    assert path.read_text(encoding="utf-8") == full_build_of_copy(capsys, corpus, tmp_path)
    tl = store.load(path)
    assert len(tl.deleted) == 3 and not any(spending in x.quote for e in tl.events for x in e.evidence)
