"""Modal perfects: the English "must / should / might / could / can't have done" and the Italian forms of
*dovere* and *potere* that render them, or do not.

An English modal followed by a perfect infinitive never states that the act was obliged or possible
and took place: it judges how likely a past act is ("they must have asked": they probably did; "it
can't have been easy") or says it ought to have happened and did not ("they should have warned
residents"). Italian says the same with the modal in the present or the conditional and a perfect
infinitive («devono aver chiesto», «non può essere stato facile») or with the conditional perfect of
the modal («avrebbero dovuto avvertire»). The Italian *compound past or past historic of the modal*
with a plain infinitive («hanno dovuto chiedere», «poterono entrare») says something else: the
obligation or ability was real and the act happened ("they had to ask", "they were able to get in").

Negated necessity is the other trap. "They don't have to / need not pay" removes an obligation; Italian
«non devono pagare» forbids paying ("they must not pay"), which Italian says without the prohibition as
«non devono necessariamente pagare», «non sono tenuti a pagare», «non hanno bisogno di pagare». And "they
must not pay" forbids it, where «non sono obbligati a pagare» only lifts the obligation.

Grammar: Serianni, *Grammatica italiana* XI.41-45 (servile verbs; the auxiliary of the infinitive);
Huddleston & Pullum, *The Cambridge Grammar of the English Language* ch. 3 §9 (modals with perfect
infinitives: epistemic and "remote" readings) and §9.9 (the scope of negation with *must*, *need*,
*have to*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .deontic import IT_DOVERE, IT_POTERE

# English: a modal, an optional adverb and "not", then "have" (or "'ve") and a past participle.
_EN_MODAL = (r"must|mustn't|should|shouldn't|ought\s+to|might|mightn't|may|could|couldn't|can't|cannot|"
             r"can\s+not")
EN_MODAL_PERFECT = re.compile(
    rf"\b(?P<modal>{_EN_MODAL})(?:\s+\w+ly)?(?:\s+not)?(?:\s+\w+ly)?\s*(?:\s+have\b|'ve\b)"
    r"(?:\s+\w+ly)?\s+(?P<participle>been|[a-z]+(?:ed|en|wn|ne|t|ught|ung|ade|id|ld|ck|ard|ew|ok|ft|nt|ome|un))\b",
    re.IGNORECASE)
# English forms that do state a real past obligation or ability: the Italian compound past of the
# modal is then a fair rendering of them, so a unit with one of them is left alone.
EN_FACTUAL = re.compile(r"\b(?:had|has|have)\s+to\b|\b(?:was|were)\s+(?:not\s+)?able\s+to\b|\bmanaged\s+to\b|"
                        r"\b(?:could|couldn't|could\s+not)\s+(?!have\b|'ve\b|\w+ly\s+have\b)", re.IGNORECASE)

# Italian auxiliaries (present and imperfect of avere and essere) by person 1-6.
_AVERE = {"ho": 1, "hai": 2, "ha": 3, "abbiamo": 4, "avete": 5, "hanno": 6,
          "avevo": 1, "avevi": 2, "aveva": 3, "avevamo": 4, "avevate": 5, "avevano": 6}
_ESSERE = {"sono": 1, "sei": 2, "è": 3, "siamo": 4, "siete": 5, "ero": 1, "eri": 2, "era": 3, "eravamo": 4,
           "eravate": 5, "erano": 6}
_REMOTE = ("dovetti|dovesti|dovette|dovemmo|doveste|dovettero|dovei|dové|dovè|doverono|"
           "potei|potesti|poté|potè|potette|potemmo|poteste|poterono|potettero")
_INFINITIVE = r"[a-zàèéìòù]+(?:are|ere|ire|rre|arsi|ersi|irsi|rsi|rl[oaie]|rne|rci|rvi|rgli|rmi|rti)"
# The compound past (or pluperfect) or past historic of dovere / potere, then an infinitive (one adverb
# may stand between): "obligation or ability, and the act took place".
IT_FACTUAL = re.compile(
    rf"(?<![\w'’])(?:(?P<aux>{'|'.join(sorted(set(_AVERE) | set(_ESSERE), key=len, reverse=True))})\s+"
    rf"(?P<modal>dovut[oaie]|potut[oaie])|(?P<remote>{_REMOTE}))(?:\s+\w+mente|\s+anche|\s+già|\s+ancora)?"
    rf"\s+(?P<infinitive>{_INFINITIVE})\b",
    re.IGNORECASE)
# What renders an English modal perfect: the modal (present, imperfect, conditional) with a perfect
# infinitive, or the modal's conditional perfect; an epistemic adverb says it as well.
IT_MODAL_PERFECT = re.compile(
    r"(?<![\w'’])(?:dev[oei]|devono|dobbiamo|dovete|doveva|dovevano|dovevo|dovrebbe|dovrebbero|dovrei|dovremmo|"
    r"posso|puoi|può|possono|possiamo|potete|poteva|potevano|potrebbe|potrebbero|potrei|potremmo|potreste)"
    r"(?:\s+\w+mente|\s+non|\s+già)?\s+(?:aver|avere|esser|essere|aver[lcmtv][oaiei]|esser[cmstv][iei])\b|"
    r"(?<![\w'’])avre(?:i|sti|bbe|mmo|ste|bbero)\s+(?:\w+\s+)?(?:dovut|potut)|"
    r"(?<![\w'’])(?:sare(?:i|sti|bbe|mmo|ste|bbero))\s+(?:\w+\s+)?(?:dovut|potut)|"
    r"(?<![\w'’])(?:forse|probabilmente|evidentemente|sicuramente|senz'altro|senz’altro)(?!\w)",
    re.IGNORECASE)

# The Italian of an English modal perfect, for a fix: present or conditional of the modal by person.
_MUST = IT_DOVERE[:6]  # the present of dovere and potere (lang/deontic.py)
_MIGHT = ("potrei", "potresti", "potrebbe", "potremmo", "potreste", "potrebbero")
_CANNOT = IT_POTERE[:6]
_SHOULD = ("avrei", "avresti", "avrebbe", "avremmo", "avreste", "avrebbero")


@dataclass(frozen=True)
class ModalPerfect:
    """An English modal perfect: the modal as written, its reading, where it is."""

    text: str
    modal: str
    reading: str  # "probably" | "possibly" | "impossible" | "ought"
    start: int
    end: int


def _reading(modal: str, negated: bool) -> str:
    m = re.sub(r"\s+", " ", modal.lower())
    if m.startswith(("should", "ought")):
        return "ought"
    if m in ("can't", "cannot", "can not", "couldn't") or (m == "could" and negated):
        return "impossible"
    if m.startswith("must"):
        return "impossible" if negated or m == "mustn't" else "probably"
    return "possibly"


def modal_perfects(text: str) -> list[ModalPerfect]:
    """The English modal perfects of ``text``."""
    out = []
    for m in EN_MODAL_PERFECT.finditer(text):
        negated = bool(re.search(r"\bnot\b|n't", m.group()))
        out.append(ModalPerfect(m.group(), m.group("modal"), _reading(m.group("modal"), negated), m.start(), m.end()))
    return out


@dataclass(frozen=True)
class FactualModal:
    """An Italian compound past or past historic of dovere / potere with its infinitive."""

    text: str
    start: int
    end: int
    verb: str  # "dovere" | "potere"
    person: int | None  # 1-6 from the auxiliary (None: the past historic, or an ambiguous «sono»)
    auxiliary: str | None
    infinitive: str


def factual_modals(text: str) -> list[FactualModal]:
    """The Italian past obligations and abilities ("hanno dovuto chiedere") of ``text``."""
    out = []
    for m in IT_FACTUAL.finditer(text):
        modal = (m.group("modal") or m.group("remote")).lower()
        aux = m.group("aux")
        person = None
        if aux:
            low = aux.lower()
            person = _AVERE.get(low) or (None if low == "sono" else _ESSERE.get(low))
        out.append(FactualModal(m.group(), m.start(), m.end(), "dovere" if modal.startswith("dov") else "potere",
                                person, aux.lower() if aux else None, m.group("infinitive")))
    return out


def renders_modal_perfect(text: str) -> bool:
    """Whether ``text`` has a form that says what an English modal perfect says."""
    return IT_MODAL_PERFECT.search(text) is not None


def suggested(found: FactualModal, reading: str, participle: str | None, negated: bool) -> str | None:
    """The Italian for ``found`` that says what the source's modal perfect says, with the verb of the
    Italian («hanno dovuto chiedere» → «devono aver chiesto» for "must have", «avrebbero dovuto
    chiedere» for "should have"); ``negated``: a «non» stands before it already. ``None`` when the
    person, the auxiliary or the participle is not known."""
    if found.person is None or found.auxiliary not in _AVERE:
        return None
    k = found.person - 1
    if reading == "ought":
        return f"{_SHOULD[k]} dovuto {found.infinitive}"
    if participle is None or found.infinitive.lower().endswith("rsi"):
        return None
    table = {"probably": _MUST, "possibly": _MIGHT, "impossible": _CANNOT}[reading]
    neg = "non " if reading == "impossible" and not negated else ""
    return f"{neg}{table[k]} aver {participle}"


# English: no obligation ("don't have to", "need not") and a prohibition ("must not").
EN_NO_OBLIGATION = re.compile(
    r"\b(?:do|does)\s*(?:not|n't)\s+(?:have|need)\s+to\b|\b(?:don't|doesn't)\s+(?:have|need)\s+to\b|"
    r"\bneed\s+not\b|\bneedn't\b|\b(?:is|are)\s*(?:not|n't)\s+(?:required|obliged|obligated)\s+to\b|"
    r"\b(?:isn't|aren't)\s+(?:required|obliged|obligated)\s+to\b", re.IGNORECASE)
EN_PROHIBITION = re.compile(r"\bmust\s*(?:not|n't)\b(?!\s+(?:\w+ly\s+)?have\b)|\bmustn't\b(?!\s+have\b)",
                            re.IGNORECASE)
# Italian: the present (or future) of dovere negated, with an infinitive: a prohibition; what lifts an
# obligation instead (an adverb after the modal, or another verb).
IT_PROHIBITION = re.compile(
    r"(?<![\w'’])non\s+(?:dev[oei]|devono|dobbiamo|dovete|dovrà|dovranno|dovrebbe|dovrebbero)"
    r"(?P<adverb>\s+(?:necessariamente|per\s+forza|obbligatoriamente|forzatamente))?\s+" + _INFINITIVE + r"\b",
    re.IGNORECASE)
IT_NO_OBLIGATION = re.compile(
    r"(?<![\w'’])non\s+(?:(?:è|sono|sia|siano|era|erano|sarà|saranno)\s+(?:obbligat|tenut|costrett)[oaie]|"
    r"(?:ha|hanno|abbiamo|hai|avete|ho)\s+bisogno\s+di|(?:è|sia|sarà)\s+necessario|c'è\s+bisogno|"
    r"(?:dev[oei]|devono|dobbiamo|dovete|dovrà|dovranno)\s+(?:necessariamente|per\s+forza|obbligatoriamente))",
    re.IGNORECASE)


@dataclass(frozen=True)
class NegatedNecessity:
    """A negated necessity in one language: ``kind`` "prohibition" or "no-obligation"."""

    text: str
    start: int
    end: int
    kind: str


def en_negated_necessity(text: str) -> list[NegatedNecessity]:
    """The English prohibitions ("must not") and lifted obligations ("don't have to") of ``text``."""
    out = [NegatedNecessity(m.group(), m.start(), m.end(), "no-obligation") for m in EN_NO_OBLIGATION.finditer(text)]
    out += [NegatedNecessity(m.group(), m.start(), m.end(), "prohibition") for m in EN_PROHIBITION.finditer(text)]
    return sorted(out, key=lambda n: n.start)


def it_negated_necessity(text: str) -> list[NegatedNecessity]:
    """The Italian prohibitions («non devono pagare») and lifted obligations («non sono tenuti a») of
    ``text``; the modal with an adverb that lifts the obligation («non devono necessariamente») is one
    of the latter."""
    out = []
    for m in IT_PROHIBITION.finditer(text):
        if not m.group("adverb"):
            end = m.start() + len(m.group().rsplit(None, 1)[0])  # the negated modal, not its infinitive
            out.append(NegatedNecessity(text[m.start():end], m.start(), end, "prohibition"))
    out += [NegatedNecessity(m.group(), m.start(), m.end(), "no-obligation") for m in IT_NO_OBLIGATION.finditer(text)]
    return sorted(out, key=lambda n: n.start)
