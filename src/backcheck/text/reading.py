"""Reading user text files with errors that say what was wrong and how to fix it.

UTF-8 is read exactly as stored (a UTF-8 BOM stays in the text as U+FEFF, so offsets match the file);
UTF-16 and UTF-32 with a byte-order mark are decoded (offsets are then into the decoded text); ``-``
reads standard input.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import BackcheckError

BINARY_SNIFF_BYTES = 8192
STDIN = "-"
# Longest BOM first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)


def _convert_hint(where: str, encoding: str) -> str:
    return f"convert it first, e.g. iconv -f {encoding} -t utf-8 {where} > fixed.txt"


def _decode_wide(data: bytes, where: str) -> str | None:
    """Decode UTF-16/32 announced by a BOM (the BOM dropped); None when there is no such BOM."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise BackcheckError(
                    f"{where}: starts with a {name} byte-order mark but is not valid {name} "
                    f"(byte {exc.start + len(bom)}: {exc.reason})",
                    _convert_hint(where, codec.upper())) from None
    return None


def _looks_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:BINARY_SNIFF_BYTES]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "UTF-16LE"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "UTF-16BE"
    return None


def _single_byte_guess(data: bytes) -> str:
    """The single-byte encoding a non-UTF-8 file most likely is: Windows-1252 when it holds bytes 0x80–0x9F
    (curly quotes, dashes, the euro sign in Windows-1252; invisible control codes in Latin-1, so a
    Latin-1 conversion would keep them as garbage), else Latin-1."""
    return "cp1252" if any(0x80 <= b <= 0x9F for b in data) else "latin1"


def decode_text(data: bytes, where: str, *, allow_empty: bool = False) -> str:
    """Decode UTF-8 bytes exactly (no newline or BOM rewriting, so offsets match the file), or UTF-16/32
    with a BOM; reject binary, other encodings and empty input with a message naming the fix."""
    text = _decode_wide(data, where)
    if text is None:
        if b"\x00" in data[:BINARY_SNIFF_BYTES]:
            wide = _looks_utf16_without_bom(data)
            if wide:
                raise BackcheckError(f"{where}: looks like {wide} text without a byte-order mark, not UTF-8",
                                     _convert_hint(where, wide))
            raise BackcheckError(f"{where}: looks like a binary file (NUL bytes), not UTF-8 text",
                                 "pass a plain-text .txt file")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise BackcheckError(
                f"{where}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line})",
                _convert_hint(where, _single_byte_guess(data)),
            ) from None
    if "\x00" in text[:BINARY_SNIFF_BYTES]:
        raise BackcheckError(f"{where}: contains NUL characters, not plain text", "pass a plain-text .txt file")
    if not allow_empty and not text.strip("\ufeff \t\r\n\f\v"):
        raise BackcheckError(f"{where}: file is empty", "give a file with text in it")
    return text


def read_stdin_bytes() -> bytes:
    import sys

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise BackcheckError("standard input is not readable as bytes", "pass a file path instead of -")
    data = stream.read()
    return data if isinstance(data, bytes) else data.encode("utf-8")


def read_text(path: str | Path, *, what: str = "file", allow_empty: bool = False,
              max_bytes: int | None = None) -> str:
    """Read a text file (``-``: standard input); character offsets into the result are offsets into the
    file. ``max_bytes`` refuses bigger files before reading them."""
    from .limits import too_big

    if str(path) == STDIN:
        data = read_stdin_bytes()
        if max_bytes is not None and len(data) > max_bytes:
            raise too_big(f"{what} on standard input", len(data), max_bytes)
        return decode_text(data, f"{what} (standard input)", allow_empty=allow_empty)
    p = Path(path)
    if not p.exists():
        raise BackcheckError(f"{what} not found: {p}", "check the path")
    if p.is_dir():
        raise BackcheckError(f"{what} is a folder, not a file: {p}", "give the path of a .txt file")
    try:
        if max_bytes is not None and p.is_file() and p.stat().st_size > max_bytes:
            raise too_big(f"{what} {p}", p.stat().st_size, max_bytes)
        with open(p, "rb") as f:
            data = f.read() if max_bytes is None else f.read(max_bytes + 1)
    except OSError as exc:
        raise BackcheckError(f"cannot read {what} {p}: {exc.strerror}", "check its permissions") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise too_big(f"{what} {p}", len(data), max_bytes)
    return decode_text(data, str(p), allow_empty=allow_empty)
