"""timeline.yaml: safe loading, shape errors with places, atomic writes, hand edits across rebuilds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tui import json_copy, store
from tui.atomic import write_atomic
from tui.build import build
from tui.store import TimelineError


def rebuild(folder: Path):
    out = folder / "timeline.yaml"
    old = store.load(out) if out.exists() else None
    result = build([folder / "seeds"], out, old=old)
    store.save(result.timeline, out)
    return store.load(out)


def edit(folder: Path, fn):
    path = folder / "timeline.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    fn(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_round_trip_is_identical(workdir):
    tl = rebuild(workdir)
    assert store.dumps(store.loads(store.dumps(tl))) == store.dumps(tl)


def test_hand_edits_survive_rebuilds(workdir):
    tl = rebuild(workdir)
    bombing = next(e for e in tl.events if e.date == "2017-05-22")
    arrival = next(e for e in tl.events if "Arriving" in " ".join(ev.quote for ev in e.evidence))

    def change(data):
        for e in data["events"]:
            if e["id"] == bombing.id:
                e["title"] = "Manchester Arena bombing kills 22"
                e["note"] = "Check the casualty count."
            if e["id"] == arrival.id:
                e["hidden"] = True
                e["date"] = "2017-05-23"
        data["events"].append({"id": "my-own-event", "date": "2017-05-26", "title": "G7 meets in Sicily"})
        data["sources"][0]["published"] = "2017-05-23"
        data["extra_key"] = {"kept": True}

    edit(workdir, change)
    for _ in range(3):
        tl = rebuild(workdir)
    b = tl.event(bombing.id)
    assert (b.title, b.note) == ("Manchester Arena bombing kills 22", "Check the casualty count.")
    a = tl.event(arrival.id)
    assert a.hidden and a.date == "2017-05-23"
    mine = tl.event("my-own-event")
    assert mine is not None and mine.title == "G7 meets in Sicily"
    assert (tl.sources[0].published, tl.sources[0].published_from) == ("2017-05-23", "given")
    assert tl.extra["extra_key"] == {"kept": True}


def test_unedited_events_follow_the_builder(workdir):
    tl1 = rebuild(workdir)
    tl2 = rebuild(workdir)
    assert store.dumps(tl1) == store.dumps(tl2)


def test_edited_event_whose_source_is_removed_is_kept_orphaned(workdir):
    tl = rebuild(workdir)
    only_indep = next(e for e in tl.events if all(s.startswith("the-independent") for s in e.sources)) \
        if any(all(s.startswith("the-independent") for s in e.sources) for e in tl.events) else None
    target = only_indep or next(e for e in tl.events if any(s.startswith("the-independent") for s in e.sources))
    edit(workdir, lambda d: [e.update(note="keep me") for e in d["events"] if e["id"] == target.id])
    (workdir / "seeds" / "002_baf5f19066e9ca85.txt").unlink()
    tl = rebuild(workdir)
    kept = tl.event(target.id)
    assert kept is not None and kept.note == "keep me"
    if only_indep:
        assert kept.orphaned


@pytest.mark.parametrize("text,expected", [
    ("version: 1\nevents: [\n", "timeline.yaml:3:1: malformed YAML"),
    ("- just\n- a list\n", "expected a mapping"),
    ("sources: []\nevents:\n- id: a\n  title: x\n", "date: missing"),
    ("sources: []\nevents:\n- id: a\n  date: soon\n", "is not a date"),
    ("sources: []\nevents:\n- id: a\n  date: '2017-13'\n", "is not a date"),
    ("sources: []\nevents:\n- id: a\n  date: '2017'\n  evidence:\n  - {source: nope, start: 0, end: 1}\n",
     "unknown source"),
    ("sources: []\nevents:\n- {id: a, date: '2017'}\n- {id: a, date: '2016'}\n", "duplicate event id"),
    ("sources:\n- {id: s, path: x.txt}\nevents:\n- id: a\n  date: '2017'\n  evidence:\n"
     "  - {source: s, start: 9, end: 2}\n", "not a span"),
    ("!!python/object/apply:os.system ['echo pwned']\n", "malformed YAML"),
    ("sources:\n- {id: s, path: x.txt, published: yesterday}\n", "not a date"),
])
def test_bad_timelines_give_one_line_errors(text, expected):
    with pytest.raises(TimelineError) as exc:
        store.loads(text)
    assert expected in str(exc.value) and "\n" not in str(exc.value)


def test_python_tags_never_construct_objects():
    with pytest.raises(TimelineError):
        store.loads("title: !!python/object/new:os.system [echo hi]\n")


def test_atomic_write_keeps_a_backup(tmp_path):
    path = tmp_path / "timeline.yaml"
    write_atomic(path, "version: 1\n")
    write_atomic(path, "version: 1\ntitle: two\n")
    assert path.read_text() == "version: 1\ntitle: two\n"
    assert (tmp_path / "timeline.yaml.bak").read_text() == "version: 1\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_changed_source_is_reanchored_or_stale(workdir):
    tl = rebuild(workdir)
    path = workdir / "seeds" / "000_3dbdce3846ecd486.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text("A new first paragraph was added.\n\n" + text.replace("hundreds gathered", "many gathered"),
                    encoding="utf-8")
    warnings = store.verify_sources(tl, workdir)
    assert any("changed since the timeline was built" in w for w in warnings)
    new_text = path.read_text(encoding="utf-8")
    for e in tl.events:
        for ev in e.evidence:
            if ev.source == tl.sources[0].id:
                if "many gathered" in new_text and "hundreds gathered" in ev.quote:
                    assert ev.stale
                else:
                    assert not ev.stale and new_text[ev.start:ev.end] == ev.quote


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PLAIN = st.recursive(st.none() | st.booleans() | st.integers(-10**9, 10**9) | st.text(max_size=40),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                     max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=8).filter(lambda k: k.strip() == k and k), PLAIN, max_size=5))
def test_fast_writer_round_trips_through_yaml(data):
    assert yaml.safe_load(store.fast_dump(data)) == data


def test_big_timelines_use_the_fast_writer_and_read_back(tmp_path):
    from conftest import ROOT
    tl = store.load(ROOT / "timeline.yaml")
    base = tl.events[0]
    from dataclasses import replace
    tl.events = [replace(base, id=f"e{i}") for i in range(store.FAST_DUMP_EVENTS + 1)]
    store.save(tl, tmp_path / "t.yaml")
    assert store.dumps(store.load(tmp_path / "t.yaml", use_cache=False)) == store.dumps(tl)


def test_big_timelines_are_written_in_chunks_exactly_as_in_one_piece(monkeypatch):
    """The writer dumps events a thousand at a time to save memory; the bytes are the same as
    dumping the whole timeline at once, across chunk edges and with hand-added keys."""
    from dataclasses import replace

    from conftest import ROOT
    tl = store.load(ROOT / "timeline.yaml")
    tl.extra = {"reviewed_by": "desk", "tags": ["nato", "isis"]}
    tl.events = [replace(tl.events[i % len(tl.events)], id=f"e{i}", extra={"n": i} if i % 7 == 0 else {})
                 for i in range(2500)]
    monkeypatch.setattr(store, "FAST_DUMP_EVENTS", 100)
    assert store.dumps_for_save(tl) == store.fast_dump(store.to_data(tl))


def test_big_timelines_write_every_kind_of_event_as_the_general_writer_does(monkeypatch):
    """Plain events are written by a short cut; notes, hidden and orphaned events, stale or
    source-less evidence, no evidence, odd characters and hand-added keys must come out byte for
    byte as the general writer makes them."""
    from dataclasses import replace

    from conftest import ROOT

    from tui.model import Evidence
    tl = store.load(ROOT / "timeline.yaml")
    base = tl.events[0]
    odd = 'He said "no" \\ then\u2028left\x85 — ☃ \ud83d\ude00'
    variants = [
        replace(base, note="checked by the desk"), replace(base, note=""), replace(base, hidden=True),
        replace(base, orphaned=True, fingerprint=None), replace(base, evidence=[]), replace(base, title=odd),
        replace(base, evidence=[replace(base.evidence[0], stale=True, timex=None), Evidence("", 0, 3, odd)]),
        replace(base, evidence=[base.evidence[0], replace(base.evidence[0], extra={"checked": True})]),
        replace(base, extra={"tags": ["a", "b"]}), replace(base, id="", date="2017"),
    ]
    tl.events = [replace(v, id=v.id and f"e{i}") for i, v in enumerate(variants)]
    monkeypatch.setattr(store, "FAST_DUMP_EVENTS", 1)
    assert store.dumps_for_save(tl) == store.fast_dump(store.to_data(tl))
    assert sum(store._plain_event_item(e) is not None for e in tl.events) == len(variants) - 2
    assert yaml.safe_load(store.dumps_for_save(tl)) == store.to_data(tl)


@pytest.mark.parametrize("added,copy_kept", [
    ({"reviewed": '"2017-05-30"'}, True),                # a quoted string stays a string
    ({"reviewed": "DATE"}, True),                        # unquoted: YAML reads a date
    ({"seen": "DATETIME"}, True),                        # and a time stamp
    ({"tags": "!!set {a: null, b: null}"}, False),       # no JSON for a set: no copy, still right
])
def test_hand_added_values_read_the_same_from_the_json_copy(tmp_path, monkeypatch, added, copy_kept):
    """A big timeline loads from its JSON copy; what a reader typed into it must come back as
    YAML gives it, or the next save would quote their date."""
    import datetime as dt
    import hashlib

    from conftest import ROOT
    monkeypatch.setattr(json_copy, "JSON_COPY_BYTES", 0)
    path = tmp_path / "timeline.yaml"
    text = (ROOT / "timeline.yaml").read_text(encoding="utf-8")
    key, value = next(iter(added.items()))
    value = value.replace("DATETIME", "2017-05-30 10:15:00").replace("DATE", "2017-05-30")
    at = text.index("\nevents:\n- id: ") + len("\nevents:\n")
    end = text.index("\n", at)
    path.write_text(text[:end + 1] + f"  {key}: {value}\n" + text[end + 1:], encoding="utf-8")
    from_yaml = store.load(path, use_cache=False)
    store.load(path)  # the first load writes the copy
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    from_copy = json_copy.read_cache(path, digest)
    assert (from_copy is not None) == copy_kept
    loaded = store.load(path)
    assert loaded.events[0].extra == from_yaml.events[0].extra
    assert store.dumps(loaded) == store.dumps(from_yaml)
    assert isinstance(loaded.events[0].extra[key], dt.date) == value.startswith("2017")


def _parsed_in_pieces_and_whole(path: Path, monkeypatch):
    monkeypatch.setattr(json_copy, "JSON_COPY_BYTES", 0)  # any file counts as big
    monkeypatch.setattr(store, "_ITEMS_PER_PIECE", 2)  # the seeds' 11 events in six pieces
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    return store._parse_in_pieces(text, raw, "t.yaml")[0], store._parse(text, "t.yaml")


def test_a_big_timeline_is_parsed_a_few_events_at_a_time_as_it_would_be_whole(workdir, monkeypatch):
    # After a hand edit the quick-load copy is of no use and the YAML is parsed: whole, the
    # 38,000 events of a 20,000-article timeline took 1.1 GB.
    path = workdir / "timeline.yaml"
    store.save(build([workdir / "seeds"], path).timeline, path)  # “curly” quotes: characters are not bytes
    text = path.read_text(encoding="utf-8")
    path.write_text("\ufeff" + text.replace("  title: ", "  title: Edited by hand, ", 1), encoding="utf-8")
    expected = store.load(path, use_cache=False)
    whole = store._parse(path.read_bytes().decode("utf-8-sig"), "t.yaml")

    def not_whole(text, name):
        raise AssertionError("parsed whole")
    monkeypatch.setattr(store, "_parse", not_whole)
    monkeypatch.setattr(json_copy, "JSON_COPY_BYTES", 0)
    monkeypatch.setattr(store, "_ITEMS_PER_PIECE", 2)  # the seeds' 11 events in six pieces
    raw = path.read_bytes()
    pieces, in_pieces = store._parse_in_pieces(raw.decode("utf-8-sig"), raw, "t.yaml")
    assert in_pieces and pieces == whole and len(pieces["events"]) == 11
    assert store.load(path, use_cache=False) == expected


@pytest.mark.parametrize("edit", ["alias", "key after the events", "mistake"])
def test_a_file_not_laid_out_as_saved_is_parsed_whole(workdir, monkeypatch, edit):
    path = workdir / "timeline.yaml"
    store.save(build([workdir / "seeds"], path).timeline, path)
    text = path.read_text(encoding="utf-8")
    if edit == "alias":  # an anchor in the first event, used in the last
        text = text.replace("  title: ", "  title: &t ", 1)
        text = text[:text.rindex("  title: ")] + "  title: *t\n" + text[text.index("\n", text.rindex("  title: ")) + 1:]
    elif edit == "key after the events":
        text += "reviewed: yes\n"
    else:
        text = text[:text.rindex("  title: ")] + "  title: [unclosed\n" + text[text.index("\n", text.rindex("  title: ")) + 1:]
    path.write_text(text, encoding="utf-8")
    if edit == "mistake":
        monkeypatch.setattr(json_copy, "JSON_COPY_BYTES", 0)
        monkeypatch.setattr(store, "_ITEMS_PER_PIECE", 2)
        with pytest.raises(TimelineError) as in_pieces:
            store.load(path, use_cache=False)
        monkeypatch.undo()
        with pytest.raises(TimelineError) as whole:
            store.load(path, use_cache=False)
        assert str(in_pieces.value) == str(whole.value)  # the same line and column
        return
    pieces, whole = _parsed_in_pieces_and_whole(path, monkeypatch)
    assert pieces == whole


def _title_of(text: str, nth: int, new: str) -> str:
    """`text` with the nth event's title line replaced (negative: from the end)."""
    starts = [i for i in range(len(text)) if text.startswith("\n  title: ", i) and i > text.index("\nevents:\n")]
    at = starts[nth] + 1
    return text[:at] + f"  title: {new}" + text[text.index("\n", at):]


def _item(text: str, section: str, nth: int) -> tuple[int, int]:
    """Where the nth item of `section` ("sources" or "events") starts and ends in `text`."""
    body = text.index(f"\n{section}:\n") + len(f"\n{section}:\n")
    end = text.index("\nevents:\n") + 1 if section == "sources" else len(text)
    starts = [body] + [i + 1 for i in range(body, end) if text.startswith("\n- ", i)]
    starts = starts + [end]
    return starts[nth], starts[nth + 1] if nth + 1 < len(starts) - 1 or nth == -2 else end


HAND_EDITS = {
    "a title": lambda t: _title_of(t, 3, "Edited by hand"),
    "a source's outlet": lambda t: t.replace("  outlet: RFE/RL\n", "  outlet: Radio Free Europe\n", 1),
    "an event deleted": lambda t: (lambda a, b: t[:a] + t[b:])(*_item(t, "events", 2)),
    "two events swapped": lambda t: (lambda a, b, c: t[:a] + t[b:c] + t[a:b] + t[c:])(
        _item(t, "events", 0)[0], _item(t, "events", 1)[0], _item(t, "events", 1)[1]),
    "an event of one's own": lambda t: t + "- id: mine\n  date: '2017-05-26'\n  title: My own note\n",
    "a key after the events": lambda t: t + "reviewed: yes\n",
    "a key between the lists": lambda t: t.replace("\nevents:\n", "\nreviewed: yes\nevents:\n", 1),
    "an alias to an unchanged event": lambda t: _title_of(_title_of(t, 0, "&t First"), -1, "*t"),
    "a second event with the same id": lambda t: t + t[slice(*_item(t, "events", 0))],
    "a source deleted": lambda t: (lambda a, b: t[:a] + t[b:])(*_item(t, "sources", 0)),
    "a YAML mistake": lambda t: _title_of(t, 4, "[unclosed"),
    "a wrong date": lambda t: t.replace("  date: '2016'\n", "  date: last year\n", 1),
}
# Edits made one after another, loading in between: the copy the first load writes must not
# let the second load take an item that means something else on its own.
HAND_EDITS["a key between the lists, then a title"] = [HAND_EDITS["a key between the lists"], HAND_EDITS["a title"]]
HAND_EDITS["an alias, then a title"] = [HAND_EDITS["an alias to an unchanged event"], lambda t: _title_of(t, 5, "Edited")]
HAND_EDITS["an anchor used by an event, then the anchor removed"] = [
    HAND_EDITS["an alias to an unchanged event"], lambda t: t.replace("&t First", "First", 1)]


def _load_or_error(path: Path, **kw):
    try:
        return store.load(path, **kw)
    except TimelineError as exc:
        return str(exc)


@pytest.mark.parametrize("how", list(HAND_EDITS))
def test_a_big_timeline_edited_by_hand_loads_as_the_whole_file_parsed(workdir, monkeypatch, how):
    """After a hand edit only the changed items of a big timeline are parsed, the rest taken
    from the JSON copy (#6: 100,000 events in under 3 s): the answer, or the error, must be
    the one parsing the whole file gives."""
    monkeypatch.setattr(json_copy, "JSON_COPY_BYTES", 0)  # any file counts as big
    path = workdir / "timeline.yaml"
    store.save(build([workdir / "seeds"], path).timeline, path)
    edits = HAND_EDITS[how]
    for change in edits if isinstance(edits, list) else [edits]:
        before = path.read_text(encoding="utf-8")
        path.write_text(change(before), encoding="utf-8")
        assert path.read_text(encoding="utf-8") != before
        whole = _load_or_error(path, use_cache=False)
        assert _load_or_error(path) == whole
        assert _load_or_error(path) == whole  # and again, from the copy that load wrote


def test_only_the_items_edited_by_hand_are_parsed(workdir, monkeypatch):
    monkeypatch.setattr(json_copy, "JSON_COPY_BYTES", 0)
    path = workdir / "timeline.yaml"
    store.save(build([workdir / "seeds"], path).timeline, path)
    text = _title_of(path.read_text(encoding="utf-8"), 3, "Edited by hand")
    path.write_text(text.replace("  outlet: RFE/RL\n", "  outlet: Radio Free Europe\n", 1), encoding="utf-8")
    parsed = []
    real_load = yaml.load

    def recording_load(stream, Loader):  # noqa: N803 - PyYAML's name
        parsed.append(stream)
        return real_load(stream, Loader=Loader)
    monkeypatch.setattr(store.yaml, "load", recording_load)
    tl = store.load(path)
    assert [e.title for e in tl.events].count("Edited by hand") == 1
    assert tl.sources[0].outlet == "Radio Free Europe"
    items = [p for p in parsed if p.startswith("- ")]
    assert len(parsed) == 3 and len(items) == 2  # the head, the edited source and the edited event
    assert "outlet: Radio Free Europe" in items[0] and "title: Edited by hand" in items[1]


@pytest.mark.parametrize("damage", ["cut short", "a line garbled"])
def test_a_damaged_json_copy_never_changes_what_a_hand_edited_file_loads_as(workdir, monkeypatch, damage):
    monkeypatch.setattr(json_copy, "JSON_COPY_BYTES", 0)
    path = workdir / "timeline.yaml"
    store.save(build([workdir / "seeds"], path).timeline, path)
    copy = path.parent / ".nato-timeline" / "timeline.yaml.json"
    lines = copy.read_bytes().split(b"\n")
    if damage == "cut short":
        copy.write_bytes(b"\n".join(lines[:5]) + b"\n")
    else:
        copy.write_bytes(b"\n".join(lines[:4] + [b'["e1", 5'] + lines[5:]))
    path.write_text(_title_of(path.read_text(encoding="utf-8"), 3, "Edited by hand"), encoding="utf-8")
    assert store.load(path) == store.load(path, use_cache=False)
