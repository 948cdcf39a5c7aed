"""How two English words relate in WordNet (through the MultiWordNet lexicon), and how common a word is
(wordfreq): graded evidence for telling a paraphrase from a wrong word.

:func:`relation` answers one of :data:`RELATIONS`: the same synset (``synonym``), one a kind of the
other (``hypernym``: "officer" / "secretary" are not; "animal" / "dog" are), children of one parent
(``sibling``: "duck" / "goose"), WordNet's ``antonym`` ("open" / "close"), adjectives WordNet marks
``similar``, ``unrelated`` when both are known and none of these holds, ``unknown`` when one is not
in WordNet. Hypernyms are followed up to :data:`HYPERNYM_DEPTH` steps.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lexicon import Lexicon

RELATIONS = ("synonym", "antonym", "hypernym", "sibling", "similar", "unrelated", "unknown")
HYPERNYM_DEPTH = 3


@lru_cache(maxsize=16384)
def _ancestors(lex: Lexicon, synsets: tuple[str, ...], depth: int) -> dict[str, int]:
    """Synset → steps up (0: the synset itself) for ``synsets`` and their hypernyms (memoised: a word
    meets many others; the callers only read the mapping)."""
    out = {s: 0 for s in synsets}
    frontier = list(synsets)
    for step in range(1, depth + 1):
        nxt = []
        for s in frontier:
            for kind, target in lex.related(s):
                if kind == "@" and target not in out:
                    out[target] = step
                    nxt.append(target)
        frontier = nxt
    return out


def _first(lex: Lexicon, a: str, b: str) -> str | None:
    """The relations told without reading a hypernym: ``unknown``, ``synonym``, ``antonym`` (else ``None``)."""
    sa, sb = lex.senses(a), lex.senses(b)
    if not sa or not sb:
        return "unknown"
    if set(sa) & set(sb):
        return "synonym"
    if b in lex.antonyms(a) or a in lex.antonyms(b):
        return "antonym"
    return None


@lru_cache(maxsize=65536)
def _relation(lex: Lexicon, a: str, b: str) -> str:
    first = _first(lex, a, b)
    if first is not None:
        return first
    sa, sb = lex.senses(a), lex.senses(b)
    up_a, up_b = _ancestors(lex, sa, HYPERNYM_DEPTH), _ancestors(lex, sb, HYPERNYM_DEPTH)
    if set(sa) & set(up_b) or set(sb) & set(up_a):
        return "hypernym"
    parents_a = {s for s, d in up_a.items() if d == 1}
    parents_b = {s for s, d in up_b.items() if d == 1}
    if parents_a & parents_b:
        return "sibling"
    if any(kind in ("&", "$") and t in sb for s in sa for kind, t in lex.related(s)):
        return "similar"
    return "unrelated"


def relation(lex: Lexicon | None, a: str, b: str) -> str:
    """The WordNet relation of English lemmas ``a`` and ``b`` (see module doc)."""
    if lex is None:
        return "unknown"
    a, b = a.lower(), b.lower()
    if a == b:
        return "synonym"
    return _relation(lex, *sorted((a, b)))


def antonymous(lex: Lexicon | None, a: str, b: str) -> bool:
    """``relation(lex, a, b) == "antonym"``, without working out the relations that come after it."""
    if lex is None:
        return False
    a, b = a.lower(), b.lower()
    if a == b:
        return False
    # the antonym step's own test first (a word with none is not asked), then what comes before it
    if not ((a in lex.with_antonyms and b in lex.antonyms(a)) or (b in lex.with_antonyms and a in lex.antonyms(b))):
        return False
    return _first(lex, *sorted((a, b))) == "antonym"


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str = "en") -> float:
    """wordfreq's Zipf frequency of ``word`` (0 for a word it does not know; 7 is "the")."""
    from ..lang.frequency import zipf

    return zipf(word, lang)


# Hypernym steps followed to find whether a noun sense is a kind of person (WordNet's person hierarchy
# is deeper than HYPERNYM_DEPTH: "teenager" → juvenile → person is short, "ambassador" → diplomat →
# official → worker → person is not).
PERSON_DEPTH = 12


@lru_cache(maxsize=4)
def _person(lex: Lexicon) -> str | None:
    """WordNet's synset of "person, individual, someone" (the one the three lemmas share)."""
    common = set(lex.senses("person", "english", "n"))
    for word in ("individual", "someone"):
        common &= set(lex.senses(word, "english", "n"))
    return min(common) if len(common) == 1 else None


def names_person(lex: Lexicon | None, lemma: str, lang: str = "italian") -> bool | None:
    """Whether every noun sense of ``lemma`` is a kind of person (True) or none is (False); ``None`` when
    its senses differ, it has none, or the lexicon lacks the person synset."""
    if lex is None:
        return None
    root = _person(lex)
    senses = [s for s in lex.senses(lemma, lang) if s.startswith("n")]
    if root is None or not senses:
        return None
    kinds = {root in _ancestors(lex, (s,), PERSON_DEPTH) for s in senses}
    return kinds.pop() if len(kinds) == 1 else None


def may_name_person(lex: Lexicon | None, lemma: str, lang: str = "english") -> bool:
    """Whether some noun sense of ``lemma`` is a kind of person ("president", "coach"; not "career")."""
    if lex is None:
        return False
    root = _person(lex)
    return root is not None and any(root in _ancestors(lex, (s,), PERSON_DEPTH)
                                    for s in lex.senses(lemma, lang) if s.startswith("n"))
