"""The registry of language packs: entry points of group ``cronica.languages`` plus packs
registered at run time (tests, notebooks)."""

from __future__ import annotations

import logging
from functools import cache
from importlib.metadata import entry_points

from cronica.lang.pack import LanguagePack

log = logging.getLogger(__name__)

GROUP = "cronica.languages"
_extra: dict[str, LanguagePack] = {}


@cache
def _installed() -> dict[str, LanguagePack]:
    found: dict[str, LanguagePack] = {}
    for point in entry_points(group=GROUP):
        try:
            loaded = point.load()
        except Exception as err:  # a broken plug-in must not hide the other languages
            log.warning("language pack %s could not be loaded: %s", point.name, err)
            continue
        found[loaded.code] = loaded
    if not found:  # running from a source tree that was never installed
        from cronica.lang import en, es

        found = {es.PACK.code: es.PACK, en.PACK.code: en.PACK}
    return found


def packs() -> dict[str, LanguagePack]:
    """Every language pack by code, installed ones first."""
    return {**_installed(), **_extra}


def supported() -> tuple[str, ...]:
    """The language codes cronica reads."""
    return tuple(packs())


def pack(code: str) -> LanguagePack:
    """The pack for `code`; ValueError listing the supported languages otherwise."""
    found = packs().get(code)
    if found is None:
        raise ValueError(
            f"unsupported language {code!r}: cronica reads {', '.join(supported())}"
        )
    return found


def register(new: LanguagePack) -> None:
    """Add (or replace) a pack for this process."""
    _extra[new.code] = new


def unregister(code: str) -> None:
    """Remove a pack added by `register`."""
    _extra.pop(code, None)
