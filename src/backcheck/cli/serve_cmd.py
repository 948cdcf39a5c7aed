"""``backcheck serve``: keep the parser, the language models and the word tables loaded, and run each
``backcheck check`` of this user in a worker forked from the warm process (see :mod:`backcheck.launch`
for the client side and for which checks reach it).

Each request forks a fresh worker, so no state passes from one check to the next: the worker starts
from the process as the warm-up left it, the way a new process starts from the installed files, and
its report is byte for byte the report of a check run on its own (a test holds this). What the
warm-up loads must be safe across ``fork``: no thread pool and no open database is kept (the ONNX
session, with its threads, and the lexicon's SQLite connection are opened again by each worker).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import time
from pathlib import Path

import typer

from ..corpus.backends.processes import limit_malloc_arenas
from ..errors import BackcheckError
from ..launch import code_key, listening, private_folder, socket_path, unix
from . import app
from .serve_worker import Server, stop

# An invented article that takes every check through its first run (every lazy table and model loads).
WARM_ITALIAN = (
    "Il ministro ha detto lunedì che l'accordo non sarà firmato prima del 12 marzo 2025.\n\n"
    "Secondo Maria Rossi, portavoce del governo, 300 famiglie hanno ricevuto aiuti a Roma, "
    "and the talks will continue next week."
)
WARM_SOURCE = (
    "The minister said on Monday that the agreement will not be signed before March 12, 2025.\n\n"
    "According to Maria Rossi, a government spokeswoman, 300 families received aid in Rome, and the "
    "talks will continue next week."
)
WARM_BACK = (
    "The minister said on Monday that the agreement will not be signed before March 12, 2025.\n\n"
    "According to Maria Rossi, government spokesperson, 300 families have received aid in Rome, "
    "and the talks will continue next week."
)


def warm_up() -> None:
    """Load what a check with a given back-translation loads, then drop what must not cross a fork."""
    from ..knowledge import embeddings
    from ..run.checker import Checker
    from ..run.options import ArticleInput, CheckOptions
    from . import check_cmd  # noqa: F401  (the command's own imports)

    Checker(CheckOptions(engine="none", use_cache=False)).check(
        ArticleInput(id="warm-up", text=WARM_ITALIAN, sources=[WARM_SOURCE], back_translation=WARM_BACK))
    embeddings.drop_encoder()  # ONNX Runtime's thread pool does not survive a fork
    import gc

    gc.collect()  # closes the warm-up's lexicon connection with its Resources
    _trim()


def _trim() -> None:
    """Give the warm-up's freed memory back to the system (glibc keeps it otherwise; every worker would
    start with it counted in its resident size)."""
    if sys.platform.startswith("linux"):
        import ctypes
        import ctypes.util

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim(0)


def _detach(log_path: Path) -> bool:
    """Fork into the background; True in the background process, which has no terminal."""
    if os.fork():
        return False
    os.setsid()
    if os.fork():
        os._exit(0)
    devnull = os.open(os.devnull, os.O_RDONLY)
    out = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    for fd, target in ((devnull, 0), (out, 1), (out, 2)):
        os.dup2(fd, target)
    return True


def _wait_ready(path: Path, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and listening(path):
            return True
        time.sleep(0.1)
    return False


@app.command(help="""Keep backcheck loaded, so that each `backcheck check` of this user takes a fraction
of the time (about 1 s instead of 3 s for a short article with a given back-translation).

A check run from a terminal starts one by itself when none is running (BACKCHECK_AUTOSERVE=0: never).
A check finds the server by itself: nothing changes in how you run it, and its report, exit code and
output are those of a check run on its own (each check runs in a fresh worker forked from the warm
server). Only a server of the very same backcheck is used: after an upgrade, an edit or with other
BACKCHECK_* settings, checks run on their own until you start a new server. BACKCHECK_NO_SERVER=1 makes
a check ignore the server.

Examples:

  backcheck serve --background    # start it in the background (stops after 30 idle minutes)

  backcheck serve --stop          # stop it (and any server of an older backcheck)
""")
def serve(
    idle_minutes: float = typer.Option(30.0, "--idle-minutes", min=0.1,
                                       help="Stop after this long with no check."),
    background: bool = typer.Option(False, "--background", "-d",
                                    help="Run in the background; its log goes to serve.log next to the socket."),
    stop_it: bool = typer.Option(False, "--stop", help="Stop your running servers and exit."),
) -> None:
    if not unix():
        raise BackcheckError("backcheck serve needs a Unix system (Unix sockets and fork)",
                             "run checks on their own; they need no server")
    path = socket_path(code_key())
    if not private_folder(path.parent, create=True):
        raise BackcheckError(f"{path.parent} must belong to you and be private (mode 700)",
                             "remove it, or set XDG_RUNTIME_DIR to a private folder")
    if stop_it:  # every server of this user: those of an older backcheck too
        stopped = sum(stop(p) for p in sorted(path.parent.glob("*.sock")))
        typer.echo(f"stopped {stopped} server{'s' * (stopped != 1)}" if stopped else "no server is running",
                   err=True)
        return
    if path.exists() and listening(path):
        raise BackcheckError(f"a server for this backcheck is already running ({path})",
                             "stop it with: backcheck serve --stop")
    log_path = path.parent / "serve.log"
    if background and not _detach(log_path):
        if not _wait_ready(path, 120):
            raise BackcheckError(f"the server did not start; see {log_path}", "run `backcheck serve` to see why")
        typer.echo(f"serving checks in the background ({path}); stop with: backcheck serve --stop", err=True)
        return
    logging.getLogger("backcheck").setLevel(logging.INFO)
    server = Server(path, idle_minutes * 60)
    started = time.monotonic()
    limit_malloc_arenas()  # as a check does (its workers inherit it)
    warm_up()
    try:
        server.bind()
    except OSError as exc:  # e.g. a socket path longer than the system allows
        raise BackcheckError(f"cannot listen at {path}: {exc.strerror or exc}",
                             "set XDG_RUNTIME_DIR to a short private folder") from exc
    signal.signal(signal.SIGTERM, lambda *_: setattr(server, "stopping", True))
    print(f"backcheck serve: ready in {time.monotonic() - started:.1f} s at {path} "
          f"(pid {os.getpid()}; stops after {idle_minutes:g} idle minutes)", file=sys.stderr, flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        server.close()
    print("backcheck serve: stopped", file=sys.stderr, flush=True)
