"""One registry of plug-ins: the entry points of a group plus items registered at run time.

Readers (documents/registry.py), exporters (export/registry.py) and language packs
(lang/registry.py) are each a `Registry`, so that a package adds a format or a language by
declaring one more entry point, and a test or a notebook by calling `register`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from importlib.metadata import entry_points
from types import MappingProxyType
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class Registry(Generic[T]):
    """The items of entry-point group `group`, by `key(item)`, plus those added by `register`.

    `what` names one item in the warning about an entry point that cannot be loaded;
    `built_in` gives the items of a source tree that was never installed (no entry points).
    """

    def __init__(
        self,
        group: str,
        what: str,
        key: Callable[[T], str],
        built_in: Callable[[], Iterable[T]],
    ) -> None:
        self.group = group
        self.what = what
        self.key = key
        self.built_in = built_in
        self._installed: dict[str, T] | None = None
        self._extra: dict[str, T] = {}
        self._items: Mapping[str, T] | None = None  # `items()` until the registry changes

    def installed(self) -> dict[str, T]:
        """The items declared as entry points (loaded once), or the built-in ones."""
        if self._installed is None:
            found: dict[str, T] = {}
            for point in entry_points(group=self.group):
                try:
                    loaded = point.load()
                except Exception as err:  # a broken plug-in must not hide the others
                    log.warning("%s %s could not be loaded: %s", self.what, point.name, err)
                    continue
                found[self.key(loaded)] = loaded
            if not found:  # running from a source tree that was never installed
                found = {self.key(item): item for item in self.built_in()}
            self._installed = found
        return self._installed

    def items(self) -> Mapping[str, T]:
        """Every item by key, installed ones first (read-only; made again only when the
        registry changes: language packs are looked up at every word)."""
        if self._items is None:
            self._items = MappingProxyType({**self.installed(), **self._extra})
        return self._items

    def added(self) -> dict[str, T]:
        """The items added by `register`, by key."""
        return dict(self._extra)

    def register(self, new: T) -> None:
        """Add (or replace) an item for this process."""
        self._extra[self.key(new)] = new
        self._items = None

    def unregister(self, key: str) -> None:
        """Remove an item added by `register`."""
        self._extra.pop(key, None)
        self._items = None

    def reload(self) -> None:
        """Forget the loaded entry points: the next look-up reads them again."""
        self._installed = None
        self._items = None
