"""Shared fixtures. Tests that need ../shared skip when it is absent (a user's clone has none)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def tiny_marian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random-weight MarianMT (d_model 32, 2+2 layers, 2 heads) with real SentencePiece models,
    built once per session into a tmp folder; tests load it through the real code (``--model PATH``).
    Its translations are garbage: assert structure, not content."""
    from conftest_models import build_marian

    return build_marian(tmp_path_factory.mktemp("tiny-marian") / "opus-mt-tiny-it-en")


@pytest.fixture
def isolated_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Empty backcheck and Hugging Face caches for one test, offline (HF_HUB_OFFLINE=1)."""
    monkeypatch.setenv("BACKCHECK_CACHE", str(tmp_path / "backcheck-cache"))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return tmp_path
