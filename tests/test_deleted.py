"""An event or a quote deleted from timeline.yaml in an editor stays deleted: rebuilds list it
under `deleted:` and leave it out, until a person takes it out of that list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tui import json_copy, store
from tui.cli import main
from tui.model import DeletedQuote

PROTEST = "hundreds gathered at a Brussels trains station"  # its own event, in the RFE/RL seed only


def build(capsys, *extra: str) -> str:
    status = main(["build", *extra])
    out, err = capsys.readouterr()
    assert status == 0, err
    return out


def quoting(tl, words: str) -> list:
    return [e for e in tl.events if any(words in x.quote for x in e.evidence)]


def delete_event(path: Path, words: str) -> list:
    """Delete the event quoting `words` as a person does in an editor: its lines go. Returns
    its evidence as it was."""
    text = path.read_text(encoding="utf-8")
    items = re.split(r"(?m)^(?=- id: )", text)
    (gone,) = [i for i, item in enumerate(items) if words in item and "\n  date: " in item]
    evidence = store.loads(text).event(yaml.safe_load(items[gone])[0]["id"]).evidence
    path.write_text("".join(items[:gone] + items[gone + 1:]), encoding="utf-8")
    return evidence


def test_an_event_deleted_by_hand_stays_deleted(workdir, capsys):
    build(capsys)
    path = workdir / "timeline.yaml"
    before = store.load(path)
    evidence = delete_event(path, PROTEST)
    summary = build(capsys)
    assert "10 events" in summary and "1 quote you deleted left out from now on" in summary
    for _ in range(2):
        tl = store.load(path)
        assert quoting(tl, PROTEST) == []
        assert tl.deleted == [DeletedQuote(x.source, x.quote, x.timex) for x in evidence]
        # every other event is as it was
        assert tl.events == [e for e in before.events if not quoting_event(e, PROTEST)]
        build(capsys)
    # Taking the entry out of the list brings the event back.
    path.write_text(re.sub(r"(?ms)^deleted:.*?(?=^sources:)", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    build(capsys)
    tl = store.load(path)
    assert tl.deleted == [] and tl.events == before.events


def quoting_event(e, words: str) -> bool:
    return any(words in x.quote for x in e.evidence)


def test_a_quote_deleted_from_an_event_of_two_outlets_stays_out(workdir, capsys):
    build(capsys)
    path = workdir / "timeline.yaml"
    tl = store.load(path)
    bombing = next(e for e in tl.events if e.date == "2017-05-22")
    assert len(bombing.sources) == 2
    piece = bombing.evidence[-1]
    bombing.evidence.remove(piece)
    path.write_text(store.dumps(tl), encoding="utf-8")
    build(capsys)
    build(capsys, "--no-cache")  # the list is in the file: the cache is not needed to keep it
    tl = store.load(path)
    assert tl.deleted == [DeletedQuote(piece.source, piece.quote, piece.timex)]
    assert [x for e in tl.events for x in e.evidence if (x.source, x.quote) == (piece.source, piece.quote)
            and x.timex == piece.timex] == []
    assert tl.event(bombing.id).evidence == bombing.evidence


ARTICLE = "seeds/000_3dbdce3846ecd486.txt"  # the RFE/RL seed, which tells the protest


def a_sentence_edited(workdir: Path) -> None:
    """A quote the last build did not write."""
    edit(workdir / ARTICLE, "he said NATO is \"no longer obsolete\"", "he said NATO is \"not obsolete\"")


def furniture_added(workdir: Path) -> None:
    """The article changed, its quotes did not."""
    article = workdir / ARTICLE
    article.write_text(article.read_text(encoding="utf-8") + "\nJoin our commenting forum\n", encoding="utf-8")


def other_quotes_recorded(workdir: Path) -> None:
    """As after an upgrade that reads the unchanged article differently."""
    path = workdir / "timeline.yaml"
    text = path.read_text(encoding="utf-8")
    dot = text.index(".", text.index("  fingerprint: ", text.index("- id: rfe-rl-nato-join-anti-is")))
    path.write_text(text[:dot + 1] + "00000000" + text[dot + 9:], encoding="utf-8")


@pytest.mark.parametrize("change, proved", [(a_sentence_edited, False), (furniture_added, True),
                                            (other_quotes_recorded, False)])
def test_a_missing_quote_counts_as_deleted_only_when_the_article_gives_the_quotes_written(
        workdir, capsys, change, proved):
    """Otherwise what the timeline lacks may be new, not deleted: it comes back."""
    build(capsys)
    path = workdir / "timeline.yaml"
    delete_event(path, PROTEST)
    change(workdir)
    build(capsys)
    tl = store.load(path)
    assert (len(tl.deleted), len(quoting(tl, PROTEST))) == ((1, 0) if proved else (0, 1))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_quote_put_back_in_an_event_leaves_the_list(workdir, capsys):
    build(capsys)
    path = workdir / "timeline.yaml"
    delete_event(path, PROTEST)
    build(capsys)
    tl = store.load(path)
    (entry,) = tl.deleted
    keeper = tl.events[0]
    keeper.evidence.append(_evidence_for(workdir, entry))  # pasted into another event
    path.write_text(store.dumps(tl), encoding="utf-8")
    build(capsys)
    tl = store.load(path)
    assert tl.deleted == [] and [e.id for e in quoting(tl, PROTEST)] == [keeper.id]


def _evidence_for(workdir: Path, entry: DeletedQuote):
    from tui.model import Evidence
    text = (workdir / ARTICLE).read_text(encoding="utf-8")
    return Evidence(entry.source, text.index(entry.quote), text.index(entry.quote) + len(entry.quote),
                    entry.quote, entry.timex)


@pytest.mark.parametrize("large", [False, True])
def test_the_list_survives_loading_and_saving(workdir, capsys, monkeypatch, large):
    if large:  # written by the fast dumper, loaded from its JSON copy
        monkeypatch.setattr(store, "FAST_DUMP_EVENTS", 0)
        monkeypatch.setattr(json_copy, "JSON_COPY_BYTES", 0)
    build(capsys)
    path = workdir / "timeline.yaml"
    delete_event(path, PROTEST)
    build(capsys)
    tl = store.load(path)
    assert len(tl.deleted) == 1
    store.save(tl, path)
    assert store.load(path).deleted == tl.deleted == store.load(path, use_cache=False).deleted


@pytest.mark.parametrize("entry, message", [
    ("deleted: yes\n", "deleted: expected a list"),
    ("deleted:\n- source: x\n", "deleted[0].quote: missing"),
])
def test_a_damaged_list_is_one_line_naming_its_place(workdir, capsys, entry, message):
    build(capsys)
    path = workdir / "timeline.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("sources:\n", entry + "sources:\n", 1), encoding="utf-8")
    before = path.read_bytes()
    assert main(["build"]) != 0
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == before


WATCHES = ("Imports of the types of watches that now will be eligible for duty-free treatment totaled about "
           "$37.3 million in 1988, a relatively small share of the $1.5 billion in U.S. watch imports that year, "
           "according to an aide to U.S. Trade Representative Carla Hills.")


def test_a_sentence_quoted_for_one_of_its_two_dates_is_deleted_whole(workdir, capsys):
    """Its event quotes it once, for "in 1988"; "that year" is the same 1988 and is not quoted.
    Nothing is missing after a plain rebuild, and once deleted it does not come back for the other."""
    (workdir / "seeds" / "wsj.txt").write_text(f"Title: Watches\nDate: 1989-11-02\n\n{WATCHES}\n", encoding="utf-8")
    build(capsys)
    build(capsys, "--no-cache")
    path = workdir / "timeline.yaml"
    assert store.load(path).deleted == []
    delete_event(path, "Imports of the types of watches")
    for _ in range(2):
        build(capsys)
        tl = store.load(path)
        assert tl.deleted == [DeletedQuote("watches", WATCHES, "1988")]
        assert quoting(tl, "Imports of the types of watches") == []


def test_the_file_with_its_list_matches_the_schema(workdir, capsys):
    import json

    import jsonschema
    build(capsys)
    path = workdir / "timeline.yaml"
    delete_event(path, PROTEST)
    build(capsys)
    schema = json.loads((Path(__file__).resolve().parent.parent / "schema" / "timeline.schema.json").read_text())
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["deleted"] and "deleted" in schema["properties"]  # the list is described, and its entries fit
    jsonschema.validate(data, schema)
