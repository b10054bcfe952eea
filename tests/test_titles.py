"""Event titles stand on their own: each case is a sentence of real news (TimeBank/AQUAINT
newswire) whose title was a broken fragment before the rule it names."""

from __future__ import annotations

import datetime as dt

import pytest

from tui import sentences
from tui.events import cluster_mentions, mentions_of
from tui.temporal import tag
from tui.titles import title_for


def titles_of(sentence: str, published: str) -> dict[str, str]:
    """Date value -> title of each event the sentence makes."""
    day = dt.date.fromisoformat(published)
    found = mentions_of("s", 0, sentence, sentences.split(sentence), tag(sentence, day), day)
    return {c.value: title_for(c) for c in cluster_mentions(found)}


CASES = [
    # A date that owns a noun leaves "the", not "'s" ("NATO decided 's Madrid summit").
    ("possessive", "NATO decided at last year's Madrid summit to invite the three eastern European countries to "
     "start accession talks.", "1998-03-10", "1997", "NATO decided at the Madrid summit to invite"),
    # An opening phrase with no verb only sets the scene: the clause after it is the event
    # ("'s debate against Vacco").
    ("scene", "In Sunday's debate against Vacco, Spitzer attacked him for failing to enforce a court order "
     "against anti-abortion protesters who had blocked the entrance to a clinic.", "1998-10-26", "1998-10-25",
     "Spitzer attacked him for failing to enforce a court order"),
    ("scene", "In his Sunday Mass at St. Patrick's Cathedral in New York, Cardinal John O'Connor called the murder "
     "wrong but he urged those angered by the slaying to be equally angered by abortions.", "1998-10-25",
     "1998-10-25", "Cardinal John O'Connor called the murder wrong"),
    ("scene", "On Tuesday, the National Abortion and Reproductive Rights Action League plans to hold a news "
     "conference to screen a television advertisement _ made last week, before Slepian died _ featuring Emily "
     "Lyons, a nurse who was badly wounded earlier this year in the bombing of an abortion clinic in Alabama.",
     "1998-10-26", "1998-10-27", "The National Abortion and Reproductive Rights Action League plans to hold"),
    # … but a date that runs on past the phrase's comma ("On May 22, 1995,") is not in it alone.
    ("scene", "On May 22, 1995, Farkas was made a brigadier general, and the following year he was appointed "
     "military attache at the Hungarian embassy in Washington.", "1998-04-18", "1995-05-22",
     "Farkas was made a brigadier general"),
    # A date at the end with nothing after it takes the clause before it (the title was empty).
    ("nothing after", "The company had a net loss of C$2.3 million, or 14 Canadian cents a share, a year ago.",
     "1989-10-30", "1988", "The company had a net loss of C$2.3 million"),
    # "up from …" only qualifies the figure before it ("Down from $21.4 million").
    ("qualifier", "Net sales for this year's third quarter were $14 million, down from $21.4 million last year.",
     "1989-10-30", "1988", "Net sales for this year's third quarter were $14 million"),
    # A relative clause takes the noun it hangs on ("Which began").
    ("relative", "Bin Laden and Kopp are the 455th and 456th persons to be placed on the FBI's most wanted list, "
     "which began in 1950.", "1999-06-17", "1950", "The FBI's most wanted list began"),
    ("relative", "Starpointe holders, who approved the plan last April, will receive $21 in cash a share, or a "
     "total $63 million.", "1989-11-01", "1989-04", "Starpointe holders approved the plan"),
    ("subordinate", "The demonstrators waved red, white and blue Cuban flags on the shore of the community of "
     "Niquero, where the Granma landed on Dec. 2, 1956, with 82 armed men led by Fidel Castro.", "2000-01-10",
     "1956-12-02", "The Granma landed"),
    # A verb after appositives takes its subject from before them ("Was sent into space").
    ("subject", "Farkas, an air force captain, was sent into space on board the Soyuz 36 on May 26, 1980.",
     "1999-03-12", "1980-05-26", "Farkas was sent into space on board the Soyuz 36"),
    ("subject", "The first round of DNA tests on the hair at the FBI Laboratory here established a high probability "
     "it came from the same person as a hair found in a New Jersey home where James C. Kopp, a 44-year-old "
     "anti-abortion protester, lived last year, the official said.", "1999-01-22", "1998", "James C. Kopp lived"),
    ("appositive", "Sun, a maker of computer workstations, reported sales of $538.5 million for the quarter ended "
     "Sept. 29, up 39% from $388.5 million a year earlier.", "1989-10-20", "1988-Q3",
     "Sun reported sales of $538.5 million"),
    # "Dr." is not the end of the phrase ("Sniper shooting of Dr").
    ("abbreviation", "Kopp has eluded authorities since they obtained a warrant for him as a material witness in "
     "the Oct. 23 sniper shooting of Dr. Barnett Slepian, a 52-year-old obstetrician-gynecologist who performed "
     "abortions.", "1999-01-22", "1998-10-23", "Sniper shooting of Dr. Barnett Slepian"),
]


@pytest.mark.parametrize("rule, sentence, published, value, start", CASES, ids=[c[0] for c in CASES])
def test_title_stands_on_its_own(rule, sentence, published, value, start):
    titles = titles_of(sentence, published)
    assert titles[value].startswith(start), titles


def test_an_object_relative_keeps_its_clause():
    # "which the two presidents signed": "which" is the object; "border demarcation the two
    # presidents signed" would be worse than the clause as it is.
    titles = titles_of("A major dispute concerns a broad political treaty calling for border demarcation, which "
                       "the two presidents signed last May.", "1998-02-27")
    assert "border demarcation the two" not in titles["1997-05"].lower()


def test_a_sentence_that_is_only_a_date_makes_no_event():
    # A broadcast transcript's "Until this week." tells no happening: it was an event with no title.
    assert titles_of("Until this week.", "2000-02-24") == {}
    assert titles_of("January nineteen ninety-seven.", "1998-01-20") == {}


def test_a_name_before_who_keeps_the_whole_title():
    # The Independent, 25 May 2017: the name goes in after the clause is cut to its 12 words.
    titles = titles_of("Nato has agreed to join the coalition, in a move seen as a gesture to Donald Trump, who "
                       "arrived in Brussels on Wednesday for his first meeting with the alliance's leaders.",
                       "2017-05-25")
    assert titles["2017-05-24"] == ("Donald Trump arrived in Brussels for his first meeting with the alliance's "
                                    "leaders")
