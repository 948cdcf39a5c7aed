"""Checker speed (issue #7): the checks on a real corpus, against CTranslate2 translation, one run.

    python bench/bench_checker.py      # or: make bench

1. ``backcheck corpus`` over ../shared/corpora/newssyscomb2009-it-en (480 sentences, given
   back-translations, no model) as a subprocess, with its default workers (one per core): wall time
   including every model and resource load (MiniLM, spaCy, MultiWordNet) in every worker. Target: at
   most 20 s on 2 cores.
2. Checker time per sentence (in process, resources loaded, caches cold for the text) against
   CTranslate2 int8 translation time per sentence of the same Italian sentences with the
   full-size random-weight opus-mt-it-en model (bench_engines.py builds it once), at the model's
   default beam and a fixed output length of 30 tokens (what a real back-translation of a news
   sentence is), the fastest of three runs. The checker runs once: its caches are cold only the first
   time. Target: checker ≤ 5% of translation.
3. What issue #16's detectors add to the checker: the checker per sentence with every check and without
   them, each in a fresh process, alternately five times, as points of the translation time above (the median).
   Target: ≤ 1 point.

Writes its section of bench/RESULTS.md (between markers; other sections are left alone).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "newssyscomb2009-it-en"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

BEGIN, END = "<!-- bench_checker: begin -->", "<!-- bench_checker: end -->"
TRANSLATE_SENTENCES = 40
# Translation runs, the fastest kept: on a shared machine one run moves by ±10% (145–171 ms per sentence
# across one day's runs), and the fastest is the least disturbed (the ratio errs on the checker's side).
TRANSLATE_REPEATS = 3
OUTPUT_TOKENS = 30


def corpus_wall() -> float:
    exe = Path(sys.executable).with_name("backcheck")
    t0 = time.perf_counter()
    subprocess.run([str(exe), "corpus", str(CORPUS), "--engine", "none", "--quiet"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t0


# The detectors issue #16 added, and those written since for the same kinds of error (its target: together
# at most 1 percentage point of translation time).
DETECTORS_16 = ("attribution", "calendar", "dayparts", "intensity", "levels", "missingnames", "nationality",
                "quantifiers", "relativetime", "reversal", "roles", "specifics", "superlatives", "tense")
DETECTOR_ROUNDS = 5


def checker_per_sentence(without: tuple[str, ...] = ()) -> tuple[float, int]:
    from backcheck.checks import CHECKS
    from backcheck.run.checker import check_article
    from backcheck.run.options import CheckOptions, load_article_input
    from backcheck.text.document import segment

    checks = sorted(set(CHECKS) - set(without)) if without else None

    folders = sorted(p for p in CORPUS.iterdir() if p.is_dir())
    warm = load_article_input(ROOT / "examples" / "mt-article" / "article.it.txt",
                              [ROOT / "examples" / "mt-article" / "source.en.txt"],
                              ROOT / "examples" / "mt-article" / "back.en.txt")
    check_article(warm, CheckOptions(engine="none", checks=checks))  # loads every resource once
    n = 0
    t0 = time.perf_counter()
    for f in folders:
        inp = load_article_input(f / "article.it.txt", [f / "source.en.txt"], f / "back.en.txt")
        check_article(inp, CheckOptions(engine="none", checks=checks))
        n += len(segment(inp.text).sentences)
    return (time.perf_counter() - t0) / n, n


def translation_per_sentence() -> tuple[float, int]:
    from bench_engines import build_model

    from backcheck.knowledge.models import resolve_model
    from backcheck.text.document import segment
    from backcheck.translate.ctranslate2_engine import CTranslate2Translator

    os.environ.setdefault("BACKCHECK_CACHE", str(HERE / ".work" / "cache"))
    model = resolve_model(str(build_model()))
    ct = CTranslate2Translator(model, quantization="int8", max_new_tokens=OUTPUT_TOKENS,
                               min_new_tokens=OUTPUT_TOKENS)
    text = (sorted(p for p in CORPUS.iterdir() if p.is_dir())[0] / "article.it.txt").read_text(encoding="utf-8")
    sentences = [s.text for s in segment(text).sentences][:TRANSLATE_SENTENCES]
    ct.translate(sentences[:2])  # load + warm up
    best = float("inf")
    for _ in range(TRANSLATE_REPEATS):  # the engine keeps nothing between calls: each run is a whole one
        t0 = time.perf_counter()
        ct.translate(sentences)
        best = min(best, time.perf_counter() - t0)
    return best / len(sentences), ct.beam


def detectors_cost() -> list[float]:
    """What the detectors of :data:`DETECTORS_16` add to the checker, ms per sentence: the checker with
    every check and without them, each in a fresh process (cold caches, as above), alternately
    :data:`DETECTOR_ROUNDS` times; one difference per round."""
    def run(without: bool) -> float:
        args = [sys.executable, __file__, "--checker-only"] + (["--without-16"] if without else [])
        return float(subprocess.run(args, capture_output=True, text=True, check=True).stdout.split()[-1])

    return [1000 * (run(False) - run(True)) for _ in range(DETECTOR_ROUNDS)]


def main() -> int:
    if "--checker-only" in sys.argv:  # one measurement for detectors_cost, in its own process
        print(checker_per_sentence(DETECTORS_16 if "--without-16" in sys.argv else ())[0])
        return 0
    if not CORPUS.is_dir():
        print("../shared/corpora/newssyscomb2009-it-en is absent: nothing to measure", file=sys.stderr)
        return 0
    load = os.getloadavg()[0]
    wall = corpus_wall()
    print(f"backcheck corpus newssyscomb (given back-translations): {wall:.1f} s wall", file=sys.stderr)
    check_s, n = checker_per_sentence()
    trans_s, beam = translation_per_sentence()
    ratio = check_s / trans_s
    print(f"checker {check_s * 1000:.1f} ms/sentence; ctranslate2 int8 {trans_s * 1000:.0f} ms/sentence; "
          f"{100 * ratio:.1f}%", file=sys.stderr)
    added = sorted(detectors_cost())
    share = [100 * a / 1000 / trans_s for a in added]
    print(f"issue #16's detectors add {', '.join(f'{a:.1f}' for a in added)} ms/sentence "
          f"({', '.join(f'{x:.1f}' for x in share)} points)", file=sys.stderr)
    section = "\n".join([
        BEGIN,
        "## Checker (bench/bench_checker.py)",
        "",
        f"Machine: {os.cpu_count()} cores, load average {load:.1f} at the start (the machine may be shared).",
        "",
        "| what | measured | target |",
        "|---|---:|---:|",
        f"| `backcheck corpus` newssyscomb2009-it-en, {n} sentences, given back-translations, default "
        f"workers (one per core), wall with model loading | {wall:.1f} s | ≤ 20 s |",
        f"| checker time per sentence (resources loaded) | {check_s * 1000:.1f} ms | |",
        f"| CTranslate2 int8 translation per sentence (random full-size opus-mt-it-en, beam {beam}, "
        f"{OUTPUT_TOKENS} tokens out; fastest of {TRANSLATE_REPEATS}) | {trans_s * 1000:.0f} ms | |",
        f"| checker / translation | {100 * ratio:.1f}% | ≤ 5% |",
        f"| what issue #16's detectors ({', '.join(DETECTORS_16)}) add: the checker with and without them, "
        f"alternately in fresh processes, {DETECTOR_ROUNDS} rounds, from the lowest | "
        f"{' / '.join(f'{x:.1f}' for x in share)} points ({' / '.join(f'{a:.1f}' for a in added)} ms; median "
        f"{statistics.median(share):.1f}) | ≤ 1 point |",
        END,
    ])
    results = HERE / "RESULTS.md"
    old = results.read_text(encoding="utf-8") if results.exists() else ""
    if BEGIN in old and END in old:
        new = old[:old.index(BEGIN)] + section + old[old.index(END) + len(END):]
    else:
        new = old.rstrip("\n") + "\n\n" + section + "\n"
    results.write_text(new, encoding="utf-8")
    print(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
