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


def test_a_match_inside_a_longer_one_of_the_same_rule_is_found_by_both():
    # Found by the property test below: "2017 third-quarter" (the quarter rule, with its year) loses
    # to the date before it, and "third-quarter" inside it must then be tried too.
    text = "The statement was issued on Thursday 25 May 2017 third-quarter"
    found = tag(text, dt.date(2000, 3, 15))
    assert [(t.text, t.value) for t in found] == [("Thursday 25 May 2017", "2017-05-25"), ("third-quarter", "1999-Q3")]
    assert found == tag(text, dt.date(2000, 3, 15), exhaustive=True)


@pytest.mark.parametrize("text", [
    "Since 9/11 and the Sept. 11th attacks, on 9/11/2002 and at 11 a.m. on Sept. 11, it changed.",
    "The 9/11 commission met; the Sept. 11 terrorist attacks were recalled on Sept. 11, 11 am.",
])
def test_named_days_same_as_exhaustive(text):
    # "9/11" is also a numeric date's start and "11 am" a clock's: the prefilters must not hide it.
    found = tag(text, dt.date(2017, 5, 24))
    assert "2001-09-11" in [t.value for t in found]
    assert found == tag(text, dt.date(2017, 5, 24), exhaustive=True)


@pytest.mark.skipif(not EVAL.exists(), reason="evaluation data not present")
def test_eval_same_as_exhaustive():
    docs = json.loads(EVAL.read_text(encoding="utf-8"))[::4]
    for d in docs:
        dct = dt.date.fromisoformat(d["dct"])
        assert tag(d["text"], dct) == tag(d["text"], dct, exhaustive=True), d["id"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# Runs of words from every rule's example, mixed with loose words into new texts: the index must
# still find what the exhaustive search finds, wherever triggers, numbers and prefixes land.
_SENTENCES = [ex.sentence.split() for r in RULES for ex in r.examples]
_VOCAB = sorted({w for words in _SENTENCES for w in words}
                | {"1/2", "½", "10:30", "p.m.", "a.m.", "5/22/2017", "2017-05-22", "'90s", "the", "and", "a", "half"})


@st.composite
def _piece(draw):
    kind = draw(st.sampled_from(["word", "run", "tail"]))
    if kind == "word":
        return draw(st.sampled_from(_VOCAB))
    words = draw(st.sampled_from(_SENTENCES))
    start = draw(st.integers(0, len(words) - 1))
    end = len(words) if kind == "tail" else draw(st.integers(start + 1, len(words)))
    return " ".join(words[start:end])


@settings(max_examples=200, deadline=None)
@given(st.lists(_piece(), min_size=1, max_size=12), st.sampled_from([" ", " ", "  ", "-", "\n"]))
def test_shuffled_rule_words_same_as_exhaustive(pieces, sep):
    text = sep.join(pieces)
    dct = dt.date(2000, 3, 15)
    assert tag(text, dct) == tag(text, dct, exhaustive=True)


def _sentences_of(texts):
    from tui import sentences
    return [t[a:b] for t in texts for a, b in sentences.split(t)]


@pytest.mark.skipif(not EVAL.exists(), reason="evaluation data not present")
def test_tense_markers_word_scan_same_as_one_pattern():
    """The tense markers are found a word at a time; the single pattern is the reference."""
    from tui.temporal.tense import _MARKER, _marker_matches
    texts = [d["text"] for d in json.loads(EVAL.read_text(encoding="utf-8"))]
    texts += [RFE.read_text(encoding="utf-8"), INDEPENDENT.read_text(encoding="utf-8"),
              "He won't go. Sales were expected to rise. It was scheduled. ÉLAN planned it. İstanbul was shelled."]
    for sentence in _sentences_of(texts):
        found = [(m.start(), m.end(), m.lastgroup) for m in _marker_matches(sentence)]
        assert found == [(m.start(), m.end(), m.lastgroup) for m in _MARKER.finditer(sentence)], sentence
