"""How evaluative an English word is: VADER's valence lexicon (Hutto & Gilbert 2014).

The lexicon ships in the ``vaderSentiment`` wheel (MIT) as ``vader_lexicon.txt``: 7,500 English words
and emoticons, each rated by ten people from −4 (extremely negative) to +4 (extremely positive), with
the mean, the standard deviation and the ten ratings. A word the raters found neutral is not listed.
Only the mean of the plain words (letters only) is read, once, on first use: importing this module
reads nothing.

:func:`valence` is inflection aware: VADER rates some forms separately ("criticized" apart from
"criticize"), so the form as written is looked up first, then its American spelling ("criticised" →
"criticized"), then its lemma (:func:`backcheck.lang.en.lemma`) and the lemma's American spelling.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from importlib import resources
from importlib.metadata import PackageNotFoundError, version

from .en import lemma
from .tokens import fold

PACKAGE = "vaderSentiment"
FILE = "vader_lexicon.txt"
# VADER's scale: −4 … +4.
SCALE = 4.0

_LOCK = threading.Lock()
_TABLE: list[dict[str, float]] = []
# British -ise/-isation spellings; VADER's raters were shown American ones.
_BRITISH = re.compile(r"(?<=\w{3})is(e|ed|es|ing|ation|ations)$")


def _read() -> dict[str, float]:
    """Plain word → mean valence, from the wheel's ``vader_lexicon.txt``; empty without the package."""
    try:
        text = resources.files(PACKAGE).joinpath(FILE).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    table: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            table[parts[0].lower()] = float(parts[1])
    return table


def table() -> dict[str, float]:
    """The whole lexicon, plain words only (read on first use)."""
    if not _TABLE:
        with _LOCK:
            if not _TABLE:
                _TABLE.append(_read())
    return _TABLE[0]


def available() -> bool:
    return bool(table())


def signature() -> str:
    """``vader-<version>`` of the installed package, ``none`` without it (nothing is read)."""
    try:
        return f"vader-{version(PACKAGE)}"
    except PackageNotFoundError:
        return "none"


def _american(word: str) -> str:
    return _BRITISH.sub(lambda m: "iz" + m.group(1), word)


@lru_cache(maxsize=65536)
def valence(word: str) -> float | None:
    """VADER's mean valence of ``word`` (−4 … +4), or ``None`` when the raters did not list it (a
    neutral word, or one they were not shown). Memoised: the intensity check grades the same words
    and their synonyms sentence after sentence."""
    t = table()
    w = fold(word).lower()
    if not w.isalpha():
        return None
    for key in (w, _american(w)):
        if key in t:
            return t[key]
    lem = lemma(w)
    for key in (lem, _american(lem)):
        if key in t:
            return t[key]
    return None
