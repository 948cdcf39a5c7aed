"""``scripts/install-torch.sh`` (``make install``): torch's CPU build from PyTorch's CPU index, else the
configured index (issue #18).

The first test runs the script with the real pip against an index that cannot be reached (a closed
port on this machine) and a local index standing in for the configured one, with a tiny wheel built
here in place of torch; the others run it with a stand-in ``python`` that records how pip was called.
"""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "install-torch.sh"
UNREACHABLE = "http://127.0.0.1:9/simple"  # the discard port: nothing listens, the connection is refused


def _wheel(folder: Path, name: str, version: str) -> Path:
    """A minimal pure-Python wheel with one module (``import <name>`` gives ``VERSION``)."""
    files = {
        f"{name}/__init__.py": f"VERSION = {version!r}\n",
        f"{name}-{version}.dist-info/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        f"{name}-{version}.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
                                              "Tag: py3-none-any\n",
    }
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(text.encode())}")
    record.append(f"{name}-{version}.dist-info/RECORD,,")
    files[f"{name}-{version}.dist-info/RECORD"] = "\n".join(record) + "\n"
    path = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as zf:
        for name_in_zip, text in files.items():
            zf.writestr(name_in_zip, text)
    return path


def _isolated_pip_env(tmp_path: Path) -> dict[str, str]:
    """This machine's pip settings left out: no configuration files and no PIP_* variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_CACHE_DIR="1")
    return env


def test_unreachable_cpu_index_falls_back_to_the_configured_index(tmp_path: Path) -> None:
    simple = tmp_path / "simple" / "bcfake"
    simple.mkdir(parents=True)
    wheel = _wheel(simple, "bcfake", "1.0")
    (simple / "index.html").write_text(f'<a href="{wheel.name}">{wheel.name}</a>\n', encoding="utf-8")
    target = tmp_path / "target"
    env = _isolated_pip_env(tmp_path)
    # the configured index (a local folder); the CPU index given on the command line wins over it
    env.update(PIP_INDEX_URL=(tmp_path / "simple").as_uri(), PIP_TARGET=str(target), PYTHONPATH=str(target))
    done = subprocess.run(["sh", str(SCRIPT), sys.executable, "bcfake", "1.0", UNREACHABLE], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (target / "bcfake" / "__init__.py").read_text(encoding="utf-8") == "VERSION = '1.0'\n"
    # the failed first try is one line naming the index and the fallback, none of pip's own output
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert done.stderr.startswith(f"bcfake: no 1.0+cpu wheel from {UNREACHABLE} (")
    assert done.stderr.rstrip().endswith("installing bcfake==1.0 from the configured index")
    assert done.stdout == "bcfake 1.0 installed\n"


def _stub(tmp_path: Path, *, cpu_index_works: bool, cuda: bool = False) -> Path:
    """A ``python`` that logs each ``-m pip`` call and answers like pip."""
    log = tmp_path / "calls.log"
    stub = tmp_path / "python"
    stub.write_text(f"""#!/bin/sh
echo "$*" >> {log}
case "$*" in
  *"--index-url"*) {'exit 0' if cpu_index_works else 'echo "ERROR: Could not find a version" >&2; exit 1'} ;;
  *" show "*) echo "Name: torch"; echo "Version: 2.13.0{'+cpu' if cpu_index_works else ''}" ;;
  *" list"*) {'echo "nvidia-cublas-cu12 12.8.4.1"' if cuda else 'echo "torch 2.13.0"'} ;;
esac
exit 0
""", encoding="utf-8")
    stub.chmod(0o755)
    return stub


@pytest.mark.parametrize("cpu_index_works", [True, False], ids=["cpu-index", "fallback"])
def test_pip_calls(tmp_path: Path, cpu_index_works: bool) -> None:
    stub = _stub(tmp_path, cpu_index_works=cpu_index_works)
    done = subprocess.run(["sh", str(SCRIPT), str(stub), "torch", "2.13.0", "https://download.pytorch.org/whl/cpu"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    installs = [c for c in (tmp_path / "calls.log").read_text().splitlines() if " install " in c]
    # the first try: the CPU build only, PyTorch's index, one quick attempt (no retry loop)
    assert installs[0] == ("-m pip install --quiet --retries 0 --timeout 5 --index-url "
                           "https://download.pytorch.org/whl/cpu torch==2.13.0+cpu")
    if cpu_index_works:
        assert installs[1:] == [] and done.stderr == ""
        assert done.stdout == "torch 2.13.0+cpu installed\n"
    else:
        assert installs[1:] == ["-m pip install --quiet torch==2.13.0"]  # pip's own settings, retries included
        assert done.stderr == ("torch: no 2.13.0+cpu wheel from https://download.pytorch.org/whl/cpu (ERROR: Could "
                               "not find a version); installing torch==2.13.0 from the configured index\n")


def test_cuda_build_is_reported(tmp_path: Path) -> None:
    stub = _stub(tmp_path, cpu_index_works=False, cuda=True)
    done = subprocess.run(["sh", str(SCRIPT), str(stub), "torch", "2.13.0", "https://download.pytorch.org/whl/cpu"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "warning: torch 2.13.0 came with CUDA libraries" in done.stderr


def test_failed_fallback_fails(tmp_path: Path) -> None:
    stub = tmp_path / "python"
    stub.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    stub.chmod(0o755)
    done = subprocess.run(["sh", str(SCRIPT), str(stub), "torch", "2.13.0", UNREACHABLE],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
