"""A given back-translation: paragraph mirroring, Gale–Church sentence pairing, tokens."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcheck.errors import BackcheckError
from backcheck.text.document import segment
from backcheck.translate import pair_given
from backcheck.translate.given import pair_sentences

IT_P1 = "Il governo ha approvato la legge sul lavoro. La città di Roma è molto bella in primavera."
EN_P1 = "The government approved the labour law. The city of Rome is very beautiful in spring."


@pytest.mark.parametrize(
    "it_lengths, en_lengths, expected",
    [
        ([40, 60], [38, 62], [([0], [0]), ([1], [1])]),
        ([80], [40, 42], [([0], [0, 1])]),
        ([30, 50], [78], [([0, 1], [0])]),
        ([40, 80, 40], [41, 39, 42, 38], [([0], [0]), ([1], [1, 2]), ([2], [3])]),
        ([50], [10, 10, 10, 10, 10], [([0], [0, 1, 2, 3, 4])]),
        ([10, 10, 10, 10], [40], [([0, 1, 2, 3], [0])]),
    ],
    ids=["1-1", "1-2", "2-1", "mixed", "leftover-en-merged", "leftover-it-merged"],
)
def test_pair_sentences(it_lengths: list[int], en_lengths: list[int],
                        expected: list[tuple[list[int], list[int]]]) -> None:
    beads = pair_sentences(it_lengths, en_lengths)
    assert beads == expected
    assert [i for b in beads for i in b[0]] == list(range(len(it_lengths)))
    assert [j for b in beads for j in b[1]] == list(range(len(en_lengths)))


@pytest.mark.parametrize(
    "it, en, expected_en",
    [
        (IT_P1, EN_P1, ["The government approved the labour law.",
                        "The city of Rome is very beautiful in spring."]),
        ("Il ministro della difesa ha parlato a lungo con il segretario di Stato americano ieri sera.",
         "The defence minister spoke at length. He spoke with the US Secretary of State last night.",
         ["The defence minister spoke at length. He spoke with the US Secretary of State last night."]),
        ("Il ministro ha parlato. Il segretario ha risposto subito alle domande dei giornalisti presenti.",
         "The minister spoke and the secretary answered the journalists' questions straight away.",
         ["The minister spoke and the secretary answered the journalists' questions straight away."]),
    ],
    ids=["1-1", "1-2", "2-1"],
)
def test_pair_given_segments(it: str, en: str, expected_en: list[str]) -> None:
    article = segment("Titolo breve\n\n" + it, "article.it.txt")
    tr = pair_given(article, "Short title\n\n" + en)
    assert [s.en for s in tr.segments[1:]] == expected_en
    assert tr.segments[0].en == "Short title"
    for s in tr.segments:
        assert article.text[s.start:s.end] == s.it
        assert s.alignment is None and s.en_logprobs is None
        for t in s.it_tokens:
            assert s.it[t.start:t.end] == t.text
        for t in s.en_tokens:
            assert s.en[t.start:t.end] == t.text
    assert tr.signature["engine"] == "given"
    # every Italian sentence is in exactly one segment
    covered = [i for s in tr.segments for i, x in enumerate(article.sentences) if s.start <= x.start < s.end]
    assert covered == list(range(len(article.sentences)))


def test_paragraph_count_mismatch_names_counts_and_files() -> None:
    article = segment("Uno.\n\nDue.\n\nTre.", "article.it.txt")
    with pytest.raises(BackcheckError) as exc:
        pair_given(article, "One.\n\nTwo.", where="back.en.txt")
    msg = str(exc.value)
    assert "back.en.txt has 2 paragraphs" in msg and "article.it.txt has 3" in msg
    with pytest.raises(BackcheckError, match="has 1 paragraph but"):  # singular for one
        pair_given(article, "One. Two.", where="back.en.txt")


def test_one_line_per_paragraph_is_read_as_the_paragraphs() -> None:
    # a line-by-line export (a spreadsheet column, an MT tool's output) has no blank lines: when its lines
    # are exactly as many as the article's paragraphs, each line is its paragraph
    article = segment("Uno. Primo.\n\nDue.\n\nTre.", "article.it.txt")
    tr = pair_given(article, "One. First.\nTwo.\nThree.\n", where="back.en.txt")
    assert [s.en for s in tr.segments] == ["One.", "First.", "Two.", "Three."]
    assert [s.it for s in tr.segments] == ["Uno.", "Primo.", "Due.", "Tre."]
    with pytest.raises(BackcheckError, match="has 1 paragraph but"):  # not as many lines: not read so
        pair_given(article, "One. First.\nTwo.\n", where="back.en.txt")


@pytest.mark.slow
def test_aligner_gives_subword_tokens_logprobs_and_alignment(tiny_marian: Path, isolated_caches: Path) -> None:
    from backcheck.translate import load_translator

    aligner = load_translator("transformers", str(tiny_marian), use_cache=True)
    article = segment(IT_P1)
    tr = pair_given(article, EN_P1, aligner=aligner)
    assert len(tr.segments) == 2
    for s in tr.segments:
        assert s.alignment is not None and s.en_logprobs is not None
        assert len(s.alignment) == len(s.en_tokens) == len(s.en_logprobs)
        assert all(0 <= i < len(s.it_tokens) for i in s.alignment)
        for t in s.en_tokens:
            assert s.en[t.start:t.end] == t.text
    assert tr.signature["aligner_engine"] == "transformers"
