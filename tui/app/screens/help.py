"""The help screen: every key, from the same table the bindings are made from."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from ..keys import APP_KEYS, ARTICLE_KEYS, LIST_KEYS, OTHER_KEYS


def help_table() -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2))
    table.add_column(style="bold #f0c674", no_wrap=True)
    table.add_column()
    for heading, keys in (("Event list", LIST_KEYS), ("Article", ARTICLE_KEYS), ("Anywhere", APP_KEYS)):
        table.add_row(f"[{heading}]", "", style="bold underline")
        for k in keys:
            table.add_row(k.label, k.description)
    table.add_row("[Also]", "", style="bold underline")
    for label, text in OTHER_KEYS:
        table.add_row(label, text)
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", key_display="Esc")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; background: $panel; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll() as v:
            v.border_title = "Keys — Esc to close"
            yield Static(help_table(), markup=False)
        yield Footer()  # its own: the list's keys, shown behind, do nothing here
