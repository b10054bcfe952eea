"""Sentence boundaries as character offsets into the original text.

Offsets, not copies: every quote in the timeline is `text[start:end]` of the file
as read, so the splitter never rewrites the text it splits.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .temporal.resources import ABBREVIATIONS

# A candidate end: terminal punctuation, closing quotes/brackets, then space and a
# capital, digit or opening quote (newswire's ``, too). Newlines are handled separately (paragraphs).
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+(?:``|[\"'“‘(\[])?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n[ \t]*\n|\r\n[ \t]*\r\n")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")
# Letters in a row that no abbreviation of the table has ("approx", "messrs" have 6).
_LONGER_THAN_ANY = max(len(a.rstrip(".")) for a in ABBREVIATIONS) + 1


def is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at `dot` belongs to an abbreviation such as "U.S." or "Gen."."""
    if text[dot] != ".":
        return False
    word = text[max(0, dot - _LONGER_THAN_ANY):dot]
    if len(word) == _LONGER_THAN_ANY and word.isalpha() and word.islower():  # a word longer than every
        return False  # abbreviation: the common sentence end needs no search
    m = _TOKEN_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    token = m.group(1).lstrip("\"'“‘([").lower()
    if token in ABBREVIATIONS or token.rstrip(".") in ABBREVIATIONS:
        return True
    # Initials and dotted acronyms: "J.", "U.S", "a.m".
    return _INITIALS.fullmatch(token) is not None


def _line_spans(text: str, start: int, end: int):
    """Split a paragraph at single newlines when the line before ends a sentence or is short."""
    line_start = start
    cut = text.find("\n", start, end)
    while cut >= 0:
        line = text[line_start:cut].rstrip()
        if not line:
            line_start = cut + 1
        elif line[-1:] in ".!?\"'”’:" or len(line) < 70 or not text[cut + 1:cut + 2].islower():
            yield line_start, cut
            line_start = cut + 1
        cut = text.find("\n", cut + 1, end)
    yield line_start, end


@lru_cache(maxsize=4)
def split(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence, whitespace trimmed, in order. Remembered for the last few
    texts: reading an article and tagging it both split the same text."""
    spans = []
    para_start = 0
    bounds = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    for para_end in bounds:
        for line_start, line_end in _line_spans(text, para_start, para_end):
            start = line_start
            for m in _END.finditer(text, line_start, line_end):
                if m.end() - m.start() == 1 and is_abbreviation(text, m.start()):
                    continue
                spans.append((start, m.end()))
                start = m.end()
            spans.append((start, line_end))
        para_start = para_end
    out = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return tuple(out)
