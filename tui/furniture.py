"""Page furniture: the lines a web page adds around an article, as a table of patterns.

Menus, consent banners, video-player counters, comment prompts and related-story
links are copied along with the article text. They must never become evidence,
so every line is checked against these patterns (one per kind, each named).
"""

from __future__ import annotations

import re

FURNITURE_PATTERNS: dict[str, str] = {
    "player counter": r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*)+",
    "player status": r"please wait\.?|no media source currently available|loading(?: video)?\.{0,3}|"
                     r"(?:play|pause|replay|mute|unmute)(?: video)?|video (?:unavailable|player)",
    "navigation": r"accessibility links|skip to (?:main )?content|breaking news|main menu|menu|home|"
                  r"search|sign in|log in|log out|subscribe(?: now)?|more|back to top|share(?: this)?(?: article| story)?|"
                  r"(?:share|follow us) on \w+|print|email|next article|previous article|top stories|"
                  r"most (?:read|popular|viewed)|related(?: stories| articles| content)?|read more|see also|advertisement",
    "consent": r".*\b(?:cookies?|consent|privacy policy|terms of (?:use|service))\b.{0,80}",
    "notifications": r"stay up to date with notifications.*|notifications can be managed.*|"
                     r"(?:turn on|enable|allow) notifications.*|get (?:breaking )?news alerts.*",
    "comments": r"join our commenting forum|join (?:the )?(?:thought-provoking )?conversations?.*|"
                r"\d*\s*comments?|view comments|leave a comment.*|comment(?:s)? (?:are|is) closed.*",
    "registration": r"thank you for registering.*|please refresh the page.*|"
                    r"sign up (?:to|for) .*|register (?:to|for) .*|already (?:have an account|registered).*|"
                    r"(?:create|manage) (?:an |your )?account.*|newsletter.*",
    "credit": r"\((?:[A-Z][\w.&\s]*/)*[A-Z][\w.&\s]*(?:Images|Photo|Pictures|Reuters|AFP|AP|EPA|PA)\)|"
              r"(?:image|photo|picture) (?:copyright|credit|caption)\b.*|copyright\s*©?.*|©.*|all rights reserved\.?",
}

_GROUP = {f"k{i}": name for i, name in enumerate(FURNITURE_PATTERNS)}
# One pass per line: the kinds are tried in table order, as separate patterns would be.
_RX = re.compile(r"\s*(?:" + "|".join(f"(?P<{group}>{FURNITURE_PATTERNS[name]})" for group, name in _GROUP.items())
                 + r")\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…\"”’:;)]\s*$")


def furniture_kind(line: str) -> str | None:
    """The name of the furniture pattern a whole line matches, or None."""
    stripped = line.strip()
    if not stripped:
        return None
    if len(stripped) > 400:
        return None
    m = _RX.fullmatch(stripped)
    return _GROUP[m.lastgroup] if m else None


def looks_like_inserted_headline(line: str) -> bool:
    """A short line without closing punctuation inside the body: a related-story link,
    a caption or a subheading dropped between paragraphs, not part of the story."""
    stripped = line.strip()
    words = stripped.split()
    return 0 < len(words) <= 16 and not _SENTENCE_END.search(stripped)


_HEADLINE_BAD = re.compile(r"^(?:by\s|updated\b|published\b|posted\b|\d)", re.IGNORECASE)


def looks_like_headline(line: str) -> bool:
    """The first line that reads like a headline: a few words, not furniture, not a byline."""
    stripped = line.strip()
    words = stripped.split()
    return (3 <= len(words) <= 25 and furniture_kind(stripped) is None
            and not _HEADLINE_BAD.match(stripped) and not stripped.endswith((".", "?", ":")) or
            (3 <= len(words) <= 25 and stripped.endswith("?") and furniture_kind(stripped) is None))


# A wire dateline opens the story's first paragraph: "HAVANA (AP) --", "DAR ES SALAAM, Tanzania
# (AP) _", "WASHINGTON, August 11 (Xinhua) --", "NEWARK, N.J. _". The place is in capitals; the
# agency and the filing day are optional, the dash is not. It is neither headline nor evidence.
_PLACE = r"[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]*)*"
_REGION = r"(?:,\s*[A-Z][A-Za-z'’.\-]*(?:\s[A-Z][A-Za-z'’.\-]*)*)?"
_FILED = (r"(?:,\s*(?P<day>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
          r"(?:,?\s+\d{4})?))?")
_AGENCY = r"(?:\s*\(\s*(?P<agency>[A-Z][A-Za-z\-]*(?:\s[A-Z][A-Za-z\-]*){0,3})\s*\))?"
WIRE_DATELINE = re.compile(rf"\s*(?P<place>{_PLACE}){_REGION}{_FILED}{_AGENCY}\s*(?:--|—|–|_)(?=\s|$)\s*")


def wire_dateline(line: str) -> re.Match | None:
    """The wire dateline a line opens with, if any."""
    return WIRE_DATELINE.match(line)

