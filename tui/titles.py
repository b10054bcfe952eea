"""Event titles, made from the sentence that tells the event: a title must stand on its own.

Each dated mention offers candidate titles, ranked by the builder that made them (an
attributive noun phrase, "X arriving in Brussels", a finite clause, "X: what X said"),
and the plain clause around its date as the last resort; `title_for` picks one for a
cluster. Candidates are made in the worker that reads the article, so that the
article's text need not travel to the process that groups the events.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .places import REGION_ENDINGS, in_place_name, place_spans
from .said import BEFORE_THAT, CLOSE_QUOTE, OPEN_QUOTE, SAYING, speech
from .sentences import is_abbreviation
from .temporal.values import precision
from .textutil import STOPWORDS

if TYPE_CHECKING:
    from .events import Cluster, Mention

_LEAD_IN = re.compile(r"^(?:but|and|however|meanwhile|also|then|so|yet|still|in addition),?\s+", re.I)
# The same words as an aside inside a clause: "the systems shipped, meanwhile, were products …".
_ASIDE_LINK = re.compile(r",\s+(?:however|meanwhile|though|too|also|moreover|nevertheless|in turn|in fact),(?=\s)")
# Quotation marks, and which of them open a quotation: the AP opens with ``, the New York Times
# with '' (as it closes), so '' opens when it stands before a word and after none. A straight "
# only counts, for it stands loose in the wire's copy too (`" slightly above"`).
_QUOTE_MARK = re.compile(r"``|''|[“”]")
_OPENING_QUOTE = re.compile(r"(?:``|“|(?<![^\s(\[])''(?=\S))")
_WIRE_QUOTE = re.compile(r"``|''")
# Words that lead to a date and go with it from a title: prepositions, and the few that stand
# between one and the date ("of the early summer", "between 1982 and", "higher than").
_PREPOSITIONS = frozenset(["on", "in", "at", "during", "since", "from", "by", "until", "for", "of", "before",
                           "after", "throughout", "earlier", "later", "to", "over", "around", "through",
                           "till", "into", "than", "as", "and", "the"])

# A lower-case word that may be a verb: what was said, cut at a comma, keeps one ("James Charles
# Kopp, 44, of Vermont" says nothing; "…, of Vermont, was seen in the car…" does). Unlike
# _FINITE_VERB, a capitalised word is no verb ("Charles").
_MAY_BE_A_VERB = re.compile(r"\b(?:[a-z]+(?:ed|s|en)|is|are|was|were|has|had|will|would|can|could|may|might"
                            r"|must|did|do|got|made|met|won|lost|left|said|took|went|came|began|fell|rose|held|put|set|hit)\b")


# Words that need more after them: a title cut after one ends with the word before it.
_NEEDS_MORE = frozenset(["the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or",
                         "than", "that", "its", "his", "her", "their", "our", "this", "these", "those", "as",
                         "into", "over", "around", "through", "until", "since", "who", "which", "whose", "is",
                         "was", "were", "are", "be", "been", "has", "had", "have", "will", "would", "could",
                         "should", "not", "but", "about", "between", "after", "before", "during", "while"])


@lru_cache(maxsize=16)  # two builders tidy the same clause, one after the other
def _tidy(text: str, max_words: int = 12, clause: bool = False) -> str:
    """`text` as a title: one line, no lead-in word, at most `max_words` words (cut at a
    separator when one comes late enough; a `clause` is not cut at a comma before its verb)."""
    text = _SPACES.sub(" ", text).strip(" ,;:-–—_")
    text = _curly_quotes(_ASIDE_LINK.sub("", _LEAD_IN.sub("", text)))
    if text.endswith("”") and "“" not in text:  # the end of a quotation whose start was left out
        text = text[:-1].rstrip()
    parts = text.split()
    if len(parts) > max_words:
        kept = parts[:max_words]
        while len(kept) > max_words // 2 and kept[-1].lower() in _NEEDS_MORE:
            kept.pop()  # "… the radical policies that led…", not "… that led to…"
        cut = " ".join(kept)
        for sep in (";", " -- ", " ---- ", " _ ", " – ", " — ", ","):
            at = _last_separator(cut, sep)
            if at >= len(cut) // 3 and (sep != "," or not clause or _MAY_BE_A_VERB.search(cut[:at])):
                cut = cut[:at]
                break
        text = cut.rstrip(" ,;:-–—_") + "…"
    if _ends_in_full_stop(text):
        text = text.rstrip(".")
    return text[:1].upper() + text[1:]


def _last_separator(text: str, sep: str) -> int:
    """Where `sep` last stands in `text` (-1 if nowhere); a comma only between words, not in "7,000"
    nor in "Buffalo, N.Y., area" (after "Birmingham, Ala.," a title may end before a verb)."""
    if sep != ",":
        return text.rfind(sep)
    places = place_spans(text)
    at = text.rfind(",")
    while at > 0 and (text[at - 1].isdigit() and text[at + 1:at + 2].isdigit()
                      or in_place_name(places, at, after_region=not _VERB_FIRST.match(text, at + 2))):
        at = text.rfind(",", 0, at)
    return at


def _ends_in_full_stop(text: str) -> bool:
    """A final "." that ends the sentence, not the one of "Dr." or "U.N."."""
    return text.endswith(".") and not is_abbreviation(text, len(text) - 1) and not text.endswith(REGION_ENDINGS)


_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|[Tt]his|[Ll]ast)\s+$|'s\s+$|’s\s+$")
_NOUN_PHRASE = re.compile(r"\s*([a-z][\w-]*(?:\s+[a-z][\w-]*)?)")
_VERB_AFTER_NOUN = re.compile(r"\s*[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:have|has|had|is|are|was|were|will|would|could|can"
                              r"|may|might|must|should)\b")
_PHRASE_END = re.compile(r"(?<=\w)[.;](?=\s)")
_PARTICIPLE = re.compile(r"[A-Z]?[a-z]+ing\b")
# "Citing an example, …" opens with a participle phrase; "MindSpring, which …" and "Boeing, the
# maker …" are names.
_OPENING_PARTICIPLE = re.compile(r"[A-Z]?[a-z]+ing\s+[a-z]")
_ENDS_A_QUOTATION = re.compile(r"[^`\"“”]*(?:''|”)")  # "belongs with his father,'' Meissner said"


def _only_who_said(clause: str) -> bool:
    """ "White House and Republican sources said", "The New York Times said in an editorial": a
    speaker and the verb, and after it only where and how it was said; not what was said ("Pet
    food volume was flat, the company said") nor something done to words ("The accord was announced")."""
    words = clause.rstrip(" ,.;:").lower().split()
    end = len(words)
    if (where := _WHERE_SAID.search(clause)) and not _HAS_VERB.search(where.group(1)) \
            and not _LOWER_PARTICIPLE.search(where.group(1)):
        end = len(clause[:where.start()].split())  # "… said from her home in Irving, Texas"
    while end and words[end - 1] in BEFORE_THAT:
        end -= 1
    if not end or words[end - 1] not in SAYING:
        return False
    before = words[:end - 1]
    return 0 < len(before) <= 6 and not any(w.endswith(",") for w in before) and before[-1] not in _AUXILIARIES


# Where it was said, after the verb: "said from her home in Irving, Texas".
_WHERE_SAID = re.compile(r"(?<=\s(?:said|says))\s+((?:from|in|at|on|during|after)\s[^;:]*?)[\s,.;:]*$")
_LOWER_PARTICIPLE = re.compile(r"\b[a-z]+ing\b")  # not "Irving"
_FINITE_VERB = re.compile(r"\b(?:\w+ed|\w+s|is|are|was|were|has|had|will)\b")
_HE_SHE = re.compile(r"(?:He|She)\b")


def dated_noun(text: str, sent_start: int, sent_end: int, start: int, end: int) -> re.Match | None:
    """The noun a date stands before as its attribute ("the Oct. 23 slaying", "last month's
    shooting death"), if it does: the happening is that noun's, whoever the sentence's actor is."""
    if not _DETERMINER_BEFORE.search(text, max(sent_start, start - 8), start):
        return None
    phrase = _NOUN_PHRASE.match(text, end, sent_end)
    return None if not phrase or phrase.group(1).split()[0] in STOPWORDS else phrase


def _attributive_title(m: Mention, clause: str) -> str | None:
    """ "the May 22 bombing in Manchester, England, that killed 22 people" -> its noun phrase."""
    text = m.text
    phrase = dated_noun(text, m.sent_start, m.sent_end, m.timex.start, m.timex.end)
    if phrase is None or precision(m.value) in ("decade", "century"):  # before a noun, says what kind
        return None  # it is ("a 20th century democrat", "a 1960s radical"), not when it happened
    after = text[m.timex.end:m.sent_end]
    if m.timex.rule == "named_day":  # "the Sept. 11 attacks at the alliance's new headquarters": the
        head = phrase.group(1).split()  # memorial's place, not the attacks'
        head = head[:1] if len(head) > 1 and head[1] in STOPWORDS else head
        return _tidy(f"{m.timex.text} {' '.join(head)}", 12)
    if _VERB_AFTER_NOUN.match(after):  # "the 1992 protests have moved": the phrase is the verb's, not
        return None  # the event's own
    rest = after[:_phrase_end(after)]
    # "… bombing in Birmingham, Ala., was among those who attended": the phrase ends where the
    # sentence's verb comes, and "the 1956 uprising as a 13-year-old" where the role of someone else does.
    if stop := _PHRASE_STOP.search(rest):
        rest = rest[:stop.start()]
    title = _tidy(_untied(rest.lstrip()), 12)  # "last Thanksgiving following a boat wreck that …"
    return title if len(title.split()) >= 3 else None


def _phrase_end(text: str) -> int:
    """Where the phrase ends: a full stop or semicolon, but not the stop of "Dr." or "U.N."."""
    for m in _PHRASE_END.finditer(text):
        if not is_abbreviation(text, m.start()):
            return m.start()
    return len(text)


def _quoted_title(m: Mention, clause: str) -> str | None:
    """ "``We will look at that,'' Eric Holder said Thursday." -> "Holder: We will look at that"."""
    return _speech_title(m, quoted=True)


def _said_title(m: Mention, clause: str) -> str | None:
    """ "Erdogan said on May 24 that the Manchester bombing showed …" -> "Erdogan: the Manchester
    bombing showed …". What someone unnamed said after saying it ("A Pentagon spokesman said that
    …") is the title only when the clause is who said it and no more ("The government reported")."""
    found = _speech_in(m)
    if found and not found.speaker and found.end == len(m.quote) and not _only_who_said(clause):
        return None
    return _speech_title(m, quoted=False)


def _speech_in(m: Mention):
    return speech(m.quote, m.timex.start - m.sent_start, m.timex.end - m.sent_start)


def _speech_title(m: Mention, quoted: bool) -> str | None:
    sentence = m.quote
    at, end = m.timex.start - m.sent_start, m.timex.end - m.sent_start
    found = _speech_in(m)
    if found is None or found.quoted != quoted:
        return None
    if found.start <= at and end <= found.end:  # the date is in what was said: out it goes
        words, _ = _without_date(sentence, found.start, at, end, found.end)
    else:
        words = sentence[found.start:found.end]
    words = _SPACE_BEFORE_PUNCTUATION.sub("", words).strip(" ,;:-–—_")
    if (opening := OPEN_QUOTE.match(words)) and len(CLOSE_QUOTE.findall(words, opening.end())) <= 1:
        # "Clark: We have the evidence …", not "Clark: ``We have …": one quotation, all of it said
        words = _QUOTE_AT_END.sub("", words[opening.end():])
    if len(words.split()) < 3:
        return None
    if not found.speaker:  # someone unnamed: what was said stands alone
        return _tidy(words, 12, clause=True)
    tidy = _tidy(words, 11, clause=True)
    if words[:1].islower():
        tidy = tidy[:1].lower() + tidy[1:]
    return f"{found.speaker}: {tidy}"


_QUOTE_AT_END = re.compile(rf"\s*{CLOSE_QUOTE.pattern}\s*$")
# Only where a piece ends matters: a leading \s* would find the same ends, slower.
# A dash is written "--", "----", "–", "—" or, on the AP wire, " _ ".
_DASH_MARK = r"(?:-{2,}|_|–|—)"
_STRONG_BOUNDARY = re.compile(rf"(?:;|\s{_DASH_MARK}\s|:\s)\s*")
_DASH = re.compile(rf"\s{_DASH_MARK}\s")
_DASH_AT_END = re.compile(rf"\s{_DASH_MARK}\s*$")
_COMMA = re.compile(r",\s+")
_OPENING_PREPOSITION = re.compile(r"^(?:On|In|During|Since|At|By|With)\b\s*,?\s*")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[,.;:?!])")
_SPACES = re.compile(r"\s+")
_EMPTY_BRACKETS = re.compile(r"\s*\(\s*\)")  # "leave at 4 in the morning (4 a.m. EDT Thursday)" less its date


def _clause_around(m: Mention, after: int | None = None) -> str:
    """The clause holding the date, without the date and the preposition leading to it. A date
    after another one in its sentence starts at the clause that follows that one: "agreed in
    2014 that members would spend 2% by 2024" is, for 2024, "members would spend 2%"."""
    text, at, end = m.text, m.timex.start, m.timex.end
    a, b = m.sent_start, m.sent_end
    # Not when the opener is in an aside that closed before the date ("a ceremony that … ----
    # included"), nor past a comma after the date before ("…, and many of the leaders who led the
    # 1992 protests have moved": the comma pieces part the clauses, and "who" opens no clause of its own).
    if after is not None and after > a and (opener := _last_match(_CLAUSE_OPENER, text, after, at)) \
            and not _STRONG_BOUNDARY.search(text, opener.end(), at) and ", " not in text[after:opener.start()]:
        a = opener.end()
    timex_words = len(m.timex.text.split())
    for rx in (_STRONG_BOUNDARY, _COMMA):
        if rx is _COMMA and len(text[a:b].split()) <= 14:
            break
        found = list(rx.finditer(text, a, b))
        if rx is _COMMA and found and (places := place_spans(text, a, b)):  # "Rochester, N.Y., between 1994 …"
            # The comma after the region ends an aside when a verb follows: "Bayonne, N.J., declared".
            found = [x for x in found if not in_place_name(places, x.start()) or _VERB_FIRST.match(text, x.end())]
        cuts = [a, *(x.end() for x in found), b]
        lo = bisect.bisect_right(cuts, at) - 1  # the piece cuts[lo]..cuts[lo + 1] holds the date
        hi = lo + 1
        # "In his Sunday Mass at St. Patrick's Cathedral, Cardinal O'Connor called the murder wrong":
        # an opening phrase with no verb of its own only sets the scene for what follows it.
        # So does a reporting period after it: "In the comparable year-ago quarter, the second
        # quarter ended Oct. 31, Service Corp. had a loss".
        scene = _scene_pieces(text, cuts, rx) if hi + 1 < len(cuts) else 0  # else nothing follows the scene
        if lo < scene < len(cuts) - 1 and end <= cuts[lo + 1]:
            a, b = cuts[scene], cuts[-1]
            break
        if lo > 0 and hi + 1 < len(cuts) and _after_dash(text, cuts[lo]) and _after_dash(text, cuts[hi]) \
                and not _MAY_BE_A_VERB.search(text, cuts[lo], cuts[hi]):
            # "…around the days _ in 1994, 1995 and 1997 _ that three Canadian doctors … were shot
            # at": an aside of dates only; the sentence around it tells what happened.
            around = _DASH_AT_END.sub("", text[cuts[lo - 1]:cuts[lo]]) + " " + text[cuts[hi]:cuts[hi + 1]]
            return _finished(text, m, after, cuts[lo - 1], around)
        size = len(text[cuts[lo]:cuts[hi]].split()) - timex_words  # words of the clause, less the date's
        # Grow a short clause with its neighbour after it ("On May 24, hundreds gathered …"), but
        # not with ", the official said.", which tells who said it, not what happened, nor with
        # ", compared with a year-earlier loss", which qualifies the figure before. A clause
        # with no verb yet grows on to its verb: "Last week, FBI Director Louis Freeh, on an
        # official visit to Mexico, asked …".
        while (size < 4 or rx is _COMMA and not _MAY_BE_A_VERB.search(text, cuts[lo], cuts[hi])
               and not _PARTICIPLE.match(text, cuts[lo])) \
                and hi + 1 < len(cuts) and not _ATTRIBUTION.match(text, cuts[hi], cuts[hi + 1]) \
                and not _QUALIFIER.match(text, cuts[hi]):
            size += len(text[cuts[hi]:cuts[hi + 1]].split())
            hi += 1
        if hi - lo >= 2 and hi + 1 < len(cuts) and _after_dash(text, cuts[hi - 1]) and _after_dash(text, cuts[hi]):
            hi += 1  # "Sunday's service ---- a Jewish ceremony that … ---- included …": on past the aside
        if rx is _COMMA and _THAT_NAME_AT_END.search(text, cuts[lo], cuts[hi]):
            hi = _verb_after_appositives(text, cuts, hi)  # "… concluded that James Kopp, an …, fired"
        # "…, up from $21.4 million last year" and "…, or 74 cents a share, a year earlier" only
        # qualify the figure before them, and a clause still short has nothing after it: both
        # take the piece before. A relative clause ("…, which began in 1950") takes the name it
        # hangs on instead (`_completed`).
        # "…, and one near Rochester, N.Y., between 1994 and 1997" is one more of a list: it
        # takes the piece before too.
        # "…, for the fiscal-first quarter ended Sept. 30." tells the period of the result before it:
        # the title is that result, without the period.
        period = cuts[lo] if lo > 0 and _is_period(text, cuts[lo], cuts[hi]) else None
        if period is not None:
            lo -= 1
        while lo > 0 and (_QUALIFIER.match(text, cuts[lo]) or _EMPTY_RELATIVE.match(text, cuts[lo]) or (
                size < 4 and not _RELATIVE.match(text, cuts[lo]) and not _VERB_FIRST.match(text, cuts[lo]))
                or _AND_OR_PHRASE.match(text, cuts[lo]) and not _HAS_VERB.search(text, cuts[lo], cuts[hi])):
            size += len(text[cuts[lo - 1]:cuts[lo]].split())
            lo -= 1
        a, b = cuts[lo], cuts[hi] if period is None else period
    # The scene-setting phrase held the date, or the date is someone's words ("``But it's not
    # tonight we're worried about"): the clause keeps what it says.
    if a > at or b <= at or _inside_quotation(text, m.sent_start, at):
        clause, starts = text[a:b], a
    else:
        clause, starts = _without_date(text, a, at, end, b)
    return _finished(text, m, after, starts, clause)


def _inside_quotation(text: str, start: int, at: int) -> bool:
    """Whether a quotation opened in text[start:at] is still open at `at`: someone's words, which a
    title quotes whole or not at all."""
    depth = 0
    for q in _QUOTE_MARK.finditer(text, start, at):
        depth = depth + 1 if _OPENING_QUOTE.match(text, q.start()) else max(0, depth - 1)
    return depth > 0 or text.count('"', start, at) % 2 == 1


def _curly_quotes(title: str) -> str:
    """ "``a liar''" and "''Elian is …,''" as “a liar” and “Elian is …,”."""
    if "`" not in title and "''" not in title:
        return title
    return _WIRE_QUOTE.sub(lambda q: "“" if _OPENING_QUOTE.match(title, q.start()) else "”", title)


# A clause that ends in its subject, its verb after an appositive: "… that James Kopp, ".
_THAT_NAME_AT_END = re.compile(r"\bthat\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*,\s*$")


def _verb_after_appositives(text: str, cuts: list[int], hi: int) -> int:
    """Where the piece with the verb ends, when only appositives stand between the pieces up to
    cuts[hi] and it; else `hi`."""
    for k in range(hi, len(cuts) - 1):
        piece = text[cuts[k]:cuts[k + 1]]
        if k > hi and _VERB_FIRST.match(piece):
            return k + 1
        if not _is_appositive(piece.rstrip(" ,")):
            break
    return hi


def _finished(text: str, m: Mention, after: int | None, starts: int | None, clause: str) -> str:
    clause = _SPACE_BEFORE_PUNCTUATION.sub("", _EMPTY_BRACKETS.sub("", clause)).strip(" ,;:-–—_")
    if _ends_in_full_stop(clause):
        clause = clause[:-1].rstrip(" ,;:-–—_")
    return _completed(text, m.sent_start, max(m.sent_start, after or 0), starts, clause)


def _after_dash(text: str, cut: int) -> bool:
    """Whether the piece starting at `cut` follows a dash (the cuts of _STRONG_BOUNDARY)."""
    return bool(_DASH_AT_END.search(text, max(0, cut - 8), cut))


def _without_date(text: str, a: int, at: int, end: int, b: int) -> tuple[str, int | None]:
    """text[a:b] less the date text[at:end] and the words that lead to it, and where it starts in
    `text` (None: after the date, with nothing of the clause before it)."""
    if _date_stays(text, a, at, end, b):
        return text[a:b], a
    if possessive := _POSSESSIVE.match(text, end):
        # "at last year's Madrid summit" -> "at the Madrid summit": the date owned a noun, so the
        # words leading to it lead to that noun and stay.
        head = text[a:at]
        tail = text[possessive.end():b].lstrip()
        return (head if _ENDS_WITH_DETERMINER.search(head) else head + "the ") + tail, a
    head = text[a:at]
    if dated_noun(text, a, b, at, end) and _ENDS_WITH_DETERMINER.search(head, max(0, len(head) - 8)) \
            and not _date_is_subject(text, end, b):
        # "tendering 99.3% of the shares by the Tuesday deadline" -> "by the deadline": the date
        # was the noun's attribute, so the words leading to it lead to the noun and stay.
        return head + text[end:b].lstrip(), a
    tail = _OR_SO.sub("", text[end:b]).lstrip(" ,")
    if not head.strip() and tail.split(" ", 1)[0] in _AUXILIARIES and not _COPULA.match(tail):
        return text[a:b], a  # the date is the subject: "The latest period had profit of $4 million"
    if head.strip() in _DEMONSTRATIVES:  # "That 1978 resolution calls for" -> "The resolution calls for"
        return "The " + tail, a
    if _SCENE.match(head) and not _HAS_VERB.search(head) and text.startswith(",", end) \
            and len(head.split()) <= 8:
        # "In over-the-counter trading yesterday, Benjamin Franklin rose …": an opening phrase that
        # ends with the date only sets the scene (longer sentences are cut at its comma instead).
        return text[end + 1:b].lstrip(), None
    if (cleft := _CLEFT_HEAD.search(head, max(0, len(head) - 40))) and (that := _CLEFT_THAT.match(tail)):
        # "But it was not until Tuesday that Castro revealed …" is said of what follows "that":
        # without its date, "it was not that Castro revealed" would say the opposite.
        rest = tail[that.end():]
        return (head[:cleft.start()] + rest, a) if head[:cleft.start()].strip(" ,") else (rest, None)
    if lead := _AS_EARLY_AS.search(head, max(0, len(head) - 24)):  # searched in its tail only
        head = head[:lead.start()]
    if compared := _COMPARED_WITH.search(head, max(0, len(head) - 20)):  # "costs compared with a year earlier"
        head = head[:compared.start()]
    if period := _PERIOD_BEFORE.search(head, max(0, len(head) - 60)):
        head = head[:period.start()]  # "Sales increased in the quarter ended Sept. 30 to $747.8 million"
    elif (ended := _PERIOD_END_AFTER.match(tail)) and (period := _PERIOD_HEAD.search(head, max(0, len(head) - 30))):
        # "reported sales … for the quarter ended Sept. 29, up 39%", "for its fourth quarter ended Sept. 30 fell"
        head, tail = head[:period.start()], tail[ended.end():].lstrip(" ,")
    head = _without_trailing_prepositions(head)
    if (dated := _DATED_PARTICIPLE.search(head, max(0, len(head) - 40))) \
            and dated["noun"] not in STOPWORDS and _VERB_AFTER_DATE.match(tail):
        # "A poll completed Saturday shows D'Amato …": the participle only told when the poll was
        # done; its verb comes after the date. Without the date it goes too.
        head = head[:dated.start("participle")]
    clause = _OPENING_PREPOSITION.sub("", (head.rstrip() + " " + tail).strip())
    return clause, (a if head.strip() else None)


def _date_is_subject(text: str, end: int, b: int) -> bool:
    """ "the 1990s were …": the word after the date is its verb, not a noun it qualifies."""
    word = text[end:b].split(maxsplit=1)
    return not word or word[0] in _AUXILIARIES


def _date_stays(text: str, a: int, at: int, end: int, b: int) -> bool:
    """ "declined between 1982 and 1992", "made Wednesday and Thursday", "the post-1959 politics":
    the date is one end of a span, one of two, or part of a word, and the words around it mean
    nothing without it."""
    return bool(_SPAN_START.search(text, max(a, at - 8), at) and _SPAN_ON.match(text, end, b)
                or _SPAN_END.search(text, max(a, at - 48), at)
                or _ANOTHER_DATE_AFTER.match(text, end, b) or _ANOTHER_DATE_BEFORE.search(text, max(a, at - 16), at)
                or _GLUED_AFTER.match(text, end, b) or _GLUED_BEFORE.search(text, max(a, at - 2), at))


# The first end of a span ("between 1982 and", "from Aug. 26 to") and the second ("between 1994 and").
_SPAN_START = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+$")
_SPAN_ON = re.compile(r"\s*(?:and|to|through|until|-|–)\s*\w")
_SPAN_END = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+\S+(?:\s+\S+){0,3}?\s+(?:and|to|through|until)\s+$")
# Two dates side by side, without "between" ("Wednesday and Thursday", "Aug. 26 to Oct. 20").
# "the late 1980s and early 1990s" too.
_ANOTHER_DATE_AFTER = re.compile(r"\s*(?:and|or|to|through|until|-|–)\s*(?:(?:early|mid|late|the)\s+)?"
                                 r"(?:[A-Z][a-z]+day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s|\d)")
_ANOTHER_DATE_BEFORE = re.compile(r"(?:day|\d|\d['’]?s)\s*(?:and|or|to|through|until|-|–)\s*$")
# A date glued to a word: "1990-era", "post-1959".
_GLUED_AFTER = re.compile(r"-[a-z]")
_GLUED_BEFORE = re.compile(r"[A-Za-z]-$")


_SCENE = re.compile(r"(?:In|On|At|During|After|Before|Over|Since|By|Until|For|Throughout|As\s+of)\s")
# The period a company reports on: "For the quarter ended Sept. 30", "for its fourth quarter ended
# yesterday", "in the six months ending June 30"; a piece of the sentence that is only that
# (`_PERIOD`), and the same period with its date taken out, before the date ("in the quarter
# ended ") or, when the date was the period itself, after it ("ended Sept. 29").
_PERIOD_NOUN = r"(?:the|its|their)\s+(?:[\w.-]+\s+){0,3}?(?:quarter|year|months|weeks|period|half)\s+(?:ended|ending)\s+"
_PERIOD_OPENING = r"(?:[Ff]or|[Ii]n|[Dd]uring)\s+" + _PERIOD_NOUN
_PERIOD = re.compile(_PERIOD_OPENING + r"[^,;:]*")
_PERIOD_BEFORE = re.compile(r"(?<!\S)" + _PERIOD_OPENING + "$")
_PERIOD_HEAD = re.compile(r"(?<!\S)(?:[Ff]or|[Ii]n|[Dd]uring)\s+(?:(?:the|its|their)\s+(?:[\w-]+\s+)?)?$")
_PERIOD_END_AFTER = re.compile(r"(?:ended|ending)\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?"
                               r"|yesterday|today|(?:last|this)\s+[a-z]+)\b")


def _is_period(text: str, start: int, end: int, bare: bool = False) -> bool:
    """Whether text[start:end] (a piece between commas) is only a reporting period (`bare`: or
    one without its preposition, "the second quarter ended Oct. 31")."""
    piece = text[start:end].rstrip(" ,.;:")
    return (_BARE_PERIOD if bare else _PERIOD).fullmatch(piece) is not None


_BARE_PERIOD = re.compile(r"(?:(?:[Ff]or|[Ii]n|[Dd]uring)\s+)?" + _PERIOD_NOUN + r"[^,;:]*")


def _scene_pieces(text: str, cuts: list[int], rx) -> int:
    """How many of the pieces between `cuts` open the sentence only to set its scene: a phrase
    with no verb ("In his Sunday Mass at St. Patrick's Cathedral,"), or a reporting period, and
    periods after either ("In the year-ago quarter, the second quarter ended Oct. 31,")."""
    first = (_SCENE.match(text, cuts[0], cuts[1]) and not _HAS_VERB.search(text, cuts[0], cuts[1])
             and (rx is _COMMA or len(text[cuts[0]:cuts[1]].split()) <= 10)) or _is_period(text, cuts[0], cuts[1])
    if not first:
        return 0
    k = 1
    while k + 1 < len(cuts) and _is_period(text, cuts[k], cuts[k + 1], bare=True):
        k += 1
    return k


_HAS_VERB = re.compile(r"\b(?:was|were|is|are|has|had|have|will|would|said|says|[a-z]{3,}ed)\b")
_AS_EARLY_AS = re.compile(r"\s*\b(?:as\s+(?:early|soon|late|recently)\s+as|[Uu]p\s+(?:until|to))\s*$")
_OR_SO = re.compile(r"^\s*or\s+so\b")
# A cleft sentence whose focus is the date: "it was not until Tuesday that", "It was on Friday that".
_CLEFT_HEAD = re.compile(r"(?:\b(?:[Bb]ut|[Aa]nd|[Yy]et)\s+)?\b(?:[Ii]t|[Tt]his)\s+(?:was|is|will\s+be|has\s+been|had\s+been)"
                         r"\s+(?:(?:not|only|just|also|n['’]t)\s+)*(?:(?:until|till|on|in|at|during|after|since)\s+)?$")
_CLEFT_THAT = re.compile(r"(?:that|when)\s+(?=\S)")
_DEMONSTRATIVES = frozenset(["That", "This", "These", "Those"])  # opening a sentence: no relative "that"
_COMPARED_WITH = re.compile(r",?\s*\bcompared\s+(?:with|to)\s+$")
_AND_OR_PHRASE = re.compile(r"(?:and|or)\s+(?!(?:that|it|he|she|they|we|I)\s)")  # not "and that it hopes …"
_QUALIFIER = re.compile(r"(?:up|down|compared|versus|vs\.|or|including|excluding|payable|against|from|off)\b")
_ATTRIBUTION = re.compile(r"(?:[\w'’.-]+\s+){0,4}(?:said|says|added|reported|told\s+\w+)\W*$")
# A subject relative ("which began", "who approved"), not an object one ("which the two presidents signed").
_RELATIVE = re.compile(r"(?P<word>which|who|whose)\s+(?!(?:the|a|an|he|she|it|they|we|i|you|his|her|its|their)\s)(?=[a-z])")
_ANY_RELATIVE = re.compile(r"(?:which|who|whom|whose)\s")
_THAT_BEFORE = re.compile(r"\s(?:that|which|who)\s+$")
_THAT_PRONOUN = re.compile(r"that\s+(?=(?:it|he|she|they|we|the)\s)")
_SUBORDINATOR = re.compile(r"(?:[Ww]hen|[Ww]here|[Ww]hile|[Bb]ecause)\s+(?=\S)")
# Words that tie a happening to another one ("although profits were squeezed", "following a boat
# wreck", "during BP's takeover of Britoil"): a title tells the happening without them. Not before
# a participle ("after being found": no subject) nor in "Following are statements".
_TIE = re.compile(r"(?:[Aa]lthough|[Tt]hough|[Aa]fter|[Bb]efore|[Ff]ollowing|[Dd]espite|[Aa]mid|[Dd]uring)\s+"
                  r"(?!(?:are|is|was|were)\b|[a-z]+ing\b)(?=\S)"
                  # "with the vanguard of Syria's contingent arriving": what happened, told as a circumstance
                  r"|[Ww]ith\s+(?!wh)(?=(?:[\w'’.$%-]+\s+){1,6}?[a-z]+ing\b)")


def _untied(clause: str) -> str:
    """`clause` without the word that ties it to another happening; "After the vote, the party
    split" keeps it (its happening is after the comma)."""
    tie = _TIE.match(clause)
    return clause[tie.end():] if tie and ", " not in clause else clause


_COPULA = re.compile(r"(?:is|was|will\s+be|has\s+been)\s+(?=(?:the|a|an)\s)")
_POSSESSIVE = re.compile(r"['’]s\b")
_ENDS_WITH_DETERMINER = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)\s+$")
_AUXILIARIES = frozenset(["was", "were", "is", "are", "has", "had", "have", "will", "would", "could", "can",
                          "should", "might", "must", "said", "says", "told", "added"])
# A clause that begins with its verb, its subject left behind: "was sent into space", "lived".
_ADVERB_BEFORE_VERB = r"(?:still|also|then|later|again|never|already|just|previously|recently|originally|initially|once)\s+"
_VERB_FIRST = re.compile(rf"(?:{_ADVERB_BEFORE_VERB})?(?:{'|'.join(sorted(_AUXILIARIES))}|[a-z]+ed)\b")
_LEADING_ADVERB = re.compile(_ADVERB_BEFORE_VERB)
# Words that end a noun phrase read backwards ("… placed on | the FBI's most wanted list"):
# function words, less the few that sit inside one ("most", "new", "own").
_OUTSIDE_NOUN_PHRASE = STOPWORDS - {"most", "more", "new", "own", "other", "same", "few", "one", "two", "three"}
_DETERMINERS = frozenset(["the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our"])
_TRAILING_NAME = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s*$")


def _completed(text: str, sentence_start: int, floor: int, a: int | None, clause: str) -> str:
    """A clause that stands on its own: "which began" -> "The FBI's most wanted list began",
    "was sent into space" -> "Farkas was sent into space", "when Albright set aside …" ->
    "Albright set aside …". `a`: where the clause starts in `text` (None: after the date, with
    nothing before it to complete it from); `floor`: the end of the date before it in its
    sentence, which the noun a clause hangs on never reaches back over."""
    clause = _without_appositives(_LEAD_IN.sub("", clause))
    if not clause:
        return clause
    if subordinator := _SUBORDINATOR.match(clause):
        return clause[subordinator.end():]
    if (untied := _untied(clause)) != clause:
        return untied
    if that := _THAT_PRONOUN.match(clause):  # "… and that it hopes to complete the transaction"
        return clause[that.end():]
    if a is None and (copula := _COPULA.match(clause)):  # "today is the eighth day of …": the date
        return clause[copula.end():]  # was the subject, and what it is tells the event
    if a is None or a <= sentence_start:
        return clause
    before = text[sentence_start:a]
    near = text[floor:a] if floor <= a else before  # the words right before, back to a date
    if relative := _RELATIVE.match(clause):
        owner = _noun_phrase_before(near)
        if owner is None or (relative["word"] == "who" and all(w[:1].isupper() for w in owner.split())):
            return clause  # a name before "who" goes in after tidying (`_with_agent`): 12 words of its own
        if relative["word"] == "whose":
            owner += "'" if owner.endswith("s") else "'s"
        return f"{owner} {clause[relative.end():]}"
    adverb = _LEADING_ADVERB.match(clause)  # "previously had been"
    first = clause[adverb.end() if adverb else 0:].split(maxsplit=1)[0]
    participle = first.islower() and (first.endswith("ed") or first in _IRREGULAR_PARTICIPLES)
    if not participle and first not in _AUXILIARIES:
        if first.islower() and _MAY_BE_A_VERB.fullmatch(first) and (that := _THAT_BEFORE.search(near)) \
                and (owner := _noun_phrase_before(near[:that.start()])):
            return f"{owner} {clause}"  # "gains that began last fall, just when …"
        return clause
    if that := _THAT_BEFORE.search(near):  # "a trend that has given back …"
        owner = _noun_phrase_before(near[:that.start()])
        return f"{owner} {clause}" if owner else clause
    before = _DASH.sub(", ", before)  # "Sunday's service ---- a Jewish ceremony … ---- included"
    if _CONJUNCTION.match(text, a) and (subject := _subject_of_last_clause(before)):
        return f"{subject} {clause}"  # "His car was spotted …, and was found abandoned …"
    if not before.rstrip().endswith(","):
        return clause
    # "the decision, announced Wednesday by …": a participle after a comma tells of the noun before.
    subject = _subject_before(before) or (_noun_phrase_before(near) if participle else None)
    return f"{subject} {clause}" if subject else clause


_CONJUNCTION = re.compile(r"(?:and|but|or|yet|so)\s+")
# A subject right before its verb: a noun phrase from its determiner, or a name.
_SUBJECT_THEN_VERB = re.compile(r"(?<![\w'’.-])((?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)(?:\s+[a-z][\w'’.-]*){1,4}?"
                                r"|(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+"
                                r"(?:was|were|is|are|has|had|have|will|would|[a-z]{2,}ed)\b")


def _subject_of_last_clause(before: str) -> str | None:
    """The subject of the clause a second verb shares: "His car was spotted …, and" -> "His car",
    "During his election campaign Mr Trump branded …, but" -> "Mr Trump"."""
    last = _COMMA.split(before.rstrip(" ,"))[-1]
    found = _SUBJECT_THEN_VERB.search(last)
    return found.group(1) if found else None


def _without_appositives(clause: str) -> str:
    """ "Sun, a maker of computer workstations, reported sales …" -> "Sun reported sales …"."""
    if ", " not in clause and not _DASH.search(clause):
        return clause
    pieces = _DASH.sub(", ", clause).split(", ")  # an aside between dashes is one between commas
    for k in range(1, len(pieces)):
        if _VERB_FIRST.match(pieces[k]):
            subject = _subject_before(", ".join(pieces[:k]) + ", ")
            return f"{subject} {', '.join(pieces[k:])}" if subject and k > 1 else clause
    return clause


def _noun_phrase_before(before: str) -> str | None:
    """The noun phrase that ends `before` (text up to ", which"), read back to its determiner or
    to the first function word: "placed on the FBI's most wanted list" -> "the FBI's most wanted list"."""
    found: list[str] = []
    for word in reversed(before.rstrip(" ,-–—_").split()):
        bare = word.strip("\"'“”‘’").lower()
        if not bare or not bare[0].isalnum() or word[-1] in ",;:)" and found:
            break
        if bare in _DETERMINERS:
            found.append(word)
            break
        if bare in _OUTSIDE_NOUN_PHRASE:
            break
        found.append(word)
        if len(found) == 6:
            return None  # too long to be one noun phrase
    if not found:
        return None
    phrase = " ".join(reversed(found))
    return phrase if phrase[:1].isalpha() else None


def _subject_before(before: str) -> str | None:
    """Whom a verb after appositives tells of: "Farkas, an air force captain, was sent …" ->
    "Farkas"; "… a home where James C. Kopp, a 44-year-old protester, lived" -> "James C. Kopp"."""
    pieces = [p for p in (x.strip() for x in _COMMA.split(before.rstrip(" ,"))) if p]
    for k, first in enumerate(pieces):
        if (conjunction := _CONJUNCTION.match(first)) and first[conjunction.end():][:1].isupper():
            first = first[conjunction.end():]  # "…, but Denise O'Donnell, the U.S. attorney …, has"
        opening = first.split(maxsplit=1)[0].lower()
        if _OPENING_PARTICIPLE.match(first) or (opening in STOPWORDS and opening not in _DETERMINERS) \
                or _LEAD_IN.match(first + " ") and " " not in first:  # "Meanwhile, Ogden Corp., which …,"
            continue  # "Citing an example, Sgt. Derek Glenn, …": an opening phrase, not the subject
        if (len(first.split()) <= 8 and not _HAS_VERB.search(first)
                and all(_is_appositive(p) for p in pieces[k + 1:])):
            return first
        break
    for piece in reversed(pieces):  # the last piece too long to be an appositive ends with the name
        if not _is_appositive(piece):
            name = _TRAILING_NAME.search(piece)
            return name.group(1) if name else None
    return None


def _is_appositive(piece: str) -> bool:
    """ "54", "of Lewisburg", "head of Cuba's National Assembly", "which owns 50% of …",
    "valued at about $576 million …": what may stand between a subject and its verb."""
    if _ANY_RELATIVE.match(piece) or _PARTICIPLE_START.match(piece) or _SAID_ASIDE.fullmatch(piece):
        return True  # "which owns 50% of …", "which Telerate's two directors have rejected"
    if (named := _NOUN_THEN_RELATIVE.match(piece)) and not _HAS_VERB.search(named.group()):
        return True  # "a Jewish ceremony that commemorates the dead with the lighting of a candle"
    modified = _MODIFIED_BY_PARTICIPLE.match(piece)  # "an impassioned and nomadic opponent …"
    return len(piece.split()) <= 12 and not _HAS_VERB.search(piece, modified.end() if modified else 0)


# A determiner and the participles that modify its noun, which are no verbs: "a retired teacher".
_MODIFIED_BY_PARTICIPLE = re.compile(r"(?:a|an|the)\s+(?:(?:[a-z]+ed|and)\s+)+")
# "a television advertisement _ made last week": past participles that do not end in -ed.
_IRREGULAR_PARTICIPLES = frozenset(["made", "built", "held", "sent", "taken", "given", "shown", "seen", "known",
                                    "found", "paid", "sold", "told", "brought", "bought", "caught", "written",
                                    "driven", "chosen", "kept", "born", "begun", "drawn", "won", "shot", "struck"])
# A noun's participle right before its date ("a poll completed", "the arrest announced"), and
# the sentence's verb right after the date ("shows", "stemmed"): not "Control Data reported", "who led".
_DATED_PARTICIPLE = re.compile(rf"(?<![\w'’-])(?P<noun>[a-z][a-z'’-]*)\s+"
                               rf"(?P<participle>[a-z]+ed|{'|'.join(sorted(_IRREGULAR_PARTICIPLES))})\s*$")
_VERB_AFTER_DATE = re.compile(r"(?:[a-z]+ed|is|are|was|were|has|had|have|will|would|could|can|may|might|must"
                              r"|shows|says|finds|suggests|indicates|said|found|showed|fell|rose|came|went|left)\b")
_PHRASE_STOP = re.compile(rf",\s+(?=(?:{'|'.join(sorted(_AUXILIARIES))})\b)|\s+as\s+(?:a|an)\s")
_PARTICIPLE_START = re.compile(r"[a-z]+(?:ed|ing)\b")
# "The advertisement, said Kelli Conlin, …, is intended": who said it, set aside in the sentence.
_SAID_ASIDE = re.compile(r"(?:said|says|according\s+to)\s+(?:[\w'’.-]+\s+){0,4}[\w'’.-]+")
_NOUN_THEN_RELATIVE = re.compile(r"(?:a|an|the)\s+(?:[\w'’-]+\s+){1,6}?(?:that|who|which)\s")


# Words that open the clause after a date: "in 2014 that members would …", "on May 22, when …".
_CLAUSE_OPENER = re.compile(r"\b(?:that|which|who|when|where|because|after|before|until|while)\b\s*", re.I)


def _last_match(rx: re.Pattern, text: str, start: int, end: int) -> re.Match | None:
    last = None
    for last in rx.finditer(text, start, end):  # noqa: B007 (the last one is wanted)
        pass
    return last


# Prepositions that lead to a date only right before it: before another one, they are adverbs.
_ADVERB_BEFORE_PREPOSITION = frozenset(["around", "over", "through", "into", "by", "for"])
_NOT_PREPOSITIONS = frozenset(["the", "and", "earlier", "later", "than"])  # of _PREPOSITIONS


def _without_trailing_prepositions(head: str) -> str:
    """`head` less the prepositions that lead to the date ("… in Brussels on " -> "… in Brussels"),
    read from the end: a regex anchored at the end would be tried at every character."""
    end = len(head)
    preposition = False  # one stripped already
    while True:
        stop = len(head[:end].rstrip())
        if stop == end:  # a preposition must be followed by a space
            return head[:end]
        start = stop
        while start > 0 and (head[start - 1].isalnum() or head[start - 1] == "_"):
            start -= 1
        word = head[start:stop].lower()
        if word not in _PREPOSITIONS or word in _ADVERB_BEFORE_PREPOSITION and preposition:
            return head[:end]  # "will be around in 1995": "around" stays
        preposition = preposition or word not in _NOT_PREPOSITIONS
        end = start


def _participle_title(m: Mention, clause: str) -> str | None:
    """ "Arriving in Brussels on May 24, Trump said …" -> "Trump arriving in Brussels"."""
    if not m.agent or m.agent in clause or not _PARTICIPLE.match(clause):
        return None
    if len(clause.split()) > 8:
        return None
    return f"{m.agent} {clause[:1].lower()}{clause[1:]}"


def _finite_clause_title(m: Mention, clause: str) -> str | None:
    if OPEN_QUOTE.match(clause) or _ENDS_A_QUOTATION.match(clause) or _only_who_said(clause):
        return None  # a quotation, the end of one, or who said it and nothing of what (`_said_title`)
    n = len(clause.split())
    if not 3 <= n <= 16 or not _FINITE_VERB.search(clause):
        return None
    if _PARTICIPLE.match(clause) or _EMPTY_PREDICATE.search(clause):
        return None
    if _SCENE.match(clause[:1].upper() + clause[1:]) and not _HAS_VERB.search(clause):
        return None  # "At a news conference in Dearborn, Mich.": where, and nothing that happened there
    return _tidy(clause, 12)


# "…, which is expected next month" less its date says nothing happened: such a relative takes
# the piece before it, and such a clause is no title.
_AWAITED = r"(?:is|are|was|were|will\s+be)\s+(?:expected|due|scheduled|planned|set|likely)"
_EMPTY_PREDICATE = re.compile(rf"\b{_AWAITED}$")
_EMPTY_RELATIVE = re.compile(rf"(?:which|that)\s+{_AWAITED}\s+(?!to\b)")


def _clause_title(clause: str, m: Mention) -> str:
    """The clause, cut to 12 words, or to the word after its date when the clause kept the date
    (someone's words) and it ends a little later: "… she is a 20th century democrat", not
    "… she is a 20th…"."""
    at = clause.find(m.timex.text)  # mostly -1: the clause left its date out
    if at >= 0 and not _inside_quotation(m.text, m.sent_start, m.timex.start):
        at = -1  # the same words, but another date's ("Earlier Friday, … on Friday")
    told = len(clause[:at + len(m.timex.text)].split()) + 1 if at >= 0 else 0
    return _tidy(clause, told if 12 < told <= 16 else 12)


_WHO = re.compile(r"(?:Who|who)\s")
_NAME_THEN_WHO = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*),\s+who\s")


def _with_agent(title: str, m: Mention) -> str:
    """ "He said NATO is …" -> "Trump said NATO is …"; "Who arrived in Brussels" -> "Donald Trump
    arrived in Brussels" (the name the clause hangs on): a title must stand on its own."""
    if m.agent and _HE_SHE.match(title):
        return m.agent + title[title.index(" "):] if " " in title else m.agent
    if _WHO.match(title):
        named = [x for x in _NAME_THEN_WHO.finditer(m.quote) if m.sent_start + x.end() <= m.timex.start]
        if named:
            return named[-1].group(1) + title[3:]
    return title


_TITLE_BUILDERS = (_attributive_title, _participle_title, _finite_clause_title, _said_title, _quoted_title)


PLAIN_CLAUSE = len(_TITLE_BUILDERS)


def title_candidates(m: Mention, after: int | None = None) -> tuple:
    """Every title this mention can offer, ranked by builder (needs `m.text`). `after`: where
    the date before it in the sentence ends."""
    found = []
    clause = _clause_around(m, after)  # the builders share it: finding it is the costly part
    for rank, builder in enumerate(_TITLE_BUILDERS):
        t = builder(m, clause)
        if t:
            found.append((rank, _with_agent(t, m)))
    found.append((PLAIN_CLAUSE, _with_agent(_clause_title(clause, m), m)))
    return tuple(found)


def title_for(cluster: Cluster) -> str:
    # A day's own tellings name it; one that joined it from "earlier this month" tells it from afar.
    own = [m for m in cluster.mentions if m.value == cluster.value] or cluster.mentions
    # A title that names who did it comes before one that says "they" ("They had not called Kopp a
    # suspect" and "He was charged … with second-degree murder" tell one day).
    candidates = [(rank, _PRONOUN_FIRST.match(t) is not None, abs(_told_in(t) - 8), m.order, m.sent_start, t)
                  for m in own for rank, t in m.titles if rank < PLAIN_CLAUSE]
    if candidates:
        return min(candidates)[-1]
    # The shortest sentence tells it most plainly, unless its clause is a bare name ("Lazaro Gonzalez").
    plain = [(_PRONOUN_FIRST.match(t) is not None, len(t.split()) < 4, len(m.quote), m.order, m.sent_start, t)
             for m in own for rank, t in m.titles if rank == PLAIN_CLAUSE]
    return min(plain)[-1]


_PRONOUN_FIRST = re.compile(r"(?:He|She|They|It|We|I)\b")


def _told_in(title: str) -> int:
    """How many words a title tells its happening in: a cut one ("…") told it in more than it shows."""
    return 12 if title.endswith("…") else len(title.split())
