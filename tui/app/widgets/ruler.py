"""The time ruler: a one-line histogram of the listed events over time, the highlighted one marked."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from ...browse import Browser

BARS = " ▁▂▃▄▅▆▇█"


class TimeRuler(Widget):
    DEFAULT_CSS = """
    TimeRuler { height: 2; padding: 0 1; background: $panel; }
    """

    def __init__(self, browser: Browser, **kwargs) -> None:
        super().__init__(**kwargs)
        self.browser = browser

    def render(self) -> Text:
        width = max(10, self.size.width - 2)
        counts, first, last, marker, unit = self.browser.histogram(width)
        if not first:
            return Text("no dated events", style="dim")
        top = max(counts) or 1
        bars = Text()
        for n, c in enumerate(counts):
            level = 0 if c == 0 else max(1, round(8 * c / top))
            style = Style(color="#f0c674", bold=True) if n == marker else Style(color="#5f87d7")
            bars.append(BARS[level] if c else "·" if n != marker else "│", style=style)
        axis = [" "] * width
        label = f"{first} … {last} (by {unit})" if first != last else first
        # Keep the label clear of the marker: right-aligned when the marker is on the left.
        offset = max(0, width - len(label)) if marker is not None and marker < len(label) + 1 else 0
        for i, ch in enumerate(label[:width]):
            axis[offset + i] = ch
        if marker is not None:
            axis[marker] = "▲"
        line2 = Text("".join(axis), style="dim")
        if marker is not None:
            line2.stylize(Style(color="#f0c674", bold=True, dim=False), marker, marker + 1)
        return Text("\n").join([bars, line2])
