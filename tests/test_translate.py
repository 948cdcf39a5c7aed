"""The transformers and CTranslate2 engines on the tiny random-weight MarianMT: result structure,
order, offsets, scores, alignment, long-sentence splitting. Outputs are garbage; only structure is
asserted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backcheck.errors import BackcheckError
from backcheck.knowledge.models import resolve_model
from backcheck.text.document import segment
from backcheck.translate import ENGINES, SegmentTranslation, Translator, load_translator, model_available
from backcheck.translate import translate_article as translate_article_fn
from backcheck.translate.ctranslate2_engine import CTranslate2Translator
from backcheck.translate.marian import MarianVocab, split_spans
from backcheck.translate.transformers_engine import TransformersTranslator

pytestmark = pytest.mark.slow

SENTENCES = [
    "Il governo ha approvato la nuova legge sul lavoro, dopo mesi di trattative con i sindacati.",
    "Roma.",
    "Il ministro ha detto: «Non ci sono problemi».",
    "La città di Milano ha 1.300 nuovi cittadini.",
    "Sì!",
    "  Spazi  doppi  e caratteri strani: ﬁne Ⅻ, ù, è.",
]
LONG = ", ".join(["la città di Roma ha un nuovo sindaco"] * 40) + "."


@pytest.fixture(scope="module", params=ENGINES)
def engine(request: pytest.FixtureRequest, tiny_marian: Path,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Translator]:
    mp = pytest.MonkeyPatch()
    mp.setenv("BACKCHECK_CACHE", str(tmp_path_factory.mktemp("bc-cache")))
    model = resolve_model(str(tiny_marian))
    if request.param == "transformers":
        yield TransformersTranslator(model, batch_size=2)
    else:
        yield CTranslate2Translator(model, batch_size=2)
    mp.undo()


@pytest.fixture(scope="module")
def results(engine: Translator) -> list[SegmentTranslation]:
    return engine.translate(SENTENCES)


def test_one_result_per_sentence_in_input_order(results: list[SegmentTranslation]) -> None:
    assert [r.it for r in results] == SENTENCES
    assert [(r.start, r.end) for r in results] == [(0, len(s)) for s in SENTENCES]


def test_offsets_slice_back(results: list[SegmentTranslation]) -> None:
    for r in results:
        assert r.it_tokens and r.en_tokens
        for t in r.it_tokens:
            assert r.it[t.start:t.end] == t.text
        for t in r.en_tokens:
            assert r.en[t.start:t.end] == t.text
        starts = [t.start for t in r.it_tokens]
        assert starts == sorted(starts)


def test_source_pieces_match_the_text_without_marker(tiny_marian: Path) -> None:
    vocab = MarianVocab(tiny_marian)
    text = "Il ministro ha detto: la nuova legge."  # ASCII-only: pieces are exact substrings
    tokens, pieces, _ = vocab.source(text)
    assert [t.text for t in tokens] == [p.replace("▁", "") for p in pieces]


@pytest.mark.filterwarnings("ignore:Recommended. pip install sacremoses")
def test_source_ids_equal_marian_tokenizer(tiny_marian: Path) -> None:
    from transformers import MarianTokenizer

    tok = MarianTokenizer.from_pretrained(str(tiny_marian))
    vocab = MarianVocab(tiny_marian)
    for s in SENTENCES:
        assert vocab.source(s)[2] + [vocab.eos_id] == tok(s).input_ids


def test_scores_and_alignment_shapes(results: list[SegmentTranslation]) -> None:
    for r in results:
        assert r.en_logprobs is not None and r.alignment is not None and r.score is not None
        assert len(r.en_logprobs) == len(r.en_tokens) == len(r.alignment)
        assert all(0 <= i < len(r.it_tokens) for i in r.alignment)
        assert all(lp <= 0 for lp in r.en_logprobs)
        assert r.score == pytest.approx(sum(r.en_logprobs) / len(r.en_logprobs))


def test_batching_does_not_change_what_is_translated(engine: Translator,
                                                    results: list[SegmentTranslation]) -> None:
    single = [engine.translate([s])[0] for s in SENTENCES[:3]]
    assert [s.it_tokens for s in single] == [r.it_tokens for r in results[:3]]


def test_roundtrip_to_dict(results: list[SegmentTranslation]) -> None:
    r = results[0]
    assert SegmentTranslation.from_dict(r.to_dict()) == r


def test_signature(engine: Translator) -> None:
    sig = engine.signature()
    assert {"model", "revision", "engine", "quant", "beam", "max_length"} <= set(sig)
    assert sig["beam"] == "2"  # the tiny model's generation config


def test_long_sentence_is_split_never_truncated(engine: Translator) -> None:
    limit = engine.max_source_tokens  # type: ignore[attr-defined]
    vocab = engine.vocab  # type: ignore[attr-defined]
    assert vocab.count(LONG) > limit
    article = segment("Prima frase breve.\n\n" + LONG)
    tr = translate_article_fn(article, engine)
    long_segs = [s for s in tr.segments if s.start >= article.paragraphs[1].start]
    assert len(long_segs) > 1
    assert all(vocab.count(s.it) <= limit for s in long_segs)
    assert all(article.text[s.start:s.end] == s.it for s in tr.segments)
    # every non-space character of the long sentence is in exactly one piece
    covered = "".join(s.it for s in long_segs).replace(" ", "")
    assert covered == LONG.replace(" ", "")
    # a direct call still returns one (merged) result for the long sentence
    (merged,) = engine.translate([LONG])
    assert merged.it == LONG and merged.alignment is not None
    assert len(merged.alignment) == len(merged.en_tokens)
    assert all(0 <= i < len(merged.it_tokens) for i in merged.alignment)
    for t in merged.it_tokens:
        assert LONG[t.start:t.end] == t.text


@pytest.mark.parametrize(
    "text, limit",
    [("a, b, c, d, e, f, g, h", 3), ("nospaceatallinthisverylongword", 4), ("uno due; tre quattro", 2)],
    ids=["clauses", "no-space", "semicolon"],
)
def test_split_spans_cover_text(text: str, limit: int) -> None:
    def count(s: str) -> int:
        return max(1, len(s) // 4) if " " not in s else len(s.split())

    spans = split_spans(text, count, limit)
    assert all(count(text[a:b]) <= limit for a, b in spans)
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")


def test_translate_article_shifts_offsets(engine: Translator) -> None:
    text = "Il governo ha approvato la legge. Roma è bella.\n\nIl ministro ha detto: «Sì»."
    article = segment(text)
    calls: list[tuple[int, int]] = []
    tr = translate_article_fn(article, engine, progress=lambda d, t: calls.append((d, t)))
    assert [(s.start, s.end) for s in tr.segments] == [(s.start, s.end) for s in article.sentences]
    assert all(s.it == text[s.start:s.end] for s in tr.segments)
    assert tr.signature == engine.signature()
    assert calls[0] == (0, 3) and calls[-1] == (3, 3)


def test_engines_agree_on_structure(tiny_marian: Path, isolated_caches: Path) -> None:
    model = resolve_model(str(tiny_marian))
    a = TransformersTranslator(model).translate(SENTENCES[:2])
    b = CTranslate2Translator(model).translate(SENTENCES[:2])
    for x, y in zip(a, b, strict=True):
        assert x.it_tokens == y.it_tokens
        assert set(x.to_dict()) == set(y.to_dict())


@pytest.mark.parametrize("engine_name", [*ENGINES, "auto"])
def test_load_translator_and_model_available(engine_name: str, tiny_marian: Path,
                                             isolated_caches: Path) -> None:
    assert model_available(str(tiny_marian), engine_name)
    assert not model_available("it-en", engine_name)  # empty HF cache
    tr = load_translator(engine_name, str(tiny_marian), beam=1, use_cache=False)
    assert tr.signature()["beam"] == "1"


@pytest.mark.parametrize(
    "engine_name, model, needle",
    [("marian", None, "unknown engine"), ("transformers", "it-en", "backcheck models pull it-en"),
     ("ctranslate2", "./missing/folder", "not found")],
    ids=["bad-engine", "not-downloaded", "missing-folder"],
)
def test_load_translator_errors(engine_name: str, model: str | None, needle: str,
                                isolated_caches: Path) -> None:
    with pytest.raises(BackcheckError, match=needle):
        load_translator(engine_name, model)
