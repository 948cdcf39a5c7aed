"""Sentence and paragraph segmentation (document.py). Texts written for this test; expected splits
are what an Italian reader would mark."""

from __future__ import annotations

import pytest

from backcheck.text.document import paragraph_spans, segment, sentence_spans

CASES = [
    ("decimal-comma", "Il PIL è cresciuto dell'1,3 per cento. Lo ha detto il ministro.",
     ["Il PIL è cresciuto dell'1,3 per cento.", "Lo ha detto il ministro."]),
    ("thousands-dot", "Sono 1.300 i soldati. Altri 2.000 arriveranno.",
     ["Sono 1.300 i soldati.", "Altri 2.000 arriveranno."]),
    ("number-starts-sentence", "Lo ha scritto il giornale. 2.000 persone sono scese in piazza.",
     ["Lo ha scritto il giornale.", "2.000 persone sono scese in piazza."]),
    ("decimal-dot", "Il tasso è salito al 3.5 per cento. Poi è sceso.",
     ["Il tasso è salito al 3.5 per cento.", "Poi è sceso."]),
    ("year-at-end", "Tutto è cominciato nel 2022. Il resto è noto.",
     ["Tutto è cominciato nel 2022.", "Il resto è noto."]),
    ("abbreviations", "Il dott. Rossi ha parlato con il sig. Bianchi e la sig.ra Verdi. Poi è partito.",
     ["Il dott. Rossi ha parlato con il sig. Bianchi e la sig.ra Verdi.", "Poi è partito."]),
    ("initials", "Lo ha scritto J. K. Rowling. Gli U.S.A. hanno reagito.",
     ["Lo ha scritto J. K. Rowling.", "Gli U.S.A. hanno reagito."]),
    ("guillemets", "«Non ci fermeremo», ha detto. «Andremo avanti.» Poi ha lasciato la sala.",
     ["«Non ci fermeremo», ha detto.", "«Andremo avanti.»", "Poi ha lasciato la sala."]),
    ("curly-double", "“Non ci fermeremo.” Il ministro ha lasciato la sala.",
     ["“Non ci fermeremo.”", "Il ministro ha lasciato la sala."]),
    ("straight-double", '"Non ci fermeremo." Il ministro ha lasciato la sala.',
     ['"Non ci fermeremo."', "Il ministro ha lasciato la sala."]),
    ("curly-single", "‘Non ci fermeremo.’ Il ministro ha lasciato la sala.",
     ["‘Non ci fermeremo.’", "Il ministro ha lasciato la sala."]),
    ("quote-opens-next", "Ha detto: “Basta.” “Ora tocca a voi,” ha aggiunto.",
     ["Ha detto: “Basta.”", "“Ora tocca a voi,” ha aggiunto."]),
    ("question-in-quote-lowercase", "«Chi paga?» ha chiesto il sindaco. Nessuno ha risposto.",
     ["«Chi paga?» ha chiesto il sindaco.", "Nessuno ha risposto."]),
    ("question-then-dot", "Ha chiesto: «Chi paga?». La risposta è arrivata.",
     ["Ha chiesto: «Chi paga?».", "La risposta è arrivata."]),
    ("date-degree", "Il 1° marzo 2022 è iniziato tutto. Il 3 aprile sarà tardi.",
     ["Il 1° marzo 2022 è iniziato tutto.", "Il 3 aprile sarà tardi."]),
    ("elided-apostrophe", "È arrivato l’inviato dell’Onu. L’incontro è fissato.",
     ["È arrivato l’inviato dell’Onu.", "L’incontro è fissato."]),
    ("ellipsis", "Il governo... Poi è caduto.", ["Il governo...", "Poi è caduto."]),
    ("time", "La riunione è alle 10.30 di sera. Durerà un'ora.",
     ["La riunione è alle 10.30 di sera.", "Durerà un'ora."]),
    # a dash after a quoted question goes on with the sentence when a lower-case word follows it; a dash
    # or bullet before a capital starts a list item
    ("dash-after-quoted-question", 'She tested the phone - "Is this thing on?" - to check it. Then she spoke.',
     ['She tested the phone - "Is this thing on?" - to check it.', "Then she spoke."]),
    ("dash-list-items", "Tre punti. - Il primo. • Il secondo.", ["Tre punti.", "- Il primo.", "• Il secondo."]),
]


@pytest.mark.parametrize("text,expected", [(t, e) for _, t, e in CASES], ids=[c[0] for c in CASES])
def test_sentence_split(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text)] == expected


def test_offsets_point_into_the_text() -> None:
    text = "Titolo senza punto\n\n«Prima frase», ha detto. Seconda frase con 1,3 miliardi.\n\n\nUltimo.\n"
    art = segment(text)
    assert [p.text for p in art.paragraphs] == [
        "Titolo senza punto", "«Prima frase», ha detto. Seconda frase con 1,3 miliardi.", "Ultimo."]
    for s in art.sentences:
        assert text[s.start : s.end] == s.text
    assert len(art.sentences) == 4
    assert paragraph_spans("\n\n  \n") == []
