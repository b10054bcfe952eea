"""The import contract: the model, the parser and the store work without Textual."""

from __future__ import annotations

import subprocess
import sys

CORE = ["tui.model", "tui.ingest", "tui.temporal", "tui.pubdate", "tui.events", "tui.store", "tui.build",
        "tui.search", "tui.browse", "tui.edits", "tui.regroup", "tui.export", "tui.commands", "tui.cli"]

BLOCK = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "textual" or name.startswith("textual."):
            raise ImportError("textual is blocked in this test")
sys.meta_path.insert(0, Block())
"""


def test_core_imports_without_textual():
    code = BLOCK + "".join(f"import {m}\n" for m in CORE) + (
        "from pathlib import Path\nimport tui.build as b\n"
        "r = b.build([Path('seeds')], Path('timeline.yaml'))\nassert r.timeline.events\n"
        "assert not any(m.startswith('textual') for m in sys.modules)\n")
    from conftest import ROOT
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_analysis_version_covers_all_the_code_an_analysis_runs():
    # A cached result is reused while the version stays the same: a module the per-article step
    # imports but the version leaves out (tui/said.py was, when it came) would serve stale titles.
    from conftest import ROOT

    from tui.pipeline import ANALYSING_CODE
    code = "import sys, tui.pipeline\nprint(' '.join(m for m in sys.modules if m == 'tui' or m.startswith('tui.')))"
    loaded = subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True,
                            text=True).stdout.split()
    files = {m.removeprefix("tui").lstrip(".").replace(".", "/") or "" for m in loaded}
    expected = {f"{f}/__init__.py" if f in ("", "temporal") else f"{f}.py" for f in files}
    assert {e.lstrip("/") for e in expected} == set(ANALYSING_CODE)
