"""Two processes running the same code at once (cache files two checks may build together)."""

from __future__ import annotations

import subprocess
import sys


def run_twice_at_once(code: str, arg: str, timeout: float) -> list[str]:
    """The standard output of two ``python -c code arg`` processes started together; both must succeed."""
    procs = [subprocess.Popen([sys.executable, "-c", code, arg], stdout=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=timeout)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs)
    return outs
