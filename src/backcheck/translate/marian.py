"""MarianMT tokenisation with character offsets, shared by the transformers and CTranslate2 engines.

Reads ``source.spm``, ``target.spm`` and ``vocab.json`` of a MarianMT folder directly with
sentencepiece (no transformers import), producing the same ids as ``MarianTokenizer`` plus the
character offsets of every piece. Also: splitting over-long sentences and merging piece results.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..errors import BackcheckError
from .base import SegmentTranslation, Token

# A source longer than this many subwords is split (opus-mt: max_position_embeddings 512 minus EOS
# and a margin); the effective limit is min(MAX_SOURCE_TOKENS, max_position_embeddings - 2).
MAX_SOURCE_TOKENS = 500
# Output length cap per segment: min(model max_length, ratio * source subwords + extra).
MAX_OUTPUT_RATIO = 3
MAX_OUTPUT_EXTRA = 16
# Cross-attention of the last ALIGNMENT_LAYERS decoder layers, averaged over heads, gives alignment.
ALIGNMENT_LAYERS = 2
UNK_TEXT = "⁇"
_CLAUSE_CUT = re.compile(r"[,;:)\]»”—–-](?=\s)")
_SPACE = re.compile(r"\s+")


def _char_index(text: str) -> list[int]:
    """byte offset → char offset for the UTF-8 encoding of ``text`` (one entry per byte, plus end)."""
    index: list[int] = []
    for i, ch in enumerate(text):
        index.extend([i] * len(ch.encode("utf-8")))
    index.append(len(text))
    return index


def _proto(sp: Any, text: str) -> Any:
    """Pieces with byte offsets (sentencepiece >= 0.2.1 ``return_type``, older ``out_type``)."""
    try:
        return sp.encode(text, return_type="proto")
    except TypeError:  # pragma: no cover - older sentencepiece
        return sp.encode(text, out_type="immutable_proto")


class MarianVocab:
    """The SentencePiece models and vocabulary of one MarianMT checkpoint folder."""

    def __init__(self, folder: Path) -> None:
        try:
            import sentencepiece as spm
        except ImportError:  # pragma: no cover - depends on the install
            raise BackcheckError("sentencepiece is not installed",
                                 "pip install 'backcheck[models]'") from None
        missing = [f for f in ("source.spm", "target.spm", "vocab.json") if not (folder / f).is_file()]
        if missing:
            raise BackcheckError(f"{folder} is not a MarianMT folder: missing {', '.join(missing)}",
                                 "give a MarianMT model folder (e.g. Helsinki-NLP/opus-mt-it-en)")
        cfg: dict[str, Any] = {}
        if (folder / "tokenizer_config.json").is_file():
            cfg = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
        self.src = spm.SentencePieceProcessor(model_file=str(folder / "source.spm"))
        self.tgt = spm.SentencePieceProcessor(model_file=str(folder / "target.spm"))
        self.encoder: dict[str, int] = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        target_vocab = folder / str(cfg.get("target_vocab_file") or "target_vocab.json")
        if cfg.get("separate_vocabs") and target_vocab.is_file():
            self.tgt_encoder: dict[str, int] = json.loads(target_vocab.read_text(encoding="utf-8"))
        else:
            self.tgt_encoder = self.encoder
        self.tgt_decoder = {v: k for k, v in self.tgt_encoder.items()}
        self.unk_id = self.encoder["<unk>"]
        self.eos_id = self.encoder["</s>"]
        self.pad_id = self.encoder.get("<pad>", len(self.encoder) - 1)

    # -- source side ---------------------------------------------------------------------------
    def source(self, text: str) -> tuple[list[Token], list[str], list[int]]:
        """Tokens with char offsets into ``text``, their pieces, and ids (without the final EOS)."""
        return self._encode(self.src, self.encoder, text)

    def count(self, text: str) -> int:
        return len(self.src.encode(text))

    # -- target side ---------------------------------------------------------------------------
    def target_ids_to_pieces(self, ids: Sequence[int]) -> list[str]:
        specials = {self.eos_id, self.pad_id}
        return [self.tgt_decoder.get(i, "<unk>") for i in ids if i not in specials]

    def detok(self, pieces: Sequence[str]) -> tuple[str, list[Token]]:
        """English text from target pieces ("▁" = space), with each piece's char offsets in it."""
        text = ""
        tokens: list[Token] = []
        for piece in pieces:
            core = piece.lstrip("▁")
            lead = len(piece) - len(core)
            if piece in ("<unk>", "<s>", "</s>", "<pad>"):
                core, lead = UNK_TEXT, 1
            if text and lead:
                text += " " * lead
            start = len(text)
            text += core
            tokens.append(Token(core, start, len(text)))
        return text, tokens

    def target(self, text: str) -> tuple[list[Token], list[str], list[int]]:
        """Target-side tokens/pieces/ids of a given English text (for forced decoding)."""
        return self._encode(self.tgt, self.tgt_encoder, text)

    def _encode(self, sp: Any, encoder: dict[str, int], text: str) -> tuple[list[Token], list[str], list[int]]:
        """Pieces of ``text`` under SentencePiece model ``sp``, with char offsets (leading space trimmed)
        and ids from ``encoder``."""
        proto = _proto(sp, text)
        index = _char_index(text)
        tokens, pieces, ids = [], [], []
        for p in proto.pieces:
            start, end = index[p.begin], index[p.end]
            while start < end and text[start].isspace():
                start += 1
            tokens.append(Token(text[start:end], start, end))
            pieces.append(p.piece)
            ids.append(encoder.get(p.piece, self.unk_id))
        return tokens, pieces, ids


def read_json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def model_settings(folder: Path) -> dict[str, int]:
    """num_beams, max_length and max_position_embeddings from the checkpoint's configs."""
    cfg = read_json(folder / "config.json")
    gen = read_json(folder / "generation_config.json")
    return {
        "num_beams": int(gen.get("num_beams") or cfg.get("num_beams") or 1),
        "max_length": int(gen.get("max_length") or cfg.get("max_length") or 512),
        "max_positions": int(cfg.get("max_position_embeddings") or 512),
    }


def source_limit(max_positions: int) -> int:
    return max(8, min(MAX_SOURCE_TOKENS, max_positions - 2))


def output_limit(n_source: int, model_max_length: int, max_positions: int) -> int:
    return max(1, min(model_max_length - 1, max_positions - 2, MAX_OUTPUT_RATIO * n_source + MAX_OUTPUT_EXTRA))


# -- long sentences ----------------------------------------------------------------------------
def _best_cut(text: str, start: int, end: int) -> int:
    middle = (start + end) // 2
    for pattern in (_CLAUSE_CUT, _SPACE):
        cuts = [m.end() for m in pattern.finditer(text, start, end) if start < m.end() < end]
        if cuts:
            return min(cuts, key=lambda c: abs(c - middle))
    return middle


def split_spans(text: str, count: Callable[[str], int], limit: int,
                start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` at clause boundaries, else white space, else anywhere, into pieces of at
    most ``limit`` subwords. Spans are stripped of white space; no character of text is lost."""
    end = len(text) if end is None else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return []
    if end - start <= 1 or count(text[start:end]) <= limit:
        return [(start, end)]
    cut = _best_cut(text, start, end)
    return split_spans(text, count, limit, start, cut) + split_spans(text, count, limit, cut, end)


def merge_pieces(text: str, spans: list[tuple[int, int]], parts: list[SegmentTranslation]) -> SegmentTranslation:
    """One result for ``text`` from the results of its pieces (offsets and indices shifted)."""
    it_tokens: list[Token] = []
    en_tokens: list[Token] = []
    logprobs: list[float] = []
    alignment: list[int] = []
    en = ""
    has_lp = all(p.en_logprobs is not None for p in parts)
    has_al = all(p.alignment is not None for p in parts)
    for (a, _b), p in zip(spans, parts, strict=True):
        shift_en = len(en) + (1 if en and p.en else 0)
        en = f"{en} {p.en}" if en and p.en else en + p.en
        base = len(it_tokens)
        it_tokens += [Token(t.text, t.start + a, t.end + a) for t in p.it_tokens]
        en_tokens += [Token(t.text, t.start + shift_en, t.end + shift_en) for t in p.en_tokens]
        if has_lp and p.en_logprobs is not None:
            logprobs += p.en_logprobs
        if has_al and p.alignment is not None:
            alignment += [i + base for i in p.alignment]
    scores = [p.score for p in parts if p.score is not None]
    return SegmentTranslation(
        start=0, end=len(text), it=text, en=en, it_tokens=it_tokens, en_tokens=en_tokens,
        en_logprobs=logprobs if has_lp else None,
        score=(sum(logprobs) / len(logprobs) if logprobs else (sum(scores) / len(scores) if scores else None)),
        alignment=alignment if has_al else None,
    )


def translate_with_split(sentences: list[str], split: Callable[[str], list[tuple[int, int]]],
                         run: Callable[[list[str]], list[SegmentTranslation]]) -> list[SegmentTranslation]:
    """Translate sentences one result each; over-long ones are split, translated and merged back."""
    plan = [split(s) or [(0, len(s))] for s in sentences]
    flat = [s[a:b] for s, spans in zip(sentences, plan, strict=True) for a, b in spans]
    results = run(flat) if flat else []
    out, k = [], 0
    for s, spans in zip(sentences, plan, strict=True):
        parts = results[k:k + len(spans)]
        k += len(spans)
        if len(spans) == 1 and spans[0] == (0, len(s)):
            out.append(parts[0])
        else:
            out.append(merge_pieces(s, spans, parts))
    return out


def sorted_batches(lengths: list[int], batch_size: int) -> list[list[int]]:
    """Indices grouped into batches of similar length (longest first); callers restore input order."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    return [order[i:i + batch_size] for i in range(0, len(order), batch_size)]


def argmax_alignment(rows: Sequence[Sequence[float]], n_source: int) -> list[int]:
    """For each target row, the source index (< n_source; EOS/pad columns ignored) with max weight."""
    out = []
    for row in rows:
        best, best_i = float("-inf"), 0
        for i in range(min(n_source, len(row))):
            if row[i] > best:
                best, best_i = row[i], i
        out.append(best_i)
    return out
