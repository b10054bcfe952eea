"""Read article files: decode, honour a header block, find the headline, set furniture aside.

The text is never rewritten: every offset the rest of the program uses is into
`Article.text`, the file's text as Python reads it (universal newlines).
"""

from __future__ import annotations

import hashlib
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from . import sentences
from .furniture import (
    agency_of,
    furniture_kind,
    headline_text,
    is_caption_label,
    looks_like_headline,
    looks_like_inserted_headline,
    wire_dateline,
)
from .outlets import outlet_in_text, outlet_of_url
from .textutil import count

MAX_BYTES = 10 * 1024 * 1024  # a news article is kilobytes; beyond this it is something else
HEADER_KEYS = {"title": "title", "date": "date", "source": "outlet", "outlet": "outlet", "url": "url"}
_HEADER_LINE = re.compile(r"^(title|date|source|outlet|url)\s*:\s*(.*?)\s*$", re.IGNORECASE)

class ArticleError(Exception):
    """An input that cannot be read as an article; the message is one line for the user."""


@dataclass
class Line:
    start: int
    end: int
    kind: str  # header | headline | dateline | furniture | inserted | body


@dataclass
class Article:
    path: Path
    text: str
    sha256: str
    title: str
    outlet: str | None = None
    url: str | None = None
    header_date: str | None = None
    filed: str | None = None  # the day a wire dateline gives ("August 11"), often without a year
    lines: list[Line] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def stem(self) -> str:
        return self.path.stem


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Text of a file's bytes: UTF-8 (or UTF-16 with a BOM), else cp1252 with a warning."""
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"{name}: not valid UTF-16 ({exc.reason})") from None
    elif b"\x00" in data[:8192]:
        raise ArticleError(f"{name}: binary file (NUL bytes), skipped")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings.append(f"{name}: not valid UTF-8, read as cp1252")
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


def read_text(path: Path) -> tuple[str, bytes, list[str]]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(f"{path}: too large for a news article ({size / 1e6:.0f} MB > "
                               f"{MAX_BYTES // (1024 * 1024)} MB), skipped")
        data = path.read_bytes()
    except PermissionError:
        raise ArticleError(f"{path}: permission denied, skipped") from None
    except IsADirectoryError:
        raise ArticleError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror})") from None
    text, warnings = decode(data, str(path))
    if not text.strip():
        raise ArticleError(f"{path}: empty file, skipped")
    return text, data, warnings


def _iter_lines(text: str):
    """(start, end) of each line, found as it is asked for: reading a header stops at its end,
    not after splitting a whole article (and this is faster than split() even for all of it)."""
    pos = 0
    while (nl := text.find("\n", pos)) >= 0:
        yield pos, nl
        pos = nl + 1
    yield pos, len(text)


def body_start(text: str) -> int:
    """Where an article's text begins, after its `Key: value` header if it has one."""
    return _header(text)[1]


def _header(text: str) -> tuple[dict, int]:
    """Fields of a leading `Key: value` block ended by a blank line, and where the body starts."""
    fields: dict = {}
    end = 0
    for start, stop in _iter_lines(text):
        line = text[start:stop]
        if not line.strip():
            if fields:
                end = stop
            break
        m = _HEADER_LINE.match(line)
        if not m:
            return {}, 0
        fields[HEADER_KEYS[m.group(1).lower()]] = m.group(2)
        end = stop
    return fields, end


def parse(text: str, path: Path, data: bytes | None = None) -> Article:
    """Split an article's text into header, headline, furniture and body sentences."""
    from .pubdate import DATELINE_WORDS, find_dateline  # late import: pubdate uses the tagger

    header, body_start = _header(text)
    article = Article(path=path, text=text,
                      sha256=hashlib.sha256(data if data is not None else text.encode("utf-8")).hexdigest(),
                      title=header.get("title", ""), outlet=header.get("outlet") or None,
                      url=header.get("url") or None, header_date=header.get("date") or None)
    if body_start:
        article.lines.append(Line(0, body_start, "header"))
    headline_found = bool(article.title)
    seen_text_lines = 0
    pending_before_headline: list[Line] = []
    lead_of: dict[int, int] = {}  # where a line opening with a wire dateline has its text
    caption_next = False  # the line after "Image caption," is the caption
    for start, end in _iter_lines(text):
        if start < body_start or not text[start:end].strip():
            continue
        line = text[start:end]
        kind = furniture_kind(line)
        if kind or caption_next:
            article.lines.append(Line(start, end, "furniture"))
            caption_next = bool(kind) and is_caption_label(line)
            continue
        if seen_text_lines < 8 and len(line.split()) <= DATELINE_WORDS and find_dateline(line) is not None:
            article.lines.append(Line(start, end, "dateline"))
            continue
        if seen_text_lines < 8 and (wire := wire_dateline(line)):
            article.filed = article.filed or wire.group("day")
            article.outlet = article.outlet or agency_of(wire)
            headline_found = True  # the story begins: any headline came before it
            if wire.end() == len(line):
                article.lines.append(Line(start, end, "dateline"))
                continue
            article.lines.append(Line(start, start + wire.end(), "dateline"))
            lead_of[start] = start = start + wire.end()  # the lead paragraph goes on after it
            line = text[start:end]
        seen_text_lines += 1
        if not headline_found:
            if looks_like_headline(line) and seen_text_lines <= 6:
                article.title = headline_text(line)
                article.lines.extend(Line(p.start, p.end, "furniture") for p in pending_before_headline)
                pending_before_headline = []
                article.lines.append(Line(start, end, "headline"))
                headline_found = True
                continue
            pending_before_headline.append(Line(start, end, "body"))
            continue
        if looks_like_inserted_headline(line):
            article.lines.append(Line(start, end, "inserted"))
            continue
        article.lines.append(Line(start, end, "body"))
    article.lines.extend(pending_before_headline)
    article.lines.sort(key=lambda ln: ln.start)
    if not article.title:
        first = next((ln for ln in article.lines if ln.kind == "body"), None)
        article.title = _shorten(text[first.start:first.end]) if first else path.stem
    if article.outlet is None:
        article.outlet = outlet_of_url(article.url) or outlet_in_text(text)
    body = [(ln.start, ln.end) for ln in article.lines if ln.kind == "body"]
    body_starts = [b for b, _ in body]
    article.sentences = []
    for start, end in sentences.split(text):
        if start in lead_of and lead_of[start] < end:
            start = lead_of[start]
        i = bisect_right(body_starts, start) - 1
        if i >= 0 and start < body[i][1]:
            article.sentences.append((start, end))
    return article


def _shorten(line: str, words: int = 12) -> str:
    parts = line.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def read_article(path: Path) -> Article:
    """Read and parse one file; raises ArticleError with a one-line message."""
    text, data, warnings = read_text(path)
    article = parse(text, path, data)
    article.warnings.extend(warnings)
    return article


def _stat_key(st: os.stat_result) -> tuple[int, int]:
    return st.st_size, st.st_mtime_ns


# Files a reader may have saved articles as, which are not read: a folder of them must say so,
# not give a timeline of its .txt files alone in silence.
NOT_READ = (".html", ".htm", ".md", ".markdown", ".rst", ".text", ".rtf", ".doc", ".docx", ".odt", ".pdf")


def _txt_files(folder: Path, skipped: list[str] | None = None) -> list[tuple[str, tuple[int, int] | None]]:
    """The .txt files under `folder` as str(Path) in the order of sorted Paths, each with its
    (size, mtime_ns). scandir knows which entries are files without a stat each, and tuples of
    parts sort without Path's slow comparisons: a tenth of rglob and sorted() for 20,000 files."""
    found = []
    seen: set[str] = set()
    stack = [Path(folder)]
    while stack:
        here = stack.pop()
        real = os.path.realpath(here)
        if real in seen:  # a link back up the tree
            continue
        seen.add(real)
        parts, prefix = here.parts, "" if str(here) == "." else str(here)
        folders = []
        with os.scandir(here) as entries:
            for entry in entries:
                if entry.is_dir():
                    folders.append(entry.name)
                elif entry.name.endswith(".txt") and entry.is_file():
                    try:
                        key = _stat_key(entry.stat())
                    except OSError:
                        key = None
                    found.append(((*parts, entry.name), os.path.join(prefix, entry.name), key))
                elif skipped is not None and entry.name.lower().endswith(NOT_READ) \
                        and not entry.name.lower().startswith("readme"):
                    skipped.append(os.path.join(prefix, entry.name))
        # Visited in path order, so that of two links to one folder the first in order is read.
        stack.extend(here / name for name in sorted(folders, reverse=True))
    found.sort(key=lambda x: x[0])
    return [(name, key) for _, name, key in found]


def scan_paths(paths: list[Path]) -> tuple[list[str], list[str], list[tuple[int, int] | None]]:
    """The .txt files named or inside the folders named (as str of their Path), sorted, with
    one-line problems, and each file's (size, mtime_ns) as it was before anything read it (None:
    it could not be stat'ed). Strings, not Paths: 20,000 Paths cost a tenth of a second."""
    found: dict[str, tuple[int, int] | None] = {}
    problems: list[str] = []
    for p in paths:
        if not p.exists():
            problems.append(f"{p}: no such file or folder")
        elif p.is_dir():
            skipped: list[str] = []
            try:
                inside = _txt_files(p, skipped)
            except PermissionError:
                problems.append(f"{p}: permission denied")
                continue
            not_read = ""
            if skipped:
                names = ", ".join(sorted(os.path.basename(n) for n in skipped)[:3]) + (", …" if len(skipped) > 3 else "")
                not_read = f"{count(len(skipped), 'file')} not read, only plain text (.txt) is: {names}"
            if not inside:
                problems.append(f"{p}: no .txt files in this folder" + (f" ({not_read})" if not_read else ""))
            elif not_read:
                problems.append(f"{p}: {not_read}")
            for name, key in inside:
                found.setdefault(name, key)
        elif str(p) not in found:
            try:
                found[str(p)] = _stat_key(os.stat(p))
            except OSError:
                found[str(p)] = None
    return list(found), problems, list(found.values())
