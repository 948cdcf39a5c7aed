"""Italian determiners and negation for suggested fixes: the articles, articulated prepositions,
possessives and demonstratives before a noun, rewritten to agree with a new noun ("al suo alleato" →
"alla sua …"), and "non" put before a predicate's auxiliary ("non è stato revocato").

Closed classes of the grammar (Serianni, *Grammatica italiana*, IV.6 articles, VII possessives and
demonstratives, XI.40 and XXII.1 unstressed pronouns and negation), written out here as paradigms.
"""

from __future__ import annotations

import re

from .tokens import fold

_GN = {("m", "sg"): 0, ("f", "sg"): 1, ("m", "pl"): 2, ("f", "pl"): 3}


def _lemma(word: str) -> str:
    from .lemmas import lemmatize

    return str(lemmatize(word.lower(), "it")).lower()


# The definite article's seven forms (Serianni IV.6): masculine before a consonant, before s+consonant,
# z, gn, ps, x, y, i+vowel ("lo"), before a vowel ("l'"); feminine; the plurals.
_ARTICLES = ("il", "lo", "l'", "la", "i", "gli", "le")
_ARTICLE_FEATS = (("m", "sg"), ("m", "sg"), (None, "sg"), ("f", "sg"), ("m", "pl"), ("m", "pl"), ("f", "pl"))
# Prepositions fused with the article: the article's forms after these heads ("della", "agli", "sul").
_FUSED = {"di": ("del", "dello", "dell'", "della", "dei", "degli", "delle"),
          "a": ("al", "allo", "all'", "alla", "ai", "agli", "alle"),
          "da": ("dal", "dallo", "dall'", "dalla", "dai", "dagli", "dalle"),
          "in": ("nel", "nello", "nell'", "nella", "nei", "negli", "nelle"),
          "su": ("sul", "sullo", "sull'", "sulla", "sui", "sugli", "sulle")}
_INDEFINITE = ("un", "uno", "un'", "una")
# Possessives and demonstratives agree like adjectives (m sg, f sg, m pl, f pl).
_AGREEING = (("mio", "mia", "miei", "mie"), ("tuo", "tua", "tuoi", "tue"), ("suo", "sua", "suoi", "sue"),
             ("nostro", "nostra", "nostri", "nostre"), ("vostro", "vostra", "vostri", "vostre"),
             ("questo", "questa", "questi", "queste"), ("codesto", "codesta", "codesti", "codeste"),
             ("stesso", "stessa", "stessi", "stesse"), ("altro", "altra", "altri", "altre"),
             ("nessuno", "nessuna", "nessuni", "nessune"), ("ogni", "ogni", "ogni", "ogni"))
_QUELLO = ("quel", "quello", "quell'", "quella", "quei", "quegli", "quelle")
_GENDER_NUMBER = (("m", "sg"), ("f", "sg"), ("m", "pl"), ("f", "pl"))


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _parse_determiner(word: str) -> tuple[str, tuple[str, ...], str | None, str] | None:
    """(kind, paradigm, gender, number) of a determiner ("alla" → the paradigm of "a" + article, f, sg);
    ``None`` for any other word."""
    w = _norm(word)
    articles: tuple[tuple[str, ...], ...] = (_ARTICLES, _QUELLO, *_FUSED.values())
    for paradigm in articles:
        if w in paradigm:
            g, n = _ARTICLE_FEATS[paradigm.index(w)]
            return "article", paradigm, g, n
    if w in _INDEFINITE:
        k = _INDEFINITE.index(w)
        return "indefinite", _INDEFINITE, ("m", "m", "f", "f")[k], "sg"
    for agreeing in _AGREEING:
        if w in agreeing:
            g, n = _GENDER_NUMBER[agreeing.index(w)]
            return "agreeing", agreeing, (None if agreeing[0] == "ogni" else g), n
    return None


def is_determiner(word: str) -> bool:
    return _parse_determiner(word) is not None


def is_fused(word: str) -> bool:
    """A preposition fused with the article («dei», «alla»): it opens its phrase, so a determiner
    before it belongs to another one («uno dei sanitari»)."""
    return any(_norm(word) in paradigm for paradigm in _FUSED.values())


def preposition_pattern(prep: str) -> str:
    """A regular-expression alternation of a preposition of :data:`_FUSED` and its forms fused with the
    definite article («a», «al», «allo», «all'» with either apostrophe …), the longest first."""
    forms = sorted((prep, *_FUSED[prep]), key=len, reverse=True)
    return "|".join(re.escape(f).replace("'", "['’]") for f in forms)


def with_preposition(word: str, prep: str) -> str | None:
    """``word`` (a preposition of :data:`_FUSED`, bare or fused with the article) as ``prep`` with the same
    article («dell'» → «all'» for «a», «di» → «a»), its apostrophe as written; ``None`` for another word."""
    w = _norm(word)
    for head, forms in _FUSED.items():
        if w == head:
            return prep
        if w in forms:
            out = _FUSED[prep][forms.index(w)]
            return out.replace("'", "’") if "’" in word else out
    return None


def determiner_features(words: list[str]) -> tuple[str | None, str | None]:
    """Gender and number that the determiners ending ``words`` agree in (``None`` where they do not say:
    "l'" is either gender)."""
    gender = number = None
    for w in reversed(words):
        parsed = _parse_determiner(w)
        if parsed is None:
            break
        gender, number = gender or parsed[2], number or parsed[3]
    return gender, number


def _vowel(word: str) -> bool:
    return fold(word[:1]) in ("a", "e", "i", "o", "u") or word[:1].lower() == "h"


def _lo_context(word: str) -> bool:
    """A word that takes "lo"/"gli"/"uno": s + consonant, z, gn, ps, pn, x, y, i + vowel."""
    w = fold(word)
    return (len(w) > 1 and w[0] == "s" and w[1] not in "aeiou") or w[:1] in ("z", "x", "y") or \
        w[:2] in ("gn", "ps", "pn") or (w[:1] == "i" and w[1:2] in ("a", "e", "o", "u"))


def _determiner(kind: str, paradigm: tuple[str, ...], gender: str, number: str, following: str) -> str:
    if kind == "article":
        if number == "pl":
            return paradigm[6] if gender == "f" else paradigm[5 if _vowel(following) or _lo_context(following) else 4]
        if gender == "f":
            return paradigm[2 if _vowel(following) else 3]
        return paradigm[1 if _lo_context(following) else 2 if _vowel(following) else 0]
    if kind == "indefinite":
        if gender == "f":
            return paradigm[2 if _vowel(following) else 3]
        return paradigm[1 if _lo_context(following) else 0]
    return paradigm[_GN[(gender, number)]]


def agree_determiners(words: list[str], gender: str, number: str, noun: str) -> list[str] | None:
    """The determiners ``words`` (the words just before a noun, all determiners) rewritten to agree with
    ``noun`` of ``gender`` and ``number`` (elision included: "al" → "all'" before a vowel). ``None``
    when one of them is not a determiner."""
    out: list[str] = []
    following = noun
    for w in reversed(words):
        parsed = _parse_determiner(w)
        if parsed is None:
            return None
        kind, paradigm, _g, _n = parsed
        form = _determiner(kind, paradigm, gender, number, following)
        if w[:1].isupper():
            form = form[:1].upper() + form[1:]
        out.append(form)
        following = form
    return out[::-1]


def spaced(words: list[str]) -> str:
    """Words joined as Italian writes them: no space after an elided form ("all'intesa")."""
    text = ""
    for w in words:
        text += w if not text or text.endswith("'") else " " + w
    return text



# -- negation ----------------------------------------------------------------------------------------
# Forms of the auxiliaries (essere, avere) and the modal/aspectual verbs a negated predicate may start
# with, and the unstressed pronouns that stand between "non" and the verb (Serianni XI.40, XXII.1).
_AUXILIARY_LEMMAS = frozenset({"essere", "avere", "stare", "potere", "dovere", "volere"})
_PRONOUNS = frozenset({"si", "ci", "vi", "lo", "la", "li", "le", "ne", "mi", "ti", "gli", "se", "ce", "ve", "me", "te"})


def negate(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The negation of the predicate at ``text[start:end]``: "non" before its auxiliaries and unstressed
    pronouns ("stato revocato" in "è stato revocato" → "non è stato revocato", replacing from "è").
    Returns (replacement, replaced start, replaced end)."""
    a = start
    left = text[max(0, start - 60):start]
    toks = list(re.finditer(r"\w+['’]?", left))
    for m in reversed(toks):
        w = m.group().lower()
        between = left[m.end():a - (start - len(left))]
        if between.strip():
            break
        lemma = _lemma(w)
        if lemma in _AUXILIARY_LEMMAS or w in _PRONOUNS or w in ("stato", "stata", "stati", "state"):
            a = start - len(left) + m.start()
            continue
        break
    replaced = text[a:end]
    word = "Non" if replaced[:1].isupper() else "non"
    if replaced[:1].isupper():
        replaced = replaced[:1].lower() + replaced[1:]
    return f"{word} {replaced}", a, end
