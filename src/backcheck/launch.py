"""The ``backcheck`` command's entry point: a ``check`` goes to a warm worker when one is serving this
very code (``backcheck serve``), anything else (and a ``check`` with no worker) runs here as before.

A cold ``check`` spends most of its time loading: spaCy's parser, lingua's language models, the
embedding model and the word tables (about 2.5 s of a 3 s check). ``backcheck serve`` loads them once
and forks a worker per request; the worker runs the same command line with this process's working
folder, environment and terminal (its stdin, stdout and stderr are passed over the socket), so the
output, the exit code, colours and progress lines are those of a check run here.

This module imports only the standard library: the client must cost nothing before it knows whether
a worker is there. The server side is :mod:`backcheck.cli.serve_cmd`.

Which worker: one whose *key* matches. The key hashes the package's files (names, sizes, mtimes), the
Python executable, the installed packages' folder and the environment variables that change what is
loaded (``BACKCHECK_*`` and the cache folder), so an edited, upgraded or differently
configured backcheck never talks to a worker holding other code or other models.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import struct
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

# Commands a worker runs; everything else always runs in this process.
SERVED = ("check",)
# Environment variables that change what the warm-up loads (its switches and the cache folder it reads
# the word tables from); the whole environment is passed to each request, where a model engine loads.
KEY_ENV = ("XDG_CACHE_HOME", "HOME")
KEY_ENV_PREFIX = "BACKCHECK_"
# A request's header may not exceed this (argv, working folder and environment as JSON).
MAX_HEADER = 1 << 20
DISABLE_ENV = "BACKCHECK_NO_SERVER"
# "0": never start a server by itself; "1": start one after any check (tests); unset: after a check run
# from a terminal (an interactive session, where the next check is likely to follow).
AUTOSTART_ENV = "BACKCHECK_AUTOSERVE"


def unix() -> bool:
    """Whether this system can serve: Unix sockets that carry file descriptors, and ``fork``."""
    return hasattr(socket, "AF_UNIX") and hasattr(socket, "send_fds") and hasattr(os, "fork")


def code_key() -> str:
    """The key a worker must have to run this process's command (see the module docstring)."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for root, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            st = os.stat(os.path.join(root, name))
            h.update(f"{os.path.relpath(os.path.join(root, name), package)}\0{st.st_size}\0{st.st_mtime_ns}\n"
                     .encode())
    h.update(sys.executable.encode() + b"\0" + sys.version.encode())
    # installing or removing a package adds or drops folders in site-packages: its mtime changes
    h.update(str(os.stat(sysconfig.get_paths()["purelib"]).st_mtime_ns).encode())
    for name in sorted(os.environ):
        if (name.startswith(KEY_ENV_PREFIX) or name in KEY_ENV) and name != DISABLE_ENV:
            h.update(f"{name}={os.environ[name]}\n".encode())
    return h.hexdigest()[:16]


def socket_folder() -> Path:
    """A folder only this user can enter: ``$XDG_RUNTIME_DIR/backcheck`` or ``/tmp/backcheck-<uid>``."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) / "backcheck" if runtime else Path(tempfile.gettempdir()) / f"backcheck-{os.getuid()}"
    return base


def socket_path(key: str | None = None) -> Path:
    return socket_folder() / f"{key or code_key()}.sock"


def private_folder(folder: Path, create: bool) -> bool:
    """``folder`` exists (made when ``create``), belongs to this user and no one else may enter it."""
    if create:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        st = folder.stat()
    except OSError:
        return False
    return st.st_uid == os.getuid() and not st.st_mode & 0o077


def listening(path: Path) -> bool:
    """Whether a server answers at ``path`` (a socket file can outlive its server)."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(str(path))
        return True
    except OSError:
        return False
    finally:
        sock.close()


def send_message(sock: socket.socket, message: dict[str, Any], fds: list[int] | None = None) -> None:
    """One length-prefixed JSON message, with file descriptors when given."""
    body = json.dumps(message).encode()
    data = struct.pack("!I", len(body)) + body
    if fds:
        socket.send_fds(sock, [data], fds)
    else:
        sock.sendall(data)


def _recv_exact(sock: socket.socket, n: int) -> bytes | None:
    chunks = b""
    while len(chunks) < n:
        got = sock.recv(n - len(chunks))
        if not got:
            return None
        chunks += got
    return chunks


def _size(head: bytes) -> int:
    (size,) = struct.unpack("!I", head)
    if size > MAX_HEADER:
        raise ValueError(f"message of {size} bytes")
    return int(size)


def recv_message(sock: socket.socket) -> dict[str, Any] | None:
    """The next message, or ``None`` when the other side closed the connection."""
    head = _recv_exact(sock, 4)
    if head is None:
        return None
    body = _recv_exact(sock, _size(head))
    return None if body is None else json.loads(body)  # type: ignore[no-any-return]


def unpack_message(data: bytes) -> dict[str, Any]:
    """The message that ``data`` holds whole (a request, read together with its descriptors)."""
    if len(data) < 4:
        raise ValueError("no message (a readiness probe)")
    if _size(data[:4]) != len(data) - 4:
        raise ValueError("a request must come in one message")
    return json.loads(data[4:])  # type: ignore[no-any-return]


def _served_command(argv: list[str]) -> bool:
    """The first word that is not an option names a served command (``backcheck -v check ...``)."""
    first = next((a for a in argv if not a.startswith("-")), None)
    return first in SERVED and "--help" not in argv


def _encodings() -> list[list[str | None]]:
    return [[getattr(s, "encoding", None), getattr(s, "errors", None)] for s in (sys.stdin, sys.stdout, sys.stderr)]


def forward(argv: list[str]) -> int | None:
    """Run ``argv`` on a worker serving this code: its exit code, or ``None`` when there is none (or it
    refused the request before starting it), so that the command runs here instead."""
    if not unix():
        return None
    path = socket_path()
    if not path.exists() or not private_folder(path.parent, create=False):
        return None
    fds = [0, 1, 2]
    try:
        for fd in fds:
            os.fstat(fd)
    except OSError:  # a closed standard stream cannot be passed on
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(str(path))
        send_message(sock, {"key": path.stem, "argv": argv, "cwd": os.getcwd(), "env": dict(os.environ),
                            "encodings": _encodings()}, fds)
        started = recv_message(sock)
    except (OSError, ValueError):  # no one listening (a stale socket), or a worker that went away
        sock.close()
        return None
    if not started or "pid" not in started:
        sock.close()
        return None
    return _wait(sock, int(started["pid"]))


def _wait(sock: socket.socket, pid: int) -> int:
    """Wait for the worker's exit code; Ctrl-C and termination are passed on to the worker."""

    def pass_on(signum: int, _frame: Any) -> None:
        try:
            os.kill(pid, signum)
        except OSError:
            pass

    previous = {s: signal.signal(s, pass_on) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        while True:
            try:
                done = recv_message(sock)
            except (OSError, ValueError):
                done = None
            if done is None:
                print("backcheck: the worker of `backcheck serve` ended without a result "
                      "(see the server's log); run the check again with BACKCHECK_NO_SERVER=1",
                      file=sys.stderr)
                return 3
            if "exit" in done:
                return int(done["exit"])
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        sock.close()


def _interactive() -> bool:
    return all(s is not None and s.isatty() for s in (sys.stdin, sys.stderr))


def autostart() -> bool:
    """After a check run here: start ``backcheck serve`` in the background, so that the next check of
    this session is served, when the session is interactive (or :data:`AUTOSTART_ENV` says so) and no
    server of this code is there. It loads while the reviewer reads this report; a check in between
    simply runs on its own. Whether one was started."""
    wanted = os.environ.get(AUTOSTART_ENV, "")
    if wanted == "0" or os.environ.get(DISABLE_ENV) or not unix():
        return False
    if wanted != "1" and not _interactive():
        return False
    path = socket_path()
    if not private_folder(path.parent, create=True):
        return False
    if listening(path):
        return False  # one is running
    import subprocess

    with open(path.parent / "serve.log", "ab") as log:
        subprocess.Popen([sys.executable, "-m", "backcheck", "serve"], stdin=subprocess.DEVNULL, stdout=log,
                         stderr=log, start_new_session=True, close_fds=True)
    print("backcheck: started a server in the background, so the next checks take about 1 s "
          f"(it stops after 30 idle minutes; `backcheck serve --stop`; {AUTOSTART_ENV}=0 never starts one)",
          file=sys.stderr)
    return True


def main() -> None:
    argv = sys.argv[1:]
    served = _served_command(argv) and not os.environ.get(DISABLE_ENV)
    if served:
        code = forward(argv)
        if code is not None:
            sys.exit(code)
    from .cli import main as cli_main

    try:
        cli_main()
    except SystemExit as done:
        if served and done.code in (0, 1, None):  # a check ran (not a usage error or bad input)
            autostart()
        raise
