"""The Textual explorer. Everything it shows comes from the UI-free core (`tui.browse`)."""

from .app import TimelineApp, run_app

__all__ = ["TimelineApp", "run_app"]
