"""The event list: one line per event, drawn on demand (line API), so 100,000 rows cost nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...browse import Browser
from ...export import human_date
from ...search import match_spans
from ...textutil import clean_display
from ..keys import LIST_KEYS, bindings

MAX_BADGES = 3
_NAME_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2,}(?![A-Za-z0-9])")  # a word, not a piece of a hash
BADGE_COLOURS = ("#5f87d7", "#d7875f", "#5faf5f", "#af5fd7", "#d7af00", "#00afaf", "#d75f87", "#87afaf")


def badge(label: str, n: int) -> Text:
    return Text(f" {label} ", style=Style(color="black", bgcolor=BADGE_COLOURS[n % len(BADGE_COLOURS)]))


def badge_label(source) -> str:
    """A short label for a source: its outlet's initials or first word, at most 4 characters.
    Without an outlet, the first word of its file's name ("nyt.txt", "2017-05-24-bbc.txt"): the
    reader named it, and sources named after their headlines would all read "trum"."""
    if not source.outlet:
        named = _NAME_WORD.search(PurePosixPath(source.path or "").stem) or _NAME_WORD.search(source.id)
        return named.group(0)[:4] if named else clean_display(source.id)[:4] or "?"
    name = clean_display(source.outlet)
    words = [w for w in name.replace("/", " ").split() if w.lower() not in ("the", "a")]
    if not words:
        return "?"
    if len(words) == 1 or (len(words) == 2 and len(words[0]) <= 4):  # "Reuters", "BBC News", "RFE/RL"
        return words[0][:4]
    return "".join(w if w.isdigit() else w[0] for w in words)[:4].upper()  # NYT, AP, F24


class EventList(ScrollView, can_focus=True):
    """Scrollable list of the browser's listed events, with a cursor."""

    BINDINGS = bindings(LIST_KEYS)
    DEFAULT_CSS = """
    EventList { background: $surface; overflow-x: hidden; }
    EventList:focus { background-tint: $foreground 4%; }
    """

    @dataclass
    class Moved(Message):
        """The highlighted event changed (cursor, filter or jump)."""

    @dataclass
    class Read(Message):
        """The reader asked to read the highlighted event's article."""

    def __init__(self, browser: Browser, **kwargs) -> None:
        super().__init__(**kwargs)
        self.browser = browser
        self._cache: dict[tuple, Strip] = {}
        self._source_order: dict[str, int] = {}
        self._labels: dict[str, str] = {}
        self._badge_room = 8

    def set_browser(self, browser: Browser) -> None:
        self.browser = browser
        self._source_order = {s.id: n for n, s in enumerate(browser.timeline.sources)}
        self._labels = {s.id: badge_label(s) for s in browser.timeline.sources}
        shown = [self._shown(e.sources) for e in browser.timeline.events] or [([], 0)]
        label_width = max((len(v) for v in self._labels.values()), default=3)
        more = max(len(str(rest)) + 2 for _, rest in shown) if any(rest for _, rest in shown) else 0
        self._badge_room = max(len(ids) for ids, _ in shown) * (label_width + 3) + more
        self.reload()

    def _shown(self, sources: list[str]) -> tuple[list[str], int]:
        """The sources given a badge (one per outlet label, at most MAX_BADGES) and how many more:
        an event told by 80 wire copies must leave room for its title."""
        ids, labels = [], set()
        for sid in sources:
            label = self._labels.get(sid, sid[:4])
            if label not in labels and len(ids) < MAX_BADGES:
                labels.add(label)
                ids.append(sid)
        return ids, len(sources) - len(ids)

    def reload(self) -> None:
        """The listed events changed: resize, redraw, keep the cursor in view."""
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self.browser.listed))
        self.scroll_to_cursor(animate=False)
        self.refresh()

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self.browser.listed))

    # --- drawing ---------------------------------------------------------------------------
    def _row(self, pos: int, width: int) -> Strip:
        b = self.browser
        index = b.listed[pos]
        cursor = pos == b.cursor
        key = (index, width, cursor, b.query, self.has_focus)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        e = b.timeline.events[index]
        narrow = width < 50
        date = human_date(e.date, short=narrow)
        if len(date) > 15:
            date = human_date(e.date, short=True)
        title = Text(clean_display(e.title))
        for start, end in match_spans(title.plain, b.query):
            title.stylize(Style(bold=True, underline=True, color="yellow"), start, end)
        badges = Text()
        shown, more = self._shown(e.sources)
        for sid in shown:
            badges.append(" ")
            label = self._labels.get(sid, sid[:4])
            badges.append_text(badge(label[:1] if narrow else label, self._source_order.get(sid, 0)))
        if more:
            badges.append(f" +{more}", style="bold")
        if any(ev.stale for ev in e.evidence):
            badges.append(" stale", style="red")
        date_width = 13 if narrow else 17
        badge_room = self._badge_room if not narrow else self._badge_room // 2
        room = max(4, width - date_width - max(badges.cell_len, min(badge_room, width // 3)) - 1)
        title.truncate(room, overflow="ellipsis", pad=True)
        row = Text.assemble((f" {date:<{date_width - 1}}", "bold"), title, badges)
        style = Style()
        if e.hidden:
            style += Style(dim=True, italic=True)
        if cursor:
            style += Style(bgcolor="#3a5a8c" if self.has_focus else "#3a3a3a", bold=True)
        row.stylize(style)
        segments = list(row.render(self.app.console))
        strip = Strip(segments).crop_extend(0, width, Style(bgcolor="#3a5a8c") if cursor and self.has_focus else None)
        if len(self._cache) > 2000:
            self._cache.clear()
        self._cache[key] = strip
        return strip

    def render_line(self, y: int) -> Strip:
        _, scroll_y = self.scroll_offset
        pos = scroll_y + y
        width = self.size.width
        if pos >= len(self.browser.listed):
            if pos == 0 and y == 0:
                return Strip([Segment(" No events" + (" match" if self.browser.query else ""),
                                      Style(dim=True, italic=True))]).crop_extend(0, width, None)
            return Strip.blank(width)
        return self._row(pos, width)

    # --- moving ----------------------------------------------------------------------------
    def scroll_to_cursor(self, animate: bool = False) -> None:
        height = max(1, self.size.height)
        y = self.browser.cursor
        top = self.scroll_offset.y
        if y < top:
            self.scroll_to(y=y, animate=animate, immediate=True)
        elif y >= top + height:
            self.scroll_to(y=y - height + 1, animate=animate, immediate=True)

    def _moved(self, changed: bool) -> None:
        if changed:
            self.scroll_to_cursor()
            self.refresh()
            self.post_message(self.Moved())

    def action_cursor_down(self) -> None:
        self._moved(self.browser.move(1))

    def action_cursor_up(self) -> None:
        self._moved(self.browser.move(-1))

    def action_first(self) -> None:
        self._moved(self.browser.move_to(0))

    def action_last(self) -> None:
        self._moved(self.browser.move_to(len(self.browser.listed) - 1))

    def action_page_down(self) -> None:
        self._moved(self.browser.move(max(1, self.size.height - 1)))

    def action_page_up(self) -> None:
        self._moved(self.browser.move(-max(1, self.size.height - 1)))

    def action_read(self) -> None:
        self.post_message(self.Read())

    def on_click(self, event) -> None:
        pos = self.scroll_offset.y + event.y
        if 0 <= pos < len(self.browser.listed):
            self._moved(self.browser.move_to(pos))
            if event.chain >= 2:
                self.post_message(self.Read())

    def on_focus(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._cache.clear()
        self.refresh()
