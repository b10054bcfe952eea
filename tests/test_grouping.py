"""Which dated sentences make one event: the actor, the shared words, and the seven pages of
tests/pages/ against the grouping read by hand in tests/grouping/pages.yaml."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from tui import sentences
from tui.events import cluster_mentions, find_agent, mentions_of
from tui.temporal import tag

ROOT = Path(__file__).resolve().parent.parent
MAY_25 = dt.date(2017, 5, 25)


def mentions(text: str, source: str = "s", order: int = 0, published: dt.date = MAY_25):
    return mentions_of(source, order, text, sentences.split(text), tag(text, published), published)


def grouped(*texts: str, published: dt.date = MAY_25, on: str | None = None) -> list[list[str]]:
    """The quotes of each event made from `texts`, each text a separate article; `on`: only
    the events of this date expression."""
    found = [m for i, text in enumerate(texts) for m in mentions(text, f"s{i}", i, published)]
    return sorted(sorted(m.quote for m in c.mentions) for c in cluster_mentions(found)
                  if on is None or c.mentions[0].timex.text == on)


def test_a_date_between_the_actor_and_its_verb_is_not_the_actor():
    # The New York Times, 25 May 2017.
    sentence = "President Trump on Thursday lectured the leaders of NATO countries on their failure to pay."
    start = sentence.index("Thursday")
    assert find_agent(sentence, [(start, start + len("Thursday"))])[0] == "Trump"
    (m,) = mentions(sentence)
    assert m.agent == "Trump"


def test_a_day_or_a_month_is_never_the_actor():
    assert find_agent("Thursday marked the end of the summit.")[0] is None
    assert find_agent("March organisers said 5,000 people came.")[0] is None
    assert find_agent("May said she would raise the bombing with Trump.")[0] == "May"  # Theresa May


def test_he_after_a_date_takes_the_actor_of_the_sentence_before():
    # The Independent, 25 May 2017: "he" is Mr Trump, not Stoltenberg of two sentences before.
    text = ("Jens Stoltenberg said in Brussels on Thursday that the alliance was united. "
            "Mr Trump is seeking to push the US' Nato allies to take on a more active role against extremism. "
            "On landing in the city on Wednesday he told reporters that the bombing underlined the need.")
    wednesday = next(m for m in mentions(text) if m.timex.text == "Wednesday")
    assert wednesday.agent == "Trump"


def test_the_words_of_the_actors_name_are_not_shared_words():
    # AP, 25 May 2017: "President" of "President Donald Trump" and of "the new French president"
    # made the speech and the meeting with Macron one event.
    speech = "President Donald Trump scolded NATO allies on Thursday for failing to pay their share of defense costs."
    macron = "Trump spoke at the alliance's headquarters. Earlier in the day he met the new French president, Emmanuel Macron."
    assert len(grouped(speech + " " + macron)) == 2
    # The same speech told by CNN joins it.
    cnn = "President Donald Trump berated NATO allies on Thursday for not paying enough for their defense."
    assert len(grouped(speech, cnn)) == 1


def test_words_every_story_has_do_not_make_one_happening():
    # BBC and the Guardian, 25 May 2017: they share "hours", "meeting" and "leaders" only.
    bbc = "Mr Trump was in Brussels. He spoke hours after meeting EU leaders on Thursday morning."
    guardian = ("The decision was taken at a meeting of ambassadors on Thursday morning, hours before the "
                "leaders' summit.")
    assert len(grouped(bbc, guardian)) == 2
    # Reuters on the same decision: "decision", "taken", "summit" are shared.
    reuters = "The decision will be taken when NATO leaders meet in Brussels on May 25, the first summit Trump attends."
    assert len(grouped(guardian, reuters)) == 1


def test_a_name_of_two_words_is_one_shared_name():
    # Reuters and the Guardian on 24 May 2017: diplomats speaking and Trump arriving share only
    # "Islamic State" and "Donald Trump", which counted as four shared words.
    reuters = ("NATO will agree on Thursday to join the U.S.-led coalition fighting Islamic State, diplomats said "
               "on Wednesday, as allies seek to satisfy President Donald Trump's demands to do more.")
    guardian = ("Nato has agreed to join the US-led coalition against Islamic State, in a move seen as a gesture "
                "to Donald Trump, who arrived in Brussels on Wednesday for his first meeting with the alliance.")
    assert len(grouped(reuters, guardian, on="Wednesday")) == 2


def test_a_sentence_joins_the_happening_it_tells_most_alike():
    # After AP, 25 May 2017: the third sentence retells the speech and names the meeting with
    # Macron; it shares one word with the meeting and five with the speech.
    macron = "On Thursday Trump met Emmanuel Macron at the embassy."
    speech = "On Thursday Trump scolded NATO allies for failing to pay their share of defense costs."
    both = "On Thursday Trump scolded allies for failing to pay their share of costs, hours after meeting Macron."
    events = grouped(macron, speech, both)
    assert [len(e) for e in events] == [1, 2]
    assert macron in events[0]


def _grouping_benchmark():
    spec = importlib.util.spec_from_file_location("grouping_benchmark", ROOT / "benchmarks" / "grouping.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_pages_group_as_read_by_hand():
    bench = _grouping_benchmark()
    gold = bench.read_gold(ROOT / "tests" / "grouping" / "pages.yaml")
    events = bench.built_events(ROOT / "tests" / "pages")
    precision, recall, problems = bench.score(gold, events)
    assert precision == 1.0, problems  # no event holds two happenings
    # One happening is told apart: the Guardian's and Reuters' "the decision" mean joining the
    # coalition, which AP and Reuters name, and no word of theirs says so.
    assert problems == [problems[0]] and problems[0].startswith("happening coalition split over 2 events"), problems


def test_a_sentence_with_two_dates_is_split_between_words():
    # The Independent, 25 May 2017: halfway between the two dates falls inside "obsolete"; the
    # campaign keeps the whole word, and with it joins RFE/RL's telling of the same remark.
    independent = ("During his election campaign Mr Trump branded the Cold War era American-European military "
                   "alliance “obsolete”, but has reneged on his promise to scrap it since entering office in January.")
    campaign = next(m for m in mentions(independent) if m.timex.text == "his election campaign")
    assert "obsolete" in campaign.terms
    rfe = ('Trump called NATO "obsolete" during the U.S. presidential campaign, saying it was failing to focus '
           "on the threat from Islamist terrorism.")
    (event,) = grouped(independent, rfe + " He took office in January.", on="his election campaign")
    assert event == sorted([independent, rfe])


@pytest.mark.parametrize("first, second, published, on", [
    # The Wall Street Journal, 2 November 1989 (evaluation set): Du Pont's and Norton's results of
    # a year before share "company", "million", "net", "share" and nothing of their own.
    ("Du Pont Co. reported third-quarter profit. In the year-earlier period, the company earned $461 million, or "
     "$1.91 a share.",
     "Norton Co. reported third-quarter net. In the year-earlier period, the company had net of $77.2 million, or "
     "$3.68 a share, and a tax credit of $7.7 million.", dt.date(1989, 11, 2), "the year-earlier period"),
    # October 1989: Ralston's year and Coast Savings' quarter share only "ended" next to their date,
    # a word of the period, not of the happening.
    ("For the year ended Sept. 30, Ralston earned $422.5 million, or $6.44 a share, up 8.9% from $387.8 million.",
     "The Los Angeles thrift holding company said it had a loss of $92.2 million, or $6.98 a share, for the quarter "
     "ended Sept. 30.", dt.date(1989, 10, 26), "Sept. 30"),
    # Delta's and Sun's quarters have "Sept." next to them: of "ended Sept. 30" and "ended Sept. 29",
    # the sentence's other dates, which end each quarter.
    ("For the quarter ended Sept. 30, Delta posted net income of $133.1 million, or $2.53 a share, up from "
     "$100 million, or $2.03 a share, a year earlier.",
     "Sun, a maker of computer workstations, reported sales of $538.5 million for the quarter ended Sept. 29, "
     "up 39% from $388.5 million a year earlier.", dt.date(1989, 10, 26), "the quarter"),
], ids=["year-earlier period", "quarter ended", "other date"])
def test_two_companies_results_are_two_happenings(first, second, published, on):
    assert len(grouped(first, second, published=published, on=on)) == 2


# The murder of Dr. Barnett Slepian as AP and the New York Times told it (evaluation set).
SHOT_IN_THE_BACK = "Slepian was shot in the back on Friday night as he stood in his kitchen."  # NYT, 26 Oct 1998
OCT_26 = dt.date(1998, 10, 26)


def test_shot_and_killing_are_one_deed():
    # "shot" is no suffix away from "shoot", nor "shooting" from "killing" or "slaying": lexicon.py.
    killing = ("The men were not termed suspects, and FBI officials on Saturday played down the likelihood that "
               "either was involved in the Oct. 23 killing of the doctor, Barnett Slepian.")  # NYT, 21 Nov 1998
    events = grouped(SHOT_IN_THE_BACK, killing, published=OCT_26)
    assert sorted(map(len, events)) == [1, 2]  # the killing; Saturday's FBI
    assert SHOT_IN_THE_BACK in max(events, key=len)


def test_the_actor_of_a_sentence_is_not_the_actor_of_a_dated_noun():
    # "Kopp has eluded …" is Kopp's, but "the Oct. 23 sniper shooting" is not: it joins the shooting
    # that Slepian's name leads (AP, 22 Jan 1999; NYT, 21 Nov 1998).
    eluded, shot = ELUDED, THROUGH_THE_WINDOW
    (m,) = mentions(eluded, published=dt.date(1999, 1, 22))
    assert m.agent is None
    assert len(grouped(eluded, shot, published=dt.date(1999, 1, 22))) == 1


ELUDED = ("Kopp has eluded authorities since they obtained a warrant for him as a material witness in the Oct. 23 "
          "sniper shooting of Dr. Barnett Slepian, a 52-year-old obstetrician-gynecologist who performed abortions.")
THROUGH_THE_WINDOW = ("Slepian, 52, an obstetrician and gynecologist, was shot through the kitchen window of his home in "
                      "Amherst shortly after he and his wife returned home from synagogue on the night of Friday, Oct. 23.")


def test_a_telling_alike_with_two_events_makes_them_one():
    # In build order the assassin's bullet and "shot in the back" make one event, the sniper
    # shooting of Oct. 23 another (NYT, 25 and 26 Oct 1998; AP, 22 Jan 1999). The sentence that
    # tells the window, the kitchen and the name (NYT, 21 Nov 1998) is told alike with both.
    bullet = ("But a principled commitment to provide a constitutionally protected service could not stop the "
              "assassin's bullet that tore through his kitchen window and into his back Friday night.")
    assert len(grouped(ELUDED, bullet, SHOT_IN_THE_BACK, published=OCT_26)) == 2
    assert len(grouped(ELUDED, bullet, SHOT_IN_THE_BACK, THROUGH_THE_WINDOW, published=OCT_26)) == 1


def test_a_killing_last_fall_is_the_killing_of_october_23():
    # AP, 7 May 1999: a season joins a day in it, as "this month" does.
    fall = ("Dr. Barnett Slepian, just back from synagogue, was heating soup in his kitchen last fall when he was "
            "gunned down with a single shot through a window.")
    assert len(grouped(fall, THROUGH_THE_WINDOW, published=dt.date(1999, 5, 7))) == 1


def test_a_time_of_day_alone_dates_no_event():
    # NYT, 19 Apr 1999: "10 p.m." has no day of its own; the publication day would misdate the murder.
    text = ("Slepian, 52, and the father of four boys, was shot to death at 10 p.m. as he stood chatting with his "
            "wife in the kitchen of their home in an affluent enclave in Amherst.")
    assert mentions(text, published=dt.date(1999, 4, 19)) == []
    assert len(mentions("He was shot to death at 10 p.m. Friday.", published=dt.date(1999, 4, 19))) == 1


def test_one_shared_word_is_not_one_happening():
    # The Wall Street Journal, 27 Oct 1989: two companies' closing prices share "York" of the New
    # York Stock Exchange, and what every market report says.
    crossland = "In composite trading on the New York Stock Exchange Friday, Crossland closed at $5.25, down $1.875."
    telerate = "Telerate shares fell 50 cents on Friday to close at $20 each in New York Stock Exchange composite trading."
    assert len(grouped(crossland, telerate, published=dt.date(1989, 10, 30))) == 2


def test_a_sentence_giving_one_date_twice_tells_one_happening():
    # The Wall Street Journal, 2 November 1989: "in 1988" and "that year" are both 1988, read
    # in two clauses that share no word; one event quotes the sentence once, not two.
    wsj = ("Imports of the types of watches that now will be eligible for duty-free treatment totaled about "
           "$37.3 million in 1988, a relatively small share of the $1.5 billion in U.S. watch imports that year, "
           "according to an aide to U.S. Trade Representative Carla Hills.")
    assert [m.value for m in mentions(wsj, published=dt.date(1989, 11, 2))] == ["1988", "1988"]
    assert len(grouped(wsj, published=dt.date(1989, 11, 2))) == 1
