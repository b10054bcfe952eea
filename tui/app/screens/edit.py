"""Ask for a new title, date or note of the highlighted event; say at once why a value cannot be."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class EditScreen(ModalScreen[str | None]):
    """Enter keeps the value (unless `problem` finds one), Esc keeps the event as it was."""

    BINDINGS = [Binding("escape", "dismiss_none", "Cancel")]
    DEFAULT_CSS = """
    EditScreen { align: center middle; }
    EditScreen > Vertical { width: 90; max-width: 95%; height: auto; border: round $accent;
        background: $panel; padding: 0 1; }
    EditScreen Input { margin: 1 0 0 0; }
    EditScreen #hint { color: $text-muted; }
    EditScreen #problem { color: $error; }
    """

    def __init__(self, heading: str, value: str, hint: str, problem: Callable[[str], str | None]) -> None:
        super().__init__()
        self.heading, self.value, self.hint, self.problem = heading, value, hint, problem

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.heading
            yield Input(self.value, id="value", select_on_focus=False)
            yield Label(self.hint, id="hint", markup=False)
            yield Label("", id="problem", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        wrong = self.problem(event.value)
        if wrong:
            self.query_one("#problem", Label).update(wrong)
            self.app.bell()
            return
        self.dismiss(event.value)

    def on_input_changed(self) -> None:
        self.query_one("#problem", Label).update("")

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
