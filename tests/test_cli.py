"""The command line: build reproduces timeline.yaml, tag prints JSON, bad input is one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import INDEPENDENT, RFE, ROOT

from tui.cli import main


def run(args, capsys):
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_build_reproduces_committed_timeline_twice(workdir, capsys):
    for _ in range(2):
        status, out, _ = run(["build"], capsys)
        assert status == 0
        assert (workdir / "timeline.yaml").read_bytes() == (ROOT / "timeline.yaml").read_bytes()
    assert "2 articles" in out and "events" in out


def test_build_is_independent_of_hash_seed(workdir):
    outputs = []
    for seed in ("1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "tui.cli", "build", "-q", "-o", f"t{seed}.yaml"], cwd=workdir,
                       env=env, check=True)
        outputs.append((workdir / f"t{seed}.yaml").read_bytes())
    assert outputs[0] == outputs[1]


def test_the_command_leaves_at_once_with_everything_written(workdir, capsys):
    """The console script ends with os._exit, skipping Python's tidying up: what it printed and
    wrote must all be there, and the worker processes must leave nothing to complain about."""
    seeds = sorted((workdir / "seeds").glob("*.txt"))
    for n in range(21):  # enough articles for the worker processes
        for seed in seeds:
            (workdir / "seeds" / f"{n:02d}-{seed.name}").write_bytes(seed.read_bytes())
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # as a user's shell has it
    done = subprocess.run([sys.executable, "-m", "tui.cli", "build", "--jobs", "2", "-o", "cli.yaml"],
                          cwd=workdir, capture_output=True, text=True, env=buffered)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.startswith("cli.yaml: 44 articles, ")
    status, out, _ = run(["build", "--jobs", "1", "--no-cache", "-o", "here.yaml"], capsys)
    assert status == 0 and out.split(": ", 1)[1] == done.stdout.split(": ", 1)[1]
    assert (workdir / "cli.yaml").read_bytes() == (workdir / "here.yaml").read_bytes()
    assert sorted(p.name for p in workdir.iterdir()) == [".nato-timeline", "cli.yaml", "here.yaml", "seeds"]


def test_packaged_data_matches_the_repository():
    data = ROOT / "tui" / "data"
    assert (data / "timeline.yaml").read_bytes() == (ROOT / "timeline.yaml").read_bytes()
    for seed in (ROOT / "seeds").glob("*.txt"):
        assert (data / "seeds" / seed.name).read_bytes() == seed.read_bytes()


def test_tag_prints_json_with_exact_offsets(capsys):
    status, out, _ = run(["tag", str(RFE)], capsys)
    assert status == 0
    result = json.loads(out)
    # RFE/RL names the day ("May 24") but not the year: alone, its publication date is unknown.
    assert result["id"] == RFE.stem and result["dct"] is None
    text = RFE.read_text(encoding="utf-8")
    assert all(text[t["start"]:t["end"]] == t["text"] for t in result["timexes"])
    assert {"May 25", "May 22", "May 24"} <= {t["text"] for t in result["timexes"]}


def test_tag_takes_the_year_from_the_other_files(capsys):
    # Tagged with the Independent (dated 25 May 2017), RFE/RL's "May 24" gets its year, as in a build.
    status, out, _ = run(["tag", str(RFE), str(INDEPENDENT)], capsys)
    results = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert status == 0 and results[RFE.stem]["dct"] == "2017-05-24"


def test_tag_with_dct(capsys):
    status, out, _ = run(["tag", "--dct", "2017-05-24", str(RFE)], capsys)
    result = json.loads(out)
    assert result["dct"] == "2017-05-24"
    assert {"text": "May 25", "value": "2017-05-25"}.items() <= next(
        t for t in result["timexes"] if t["text"] == "May 25").items()


def test_tag_jsonl(capsys, monkeypatch):
    import io
    lines = [json.dumps({"id": "a", "text": "He left on Friday.", "dct": "2017-05-24"}),
             json.dumps({"id": "b", "text": "Talks end in April 2016.", "dct": None})]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    status, out, _ = run(["tag", "--jsonl"], capsys)
    results = [json.loads(x) for x in out.splitlines()]
    assert [r["id"] for r in results] == ["a", "b"]
    assert results[0]["timexes"][0]["value"] == "2017-05-19"
    assert results[1]["timexes"][0]["value"] == "2016-04"


def test_version_and_help(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and "nato-timeline" in capsys.readouterr().out
    for cmd in ("build", "tag", "list", "search", "show", "export", "open"):
        with pytest.raises(SystemExit) as exc:
            main([cmd, "--help"])
        assert exc.value.code == 0


@pytest.mark.parametrize("setup,args,status,message", [
    (None, ["build", "missing-folder"], 1, "no such file"),
    ("empty_dir", ["build", "empty"], 1, "no .txt files"),
    ("no_txt", ["build", "docs"], 1, "no .txt files"),
    ("malformed", ["build"], 2, "malformed YAML"),
    ("malformed", ["list"], 2, "malformed YAML"),
    (None, ["tag", "--dct", "2017-99-01", "x.txt"], 2, "not a date"),
])
def test_bad_input_one_line_error(workdir, capsys, setup, args, status, message):
    if setup == "empty_dir":
        (workdir / "empty").mkdir()
    if setup == "no_txt":
        (workdir / "docs").mkdir()
        (workdir / "docs" / "a.md").write_text("# hi")
    if setup == "malformed":
        (workdir / "timeline.yaml").write_text("events: [\n")
    before = (workdir / "timeline.yaml").read_bytes() if (workdir / "timeline.yaml").exists() else None
    got, out, err = run(args, capsys)
    assert got == status
    assert message in err and "Traceback" not in err
    assert len(err.splitlines()) == 1 and err.startswith("nato-timeline:"), err  # one line, nothing before it
    if before is not None:
        assert (workdir / "timeline.yaml").read_bytes() == before


def test_unreadable_file_is_skipped_with_warning(workdir, capsys):
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    p = workdir / "seeds" / "locked.txt"
    p.write_text("x")
    p.chmod(0)
    status, _, err = run(["build"], capsys)
    assert status == 0 and "permission denied" in err


@pytest.mark.parametrize("name,content,warning", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n \n", "empty file"),
    ("binary.txt", b"\x00\x01\x02\x03", "binary"),
    ("win.txt", "Summit news headline here\n\nHe said \u201chi\u201d on Friday.\n".encode("cp1252"), "cp1252"),
])
def test_bad_articles_warn_and_build_goes_on(workdir, capsys, name, content, warning):
    (workdir / "seeds" / name).write_bytes(content)
    status, out, err = run(["build"], capsys)
    assert status == 0 and warning in err and name in err and "Traceback" not in err


def test_console_script_runs():
    exe = Path(sys.executable).parent / "nato-timeline"
    if not exe.exists():
        pytest.skip("console script not installed next to this interpreter")
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("nato-timeline ")


def test_rebuild_with_nothing_changed_keeps_the_file_and_its_warnings(workdir, capsys):
    (workdir / "seeds" / "empty.txt").write_text("", encoding="utf-8")
    status, out, err = run(["build"], capsys)
    first = (workdir / "timeline.yaml").stat()
    assert status == 0 and "up to date" not in out and "empty.txt" in err
    status, again, err2 = run(["build"], capsys)
    assert status == 0 and "up to date: nothing changed" in again
    assert again.split(" (up to date")[0] == out.strip()  # the same summary
    assert "empty.txt" in err2  # the same warnings, said again
    assert (workdir / "timeline.yaml").stat().st_mtime_ns == first.st_mtime_ns


@pytest.mark.parametrize("change", ["article", "new article", "removed article", "timeline", "no cache"])
def test_rebuild_sees_every_kind_of_change(workdir, capsys, change):
    """A changed article, a new or removed one, or a hand edit of timeline.yaml all rebuild."""
    run(["build"], capsys)
    seed = sorted((workdir / "seeds").glob("*.txt"))[0]
    args = ["build"]
    if change == "article":
        text = seed.read_text(encoding="utf-8")
        seed.write_text(text.replace("May 24", "May 23", 1), encoding="utf-8")
    elif change == "new article":
        (workdir / "seeds" / "extra.txt").write_text("Extra\n\nDate: 2017-05-26\n\nThe leaders met on Friday in Brussels.\n",
                                                     encoding="utf-8")
    elif change == "removed article":
        seed.unlink()
    elif change == "timeline":
        path = workdir / "timeline.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("published_from: inferred", "published_from: given", 1),
                        encoding="utf-8")
    else:
        args.append("--no-cache")
    status, out, _ = run(args, capsys)
    assert status == 0 and "up to date" not in out


def test_show_takes_enough_of_an_id_to_tell_it_apart(workdir, capsys):
    """Ids are long; like a short commit name, a unique piece of one is enough."""
    assert run(["build", "-q"], capsys)[0] == 0
    ids = [line.split("\t")[-1] for line in run(["list"], capsys)[1].splitlines()]
    bombing = next(i for i in ids if "bombing-in-manchester" in i)
    status, out, _ = run(["show", "bombing-in-manchester"], capsys)
    assert status == 0
    assert out.splitlines()[0].startswith("2017-05-22  Bombing in Manchester")
    assert run(["show", "--json", bombing[:20]], capsys)[1] == run(["show", "--json", bombing], capsys)[1]
    status, _, err = run(["show", "manchester"], capsys)  # two events: say which
    assert status == 1
    assert err.count("\n") == 1 and "2 events match 'manchester'" in err and bombing in err
    status, _, err = run(["show", "no-such-event"], capsys)
    assert status == 1 and "no event with id 'no-such-event'" in err


def test_show_finds_a_hand_edited_id_in_any_case(workdir, capsys):
    assert run(["build", "-q"], capsys)[0] == 0
    ids = [line.split("\t")[-1] for line in run(["list"], capsys)[1].splitlines()]
    bombing = next(i for i in ids if "bombing-in-manchester" in i)
    path = workdir / "timeline.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"id: {bombing}\n", "id: Manchester-Attack\n"),
                    encoding="utf-8")
    for asked in ("Manchester-Attack", "manchester-attack", "MANCHESTER-ATT"):
        status, out, err = run(["show", asked], capsys)
        assert status == 0, err
        assert out.splitlines()[0].startswith("2017-05-22  Bombing in Manchester")


def test_build_says_the_dates_it_covers_as_a_reader_writes_them(tmp_path, monkeypatch, capsys):
    # From the evaluation set (APW19980219.0476): the value of "the 11th century" is "10".
    (tmp_path / "a.txt").write_text(
        "Date: 1998-02-19\n\nThe temples were built in the 11th century. Pol Pot was arrested on July 29, 1997.\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(["build", "a.txt"], capsys)
    assert status == 0 and "1 article, 2 events, dates 11th century … 29 Jul 1997, 0 warnings" in out, out


def test_show_gives_no_context_from_the_header(tmp_path, monkeypatch, capsys):
    # AP, 7 May 1999: the first sentence of the body was shown after "…Date: 1999-05-07".
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "ap.txt").write_text(
        "Date: 1999-05-07\n\n\n\nBUFFALO, N.Y. (AP) --\n\nDr. Barnett Slepian, just back from synagogue, was heating "
        "soup in his kitchen last fall when he was gunned down with a single shot through a window. Slepian's "
        "killer is still at large.\n", encoding="utf-8")
    assert run(["build", "-q", "news"], capsys)[0] == 0
    status, out, _ = run(["show", "1998-FA"], capsys)
    assert status == 0
    assert "gunned down with a single shot" in out and "Slepian's killer is still at large" in out
    assert "Date" not in out and "1999-05-07" in out  # the day it was published, in its place


def test_build_with_no_path_reads_seeds_else_the_articles_here(tmp_path, monkeypatch, capsys):
    """`cd articles; nato-timeline build` read nothing ("seeds: no such file or folder")."""
    monkeypatch.chdir(tmp_path)
    status, _, err = run(["build"], capsys)
    assert status == 1 and "no articles to build from" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "timeline.yaml").exists()
    for src in (INDEPENDENT, RFE):
        (tmp_path / src.name).write_bytes(src.read_bytes())
    status, out, _ = run(["build"], capsys)
    assert status == 0 and "2 articles" in out
    from tui import store
    tl = store.load(tmp_path / "timeline.yaml")
    assert sorted(s.path for s in tl.sources) == sorted([INDEPENDENT.name, RFE.name])
    committed = store.load(ROOT / "timeline.yaml")
    assert [(e.date, e.title) for e in tl.events] == [(e.date, e.title) for e in committed.events]
