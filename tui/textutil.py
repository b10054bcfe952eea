"""Small text helpers shared by the event builder and search: words, stems, slugs."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lexicon import DEED_OF, LEMMAS

STOPWORDS = frozenset(["a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "said", "says", "say", "told", "tell", "according", "one", "two", "three", "new", "would", "could", "also", "still", "since", "ahead", "including", "however", "while", "mr", "mrs", "ms"])

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ers", "er", "ies", "ied", "ed",
             "es", "ly", "s")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude suffix-stripping stem: enough to match "bombing" with "bomber" and "bomb", and
    through the tables of `lexicon`, "shot" with "shoot" and "slaying" with "killed"."""
    w = word.lower().replace("’", "'").split("'")[0]
    w = LEMMAS.get(w, w)
    if w in DEED_OF:
        return DEED_OF[w]
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = LEMMAS.get(w[: -len(suffix)], w[: -len(suffix)])  # "shots" -> "shot" -> "shoot"
            break
    return DEED_OF.get(w, w)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=1 << 16)
def content_stem(word: str) -> str:
    """The stem of a content word, "" for a stop word or one too short to tell anything: asked for
    every word of every dated sentence, so remembered (news repeats its words)."""
    return stem(word) if len(word) > 2 and word.lower() not in STOPWORDS else ""


def content_stems(text: str) -> set[str]:
    return stems_of(words(text))


def stems_of(found: list[str]) -> set[str]:
    """`content_stems` of words already split."""
    out = set(map(content_stem, found))
    out.discard("")
    return out


def slug(text: str, max_words: int = 6) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = [p for p in re.split(r"[^a-z0-9]+", ascii_text.lower()) if p]
    return "-".join(parts[:max_words]) or "untitled"


def clean_display(text: str) -> str:
    """Text safe to show anywhere: control characters (ANSI/OSC escapes included) made visible-free."""
    return _CONTROL.sub(_control_replacement, text)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _control_replacement(m: re.Match) -> str:
    ch = m.group(0)
    return "\ufffd" if ch != "\x1b" else "␛"


def count(n: int, noun: str) -> str:
    """"1 article", "2 articles"."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
