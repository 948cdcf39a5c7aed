"""How much of a set a statement covers: the quantifying determiners of English and Italian on one scale.

The scale none < few < some < many < most < all is Horn's scale of quantity (Horn, *On the semantic
properties of logical operators in English*, 1972; Huddleston & Pullum, *The Cambridge Grammar of the
English Language*, ch. 5 §§5-7, the quantificational determinatives). Italian: Serianni, *Grammatica
italiana*, VII §§ 176-214 (indefiniti: nessuno, poco, alcuno, qualche, diverso, molto, tanto, parecchio,
la maggior parte, tutto, ogni, ciascuno). "Not all" and «non tutti» are "some", "not many" and «non
molti» "few". Only determiner uses count, not "all" in "at all", "after all", "above all", "all
but" (almost), "in all" (in total), "of all" ("first of all"); not "most" after "the" or "at" (a
superlative, a bound); not "some" before a number (an estimate: ``data/bounds.tsv``); "no" in "no
longer", "no more", "no less", "no matter" neither ("no one" is a pronoun of the none class all the
same); nor the singular «tutto», «tutta» (the whole of one thing: «tutto il paese», «prima di tutto»)
and the adverbs «molto», «poco».
"""

from __future__ import annotations

import re

SCALE = ("none", "few", "some", "many", "most", "all")

_EN = (
    ("all", r"(?<!\bat )(?<!\bafter )(?<!\babove )(?<!\bin )(?<!\bof )\ball\b(?!\s+but\b|\s*-|\s+the\s+same\b)|"
            r"\bevery\b|\beach\b(?!\s+other\b)|\bboth\b(?!\s+\w+\s+and\b)"),
    ("most", r"(?<!\bthe )(?<!\bat )\bmost\b(?=\s+(?:of\s+)?[a-z])|\bthe\s+majority\s+of\b"),
    ("many", r"(?<!\bnot )(?<!\bhow )\bmany\b|\bnumerous\b|\ba\s+lot\s+of\b|\blots\s+of\b"),
    ("some", r"\bnot\s+(?:all|every)\b|\bsome\b(?!\s+\d)|\bseveral\b|\ba\s+few\b"),
    ("few", r"(?<!\ba )\bfew\b|\bnot\s+many\b"),
    ("none", r"\bno\b(?!\s+(?:longer|more|less|matter)\b)|\bnone\b|\bneither\b|\bno\s+one\b|\bnobody\b"),
)
_IT = (
    ("all", r"(?<!\bnon )\btutt[ie]\b|\bogni\b|\bciascun[oa]?\b|\bentramb[ie]\b"),
    ("most", r"\b(?:la\s+)?maggior\s+parte\b|\b(?:la\s+)?maggioranza\b"),
    ("many", r"(?<!\bnon )\bmolt[ie]\b|\btant[ie]\b|\bnumeros[ie]\b|\bparecch[ie]\b"),
    ("some", r"\bnon\s+tutt[ie]\b|\balcun[ie]\b|\bqualche\b|\bdivers[ie]\b(?=\s+[a-z])|\bun\s+po['’]\s+di\b"),
    ("few", r"\bpoch[ie]\b|\bnon\s+molt[ie]\b"),
    ("none", r"\bnessun[oa]?\b|\bnessun['’]"),
)
_COMPILED = {lang: [(cls, re.compile(p, re.IGNORECASE)) for cls, p in table] for lang, table in (("en", _EN),
                                                                                                  ("it", _IT))}


def quantifiers(text: str, lang: str) -> list[tuple[str, int, int]]:
    """(class, start, end) of every quantifier of ``text`` (``lang`` "en" or "it"), a span claimed once
    (the classes "some" and "few", which hold the negated "not all" and "not many", are tried first)."""
    found: list[tuple[str, int, int]] = []
    for cls, pattern in sorted(_COMPILED[lang], key=lambda cp: cp[0] not in ("some", "few")):
        for m in pattern.finditer(text):
            if not any(a < m.end() and m.start() < b for _, a, b in found):
                found.append((cls, m.start(), m.end()))
    return sorted(found, key=lambda f: f[1])


def far_apart(a: str, b: str) -> bool:
    """Two classes a reader takes for different facts: two steps apart on :data:`SCALE`, or one of them
    an end of it ("all", "none": a universal claim) and the other not."""
    i, j = SCALE.index(a), SCALE.index(b)
    return i != j and (abs(i - j) >= 2 or {a, b} & {"all", "none"} != set())
