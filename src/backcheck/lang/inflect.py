"""Italian inflection for suggested fixes: put a dictionary form in the form of the word it replaces.

No maintained Italian inflection generator installs here: verbecc 2.0.3 pins numpy 2.3.3, scikit-learn
1.7.2 and scipy 1.16.2 exactly, and mlconjug3 4.0.1 needs numpy < 2 (both clash with the torch stack);
spaCy's Italian models are not on PyPI. So this is a small rule-based inflector for the *regular*
paradigms (reference grammar: Serianni, *Grammatica italiana*, chapters III and XI), and every form it
builds is checked against simplemma's Italian dictionary (Morph-it!/Wiktionary forms, shipped in the
wheel): a form the dictionary does not list is never offered, and the caller then says it gives the
lemma. Irregular verbs are found through the same check (their regular form is not in the dictionary).

:func:`analyse` reads what a word's ending (and, better, the determiners before it) says about it: a
verb's tense and person, a noun's or adjective's gender and number. :func:`inflect` builds a lemma in
that form (:mod:`.determiners` makes the words before a noun agree with it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .determiners import determiner_features
from .tokens import fold

# Regular endings after the stem, per conjugation, slot by slot (tense, person 1-6; participles by
# gender and number). Alternatives are separated by "|".
_ENDINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "are": {"present": ("o", "i", "a", "iamo", "ate", "ano"),
            "imperfect": ("avo", "avi", "ava", "avamo", "avate", "avano"),
            "remote": ("ai", "asti", "ò", "ammo", "aste", "arono"),
            "future": ("erò", "erai", "erà", "eremo", "erete", "eranno"),
            "conditional": ("erei", "eresti", "erebbe", "eremmo", "ereste", "erebbero"),
            "subjunctive": ("i", "i", "i", "iamo", "iate", "ino"),
            "subj-imperfect": ("assi", "assi", "asse", "assimo", "aste", "assero"),
            "gerund": ("ando",), "participle": ("ato", "ata", "ati", "ate"), "present-participle": ("ante", "anti")},
    "ere": {"present": ("o", "i", "e", "iamo", "ete", "ono"),
            "imperfect": ("evo", "evi", "eva", "evamo", "evate", "evano"),
            "remote": ("ei|etti", "esti", "é|ette|è", "emmo", "este", "erono|ettero"),
            "future": ("erò", "erai", "erà", "eremo", "erete", "eranno"),
            "conditional": ("erei", "eresti", "erebbe", "eremmo", "ereste", "erebbero"),
            "subjunctive": ("a", "a", "a", "iamo", "iate", "ano"),
            "subj-imperfect": ("essi", "essi", "esse", "essimo", "este", "essero"),
            "gerund": ("endo",), "participle": ("uto", "uta", "uti", "ute"), "present-participle": ("ente", "enti")},
    "ire": {"present": ("o|isco", "i|isci", "e|isce", "iamo", "ite", "ono|iscono"),
            "imperfect": ("ivo", "ivi", "iva", "ivamo", "ivate", "ivano"),
            "remote": ("ii", "isti", "ì", "immo", "iste", "irono"),
            "future": ("irò", "irai", "irà", "iremo", "irete", "iranno"),
            "conditional": ("irei", "iresti", "irebbe", "iremmo", "ireste", "irebbero"),
            "subjunctive": ("a|isca", "a|isca", "a|isca", "iamo", "iate", "ano|iscano"),
            "subj-imperfect": ("issi", "issi", "isse", "issimo", "iste", "issero"),
            "gerund": ("endo",), "participle": ("ito", "ita", "iti", "ite"), "present-participle": ("ente", "enti")},
}
# Unstressed pronouns a verb form may carry ("lamentandosi", "dirlo").
_CLITICS = ("sene", "gliene", "glielo", "gliela", "si", "lo", "la", "li", "le", "ne", "mi", "ti", "ci", "vi", "gli")


@dataclass(frozen=True)
class Form:
    """What a word's form says: a verb's ``slot`` (tense, index) or a nominal's ``gender``/``number``
    (``None`` where the form does not tell). ``clitic`` is a pronoun the verb form carries."""

    kind: str  # "verb" | "nominal"
    slot: tuple[str, int] | None = None
    gender: str | None = None
    number: str | None = None
    clitic: str = ""


def forms(lemma: str) -> frozenset[str]:
    """The forms the dictionary lists for ``lemma`` (empty when it does not know the lemma)."""
    from .lemmas import forms_of

    return forms_of(lemma.lower(), "it")


def known(form: str, lemma: str) -> bool:
    return form.lower() in forms(lemma)


# The shortest verb stem whose regular form may stand although the dictionary files it under another
# word: the irregular verbs have short stems ("d-are", "av-ere", "ess-ere"), whose regular forms
# («da», «esse») are other words, not theirs.
HOMOGRAPH_STEM = 4


def _homograph(form: str, stem: str, verb: str) -> bool:
    """A regular verb form the dictionary files under a noun of the verb's family: simplemma gives «causa»
    as the noun only, though it is also "causare"'s «(lui) causa»."""
    if len(stem) < HOMOGRAPH_STEM or not forms(verb):
        return False
    other = _lemma(form)
    listed = other != form.lower() or form.lower() in forms(other)  # simplemma returns an unknown word as is
    return listed and other.startswith(stem)


def _lemma(word: str) -> str:
    from .lemmas import lemmatize

    return lemmatize(word.lower(), "it").lower()


def _join(stem: str, ending: str, conj: str) -> str:
    """Stem + ending with the regular spelling changes: "cerc"+"erò" → "cercherò", "mangi"+"erò" →
    "mangerò", "studi"+"i" → "studi"."""
    if conj == "are" and stem.endswith(("c", "g")) and ending[:1] in ("e", "i"):
        return stem + "h" + ending
    if conj == "are" and stem.endswith(("ci", "gi")) and ending[:1] in ("e", "i"):
        return stem[:-1] + ending
    if stem.endswith("i") and ending.startswith("i"):
        return stem + ending[1:]
    return stem + ending


def _verb_slots(word: str, lemma: str) -> list[tuple[str, int]]:
    conj, stem = lemma[-3:], lemma[:-3]
    table = _ENDINGS.get(conj)
    if table is None or not stem:
        return []
    if word == lemma:
        return [("infinitive", 0)]
    out = []
    for tense, endings in table.items():
        for k, alts in enumerate(endings):
            if any(_join(stem, e, conj) == word for e in alts.split("|")):
                out.append((tense, k))
    return out


_IRREGULAR_PARTICIPLE = re.compile(r"\w{2,}(?:[st][oai]|te)")


def _verb_form(w: str) -> Form | None:
    """A verb form's slot, a gerund or infinitive with an attached pronoun included."""
    lem = _lemma(w)
    slots = _verb_slots(w, lem) if lem.endswith(("are", "ere", "ire")) else []
    if slots:
        return Form("verb", slot=slots[0])
    for clitic in _CLITICS:
        base = w[: -len(clitic)]
        if not w.endswith(clitic) or len(base) < 4:
            continue
        if base.endswith(("ando", "endo")):
            lem = _lemma(base)
            if ("gerund", 0) in _verb_slots(base, lem):
                return Form("verb", slot=("gerund", 0), clitic=clitic)
        elif base.endswith(("ar", "er", "ir")) and known(base + "e", base + "e"):
            return Form("verb", slot=("infinitive", 0), clitic=clitic)
    # an irregular past participle («sceso», «preso»): the dictionary's verb, with the gender and number in
    # the last vowel (not "-se", which is also a past historic: «prese», «chiese»); after the forms with
    # an attached pronoun, whose «-si», «-lo» end the same way («congratulandosi»)
    if lem.endswith(("are", "ere", "ire")) and lem != w and _IRREGULAR_PARTICIPLE.fullmatch(w):
        return Form("verb", slot=("participle", "oaie".index(w[-1])))
    return None


def analyse(word: str, pos: str | None = None, before: list[str] | None = None) -> Form | None:
    """What ``word``'s form says (``pos`` n, v, a or r narrows it; ``before`` are the words just before
    it, whose determiners tell a noun's gender and number best). ``None``: the form says nothing."""
    w = word.lower()
    if pos in (None, "v"):
        form = _verb_form(w)
        if form is not None:
            return form
        if pos == "v":
            return None
    if pos == "r":
        return None
    gender, number = determiner_features(before or [])
    if number is None:
        number, g = _nominal_ending(w)
        gender = gender or g
    return Form("nominal", gender=gender, number=number)


def _nominal_ending(w: str) -> tuple[str | None, str | None]:
    """(number, gender) from the ending alone, where the dictionary backs it."""
    lem = _lemma(w)
    if w[-1:] in "àèéìòù" or not w[-1:].isalpha() or w[-1:] not in "aeio":
        return None, None
    if lem != w and lem[-1:] in "oae" and w in forms(lem):
        if w.endswith("i"):
            return "pl", "m" if lem.endswith("o") else None
        if w.endswith("e") and lem.endswith(("a", "o")):
            return "pl", "f"
        if w.endswith("a") and lem.endswith("o"):
            return "sg", "f"
    if w.endswith("o"):
        return "sg", "m"
    if w.endswith("a"):
        return "sg", None
    return None, None


# -- building forms ----------------------------------------------------------------------------------
def noun_gender(lemma: str) -> str | None:
    """The gender of an Italian noun from its ending (Serianni III.10-28), ``None`` when the ending does
    not decide (most nouns in -e, the invariable ones)."""
    w = fold(lemma.split()[0])
    masculine_e = ("ore", "ame", "ume", "ile", "iere", "one", "ale", "ere", "ente", "ismo")
    feminine_e = ("zione", "sione", "gione", "udine", "igine", "trice", "ie", "ite", "si")
    if w.endswith(feminine_e) or lemma.endswith(("tà", "tù")):
        return "f"
    if w.endswith(masculine_e) or w.endswith("o") or (w[-1:].isalpha() and w[-1:] not in "aeiou"):
        return "m"
    if w.endswith("ma") or w.endswith("ista"):
        return None  # "il problema", "la forma"; "il/la giornalista"
    if w.endswith("a"):
        return "f"
    return None


def _nominal_candidates(lemma: str, gender: str | None, number: str | None, adjective: bool) -> list[str]:
    """Regular forms of a noun or adjective lemma (masculine singular for an adjective)."""
    w = lemma
    if number in (None, "sg") and (not adjective or gender in (None, "m")):
        return [w]
    if adjective:
        if w.endswith("o"):
            stem = w[:-1]
            if gender == "f" and number in (None, "sg"):
                return [stem + "a"]
            if number == "pl":
                if gender == "f":
                    return [stem + "e", stem[:-1] + "he"] if stem.endswith(("c", "g")) else [stem + "e"]
                return [stem + "i", stem + "hi"] if stem.endswith(("c", "g")) else [stem + "i", stem]
        if w.endswith("e") and number == "pl":
            return [w[:-1] + "i"]
        return [w] if number in (None, "sg") else []
    # a noun: only the number changes (its gender is its own)
    if w[-1:] in "àèéìòùi" or not w[-1:].isalpha() or w[-1:] not in "aeio" or w.endswith("ie"):
        return [w]
    stem = w[:-1]
    if w.endswith(("ca", "ga")):
        return [stem + "he", stem + "i"]
    if w.endswith(("co", "go")):
        return [stem + "hi", stem + "i"]
    if w.endswith(("cia", "gia")):
        return [stem + "e", stem[:-1] + "e"]
    if w.endswith("io"):
        return [stem, stem + "i"]
    if w.endswith("a"):
        return [stem + "e", stem + "i"]
    return [stem + "i"]


def participle(lemma: str) -> str | None:
    """The masculine singular past participle of an Italian verb: the regular one when the dictionary
    lists it ("chiamato"), else the one form in -to / -so the dictionary lists for the verb that no
    regular ending explains ("chiesto", "messo"); ``None`` when that is not one form."""
    lemma = lemma.lower()
    conj, stem = lemma[-3:], lemma[:-3]
    table = _ENDINGS.get(conj)
    if table is None or not stem:
        return None
    regular = _join(stem, table["participle"][0], conj)
    if known(regular, lemma):
        return regular
    listed = forms(lemma)
    found = [f for f in listed if f.endswith(("to", "so")) and f.isalpha() and not _verb_slots(f, lemma)]
    return found[0] if len(found) == 1 else None


def inflect(lemma: str, pos: str, like: Form) -> str | None:
    """``lemma`` (a noun, adjective, verb or adverb: ``pos`` n, a, v or r) in the form ``like`` describes,
    or ``None`` when no regular form the dictionary lists fits. A phrase inflects its first word
    ("prendere parte" → "prendevano parte"); an adverb and an invariable word stay as they are. A verb
    form carrying the reflexive «si» («congratulandosi») has no form for another verb: the pronoun
    may belong to the verb replaced (a pronominal verb, «congratularsi»), not to the new one."""
    if pos == "r":
        return lemma
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if pos == "v":
        if like.kind != "verb" or like.slot is None or like.clitic == "si":
            return None
        tense, k = like.slot
        if tense == "infinitive":
            return (head[:-1] + like.clitic if like.clitic else head) + tail
        conj, stem = head[-3:], head[:-3]
        endings = _ENDINGS.get(conj, {}).get(tense)
        if endings is None:
            return None
        for e in endings[k].split("|"):
            form = _join(stem, e, conj)
            if known(form, head) or _homograph(form, stem, head):
                return form + like.clitic + tail
        return None
    if like.kind != "nominal":
        return None
    options = _nominal_candidates(head, like.gender, like.number, adjective=(pos == "a"))
    for form in options:
        if form == head or known(form, head):
            return form + tail
    return None
