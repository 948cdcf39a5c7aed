"""Competitive linking of two lists of English words (Melamed 2000), and the longest chain of links
that keeps both orders: the word alignment's first two steps (:mod:`.words`)."""

from __future__ import annotations

from dataclasses import dataclass

from .tokens import Word, words_match

# Equivalence of a linked pair: the same lemma or word; a paraphrase, stem, name or WordNet synonym.
SAME, EQUIVALENT = 1.0, 0.9


@dataclass(frozen=True)
class Link:
    """Source content word ``src`` ↔ back-translation content word ``bt`` (indices into the aligned
    content words) with their equivalence ``score``."""

    src: int
    bt: int
    score: float


def _equivalence(a: Word, b: Word) -> float:
    if a.norm == b.norm or a.text.lower() == b.text.lower():
        return SAME
    return EQUIVALENT if words_match(a, b) else 0.0


def link_words(src: list[Word], bt: list[Word]) -> list[Link]:
    """Competitive linking: the best-scoring pair first (ties: closest relative position), one link
    per word."""
    n, m = max(1, len(src) - 1), max(1, len(bt) - 1)
    scored = []
    for i, s in enumerate(src):
        for j, b in enumerate(bt):
            eq = _equivalence(s, b)
            if eq > 0:
                scored.append((-eq, abs(i / n - j / m), i, j, eq))
    scored.sort()
    used_s: set[int] = set()
    used_b: set[int] = set()
    links = []
    for _neg, _dist, i, j, eq in scored:
        if i in used_s or j in used_b:
            continue
        used_s.add(i)
        used_b.add(j)
        links.append(Link(i, j, eq))
    return sorted(links, key=lambda k: k.src)


def chain(links: list[Link]) -> list[Link]:
    """The longest chain of links increasing on both sides (ties: the higher total score)."""
    best: list[tuple[int, float, int]] = []  # (length, score, previous index)
    for k, link in enumerate(links):
        cand = (1, link.score, -1)
        for p in range(k):
            if links[p].bt < link.bt and links[p].src < link.src:
                length, score, _ = best[p]
                if (length + 1, score + link.score) > cand[:2]:
                    cand = (length + 1, score + link.score, p)
        best.append(cand)
    if not best:
        return []
    k = max(range(len(best)), key=lambda i: (best[i][0], best[i][1], -i))
    out = []
    while k >= 0:
        out.append(links[k])
        k = best[k][2]
    return out[::-1]
