"""Shared fixtures: the repository's seeds and a scratch copy of them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RFE = SEEDS / "000_3dbdce3846ecd486.txt"
INDEPENDENT = SEEDS / "002_baf5f19066e9ca85.txt"
EVAL = ROOT.parent / "shared" / "eval" / "timebank_aquaint.json"

# A bug in the incremental rebuild raises here instead of quietly taking the full build.
os.environ.setdefault("NATO_TIMELINE_STRICT", "1")


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """A folder with a copy of the seeds, as the current directory."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="session")
def seed_timeline():
    from tui.build import build
    return build([SEEDS], ROOT / "timeline.yaml").timeline
