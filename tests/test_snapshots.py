"""Snapshots of the explorer (pytest-textual-snapshot), reviewed by eye before they were accepted.

Update after a deliberate change with `pytest tests/test_snapshots.py --snapshot-update`
and look at the report before committing.
"""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT

from tui.app import TimelineApp

SIZE = (120, 40)


@pytest.fixture
def app(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "timeline.yaml", tmp_path / "timeline.yaml")
    return TimelineApp(tmp_path / "timeline.yaml")


async def wait_loaded(pilot):
    for _ in range(100):
        await pilot.pause()
        if pilot.app.query_one("#main").display and pilot.app.texts_ready:
            break
    await pilot.app.workers.wait_for_complete()  # the search index too: no work left to race the picture
    await pilot.pause()


def test_main_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=wait_loaded, press=["j", "j", "j", "j", "j"])


def test_search_in_progress(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=wait_loaded, press=["slash", *"manchester"])


def test_help_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=wait_loaded, press=["question_mark"])


def test_narrow_terminal(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), run_before=wait_loaded, press=["G"])
