"""Which way a date points: the tense of the words nearest to it.

A bare "Friday" or "May 25" is only a date once we know whether the writer looks
back ("said on Friday") or forward ("will meet on Friday"). The nearest tense
marker to the expression, inside its sentence, decides.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .resources import FUTURE_MARKERS, IRREGULAR_PAST, NOT_MARKERS, PAST_MARKERS

PAST, FUTURE, UNKNOWN = "past", "future", "unknown"


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _marker_pattern(future, past, neutral=()) -> re.Pattern:
    """Phrases that only look like markers ("next to") first, then future phrases before past ones,
    longest first; any other "-ed" word is a past."""
    alternatives = [f"(?P<neutral>{_alternation(neutral) if neutral else '(?!)'})",
                    f"(?P<future>{_alternation(future) if future else '(?!)'})"]
    alternatives.append(f"(?P<past>{_alternation(past) + '|' if past else ''}\\w{{3,}}ed)")
    return re.compile(rf"\b(?:{'|'.join(alternatives)})\b", re.IGNORECASE)


_MARKER = _marker_pattern(FUTURE_MARKERS, PAST_MARKERS + IRREGULAR_PAST, NOT_MARKERS)
# The same markers, split by their first word: a sentence is scanned word by word, and only the few
# markers that begin with the word at hand are tried there.
_WORD = re.compile(r"\w+")
_BY_FIRST_WORD = {
    w: _marker_pattern([m for m in FUTURE_MARKERS if _WORD.match(m).group() == w],
                       [m for m in PAST_MARKERS + IRREGULAR_PAST if _WORD.match(m).group() == w],
                       [m for m in NOT_MARKERS if _WORD.match(m).group() == w])
    for w in {_WORD.match(m).group() for m in FUTURE_MARKERS + PAST_MARKERS + IRREGULAR_PAST}}
_ED = _marker_pattern((), ())  # any other word ending in "-ed"


def _marker_matches(sentence: str):
    """What `_MARKER.finditer(sentence)` finds, a dictionary look-up per word instead of trying
    every marker at every word."""
    lower = sentence.lower()
    if len(lower) != len(sentence):
        yield from _MARKER.finditer(sentence)
        return
    end = 0
    for w in _WORD.finditer(lower):
        if w.start() < end:
            continue
        word = w.group()
        rx = _BY_FIRST_WORD.get(word)
        if rx is not None:
            m = rx.match(sentence, w.start())
            if m:
                end = m.end()
                yield m
        elif len(word) >= 5 and word.endswith("ed"):
            m = _ED.match(sentence, w.start())
            end = m.end()
            yield m


# Words ending in -ed that are not past-tense verbs.
_NOT_PAST = {"need", "speed", "seed", "feed", "breed", "bleed", "embed", "united",
             "red", "bed", "shed", "led", "based", "related", "limited", "detailed",
             "interested", "concerned", "supposed", "alleged", "expected", "scheduled",
             "planned", "indeed", "hundred", "proceed", "exceed", "succeed"}


_IRREGULAR = frozenset(IRREGULAR_PAST)
# An -ed word (or an irregular past) after these is a participle or adjective ("be returned", "a still unspecified").
_ADJECTIVAL = re.compile(r"\b(?:a|an|the|be|been|being|still|very|so|too|more|most|less|newly|once|recently)\s+$", re.I)


# Verbs of saying: after the date they head the reporting clause ("..., he said"), whose tense
# is not the reported event's ("The father will leave at 4 a.m. Thursday," Castro said).
_REPORTING = {"said", "told", "added", "announced", "reported", "wrote", "claimed", "declared"}


# A plan seen from a past that is over: "had been scheduled to expire at midnight Friday", "had
# been due to expire Friday evening" (and then it was extended) look back.
_HAD_BEEN = re.compile(r"\bhad\s+(?:(?:already|previously|originally|not)\s+)?(?:been\s+)?$", re.I)


def clear_cache() -> None:
    """Forget the markers found so far (a benchmark's passes each start cold)."""
    _markers.cache_clear()


@lru_cache(maxsize=4096)
def _markers(sentence: str) -> tuple[tuple[int, int, str, bool], ...]:
    found = []
    for m in _marker_matches(sentence):
        if m.group("neutral"):
            continue
        word = m.group(0).lower()
        participle = word.endswith("ed") or word in _IRREGULAR
        if m.group("past") and (word in _NOT_PAST or (participle and _ADJECTIVAL.search(sentence, 0, m.start()))):
            continue
        future = m.group("future") and not _HAD_BEEN.search(sentence, 0, m.start())
        found.append((m.start(), m.end(), FUTURE if future else PAST, word in _REPORTING))
    return tuple(found)


# A deadline, or the day a change takes effect ("effective Feb. 1"): both are announced ahead.
_DEADLINE = re.compile(r"\b(?:by|until|before|ahead\s+of|as\s+(?:early|soon)\s+as|effective)\s+"
                       r"(?:the\s+end\s+of\s+|early\s+|late\s+|mid-?)?"
                       r"(?:(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|noon|midnight)(?:\s+[A-Z]{2,4})?,?\s+)?$", re.I)


# "had filed", "had not called", "had already been sent"; not "had to" (an obligation).
_PAST_PERFECT = re.compile(r"\bhad\s+(?:not\s+|already\s+|just\s+|yet\s+)?(?!to\b)(?:been\s+)?\w+", re.I)


def tense_at(sentence: str, start: int, end: int, window: int = 60) -> str:
    """The tense of the marker closest to [start, end) in `sentence`, within `window` characters.

    A deadline ("by August", "until May", "as early as Tuesday") looks ahead whatever the verb's
    tense, unless the verb is in the past perfect: "reports had been filed by Wednesday", "until
    Thursday, they had not called him a suspect" look back from a past that includes the day."""
    if _DEADLINE.search(sentence, 0, start):
        return PAST if _PAST_PERFECT.search(sentence, max(0, start - window), min(len(sentence), end + window)) \
            else FUTURE
    best = None
    for m_start, m_end, tense, reporting in _markers(sentence):
        if m_start >= start and m_end <= end:
            continue
        distance = start - m_end if m_end <= start else m_start - end
        if distance > window:
            continue
        # A marker before the date governs it more often than one after it, and a verb of saying
        # after it only when nothing before it does.
        if m_end > start:
            distance += window if reporting else 8
        if best is None or distance < best[0]:
            best = (distance, tense)
    if best is None and window < len(sentence):
        return tense_at(sentence, start, end, len(sentence))  # the sentence's only verbs, far off
    return best[1] if best else UNKNOWN
