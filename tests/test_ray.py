"""``corpus --backend ray`` gives the same results, baselines, JUnit, SARIF and exit code as the local
backend, on the fixture corpus with the real checks, on a local Ray started here (``ray.init(num_cpus=2)``).
Needs the ``[ray]`` extra (``make install`` installs it, so CI runs this)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli import app
from corpus_fakes import ARTICLES

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray = pytest.importorskip("ray", reason="the [ray] extra is not installed: pip install 'backcheck[ray]'")
    ray.init(num_cpus=2, include_dashboard=False, logging_level="warning", log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()


def _run(corpus: Path, out: Path, *extra: str) -> tuple[int, dict[str, str]]:
    out.mkdir()
    args = ["corpus", str(corpus), "--engine", "none", "--json", str(out / "r.json"), "--junit",
            str(out / "junit.xml"), "--sarif", str(out / "r.sarif"), "--fail-on", "minor", *extra]
    result = runner.invoke(app, args, env={"GITHUB_ACTIONS": "", "CI": "1"})
    accept = runner.invoke(app, ["corpus", str(corpus), "--engine", "none", "--baseline", str(out / "baseline.json"),
                                 "--update-baseline", *extra], env={"GITHUB_ACTIONS": "", "CI": "1"})
    assert accept.exit_code == 0, accept.output
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())}
    # wall-clock times differ between runs, nothing else may
    files["r.json"] = json.dumps({k: v for k, v in json.loads(files["r.json"]).items() if k != "corpus"})
    files["junit.xml"] = re.sub(r' time="[^"]*"', "", files["junit.xml"])
    files["stdout"] = re.sub(r"\d+\.\d+s|\d+\.\d+ articles/s", "T", result.stdout)
    return result.exit_code, files


def test_ray_backend_matches_local(local_ray: None, tmp_path: Path) -> None:
    local_code, local = _run(ARTICLES, tmp_path / "local")
    ray_code, on_ray = _run(ARTICLES, tmp_path / "ray", "--backend", "ray", "--jobs", "2")
    assert local_code == ray_code == 1  # the fixture corpus has major findings
    assert on_ray.keys() == local.keys()
    for name in local:
        assert on_ray[name] == local[name], name
    assert json.loads(local["baseline.json"])  # not trivially equal: there are accepted findings


def test_ray_address_needs_the_ray_backend() -> None:
    result = runner.invoke(app, ["corpus", str(ARTICLES), "--ray-address", "auto"])
    assert result.exit_code == 2
    assert "--backend ray" in result.output
