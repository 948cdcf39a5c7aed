"""The server side of ``backcheck serve``: the listening socket, and the worker forked for each request,
which becomes the client's process (its descriptors, working folder and environment) and runs its
command line (:mod:`backcheck.cli.serve_cmd` starts it; :mod:`backcheck.launch` is the client)."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import selectors
import signal
import socket
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from ..errors import BackcheckError
from ..launch import listening, recv_message, send_message, unpack_message

log = logging.getLogger(__name__)


def _stdio(encodings: list[list[str | None]]) -> None:
    """New ``sys.stdin/stdout/stderr`` over descriptors 0-2 (now the client's), in its encodings."""
    streams = []
    for fd, (encoding, errors) in enumerate(encodings):
        raw = io.FileIO(fd, "r" if fd == 0 else "w", closefd=False)
        buffered: Any = io.BufferedReader(raw) if fd == 0 else io.BufferedWriter(raw)
        streams.append(io.TextIOWrapper(buffered, encoding=encoding or "utf-8", errors=errors or "strict",
                                        line_buffering=fd != 0 and raw.isatty(), write_through=fd == 2))
    sys.stdin, sys.stdout, sys.stderr = streams


def _exit_code(code: object) -> int:
    """The process exit status of ``sys.exit(code)``."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _work(conn: socket.socket, fds: list[int], request: dict[str, Any]) -> None:
    """In the forked worker: become the client's process, run its command line, send its exit code."""
    for s in (signal.SIGTERM, signal.SIGCHLD):
        signal.signal(s, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    code = 3
    try:
        send_message(conn, {"pid": os.getpid()})
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        _stdio(request["encodings"])
        for handler in logging.root.handlers[:]:  # the server's stderr; the command sets up its own
            logging.root.removeHandler(handler)
        sys.argv = ["backcheck", *request["argv"]]
        from . import main

        try:
            main()
            code = 0
        except SystemExit as exc:
            code = _exit_code(exc.code)
        except KeyboardInterrupt:
            code = 130
        except BaseException:  # noqa: BLE001 - what an uncaught exception does to a process
            traceback.print_exc()
            code = 1
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        send_message(conn, {"exit": code})
    finally:
        os._exit(code)


class Server:
    """The listening socket and its forked workers."""

    def __init__(self, path: Path, idle_seconds: float) -> None:
        self.path = path
        self.idle_seconds = idle_seconds
        self.workers: dict[int, float] = {}  # pid: when it was forked
        self.last = time.monotonic()
        self.stopping = False
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)

    def bind(self) -> None:
        if self.path.exists():
            if listening(self.path):
                raise BackcheckError(f"a server for this backcheck is already running ({self.path})",
                                     "stop it with: backcheck serve --stop")
            self.path.unlink()
        self.sock.bind(str(self.path))
        self.sock.listen(16)

    def _reap(self) -> None:
        for pid, began in list(self.workers.items()):
            with contextlib.suppress(ChildProcessError):
                done, status, usage = os.wait4(pid, os.WNOHANG)
                if done:
                    del self.workers[pid]
                    # ru_maxrss (kB on Linux): the worker's peak, pages shared with the server included
                    log.info("worker %d: exit %d after %.2f s, peak %.0f MB", pid,
                             os.waitstatus_to_exitcode(status), time.monotonic() - began, usage.ru_maxrss / 1024)
                    self.last = time.monotonic()

    def serve(self) -> None:
        sel = selectors.DefaultSelector()
        sel.register(self.sock, selectors.EVENT_READ)
        try:
            while not self.stopping:
                if sel.select(timeout=0.2 if self.workers else 1.0):
                    self._accept()
                self._reap()
                if not self.workers and time.monotonic() - self.last > self.idle_seconds:
                    log.info("idle for %.0f s: stopping", self.idle_seconds)
                    break
        finally:
            sel.close()
            self.close()

    def _accept(self) -> None:
        conn, _ = self.sock.accept()
        fds: list[int] = []
        try:
            conn.settimeout(10)
            data, fds, _flags, _addr = socket.recv_fds(conn, 4 + (1 << 20), 3)
            request = unpack_message(data)
            if request.get("stop"):
                self.stopping = True
                send_message(conn, {"stopped": os.getpid()})
                return
            if request.get("key") != self.path.stem or len(fds) != 3:
                send_message(conn, {"refused": "another backcheck"})
                return
            self.last = time.monotonic()
            pid = os.fork()
            if pid == 0:
                self.sock.close()
                conn.settimeout(None)
                _work(conn, fds, request)
            self.workers[pid] = time.monotonic()
            log.info("worker %d: %s", pid, " ".join(request["argv"]))
        except (OSError, ValueError) as exc:
            log.info("request dropped: %s", exc)
        except Exception:  # noqa: BLE001 - one bad request must not stop the server
            log.exception("request dropped")
        finally:
            for fd in fds:
                with contextlib.suppress(OSError):
                    os.close(fd)
            conn.close()

    def close(self) -> None:
        self.sock.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


def stop(path: Path) -> bool:
    """Ask the server at ``path`` to stop; whether one was there."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(str(path))
        send_message(sock, {"stop": True})
        answer = recv_message(sock)
        return bool(answer and "stopped" in answer)
    except OSError:
        return False
    finally:
        sock.close()
