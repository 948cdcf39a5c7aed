"""The atomic writer and the terminal filter, as tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from backcheck.errors import BackcheckError
from backcheck.report.terminal import printable
from backcheck.text.outputs import check_writable, write_text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain text\nnext line\tTab", "plain text\nnext line\tTab"),
        ("a\x1b[2Jb", "a\u241b[2Jb"),
        ("osc \x1b]8;;http://x\x07link", "osc \u241b]8;;http://x\u2407link"),
        ("crlf\r\n", "crlf \n"),
        ("c1 \x9b31m", "c1 \ufffd31m"),
        ("bidi \u202eevil\u2069", "bidi \ufffdevil\ufffd"),
        ("del \x7f", "del \u2421"),
    ],
    ids=["untouched", "csi", "osc-link", "carriage-return", "c1-csi", "bidi-override", "del"],
)
def test_printable_makes_controls_visible_one_for_one(text: str, shown: str) -> None:
    assert printable(text) == shown
    assert len(printable(text)) == len(text)


def test_write_text_replaces_atomically_and_keeps_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "report.txt"
    write_text(target, "first")
    write_text(target, "second")
    assert target.read_text() == "second"
    assert [p.name for p in target.parent.iterdir()] == ["report.txt"]


def test_write_text_through_a_symlink_writes_the_target(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_devices_are_written_in_place() -> None:
    check_writable(Path("/dev/null"))
    write_text(Path("/dev/null"), "nothing")
    assert Path("/dev/null").exists() and not Path("/dev/null").is_file()


@pytest.mark.parametrize("make", [lambda p: p, lambda p: p / "file.txt" / "under.json"], ids=["folder", "under-file"])
def test_unwritable_targets_are_backcheck_errors(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(BackcheckError, match="cannot write"):
        check_writable(make(tmp_path), "report")
    with pytest.raises(BackcheckError, match="cannot write"):
        write_text(make(tmp_path), "x", "report")
