"""The explorer driven by key presses: what the reader sees after each key."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from textual import events
from textual.widgets import Input

from tui.app import TimelineApp
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.event_list import EventList

SIZE = (120, 40)


@pytest.fixture
def timeline_copy(tmp_path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "timeline.yaml", tmp_path / "timeline.yaml")
    return tmp_path / "timeline.yaml"


async def started(pilot):
    for _ in range(50):
        await pilot.pause()
        if pilot.app.query_one("#main").display and pilot.app.texts_ready:
            return
    raise AssertionError("the timeline never finished loading")


def highlighted(app):
    return app.browser.event


def built_app(folder: Path) -> TimelineApp:
    """The explorer on the timeline built from the articles in `folder`/seeds."""
    from tui import store
    from tui.build import build
    result = build([folder / "seeds"], folder / "timeline.yaml")
    store.save(result.timeline, folder / "timeline.yaml")
    return TimelineApp(folder / "timeline.yaml")


async def test_moving_through_events(timeline_copy):
    app = TimelineApp(timeline_copy)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        events = app.browser.timeline.events
        assert isinstance(app.focused, EventList)
        assert highlighted(app).id == events[0].id
        await pilot.press("j", "j")
        assert highlighted(app).id == events[2].id
        await pilot.press("k")
        assert highlighted(app).id == events[1].id
        await pilot.press("G")
        assert highlighted(app).id == events[-1].id
        await pilot.press("g")
        assert highlighted(app).id == events[0].id
        await pilot.press("end")
        assert highlighted(app).id == events[-1].id
        await pilot.press("home", "down")
        assert highlighted(app).id == events[1].id
        await pilot.press("pagedown")
        assert highlighted(app).id == events[-1].id  # the seed timeline fits on one page
        await pilot.press("pageup")
        assert highlighted(app).id == events[0].id


async def test_enter_reads_the_quote_and_escape_returns(timeline_copy):
    app = TimelineApp(timeline_copy)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("enter")
        article = app.query_one(ArticleView)
        assert app.focused is article
        ev = app.browser.evidence
        assert ev.quote.split()[0] in article.visible_text()
        await pilot.press("escape")
        assert isinstance(app.focused, EventList)
        await pilot.press("l")
        assert app.focused is article
        await pilot.press("h")
        assert isinstance(app.focused, EventList)
        await pilot.press("right")
        assert app.focused is article
        await pilot.press("left")
        assert isinstance(app.focused, EventList)
        await pilot.press("tab")
        assert app.focused is article


async def test_evidence_of_may_24_arrival_steps_between_both_articles(timeline_copy):
    app = TimelineApp(timeline_copy)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        tl = app.browser.timeline
        arrival = next(e for e in tl.events if e.date == "2017-05-24"
                       and any("Arriving in Brussels" in ev.quote for ev in e.evidence))
        position = [tl.events[i].id for i in app.browser.listed].index(arrival.id)
        await pilot.press(*["j"] * position)
        assert highlighted(app).id == arrival.id
        header = str(app.query_one("#evidence-header").render())
        assert "evidence 1 of 2" in header
        first_source = app.browser.evidence.source
        await pilot.press("right_square_bracket")
        assert "evidence 2 of 2" in str(app.query_one("#evidence-header").render())
        second = app.browser.evidence
        assert second.source != first_source
        article = app.query_one(ArticleView)
        assert "Independent" in article.plain.splitlines()[1] or "RFE" in article.plain.splitlines()[1]
        assert second.quote.split()[0] in article.visible_text()
        await pilot.press("left_square_bracket")
        assert app.browser.evidence.source == first_source


@pytest.mark.parametrize("word", ["Erdogan", "Manchester"])
async def test_search_filters_as_you_type(timeline_copy, word):
    app = TimelineApp(timeline_copy)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        total = len(app.browser.listed)
        await pilot.press("slash")
        await pilot.press(*word.lower())
        listed = [app.browser.timeline.events[i] for i in app.browser.listed]
        assert 0 < len(listed) < total
        count = str(app.query_one("#search-count").render())
        assert f"{len(listed)} of {total} events" in count
        await pilot.press("enter")
        assert isinstance(app.focused, EventList)
        assert len(app.browser.listed) == len(listed)  # Enter keeps the filter
        await pilot.press("n")
        assert app.current_match is not None
        text = app.browser.texts[app.browser.evidence.source]
        assert text[app.current_match[0]:app.current_match[1]].lower() == word.lower()
        await pilot.press("slash", "escape")
        assert len(app.browser.listed) == total  # Esc clears it


async def test_search_typed_in_one_burst_keeps_every_letter(timeline_copy):
    """A fast typist or a paste: the terminal delivers "/manchester" before the app has drawn
    anything, so the letters must follow "/" into the box, not go to the list."""
    app = TimelineApp(timeline_copy)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        for ch in "/manchester":
            app.post_message(events.Key("slash" if ch == "/" else ch, ch))
        await pilot.pause()
        assert app.query_one("#search", Input).value == "manchester"
        assert app.browser.query == "manchester"
        for ch in "/ni":  # "/" inside the box is a character of the query
            app.post_message(events.Key("slash" if ch == "/" else ch, ch))
        await pilot.pause()
        assert app.query_one("#search", Input).value == "manchester/ni"


async def test_slash_does_not_search_behind_the_help_screen(timeline_copy):
    app = TimelineApp(timeline_copy)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("question_mark", "slash")
        assert not app.query_one("#search-row").display
        await pilot.press("escape", "slash")
        assert app.query_one("#search-row").display


async def test_search_with_no_match_says_so(timeline_copy):
    app = TimelineApp(timeline_copy)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        bells = []
        app.bell = lambda: bells.append(1)
        await pilot.press("slash", *"zzzqqq")
        assert app.browser.listed == []
        assert "no events match" in str(app.query_one("#search-count").render())
        assert bells


async def test_source_filter_cycles(timeline_copy):
    app = TimelineApp(timeline_copy)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        tl = app.browser.timeline
        await pilot.press("s")
        first = tl.sources[0].id
        assert all(first in tl.events[i].sources for i in app.browser.listed)
        await pilot.press("s")
        second = tl.sources[1].id
        assert all(second in tl.events[i].sources for i in app.browser.listed)
        await pilot.press("s")
        assert len(app.browser.listed) == len(tl.events)


async def test_copy_quote_with_citation(timeline_copy):
    app = TimelineApp(timeline_copy)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("c")
        ev = app.browser.evidence
        assert ev.quote in app.clipboard
        assert (app.browser.source(ev.source).outlet or "") in app.clipboard


async def test_help_screen_and_quit(timeline_copy):
    app = TimelineApp(timeline_copy)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("question_mark")
        from tui.app.screens.help import HelpScreen
        assert isinstance(app.screen, HelpScreen)
        # The footer under the help says how to close it, not the list's keys, which do nothing here.
        from textual.widgets import Footer
        await pilot.pause()
        shown = [k.description for k in app.screen.query_one(Footer).query("FooterKey")]
        assert shown == ["Close"]
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("q")
    assert app.return_code == 0


async def test_hidden_events_toggle(timeline_copy):
    import yaml
    data = yaml.safe_load(timeline_copy.read_text())
    data["events"][0]["hidden"] = True
    timeline_copy.write_text(yaml.safe_dump(data, sort_keys=False))
    app = TimelineApp(timeline_copy)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        hidden_id = data["events"][0]["id"]
        assert hidden_id not in [app.browser.timeline.events[i].id for i in app.browser.listed]
        await pilot.press("H")
        assert hidden_id in [app.browser.timeline.events[i].id for i in app.browser.listed]


async def test_command_palette_jumps_to_event(timeline_copy):
    app = TimelineApp(timeline_copy)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        target = app.browser.timeline.events[-1]
        app.jump_to_event(target.id)
        await pilot.pause()
        assert highlighted(app).id == target.id
        from tui.app.palette import EventJumpProvider
        provider = EventJumpProvider(app.screen)
        hits = [h async for h in provider.search("Erdogan")]
        assert hits and "Erdogan" in max(hits, key=lambda h: h.score).text


HOSTILE = ("Title: Hostile [bold]title[/bold] \x1b]0;evil\x07\nDate: 2017-05-26\n\n"
           "On Friday [bold red]the minister[/] said [link=file:///etc/passwd]this[/link] "
           "and [@click=app.quit]quit[/]. The \x1b[31mred\x1b[0m text \x1b]0;pwned\x07 "
           "and \x1b]52;c;ZXZpbA==\x07 stayed inert.\n")


async def test_markup_and_escapes_in_articles_are_shown_literally(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    app = built_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert app.browser.event is not None
        article = app.query_one(ArticleView)
        visible = article.plain
        assert "[bold red]the minister[/]" in visible
        assert "[link=file:///etc/passwd]" in visible and "[@click=app.quit]" in visible
        assert "\x1b" not in visible and "\x07" not in visible
        assert "[bold]title[/bold]" in visible
        assert "\x1b" not in str(app.query_one("#header").render())
        await pilot.press("enter")
        await pilot.click(ArticleView, offset=(5, 3))
        await pilot.pause()
        assert app.is_running  # the [@click=app.quit] in the text did nothing


async def test_export_key_writes_and_says_where(timeline_copy):
    app = TimelineApp(timeline_copy)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("e")
        from tui.app.screens.export import ExportScreen
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")  # the first format: Markdown
        await pilot.pause()
        written = timeline_copy.with_name("timeline.md")
        assert written.exists() and written.read_text().startswith("# ")
        assert any(str(written) in str(n.message) for n in app._notifications)


async def test_changed_source_shows_stale_evidence(timeline_copy):
    seed = timeline_copy.parent / "seeds" / "000_3dbdce3846ecd486.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("hundreds gathered", "many gathered"), encoding="utf-8")
    app = TimelineApp(timeline_copy)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        tl = app.browser.timeline
        protest = next(e for e in tl.events if any("hundreds gathered" in ev.quote for ev in e.evidence))
        app.jump_to_event(protest.id)
        await pilot.pause()
        assert app.browser.evidence.stale
        assert "stale" in str(app.query_one("#evidence-header").render())


async def test_event_told_by_many_copies_shows_one_badge_per_outlet_and_a_count(tmp_path):
    """Twelve copies of one outlet's article: one badge and "+11", and the title keeps its room."""
    from conftest import INDEPENDENT

    from tui.app.widgets.event_list import badge_label
    (tmp_path / "seeds").mkdir()
    for n in range(12):
        shutil.copy(INDEPENDENT, tmp_path / "seeds" / f"copy{n:02d}.txt")
    app = built_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        events = app.query_one(EventList)
        row = "".join(seg.text for seg in events.render_line(0))
        event = app.browser.event
        assert len(event.sources) == 12
        label = badge_label(app.browser.timeline.sources[0])
        assert row.count(f" {label} ") == 1 and row.rstrip().endswith("+11")
        assert event.title[:25] in row  # the title keeps its room


async def test_a_first_run_builds_and_the_next_build_knows_it(tmp_path, monkeypatch, capsys):
    """`nato-timeline` in a folder of articles builds the timeline; a `build` right after it has
    nothing to do."""
    from tui import store
    from tui.cli import main
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    app = TimelineApp(tmp_path / "timeline.yaml", build_from=tmp_path / "seeds")
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert len(app.browser.timeline.events) == len(store.load(ROOT / "timeline.yaml").events)
    capsys.readouterr()
    assert main(["build"]) == 0
    assert "up to date: nothing changed" in capsys.readouterr().out


@pytest.mark.parametrize("first_run", [True, False])
async def test_the_first_quote_is_in_view_and_no_word_hides_under_the_scrollbar(tmp_path, first_run):
    """Seen on a first run: the article was wrapped before its scroll bar appeared (two letters
    of every long line hidden under it) and stayed at its top, far from the quote."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    if not first_run:
        shutil.copy(ROOT / "timeline.yaml", tmp_path / "timeline.yaml")
    app = TimelineApp(tmp_path / "timeline.yaml", build_from=tmp_path / "seeds" if first_run else None)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.pause()
        view = app.query_one(ArticleView)
        shown = view.visible_text()
        lines = shown.split("\n")
        assert max(len(line.rstrip()) for line in lines) <= view.scrollable_content_region.width
        first_words = " ".join(app.browser.evidence.quote.split()[:4])
        assert first_words in " ".join(shown.split())


async def test_footer_offers_search_once_the_timeline_is_shown(timeline_copy):
    # "/" does nothing while the timeline loads; once it is shown the footer must say so, without
    # waiting for some later key press to redraw it.
    from textual.widgets import Footer
    app = TimelineApp(timeline_copy)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.pause()
        shown = [k.description for k in app.screen.query_one(Footer).query("FooterKey")]
        assert "Search" in shown and "Quit" in shown


@pytest.mark.parametrize("path,outlet,label", [
    ("pages/nyt.txt", None, "nyt"), ("pages/politico.txt", None, "poli"),  # not "trum" for both
    ("news/2017-05-24-bbc.txt", None, "bbc"), ("pages/apnews.txt", "AP", "AP"),
    ("seeds/000_3dbdce3846ecd486.txt", None, "trum"),  # a hash names nothing: the id does
    # an outlet: its first word, or the initials of a longer name
    ("pages/nyt.txt", "The New York Times", "NYT"), ("pages/bbc.txt", "BBC News", "BBC"),
    ("a.txt", "The Associated Press", "AP"), ("a.txt", "France 24", "F24"), ("a.txt", "The Guardian", "Guar"),
])
def test_a_source_is_labelled_by_its_outlet_or_else_its_file_name(path, outlet, label):
    from tui.app.widgets.event_list import badge_label
    from tui.model import Source
    assert badge_label(Source(id="trump-says-nato-allies", path=path, title="t", outlet=outlet)) == label


def test_a_numbered_file_without_an_outlet_is_labelled_by_the_first_word_of_its_id():
    from tui.app.widgets.event_list import badge_label
    from tui.model import Source
    assert badge_label(Source(id="wsj-0585-copy-2239", path="articles/002239.txt", title="wsj_0585 copy")) == "wsj"


async def test_the_reader_shows_the_header_fields_above_the_text_not_the_header_lines(tmp_path):
    """Seen on the AP articles: the pane opened with "Date: 1999-06-07" and three blank lines,
    under a heading that already says the date. The header's URL is shown in the heading, and a
    search match in the header is highlighted there, never stepped to in hidden lines."""
    from conftest import INDEPENDENT

    (tmp_path / "seeds").mkdir()
    url = "https://www.independent.co.uk/news/world/europe/nato-isis-coalition.html"
    header = f"Title: Nato to join the US-led coalition against Isis\nDate: 2017-05-25\nURL: {url}\n\n\n\n"
    (tmp_path / "seeds" / "independent.txt").write_text(header + INDEPENDENT.read_text(encoding="utf-8"),
                                                        encoding="utf-8")
    app = built_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        view = app.query_one(ArticleView)
        lines = view.plain.split("\n")
        assert lines[0] == "Nato to join the US-led coalition against Isis"
        assert url in lines[2]
        assert "Date: 2017-05-25" not in view.plain and "URL:" not in view.plain
        first_line = INDEPENDENT.read_text(encoding="utf-8").split("\n")[0]
        assert lines[4] == first_line  # the text right under the heading, no blank lines
        quote = app.browser.evidence.quote
        start = view._body_offset + app.browser.evidence.start
        assert view.plain[start:start + len(quote)] == quote  # offsets still land on the quote
        await pilot.press("slash", *"independent.co.uk", "enter")
        await pilot.pause()
        assert app.browser.listed  # found in the articles' text, by their header
        await pilot.press("n")
        await pilot.pause()
        assert app.current_match is None or app.current_match[0] >= len(header)


async def test_a_first_run_in_a_folder_of_many_articles_builds_them_in_worker_processes(tmp_path, monkeypatch):
    """`cd articles; nato-timeline` with 48 articles (enough for a process pool): the build in the
    explorer failed with "bad value(s) in fds_to_keep", for inside Textual stderr has no file
    descriptor, and multiprocessing's resource tracker is started with it (textual#3593)."""
    from conftest import INDEPENDENT, RFE

    from tui.cli import default_timeline
    texts = [INDEPENDENT.read_text(encoding="utf-8"), RFE.read_text(encoding="utf-8")]
    for n in range(48):
        (tmp_path / f"a{n:02d}.txt").write_text(f"Date: 2017-05-{1 + n % 25:02d}\n\n{texts[n % 2]}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    path, build_from = default_timeline()
    assert (path, build_from) == (Path("timeline.yaml"), Path("."))
    app = TimelineApp(path, build_from=build_from)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(300):
            await pilot.pause(0.1)
            if app.query_one("#main").display:
                break
        assert "Cannot open" not in str(app.query_one("#loading-label").render())
        assert len(app.browser.timeline.sources) == 48 and app.browser.event is not None


async def reloaded(pilot, before):
    """Wait until the explorer shows a timeline read again from disk."""
    for _ in range(100):
        await pilot.pause(0.05)
        if pilot.app.browser.timeline is not before:
            return
    raise AssertionError("the explorer never read the changed file")


async def test_an_edit_saved_to_timeline_yaml_shows_in_the_open_explorer(timeline_copy):
    """The reader edits timeline.yaml in an editor: the open explorer shows the edit and keeps
    the search, the highlighted event and its piece of evidence."""
    from tui import store
    app = TimelineApp(timeline_copy)
    app.watch_seconds = 0.05
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("slash", *"trump", "enter", "j")
        shown = highlighted(app)
        listed = [app.browser.timeline.events[i].id for i in app.browser.listed]
        await pilot.press("right_square_bracket")
        assert len(shown.evidence) > 1 and app.browser.evidence_index == 1
        assert any("trump" in e.quote.lower() for e in shown.evidence)  # still listed once retitled
        tl = store.load(timeline_copy)
        tl.event(shown.id).title = "Edited by hand in an editor"
        before = app.browser.timeline
        store.save(tl, timeline_copy)
        await reloaded(pilot, before)
        await pilot.pause()
        assert highlighted(app).id == shown.id and app.browser.evidence_index == 1
        assert app.browser.query == "trump"
        assert [app.browser.timeline.events[i].id for i in app.browser.listed] == listed
        assert "Edited by hand in an editor" in str(app.query_one("#evidence-header").render())
        row = "".join(seg.text for seg in app.query_one(EventList).render_line(app.browser.cursor))
        assert "Edited by hand" in row


async def test_a_broken_edit_is_reported_and_the_last_good_timeline_stays(timeline_copy):
    """A half-saved or mistyped timeline.yaml: one message naming the line, the events read
    before stay on screen, and the fixed file is read again."""
    app = TimelineApp(timeline_copy)
    app.watch_seconds = 0.05
    good = timeline_copy.read_text(encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("j", "j")
        shown, before = highlighted(app), app.browser.timeline
        timeline_copy.write_text(good + "events:\n  - [oops\n", encoding="utf-8")
        for _ in range(100):
            await pilot.pause(0.05)
            if app._notifications:
                break
        [note] = list(app._notifications)
        assert note.severity == "error" and note.title == "timeline.yaml changed but cannot be read"
        assert re.match(r"\S*timeline\.yaml:\d+:\d+: malformed YAML", note.message)
        assert app.browser.timeline is before and highlighted(app).id == shown.id
        timeline_copy.write_text(good.replace(shown.title, "Fixed"), encoding="utf-8")
        await reloaded(pilot, before)
        assert highlighted(app).id == shown.id and highlighted(app).title == "Fixed"
        assert not any(n.severity == "error" for n in app._notifications)


async def saved(path: Path, pilot, check) -> None:
    """Wait until the timeline written to `path` passes `check`."""
    from tui import store
    for _ in range(100):
        await pilot.pause(0.05)
        if not any(w.group == "save" and not w.is_finished for w in pilot.app.workers) and check(store.load(path)):
            return
    raise AssertionError("the edit never reached the file")


@pytest.fixture
def seeds_built(tmp_path) -> Path:
    """A folder with the seed articles and the timeline built from them, to be edited."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    built_app(tmp_path)
    return tmp_path / "timeline.yaml"


async def test_a_title_and_a_date_set_in_the_explorer_are_saved_and_kept_by_a_rebuild(seeds_built):
    from tui import store
    from tui.cli import main
    path = seeds_built
    app = TimelineApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        event = highlighted(app)
        await pilot.press("t", "ctrl+u", *"Trump calls NATO obsolete", "enter")
        await pilot.press("d", "ctrl+u", *"last May", "enter")
        assert "is not a date in full" in str(app.screen.query_one("#problem").render())  # asked again
        await pilot.press("ctrl+u", *"May 26, 2017", "enter")
        assert highlighted(app).id == event.id and highlighted(app) is app.browser.timeline.events[-1]
        await saved(path, pilot, lambda tl: tl.event(event.id).date == "2017-05-26")
        assert store.load(path).event(event.id).title == "Trump calls NATO obsolete"
    assert main(["build", str(path.parent / "seeds"), "-o", str(path)]) == 0
    kept = store.load(path).event(event.id)
    assert (kept.title, kept.date) == ("Trump calls NATO obsolete", "2017-05-26")


async def test_the_timeline_renamed_in_the_explorer_keeps_its_name_through_a_rebuild(seeds_built):
    from tui import store
    from tui.cli import main
    path = seeds_built
    first = store.load(path).title  # the builder's: the first source's headline
    app = TimelineApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("j")
        event = highlighted(app)
        await pilot.press("T", "ctrl+u", "enter")
        assert "cannot be empty" in str(app.screen.query_one("#problem").render())  # asked again
        await pilot.press(*"NATO and Trump, May 2017", "enter")
        assert str(app.query_one("#header").render()).endswith("·  NATO and Trump, May 2017")
        assert highlighted(app).id == event.id
        await saved(path, pilot, lambda tl: tl.title == "NATO and Trump, May 2017")
        await pilot.press("u")
        await saved(path, pilot, lambda tl: tl.title == first)
        await pilot.press("T", "ctrl+u", *"Trump's first NATO summit", "enter")
        await saved(path, pilot, lambda tl: tl.title == "Trump's first NATO summit")
    assert main(["build", str(path.parent / "seeds"), "-o", str(path)]) == 0
    assert store.load(path).title == "Trump's first NATO summit"
    assert main(["export", str(path), "--format", "md", "-o", str(path.parent / "t.md"), "-q"]) == 0
    assert (path.parent / "t.md").read_text(encoding="utf-8").startswith("# Trump's first NATO summit")


async def test_hiding_an_event_and_undoing_it(seeds_built):
    path = seeds_built
    app = TimelineApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("j")
        event, after, listed = highlighted(app), app.browser.timeline.events[2], len(app.browser.listed)
        await pilot.press("x")
        assert len(app.browser.listed) == listed - 1 and highlighted(app).id == after.id
        await saved(path, pilot, lambda tl: tl.event(event.id).hidden)
        await pilot.press("u")
        assert len(app.browser.listed) == listed and highlighted(app).id == event.id
        await saved(path, pilot, lambda tl: not tl.event(event.id).hidden)
        await pilot.press("a", *"Checked against the wire copy", "enter")
        await saved(path, pilot, lambda tl: tl.event(event.id).note == "Checked against the wire copy")
        assert "note: Checked against the wire copy" in str(app.query_one("#evidence-header").render())


async def test_a_quote_split_out_in_the_explorer_stays_out_after_a_rebuild(seeds_built):
    """The seed's "during the campaign" event groups a remark about Brussels with NATO called
    obsolete: `]` to it, `b` takes it out into an event of its own, titled from its sentence."""
    from tui import store
    from tui.cli import main
    path = seeds_built
    app = TimelineApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        event = highlighted(app)
        others = [x.quote for x in event.evidence if "hellhole" not in x.quote]
        while "hellhole" not in app.browser.evidence.quote:
            await pilot.press("right_square_bracket")
        listed = len(app.browser.listed)
        await pilot.press("b")
        assert highlighted(app).id == event.id and [x.quote for x in highlighted(app).evidence] == others
        assert len(app.browser.listed) == listed + 1
        alone = app.browser.timeline.events[app.browser.listed[app.browser.cursor + 1]]
        assert alone.title.startswith("Trump also took aim at the city") and alone.date == event.date
        assert any(alone.title[:30] in n.message for n in app._notifications)
        await saved(path, pilot, lambda tl: len(tl.event(event.id).evidence) == len(others))
        await pilot.press("b", "u")  # split again, then undone: only the first split is saved
        await saved(path, pilot, lambda tl: len(tl.events) == listed + 1)
    for _ in range(2):
        assert main(["build", str(path.parent / "seeds"), "-o", str(path)]) == 0
        tl = store.load(path)
        assert [x.quote for x in tl.event(event.id).evidence] == others
        assert [x.quote for x in tl.event(alone.id).evidence] == [x.quote for x in alone.evidence]


async def test_joining_two_events_and_undoing_it(seeds_built):
    from tui import store
    from tui.cli import main
    path = seeds_built
    app = TimelineApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        while highlighted(app).date != "2017-05-24":
            await pilot.press("j")
        event, below = highlighted(app), app.browser.timeline.events[app.browser.listed[app.browser.cursor + 1]]
        ids = [e.id for e in app.browser.timeline.events]
        await pilot.press("J", "u")
        assert [e.id for e in app.browser.timeline.events] == ids and highlighted(app) is event
        await pilot.press("J")
        joined = highlighted(app)
        assert joined.id == event.id and joined.title == event.title
        assert {(x.quote, x.timex) for x in joined.evidence} == \
            {(x.quote, x.timex) for x in event.evidence + below.evidence}
        assert app.browser.timeline.event(below.id) is None
        await saved(path, pilot, lambda tl: tl.event(below.id) is None)
        await pilot.press("G", "J")  # the last event has none below it
        assert any("No event below" in n.message for n in app._notifications)
    assert main(["build", str(path.parent / "seeds"), "-o", str(path)]) == 0
    tl = store.load(path)
    assert tl.event(below.id) is None and tl.event(event.id).evidence == joined.evidence


async def test_an_event_deleted_in_the_explorer_stays_deleted_after_a_rebuild(seeds_built):
    from tui import store
    from tui.cli import main
    path = seeds_built
    app = TimelineApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("j", "j")
        event = highlighted(app)
        after = app.browser.timeline.events[app.browser.listed[app.browser.cursor + 1]]
        ids = [e.id for e in app.browser.timeline.events]
        await pilot.press("D", "u")
        assert [e.id for e in app.browser.timeline.events] == ids and highlighted(app).id == event.id
        await pilot.press("D")
        assert highlighted(app).id == after.id and len(app.browser.listed) == len(ids) - 1
        assert any("Deleted" in n.message and "a rebuild leaves it out" in n.message for n in app._notifications)
        await saved(path, pilot, lambda tl: tl.event(event.id) is None and len(tl.deleted) == len(event.evidence))
    for _ in range(2):
        assert main(["build", str(path.parent / "seeds"), "-o", str(path)]) == 0
        tl = store.load(path)
        assert [e.id for e in tl.events] == [i for i in ids if i != event.id]
        quotes = {(x.source, x.quote, x.timex) for e in tl.events for x in e.evidence}
        assert not quotes & {(x.source, x.quote, x.timex) for x in event.evidence}


async def test_an_edit_is_not_written_over_a_file_changed_since_it_was_read(timeline_copy):
    """timeline.yaml was edited in an editor a moment ago: an edit made in the explorer before
    it noticed is reported, not saved over the other one."""
    app = TimelineApp(timeline_copy)
    app.watch_seconds = 3600
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        elsewhere = timeline_copy.read_text(encoding="utf-8").replace("version: 1", "version: 1\n# edited elsewhere")
        timeline_copy.write_text(elsewhere, encoding="utf-8")
        await pilot.press("x")
        for _ in range(100):
            await pilot.pause(0.05)
            if app._notifications and any(n.severity == "error" for n in app._notifications):
                break
        assert any(n.title == "Edit not saved" and "changed on disk" in n.message for n in app._notifications)
        assert timeline_copy.read_text(encoding="utf-8") == elsewhere


async def test_the_example_shipped_with_the_package_is_not_edited():
    from tui.cli import packaged_dir
    path = packaged_dir() / "timeline.yaml"
    before = path.read_bytes()
    app = TimelineApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("x", "t")
        assert app.screen is app.screen_stack[0] and not any(e.hidden for e in app.browser.timeline.events)
        assert any("build a timeline of your own" in n.message for n in app._notifications)
    assert path.read_bytes() == before

