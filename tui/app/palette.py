"""Command palette provider: jump to any event by typing part of its title or date."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ..export import human_date
from ..textutil import clean_display

MAX_HITS = 200


class EventJumpProvider(Provider):
    def _events(self):
        browser = getattr(self.app, "browser", None)
        if browser is None:
            return []
        return [browser.timeline.events[i] for i in browser.listed]

    async def discover(self) -> Hits:
        for e in self._events()[:20]:
            text = f"{human_date(e.date)} — {clean_display(e.title)}"
            yield DiscoveryHit(text, partial(self.app.jump_to_event, e.id), text=text, help=e.id)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = 0
        for e in self._events():
            text = f"{human_date(e.date)} {e.date} — {clean_display(e.title)}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self.app.jump_to_event, e.id),
                          text=text, help="Jump to this event")
                found += 1
                if found >= MAX_HITS:
                    break
