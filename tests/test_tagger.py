"""The tagger on real news sentences: exact spans and TIMEX3 values, and what is not a date."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import EVAL, INDEPENDENT, RFE

from tui.temporal import tag

D = dt.date


def values(text, dct):
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


# Sentences from the two seed articles, with their publication dates.
@pytest.mark.parametrize("sentence,dct,expected", [
    ("NATO Secretary-General Jens Stoltenberg says that alliance members are to agree on May 25 on "
     "NATO's participation in the international coalition.", D(2017, 5, 24), [("May 25", "DATE", "2017-05-25")]),
    ("But he said in April that it was \"no longer obsolete\" after many allies -- following repeated "
     "exhortations by senior U.S. officials earlier this year -- started making plans.", D(2017, 5, 24),
     [("April", "DATE", "2017-04"), ("earlier this year", "DATE", "2017")]),
    ("“This will send a strong message of unity and Nato’s commitment to the fight against terrorism,” "
     "Jens Stoltenberg said in Brussels on Thursday, ahead of a Nato summit.", D(2017, 5, 25),
     [("Thursday", "DATE", "2017-05-25")]),
    ("On landing in the city on Wednesday he told reporters that the deadly suicide bombing of Manchester "
     "Arena earlier this week underlined how sorely greater cooperation is needed.", D(2017, 5, 25),
     [("Wednesday", "DATE", "2017-05-24"), ("earlier this week", "DATE", "2017-W21")]),
    ("Only the United States, Britain, Poland, Estonia, and Greece met the NATO spending target last year.",
     D(2017, 5, 24), [("last year", "DATE", "2016")]),
    ("He flew to Brussels from a 24 hour visit to Pope Francis in Rome.", D(2017, 5, 25),
     [("24 hour", "DURATION", "PT24H")]),
    ("Thursday 25 May 2017 15:49 BST", D(2017, 5, 25),
     [("Thursday 25 May 2017 15:49 BST", "TIME", "2017-05-25T15:49")]),
])
def test_seed_sentences(sentence, dct, expected):
    assert values(sentence, dct) == expected


def test_campaign_is_dated_by_the_inauguration_it_mentions():
    text = ("Trump called NATO \"obsolete\" during the U.S. presidential campaign. U.S. Secretary of State "
            "Rex Tillerson said President Donald Trump, on his first foreign trip since taking office in January, "
            "wants NATO members to step up.")
    assert ("the U.S. presidential campaign", "DATE", "2016") in values(text, D(2017, 5, 24))
    # Without the anchor there is no date for the campaign.
    assert values("Trump called NATO obsolete during the campaign.", D(2017, 5, 24)) == []


# Sentences chosen from the TempEval-3 training data (../shared/eval), with their creation dates.
@pytest.mark.parametrize("sentence,dct,expected", [
    ("Tanzanian police said on Tuesday they had arrested 14 foreigners.", D(1998, 8, 11),
     [("Tuesday", "DATE", "1998-08-11")]),
    ("The company is to resume trading in Paris Tuesday.", D(1989, 10, 27), [("Tuesday", "DATE", "1989-10-31")]),
    ("In national over-the-counter trading yesterday, AEP shares closed at $2.", D(1989, 10, 27),
     [("yesterday", "DATE", "1989-10-26")]),
    ("The bomb went off at the U.S. embassy in Nairobi Friday morning.", D(1998, 8, 8),
     [("Friday morning", "TIME", "1998-08-07TMO")]),
    ("They tried to cross from Cuba to Florida six weeks ago.", D(2000, 1, 6),
     [("six weeks ago", "DATE", "1999-W47")]),
    ("Esselte Business Systems reported third-quarter net income fell 5.9%.", D(1989, 10, 26),
     [("third-quarter", "DATE", "1989-Q3")]),
    ("LIN now plans to dole out $42 a share.", D(1989, 10, 30), [("now", "DATE", "PRESENT_REF")]),
    ("It has become a daily public rally to press for his return.", D(2000, 2, 10), [("daily", "SET", "P1D")]),
    ("The committee meets every week in Geneva.", D(2000, 2, 10), [("every week", "SET", "P1W")]),
    ("Inflation was high through the 1990s.", D(2000, 2, 10), [("the 1990s", "DATE", "199")]),
    ("Talks could go on for several months, diplomats said.", D(1998, 2, 13), [("several months", "DURATION", "PXM")]),
    ("Unemployment fell to its lowest level in a decade.", D(1998, 2, 13), [("a decade", "DURATION", "P1DE")]),
    ("The plant should open this summer.", D(1998, 2, 13), [("this summer", "DATE", "1998-SU")]),
    ("Churchill spoke on March 5, 1946, at Westminster College.", D(1999, 3, 12), [("March 5, 1946", "DATE", "1946-03-05")]),
    ("The filing was dated 5/22/2017.", D(2017, 6, 1), [("5/22/2017", "DATE", "2017-05-22")]),
    ("Sales rose 10% from May 22nd, the company said.", D(2017, 6, 1), [("May 22nd", "DATE", "2017-05-22")]),
])
def test_eval_style_sentences(sentence, dct, expected):
    assert values(sentence, dct) == expected


@pytest.mark.parametrize("sentence", [
    "The talks may resume if both sides agree.",          # modal "may"
    "Officials may 22 times have said so.",               # modal "may" before a number
    "The cat sat on the mat while the guests sat down.",  # "sat" is a verb
    "Troops will march through the capital.",             # lower-case "march"
    "0:00 0:01:21 0:00",                                  # a video player's counters
    "Shares rose to $1,998 and 2,017 people attended.",   # prices and counts
    "Some 1500 troops were sent.",                        # a count, not a year
    "Between 1500 to 2000 troops were sent.",             # a range of counts, not two years
    "The pilots flew an F-1959 over the base.",           # a model number
    "Some families have kept their glass working secrets for more than two thousand years.",  # a span
    "Each may choose its own delegate.",                  # modal "may" after "each"
    "The poster showed Gary Cooper from the film ``High Noon.''",  # a film's title
    "The quarter-to-quarter comparison was also enhanced by charges.",  # an adjective, no quarter
    "He read it in the morning paper.",                   # a newspaper, not a time
])
def test_not_dates(sentence):
    assert [t for t in tag(sentence, D(2017, 5, 24)) if t.type in ("DATE", "TIME", "SET")] == []


def test_a_model_year_is_no_date():
    # AP, 22 Jan 1999: the car was from 1987; nothing happened in 1987 (the gold has no timex there).
    found = tag("Kopp's 1987 Chevrolet Cavalier was discovered last month at Newark International Airport.",
                D(1999, 1, 22))
    assert [(t.text, t.value) for t in found] == [("last month", "1998-12")]
    # A year before a make that is no model year stays: "In 1976 Ford lost the election".
    assert [t.value for t in tag("In 1976 Ford lost the election to Carter.", D(1999, 1, 22))] == ["1976"]


def test_a_half_of_something_else_is_not_this_years_half():
    assert [(t.text, t.value) for t in tag("Sales boomed in the first half of the '80s.", D(1998, 5, 2))
            if t.value.endswith(("H1", "H2"))] == []


def test_an_ordinal_before_a_hyphen_is_no_day():
    assert [t.text for t in tag("In March second-quarter sales rose.", D(1998, 5, 2))] == ["March", "second-quarter"]


def test_spans_are_the_expression_only():
    text = "Stoltenberg said in Brussels on Thursday, ahead of a Nato summit."
    (t,) = tag(text, D(2017, 5, 25))
    assert (t.text, text[t.start:t.end]) == ("Thursday", "Thursday")


def test_weekday_follows_tense():
    dct = D(2017, 5, 24)  # a Wednesday
    assert values("He said on Monday that talks failed.", dct) == [("Monday", "DATE", "2017-05-22")]
    assert values("He will meet the leaders on Friday.", dct) == [("Friday", "DATE", "2017-05-26")]
    assert values("He said on Wednesday that talks failed.", dct) == [("Wednesday", "DATE", "2017-05-24")]


def test_month_without_day_keeps_month_precision():
    assert values("He said in April that it was no longer obsolete.", D(2017, 5, 24)) == [("April", "DATE", "2017-04")]


def test_seed_files_offsets_are_exact():
    for path in (RFE, INDEPENDENT):
        text = path.read_text(encoding="utf-8")
        for t in tag(text, D(2017, 5, 24)):
            assert text[t.start:t.end] == t.text


def test_deterministic_and_bounded_time():
    text = RFE.read_text(encoding="utf-8") * 3
    assert tag(text, D(2017, 5, 24)) == tag(text, D(2017, 5, 24))
    # A tiny time limit stops the work instead of running on; whatever was found is still exact.
    partial = tag(text * 50, D(2017, 5, 24), time_limit=0.0)
    assert all((text * 50)[t.start:t.end] == t.text for t in partial)


@pytest.mark.skipif(not EVAL.exists(), reason="evaluation data not present")
def test_eval_corpus_spans_valid_and_mostly_found():
    docs = json.loads(EVAL.read_text(encoding="utf-8"))[:40]
    found = gold = 0
    for d in docs:
        ours = tag(d["text"], D.fromisoformat(d["dct"]))
        assert all(d["text"][t.start:t.end] == t.text for t in ours)
        for g in d["timexes"]:
            gold += 1
            found += any(t.start < g["end"] and g["start"] < t.end for t in ours)
    assert found / gold > 0.85


def test_that_day_needs_a_day_named_before_it():
    """ "that day" is the day the text last named; said of no day in particular it is not a date."""
    dct = dt.date(1989, 10, 30)
    generic = "Market makers can suffer huge losses on trades made that day, dealers said."
    assert not [t for t in tag(generic, dct) if "that day" in t.text]
    told = "The bank failed on Oct. 13. Market makers suffered huge losses on trades made that day."
    assert [(t.text, t.value) for t in tag(told, dct) if "that day" in t.text] == [("that day", "1989-10-13")]


# Tense and reference rules, each with the news passage that motivated it.
AMERICAN_MEDICAL = (
    "In March, American Medical received a $24-a-share offer to take the company private from an investor "
    "group including large holder M. Lee Pearce. It also was considering a restructuring to help boost the "
    "stock price.\n\nThe following month, the company put itself up for sale.")


UNISYS = (
    "Unisys Corp. reported a $648.2 million loss for the third quarter.\n\n"
    "Unisys, whose revenue inched up 3.7% in the quarter to $2.35 billion from $2.27 billion in the "
    "year-earlier quarter, had an operating loss of about $30 million.\n\n"
    "Unisys also noted that it paid $78.8 million in taxes during the quarter, even though tax payments "
    "normally would be minimal.")


@pytest.mark.parametrize("sentence,dct,expected", [
    # A deadline looks ahead, except from a past perfect: the day is already behind the writer.
    ("Thirty-two of the 159 U.N. members had filed compliance reports by Wednesday, and all were "
     "honoring the sanctions.", D(1990, 8, 16), [("Wednesday", "DATE", "1990-08-15")]),
    ("The talks will go on until Thursday.", D(1999, 5, 7), [("Thursday", "DATE", "1999-05-13")]),
    # ... also with a clock time between: "until 9 a.m. EST Tuesday", said on a Monday.
    ("Lawyers negotiated for two days, and INS extended its deadline until 9 a.m. EST Tuesday.", D(2000, 4, 3),
     [("two days", "DURATION", "P2D"), ("9 a.m. EST Tuesday", "TIME", "2000-04-04T09:00")]),
    # An agreement "to acquire" something "in January" looks ahead to the deal, not back to the talks.
    ("First of America, which now has 45 banks and $12.5 billion in assets, announced an agreement to acquire "
     "the Peoria, Ill., bank holding company in January.", D(1989, 11, 2),
     [("now", "DATE", "PRESENT_REF"), ("January", "DATE", "1990-01")]),
    # The day a change takes effect is announced ahead, whatever the tense around it.
    ("U.S. Trust also created a four-member office of the chairman, effective Feb. 1.", D(1989, 10, 26),
     [("Feb. 1", "DATE", "1990-02-01")]),
    # "..., Castro said" reports the sentence; its tense is not the tense of the reported event.
    ("''This courageous father will leave at 4 in the morning (4 a.m. EDT Thursday),'' Castro said.",
     D(2000, 4, 5), [("4 in the morning", "TIME", "2000-04-06T04:00"), ("4 a.m. EDT Thursday", "TIME", "2000-04-06T04:00")]),
    # No verb near the date: the sentence's verb, further off, still says which way it points.
    ("Air Force Lieutenant Colonel Eileen Collins will be named commander of the Space Shuttle Columbia "
     "for a mission in December.", D(1998, 3, 4), [("December", "DATE", "1998-12")]),
    # "this year's third quarter" is one expression: that quarter of that year.
    ("Net sales for this year's third quarter were $14 million, down from $21.1 million.", D(1989, 11, 1),
     [("this year's third quarter", "DATE", "1989-Q3")]),
    # "last Oct. 23" is a day, not last October; the tense places it.
    ("Slepian was the mainstay of Buffalo's only abortion clinic before he was shot to death last Oct. 23 "
     "at his home in suburban Amherst.", D(1999, 4, 19), [("Oct. 23", "DATE", "1998-10-23")]),
    # "the quarter" is the quarter the story is about, not "the year-earlier quarter" it compares with.
    (UNISYS, D(1989, 10, 30), [("the third quarter", "DATE", "1989-Q3"), ("the quarter", "DATE", "1989-Q3"),
                               ("the year-earlier quarter", "DATE", "1988-Q3"), ("the quarter", "DATE", "1989-Q3")]),
    # "The following month" counts from the month the story last named, not from the publication date.
    (AMERICAN_MEDICAL, D(1989, 10, 27), [("March", "DATE", "1989-03"), ("The following month", "DATE", "1989-04")]),
    # An irregular past ("brought") says the month is behind the writer, as "-ed" would.
    ("The completion of the merger agreement follows months of twists and turns. In January, American "
     "Medical brought in a new chairman.", D(1989, 10, 27), [("January", "DATE", "1989-01")]),
    # ... but after "be" it is a participle: "would be paid in January" still looks ahead.
    ("The dividend would be paid on a still unspecified date in January to holders of record Dec. 21.",
     D(1989, 10, 26), [("January", "DATE", "1990-01"), ("Dec. 21", "DATE", "1989-12-21")]),
    # "next to" is a place, not the next day: the bombing told on Saturday was on Friday.
    ("A bomb tore through an office building next to the U.S. embassy in Nairobi, Kenya Friday morning.",
     D(1998, 8, 8), [("Friday morning", "TIME", "1998-08-07TMO")]),
    ("Eleven people were killed in the blasts next to the U.S. embassies in Kenya and Tanzania on Friday.",
     D(1998, 8, 8), [("Friday", "DATE", "1998-08-07")]),
    # A plan seen from a past that is over looks back: the offer was then extended.
    ("The offer previously had been scheduled to expire at midnight Friday.", D(1989, 10, 30),
     [("midnight Friday", "TIME", "1989-10-27T24:00")]),
    ("The offer was extended to Nov. 16. It had been due to expire Friday evening.", D(1989, 10, 30),
     [("Nov. 16", "DATE", "1989-11-16"), ("Friday evening", "TIME", "1989-10-27TEV")]),
    # "the previous Friday" counts back from the day the story tells of, not from publication.
    ("Prices fell on Friday. The index closed down 4.5% from the previous Friday.", D(1989, 10, 30),
     [("Friday", "DATE", "1989-10-27"), ("the previous Friday", "DATE", "1989-10-20")]),
    ("The rebels attacked on Tuesday, Aug. 4. The following Monday, talks resumed.", D(1998, 8, 20),
     [("Tuesday, Aug. 4", "DATE", "1998-08-04"), ("The following Monday", "DATE", "1998-08-10")]),
    # "the 1988 quarter" is that year's quarter of the one the story is about.
    ("Kirschner's third-quarter net fell. It earned $376,000 in the 1988 quarter.", D(1990, 2, 1),
     [("third-quarter", "DATE", "1989-Q3"), ("the 1988 quarter", "DATE", "1988-Q3")]),
    # "compared with ... last year" in a story about a quarter is that quarter of last year ...
    ("Travelers posted a third-quarter loss. Its insurance operations posted earnings of $24 million, "
     "compared with a loss of $3 million last year.", D(1989, 11, 2),
     [("third-quarter", "DATE", "1989-Q3"), ("last year", "DATE", "1988-Q3")]),
    # ... but after "the nine months" the comparison is of nine months: a year back, not a quarter.
    ("America West reported third-quarter profit. For the nine months, it posted earnings of $18.9 million, "
     "compared with a loss of $9.7 million a year earlier.", D(1989, 10, 26),
     [("third-quarter", "DATE", "1989-Q3"), ("the nine months", "DURATION", "P9M"),
      ("a year earlier", "DATE", "1988")]),
    # ... and "the 1988 period" after them is those months of 1988.
    ("Travelers posted a third-quarter loss. In the first nine months, net was $306 million, compared with "
     "a loss of $195 million in the 1988 period.", D(1989, 11, 2),
     [("third-quarter", "DATE", "1989-Q3"), ("the first nine months", "DURATION", "P9M"),
      ("the 1988 period", "DATE", "1988")]),
    # ... and in a story about no quarter, last year.
    ("The unit posted earnings of $24 million, compared with a loss of $3 million last year.", D(1989, 11, 2),
     [("last year", "DATE", "1988")]),
    # "the quarter ended Sept. 29", where the story names no quarter, is the quarter that day closes,
    # even when read in January, after the last complete quarter has become the fourth.
    ("Sun Microsystems reported sales of $538.5 million for the quarter ended Sept. 29, up 39%.", D(1990, 1, 5),
     [("the quarter", "DATE", "1989-Q3"), ("Sept. 29", "DATE", "1989-09-29")]),
])
def test_tense_and_reference_rules(sentence, dct, expected):
    assert values(sentence, dct) == expected


@pytest.mark.parametrize("written,expected", [
    ("2016-02-29", [("2016-02-29", "DATE", "2016-02-29")]),
    ("1998-01-08", [("1998-01-08", "DATE", "1998-01-08")]),
    ("2017-02-29", []),  # no such day
    ("1998-13-01", []),  # no 13th month: dateparser reads it as January 13
])
def test_iso_dates_have_one_reading(written, expected):
    assert values(f"The filing was dated {written}.", D(2017, 6, 1)) == expected


@pytest.mark.parametrize("sentence,dct", [
    # a decade after "his" is an age, not the 1930s
    ("Her stepmother married Kopp's father when Kopp was in his 30s.", D(1999, 1, 22)),
    # a capitalised unit in mid-sentence is a title, not a stretch of time
    ("''That's what they're doing to this boy,'' Gonzalez said on CBS's ''60 Minutes.''", D(2000, 4, 3)),
    ("Secretary of State James Baker, speaking on ABC News' \"This Week,\" said the Kuwaiti request gave "
     "the U.S. authority.", D(1990, 8, 13)),
])
def test_ages_and_titles_are_not_times(sentence, dct):
    assert values(sentence, dct) == []


@pytest.mark.parametrize("sentence,expected", [
    ("The deal closed on Feb. 29, 2000, the bank said.", [("Feb. 29, 2000", "DATE", "2000-02-29")]),
    ("It was signed on the 3rd of March, 1998.", [("the 3rd of March, 1998", "DATE", "1998-03-03")]),
    ("Talks resumed Thursday, Sept. 31, 1998.", []),  # September has 30 days
    ("The deal closed on Feb. 29, 1999, the bank said.", []),  # not a leap year
])
def test_written_dates_are_checked_against_the_calendar(sentence, expected):
    assert values(sentence, D(2001, 1, 1)) == expected


@pytest.mark.parametrize("sentence,dct,expected", [
    # Broadcast transcripts say the year aloud: month or season and year are one date.
    ("Ah next up is that thirteen dollar a barrel level we saw in the winter of nineteen ninety-four.",
     D(1998, 2, 23), [("the winter of nineteen ninety-four", "DATE", "1994-WI")]),
    ("A bomb blast shocks the Olympic games. One person is killed.  January nineteen ninety-seven. Atlanta again.",
     D(1998, 2, 27), [("January nineteen ninety-seven", "DATE", "1997-01")]),
    # ... but a number of people is no year, even cut short.
    ("In January nineteen ninety-seven people came.", D(1998, 2, 27), [("January", "DATE", "1998-01")]),
])
def test_spoken_years_join_their_month_or_season(sentence, dct, expected):
    assert values(sentence, dct) == expected


def test_the_week_of_a_day_is_that_week():
    sentence = ("The dispute may finally be resolved in a court hearing the week of March 6, Manuel Gonzalez, "
                "59, a soft-spoken bus mechanic, said.")
    assert values(sentence, D(2000, 2, 24)) == [("the week of March 6", "DATE", "2000-W10")]


@pytest.mark.parametrize("sentence,dct,expected", [
    # A second day joined by "and" is a date of the same month.
    ("The alliance's anniversary celebration would still be held at the NATO Washington summit on April 24 and 25.",
     D(1999, 2, 10), [("April 24", "DATE", "1999-04-24"), ("25", "DATE", "1999-04-25")]),
    ("Talks on June 3rd and 4th, in Geneva, ended without a deal.", D(1999, 6, 10),
     [("June 3rd", "DATE", "1999-06-03"), ("4th", "DATE", "1999-06-04")]),
    # ... but not a count, a percentage, or a day before the first.
    ("On May 24 and 25 soldiers were killed.", D(2017, 5, 26), [("May 24", "DATE", "2017-05-24")]),
    ("Shares rose 5% on May 24 and 25% on May 25.", D(2017, 5, 26),
     [("May 24", "DATE", "2017-05-24"), ("May 25", "DATE", "2017-05-25")]),
    ("The votes of May 24 and 12 others were counted.", D(2017, 5, 26), [("May 24", "DATE", "2017-05-24")]),
])
def test_a_second_day_after_and_is_its_own_date(sentence, dct, expected):
    assert values(sentence, dct) == expected


def test_moveable_holidays_and_their_look_alikes():
    # Easter moves: 16 April in 2017, 31 March in 2024. Its look-alikes are not days.
    assert values("Pilgrims gathered for Easter in Rome.", dt.date(2017, 4, 18)) == [
        ("Easter", "DATE", "2017-04-16")]
    assert values("Shops will close on Good Friday.", dt.date(2024, 3, 20)) == [
        ("Good Friday", "DATE", "2024-03-29")]
    for sentence in ("Tourists flew to Easter Island.", "The Easter Rising began in Dublin in 1916.",
                     "Protesters prayed as Easter week began."):
        assert all(t.text != "Easter" for t in tag(sentence, dt.date(2017, 4, 18))), sentence
    # The US Election Day: the Tuesday after the first Monday in November (8 Nov 2016, 6 Nov 2018);
    # a story after it looks back.
    assert values("Clinton conceded after Election Day.", dt.date(2016, 11, 20)) == [
        ("Election Day", "DATE", "2016-11-08")]
    assert values("Both parties will campaign until Election Day.", dt.date(2018, 10, 1)) == [
        ("Election Day", "DATE", "2018-11-06")]
    assert values("It was a long election day for the volunteers.", dt.date(2018, 10, 1)) == []


def test_a_day_that_names_a_thing_is_not_the_day_the_story_tells_of():
    # After "the May 22 bombing" (a premodifier), "earlier in the day" is still the speech's day.
    text = ("Trump spoke in Brussels on Thursday. He recalled the May 22 bombing in Manchester. "
            "Earlier in the day he met Macron.")
    assert [(t.text, t.value) for t in tag(text, dt.date(2017, 5, 26))] == [
        ("Thursday", "2017-05-25"), ("May 22", "2017-05-22"), ("Earlier in the day", "2017-05-25")]
    # A year does set the story's year: "the 1998 election … That year".
    assert [(t.text, t.value) for t in tag("In the 1998 election, he won. That year, he also married.",
                                           dt.date(2017, 5, 26))] == [("1998", "1998"), ("That year", "1998")]
    # Nor does a day that is told of: "Police raided the house on May 23. Later that day …"
    assert tag("Police raided the house on May 23. Later that day, they arrested two men.",
               dt.date(2017, 5, 26))[-1].value == "2017-05-23"


@pytest.mark.parametrize("sentence,dct,expected", [
    ("Trump spoke at the unveiling of a memorial to the Sept. 11 attacks.", "2017-05-25", "2001-09-11"),
    ("Since 9/11, NATO has invoked its mutual defence clause only once.", "2017-05-25", "2001-09-11"),
    ("The September 11 terrorist attacks changed the alliance.", "2011-09-01", "2001-09-11"),
    ("Police said the Sept. 11 attack on the bank had been planned for weeks.", "1998-10-01", "1998-09-11"),
    ("Leaders will meet on Sept. 11 in Brussels.", "2017-05-25", "2017-09-11"),  # an ordinary 11 September
])
def test_named_days(sentence, dct, expected):
    assert tag(sentence, dt.date.fromisoformat(dct))[0].value == expected
