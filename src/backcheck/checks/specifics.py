"""specifics: numbers, ordinals, quarters and parenthetical glosses the Italian adds to its source.

The numbers check compares a number with a different one in the source; this check reports what has
no counterpart at all. Against the source units the alignment placed on the sentence (and, to stay
quiet on a sentence placed one off, the units next to them):

* a quantity (lang/quantities: counts, amounts, percentages, measures, clock times, years) whose
  value no source quantity has (converted units and 12-hour times match as in the numbers check),
  whose digits the source does not write (a model name, "Covid-19") and that no English word states
  without a numeral ("both", "a dozen", "a fortnight": data/numbers.tsv, kind "implied"), while the
  source has no quantity of that kind left over (a changed one is the numbers check's);
* an ordinal from the third on (text2num reads "terzo", "ventesima" and "third", "20th") or a quarter
  or half-year ("primo trimestre", "secondo semestre") the source does not number alike (the same
  ordinal before the same period: "first half" for «primo trimestre» is a changed period, major);
* a parenthetical ("(…)") where the source has none, none of whose words the source writes and
  whose content words translate none of its words (MultiWordNet): a gloss the translator added.

Numbers and ordinals are major (a fabricated fact), minor when the source states the value elsewhere
or dates a year otherwise ("last year" → "nel 2024": the translator resolved it); a gloss is minor.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..lang import en as en_lang
from ..lang import fold
from ..lang import it as it_lang
from ..lang.datafiles import table
from ..lang.quantities import Quantity, extract
from ..lang.relative import find_relative
from ..results import Category, Evidence
from .base import Candidate, Check, CheckContext, Claim, Need, register
from .numbers import _matches as same_quantity  # the numbers check's comparison, units and clocks included

# the English for a quarter and for a half-year after its ordinal ("first quarter", "second half")
_PERIOD = {False: r"quarter|three\s+months", True: r"half|six\s+months"}
_QUARTER = re.compile(r"\b(primo|secondo|terzo|quarto|[1-4])\s*[°º]?\s+(trimestre|semestre)\b", re.IGNORECASE)
_QUARTER_ORD = {"primo": 1, "secondo": 2, "terzo": 3, "quarto": 4}
_EN_ORD = ("first", "second", "third", "fourth")
_PAREN = re.compile(r"\(([^()]{2,200})\)")
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


@cache
def _implied() -> dict[str, frozenset[float]]:
    return {w: frozenset(float(x) for x in v.split("|")) for w, v in table("numbers.tsv", "en", "implied").items()}


@lru_cache(maxsize=65536)
def ordinal_value(word: str, lang: str) -> int | None:
    """The value of an ordinal word from "third" on (text2num: "terza" → 3, "twentieth" → 20; memoised:
    every word of every sentence is asked)."""
    from text_to_num import alpha2digit

    m = re.fullmatch(r"(\d+)(?:º|ª|rd|th|st|nd)", alpha2digit(word.lower(), lang))
    return int(m.group(1)) if m and int(m.group(1)) >= 3 else None


def _source_values(text: str) -> frozenset[float]:
    """Every value ``text`` states, line by line (:func:`_line_values`; a sentence's window of source
    units shares most of its lines with the next sentence's)."""
    return frozenset().union(*(_line_values(line) for line in text.split("\n")))


@lru_cache(maxsize=4096)
def _line_values(text: str) -> frozenset[float]:
    """Every value one line of source states: its quantities, its numbers spelled in several words
    ("two hundred": text2num), ordinals, words that state a number (data/numbers.tsv) and the digits
    it writes, whole and as the decade of a year ("1960s" for "anni '60")."""
    from text_to_num import alpha2digit

    out: set[float] = set()
    for q in extract(text, "en"):
        out.add(q.value)
        if q.alt is not None:
            out.add(q.alt)
    number_words = table("numbers.tsv", "en", "number")
    for w in _WORD.findall(text):
        low = w.lower()
        out |= _implied().get(low, frozenset())
        if low in number_words:
            out.add(float(number_words[low]))
        if (o := ordinal_value(low, "en")) is not None:
            out.add(float(o))
    digits = alpha2digit(text, "en")
    for d in re.findall(r"\d+", re.sub(r"(?<=\d)[,.](?=\d)", "", digits)):
        out.add(float(d))
        if len(d) == 4:
            out.add(float(d[2:]))
    out.update(float(d.replace(",", ".")) for d in re.findall(r"\d+[.,]\d+", digits))  # "3,90 meters"
    return frozenset(out)


def _clock_digits(q: Quantity) -> float | None:
    """"15 e 30" as the source may write it: 1530 ("1530 hours")."""
    if q.kind != "time":
        return None
    h, m = int(q.value), round((q.value - int(q.value)) * 60)
    return float(h * 100 + m)


def _spelled_out(q: Quantity) -> bool:
    return q.text[:1] not in "0123456789$€£"


def _not_a_number(sentence: str, q: Quantity) -> bool:
    """A number glued to a word ("Covid-19", "A-380") is part of a name; one next to another group of
    digits ("75 000") is part of a number written with spaces; a capitalised number word inside a
    sentence is a name ("Otto"); a number word that simplemma lemmatises as another word is that word
    too ("sei" of "essere")."""
    before, after = sentence[max(0, q.start - 2) : q.start], sentence[q.end : q.end + 2]
    if re.fullmatch(r"[^\W\d_][-‑/]", before) or re.fullmatch(r"\d\s", before) or re.fullmatch(r"\s\d", after):
        return True
    word = q.text.split()[0]
    if not _spelled_out(q):
        return False
    from ..lang.lemmas import lemmatize

    return (word[:1].isupper() and q.start > 0) or lemmatize(word.lower(), "it") != word.lower()


# "i due", "le tre", "tra i due": a small count after an article names a pair or trio the sentence has
_ARTICLE_BEFORE = re.compile(r"\b(?:i|gli|le|dei|degli|delle|ai|agli|alle|sui|nei|tra i|fra i)\s+$", re.IGNORECASE)

@register
class SpecificsCheck(Check):
    name = "specifics"
    needs = frozenset({Need.SOURCE})
    description = "Numbers, ordinals, quarters and parenthetical glosses in the Italian that the source does not give."
    specific = True
    exclusive = True

    def run(self, ctx: CheckContext) -> list[Candidate]:
        out = []
        whole = "\n".join(ctx.sources)  # its values are read only for what is found (most lines: never)
        for sent in ctx.content_sentences():
            aligned, near = ctx.source_window(sent.start, sent.end)
            if not aligned or not ctx.covers(sent, aligned):
                continue  # a snippet of part of the sentence: the rest is no addition
            src, near_text = "\n".join(aligned), "\n".join(near)
            out += self._quantities(ctx, sent.start, sent.text, src, near_text, whole)
            out += self._ordinals(ctx, sent.start, sent.text, src, near_text, whole)
            out += self._glosses(ctx, sent.start, sent.text, src, near_text)
        return out

    def _added(self, ctx: CheckContext, a: int, b: int, src: str, what: str, soft: bool,
               details: dict[str, object]) -> Candidate:
        why = " (it states the value elsewhere)" if soft else ""
        return self.candidate(
            ctx, a, b, Category.ADDITION, Claim.SPECIFIC_ADDED,
            f"«{ctx.article.text[a:b]}» is not in the source, which gives no {what} here{why}.",
            Evidence(kinds=("source", "source-number"), source=src, details=details, features={"soft": float(soft)}))

    def _quantities(self, ctx: CheckContext, base: int, text: str, src: str, near_text: str,
                    whole: str) -> list[Candidate]:
        it_all = [q for q in extract(text, "it") if q.kind != "date" and not (q.kind == "count" and q.value < 2)]
        if not it_all:
            return []
        en_src, en_near = extract(src, "en"), extract(near_text, "en")
        stated = _source_values(near_text)
        out = []
        for q in it_all:
            if any(same_quantity(q, e) for e in en_near) or _not_a_number(text, q):
                continue
            if q.value in stated or (q.alt is not None and q.alt in stated) or _clock_digits(q) in stated:
                continue
            if _spelled_out(q) and q.value <= 3 and _ARTICLE_BEFORE.search(text[: q.start]):
                continue
            left_en = [e for e in en_src if e.kind == q.kind and not any(same_quantity(i, e) for i in it_all)]
            if left_en:
                continue  # a number the source has otherwise: the numbers check compares them
            relative_year = q.kind == "year" and any(r.unit == "year" for r in find_relative(src, "en"))
            soft = q.value in _source_values(whole) or relative_year or (_spelled_out(q) and q.value <= 3)
            what = {"year": "year", "time": "time", "percent": "percentage", "amount": "amount"}.get(q.kind, "number")
            out.append(self._added(ctx, base + q.start, base + q.end, src, what, soft,
                                   {"italian": q.text, "kind": q.kind}))
        return out

    def _ordinals(self, ctx: CheckContext, base: int, text: str, src: str, near_text: str,
                  whole: str) -> list[Candidate]:
        out = []
        near_low = near_text.lower()
        quarters = []
        for m in _QUARTER.finditer(text):
            n = _QUARTER_ORD.get(m.group(1).lower()) or int(m.group(1)[0])
            quarters.append((m.start(), m.end()))
            half = m.group(2).lower() == "semestre"
            said = rf"\b(?:{_EN_ORD[n - 1]}|{n}(?:st|nd|rd|th))[\s-]+"
            if re.search(rf"{said}(?:{_PERIOD[half]})\b", near_text, re.IGNORECASE) \
                    or re.search(rf"\b{'H' if half else 'Q'}{n}\b", near_text):
                continue
            # the source numbers the other period alike ("first half" for «primo trimestre»): a changed one
            other = re.search(rf"{said}(?:{_PERIOD[not half]})\b", near_text, re.IGNORECASE) is not None
            out.append(self._added(ctx, base + m.start(), base + m.end(), src, "half-year" if half else "quarter",
                                   float(n) in _source_values(whole) and not other,
                                   {"italian": m.group(), "kind": "ordinal"}))
        for w in re.finditer(r"[^\W\d_]+", text):
            if any(a <= w.start() < b for a, b in quarters) or not w.group().islower():
                continue
            nth = ordinal_value(w.group(), "it")
            if nth is None or w.group().lower() in near_low or float(nth) in _source_values(near_text):
                continue
            out.append(self._added(ctx, base + w.start(), base + w.end(), src, "such ordinal",
                                   float(nth) in _source_values(whole), {"italian": w.group(), "kind": "ordinal"}))
        return out

    def _glosses(self, ctx: CheckContext, base: int, text: str, src: str, near_text: str) -> list[Candidate]:
        if "(" in near_text:
            return []
        lex = ctx.resources.lexicon
        near_words = {fold(w) for w in _WORD.findall(near_text)}
        near_lemmas = {en_lang.lemma(w) for w in _WORD.findall(near_text)}
        out = []
        for m in _PAREN.finditer(text):
            toks = _WORD.findall(m.group(1))
            if not toks or any(fold(t) in near_words for t in toks if len(t) >= 3 or t.isdigit()):
                continue
            content = [t for t in toks if it_lang.is_content(t) and not t.isdigit()]
            if not content or lex is None:
                continue
            if any(lex.en_for_it(it_lang.lemma(t)) & near_lemmas or lex.en_for_it(fold(t)) & near_lemmas
                   for t in content):
                continue
            out.append(self.candidate(
                ctx, base + m.start(), base + m.end(), Category.ADDITION, Claim.GLOSS_ADDED,
                f"«{m.group()}» is not in the source, which has no such gloss here.",
                Evidence(kinds=("source", "lexicon"), source=src, details={"italian": m.group()})))
        return out
