"""Group dated sentences into events: one happening, told once or many times, is one event.

Every body sentence with a calendar date yields a *mention* (the sentence as quote,
the date of the happening, the actor doing it, its content words). Mentions of
the same date, or of a coarser date that contains it ("earlier this week" and
"May 22"), join when they tell the same happening: the same actor, or enough
shared words, and never two different actors. The actor's name, and words every
story has ("leaders", "hours"), are not shared words; a name of two words is one.
A mention joins the cluster it shares most words with. Candidates are blocked by
date, so merging stays linear in the number of mentions for a spread of dates.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from .model import Event, Evidence
from .temporal import Timex
from .temporal import values as V
from .temporal.resources import MONTHS, WEEKDAYS
from .textutil import STOPWORDS, content_stems, slug, stem, stems_of, words
from .titles import dated_noun, title_candidates, title_for

# A name followed by a verb: "Jens Stoltenberg says", "Mr Trump branded", "he told".
_NAME = r"(?:[A-Z][\w'’.-]*|U\.S\.)(?:\s+(?:[A-Z][\w'’.-]*|al|bin|de|van|von))*"
# The verb is looked ahead at, not taken: in "Wednesday he told" the word "he" can then start
# the next match.
_AGENT = re.compile(rf"(?P<name>{_NAME}|\b(?:he|she|He|She)\b)(?=\s+(?P<verb>[a-z]+)(?:\s+(?P<verb2>[a-z]+))?)")
# A date and the word that leads to it, between a name and its verb: "President Trump on Thursday
# lectured", "Mr Trump last week told".
_LEAD_TO_DATE = re.compile(r"\b(?:on|in|at|during|since|until|by|before|after|early|late|earlier|later)\s+$", re.I)
_AUXILIARY = frozenset(["has", "had", "have", "was", "is", "also", "then", "later", "recently", "already", "once", "again"])
_VERBS = frozenset(["said", "says", "told", "tells", "called", "calls", "branded", "stressed", "confirmed", "announced", "claimed", "arrived", "arrives", "flew", "flies", "met", "meets", "signed", "signs", "warned", "warns", "added", "adds", "wrote", "urged", "urges", "accused", "denied", "agreed", "agrees", "launched", "visited", "visits", "killed", "attacked", "took", "takes", "gave", "gives", "made", "makes", "left", "leaves", "won", "lost", "declared", "declares", "insisted", "insists", "promised", "promises", "pledged", "pledges", "threatened", "threatens", "vowed", "vows", "met", "spoke", "speaks", "addressed", "travelled", "traveled", "travels", "landed", "lands", "began", "begins", "ended", "ends", "opened", "opens", "joined", "joins", "decided", "decides", "appointed", "appoints", "dismissed", "fired", "resigned", "resigns", "elected", "reported", "reports", "published", "released", "releases", "called", "criticised", "criticized", "praised", "welcomed", "rejected", "rejects", "approved", "approves", "voted", "votes", "met", "softened", "has", "had", "is", "was", "will", "would", "wants", "wanted", "plans", "planned"])
_NOT_NAMES = frozenset(["The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "But", "And", "Or", "However", "In", "On", "At", "For", "During", "After", "Before", "Since", "While", "When", "If", "As", "Arriving", "Many", "Some", "All", "Only", "Talk", "Turkish", "Member", "Diplomats", "Washington", "Twenty"])
# Not actors: days and months, as the tagger's tables name them ("May" is left out: "Mrs May said"
# names the British prime minister; "Sun", "Sat" and the like are left out with the other short
# weekdays: "The Sun reported").
_CALENDAR_WORDS = (frozenset(MONTHS) - {"may"}) | {d for d in WEEKDAYS if d.endswith("day")}
# Words every news story has, whatever happened: two sentences that share only these ("hours
# after meeting EU leaders", "a meeting of ambassadors, hours before the leaders' summit") tell
# two happenings. Kept out of the words that group sentences, like stopwords.
GENERIC_WORDS = ("leader", "meeting", "hour", "day", "week", "month", "year", "time", "people", "official",
                 "government", "country", "president", "minister", "spokesman", "spokeswoman", "statement",
                 "reporter", "news", "member", "group", "part", "number", "end",
                 # and every company's results: "net income of $1.9 million, or 29 cents a share"
                 "share", "cent", "million", "billion", "net", "income", "revenue", "sales", "profit", "loss",
                 "earnings", "quarter", "company", "result", "compared", "rose", "fell", "period", "gain", "charge",
                 "total", "fiscal", "ended", "ending",
                 # and every stock's close: "In New York Stock Exchange composite trading yesterday, X closed at"
                 "stock", "trading", "exchange", "composite", "closed", "over-the-counter", "counter")
GENERIC_STEMS = frozenset(stem(w) for w in GENERIC_WORDS) | frozenset(stem(w + "s") for w in GENERIC_WORDS)
# Capitalised words in a row: a name ("Donald Trump", "Islamic State").
_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+")
_QUOTED = re.compile(r"[\"“][^\"”]{0,400}[\"”]")
_PRONOUN = re.compile(r"^(?:he|she)$", re.I)


@dataclass
class Mention:
    """One dated sentence: small and self-contained (no article text), so that it can be
    computed in a worker process and kept in the build cache."""
    source: str
    order: int  # position of the source in the build: keeps results deterministic
    quote: str
    sent_start: int
    sent_end: int
    timex: Timex
    value: str
    agent: str | None
    terms: frozenset
    near: frozenset  # content stems right next to the date expression
    proper: frozenset  # stems of capitalised words, and "donald trump" for each two words of a name
    titles: tuple = ()  # (rank, title) candidates, best rank first; the last rank is the plain clause (`titles.PLAIN_CLAUSE`)
    text: str | None = None  # the article text, only while the titles are being made
    side: str | None = None  # "<2017-05-25": "earlier this month" is before the article's day (`side_of`)

    def to_row(self) -> list:
        t = self.timex
        return [self.sent_start, self.sent_end, self.quote, [t.start, t.end, t.text, t.type, t.value, t.rule],
                self.value, self.agent, sorted(self.terms), sorted(self.near), sorted(self.proper),
                [list(x) for x in self.titles], self.side]

    def __reduce__(self):
        """Pickled as a tuple of its fields: the build's snapshot keeps 100,000 of them, and this
        takes a third less time to write and half the time to read than the default."""
        t = self.timex
        return (_mention, (self.source, self.order, self.quote, self.sent_start, self.sent_end,
                           (t.start, t.end, t.text, t.type, t.value, t.rule), self.value, self.agent,
                           self.terms, self.near, self.proper, self.titles, self.text, self.side))

    @classmethod
    def from_row(cls, source: str, order: int, row: list) -> Mention:
        s, e, quote, t, value, agent, terms, near, proper, titles, side = row
        return cls(source, order, quote, s, e, Timex(*t), value, agent, frozenset(terms), frozenset(near),
                   frozenset(proper), tuple((r, title) for r, title in titles), side=side)


def _mention(source, order, quote, sent_start, sent_end, timex, *rest) -> Mention:
    return Mention(source, order, quote, sent_start, sent_end, Timex(*timex), *rest)


@dataclass
class Cluster:
    value: str
    mentions: list[Mention] = field(default_factory=list)
    _agents: set | None = field(default=None, repr=False, compare=False)
    _words: set | None = field(default=None, repr=False, compare=False)

    @property
    def agents(self) -> set[str]:
        """Actors of the representatives, kept between comparisons (a cluster is compared often)."""
        if self._agents is None:
            self._agents = {m.agent for m in self.mentions[:REPRESENTATIVES] if m.agent}
        return self._agents

    @property
    def words(self) -> set[str]:
        """Every word of the representatives: two clusters that share none tell two happenings,
        known without comparing their tellings pair by pair."""
        if self._words is None:
            self._words = set().union(*(m.terms | m.near for m in self.mentions[:REPRESENTATIVES]))
        return self._words

    def add(self, mentions: list[Mention]) -> None:
        if len(self.mentions) < REPRESENTATIVES:
            self._agents = self._words = None
        self.mentions.extend(mentions)


def find_agent(sentence: str, dates: list[tuple[int, int]] = ()) -> tuple[str | None, int, int]:
    """The actor of a sentence (last word of the name before its verb) and where its name starts
    and ends. `dates` are the spans of its date expressions: a date is never the actor, and a
    name before one is still the actor of the verb after it."""
    unquoted = _QUOTED.sub(lambda m: " " * len(m.group(0)), sentence)
    for start, end in dates:
        if lead := _LEAD_TO_DATE.search(unquoted, max(0, start - 12), start):
            start = lead.start()
        unquoted = unquoted[:start] + " " * (end - start) + unquoted[end:]
    for m in _AGENT.finditer(unquoted):
        name, verb = m.group("name"), m.group("verb")
        progressive = False  # "Mr Trump is seeking", "she was travelling"
        if (verb in _AUXILIARY or verb.endswith("ly")) and m.group("verb2"):
            progressive = verb in _AUXILIARY and m.group("verb2").endswith("ing")
            verb = m.group("verb2") if m.group("verb2") not in _AUXILIARY else verb
        if verb not in _VERBS and not verb.endswith("ed") and not progressive:
            continue
        tokens = [t for t in name.split() if t not in _NOT_NAMES]
        if _PRONOUN.match(name):
            return "<pronoun>", m.start(), m.start()
        if not tokens:
            continue
        last = tokens[-1].rstrip(".,")
        if last.isdigit() or last.lower() in _CALENDAR_WORDS:  # "Thursday marked", "Jan. 5 saw"
            continue
        return last, m.start(), m.end()
    return None, -1, -1


def _name_pairs(segment: str) -> frozenset:
    """Each two neighbouring words of a name as one string ("donald trump"): two sentences that
    share the name share one name, not two words (`_told_alike`)."""
    runs = _NAME_RUN.findall(segment)
    if not runs:
        return _NO_PAIRS
    out = set()
    for run in runs:
        stems = [stem(w) for w in run.split() if w.lower() not in STOPWORDS]
        out.update(f"{a} {b}" for a, b in zip(stems, stems[1:]))
    return frozenset(out)


_NO_PAIRS: frozenset = frozenset()


def _segments(text: str, sentence_start: int, sentence_end: int, timexes: list[Timex]) -> list[tuple[int, int]]:
    """Split a sentence among its dates: each owns the words up to halfway to its neighbours (a
    word cut in two by the halfway point goes whole to the date before it)."""
    cuts = []
    for a, b in zip(timexes, timexes[1:]):
        cut = (a.end + b.start) // 2
        while a.end < cut < b.start and text[cut - 1].isalnum() and text[cut].isalnum():
            cut += 1
        cuts.append(cut)
    return list(zip([sentence_start, *cuts], [*cuts, sentence_end]))


def _near_terms(sentence: str, start: int, end: int) -> frozenset:
    """Content stems of the two words before and after sentence[start:end], a date expression."""
    before = [w for w in words(sentence[max(0, start - 40):start]) if w.lower() not in STOPWORDS]
    after = [w for w in words(sentence[end:end + 40]) if w.lower() not in STOPWORDS]
    return frozenset(stem(w) for w in before[-2:] + after[:2] if len(w) > 2)


# A time of day with no day of its own ("was shot to death at 10 p.m."): the tagger gives it the
# publication day, a guess that the 256 annotated articles never bear out (each of their three
# such times was of another day). It dates no event; "at 10 p.m. Friday" is one timex, and does.
BARE_TIME_RULES = frozenset(["clock_ampm", "clock_24h", "clock_part", "noon"])


def event_value(t: Timex) -> str | None:
    """The date a timex gives an event, or None if it dates nothing (durations, 'now', a bare
    time of day)."""
    if t.type not in ("DATE", "TIME") or t.rule in BARE_TIME_RULES:
        return None
    value = V.day_only(t.value)
    return value if V.is_calendar(value) else None


# "Earlier this month" tells of a day before the article's own, "later this week" of one after it.
_SIDE = re.compile(r"(?P<side>earlier|later)\s+(?:this|in\s+the)\s+(?:week|month|year)$", re.I)


def side_of(t: Timex, published: dt.date | None) -> str | None:
    """Which side of the publication day a coarse date lies on, if it says: "<2017-05-25"."""
    if published is None or not (m := _SIDE.match(t.text)):
        return None
    return ("<" if m["side"].lower() == "earlier" else ">") + published.isoformat()


def mentions_of(source_id: str, order: int, text: str, sentences: list[tuple[int, int]],
                timexes: list[Timex], published: dt.date | None = None) -> list[Mention]:
    """The dated mentions of one article, with actors carried across pronouns."""
    out: list[Mention] = []
    by_sentence: dict[int, list[Timex]] = defaultdict(list)
    starts = [s for s, _ in sentences]
    for t in timexes:
        i = bisect.bisect_right(starts, t.start) - 1
        if i >= 0 and sentences[i][0] <= t.start and t.end <= sentences[i][1] and event_value(t):
            by_sentence[i].append(t)
    found_agents: dict[int, tuple[str | None, int, int]] = {}

    def agent_of(i: int) -> tuple[str | None, int, int]:
        if i not in found_agents:
            s_start, s_end = sentences[i]
            found_agents[i] = find_agent(text[s_start:s_end],
                                         [(t.start - s_start, t.end - s_start) for t in by_sentence.get(i, ())])
        return found_agents[i]

    # Only dated sentences need their actor: "he" takes the last actor named before it, found by
    # looking back (most sentences carry no date, and finding an actor is a regex walk).
    for i in sorted(by_sentence):
        s_start, s_end = sentences[i]
        sentence = text[s_start:s_end]
        agent, agent_pos, agent_end = agent_of(i)
        if agent == "<pronoun>":
            agent = next((a for j in range(i - 1, -1, -1) if (a := agent_of(j)[0]) and a != "<pronoun>"), None)
        # The actor is compared as the actor: the words of its name ("President Donald Trump")
        # are not shared words as well.
        unnamed = sentence[:agent_pos] + " " * (agent_end - agent_pos) + sentence[agent_end:] \
            if agent_end > agent_pos else sentence
        dated = by_sentence[i]
        # The words of the sentence's other dates are no happening's: "the quarter ended Sept. 30".
        dates_stems = set().union(*(content_stems(t.text) for t in dated)) if len(dated) > 1 else set()
        for k, (t, (seg_start, seg_end)) in enumerate(zip(dated, _segments(text, s_start, s_end, dated))):
            # "Kopp has eluded authorities since … the Oct. 23 sniper shooting of Dr. Barnett Slepian": the
            # date tells of the shooting, whose actor the sentence does not name.
            owns_agent = agent is not None and (len(dated) == 1 or seg_start <= s_start + agent_pos < seg_end) \
                and not dated_noun(text, s_start, s_end, t.start, t.end)
            segment = unnamed[seg_start - s_start:seg_end - s_start] if len(dated) > 1 else unnamed
            timex_stems = content_stems(t.text)
            agent_stem = stem(agent) if agent else None
            segment_words = words(segment)
            unshared = timex_stems | dates_stems | {agent_stem} | GENERIC_STEMS
            terms = frozenset(stems_of(segment_words) - unshared)
            proper = (frozenset(stem(w) for w in segment_words[1:] if w[:1].isupper()) & terms) | _name_pairs(segment)
            near = _near_terms(unnamed, t.start - s_start, t.end - s_start) - unshared
            m = Mention(source_id, order, text[s_start:s_end], s_start, s_end, t, event_value(t),
                        agent if owns_agent else None, terms, near, proper, text=text, side=side_of(t, published))
            m.titles = title_candidates(m, dated[k - 1].end if k else s_start)
            m.text = None
            if any(title for _, title in m.titles):  # "Until this week.": a date and no happening
                out.append(m)
    return out


REPRESENTATIVES = 20


def _same_happening(a: Cluster, b: Cluster) -> bool:
    agents_a, agents_b = a.agents, b.agents
    if agents_a and agents_b and not (agents_a & agents_b) or a.words.isdisjoint(b.words):
        return False
    same_agent = bool(agents_a & agents_b)
    # A few representatives suffice: a happening told a thousand times must not cost a million checks.
    others = b.mentions[:REPRESENTATIVES]
    for x in a.mentions[:REPRESENTATIVES]:
        for y in others:
            if _told_alike(x, y, same_agent):
                return True
    return False


def _joins(a: Cluster, y: Mention, strongly: bool = False) -> bool:
    """`_same_happening(a, <a cluster of y alone>)`, without making that cluster: a block asks
    this for every mention and each cluster that shares a word with it. `strongly`: by the
    actor, by three words, or by a name and a word, not by a word next to the date alone."""
    agents_a = a.agents
    if y.agent and agents_a and y.agent not in agents_a:
        return False
    same_agent = bool(y.agent) and y.agent in agents_a
    for x in a.mentions[:REPRESENTATIVES]:  # noqa: SIM110 (a loop: any() and its generator cost a tenth more here)
        if _told_alike(x, y, same_agent, strongly):
            return True
    return False


def _told_alike(x: Mention, y: Mention, same_agent: bool, strongly: bool = False) -> bool:
    """Whether two mentions of one date tell the same happening, by their words."""
    if not strongly and x.near and not x.near.isdisjoint(y.near):
        return True
    shared = x.terms & y.terms
    if not shared:
        return False
    # A name of two words is counted once ("Donald Trump" and "Islamic State" are two, not four).
    twice = sum(1 for p in x.proper & y.proper if " " in p and all(w in shared for w in p.split(" ")))
    n = len(shared) - twice
    if same_agent or n >= 3:
        return True
    if n == 1:
        return False  # one word alone: "York" of "New York Stock Exchange", "nine" of "nine months"
    # Two shared names ("Brussels", "Trump") place two happenings together; a shared
    # name and a shared common word ("Manchester", "bombing") make them one.
    names = len(shared & (x.proper | y.proper)) - twice
    if 0 < names < n:
        return True
    return not strongly and n / (min(len(x.terms), len(y.terms)) or 1) >= 0.34


MAX_BRIDGED = 4  # clusters one telling may find to be the same happening as the one it joins


def block_clusters(mentions: list[Mention]) -> list[Cluster]:
    """Mentions of one date value, in build order, merged into clusters: a pure function of
    the block, so a rebuild redoes only the blocks an article touches."""
    local: list[Cluster | None] = []
    merged_into: dict[int, int] = {}  # a cluster a later telling bridged into an earlier one
    # Only clusters that share a word or an actor can be the same happening: index them.
    by_key: dict[str, list[int]] = defaultdict(list)
    # A sentence that gives the block's date twice ("on May 22, three days ago") tells one happening.
    by_sentence: dict[tuple, int] = {}
    for m in mentions:
        keys = m.terms | m.near | ({"@" + m.agent} if m.agent else set())
        target_i = by_sentence.get((m.source, m.sent_start))
        if target_i is not None:
            while target_i in merged_into:
                target_i = merged_into[target_i]
            local[target_i].add([m])
        else:
            target_i = _place(m, keys, local, by_key, merged_into)
        by_sentence[m.source, m.sent_start] = target_i
        for k in keys:
            bucket = by_key[k]
            if not bucket or bucket[-1] != target_i:
                bucket.append(target_i)
    return [c for c in local if c is not None]


def _place(m: Mention, keys: set, local: list, by_key: dict, merged_into: dict) -> int:
    """The index of the cluster `m` joins in its block, made if none."""
    # The cluster that shares the most of its words is asked first: a sentence that could
    # join two happenings goes to the one it tells most alike.
    shared: dict[int, int] = {}
    for k in keys:
        for i in by_key.get(k, ()):
            shared[i] = shared.get(i, 0) + 1
    if merged_into:  # rare: count a merged cluster's keys for the cluster it went into
        moved: dict[int, int] = {}
        for i, n in shared.items():
            while i in merged_into:
                i = merged_into[i]
            moved[i] = moved.get(i, 0) + n
        shared = moved
    candidates = sorted(shared, key=lambda i: (-shared[i], i))
    k = next((k for k, i in enumerate(candidates) if _joins(local[i], m)), None)
    if k is None:
        local.append(Cluster(m.value, [m]))
        target_i = len(local) - 1
    else:
        target_i = candidates[k]
        # A telling that is told strongly alike with two clusters makes them one: "Slepian …
        # was shot through the kitchen window" joins the Oct. 23 slaying and "Slepian was shot in
        # the back … in his kitchen", apart only by the order the articles came in. A strong tie
        # shares the actor or two words: two keys at least.
        others = [i for i in candidates[k + 1:MAX_BRIDGED] if shared[i] >= 2]
        bridged = [i for i in others if _joins(local[i], m, strongly=True)
                   and _same_happening(local[i], local[target_i])] \
            if others and _joins(local[target_i], m, strongly=True) else []
        if bridged:
            target_i, *others = sorted({target_i, *bridged})
            for i in others:
                _merge(local[target_i], local[i])
                local[i] = None
                merged_into[i] = target_i
        local[target_i].add([m])
    return target_i


def told_order(m: Mention) -> tuple[int, int, int]:
    """Build order: article, sentence, then the date's place in it."""
    return m.order, m.sent_start, m.timex.start


def _merge(into: Cluster, other: Cluster) -> None:
    """`other`'s tellings into `into`, in build order."""
    into.mentions = sorted(into.mentions + other.mentions, key=told_order)
    into._agents = into._words = None


MAX_ABSORBED_DAYS = 62  # "this week", "this month" join a day; "this year" does not
_SEASON = re.compile(r"\d-(?:SP|SU|FA|WI)$")


def absorbs(value: str) -> bool:
    """Whether clusters of `value` may join a day inside it ("earlier this week" -> May 22). A
    season does too ("was killed last fall" -> Oct. 23), but not a quarter: "the third quarter"
    is the period a company reports on, which happened on no day of it."""
    first, last = V.span(value) or (None, None)
    return first is not None and 0 < (last - first).days <= MAX_ABSORBED_DAYS or bool(_SEASON.search(value))


def absorb_target(c: Cluster, days: dict) -> tuple[str, int] | None:
    """The first day cluster inside `c`'s span telling the same happening, as (day, index), or
    None. `days` maps a date to (its value, its block's clusters as the block made them)."""
    first, last = V.span(c.value)
    sides = {m.side for m in c.mentions}
    if len(sides) == 1 and (side := sides.pop()):  # told only as "earlier this month": before the day
        published = dt.date.fromisoformat(side[1:])
        if side[0] == "<":
            last = min(last, published - dt.timedelta(days=1))
        else:
            first = max(first, published + dt.timedelta(days=1))
    day = first
    while day <= last:
        found = days.get(day)
        if found:
            for i, f in enumerate(found[1]):
                if _same_happening(f, c):
                    return found[0], i
        day = day.fromordinal(day.toordinal() + 1)
    return None


@dataclass
class Grouping:
    """Clusters by date value, and where each coarse cluster went: enough to redo one block."""
    inputs: dict[str, list[Mention]]  # value -> its mentions, in build order
    blocks: dict[str, list[Cluster]]  # value -> its clusters (day clusters grown by absorption)
    targets: dict[str, list]  # coarse value -> (day, index) or None for each of its clusters

    def clusters(self) -> list[Cluster]:
        """The events-to-be: every cluster that did not join a day."""
        out = []
        for value in sorted(self.blocks, key=V.sort_key):
            went = self.targets.get(value)
            out.extend(c for i, c in enumerate(self.blocks[value]) if not went or went[i] is None)
        return out


def day_index(blocks: dict[str, list[Cluster]]) -> dict:
    """Date -> (value, clusters) of the day blocks: where coarse clusters look for their day."""
    out = {}
    for value, clusters in blocks.items():
        first, last = V.span(value) or (None, None)
        if first is not None and first == last:
            out[first] = (value, clusters)
    return out


def absorb(blocks: dict[str, list[Cluster]], values: list[str], days: dict) -> dict[str, list]:
    """Targets of the clusters of coarse `values` (in date order), then their mentions added to
    those days. Each is compared with the day clusters as their blocks made them, so where one
    goes never depends on another: the decisions are local, and a rebuild can redo a few."""
    targets = {v: [absorb_target(c, days) for c in blocks[v]] for v in values if absorbs(v)}
    join(blocks, targets)
    return targets


def join(blocks: dict[str, list[Cluster]], targets: dict[str, list], only: set | None = None) -> None:
    """Add absorbed clusters to their days (of those, the `only` ones), in date order of the
    coarse values."""
    for value in sorted(targets, key=V.sort_key):
        for c, went in zip(blocks[value], targets[value]):
            if went is not None and (only is None or went[0] in only):
                blocks[went[0]][went[1]].add(c.mentions)


def group(mentions: list[Mention]) -> Grouping:
    """Merge mentions into events: same date first, then coarse dates into finer ones inside them."""
    by_value: dict[str, list[Mention]] = defaultdict(list)
    for m in sorted(mentions, key=told_order):
        by_value[m.value].append(m)
    values = sorted(by_value, key=V.sort_key)
    blocks = {v: block_clusters(by_value[v]) for v in values}
    targets = absorb(blocks, values, day_index(blocks))
    return Grouping(dict(by_value), blocks, targets)


def cluster_mentions(mentions: list[Mention]) -> list[Cluster]:
    return group(mentions).clusters()


def cluster_order(c: Cluster) -> tuple:
    """Date, then the first telling: no two clusters share it, so the order is total."""
    return V.sort_key(c.value), min(map(told_order, c.mentions))


def event_base(value: str, title: str) -> str:
    """An event's id before a "-2" makes it unique."""
    return f"{value}-{slug(title, 5)}"


def to_events(clusters: list[Cluster], quoted_of=None) -> list[Event]:
    """Events with stable, unique ids, sorted chronologically (`quoted_of`: `quoted`, or what
    keeps its answers)."""
    quoted_of = quoted_of or quoted
    events: list[Event] = []
    used: set[str] = set()
    for c in sorted(clusters, key=cluster_order):
        title = title_for(c)
        base = event_base(c.value, title)
        event_id, n = base, 2
        while event_id in used:
            event_id, n = f"{base}-{n}", n + 1
        used.add(event_id)
        evidence = [Evidence(m.source, m.sent_start, m.sent_end, m.quote, m.timex.text) for m in quoted_of(c)]
        events.append(Event(id=event_id, date=c.value, title=title, evidence=evidence))
    return events


def quoted(c: Cluster) -> list[Mention]:
    """The mentions its event quotes, as told: a sentence once, with its first date expression."""
    out, seen = [], set()
    for m in sorted(c.mentions, key=told_order):
        key = (m.source, m.sent_start, m.sent_end)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out
