"""wordfreq's Zipf frequencies, read from a memory-mapped MARISA trie in the backcheck cache.

Importing wordfreq and reading its Italian and English lists costs about 0.5 s and 60 MB in every
process. :func:`zipf` gives exactly what ``wordfreq.zipf_frequency(word, lang)`` gives: the value of
every plain word of wordfreq's list (letters only, already lower case) is computed once *by wordfreq
itself* and written into ``<cache>/wordfreq-<version>-<lang>-s1.marisa`` (written under a temporary
name and renamed, so two processes building at once both end with a whole file); a plain word missing
from the list has frequency 0, as in wordfreq. Any other text (a hyphen, an apostrophe, a digit, a
capital) goes to wordfreq itself. Without ``marisa-trie``, or when the cache cannot be written,
everything goes to wordfreq.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..defaults import default_cache_dir
from .datafiles import save_trie

log = logging.getLogger(__name__)

SCHEMA = 1
# Letters below U+0250 (Latin, with its accents): one wordfreq token each, as written.
_LATIN_END = 0x250
_LOCK = threading.Lock()
_TRIES: dict[str, Any] = {}


def plain(word: str) -> bool:
    """A word wordfreq reads as one token spelled as it is: Latin letters only, lower case."""
    return bool(word) and word.isalpha() and word.casefold() == word and all(ord(c) < _LATIN_END for c in word)


def trie_path(lang: str, cache_dir: Path | None = None) -> Path:
    from importlib.metadata import version

    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    return folder / f"wordfreq-{version('wordfreq')}-{lang}-s{SCHEMA}.marisa"


def build_trie(lang: str, path: Path) -> None:
    """Every plain word of wordfreq's ``lang`` list with wordfreq's own Zipf value (atomic rename)."""
    from marisa_trie import RecordTrie
    from wordfreq import get_frequency_dict, zipf_frequency

    words = [w for w in get_frequency_dict(lang) if plain(w)]
    trie = RecordTrie("<d", ((w, (zipf_frequency(w, lang),)) for w in words))
    save_trie(trie, path)


def _trie(lang: str) -> Any | None:
    """The language's trie (built into the cache on first use), or ``None`` when unavailable."""
    if lang not in _TRIES:
        with _LOCK:
            if lang not in _TRIES:
                _TRIES[lang] = _load(lang)
    return _TRIES[lang]


def available(lang: str) -> bool:
    """The language's trie is usable (built now if it was missing)."""
    return _trie(lang) is not None


def _load(lang: str) -> Any | None:
    try:
        from marisa_trie import RecordTrie

        path = trie_path(lang)
        if not path.is_file():
            log.info("writing wordfreq's %s list as a trie in %s (once)", lang, path)
            build_trie(lang, path)
        return RecordTrie("<d").mmap(str(path))
    except ImportError:
        log.info("marisa-trie is not installed: word frequencies are read by wordfreq")
    except (OSError, LookupError) as exc:  # an unwritable cache, a language wordfreq lacks
        log.warning("wordfreq trie for %s unusable (%s): frequencies are read by wordfreq", lang, exc)
    return None


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """``wordfreq.zipf_frequency(word, lang)``, from the trie when ``word`` is plain."""
    trie = _trie(lang) if plain(word) else None
    if trie is None:
        from wordfreq import zipf_frequency

        return float(zipf_frequency(word, lang))
    found = trie.get(word)
    return float(found[0][0]) if found else 0.0
