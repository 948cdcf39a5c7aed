"""simplemma's lemmas and wordfreq's frequencies read from cached MARISA tries (issue #18) give what
simplemma and wordfreq give, for every word of the bundled examples and (when ``../shared`` is beside
this checkout) of every shared corpus, in both languages, as written and lower-cased.

The tries are built into a temporary cache once per session.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from _concurrent import run_twice_at_once
from backcheck.lang import frequency, lemmas
from backcheck.lang.tokens import words

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
pytest.importorskip("marisa_trie")


def _vocabulary() -> dict[str, set[str]]:
    """Every word (as written and lower case) of the Italian and English texts at hand."""
    files = {"it": list(ROOT.glob("examples/*/article.it.txt")),
             "en": list(ROOT.glob("examples/*/*.en.txt"))}
    if SHARED.is_dir():
        files["it"] += SHARED.glob("**/article.it.txt")
        files["en"] += [*SHARED.glob("**/source.en.txt"), *SHARED.glob("**/back.en.txt")]
    vocab: dict[str, set[str]] = {"it": set(), "en": set()}
    for lang, paths in files.items():
        for path in paths:
            for w in words(path.read_text(encoding="utf-8")):
                vocab[lang].update((w.text, w.text.lower()))
    return vocab


VOCAB = _vocabulary()


@pytest.fixture(scope="module", autouse=True)
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("backcheck-cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("BACKCHECK_CACHE", str(folder))
    lemmas._lemmatizer.cache_clear()
    frequency._TRIES.clear()
    frequency.zipf.cache_clear()
    yield folder
    mp.undo()
    lemmas._lemmatizer.cache_clear()
    frequency._TRIES.clear()
    frequency.zipf.cache_clear()


@pytest.mark.parametrize("lang", ["it", "en"])
def test_lemmas_equal_simplemma(lang: str, cache: Path) -> None:
    import simplemma

    vocab = sorted(VOCAB[lang])
    # the bundled example alone gives about 280 words a language; ../shared, thousands
    assert len(vocab) > (1000 if SHARED.is_dir() else 250)
    assert [lemmas.lemmatize(w, lang) for w in vocab] == [simplemma.lemmatize(w, lang=lang) for w in vocab]
    assert isinstance(lemmas._lemmatizer()._lemmatization_strategy._dictionary_lookup._dictionary_factory,
                      lemmas.TrieDictionaryFactory)  # the tries were used, not simplemma's own dictionaries
    assert lemmas.trie_path(lang).is_file()


def test_forms_by_lemma_invert_simplemma(cache: Path) -> None:
    """The forms trie (lemma → forms, used to inflect suggested fixes) is simplemma's Italian dictionary
    inverted, for every lemma of the vocabulary at hand."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    lemmas._forms_table.cache_clear()
    inverted: dict[str, set[str]] = {}
    for form, lemma in DefaultDictionaryFactory().get_dictionary("it").items():
        if form.islower() and lemma.islower():
            inverted.setdefault(lemma, set()).add(form)
    wanted = sorted({lemmas.lemmatize(w, "it") for w in VOCAB["it"]} & set(inverted))
    assert len(wanted) > 100
    assert all(lemmas.forms_of(lem, "it") == frozenset(inverted[lem] | {lem}) for lem in wanted)
    assert lemmas.forms_of("zzzqx", "it") == frozenset()
    assert lemmas.forms_trie_path("it").is_file()
    lemmas._forms_table.cache_clear()


@pytest.mark.slow  # builds both tables with wordfreq (about 3 s each)
@pytest.mark.parametrize("lang", ["it", "en"])
def test_frequencies_equal_wordfreq(lang: str, cache: Path) -> None:
    from wordfreq import zipf_frequency

    # both languages' words asked in both languages: English-only and Italian-only words, plain or not
    vocab = sorted(VOCAB["it"] | VOCAB["en"]) + ["pre-social", "senz'altro", "COVID-19", "2024", "Straße", "ı"]
    assert [frequency.zipf(w, lang) for w in vocab] == [zipf_frequency(w, lang) for w in vocab]
    assert frequency.trie_path(lang).is_file()
    assert sum(frequency.plain(w) for w in vocab) > 0.7 * len(vocab)  # most words never reach wordfreq


@pytest.mark.parametrize(("word", "plain"), [
    ("casa", True), ("città", True), ("perché", True), ("house", True), ("Casa", False), ("pre-social", False),
    ("senz'altro", False), ("2024", False), ("straße", False), ("ß".upper(), False), ("москва", False), ("", False),
], ids=lambda v: repr(v))
def test_plain_words(word: str, plain: bool) -> None:
    assert frequency.plain(word) is plain


def test_two_processes_building_at_once(tmp_path: Path) -> None:
    """Each writes its own temporary file and renames it: both end with a whole trie, none is left."""
    code = ("import sys; from pathlib import Path; from backcheck.lang import lemmas; "
            "from marisa_trie import BytesTrie; p = lemmas.trie_path('en', Path(sys.argv[1])); "
            "lemmas.build_trie('en', p); "
            "print(BytesTrie().mmap(str(p)).get('houses'))")
    outs = run_twice_at_once(code, str(tmp_path), timeout=300)
    assert outs == ["[b'house']\n"] * 2
    assert [p.name for p in tmp_path.iterdir()] == [lemmas.trie_path("en", tmp_path).name]


def test_without_marisa_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    import simplemma
    from wordfreq import zipf_frequency

    monkeypatch.setitem(sys.modules, "marisa_trie", None)
    lemmas._lemmatizer.cache_clear()
    frequency._TRIES.clear()
    frequency.zipf.cache_clear()
    try:
        assert lemmas.lemmatize("houses", "en") == simplemma.lemmatize("houses", lang="en") == "house"
        assert frequency.zipf("casa", "it") == zipf_frequency("casa", "it")
        assert frequency._TRIES == {"it": None}
    finally:
        lemmas._lemmatizer.cache_clear()
        frequency._TRIES.clear()
        frequency.zipf.cache_clear()


@pytest.mark.slow
def test_prepare_builds_the_tables(tmp_path: Path) -> None:
    """``python -m backcheck.run.prepare`` (``make install``) builds what is missing, once."""
    env = dict(os.environ)
    env.update(BACKCHECK_CACHE=str(tmp_path), BACKCHECK_NO_EMBEDDINGS="1")
    first = subprocess.run([sys.executable, "-m", "backcheck.run.prepare"], env=env, capture_output=True, text=True,
                           timeout=600, check=True)
    assert first.stderr.strip().endswith("backcheck cache ready: lemma tables, word frequency tables")
    # simplemma's lemmas (it, en) and its Italian forms by lemma; wordfreq's frequencies (it, en)
    assert sorted(p.name.split("-")[0] for p in tmp_path.iterdir()) == ["simplemma"] * 3 + ["wordfreq"] * 2
    assert any(p.name.endswith("-it-s1-forms.marisa") for p in tmp_path.iterdir())
    again = subprocess.run([sys.executable, "-m", "backcheck.run.prepare"], env=env, capture_output=True, text=True,
                           timeout=600, check=True)
    assert again.stderr == "backcheck cache ready: lemma tables, word frequency tables\n"  # nothing rebuilt


@pytest.mark.parametrize(
    ("word", "bases"),
    [("bellissimo", ("bello", "belle")), ("grandissime", ("grando", "grande")),
     ("ricchissimi", ("ricco", "ricca")), ("prossimo", ()), ("bello", ())],
)
def test_superlative_bases(word: str, bases: tuple[str, ...]) -> None:
    """The absolute superlative's possible adjectives (Serianni V.64): "-o" and "-e" class, and the "h"
    of "ricchissimo" dropped; a word that only ends like one ("prossimo") has none."""
    from backcheck.lang.it import superlative_bases

    assert superlative_bases(word) == bases


@pytest.mark.parametrize(
    ("word", "bases"),
    [("wooden", ("wood",)), ("woollen", ("wooll", "wool")), ("sunny", ("sunn", "sun")), ("rainy", ("rain",)),
     ("ten", ()), ("lazy", ("laz",))],
)
def test_denominal_bases(word: str, bases: tuple[str, ...]) -> None:
    """The nouns an "-en" or "-y" adjective may be made from; the caller keeps one its dictionary knows."""
    from backcheck.lang.en import denominal_bases

    assert denominal_bases(word) == bases


@pytest.mark.parametrize(
    ("phrase", "shown"),
    [('"Is it on', '"Is it on?"'), ('on?"', '"on?"'), ('He asked: "Is', 'He asked: "Is'),
     ("«Tutto bene", "«Tutto bene?»"), ("asked", "asked")],
)
def test_balanced_quotes(phrase: str, shown: str) -> None:
    """A phrase that opens a quotation a mark or two before its end is shown with its end; one whose
    quotation goes on for words stays as it is (invented sentence)."""
    from backcheck.lang.tokens import balanced_quotes

    text = 'He asked: "Is it on?" and then "on?" again, «Tutto bene?»'
    a = text.rfind(phrase)
    start, end = balanced_quotes(text, a, a + len(phrase))
    assert text[start:end] == shown


@pytest.mark.parametrize(
    ("phrase", "shown"),
    [("best) offer, it is", "best offer, it is"),            # the bracket opened before the phrase
     ('says that "when asked', "says that when asked"),      # a quotation that goes on after it
     ("cups (some, honestly, a bit", "cups some, honestly, a bit"),
     ('said" and "went', "said and went"),                   # closes one, opens another
     ("a (b) c", "a (b) c"), ('he said "yes" and "no"', 'he said "yes" and "no"'),
     ("«È tutto a posto?»", "«È tutto a posto?»"), ("“a” b”", "“a” b")],
)
def test_a_quoted_phrase_leaves_nothing_open(phrase: str, shown: str) -> None:
    """A message quotes a phrase without the brackets and quotation marks whose partner lies outside it;
    paired ones stay (invented phrases; the expected value is the phrase less its unpaired marks)."""
    from backcheck.lang.tokens import without_unpaired

    assert without_unpaired(phrase) == shown


def test_a_divergence_message_quotes_phrases_without_unpaired_marks() -> None:
    """The message of a difference shows the back-translation's phrase without the parenthesis it closes
    (an invented gap; the phrases of the evidence keep the words as they are)."""
    from backcheck.align.words import Gap
    from backcheck.checks.divergence import _message

    gap = Gap("substitution", [], [], None, None, "cheapest", "best) offer")
    assert _message("substitution", "offerta migliore", gap) == (
        "«offerta migliore» reads as “best offer”; the source says “cheapest”")


def test_a_divergence_message_says_when_the_back_translation_kept_the_italian_word() -> None:
    """A word the back-translation copies as it is (a misspelt Italian word, a loan) does not "read as"
    anything: the message says it was kept (invented gaps; the expected value is the wording)."""
    from backcheck.align.words import Gap
    from backcheck.checks.divergence import _message

    kept = Gap("substitution", [], [], None, None, "dream", "sognio")
    assert _message("substitution", "sognio", kept) == (
        "«sognio» is left as it is in the back-translation; the source says “dream”")
    added = Gap("insertion", [], [], None, None, "", "Stand")
    assert _message("insertion", "stand", added) == (
        "«stand» is left as it is in the back-translation; the source does not say it")
    # a word the back-translation reads otherwise keeps the usual wording
    read = Gap("substitution", [], [], None, None, "dream", "wish")
    assert _message("substitution", "sogno", read) == "«sogno» reads as “wish”; the source says “dream”"


def test_a_divergence_message_names_the_whole_phrase_a_piece_belongs_to() -> None:
    """A finding on one Italian piece of a back-translation phrase quotes that piece, and names the whole
    phrase the source's stands against (an invented gap: the phrase's other words came from Italian
    far away)."""
    from backcheck.align.words import Gap
    from backcheck.checks.divergence import _message

    piece = Gap("substitution", [], [], None, None, "postpone the vote", "delay")
    assert _message("substitution", "rinviare", piece, whole="delay the decision on") == (
        "«rinviare» reads as “delay” (part of “delay the decision on”); the source says “postpone the vote”")
    # the whole phrase at the finding: nothing to add
    assert _message("substitution", "rinviare", piece, whole="delay") == (
        "«rinviare» reads as “delay”; the source says “postpone the vote”")


@pytest.mark.parametrize(("word", "expected"), [
    # only the accent tells these from a word the dictionary does not know, or from another word
    ("potrà", "potere"), ("riaprirà", "riaprire"), ("può", "potere"), ("è", "essere"), ("E", "e"),
    # the lemma is folded, as before, and a word without an accent is lemmatised as it was
    ("città", "citta"), ("perché", "perche"), ("potrebbe", "potere"), ("dovranno", "dovere"),
])
def test_italian_lemma_reads_the_accent_then_folds(word: str, expected: str) -> None:
    from backcheck.lang.it import lemma

    assert lemma(word) == expected
