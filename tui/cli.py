"""The `nato-timeline` command: open the explorer, build, tag, list, search, show, export.

Every failure is one line on stderr and a non-zero exit status, never a
traceback: 2 for bad input (a malformed timeline, a bad argument), 1 for
"nothing found" or an unreadable path, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from pathlib import Path
from typing import NoReturn

from . import __version__
from .textutil import clean_display

COMMANDS = ("open", "build", "tag", "list", "search", "show", "export")


class CliError(Exception):
    def __init__(self, message: str, status: int = 2):
        super().__init__(message)
        self.status = status


def _err(message: str) -> None:
    sys.stderr.write(f"nato-timeline: {clean_display(message)}\n")


def _warn(message: str, quiet: bool = False) -> None:
    if not quiet:
        sys.stderr.write(f"warning: {clean_display(message)}\n")


def packaged_dir() -> Path:
    return Path(__file__).resolve().parent / "data"


def is_packaged(path: Path) -> bool:
    """Whether `path` is in the example shipped with the package: read-only, never written."""
    return packaged_dir() in Path(path).resolve().parents


def default_articles() -> Path | None:
    """Where the articles are when none are named: ./seeds/, else the current folder when it
    holds .txt files itself (`cd articles; nato-timeline`), else nowhere."""
    if Path("seeds").is_dir() and any(Path("seeds").rglob("*.txt")):
        return Path("seeds")
    try:
        with os.scandir(".") as entries:
            if any(e.name.endswith(".txt") and e.is_file() for e in entries):
                return Path(".")
    except OSError:
        pass
    return None


def default_timeline() -> tuple[Path | None, Path | None]:
    """(timeline to open, folder to build it from): ./timeline.yaml, else one built from the
    articles here (`default_articles`), else ours."""
    here = Path("timeline.yaml")
    if here.exists():
        return here, None
    if (articles := default_articles()) is not None:
        return here, articles
    return packaged_dir() / "timeline.yaml", None


# --- commands -----------------------------------------------------------------------------------

def cmd_open(args) -> int:
    from .app import run_app  # Textual is imported only here
    if args.file is None:
        path, seeds = default_timeline()
    else:
        path, seeds = Path(args.file), None
        if not path.exists():
            raise CliError(f"{path}: no such file", 1)
    if seeds is None:
        # Fail early, on the terminal, for a file that cannot be opened.
        from . import store
        try:
            store.load(path)
        except store.TimelineError as exc:
            raise CliError(str(exc), 2) from None
    return run_app(path, build_from=seeds)


def cmd_build(args) -> int:
    from . import store
    from .build import Inputs, build, finishing_label, record_build, up_to_date
    from .collector import collector_paused
    from .progress import progress_reporter
    output = Path(args.output)
    paths = [Path(p) for p in args.paths] or [default_articles()]
    if paths == [None]:
        raise CliError("no articles to build from: name .txt files or folders (nato-timeline build PATH …), "
                       "or put them in seeds/", 1)
    inputs = Inputs.scan(paths)
    report = None if args.no_cache else up_to_date(inputs, output)
    if report is not None:
        for w in report["warnings"]:
            _warn(w, args.quiet)
        if not args.quiet:
            sys.stdout.write(f"{clean_display(str(output))}: {report['summary']} (up to date: nothing changed)\n")
        return 0
    from .incremental import rebuild
    with collector_paused(resume=not _EXITS_AFTER):
        result = None if args.no_cache else rebuild(inputs, output)  # only what changed, when it can
        if result is None:
            old = None
            if output.exists():
                old = store.load(output)  # a malformed file stops the build and is left untouched
            # The bar stays, relabelled, while the events are grouped and written.
            with progress_reporter(args.quiet, "Reading articles", finishing=finishing_label(output)) as progress:
                result = build(inputs, output, old=old, progress=progress, jobs=args.jobs, use_cache=not args.no_cache)
                if result.articles == 0:
                    if len(result.warnings) == 1:  # the one reason is the error ("no such file or folder")
                        raise CliError(result.warnings[0], 1)
                    for w in result.warnings:
                        _warn(w, args.quiet)
                    raise CliError("no articles could be read from " + ", ".join(map(str, paths)), 1)
                data = store.save(result.timeline, output)
                if not args.no_cache:
                    record_build(output, result, data)
        elif not args.no_cache:
            record_build(output, result, result.text, full=False)
    for w in result.warnings:
        _warn(w, args.quiet)
    if not args.quiet:
        sys.stdout.write(f"{clean_display(str(output))}: {result.summary()}\n")
    return 0


def _tag_result(doc_id: str, dct, timexes) -> dict:
    return {"id": doc_id, "dct": dct.isoformat() if dct else None,
            "timexes": [t.as_dict() for t in timexes]}


def cmd_tag(args) -> int:
    from .temporal import tag
    dct = _parse_date(args.dct, "--dct") if args.dct else None
    out = sys.stdout
    if args.jsonl:
        from .ingest import Article, parse
        for n, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                doc_id, text = str(item["id"]), item["text"]
                if not isinstance(text, str):
                    raise TypeError
            except (ValueError, KeyError, TypeError):
                raise CliError(f"stdin line {n}: expected a JSON object with \"id\" and \"text\"") from None
            doc_dct = dct or (_parse_date(item["dct"], f"line {n} dct") if item.get("dct") else None)
            if doc_dct is None:
                from .build import date_and_tag
                article: Article = parse(text, Path(doc_id))
                anchors, tagged = date_and_tag([article])
                out.write(json.dumps(_tag_result(doc_id, anchors[0].date, tagged[0])) + "\n")
                continue
            out.write(json.dumps(_tag_result(doc_id, doc_dct, tag(text, doc_dct))) + "\n")
        return 0
    if not args.files:
        raise CliError("tag: give FILE... or --jsonl", 2)
    from .build import date_and_tag
    from .ingest import ArticleError, read_article
    articles, status = [], 0
    for f in args.files:
        try:
            articles.append(read_article(Path(f)))
        except ArticleError as exc:
            _warn(str(exc))
            status = 1
    if dct is not None:
        results = [(a, dct, tag(a.text, dct)) for a in articles]
    else:
        anchors, tagged = date_and_tag(articles)
        results = [(a, an.date, t) for a, an, t in zip(articles, anchors, tagged)]
    for a, d, timexes in results:
        out.write(json.dumps(_tag_result(a.stem, d, timexes), ensure_ascii=False) + "\n")
    return status


def _parse_date(value: str, what: str):
    import datetime as dt
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise CliError(f"{what}: not a date (YYYY-MM-DD): {value!r}") from None


# --- argument parsing ---------------------------------------------------------------------------

def make_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nato-timeline",
        description="Turn news articles into a dated, source-linked timeline and explore it.",
        epilog="With no command, opens the explorer on ./timeline.yaml (built from ./seeds/, or from the "
               ".txt files in the current folder, if missing).")
    p.add_argument("--version", action="version", version=f"nato-timeline {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    o = sub.add_parser("open", help="open the explorer on a timeline file")
    o.add_argument("file", nargs="?", help="timeline YAML (default: ./timeline.yaml)")
    o.set_defaults(func=cmd_open)

    b = sub.add_parser("build", help="build timeline.yaml from article files")
    b.add_argument("paths", nargs="*", metavar="PATH", help=".txt files or folders (default: seeds/, else the .txt files here)")
    b.add_argument("-o", "--output", default="timeline.yaml", metavar="FILE", help="default: timeline.yaml")
    b.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    b.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="worker processes for reading and tagging (default: all cores)")
    b.add_argument("--no-cache", action="store_true", help="ignore and do not update .nato-timeline/cache.sqlite")
    b.set_defaults(func=cmd_build)

    t = sub.add_parser("tag", help="print the temporal expressions of files as JSON lines")
    t.add_argument("files", nargs="*", metavar="FILE")
    t.add_argument("--dct", metavar="YYYY-MM-DD", help="publication date to resolve against")
    t.add_argument("--jsonl", action="store_true",
                   help='read {"id", "text", "dct"} JSON lines on stdin, write one result per line')
    t.set_defaults(func=cmd_tag)

    from .commands import add_reader_commands
    add_reader_commands(sub)
    return p


_EXITS_AFTER = False  # True in the console script, which leaves as soon as `main` returns (`run`)


def run() -> NoReturn:
    """The console script: `main`, then out at once with `os._exit`, as mypy does. A big build
    leaves millions of objects behind: freeing them one by one and the collection Python runs
    at shutdown took a second of a 20,000-article build, whose files are all written and closed
    by then. Not while another thread runs, which Python's own exit waits for. Tests call `main`,
    which returns."""
    global _EXITS_AFTER
    _EXITS_AFTER = True
    status = main()
    import threading
    if any(t is not threading.main_thread() and not t.daemon and t.is_alive() for t in threading.enumerate()):
        sys.exit(status)  # a thread that may still be at work (the explorer's last save): Python waits for it
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader gone from the pipe: said nothing more
            stream.flush()
    os._exit(status)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv = ["open", *argv]  # `nato-timeline FILE.yaml`
    try:
        args = make_parser().parse_args(argv)
        if getattr(args, "func", None) is None:
            args = make_parser().parse_args(["open"])
        return args.func(args)
    except CliError as exc:
        _err(str(exc))
        return exc.status
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the interpreter's final flush
        return 0
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        from .ingest import ArticleError
        from .store import TimelineError
        if isinstance(exc, TimelineError):
            _err(str(exc))
            return 2
        if isinstance(exc, ArticleError):
            _err(str(exc))
            return 1
        if isinstance(exc, OSError):
            _err(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
            return 1
        _err(f"internal error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
             " (please report this)")
        return 3


if __name__ == "__main__":  # pragma: no cover
    run()
