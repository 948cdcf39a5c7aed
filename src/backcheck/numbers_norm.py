"""Numbers, amounts, percentages, dates, clock times and measures in Italian and English text,
normalised so the two languages compare: "1,3 miliardi" = "1.3 billion", "18 febbraio" = "February
18", "29,8%" = "29.8 percent", "dieci" = "ten", "mille" = "1.000" = "1,000" = "a thousand",
"ore 20" = "alle 20:00" = "8 p.m.", "30.000 acri" = "30,000 acres" (units: data/units.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .words import MONTH_ABBR_EN, MONTHS_EN, MONTHS_IT

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


UNITS_IT = {
    "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
    "undici": 11, "dodici": 12, "tredici": 13, "quattordici": 14, "quindici": 15, "sedici": 16,
    "diciassette": 17, "diciotto": 18, "diciannove": 19, "venti": 20, "trenta": 30, "quaranta": 40,
    "cinquanta": 50, "sessanta": 60, "settanta": 70, "ottanta": 80, "novanta": 90, "cento": 100,
    "mille": 1000,
}
UNITS_EN = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
}
# "tremila", "duecento": an Italian unit word fused with a multiplier.
_IT_COMPOUND = re.compile(r"^(due|tre|quattro|cinque|sei|sette|otto|nove|dieci)(mila|cento)$")
SCALES_IT = {"mila": 1e3, "mille": 1e3, "milione": 1e6, "milioni": 1e6, "mln": 1e6, "miliardo": 1e9,
             "miliardi": 1e9, "mld": 1e9, "mrd": 1e9}
SCALES_EN = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
             "b": 1e9, "trillion": 1e12, "tn": 1e12}
CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR", "€": "EUR", "dollari": "USD", "dollaro": "USD", "dollars": "USD",
    "dollar": "USD", "$": "USD", "us$": "USD", "sterline": "GBP", "sterlina": "GBP", "pounds": "GBP",
    "£": "GBP",
}
# "sei" is also "you are": only a number before a lower-case word and after no pronoun.
_SEI_BEFORE = frozenset("tu non ci lo la ne ti se che ma mi dove come chi".split())

_NUM_IT = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?(?:\.\d{1,2}(?!\d))?"
_NUM_EN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD = r"[^\W\d_]+"
_MONTH_IT = "|".join(MONTHS_IT)
_MONTH_EN = "|".join(m.capitalize() for m in MONTHS_EN) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_ORD_EN = r"(?:st|nd|rd|th)?"


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
            month = MONTHS_IT.index(m.group(2).lower()) + 1
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
                    MONTHS_EN.index(name) + 1 if name in MONTHS_EN
                    else MONTH_ABBR_EN.get(name[:4]) or MONTH_ABBR_EN.get(name[:3])
                )
                day = int(m.group(gd))
                if en_month and 1 <= day <= 31:
                    out.append(Quantity("date", day, m.start(), m.end(), m.group(), month=en_month))
    return out


@dataclass(frozen=True)
class Unit:
    dimension: str
    name: str
    factor: float  # the unit's size in the dimension's base unit

    @property
    def key(self) -> str:
        return f"{self.dimension}:{self.name}"


@lru_cache(maxsize=1)
def unit_table() -> dict[str, dict[str, Unit]]:
    """{lang: {surface (lower case): Unit}} from data/units.tsv."""
    out: dict[str, dict[str, Unit]] = {"it": {}, "en": {}}
    path = Path(__file__).resolve().parent / "data" / "units.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, surface, dim, name, factor = line.split("\t")
            out[lang][surface] = Unit(dim, name, float(factor))
    return out


def unit_of(key: str | None) -> Unit | None:
    if not key:
        return None
    for table in unit_table().values():
        for u in table.values():
            if u.key == key:
                return u
    return None


@lru_cache(maxsize=2)
def _unit_re(lang: str) -> re.Pattern[str]:
    alts = "|".join(re.escape(s) for s in sorted(unit_table()[lang], key=len, reverse=True))
    return re.compile(rf"\s*(?:di\s+)?({alts})(?![\w/²])", re.IGNORECASE)


def convert(value: float, src: str, dst: str) -> float | None:
    """``value`` in unit ``src`` ("length:mi") expressed in ``dst`` ("length:km"); None across dimensions."""
    a, b = unit_of(src), unit_of(dst)
    if a is None or b is None or a.dimension != b.dimension:
        return None
    if a.dimension == "temperature":
        if a.name == b.name:
            return value
        return (value - 32) * 5 / 9 if a.name == "F" else value * 9 / 5 + 32
    return value * a.factor / b.factor


# Clock times. Italian: "ore 20", "alle 15:30", "alle 15.30", "alle 15 e 30", "alle 8 di sera";
# English: "8 p.m.", "3:30 pm", "15:00", "9 o'clock". The value is the hour of the day (20.5 = 20:30).
_IT_TIME_LEAD = r"(?:\b(?:ore|alle|dalle|delle|entro\s+le|verso\s+le|fino\s+alle|tra\s+le|le)\s+)"
_IT_TIME = re.compile(
    rf"(?P<lead>{_IT_TIME_LEAD})?(?<![\d.,])(?P<h>[01]?\d|2[0-4])(?:(?P<sep>[:.])(?P<m>[0-5]\d)(?!\d)"
    r"|\s+e\s+(?P<m2>[0-5]\d|mezza|un\s+quarto|tre\s+quarti)\b)?(?!\d|,\d)", re.IGNORECASE)
_IT_AFTER_HOUR = re.compile(r"\s*(?:$|[,;.)!?»”\"]|(?:di|del|della|e|in|circa|ora|precise|in\s+punto|locali)\b)")
_IT_DAYPART = re.compile(r"\s+(?:di|del|della)\s+(mattina|mattino|pomeriggio|sera|notte)\b", re.IGNORECASE)
_IT_MINUTES = {"mezza": 30, "un quarto": 15, "tre quarti": 45}
_EN_TIME = re.compile(
    r"(?<![\d.,:])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?:(?P<ap>[ap])\.?\s?m\b\.?|(?P<oc>o['’]clock))"
    r"|(?<![\d.,:])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])", re.IGNORECASE)


def _times(text: str, lang: str) -> list[Quantity]:
    out = []
    if lang == "it":
        for m in _IT_TIME.finditer(text):
            lead = (m.group("lead") or "").strip().lower()
            minutes = m.group("m") or m.group("m2")
            if not lead and m.group("sep") != ":":
                continue  # a bare "15.30" is a number; a bare "15:30" is a time
            if lead and lead != "ore" and not minutes and not _IT_AFTER_HOUR.match(text, m.end()):
                continue  # "alle 8 squadre"
            hour = int(m.group("h"))
            mins = _IT_MINUTES.get(re.sub(r"\s+", " ", minutes.lower()), 0) if minutes and not minutes.isdigit() \
                else int(minutes or 0)
            end = m.end()
            part = _IT_DAYPART.match(text, end)
            if part and hour < 12:
                if part.group(1).lower() in ("pomeriggio", "sera") or (part.group(1).lower() == "notte" and hour >= 6):
                    hour += 12
                end = part.end()
            start = m.start() if lead == "ore" else m.start("h")
            out.append(Quantity("time", hour % 24 + mins / 60, start, end, text[start:end]))
    else:
        for m in _EN_TIME.finditer(text):
            if m.group("h24"):
                hour, mins, alt = int(m.group("h24")), int(m.group("m24")), None
                if 1 <= hour <= 11:
                    alt = hour + 12 + mins / 60
            else:
                hour, mins = int(m.group("h")), int(m.group("m") or 0)
                if hour > 12:
                    continue
                alt = None
                if m.group("ap"):
                    hour = hour % 12 + (12 if m.group("ap").lower() == "p" else 0)
                elif hour < 12:
                    alt = hour + 12 + mins / 60
            out.append(Quantity("time", hour + mins / 60, m.start(), m.end(), m.group(), alt=alt))
    return out


def _overlaps(q: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a < q[1] and q[0] < b for a, b in taken)


def extract(text: str, lang: str) -> list[Quantity]:
    """Every date, year, percentage, money amount and count in ``text`` (``lang`` "it" or "en")."""
    found = _dates(text, lang)
    found += [t for t in _times(text, lang) if not _overlaps((t.start, t.end), [(q.start, q.end) for q in found])]
    taken = [(q.start, q.end) for q in found]
    num = _NUM_IT if lang == "it" else _NUM_EN
    units = UNITS_IT if lang == "it" else UNITS_EN
    scales = SCALES_IT if lang == "it" else SCALES_EN
    token = re.compile(rf"(?<![\w.,])(?:(?P<cur>US\$|[$€£])\s?)?(?:(?P<num>{num})|(?P<word>{_WORD}))")
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
            value = _word_value(w, text, m.start(), lang, units)
            if value is None and w in ("a", "un", "uno", "one") and m.group("cur") is None:
                nxt = re.match(rf"\s+({_WORD})", text[m.end() :])
                if nxt and nxt.group(1).lower() in scales and nxt.group(1).lower() not in ("m", "k", "b"):
                    value = 1.0
        if value is None:
            continue
        end = m.end()
        scale = 1.0
        # scale word ("1,3 miliardi", "two million", "$5m")
        sm = re.match(rf"(\s*)({_WORD})\b", text[end:])
        if sm and sm.group(2).lower() in scales and (sm.group(1) or len(sm.group(2)) <= 2):
            if m.group("word") is None or sm.group(2).lower() != "mille":
                scale = scales[sm.group(2).lower()]
                end += sm.end()
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
            cm = re.match(r"\s*(?:di\s+)?(euro|euros|dollari|dollaro|dollars|dollar|sterline|sterlina|pounds|€)\b",
                          text[end:], re.IGNORECASE)
            if cm:
                currency = CURRENCY_WORDS[cm.group(1).lower()]
                if lang == "en" and cm.group(1).lower() == "pounds" and not m.group("cur"):
                    unit = "mass:lb"  # "5 pounds": money or weight, the other side tells
                end += cm.end()
            elif not currency and (um := _unit_re(lang).match(text, end)) is not None:
                unit, end, kind = unit_table()[lang][um.group(1).lower()].key, um.end(), "measure"
        if currency:
            kind = "amount"
        elif kind == "count" and m.group("num") and re.fullmatch(r"(19|20)\d\d", m.group("num")):
            kind = "year"
        taken.append((m.start(), end))
        found.append(Quantity(kind, value * scale, m.start(), end, text[m.start() : end], currency=currency,
                              scale=scale, alt=None if alt is None else alt * scale, unit=unit, points=points))
    return _share_range_scale(text, sorted(found, key=lambda q: q.start))


_PERCENT = re.compile(r"\s*(?:(?P<pts>punti percentuali|punto percentuale|percentage points?)|%|per\s?cento|"
                      r"percent|per cent)", re.IGNORECASE)
_POINTS = re.compile(r"\s*(?:punti|punto|points?)\b(?!\s+(?:base|di\s+sutura))", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:a|e|o|-|–|to|and|or)\s*$")


def _share_range_scale(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"da 25 a 55 miliardi": the first number of a range takes the scale and unit of the second."""
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


def _word_value(w: str, text: str, start: int, lang: str, units: dict[str, int]) -> float | None:
    if w in units:
        if w == "sei":
            before = re.search(rf"({_WORD})\s*$", text[:start])
            after = re.match(rf"\s+({_WORD})", text[start + 3 :])
            if (before and before.group(1).lower() in _SEI_BEFORE) or not (after and after.group(1).islower()):
                return None
        return float(units[w])
    if lang == "it":
        c = _IT_COMPOUND.match(w)
        if c:
            return float(UNITS_IT[c.group(1)] * (1000 if c.group(2) == "mila" else 100))
    return None


def same_value(a: float, b: float, tolerance: float = 0.01) -> bool:
    """Equal within a relative ``tolerance`` (rounding: "quasi 30%" for "29.8%")."""
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-9)


def format_it(q: Quantity) -> str:
    """An Italian rendering of an English quantity, for suggestions."""
    if q.kind == "date" and q.month:
        return f"{int(q.value)} {MONTHS_IT[q.month - 1]}"
    v = q.value
    for scale, word in ((1e9, "miliardi"), (1e6, "milioni")):
        if v >= scale and q.kind in ("amount",):
            v, suffix = v / scale, f" {word}"
            break
    else:
        suffix = ""
    s = f"{v:,.2f}".rstrip("0").rstrip(".") if v != int(v) else f"{int(v):,}"
    s = s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if q.kind == "percent":
        return s + "%"
    cur = {"EUR": "euro", "USD": "dollari", "GBP": "sterline"}.get(q.currency or "", "")
    if cur:
        cur = (" di " if suffix else " ") + cur
    return s + suffix + cur
