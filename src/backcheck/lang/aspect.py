"""Where a state stands in time, as English and Italian mark it with polarity-sensitive adverbs: it goes on
("still", «ancora»), it has ended ("no longer", "not … any more", «non … più»), or it has not begun ("not
yet", «non … ancora»). Huddleston & Pullum, The Cambridge Grammar of the English Language, ch. 9 §4 (the
polarity-sensitive pairs "still" / "any longer", "already" / "yet"); Serianni, Grammatica italiana XII
(«non … più», «non … ancora»). The three exclude one another: a translation that moves a statement from one
to another reverses it ("the plant has not yet opened" written «non è più aperto», it has closed).

:func:`aspect` answers for one clause-sized text; ``None`` when it marks none, or more than one.
:func:`opposed_words` finds the other closed-class reversals of this kind: the other end of "before" /
"after", "more" / "less", "above" / "below" (:data:`OPPOSED`).
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


# Closed-class words that place a thing at one end of a scale or an order, with their Italian: "before" /
# "after" (order in time; Huddleston & Pullum ch. 7 on temporal prepositions), "more" / "less" or "fewer"
# (comparison of quantity, ch. 13), "above" / "below", "inside" / "outside" (position). Function words are
# outside the word alignment's gaps, so the antonyms WordNet gives for content words never meet them.
OPPOSED = (("before", "after", "prima", "dopo"), ("more", "less", "più", "meno"), ("more", "fewer", "più", "meno"),
           ("above", "below", "sopra", "sotto"), ("inside", "outside", "dentro", "fuori"))


def _has(word: str, text: str) -> re.Match[str] | None:
    return re.search(rf"(?i)(?<!\w){word}(?!\w)", text)


def opposed_words(source: str, back: str, italian: str) -> tuple[str, str, tuple[int, int]] | None:
    """(the source's word, the back-translation's opposite of it, the span of its Italian in ``italian``) when
    the source says one end of a pair of :data:`OPPOSED` and not the other, and the back-translation and the
    Italian say the other end and not the first; ``None`` otherwise."""
    for a, b, it_a, it_b in OPPOSED:
        for said, read, it_said, it_read in ((a, b, it_a, it_b), (b, a, it_b, it_a)):
            if not _has(said, source) or _has(read, source) or not _has(read, back) or _has(said, back):
                continue
            m = _has(it_read, italian)
            if m is not None and not _has(it_said, italian):
                return said, read, (m.start(), m.end())
    return None
