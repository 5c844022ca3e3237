"""Read a whole input (file or stdin) as UTF-8 text, with whole-file checks.

Every problem is an InputError naming the input: not found, not a regular file, over the
size limit, empty, binary (NUL bytes, UTF-16/32), or not valid UTF-8 (with byte offset,
line and column). Nothing is guessed: a latin-1 file is reported, not silently decoded.
"""

from __future__ import annotations

import os
import sys
from typing import BinaryIO

from cronica.record import InputError

STDIN = "-"
STDIN_ID = "<stdin>"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff")


def source_name(path: str) -> str:
    """The name used for `path` in ids and messages ("-" is "<stdin>")."""
    return STDIN_ID if path == STDIN else path


def read_text(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the decoded text of `path` ("-" for stdin); raise InputError on any problem."""
    name = source_name(path)
    if path == STDIN:
        data = _read_limited(sys.stdin.buffer, name, max_bytes)
    else:
        data = _read_file(path, max_bytes)
    return decode(data, name)


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 bytes (a BOM is dropped); raise InputError if empty, binary or invalid."""
    if not data.strip():
        raise InputError(name, "empty file")
    if data.startswith(_UTF16_32_BOMS):
        raise InputError(name, "UTF-16/UTF-32 text is not supported; convert it to UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(name, f"binary file, not text (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        bad = data[err.start : err.start + 1].hex()
        raise InputError(
            name,
            f"not valid UTF-8: byte 0x{bad} at offset {err.start} (column {column}); "
            "convert the file to UTF-8",
            line,
        ) from None
    return text.removeprefix("\ufeff")


def _read_file(path: str, max_bytes: int) -> bytes:
    try:
        size = os.stat(path).st_size
        if os.path.isdir(path):
            raise InputError(path, "is a directory, not a file")
        if size > max_bytes:
            raise InputError(path, f"file too large ({size} bytes; limit {max_bytes})")
        with open(path, "rb") as handle:
            return _read_limited(handle, path, max_bytes)
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None


def _read_limited(handle: BinaryIO, name: str, max_bytes: int) -> bytes:
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(name, f"input too large (over the limit of {max_bytes} bytes)")
    return data
