"""The ``transformers`` engine: MarianMTModel on PyTorch (fp32, CPU).

Beam search gives the English; a forced-decoding pass over the final hypothesis then gives each
English token's log-probability and the cross-attention used for the token alignment. torch and
transformers are imported only when the first sentence is translated, so building the engine (and
answering from the cache) is cheap.
"""

from __future__ import annotations

import logging
from typing import Any

from ..defaults import DEFAULT_BATCH_SIZE
from ..knowledge.models import ResolvedModel
from .base import SegmentTranslation
from .marian import (
    ALIGNMENT_LAYERS,
    argmax_alignment,
    output_limit,
    sorted_batches,
)
from .marian_engine import MarianEngine

log = logging.getLogger(__name__)


class TransformersTranslator(MarianEngine):
    """MarianMT through transformers, float32 (see :class:`MarianEngine` for the settings)."""

    engine = "transformers"

    def __init__(self, model: ResolvedModel, *, beam: int | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
                 max_new_tokens: int | None = None, min_new_tokens: int = 0, threads: int = 0) -> None:
        super().__init__(model, beam=beam, batch_size=batch_size, max_new_tokens=max_new_tokens,
                         min_new_tokens=min_new_tokens)
        self.threads = threads
        self._model: Any = None

    def force(self, sources: list[str], targets: list[str]) -> list[SegmentTranslation]:
        """Score given English ``targets`` as translations of ``sources`` (tokens, log-probs, alignment)."""
        src = [self.vocab.source(s) for s in sources]
        tgt = [self.vocab.target(t) for t in targets]
        out: list[SegmentTranslation | None] = [None] * len(sources)
        for idx in sorted_batches([len(s[2]) for s in src], self.batch_size):
            got = self._forced([src[i][2] for i in idx], [tgt[i][2] for i in idx])
            for i, (lps, al) in zip(idx, got, strict=True):
                out[i] = self._result(sources[i], src[i][0], targets[i], tgt[i][0], lps, al)
        return [r for r in out if r is not None]

    # -- internals -----------------------------------------------------------------------------
    def _load_unlocked(self) -> Any:
        if self._model is None:
            try:
                import torch
                from transformers import MarianMTModel
            except ImportError:
                from ..errors import BackcheckError

                raise BackcheckError("the transformers engine needs torch and transformers",
                                     "pip install 'backcheck[models]' (torch CPU build first)") from None
            log.info("loading %s", self.model_info.path)
            if self.threads:
                torch.set_num_threads(self.threads)
            self._model = MarianMTModel.from_pretrained(str(self.model_info.path), attn_implementation="eager")
            self._model.eval()
        return self._model

    def _translate(self, sentences: list[str]) -> list[SegmentTranslation]:
        import torch

        model = self._load()
        enc = [self.vocab.source(s) for s in sentences]
        results: list[SegmentTranslation | None] = [None] * len(sentences)
        pad, eos = self.vocab.pad_id, self.vocab.eos_id
        for idx in sorted_batches([len(e[2]) for e in enc], self.batch_size):
            ids = [enc[i][2] + [eos] for i in idx]
            width = max(len(x) for x in ids)
            input_ids = torch.tensor([x + [pad] * (width - len(x)) for x in ids])
            mask = torch.tensor([[1] * len(x) + [0] * (width - len(x)) for x in ids])
            limit = self.max_new_tokens or output_limit(width, self.settings["max_length"],
                                                        self.settings["max_positions"])
            with torch.inference_mode():
                seqs = model.generate(input_ids=input_ids, attention_mask=mask, num_beams=self.beam,
                                      max_length=limit + 1, min_length=self.min_new_tokens + 1,
                                      do_sample=False)
            hyps = []
            for row in seqs.tolist():
                row = row[1:]  # decoder start token
                if eos in row:
                    row = row[: row.index(eos)]
                hyps.append([t for t in row if t != pad])
            got = self._forced([enc[i][2] for i in idx], hyps)
            for i, hyp, (lps, al) in zip(idx, hyps, got, strict=True):
                text, en_tokens = self.vocab.detok(self.vocab.target_ids_to_pieces(hyp))
                results[i] = self._result(sentences[i], enc[i][0], text, en_tokens, lps, al)
        return [r for r in results if r is not None]

    def _forced(self, sources: list[list[int]], targets: list[list[int]]) -> list[tuple[list[float], list[int]]]:
        """Teacher-forced pass: per-target-token log-probs and argmax cross-attention source index."""
        import torch

        model = self._load()
        pad, eos = self.vocab.pad_id, self.vocab.eos_id
        start = int(model.config.decoder_start_token_id)
        src = [s + [eos] for s in sources]
        labels = [t + [eos] for t in targets]
        sw, tw = max(len(s) for s in src), max(len(t) for t in labels)
        input_ids = torch.tensor([s + [pad] * (sw - len(s)) for s in src])
        mask = torch.tensor([[1] * len(s) + [0] * (sw - len(s)) for s in src])
        dec = torch.tensor([[start] + t[:-1] + [pad] * (tw - len(t)) for t in labels])
        lab = torch.tensor([t + [pad] * (tw - len(t)) for t in labels])
        with torch.inference_mode():
            out = model(input_ids=input_ids, attention_mask=mask, decoder_input_ids=dec,
                        output_attentions=True, return_dict=True)
            logp = torch.log_softmax(out.logits.float(), dim=-1).gather(-1, lab.unsqueeze(-1)).squeeze(-1)
            att = torch.stack(out.cross_attentions[-ALIGNMENT_LAYERS:]).mean(dim=(0, 2))  # (B, T, S)
        res = []
        for b, (s, t) in enumerate(zip(sources, targets, strict=True)):
            n = len(t)
            lps = logp[b, : n + 1].tolist()
            al = argmax_alignment(att[b, :n, : len(s)].tolist(), len(s)) if s else [0] * n
            res.append((lps, al))
        return res
