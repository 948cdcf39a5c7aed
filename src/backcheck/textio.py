"""Reading user text files with errors that say what was wrong and how to fix it."""

from __future__ import annotations

from pathlib import Path

from .errors import BackcheckError

BINARY_SNIFF_BYTES = 8192


def decode_text(data: bytes, where: str, *, allow_empty: bool = False) -> str:
    """Decode UTF-8 bytes exactly (no newline or BOM rewriting, so offsets match the file), rejecting
    binary, non-UTF-8 and empty input."""
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise BackcheckError(f"{where}: looks like a binary file (NUL bytes), not UTF-8 text",
                             "pass a plain-text .txt file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BackcheckError(
            f"{where}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line})",
            f"convert it first, e.g. iconv -f latin1 -t utf-8 {where} > fixed.txt",
        ) from None
    if not allow_empty and not text.strip():
        raise BackcheckError(f"{where}: file is empty", "give a file with text in it")
    return text


def read_text(path: str | Path, *, what: str = "file", allow_empty: bool = False) -> str:
    """Read a UTF-8 text file exactly as stored; character offsets into the result are offsets into the file."""
    p = Path(path)
    if not p.exists():
        raise BackcheckError(f"{what} not found: {p}", "check the path")
    if p.is_dir():
        raise BackcheckError(f"{what} is a folder, not a file: {p}", "give the path of a .txt file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise BackcheckError(f"cannot read {what} {p}: {exc.strerror}", "check its permissions") from None
    return decode_text(data, str(p), allow_empty=allow_empty)
