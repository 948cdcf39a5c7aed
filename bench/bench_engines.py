"""Benchmark the back-translation engines on a random-weight model with the opus-mt-it-en architecture.

    python bench/bench_engines.py            # or: make bench

Builds once into bench/.work/ (gitignored) a MarianMT with the architecture of Helsinki-NLP/opus-mt-it-en
(d_model 512, 6+6 layers, 8 heads, FFN 2048, swish, 512 positions, vocab 80,379, shared embeddings) and
a SentencePiece tokenizer trained on generated Italian text, then translates the same 32 sentences of
~30 subwords with both engines through the full engine path (beam search + per-token log-probs +
cross-attention alignment, i.e. what `backcheck translate` does) with a fixed output length of 30
tokens, so random weights cannot stop early. Also times a cached re-run against an uncached run.
Writes bench/RESULTS.md. Weights are random: only speed is meaningful.
"""

from __future__ import annotations

import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

WORK = HERE / ".work"
MODEL_DIR = WORK / "opus-mt-it-en-random"
N_SENTENCES = 32
SOURCE_TOKENS = 30
OUTPUT_TOKENS = 30
BEAMS = (6, 4)  # 6 = opus-mt-it-en's generation config (the default backcheck uses); 4 for comparison
REPEATS = 3  # best of, alternating engines (the machine may be shared)


def build_model() -> Path:
    from conftest_models import build_marian

    if not (MODEL_DIR / "config.json").is_file():
        print(f"building the random opus-mt-it-en-sized model in {MODEL_DIR} (once)...", file=sys.stderr)
        build_marian(MODEL_DIR, vocab_size=8000, pad_vocab_to=80379, d_model=512, layers=6, heads=8,
                     ffn=2048, max_positions=512, num_beams=6, max_length=512, n_sentences=20000)
    return MODEL_DIR


def make_sentences(count_tokens) -> list[str]:  # type: ignore[no-untyped-def]
    from conftest_models import IT_WORDS

    rng = random.Random(7)
    out = []
    while len(out) < N_SENTENCES:
        words: list[str] = []
        while count_tokens(" ".join(words)) < SOURCE_TOKENS - 1:
            words.append(rng.choice(IT_WORDS))
        s = " ".join(words)
        out.append(s[0].upper() + s[1:] + ".")
    return out


def interleaved(a, b) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Best-of-REPEATS times of a and b, alternating, so both see the same background load."""
    ta, tb = [], []
    for _ in range(REPEATS):
        for fn, times in ((a, ta), (b, tb)):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
    return min(ta), min(tb)


def main() -> None:
    import ctranslate2
    import torch
    import transformers

    from backcheck.knowledge.models import resolve_model
    from backcheck.text.document import segment
    from backcheck.translate import translate_article
    from backcheck.translate.cache import CachedTranslator
    from backcheck.translate.ctranslate2_engine import CTranslate2Translator
    from backcheck.translate.transformers_engine import TransformersTranslator

    os.environ.setdefault("BACKCHECK_CACHE", str(WORK / "cache"))
    model = resolve_model(str(build_model()))
    fixed = {"max_new_tokens": OUTPUT_TOKENS, "min_new_tokens": OUTPUT_TOKENS}
    probe = TransformersTranslator(model, **fixed)
    sentences = make_sentences(probe.vocab.count)
    n_in = sum(probe.vocab.count(s) for s in sentences)
    rows = []
    for beam in BEAMS:
        tf = TransformersTranslator(model, beam=beam, **fixed)
        ct = CTranslate2Translator(model, beam=beam, quantization="int8", **fixed)
        for eng in (tf, ct):
            eng.translate(sentences[:2])  # load + warm up
        t_tf, t_ct = interleaved(lambda tf=tf: tf.translate(sentences), lambda ct=ct: ct.translate(sentences))
        n_out = sum(len(r.en_tokens) for r in ct.translate(sentences[:4])) / 4 * N_SENTENCES
        rows.append((beam, t_tf, t_ct, n_out))
        print(f"beam {beam}: transformers {t_tf:.2f}s, ctranslate2 int8 {t_ct:.2f}s, "
              f"ratio {t_tf / t_ct:.2f}x", file=sys.stderr)

    # cached re-run vs uncached: the same article through CachedTranslator (ctranslate2, default beam)
    article = segment(" ".join(sentences))
    ct = CTranslate2Translator(model, **fixed)
    ct.translate(sentences[:2])
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        translate_article(article, CachedTranslator(ct, Path(tmp)))
        t_uncached = time.perf_counter() - t0
        t0 = time.perf_counter()
        fresh = CTranslate2Translator(model, **fixed)  # a new process would start like this: not loaded
        translate_article(article, CachedTranslator(fresh, Path(tmp)))
        t_cached = time.perf_counter() - t0
    print(f"uncached {t_uncached:.2f}s, cached re-run {t_cached * 1000:.1f}ms, "
          f"{t_uncached / t_cached:.0f}x", file=sys.stderr)

    lines = [
        "Written by `make bench`; do not edit by hand. Random weights with the opus-mt-it-en architecture "
        "(d_model 512, 6+6 layers, 8 heads, FFN 2048, vocab 80,379, shared embeddings); "
        f"{N_SENTENCES} sentences of ~{SOURCE_TOKENS} subwords in ({n_in} in total), exactly "
        f"{OUTPUT_TOKENS} tokens out each; batch size 16; best of {REPEATS}. Times are the full engine "
        "path: beam search plus per-token log-probabilities and cross-attention alignment.",
        "",
        f"Machine: {os.cpu_count()} CPU cores, {platform.machine()}, Python {platform.python_version()}, "
        f"torch {torch.__version__} ({torch.get_num_threads()} threads), transformers "
        f"{transformers.__version__}, ctranslate2 {ctranslate2.__version__}.",
        "",
        "| beam | engine | seconds | sentences/s | output tokens/s | speed-up |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    for beam, t_tf, t_ct, n_out in rows:
        lines.append(f"| {beam} | transformers fp32 | {t_tf:.2f} | {N_SENTENCES / t_tf:.1f} | "
                     f"{n_out / t_tf:.0f} | 1.00× |")
        lines.append(f"| {beam} | ctranslate2 int8 | {t_ct:.2f} | {N_SENTENCES / t_ct:.1f} | "
                     f"{n_out / t_ct:.0f} | {t_tf / t_ct:.2f}× |")
    lines += [
        "",
        f"Cache (ctranslate2 int8, beam {BEAMS[0]}, {N_SENTENCES}-sentence article): uncached "
        f"{t_uncached:.2f} s, cached re-run {t_cached * 1000:.1f} ms (model never loaded) — "
        f"{t_uncached / t_cached:.0f}× faster.",
        "",
        "Targets: CTranslate2 int8 ≥ 2.5× transformers fp32; cached re-run ≥ 50× faster than uncached.",
        "",
    ]
    from results import write_section

    write_section(HERE / "RESULTS.md", "engines", "Engine benchmark (bench/bench_engines.py)", lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
