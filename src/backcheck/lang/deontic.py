"""Necessity against possibility: "must" / «deve» against "may" / «può».

The modal auxiliaries and the semi-modals of necessity (must, have to, need to, be required to; Italian
*dovere*, «essere tenuto a») and of possibility or permission (may, might, can, could, be allowed to;
Italian *potere*, «essere autorizzato a») after Huddleston & Pullum, *The Cambridge Grammar of the English
Language*, ch. 3 §9 (strong and weak modality) and Serianni, *Grammatica italiana*, XI §§ 40-45 (verbi
servili). "Should" and «dovrebbe» (weak necessity, a likelihood as often as an advice) are neither. A
negated modal ("must not", «non può») is the modality check's other rule, and is left out here.
"""

from __future__ import annotations

import re

NECESSITY, POSSIBILITY = "necessity", "possibility"

_EN = {
    NECESSITY: re.compile(r"(?i)(?<![\w'’])(?:must|(?:has|have|had)\s+to|needs?\s+to|(?:is|are|was|were|be)\s+"
                          r"(?:required|obliged)\s+to)(?!\s+not\b|n['’]t)(?![\w'’])"),
    POSSIBILITY: re.compile(r"(?i)(?<![\w'’])(?:may|might|can|could|(?:is|are|was|were|be)\s+(?:allowed|permitted)"
                            r"\s+to)(?!\s+not\b|n['’]t)(?![\w'’])"),
}
# Italian present, imperfect and future of dovere and potere (not the conditional), by person
IT_DOVERE = ("devo", "devi", "deve", "dobbiamo", "dovete", "devono", "dovevo", "dovevi", "doveva", "dovevamo",
             "dovevate", "dovevano", "dovrò", "dovrai", "dovrà", "dovremo", "dovrete", "dovranno")
IT_POTERE = ("posso", "puoi", "può", "possiamo", "potete", "possono", "potevo", "potevi", "poteva", "potevamo",
             "potevate", "potevano", "potrò", "potrai", "potrà", "potremo", "potrete", "potranno")
_IT = {
    NECESSITY: re.compile(rf"(?i)(?<![\w'’])(?<!non )(?:{'|'.join(IT_DOVERE)}|"
                          r"(?:è|sono)\s+(?:tenut[oaie]|obbligat[oaie]))(?![\w'’])"),
    POSSIBILITY: re.compile(rf"(?i)(?<![\w'’])(?<!non )(?:{'|'.join(IT_POTERE)}|(?:è|sono)\s+autorizzat[oaie])"
                            r"(?![\w'’])"),
}


def modal_classes(text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    """The spans of ``text`` of each class (:data:`NECESSITY`, :data:`POSSIBILITY`) that it has, unnegated."""
    table = _EN if lang == "en" else _IT
    out = {}
    for cls, pattern in table.items():
        spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
        if spans:
            out[cls] = spans
    return out


def swapped(word: str) -> str | None:
    """The same person and tense of the other verb («possono» → «devono», «deve» → «può»)."""
    w = word.lower()
    for a, b in ((IT_DOVERE, IT_POTERE), (IT_POTERE, IT_DOVERE)):
        if w in a:
            return b[a.index(w)]
    return None
