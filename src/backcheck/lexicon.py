"""Compatibility names for :mod:`backcheck.lang` (lemmas, stop words, paraphrase sets moved to
``lang/en.py``, ``lang/it.py`` and ``data/*.tsv``); new code imports from :mod:`backcheck.lang`."""

from __future__ import annotations

from .lang import common_prefix, en, fold, it

EN_STOP = en.STOP_WORDS
IT_STOP = it.STOP_WORDS
EN_IT_FUNCTION = en.ANCHORS
PARAPHRASES = en.PARAPHRASES
en_lemma = en.lemma
it_lemma = it.lemma
is_en_content = en.is_content
is_it_content = it.is_content
paraphrase = en.paraphrase
canonical = en.canonical
demonym_match = en.demonym_match

__all__ = [
    "EN_IT_FUNCTION", "EN_STOP", "IT_STOP", "PARAPHRASES", "canonical", "common_prefix", "demonym_match",
    "en_lemma", "fold", "is_en_content", "is_it_content", "it_lemma", "paraphrase",
]
