"""Issue #18, item 7: a reviewer trusts what does not change. `backcheck check --format json` on the
bundled example with its given back-translation, run as five separate processes under five
PYTHONHASHSEED values, writes the same bytes every time. Nothing is removed before comparing: the
article report holds nothing time-dependent (a check's wall time, Report.seconds, is kept out of
to_dict() for this reason; JUnit carries it instead)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # five interpreter starts, each loading the resources

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "mt-article"
SEEDS = ("0", "1", "2", "3", "4242")


def _run(seed: str, cache: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "BACKCHECK_CACHE": str(cache), "NO_COLOR": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "backcheck", "check", str(EXAMPLE / "article.it.txt"),
         "--source", str(EXAMPLE / "source.en.txt"), "--back-translation", str(EXAMPLE / "back.en.txt"),
         "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


def test_json_report_is_byte_identical_under_every_hash_seed(tmp_path: Path) -> None:
    outputs: dict[str, bytes] = {}
    for pair in (SEEDS[:2], SEEDS[2:4], SEEDS[4:]):  # two at a time: the machine has two cores
        procs = {seed: _run(seed, tmp_path / "cache") for seed in pair}
        for seed, proc in procs.items():
            out, err = proc.communicate(timeout=600)
            assert proc.returncode == 1, err.decode()  # the example has findings on purpose
            outputs[seed] = out
    digests = {seed: hashlib.sha256(out).hexdigest()[:12] for seed, out in outputs.items()}
    assert len(set(digests.values())) == 1, digests
    assert b'"findings": [' in outputs[SEEDS[0]] and len(outputs[SEEDS[0]]) > 10_000
