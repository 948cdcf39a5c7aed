"""The ``given`` engine: a back-translation the user supplies (``back.en.txt``).

The back-translation mirrors the article paragraph by paragraph (its k-th blank-line-separated
paragraph translates the article's k-th). Inside a paragraph, Italian and English sentences are paired
by a length-based dynamic program in the style of Gale & Church (1993): 1–1, 1–2 and 2–1 beads, plus
1–0/0–1 at a high cost whose leftover sentence is merged into its neighbour, so no text is dropped.
"""

from __future__ import annotations

import math
import re
from typing import Any

from ..errors import BackcheckError
from ..text.beads import best_beads
from ..text.document import Article, paragraph_spans, sentence_spans
from .base import SegmentTranslation, Token, Translation, Translator

# English characters per Italian character in news translation, and the variance of the difference
# per character (Gale & Church's s^2 = 6.8).
EN_PER_IT_CHARS = 0.95
LENGTH_VARIANCE = 6.8
# Prior probability of each bead (it sentences, en sentences), Gale & Church table 5.
BEAD_PRIORS = {(1, 1): 0.89, (1, 2): 0.0445, (2, 1): 0.0445, (1, 0): 0.005, (0, 1): 0.005}
_WORD = re.compile(r"\w+|[^\w\s]")


def word_tokens(text: str) -> list[Token]:
    """Word and punctuation tokens with offsets (used when no model scores the given English)."""
    return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _bead_cost(l_it: int, l_en: int, bead: tuple[int, int]) -> float:
    if l_it == 0 and l_en == 0:
        return -math.log(BEAD_PRIORS[bead])
    mean = (l_it + l_en / EN_PER_IT_CHARS) / 2
    delta = (l_en - l_it * EN_PER_IT_CHARS) / math.sqrt(max(mean, 1.0) * LENGTH_VARIANCE)
    p = 2 * (1 - 0.5 * (1 + math.erf(abs(delta) / math.sqrt(2))))
    return -math.log(max(p, 1e-12)) - math.log(BEAD_PRIORS[bead])


def pair_sentences(it_lengths: list[int], en_lengths: list[int]) -> list[tuple[list[int], list[int]]]:
    """Group sentence indices into beads (Italian indices, English indices), every index used once,
    in order; each bead has at least one sentence per side when both sides are non-empty."""
    def cost(i: int, a: int, j: int, b: int) -> float:
        return _bead_cost(sum(it_lengths[i:a]), sum(en_lengths[j:b]), (a - i, b - j))

    beads = [(list(range(i, a)), list(range(j, b)))
             for i, a, j, b in best_beads(len(it_lengths), len(en_lengths), BEAD_PRIORS, cost)]
    return _merge_empty(beads)


def _merge_empty(beads: list[tuple[list[int], list[int]]]) -> list[tuple[list[int], list[int]]]:
    """Fold 1–0 / 0–1 beads into the previous bead (or the next one at the start)."""
    out: list[tuple[list[int], list[int]]] = []
    pending_it: list[int] = []
    pending_en: list[int] = []
    for it, en in beads:
        if it and en:
            out.append((pending_it + it, pending_en + en))
            pending_it, pending_en = [], []
        elif out:
            out[-1][0].extend(it)
            out[-1][1].extend(en)
        else:
            pending_it += it
            pending_en += en
    if pending_it or pending_en:
        out.append((pending_it, pending_en))
    return out


def format_given(article: Article, translation: Translation) -> str:
    """The ``back.en.txt`` that :func:`pair_given` reads: the English of each segment, paragraphs
    mirroring the article's, separated by a blank line."""
    paragraphs: dict[int, list[str]] = {}
    for seg in translation.segments:
        sent = article.sentence_at(seg.start)
        paragraphs.setdefault(sent.paragraph if sent else -1, []).append(seg.en)
    return "\n\n".join(" ".join(p) for p in paragraphs.values()) + "\n"


def pair_given(article: Article, back_text: str, *, aligner: Translator | None = None,
               where: str = "back-translation") -> Translation:
    """Pair a given English back-translation with the article's sentences.

    With an ``aligner`` (a model engine), a teacher-forced pass over the given English gives subword
    tokens, log-probabilities and a cross-attention alignment; without one, tokens are words and
    ``alignment``/``en_logprobs`` are None.
    """
    back_paragraphs = paragraph_spans(back_text)
    if len(back_paragraphs) == 1 and len(article.paragraphs) > 1:
        # one line per paragraph without the blank lines between them (what a spreadsheet column or a
        # line-by-line MT export gives): each line is read as its paragraph when they are as many
        lines = [line for line in back_text.splitlines() if line.strip()]
        if len(lines) == len(article.paragraphs):
            back_text = "\n\n".join(lines) + "\n"
            back_paragraphs = paragraph_spans(back_text)
    if len(back_paragraphs) != len(article.paragraphs):
        art = article.path or "the article"
        n, m = len(back_paragraphs), len(article.paragraphs)
        raise BackcheckError(
            f"{where} has {n} paragraph{'s' if n != 1 else ''} but {art} has {m}",
            "the back-translation must mirror the article paragraph by paragraph: a blank line between "
            "paragraphs, or one line per paragraph")
    segments: list[SegmentTranslation] = []
    text = article.text
    for para, (pa, pb) in zip(article.paragraphs, back_paragraphs, strict=True):
        en_spans = sentence_spans(back_text, pa, pb)
        its = list(para.sentences)
        beads = pair_sentences([s.end - s.start for s in its], [b - a for a, b in en_spans])
        for it_idx, en_idx in beads:
            start, end = its[it_idx[0]].start, its[it_idx[-1]].end
            en = back_text[en_spans[en_idx[0]][0]:en_spans[en_idx[-1]][1]] if en_idx else ""
            it = text[start:end]
            segments.append(SegmentTranslation(start=start, end=end, it=it, en=en, it_tokens=word_tokens(it),
                                               en_tokens=word_tokens(en)))
    signature: dict[str, str] = {"engine": "given", "back_translation": where}
    if aligner is not None:
        _score_with(aligner, segments)
        sig = aligner.signature()
        signature.update({"aligner": sig.get("model", "?"), "aligner_revision": sig.get("revision", "?"),
                          "aligner_engine": sig.get("engine", "?"), "aligner_quant": sig.get("quant", "?")})
    return Translation(segments=segments, signature=signature)


def _score_with(aligner: Any, segments: list[SegmentTranslation]) -> None:
    force = getattr(aligner, "force", None)
    if force is None:
        raise BackcheckError("this translator cannot score a given back-translation",
                             "use the transformers or ctranslate2 engine as aligner")
    fits = getattr(aligner, "fits", None)
    todo = [k for k, s in enumerate(segments) if s.en and (fits is None or fits(s.it, s.en))]
    if not todo:
        return
    scored = force([segments[k].it for k in todo], [segments[k].en for k in todo])
    for k, r in zip(todo, scored, strict=True):
        seg = segments[k]
        seg.it_tokens, seg.en_tokens = r.it_tokens, r.en_tokens
        seg.en_logprobs, seg.score, seg.alignment = r.en_logprobs, r.score, r.alignment
