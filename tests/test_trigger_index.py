"""The trigger index is only a speed-up: it must find exactly what trying every rule everywhere finds."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import EVAL, INDEPENDENT, RFE

from tui.temporal import tag
from tui.temporal.rules import RULES, TRIGGERS


def test_every_rule_has_triggers():
    assert set(TRIGGERS) == {r.name for r in RULES}


@pytest.mark.parametrize("path", [RFE, INDEPENDENT])
def test_seeds_same_as_exhaustive(path):
    text = path.read_text(encoding="utf-8")
    assert tag(text, dt.date(2017, 5, 24)) == tag(text, dt.date(2017, 5, 24), exhaustive=True)


@pytest.mark.skipif(not EVAL.exists(), reason="evaluation data not present")
def test_eval_same_as_exhaustive():
    docs = json.loads(EVAL.read_text(encoding="utf-8"))[::4]
    for d in docs:
        dct = dt.date.fromisoformat(d["dct"])
        assert tag(d["text"], dct) == tag(d["text"], dct, exhaustive=True), d["id"]
