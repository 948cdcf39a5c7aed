"""Numbers, amounts, percentages, dates, clock times and measures in Italian and English text,
normalised so the two languages compare: "1,3 miliardi" = "1.3 billion", "18 febbraio" = "February
18", "29,8%" = "29.8 percent", "dieci" = "ten", "mille" = "1.000" = "1,000" = "a thousand",
"ore 20" = "alle 20:00" = "8 p.m.", "30.000 acri" = "30,000 acres" (units: data/units.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import en, it
from .currencies import currencies, currency_words, italian_name
from .datafiles import table
from .measures import unit_re, unit_table
from .numbers import numeral
from .times import clock_times

Kind = str  # "date" | "year" | "time" | "percent" | "amount" | "measure" | "count"


@dataclass(frozen=True)
class Quantity:
    """A number found in text. ``value`` is the normalised value (the day for a date).

    ``month`` is set for dates; ``currency`` ("EUR", "USD", "GBP") for money; ``start``/``end`` are
    offsets into the text it was found in.
    """

    kind: Kind
    value: float
    start: int
    end: int
    text: str
    month: int | None = None
    currency: str | None = None
    scale: float = 1.0
    alt: float | None = None  # the other reading of "4.000" / "1,300" (thousands or decimals)
    unit: str | None = None  # "dimension:unit" of a measure ("area:acre"), from data/units.tsv
    points: bool = False  # "percentage points" / "punti percentuali", not a relative percent

    def key(self) -> tuple[str, float, int | None]:
        return (self.kind, round(self.value, 6), self.month)


# Scale words after a number ("1,3 miliardi", "$5m"): data/numbers.tsv. Currency symbols and words: CLDR.
SCALES_IT = {w: float(v) for w, v in table("numbers.tsv", "it", "scale").items()}
SCALES_EN = {w: float(v) for w, v in table("numbers.tsv", "en", "scale").items()}
CURRENCY_WORDS = currency_words()
# A currency written after the number ("5 miliardi di euro", "5 dollars", "5 €", "5 ¥"): a word or a
# one-character symbol ("\b" after a word, none after a symbol).
_CURRENCY_AFTER = re.compile(r"\s*(?:di\s+)?(" + "|".join(
    sorted((re.escape(w) + (r"\b" if w.isalpha() else "") for w in CURRENCY_WORDS if w.isalpha() or len(w) == 1),
           key=len, reverse=True)) + ")", re.IGNORECASE)
# A currency symbol before the number ("$5", "US$ 5", "£5", "¥500").
_CURRENCY_BEFORE = "|".join(sorted((re.escape(sym) for c in currencies() for sym in c.symbols), key=len, reverse=True))
# "sei" is also "you are": only a number before a lower-case word and after no pronoun.
_SEI_BEFORE = frozenset("tu non ci lo la ne ti se che ma mi dove come chi".split())

_NUM_IT = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?(?:\.\d{1,2}(?!\d))?"
_NUM_EN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD = r"[^\W\d_]+"
_MONTH_IT = "|".join(it.MONTHS)
_MONTH_EN = "|".join(m.capitalize() for m in en.MONTHS) + "|(?:" + "|".join(
    sorted((a.capitalize() for a in en.MONTH_ABBREVIATIONS if a not in en.MONTHS), key=len, reverse=True)) + r")\.?"
_ORD_EN = r"(?:st|nd|rd|th)?"
# A half added to a number. English says it before the scale word: "three and a half million" (CGEL
# ch. 5 §9.4). Italian says it after the scale word, "tre milioni e mezzo", or without one after the
# counted noun, "due anni e mezzo", "tre ore e mezza" (Serianni VI.7).
_HALF_EN = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
_HALF_IT_AFTER_SCALE = re.compile(r"\s+e\s+mezzo\b", re.IGNORECASE)
_HALF_IT_AFTER_NOUN = re.compile(r"(?:\s+[^\W\d_]+)?\s+e\s+mezz[oa]\b", re.IGNORECASE)


def parse_numeral(s: str, lang: str) -> float | None:
    """"1.300" → 1300 and "1,3" → 1.3 in Italian; "1,300" → 1300 and "1.3" → 1.3 in English."""
    if lang == "it":
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", ".")
    else:
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
            s = s.replace(",", "")
        elif re.fullmatch(r"\d+,\d{1,2}", s):
            s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def _dates(text: str, lang: str) -> list[Quantity]:
    out = []
    if lang == "it":
        pat = re.compile(rf"\b(\d{{1,2}}|primo)(?:°|º)?\s+({_MONTH_IT})\b", re.IGNORECASE)
        for m in pat.finditer(text):
            day = 1 if m.group(1).lower() == "primo" else int(m.group(1))
            month = it.MONTHS.index(m.group(2).lower()) + 1
            if 1 <= day <= 31:
                out.append(Quantity("date", day, m.start(), m.end(), m.group(), month=month))
    else:
        pats = [
            (re.compile(rf"\b({_MONTH_EN})\s+(\d{{1,2}}){_ORD_EN}\b"), 1, 2),
            (re.compile(rf"\b(\d{{1,2}}){_ORD_EN}\s+(?:of\s+)?({_MONTH_EN})"), 2, 1),
        ]
        for pat, gm, gd in pats:
            for m in pat.finditer(text):
                name = m.group(gm).rstrip(".").lower()
                en_month = (
                    en.MONTHS.index(name) + 1 if name in en.MONTHS
                    else en.MONTH_ABBREVIATIONS.get(name[:4]) or en.MONTH_ABBREVIATIONS.get(name[:3])
                )
                day = int(m.group(gd))
                if en_month and 1 <= day <= 31:
                    out.append(Quantity("date", day, m.start(), m.end(), m.group(), month=en_month))
    return out


def _times(text: str, lang: str) -> list[Quantity]:
    return [Quantity("time", value, a, b, text[a:b], alt=alt) for value, a, b, alt in clock_times(text, lang)]


def _overlaps(q: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a < q[1] and q[0] < b for a, b in taken)


def extract(text: str, lang: str) -> list[Quantity]:
    """Every date, year, percentage, money amount and count in ``text`` (``lang`` "it" or "en"). Several
    checks read the same sentences, so the result is memoised (a fresh list each call)."""
    return list(_extract(text, lang))


@lru_cache(maxsize=8192)
def _extract(text: str, lang: str) -> tuple[Quantity, ...]:
    found = _dates(text, lang)
    found += [t for t in _times(text, lang) if not _overlaps((t.start, t.end), [(q.start, q.end) for q in found])]
    taken = [(q.start, q.end) for q in found]
    num = _NUM_IT if lang == "it" else _NUM_EN
    scales = SCALES_IT if lang == "it" else SCALES_EN
    token = re.compile(rf"(?<![\w.,])(?:(?P<cur>{_CURRENCY_BEFORE})\s?)?(?:(?P<num>{num})|(?P<word>{_WORD}))")
    for m in token.finditer(text):
        if _overlaps((m.start(), m.end()), taken):
            continue
        alt = None
        if m.group("num"):
            raw = m.group("num")
            value = parse_numeral(raw, lang)
            if re.fullmatch(r"\d{1,3}[.,]\d{3}", raw):
                alt = parse_numeral(raw, "en" if lang == "it" else "it")
        else:
            w = m.group("word").lower()
            value = _word_value(w, text, m.start(), lang)
            if value is None and w in ("a", "un", "uno", "one") and m.group("cur") is None:
                nxt = re.match(rf"\s+({_WORD})", text[m.end() :])
                if nxt and nxt.group(1).lower() in scales and nxt.group(1).lower() not in ("m", "k", "b"):
                    value = 1.0
                elif w == "one" and _HALF_EN.match(text, m.end()):
                    value = 1.0  # "one and a half million"
        if value is None:
            continue
        end = m.end()
        scale = 1.0
        if lang == "en" and (hm := _HALF_EN.match(text, end)):
            value, end = value + 0.5, hm.end()
        # scale word ("1,3 miliardi", "two million", "$5m")
        sm = re.match(rf"(\s*)({_WORD})\b", text[end:])
        if sm and sm.group(2).lower() in scales and (sm.group(1) or len(sm.group(2)) <= 2):
            if m.group("word") is None or sm.group(2).lower() != "mille":
                scale = scales[sm.group(2).lower()]
                end += sm.end()
                if lang == "it" and (hm := _HALF_IT_AFTER_SCALE.match(text, end)):
                    value, end = value + 0.5, hm.end()
        elif lang == "it" and _HALF_IT_AFTER_NOUN.match(text, end):
            value += 0.5  # the noun between stays outside the quantity (its unit is read next)
        kind: Kind = "count"
        currency = CURRENCY_WORDS.get((m.group("cur") or "").lower())
        unit: str | None = None
        points = False
        pm = _PERCENT.match(text, end)
        if pm:
            kind, end, points = "percent", pm.end(), bool(pm.group("pts"))
        elif _POINTS.match(text, end):
            points = True  # "0,4 punti", "two points": percentage points when the other side has them
        else:
            cm = _CURRENCY_AFTER.match(text, end)
            if cm:
                currency = CURRENCY_WORDS[cm.group(1).lower()]
                also_unit = unit_table()[lang].get(cm.group(1).lower())
                if also_unit is not None and not m.group("cur"):
                    unit = also_unit.key  # "5 pounds": money or weight, the other side tells
                end = cm.end()
            elif not currency and (um := unit_re(lang).match(text, end)) is not None:
                unit, end, kind = unit_table()[lang][um.group(1).lower()].key, um.end(), "measure"
        if currency:
            kind = "amount"
        elif kind == "count" and m.group("num") and re.fullmatch(r"(19|20)\d\d", m.group("num")):
            kind = "year"
        taken.append((m.start(), end))
        found.append(Quantity(kind, value * scale, m.start(), end, text[m.start() : end], currency=currency,
                              scale=scale, alt=None if alt is None else alt * scale, unit=unit, points=points))
    return tuple(_share_range_scale(text, sorted(found, key=lambda q: q.start)))


_PERCENT = re.compile(r"\s*(?:(?P<pts>punti percentuali|punto percentuale|percentage points?)|%|per\s?cento|"
                      r"percent|per cent)", re.IGNORECASE)
_POINTS = re.compile(r"\s*(?:punti|punto|points?)\b(?!\s+(?:base|di\s+sutura))", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:a|e|o|-|–|to|and|or)\s*$")


def _share_range_scale(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"da 14 a 38 milioni": the first number of a range takes the scale and unit of the second."""
    out = list(qs)
    for i in range(len(out) - 1, 0, -1):
        a, b = out[i - 1], out[i]
        if a.scale == 1.0 and a.kind == "count" and b.kind in ("count", "amount", "percent", "measure") and (
            b.scale != 1.0 or b.kind != "count"
        ) and _RANGE_JOIN.match(text[a.end : b.start]):
            out[i - 1] = Quantity(b.kind, a.value * b.scale, a.start, a.end, a.text, currency=b.currency,
                                  scale=b.scale, alt=None if a.alt is None else a.alt * b.scale, unit=b.unit,
                                  points=b.points)
    return out


def _word_value(w: str, text: str, start: int, lang: str) -> float | None:
    """A spelled-out number of two or more (text2num): "tre", "ventitré", "tremila", "twenty"; English
    scale words above a thousand are scales, not counts."""
    n = numeral(w, lang)
    if n is None or n < 2 or (lang == "en" and n > 1000):
        return None
    if w == "sei":
        before = re.search(rf"({_WORD})\s*$", text[:start])
        after = re.match(rf"\s+({_WORD})", text[start + 3 :])
        if (before and before.group(1).lower() in _SEI_BEFORE) or not (after and after.group(1).islower()):
            return None
    return float(n)


def same_value(a: float, b: float, tolerance: float = 0.01) -> bool:
    """Equal within a relative ``tolerance`` (rounding: "quasi 30%" for "29.8%")."""
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-9)


def format_it(q: Quantity, unit: str = "") -> str:
    """An Italian rendering of an English quantity, for suggestions; ``unit``: the Italian words of a
    measure's unit to write after it (a currency is named from ``q``), joined by «di» after a scale word."""
    if q.kind == "date" and q.month:
        day = int(q.value)  # Italian writes the first of the month as an ordinal: "1° marzo"
        return f"{day}{'°' if day == 1 else ''} {it.MONTHS[q.month - 1]}"
    if q.kind == "year":
        return str(int(q.value))  # no thousands separator: «1998»
    v = q.value
    # money in millions is written with the scale word; another number where the English wrote one
    # ("1.6 million square kilometres": «1,6 milioni», not «1.600.000»)
    for scale, word, one in ((1e9, "miliardi", "miliardo"), (1e6, "milioni", "milione")):
        if v >= scale and (q.kind == "amount" or q.scale >= scale):
            v, suffix = v / scale, f" {one if v == scale else word}"
            break
    else:
        suffix = ""
    s = f"{v:,.2f}".rstrip("0").rstrip(".") if v != int(v) else f"{int(v):,}"
    s = s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if q.kind == "percent":
        return s + "%"
    noun = italian_name(q.currency) or unit
    return s + suffix + ((" di " if suffix else " ") + noun if noun else "")


# An Italian quantity's number and scale word, before its unit words ("1,6 milioni di | chilometri quadrati").
_NUMBER_PART = re.compile(r"^[\d.,]+(?:\s+(?:mila|milion[ei]|miliard[oi]))?(?:\s+di\s+|\s+d['’]|\s+)", re.IGNORECASE)


def format_it_like(q: Quantity, italian: Quantity) -> str:
    """:func:`format_it` of the source's ``q`` where the article wrote ``italian``: a measure in the
    same unit keeps the article's unit words («1,6 milioni di chilometri quadrati» for the article's
    «1,6 chilometri quadrati»), so that the fix replaces the whole flagged quantity."""
    if q.kind == "measure" and italian.kind == "measure" and q.unit is not None and q.unit == italian.unit:
        m = _NUMBER_PART.match(italian.text)
        words = italian.text[m.end():] if m else ""
        if words[:1].isalpha():
            return format_it(q, words)
    return format_it(q)


def slot(text: str, q: Quantity) -> tuple[object, ...]:
    """What a quantity measures, as far as its form tells: kind, currency, unit, points, and for a
    count the noun it counts ("2,3 milioni di clienti" → "clie")."""
    noun = ""
    if q.kind == "count":
        m = re.match(r"\s+(?:di\s+|d['’])?([^\W\d_]+)", text[q.end :])
        noun = m.group(1).lower()[:4] if m else ""
    return (q.kind, q.currency, q.unit, q.points, noun)


def _digits(q: Quantity) -> str:
    return re.sub(r"\D", "", re.split(r"\s(?=[^\W\d_])", q.text.lstrip("$€£"), maxsplit=1)[0])


def garbled(h: Quantity, b: Quantity) -> bool:
    """``b`` looks like a slip for ``h``: the same digits in another order, or the same digits with
    another scale word."""
    dh, db = _digits(h), _digits(b)
    if not dh or not db or h.kind == "count" and h.scale == 1.0 and b.scale == 1.0 and len(dh) < 2:
        return False
    if dh == db:
        return h.scale != b.scale
    return len(dh) >= 2 and sorted(dh) == sorted(db) and h.scale == b.scale

