"""Grouping changed by hand in timeline.yaml survives rebuilds: a quote taken out of an event,
a quote moved to another event, two events joined; and news still finds its event."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tui import store
from tui.build import build
from tui.model import DeletedQuote

# In the RFE/RL seed, a remark about Brussels made "during the U.S. election campaign" is
# grouped with Trump calling NATO obsolete during the campaign: one year, two happenings.
HELLHOLE = "calling Brussels a \"hellhole,\""
OBSOLETE = "Trump called NATO \"obsolete\" during the U.S. presidential campaign"


def rebuild(folder: Path):
    out = folder / "timeline.yaml"
    old = store.load(out) if out.exists() else None
    store.save(build([folder / "seeds"], out, old=old).timeline, out)
    return store.load(out)


def edit(folder: Path, fn) -> None:
    """Change the file as a person does in an editor."""
    path = folder / "timeline.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    fn(data["events"])
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def holding(tl, words: str):
    found = [e for e in tl.events if any(words in x.quote for x in e.evidence)]
    assert len(found) == 1, [e.id for e in found]  # never in two events, never lost
    return found[0]


def quotes(event) -> list[tuple]:
    """A sentence can tell two events through two dates: a piece of evidence is both."""
    return sorted((x.quote, x.timex) for x in event.evidence)


def take_out(events: list[dict], words: str) -> dict:
    event = next(e for e in events if any(words in x["quote"] for x in e["evidence"]))
    piece = next(x for x in event["evidence"] if words in x["quote"])
    event["evidence"].remove(piece)
    return piece


def test_a_quote_taken_out_of_an_event_stays_out_until_its_entry_is_removed(workdir):
    tl = rebuild(workdir)
    campaign = holding(tl, OBSOLETE)
    piece = next(x for x in campaign.evidence if HELLHOLE in x.quote)  # what the builder did
    edit(workdir, lambda events: take_out(events, HELLHOLE))
    rebuilt = rebuild(workdir)
    # and after the article is edited, when its sentences are read again
    article = workdir / "seeds" / "000_3dbdce3846ecd486.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nJoin our commenting forum\n", encoding="utf-8")
    for tl in (rebuilt, rebuild(workdir), rebuild(workdir)):
        assert quotes(tl.event(campaign.id)) == [q for q in quotes(campaign) if HELLHOLE not in q[0]]
        assert not any(HELLHOLE in x.quote for e in tl.events for x in e.evidence)
        assert tl.deleted == [DeletedQuote(piece.source, piece.quote, piece.timex)]
    # Taken out of the `deleted:` list, it comes back: as an event of its own, since the
    # event it was taken out of is the person's now.
    path = workdir / "timeline.yaml"
    path.write_text(re.sub(r"(?ms)^deleted:.*?(?=^sources:)", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    tl = rebuild(workdir)
    alone = holding(tl, HELLHOLE)
    assert tl.deleted == [] and alone.id != campaign.id and len(alone.evidence) == 1 and alone.date == "2016"
    assert alone.title.startswith("Trump also took aim at the city")  # titled from its own sentence


def test_a_quote_moved_to_another_event_stays_where_it_was_put(workdir):
    tl = rebuild(workdir)
    target = next(e for e in tl.events if e.date == "2016" and all(HELLHOLE not in q for q, _ in quotes(e)))

    def move(events):
        piece = take_out(events, HELLHOLE)
        next(e for e in events if e["id"] == target.id)["evidence"].append(piece)
    edit(workdir, move)
    for _ in range(2):
        tl = rebuild(workdir)
        assert holding(tl, HELLHOLE).id == target.id
        moved = next(x for x in holding(tl, HELLHOLE).evidence if HELLHOLE in x.quote)
        assert quotes(tl.event(target.id)) == sorted(quotes(target) + [(moved.quote, moved.timex)])


def test_events_joined_by_hand_stay_joined(workdir):
    tl = rebuild(workdir)
    first, second = [e for e in tl.events if e.date == "2017-05-24"][:2]

    def join(events):
        into = next(e for e in events if e["id"] == first.id)
        other = next(e for e in events if e["id"] == second.id)
        into["evidence"] += [x for x in other["evidence"] if x not in into["evidence"]]
        events.remove(other)
    edit(workdir, join)
    for _ in range(2):
        tl = rebuild(workdir)
        assert tl.event(second.id) is None
        assert quotes(tl.event(first.id)) == sorted(set(quotes(first)) | set(quotes(second)))
        for piece in quotes(second):
            assert [e.id for e in tl.events if piece in quotes(e)] == [first.id]


def test_news_joins_the_event_that_holds_its_happening(workdir):
    tl = rebuild(workdir)
    campaign = holding(tl, OBSOLETE)
    edit(workdir, lambda events: take_out(events, HELLHOLE))
    rebuild(workdir)
    retold = ("Trump called NATO \"obsolete\" during the U.S. presidential campaign, said one diplomat. "
              "He took office in January.")
    (workdir / "seeds" / "003_news.txt").write_text(f"Title: Diplomats look back\nDate: 2017-05-26\n\n{retold}\n",
                                                    encoding="utf-8")
    tl = rebuild(workdir)
    news = [x for e in tl.events for x in e.evidence if "said one diplomat" in x.quote]
    assert len(news) == 1
    assert holding(tl, "said one diplomat").id == campaign.id
    assert all(HELLHOLE not in q for q, _ in quotes(tl.event(campaign.id)))


def test_a_title_set_by_hand_and_a_quote_taken_out_are_both_kept(workdir):
    tl = rebuild(workdir)
    campaign = holding(tl, OBSOLETE)

    def change(events):
        take_out(events, HELLHOLE)
        next(e for e in events if e["id"] == campaign.id)["title"] = "Trump calls NATO obsolete"
    edit(workdir, change)
    tl = rebuild(workdir)
    assert tl.event(campaign.id).title == "Trump calls NATO obsolete"
    assert not any(HELLHOLE in x.quote for e in tl.events for x in e.evidence)


def test_a_timeline_written_before_groupings_were_recorded_rebuilds_as_new(workdir):
    fresh = rebuild(workdir)
    edit(workdir, lambda events: [e.update(fingerprint=e["fingerprint"].partition(".")[0]) for e in events])
    tl = rebuild(workdir)
    assert store.dumps(tl) == store.dumps(fresh)  # nothing held, and the groupings recorded again


def test_a_join_made_in_an_older_timeline_is_kept_too(workdir):
    """The explorer joins two events of a file written before groupings were recorded: it
    records the builder's grouping as it makes the edit, so the rebuild knows it was changed."""
    from tui import edits
    rebuild(workdir)
    edit(workdir, lambda events: [e.update(fingerprint=e["fingerprint"].partition(".")[0]) for e in events])
    tl = store.load(workdir / "timeline.yaml")
    first, second = [e for e in tl.events if e.date == "2017-05-24"][:2]
    edits.apply(tl, edits.join(tl, first.id, second.id))
    store.save(tl, workdir / "timeline.yaml")
    tl = rebuild(workdir)
    assert tl.event(second.id) is None
    assert quotes(tl.event(first.id)) == sorted(set(quotes(first)) | set(quotes(second)))
