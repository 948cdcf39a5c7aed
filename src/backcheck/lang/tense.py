"""Past and future on each side: the tense of English verbs from spaCy's parse, and of Italian verb forms.

English (Huddleston & Pullum, *The Cambridge Grammar of the English Language*, ch. 3 §§4-5, §9): a verb
with the auxiliary "will" or "shall" (not "will have", a future perfect that looks back) is **future**;
a preterite ("closed", "did not close"), a present perfect or a past perfect ("has closed", "had
closed", "has been closed") and a past passive ("was closed") are **past**; anything else (a present, a
modal, "would", an infinitive, a participle used as an adjective) is neither. A verb joined to another
("will meet and discuss") takes the tense of the first when it has no auxiliary of its own and the form
that tense asks for.

Italian (Serianni, *Grammatica italiana*, XI §§ 36-60): the future simple («chiuderà», «sarà», «faranno»)
is future; the compound past («ha chiuso», «è stato chiuso»), the past historic («chiuse») and the
imperfect are past. The regular forms come from :func:`backcheck.lang.inflect.analyse`; an irregular
future («farà», «terrà», «andranno») is told by its ending on a word whose dictionary form is a verb.
"""

from __future__ import annotations

import re
from typing import Any

from .inflect import analyse

FUTURE = "future"
PAST = "past"
# spaCy splits "won't" as "wo" + "n't" and "we'll" as "we" + "'ll"
FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll", "wo"})
PAST_AUX = frozenset({"had", "has", "have", "was", "were", "did"})
# auxiliaries after which a verb tells neither past nor future on its own
OTHER_AUX = frozenset({"would", "could", "should", "might", "may", "must", "can", "ca", "'d", "’d", "to",
                       "is", "are", "am", "be", "being", "'s", "’s", "'re", "’re", "'m", "’m", "do", "does"})
# a cheap look before parsing: only a unit with a future on one side can have its tense swapped
FUTURE_CUE = re.compile(r"(?<![\w'’])(?:will|shall|won['’]t)\b|['’]ll\b", re.IGNORECASE)
# the auxiliaries of the Italian compound past (avere, essere) in the present and the imperfect, with the
# person (0-5) each says («sono» is the first singular and the third plural: news tells of third persons)
IT_AUX_PERSON = {"ho": 0, "hai": 1, "ha": 2, "abbiamo": 3, "avete": 4, "hanno": 5,
                 "avevo": 0, "avevi": 1, "aveva": 2, "avevamo": 3, "avevate": 4, "avevano": 5,
                 "sono": 5, "sei": 1, "è": 2, "siamo": 3, "siete": 4,
                 "ero": 0, "eri": 1, "era": 2, "eravamo": 3, "eravate": 4, "erano": 5}
IT_AUX = frozenset(IT_AUX_PERSON)
IT_PASSIVE = frozenset({"stato", "stata", "stati", "state"})
# the future's endings, for the irregular stems the regular paradigm does not build («farà», «verranno»)
_IT_FUTURE = re.compile(r"\w{2,}(?:rò|rai|rà|remo|rete|ranno)", re.IGNORECASE)


_FUTURE_VERB = re.compile(r"(?i)(?:\b(?:will|shall)|['’]ll)\s+(?:not\s+|\w+ly\s+)?(?:be\s+)?([a-z]+)")
_WORD = re.compile(r"[A-Za-z]+")


def may_swap(source: str, back: str) -> bool:
    """Whether a verb the one side puts in the future can stand in the past on the other: the same lemma
    written in an inflected form there (a cheap look before both are parsed; :func:`tenses` decides)."""
    from .en import lemma

    for fut, other in ((source, back), (back, source)):
        verbs = {lemma(m.group(1)) for m in _FUTURE_VERB.finditer(fut)}
        if verbs and any(w.lower() != lemma(w) and lemma(w) in verbs for w in _WORD.findall(other)):
            return True
    return False


def _own_tense(t: Any) -> str | None:
    auxes = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
    if auxes & FUTURE_AUX:
        return None if "have" in auxes else FUTURE  # "will have closed" looks back from the future
    if auxes & OTHER_AUX:
        return None
    if t.tag_ == "VBD" and not auxes:
        return PAST
    if auxes & PAST_AUX and (t.tag_ == "VBN" or (t.tag_ == "VB" and "did" in auxes)):
        return PAST
    return None


def verb_tense(t: Any) -> str | None:
    """:data:`FUTURE`, :data:`PAST` or ``None`` for a spaCy token of a verb (see module doc)."""
    if t.pos_ != "VERB":
        return None
    own = _own_tense(t)
    has_aux = any(c.dep_ in ("aux", "auxpass") for c in t.children)
    if own is None and not has_aux and t.dep_ == "conj" and t.head.pos_ == "VERB":
        head = _own_tense(t.head)
        if (head == FUTURE and t.tag_ == "VB") or (head == PAST and t.tag_ in ("VBD", "VBN")):
            return head
    return own


def tenses(doc: Any) -> dict[str, set[str | None]]:
    """The tenses (:func:`verb_tense`) each verb lemma of a parsed text is used in."""
    out: dict[str, set[str | None]] = {}
    for t in doc:
        if t.pos_ == "VERB":
            out.setdefault(t.lemma_.lower(), set()).add(verb_tense(t))
    return out


def italian_tense(words: list[str], k: int) -> tuple[str | None, int]:
    """The tense of the Italian verb form ``words[k]`` and the index of the first word of its verb group
    (the auxiliaries of a compound past before it): ``(PAST, i)``, ``(FUTURE, k)`` or ``(None, k)``."""
    w = words[k].lower()
    form = analyse(w, "v")
    slot = form.slot[0] if form is not None and form.slot is not None else None
    if slot == "future" or (slot is None and _IT_FUTURE.fullmatch(w) and _is_verb_form(w)):
        return FUTURE, k
    if slot in ("remote", "imperfect"):
        return PAST, k
    if slot == "participle":
        i = k
        if i > 0 and words[i - 1].lower() in IT_PASSIVE:
            i -= 1
        if i > 0 and words[i - 1].lower() in IT_AUX:
            return PAST, i - 1
    return None, k


def _is_verb_form(word: str) -> bool:
    from .lemmas import lemmatize

    lemma = lemmatize(word, "it").lower()
    return lemma != word and lemma.endswith(("are", "ere", "ire", "rre"))
