"""Every rule in the rule table, on the real sentence that motivated it."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.temporal import tag
from tui.temporal.rules import RULES

CASES = [(rule.name, ex) for rule in RULES for ex in rule.examples]


def test_every_rule_has_an_example():
    assert all(rule.examples for rule in RULES), [r.name for r in RULES if not r.examples]


@pytest.mark.parametrize("name,example", CASES, ids=[f"{n}:{e.text}" for n, e in CASES])
def test_rule_example(name, example):
    found = tag(example.sentence, dt.date.fromisoformat(example.dct))
    by_text = {t.text: t for t in found}
    assert example.text in by_text, f"{example.text!r} not found in {[t.text for t in found]}"
    assert by_text[example.text].value == example.value
    t = by_text[example.text]
    assert example.sentence[t.start:t.end] == t.text


def test_normaliser_registry_matches_the_rules():
    from tui.temporal.normalise import NORMALISERS
    assert {r.normaliser for r in RULES} == set(NORMALISERS)
