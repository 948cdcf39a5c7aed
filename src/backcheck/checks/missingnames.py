"""missingnames: names the English source uses that its Italian region does not contain in any form
(the mirror of the entities check, which looks at the names the Italian writes).

A source unit's names are its capitalised words (:mod:`backcheck.knowledge.source_names`); those
checked are persons' names and words too rare in English (wordfreq) to be a common word in a title
("Court", "Assembly"), never titles, institution words, months or nationalities (the nationality
check's). A name is in the Italian when the unit's region, widened by a sentence on each side (an
alignment slip), contains it in any form: as written (accents, case and a possessive aside), another
romanisation (data/translit.tsv), a regular Italian form ("Siria" for "Syria"), a close spelling (a
garbled name is the entities check's), an Italian exonym MultiWordNet gives ("Londra" for
"London") or the word for someone or something from the place ("monacense", of Monaco: Munich).

A name the Italian also uses before the region is a repeated name the translator may drop (a
pronoun, a dropped subject): not reported. A person's name the whole article lacks is an omission
(major); any other name, or one the article uses only later (its first mention was dropped), minor.
With a back-translation, a name it writes is in the Italian (in a form no list knows). The finding sits on the Italian
words that translate the source words next to the name, or on the sentence when none is found; its fix
adds the name (`add “Lisbona”`, as the omission check adds a dropped hedge) in the form the article uses
elsewhere, or as its one Italian exonym ("Lisbona" for "Lisbon"): the flagged words say something else
of the source's, so the name goes beside them, not in their place.
"""

from __future__ import annotations

import re

from ..knowledge.names import italian_form_of, similar, translit_key
from ..knowledge.nations import find_nations, folded
from ..knowledge.source_names import source_names
from ..lang import CALENDAR_WORDS, INSTITUTION_WORDS, TITLE_WORDS, without_possessive
from ..lang import en as en_lang
from ..lang import it as it_lang
from ..lang.en import FUNCTION_WORDS
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register

# A capitalised source word this common in English (wordfreq Zipf) may be a word in a title, which
# the Italian translates: only persons' names are checked above it.
COMMON_ZIPF = 4.0
# Suffixes of Italian words for inhabitants and things of a place (Serianni, Grammatica italiana VI.80),
# singular and plural, masculine and feminine.
INHABITANT_SUFFIXES = tuple(f"{stem}{end}" for stem in ("es", "ens", "an", "in", "it", "ot")
                            for end in ("e", "i", "a", "o"))
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# Marks that end a clause: a word beyond one is no neighbour of a name.
_CLAUSE_MARK = re.compile(r"[;:.!?()\[\]—–]")


def name_forms(text: str) -> list[str]:
    """The folded words of ``text``, a possessive "'s" dropped."""
    return [folded(without_possessive(t)) for t in _TOKEN.findall(text)]


def name_present(name: str, tokens: list[str], text: str, exonyms: frozenset[str]) -> bool:
    low = folded(name)
    if low in tokens or re.search(rf"(?<!\w){re.escape(low)}", text):
        return True
    key = translit_key(name)
    if any(translit_key(t) == key or italian_form_of(t, name) or similar(t, name, 0.8) for t in tokens if len(t) > 2):
        return True
    lemmas = {it_lang.lemma(t) for t in tokens}
    if any(folded(e) in lemmas or re.search(rf"(?<!\w){re.escape(folded(e))}(?!\w)", text) for e in exonyms):
        return True
    return any(_inhabitant_of(t, place) for t in tokens for place in {low, *map(folded, exonyms)})


def _inhabitant_of(token: str, place: str) -> bool:
    """``token`` is the Italian word for someone or something from ``place`` (a town's *etnico*: its stem,
    less a final vowel, and a suffix of Serianni VI.80: "monacense" of Monaco, "berlinese" of Berlin)."""
    stem = place[:-1] if place[-1:] in "aeiou" else place
    return (" " not in place and len(stem) >= 4 and token.startswith(stem) and token != place
            and token[len(stem):].endswith(INHABITANT_SUFFIXES) and len(token) - len(stem) <= 6)


def _unit(name: str, source: str) -> bool:
    """Every occurrence of ``name`` in the source is a unit symbol: written against a number
    ("600Mbit/s", "5GHz") or over a slash ("Mbit/s"), which the Italian writes its own way ("Mbps")."""
    found = list(re.finditer(rf"(?<![^\W\d_]){re.escape(name)}(?![^\W\d_])", source))
    return bool(found) and all(
        source[max(0, m.start() - 1):m.start()].isdigit() or source[m.end():m.end() + 1] == "/" for m in found)


def _said_as_a_word(name: str, source: str, region: str, present: list[str], lex) -> bool:  # type: ignore[no-untyped-def]
    """The Italian translates the name as a common word, capitalised as a name ("Cameron's Nan" /
    «la Nonna di Cameron»): the source writes the name next to another name the Italian has, and the
    Italian has, within three words of that name, a capitalised word inside the sentence that is a
    common word of the lexicon, not a name of the source."""
    if lex is None:
        return False
    words = _TOKEN.findall(source)
    if name not in words:
        return False
    i = words.index(name)
    beside = [w for w in words[max(0, i - 2):i] + words[i + 1:i + 3] if w[:1].isupper() and w != name]
    toks = [(m.group(), m.start()) for m in _TOKEN.finditer(region)]
    for k, (tok, _at) in enumerate(toks):
        if not any(folded(without_possessive(b)) == folded(tok) and folded(tok) in present for b in beside):
            continue
        for other, o_at in toks[max(0, k - 3):k] + toks[k + 1:k + 4]:
            initial = not region[:o_at].rstrip() or region[:o_at].rstrip()[-1] in ".!?:«\"“"
            if (other[:1].isupper() and not initial and other.lower() not in {folded(w) for w in words}
                    and lex.pos(it_lang.lemma(other), "italian")):
                return True
    return False


def _title_case(source: str) -> bool:
    """A headline in title case: most of its words capitalised, so capitals mark no names."""
    ws = [w for w in _TOKEN.findall(source) if w.lower() not in FUNCTION_WORDS]
    return len(ws) >= 3 and sum(w[:1].isupper() for w in ws) > len(ws) / 2


def _exonyms(lex, source: str, name: str) -> frozenset[str]:  # type: ignore[no-untyped-def]
    """MultiWordNet's Italian for the name, for its lemma and for the capitalised pair it is part of
    ("Londra" for "London", "Gran Premio" for "Grand Prix")."""
    if lex is None:
        return frozenset()
    out = set(lex.it_for_en(name.lower())) | set(lex.it_for_en(en_lang.lemma(name)))
    for m in re.finditer(rf"([A-Z][\w-]*\s+{re.escape(name)}|{re.escape(name)}\s+[A-Z][\w-]*)", source):
        out |= lex.it_for_en(m.group().lower())
    return frozenset(out)


def _italian_name(name: str, exonyms: frozenset[str], article: str) -> str:
    """The form of a missing name to write: the Italian exonym the article uses elsewhere, else the only
    one MultiWordNet gives ("Monaco" for "Munich") when it does not give the name itself too (a brand
    "Cobra" stays "Cobra": MultiWordNet's Italian for the snake is «cobra» and «naia»), else the name as
    the source writes it."""
    forms = sorted(e for e in exonyms if folded(e) != folded(name) and len(e) > 2)
    used = [e for e in forms if re.search(rf"(?<!\w){re.escape(folded(e))}(?!\w)", article)]
    itself = any(folded(e) == folded(name) for e in exonyms)
    pick = used[0] if used else forms[0] if len(forms) == 1 and not itself else None
    return " ".join(w[:1].upper() + w[1:] for w in pick.split()) if pick else name


def name_runs(names: list[str], source: str) -> list[list[str]]:
    """``names`` (in the order the source writes them) grouped into the names they are: those the source
    writes next to each other are one ("Anna Kowalczyk")."""
    out: list[list[str]] = []
    for name in names:
        if out and re.search(rf"{re.escape(out[-1][-1])}\s+{re.escape(name)}", source):
            out[-1].append(name)
        else:
            out.append([name])
    return out


def _whole_names(source: str, missing: list[tuple[str, bool, bool]]) -> list[tuple[list[str], bool, bool]]:
    """Missing names the source writes next to each other as one (:func:`name_runs`): (its words, a
    person's, named later in the article)."""
    flags = {name: (person, later) for name, person, later in missing}
    return [(words, any(flags[w][0] for w in words), all(flags[w][1] for w in words))
            for words in name_runs([name for name, _, _ in missing], source)]


@register
class MissingNamesCheck(Check):
    name = "missingnames"
    needs = frozenset({Need.SOURCE, Need.LEXICON})
    description = "Names the aligned source uses that the Italian leaves out in every form."
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        if ctx.alignment is None:
            return []
        from ..lang.frequency import zipf as _zipf

        art = ctx.article
        content = ctx.content_sentences()
        whole = folded(art.text)
        whole_tokens = name_forms(art.text)
        nation_words = {folded(n.text) for n in find_nations("\n".join(ctx.sources), "en")}
        lex = ctx.resources.lexicon
        persons = source_names(ctx.sources).persons
        out: list[Candidate] = []
        for match in ctx.alignment.matches:
            unit = source_names([match.source])
            idx = [i for i, s in enumerate(content) if s.start < match.it_end and match.it_start < s.end]
            if not idx:
                continue
            if _title_case(match.source):
                continue
            asked = [(low, name) for low, name in unit.names.items() if not (
                low in INSTITUTION_WORDS or low in TITLE_WORDS or low in CALENDAR_WORDS or low in FUNCTION_WORDS
                or folded(name) in nation_words or len(low) < 3 or not name.isalpha()
                or any(c.isupper() for c in name[1:])  # not a name, a nationality, or an acronym ("AMs", "BSc")
                or (low not in persons and low not in unit.in_runs and _zipf(low, "en") >= COMMON_ZIPF))]
            if not asked:
                continue  # no name to look for: the region's words are not needed
            lo, hi = ctx.around(content, idx[0], idx[-1])
            region = folded(art.text[lo:hi])
            tokens = name_forms(art.text[lo:hi])
            bt = folded(ctx.back_translation_of(lo, hi))
            missing: list[tuple[str, bool, bool]] = []
            for low, name in asked:
                person = low in persons
                if bt and re.search(rf"(?<!\w){re.escape(folded(name))}", bt):
                    continue  # the back-translation has it: the Italian says it in its own way
                exonyms = _exonyms(lex, match.source, name)
                if name_present(name, tokens, region, exonyms) or _unit(name, match.source):
                    continue
                if _said_as_a_word(name, match.source, art.text[lo:hi], tokens, lex):
                    continue
                later = name_present(name, whole_tokens, whole, exonyms)
                before = folded(art.text[:lo])
                # a name the whole article lacks is not in a part of it that ends between words
                part = whole.startswith(before) and (lo == 0 or art.text[lo - 1].isspace())
                if (later or not part) and name_present(name, name_forms(before), before, exonyms):
                    continue  # used before: a repeated name the translator may drop
                missing.append((name, person, later))
            for names, person, later in _whole_names(match.source, missing):
                a, b = self._place(ctx, match.source, names[0], content[idx[0]].start, content[idx[-1]].end)
                full = " ".join(names)
                italian = _italian_name(full, _exonyms(lex, match.source, full), whole) if len(names) == 1 else full
                why = " (the article names it only later)" if later else ""
                # only a person's name the whole article lacks is major: other capitalised words may
                # be translated in ways no lexicon lists ("Médecins Sans Frontières")
                out.append(self.candidate(
                    ctx, a, b, Category.OMISSION, Claim.NAME_MISSING,
                    f"The source's '{full}'{f' («{italian}»)' if italian != full else ''} is missing from the Italian "
                    f"here{why}.",
                    Evidence(kinds=("source", "source-name"), source=match.source,
                             phrases=(("missing", full),), details={"name": full},
                             features={"soft": float(later or not person)}),
                    suggestion=f"add “{italian}”"))
        return out

    def _place(self, ctx: CheckContext, source: str, name: str, start: int, end: int) -> tuple[int, int]:
        """The Italian words (in ``[start, end)``) that translate the source's content words next to
        ``name`` in its clause (no clause mark between them: "Lederhosn; nobody looks" does not put a
        missing «Lederhosn» on «nessuno»), or a name beside it that the Italian writes as the source does
        ("Dirndl or Lederhosn": on «Dirndl»); the first sentence of the region when none is found."""
        toks = list(_TOKEN.finditer(source))
        words = [m.group() for m in toks]
        lex = ctx.resources.lexicon
        if name in words and lex is not None:
            i = words.index(name)
            near = [toks[j].group() for j in [*range(max(0, i - 2), i), *range(i + 1, min(len(toks), i + 3))]
                    if not _CLAUSE_MARK.search(source[min(toks[j].end(), toks[i].end()):
                                                      max(toks[j].start(), toks[i].start())])]
            cands: set[str] = set()
            for w in near:
                if w[:1].islower() and en_lang.is_content(w):
                    cands |= lex.it_for_en(en_lang.lemma(w))
            names = {without_possessive(w) for w in near
                     if w[:1].isupper() and w != name and en_lang.is_content(w.lower())}
            for m in _TOKEN.finditer(ctx.article.text, start, end):
                if it_lang.lemma(m.group()) in cands or m.group().lower() in cands or m.group() in names:
                    return m.start(), m.end()
        sent = ctx.article.sentence_at(start)
        return (sent.start, sent.end) if sent is not None else (start, end)
