"""Writing a file so that a crash leaves the old one or the new one, never half of either.

The half-written file of a process killed outright (SIGKILL, power loss) stays behind as a
hidden `.NAME.PID.….tmp`; the next write of NAME removes it once that process is gone.
"""

from __future__ import annotations

import os
import secrets
import tempfile
import time
from pathlib import Path

STALE_AFTER_S = 60  # a temporary file this old, of a process that no longer runs, is left over


def write_atomic(path: Path, text: str | bytes, backup: bool = True) -> None:
    """Replace `path` with `text` (UTF-8) in one rename; the previous file is kept as `path.bak`."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    _remove_left_over(directory, path.name)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=directory)
    try:
        # mkstemp makes the file private (0600): give it the old file's mode, or the usual one.
        try:
            mode = path.stat().st_mode & 0o777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(text.encode("utf-8") if isinstance(text, str) else text)
            f.flush()
            os.fsync(f.fileno())
        if backup and path.exists():
            _keep_backup(path, path.with_name(path.name + ".bak"), directory)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _keep_backup(path: Path, bak: Path, directory: Path) -> None:
    """Make `bak` the file now at `path`: a hard link when the file system has them (no copy of
    30 MB; the new file is a new inode), else a synced copy. Either way one rename puts it there."""
    tmp = directory / f".{bak.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        os.link(path, tmp)
    except OSError:
        with open(tmp, "wb") as f:
            f.write(path.read_bytes())
            f.flush()
            os.fsync(f.fileno())
    try:
        os.replace(tmp, bak)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _remove_left_over(directory: Path, name: str) -> None:
    """Remove the temporary files of earlier writes of `name` whose process died mid-write. Only
    where a process can be asked whether it runs (POSIX), and only old ones: a file of a running
    writer, or of another machine sharing the folder, is never touched."""
    if os.name != "posix":
        return
    try:
        candidates = list(directory.glob(f".{name}.*.tmp"))
    except OSError:
        return
    for tmp in candidates:
        pid = tmp.name[len(name) + 2:].removeprefix("bak.").split(".", 1)[0]  # of the file or its backup
        if not pid.isdigit() or _running(int(pid)):
            continue
        try:
            if time.time() - tmp.stat().st_mtime > STALE_AFTER_S:
                tmp.unlink()
        except OSError:
            continue


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: it exists
        return True
    return True
