"""Run the invented probe pairs (bench/probe_pairs.tsv) through the production path and say which get
findings: the errors reached, and the controls (correct translations) with a finding.

    python bench/probe.py [--only ID ...]

Each pair is checked as a three-paragraph article (an unrelated first and last paragraph, the pair in
the middle) with the given back-translation and no model, so the alignment has neighbours to place it by.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from backcheck.run import Checker, CheckOptions, load_article_input

HERE = Path(__file__).resolve().parent
FRAME = ("Il governo ha presentato il bilancio in parlamento.", "The government presented the budget to parliament.")


def pairs(path: Path = HERE / "probe_pairs.tsv") -> list[tuple[str, str, str, str, str]]:
    """(id, expected, source, Italian, back-translation) rows of the probe file."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pid, expected, source, italian, back = line.split("\t")
            out.append((pid, expected, source, italian, back))
    return out


def run(rows: list[tuple[str, str, str, str, str]]) -> list[tuple[str, str, list[str]]]:
    """(id, expected, findings as "severity/check «span»") for each row."""
    checker = Checker(CheckOptions(engine="none"), translator=None)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for pid, expected, source, italian, back in rows:
            d = Path(tmp) / pid
            d.mkdir()
            (d / "article.it.txt").write_text(f"{FRAME[0]}\n\n{italian}\n\n{FRAME[0]}\n", encoding="utf-8")
            (d / "source.en.txt").write_text(f"{FRAME[1]}\n\n{source}\n\n{FRAME[1]}\n", encoding="utf-8")
            (d / "back.en.txt").write_text(f"{FRAME[1]}\n\n{back}\n\n{FRAME[1]}\n", encoding="utf-8")
            report = checker.check(load_article_input(d / "article.it.txt", [d / "source.en.txt"], d / "back.en.txt"))
            out.append((pid, expected, [f"{f.severity.value}/{f.check} «{f.text}»" for f in report.findings]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", help="probe ids to run")
    args = ap.parse_args()
    rows = [r for r in pairs() if not args.only or r[0] in args.only]
    results = run(rows)
    for pid, expected, found in results:
        print(f"{expected:8} {pid:40} {'; '.join(found) or '-'}")
    errors = [r for r in results if r[1] == "error"]
    controls = [r for r in results if r[1] == "control"]
    print(f"\nerrors reached: {sum(bool(f) for _, _, f in errors)} of {len(errors)}; "
          f"controls with a finding: {sum(bool(f) for _, _, f in controls)} of {len(controls)}")


if __name__ == "__main__":
    main()
