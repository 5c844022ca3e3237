"""Language packs: one folder per language (model name, lexicons, function words), found
through the ``cronica.languages`` entry-point group, so a separate package can add one.

A pack folder holds ``pack.yaml`` (``code``, ``name``, ``model``, ``aliases``) and one YAML
file per concern (``triggers``, ``attribution``, ``time``, ``numbers``, ``places``,
``demonyms``, ``words``). No module outside ``cronica.lang`` names a language or holds a word
of one: they ask the pack.
"""

from __future__ import annotations

from cronica.lang.pack import LanguagePack
from cronica.lang.registry import pack, packs, register, supported, unregister

__all__ = ["LanguagePack", "pack", "packs", "register", "supported", "unregister"]
