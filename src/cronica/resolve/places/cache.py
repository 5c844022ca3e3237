"""The built gazetteer kept on disk, so a run loads it instead of indexing 90,000 rows.

The file is named by a hash of everything the index is built from: the tables' bytes (and
a user table's name, which its default ids use), the code that builds it, the name
particles and articles, and cronica's version; a change to any of them builds a new one.
Folder: $CRONICA_CACHE_DIR, else the user cache folder (platformdirs); CRONICA_CACHE_DIR=""
turns the cache off. A cache that cannot be read is rebuilt; one that cannot be written is
skipped with a debug message."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import platformdirs

import cronica

log = logging.getLogger(__name__)

ENV = "CRONICA_CACHE_DIR"
FORMAT = 1  # bump when the pickled layout changes without a change to the code hashed
KEEP = 8  # newest cache files kept per kind
T = TypeVar("T")


def cache_dir() -> Path | None:
    """Where built indexes are kept, or None when caching is off."""
    value = os.environ.get(ENV)
    if value is not None:
        return Path(value) if value.strip() else None
    return Path(platformdirs.user_cache_dir("cronica"))


def fingerprint(files: Iterable[tuple[str, bytes]], code: Iterable[Path],
                values: Iterable[object]) -> str:
    """A hex digest of labelled file contents, source files' bytes and plain values."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{FORMAT}|{cronica.__version__}".encode())
    for label, content in files:
        digest.update(label.encode() + b"\0" + content + b"\0")
    for path in code:
        digest.update(path.read_bytes() + b"\0")
    for value in values:
        digest.update(repr(value).encode() + b"\0")
    return digest.hexdigest()


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """The object stored as `kind`-`key` in the cache folder, else `build()` (then stored)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{kind}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            found: T = pickle.load(fh)
            return found
    except FileNotFoundError:
        pass
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            TypeError, ValueError) as exc:
        log.warning("rebuilding %s: cannot read the cached copy %s (%s)", kind, path, exc)
    built = build()
    _store(folder, path, built)
    _prune(folder, kind)
    return built


def _store(folder: Path, path: Path, value: object) -> None:
    """Write atomically: a partial file never has the final name."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=path.name, suffix=".tmp",
                                         delete=False) as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
        log.debug("cached %s", path)
    except OSError as exc:
        log.debug("not caching %s: %s", path, exc)


def _prune(folder: Path, kind: str) -> None:
    """Keep the KEEP newest files of a kind."""
    try:
        files = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime,
                       reverse=True)
        for old in files[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("cannot prune %s: %s", folder, exc)
