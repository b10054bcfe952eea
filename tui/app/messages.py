"""Messages the explorer's workers and widgets post; handlers on the app own the state."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from ..model import Timeline


@dataclass
class TimelineLoaded(Message):
    """A worker finished reading (or building) a timeline and its article texts."""
    timeline: Timeline
    texts: dict
    warnings: list = field(default_factory=list)
    browser: object = None  # a Browser prepared off the UI thread


@dataclass
class LoadProgress(Message):
    done: int
    total: int
    label: str


@dataclass
class LoadFailed(Message):
    message: str
    cancelled: bool = False


@dataclass
class TextsLoaded(Message):
    """The article texts, read (and checked against their hashes) after the list is on screen."""
    texts: dict
    warnings: list = field(default_factory=list)
