"""The language layer and its data files: every hand-typed entry in ``backcheck/lang/data`` can be looked
up (a key no text can produce is dead weight that hides what a list really does), and the maintained
resources (Babel/CLDR, text2num) give what the code expects. Values here are the CLDR names and plain
arithmetic, not outputs copied from the code."""

from __future__ import annotations

import re

import pytest

from backcheck import lang
from backcheck.lang import en, it
from backcheck.lang.datafiles import entries, rows, table
from backcheck.lang.numbers import number_value, numeral
from backcheck.lang.others import FOREIGN_FUNCTION_WORDS
from backcheck.lang.quantities import CURRENCY_WORDS, SCALES_EN, SCALES_IT, extract
from backcheck.lang.tokens import EN_TOKEN_RE as _WORD
from backcheck.lang.tokens import IT_TOKEN_RE as _IT_WORD
from backcheck.text.document import ABBREVIATIONS, _is_abbreviation

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
    import backcheck.text.document as document

    saved = document.ABBREVIATIONS
    document.ABBREVIATIONS = frozenset(without)
    try:
        return not _is_abbreviation(text, len(f"x {w}"))
    finally:
        document.ABBREVIATIONS = saved


PARAPHRASE_MEMBERS = sorted({m for g in en.PARAPHRASES for m in g})
ANCHOR_WORDS = sorted({k for k in en.ANCHORS} | {v for vs in en.ANCHORS.values() for v in vs})

def _reads_currency(w: str) -> bool:
    """A currency word or symbol (CLDR) is read as its currency after a number in both languages, and a
    symbol before one too ("5 dollari", "5 €", "€5"; a symbol of two or more characters only before: "US$5")."""
    written = ([f"5 {w}"] if w.isalpha() or len(w) == 1 else []) + ([] if w.isalpha() else [f"{w.upper()}5"])
    return all(len(qs := extract(t, lg)) == 1 and qs[0].currency == CURRENCY_WORDS[w]
               for t in written for lg in ("en", "it"))


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
    ("currencies", CURRENCY_WORDS, _reads_currency),
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


def test_strip_accents_removes_exactly_the_combining_marks() -> None:
    """The fast path (ASCII returned as is, only non-ASCII characters examined) agrees with the definition:
    every character of the canonical decomposition but the nonspacing marks (Unicode category Mn), over
    Latin, Greek, Cyrillic, Arabic and Devanagari letters, punctuation, and marks alone."""
    import random
    import unicodedata

    def defined(s: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")

    rnd = random.Random(7)
    alphabet = [chr(c) for c in range(0x20, 0x1000) if unicodedata.category(chr(c)) != "Cs"]
    samples = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 12))) for _ in range(3000)]
    samples += ["Zelens’kyj", "città", "e\u0301", "\u0301", "Ærø", "İstanbul", "ŀl", "plain ascii"]
    for s in samples:
        assert lang.strip_accents.__wrapped__(s) == defined(s), s


# --- polarity.tsv and qualifiers.tsv: each entry reaches the detector that reads it ------------------------


def _parse(sentence: str):  # type: ignore[no-untyped-def]
    from backcheck.knowledge import parser as en_parse

    if not en_parse.available():
        pytest.skip("spaCy's English model is not installed")
    return en_parse.parse([sentence])[0]


NEG_TEMPLATES = ("The minister {w} signed the deal.", "The minister did {w} sign the deal.",
                 "The minister has {w} signed the deal.", "The minister is {w} happy.", "There is {w} deal.")


def _labelled_neg(w: str) -> bool:
    """The polarity detector reads spaCy's "neg" label; a particle is only worth listing (it lets a
    sentence reach the parse) when some sentence gets that label on it."""
    from backcheck.checks.polarity import negated_predicates

    return any(cue.lower() == w and kind == "particle"
               for t in NEG_TEMPLATES for _, cue, kind in negated_predicates(_parse(t.format(w=w))))


QUANTIFIER_TEMPLATES = ("{w} signed the deal.", "{w} of the ministers signed the deal.",
                        "{w} minister signed the deal.")


def _negates_from_subject(w: str) -> bool:
    """A negative quantifier is worth listing when, on some subject, it negates the clause."""
    from backcheck.checks.polarity import negated_predicates

    return any(cue.lower() == w and kind == "quantifier" for t in QUANTIFIER_TEMPLATES
               for _, cue, kind in negated_predicates(_parse(t.format(w=w.capitalize()))))


def _past(verb: str) -> str:
    if verb.endswith("e"):
        return verb + "d"
    return verb[:-1] + "ied" if verb.endswith("y") and verb[-2] not in "aeiou" else verb + "ed"


def _negates_complement(verb: str) -> bool:
    from backcheck.checks.polarity import negated_predicates

    doc = _parse(f"The minister {_past(verb)} to sign the deal.")
    return any(kind == "implicative" for _, _, kind in negated_predicates(doc))


def _not_negation_matches(phrase: str) -> bool:
    from backcheck.checks.polarity import _not_negation

    return _not_negation(_parse(f"It is {phrase} a start."), 2)


def _is_hedge(w: str) -> bool:
    from backcheck.checks.omission import facts

    text = f"The plan was {w} approved by the board."
    return any(f.kind == "hedge" and f.key == w for f in facts(_parse(text), text))


def _is_modal(w: str) -> bool:
    from backcheck.checks.omission import facts

    text = f"The plan {w} cost more than expected."
    return any(f.kind == "modal" and f.key == w for f in facts(_parse(text), text))


STATUS_TEMPLATES = ("The {w} minister spoke to reporters.", "The police arrested the {w} killer.",
                    "The {w} murder shocked the town.", "The {w} claims were rejected.")


def _is_status(w: str) -> bool:
    from backcheck.checks.status import status_modifiers

    return any(m == w for t in STATUS_TEMPLATES for m, _, _ in status_modifiers(_parse(t.format(w=w))))


def _multiple(w: str, language: str) -> bool:
    from backcheck.lang.magnitudes import multiples

    return len(multiples(f"{w} x", language)) == 1


def _daypart(w: str, language: str) -> bool:
    from backcheck.lang.dayparts import dayparts

    return len(dayparts(f"x {w} x", language)) == 1


def _is_person_status(w: str) -> bool:
    from backcheck.checks.status import status_modifiers
    from backcheck.knowledge.support import lexicon

    return any(m == w for m, _, _ in status_modifiers(_parse(f"The {w} president spoke to reporters."), lexicon()))


def _round_number(w: str, lang: str) -> bool:
    from backcheck.lang.magnitudes import round_numbers

    return len(round_numbers(f"{w} {'of people' if lang == 'en' else 'di persone'}", lang)) == 1


def _it_phrase_folds(p: str) -> bool:
    """An Italian phrase compared with folded running text: it must survive the fold word by word."""
    return lang.fold(p) == " ".join(lang.fold(t) for t in _IT_WORD.findall(p)) and p == p.lower()


PHRASE_TABLES = [
    ("polarity-en-particle", entries("polarity.tsv", "en", "particle"), _labelled_neg),
    ("polarity-en-implicative", entries("polarity.tsv", "en", "implicative"), _negates_complement),
    ("polarity-en-quantifier", entries("polarity.tsv", "en", "quantifier"), _negates_from_subject),
    ("polarity-en-not-negation", entries("polarity.tsv", "en", "not-negation"), _not_negation_matches),
    # limits are compared word by word with the source's and the back-translation's lower-cased words
    ("polarity-en-limit", entries("polarity.tsv", "en", "limit"), _lower_token),
    ("polarity-en-lexical", entries("polarity.tsv", "en", "lexical"), _lower_token),
    ("polarity-it-particle", entries("polarity.tsv", "it", "particle"),
     lambda w: bool(_IT_WORD.fullmatch(w)) and w == w.lower()),
    ("polarity-it-expletive", entries("polarity.tsv", "it", "expletive"), _it_phrase_folds),
    ("qualifiers-en-hedge", entries("qualifiers.tsv", "en", "hedge"), _is_hedge),
    ("qualifiers-en-modal", entries("qualifiers.tsv", "en", "modal"), _is_modal),
    ("status-en-status", entries("status.tsv", "en", "status"), _is_status),
    ("status-en-person", entries("status.tsv", "en", "person"), _is_person_status),
    ("magnitudes-en-order", entries("magnitudes.tsv", "en", "order"), lambda w: _round_number(w, "en")),
    ("magnitudes-it-order", entries("magnitudes.tsv", "it", "order"), lambda w: _round_number(w, "it")),
    ("magnitudes-en-multiple", entries("magnitudes.tsv", "en", "multiple"), lambda w: _multiple(w, "en")),
    ("magnitudes-it-multiple", entries("magnitudes.tsv", "it", "multiple"), lambda w: _multiple(w, "it")),
    ("dayparts-en-period", entries("dayparts.tsv", "en", "period"), lambda w: _daypart(w, "en")),
    ("dayparts-it-period", entries("dayparts.tsv", "it", "period"), lambda w: _daypart(w, "it")),
    # the attribution check looks a word up by its lemma
    ("reporting-en-report", entries("reporting.tsv", "en", "report"), lambda w: en.lemma(w) == w),
    ("reporting-en-also", entries("reporting.tsv", "en", "also"), lambda w: en.lemma(w) == w),
    # Italian stems are compared with folded words
    ("status-it-keep", entries("status.tsv", "it", "keep"), lambda w: w == lang.fold(w) and w.isalpha()),
    # conditions are detected by the parse ("if", "unless") and found present in a back-translation by a
    # phrase search, which any lower-case phrase reaches ("as long as")
    ("qualifiers-en-condition", entries("qualifiers.tsv", "en", "condition"),
     lambda p: p == p.lower() and all(_WORD.fullmatch(t) for t in p.split())),
    ("qualifiers-en-epistemic", entries("qualifiers.tsv", "en", "epistemic"), _lower_token),
    ("qualifiers-it-condition", entries("qualifiers.tsv", "it", "condition"), _it_phrase_folds),
    ("qualifiers-it-epistemic", entries("qualifiers.tsv", "it", "epistemic"),
     lambda w: bool(_IT_WORD.fullmatch(w)) and lang.fold(w) == w),
]


@pytest.mark.parametrize(("values", "reachable"), [(v, r) for _, v, r in PHRASE_TABLES],
                         ids=[n for n, _, _ in PHRASE_TABLES])
def test_every_cue_reaches_its_detector(values, reachable):
    assert _unreachable(values, reachable) == []


def test_unreachable_cues_are_caught():
    """Kinds of entry these files held and no text could reach: particles the parser never labels
    "neg", and Italian phrases that do not survive the fold they are compared under."""
    assert _unreachable(["nobody", "nothing", "without", "not"], _labelled_neg) == ["nobody", "nothing", "without"]
    assert not _it_phrase_folds("Finché")


@pytest.mark.parametrize(("italian", "negated"), [
    ("né firmato né discusso", True),          # an accented particle ("né" folds to the clitic "ne")
    ("ne ha firmato due", False),              # the clitic itself negates nothing
    ("finché non ha firmato", False),          # an accented expletive: its "non" negates nothing
    ("non ha firmato", True),
])
def test_italian_cues_as_written_and_folded(italian: str, negated: bool) -> None:
    from backcheck.checks.polarity import ItalianClause
    from backcheck.knowledge.support import lexicon

    region = ItalianClause(italian, 0, lexicon())
    k = next(i for i, w in enumerate(region.words) if w.text.startswith("firmat"))
    assert region.negated_before(k) is negated


def _unit_read(row: tuple[str, ...]) -> bool:
    """A unit of data/units.tsv is read after a number in its language, as its own dimension and name."""
    lang_, surface, dim, name = row[0], row[1], row[2], row[3]
    return any(q.unit == f"{dim}:{name}" for q in extract(f"Sono 30 {surface} in tutto.", lang_)) or any(
        q.unit == f"{dim}:{name}" for q in extract(f"It is 30 {surface} in all.", lang_))


def test_every_unit_is_read_after_a_number():
    assert [r[:2] for r in rows("units.tsv") if not _unit_read(r)] == []
    assert not _unit_read(("it", "cubiti", "length", "cubit", "0.45"))  # a unit the file does not have
