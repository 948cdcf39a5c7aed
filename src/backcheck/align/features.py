"""The graded features of one word-alignment gap (:mod:`backcheck.align.words`), by the names the
judge's error model reads (:mod:`backcheck.judge.features`): what kind of difference it is, how
firmly anchors bracket it, how similar the two phrases are and how well each side is found in the
other's sentence, whether the Italian supports the source words or the back-translation's, how the
two head words relate in WordNet, how common they are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..knowledge.relations import RELATIONS, relation, zipf
from ..lang.en import negator
from .tokens import Word
from .words import Gap, WordAlignment

if TYPE_CHECKING:
    from ..knowledge.lexicon import Lexicon
    from ..knowledge.support import ItalianRegion

# Verbs whose meaning comes from their object: too light to be a reading of a word.
LIGHT_VERBS = frozenset({"make", "do", "have", "take", "get", "give", "go", "be", "put", "set"})


def _is_name(w: Word) -> bool:
    return w.text[:1].isupper() and w.start > 0


def _head(words: list[Word]) -> Word | None:
    """The phrase's head for WordNet: its last word that is neither a name nor a number."""
    return next((w for w in reversed(words) if not _is_name(w) and not w.norm.isdigit()), None)


def _support(words: list[Word], region: ItalianRegion) -> tuple[float, float, float]:
    """Shares of ``words`` the Italian ``region`` supports, does not support, cannot judge."""
    if not words:
        return 0.0, 0.0, 0.0
    verdicts = [region.supports(w.text) for w in words]
    n = len(verdicts)
    return (sum(v is True for v in verdicts) / n, sum(v is False for v in verdicts) / n,
            sum(v is None for v in verdicts) / n)


def _negated(words: list[Word]) -> bool:
    return any(negator(w.norm) or negator(w.text) for w in words)


def _pos(lex: Lexicon | None, w: Word | None) -> dict[str, float]:
    parts = lex.pos(w.norm, "english") if lex is not None and w is not None else frozenset()
    return {f"pos_{p}": float(p in parts) for p in "nvar"}


def features(gap: Gap, wa: WordAlignment, local: ItalianRegion, region: ItalianRegion, lex: Lexicon | None,
             similarity: float | None, whole_article: bool, found: tuple[float | None, float | None]
             ) -> dict[str, float]:
    """The graded features of one gap (names as the judge's model reads them); ``found``: how well each
    side's words are found in the other side's sentence (:func:`backcheck.align.context.found_in_context`)."""
    sw, bw = gap.source_words, gap.bt_words
    s_sup, s_uns, s_unk = _support(sw, local)
    b_sup, b_uns, b_unk = _support(bw, local)
    r_sup, r_uns, _ = _support(sw, region)
    hs, hb = _head(sw), _head(bw)
    rel = relation(lex, hs.norm, hb.norm) if hs is not None and hb is not None else "unknown"
    if rel == "antonym" and _negated(sw) != _negated(bw):
        rel = "synonym"  # a negated antonym says the same: "failed" read as "did not manage"
    f: dict[str, float] = {
        "substitution": float(gap.kind == "substitution"),
        "deletion": float(gap.kind == "deletion"),
        "insertion": float(gap.kind == "insertion"),
        "n_source": float(len(sw)),
        "n_bt": float(len(bw)),
        "edge": float(gap.edge),
        "anchors": ((gap.left.score if gap.left else 0.0) + (gap.right.score if gap.right else 0.0)) / 2,
        "unit_coverage": wa.coverage,
        "unit_gaps": float(len(wa.gaps)),
        "unit_score": wa.match.score,
        "whole_article": float(whole_article),
        "similarity": similarity if similarity is not None else 0.0,
        "has_similarity": float(similarity is not None),
        # 1 where a side has no words or the model is missing: nothing to look for
        "source_found": found[0] if found[0] is not None else 1.0,
        "bt_found": found[1] if found[1] is not None else 1.0,
        "has_found": float(found != (None, None)),
        "source_supported": s_sup, "source_unsupported": s_uns, "source_unknown": s_unk,
        "bt_supported": b_sup, "bt_unsupported": b_uns, "bt_unknown": b_unk,
        "source_supported_region": r_sup, "source_unsupported_region": r_uns,
        "zipf_source": min((zipf(w.norm) for w in sw if w.norm.isalpha()), default=0.0),
        "zipf_bt": min((zipf(w.norm) for w in bw if w.norm.isalpha()), default=0.0),
        "source_name": float(any(_is_name(w) for w in sw)),
        "bt_name": float(any(_is_name(w) for w in bw)),
        "source_number": float(any(w.norm.isdigit() for w in sw)),
        "bt_number": float(any(w.norm.isdigit() for w in bw)),
        "light_bt": float(bool(bw) and all(w.norm in LIGHT_VERBS for w in bw)),
        "same_stem": float(hs is not None and hb is not None and _stem(hs.norm, hb.norm)),
    }
    f.update({f"rel_{r}": float(rel == r) for r in RELATIONS})
    f.update(_pos(lex, hs))
    return f


def _stem(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 5 and short[:-1] in long_
