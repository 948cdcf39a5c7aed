"""The one way backcheck writes files: parent folders created, checked before any work starts,
written to a temporary file beside the target and renamed over it (never a half-written report),
and OS errors turned into :class:`BackcheckError`."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from ..errors import BackcheckError


def _error(path: Path, what: str, exc: OSError) -> BackcheckError:
    reason = exc.strerror or type(exc).__name__
    return BackcheckError(f"cannot write {what} {path}: {reason}",
                          "choose a writable file path (its folder is created when missing)")


def _is_special(path: Path) -> bool:
    """True for an existing device, pipe or socket (``/dev/null``, ``/dev/stdout``): written in place."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def check_writable(path: Path, what: str = "output") -> None:
    """Fail now, before any work, when ``path`` cannot be written: a folder, under a file, read-only…

    Creates the missing parent folders and a throw-away file beside the target to prove it can.
    """
    path = Path(os.path.realpath(path))
    if path.is_dir():
        raise BackcheckError(f"cannot write {what} {path}: it is a folder", "give a file path, e.g. report.json")
    if _is_special(path):
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".probe")
        os.close(fd)
        os.unlink(probe)
        if path.exists() and not os.access(path, os.W_OK):
            raise PermissionError(13, "Permission denied")
    except OSError as exc:
        raise _error(path, what, exc) from None


def write_text(path: Path, text: str, what: str = "output") -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically: a temporary file in the same folder, renamed over
    the target. A device or pipe (``/dev/stdout``) is written in place."""
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise BackcheckError(f"cannot write {what} {path}: it is a folder", "give a file path, e.g. report.json")
    try:
        if _is_special(target):
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise _error(Path(path), what, exc) from None
