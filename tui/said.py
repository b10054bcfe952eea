"""Who said what in a sentence, for a said-title ("Erdogan: the Manchester bombing showed …").

A sentence speaks for someone only when it names the speaker at the verb of saying:
right before it ("Turkish President Recep Tayyip Erdogan said on May 24 that …"), or
after what was said ("``We will look at that,'' Eric Holder said Thursday." and "The
talks will resume, officials said Tuesday."). A name met somewhere earlier in the
sentence ("the showdown between Iraq and the United States took a turn when Saddam …
said") or one that only places the speaker ("an official at Wako Securities said",
"relatives in Miami said") speaks for no one. The words are tables below, to be read
and extended one by one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .sentences import is_abbreviation
from .textutil import STOPWORDS

# Verbs whose words follow them, "that" or not: "said he was tired", "says that talks went well".
SAY = ("said", "says", "stressed", "insisted")
# Verbs that first take whom they tell, or that tell of a plan as often as of words: what was
# said follows only after "that" ("told reporters that …"; "announced plans to travel" and "added
# $227 million to reserves" are no quotes).
SAY_THAT = ("told", "warned", "added", "announced", "confirmed", "reported", "acknowledged", "argued", "predicted",
            "noted", "conceded")
# Words that may stand between a speaker and the verb ("Bush also said", "the Council has said").
BETWEEN_SPEAKER_AND_VERB = frozenset(["also", "again", "later", "earlier", "has", "had", "have", "then", "now",
                                      "today", "yesterday", "tonight", "repeatedly", "previously", "publicly",
                                      "privately", "once", "on", "last", "this", "late", "early", "monday",
                                      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                      "here", "there"])  # "Viktor Orban said here Friday."
# Words that may stand between a verb of saying and the "that" of what was said: where and when
# ("said in a statement Tuesday that", "told his Cabinet on Sunday that"). Capitalised words and
# figures may too.
BEFORE_THAT = frozenset(["in", "on", "at", "during", "a", "an", "the", "its", "his", "her", "their", "last",
                         "this", "late", "early", "statement", "interview", "news", "conference", "briefing",
                         "speech", "letter", "television", "radio", "report", "court", "papers", "filing",
                         "editorial", "commentary", "column", "broadcast", "communique",
                         "reporters", "journalists", "cabinet", "parliament", "lawmakers", "congress",
                         "officials", "him", "them", "us", "me", "here", "there"])
# Words inside one name: "Federal Bureau of Investigation", "Immigration and Naturalization Service".
NAME_LINKS = frozenset(["of", "and", "de", "del", "da", "du", "la", "le", "van", "von", "bin", "al", "amp", "&"])
# Last words of a name that is a body or a place, not a person: the whole name is the speaker
# ("Soviet Union", "Dresdner Bank"), where a person goes by the last name ("Netanyahu").
INSTITUTION_HEADS = frozenset([
    "states", "union", "nations", "kingdom", "republic", "council", "congress", "senate", "house", "parliament",
    "assembly", "government", "ministry", "department", "office", "agency", "bureau", "commission", "committee",
    "court", "party", "army", "navy", "police", "service", "administration", "authority", "board", "bank",
    "fund", "foundation", "institute", "university", "association", "organization", "group", "corp", "corp.",
    "inc", "inc.", "co", "co.", "plc", "ltd", "ltd.", "ag", "sa", "s.a.", "n.v.", "securities", "brothers",
    "partners", "holdings", "industries", "international", "airlines", "motors", "exchange", "times", "post",
    "journal", "press", "news", "embassy", "guard", "forces", "bay",
])
# Words of a person's office before their name: the name is a person's, whatever "of" it holds.
PERSON_TITLES = frozenset(["president", "secretary", "minister", "director", "chairman", "chairwoman", "chief",
                           "governor", "ambassador", "commissioner", "mayor", "spokesman", "spokeswoman",
                           "general", "gen", "adm", "col", "capt", "sgt", "lt", "sen", "rep", "gov", "judge",
                           "justice", "king", "queen", "prince", "pope", "cardinal", "bishop", "head", "leader",
                           "mr", "mrs", "ms", "dr", "prof", "deputy", "senator", "representative", "officer"])
# First words of a name that is a place or a body: "New Zealand", "United Arab Emirates".
PLACE_OPENERS = frozenset(["new", "united", "south", "north", "east", "west", "saudi", "hong", "san", "los",
                           "las", "sri", "costa", "puerto", "el", "st.", "soviet", "european", "white"])
# What may not begin what was said: a verb left without its subject ("employees that Unisys said
# would be laid off"), or a phrase that only says where or why the speaker spoke.
NOT_WORDS_START = frozenset(["would", "could", "should", "will", "was", "were", "is", "are", "had", "has",
                             "have", "to", "in", "at", "on", "during", "before", "after", "when", "while",
                             "as", "from", "with", "by", "for", "about", "of", "and", "but"])
# Words of a speaker who goes unnamed ("…, a Jaguar spokesman said yesterday.", "…, an official from
# the organization said"): what was said is the title, with no one's name before it.
UNNAMED_SPEAKERS = frozenset(["spokesman", "spokeswoman", "spokesperson", "official", "officials", "source",
                              "sources", "police", "analyst", "analysts", "diplomat", "diplomats", "aide", "aides",
                              "witness", "witnesses", "residents", "investigators", "authorities", "experts",
                              "executive", "executives", "lawyer", "lawyers", "attorney", "attorneys",
                              "prosecutors", "members", "statement", "report", "reports", "newspaper",
                              "newspapers", "agency", "radio", "television", "media", "government", "ministry"])
PLACING = frozenset(["at", "for", "of", "to", "in", "from", "with", "by", "around", "near", "inside", "outside"])

OPEN_QUOTE = re.compile(r"\s*(?:``|\"|“)")  # also what titles.py asks
CLOSE_QUOTE = re.compile(r"(?:''|\"|”)")
_VERB = re.compile(r"\b(?P<verb>" + "|".join(SAY + SAY_THAT) + r")\b")
SAYING = frozenset(SAY + SAY_THAT)
_QUOTING = frozenset(SAY + ("told", "added"))  # the verbs of "``…,'' Clark said" / "told reporters"
_NOT_A_NAME_OPENER = STOPWORDS - PLACE_OPENERS  # "The Security Council", not "New Zealand"
_WORD = re.compile(r"\S+")
# How a clause after "that" begins: its subject ("that President Trump wants", "that it planned"), not
# a verb ("plans that include", "the employees that would be laid off").
_SUBJECT_START = re.compile(r"(?:[A-Z\d\"“`$]|(?:the|a|an|it|he|she|they|we|i|you|its|his|her|their|our|this|these"
                            r"|those|there|some|no|all|most|many|one|two|three|such|more|fewer|other|each)\b)")
_PRONOUN = frozenset(["he", "she", "they", "it", "we", "i", "you"])


class Speech(NamedTuple):
    speaker: str  # as a title names them: "Erdogan", "Soviet Union"
    start: int  # what was said: sentence[start:end]
    end: int
    quoted: bool = False  # the sentence opens with the quotation ("``…,'' Holder said")


@lru_cache(maxsize=8)  # asked twice per date: by the quoted and by the said title
def speech(sentence: str, timex_start: int, timex_end: int) -> Speech | None:
    """Who said what in `sentence`, when the sentence names the speaker at the verb of saying and
    the date (sentence[timex_start:timex_end]) is when it was said or in what was said."""
    return _quoted_first(sentence, timex_start) or _speaker_first(sentence, timex_start, timex_end)


def _quoted_first(sentence: str, timex_start: int) -> Speech | None:
    """ "``We've gotten to the point …,'' Clark said in a telephone interview Monday."; the date may
    be in the quotation too ("``Today, I'm here to tell you we have our suspect,'' said Bernard Tolbert")."""
    opening = OPEN_QUOTE.match(sentence)
    if not opening:
        return None
    closing = CLOSE_QUOTE.search(sentence, opening.end())
    if not closing or timex_start < opening.end():
        return None
    rest = closing.end()
    attribution = sentence[rest:]
    verb = _VERB.search(attribution)
    if not verb or verb["verb"] not in _QUOTING:
        return None
    if attribution[:verb.start()].strip(" ,"):  # "…,'' Clark said" / "…,'' a fit-looking Farkas said"
        found = _name_before(sentence, rest + verb.start(), set())
        name, after_name = (found[0] if found else None), rest + verb.end()
    else:  # "…,'' said Ana Bonnin, one of about 100 exiles"
        name, after_name = _name_after(sentence, rest + verb.end())
    if name is None:
        return None
    comma = sentence.find(",", after_name)
    if timex_start > closing.start() and 0 <= comma < timex_start and _RELATIVE_WORD.search(sentence, comma, timex_start):
        return None  # the date is in what tells of the speaker ("…, one of about 100 exiles who … Monday"),
    # not in where it was said ("…, Ford's vice president for finance, at a news conference yesterday")
    end = closing.start()
    while end > opening.end() and sentence[end - 1] in " ,":
        end -= 1
    return Speech(name, opening.end(), end, quoted=True)


_RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|which|that)\b")


def _speaker_first(sentence: str, timex_start: int, timex_end: int) -> Speech | None:
    """ "Erdogan said on May 24 that …"; "The talks will resume next week, officials said." """
    date_words = {w.lower() for w in sentence[timex_start:timex_end].split()}
    for verb in _VERB.finditer(sentence):
        name = _name_before(sentence, verb.start(), date_words)
        if name is None:
            if unnamed := _unnamed_reporter(sentence, verb, timex_start, date_words):
                return unnamed
            continue
        speaker, name_start = name
        if timex_start < name_start and not _opening_phrase(sentence, timex_end, name_start):
            continue  # the date tells of another clause
        start = _words_start(sentence, verb, date_words)
        if start is not None:
            return Speech(speaker, start, len(sentence))
        first = _CLOSING_QUOTE_AT_END.sub("", _office_at_end(_DETERMINER_AT_END.sub("", sentence[:name_start])))
        if _ends_after(sentence, verb.end(), date_words) and first.endswith(","):
            first = first[:-1]  # "…, New Zealand said Friday in response to …", "…, the Buffalo News reported."
            begin = OPEN_QUOTE.match(first)
            return Speech(speaker, begin.end() if begin else 0, len(first))
    return None


def _unnamed_reporter(sentence: str, verb: re.Match, timex_start: int, date_words: set[str]) -> Speech | None:
    """What a speaker who goes unnamed said (the speaker is ""): "Officials said Monday that …", and
    "The No. 1 U.S. auto maker then wrote Jaguar …, a Jaguar spokesman said yesterday." (the words
    before the comma)."""
    comma = sentence.rfind(",", 0, verb.start())
    who = sentence[comma + 1:verb.start()].split()
    while who and who[-1].lower() in BETWEEN_SPEAKER_AND_VERB:
        who.pop()
    if not 0 < len(who) <= 6 or not UNNAMED_SPEAKERS.intersection(w.lower() for w in who) or timex_start < comma:
        return None
    start = _words_start(sentence, verb, date_words)
    if start is not None:
        return Speech("", start, len(sentence))
    if comma < 0 or not _ends_after(sentence, verb.end(), date_words):
        return None
    begin = OPEN_QUOTE.match(sentence)
    return Speech("", begin.end() if begin else 0, comma)


def _office_at_end(before: str) -> str:
    """`before` less the office that ends it, when a comma comes first: "…, German defense minister"
    (of "…, German defense minister Rudolf Scharping said Saturday.") -> "…,"."""
    comma = before.rfind(",")
    office = before[comma + 1:].split()
    if comma >= 0 and 0 < len(office) <= 5 and office[-1].lower().rstrip(".") in PERSON_TITLES:
        return before[:comma + 1]
    return before


def _opening_phrase(sentence: str, timex_end: int, name_start: int) -> bool:
    """ "On Friday, Netanyahu said …": the date opens the sentence and the speaker's clause follows."""
    between = sentence[timex_end:name_start].strip()
    return between in (",", "") and len(sentence[:name_start].split()) <= 8


def _name_before(sentence: str, verb_start: int, date_words: set[str]):
    """(speaker, where the name starts) of the name that ends right before the verb at
    `verb_start`, past "also", a date or an appositive; None if no name stands there."""
    words = sentence[:verb_start].split()
    starts = _word_starts(sentence[:verb_start])
    between = BETWEEN_SPEAKER_AND_VERB | date_words
    i = len(words)
    while i and words[i - 1].lower().strip(",") in between:
        i -= 1
    if i and words[i - 1].endswith(","):  # an appositive: "Farkas, an air force captain, said"
        j = i - 1
        while j and not words[j - 1].endswith(","):
            j -= 1
        if j and i - j <= 12 and not any(w.lower() in SAYING for w in words[j:i]):
            words[j - 1] = words[j - 1][:-1]
            i = j
        else:
            return None
    run_end = i
    i = _name_start(words, run_end)
    while i < run_end and (words[i].lower() in _NOT_A_NAME_OPENER or words[i] in NAME_LINKS):
        i += 1  # "The Security Council", "But Bush"; not "New Zealand", "Du Pont Co."
    run = words[i:run_end]
    if not run or run[-1].lower() in _PRONOUN:
        return None
    if run[-1].endswith(("'s", "’s")) and run_end != len(words):
        return None  # "Hughes's previously announced plan": an owner, not a speaker
    k = i
    while k and words[k - 1].lower() in ("the", "a", "an"):
        k -= 1
    if k and words[k - 1].lower() in PLACING:
        return None  # "an official at Wako Securities", "relatives in Miami"
    return _label(run), starts[i]


def _name_after(sentence: str, at: int):
    """ "said Cuban journalist Luis Baez, who …" -> ("Baez", where the name ends): the last name of
    the words up to the first comma, which must open with a capital."""
    comma = sentence.find(",", at)
    end = comma if comma >= 0 else len(sentence.rstrip())
    if comma < 0 and sentence[end - 1:end] in ".!?" and not is_abbreviation(sentence, end - 1):
        end -= 1
    words = sentence[at:end].split()
    if not words or not words[0][:1].isupper() or len(words) > 8:
        return None, at
    run = words[_name_start(words, len(words)):]
    if not run or run[-1].lower() in _PRONOUN:
        return None, at
    return _label(run), end


def _name_start(words: list[str], end: int) -> int:
    """Where the name that ends at words[end - 1] starts: capitalised words, and the links inside
    one ("Bureau of Investigation"). A capitalised link ("De") is a word of the name anyway."""
    i = end
    while i and (_capitalised(words[i - 1]) or (words[i - 1] in NAME_LINKS and i > 1 and _capitalised(words[i - 2]))):
        i -= 1
    return i


def _label(run: list[str]) -> str:
    """How a title names the speaker: a person by the last name, a body or place by its whole name."""
    run = [w.strip(",") for w in run]
    last, first = run[-1].lower(), run[0].lower()
    if len(run) > 1 and last in INSTITUTION_HEADS:
        return " ".join(run[-6:])  # "U.S. Justice Department", whatever title-like word it holds
    if any(w.lower().rstrip(".") in PERSON_TITLES for w in run[:-1]):
        return run[-1]  # "U.S. Secretary of State Rex Tillerson" -> "Tillerson"
    if len(run) > 1 and (first in PLACE_OPENERS or any(w.lower() in NAME_LINKS for w in run[:-1])):
        return " ".join(run[-6:])
    return run[-1]  # "Florida International's Fernandez" -> "Fernandez"


def _words_start(sentence: str, verb: re.Match, date_words: set[str]) -> int | None:
    """Where what was said begins after the verb, or None if the verb says nothing there."""
    pos = verb.end()
    tail = sentence[pos:]
    words = tail.split()
    starts = _word_starts(tail)
    if verb["verb"] in SAY_THAT:  # "told reporters aboard Air Force One as it flew toward Brussels that …"
        for k, w in enumerate(words[:16]):
            if w == "that" and k + 1 < len(words) and _SUBJECT_START.match(words[k + 1]):
                return pos + starts[k + 1]
            if w.endswith((".", ";", ":")) and not is_abbreviation(tail, starts[k] + len(w) - 1):
                break
        return None
    for k, w in enumerate(words[:10]):
        bare = w.lower().strip(",")
        if bare == "that":
            return pos + starts[k + 1] if k + 1 < len(words) else None
        if bare.rstrip(":") in BEFORE_THAT or bare.rstrip(":") in date_words or w[:1].isupper() or w[:1].isdigit():
            if bare.endswith(":") and k + 1 < len(words):  # "said in an editorial on Saturday, April 25: The …"
                return pos + starts[k + 1]
            continue
        break
    k = _past_date(words, date_words)  # "said Thursday the INS did the right thing", "said on Tuesday it had …"
    if k == len(words) or words[k].lower() in NOT_WORDS_START:
        return None
    return pos + starts[k]


def _past_date(words: list[str], date_words: set[str]) -> int:
    """The first of `words` past the date and the words that go with it ("on Tuesday", "over the
    weekend", "also", "here")."""
    skipped = date_words | BETWEEN_SPEAKER_AND_VERB
    k = 0
    while k < len(words) and (words[k].lower().strip(",.;:") in skipped or (
            words[k].lower() in _LEADING_TO_A_DATE and k + 1 < len(words) and words[k + 1].lower() in date_words)):
        k += 1
    return k


def _ends_after(sentence: str, at: int, date_words: set[str]) -> bool:
    """Nothing after the verb says what was said ("… said Friday in response to …", "… said over
    the weekend.")."""
    rest = sentence[at:].split()
    k = _past_date(rest, date_words)
    return k == len(rest) or rest[k].lower().strip(",.") in _NO_WORDS_AFTER or not rest[k][:1].isalpha() \
        or rest[k][:1].isupper()


_LEADING_TO_A_DATE = frozenset(["on", "in", "at", "over", "during", "throughout", "since", "by", "until"])
_NO_WORDS_AFTER = NOT_WORDS_START | BETWEEN_SPEAKER_AND_VERB
# What may stand between the words said first and the speaker's name: a quotation's end and "the"
# ("… is closing very fast,\" Prince Bandar …", "…, the Buffalo News reported").
_CLOSING_QUOTE_AT_END = re.compile(r"(?<=,)\s*(?:''|\"|”)\s*$")
_DETERMINER_AT_END = re.compile(r"(?:\s+(?:the|a|an))?\s*$", re.IGNORECASE)


def _capitalised(word: str) -> bool:
    """A word of a name: capitalised, and not the last of a clause or a quotation ("NATO,''")."""
    return word[:1].isupper() and not word.endswith((",", ";", ":", "''", '"', "”"))


def _word_starts(text: str) -> list[int]:
    return [m.start() for m in _WORD.finditer(text)]
