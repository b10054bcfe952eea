"""Ask which format to export to; the app writes the file and says where."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...export import FORMATS

DESCRIPTIONS = {"md": "Markdown chronology with citations", "csv": "spreadsheet, one row per quote",
                "json": "the timeline as JSON", "ics": "calendar (iCalendar)",
                "timelinejs": "Knight Lab TimelineJS"}


class ExportScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss_none", "Cancel")]
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > OptionList { width: 50; height: auto; border: round $accent; }
    """

    def compose(self) -> ComposeResult:
        options = OptionList(*[Option(f"{f:<11} {DESCRIPTIONS[f]}", id=f) for f in FORMATS])
        options.border_title = "Export as…"
        yield options

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
