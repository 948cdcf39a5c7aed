"""The language layer and its data files: every hand-typed entry in ``backcheck/data`` can be looked
up (a key no text can produce is dead weight that hides what a list really does), and the maintained
resources (Babel/CLDR, text2num) give what the code expects. Values here are the CLDR names and plain
arithmetic, not outputs copied from the code."""

from __future__ import annotations

import re

import pytest

from backcheck import lang
from backcheck.document import ABBREVIATIONS, _is_abbreviation
from backcheck.lang import en, it
from backcheck.lang.numbers import number_value, numeral
from backcheck.lang.others import FOREIGN_FUNCTION_WORDS
from backcheck.lang.tokens import EN_TOKEN_RE as _WORD
from backcheck.lang.tokens import IT_TOKEN_RE as _IT_WORD
from backcheck.langdata import entries, rows, table
from backcheck.numbers_norm import CURRENCY_WORDS, SCALES_EN, SCALES_IT, extract

# lang.words() tokens, looked up lower case (untranslated, entities, names, boilerplate checks)
WORD = lang.WORD_RE
# the scale word after a number (numbers_norm)
SCALE_WORD = re.compile(r"[^\W\d_]+")


def _unreachable(values, reachable) -> list[str]:
    return sorted(v for v in values if not reachable(v))


def _lower_token(w: str) -> bool:
    """Found by a lower-case lookup of a lang.words() token."""
    return bool(WORD.fullmatch(w)) and w == w.lower()


def _en_content_lemma(w: str) -> bool:
    """The aligner's key of an English content word: a token whose lemma is itself."""
    return bool(_WORD.fullmatch(w)) and en.is_content(w) and en.lemma(w) == w


def _it_stop_key(w: str) -> bool:
    """A key it.is_content can look up: a folded aligner token, not an elided article."""
    return bool(_IT_WORD.fullmatch(w)) and lang.fold(w) == w and not w.endswith("'")


def _en_stop_key(w: str) -> bool:
    return bool(_WORD.fullmatch(w)) and lang.fold(w).rstrip(".") == w


def _abbreviation_decides(w: str) -> bool:
    """The sentence splitter needs the entry: without it, "<entry>." would end a sentence."""
    text = f"x {w}. Y"
    if not _is_abbreviation(text, len(f"x {w}")):
        return False  # the lookup cannot reach it (a digit, a character the look-back stops at)
    without = ABBREVIATIONS - {w, w.replace(".", "")}
    import backcheck.document as document

    saved = document.ABBREVIATIONS
    document.ABBREVIATIONS = frozenset(without)
    try:
        return not _is_abbreviation(text, len(f"x {w}"))
    finally:
        document.ABBREVIATIONS = saved


PARAPHRASE_MEMBERS = sorted({m for g in en.PARAPHRASES for m in g})
ANCHOR_WORDS = sorted({k for k in en.ANCHORS} | {v for vs in en.ANCHORS.values() for v in vs})

TABLES = [
    ("paraphrase-members", PARAPHRASE_MEMBERS, _en_content_lemma),
    ("anchor-words", ANCHOR_WORDS, lambda w: bool(_IT_WORD.fullmatch(w)) and lang.fold(w) == w),
    ("it-function", it.FUNCTION_WORDS, _lower_token),
    ("it-stop", entries("stopwords.tsv", "it", "stop"), lambda w: _lower_token(w) or _it_stop_key(w)),
    ("it-align", entries("stopwords.tsv", "it", "align"), _it_stop_key),
    ("it-shared", it.SHARED_WORDS, lambda w: w in it.FUNCTION_WORDS),
    ("it-elided", it.ELIDED_HEADS, _lower_token),
    ("en-align", entries("stopwords.tsv", "en", "align"), _en_stop_key),
    *[(f"{lg}-function", entries("stopwords.tsv", lg, "function"),
       lambda w, lg=lg: _lower_token(w) and w in FOREIGN_FUNCTION_WORDS[lg]) for lg in ("fr", "de", "es", "pt")],
    ("titles", lang.TITLE_WORDS, _lower_token),
    ("institutions", lang.INSTITUTION_WORDS, _lower_token),
    ("loanwords", it.LOANWORDS, _lower_token),
    ("abbreviations", ABBREVIATIONS, _abbreviation_decides),
    ("scales", set(SCALES_IT) | set(SCALES_EN), lambda w: bool(SCALE_WORD.fullmatch(w)) and w == w.lower()),
    ("currencies", CURRENCY_WORDS, lambda w: any(q.currency == CURRENCY_WORDS[w] for q in extract(
        f"{w.upper()}5" if not w.isalpha() else f"5 {w}",
        "en" if w in table("numbers.tsv", "en", "currency") else "it"))),
    ("number-words", {**table("numbers.tsv", "en", "number"), **table("numbers.tsv", "it", "number")},
     lambda w: bool(_WORD.fullmatch(w)) and en.lemma(w).isdigit()),
    ("reader-words", {e for lg in ("it", "en") for e in entries("boilerplate.tsv", lg, "reader")}, _lower_token),
]


@pytest.mark.parametrize(("values", "reachable"), [(v, r) for _, v, r in TABLES], ids=[n for n, _, _ in TABLES])
def test_every_entry_is_reachable(values, reachable):
    assert _unreachable(values, reachable) == []


def test_unreachable_entries_are_caught():
    """The checks above do fail on the kinds of entry that can never match."""
    assert _unreachable(["troops", "united states", "u.s", "also", "say"], _en_content_lemma) == [
        "also", "say", "troops", "u.s", "united states"]
    assert _unreachable(["un'", "è"], _it_stop_key) == ["un'", "è"]
    assert not _abbreviation_decides("u.s")  # the dotted-initials rule already covers it
    assert not _abbreviation_decides("p")  # an initial


def test_no_entry_twice_in_a_file():
    for file in ("stopwords.tsv", "names.tsv", "abbreviations.tsv", "loanwords.tsv", "boilerplate.tsv",
                 "paraphrases.tsv", "numbers.tsv"):
        keys = [(r[0], r[1], r[2]) for r in rows(file)]
        assert len(keys) == len(set(keys)), file


def test_paraphrase_sets_are_disjoint_pairs_at_least():
    members = [m for g in en.PARAPHRASES for m in g]
    assert len(members) == len(set(members))
    assert all(len(g) >= 2 for g in en.PARAPHRASES)  # a set of one matches nothing but itself


# CLDR (Babel) month and weekday names.
@pytest.mark.parametrize(("got", "want"), [
    (it.MONTHS[0], "gennaio"), (it.MONTHS[11], "dicembre"), (en.MONTHS[4], "may"),
    (en.MONTH_ABBREVIATIONS["sept"], 9), (en.MONTH_ABBREVIATIONS["sep"], 9), (len(en.MONTH_ABBREVIATIONS), 13),
    ("lunedì" in it.WEEKDAYS and "lunedi" in it.WEEKDAYS, True), ("sunday" in en.WEEKDAYS, True),
], ids=["it-january", "it-december", "en-may", "en-gb-sept", "en-us-sep", "abbr-count", "it-weekday", "en-weekday"])
def test_calendar_names(got, want):
    assert got == want


# text2num, with only whole cardinals taken.
@pytest.mark.parametrize(("word", "language", "value"), [
    ("tremila", "it", 3000), ("ventitré", "it", 23), ("dieci", "it", 10), ("twenty", "en", 20),
    ("quart", "it", None), ("second", "it", None), ("tens", "en", None), ("o", "en", None),
], ids=["it-fused", "it-accented", "it-ten", "en-twenty", "it-stem", "it-stem-2", "en-plural", "en-letter"])
def test_numeral(word, language, value):
    assert numeral(word, language) == value


@pytest.mark.parametrize(("word", "digits"), [
    ("uno", "1"), ("un", "1"), ("twice", "2"), ("dodici", "12"), ("tredici", None), ("second", None),
], ids=["it-one", "it-un", "en-twice", "it-twelve", "above-max", "ordinal"])
def test_lemma_numbers(word, digits):
    assert number_value(word) == digits


def test_one_fold():
    assert lang.fold("Città’s") == "citta's" and lang.strip_accents("Città") == "Citta"
