"""The registry of language packs: entry points of group ``cronica.languages`` plus packs
registered at run time (tests, notebooks)."""

from __future__ import annotations

from collections.abc import Mapping

from cronica.lang.pack import LanguagePack
from cronica.registry import Registry

GROUP = "cronica.languages"


def _built_in() -> tuple[LanguagePack, ...]:
    from cronica.lang import en, es

    return (es.PACK, en.PACK)


_registry: Registry[LanguagePack] = Registry(GROUP, "language pack", lambda p: p.code, _built_in)


def packs() -> Mapping[str, LanguagePack]:
    """Every language pack by code, installed ones first."""
    return _registry.items()


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
    _registry.register(new)


def unregister(code: str) -> None:
    """Remove a pack added by `register`."""
    _registry.unregister(code)
