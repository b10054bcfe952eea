"""A build in worker processes gives the very timeline a build in one process gives, and its
progress reaches the last article."""

from __future__ import annotations

from conftest import INDEPENDENT, RFE

from tui import store
from tui.build import build


def _corpus(folder, n):
    """n articles: the two seeds, each copy with its own closing line so that none is cached."""
    folder.mkdir()
    for i in range(n):
        seed = (RFE, INDEPENDENT)[i % 2]
        (folder / f"{i:03d}.txt").write_text(seed.read_text(encoding="utf-8") + f"\nCopy {i}.\n", encoding="utf-8")
    return folder


def test_workers_build_the_same_timeline_and_report_every_article(tmp_path):
    articles = _corpus(tmp_path / "articles", 48)  # enough for the worker pool (40 or more)
    runs = {}
    for jobs in (1, 2):
        calls = []
        result = build([articles], tmp_path / f"t{jobs}.yaml", jobs=jobs, use_cache=False,
                       progress=lambda done, total, calls=calls: calls.append((done, total)))
        runs[jobs] = store.dumps(result.timeline)
        assert calls[-1] == (48, 48)
        assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert runs[1] == runs[2]
    assert "Manchester" in runs[2]
