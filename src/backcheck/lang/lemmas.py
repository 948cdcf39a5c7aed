"""simplemma's lemmas, its dictionaries read from memory-mapped MARISA tries in the backcheck cache.

simplemma's default dictionaries are lzma-compressed front-coded streams decoded into Python dicts on
first use: about 0.4 s and 65 MB for Italian and English in every process. The same entries, written
once into ``<cache>/simplemma-<version>-<lang>-s1.marisa`` (a MARISA trie of about 1 MB; written
under a temporary name and renamed, so two processes building at once both end with a whole file),
are memory-mapped in well under a millisecond and give the same lemmas through simplemma's own
strategies (its :class:`~simplemma.strategies.DefaultStrategy` reads any ``Mapping``). Without
``marisa-trie``, or when the cache cannot be written, simplemma's default dictionaries are used.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..defaults import default_cache_dir
from .datafiles import save_trie

log = logging.getLogger(__name__)

SCHEMA = 1
_LOCK = threading.Lock()
_FORMS_LOCK = threading.Lock()  # apart from _LOCK: building the forms reads the dictionary


class TrieDictionary(Mapping[str, str]):
    """A read-only str → str view of a MARISA ``BytesTrie`` (one value per key)."""

    def __init__(self, trie: Any) -> None:
        self._trie = trie

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        value = self._trie.get(key)
        return value[0].decode() if value else default

    def __getitem__(self, key: str) -> str:
        value = self._trie.get(key)
        if not value:
            raise KeyError(key)
        return str(value[0].decode())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._trie

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.iterkeys())

    def __len__(self) -> int:
        return len(self._trie)


def trie_path(lang: str, cache_dir: Path | None = None) -> Path:
    from importlib.metadata import version

    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    return folder / f"simplemma-{version('simplemma')}-{lang}-s{SCHEMA}.marisa"


def build_trie(lang: str, path: Path) -> None:
    """Write simplemma's dictionary for ``lang`` as a MARISA trie at ``path`` (atomic rename)."""
    from marisa_trie import BytesTrie
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    entries = DefaultDictionaryFactory(cache_max_size=0).get_dictionary(lang)
    trie = BytesTrie((key, entries[key].encode()) for key in entries)
    save_trie(trie, path)


class TrieDictionaryFactory:
    """simplemma ``DictionaryFactory``: each language's trie, built into the cache on first use."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        self.cache_dir = cache_dir
        self._loaded: dict[str, TrieDictionary] = {}

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        if lang not in self._loaded:
            from marisa_trie import BytesTrie

            with _LOCK:
                if lang not in self._loaded:
                    path = trie_path(lang, self.cache_dir)
                    if not path.is_file():
                        log.info("writing simplemma's %s dictionary as a trie in %s (once)", lang, path)
                        build_trie(lang, path)
                    self._loaded[lang] = TrieDictionary(BytesTrie().mmap(str(path)))
        return self._loaded[lang]


@lru_cache(maxsize=1)
def _lemmatizer() -> Any:
    """A simplemma ``Lemmatizer`` on the trie dictionaries (simplemma's own default when the tries
    cannot be had)."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    try:
        import marisa_trie  # noqa: F401

        factory = TrieDictionaryFactory()
        factory.get_dictionary("en")
        factory.get_dictionary("it")
    except ImportError:
        log.info("marisa-trie is not installed: simplemma's dictionaries are decoded in memory")
        return Lemmatizer()
    except OSError as exc:
        log.warning("simplemma trie cache unusable (%s): dictionaries are decoded in memory", exc)
        return Lemmatizer()
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))  # type: ignore[arg-type]


def lemmatize(word: str, lang: str) -> str:
    """simplemma's lemma of ``word`` in ``lang`` ("it" or "en"), as ``simplemma.lemmatize`` gives it."""
    return str(_lemmatizer().lemmatize(word, lang))


def dictionary(lang: str) -> Mapping[str, str]:
    """simplemma's form → lemma dictionary for ``lang`` (the trie when it can be had, else simplemma's
    own decoded dictionary)."""
    try:
        import marisa_trie  # noqa: F401

        return TrieDictionaryFactory().get_dictionary(lang)
    except (ImportError, OSError):
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory

        return DefaultDictionaryFactory().get_dictionary(lang)  # type: ignore[return-value]


def forms_trie_path(lang: str, cache_dir: Path | None = None) -> Path:
    lemmas_path = trie_path(lang, cache_dir)
    return lemmas_path.with_name(lemmas_path.stem + "-forms.marisa")


def _inverted(lang: str) -> dict[str, set[str]]:
    """simplemma's dictionary inverted: lemma → its lower-case forms (lower-case entries only)."""
    inv: dict[str, set[str]] = {}
    for form, lemma in dictionary(lang).items():
        f = form.decode() if isinstance(form, bytes) else form
        lem = lemma.decode() if isinstance(lemma, bytes) else lemma
        if f.islower() and lem.islower():
            inv.setdefault(lem, set()).add(f)
    return inv


def _in_memory(lang: str) -> dict[str, list[bytes]]:
    """:func:`_inverted` with the trie's values (bytes), where the trie cannot be had."""
    return {k: [f.encode() for f in v] for k, v in _inverted(lang).items()}


@lru_cache(maxsize=2)
def _forms_table(lang: str) -> Any:
    """The inverted dictionary as a memory-mapped ``BytesTrie`` (lemma → form, one value per form),
    built once into the cache; a plain dict when the trie cannot be had."""
    try:
        from marisa_trie import BytesTrie
    except ImportError:
        return _in_memory(lang)
    path = forms_trie_path(lang)
    try:
        with _FORMS_LOCK:
            if not path.is_file():
                log.info("writing simplemma's %s forms by lemma as a trie in %s (once)", lang, path)
                save_trie(BytesTrie((lem, f.encode()) for lem, fs in _inverted(lang).items() for f in sorted(fs)),
                          path)
        return BytesTrie().mmap(str(path))
    except OSError as exc:
        log.warning("simplemma forms trie unusable (%s): inverted in memory", exc)
        return _in_memory(lang)


def forms_of(lemma: str, lang: str) -> frozenset[str]:
    """The lower-case forms simplemma's dictionary lists for ``lemma``, with the lemma itself; empty
    when no form of the dictionary has that lemma."""
    found = _forms_table(lang).get(lemma)
    return frozenset({v.decode() for v in found} | {lemma}) if found else frozenset()
