"""End-to-end throughput of ``backcheck corpus`` (issue #11), written into bench/RESULTS.md.

    python bench/bench_e2e.py            # or: make bench

On 20 generated 25-sentence articles (5 paragraphs of 5 sentences of ~28 subwords, random Italian words,
with a paragraph-mirrored English back-translation and an English source that differs in a few words):

1. engine path overhead: the full CTranslate2 engine path (beam search + per-token log-probabilities +
   cross-attention alignment) against pure CTranslate2 int8 generation, 32 sentences, beam 6;
2. pure generation limit: CTranslate2 int8 ``translate_batch`` over all 500 sentences at the model's
   default beam (6), batch 16, all cores, turned into articles/hour;
3. checker only (given back-translations, ``--engine none``) and CTranslate2 int8 translation + check,
   each with ``--jobs 1`` and ``--jobs 2`` (worker processes);
4. peak RSS of one worker with the full model and every resource loaded.

The model is the random-weight opus-mt-it-en-sized one of bench_engines.py; outputs have a fixed length
(bench_factories.OUTPUT_TOKENS), since random weights never stop on their own. Weights are random: only
speed is meaningful.
"""

from __future__ import annotations

import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from bench_factories import OUTPUT_TOKENS  # noqa: E402
from results import write_section  # noqa: E402

N_ARTICLES = int(os.environ.get("BENCH_ARTICLES", "20"))  # fewer only for a quick smoke run
PARAGRAPHS, PER_PARAGRAPH = 5, 5
SOURCE_TOKENS = 28
# the no-source checker-only rows run the 20 articles this many times (unique ids)
CHECKER_PASSES = int(os.environ.get("BENCH_PASSES", "5"))
BEAM = 6  # opus-mt-it-en's generation config
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))


def _sentence(rng: random.Random, words: list[str], count, target: int) -> str:  # type: ignore[no-untyped-def]
    out: list[str] = []
    while count(" ".join(out)) < target - 1:
        out.append(rng.choice(words))
    s = " ".join(out)
    return s[0].upper() + s[1:] + "."


def make_articles(count_tokens) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    from conftest_models import EN_WORDS, IT_WORDS

    rng = random.Random(11)
    arts = []
    for a in range(N_ARTICLES):
        it_paras, en_paras, src_paras = [], [], []
        for _ in range(PARAGRAPHS):
            it = [_sentence(rng, IT_WORDS, count_tokens, SOURCE_TOKENS) for _ in range(PER_PARAGRAPH)]
            en = [" ".join(rng.choice(EN_WORDS) for _ in range(len(s.split()))).capitalize() + "." for s in it]
            src = [" ".join(rng.choice(EN_WORDS) if rng.random() < 0.1 else w for w in s.split()) for s in en]
            it_paras.append(" ".join(it))
            en_paras.append(" ".join(en))
            src_paras.append(" ".join(src))
        # English snippets: the first sentence of each source paragraph, one per line
        snippets = "\n".join(p.split(". ")[0].rstrip(".") + "." for p in src_paras)
        arts.append({"id": f"a{a:02d}", "it": "\n\n".join(it_paras) + "\n",
                     "back_translation": "\n\n".join(en_paras) + "\n", "source": snippets})
    return arts


def write_manifest(path: Path, arts: list[dict[str, str]], *, passes: int = 1, given: bool = True,
                   source: bool = False) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for p in range(passes):
            for art in arts:
                row = dict(art, id=f"{art['id']}-{p}")
                if not given:
                    row.pop("back_translation")
                if not source:
                    row.pop("source")
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def run_corpus(manifest: Path, options, jobs: int, factory=None) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Articles/hour over the whole run (cold: worker start-up included) and in steady state (after the
    first 2 × jobs reports)."""
    from backcheck.corpus import check_corpus

    arrivals: list[float] = []
    t0 = time.perf_counter()
    result = check_corpus(manifest, options, jobs=jobs, checker_factory=factory,
                          progress=lambda done, total: arrivals.append(time.perf_counter()))
    total = time.perf_counter() - t0
    errors = [r.error for r in result.reports if r.error]
    if errors:
        raise SystemExit(f"benchmark articles failed: {errors[:2]}")
    n = len(result.reports)
    skip = min(2 * jobs, n - 2)
    steady = (n - skip) / (arrivals[-1] - arrivals[skip - 1]) * 3600 if skip else n / total * 3600
    return {"n": n, "seconds": total, "cold": n / total * 3600, "steady": steady}


def engine_overhead(model, sentences: list[str]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Full engine path vs pure generation on the same sentences, interleaved, best of REPEATS (wall)
    and the CPU time of the same runs."""
    from backcheck.translate.ctranslate2_engine import CTranslate2Translator

    ct = CTranslate2Translator(model, beam=BEAM, max_new_tokens=OUTPUT_TOKENS, min_new_tokens=OUTPUT_TOKENS)
    ct.translate(sentences[:2])
    tr = ct._load()
    batch = [ct.vocab.source(s)[1] + ["</s>"] for s in sentences]

    def pure() -> None:
        tr.translate_batch(batch, beam_size=BEAM, max_batch_size=ct.batch_size,
                           max_decoding_length=OUTPUT_TOKENS, min_decoding_length=OUTPUT_TOKENS)

    times: dict[str, list[tuple[float, float]]] = {"pure": [], "full": []}
    for _ in range(REPEATS):
        for name, fn in (("pure", pure), ("full", lambda: ct.translate(sentences))):
            w, c = time.perf_counter(), time.process_time()
            fn()
            times[name].append((time.perf_counter() - w, time.process_time() - c))
    tokens = len(sentences) * OUTPUT_TOKENS
    out = {}
    for name, ts in times.items():
        out[f"{name}_wall"] = min(t[0] for t in ts)
        out[f"{name}_cpu"] = min(t[1] for t in ts)
        out[f"{name}_tok_s"] = tokens / out[f"{name}_wall"]
    return out


def pure_limit(model, arts: list[dict[str, str]], layout: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Pure CTranslate2 int8 generation over every sentence of ``arts``: tokens/s → articles/hour.
    ``layout`` "2x1": two batches at a time on one thread each (as two workers run); "1x2": one batch
    at a time on two threads (as one worker runs)."""
    import ctranslate2

    from backcheck.text.document import segment
    from backcheck.translate.ctranslate2_engine import CTranslate2Translator, convert_model

    ct = CTranslate2Translator(model, beam=BEAM)
    inter, intra = (2, 1) if layout == "2x1" else (1, 2)
    tr = ctranslate2.Translator(str(convert_model(model, "int8")), device="cpu", compute_type="int8",
                                inter_threads=inter, intra_threads=intra)
    sentences = [s.text for art in arts for s in segment(art["it"]).sentences]
    batch = [ct.vocab.source(s)[1] + ["</s>"] for s in sentences]
    t0 = time.perf_counter()
    tr.translate_batch(batch, beam_size=BEAM, max_batch_size=ct.batch_size,
                       max_decoding_length=OUTPUT_TOKENS, min_decoding_length=OUTPUT_TOKENS)
    seconds = time.perf_counter() - t0
    tokens = len(sentences) * OUTPUT_TOKENS
    per_article = tokens / len(arts)
    return {"layout": layout, "sentences": len(sentences), "seconds": seconds, "tok_s": tokens / seconds,
            "per_article": per_article, "articles_h": tokens / seconds / per_article * 3600}


RSS_SCRIPT = """
import json, resource, sys
sys.path[:0] = {paths!r}
from bench_factories import fixed_length_checker
from backcheck.corpus.backends.processes import limit_malloc_arenas
from backcheck.run.options import CheckOptions, ArticleInput
limit_malloc_arenas()  # as every corpus worker process does before it loads anything
art = json.loads(open({manifest!r}, encoding="utf-8").readline())
checker = fixed_length_checker(CheckOptions(engine="ctranslate2", model={model!r}, use_cache=False))
checker.check(ArticleInput(id="x", text=art["it"], sources=[art["source"]]))
given = checker.check(ArticleInput(id="y", text=art["it"], sources=[art["source"]],
                                   back_translation=art["back_translation"]))
# this process's own peak: VmHWM (the high-water mark of its memory map). Not ru_maxrss: Linux carries
# the parent's peak into it across fork/exec, so a big parent (this benchmark) would be measured.
try:
    print([int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")][0])
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def worker_rss(model_dir: Path, manifest: Path) -> float:
    """Peak RSS (MB) of one fresh process with the full model and every resource loaded, after checking
    one article translated by the model and one with a given back-translation aligned by it."""
    script = RSS_SCRIPT.format(paths=[str(HERE), str(ROOT / "src")], manifest=str(manifest),
                               model=str(model_dir))
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    import ctranslate2
    from bench_engines import build_model, make_sentences
    from bench_factories import fixed_length_checker

    from backcheck.knowledge.models import resolve_model
    from backcheck.run.options import CheckOptions

    model_dir = build_model()
    model = resolve_model(str(model_dir))
    from backcheck.translate.marian import MarianVocab

    vocab = MarianVocab(model.path)
    arts = make_articles(vocab.count)
    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        given = write_manifest(work / "given.jsonl", arts, passes=CHECKER_PASSES)
        given_src = write_manifest(work / "given-snippets.jsonl", arts, source=True)
        untranslated = write_manifest(work / "translate.jsonl", arts, given=False)

        overhead = engine_overhead(model, make_sentences(vocab.count))
        print(f"engine path: {overhead}", file=sys.stderr)
        # the limit is measured three times around the translation runs (on 5 of the articles each
        # time) and the best is kept, so a quiet moment for the end-to-end runs cannot flatter them
        limits = [pure_limit(model, arts[:5], "1x2"), pure_limit(model, arts[:5], "2x1")]
        print(f"pure limit: {limits[-1]}", file=sys.stderr)
        rows = []
        none = CheckOptions(engine="none", use_cache=False)
        for jobs in (1, 2):
            rows.append(("checker only (given back-translations)", jobs, run_corpus(given, none, jobs)))
            print(rows[-1], file=sys.stderr)
        for jobs in (1, 2):
            rows.append(("checker only, + 5 English snippets", jobs, run_corpus(given_src, none, jobs)))
            print(rows[-1], file=sys.stderr)
        ct2 = CheckOptions(engine="ctranslate2", model=str(model_dir), use_cache=False)
        for jobs in (1, 2):
            rows.append(("CTranslate2 int8 + check", jobs, run_corpus(untranslated, ct2, jobs, fixed_length_checker)))
            print(rows[-1], file=sys.stderr)
            load.append(os.getloadavg()[0])
            limits += [pure_limit(model, arts[:5], "1x2"), pure_limit(model, arts[:5], "2x1")]
            print(f"pure limit: {limits[-1]}", file=sys.stderr)
        limit = max(limits, key=lambda r: r["tok_s"])
        rss = worker_rss(model_dir, given_src)
        print(f"rss {rss:.0f} MB", file=sys.stderr)

    ratio = overhead["full_wall"] / overhead["pure_wall"]
    cpu_ratio = overhead["full_cpu"] / overhead["pure_cpu"]
    checker = {j: r for name, j, r in rows if name.startswith("checker only (")}
    snippets = {j: r for name, j, r in rows if name.startswith("checker only,")}
    e2e = {j: r for name, j, r in rows if name.startswith("CTranslate2")}
    best_e2e = max(r["steady"] for r in e2e.values())
    lines = [
        f"Written by `make bench` (bench/bench_e2e.py); do not edit by hand. Machine: {os.cpu_count()} cores, "
        f"{platform.machine()}, Python {platform.python_version()}, ctranslate2 {ctranslate2.__version__}; "
        f"load average during the run {min(load):.1f}–{max(load):.1f} (`os.getloadavg`): the machine was "
        "shared with other jobs, so absolute figures are low and noisy; ratios come from runs side by side.",
        "",
        f"Articles: {N_ARTICLES} generated articles of {PARAGRAPHS * PER_PARAGRAPH} sentences (~{SOURCE_TOKENS} "
        f"subwords in, exactly {OUTPUT_TOKENS} out per sentence: {int(limit['per_article'])} output tokens per "
        f"article), random-weight opus-mt-it-en-sized model, beam {BEAM} (the model's default), int8.",
        "",
        "**Engine path** (32 sentences, beam 6, best of 3, interleaved): pure CTranslate2 generation "
        f"{overhead['pure_tok_s']:.0f} tok/s, full engine path (beam search + log-probabilities + alignment) "
        f"{overhead['full_tok_s']:.0f} tok/s: **{ratio:.2f}×** the time (CPU time {cpu_ratio:.2f}×; "
        "target ≤ 1.15×).",
        "",
        f"**Pure-generation limit**: CTranslate2 int8 `translate_batch` alone (beam {BEAM}, batch 16) over the "
        "sentences of 5 of the articles, before, between and after the translation runs, both as one batch at "
        "a time on 2 threads (`1x2`) and as two batches at a time on 1 thread each (`2x1`, CTranslate2 "
        "`inter_threads=2`, what two workers do): "
        f"{', '.join(str(r['layout']) + ' ' + str(round(r['tok_s'])) for r in limits)} tok/s. The best, "
        f"{limit['tok_s']:.0f} tok/s ({limit['layout']}), is the limit: **{limit['articles_h']:.0f} articles/hour**.",
        "",
        "| run | --jobs | articles | seconds | articles/hour (whole run) | articles/hour (steady state) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, jobs, r in rows:
        lines.append(f"| {name} | {jobs} | {r['n']} | {r['seconds']:.1f} | {r['cold']:,.0f} | {r['steady']:,.0f} |")
    lines += [
        "",
        "Steady state leaves out the first 2 × jobs reports (worker start-up: imports, lingua, the embedding "
        f"model, the engine). The first checker-only rows run the 20 articles {CHECKER_PASSES} times with no "
        "English source (every check that needs no source); the snippet rows add 5 English snippets per "
        "article (one per paragraph), which brings in source alignment and the divergence check. The "
        "translation rows have no source. All measure the detection code of this checkout.",
        "",
        f"- checker only, `--jobs 1`: {checker[1]['steady']:,.0f} articles/hour without a source, "
        f"{snippets[1]['steady']:,.0f} with 5 snippets (target ≥ 5,000)",
        f"- checker only, `--jobs 2` / `--jobs 1`: **{checker[2]['steady'] / checker[1]['steady']:.2f}×** steady "
        f"state, {checker[2]['cold'] / checker[1]['cold']:.2f}× whole run; with snippets "
        f"{snippets[2]['steady'] / snippets[1]['steady']:.2f}× (target ≥ 1.7×)",
        f"- end to end, best of `--jobs 1`/`2`: {best_e2e:,.0f} articles/hour = "
        f"**{best_e2e / limit['articles_h']:.0%}** of the pure-generation limit (target ≥ 80%)",
        f"- peak RSS of one worker (full model, lingua, embedding model, glossary loaded; one article "
        f"translated, one given back-translation aligned): **{rss:,.0f} MB** (target < 1,536 MB)",
        "",
    ]
    write_section(HERE / "RESULTS.md", "e2e", "End-to-end throughput (bench/bench_e2e.py)", lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
