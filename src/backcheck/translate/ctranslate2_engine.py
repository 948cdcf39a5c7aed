"""The ``ctranslate2`` engine: the same MarianMT converted to CTranslate2 (int8 by default).

``translate_batch(return_attention=True)`` gives the hypothesis and its attention over the source in
the same beam-search call; ``score_batch`` then gives per-token log-probabilities in one teacher-forced
pass over all hypotheses at once (CTranslate2 returns per-step log-probabilities only for greedy search,
and has no Python API to reuse the encoder output between calls, so this pass re-encodes: about 13% of
the beam search's CPU time at beam 6, since it projects onto the 80k vocabulary once per token instead
of once per beam and token). The
converted copy lives in ``<cache>/ct2/<name>-<revision>-<quantization>`` and is made once, on first
use or by ``backcheck models convert``.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import Any

from ..defaults import DEFAULT_BATCH_SIZE, DEFAULT_QUANTIZATION
from ..errors import BackcheckError
from ..knowledge.models import ResolvedModel, ct2_dir
from .base import SegmentTranslation
from .marian import (
    argmax_alignment,
    output_limit,
)
from .marian_engine import MarianEngine

log = logging.getLogger(__name__)
# score_batch materialises the logits of every position (batch × length × 80k vocabulary × 4 bytes:
# 150 MB at 16 sentences of 30 tokens, 600 MB at 64); smaller batches are slower (8: +17% scoring time)
SCORE_BATCH_SIZE = 16
# a given back-translation's segments can hold several sentences: score them 8 at a time
FORCE_BATCH_SIZE = 8
QUANTIZATIONS = ("int8", "int8_float32", "int16", "float32", "float16", "bfloat16", "int8_float16")


def _import_ct2() -> Any:
    try:
        import ctranslate2
    except ImportError:
        raise BackcheckError("the ctranslate2 engine needs the ctranslate2 package",
                             "pip install 'backcheck[models]', or use --engine transformers") from None
    return ctranslate2


def convert_model(model: ResolvedModel, quantization: str = DEFAULT_QUANTIZATION, *, force: bool = False,
                  output_dir: Path | None = None) -> Path:
    """Convert a MarianMT folder to CTranslate2 once (skipped when present unless ``force``).

    Writes into a temporary folder beside the target and renames it, so concurrent runs never see a
    half-written model. Returns the CTranslate2 folder.
    """
    if quantization not in QUANTIZATIONS:
        raise BackcheckError(f"unknown quantization {quantization!r}", f"use one of {', '.join(QUANTIZATIONS)}")
    target = output_dir or ct2_dir(model, quantization)
    if (target / "model.bin").is_file() and not force:
        return target
    _import_ct2()
    from ctranslate2.converters import TransformersConverter

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=target.name + ".", dir=target.parent))
    try:
        log.info("converting %s to CTranslate2 (%s) in %s", model.path, quantization, target)
        with warnings.catch_warnings():  # the converter loads the tokenizer: "install sacremoses"
            warnings.simplefilter("ignore")
            TransformersConverter(str(model.path)).convert(str(tmp / "model"), quantization=quantization,
                                                           force=True)
        if (target / "model.bin").is_file() and not force:
            return target  # another process (a corpus worker) converted it meanwhile: keep theirs
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp / "model", target)
    except BackcheckError:
        raise
    except Exception as exc:
        raise BackcheckError(f"cannot convert {model.path} to CTranslate2: {type(exc).__name__}: "
                             f"{str(exc).splitlines()[0] if str(exc) else ''}",
                             "use --engine transformers") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


class CTranslate2Translator(MarianEngine):
    """MarianMT through CTranslate2 on CPU. Same results structure as the transformers engine.

    Alignment comes from the attention CTranslate2 returns (its converter keeps one head of the last
    decoder layer for it), so indices can differ from the transformers engine's head average.
    """

    engine = "ctranslate2"

    def __init__(self, model: ResolvedModel, *, beam: int | None = None,
                 quantization: str = DEFAULT_QUANTIZATION, batch_size: int = DEFAULT_BATCH_SIZE,
                 max_new_tokens: int | None = None, min_new_tokens: int = 0, threads: int = 0) -> None:
        if quantization not in QUANTIZATIONS:
            raise BackcheckError(f"unknown quantization {quantization!r}",
                                 f"use one of {', '.join(QUANTIZATIONS)}")
        super().__init__(model, beam=beam, batch_size=batch_size, max_new_tokens=max_new_tokens,
                         min_new_tokens=min_new_tokens)
        self.quantization = self.quant = quantization
        self.threads = threads
        self._translator: Any = None

    def force(self, sources: list[str], targets: list[str]) -> list[SegmentTranslation]:
        """Score given English ``targets`` (tokens, log-probs and attention of a forced prefix)."""
        tr = self._load()
        src = [self.vocab.source(s) for s in sources]
        tgt = [self.vocab.target(t) for t in targets]
        batch = [s[1] + ["</s>"] for s in src]
        prefixes = [t[1] for t in tgt]
        res = tr.translate_batch(batch, target_prefix=prefixes, beam_size=1, return_attention=True,
                                 max_batch_size=FORCE_BATCH_SIZE,
                                 max_decoding_length=max(len(p) for p in prefixes) + 1)
        scores = tr.score_batch(batch, prefixes, max_batch_size=FORCE_BATCH_SIZE)
        out = []
        for i, (s, t) in enumerate(zip(src, tgt, strict=True)):
            att = res[i].attention[0][: len(t[1])] if res[i].attention else []
            al = argmax_alignment(att, len(s[1])) if s[1] else [0] * len(t[1])
            out.append(self._result(sources[i], s[0], targets[i], t[0], list(scores[i].log_probs), al))
        return out

    def _load_unlocked(self) -> Any:
        if self._translator is None:
            ct2 = _import_ct2()
            path = convert_model(self.model_info, self.quantization)
            log.info("loading %s", path)
            self._translator = ct2.Translator(str(path), device="cpu", compute_type=self.quantization,
                                              intra_threads=self.threads or min(os.cpu_count() or 1, 8))
        return self._translator

    def _translate(self, sentences: list[str]) -> list[SegmentTranslation]:
        tr = self._load()
        enc = [self.vocab.source(s) for s in sentences]
        batch = [e[1] + ["</s>"] for e in enc]
        width = max(len(b) for b in batch)
        limit = self.max_new_tokens or output_limit(width, self.settings["max_length"],
                                                    self.settings["max_positions"])
        res = tr.translate_batch(batch, beam_size=self.beam, max_batch_size=self.batch_size,
                                 return_attention=True, max_decoding_length=limit,
                                 min_decoding_length=self.min_new_tokens or 1)
        hyps = [[p for p in r.hypotheses[0] if p not in ("</s>", "<pad>")] for r in res]
        scored = tr.score_batch(batch, hyps, max_batch_size=SCORE_BATCH_SIZE)
        out = []
        for i, (e, r, hyp) in enumerate(zip(enc, res, hyps, strict=True)):
            text, en_tokens = self.vocab.detok(hyp)
            att = r.attention[0][: len(hyp)] if r.attention else []
            al = argmax_alignment(att, len(e[1])) if e[1] else [0] * len(hyp)
            out.append(self._result(sentences[i], e[0], text, en_tokens, list(scored[i].log_probs), al))
        return out
