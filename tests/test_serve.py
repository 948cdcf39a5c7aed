"""``backcheck serve`` and the entry point that hands a ``check`` to it (issue #18: a fast single check).

The server tests start a real server (it loads spaCy, lingua and the embedding model) in a private
runtime folder and compare what a served check prints and returns with the same check run on its own
(``BACKCHECK_NO_SERVER=1``), byte for byte. The article is the bundled example.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from backcheck import launch

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "mt-article"


# ------------------------------------------------------------------------------------------ the client side


@pytest.mark.parametrize(("argv", "served"), [
    (["check", "a.txt", "-b", "b.txt"], True),
    (["-v", "check", "a.txt"], True),
    (["check", "--help"], False),       # help is printed by the command line itself
    (["corpus", "folder"], False),      # only a single check is served
    (["serve", "--stop"], False),
    ([], False),
])
def test_which_commands_a_server_runs(argv: list[str], served: bool) -> None:
    assert launch._served_command(argv) is served


def test_messages_keep_their_boundaries_and_carry_descriptors() -> None:
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    with a, b:
        r, w = os.pipe()
        launch.send_message(a, {"argv": ["check", "é"], "n": 1}, [w])
        data, fds, _flags, _addr = socket.recv_fds(b, 1 << 16, 1)
        os.write(fds[0], b"x")
        assert os.read(r, 1) == b"x"
        for fd in (r, w, *fds):
            os.close(fd)
        launch.send_message(a, {"exit": 1})
        launch.send_message(a, {"exit": 2})
        assert [launch.recv_message(b), launch.recv_message(b)] == [{"exit": 1}, {"exit": 2}]
        a.close()
        assert launch.recv_message(b) is None  # the other side went away
    assert data[4:].decode() == '{"argv": ["check", "\\u00e9"], "n": 1}'


def test_the_key_follows_the_settings_that_change_what_is_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    base = launch.code_key()
    monkeypatch.setenv("NO_COLOR", "1")           # passed to each request: same server
    monkeypatch.setenv(launch.DISABLE_ENV, "1")
    assert launch.code_key() == base
    monkeypatch.setenv("BACKCHECK_NO_SPACY", "1")  # the warm-up would have loaded another set
    assert launch.code_key() != base


def test_a_folder_others_can_enter_is_not_used(tmp_path: Path) -> None:
    folder = tmp_path / "run"
    assert launch.private_folder(folder, create=True)
    folder.chmod(0o755)
    assert not launch.private_folder(folder, create=False)
    assert not launch.private_folder(tmp_path / "missing", create=False)


def test_a_socket_nobody_listens_on_means_the_check_runs_here(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    path = launch.socket_path()
    assert launch.private_folder(path.parent, create=True)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()  # the file stays, no one listens (a server that was killed)
    assert path.exists()
    assert launch.forward(["check", "x.txt"]) is None


# ------------------------------------------------------------------------------------------ a real server


def _env(runtime: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != launch.DISABLE_ENV}
    env["XDG_RUNTIME_DIR"] = str(runtime)
    return env


def _backcheck(args: list[str], env: dict[str, str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "backcheck", *args], env=env, input=stdin, capture_output=True,
                          timeout=300, cwd=EXAMPLE)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, str], Path]]:
    runtime = tmp_path_factory.mktemp("runtime")
    env = _env(runtime)
    log = runtime / "server.log"
    with open(log, "wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "backcheck", "serve", "--idle-minutes", "5"], env=env,
                                stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + 240
    while b"ready in" not in log.read_bytes():
        assert proc.poll() is None, log.read_text()
        assert time.monotonic() < deadline, "the server did not get ready"
        time.sleep(0.2)
    yield env, log
    stopped = _backcheck(["serve", "--stop"], env)
    assert stopped.returncode == 0 and b"stopped" in stopped.stderr
    assert proc.wait(timeout=60) == 0
    assert not list(runtime.glob("backcheck/*.sock"))


def _served_count(log: Path) -> int:
    return log.read_text().count(": exit ")


def _wait_logged(log: Path, count: int) -> None:
    deadline = time.monotonic() + 30
    while _served_count(log) < count and time.monotonic() < deadline:
        time.sleep(0.1)


@pytest.mark.slow
@pytest.mark.parametrize("args", [
    ["check", "article.it.txt", "-s", "source.en.txt", "-b", "back.en.txt", "-f", "json"],
    ["-v", "check", "article.it.txt", "-b", "back.en.txt", "--min-severity", "major"],
    ["check", "missing.it.txt", "-b", "back.en.txt"],                        # bad input: exit 2
    ["check", "article.it.txt", "-b", "back.en.txt", "--fail-on", "critical", "-q"],
], ids=["json", "text", "missing-file", "gate"])
def test_a_served_check_prints_and_returns_what_a_check_alone_does(server: tuple[dict[str, str], Path],
                                                                  args: list[str]) -> None:
    env, log = server
    before = _served_count(log)
    served = _backcheck(args, env)
    _wait_logged(log, before + 1)
    assert _served_count(log) == before + 1, "the server did not run the check"
    alone = _backcheck(args, {**env, launch.DISABLE_ENV: "1"})
    assert (served.returncode, served.stdout, served.stderr) == (alone.returncode, alone.stdout, alone.stderr)
    assert served.returncode in (0, 1, 2) and (served.stdout or served.stderr)


@pytest.mark.slow
def test_a_served_check_reads_standard_input(server: tuple[dict[str, str], Path]) -> None:
    env, log = server
    article = (EXAMPLE / "article.it.txt").read_bytes()
    args = ["check", "-", "-b", "back.en.txt", "-f", "json"]
    before = _served_count(log)
    served = _backcheck(args, env, stdin=article)
    alone = _backcheck(args, {**env, launch.DISABLE_ENV: "1"}, stdin=article)
    _wait_logged(log, before + 1)
    assert _served_count(log) == before + 1
    assert served.returncode == alone.returncode == 1
    assert served.stdout == alone.stdout and b'"findings"' in served.stdout


@pytest.mark.slow
def test_a_second_server_for_the_same_code_is_refused(server: tuple[dict[str, str], Path]) -> None:
    env, _ = server
    again = _backcheck(["serve", "--idle-minutes", "0.1"], env)  # were it to start, it would soon stop
    assert again.returncode == 2 and b"already running" in again.stderr


@pytest.mark.slow
def test_a_check_from_a_terminal_starts_a_server_for_the_next_one(tmp_path: Path) -> None:
    """BACKCHECK_AUTOSERVE=1 stands for an interactive session (a terminal on stdin and stderr); a pipe,
    as here and in CI, starts nothing unless it is set."""
    env = _env(tmp_path)
    args = ["check", "article.it.txt", "-b", "back.en.txt", "-q"]
    plain = _backcheck(args, env)  # not interactive: no server
    assert plain.returncode == 1 and b"started a server" not in plain.stderr
    assert not list(tmp_path.glob("backcheck/*.sock"))
    first = _backcheck(args, {**env, launch.AUTOSTART_ENV: "1"})
    assert first.returncode == 1 and b"started a server in the background" in first.stderr
    log = tmp_path / "backcheck" / "serve.log"
    deadline = time.monotonic() + 240
    while b"ready in" not in log.read_bytes():
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.2)
    try:
        second = _backcheck(args, {**env, launch.AUTOSTART_ENV: "1"})
        _wait_logged(log, 1)
        assert _served_count(log) == 1  # served, and no second server started
        assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
        assert b"started a server" not in second.stderr
    finally:
        assert b"stopped 1 server" in _backcheck(["serve", "--stop"], env).stderr
