"""Exports parsed back by real parsers; plain commands on a terminal and in a pipe."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest
from conftest import ROOT

from tui import export, store
from tui.cli import main

HOSTILE_QUOTE = 'He said "[bold]x[/]" | <script>alert(1)</script> # =cmd() \x1b[31m, done'


@pytest.fixture
def tl():
    return store.load(ROOT / "timeline.yaml")


@pytest.fixture
def hostile():
    tl = store.load(ROOT / "timeline.yaml")
    tl.events[0].evidence[0].quote = HOSTILE_QUOTE
    tl.events[0].title = "=HYPERLINK(\"x\") <b>bold</b> *star* [link](http://x)"
    return tl


def test_markdown_structure(tl):
    from markdown_it import MarkdownIt
    md = export.to_markdown(tl)
    tokens = MarkdownIt().parse(md)
    h2 = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2"]
    assert h2[0] == "2016" and "Sources" in h2
    quotes = sum(1 for t in tokens if t.type == "blockquote_open")
    assert quotes == sum(len(e.evidence) for e in tl.events)
    assert "1. RFE/RL, “NATO Says Will Join Anti" in md


def test_markdown_escapes_markup(hostile):
    from markdown_it import MarkdownIt
    html = MarkdownIt().render(export.to_markdown(hostile))
    assert "<script>" not in html and "<b>" not in html and '<a href="http://x"' not in html
    assert "\x1b" not in html


def test_csv_round_trip(tl, hostile):
    rows = list(csv.DictReader(io.StringIO(export.to_csv(tl), newline="")))
    assert len(rows) == sum(len(e.evidence) for e in tl.events)
    assert set(rows[0]) == set(export.CSV_COLUMNS)
    text = (ROOT / tl.source(rows[0]["source"]).path).read_text(encoding="utf-8")
    assert text[int(rows[0]["start"]):int(rows[0]["end"])] == rows[0]["quote"]
    hostile_rows = list(csv.DictReader(io.StringIO(export.to_csv(hostile), newline="")))
    assert hostile_rows[0]["title"].startswith("'=")  # not a spreadsheet formula
    assert "\x1b" not in hostile_rows[0]["quote"] and '"[bold]x[/]"' in hostile_rows[0]["quote"]


def test_json_matches_schema_and_timeline(tl):
    import jsonschema
    data = json.loads(export.to_json(tl))
    schema = json.loads((ROOT / "schema" / "timeline.schema.json").read_text())
    jsonschema.validate(data, schema)
    assert data == json.loads(json.dumps(store.to_data(tl)))


def test_ics_parsed_by_icalendar(tl):
    from icalendar import Calendar
    cal = Calendar.from_ical(export.to_ics(tl))
    events = cal.walk("VEVENT")
    assert len(events) == len(tl.events)
    by_uid = {str(e["uid"]): e for e in events}
    day = next(e for e in tl.events if e.date == "2017-05-22")
    ics = by_uid[f"{day.id}@nato-timeline"]
    assert str(ics.decoded("dtstart")) == "2017-05-22" and str(ics.decoded("dtend")) == "2017-05-23"
    year = next(e for e in tl.events if e.date == "2016")
    ics = by_uid[f"{year.id}@nato-timeline"]
    assert (str(ics.decoded("dtstart")), str(ics.decoded("dtend"))) == ("2016-01-01", "2017-01-01")
    assert year.evidence[0].quote in str(ics["description"])


def test_timelinejs_has_required_fields(tl, hostile):
    data = json.loads(export.to_timelinejs(tl))
    assert data["title"]["text"]["headline"]
    assert len(data["events"]) == len(tl.events)
    groups = {e["group"] for e in data["events"]}
    assert groups <= {s.id for s in tl.sources}
    for item in data["events"]:
        assert isinstance(item["start_date"]["year"], int)
        assert 1 <= item["start_date"].get("month", 1) <= 12
        assert item["text"]["headline"] and item["unique_id"]
    assert len({e["unique_id"] for e in data["events"]}) == len(data["events"])
    out = export.to_timelinejs(hostile)
    assert "<script>" not in out and "&lt;script&gt;" in out and "<b>" not in out


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_exports_are_byte_identical_and_skip_hidden(tl, fmt):
    assert export.export(tl, fmt) == export.export(store.load(ROOT / "timeline.yaml"), fmt)
    tl.events[0].hidden = True
    without = export.export(tl, fmt)
    assert tl.events[0].id not in without or fmt == "md"
    assert tl.events[0].id in export.export(tl, fmt, include_hidden=True) or fmt == "md"


@pytest.fixture
def here(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "timeline.yaml", tmp_path / "timeline.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_export_command_writes_file(here, capsys):
    assert main(["export", "--format", "ics", "-o", "out.ics"]) == 0
    assert (here / "out.ics").read_text().startswith("BEGIN:VCALENDAR")


def test_list_piped_is_tab_separated(here, capsys):
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 11 and all(len(line.split("\t")) == 4 for line in lines)
    assert lines[0].startswith("2016\t")


def test_list_on_a_terminal_is_a_table(here, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    assert main(["list", "--since", "2017-05-24", "--until", "2017-05-24"]) == 0
    out = capsys.readouterr().out
    assert "Erdogan" in out and ("┃" in out or "│" in out)
    assert "2016" not in out
    # Only what lies in the range: not the year 2017 ("Repeated exhortations…").
    assert "exhortations" not in out
    # A reader's dates, as the explorer shows them; a pipe gets the values ("2017-05-24").
    assert "Wed 24 May 2017" in out and not re.search(r"[│┃]\s*2017-05-24\s*[│┃]", out)


def test_list_json_and_filters(here, capsys):
    assert main(["list", "--json", "--grep", "Erdogan"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) == 1 and "Erdogan" in rows[0]["title"]


def test_search_exit_status_like_grep(here, capsys):
    assert main(["search", "Manchester"]) == 0
    out = capsys.readouterr().out
    assert "Manchester" in out
    assert main(["search", "zzzqqq"]) == 1


def test_search_says_when_only_the_articles_say_the_words(here, capsys):
    """"surveillance" is in the RFE/RL article but in no event's quote: the events that quote the
    article are listed, and stderr says why, or the reader looks for the word in vain."""
    assert main(["search", "Manchester"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["search", "surveillance"]) == 0
    out, err = capsys.readouterr()
    assert "surveillance" not in out.lower() and out.count("\n") > 1
    assert err == "no title or quote says 'surveillance'; these events quote articles that do\n"


def test_search_on_terminal_highlights(here, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    assert main(["search", "erdogan"]) == 0
    assert "Erdogan" in capsys.readouterr().out


def test_show_gives_context(here, capsys):
    tl = store.load(here / "timeline.yaml")
    e = next(e for e in tl.events if e.date == "2017-05-22")
    assert main(["show", e.id]) == 0
    out = capsys.readouterr().out
    assert e.title in out and "RFE/RL" in out and "…" in out
    assert main(["show", "no-such-event"]) == 1


def test_command_output_is_inert(here, capsys):
    import yaml
    data = yaml.safe_load((here / "timeline.yaml").read_text())
    data["events"][0]["title"] = "[bold red]x[/] \x1b]0;evil\x07 [link=file:///etc/passwd]y[/link]"
    (here / "timeline.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "[bold red]x[/]" in out


@pytest.mark.parametrize("value, written", [
    ("2016", "2016"), ("2017-04", "Apr 2017"), ("2017-05-22", "Mon 22 May 2017"), ("2017-W21", "week of 22 May 2017"),
    ("2017-Q2", "Q2 2017"), ("199", "1990s"), ("19", "20th century"), ("20", "21st century"), ("10", "11th century"),
    ("PAST_REF", "the past"),
])
def test_dates_are_written_at_their_precision(value, written):
    from tui.export import human_date
    assert human_date(value) == written
