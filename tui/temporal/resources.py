"""Word tables the temporal rules are written in (HeidelTime keeps these as resources).

Everything language-specific lives here as plain data so that a rule reads like
`{MONTH} {DAY}` and a new spelling is one table entry, not new code.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

# Month names that are also common English words: they need a date-like neighbour.
AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "jun", "sep", "dec"}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2,
    "wed": 2, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4,
    "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a couple of": 2, "a dozen": 12, "dozen": 12, "half a": 0.5,
}

# Quantities that name no number: TIMEX3 writes them as X ("several years" = PXY).
VAGUE_QUANTITIES = ("several", "a few", "few", "many", "some", "the past few",
                    "a couple of", "numerous")

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "last": -1, "final": -1,
}

# Days of the month written as ordinal words ("March eighth", "the twenty-first of May").
_ORDINAL_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
DAY_ORDINALS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_ORDINAL_UNITS)},
    **{w: 10 + i for i, w in enumerate(("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                                        "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                                        "nineteenth"))},
    "twentieth": 20, "thirtieth": 30,
    **{f"{tens}{sep}{w}": base + i + 1 for tens, base in (("twenty", 20), ("thirty", 30))
       for sep in ("-", " ") for i, w in enumerate(_ORDINAL_UNITS) if base + i + 1 <= 31},
}

# Unit word -> (ISO 8601 duration letter, is a time-of-day unit).
UNITS: dict[str, tuple[str, bool]] = {
    "year": ("Y", False), "yr": ("Y", False), "month": ("M", False),
    "week": ("W", False), "day": ("D", False), "fortnight": ("W", False),
    "decade": ("DE", False), "century": ("CE", False), "quarter": ("Q", False),
    "hour": ("H", True), "hr": ("H", True), "minute": ("M", True),
    "min": ("M", True), "second": ("S", True), "weekend": ("WE", False),
    "millennium": ("ML", False),
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}
# First month of each season (winter starts in December).
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "midday": "MI", "daytime": "DT",
}

# Words that point at the present, past or future without naming a date.
REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "the present": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "once": "PAST_REF", "earlier": "PAST_REF",
    "in the past": "PAST_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
    "soon": "FUTURE_REF", "the coming": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
}

# Adverbs and adjectives that make a set (TIMEX3 SET) with their period.
SET_WORDS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y", "quarterly": "P1Q", "hourly": "PT1H",
    "biweekly": "P2W", "biannually": "P6M",
}

# Days news names by their date alone, once they have happened: "9/11", "the Sept. 11 attacks"
# (month, day) -> (year, what follows the month and day when it names that day).
NAMED_DAYS: dict[tuple[int, int], tuple[int, str]] = {
    (9, 11): (2001, r"(?:terror(?:ist)?\s+)?(?:attacks?|hijack(?:ers|ings?)|commission|memorial)"),
}
NAMED_DAYS_NUMERIC: dict[str, tuple[int, int]] = {"9/11": (9, 11)}

# Fixed-date holidays (month, day), rule-based ones (month, weekday 0=Monday, nth, days after)
# and the moveable feasts (days from Easter Sunday).
HOLIDAYS_FIXED: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "valentine's day": (2, 14),
    "st. patrick's day": (3, 17), "independence day": (7, 4),
    "halloween": (10, 31), "veterans day": (11, 11), "christmas eve": (12, 24),
    "christmas day": (12, 25), "christmas": (12, 25), "new year's eve": (12, 31),
    "boxing day": (12, 26), "bastille day": (7, 14),
}
HOLIDAYS_NTH_WEEKDAY: dict[str, tuple[int, int, int, int]] = {
    "thanksgiving day": (11, 3, 4, 0), "thanksgiving": (11, 3, 4, 0),
    "labor day": (9, 0, 1, 0), "memorial day": (5, 0, -1, 0),
    "martin luther king day": (1, 0, 3, 0), "presidents' day": (2, 0, 3, 0),
    "election day": (11, 0, 1, 1),  # US: the Tuesday after the first Monday in November
}
HOLIDAYS_EASTER: dict[str, int] = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2,
    "maundy thursday": -3, "palm sunday": -7, "ash wednesday": -46, "pentecost": 49, "whit monday": 50,
}

# Nouns that make a preceding 4-digit number a count, not a year ("1500 troops").
COUNT_NOUNS = {
    "people", "troops", "soldiers", "workers", "employees", "jobs", "shares",
    "tons", "tonnes", "miles", "kilometers", "km", "feet", "meters", "metres",
    "cars", "units", "copies", "pounds", "dollars", "euros", "votes", "points",
    "deaths", "students", "acres", "barrels", "members", "cases", "homes",
    "residents", "refugees", "delegates", "pages", "words", "hours", "days",
    "years", "rounds", "strikes", "planes", "civilians",
}

# Makes after which a year is a model year, after an owner or an article ("Kopp's 1987 Chevrolet
# Cavalier", "a 1965 Ford Mustang"): a car, not a date.
VEHICLE_MAKES = {
    "chevrolet", "chevy", "ford", "toyota", "honda", "buick", "cadillac", "dodge", "pontiac", "oldsmobile",
    "plymouth", "chrysler", "jeep", "nissan", "mazda", "volkswagen", "bmw", "mercedes", "mercedes-benz", "volvo",
    "subaru", "lincoln", "mercury", "saturn", "porsche", "jaguar", "audi", "hyundai", "kia", "mitsubishi",
    "datsun", "lexus", "acura", "peugeot", "renault", "fiat", "harley-davidson", "boeing", "cessna",
}

# Abbreviations whose final dot does not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt",
    "sen", "rep", "gov", "pres", "st", "jr", "sr", "inc", "corp", "co", "ltd",
    "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat",
    "sun", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "ft", "mt",
    "adm", "cmdr", "supt", "rev", "hon", "fig", "approx", "dept",
    "est", "min", "max", "vol", "pp", "al", "messrs",
}

# Words that mark the clause around a date as future or past (see tense.py).
FUTURE_MARKERS = (
    "will", "won't", "shall", "is to", "are to", "was to", "were to", "is due",
    "are due", "due to", "is expected", "are expected", "expected to",
    "is scheduled", "are scheduled", "scheduled", "plans to", "plan to",
    "planned", "planning", "going to", "would", "next", "upcoming", "intends",
    "aims to", "set to", "is set", "are set", "hopes to", "ahead of", "as soon as", "was planning", "were planning", "was going to", "were going to",
    "was expected", "were expected", "was scheduled", "were scheduled", "was due", "were due", "to be held", "to meet",
    "to visit", "to agree", "to sign", "to vote", "to begin", "to start",
    "to travel", "to resume", "to acquire", "to purchase", "to buy", "to complete",
)
# Phrases that begin with a marker but say nothing of time: "the embassy next to the hotel".
NOT_MARKERS = ("next to", "next door")
PAST_MARKERS = (
    "said", "told", "was", "were", "had", "did", "announced", "reported",
    "called", "claimed", "killed", "met", "signed", "took", "gave", "went",
    "came", "arrived", "left", "ago", "last", "earlier", "since", "began",
    "started", "ended", "held", "made", "won", "lost", "declared", "agreed",
    "confirmed", "added", "wrote", "appeared", "occurred", "died",
)
# Irregular past tenses, which the "-ed" pattern misses ("profit fell", "sales rose"); like an
# "-ed" word, one after "be" or "the" is a participle ("would be paid in January").
IRREGULAR_PAST = (
    "rose", "fell", "grew", "sold", "bought", "paid", "spent", "struck", "fled", "fought", "saw",
    "knew", "thought", "brought", "sent", "built", "drew", "ran", "shot", "became", "chose", "broke",
    "spoke", "heard", "found", "kept", "sank", "slid", "stole", "got", "felt", "sought", "caught",
    "flew", "drove", "swore", "laid", "tore", "threw", "blew", "withdrew", "overtook", "undertook",
    "stood", "understood", "taught", "forgave", "froze", "hid", "hung", "meant", "lent", "rode", "rang",
    "sang", "shook", "slept", "swept", "swung", "wore", "woke", "wept", "dug", "dealt",
    "forbade", "arose", "awoke", "sprang", "stuck", "strode", "spun", "shrank", "sped",
)
