"""A reviewer's single-article check (issue #18): wall time and peak memory of one ``backcheck check``
process, this checkout against the code before issue #18, side by side in the same run.

    python bench/bench_single.py      # or: make bench

The article is ../shared/examples/austin-shoigu (the bundled examples/mt-article when ../shared is
absent) with its English snippets and given back-translation, every check. Each variant runs once to
warm its caches (the ONNX export, the word tables, the page cache), then :data:`RUNS` times, the two
variants alternating so that the machine's load falls on both alike. "Before" is
:data:`BASELINE` (``BENCH_BASELINE=<git ref>`` to change it), extracted with ``git archive`` into
bench/.work/ and run on this venv by putting its ``src`` first on ``sys.path``.

A third variant runs the same command with ``backcheck serve`` running (this checkout's), which
the entry point hands the check to. Peak memory is the process's own VmHWM read as it exits
(``ru_maxrss`` of a child can carry its parent's pages across fork/exec). Targets: at most 2.5 s
wall and 500 MB on 2 cores.

Writes its section of bench/RESULTS.md.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from results import write_section  # noqa: E402

# The code before issue #18's speed work (the commit this branch started from).
BASELINE = os.environ.get("BENCH_BASELINE", "8cdd0b6")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
TARGET_WALL, TARGET_MB = 2.5, 500

# Runs the CLI from the source folder in $BENCH_SRC (none: the installed backcheck) and writes the
# process's peak resident memory (kB) to $BENCH_HWM when it exits.
RUNNER = """
import atexit, os, sys
if os.environ.get("BENCH_SRC"):
    sys.path.insert(0, os.environ["BENCH_SRC"])
def _hwm():
    with open("/proc/self/status") as fh:
        kb = next(line.split()[1] for line in fh if line.startswith("VmHWM"))
    with open(os.environ["BENCH_HWM"], "w") as out:
        out.write(kb)
atexit.register(_hwm)
if os.environ.get("BENCH_SERVED"):  # the entry point: hands the check to `backcheck serve`
    from backcheck.launch import main
else:
    from backcheck.cli import main
sys.argv = ["backcheck", *sys.argv[1:]]
main()
"""
SERVED = "now, served"


class Server:
    """`backcheck serve` of this checkout in a private runtime folder, for the served variant: its log
    says each worker's peak memory (ru_maxrss: pages shared with the server included)."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="bench-serve-"))
        self.env = dict(os.environ, XDG_RUNTIME_DIR=str(self.folder))
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.log = self.folder / "serve.log"
        with open(self.log, "wb") as err:
            self.proc = subprocess.Popen([sys.executable, "-m", "backcheck", "serve", "--idle-minutes", "30"],
                                         env=self.env, stdout=subprocess.DEVNULL, stderr=err)
        while b"ready in" not in self.log.read_bytes():
            if self.proc.poll() is not None:
                raise SystemExit(f"backcheck serve failed: {self.log.read_text()}")
            time.sleep(0.2)

    def peaks(self) -> list[float]:
        return [float(line.rsplit("peak ", 1)[1].split()[0]) for line in self.log.read_text().splitlines()
                if " peak " in line]

    def resident_mb(self) -> float:
        with open(f"/proc/{self.proc.pid}/status") as fh:
            return int(next(line.split()[1] for line in fh if line.startswith("VmRSS"))) / 1024

    def stop(self) -> None:
        subprocess.run([sys.executable, "-m", "backcheck", "serve", "--stop"], env=self.env, capture_output=True)
        self.proc.wait(timeout=60)


_SERVER: Server | None = None


def article() -> tuple[str, list[str]]:
    shared = ROOT.parent / "shared" / "examples" / "austin-shoigu"
    folder = shared if shared.is_dir() else ROOT / "examples" / "mt-article"
    name = "../shared/examples/austin-shoigu" if folder == shared else "examples/mt-article"
    return name, [str(folder / "article.it.txt"), "-s", str(folder / "source.en.txt"),
                  "-b", str(folder / "back.en.txt")]


def baseline_src() -> Path:
    sha = subprocess.run(["git", "rev-parse", "--short", BASELINE], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    dest = HERE / ".work" / f"baseline-{sha}"
    if not (dest / "src" / "backcheck").is_dir():
        dest.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", sha, "src"], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest / "src"


def run_once(args: list[str], src: Path | str | None) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MB) of one ``backcheck`` process."""
    with tempfile.TemporaryDirectory() as tmp:
        hwm = Path(tmp) / "hwm"
        served = src == SERVED
        if served:
            assert _SERVER is not None
            env, done_before = dict(_SERVER.env), len(_SERVER.peaks())
            env.update(BENCH_HWM=str(hwm), BENCH_SRC="", BENCH_SERVED="1")
        else:
            env = dict(os.environ, BENCH_HWM=str(hwm), BENCH_SRC=str(src) if src else "", BACKCHECK_NO_SERVER="1")
        # compiled bytecode is a cache like the others: written on the warm-up run, read after it
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", RUNNER, *args], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode not in (0, 1):
            raise SystemExit(f"backcheck {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        if not served:
            return wall, cpu, int(hwm.read_text()) / 1024
        assert _SERVER is not None
        while len(_SERVER.peaks()) == done_before:  # the server logs a worker when it has reaped it
            time.sleep(0.05)
        return wall, cpu, _SERVER.peaks()[-1]


def measure(variants: dict[str, Path | str | None], args: list[str]) -> dict[str, list[tuple[float, float, float]]]:
    for src in variants.values():
        run_once(args, src)  # warm-up: caches and page cache
    out: dict[str, list[tuple[float, float, float]]] = {name: [] for name in variants}
    for _ in range(RUNS):
        for name, src in variants.items():
            out[name].append(run_once(args, src))
    return out


def main() -> int:
    name, args = article()
    global _SERVER
    variants: dict[str, Path | str | None] = {f"before ({BASELINE})": baseline_src(), "now": None, SERVED: SERVED}
    load = os.getloadavg()[0]
    _SERVER = Server()
    cases = {"every check": args, "`--check boilerplate`": [*args, "--check", "boilerplate"]}
    rows, summary = [], []
    for case, case_args in cases.items():
        got = measure(variants, ["check", *case_args])
        best = {v: min(w for w, _, _ in runs) for v, runs in got.items()}
        median = {v: statistics.median(w for w, _, _ in runs) for v, runs in got.items()}
        cpu = {v: statistics.median(c for _, c, _ in runs) for v, runs in got.items()}
        peak = {v: max(m for _, _, m in runs) for v, runs in got.items()}
        for v in variants:
            rows.append(f"| {case} | {v} | {best[v]:.2f} s | {median[v]:.2f} s | {cpu[v]:.2f} s | {peak[v]:.0f} MB |")
        before, now = next(iter(variants)), "now"
        summary.append(f"- {case}: wall {best[now]:.2f} s best, {median[now]:.2f} s median = "
                       f"**{median[now] / median[before]:.2f}×** the code before (median {median[before]:.2f} s); "
                       f"peak {peak[now]:.0f} MB = **{peak[now] / peak[before]:.2f}×** ({peak[before]:.0f} MB)")
        print(summary[-1], file=sys.stderr)
        summary.append(f"- {case}, served by `backcheck serve`: wall {best[SERVED]:.2f} s best, "
                       f"{median[SERVED]:.2f} s median = **{median[SERVED] / median[before]:.2f}×** the code before; "
                       f"the worker's peak {peak[SERVED]:.0f} MB, of which it shares most with the server")
        print(summary[-1], file=sys.stderr)
    server_mb = _SERVER.resident_mb()
    _SERVER.stop()
    lines = [
        f"Written by `make bench` (bench/bench_single.py); do not edit by hand. `backcheck check` on {name} "
        f"with its snippets (`-s`) and given back-translation (`-b`), one process per run: each variant once to "
        f"warm its caches, then {RUNS} runs, alternating. \"before\" is commit `{BASELINE}` run on the same venv. "
        f"CPU = user + system time of the process. Peak = its VmHWM at exit, highest of the runs. Python writes "
        f"and reads its bytecode cache as usual. Machine: {os.cpu_count()} cores, load average "
        f"{load:.1f} at the start and {os.getloadavg()[0]:.1f} at the end (a shared machine: compare the "
        f"variants, measured side by side; CPU time varies less with the load than wall time).",
        "",
        "| run | code | wall, best | wall, median | CPU, median | peak memory |",
        "|---|---|---:|---:|---:|---:|",
        *rows,
        "",
        *summary,
        "",
        f"\"now, served\": the same command with `backcheck serve` running (started once, before the runs; "
        f"the check is handed to a worker it forks, see backcheck/launch.py). CPU is then the client's "
        f"alone; peak is the worker's ru_maxrss, pages shared with the server included. The server held "
        f"{server_mb:.0f} MB resident after the runs.",
        "",
        f"Target (every check): at most {TARGET_WALL} s wall and {TARGET_MB} MB, second run.",
    ]
    write_section(HERE / "RESULTS.md", "bench_single", "Single-article check (bench/bench_single.py)", lines)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
