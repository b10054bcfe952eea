"""The article pane: the source text, wrapped by us so we know where every character lands.

The text is shown literally (a Rich `Text`, never markup; control characters
replaced one for one so offsets still hold), with the quote and search matches
styled by offset, and scrolled so that the quote is in view.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...textutil import clean_display
from ..keys import ARTICLE_KEYS, bindings

QUOTE_STYLE = Style(color="black", bgcolor="#f0c674")
STALE_STYLE = Style(color="black", bgcolor="#cc6666")
MATCH_STYLE = Style(color="black", bgcolor="#81a2be", bold=True)
FURNITURE_STYLE = Style(dim=True, italic=True)
CURRENT_MATCH_STYLE = Style(color="black", bgcolor="#b5bd68", bold=True, underline=True)


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each screen line when `text` is wrapped at `width` cells, by words."""
    width = max(8, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    for paragraph in text.split("\n"):
        start, end = pos, pos + len(paragraph)
        if start == end:
            lines.append((start, end))
        line_start = start
        while line_start < end:
            cut, cells = line_start, 0
            while cut < end and cells + cell_len(text[cut]) <= width:
                cells += cell_len(text[cut])
                cut += 1
            if cut < end:
                space = text.rfind(" ", line_start, cut + 1)
                if space > line_start:
                    cut = space + 1
            cut = max(cut, line_start + 1)
            lines.append((line_start, cut))
            line_start = cut
        pos = end + 1
    return lines


class ArticleView(ScrollView, can_focus=True):
    BINDINGS = bindings(ARTICLE_KEYS)
    DEFAULT_CSS = """
    ArticleView { background: $surface; padding: 0 1; overflow-x: hidden; scrollbar-gutter: stable; }
    ArticleView:focus { background-tint: $foreground 4%; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._text = Text("")
        self._body_offset = 0
        self._lines: list[tuple[int, int]] = []
        self._strips: dict[int, Strip] = {}
        self._line_texts = None
        self._wrapped_width = -1
        self.quote: tuple[int, int] | None = None
        self._target: tuple[int, int] | None = None  # what `show` scrolled to: the match or the quote

    @property
    def plain(self) -> str:
        return self._text.plain

    def show(self, header: Text, body: str, quote: tuple[int, int] | None, matches=(),
             current_match: tuple[int, int] | None = None, stale: bool = False, dim=(),
             start: int = 0) -> None:
        """Show `body` from `start` on (offsets into all of it for quote and matches) under
        `header`, quote in view. `start` skips the file's `Key: value` header, which `header`
        already says better; what lies before it is not shown, and not styled."""
        safe_body = clean_display(body[start:]).replace("\t", " ")
        text = header.copy()
        text.append("\n\n")
        self._body_offset = off = len(text.plain) - start
        text.append(safe_body)

        def stylize(style: Style, span: tuple[int, int]) -> None:
            if span[1] > start:
                text.stylize(style, off + max(start, span[0]), off + span[1])

        for span in dim:
            stylize(FURNITURE_STYLE, span)
        if quote:
            stylize(STALE_STYLE if stale else QUOTE_STYLE, quote)
        for span in matches:
            stylize(MATCH_STYLE, span)
        if current_match:
            stylize(CURRENT_MATCH_STYLE, current_match)
        self._text = text
        self.quote = quote
        self._rewrap(force=True)
        self._target = current_match or quote
        self._scroll_to_target()
        # Again once laid out: a view shown for the first time has no size yet, and the scroll
        # made without one is lost (the first screen after a build opened at the article's top).
        self.call_after_refresh(self._scroll_to_target)

    def _scroll_to_target(self) -> None:
        if self._target:
            self.scroll_to_offset(self._target[0])
        else:
            self.scroll_to(y=0, animate=False, immediate=True)

    def _content_width(self) -> int:
        return max(8, self.scrollable_content_region.width or self.size.width - 2)

    def _rewrap(self, force: bool = False) -> None:
        width = self._content_width()
        if not force and width == self._wrapped_width:
            return
        self._wrapped_width = width
        self._lines = wrap_offsets(self._text.plain, width)
        self._line_texts = None
        self._strips.clear()
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def on_resize(self) -> None:
        self._rewrap()
        if self._target:
            self.scroll_to_offset(self._target[0])

    def line_of(self, body_offset: int) -> int:
        absolute = self._body_offset + body_offset
        for n, (start, end) in enumerate(self._lines):
            if start <= absolute <= end and (absolute < end or n == len(self._lines) - 1 or self._lines[n + 1][0] > absolute):
                return n
        return max(0, len(self._lines) - 1)

    def scroll_to_offset(self, body_offset: int) -> None:
        line = self.line_of(body_offset)
        height = max(1, self.scrollable_content_region.height or self.size.height)
        self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    def visible_text(self) -> str:
        """The plain text of the lines now on screen (for tests and screen readers)."""
        top = self.scroll_offset.y
        height = max(1, self.scrollable_content_region.height or self.size.height)
        return "\n".join(self._text.plain[s:e] for s, e in self._lines[top:top + height])

    def render_line(self, y: int) -> Strip:
        n = self.scroll_offset.y + y
        width = self.scrollable_content_region.width or self.size.width
        if n >= len(self._lines):
            return Strip.blank(width)
        strip = self._strips.get(n)
        if strip is None:
            if self._line_texts is None:
                # One pass over the styles for every line: slicing a Text line by line walks all
                # of its spans each time (a search for one letter marks hundreds of them).
                cuts = [x for start, end in self._lines for x in (start, end)]
                self._line_texts = self._text.divide(cuts)
            line = self._line_texts[2 * n + 1]
            line.rstrip()
            strip = Strip(list(line.render(self.app.console))).crop_extend(0, width, None)
            if len(self._strips) > 4000:
                self._strips.clear()
            self._strips[n] = strip
        return strip

    def action_back(self) -> None:
        self.app.action_focus_list()

    def action_scroll_down(self) -> None:
        self.scroll_relative(y=1, animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_relative(y=-1, animate=False)
