"""Checker factories for bench/bench_e2e.py, in their own module so worker processes can import them.

A random-weight model never emits end-of-sentence on its own, so the benchmark fixes the output length
(``OUTPUT_TOKENS`` per sentence, as bench_engines.py does); everything else is the real engine path.
"""

from __future__ import annotations

from typing import Any

OUTPUT_TOKENS = 28  # ~700 output tokens per 25-sentence article (the GUIDE's estimate for real news)


def fixed_length_checker(options: Any) -> Any:
    """A real Checker on the CTranslate2 engine with a fixed output length, no cache."""
    from backcheck.knowledge.models import resolve_model
    from backcheck.run.checker import Checker
    from backcheck.translate.ctranslate2_engine import CTranslate2Translator

    engine = CTranslate2Translator(resolve_model(options.model), beam=options.beam, quantization="int8",
                                   threads=options.threads, max_new_tokens=OUTPUT_TOKENS,
                                   min_new_tokens=OUTPUT_TOKENS)
    return Checker(options, translator=engine)
