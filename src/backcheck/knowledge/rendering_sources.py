"""Where the options of :func:`backcheck.knowledge.renderings.render` come from: the glossary and the
news terms (phrase renderings), and MultiWordNet ranked sense by sense in the source sentence
(:mod:`.sense_rank`) with Italian frequency (wordfreq), how much of an Italian lemma's meaning the source
word is, and the article's own vocabulary. Also :func:`reads_as`: whether flagged Italian words are what
a back-translation's phrase translates (a fix and a message pair only words that correspond).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..lang import determiners, fold
from ..lang import inflect as it_inflect
from ..lang.datafiles import rows
from ..lang.en import FUNCTION_WORDS as EN_FUNCTION_WORDS
from ..lang.en import lemma as en_lemma
from ..lang.it import FUNCTION_WORDS as IT_FUNCTION_WORDS
from ..lang.it import lemma as it_lemma
from ..lang.it import verb_lemmas
from ..lang.tokens import IT_TOKEN_RE
from .sense_rank import WN_POS, head_token, lemma_weights, rank_senses, wn_pos

if TYPE_CHECKING:
    from .glossary import Glossary
    from .lexicon import Lexicon

# A lemma is offered when it renders the likeliest sense left after the article's own reading is set
# aside and holds this share of the weight, or when it holds the majority over several senses.
MIN_SHARE = 0.34
MAJORITY = 0.5
# A sense without Italian lemmas is passed over for the likeliest sense that has some when that one's
# weight is at least this share of it (the two are too close for the sentence to tell apart).
CLOSE_CALL = 0.9
# Lemmas rarer than this in Italian (wordfreq Zipf) are archaic or technical: never offered alone.
MIN_ZIPF = 2.0
# A rendering of a reversed word must have at least this share of its senses among the source word's.
MIN_SPECIFIC = 0.1
# Each step of Italian frequency (Zipf) and a use elsewhere in the article raise a lemma's score.
ZIPF_WEIGHT = 0.08
ARTICLE_BONUS = 1.3
# A second lemma is offered only when it scores this close to the first.
SECOND_SHARE = 0.75
NEWS_TERMS = "news_terms.tsv"
# Italian verbs too light to be a fix on their own ("fare" for "cause").
LIGHT_VERBS = frozenset({"fare", "essere", "avere", "dare", "stare", "andare"})
# English nominalisation suffixes (Quirk et al. 1985, Appendix I.30–41): verb ending → noun endings.
NOMINALISATIONS = (("ade", ("asion",)), ("ide", ("ision",)), ("ude", ("usion",)), ("ate", ("ation",)),
                   ("ize", ("ization",)), ("ise", ("isation",)), ("ify", ("ification",)),
                   ("ceive", ("ception",)), ("duce", ("duction",)), ("mit", ("mission",)), ("ct", ("ction",)),
                   ("ss", ("ssion",)), ("e", ("ion", "ation", "ment", "al")), ("", ("ion", "ation", "ment", "al")))



@dataclass
class Option:
    lemma: str
    pos: str | None
    origin: str


@lru_cache(maxsize=1)
def news_terms() -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """(English term, Italian renderings, part of speech) of ``lang/data/news_terms.tsv``."""
    out = []
    for r in rows(NEWS_TERMS):
        if len(r) >= 2 and r[0] != "english":
            out.append((r[0].strip(), tuple(x.strip() for x in r[1].split("|") if x.strip()),
                        r[2].strip() if len(r) > 2 else ""))
    return tuple(out)


def _modifies_what_follows(sentence: str, end: int, phrase_end: int) -> bool:
    """The phrase goes on after a term with a content word: the term is a modifier of that word's noun
    ("ballot" in "ballot box"), whose rendering it is not ("vote" in "vote of confidence" heads it)."""
    rest = sentence[end:phrase_end].split()
    return bool(rest) and rest[0].lower().strip(".,;:") not in EN_FUNCTION_WORDS


def term_options(phrase_at: tuple[int, int], sentence: str, glossary: Glossary | None) -> list[Option]:
    """Accepted renderings of the glossary and news terms whose English overlaps the source phrase and
    heads it (not one that modifies a word after it)."""
    from .glossary import english_pattern

    a, b = phrase_at
    found: list[tuple[int, list[Option]]] = []
    entries = [(e.english, e.accepted, f"glossary {e.origin}") for e in (glossary or [])]
    entries += [(en, its, f"news terms {NEWS_TERMS}") for en, its, _ in news_terms()]
    for english, accepted, origin in entries:
        for m in english_pattern(english).finditer(sentence):
            if m.start() < b and a < m.end() and (m.end() - m.start()) >= (b - a) * 0.5 \
                    and not _modifies_what_follows(sentence, m.end(), b):
                found.append((len(english), [Option(t, None, origin) for t in accepted]))
    found.sort(key=lambda x: -x[0])
    return [o for _, opts in found for o in opts]


def _nominalisations(lex: Lexicon, verb: str) -> list[str]:
    out = []
    for end, nouns in NOMINALISATIONS:
        if verb.endswith(end):
            stem = verb[: len(verb) - len(end)] if end else verb
            out += [stem + n for n in nouns if lex.senses(stem + n, "english", "n")]
            if out:
                break
    return out


def _zipf(word: str) -> float:
    from ..lang.frequency import zipf

    return zipf(word, "it")


def _rare(it: str) -> bool:
    """An Italian lemma too rare to offer: a single word below :data:`MIN_ZIPF`, a phrase with a word
    wordfreq does not know."""
    return _zipf(it) < MIN_ZIPF if " " not in it else any(_zipf(w) <= 0 for w in it.split())


def reading_of(words: list[str]) -> set[str]:
    """The Italian lemmas (and folded forms) of the article's words."""
    out: set[str] = set()
    for w in words:
        out |= {fold(w), w.lower(), it_lemma(w)} | set(verb_lemmas(w))
    return out


def lexicon_options(lex: Lexicon, doc: Any, at: tuple[int, int], sentence: str, flagged: list[str],
                     flagged_noun: bool, bt_phrase: str | None, article: str, embeddings: Any) -> list[Option]:
    head = head_token(doc, *at)
    if head is None:
        return []
    toks = [t for t in doc if t.idx < at[1] and at[0] < t.idx + len(t.text) and not t.is_punct]
    content = [t for t in toks if t.pos_ in WN_POS and t.pos_ != "PROPN"]
    pos = wn_pos(head)
    whole = " ".join(t.lemma_.lower() for t in toks)
    if len(toks) > 1 and pos and lex.senses(whole, "english", pos):
        lemmas = [whole]
    elif len(content) == 1 and pos:
        lemmas = [head.lemma_.lower()]
    else:
        return []
    if pos == "v" and flagged_noun:
        lemmas, pos = _nominalisations(lex, lemmas[0]), "n"
    neighbours = [t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "VERB", "ADJ") and t not in toks]
    reading = reading_of(flagged)
    bt = {en_lemma(w) for w in (bt_phrase or "").split()} - {lemmas[0] if lemmas else ""}
    article_words = {fold(w) for w in IT_TOKEN_RE.findall(article)}
    scored: dict[str, float] = {}
    for lemma in lemmas:
        senses = rank_senses(lex, lemma, pos or "n", sentence, neighbours, embeddings)
        weights, set_aside = lemma_weights(senses, reading)
        kept = [s for s in senses if not set(s.italian) & reading]
        if not weights or not kept or set_aside >= max(s.weight for s in kept):
            continue  # the article's own word renders the likelier sense
        likeliest = max(kept, key=lambda s: (s.weight, -s.rank))
        rendered = [s for s in kept if s.italian]
        if not likeliest.italian and rendered:
            # a sense MultiWordNet gives no Italian for, too close to call against one it does: that one
            runner_up = max(rendered, key=lambda s: (s.weight, -s.rank))
            if runner_up.weight >= CLOSE_CALL * likeliest.weight:
                likeliest = runner_up
        for it, share in weights.items():
            # the likeliest sense's lemmas, or a lemma that holds most of the weight over several senses
            if (it not in likeliest.italian or share < MIN_SHARE) and share < MAJORITY:
                continue
            if it in reading or fold(it) == fold(lemma) or "!" in it:
                continue
            if _rare(it):
                continue
            meanings = lex.en_for_it(it)
            if bt & meanings and lemma not in meanings:
                continue  # reads as what the back-translation read in the article's word
            # how much of the Italian lemma's meaning is this word's (inverse translation probability)
            specific = _specific(lex, it, set(lex.senses(lemma)))
            score = share * (1 + ZIPF_WEIGHT * _zipf(it)) * specific ** 0.5
            if any(fold(f) in article_words for f in it_inflect.forms(it) or {it}):
                score *= ARTICLE_BONUS
            scored[it] = max(scored.get(it, 0.0), score)
    ordered = sorted(scored, key=lambda k: (-scored[k], k))
    top = scored[ordered[0]] if ordered else 0.0
    return [Option(it, pos, "MultiWordNet") for it in ordered if scored[it] >= SECOND_SHARE * top]


def content_words(flagged: list[str]) -> list[str]:
    return [w for w in flagged if fold(w) not in IT_FUNCTION_WORDS and not determiners.is_determiner(w)
            and any(c.isalpha() for c in w)]


def italian_pos(word: str, lex: Lexicon) -> set[str]:
    """The parts of speech (n, v, a, r) the lexicon gives an Italian word's lemmas; a past participle is
    a verb and an adjective. Empty when the lexicon does not know the word."""
    parts: set[str] = set()
    for lemma in {it_lemma(word), fold(word), *verb_lemmas(word)}:
        parts |= lex.pos(lemma, "italian")
    form = it_inflect.analyse(word, "v")
    if form is not None and form.slot is not None:
        parts.add("v")
        if form.slot[0] == "participle":
            parts.add("a")
    return parts


def reads_as(italian: str, bt_phrase: str, lex: Lexicon | None) -> bool | None:
    """Whether the Italian words can be what the back-translation's phrase translates: ``True`` when the
    lexicon links one of its words to them, ``False`` when it knows the words and links none (the
    phrase came from elsewhere in the sentence), ``None`` when it cannot tell."""
    from ..lang.en import is_content
    from .support import ItalianRegion

    words = [w for w in bt_phrase.split() if is_content(w.strip(".,;:!?«»“”\"'()[]"))]
    if not words:
        return None
    region = ItalianRegion(italian, lex)
    clean = [w.strip(".,;:!?«»“”\"'()[]") for w in words]
    verdicts = [region.supports(w) for w in clean]
    if any(v is True for v in verdicts):
        return True
    if not all(v is False for v in verdicts) or lex is None:
        return None
    # the lexicon's Italian meanings may miss the word but hold a near one ("emblem" for "insignia")
    from .relations import relation

    meanings = {m for w in region.content for m in lex.en_for_it(it_lemma(w)) | lex.en_for_it(fold(w))}
    near = ("synonym", "hypernym", "sibling", "similar")
    if any(relation(lex, m, en_lemma(w)) in near for m in meanings for w in clean):
        return None
    return False


def opposite_options(lex: Lexicon, source: str, read: str, parts: set[str], flagged: list[str],
                     converse: bool) -> list[Option]:
    """Italian lemmas of English ``source`` where the article's words (``flagged``, whose parts of speech
    may be ``parts``) read as ``read``, its antonym or (``converse``) its converse:

    - an antonym: the Italian lemmas of the senses of ``source`` that WordNet opposes to senses of
      ``read`` — those the article's word renders when some do ("aumentare" for "increase" gives
      "diminuire" for "decrease", not "calo" of the noun) — the lemma of the most senses first, then
      the commonest (wordfreq);
    - otherwise (a converse, which WordNet does not record): the source word's dominant rendering,
      the Italian lemma of at least half of its senses that have one, and of two at least ("ricevere"
      for "receive"); none when no lemma dominates.

    Never the article's own word, a rare lemma, nor one too general to stand for the source word: at
    least :data:`MIN_SPECIFIC` of its senses must be the source word's ("prendere" has 23, one of them
    "borrow", where MultiWordNet lacks "prendere in prestito")."""
    reading = reading_of(flagged)
    pairs = [(a, b) for a, b in lex.antonym_senses(read, source) if b[:1] in parts]
    rendered = [(a, b) for a, b in pairs if set(lex.lemmas(a, "italian")) & reading]
    pairs = rendered or pairs
    if len({b[:1] for _, b in pairs}) > 1:
        return []  # the article's word may be either part of speech
    pos = pairs[0][1][:1] if pairs else next(iter(parts)) if len(parts) == 1 else ""
    if pairs:
        votes = Counter(it for _, b in pairs for it in lex.lemmas(b, "italian"))
        # the lemma of most opposed senses, then the commonest ("diminuire" for "aumentati")
        lemmas = sorted(votes, key=lambda k: (-votes[k], -_zipf(k), k))
    elif not converse or not pos:
        return []
    else:
        senses = [lex.lemmas(sid, "italian") for sid in lex.senses(source, "english", pos)]
        counts = Counter(it for its in senses for it in its)
        ranked = sorted(counts, key=lambda k: (-counts[k], k))
        with_italian = sum(1 for its in senses if its)
        top = ranked[0] if ranked else ""
        dominant = (top and counts[top] >= 2 and 2 * counts[top] >= with_italian
                    and (len(ranked) == 1 or counts[ranked[1]] < counts[top]))
        lemmas = [top] if dominant else []
    own = set(lex.senses(source))
    out = [it for it in dict.fromkeys(lemmas)
           if it not in reading and "!" not in it and not _rare(it)
           and _specific(lex, it, own) >= MIN_SPECIFIC]
    return [Option(it, pos, "MultiWordNet") for it in out]


def _specific(lex: Lexicon, it: str, senses: set[str]) -> float:
    """The share of Italian ``it``'s senses that are among ``senses`` (an inverse translation probability)."""
    mine = lex.synsets_it(it)
    return len(mine & senses) / len(mine) if mine else 1.0
