"""Coverage-guided fuzzing (atheris) of what reads untrusted input: the byte decoder, every
registered reader (text, html, jsonl, csv), the normaliser and the number and date parsers.

Each input must give a result or an InputError, never another exception; the normaliser's
offsets must map back into the original. Run bounded, e.g.

    PYTHONPATH=src python tests/fuzz/fuzz_readers.py -runs=2000 -max_len=4096 [CORPUS_DIR]

(libFuzzer flags; without -runs it runs until it finds a crash). tests/fuzz/test_fuzz.py
runs it bounded and skips when atheris is not installed (it is in the dev extra).
"""

from __future__ import annotations

import logging
import sys
from datetime import date

import atheris

with atheris.instrument_imports():
    from cronica.documents import registry
    from cronica.documents.fields import ReadOptions
    from cronica.documents.normalise import normalise, to_original
    from cronica.documents.raw import decode
    from cronica.record import Document, InputError
    from cronica.resolve.numbers import find_numbers, parse_number
    from cronica.resolve.time import find_times, resolve_time

LANGS = ("es", "en")
FORMATS = ("text", "html", "jsonl", "csv")
OPTIONS = ReadOptions()
ANCHOR = date(2016, 12, 13)


def _read(data: bytes) -> None:
    try:
        text = decode(data, "fuzz")
    except InputError:
        return
    for name in FORMATS:
        reader = registry.reader(name)
        assert reader is not None
        for item in reader.read(text, "fuzz", None, OPTIONS):
            assert isinstance(item, Document | InputError)


def _parse(text: str, lang: str) -> None:
    norm = normalise(text)
    assert len(norm.offsets) == len(norm.clean) + 1 and norm.offsets[-1] == len(text)
    if norm.clean:
        start, end = to_original(norm, 0, len(norm.clean))
        assert 0 <= start <= end <= len(text)
    parse_number(text, lang)
    for number in find_numbers(text, lang):
        assert 0 <= number.start <= number.end <= len(text)
    for mention in find_times(text, lang):
        resolve_time(mention, ANCHOR, None)


def one_input(data: bytes) -> None:
    if not data:
        return
    fdp = atheris.FuzzedDataProvider(data)
    choice = fdp.ConsumeIntInRange(0, 2)
    if choice == 0:
        _read(fdp.ConsumeBytes(fdp.remaining_bytes()))
    else:
        _parse(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()), LANGS[choice - 1])


def main() -> None:
    logging.disable(logging.WARNING)  # "decoded as cp1252" for every other input
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
