"""The tokenizer, the ``Word`` it yields and the accent fold, shared by every language."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# A word: letters, optionally joined by an apostrophe or hyphen ("dell’Ucraina", "week-end").
WORD_RE = re.compile(r"[^\W\d_]+(?:['’‘\-][^\W\d_]+)*")
# Things that are not prose: URLs, e-mail addresses, @handles, #hashtags, domain names.
NON_PROSE_RE = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[@#][\w.]+|\b[\w-]+\.(?:com|it|org|net|eu|info|news|io|co\.uk)\b",
    re.IGNORECASE,
)
APOSTROPHES = "'’‘"
# The aligner's tokens (align.en_words / align.it_words), digits included: English keeps an apostrophe
# inside a word ("it's"); Italian elision is two words, the article keeping its apostrophe ("dall’",
# "occupazione").
EN_TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
IT_TOKEN_RE = re.compile(r"\w+['’](?=\w)|\w+", re.UNICODE)


@dataclass(frozen=True)
class Word:
    """A word of ``text`` with absolute offsets (``text[start:end] == word``)."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Words of ``text[start:end]`` (absolute offsets), skipping URLs, handles and hashtags. Memoised:
    the checks ask for the same sentence's words again and again (seven times in ten on newssyscomb)."""
    return list(_words(text, start, len(text) if end is None else end))


@lru_cache(maxsize=8192)
def _words(text: str, start: int, end: int) -> tuple[Word, ...]:
    masked = [(m.start(), m.end()) for m in NON_PROSE_RE.finditer(text, start, end)]
    if not masked:  # most texts: no URL, handle or hashtag
        return tuple(Word(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text, start, end))
    return tuple(Word(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text, start, end)
                 if not any(a <= m.start() < b for a, b in masked))


def without_possessive(word: str) -> str:
    """``word`` less an English possessive "'s" ("Kirby's" → "Kirby", "Thursday’s" → "Thursday")."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


@lru_cache(maxsize=131072)
def strip_accents(s: str) -> str:
    """``s`` without combining marks (case kept): "Zelens’kyj", "città" → "citta"."""
    if s.isascii():  # no mark to remove, nothing to decompose
        return s
    # only a character outside ASCII can be a mark: each is looked at alone
    return _NON_ASCII.sub(_unless_mark, unicodedata.normalize("NFD", s))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _unless_mark(m: re.Match[str]) -> str:
    return "" if unicodedata.category(m.group()) == "Mn" else m.group()


@lru_cache(maxsize=131072)
def fold(word: str) -> str:
    """The lookup key of a word in any language: lower case, compatibility forms composed ("ﬁ" → "fi"),
    curly apostrophe straight, no accents."""
    return strip_accents(unicodedata.normalize("NFKC", word.lower().replace("’", "'")))


def cased_like(text: str, like: str) -> str:
    """``text`` with a capital first letter where ``like`` (the words it replaces) starts with one."""
    return text[:1].upper() + text[1:] if like[:1].isupper() else text


def common_prefix(a: str, b: str) -> int:
    """Length of the prefix ``a`` and ``b`` share."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


# Quotation marks that open and close (Italian guillemets, typographic double quotes); a straight double
# quote does both.
_QUOTE_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'))
# What may stand between a phrase's last word and the mark that closes its quotation: «È vero?»
_BEFORE_MARK = re.compile(r"[^\w\s«»“”\"]{0,3}")


def balanced_quotes(text: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` grown over the punctuation and mark that close (or open) a quotation ``text[a:b]``
    opens (or closes) a few characters away, so a quoted phrase reads as the text writes it: «È vero?»,
    not «È vero. A mark words away is left as it is."""
    for opening, closing in _QUOTE_PAIRS:
        inside = text[a:b]
        if opening == closing:  # the quotes before the phrase tell whether its own opens or closes one
            unpaired = inside.count(opening) % 2 == 1
            opens = unpaired and text.count(opening, 0, a) % 2 == 0
            closes = unpaired and not opens
        else:
            opens = inside.count(opening) > inside.count(closing)
            closes = inside.count(closing) > inside.count(opening)
        if opens:
            m = _BEFORE_MARK.match(text, b)
            if m is not None and text.startswith(closing, m.end()):
                b = m.end() + 1
        elif closes:
            at = text.rfind(opening, max(0, a - 4), a)
            if at >= 0 and _BEFORE_MARK.fullmatch(text, at + 1, a):
                a = at
    return a, b


# closing mark -> its opening one: the brackets, and the quotation marks that differ in each direction
_BRACKETS = {close: open_ for open_, close in (("(", ")"), ("[", "]"), *_QUOTE_PAIRS) if open_ != close}


def _opening(phrase: str, k: int) -> str:
    return "“" if phrase[k] == '"' else phrase[k]


def unpaired(phrase: str) -> set[int]:
    """The positions of the brackets and quotation marks of ``phrase`` whose partner lies outside it
    (a straight quote opens at the start or after a space, and closes elsewhere)."""
    drop: set[int] = set()
    stack: list[int] = []
    for k, c in enumerate(phrase):
        if c == '"':
            c = "“" if k == 0 or phrase[k - 1].isspace() or phrase[k - 1] in _BRACKETS.values() else "”"
        if c in _BRACKETS.values():
            stack.append(k)
        elif c in _BRACKETS:
            if stack and _opening(phrase, stack[-1]) == _BRACKETS[c]:
                stack.pop()
            else:
                drop.add(k)
    return drop | set(stack)


def without_unpaired(phrase: str) -> str:
    """``phrase`` as a message quotes it: without the brackets and quotation marks whose partner lies
    outside it ("best) offer" → "best offer", 'says that "when' → "says that when"), which
    would otherwise open or close something in the message itself."""
    drop = unpaired(phrase)
    if not drop:
        return phrase
    kept = "".join(c for k, c in enumerate(phrase) if k not in drop)
    return re.sub(r"\s{2,}", " ", kept).strip()
