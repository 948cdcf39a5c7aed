"""models.txt parsing, model resolution (local folder → HF cache → error) and CTranslate2 conversion."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from backcheck.errors import BackcheckError
from backcheck.knowledge.models import (
    BUILTIN_MODELS_TXT,
    ModelSpec,
    ct2_dir,
    load_models,
    lookup,
    models_file,
    parse_models,
    pull_model,
    resolve_model,
)

SHA = "a" * 40


@pytest.mark.parametrize(
    "text, expected",
    [
        ("x  org/m  main  it-en\n", [ModelSpec("x", "org/m", "main", "it-en")]),
        (f"# comment\n\ny org/n {SHA} en-it  # trailing\n", [ModelSpec("y", "org/n", SHA, "en-it")]),
        ("", []),
    ],
    ids=["main", "sha-and-comments", "empty"],
)
def test_parse_models(text: str, expected: list[ModelSpec]) -> None:
    assert parse_models(text) == expected


@pytest.mark.parametrize(
    "line, needle",
    [
        ("x org/m main", "expected 4 fields"),
        ("x org/m main fr-en", "unknown role"),
        ("x org/m abc123 it-en", "not a 40-hex commit"),
    ],
    ids=["fields", "role", "revision"],
)
def test_parse_models_errors_name_the_line(line: str, needle: str) -> None:
    with pytest.raises(BackcheckError, match=needle) as exc:
        parse_models("# header\n" + line, "models.txt")
    assert "models.txt:2" in str(exc.value)


def test_repo_models_txt_matches_builtin_copy() -> None:
    path = models_file()
    assert path is not None and path.name == "models.txt"
    assert parse_models(path.read_text(encoding="utf-8")) == parse_models(BUILTIN_MODELS_TXT)
    roles = {m.role for m in load_models()}
    assert roles == {"it-en", "en-it"}


@pytest.mark.parametrize(
    "arg, hub_id",
    [(None, "Helsinki-NLP/opus-mt-it-en"), ("it-en", "Helsinki-NLP/opus-mt-it-en"),
     ("en-it", "Helsinki-NLP/opus-mt-en-it"), ("Helsinki-NLP/opus-mt-it-en", "Helsinki-NLP/opus-mt-it-en"),
     ("org/other-model", "org/other-model")],
    ids=["default", "name", "name-en-it", "hub-id-in-models-txt", "other-hub-id"],
)
def test_lookup_hub_models(arg: str | None, hub_id: str) -> None:
    spec = lookup(arg)
    assert isinstance(spec, ModelSpec) and spec.hub_id == hub_id


@pytest.mark.parametrize("arg, needle", [("nonsense", "unknown model"), ("./no/such/folder", "not found")],
                         ids=["unknown-name", "missing-folder"])
def test_lookup_errors(arg: str, needle: str) -> None:
    with pytest.raises(BackcheckError, match=needle):
        lookup(arg)


def test_local_folder_resolves_without_cache(tiny_marian: Path, isolated_caches: Path) -> None:
    r = resolve_model(str(tiny_marian))
    assert r.source == "local" and r.path == tiny_marian.resolve()
    assert r.revision.startswith("local-") and r.to_dict()["path"] == str(tiny_marian.resolve())


def test_folder_without_config_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(BackcheckError, match="not a model folder"):
        resolve_model(str(tmp_path))


def _hf_cache_copy(src: Path, hf_home: Path, repo: str, revision: str) -> Path:
    """Lay a model out as the Hugging Face cache does: models--org--name/{refs/main,snapshots/<sha>}."""
    sha = revision if revision != "main" else "b" * 40
    repo_dir = hf_home / "hub" / ("models--" + repo.replace("/", "--"))
    snap = repo_dir / "snapshots" / sha
    shutil.copytree(src, snap)
    (repo_dir / "refs").mkdir(parents=True)
    (repo_dir / "refs" / "main").write_text(sha)
    return snap


@pytest.mark.parametrize("name", ["it-en", "en-it"], ids=["revision-main", "pinned-sha"])
def test_hf_cache_resolution(name: str, tiny_marian: Path, isolated_caches: Path) -> None:
    spec = next(s for s in load_models() if s.name == name)
    snap = _hf_cache_copy(tiny_marian, isolated_caches / "hf", spec.hub_id, spec.revision)
    r = resolve_model(name)
    assert r.source == "hf-cache" and r.path == snap and r.hub_id == spec.hub_id
    assert len(r.revision) == 40  # "main" is recorded as the commit it points to


def test_missing_model_names_pull_and_model_path(isolated_caches: Path) -> None:
    with pytest.raises(BackcheckError) as exc:
        resolve_model("it-en")
    msg = str(exc.value)
    assert "backcheck models pull it-en" in msg and "--model PATH" in msg and "\n" not in msg


def test_pull_refuses_offline(isolated_caches: Path) -> None:
    with pytest.raises(BackcheckError, match="HF_HUB_OFFLINE"):
        pull_model("it-en")


@pytest.mark.slow
def test_convert_once_then_skip_then_force(tiny_marian: Path, isolated_caches: Path) -> None:
    from backcheck.translate.ctranslate2_engine import convert_model

    r = resolve_model(str(tiny_marian))
    out = convert_model(r, "int8")
    assert out == ct2_dir(r, "int8") and (out / "model.bin").is_file()
    assert out.name == f"{r.name}-{r.revision[:12]}-int8"
    stamp = (out / "model.bin").stat().st_mtime_ns
    assert convert_model(r, "int8") == out and (out / "model.bin").stat().st_mtime_ns == stamp
    convert_model(r, "int8", force=True)
    assert (out / "model.bin").is_file()
    assert not [p for p in out.parent.iterdir() if p != out]  # no temporary folders left


def test_convert_rejects_unknown_quantization(tiny_marian: Path) -> None:
    from backcheck.translate.ctranslate2_engine import convert_model

    with pytest.raises(BackcheckError, match="quantization"):
        convert_model(resolve_model(str(tiny_marian)), "int3")
