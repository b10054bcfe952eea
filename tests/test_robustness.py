"""Bad input, hostile text and hand edits: never crash, never hang, never lose a person's work."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui import store
from tui.build import build
from tui.events import cluster_mentions, mentions_of, to_events
from tui.ingest import parse
from tui.temporal import tag

NEWSY = st.lists(st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:'\"-/\n\t()[]$%")
    + ["May ", "March ", "Friday ", " on ", "last year", " said ", " will ", "2017", "22", "\x1b[31m",
       "\x00", "\u2028", "é", "[bold]", "0:00 ", "a.m.", " ago", "-year-old", "the past two months"]),
    max_size=300).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000) | NEWSY)
def test_tagger_never_raises_spans_exact_and_bounded(text):
    for dct in (dt.date(2017, 5, 24), None):
        started = time.monotonic()
        found = tag(text, dct, time_limit=1.0)
        assert time.monotonic() - started < 3.0
        for t in found:
            assert text[t.start:t.end] == t.text
            assert t.type in ("DATE", "TIME", "DURATION", "SET") and t.value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000) | NEWSY)
def test_builder_never_raises_and_quotes_exact(text):
    article = parse(text, Path("fuzz.txt"))
    found = tag(text, dt.date(2017, 5, 24), time_limit=1.0)
    events = to_events(cluster_mentions(mentions_of("s", 0, text, article.sentences, found)))
    for e in events:
        for ev in e.evidence:
            assert text[ev.start:ev.end] == ev.quote


# --- hand edits across rebuilds ---------------------------------------------------------------

DATES = ["2017-05-23", "2017-06", "2016", "2017-W20", "2015-03-01"]
EDIT = st.one_of(
    st.tuples(st.just("title"), st.integers(0, 50), st.text("abcdefgh XYZ", min_size=1, max_size=12)),
    st.tuples(st.just("date"), st.integers(0, 50), st.sampled_from(DATES)),
    st.tuples(st.just("note"), st.integers(0, 50), st.text("abcdefgh XYZ", min_size=1, max_size=12)),
    st.tuples(st.just("hidden"), st.integers(0, 50), st.just(True)),
    st.tuples(st.just("add"), st.integers(0, 1000), st.sampled_from(DATES)),
    st.tuples(st.just("published"), st.integers(0, 1), st.sampled_from(["2017-05-23", "2017-05-20"])),
    st.tuples(st.just("rebuild"), st.just(0), st.just(None)),
    st.tuples(st.just("remove_source"), st.integers(0, 1), st.just(None)),
    st.tuples(st.just("restore_sources"), st.just(0), st.just(None)),
)


def _rebuild(folder: Path) -> None:
    out = folder / "timeline.yaml"
    result = build([folder / "seeds"], out, old=store.load(out) if out.exists() else None)
    store.save(result.timeline, out)


@settings(max_examples=int(os.environ.get("HAND_EDIT_EXAMPLES", "25")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDIT, min_size=1, max_size=8))
def test_every_hand_edit_survives_any_sequence_of_rebuilds(ops):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copytree(SEEDS, folder / "seeds")
        _rebuild(folder)
        path = folder / "timeline.yaml"
        expected_events: dict[str, dict] = {}
        expected_published: dict[str, str] = {}
        removed: set[str] = set()
        for op, n, value in ops:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            events = data["events"]
            if op in ("title", "date", "note", "hidden") and events:
                e = events[n % len(events)]
                if e.get(op) == value:
                    continue  # writing what is already there is no edit
                e[op] = value
                expected_events.setdefault(e["id"], {})[op] = value
                # Fields edited earlier on this event stay expected as they are.
            elif op == "add":
                eid = f"manual-{n}"
                if all(e["id"] != eid for e in events):
                    events.append({"id": eid, "date": value, "title": f"Added by hand {n}"})
                    expected_events[eid] = {"title": f"Added by hand {n}", "date": value}
            elif op == "published":
                src = data["sources"][n % len(data["sources"])]
                if src["path"] not in removed:
                    src["published"] = value
                    expected_published[src["path"]] = value
            elif op == "rebuild":
                _rebuild(folder)
                continue
            elif op == "remove_source":
                name = sorted(p.name for p in SEEDS.glob("*.txt"))[n]
                if (folder / "seeds" / name).exists() and len(list((folder / "seeds").glob("*.txt"))) > 1:
                    (folder / "seeds" / name).unlink()
                    removed.add(f"seeds/{name}")
                    expected_published.pop(f"seeds/{name}", None)
                _rebuild(folder)
                continue
            elif op == "restore_sources":
                for p in SEEDS.glob("*.txt"):
                    shutil.copy(p, folder / "seeds" / p.name)
                removed.clear()
                _rebuild(folder)
                continue
            path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        _rebuild(folder)
        _rebuild(folder)
        tl = store.load(path)
        for eid, fields in expected_events.items():
            e = tl.event(eid)
            assert e is not None, f"event {eid} was lost"
            for field, value in fields.items():
                assert getattr(e, field) == value, (eid, field)
        for src_path, value in expected_published.items():
            src = next(s for s in tl.sources if s.path == src_path)
            assert (src.published, src.published_from) == (value, "given")


# --- interrupted builds -----------------------------------------------------------------------

def test_killed_build_leaves_old_or_new_file(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(60):
        day = 1 + i % 28
        (seeds / f"a{i:03d}.txt").write_text(f"Date: 2017-05-{day:02d}\n\n" + texts[i % 2], encoding="utf-8")
    out = tmp_path / "timeline.yaml"
    shutil.copy(ROOT / "timeline.yaml", out)
    old = out.read_bytes()
    cmd = [sys.executable, "-m", "tui.cli", "build", "-q", str(seeds), "-o", str(out)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    subprocess.run(cmd, check=True, env=env)
    full = time.monotonic() - started
    new = out.read_bytes()
    assert new != old
    for fraction in (0.2, 0.5, 0.8, 0.9, 0.97, 0.99):
        out.write_bytes(old)
        proc = subprocess.Popen(cmd, env=env)
        time.sleep(full * fraction)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert out.read_bytes() in (old, new)
        store.load(out)  # and it parses
        # A kill can leave the file being written; it is hidden (".timeline.yaml.x1y2.tmp"), not
        # something a reader takes for a timeline.
        assert all(p.name.startswith(".") for p in tmp_path.iterdir() if p.name.endswith(".tmp"))


def test_the_half_written_file_of_a_killed_build_is_removed_by_the_next_write(tmp_path):
    """A process that dies between writing and renaming leaves its hidden temporary file; the next
    build removes it once it is old, and leaves alone that of a writer still running."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    out = tmp_path / "timeline.yaml"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    crash = ("import os, sys; from pathlib import Path; from tui import atomic; "
             "atomic.os.replace = lambda *a: os._exit(9); atomic.write_atomic(Path(sys.argv[1]), 'half')")
    assert subprocess.run([sys.executable, "-c", crash, str(out)], env=env).returncode == 9
    left = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(left) == 1 and left[0].name.startswith(".timeline.yaml.")
    running = tmp_path / f".timeline.yaml.{os.getpid()}.abcd.tmp"  # a writer that still runs
    running.write_text("being written")
    recent = left[0].with_name(left[0].name.replace(".tmp", "x.tmp"))
    recent.write_text("of a build that died a moment ago, or runs on another machine")
    long_ago = time.time() - 3600
    for p in (left[0], running):
        os.utime(p, (long_ago, long_ago))
    subprocess.run([sys.executable, "-m", "tui.cli", "build", "-q", "seeds"], cwd=tmp_path, env=env, check=True)
    assert not left[0].exists()
    assert running.exists() and recent.exists()
    assert store.load(out).events


# --- unreadable files and hostile names -------------------------------------------------------

@pytest.mark.skipif(not shutil.which("setpriv"), reason="needs setpriv to drop root's read override")
def test_unreadable_file_warns_even_for_root(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    locked = tmp_path / "seeds" / "locked.txt"
    locked.write_text("Headline\n\nSecret on Friday.\n")
    locked.chmod(0)
    cmd = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", sys.executable, "-m", "tui.cli", "build"]
    proc = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    assert "locked.txt: permission denied, skipped" in proc.stderr and "Traceback" not in proc.stderr


def test_hostile_file_names_and_text_in_build_messages(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "\x1b]0;owned\x07\x1b[31mred.txt").write_bytes(b"\x00\x01binary")
    (seeds / "ok.txt").write_text("Date: 2017-05-24\n\n[bold]Hi[/] \x1b[2J met on Monday.\n")
    proc = subprocess.run([sys.executable, "-m", "tui.cli", "build", str(seeds), "-o", str(tmp_path / "t.yaml")],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0
    assert "\x1b" not in proc.stderr + proc.stdout and "\x07" not in proc.stderr
    assert "binary" in proc.stderr
    listing = subprocess.run([sys.executable, "-m", "tui.cli", "search", "Monday", "-t", str(tmp_path / "t.yaml")],
                             capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "\x1b" not in listing.stdout and "[bold]Hi[/]" in listing.stdout


@pytest.mark.parametrize("content", [
    "Just some words with no dates at all, over and over. " * 50,
    "Accessibility links\n\nJoin our commenting forum\n\nplease wait\n\n0:00 0:01:21 0:00\n\nThank you for registering\n",
    "x" * 1_000_000,
])
def test_odd_articles_build_without_events_or_errors(tmp_path, content):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "odd.txt").write_text(content)
    result = build([tmp_path / "seeds"], tmp_path / "timeline.yaml")
    assert result.articles == 1 and result.timeline.events == []


def test_offsets_outside_the_text_are_marked_stale(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    data = yaml.safe_load((ROOT / "timeline.yaml").read_text())
    data["events"][0]["evidence"][0].update(start=10**7, end=10**7 + 5, quote="not in the text")
    (tmp_path / "timeline.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    tl = store.load(tmp_path / "timeline.yaml")
    warnings = store.verify_sources(tl, tmp_path)
    assert tl.events[0].evidence[0].stale and any("stale" in w for w in warnings)


def test_fuzz_sample_raises_nothing():
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "fuzz.py"), "--limit", "40", "--variants", "4"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert " 0 raised" in proc.stdout


def test_fifty_megabyte_file_is_skipped_with_a_warning(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    with open(tmp_path / "seeds" / "huge.txt", "wb") as f:
        f.write(b"News on Friday. " * (50 * 1024 * 1024 // 16))
    proc = subprocess.run([sys.executable, "-m", "tui.cli", "build"], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert proc.returncode == 0 and "huge.txt: too large for a news article" in proc.stderr
    assert "Traceback" not in proc.stderr
