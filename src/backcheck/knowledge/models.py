"""Which translation models backcheck uses and where their files are.

``models.txt`` pins every model (short name, hub id, revision, role). ``--model`` accepts a short name,
a hub id or a local folder, resolved in this order without ever downloading:

1. an existing local folder (``--model PATH``);
2. the Hugging Face cache (``$HF_HUB_CACHE``, else ``$HF_HOME/hub``, else ``~/.cache/huggingface/hub``),
   looked up with ``local_files_only``;
3. otherwise a :class:`~backcheck.errors.BackcheckError` naming ``backcheck models pull``.

Only :func:`pull_model` (``backcheck models pull``) talks to the network.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..defaults import DEFAULT_MODEL, default_cache_dir
from ..errors import BackcheckError

ROLES = ("it-en", "en-it")
# Used when models.txt is not beside the package (an installed wheel); tests keep it equal to the file.
BUILTIN_MODELS_TXT = """\
it-en  Helsinki-NLP/opus-mt-it-en  main                                      it-en
en-it  Helsinki-NLP/opus-mt-en-it  be5a254d936f1a8c8da080406ca582a6615e6658  en-it
"""
# Files a MarianMT checkpoint needs; the TensorFlow/Flax weights are never downloaded.
MODEL_FILES = ["*.json", "*.spm", "*.txt", "*.md"]
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
PULL_HINT = "run `backcheck models pull {name}` once with network access, or pass --model PATH to a local folder"
_SHA = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True)
class ModelSpec:
    """One models.txt line."""

    name: str
    hub_id: str
    revision: str
    role: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ResolvedModel:
    """A model found on disk. ``source`` is ``local`` (a folder given as --model) or ``hf-cache``."""

    name: str
    hub_id: str
    revision: str
    path: Path
    source: str

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["path"] = str(self.path)
        return d


def models_file() -> Path | None:
    """$BACKCHECK_MODELS, else the models.txt at the root of this checkout (None when installed)."""
    env = os.environ.get("BACKCHECK_MODELS")
    if env:
        return Path(env)
    candidate = Path(__file__).resolve().parents[3] / "models.txt"
    return candidate if candidate.is_file() else None


def parse_models(text: str, where: str = "models.txt") -> list[ModelSpec]:
    """Parse models.txt text: ``name hub-id revision role`` per line, ``#`` comments."""
    specs: list[ModelSpec] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        if len(fields) != 4:
            raise BackcheckError(f"{where}:{lineno}: expected 4 fields (name hub-id revision role), "
                                 f"got {len(fields)}", "fix the line")
        name, hub_id, revision, role = fields
        if role not in ROLES:
            raise BackcheckError(f"{where}:{lineno}: unknown role {role!r}", f"use one of {', '.join(ROLES)}")
        if revision != "main" and not _SHA.match(revision):
            raise BackcheckError(f"{where}:{lineno}: revision {revision!r} is not a 40-hex commit",
                                 "pin the full commit sha (or main)")
        specs.append(ModelSpec(name, hub_id, revision, role))
    return specs


def load_models() -> list[ModelSpec]:
    path = models_file()
    if path is None:
        return parse_models(BUILTIN_MODELS_TXT, "built-in models.txt")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BackcheckError(f"cannot read {path}: {exc.strerror}", "check $BACKCHECK_MODELS") from None
    return parse_models(text, str(path))


def hf_cache_dir() -> Path:
    """The Hugging Face hub cache, read from the environment at call time."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"])
    home = os.environ.get("HF_HOME") or str(
        Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "huggingface")
    return Path(home) / "hub"


def lookup(model: str | None) -> ModelSpec | Path:
    """What ``--model`` names: a local folder (Path) or a hub model (ModelSpec); nothing is read."""
    model = model or DEFAULT_MODEL
    path = Path(model).expanduser()
    if path.exists():
        if not path.is_dir():
            raise BackcheckError(f"--model {model}: is a file, not a model folder",
                                 "give the folder with config.json, source.spm and the weights")
        return path
    specs = load_models()
    for spec in specs:
        if model in (spec.name, spec.hub_id):
            return spec
    if model.startswith((".", "/", "~")) or model.count("/") > 1:
        raise BackcheckError(f"model folder not found: {model}", "check the --model path")
    if model.count("/") == 1:
        return ModelSpec(model.split("/")[1], model, "main", "it-en")
    names = ", ".join(s.name for s in specs)
    raise BackcheckError(f"unknown model {model!r} (models.txt names: {names})",
                         "pass a models.txt name, a hub id like Helsinki-NLP/opus-mt-it-en, or --model PATH")


def local_revision(path: Path) -> str:
    """A short fingerprint of a local model folder (config and weight sizes/times), for cache keys."""
    h = hashlib.sha256()
    for name in ("config.json", "generation_config.json", "vocab.json", *WEIGHT_FILES, "model.bin"):
        f = path / name
        if f.is_file():
            st = f.stat()
            h.update(f"{name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return "local-" + h.hexdigest()[:12]


def _check_folder(path: Path, model: str) -> None:
    if not (path / "config.json").is_file() and not (path / "model.bin").is_file():
        raise BackcheckError(f"--model {model}: {path} has no config.json, so it is not a model folder",
                             "give the folder that save_pretrained or `backcheck models path` printed")


def resolve_model(model: str | None) -> ResolvedModel:
    """Find a model on disk (local folder → HF cache); never downloads."""
    target = lookup(model)
    if isinstance(target, Path):
        _check_folder(target, str(model))
        return ResolvedModel(target.name, str(target.resolve()), local_revision(target), target.resolve(),
                             "local")
    from huggingface_hub import snapshot_download  # light: no torch

    try:
        folder = snapshot_download(target.hub_id, revision=target.revision, cache_dir=hf_cache_dir(),
                                   local_files_only=True)
    except Exception:  # LocalEntryNotFoundError and friends: anything means "not here"
        raise BackcheckError(
            f"model {target.name} ({target.hub_id}@{target.revision[:12]}) is not in the Hugging Face "
            f"cache {hf_cache_dir()}", PULL_HINT.format(name=target.name)) from None
    path = Path(str(folder))
    if not any((path / w).is_file() for w in WEIGHT_FILES):
        raise BackcheckError(f"model {target.name}: the cached copy in {path} has no weights",
                             PULL_HINT.format(name=target.name))
    revision = target.revision if target.revision != "main" else path.name
    return ResolvedModel(target.name, target.hub_id, revision, path, "hf-cache")


def pull_model(model: str | None, *, force: bool = False) -> ResolvedModel:
    """Download a model into the Hugging Face cache at its pinned revision (the only network access)."""
    target = lookup(model)
    if isinstance(target, Path):
        return resolve_model(str(target))
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on"):
        raise BackcheckError(f"cannot download {target.hub_id}: HF_HUB_OFFLINE is set",
                             "unset HF_HUB_OFFLINE, or pass --model PATH to a local folder")
    from huggingface_hub import HfApi, snapshot_download

    try:
        info = HfApi().model_info(target.hub_id, revision=target.revision)
        files = {s.rfilename for s in info.siblings or []}
        weights = next((w for w in WEIGHT_FILES if w in files), None)
        if weights is None:
            raise BackcheckError(f"{target.hub_id}@{target.revision} has no PyTorch weights",
                                 "pick another model or revision in models.txt")
        snapshot_download(target.hub_id, revision=target.revision, cache_dir=hf_cache_dir(),
                          allow_patterns=[*MODEL_FILES, weights], force_download=force)
    except BackcheckError:
        raise
    except Exception as exc:
        raise BackcheckError(f"cannot download {target.hub_id}@{target.revision}: "
                             f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}",
                             "check the network (or HF_ENDPOINT), or pass --model PATH to a local folder"
                             ) from None
    return resolve_model(target.hub_id)


def ct2_dir(resolved: ResolvedModel, quantization: str) -> Path:
    """Where the CTranslate2 copy of a model lives: <cache>/ct2/<name>-<revision>-<quantization>."""
    return default_cache_dir() / "ct2" / f"{resolved.name}-{resolved.revision[:12]}-{quantization}"


def list_models() -> list[dict[str, Any]]:
    """models.txt rows plus whether each is downloaded and where."""
    rows = []
    for spec in load_models():
        row = spec.to_dict()
        try:
            row["path"] = str(resolve_model(spec.name).path)
        except BackcheckError:
            row["path"] = None
        rows.append(row)
    return rows
