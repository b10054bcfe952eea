"""The layout `save` writes: `sources:` then `events:`, each a block list of items at the left
margin. Finding, splitting and splicing those items lets a rebuild copy the unchanged bytes
and a load parse only the items a person changed."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right

_ITEM = re.compile(r"^- ", re.M)


def split_items(section: str) -> list[str]:
    """The items of a block list written at the left margin ("- id: …" and its indented lines)."""
    starts = [m.start() for m in _ITEM.finditer(section)]
    return [section[a:b] for a, b in zip(starts, starts[1:] + [len(section)])]


_NEXT_ITEM = re.compile(rb"\n- ")  # a literal: ten times faster than "^- " over 40 MB


def item_offsets(data: bytes, start: int, end: int) -> list[int]:
    """Where each item of the block list in data[start:end] starts, from `start`, and its end."""
    first = [0] if data.startswith(b"- ", start) else []
    return first + [m.start() + 1 - start for m in _NEXT_ITEM.finditer(data, start, end)] + [end - start]


_MAY_BE_ALIAS = re.compile(rb"[\s\[{,]\*")


def item_digest(item: bytes) -> str:
    """A short hash of one item's bytes; "" for an item that may use an alias (`*name`), which
    means something only together with the rest of its file."""
    if b"*" in item and _MAY_BE_ALIAS.search(item):
        return ""
    return hashlib.blake2b(item, digest_size=8).hexdigest()


# A line at the margin that starts no new item (a key after the list, "---", "..."), and a
# directive (%TAG) that changes how the items read.
_NOT_IN_ITEM = re.compile(rb"\n(?=[^- \n#])|\n-(?! )")
_DIRECTIVE = re.compile(rb"^%", re.M)


def item_spans(data: bytes, bounds: tuple[int, int]) -> list[tuple[str, int, int]]:
    """("sources" or "events", start, end) of each item of a file laid out as `save` writes it
    (`bounds` from `section_bounds`), in the file's order."""
    spans = []
    for key, start, end in (("sources", bounds[0], bounds[1] - len(b"events:\n")), ("events", bounds[1], len(data))):
        at = item_offsets(data, start, end)
        spans += [(key, start + a, start + b) for a, b in zip(at, at[1:])]
    return spans


def item_digests(data: bytes, spans: list[tuple[str, int, int]]) -> list[str]:
    """The digest of each item in `spans`. An item that does not mean the same on its own gets
    "": one that may use an alias, or holds a line that starts no item."""
    if not spans or _DIRECTIVE.search(data, 0, spans[0][1]):
        return [""] * len(spans)
    starts = [a for _, a, _ in spans]
    odd = set()
    for key in ("sources", "events"):  # each list on its own: "events:" starts no item of either
        mine = [(a, b) for k, a, b in spans if k == key]
        if mine:
            odd.update(bisect_right(starts, m.start()) - 1 for m in _NOT_IN_ITEM.finditer(data, mine[0][0], mine[-1][1]))
    return ["" if k in odd else item_digest(data[a:b]) for k, (_, a, b) in enumerate(spans)]


def splice(old: bytes, start: int, offsets: list[int], order: list) -> tuple[bytes, list[int]]:
    """A list section made of old items (an int: the item at old[start + offsets[i]:…]) and new
    ones (bytes) in `order`, with its offsets. Runs of consecutive old items are copied in one
    slice, so a 30 MB section with a few new items costs a few slices, not 30,000."""
    pieces: list[bytes] = []
    starts: list[int] = []
    pos = 0
    run: list[int] | None = None  # [first, end) of the old items being copied
    for x in order:
        starts.append(pos)
        if type(x) is int:
            pos += offsets[x + 1] - offsets[x]
            if run is not None and run[1] == x:
                run[1] += 1
                continue
            if run is not None:
                pieces.append(old[start + offsets[run[0]]:start + offsets[run[1]]])
            run = [x, x + 1]
        else:
            if run is not None:
                pieces.append(old[start + offsets[run[0]]:start + offsets[run[1]]])
                run = None
            pieces.append(x)
            pos += len(x)
    if run is not None:
        pieces.append(old[start + offsets[run[0]]:start + offsets[run[1]]])
    starts.append(pos)
    return b"".join(pieces), starts


def section_bounds(data: bytes) -> tuple[int, int] | None:
    """(where the sources items start, where the events items start) in a file as `save`
    writes it, or None if it is not laid out that way (both lists last and non-empty)."""
    s = data.find(b"\nsources:\n")
    e = data.find(b"\nevents:\n", s + 1)
    if s < 0 or e < 0 or not data.endswith(b"\n") or not data.startswith(b"- ", s + 10) \
            or not data.startswith(b"- ", e + 9):
        return None
    return s + 10, e + 9

