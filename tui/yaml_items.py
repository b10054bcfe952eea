"""The layout `save` writes: `sources:` then `events:`, each a block list of items at the left
margin. Finding, splitting and splicing those items lets a rebuild copy the unchanged bytes
and a load parse only the items a person changed."""

from __future__ import annotations

import re

_ITEM = re.compile(r"^- ", re.M)


def split_items(section: str) -> list[str]:
    """The items of a block list written at the left margin ("- id: …" and its indented lines)."""
    starts = [m.start() for m in _ITEM.finditer(section)]
    return [section[a:b] for a, b in zip(starts, starts[1:] + [len(section)])]


_ITEM_BYTES = re.compile(rb"^- ", re.M)


def item_offsets(data: bytes, start: int, end: int) -> list[int]:
    """Where each item of the block list in data[start:end] starts, from `start`, and its end."""
    return [m.start() - start for m in _ITEM_BYTES.finditer(data, start, end)] + [end - start]


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

