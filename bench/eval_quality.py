"""Quality figures of issue #7 over ../shared, with the given back-translations and no model.

    python bench/eval_quality.py [--only NAME] [--show]

Prints one line per data set: recall / precision against gold spans where there is gold, major
findings per 100 sentences where there is none. ``--show`` lists the findings off gold (precision
losses) and the gold spans missed. The acceptance tests (tests/test_acceptance.py) assert the same
numbers against the issue's bars; this script is the development loop.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from backcheck.run.checker import check_article
from backcheck.run.options import CheckOptions, load_article_input

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@dataclass
class GoldScore:
    gold: int
    hit: int
    gold_major: int
    hit_major: int
    findings: int
    good: int
    majors: int
    good_majors: int


def gold_rows(folder: Path, text: str) -> list[tuple[int, int, str, str, str]]:
    """tests/_checkutil.gold_rows plus each row's severity."""
    sys.path.insert(0, str(ROOT / "tests"))
    from _checkutil import gold_rows as rows

    lines = [r.split("\t") for r in (folder / "gold.tsv").read_text(encoding="utf-8").splitlines()[1:] if r.strip()]
    severity = {cols[0]: cols[2] for cols in lines}
    return [(a, b, label, cat, severity[label]) for a, b, label, cat in rows(folder, text)]


def run(folder: Path):  # type: ignore[no-untyped-def]
    bt = folder / "back.en.txt"
    src = folder / "source.en.txt"
    inp = load_article_input(folder / "article.it.txt", [src] if src.exists() else [],
                             bt if bt.exists() else None)
    return check_article(inp, CheckOptions(engine="none"))


def overlaps(f, g) -> bool:  # type: ignore[no-untyped-def]
    return f.start < g[1] and g[0] < f.end


def score_gold(folders: list[Path], show: bool) -> GoldScore:
    s = GoldScore(0, 0, 0, 0, 0, 0, 0, 0)
    for folder in folders:
        rep = run(folder)
        gold = gold_rows(folder, rep.text)
        for g in gold:
            hit = any(overlaps(f, g) for f in rep.findings)
            s.gold += 1
            s.hit += hit
            if g[4] in ("major", "critical"):
                s.gold_major += 1
                s.hit_major += hit
            if show and not hit:
                print(f"  MISS {folder.name}: {g[2]!r} {g[3]} {g[4]}")
        for f in rep.findings:
            good = any(overlaps(f, g) for g in gold)
            s.findings += 1
            s.good += good
            if f.severity.rank >= 2:
                s.majors += 1
                s.good_majors += good
            if show and not good:
                print(f"  FP   {folder.name}: {f.text!r} {f.category.value}/{f.severity.value} [{f.check}] "
                      f"{f.message}")
    return s


def majors_per_100(folders: list[Path], show: bool) -> tuple[float, int, int, int]:
    sents = majors = minors = 0
    for folder in folders:
        rep = run(folder)
        from backcheck.text.document import segment

        sents += sum(len(p.sentences) for p in segment(rep.text).paragraphs)
        for f in rep.findings:
            minors += f.severity.rank < 2
            if f.severity.rank >= 2:
                majors += 1
                if show:
                    print(f"  MAJ  {folder.name}: {f.text!r} {f.category.value}/{f.severity.value} [{f.check}] "
                          f"{f.message}")
    return 100.0 * majors / max(sents, 1), majors, sents, minors


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    if not SHARED.is_dir():
        print("../shared is absent", file=sys.stderr)
        return 2
    corpora = SHARED / "corpora"
    t0 = time.perf_counter()
    if a.only in ("", "austin"):
        s = score_gold([SHARED / "examples" / "austin-shoigu"], a.show)
        print(f"austin-shoigu: recall {s.hit / s.gold:.2f} ({s.hit}/{s.gold}) precision "
              f"{s.good / max(s.findings, 1):.2f} ({s.good}/{s.findings})")
    if a.only in ("", "planted"):
        errs = sorted(p for p in (corpora / "planted-dev").iterdir()
                      if p.is_dir() and (p / "gold.tsv").read_text().count("\n") > 1)
        s = score_gold(errs, a.show)
        print(f"planted-dev: recall {s.hit / s.gold:.2f} ({s.hit}/{s.gold}) major-gold recall "
              f"{s.hit_major / s.gold_major:.2f} ({s.hit_major}/{s.gold_major}) precision "
              f"{s.good / max(s.findings, 1):.2f} ({s.good}/{s.findings}) major precision "
              f"{s.good_majors / max(s.majors, 1):.2f} ({s.good_majors}/{s.majors})")
        clean = [p for p in (corpora / "planted-dev").iterdir()
                 if p.is_dir() and (p / "gold.tsv").read_text().count("\n") <= 1]
        per, m, n, mi = majors_per_100(clean, a.show)
        print(f"planted-dev clean: {m} major, {mi} minor")
    for name in ("flores-it", "newssyscomb2009-it-en", "ntrex-it"):
        if a.only not in ("", name.split("-")[0]):
            continue
        folders = sorted(p for p in (corpora / name).iterdir() if p.is_dir())
        per, m, n, mi = majors_per_100(folders, a.show)
        print(f"{name}: {per:.1f} major per 100 sentences ({m}/{n}); {100 * mi / max(n, 1):.1f} minor per 100")
    print(f"time {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
