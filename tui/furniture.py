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
                  r"(?:share|follow us) (?:on|via) \w+|print|email|next article|previous article|top stories|"
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
              r"(?:image|photo|picture|video) (?:copyright|credit|caption|source)\b.*|"
              r"(?:additional )?(?:reporting|writing) by .*\b(?:editing|writing) by\b.*|copyright\s*©?.*|©.*|all rights reserved\.?",
    # What the page says about the article itself: its print edition ("A version of this
    # article appears in print on May 26, 2017, Section A…", a date that is no event), its
    # reading time, translations, sponsorship, the outlet's standards.
    "page notes": r"a version of this article appears in print .*|\d+\s*min(?:ute)?s?\s+read|"
                  r"listen to (?:this )?(?:article|story).*|supported by|leer en español|read in \w+|"
                  r"reuse this content|gift (?:this )?article|our standards:.*",
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


# A section kicker run into the headline, as a page copied from a browser gives it:
# "Europe|Trump Says NATO Allies Don't Pay Their Share".
_KICKER = re.compile(r"^[A-Z][\w&.'’ -]{0,30}\|(?=\S)")
_CAPTION_LABEL = re.compile(r"(?:image|photo|picture|video) caption\s*[,:]?", re.IGNORECASE)


def headline_text(line: str) -> str:
    """The headline a headline line gives, without a section kicker."""
    return _KICKER.sub("", line.strip(), count=1)


def is_caption_label(line: str) -> bool:
    """A caption's label on a line of its own ("Image caption,"): the next line is the caption."""
    return _CAPTION_LABEL.fullmatch(line.strip()) is not None


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
_DASH = r"\s*(?:--|—|–|_)(?=\s|$)"
# Reuters writes a plain hyphen ("BRUSSELS (Reuters) - "): taken only after an agency, as a
# capitalised word and a hyphen ("NATO - the alliance") open ordinary sentences too.
_AGENCY_HYPHEN = r"\s*\(\s*(?P<agency2>[A-Z][A-Za-z\-]*(?:\s[A-Z][A-Za-z\-]*){0,3})\s*\)\s*-(?=\s|$)"
# CNN runs its tag into the story: "(CNN)President Donald Trump berated…".
_AGENCY_TAG = r"\((?P<agency3>[A-Z]{2,5})\)(?=[A-Z\"“])"
WIRE_DATELINE = re.compile(rf"\s*(?:(?P<place>{_PLACE}){_REGION}{_FILED}(?:{_AGENCY}{_DASH}|{_AGENCY_HYPHEN})"
                           rf"|{_AGENCY_TAG})\s*")


def wire_dateline(line: str) -> re.Match | None:
    """The wire dateline a line opens with, if any (its agency: `agency_of`)."""
    return WIRE_DATELINE.match(line)


def agency_of(m: re.Match) -> str | None:
    """The news agency a wire dateline names ("AP", "Reuters"), if it names one."""
    return m.group("agency") or m.group("agency2") or m.group("agency3")


# What a dateline holds besides its dates: "Published:", "Last modified on … 10.20 BST", a byline,
# "May 24, 2017 / 3:12 PM / Updated 6 years ago", "25 May 2017 • 4 min read". A short line of
# dates and only these is a dateline; any other word ("Trump to visit on May 25") makes it text.
DATELINE_WORDS: dict[str, str] = {
    "label": r"(?:first\s+|last\s+|originally\s+)?(?:published|updated|modified|posted|edited|created)(?:\s+(?:on|at))?",
    "joiner": r"on|at|date|time",
    "clock": r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:[ap]\.?m\.?))?|[ap]\.?m\.?",
    "time zone": r"(?:ET|EDT|EST|CT|CDT|CST|MT|MDT|MST|PT|PDT|PST|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST|"
                 r"HKT|SGT|AEST|AEDT)",
    "age": r"\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago",
    "reading time": r"\d+\s*min(?:ute)?s?\s+read",
    "byline": r"by\s+(?-i:[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5})",  # "By Robin Emmott | May 24, 2017"
    "separator": r"[/|•·,;:()\-–—]",
}
_DATELINE_REST = re.compile(r"(?:\s|\b(?:" + "|".join(f"(?:{p})" for p in DATELINE_WORDS.values()) + r")\b|"
                            + DATELINE_WORDS["separator"] + r")*", re.IGNORECASE)
UPDATED = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)


def is_dateline_rest(rest: str) -> bool:
    """Whether what a line holds besides its dates is only dateline words."""
    return _DATELINE_REST.fullmatch(rest) is not None
