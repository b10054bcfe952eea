"""Every key of the explorer in one table: bindings and the help screen are both made from it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Key:
    keys: str  # Textual key names, comma-separated
    action: str
    description: str  # shown in the footer and on the help screen
    label: str  # how the key is written for a person
    show: bool = True
    # Handled by the app before the focused widget sees the key: the keys typed right after it
    # (a pasted or fast "/query") then already go to where it moved the focus.
    priority: bool = False


LIST_KEYS = (
    Key("j,down", "cursor_down", "Next event", "j / ↓", show=False),
    Key("k,up", "cursor_up", "Previous event", "k / ↑", show=False),
    Key("g,home", "first", "First event", "g / Home", show=False),
    Key("G,end", "last", "Last event", "G / End", show=False),
    Key("pageup", "page_up", "Page up", "PgUp", show=False),
    Key("pagedown", "page_down", "Page down", "PgDn", show=False),
    Key("enter,l,right", "read", "Read", "Enter / l / →"),
)

ARTICLE_KEYS = (
    Key("h,left,escape", "back", "Back to list", "h / ← / Esc"),
    Key("j,down", "scroll_down", "Scroll down", "j / ↓", show=False),
    Key("k,up", "scroll_up", "Scroll up", "k / ↑", show=False),
)

APP_KEYS = (
    Key("right_square_bracket", "next_evidence", "Next evidence", "]"),
    Key("left_square_bracket", "previous_evidence", "Prev evidence", "[", show=False),
    Key("slash", "search", "Search", "/", priority=True),
    Key("n", "next_match", "Next match", "n", show=False),
    Key("N", "previous_match", "Previous match", "N", show=False),
    Key("s", "cycle_source", "Source filter", "s"),
    Key("c", "copy_quote", "Copy quote", "c"),
    Key("H", "toggle_hidden", "Show hidden", "H", show=False),
    Key("e", "export", "Export", "e", show=False),
    Key("t", "edit_title", "Edit the event's title", "t", show=False),
    Key("d", "edit_date", "Edit the event's date", "d", show=False),
    Key("a", "edit_note", "Add or edit a note", "a", show=False),
    Key("x", "hide_event", "Hide / unhide the event", "x", show=False),
    Key("b", "split_quote", "Split the shown quote into its own event", "b", show=False),
    Key("J", "join_next", "Join the next event into this one", "J", show=False),
    Key("D", "delete_event", "Delete the event (a rebuild leaves it out)", "D", show=False),
    Key("T", "rename_timeline", "Edit the timeline's own title", "T", show=False),
    Key("u", "undo", "Undo the last edit", "u", show=False),
    Key("question_mark", "help", "Help", "?"),
    Key("q", "quit", "Quit", "q"),
)

OTHER_KEYS = (
    ("Tab / Shift+Tab", "Move focus between the list and the article"),
    ("Ctrl+P", "Command palette: jump to any event by title or date"),
    ("Enter (search)", "Keep the filter and return to the list"),
    ("Esc (search)", "Clear the filter"),
)


def bindings(keys: tuple[Key, ...]) -> list[Binding]:
    return [Binding(k.keys, k.action, k.description, show=k.show, priority=k.priority) for k in keys]
