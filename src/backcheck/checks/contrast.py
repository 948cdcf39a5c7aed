"""contrast: source words the model finds unlikely given the Italian (contrastive conditioning).

With a model engine, every aligned source unit is forced-decoded *given the Italian region it was
placed on* (the same engine, ``engine.force``, as for scoring a given back-translation; Vamvas &
Sennrich 2021, 2022). A source word whose tokens the model finds far less likely than the model's own
back-translation of that Italian (mean log-probability more than :data:`CONFIG.margin` nats below the
back-translation's mean) is something the Italian does not say or says otherwise. The word is
projected onto the Italian through the forced pass's cross-attention. Always minor: the model is one
witness (with random or weak weights it is noise); a specific detector reports the same words as
major. Needs a model engine and an English source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..align import en_words, project_attention
from ..lang.en import is_content as is_en_content
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register


@dataclass(frozen=True)
class ContrastSettings:
    """The settings of this check (they enter the report signature)."""

    # Nats below the back-translation's mean log-probability that make a source word unlikely.
    margin: float = 3.0


CONFIG = ContrastSettings()


def unlikely_words(text: str, tokens: list[Any], logprobs: list[float], reference: float,
                   margin: float = CONFIG.margin) -> list[tuple[int, int, float, list[int]]]:
    """Content words of ``text`` whose tokens' mean log-probability is below ``reference - margin``:
    ``(start, end, mean, token indices)`` each."""
    out = []
    for w in en_words(text):
        idx = [j for j, t in enumerate(tokens) if t.start < w.end and w.start < t.end and j < len(logprobs)]
        if not idx or not is_en_content(w.text):
            continue
        mean = sum(logprobs[j] for j in idx) / len(idx)
        if mean < reference - margin:
            out.append((w.start, w.end, mean, idx))
    return out


@register
class ContrastCheck(Check):
    name = "contrast"
    needs = frozenset({Need.MODEL, Need.SOURCE})
    description = "Source words the model finds unlikely given the Italian (contrastive conditioning)."
    config = CONFIG

    def run(self, ctx: CheckContext) -> list[Candidate]:
        force = getattr(ctx.engine, "force", None)
        if force is None or ctx.alignment is None or ctx.translation is None:
            return []
        fits = getattr(ctx.engine, "fits", lambda it, en: True)
        pairs = [(m, ctx.article.text[m.it_start:m.it_end]) for m in ctx.alignment.matches if m.segments]
        pairs = [(m, region) for m, region in pairs if fits(region, m.source)]
        if not pairs:
            return []
        scored = force([region for _m, region in pairs], [m.source for m, _r in pairs])
        found: list[Candidate] = []
        for (m, _region), res in zip(pairs, scored, strict=True):
            bt_scores = [ctx.translation.segments[k].score for k in m.segments]
            bt = [s for s in bt_scores if s is not None]
            if not bt or not res.en_logprobs or not res.alignment:
                continue
            reference = sum(bt) / len(bt)
            source_words = en_words(m.source)
            for start, end, mean, _idx in unlikely_words(m.source, res.en_tokens, res.en_logprobs, reference):
                spans = project_attention([w for w in source_words if w.start == start], res)
                if not spans:
                    continue
                a, b = spans[-1]
                word = m.source[start:end]
                evidence = Evidence(kinds=("model-contrast",), source=m.source, back_translation=m.bt,
                                    phrases=(("source", word),),
                                    details={"logprob": round(mean, 2),
                                             "back_translation_logprob": round(reference, 2)})
                found.append(self.candidate(
                    ctx, m.it_start + a, m.it_start + b, Category.MISTRANSLATION, Claim.MODEL_UNLIKELY,
                    f"the model finds “{word}” unlikely given this Italian ({mean:.1f} vs {reference:.1f} "
                    "for its own back-translation): the Italian may not say it", evidence))
        return found
