"""reversal: the back-translation reads an antonym or the converse of a source word, through the
production path (alignment, word alignment, the check, the rule judge).

The sentence pairs are invented for this test. Each expected value is a bilingual reading: a finding
exactly when the Italian says the opposite of the source word (WordNet antonyms: open/close, buy/sell)
or its converse (lang/data/converses.tsv: receive/donate), on the Italian word that does.
"""

from __future__ import annotations

import pytest

from _checkutil import run_pair

# (id, source, Italian, back-translation, expected [(span, severity)])
CASES = [
    ("antonym-verb", "The museum will open on Monday after the repairs.", "Il museo chiuderà lunedì dopo i lavori.",
     "The museum will close on Monday after the repairs.", [("chiuderà", "critical")]),
    ("antonym-buy-sell", "The club sold its striker to a Spanish team.",
     "Il club ha comprato il suo attaccante da una squadra spagnola.",
     "The club bought its striker from a Spanish team.", [("comprato", "critical")]),
    # an irregular past whose context-free lemma is another word: "rose" is "rise" (not the flower),
    # whose WordNet antonym is "fall"
    ("antonym-irregular-past", "The euro rose against the dollar after the data were published.",
     "L'euro è sceso rispetto al dollaro dopo la pubblicazione dei dati.",
     "The euro fell against the dollar after the publication of the data.", [("sceso", "critical")]),
    ("antonym-irregular-past-kept", "The euro rose against the dollar after the data were published.",
     "L'euro è salito rispetto al dollaro dopo la pubblicazione dei dati.",
     "The euro rose against the dollar after the publication of the data.", []),
    # antonyms sense by sense: "gain", in the sense it shares with "profit", is opposed to "lose"; "fall"
    # and "increase" through "fall"'s sense with "decrease" (WordNet); "go down" is what "fall" means
    ("antonym-by-sense-gain", "Frankfurt's Dax gained 0.3% on Friday.",
     "Il Dax di Francoforte ha perso lo 0,3% venerdì.",
     "Frankfurt's Dax lost 0.3% on Friday.", [("perso", "critical")]),
    ("antonym-by-sense-fall", "Oil prices fell for a third day.",
     "I prezzi del petrolio sono aumentati per il terzo giorno.",
     "Oil prices increased for the third day.", [("aumentati", "critical")]),
    ("paraphrase-go-down", "Oil prices fell for a third day.",
     "I prezzi del petrolio sono scesi per il terzo giorno.",
     "Oil prices went down for the third day.", []),
    # the clause is reordered around the converse verb: who gives and who gets is swapped
    ("converse-reordered", "The patient thanked the cousin whose kidney she will receive in spring.",
     "La paziente ha ringraziato la cugina a cui donerà il suo rene in primavera.",
     "The patient thanked the cousin to whom she will donate her kidney in spring.", [("donerà", "critical")]),
    # the reversing prefix is lost: "unvaccinated" read as "vaccinated", a pair WordNet does not list as
    # antonyms (Quirk et al., A Comprehensive Grammar, App. I.21: un- negates an adjective)
    ("prefix-dropped", "Most of the patients admitted this week were unvaccinated, the hospital said.",
     "La maggior parte dei pazienti ricoverati questa settimana era vaccinata, ha detto l'ospedale.",
     "Most of the patients admitted this week were vaccinated, the hospital said.", [("vaccinata", "critical")]),
    # the prefix is lost and the word read is a synonym of what remains: "untrained" read as "skilled"
    # (WordNet: "skilled" is similar to "trained"; MiniLM puts it nearer "trained" than "untrained")
    ("prefix-dropped-synonym", "The report found that most of the volunteers were untrained.",
     "Il rapporto ha rilevato che la maggior parte dei volontari era qualificata.",
     "The report found that most of the volunteers were skilled.", [("qualificata", "critical")]),
    # "found" is a meaning of "discovered", not of "covered": no prefix was lost
    ("prefix-word-not-stem", "Police discovered the car near the river on Sunday.",
     "La polizia ha trovato l'auto vicino al fiume domenica.",
     "Police found the car near the river on Sunday.", []),
    # the Italian says the prefix its own way: «senza annuncio» for "unannounced"
    ("prefix-said-with-senza", "The inspectors arrived unannounced at the plant on Tuesday.",
     "Gli ispettori sono arrivati senza annuncio allo stabilimento martedì.",
     "The inspectors arrived without announcement at the plant on Tuesday.", []),
    # the nouns WordNet opposes, where the lemmatiser reads one as a verb ("opening" as "open")
    ("antonym-nouns-as-written", "The opening of the new bridge drew large crowds.",
     "La chiusura del nuovo ponte ha attirato grandi folle.",
     "The closing of the new bridge drew large crowds.", [("chiusura", "critical")]),
    # indirect antonymy (Fellbaum, WordNet ch. 1): "reduce" is a way to "decrease", the antonym of
    # "increase"; "reopen" a way to "open", the antonym of "close"
    ("antonym-indirect-troponym-read", "The council voted to increase the tax on tourists.",
     "Il consiglio ha votato per ridurre la tassa sui turisti.",
     "The council voted to reduce the tax on tourists.", [("ridurre", "critical")]),
    ("antonym-indirect-troponym-source", "The airport reopened on Monday after the storm.",
     "L'aeroporto ha chiuso lunedì dopo la tempesta.",
     "The airport closed on Monday after the storm.", [("chiuso", "critical")]),
    ("antonym-indirect-kept", "The council voted to cut the tax on tourists.",
     "Il consiglio ha votato per ridurre la tassa sui turisti.",
     "The council voted to reduce the tax on tourists.", []),
    # an adjective similar to the antonym: "huge", like "large", against "small"
    ("antonym-indirect-similar-adjective", "A small group of protesters gathered outside the court.",
     "Un enorme gruppo di manifestanti si è radunato davanti al tribunale.",
     "A huge group of protesters gathered outside the court.", [("enorme", "critical")]),
    # the opposite word read renders another word of the source: the alignment paired the wrong two
    ("opposite-renders-another-source-word", "The new railway will carry freight eastwards and westwards.",
     "La nuova ferrovia porterà merci a est e a ovest.", "The new railway will carry goods east and west.", []),
    # a state moved in time (lang/aspect.py): what goes on read as ended, what has not begun read as ended
    ("aspect-still-read-as-ended", "The old mill still grinds flour for the village.",
     "Il vecchio mulino non macina più farina per il paese.",
     "The old mill no longer grinds flour for the village.", [("non macina più", "critical")]),
    ("aspect-not-yet-read-as-ended", "The new ferry has not yet entered service.",
     "Il nuovo traghetto non è più in servizio.", "The new ferry is no longer in service.",
     [("non è più", "critical")]),
    ("aspect-ended-read-as-going-on", "The old mill no longer grinds flour for the village.",
     "Il vecchio mulino macina ancora farina per il paese.",
     "The old mill still grinds flour for the village.", [("ancora", "critical")]),
    ("aspect-kept", "The new ferry has not yet entered service.", "Il nuovo traghetto non è ancora in servizio.",
     "The new ferry is not yet in service.", []),
    # the back-translation drifted: the Italian says "not yet" («non … ancora»)
    ("aspect-back-translation-drift", "The new ferry has not yet entered service.",
     "Il nuovo traghetto non è ancora in servizio.", "The new ferry is no longer in service.", []),
    # one side negated: a negated antonym says the same ("did not attend" as "skipped", "failed" as "did
    # not manage")
    ("negated-antonym-restates", "The senator did not attend the hearing.", "Il senatore ha disertato l'udienza.",
     "The senator skipped the hearing.", []),
    ("implicative-restated", "Rescuers failed to reach the stranded climbers before dark.",
     "I soccorritori non sono riusciti a raggiungere gli alpinisti bloccati prima del buio.",
     "Rescuers did not manage to reach the stranded climbers before dark.", []),
    # the other end of a closed-class pair (lang/aspect.OPPOSED), which the word alignment's gaps never hold
    ("opposed-function-words", "The referendum was held before the summit in Rome.",
     "Il referendum si è tenuto dopo il vertice di Roma.", "The referendum was held after the summit in Rome.",
     [("dopo", "critical")]),
    ("opposed-function-words-kept", "The referendum was held before the summit in Rome.",
     "Il referendum si è tenuto prima del vertice di Roma.", "The referendum was held before the summit in Rome.",
     []),
    # a light verb's object carries the meaning: "takes a turn" is no taking that "offers" reverses
    ("light-verb", "The story takes a dark turn in the second act.",
     "La storia offre una svolta cupa nel secondo atto.",
     "The story offers a dark twist in the second act.", []),
    # a converse pair WordNet also puts in one synset ("learn" in the sense "teach") is still a converse:
    # the word alignment must not link the two as one meaning
    ("converse-wordnet-synonym", "She taught the new recruits how to fly.",
     "Ha imparato dalle nuove reclute a pilotare.",
     "She learned from the new recruits how to fly.", [("imparato", "critical")]),
    ("converse-kept", "She taught history at a school in Rome.", "Ha insegnato storia in una scuola di Roma.",
     "She taught history at a school in Rome.", []),
    ("same-meaning", "The museum will open on Monday after the repairs.", "Il museo aprirà lunedì dopo i lavori.",
     "The museum will open on Monday after the repairs.", []),
    # "quite a few" is not the opposite of "many": a multiword expression keeps its own meaning
    ("expression", "He received quite a few offers from abroad.", "Ha ricevuto molte offerte dall'estero.",
     "He received many offers from abroad.", []),
    # the back-translation drifted: the Italian itself says "rise" («aumenteranno»)
    ("back-translation-drift", "Prices will rise next year, the bank said.",
     "I prezzi aumenteranno l'anno prossimo, ha detto la banca.", "Prices will fall next year, the bank said.", []),
]


@pytest.mark.parametrize(("source", "italian", "bt", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_reversal(source: str, italian: str, bt: str, expected: list[tuple[str, str]]) -> None:
    found = run_pair("reversal", source, italian, bt)
    assert [(f.text, f.severity.value) for f in found] == expected
    assert all(f.category.value == "mistranslation" and f.evidence.source == source for f in found)


@pytest.mark.parametrize(("source", "read", "expected"), [
    ("unvaccinated", "vaccinated", "un"), ("nonbinding", "binding", "non"), ("disappear", "appear", "dis"),
    ("antigovernment", "government", "anti"), ("unless", "less", None), ("understand", "stand", None),
    ("display", "play", None), ("unvaccinated", "unvaccinated", None),
])
def test_dropped_prefix(source: str, read: str, expected: str | None) -> None:
    """Origin: Quirk et al. App. I.21-25 (negative and reversative prefixes); a remnant shorter than five
    letters ("less", "stand", "play") is no word the prefix was taken from."""
    from backcheck.checks.reversal import dropped_prefix

    assert dropped_prefix(source, read) == expected


@pytest.mark.parametrize(("source", "read", "expected"), [
    ("deconfliction", "confrontation", ("de", "conflict")), ("untrained", "skilled", ("un", "trained")),
    ("uncertain", "sure", ("un", "certain")), ("unvaccinated", "vaccinated", ("un", "vaccinated")),
    ("discover", "find", None), ("deposit", "place", None), ("disclosed", "revealed", None),
    ("untrained", "skilled", None),
])
def test_reversed_stem(source: str, read: str, expected: tuple[str, str] | None) -> None:
    """Origin: WordNet relations of the word read to the remnant ("confrontation" and "conflict" share a
    hypernym; "sure" is a synonym of "certain"), and a reading: each expected reversal reads as the
    remnant, "find" is what "discover" means, not "cover". The last row has no embedding model: a
    related word is not taken for the remnant without it."""
    from backcheck.checks.reversal import reversed_stem
    from backcheck.knowledge import embeddings
    from backcheck.knowledge.lexicon import load_lexicon

    lex = load_lexicon()
    assert lex is not None
    with_model = expected is not None or source != "untrained"
    assert reversed_stem(lex, source, read, (lambda: embeddings) if with_model else None) == expected


# (case id, suggested fix). Origin: the source word's usual Italian verb (open «aprire», sell «vendere»,
# receive «ricevere», as any bilingual dictionary gives first) in the tense and person of the verb the
# article has; a lost prefix has no fix (MultiWordNet has no Italian for "unvaccinated").
FIXES = {"antonym-verb": "aprirà", "antonym-buy-sell": "venduto", "converse-reordered": "riceverà",
         "prefix-dropped": None}


@pytest.mark.parametrize(("case", "fix"), FIXES.items(), ids=list(FIXES))
def test_reversal_fix(case: str, fix: str | None) -> None:
    _, source, italian, bt, _expected = next(c for c in CASES if c[0] == case)
    [found] = run_pair("reversal", source, italian, bt)
    assert found.suggestion == fix
    # the message names the fix's lemma beside the source word: "the source's “sold” (vendere)"
    assert (fix is None) == ("(" not in found.message)


@pytest.mark.parametrize(("source", "read", "italian", "word", "expected"), [
    # WordNet opposes the sense of "increase" that «aumentare» renders to two senses of "decrease":
    # «diminuire» renders both (and not «calo», a noun; not «sminuire», "belittle", one sense only)
    ("decrease", "increase", "I prezzi sono aumentati molto.", "aumentati", "diminuiti"),
    # WordNet's Italian for the opposed sense of "borrow" is «prendere» alone, one of its 23 senses: too
    # general to stand for "borrow" («prendere in prestito»), so no fix
    ("borrow", "lend", "La banca ha prestato i soldi.", "prestato", None),
    # an adjective, where WordNet opposes "open" and "close" only as verbs: no fix
    ("close", "open", "Il negozio è aperto.", "aperto", None),
])
def test_render_opposite(source: str, read: str, italian: str, word: str, expected: str | None) -> None:
    from backcheck.knowledge.lexicon import load_lexicon
    from backcheck.knowledge.renderings import as_fix, render_opposite

    at = italian.index(word)
    assert as_fix(render_opposite(source, read, italian, at, at + len(word), lexicon=load_lexicon()))[0] == expected


def test_antonymous_is_the_antonym_relation() -> None:
    """The check asks only whether two words are antonyms; ``antonymous`` answers that without the
    relations after it, and must agree with ``relation`` on every pair (WordNet's antonyms, synonyms,
    unrelated and unknown words, either order, any case)."""
    import itertools

    from backcheck.knowledge.lexicon import load_lexicon
    from backcheck.knowledge.relations import antonymous, relation

    lex = load_lexicon()
    if lex is None:
        pytest.skip("needs the MultiWordNet lexicon")
    words = ["open", "close", "buy", "sell", "win", "lose", "accept", "reject", "legal", "illegal", "start",
             "begin", "finish", "Friend", "enemy", "ally", "heavy", "light", "north", "south", "xqzt", "the"]
    pairs = list(itertools.product(words, words))
    assert [antonymous(lex, a, b) for a, b in pairs] == [relation(lex, a, b) == "antonym" for a, b in pairs]
    assert antonymous(lex, "buy", "sell") and antonymous(lex, "Sell", "buy") and not antonymous(lex, "begin", "start")


def test_every_word_with_an_antonym_is_in_the_antonym_index() -> None:
    """``antonymous`` asks WordNet nothing for two words neither of which is in ``Lexicon.with_antonyms``:
    the index must hold every lemma ``antonyms`` answers with something (here every 50th English lemma
    of the lexicon and the words of the table above)."""
    from backcheck.knowledge.lexicon import load_lexicon

    lex = load_lexicon()
    if lex is None:
        pytest.skip("needs the MultiWordNet lexicon")
    lemmas = [r[0] for r in lex._db().execute("SELECT DISTINCT lemma FROM english ORDER BY lemma")][::50]
    lemmas += ["open", "close", "buy", "sell", "legal", "illegal", "heavy", "light", "north", "south"]
    with_some = [w for w in lemmas if lex.antonyms(w)]
    assert len(with_some) > 20
    assert [w for w in with_some if w.lower() not in lex.with_antonyms] == []
