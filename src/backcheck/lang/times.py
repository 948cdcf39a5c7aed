"""Clock times in Italian and English text: "ore 20", "alle 15:30", "alle 8 di sera"; "8 p.m.",
"3:30 pm", "9 o'clock". The value is the hour of the day (20.5 = 20:30)."""

from __future__ import annotations

import re

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


def clock_times(text: str, lang: str) -> list[tuple[float, int, int, float | None]]:
    """``(hour of the day, start, end, other reading)`` of each clock time in ``text``; the other reading
    is the afternoon hour of an English time with no a.m./p.m. ("at 8" may be 20:00)."""
    out: list[tuple[float, int, int, float | None]] = []
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
            out.append((hour % 24 + mins / 60, start, end, None))
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
            out.append((hour + mins / 60, m.start(), m.end(), alt))
    return out


# "at 15.30", "by 8.45": the full stop of British and Italian usage after a preposition of time.
_EN_DOTTED = re.compile(r"\b(?:at|around|about|by|from|until|till|after|before|to)\s+(?P<h>[01]?\d|2[0-3])\."
                        r"(?P<m>[0-5]\d)\b", re.IGNORECASE)


def dotted_times(text: str) -> list[tuple[float, int, int]]:
    """``(hour of the day, start, end)`` of each English "at 15.30": a clock time when it stands for one,
    a price when it does not ("closed at 12.50"). :func:`clock_times` does not read them, so no number
    becomes a time; the word alignment does, where "15.30" against the source's "3:30 pm" can only be
    the time (:mod:`backcheck.align.tokens`)."""
    return [(int(m.group("h")) + int(m.group("m")) / 60, m.start("h"), m.end()) for m in _EN_DOTTED.finditer(text)]
