"""The code and the tests quote nothing of the shared data: rules, docstrings and test cases are written
from invented sentences, so that what the checks do is not fitted to the examples they are measured on
(the acceptance tests read ../shared; they do not copy it). A run of seven words that a text of
../shared also has, in a module or a test, is a copy. Skipped when ../shared is absent."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUN = 7


def _runs(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def test_no_module_or_test_quotes_the_shared_data(shared_dir: Path) -> None:
    shared: set[str] = set()
    for path in [*shared_dir.rglob("*.txt"), *shared_dir.rglob("gold.tsv")]:
        shared |= _runs(path.read_text(encoding="utf-8"))
    assert len(shared) > 10_000  # the data is there
    ours = [*ROOT.glob("src/**/*.py"), *ROOT.glob("src/**/*.tsv"), *ROOT.glob("tests/*.py"), *ROOT.glob("bench/*.py"),
            *ROOT.glob("bench/*.tsv")]
    copied = {}
    for path in ours:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            runs = _runs(line) & shared
            if runs:
                copied[f"{path.relative_to(ROOT)}:{n}"] = sorted(runs)[0]
    assert not copied, copied
