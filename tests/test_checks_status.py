"""status: a modifier that changes what its noun refers to ("former", "attempted", "alleged", "deputy")
dropped by the Italian, through the production path.

The sentence pairs are invented for this test (news-like, not from the shared or public sets). Each
expected value is a bilingual reading: a finding exactly when the Italian speaks of the noun itself (a
president, a murder, a victim) where the source speaks of a former, attempted or alleged one, on the
Italian noun; the fix, where one invariable prefix fits («ex», «vice»).
"""

from __future__ import annotations

import pytest

from _checkutil import run_pair

# (id, source, Italian, back-translation or None, expected [(span, severity, suggestion)])
CASES = [
    ("former-dropped", "The former president was questioned by prosecutors on Monday.",
     "Il presidente è stato interrogato dai pubblici ministeri lunedì.",
     "The president was questioned by prosecutors on Monday.", [("presidente", "major", "L'ex presidente")]),
    ("former-kept", "The former president was questioned by prosecutors on Monday.",
     "L'ex presidente è stato interrogato dai pubblici ministeri lunedì.",
     "The former president was questioned by prosecutors on Monday.", []),
    # «l'allora presidente» (the then president) keeps it its own way
    ("former-as-allora", "The former president was questioned by prosecutors on Monday.",
     "L'allora presidente è stato interrogato dai pubblici ministeri lunedì.",
     "The then president was questioned by prosecutors on Monday.", []),
    # a former building is «vecchio» as often as «ex»
    ("former-as-vecchio", "The former factory will become a museum.", "La vecchia fabbrica diventerà un museo.",
     "The old factory will become a museum.", []),
    ("attempted-dropped", "He was charged with attempted murder.", "È stato accusato di omicidio.",
     "He was charged with murder.", [("omicidio", "major", None)]),
    ("attempted-kept", "He was charged with attempted murder.", "È stato accusato di tentato omicidio.",
     "He was charged with attempted murder.", []),
    ("alleged-dropped", "The court heard the alleged victim on Tuesday.",
     "Il tribunale ha ascoltato la vittima martedì.",
     "The court heard the victim on Tuesday.", [("vittima", "major", None)]),
    ("alleged-kept", "The court heard the alleged victim on Tuesday.",
     "Il tribunale ha ascoltato la presunta vittima martedì.", "The court heard the alleged victim on Tuesday.", []),
    ("deputy-dropped", "The deputy minister visited the flooded towns.", "Il ministro ha visitato i paesi allagati.",
     "The minister visited the flooded towns.", [("ministro", "major", "vice ministro")]),
    ("deputy-kept", "The deputy minister visited the flooded towns.", "Il viceministro ha visitato i paesi allagati.",
     "The deputy minister visited the flooded towns.", []),
    ("so-called-dropped", "The so-called experts gave no evidence.", "Gli esperti non hanno fornito prove.",
     "The experts provided no evidence.", [("esperti", "major", None)]),
    # "acting" and "interim" count only on a noun that can name a person (status.tsv, kind "person")
    ("acting-dropped", "The acting president signed the decree on Friday.",
     "Il presidente ha firmato il decreto venerdì.", "The president signed the decree on Friday.",
     [("presidente", "major", None)]),
    ("interim-kept", "The interim coach named his team on Friday.",
     "L'allenatore ad interim ha annunciato la formazione venerdì.",
     "The interim coach announced the team on Friday.", []),
    ("acting-career", "Her acting career began in the theatre.", "La sua carriera è cominciata a teatro.",
     "Her career began in the theatre.", []),
    ("interim-results", "The company published interim results on Monday.",
     "L'azienda ha pubblicato i risultati lunedì.", "The company published the results on Monday.", []),
    # the back-translation reads the modifier: the Italian renders it some way this check does not know
    ("back-translation-reads-it", "The former president was questioned by prosecutors on Monday.",
     "Il presidente uscito di carica è stato interrogato dai pubblici ministeri lunedì.",
     "The former president was questioned by prosecutors on Monday.", []),
    # the English modifier kept as a loanword
    ("loanword", "The minister warned against fake news.", "Il ministro ha messo in guardia contro le fake news.",
     "The minister warned against fake news.", []),
    # "the former" as a pronoun (the first of two) modifies no noun
    ("former-pronoun", "The minister and the mayor spoke; the former promised new funds.",
     "Il ministro e il sindaco hanno parlato; il primo ha promesso nuovi fondi.",
     "The minister and the mayor spoke; the first promised new funds.", []),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_status(source: str, italian: str, bt: str | None, expected: list[tuple[str, str, str | None]]) -> None:
    found = run_pair("status", source, italian, bt)
    assert [(f.text, f.severity.value, f.suggestion) for f in found] == expected
    assert all(f.category.value == "omission" and f.evidence.source == source for f in found)
