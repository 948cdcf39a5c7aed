"""Where a state stands in time, as English and Italian mark it with polarity-sensitive adverbs: it goes on
("still", «ancora»), it has ended ("no longer", "not … any more", «non … più»), or it has not begun ("not
yet", «non … ancora»). Huddleston & Pullum, The Cambridge Grammar of the English Language, ch. 9 §4 (the
polarity-sensitive pairs "still" / "any longer", "already" / "yet"); Serianni, Grammatica italiana XII
(«non … più», «non … ancora»). The three exclude one another: a translation that moves a statement from one
to another reverses it ("the plant has not yet opened" written «non è più aperto», it has closed).

:func:`aspect` answers for one clause-sized text; ``None`` when it marks none, or more than one.
"""

from __future__ import annotations

import re

GOES_ON, ENDED, NOT_BEGUN = "goes on", "has ended", "has not begun"

# "Still," opening a sentence concedes ("Still, the team won"), and "still" before a negation is "not yet"
# ("still has not signed").
_EN = {
    ENDED: re.compile(r"(?i)\bno longer\b|(?:\bnot\b|\bnever\b|n[’']t\b)(?:\W+\w+){0,4}?\W+(?:any ?more|any longer)\b"),
    NOT_BEGUN: re.compile(r"(?i)(?:\bnot\b|n[’']t\b)(?:\W+\w+){0,3}?\W+yet\b|\bnot yet\b|\bstill\W+(?:\w+\W+)?"
                          r"(?:not|never|\w+n[’']t)\b"),
    GOES_ON: re.compile(r"(?i)(?<![.!?:;]\s)(?<!^)\bstill\b(?!\s*,|\s+(?:more|less|\w+er)\b)"),
}
_IT = {
    ENDED: re.compile(r"(?i)\bnon\b(?:\W+\w+){0,4}?\W+più\b(?!\s+(?:di|che)\b)"),
    NOT_BEGUN: re.compile(r"(?i)\bnon\b(?:\W+\w+){0,4}?\W+ancora\b"),
    # not «ancora una volta» (again), «ancora più grande» (still more), nor the noun («l'ancora»)
    GOES_ON: re.compile(r"(?i)(?<!l')(?<!un')\bancora\b(?!\s+(?:una volta|più|di più|meno|meglio|peggio)\b)"),
}


def aspect(text: str, lang: str) -> tuple[str, tuple[int, int]] | None:
    """(the state ``text`` marks, the span of its marker) or ``None`` (no marker, or two states)."""
    table = _EN if lang == "en" else _IT
    found: dict[str, tuple[int, int]] = {}
    for state in (ENDED, NOT_BEGUN, GOES_ON):
        m = table[state].search(text)
        if m is not None and not any(a <= m.start() < b for a, b in found.values()):
            found[state] = (m.start(), m.end())
    return next(iter(found.items())) if len(found) == 1 else None
