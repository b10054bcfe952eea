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

from .textutil import STOPWORDS

if TYPE_CHECKING:
    from .events import Cluster, Mention

_LEAD_IN = re.compile(r"^(?:but|and|however|meanwhile|also|then|so|yet|still|in addition,?)\s+", re.I)
_PREPOSITIONS = frozenset(["on", "in", "at", "during", "since", "from", "by", "until", "for", "of", "before",
                           "after", "throughout", "earlier", "later"])

@lru_cache(maxsize=16)  # two builders tidy the same clause, one after the other
def _tidy(text: str, max_words: int = 12) -> str:
    text = _SPACES.sub(" ", text).strip(" ,;:-–—")
    text = _LEAD_IN.sub("", text)
    parts = text.split()
    if len(parts) > max_words:
        cut = " ".join(parts[:max_words])
        for sep in (";", " -- ", " – ", " — ", ","):
            if sep in cut[len(cut) // 3:]:
                cut = cut[: cut.rindex(sep)]
                break
        text = cut.rstrip(" ,;:-–—") + "…"
    text = text.rstrip(".")
    return text[:1].upper() + text[1:]


_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|[Tt]his|[Ll]ast)\s+$|'s\s+$|’s\s+$")
_NOUN_PHRASE = re.compile(r"\s*([a-z][\w-]*(?:\s+[a-z][\w-]*)?)")
_PHRASE_END = re.compile(r"(?<=\w)[.;]\s|$")
_LEADING_ON = re.compile(r"^(?:on|in|at)\s+(?:that\s+)?")
_UP_TO_THAT = re.compile(r"^.{0,80}?\bthat\s+")
_PARTICIPLE = re.compile(r"[A-Z]?[a-z]+ing\b")
_FINITE_VERB = re.compile(r"\b(?:\w+ed|\w+s|is|are|was|were|has|had|will)\b")
_HE_SHE = re.compile(r"(?:He|She)\b")


def _attributive_title(m: Mention, clause: str) -> str | None:
    """ "the May 22 bombing in Manchester, England, that killed 22 people" -> its noun phrase."""
    text = m.text
    before = text[max(m.sent_start, m.timex.start - 8):m.timex.start]
    if not _DETERMINER_BEFORE.search(before):
        return None
    after = text[m.timex.end:m.sent_end]
    phrase = _NOUN_PHRASE.match(after)
    if not phrase or phrase.group(1).split()[0] in STOPWORDS:
        return None
    if m.timex.rule == "named_day":  # "the Sept. 11 attacks at the alliance's new headquarters": the
        head = phrase.group(1).split()  # memorial's place, not the attacks'
        head = head[:1] if len(head) > 1 and head[1] in STOPWORDS else head
        return _tidy(f"{m.timex.text} {' '.join(head)}", 12)
    rest = _PHRASE_END.split(after, maxsplit=1)[0]
    title = _tidy(rest, 12)
    return title if len(title.split()) >= 3 else None


_SAID = re.compile(r"\b(?:said|says|told \w+|stressed|warned|confirmed|announced)\b"
                   r"(?:\s+(?:on|in|at|during)\s+[^,]*?)??(?:\s+that)?\s+(?P<clause>.+)")


def _boundary(text: str, i: int) -> bool:
    """`\\b` at `i`."""
    before = i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")
    after = i < len(text) and (text[i].isalnum() or text[i] == "_")
    return before != after


def said_by(agent: str, sentence: str) -> re.Match | None:
    """What `agent` said: the first "said …" after the agent's name with no full stop between.
    One pattern for every actor; a pattern per actor cost a millisecond to compile for each new
    name, more than everything else done for the sentence."""
    start = sentence.find(agent)
    while start >= 0:
        end = start + len(agent)
        if _boundary(sentence, start) and _boundary(sentence, end):
            found = _SAID.search(sentence, end)
            if found and "." not in sentence[end:found.start()]:
                return found
        start = sentence.find(agent, start + 1)
    return None


def _said_title(m: Mention, clause: str) -> str | None:
    """ "Erdogan said on May 24 that the Manchester bombing showed ..." -> "Erdogan: ..." """
    if not m.agent:
        return None
    sentence = m.quote
    found = said_by(m.agent, sentence)
    if not found:
        return None
    clause = found.group("clause")
    clause = re.sub(rf"\s*\b(?:on|in|at|during|since|by|from|until)?\s*{re.escape(m.timex.text)}", "", clause)
    clause = _LEADING_ON.sub("", clause.strip())
    if clause.startswith("that ") or " that " in clause[:90]:  # "said on May 24 that …"
        clause = _UP_TO_THAT.sub("", clause, count=1)
    if len(clause.split()) < 3:
        return None
    tidy = _tidy(clause, 11)
    if clause[:1].islower():
        tidy = tidy[:1].lower() + tidy[1:]
    return f"{m.agent}: {tidy}"


# Only where a piece ends matters: a leading \s* would find the same ends, slower.
_STRONG_BOUNDARY = re.compile(r"(?:;|\s--\s|\s–\s|\s—\s|:\s)\s*")
_COMMA = re.compile(r",\s+")
_OPENING_PREPOSITION = re.compile(r"^(?:On|In|During|Since|At|By)\b\s*,?\s*")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[,.;:])")
_SPACES = re.compile(r"\s+")


def _clause_around(m: Mention, after: int | None = None) -> str:
    """The clause holding the date, without the date and the preposition leading to it. A date
    after another one in its sentence starts at the clause that follows that one: "agreed in
    2014 that members would spend 2% by 2024" is, for 2024, "members would spend 2%"."""
    text, at = m.text, m.timex.start
    a, b = m.sent_start, m.sent_end
    if after is not None and after > a and (opener := _last_match(_CLAUSE_OPENER, text, after, at)):
        a = opener.end()
    timex_words = len(m.timex.text.split())
    for rx in (_STRONG_BOUNDARY, _COMMA):
        if rx is _COMMA and len(text[a:b].split()) <= 14:
            break
        cuts = [a, *[x.end() for x in rx.finditer(text, a, b)], b]
        i = bisect.bisect_right(cuts, at) - 1  # the piece cuts[i]..cuts[i + 1] holds the date
        a, b = cuts[i], cuts[i + 1]
        # Grow a short clause with its neighbour after it ("On May 24, hundreds gathered …").
        while len(text[a:b].split()) - timex_words < 4 and i + 2 < len(cuts):
            i += 1
            b = cuts[i + 1]
    head = _without_trailing_prepositions(text[a:at])
    clause = (head.rstrip() + " " + text[m.timex.end:b].lstrip(" ,")).strip()
    clause = _OPENING_PREPOSITION.sub("", clause)
    clause = _SPACE_BEFORE_PUNCTUATION.sub("", clause).strip(" ,;:-–—")
    return clause


# Words that open the clause after a date: "in 2014 that members would …", "on May 22, when …".
_CLAUSE_OPENER = re.compile(r"\b(?:that|which|who|when|where|because|after|before|until|while)\b\s*", re.I)


def _last_match(rx: re.Pattern, text: str, start: int, end: int) -> re.Match | None:
    last = None
    for last in rx.finditer(text, start, end):  # noqa: B007 (the last one is wanted)
        pass
    return last


def _without_trailing_prepositions(head: str) -> str:
    """`head` less the prepositions that lead to the date ("… in Brussels on " -> "… in Brussels"),
    read from the end: a regex anchored at the end would be tried at every character."""
    end = len(head)
    while True:
        stop = len(head[:end].rstrip())
        if stop == end:  # a preposition must be followed by a space
            return head[:end]
        start = stop
        while start > 0 and (head[start - 1].isalnum() or head[start - 1] == "_"):
            start -= 1
        if head[start:stop].lower() not in _PREPOSITIONS:
            return head[:end]
        end = start


def _participle_title(m: Mention, clause: str) -> str | None:
    """ "Arriving in Brussels on May 24, Trump said …" -> "Trump arriving in Brussels"."""
    if not m.agent or m.agent in clause or not _PARTICIPLE.match(clause):
        return None
    if len(clause.split()) > 8:
        return None
    return f"{m.agent} {clause[:1].lower()}{clause[1:]}"


def _finite_clause_title(m: Mention, clause: str) -> str | None:
    n = len(clause.split())
    if not 3 <= n <= 16 or not _FINITE_VERB.search(clause):
        return None
    if _PARTICIPLE.match(clause):
        return None
    return _tidy(clause, 12)


def _clause_title(clause: str) -> str:
    return _tidy(clause, 12)


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


_TITLE_BUILDERS = (_attributive_title, _participle_title, _finite_clause_title, _said_title)


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
    found.append((PLAIN_CLAUSE, _with_agent(_clause_title(clause), m)))
    return tuple(found)


def title_for(cluster: Cluster) -> str:
    # A day's own tellings name it; one that joined it from "earlier this month" tells it from afar.
    own = [m for m in cluster.mentions if m.value == cluster.value] or cluster.mentions
    candidates = [(rank, abs(len(t.split()) - 8), m.order, m.sent_start, t)
                  for m in own for rank, t in m.titles if rank < PLAIN_CLAUSE]
    if candidates:
        return min(candidates)[-1]
    best = min(own, key=lambda m: (len(m.quote), m.order, m.sent_start))
    return next(t for rank, t in best.titles if rank == PLAIN_CLAUSE)


