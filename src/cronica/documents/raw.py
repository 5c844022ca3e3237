"""Read a whole input (file or stdin) as UTF-8 text, with whole-file checks.

Every problem is an InputError naming the input: not found, a directory, not a regular
file (a FIFO, a device, a socket: refused without opening it, so nothing blocks), over the
size limit, empty, binary (NUL bytes), or not valid UTF-8 (with byte offset, line and
column). A byte-order mark is trusted: UTF-16 and UTF-32 text with a BOM is decoded (and the
user told). Bytes that are not UTF-8 and have no BOM may be a single-byte Western file (news
sites and Windows editors still write Windows-1252 / Latin-1): the lines that are not UTF-8
are decoded when charset_normalizer finds one of SINGLE_BYTE that reads them as clean text,
and the user is told which (a file of UTF-8 and Latin-1 lines is read line by line);
anything else (random bytes) stays an error that names the input and the first bad byte.
UTF-8 text that holds mojibake (a scraper decoded it twice: "Ã©" for "é") is repaired.
"""

from __future__ import annotations

import codecs
import logging
import os
import re
import stat
import sys
from typing import BinaryIO

from cronica.record import InputError

log = logging.getLogger(__name__)

STDIN = "-"
STDIN_ID = "<stdin>"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
# Encodings a file that is not UTF-8 may be decoded as (Python codec names, preferred first),
# and the most mess (charset_normalizer's chaos: odd characters, mixed scripts) accepted.
SINGLE_BYTE = ("cp1252", "latin_1", "iso8859_15")
MOJIBAKE = re.compile("[\u00c2\u00c3][\u00a0-\u00bf]")  # "Ã©", "Â°": UTF-8 read as Latin-1
# (a C1 control after "Â" is no proof: only printable Latin-1 pairs count)
MAX_MESS = 0.1

# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


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
    """Decode UTF-8 bytes (a BOM is dropped), or UTF-16/32 ones that start with their BOM;
    raise InputError if empty, binary or invalid."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data, len(bom), codec, label, name)
    if not data.strip():
        raise InputError(name, "empty file")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(name, f"binary file, not text (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        single = single_byte(data)
        if single is not None:
            encoding, text, lines = single
            total = data.count(b"\n") + 1
            mixed = f" ({lines} of {total} lines; the others are UTF-8)" if lines < total else ""
            log.warning("%s: not UTF-8; decoded as %s (detected)%s", name, encoding, mixed)
            return text.removeprefix("\ufeff")
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        bad = data[err.start : err.start + 1].hex()
        raise InputError(
            name,
            f"not valid UTF-8: byte 0x{bad} at offset {err.start} (column {column}), nor "
            f"clean {' / '.join(SINGLE_BYTE)} text; convert the file to UTF-8",
            line,
        ) from None
    return repaired(text.removeprefix("\ufeff"), name)


def repaired(text: str, name: str) -> str:
    """UTF-8 text that was decoded once too often before it was saved ("represiÃ³n" for
    "represión", a scraper's mojibake), repaired by ftfy's encoding fix only (quotes, dashes
    and the rest as written); the user is told."""
    marks = _mojibake_marks(text)
    if not marks:  # no "Ã"/"Â" pairs: nothing a double decoding leaves (a C1 control alone
        return text  # is no proof of one)
    # Imported here: most inputs need no repair, and the import is a fifth of the CLI's.
    import ftfy

    fixed = ftfy.fix_encoding(text)
    if _mojibake_marks(fixed) >= marks:
        return text
    log.warning("%s: text encoded twice (mojibake such as 'Ã©'); repaired with ftfy", name)
    return fixed


def _mojibake_marks(text: str) -> int:
    """Pairs a double decoding of UTF-8 leaves: "Ã" or "Â" before a Latin-1 symbol or letter."""
    return len(MOJIBAKE.findall(text))


def single_byte(data: bytes) -> tuple[str, str, int] | None:
    """(encoding, text, lines in it) for bytes that are not all UTF-8: each line that is valid
    UTF-8 is read as UTF-8 (a file put together from two sources mixes them), the others in
    the one encoding of SINGLE_BYTE that charset_normalizer reads them as clean text in (a
    mess ratio of at most MAX_MESS); None when there is no such encoding."""
    from charset_normalizer import from_bytes  # only for the rare file that is not UTF-8

    lines = data.split(b"\n")
    texts: list[str | None] = []
    for line in lines:
        try:
            texts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(None)
    other = b"\n".join(line for line, text in zip(lines, texts, strict=True) if text is None)
    found = [m for m in from_bytes(other, cp_isolation=list(SINGLE_BYTE)) if m.chaos <= MAX_MESS]
    if not found:
        return None
    best = min(found, key=lambda m: (m.chaos, SINGLE_BYTE.index(m.encoding)))
    try:
        decoded = [
            line.decode(best.encoding) if text is None else text
            for line, text in zip(lines, texts, strict=True)
        ]
    except (UnicodeDecodeError, LookupError):
        return None
    return best.encoding, "\n".join(decoded), sum(1 for text in texts if text is None)


def _decode_bom(data: bytes, skip: int, codec: str, label: str, name: str) -> str:
    try:
        text = data[skip:].decode(codec)
    except UnicodeDecodeError as err:
        raise InputError(
            name, f"not valid {label} (it starts with a {label} byte-order mark): {err.reason} "
            f"at offset {skip + err.start}; convert the file to UTF-8"
        ) from None
    if not text.strip():
        raise InputError(name, "empty file")
    if "\x00" in text:
        raise InputError(name, f"binary file, not text (NUL character in {label} text)")
    log.warning("%s: %s text (byte-order mark); decoded as %s", name, label, label)
    return text


def _read_file(path: str, max_bytes: int) -> bytes:
    try:
        info = os.stat(path)
        size = info.st_size
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a directory, not a file")
        for test, kind in _KINDS:
            if test(info.st_mode):
                raise InputError(path, f"not a regular file ({kind}); give a file, or - for stdin")
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
