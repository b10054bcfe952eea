"""The temporal rules, as a table: one entry per way of writing a date.

Each rule is a regular expression written with the placeholders below (filled
from `resources.py`), the TIMEX3 type it produces, the name of its normaliser in
`normalise.py`, and the real sentence that motivated it with the value it must
get. `tests/test_rules.py` runs every example, so a rule cannot be added without
the evidence for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .resources import (
    DAY_ORDINALS,
    HOLIDAYS_EASTER,
    HOLIDAYS_FIXED,
    HOLIDAYS_NTH_WEEKDAY,
    MONTHS,
    NAMED_DAYS,
    NAMED_DAYS_NUMERIC,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    REFERENCES,
    SEASONS,
    SET_WORDS,
    UNITS,
    WEEKDAYS,
)


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


HOLIDAY_NAMES = [*HOLIDAYS_FIXED, *HOLIDAYS_NTH_WEEKDAY, *HOLIDAYS_EASTER]
_NAMED_AFTER = "|".join(after for _, after in NAMED_DAYS.values())  # "attacks" after "Sept. 11"
_NUMBER_WORD = _alt([w for w in NUMBER_WORDS if w not in ("a", "an")])
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_ALT = _alt(UNITS)
_FULL_MONTHS = _alt(w for w in MONTHS if len(w) > 4 or w in ("may", "june", "july"))
_SHORT_MONTHS = _alt(w for w in MONTHS if len(w) <= 4 and w not in ("may", "june", "july"))

PLACEHOLDERS = {
    "MONTH": rf"(?P<month>(?:{_FULL_MONTHS})\b|(?:{_SHORT_MONTHS})\b\.?)",
    "DAY": r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b",
    "YEAR": r"(?P<year>(?:1[5-9]|20)\d\d)\b",
    "DAYWORD": rf"(?P<dayword>{_alt(DAY_ORDINALS)})(?![-\w])",
    "WEEKDAY": rf"(?P<weekday>(?:{_alt(w for w in WEEKDAYS if len(w) > 3)})\b)",
    "WEEKDAY_ABBR": rf"(?P<weekday>(?:{_alt(WEEKDAYS)})\b\.?)",
    "NUM": (rf"(?P<num>\d+(?:\.\d+)?|(?:{_TENS})[- ](?:one|two|three|four|five|six|seven|eight|nine)"
            rf"|{_NUMBER_WORD}|an?)"),
    "VAGUE": r"(?P<vague>several|a\s+few|few|many|some|numerous|a\s+couple\s+of|the\s+past\s+few|the\s+last\s+few|recent|the\s+next\s+few|the\s+coming)",
    "UNIT": rf"(?P<unit>{_UNITS_ALT})",
    "UNITS": rf"(?P<unit>{_UNITS_ALT}|centurie|millennia)s?",
    "ORD": rf"(?P<ord>{_alt(ORDINALS)})",
    "SEASON": rf"(?P<season>{_alt(SEASONS)})",
    "PART": rf"(?P<part>{_alt(PARTS_OF_DAY)})",
    "REL": r"(?P<rel>last|next|this|past|coming|previous|current|following|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+current|the\s+following)",
    "MOD": r"(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|the\s+turn\s+of)",
    "AMPM": r"(?P<ampm>[ap]\.m\.|[ap]m\b|[ap]\.m\b)",
    "TZ": r"(?P<tz>GMT|BST|UTC|EST|EDT|CST|CDT|PST|PDT|CET|CEST|MSK|local\s+time)\b",
    "SET_WORD": rf"(?P<setword>{_alt(SET_WORDS)})",
    "REF": rf"(?P<ref>{_alt(REFERENCES)})",
    "HOLIDAY": rf"(?P<holiday>{_alt(HOLIDAY_NAMES)})",
    "NAMED_NUMERIC": rf"(?P<named>{_alt(NAMED_DAYS_NUMERIC)})",
    "NAMED_DAY": (r"(?P<day>" + "|".join(sorted({str(d) for _, d in NAMED_DAYS})) + r")(?:st|nd|rd|th)?\b(?=\s+(?:"
                  + _NAMED_AFTER + r")\b)"),
}


@dataclass(frozen=True)
class Example:
    """A sentence the rule exists for, and what it must produce."""
    sentence: str
    dct: str
    text: str
    value: str


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str
    type: str
    normaliser: str
    examples: tuple[Example, ...] = field(default=())
    case_sensitive: bool = False

    def compile(self) -> re.Pattern:
        expanded = self.pattern
        for key, value in PLACEHOLDERS.items():
            expanded = expanded.replace("{" + key + "}", value)
        flags = 0 if self.case_sensitive else re.IGNORECASE
        return re.compile(r"(?<![\w$£€#])(?:" + expanded + r")(?![\w%]|\.\d)", flags)


E = Example

RULES: tuple[Rule, ...] = (
    # --- calendar dates written out in full -------------------------------------------------
    Rule("weekday_day_month_year", r"{WEEKDAY_ABBR},?\s+{DAY}\s+{MONTH},?\s+{YEAR}", "DATE", "explicit", (
        E("The statement was issued on Thursday 25 May 2017 in Brussels.", "2017-05-25",
          "Thursday 25 May 2017", "2017-05-25"),)),
    Rule("weekday_month_day_year", r"{WEEKDAY_ABBR},?\s+{MONTH}\s+{DAY},?\s+{YEAR}", "DATE", "explicit", (
        E("The vote is set for Tuesday, Nov. 3, 1998, officials said.", "1998-10-01",
          "Tuesday, Nov. 3, 1998", "1998-11-03"),)),
    Rule("month_day_year", r"{MONTH}\s+{DAY},?\s+{YEAR}", "DATE", "explicit", (
        E("Churchill's Iron Curtain speech delivered on March 5, 1946, at Westminster College",
          "1999-03-12", "March 5, 1946", "1946-03-05"),)),
    Rule("day_month_year", r"(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}", "DATE", "explicit", (
        E("The treaty was signed on 4 April 1949 in Washington.", "1999-03-12", "4 April 1949", "1949-04-04"),)),
    Rule("numeric_date", r"(?P<numeric>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})", "DATE", "numeric", (
        E("The filing was dated 5/22/2017 and signed by both parties.", "2017-06-01", "5/22/2017", "2017-05-22"),)),
    # --- dates without a year: the tense of the sentence picks it ---------------------------
    Rule("named_day", r"{NAMED_NUMERIC}|{MONTH}\s+{NAMED_DAY}", "DATE", "named_day", (
        E("Trump spoke at the unveiling of a memorial to the Sept. 11 attacks at the alliance's new "
          "headquarters.", "2017-05-25", "Sept. 11", "2001-09-11"),
        E("NATO has invoked its mutual defence clause only once, after 9/11.", "2017-05-24", "9/11", "2001-09-11"),
        E("Police said the Sept. 11 attack on the bank had been planned for weeks.", "1998-10-01", "Sept. 11",
          "1998-09-11"),)),
    Rule("month_day", r"(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?!\s*(?:,\s*)?(?:1[5-9]|20)\d\d)(?![-:/]\d)", "DATE", "month_day", (
        E("Stoltenberg says that alliance members are to agree on May 25 on NATO's participation.",
          "2017-05-24", "May 25", "2017-05-25"),
        E("The extremist group IS claimed responsibility for the May 22 attack.", "2017-05-24", "May 22", "2017-05-22"),
        E("Elian must be returned to his father by Jan. 14.", "2000-01-06", "Jan. 14", "2000-01-14"),
        E("The fund has fallen 2.08% this year through Oct. 19, Lipper says.", "1989-10-27", "Oct. 19", "1989-10-19"),)),
    Rule("month_day_word", r"(?:{WEEKDAY},?\s+)?{MONTH}\s+(?:the\s+)?{DAYWORD}", "DATE", "month_day", (
        E("International Women's Day is this coming Sunday, March eighth.", "1998-03-05", "Sunday, March eighth",
          "1998-03-08"),)),
    Rule("day_word_month", r"the\s+{DAYWORD}\s+of\s+{MONTH}", "DATE", "month_day", (
        E("The vote was put off until the twenty-first of May.", "2017-05-02", "the twenty-first of May",
          "2017-05-21"),)),
    Rule("day_month", r"(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?!\s*,?\s*(?:1[5-9]|20)\d\d)", "DATE", "month_day", (
        E("Leaders will meet in Brussels on 25 May to discuss spending.", "2017-05-20", "25 May", "2017-05-25"),)),
    Rule("month_year", r"(?:{MOD}[- ]?\s*)?{MONTH},?\s+(?:of\s+)?{YEAR}", "DATE", "month_year", (
        E("The company filed for bankruptcy-law protection in July 1988.", "1989-11-02", "July 1988", "1988-07"),)),
    Rule("month_relative_year", r"(?:{MOD}[- ]?\s*)?{MONTH}(?:\s+of)?\s+(?P<relyear>this|last|next)\s+year", "DATE",
         "month_relative_year", (
             E("But in June last year, the remaining leaders had a falling out.", "1998-02-19",
               "June last year", "1997-06"),)),
    Rule("month", r"(?:{MOD}[- ]?\s*)?{MONTH}(?!\s+\d)", "DATE", "month", (
        E("But he said in April that it was \"no longer obsolete\".", "2017-05-24", "April", "2017-04"),
        E("The dividend will be paid on a still unspecified date in January to holders.", "1989-10-26",
          "January", "1990-01"),
        E("Fund managers have seen $161 million flow out since early September.", "1989-10-27",
          "early September", "1989-09"),)),
    Rule("relative_month", r"{REL}\s+{MONTH}(?!\.?\s+\d)", "DATE", "relative_month", (
        E("Shares have fallen since last November, analysts said.", "1998-02-13", "last November", "1997-11"),)),
    Rule("year", r"(?:(?P<prefix>the\s+year|fiscal(?:\s+year)?|the\s+fiscal\s+year|FY)\s*)?(?:{MOD}[- ]?\s*)?{YEAR}(?!\s*-\s*\d)", "DATE", "year", (
        E("Britoil was taken over in 1988.", "1989-10-27", "1988", "1988"),
        E("He was found guilty of driving under the influence at least twice from 1991 to 1997.",
          "2000-02-10", "1991", "1991"),
        E("The post-1959 politics have managed to split thousands of families apart.", "2000-02-24",
          "1959", "1959"),
        E("In fiscal 1989, Elco earned $7.8 million.", "1989-11-02", "fiscal 1989", "1989"),)),
    Rule("year_words", r"the\s+year\s+two\s+thousand", "DATE", "year_2000", (
        E("His promise to halve unemployment by the year two thousand has been abandoned.", "1998-02-05",
          "the year two thousand", "2000"),)),
    Rule("spelled_year", r"(?P<spelled>(?:nineteen|eighteen|twenty)(?:\s+hundred)?(?:\s+and)?\s+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[- ](?:one|two|three|four|five|six|seven|eight|nine))|two\s+thousand(?:\s+and)?(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)(?![-\w])(?!\s+(?:years?|months|weeks|days|hours|decades|centuries|people)\b)", "DATE", "spelled_year", (
        E("Elections are due in nineteen ninety-six, the minister said.", "1995-03-01", "nineteen ninety-six", "1996"),)),
    Rule("spelled_decade", r"the\s+(?:early\s+|late\s+|mid-?)?(?P<spelled>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)", "DATE", "spelled_decade", (
        E("Growth was strong through the nineties.", "2001-03-01", "the nineties", "199"),)),
    Rule("year_adjective", r"(?P<which>year-earlier|year-ago|prior-year|year-before)", "DATE", "year_adjective", (
        E("Net was $3.8 million, compared with year-earlier profit of $4.1 million.", "1989-10-26", "year-earlier", "1988"),)),
    Rule("decade", r"(?:the\s+)?(?:{MOD}[- ]?\s*)?(?P<decade>(?:1[5-9]|20)\d0s|'\d0s|\d0s)", "DATE", "decade", (
        E("Inflation was high through the 1970s and into the early '80s.", "1998-01-01", "the 1970s", "197"),)),
    Rule("century", r"(?:(?P<det>the)\s+|(?<![\w-]))(?P<ord>\d{1,2}(?:st|nd|rd|th)|(?:nineteenth|twentieth|twenty-first|eighteenth))[\s-]+century", "DATE", "century", (
        E("It was the bloodiest conflict of the 20th century.", "1998-01-01", "the 20th century", "19"),
        E("Tourists still flock to the 12th-century temple near the border.", "1998-02-20", "12th-century", "11"),)),
    # --- days named relative to today -------------------------------------------------------
    Rule("weekday", r"(?:{REL}\s+)?{WEEKDAY}", "DATE", "weekday", (
        E("Tanzanian police said on Tuesday they had arrested 14 foreigners.", "1998-08-11", "Tuesday", "1998-08-11"),
        E("Mr Trump told reporters on landing in the city on Wednesday.", "2017-05-25", "Wednesday", "2017-05-24"),
        E("The company is to resume trading in Paris Tuesday.", "1989-10-27", "Tuesday", "1989-10-31"),
        E("Stoltenberg said in Brussels on Thursday, ahead of a Nato summit.", "2017-05-25", "Thursday", "2017-05-25"),
        E("It mailed the tender offer circular last Friday.", "1989-10-30", "last Friday", "1989-10-27"),
        E("The boy's father could fly to Washington as early as Tuesday, Castro said.", "2000-04-03",
          "Tuesday", "2000-04-04"),
        # A number after the weekday that is no day of the month: the weekday stands alone.
        E("In a New York Times/CBS News poll completed on Saturday, 69 percent of those polled said "
          "they did not know.", "1998-10-26", "Saturday", "1998-10-24"),
        E("At the close of business Thursday, 5,745,188 shares of Connaught had been tendered.",
          "1989-10-30", "Thursday", "1989-10-26"),)),
    Rule("deictic_day", r"(?:(?P<when>later|earlier)\s+)?(?P<deictic>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow)", "DATE", "deictic_day", (
        E("In national over-the-counter trading yesterday, AEP shares closed at $2.", "1989-10-27",
          "yesterday", "1989-10-26"),
        E("Later yesterday the nation's major auto makers reported.", "1989-10-27", "Later yesterday", "1989-10-26"),)),
    Rule("relative_unit", r"(?:(?P<when>earlier|later|early|late)\s+)?{REL}\s+(?P<unit>week|month|year|quarter|decade|century|weekend)", "DATE", "relative_unit", (
        E("Only the United States and Britain met the NATO spending target last year.", "2017-05-24",
          "last year", "2016"),
        E("following repeated exhortations by senior U.S. officials earlier this year", "2017-05-24",
          "earlier this year", "2017"),
        E("the deadly suicide bombing of Manchester Arena earlier this week", "2017-05-25",
          "earlier this week", "2017-W21"),
        E("The government will put the question to a referendum next year.", "1998-02-13", "next year", "1999"),)),
    Rule("ago", r"(?:(?P<approx>about|nearly|almost|some|more\s+than|over)\s+)?{NUM}\s+{UNITS}(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|from\s+now|hence|before(?=\s*[,.;]|\s+that\b)|after(?=\s*[,.;]|\s+that\b))", "DATE", "ago", (
        E("He met British Prime Minister Tony Blair 10 days ago.", "1998-03-22", "10 days ago", "1998-03-12"),
        E("Net income was $48.7 million a year earlier.", "1989-10-26", "a year earlier", "1988"),
        E("They tried to cross from Cuba to Florida six weeks ago.", "2000-01-06", "six weeks ago", "1999-W47"),)),
    Rule("season", r"(?:(?P<rel>last|next|this|past|early|late|the|the\s+coming|the\s+past)\s+)?{SEASON}(?:\s+(?:of\s+)?{YEAR})?", "DATE", "season", (
        E("The company expects the plant to open this summer.", "1998-02-13", "this summer", "1998-SU"),
        E("Prices have risen since last fall.", "1998-02-13", "last fall", "1997-FA"),)),
    Rule("quarter", r"(?:(?P<det>the|this|last|next)\s+)?(?:(?P<qyear>(?:1[5-9]|20)\d\d)\s+|(?P<yago>year-ago|year-earlier|prior-year)\s+)?(?:fiscal\s+)?{ORD}[- ](?:fiscal[- ])?quarter(?:\s+(?:of\s+)?(?:fiscal\s+)?{YEAR})?", "DATE", "quarter", (
        E("Esselte Business Systems reported third-quarter net income fell 5.9%.", "1989-10-26",
          "third-quarter", "1989-Q3"),
        E("National Intergroup in the year-ago third quarter earned $22.5 million.", "1989-10-30",
          "the year-ago third quarter", "1988-Q3"),)),
    Rule("named_quarter", r"the\s+(?P<which>latest|last|previous|current|year-ago|year-earlier|same)\s+(?P<unit>quarter|period|fiscal\s+year)", "DATE", "named_quarter", (
        E("Results fell in the latest quarter, the company said.", "1989-10-26", "the latest quarter", "1989-Q3"),)),
    # Not "the quarter-to-quarter comparison": an adjective, no quarter in particular.
    Rule("the_quarter", r"the\s+(?P<unit>quarter|weekend)(?!\s+of\b)(?!-)", "DATE", "the_quarter", (
        E("During the quarter, Delta issued 2.5 million shares.", "1989-10-26", "the quarter", "1989-Q3"),
        E("Protesters gathered over the weekend outside the home.", "2000-04-24", "the weekend", "2000-W16-WE"),)),
    # "the year ended March 31": a stretch of twelve months; "for the year", "of the year" alone:
    # the year the story is in.
    Rule("for_the_year", r"(?:(?<=for\s)|(?<=of\s)|(?=the\s+(?:fiscal\s+)?year\s+end(?:ed|ing)\b))the\s+(?:fiscal\s+)?"
         r"(?P<unit>year|quarter)(?!\s+(?:ago|earlier|before|\d))(?!-)", "DURATION", "for_the_year", (
             E("Net income for the year ended Aug. 31 was C$2.7 million.", "1989-10-30", "the year", "P1Y"),
             E("Courtaulds's other divisions had operating profit of #50 million on #980 million in revenue in "
               "the year ended March 31.", "1989-10-31", "the year", "P1Y"),
             E("In the fiscal year ended Jan. 31, the company reported sales of $59.2 million.", "1989-10-31",
               "the fiscal year", "P1Y"),
             E("The stock rose to a high for the year of $42.875 a share in June.", "1989-10-30", "the year", "1989"),
             E("Revenue fell 4% to $713.5 million through the first nine months of the year.", "1989-10-30",
               "the year", "1989"),)),
    Rule("half", r"the\s+(?P<ord>first|second|last|latter)\s+half(?:\s+of\s+(?:the\s+)?(?:{YEAR}|(?P<relyear>this|last|next)\s+year|year))?", "DATE", "half", (
        E("Sales rose in the first half of 1998.", "1998-08-01", "the first half of 1998", "1998-H1"),
        E("The projection will mean lower-than-anticipated earnings for the last half of 1989 and for 1990.",
          "1989-10-26", "the last half of 1989", "1989-H2"),
        E("The plant is to open in the second half of next year.", "1998-02-13", "the second half of next year",
          "1999-H2"),)),
    # The quarter a year before the one the story is about (see the reference pass).
    Rule("year_ago_quarter", r"(?:the\s+(?:(?:corresponding|comparable|same)\s+)?(?P<unit>quarter|period)\s+"
         r"(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)|last\s+year['’]s\s+(?:quarter|period))(?![-\w])",
         "DATE", "year_ago_quarter", (
             E("Net was $1.8 million for the corresponding period last year.", "1989-11-01",
               "the corresponding period last year", "1988-Q3"),
             E("Third-quarter sales fell. U.K. sales for last year's quarter were about $3 million.", "1989-11-01",
               "last year's quarter", "1988-Q3"),
             E("Columbia had third-quarter net of $226.3 million. For the quarter a year ago, it earned $16.3 million.",
               "1989-10-26", "the quarter a year ago", "1988-Q3"),)),
    Rule("year_quarter", r"the\s+{YEAR}\s+(?:fiscal\s+)?(?:quarter|period)", "DATE", "year_quarter", (
        E("Kirschner earned $376,000 on revenue of $14.5 million in the 1988 quarter.", "1989-10-30",
          "the 1988 quarter", "1988-Q3"),
        E("Kimberly-Clark posted a 20% gain in third-quarter net income. In the 1989 period also, interest "
          "expense and tax rates were lower than a year ago.", "1989-11-01", "the 1989 period", "1989-Q3"),)),
    Rule("year_end", r"(?:(?:the\s+)?end\s+of\s+the\s+(?P<unit>year|month)|year[- ]end|year['’]s\s+end|the\s+full\s+year)(?!-)",
         "DATE", "year_end", (
             E("The thrift holding company said it expects to obtain regulatory approval and complete the "
               "transaction by year-end.", "1989-11-02", "year-end", "1989"),
             E("The percentage change is since year-end.", "1989-10-30", "year-end", "1988"),
             E("Pentagon officials say the goal is to put 40,000 troops in the region by the end of the month.",
               "1990-08-13", "the end of the month", "1990-08"),
             E("Sales for the full year were $6.6 billion, up 13%.", "1989-11-02", "the full year", "1989"),)),
    Rule("holiday", r"{HOLIDAY}(?!\s+(?:Islands?|Rising|Offensive|week)\b)(?:\s+{YEAR})?", "DATE", "holiday", (
        E("Stores expect record sales on Thanksgiving Day.", "1998-11-20", "Thanksgiving Day", "1998-11-26"),
        E("Millions of Americans will vote on Election Day.", "2016-10-20", "Election Day", "2016-11-08"),
        E("Pope Francis celebrated Mass in St Peter's Square on Easter Sunday.", "2017-04-20", "Easter Sunday",
          "2017-04-16"),
        E("Shops will close on Good Friday.", "2017-04-10", "Good Friday", "2017-04-14"),)),
    # --- words that refer to the present, past or future ------------------------------------
    Rule("reference", r"{REF}", "DATE", "reference", (
        E("LIN now plans to dole out $42 a share.", "1989-10-30", "now", "PRESENT_REF"),
        E("U.S. Trust recently introduced certain mutual funds.", "1989-10-26", "recently", "PAST_REF"),
        E("But we don't minimize the challenges of the near term.", "1989-10-30", "the near term", "FUTURE_REF"),)),
    Rule("recent_units", r"(?P<ref2>recent|coming|the\s+coming|in\s+the\s+coming|future)\s+(?P<unit>years|months|weeks|days|decades|quarters)(?:\s+and\s+(?:years|months|weeks|days))?", "DATE", "recent_units", (
        E("Many funds in recent weeks and months have been selling.", "1989-10-27", "recent weeks and months", "PAST_REF"),)),
    Rule("units_ahead", r"the\s+(?P<unit>years|months|weeks|days)\s+ahead", "DURATION", "bare_units", (
        E("Funds may sell junk bonds to pay departing investors in the weeks ahead.", "1989-10-27",
          "the weeks ahead", "PXW"),)),
    # --- times of day -------------------------------------------------------------------------
    Rule("clock_ampm", r"(?:(?P<approx>around|about|approximately|shortly\s+(?:before|after))\s+)?(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*{AMPM}(?:\s+{TZ})?", "TIME", "clock", (
        E("The attack occurred around 7:15 p.m., after the victim had left.", "1998-02-12",
          "around 7:15 p.m.", "1998-02-12T19:15"),)),
    Rule("dateline", r"{WEEKDAY_ABBR},?\s+{DAY}\s+{MONTH},?\s+{YEAR}\s+(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?:\s+{TZ})?", "TIME", "dateline", (
        E("Thursday 25 May 2017 15:49 BST", "2017-05-25", "Thursday 25 May 2017 15:49 BST", "2017-05-25T15:49"),)),
    Rule("clock_24h", r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)\s+{TZ}", "TIME", "clock", (
        E("Published at 15:49 BST on the site.", "2017-05-25", "15:49 BST", "2017-05-25T15:49"),)),
    Rule("noon", r"(?P<noon>noon|midnight|midday)", "TIME", "noon", (
        E("The deadline expires at noon.", "2000-04-03", "noon", "2000-04-03T12:00"),)),
    Rule("part_of_day", r"(?P<anchor>this|yesterday|tomorrow|last|early\s+this|late\s+last|{WEEKDAY})\s+{PART}|(?P<tonight>tonight|overnight)", "TIME", "part_of_day", (
        E("The bomb went off at the U.S. embassy in Nairobi Friday morning.", "1998-08-08",
          "Friday morning", "1998-08-07TMO"),
        E("The president spoke to reporters this morning.", "1998-02-13", "this morning", "1998-02-13TMO"),)),
    # A part of the day with no day of its own ("By mid-afternoon, …", "placed orders in the
    # morning"): of the day the story last named, else of the publication day (reference pass).
    Rule("part_alone", r"(?:(?P<mod>mid|late|early)[- ]?|(?<=\bin\s)the\s+|(?<=\bby\s)the\s+)"
         r"(?P<part>morning|afternoon|evening)(?!\s+(?:of|paper|papers|news|edition|show|session|shift|prayers?"
         r"|rush|flight|hours?|star|sun|light|mist|fog|sky|meal|class|classes)\b)", "TIME", "part_alone", (
        E("By mid afternoon, official Serb sources were saying the operation had been completed.", "1998-03-06",
          "mid afternoon", "1998-03-06TAF"),
        E("Stocks were dashed Friday. Dealers placed heavy buy orders in the morning to start the session.",
          "1989-10-30", "the morning", "1989-10-27TMO"),)),
    # "4 in the morning": a clock time said in words.
    Rule("clock_part", r"(?P<hour>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
         r"(?:\s+o'clock)?\s+in\s+the\s+(?P<part>morning|afternoon|evening)", "TIME", "clock_part", (
        E("This courageous father will leave at 4 in the morning, Castro said.", "2000-04-05",
          "4 in the morning", "2000-04-05T04:00"),)),
    # --- durations -----------------------------------------------------------------------------
    Rule("duration", r"(?:(?P<approx>about|around|nearly|almost|more\s+than|less\s+than|at\s+least|at\s+most|over|up\s+to|roughly|approximately|only|just)\s+)?(?:(?P<det>the|a|an)\s+)?(?:(?P<span>past|last|next|first|coming|previous|final|following)\s+)?{NUM}[- ](?:(?:more|additional|further|extra)\s+)?{UNITS}(?P<adj>[- ](?:long|old))?", "DURATION", "duration", (
        E("Twenty-three partners have had troops there for three years.", "2017-05-24", "three years", "P3Y"),
        E("He flew to Brussels from a 24 hour visit to Pope Francis in Rome.", "2017-05-25", "24 hour", "PT24H"),
        E("Fund managers sold about 13% of assets in the past two months.", "1989-10-27",
          "the past two months", "P2M"),
        E("The banks must wait at least 30 days before closing the purchase.", "1989-10-27",
          "at least 30 days", "P30D"),
        E("The boy will stay in the country for at least two more weeks, the court ruled.", "2000-03-30",
          "at least two more weeks", "P2W"),)),
    Rule("duration_half", r"(?:(?P<approx>about|around|nearly|almost|more\s+than|less\s+than|at\s+least|over|roughly|some|only|just)\s+)?(?:(?P<det>the)\s+)?(?:(?P<span>past|last|next|first|coming)\s+)?{NUM}(?:[- ]and[- ]a[- ]half|\s+1/2|\s*\u00bd)[- ]{UNITS}", "DURATION", "duration_half", (
        E("The refugees have lived in the camps for 2 1/2 years.", "1998-02-27", "2 1/2 years", "P2Y6M"),
        E("The minister spent about three and a half hours with the rebels.", "1998-08-17",
          "about three and a half hours", "PT3H30M"),)),
    Rule("unit_and_a_half", r"(?:(?P<approx>about|around|nearly|almost|more\s+than|less\s+than|over|only|just)\s+)?(?:(?P<det>the)\s+)?(?:(?P<span>past|last|next|first|coming)\s+)?(?P<num>an?|one)\s+{UNIT}\s+and\s+a\s+half", "DURATION", "duration_half", (
        E("A minute and a half later the pilot called the tower.", "1998-01-14", "A minute and a half", "PT1M30S"),
        E("The talks have dragged on for more than a year and a half.", "1999-03-12",
          "more than a year and a half", "P1Y6M"),)),
    Rule("vague_ago", r"(?P<vague>several|a\s+few|a\s+couple\s+of|many|some)\s+(?P<unit>years|months|weeks|days|decades)\s+ago", "DATE", "vague_ago", (
        E("Support for a republic rose from about 35 percent several years ago to about 51 percent this year.",
          "1998-02-13", "several years ago", "PAST_REF"),)),
    Rule("vague_duration", r"{VAGUE}\s+{UNITS}", "DURATION", "vague_duration", (
        E("Talks could go on for several months, diplomats said.", "1998-02-13", "several months", "PXM"),)),
    Rule("bare_units", r"(?:(?<=for\s)|(?<=within\s))(?P<unit>years|months|weeks|decades|centuries|hours|days)(?!\s+(?:ago|earlier|later))", "DURATION", "bare_units", (
        E("The two sides have argued for years over the border.", "1998-02-13", "years", "PXY"),
        E("More troops are expected in the region within weeks, officials said.", "1990-08-15", "weeks", "PXW"),)),
    Rule("a_decade", r"(?P<det>a|one)\s+(?P<unit>decade|century)(?!\s+(?:ago|earlier|later))", "DURATION", "duration_one", (
        E("Unemployment fell to its lowest level in a decade.", "1998-02-13", "a decade", "P1DE"),)),
    # --- sets -----------------------------------------------------------------------------------
    Rule("set_every", r"(?P<quant>every|each|per)\s+(?:(?P<other>other)\s+)?(?:{WEEKDAY}|{MONTH}|{PART}|(?P<unit>day|week|month|year|quarter|hour|minute|weekend|decade))", "SET", "set_every", (
        E("Protesters gather almost every day to draw attention to the case.", "2000-01-28", "every day", "P1D"),
        E("The market is open each Sunday.", "2000-01-28", "each Sunday", "XXXX-WXX-7"),
        E("Orangemen march each July from their rural church back downtown.", "1998-03-22", "each July", "XXXX-07"),)),
    Rule("set_word", r"{SET_WORD}", "SET", "set_word", (
        E("It has become a daily public rally to press for his return.", "2000-02-10", "daily", "P1D"),)),
    Rule("set_times", r"(?P<freq>once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|an|per|each)\s+(?P<unit>day|week|month|year|quarter|hour)", "SET", "set_times", (
        E("The committee meets twice a year in Geneva.", "2000-01-28", "twice a year", "P1Y"),)),
    # --- periods named by the text, anchored by another date in it --------------------------
    Rule("that_unit", r"(?:(?P<when>earlier|later)\s+)?(?:that\s+same|that|the\s+same)\s+(?P<unit>day|week|month|year|quarter)\b", "DATE", "that_unit", (
        E("He was shot on Oct. 23. Earlier that day, the family had sent a fax to the police.", "1998-10-25",
          "Earlier that day", "1998-10-23"),
        E("She fled to Florida in June 1998 and returned to Cuba later that year.", "2000-01-07",
          "later that year", "1998"),)),
    Rule("next_day", r"the\s+(?P<rel>next|following|previous|preceding)\s+(?:(?P<unit>day)|{PART})(?!\s+(?:of|in)\b)", "DATE", "next_day", (
        E("Kopp was last seen Nov. 3. The next day, authorities issued a material witness warrant.", "1999-05-07",
          "The next day", "1998-11-04"),
        E("He was released Tuesday, Feb. 22, and appeared healthy in court the next morning.", "2000-02-24",
          "the next morning", "2000-02-23TMO"),
        E("The talks broke down on May 2, a day after the strike had begun the previous evening.", "2017-05-10",
          "the previous evening", "2017-05-01TEV"),)),
    Rule("in_the_unit", r"(?:earlier|later)\s+in\s+the\s+(?P<unit>day|week|month|year)\b", "DATE", "in_the_unit", (
        E("Clinton was in Philadelphia later in the day.", "1998-02-13", "later in the day", "1998-02-13"),
        E("Herbicide use was delayed earlier in the year by heavy rains.", "1989-10-26",
          "earlier in the year", "1989"),
        E("Sales rose from $2.34 billion in 1988. Heavy rains delayed herbicide use earlier in the year.",
          "1989-10-26", "earlier in the year", "1989"),
        E("Bombs exploded outside the embassies on Friday. The ministry spoke of the attacks later in the day.",
          "1998-08-08", "later in the day", "1998-08-07"),)),
    Rule("campaign", r"(?P<campaign>(?:the|his|her|their)\s+(?:(?:U\.S\.|US|American|presidential|election|re-election|general\s+election|leadership|primary|\d{4})\s+)*(?:presidential\s+|election\s+|electoral\s+)?campaign)", "DATE", "campaign", (
        E("Trump called NATO \"obsolete\" during the U.S. presidential campaign. "
          "He took office in January.", "2017-05-24", "the U.S. presidential campaign", "2016"),)),
)

# Words that must occur in (or right after the start of) each rule's match: the tagger tries a
# rule only in the few tokens before one of them instead of at every character of the text.
# {PLACEHOLDER} stands for the words of that table; #num, #year, #decade, #clock for classes
# of tokens (digits, a year, "1990s", "10am").
TRIGGERS: dict[str, str] = {
    "weekday_day_month_year": "{MONTH}", "weekday_month_day_year": "{MONTH}", "month_day_year": "{MONTH}",
    "day_month_year": "{MONTH}", "numeric_date": "#num", "month_day": "{MONTH}", "day_month": "{MONTH}",
    "month_day_word": "{MONTH}", "day_word_month": "{MONTH}",
    "month_year": "{MONTH}", "month": "{MONTH}", "month_relative_year": "{MONTH}", "relative_month": "{MONTH}", "year": "#year",
    "year_words": "thousand", "spelled_year": "nineteen eighteen twenty thousand",
    "spelled_decade": "twenties thirties forties fifties sixties seventies eighties nineties",
    "year_adjective": "year prior", "decade": "#decade", "century": "century", "weekday": "{WEEKDAY}",
    "deictic_day": "today yesterday tomorrow", "relative_unit": "week month year quarter decade century weekend",
    "ago": "ago earlier later now hence before after", "season": "{SEASON}", "quarter": "quarter",
    "named_quarter": "quarter period fiscal", "half": "half", "year_quarter": "quarter period", "year_ago_quarter": "quarter period", "vague_ago": "ago", "the_quarter": "quarter weekend",
    "for_the_year": "year quarter", "holiday": "{HOLIDAY}", "reference": "{REF}", "named_day": "{MONTH} #num",
    "recent_units": "years months weeks days decades quarters", "units_ahead": "ahead", "clock_ampm": "#num #clock",
    "dateline": "{MONTH}", "clock_24h": "#num", "noon": "noon midnight midday",
    "part_of_day": "{PART} tonight overnight", "part_alone": "morning afternoon evening",
    "clock_part": "morning afternoon evening", "duration": "{UNITS}", "vague_duration": "{UNITS}",
    "duration_half": "{UNITS}", "unit_and_a_half": "half",
    "bare_units": "years months weeks decades centuries hours days", "a_decade": "decade century",
    "set_every": "every each per", "set_word": "{SET_WORD}", "set_times": "once twice times",
    "campaign": "campaign", "that_unit": "day week month year quarter", "in_the_unit": "day week month year", "next_day": "day {PART}", "year_end": "end full",
}
# How many tokens before its trigger a match may start: "more than the past two years" starts
# five tokens before "years"; "the beginning of May" three before "May". Default 3.
TRIGGER_REACH: dict[str, int] = {"that_unit": 4, "in_the_unit": 3, "duration": 6, "duration_half": 9, "unit_and_a_half": 8, "vague_duration": 4, "ago": 6, "vague_ago": 5, "year_quarter": 3, "year_ago_quarter": 3, "campaign": 6, "quarter": 5,
                                 "year": 4, "recent_units": 4, "set_every": 3, "set_times": 4, "clock_ampm": 2, "numeric_date": 0, "clock_24h": 0, "clock_part": 4,
                                 "relative_unit": 4, "day_word_month": 5, "decade": 4, "century": 3, "month_year": 4}

# A rule whose matches all contain one of these (in lower-case text) is not tried at all in a
# text without it: one look per text instead of one try per number or unit. Either strings
# that must occur, or what must follow a digit (all such are found in one pass over the digits);
# a rule in both tables is tried when either finds it ("9/11", "Sept. 11 attacks").
PREFILTER_STRINGS: dict[str, tuple[str, ...]] = {"duration_half": ("half", "1/2", "\u00bd"),
                                                 "named_day": tuple(NAMED_DAYS_NUMERIC)}
PREFILTER_AFTER_DIGIT: dict[str, str] = {
    "clock_ampm": r"\s*[ap]\.?m", "numeric_date": r"[/-]\d", "clock_24h": r":\d",
    "named_day": r"(?:st|nd|rd|th)?\s+(?:" + _NAMED_AFTER + ")",  # "11 attacks"
}

_TABLE_WORDS = {
    "{MONTH}": MONTHS, "{WEEKDAY}": WEEKDAYS, "{SEASON}": SEASONS, "{PART}": PARTS_OF_DAY,
    "{SET_WORD}": SET_WORDS, "{REF}": REFERENCES,
    "{UNITS}": list(UNITS) + [u + "s" for u in UNITS] + ["centuries", "millennia"],
    "{HOLIDAY}": HOLIDAY_NAMES,
}


def trigger_set(rule_name: str) -> tuple[frozenset[str], frozenset[str]]:
    """(words, token classes) that can anchor a rule. A phrase of a table is anchored by its
    longest word ("moment" for "at the moment"): every match holds it, and words such as
    "the" or "new" would send the tagger to half the positions of a text."""
    words: set[str] = set()
    classes: set[str] = set()
    for item in TRIGGERS[rule_name].split():
        if item.startswith("#"):
            classes.add(item)
        elif item in _TABLE_WORDS:
            for phrase in _TABLE_WORDS[item]:
                parts = re.findall(r"\w+", phrase.lower())
                words.add(max(reversed(parts), key=len))
        else:
            words.add(item)
    return frozenset(words), frozenset(classes)


COMPILED = tuple((rule, rule.compile()) for rule in RULES)
