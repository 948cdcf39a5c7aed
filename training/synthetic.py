"""Synthetic errors for the judge's training data, injected into professional translations.

A professional Italian translation with its real opus-mt back-translation and its English source has
(almost) no errors; editing the Italian *and* the back-translation consistently plants one whose gold
span we know. This matters for the error model: the gold sets come with literal human
back-translations, the professional ones with opus-mt's, and a model could learn which kind of
back-translation it sees instead of whether there is an error. Errors planted over real opus-mt
back-translations break that confound.

Kinds (one per chosen paragraph; each needs a word the lexicon can pin on both sides):

- ``substitution``: a content word's translation replaced by the translation of a *sibling* in WordNet
  (a word of the same kind: "duck" for "minnow"), in the Italian and the back-translation; major.
- ``antonym``: the same with a WordNet antonym ("chiudere" for "aprire"); critical.
- ``negation``: an Italian "non" and the back-translation's "not" removed; critical.
- ``number``: a number changed in both; critical.
- ``calendar``: a month or weekday swapped for another (CLDR names, Babel); critical.
- ``drop``: an adjective or adverb removed from both (a hedge, "probabilmente", is major; others minor).
- ``add``: an adjective added in both; minor.
- ``intensity``: an evaluative word's translation replaced by that of a WordNet neighbour (a synonym of
  its first two senses, a similar adjective) of the same sign that VADER rates at least one margin
  stronger or weaker (``checks/intensity.py``: "criticise" read as "attack"); minor, major from two
  margins.

The kinds in :data:`LATER_KINDS` (``intensity``) are planted after the others, in paragraphs they left
alone, with a generator of their own. Everything is drawn from a seeded :class:`random.Random` per
document, so the data is the same on every run.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from pathlib import Path

from backcheck.align.tokens import en_words, it_words
from backcheck.checks.intensity import MARGIN as INTENSITY_MARGIN
from backcheck.knowledge.support import lexicon
from backcheck.lang import it as italian
from backcheck.lang.calendar import month_names, weekday_list
from backcheck.lang.valence import valence

KINDS = ("substitution", "antonym", "negation", "number", "calendar", "drop", "add")
# Kinds added after the first model: planted in other paragraphs with their own random generator, so the
# errors planted before (and the model trained on them) stay as they were.
LATER_KINDS = ("intensity",)
HEDGES = frozenset({"probably", "possibly", "likely", "reportedly", "allegedly", "apparently", "partly",
                    "partially", "nearly", "almost", "mostly", "largely", "temporarily"})


@dataclass
class Planted:
    paragraph: int
    start: int       # offset of the gold span in the edited Italian paragraph
    text: str        # the gold span
    category: str
    severity: str
    note: str


def _rng(name: str, variant: int, seed: int) -> random.Random:
    digest = hashlib.sha256(f"{seed}:{name}:{variant}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _cased(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _italian_token(it: str, en_lemma: str, pos: str) -> tuple[int, int] | None:
    """The one Italian word of ``it`` that the lexicon says translates ``en_lemma`` (as ``pos``)."""
    lex = lexicon()
    assert lex is not None
    cands = lex.it_for_en_pos(en_lemma, pos)
    hits = [w for w in it_words(it) if w.content and (w.norm in cands or italian.verb_lemmas(w.text) & cands)]
    if len(hits) != 1:
        return None
    return hits[0].start, hits[0].end


def _first_italian(en_lemma: str, pos: str) -> str | None:
    lex = lexicon()
    assert lex is not None
    for sid in lex.senses(en_lemma, "english", pos)[:2]:
        for w in lex.lemmas(sid, "italian"):
            if " " not in w and w.isalpha():
                return w
    return None


def _siblings(en_lemma: str, pos: str) -> list[str]:
    """Co-hyponyms of the first sense of ``en_lemma`` (children of its hypernyms), as English lemmas."""
    lex = lexicon()
    assert lex is not None
    senses = lex.senses(en_lemma, "english", pos)
    if not senses:
        return []
    parents = [t for kind, t in lex.related(senses[0]) if kind == "@"]
    out: set[str] = set()
    for parent in parents:
        rows = lex._db().execute("SELECT source FROM relation WHERE type = '@' AND target = ? AND w_source IS NULL",
                                 (parent,)).fetchall()
        for (child,) in rows:
            if child != senses[0]:
                out.update(w for w in lex.lemmas(child, "english") if " " not in w)
    out.discard(en_lemma)
    return sorted(out)


def _swap_word(it: str, bt: str, rng: random.Random, antonym: bool) -> tuple[str, str, Planted] | None:
    lex = lexicon()
    assert lex is not None
    words = [w for w in en_words(bt) if w.content and w.text.islower() and len(w.text) > 3]
    rng.shuffle(words)
    for w in words:
        for pos in ("n", "v", "a"):
            if pos not in lex.pos(w.norm, "english"):
                continue
            span = _italian_token(it, w.norm, pos)
            if span is None:
                continue
            pool = sorted(lex.antonyms(w.norm)) if antonym else _siblings(w.norm, pos)
            rng.shuffle(pool)
            for other in pool[:8]:
                it_word = _first_italian(other, pos)
                if it_word is None or it_word == italian.lemma(it[span[0]:span[1]]):
                    continue
                new_it = _replace(it, span[0], span[1], _cased(it[span[0]:span[1]], it_word))
                new_en = other + ("s" if w.text.endswith("s") and not other.endswith("s") and pos == "n" else "")
                new_bt = _replace(bt, w.start, w.end, new_en)
                kind, sev = ("antonym", "critical") if antonym else ("wrong word", "major")
                return new_it, new_bt, Planted(-1, span[0], new_it[span[0]:span[0] + len(it_word)],
                                               "mistranslation", sev, f"{kind}: {w.text} -> {other}")
    return None


_NON = re.compile(r"\bnon\s+", re.IGNORECASE)
_NOT = re.compile(r"\b(?:not|n't)\b\s*|(?<=\w)n't\b")


def _negation(it: str, bt: str) -> tuple[str, str, Planted] | None:
    m_it, m_en = _NON.search(it), _NOT.search(bt)
    if m_it is None or m_en is None or len(_NON.findall(it)) != 1 or len(_NOT.findall(bt)) != 1:
        return None
    new_it = it[:m_it.start()] + it[m_it.end():]
    nxt = re.match(r"\w+(?:\s+\w+)?", new_it[m_it.start():])
    if nxt is None:
        return None
    new_bt = (bt[:m_en.start()] + bt[m_en.end():]).replace("  ", " ")
    return new_it, new_bt, Planted(-1, m_it.start(), nxt.group(0), "mistranslation", "critical", "negation dropped")


def _number(it: str, bt: str, rng: random.Random) -> tuple[str, str, Planted] | None:
    nums = [m for m in re.finditer(r"\b\d+\b", it) if re.search(rf"\b{m.group(0)}\b", bt)]
    if not nums:
        return None
    m = rng.choice(nums)
    old = m.group(0)
    value = int(old)
    year = 1900 <= value <= 2100
    new = str(value + rng.choice([-2, -1, 1] if year else [1, 2, 3, 10]))
    new_it = _replace(it, m.start(), m.end(), new)
    new_bt = re.sub(rf"\b{old}\b", new, bt, count=1)
    return new_it, new_bt, Planted(-1, m.start(), new, "number", "critical", f"number {old} -> {new}")


def _calendar(it: str, bt: str, rng: random.Random) -> tuple[str, str, Planted] | None:
    for it_names, en_names in ((month_names("it"), month_names("en")), (weekday_list("it"), weekday_list("en"))):
        for k, (i_name, e_name) in enumerate(zip(it_names, en_names, strict=True)):
            m_it = re.search(rf"\b{i_name}\b", it, re.IGNORECASE)
            m_en = re.search(rf"\b{e_name}\b", bt, re.IGNORECASE)
            if not (m_it and m_en):
                continue
            j = (k + rng.randrange(1, len(it_names))) % len(it_names)
            new_i = _cased(m_it.group(0), it_names[j])
            new_it = _replace(it, m_it.start(), m_it.end(), new_i)
            new_bt = _replace(bt, m_en.start(), m_en.end(), en_names[j].capitalize())
            return new_it, new_bt, Planted(-1, m_it.start(), new_i, "number", "critical",
                                           f"{e_name} -> {en_names[j]}")
    return None


def _drop(it: str, bt: str, rng: random.Random) -> tuple[str, str, Planted] | None:
    lex = lexicon()
    assert lex is not None
    words = [w for w in en_words(bt) if w.content and w.text.islower()]
    rng.shuffle(words)
    for w in words:
        pos = "r" if w.text.endswith("ly") else "a"
        if pos not in lex.pos(w.norm, "english"):
            continue
        span = _italian_token(it, w.norm, pos)
        if span is None:
            continue
        a, b = span
        while b < len(it) and it[b] == " ":
            b += 1
        new_it = it[:a] + it[b:]
        e = w.end
        while e < len(bt) and bt[e] == " ":
            e += 1
        new_bt = bt[:w.start] + bt[e:]
        near = [x for x in it_words(new_it) if x.content]
        after = [x for x in near if x.start >= a]
        before = [x for x in near if x.end <= a]
        anchor = after[0] if after else before[-1] if before else None
        if anchor is None:
            continue
        sev = "major" if w.norm in HEDGES else "minor"
        return new_it, new_bt, Planted(-1, anchor.start, anchor.text, "omission", sev, f"dropped {w.text}")
    return None


ADJECTIVES = ("new", "serious", "large", "old", "secret", "official", "historic", "violent", "local", "strong")


def _add(it: str, bt: str, rng: random.Random) -> tuple[str, str, Planted] | None:
    lex = lexicon()
    assert lex is not None
    words = [w for w in en_words(bt) if w.content and w.text.islower() and "n" in lex.pos(w.norm, "english")]
    rng.shuffle(words)
    for w in words:
        span = _italian_token(it, w.norm, "n")
        if span is None:
            continue
        adj = rng.choice(ADJECTIVES)
        it_adj = _first_italian(adj, "a")
        if it_adj is None:
            continue
        new_it = it[:span[1]] + " " + it_adj + it[span[1]:]
        new_bt = bt[:w.start] + adj + " " + bt[w.start:]
        return new_it, new_bt, Planted(-1, span[1] + 1, it_adj, "addition", "minor", f"added {adj}")
    return None


def _neighbours(en_lemma: str, pos: str) -> list[str]:
    """English lemmas that can stand for ``en_lemma``: the synonyms of its first two senses and the
    adjectives WordNet marks similar to them."""
    lex = lexicon()
    assert lex is not None
    out: set[str] = set()
    for sid in lex.senses(en_lemma, "english", pos)[:2]:
        out.update(lex.lemmas(sid, "english"))
        for kind, target in lex.related(sid):
            if kind == "&":
                out.update(lex.lemmas(target, "english"))
    out.discard(en_lemma)
    return sorted(w for w in out if w.isalpha())


def _intensity(it: str, bt: str, rng: random.Random) -> tuple[str, str, Planted] | None:
    lex = lexicon()
    assert lex is not None
    words = [w for w in en_words(bt) if w.content and w.text.islower() and len(w.text) > 3
             and valence(w.text) is not None]
    rng.shuffle(words)
    for w in words:
        v = valence(w.text)
        assert v is not None
        for pos in ("a", "v", "n", "r"):
            if pos not in lex.pos(w.norm, "english"):
                continue
            span = _italian_token(it, w.norm, pos)
            if span is None:
                continue
            pool = [o for o in _neighbours(w.norm, pos) if (vo := valence(o)) is not None and vo * v > 0
                    and abs(abs(vo) - abs(v)) >= INTENSITY_MARGIN]
            rng.shuffle(pool)
            for other in pool[:8]:
                it_word = _first_italian(other, pos)
                if it_word is None or it_word == italian.lemma(it[span[0]:span[1]]):
                    continue
                vo = valence(other)
                assert vo is not None
                new_it = _replace(it, span[0], span[1], _cased(it[span[0]:span[1]], it_word))
                new_bt = _replace(bt, w.start, w.end, other)
                sev = "major" if abs(abs(vo) - abs(v)) >= 2 * INTENSITY_MARGIN else "minor"
                return new_it, new_bt, Planted(-1, span[0], new_it[span[0]:span[0] + len(it_word)],
                                               "mistranslation", sev, f"intensity: {w.text} -> {other}")
    return None


def inject(it: str, bt: str, kind: str, rng: random.Random) -> tuple[str, str, Planted] | None:
    """One error of ``kind`` planted in a paragraph pair, or ``None`` when it does not apply."""
    if kind in ("substitution", "antonym"):
        return _swap_word(it, bt, rng, antonym=kind == "antonym")
    if kind == "negation":
        return _negation(it, bt)
    if kind == "number":
        return _number(it, bt, rng)
    if kind == "calendar":
        return _calendar(it, bt, rng)
    if kind == "drop":
        return _drop(it, bt, rng)
    if kind == "intensity":
        return _intensity(it, bt, rng)
    return _add(it, bt, rng)


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text.strip("\n"))]


def plant(folder: Path, out: Path, *, variant: int, seed: int, share: float = 0.34) -> int:
    """Write ``out`` (article.it.txt, back.en.txt, source.en.txt, gold.tsv): ``folder`` with errors
    planted in about ``share`` of its paragraphs. Returns how many were planted."""
    rng = _rng(folder.name, variant, seed)
    it_pars = _paragraphs((folder / "article.it.txt").read_text(encoding="utf-8"))
    bt_pars = _paragraphs((folder / "back.en.txt").read_text(encoding="utf-8"))
    if len(it_pars) != len(bt_pars):
        return 0
    chosen = [k for k in range(len(it_pars)) if rng.random() < share] or [rng.randrange(len(it_pars))]
    planted: list[Planted] = []
    for k in chosen:
        kinds = list(KINDS)
        rng.shuffle(kinds)
        for kind in kinds:
            got = inject(it_pars[k], bt_pars[k], kind, rng)
            if got is not None:
                it_pars[k], bt_pars[k], p = got
                p.paragraph = k
                planted.append(p)
                break
    later = _rng(folder.name, variant, seed + 1)
    for k in range(len(it_pars)):
        if k in chosen or later.random() >= share:
            continue
        for kind in LATER_KINDS:
            got = inject(it_pars[k], bt_pars[k], kind, later)
            if got is not None:
                it_pars[k], bt_pars[k], p = got
                p.paragraph = k
                planted.append(p)
                break
    out.mkdir(parents=True, exist_ok=True)
    article = "\n\n".join(it_pars) + "\n"
    (out / "article.it.txt").write_text(article, encoding="utf-8")
    (out / "back.en.txt").write_text("\n\n".join(bt_pars) + "\n", encoding="utf-8")
    (out / "source.en.txt").write_text((folder / "source.en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    offsets, pos = [], 0
    for par in it_pars:
        offsets.append(pos)
        pos += len(par) + 2
    rows = ["span\tcategory\tseverity\tneeds\tnote"]
    for p in planted:
        at = offsets[p.paragraph] + p.start
        assert article[at:at + len(p.text)] == p.text, (folder, p)
        nth = article.count(p.text, 0, at) + 1
        label = p.text if nth == 1 else f"{p.text}#{nth}"
        rows.append(f"{label}\t{p.category}\t{p.severity}\tsource\tsynthetic: {p.note}")
    (out / "gold.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return len(planted)
