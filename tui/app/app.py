"""The explorer: the timeline's events on the left, the evidence in its article on the right.

Loading and building run in a thread worker that only posts messages; the
handlers here own the state (a UI-free `Browser`) and redraw from it.
"""

from __future__ import annotations

import gc
import threading
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, Label, ProgressBar, Static
from textual.worker import get_current_worker

from ..browse import Browser
from ..edits import Edit, Regroup, Rename
from ..export import EXTENSIONS, human_date, write_export
from ..ingest import body_start
from ..model import Timeline
from ..textutil import clean_display
from .editing import EditKeys
from .keys import APP_KEYS, bindings
from .messages import LoadFailed, LoadProgress, TextsLoaded, TimelineLoaded
from .palette import EventJumpProvider
from .screens.export import ExportScreen
from .screens.help import HelpScreen
from .watch import WATCH_SECONDS, FollowsFile, file_state
from .widgets.article_view import MATCH_STYLE, ArticleView
from .widgets.event_list import EventList
from .widgets.ruler import TimeRuler


class BuildCancelled(Exception):
    pass


class TimelineApp(FollowsFile, EditKeys, App):
    TITLE = "nato-timeline"
    CSS = """
    #header { height: 1; background: $primary; color: $text; padding: 0 1; }
    #main { height: 1fr; }
    EventList { width: 50%; min-width: 30; border-right: solid $panel-lighten-2; }
    #main.narrow { layout: vertical; }
    #main.narrow EventList { width: 100%; height: 40%; border-right: none; border-bottom: solid $panel-lighten-2; }
    #right { width: 1fr; }
    #evidence-header { height: auto; max-height: 5; padding: 0 1; background: $panel; }
    ArticleView { height: 1fr; }
    #search-row { height: 1; display: none; }
    #search-row.active { display: block; }
    #search-row Input { border: none; height: 1; width: 1fr; padding: 0 1; }
    #search-count { width: auto; padding: 0 1; color: $text-muted; }
    #status { height: 1; padding: 0 1; color: $text-muted; background: $panel; }
    #loading { height: 1fr; align: center middle; }
    #loading Label { width: 100%; content-align: center middle; }
    #loading ProgressBar { width: auto; }
    """
    BINDINGS = bindings(APP_KEYS)
    COMMANDS = App.COMMANDS | {EventJumpProvider}

    def __init__(self, path: Path, build_from: Path | None = None, timeline: Timeline | None = None,
                 texts: dict | None = None) -> None:
        super().__init__()
        self.path = Path(path)
        self.build_from = build_from
        self.browser = Browser(timeline or Timeline(), texts or {})
        self._preloaded = timeline is not None
        self.texts_ready = False
        self._furniture: dict[str, list[tuple[int, int]]] = {}  # per source, made on first show
        self.match_offset: int | None = None
        self.current_match: tuple[int, int] | None = None
        self.status_note = ""
        self.watch_seconds = WATCH_SECONDS
        self._disk: tuple | None = None  # the state of `path` when it was last read
        self._watching = False
        self._undo: list[Edit | Regroup | Rename] = []  # what undoes each edit made here, the last one last
        self._save_lock = threading.Lock()
        self._pending_save: Timeline | None = None  # the newest state not yet written
        self._saving = False

    # --- layout -------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static("", id="header", markup=False)
        yield TimeRuler(self.browser, id="ruler")
        with Vertical(id="loading"):
            yield Label("Loading…", id="loading-label", markup=False)
            yield ProgressBar(id="progress", total=100, show_eta=False)  # not indeterminate: no busy animation
        with Horizontal(id="main"):
            yield EventList(self.browser, id="events")
            with Vertical(id="right"):
                yield Static("", id="evidence-header", markup=False)
                yield ArticleView(id="article")
        with Horizontal(id="search-row"):
            yield Input(placeholder="search: all words must match (Enter keeps, Esc clears)", id="search")
            yield Label("", id="search-count", markup=False)
        yield Static("", id="status", markup=False)
        yield Footer()

    def on_resize(self, event) -> None:
        # Side by side from 100 columns; below that the list sits above the article.
        self.query_one("#main").set_class(event.size.width < 100, "narrow")

    def on_mount(self) -> None:
        self.query_one("#main").set_class(self.size.width < 100, "narrow")
        self.query_one("#main").display = False
        self.query_one("#ruler").display = False
        if self._preloaded:
            self.post_message(TimelineLoaded(self.browser.timeline, self.browser.texts, disk=file_state(self.path)))
            self.post_message(TextsLoaded(self.browser.texts))
        else:
            self.load()

    # --- loading in a worker -------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        from .. import store
        worker = get_current_worker()
        try:
            if self.build_from is not None:
                from ..build import build, finishing_label, record_build
                from ..collector import collector_paused

                def progress(done: int, total: int) -> None:
                    if worker.is_cancelled:
                        raise BuildCancelled
                    self.post_message(LoadProgress(done, total, f"Building timeline from {self.build_from}/" if done < total
                                                   else finishing_label(self.path)))

                with collector_paused():
                    old = store.load(self.path) if self.path.exists() else None
                    result = build([self.build_from], self.path, old=old, progress=progress)
                    if worker.is_cancelled:
                        raise BuildCancelled
                    record_build(self.path, result, store.save(result.timeline, self.path))  # for the next `build`
                disk = file_state(self.path)
                timeline, warnings = result.timeline, list(result.warnings)
            else:
                self.post_message(LoadProgress(0, 1, f"Loading {self.path}"))
                disk = file_state(self.path)  # before reading: a change while it is read is read again
                timeline, warnings = store.load(self.path), []
            if worker.is_cancelled:
                return
            gc.freeze()  # a big timeline's objects live as long as the app: keep them out of GC passes
            # The list first; the articles (read and checked against their hashes) right after.
            self.post_message(TimelineLoaded(timeline, {}, warnings, Browser(timeline, {}), disk))
            texts: dict = {}
            checks = store.verify_sources(timeline, self.path.parent, texts_out=texts)
            if not worker.is_cancelled:
                self.post_message(TextsLoaded(texts, checks))
        except BuildCancelled:
            self.post_message(LoadFailed("build cancelled", cancelled=True))
        except store.TimelineError as exc:
            self.post_message(LoadFailed(str(exc)))
        except Exception as exc:  # noqa: BLE001 - shown to the reader, never a traceback
            self.post_message(LoadFailed(f"{type(exc).__name__}: {exc}"))

    def on_load_progress(self, message: LoadProgress) -> None:
        self.query_one("#loading-label", Label).update(f"{message.label}  (Esc cancels)")
        self.query_one("#progress", ProgressBar).update(total=message.total, progress=message.done)

    def on_load_failed(self, message: LoadFailed) -> None:
        if message.cancelled and self.build_from is not None:
            from ..cli import packaged_dir
            self.notify("Build cancelled; showing the timeline shipped with nato-timeline.")
            self.path, self.build_from = packaged_dir() / "timeline.yaml", None
            self.load()
            return
        self.query_one("#loading-label", Label).update(f"Cannot open the timeline: {clean_display(message.message)}"
                                                         "\n\nPress q to quit.")
        self.query_one("#progress").display = False

    def on_timeline_loaded(self, message: TimelineLoaded) -> None:
        self._disk = message.disk
        if not self._watching:
            self._watching = True
            self.set_interval(self.watch_seconds, self.check_disk)
        self._install(message.browser or Browser(message.timeline, message.texts))
        self.query_one("#loading").display = False
        self.query_one("#main").display = True
        self.query_one("#ruler").display = True
        self.query_one(EventList).focus()
        self.refresh_bindings()  # "/ Search" is offered from now on (`check_action`): show it in the footer
        self._warn(message.warnings)
        self.refresh_all()

    def _install(self, browser: Browser) -> None:
        """Draw from `browser` from now on (a loaded or reloaded timeline)."""
        self.browser = browser
        self._furniture = {}
        self.current_match = self.match_offset = None
        self.query_one(TimeRuler).browser = browser
        self.query_one(EventList).set_browser(browser)

    def _warn(self, warnings: list[str]) -> None:
        for w in warnings[:5]:
            self.notify(clean_display(w), severity="warning", timeout=8)
        if len(warnings) > 5:
            self.notify(f"… and {len(warnings) - 5} more warnings", severity="warning", timeout=8)

    def on_texts_loaded(self, message: TextsLoaded) -> None:
        self.browser.set_texts(message.texts)
        self.texts_ready = True
        self._furniture = {}
        self._warn(message.warnings)
        self.refresh_all(list_changed=bool(self.browser.query))
        self.prepare_search(self.browser)

    @work(thread=True, exclusive=True, group="index")
    def prepare_search(self, browser: Browser) -> None:
        """Build the search index once the first screen is up, not on the first keystroke."""
        browser.index  # noqa: B018 - a cached property, built here off the UI thread
        gc.freeze()  # the index and texts, too, stay until the app ends

    # --- drawing from the browser's state -------------------------------------------------------
    def refresh_all(self, list_changed: bool = True) -> None:
        b = self.browser
        tl = b.timeline
        title = clean_display(tl.title or self.path.name)
        span = ""
        if b.listed:
            first = human_date(tl.events[b.listed[0]].date, short=True)
            last = human_date(tl.events[b.listed[-1]].date, short=True)
            span = f"  ·  {first} → {last}" if first != last else f"  ·  {first}"
        self.query_one("#header", Static).update(Text(
            f"{b.total} events  ·  {len(tl.sources)} sources{span}  ·  {title}", no_wrap=True, overflow="ellipsis"))
        if list_changed:
            self.query_one(EventList).reload()
        self.query_one(TimeRuler).refresh()
        self.show_evidence()
        self.update_status()

    def update_status(self) -> None:
        b = self.browser
        parts = []
        if b.query:
            parts.append(f"filter “{b.query}”: {len(b.listed)} of {b.total} events")
        if b.source_filter:
            src = b.timeline.source(b.source_filter)
            parts.append(f"source: {src.outlet or src.id if src else b.source_filter}")
        if b.show_hidden:
            parts.append("showing hidden events")
        if self.status_note:
            parts.append(self.status_note)
        if not parts:
            parts.append(f"{len(b.listed)} events  ·  / search  ·  ? help")
        self.query_one("#status", Static).update(Text(clean_display("  ·  ".join(parts)), no_wrap=True,
                                                      overflow="ellipsis"))

    def show_evidence(self) -> None:
        b = self.browser
        header = self.query_one("#evidence-header", Static)
        article = self.query_one(ArticleView)
        e = b.event
        if e is None:
            header.update(Text("No event selected", style="dim"))
            article.show(Text(""), "", None)
            return
        ev = b.evidence
        head = Text()
        head.append(human_date(e.date), style="bold #f0c674")
        head.append("  ")
        head.append(clean_display(e.title), style="bold")
        if e.hidden:
            head.append("  (hidden)", style="dim")
        if e.orphaned:
            head.append("  (orphaned: its source is gone)", style="red")
        if e.note:
            head.append("\nnote: " + clean_display(e.note), style="italic")
        if ev is None:
            head.append("\nno evidence (added by hand)", style="dim")
            header.update(head)
            article.show(Text(""), "", None)
            return
        n = len(e.evidence)
        src = b.source(ev.source)
        head.append(f"\nevidence {b.evidence_index + 1} of {n}", style="bold")
        head.append("  ·  " + clean_display((src.outlet if src else None) or ev.source), style="cyan")
        if src and src.published:
            head.append(f"  ·  published {src.published} ({src.published_from})", style="dim")
        if ev.stale:
            head.append("   stale: the source changed and this quote is no longer in it", style="red")
        header.update(head)
        text = b.texts.get(ev.source)
        art_head = Text()
        art_head.append(clean_display(src.title if src else ev.source), style="bold underline")
        art_head.append("\n")
        art_head.append(clean_display((src.outlet if src else None) or "unknown outlet"), style="cyan")
        if src and src.published:
            art_head.append(f"  ·  published {src.published} ({src.published_from})", style="dim")
        else:
            art_head.append("  ·  publication date unknown", style="dim")
        if src and src.url:
            art_head.append("\n" + clean_display(src.url), style="dim")
        if b.query:  # the header's fields are shown here, not as the file's lines: so are their matches
            from ..search import match_spans
            for start, end in match_spans(art_head.plain, b.query):
                art_head.stylize(MATCH_STYLE, start, end)
        if text is None and not self.texts_ready:
            article.show(art_head, "(loading the article…)", None)
            return
        if text is None:
            article.show(art_head, f"(the article file {src.path if src else ''} cannot be read)\n\n"
                         f"Quote: {ev.quote}", None)
            return
        matches = []
        if b.query:
            from ..search import match_spans
            matches = match_spans(text, b.query)
        quote = (ev.start, ev.end) if not ev.stale and text[ev.start:ev.end] == ev.quote else None
        # The file's own header lines ("Date: …") repeat what the heading above says; the text
        # starts after them, unless a quote set by hand is in them.
        start = body_start(text)
        first = len(text) - len(text[start:].lstrip())  # and after the blank lines that follow them
        start = text.rfind("\n", start, first) + 1 or start
        if any(span and span[0] < start for span in (quote, self.current_match)):
            start = 0
        article.show(art_head, text, quote, matches, self.current_match, stale=ev.stale,
                     dim=self.furniture_of(ev.source, text), start=start)

    def furniture_of(self, source_id: str, text: str) -> list[tuple[int, int]]:
        """Spans of page furniture in an article, shown dimmed (computed once per source)."""
        cache = self._furniture
        if source_id not in cache:
            from ..ingest import parse
            article = parse(text, Path(source_id))
            cache[source_id] = [(ln.start, ln.end) for ln in article.lines if ln.kind != "body"]
        return cache[source_id]

    # --- events from widgets ---------------------------------------------------------------------
    def on_event_list_moved(self, _: EventList.Moved) -> None:
        self.current_match = None
        self.match_offset = None
        self.query_one(TimeRuler).refresh()
        self.show_evidence()

    def on_event_list_read(self, _: EventList.Read) -> None:
        self.query_one(ArticleView).focus()

    # --- actions -------------------------------------------------------------------------------------
    def action_focus_list(self) -> None:
        self.query_one(EventList).focus()

    def _step(self, delta: int) -> None:
        if self.browser.step_evidence(delta):
            self.current_match = None
            self.show_evidence()
        else:
            self.bell()

    def action_next_evidence(self) -> None:
        self._step(1)

    def action_previous_evidence(self) -> None:
        self._step(-1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ "/" is a priority key: it must still reach the search box as a character, and does
        nothing over another screen (help, export) or before the timeline is shown."""
        if action == "search":
            focused = self.focused
            if isinstance(focused, Input) or self.screen is not self.screen_stack[0]:
                return False
            if not self.query_one("#main").display:
                return False
        return True

    def action_search(self) -> None:
        row = self.query_one("#search-row")
        row.add_class("active")
        row.styles.display = "block"
        box = self.query_one("#search", Input)
        box.value = self.browser.query
        # Now, not after the next refresh as `focus()` would: keys already typed after "/" must
        # reach the box, not the list.
        self.screen.set_focus(box)
        self._update_count()

    def _update_count(self) -> None:
        b = self.browser
        label = self.query_one("#search-count", Label)
        if b.query.strip() and not b.listed:
            label.update(f"no events match “{b.query}”")
        else:
            where = " (found only in the articles' text)" if b.query.strip() and b.match_scope == "articles" else ""
            label.update(f"{len(b.listed)} of {b.total} events{where}")

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        had = bool(self.browser.listed)
        self.browser.set_query(event.value)
        self.current_match = None
        self._update_count()
        if had and not self.browser.listed and event.value.strip():
            self.bell()
        self.refresh_all()

    def _close_search(self) -> None:
        row = self.query_one("#search-row")
        row.remove_class("active")
        row.styles.display = "none"

    @on(Input.Submitted, "#search")
    def search_submitted(self) -> None:
        self._close_search()
        if self.browser.query.strip() and not self.browser.listed:
            self.bell()
            self.notify(f"No events match “{clean_display(self.browser.query)}”", severity="warning")
        self.action_focus_list()
        self.update_status()

    def on_key(self, event) -> None:
        if event.key == "escape":
            focused = self.focused
            if isinstance(focused, Input) and focused.id == "search":
                event.stop()
                focused.value = ""
                self.browser.set_query("")
                self._close_search()
                self.action_focus_list()
                self.refresh_all()
            elif self.query_one("#loading").display and not self.query_one("#main").display:
                event.stop()
                self.workers.cancel_group(self, "load")

    def _go_to_match(self, backwards: bool) -> None:
        b = self.browser
        if not b.query.strip():
            self.bell()
            self.notify("No search: press / to search first.")
            return
        hit = b.next_hit(self.match_offset, backwards)
        if hit is None:
            self.bell()
            # Listed events can match by a heading (title, outlet, address): not a place to go to.
            where = " in the articles' text" if b.listed else ""
            self.notify(f"No match for “{clean_display(b.query)}”{where}", severity="warning")
            return
        moved = hit.event != b.cursor
        b.go_to_hit(hit)
        self.match_offset = hit.start
        self.current_match = (hit.start, hit.end)
        if moved:
            self.query_one(EventList).scroll_to_cursor()
            self.query_one(EventList).refresh()
            self.query_one(TimeRuler).refresh()
        self.show_evidence()

    def action_next_match(self) -> None:
        self._go_to_match(False)

    def action_previous_match(self) -> None:
        self._go_to_match(True)

    def action_cycle_source(self) -> None:
        sid = self.browser.cycle_source()
        src = self.browser.timeline.source(sid) if sid else None
        self.notify(f"Source: {clean_display(src.outlet or src.id)}" if src else "All sources", timeout=2)
        self.refresh_all()

    def action_toggle_hidden(self) -> None:
        shown = self.browser.toggle_hidden()
        self.notify("Showing hidden events (dimmed)" if shown else "Hidden events are not listed", timeout=2)
        self.refresh_all()

    def citation(self) -> str | None:
        b = self.browser
        ev, e = b.evidence, b.event
        if ev is None or e is None:
            return None
        src = b.source(ev.source)
        parts = [src.outlet or "unknown outlet", f"“{src.title}”"] if src else [ev.source]
        if src and src.published:
            parts.append(src.published)
        if src and src.url:
            parts.append(src.url)
        return f"“{clean_display(ev.quote)}” — {clean_display(', '.join(parts))}"

    def action_copy_quote(self) -> None:
        text = self.citation()
        if text is None:
            self.bell()
            return
        self.copy_to_clipboard(text)
        self.notify("Copied the quote with its citation", timeout=2)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_export(self) -> None:
        def done(fmt: str | None) -> None:
            if not fmt:
                return
            from ..cli import is_packaged
            folder = Path.cwd() if is_packaged(self.path) else self.path.parent
            out = folder / (self.path.stem + EXTENSIONS[fmt])
            try:
                write_export(self.browser.timeline, fmt, out, include_hidden=self.browser.show_hidden)
            except OSError as exc:
                self.notify(f"Export failed: {exc.strerror or exc}", severity="error")
                return
            self.notify(f"Wrote {out}", timeout=6)
        self.push_screen(ExportScreen(), done)

    def jump_to_event(self, event_id: str) -> None:
        if not self.browser.jump_to_event(event_id):
            # The event may be filtered out: clear the filters and try again.
            self.browser.query, self.browser.source_filter = "", None
            self.browser.show_hidden = True
            self.browser.refresh()
            self.browser.jump_to_event(event_id)
            self.query_one("#search", Input).value = ""
        self.current_match = None
        self.refresh_all()
        self.action_focus_list()


def run_app(path: Path, build_from: Path | None = None) -> int:
    TimelineApp(path, build_from=build_from).run()
    return 0
