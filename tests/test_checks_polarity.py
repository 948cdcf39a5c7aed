"""polarity: the source negates a statement the Italian asserts (critical), through the production path.

The sentence pairs are invented for this test (news-like, not from the shared or public sets). Each
expected value is a bilingual reading of the pair: a finding exactly when the Italian asserts what the
source negates, on the Italian predicate; the fix puts "non" in front of it where the source negates
with a particle (an implicative verb's negation has no one-word fix).
"""

from __future__ import annotations

import pytest

from _checkutil import run_pair

# (id, source, Italian, back-translation or None, expected [(span, severity, suggestion)])
CASES = [
    ("particle-dropped", "The minister did not sign the agreement.", "Il ministro ha firmato l'accordo.",
     "The minister signed the agreement.", [("ha firmato", "critical", "non ha firmato")]),
    ("particle-dropped-no-bt", "The minister did not sign the agreement.", "Il ministro ha firmato l'accordo.",
     None, [("ha firmato", "critical", "non ha firmato")]),
    ("particle-kept", "The minister did not sign the agreement.", "Il ministro non ha firmato l'accordo.",
     "The minister did not sign the agreement.", []),
    ("implicative-dropped", "The company declined to comment on the report.",
     "L'azienda ha commentato il rapporto.", "The company commented on the report.",
     [("ha commentato", "critical", None)]),
    # «rifiutarsi di» carries the negation of "decline to" (a participle the lemmatiser reads as an adjective)
    ("implicative-kept-as-verb", "The company declined to comment on the report.",
     "L'azienda si è rifiutata di commentare il rapporto.", None, []),
    ("implicative-kept-with-bt", "The company declined to comment on the report.",
     "L'azienda si è rifiutata di commentare il rapporto.", "The company refused to comment on the report.", []),
    ("never-dropped", "The mayor has never visited the flooded district.",
     "Il sindaco ha visitato il quartiere allagato.", "The mayor visited the flooded district.",
     [("ha visitato", "critical", "non ha visitato")]),
    # "not only ... but also" negates nothing
    # a limit after the negated verb restates it as an affirmative: "not known until Monday" is "known only
    # on Monday" (Huddleston & Pullum ch. 9 §4)
    ("negation-with-limit-restated", "The final results will not be known until Monday.",
     "I risultati definitivi si conosceranno solo lunedì.", "The final results will be known only on Monday.", []),
    # "not yet" is "still to" («deve ancora»); without «ancora» the Italian affirms what has not happened
    ("not-yet-as-still-to", "The jury has not yet reached a verdict in the fraud case.",
     "La giuria deve ancora emettere un verdetto nel caso di frode.",
     "The jury has yet to reach a verdict in the fraud case.", []),
    ("not-yet-dropped", "The minister has not yet signed the decree on rents.",
     "Il ministro ha firmato il decreto sugli affitti.", "The minister signed the decree on rents.",
     [("ha firmato", "critical", "non ha firmato")]),
    ("not-only", "Not only the mayor but also the governor attended.",
     "Non solo il sindaco ma anche il governatore era presente.",
     "Not only the mayor but also the governor was present.", []),
    ("ruled-out-flipped", "The police have not ruled out arson.", "La polizia ha escluso l'incendio doloso.",
     "The police ruled out arson.", [("ha escluso", "critical", "non ha escluso")]),
    ("ruled-out-kept", "The police have not ruled out arson.", "La polizia non ha escluso l'incendio doloso.",
     "The police did not rule out arson.", []),
    ("refused-dropped", "The union refused to accept the offer.", "Il sindacato ha accettato l'offerta.",
     None, [("ha accettato", "critical", None)]),
    # «negare di» is a negative implicative verb too
    ("denied-kept", "The union refused to accept the offer.", "Il sindacato ha negato di accettare l'offerta.",
     None, []),
    # "not going to listen": the negated predicate is "listen" (the future's "go" is light), which the
    # back-translation negates through "do not intend to listen"
    ("going-to-kept", "They said: we are not going to listen to the court.",
     "Hanno detto che non intendono ascoltare il tribunale.",
     "They said they do not intend to listen to the court.", []),
    ("going-to-dropped", "They said: we are not going to listen to the court.",
     "Hanno detto che ascolteranno il tribunale.", "They said they will listen to the court.",
     [("ascolteranno", "critical", "non ascolteranno")]),
    # a negative quantifier on the subject negates the clause: «tutti» asserts what "none" denies; the
    # Italian's «nessuno» may stand many words before the verb
    ("quantifier-subject-flipped", "None of the board members voted against the decision.",
     "Tutti i membri del consiglio hanno votato contro la decisione.",
     "All the board members voted against the decision.", [("hanno votato", "critical", None)]),
    ("quantifier-subject-kept", "None of the board members voted against the decision.",
     "Nessuno dei membri del consiglio di amministrazione della banca ha votato contro la decisione.",
     "None of the members of the bank's board of directors voted against the decision.", []),
    ("no-one-flipped", "No one was injured in the fire.", "Due persone sono rimaste ferite nell'incendio.",
     "Two people were injured in the fire.", [("ferite", "critical", None)]),
    ("no-one-kept", "No one was injured in the fire.", "Nell'incendio non è rimasto ferito nessuno.",
     "No one was injured in the fire.", []),
    # on an object the negation may be the object's alone: "promised no new taxes" is «ha promesso di non
    # introdurre nuove tasse», the promise itself asserted
    ("quantifier-object", "The mayor promised no new taxes.",
     "Il sindaco ha promesso di non introdurre nuove tasse.",
     "The mayor promised not to introduce new taxes.", []),
    # a noun the source denies with "no" and the Italian affirms: the finding is on the Italian noun
    ("object-denied-flipped", "The inspectors found no problems with the new bridge.",
     "Gli ispettori hanno trovato problemi con il nuovo ponte.",
     "The inspectors found problems with the new bridge.", [("problemi", "critical", None)]),
    ("existential-denied-flipped", "There are no plans to close the hospital, the minister said.",
     "Ci sono piani per chiudere l'ospedale, ha detto il ministro.",
     "There are plans to close the hospital, the minister said.", [("piani", "critical", None)]),
    ("object-denied-kept", "The inspectors found no problems with the new bridge.",
     "Gli ispettori non hanno trovato alcun problema con il nuovo ponte.",
     "The inspectors did not find any problems with the new bridge.", []),
    # the denied noun said twice: the Italian word found may render the other mention, here the affirmed one
    ("mentioned-twice", "The audit found no fraud, although fraud had been suspected for years.",
     "Nessuna irregolarità è emersa dall'audit, anche se da anni si sospettavano frodi.",
     "No irregularity emerged from the audit, although fraud had been suspected for years.", []),
    # colloquial negative concord: "don't need no permits" negates once, and the verb carries it, even where
    # the Italian's «non» stands far from the noun
    ("negative-concord", "The builders said they don't need no permits for the shed.",
     "I costruttori hanno detto di non avere, per il piccolo capanno in giardino, bisogno di permessi.",
     "The builders said they do not have, for the small shed in the garden, need of permits.", []),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_polarity(source: str, italian: str, bt: str | None, expected: list[tuple[str, str, str | None]]) -> None:
    found = run_pair("polarity", source, italian, bt or None)
    assert [(f.text, f.severity.value, f.suggestion) for f in found] == expected
    assert all(f.category.value == "mistranslation" and f.evidence.source == source for f in found)
