"""Which outlet published an article, when no header says: its URL, or its own page.

Tables, not code: each entry is what a page shows and the outlet it names, so that
an outlet is added by adding a line, and each line can be tested on its own.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

# Up to four capitalised words; a full stop inside a word ("Yahoo.com"), not after it ("Press. All").
_OUTLET_WORD = r"[A-Z][\w&-]*(?:\.[\w&-]+)*"
_OUTLET_NAME = rf"(?:The )?{_OUTLET_WORD}(?: {_OUTLET_WORD}){{0,3}}"

# How an article names its own outlet: "notifications from The Independent", "told RFE/RL".
# Each cue with what its match must contain (in lower case): most articles have none of them,
# and a look for a string is a tenth of a search with the pattern.
CUES = (
    (("notifications from",),
     re.compile(rf"notifications from (?P<outlet>{_OUTLET_NAME})")),
    (("/",), re.compile(r"\b(?:told|said to|in an interview with|according to) (?P<outlet>[A-Z]{2,}/[A-Z]{2,})\b")),
    (("©", "copyright"),
     re.compile(rf"(?:©|copyright)\s*(?:\d{{4}}\s+)?(?P<outlet>{_OUTLET_NAME})", re.I)),
)

# Furniture only one outlet prints, copied with the story from its page: every string must be
# there, as written.
SIGNATURES = (
    (("of the New York edition with the headline",), "The New York Times"),  # the print note under a story
    (("\nReuse this content",), "The Guardian"),  # the link closing a theguardian.com story
    (("\nImage caption,", "\nRelated Topics"), "BBC News"),  # bbc.co.uk's caption label and topic list
)

# A URL's site (its host without "www.", or the part a table names) and the outlet's name.
# Any other site is named by its host: "example.org" says more than no name.
SITES = {
    "abcnews.go.com": "ABC News", "afp.com": "AFP", "aljazeera.com": "Al Jazeera", "apnews.com": "AP",
    "axios.com": "Axios", "bbc.co.uk": "BBC News", "bbc.com": "BBC News", "bloomberg.com": "Bloomberg",
    "cbsnews.com": "CBS News", "cnn.com": "CNN", "dw.com": "DW", "economist.com": "The Economist",
    "euronews.com": "Euronews", "foxnews.com": "Fox News", "france24.com": "France 24", "ft.com": "Financial Times",
    "guardian.co.uk": "The Guardian", "independent.co.uk": "The Independent", "latimes.com": "Los Angeles Times",
    "nbcnews.com": "NBC News", "npr.org": "NPR", "nytimes.com": "The New York Times", "politico.com": "Politico",
    "politico.eu": "Politico Europe", "reuters.com": "Reuters", "rferl.org": "RFE/RL",
    "telegraph.co.uk": "The Telegraph", "theatlantic.com": "The Atlantic", "theguardian.com": "The Guardian",
    "thehill.com": "The Hill", "thetimes.co.uk": "The Times", "usatoday.com": "USA Today",
    "washingtonpost.com": "The Washington Post", "wsj.com": "The Wall Street Journal",
}


def outlet_of_url(url: str | None) -> str | None:
    """The outlet a URL's site names: "https://www.nytimes.com/2017/…" is The New York Times."""
    if not url:
        return None
    url = url.strip()
    try:
        host = urlsplit(url if "://" in url else "//" + url).hostname or ""  # "www.reuters.com/…" too
    except ValueError:
        return None
    host = host.removeprefix("www.").rstrip(".")
    if "." not in host or _is_address(host):
        return None
    labels = host.split(".")
    for n in range(len(labels) - 1):  # "edition.cnn.com", "news.bbc.co.uk": the longest site named
        if (site := ".".join(labels[n:])) in SITES:
            return SITES[site]
    return host


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def outlet_in_text(text: str) -> str | None:
    """The outlet an article's own text names ("© 2017 Reuters"), or the one whose furniture it
    carries."""
    lower = text.lower()
    for needs, rx in CUES:
        if any(n in lower for n in needs) and (m := rx.search(text)):
            return m.group("outlet").strip()
    for needs, outlet in SIGNATURES:
        if all(n in text for n in needs):
            return outlet
    return None
