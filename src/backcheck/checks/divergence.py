"""divergence: the source and the back-translation differ on a word or phrase that anchors bracket.

Each source unit placed on the back-translation is word-aligned with it (:mod:`backcheck.align.words`):
between two consecutive anchors, a source phrase against a back-translation phrase is a substitution
("his Russian [counterpart | ally]"), a source phrase alone a deletion, a back-translation phrase
alone an insertion. Each becomes a candidate on the Italian words the back-translation phrase came
from (for a deletion: the words beside the gap), with graded features for the judge: how firmly
anchors bracket it, how similar the two phrases are, whether the Italian itself supports the source
words (then the back-translation drifted, not the translator) or the back-translation's, how the two
words relate in WordNet, how common they are. The check proposes; the judge's error model decides
which candidates are errors and how severe (:mod:`backcheck.judge`).
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

from ..align import project
from ..align.context import found_in_context
from ..align.features import features
from ..align.tokens import it_words
from ..align.words import Gap, WordAlignment, phrase_text
from ..knowledge.renderings import reads_as, rendered
from ..knowledge.support import ItalianRegion
from ..knowledge.support import region as support_region
from ..lang import fold
from ..lang.tokens import balanced_quotes, unpaired, without_unpaired
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

if TYPE_CHECKING:
    from ..align import SourceMatch


@dataclass(frozen=True)
class DivergenceSettings:
    """The settings of this check (they enter the report signature)."""

    # Italian words on each side of a projected span that count as its neighbourhood (local support).
    neighbourhood: int = 2
    # Phrase pairs embedded with the full model at most (the rest get the averaged-vector similarity).
    max_embedded: int = 400


CONFIG = DivergenceSettings()

KINDS = {"substitution": (Claim.PHRASE_DIFFERS, Category.MISTRANSLATION),
         "deletion": (Claim.PHRASE_MISSING, Category.OMISSION),
         "insertion": (Claim.PHRASE_ADDED, Category.ADDITION)}
# a difference found, before it is embedded: the gap, its unit's word alignment, the Italian span that
# carries it, whether that span reads as the back-translation's phrase, and every span it projects onto
Pending = tuple[Gap, WordAlignment, tuple[int, int], "bool | None", list[tuple[int, int]]]


def points_nowhere(italian: str, read: bool | None) -> bool:
    """The Italian a difference landed on is only function words («una», «della») and cannot be what
    the back-translation's phrase translates (``read`` is False): the finding would show the reviewer
    nothing that carries the difference."""
    return read is False and not any(w.content for w in it_words(italian))


def _join(spans: list[tuple[int, int]], text: str, max_gap_words: int = 3) -> list[tuple[int, int]]:
    """One phrase is one candidate: join projected pieces that few words separate."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and len(text[out[-1][1]:a].split()) <= max_gap_words and "\n" not in text[out[-1][1]:a]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return [piece for a, b in out for piece in _bracket_pieces(text, *balanced_quotes(text, a, b))]


def _bracket_pieces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """``text[a:b]`` cut at the brackets it opens or closes without their partner («tazze (alcune, un
    po'»: «tazze», «alcune, un po'»): the pieces are two phrases, one inside the brackets and one out."""
    cuts = sorted(a + k for k in unpaired(text[a:b]) if text[a + k] in "()[]")
    if not cuts:
        return [(a, b)]
    out = []
    for lo, hi in zip([a, *[c + 1 for c in cuts]], [*cuts, b], strict=True):
        while lo < hi and not text[lo].isalnum():
            lo += 1
        while hi > lo and not (text[hi - 1].isalnum() or text[hi - 1] in "»”\"?!."):
            hi -= 1
        if any(ch.isalpha() for ch in text[lo:hi]):
            out.append((lo, hi))
    return out or [(a, b)]


@lru_cache(maxsize=256)
def _words_of(region: str) -> tuple[Any, ...]:
    """The words of a match's Italian region (each of its differences asks again)."""
    return tuple(it_words(region))


def _local(text: str, spans: list[tuple[int, int]], match: SourceMatch, n: int) -> str:
    """The Italian of ``spans`` with ``n`` words on each side, inside the match's region."""
    region = text[match.it_start:match.it_end]
    words = _words_of(region)
    lo, hi = min(a for a, _ in spans) - match.it_start, max(b for _, b in spans) - match.it_start
    idx = [k for k, w in enumerate(words) if w.start < hi and lo < w.end]
    if not idx:
        return text[min(a for a, _ in spans):max(b for _, b in spans)]
    a, b = max(0, idx[0] - n), min(len(words) - 1, idx[-1] + n)
    return region[words[a].start:words[b].end]


def _shown(gap: Gap, at: tuple[int, int], spans: list[tuple[int, int]], ctx: CheckContext) -> Gap:
    """The gap as its finding quotes it: where the back-translation's phrase came from Italian pieces
    far apart and the finding sits on one of them (or a number of the phrase was left unplaced), only
    the back-translation words from that piece («rinviare» reads as “delay”, not as the whole “delay
    the decision on”); the message names the whole phrase too. The judge's features are the whole gap's."""
    if (len(spans) < 2 and not any(w.norm.isdigit() for w in gap.bt_words)) or not gap.bt_words \
            or ctx.translation is None:
        return gap  # one piece, from every word (a number's word is not projected: _place)
    start, end = at
    kept = [w for w in gap.bt_words if any(a < end and start < b for a, b in project([w], ctx.translation))]
    if not kept or len(kept) == len(gap.bt_words):
        return gap
    text_of = {k: seg.en for k, seg in enumerate(ctx.translation.segments)}
    return replace(gap, bt_words=kept, bt_phrase=phrase_text(text_of, kept))


def _message(kind: str, italian: str, gap: Gap, fix: dict[str, Any] | None = None, reads: bool | None = None,
             whole: str | None = None) -> str:
    """The finding's sentence. The English phrases are quoted without the brackets and quotation marks
    they leave open ("best) offer" is shown as "best offer"); the Italian as the finding marks it.
    ``whole``: the back-translation's whole phrase where the finding quotes only its piece (:func:`_shown`),
    named too, since the source's phrase stands against the whole of it."""
    bt, src = without_unpaired(gap.bt_phrase), without_unpaired(gap.source_phrase)
    full = without_unpaired(whole) if whole else bt
    reads_bt = f"“{bt}”" + (f" (part of “{full}”)" if full != bt else "")
    said = f"“{src}”" + (f" ({rendered(fix)})" if fix else "")
    where = f"«{italian}» reads as" if reads is not False else f"at «{italian}» the back-translation reads"
    if kind != "deletion" and full == bt and fold(bt) == fold(italian):
        # the back-translation kept the Italian word as it is (a loan, a name, a misspelling): nothing
        # "reads as" it
        kept = f"«{italian}» is left as it is in the back-translation"
        return f"{kept}; the source says {said}" if kind == "substitution" else f"{kept}; the source does not say it"
    if kind == "substitution":
        return f"{where} {reads_bt}; the source says {said}"
    if kind == "insertion":
        return f"{where} {reads_bt}, which the source does not say"
    return f"the source says “{src}” here; the Italian does not"


def _with_fix(ctx: CheckContext, gap: Gap, source: str, reads: bool | None, whole: str, c: Candidate) -> Candidate:
    """``c`` with its suggested fix, and the message that names it."""
    fix, detail = ctx.fix(c.start, c.end, gap.source_phrase, source, gap.bt_phrase)
    if not detail:
        return replace(c, complete=None)
    return replace(c, message=_message(gap.kind, c.text, gap, detail, reads, whole), suggestion=fix,
                   evidence=replace(c.evidence, details={"fix": detail}), complete=None)


def _sentences(ctx: CheckContext) -> list[str]:
    """Every placed source unit and its back-translation segments: the texts whose token vectors
    :func:`~backcheck.align.context.found_in_context` reads (those of the units with a word-alignment
    gap: nearly all of them), known before the word alignment, so the model starts while it runs."""
    assert ctx.translation is not None
    matches = ctx.alignment.matches if ctx.alignment is not None else []
    return list(dict.fromkeys([m.source for m in matches]
                              + [ctx.translation.segments[k].en for m in matches for k in m.segments]))


@register
class DivergenceCheck(Check):
    name = "divergence"
    # The judge grades a difference by whether each side's words, read in context, are said anywhere in
    # the other sentence (embedding token vectors); without the embedding model a paraphrase cannot be
    # told from an error (116 minor false alarms on flores-it's 92 sentences), so the check is skipped
    # with the reason instead.
    needs = frozenset({Need.BACK_TRANSLATION, Need.SOURCE, Need.EMBEDDINGS})
    description = "Source and back-translation differ on a word or phrase that anchors bracket."
    config = CONFIG

    prepares = True
    # what prepare() found and started, on this article
    _pending: list[Pending] | None = None
    _tokens: Future[list[Any] | None] | None = None
    _texts: list[str] | None = None  # the texts _tokens is computing the token vectors of
    _sims: Future[list[float | None]] | None = None

    def prepare(self, ctx: CheckContext) -> None:
        """Start the embedding model on the background thread while the word alignment and the other
        checks run: the token vectors of the placed sentences, then the phrase similarities of the
        differences once they are placed."""
        emb = ctx.resources.embeddings
        if emb is not None:
            self._texts = _sentences(ctx)
            self._tokens = emb.in_background(emb.token_vectors, self._texts)
        self._pending = self._differences(ctx)
        if emb is not None:
            self._sims = emb.in_background(self._similarities, [p[0] for p in self._pending], ctx)

    def _differences(self, ctx: CheckContext) -> list[Pending]:
        assert ctx.translation is not None
        lex = ctx.resources.lexicon
        text = ctx.article.text
        # One difference, one candidate: where the projection falls on pieces far apart, the piece that
        # reads as the back-translation's phrase (else the longest) carries it. A difference that lands
        # only on function words it cannot come from is dropped before anything is embedded for it.
        pending: list[Pending] = []
        for wa in ctx.word_alignments():
            for gap in wa.gaps:
                spans = self._place(gap, wa, ctx)
                if not spans:
                    continue
                read = {sp: reads_as(text[sp[0]:sp[1]], gap.bt_phrase, lex) for sp in spans}
                start, end = max(spans, key=lambda sp: (read[sp] is True, read[sp] is not False, sp[1] - sp[0],
                                                        -sp[0]))
                if not points_nowhere(text[start:end], read[(start, end)]):
                    pending.append((gap, wa, (start, end), read[(start, end)], spans))
        return pending

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.translation is not None and ctx.alignment is not None
        lex = ctx.resources.lexicon
        whole = ctx.alignment.whole_article
        text = ctx.article.text
        # what prepare() started, or the same work here (computed without the embedding caches, the
        # result is the same on either thread)
        emb = ctx.resources.embeddings
        texts = self._texts if self._texts is not None else _sentences(ctx)
        got = self._tokens.result() if self._tokens is not None else emb.token_vectors(texts) if emb else None
        vectors = dict(zip(texts, got, strict=True)) if got is not None else None
        pending = self._pending if self._pending is not None else self._differences(ctx)
        sims = self._sims.result() if self._sims is not None else self._similarities([p[0] for p in pending], ctx)
        found = found_in_context([(p[0], p[1]) for p in pending], ctx.translation, vectors)
        out: list[Candidate] = []
        for (gap, wa, (start, end), reads, spans), sim, seen in zip(pending, sims, found, strict=True):
            m = wa.match
            local = ItalianRegion(_local(text, spans, m, CONFIG.neighbourhood), lex)
            feats = features(gap, wa, local, support_region(text[m.it_start:m.it_end], lex), lex, sim, whole, seen)
            claim, category = KINDS[gap.kind]
            shown = _shown(gap, (start, end), spans, ctx)
            evidence = Evidence(kinds=("word-alignment",), source=m.source, back_translation=m.bt,
                                phrases=(("back_translation", shown.bt_phrase), ("source", gap.source_phrase)),
                                similarity=round(sim, 3) if sim is not None else None, features=feats)
            message = _message(gap.kind, text[start:end], shown, {}, reads, gap.bt_phrase)
            cand = self.candidate(ctx, start, end, category, claim, message, evidence)
            if gap.kind == "substitution":  # the fix is rendered only for a candidate the judge reports
                cand = replace(cand, complete=partial(_with_fix, ctx, shown, m.source, reads, gap.bt_phrase))
            out.append(cand)
        return out

    @staticmethod
    def _place(gap: Gap, wa: WordAlignment, ctx: CheckContext) -> list[tuple[int, int]]:
        """The Italian spans of a gap (a deletion sits on the words of the anchor beside it)."""
        assert ctx.translation is not None
        if gap.bt_words:
            words = [w for w in gap.bt_words if not w.norm.isdigit()] or gap.bt_words
            return _join(project(words, ctx.translation), ctx.article.text)
        anchor = wa.beside(gap)
        if anchor is None:
            return []
        return _join(project([wa.bt[anchor.bt]], ctx.translation), ctx.article.text)

    @staticmethod
    def _similarities(gaps: list[Gap], ctx: CheckContext) -> list[float | None]:
        """Embedding similarity of the two phrases of each substitution (``None`` for the others, or
        without the embedding model)."""
        emb = ctx.resources.embeddings
        out: list[float | None] = [None] * len(gaps)
        subs = [k for k, g in enumerate(gaps) if g.kind == "substitution"][:CONFIG.max_embedded]
        if emb is None or not subs:
            return out
        sims: list[Any] = emb.phrase_similarity([(gaps[k].bt_phrase, gaps[k].source_phrase) for k in subs],
                                                cached=False)
        for k, s in zip(subs, sims, strict=True):
            out[k] = s
        return out
