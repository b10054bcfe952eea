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
    disk: tuple | None = None  # the file's state when it was read (`watch.file_state`)


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


@dataclass
class TimelineReloaded(Message):
    """timeline.yaml changed on disk and was read again, its articles with it."""
    browser: object  # a Browser on the new timeline, its search index built off the UI thread
    warnings: list = field(default_factory=list)
    disk: tuple | None = None  # the file's state when it was read (`watch.file_state`)


@dataclass
class ReloadFailed(Message):
    """timeline.yaml changed on disk but cannot be read (an edit half saved, a YAML error)."""
    message: str


@dataclass
class SaveFailed(Message):
    """An edit made in the explorer could not be written to timeline.yaml."""
    message: str
