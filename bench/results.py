"""bench/RESULTS.md holds one section per benchmark script; each script rewrites only its own."""

from __future__ import annotations

import re
from pathlib import Path

TITLE = "# Benchmarks (`make bench`)\n"


def write_section(path: Path, key: str, heading: str, lines: list[str]) -> None:
    """Replace (or append) the section marked ``<!-- key -->`` … ``<!-- /key -->`` in ``path``."""
    text = path.read_text(encoding="utf-8") if path.is_file() else TITLE
    block = f"<!-- {key} -->\n## {heading}\n\n" + "\n".join(lines).rstrip() + f"\n<!-- /{key} -->\n"
    pattern = re.compile(rf"<!-- {re.escape(key)} -->\n.*?<!-- /{re.escape(key)} -->\n", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")
