"""Regions that follow a city after a comma in news text ("Buffalo, N.Y.,", "Nairobi, Kenya,"):
the commas around them are part of a place name, not the edges of a clause.

The table is data: U.S. states (full and as the wire services abbreviate them), Canadian
provinces, the nations of the U.K., and countries.
"""

from __future__ import annotations

import re

US_STATES = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
    "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
    "Wisconsin", "Wyoming", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota",
    "Rhode Island", "South Carolina", "South Dakota", "West Virginia",
)

# AP style, as in "Birmingham, Ala.," and "Portland, Ore.,".
US_STATE_ABBREVIATIONS = (
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "D.C.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.",
    "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.",
    "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Vt.", "Va.", "Wash.",
    "W.Va.", "Wis.", "Wyo.",
)

CANADA = (
    "Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland", "Nova Scotia", "Ontario", "Quebec",
    "Saskatchewan", "Ont.", "Que.", "B.C.", "Alta.", "Man.", "Sask.",
)

UK = ("England", "Scotland", "Wales", "Northern Ireland")

COUNTRIES = (
    "Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan",
    "Bahrain", "Bangladesh", "Belarus", "Belgium", "Bolivia", "Bosnia", "Brazil", "Britain", "Bulgaria", "Burundi",
    "Cambodia", "Cameroon", "Canada", "Chad", "Chile", "China", "Colombia", "Congo", "Croatia", "Cuba", "Cyprus",
    "Denmark", "Ecuador", "Egypt", "Eritrea", "Estonia", "Ethiopia", "Finland", "France", "Germany", "Ghana",
    "Greece", "Guatemala", "Haiti", "Honduras", "Hungary", "Iceland", "India", "Indonesia", "Iran", "Iraq", "Ireland",
    "Israel", "Italy", "Jamaica", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kosovo", "Kuwait", "Latvia", "Lebanon",
    "Liberia", "Libya", "Lithuania", "Luxembourg", "Macedonia", "Malaysia", "Mexico", "Moldova", "Mongolia",
    "Montenegro", "Morocco", "Mozambique", "Nepal", "Netherlands", "Nicaragua", "Niger", "Nigeria", "Norway", "Oman",
    "Pakistan", "Panama", "Paraguay", "Peru", "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia",
    "Rwanda", "Senegal", "Serbia", "Singapore", "Slovakia", "Slovenia", "Somalia", "Spain", "Sudan", "Sweden",
    "Switzerland", "Syria", "Taiwan", "Tajikistan", "Tanzania", "Thailand", "Tunisia", "Turkey", "Uganda", "Ukraine",
    "Uruguay", "Uzbekistan", "Venezuela", "Vietnam", "Yemen", "Yugoslavia", "Zambia", "Zimbabwe", "Costa Rica",
    "Czech Republic", "Dominican Republic", "El Salvador", "Ivory Coast", "New Zealand", "North Korea",
    "Saudi Arabia", "Sierra Leone", "South Africa", "South Korea", "Sri Lanka", "United Arab Emirates", "West Bank",
    "Gaza Strip",
)

REGIONS = (*US_STATES, *US_STATE_ABBREVIATIONS, *CANADA, *UK, *COUNTRIES)
# " Mich.": a text that ends so ends with an abbreviation, not with a full stop.
REGION_ENDINGS = tuple(f" {r}" for r in REGIONS if r.endswith("."))

_DATE_WORDS = ("January|February|March|April|May|June|July|August|September|October|November|December"
               "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday|Tomorrow")
# "Ogden Corp., New York, had net of …": a company's seat is an aside.
_COMPANY = r"Corp|Inc|Co|Ltd|Cos|Corporation|Company|Group|Airlines|Bank"
# A comma, a region, then a comma, a stop or a space; the word before the comma must be a
# capitalised place, not a date ("On Monday, Texas officials …"). Found from the comma: a
# pattern that starts with ", " is searched for that string first, which is fast.
_REGION_AFTER_COMMA = re.compile(
    rf", (?:{'|'.join(re.escape(r) for r in sorted(REGIONS, key=len, reverse=True))})(?=[\s,.;:)]|$)")
_PLACE_BEFORE = re.compile(rf"(?<![\w'’.-])(?!(?:{_DATE_WORDS}|{_COMPANY})\b)[A-Z][\w'’.-]*$")


def place_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each "City, Region" in text[start:end]; the comma at `end` (after the
    region) belongs to the name too."""
    spans = []
    for m in _REGION_AFTER_COMMA.finditer(text, start, len(text) if end is None else end):
        if city := _PLACE_BEFORE.search(text, max(start, m.start() - 30), m.start()):
            spans.append((city.start(), m.end()))
    return spans


def in_place_name(spans: list[tuple[int, int]], comma: int, after_region: bool = True) -> bool:
    """Whether the comma at `comma` is one of a place name's ("Buffalo, N.Y., area"): the one
    before the region, and the one after it unless `after_region` is False."""
    return any(a <= comma < b or after_region and comma == b for a, b in spans)
