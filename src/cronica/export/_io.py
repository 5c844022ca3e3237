"""Open an export destination given as a path or as an already open stream."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any, Union

PathOrStream = Union[str, "os.PathLike[str]", IO[Any]]


@contextmanager
def open_text(target: PathOrStream, newline: str | None = None) -> Iterator[IO[str]]:
    """A text stream to write to: `target` itself if it has `write` (left open), else the
    file at that path, opened for writing in UTF-8 and closed afterwards."""
    if isinstance(target, (str, os.PathLike)):
        with open(target, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
    else:
        yield target
