"""reversal: the back-translation reads the opposite of a source word, or the converse of a relation.

Between two anchors of the word alignment (:mod:`backcheck.align.words`) the source says one word
and the back-translation another: when the two are WordNet antonyms ("opening" / "closing"), directly
or through a word one step down the hierarchy ("reduce", a way to "decrease", against "increase"), or
converses ("receive" / "donate": who gives and who gets is swapped; ``lang/data/converses.tsv``), or
the back-translation's word is the source's without its reversing prefix ("deconfliction" /
"conflict", "non-binding" / "binding": a word WordNet does not list the antonym of) or a word that
means that rest ("confrontation": :func:`reversed_stem`), the Italian reverses
the source — unless the Italian itself also carries a translation of the source word (then the
back-translation drifted, not the translator). So is a state moved in time ("still" read as "no longer",
"not yet" as "no longer": :mod:`backcheck.lang.aspect`) when the Italian marks it so («non … più»). A
proved reversal: critical.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from ..align import words_match
from ..knowledge.parser import verb_forms
from ..knowledge.relations import antonymous, relation
from ..knowledge.renderings import as_fix, render_opposite, rendered
from ..knowledge.support import ItalianRegion
from ..knowledge.support import region as support_region
from ..lang import fold
from ..lang.aspect import aspect, opposed_words
from ..lang.datafiles import word_set
from ..lang.en import converse, negator
from ..lang.en import lemma as en_lemma
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

if TYPE_CHECKING:
    from ..align.tokens import Word
    from ..align.words import WordAlignment
    from ..knowledge.lexicon import Lexicon


# English light verbs (Jespersen's term; Butt, "The light verb jungle", 2010): in "take a turn", "give
# a speech" the noun carries the meaning, so the verb's own antonyms say nothing of the phrase.
LIGHT_VERBS = frozenset({"do", "get", "give", "have", "make", "take"})
# A reversal often reorders its clause ("whose kidney she will receive" / "to whom she will donate her
# kidney"): the two words may sit in gaps this far apart.
NEAR = 2


# Prefixes that reverse or negate what the rest of the word says (Quirk et al., A Comprehensive Grammar
# of the English Language, App. I.21-25: negative and reversative prefixes). "in-" and its variants are
# left out: too many words only look prefixed ("invaluable", "impress").
REVERSING_PREFIXES = ("counter", "anti", "non", "dis", "de", "un")
# The word the prefix is dropped from shares at least this many first letters with the word read.
PREFIX_STEM = 5


def dropped_prefix(a: str, b: str) -> str | None:
    """The reversing prefix of source lemma ``a`` that back-translation lemma ``b`` lacks, when ``b`` is
    the rest of ``a`` ("deconfliction" / "conflict", "non-binding" / "binding"); else ``None``."""
    if not a.startswith(REVERSING_PREFIXES):
        return None  # most words: no prefix to lose
    for prefix in REVERSING_PREFIXES:
        if not a.startswith(prefix) or b.startswith(prefix):
            continue
        rest = a[len(prefix):].lstrip("-")
        n = min(len(rest), len(b))
        if n >= PREFIX_STEM and rest[:PREFIX_STEM] == b[:PREFIX_STEM]:
            return prefix
    return None


# What the back-translation's word may be to the stem for it to read as the stem ("confrontation" is
# a kind of "conflict" in WordNet): one meaning, not merely a word of the same field.
STEM_RELATIONS = frozenset({"synonym", "hypernym", "sibling", "similar"})


def reversed_stem(lex: Lexicon, a: str, b: str, embeddings: Callable[[], Any] | None = None) -> tuple[str, str] | None:
    """(prefix, stem) when the back-translation's word ``b`` reads as source word ``a`` without its
    reversing prefix: ``b`` is the rest of ``a`` (:func:`dropped_prefix`), or, with the embedding model
    (``embeddings`` gives it, loaded only when a pair gets this far), ``b`` is WordNet-related to the
    stem (the longest English word the rest of ``a`` starts with) and closer to it in meaning than to
    ``a`` itself: "deconfliction" read as "confrontation", which means "conflict" (but "discover" read
    as "find" is closer to "discover" than to "cover")."""
    a, b = a.lower(), b.lower()
    if not a.startswith(REVERSING_PREFIXES):
        return None  # most words: no prefix to lose
    prefix = dropped_prefix(a, b)
    if prefix:
        return prefix, a[len(prefix):].lstrip("-")
    if embeddings is None:
        return None
    for prefix in REVERSING_PREFIXES:
        if not a.startswith(prefix) or b.startswith(prefix):
            continue
        rest = a[len(prefix):].lstrip("-")
        stem = next((rest[:n] for n in range(len(rest), PREFIX_STEM - 1, -1) if lex.known_en(rest[:n])), None)
        if stem is None or all(relation(lex, stem, w) not in STEM_RELATIONS for w in {b, en_lemma(b)}):
            continue
        model = embeddings()
        if model is None:
            return None
        to_stem, to_word = model.phrase_similarity([(stem, b), (a, b)])
        if to_stem is not None and to_word is not None and to_stem > to_word:
            return prefix, stem
    return None


def opposition(lex: Lexicon | None, a: str, b: str) -> str | None:
    """"antonym", "converse", "prefix" (``a`` is ``b`` with a reversing prefix) or ``None`` for English
    lemmas ``a`` and ``b``. Antonyms sense by sense too: a word in a sense whose other word WordNet
    opposes to ``b`` ("gain", with "profit", against "lose"; "fell" against "increased")."""
    if lex is None or a == b:
        return None
    if antonymous(lex, a, b) or ((b in lex.antonyms(a, by_sense=True) or a in lex.antonyms(b, by_sense=True))
                                 and not lex.en_synonyms(a, b)):
        return "antonym"
    if converse(a, b):
        return "converse"
    if dropped_prefix(a.lower(), b.lower()):
        return "prefix"
    return "antonym" if _antonym_of_hypernym(lex, a, b) or _antonym_of_hypernym(lex, b, a) else None


def _antonym_of_hypernym(lex: Lexicon, a: str, b: str) -> bool:
    """``b`` is, in one of its senses, a kind of what ``a`` is the antonym of in one of its senses, one
    step down WordNet's hierarchy: "reduce" is a way to "decrease", the antonym of "increase"; "reopen" a
    way to "open", the antonym of "close"; or an adjective similar to it: "huge", like "large", against
    "small" (WordNet lists antonyms between a few head words; its other words are opposed through them:
    Fellbaum, WordNet (1998), ch. 1 and 2, indirect antonymy). Synset to
    synset, so the two senses are of one part of speech and meaning; never for a light verb, whose
    object carries the meaning ("takes a new turn"), nor when the two are synonyms in another sense."""
    if a in LIGHT_VERBS or b in LIGHT_VERBS:
        return False
    opposites = {t for w in lex.antonyms(a) for _, t in lex.antonym_senses(a, w)}
    if not opposites:
        return False
    return (any(kind in "@&" and target in opposites for sid in lex.senses(b) for kind, target in lex.related(sid))
            and not lex.en_synonyms(a, b))


def _prefix_lost(lex: Lexicon, s: Word, b: Word, embeddings: Callable[[], Any]) -> tuple[str, str] | None:
    """:func:`reversed_stem` of two aligned words: on their lemmas, else on the words as written (the
    embedding model compares words: "untrained" / "skilled", not "untrain" / "skill")."""
    return reversed_stem(lex, s.norm, b.norm) or reversed_stem(lex, s.text, b.text, embeddings)


def _near_pairs(wa: WordAlignment) -> list[tuple[Word, Word, int]]:
    """(source word, back-translation word, gaps apart) of short gaps at most :data:`NEAR` apart."""
    gaps = [g for g in wa.gaps if len(g.source_words) <= 3 and len(g.bt_words) <= 3]
    return [(s, b, abs(i - j)) for i, gs in enumerate(gaps) for j, gb in enumerate(gaps) if abs(i - j) <= NEAR
            for s in gs.source_words for b in gb.bt_words if s.norm.isalpha() and b.norm.isalpha()]


def _in_expression(lex: Lexicon, text: str, w: Word) -> bool:
    """``w`` is part of a WordNet multiword expression in ``text`` ("a few" is not the opposite of
    "many"), so its own antonyms do not apply."""
    words = text[:w.start].split()[-2:] + [w.text] + text[w.end:].split()[:2]
    k = len(text[:w.start].split()[-2:])
    for lo in range(max(0, k - 2), k + 1):
        for hi in range(k + 1, min(len(words), k + 3) + 1):
            if hi - lo >= 2 and lex.senses(" ".join(words[lo:hi]).lower().strip(".,;:!?\"'")):
                return True
    return False


def _negated_before(text: str, start: int, words: int = 3, lang: str = "it") -> bool:
    """A negation (Italian «non», «senza», «nessun»...; English "not", "never", "n't": data/polarity.tsv)
    among the few words before ``start`` in its sentence."""
    before = [w.strip(",«»\"'()") for w in re.split(r"[.!?;:]", text[max(0, start - 60):start])[-1].split()[-words:]]
    if lang == "en":
        return any(negator(w) for w in before)
    particles = word_set("polarity.tsv", "it", "particle")
    return any(fold(w) in particles for w in before)


@register
class ReversalCheck(Check):
    name = "reversal"
    needs = frozenset({Need.BACK_TRANSLATION, Need.SOURCE, Need.LEXICON})
    description = ("The back-translation reads an antonym or the converse of a source word, or the word without its "
                   "reversing prefix (a reversed meaning).")
    specific = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        assert ctx.translation is not None
        lex = ctx.resources.lexicon
        out: list[Candidate] = []

        def embeddings() -> Any:
            return ctx.resources.embeddings

        segs = ctx.translation.segments
        for wa in ctx.word_alignments():
            m = wa.match
            region: ItalianRegion | None = None  # built at the first opposition found
            # the words each side has and the other does not, wherever the clause put them (a reversal
            # often reorders it: "whose kidney she will receive" / "to whom she will donate her kidney")
            for s, b, apart in _near_pairs(wa):
                kind, s_lemma, b_lemma = _opposed(lex, s, b)
                lost = _prefix_lost(lex, s, b, embeddings) if lex is not None and kind in (None, "prefix") else None
                if kind is None and lost:
                    kind = "prefix"
                # an antonym (an adjective, mostly) or a word that lost its prefix stands where the word
                # did; a converse may move
                if kind is None or (kind != "converse" and apart):
                    continue
                if any(w is not s and _renders(w, b) for w in wa.source):
                    continue  # the word read renders another word of the source ("eastwards and westwards")
                if _negated_before(m.source, s.start, lang="en") != _negated_before(segs[b.seg].en, b.start, lang="en"):
                    continue  # one side negated: "did not attend" said as "skipped", "failed" as "did not manage"
                if region is None:
                    region = support_region(ctx.article.text[m.it_start:m.it_end], lex)
                if region.supports(s.text):
                    continue
                if lex is not None and _in_expression(lex, m.source, s):
                    continue
                span = ctx.first_span([b])
                if span is None:
                    continue
                start, end = span
                italian = ctx.article.text[start:end]
                if kind == "prefix" and _negated_before(ctx.article.text, start):
                    continue  # «senza accompagnamento» for "unaccompanied": the Italian negates it its way
                if kind == "prefix":
                    prefix, stem = lost or ("", "")
                    means = "" if b.text.lower().startswith(stem[:PREFIX_STEM]) else f", that is “{stem}”"
                    message = (f"«{italian}» reads as “{b.text}”{means}; the source says “{s.text}”, whose prefix "
                               f"“{prefix}-” reverses that: the meaning is reversed")
                else:
                    what = "the opposite" if kind == "antonym" else "the converse (who does what to whom is swapped)"
                    message = (f"«{italian}» reads as “{b.text}”, {what} of the source's “{s.text}”: the meaning "
                               "is reversed")
                evidence = Evidence(kinds=(kind, "word-alignment"), source=m.source, back_translation=m.bt,
                                    phrases=(("back_translation", b.text), ("source", s.text)),
                                    details={"relation": kind})
                cand = self.candidate(ctx, start, end, Category.MISTRANSLATION, Claim.REVERSED, message, evidence)
                if kind != "prefix":  # MultiWordNet has no Italian for "deconfliction"
                    cand = replace(cand, complete=partial(_with_fix, ctx, s, s_lemma, b_lemma, kind == "converse"))
                out.append(cand)
            if m.bt and (flip := self._aspect_flip(ctx, m)) is not None:
                out.append(flip)
        return out

    def _aspect_flip(self, ctx: CheckContext, m: Any) -> Candidate | None:
        """The back-translation puts the source's state elsewhere in time (:mod:`backcheck.lang.aspect`:
        "still" read as "no longer", "not yet" as "no longer"), or says the other end of a closed-class pair
        ("before" / "after", "more" / "less"), and the Italian says it too («non … più», «dopo»): a reversal
        on the Italian marker."""
        italian = ctx.article.text[m.it_start:m.it_end]
        said, read, written = aspect(m.source, "en"), aspect(m.bt, "en"), aspect(italian, "it")
        if said is not None and read is not None and said[0] != read[0] and written is not None and \
                written[0] == read[0]:
            words, span = (m.source[slice(*said[1])], m.bt[slice(*read[1])]), written[1]
            how, relation = f": the state {read[0]}, where the source's “{words[0]}” says it {said[0]}", "aspect"
        elif (pair := opposed_words(m.source, m.bt, italian)) is not None:
            words, span = (pair[0], pair[1]), pair[2]
            how, relation = f", the opposite of the source's “{words[0]}”", "opposite"
        else:
            return None
        start, end = m.it_start + span[0], m.it_start + span[1]
        message = f"«{ctx.article.text[start:end]}» reads as “{words[1]}”{how}: the meaning is reversed"
        evidence = Evidence(kinds=("aspect", "back-translation"), source=m.source, back_translation=m.bt,
                            phrases=(("back_translation", words[1]), ("source", words[0])),
                            details={"relation": relation})
        return self.candidate(ctx, start, end, Category.MISTRANSLATION, Claim.REVERSED, message, evidence)


def _renders(source: Word, read: Word) -> bool:
    """Back-translation word ``read`` can render ``source``: one meaning (:func:`words_match`), or one
    word with a suffix ("east" for "eastwards")."""
    short, long_ = sorted((source.norm, read.norm), key=len)
    return words_match(source, read) or (len(short) >= PREFIX_STEM - 1 and long_.startswith(short))


def _lemmas(w: Word) -> list[str]:
    """``w``'s lemma, and its verb lemma when it is an irregular verb form the context-free lemma reads
    as another word ("rose" → "rise", not the flower; "won" → "win"): spaCy's verb exceptions."""
    verb = verb_forms().get(w.text.lower())
    out = [w.norm] + ([verb] if verb and verb != w.norm else [])
    # the word as written when the lemmatiser reads it as another part of speech ("opening" as "open",
    # beside "closing" kept whole): WordNet opposes the two nouns
    low = w.text.lower()
    return out + ([low] if low.isalpha() and low not in out else [])


def _opposed(lex: Lexicon | None, s: Word, b: Word) -> tuple[str | None, str, str]:
    """:func:`opposition` of a source and a back-translation word, over their lemmas (:func:`_lemmas`),
    with the lemmas that are opposed (the words' own lemmas when none are)."""
    for a in _lemmas(s):
        for c in _lemmas(b):
            kind = opposition(lex, a, c)
            if kind is not None:
                return kind, a, c
    return None, s.norm, b.norm


def _with_fix(ctx: CheckContext, source: Word, lemma: str, read: str, converse: bool, c: Candidate) -> Candidate:
    """``c`` with the source word (``lemma``) in Italian, in the flagged word's form, when one rendering is
    clear (:func:`~backcheck.knowledge.renderings.render_opposite`), and the message that names it."""
    fix, detail = as_fix(render_opposite(lemma, read, ctx.article.text, c.start, c.end,
                                         lexicon=ctx.resources.lexicon, converse=converse))
    if not detail:
        return replace(c, complete=None)
    said = f"the source's “{source.text}”"
    return replace(c, message=c.message.replace(said, f"{said} ({rendered(detail)})", 1), suggestion=fix,
                   evidence=replace(c.evidence, details={**c.evidence.details, "fix": detail}), complete=None)
