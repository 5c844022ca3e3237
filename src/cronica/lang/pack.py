"""One language pack: a folder of YAML lexicons and the spaCy model that reads the language."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from cronica.datafiles import parse_yaml
from cronica.text import fold


@dataclass(frozen=True)
class LanguagePack:
    """A language's model name and lexicons, read lazily from `folder`."""

    code: str
    name: str
    model: str
    folder: Path
    aliases: tuple[str, ...] = ()
    _cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __hash__(self) -> int:
        """By code alone (equal packs share it): the word look-ups key caches by pack at
        every word, where the generated hash went over every field."""
        return hash(self.code)

    @classmethod
    def from_dir(cls, folder: str | Path) -> LanguagePack:
        """Read ``pack.yaml`` in `folder`; ValueError naming the file when it is unusable."""
        folder = Path(folder)
        meta_path = folder / "pack.yaml"
        try:
            meta = parse_yaml(meta_path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as err:
            raise ValueError(f"{meta_path}: cannot read language pack: {err}") from err
        for key in ("code", "model"):
            if not meta.get(key):
                raise ValueError(f"{meta_path}: language pack lacks {key!r}")
        return cls(
            code=str(meta["code"]),
            name=str(meta.get("name") or meta["code"]),
            model=str(meta["model"]),
            folder=folder,
            aliases=tuple(str(a) for a in meta.get("aliases") or ()),
        )

    def lexicon(self, name: str) -> Any:
        """The parsed ``<name>.yaml`` of this pack ({} when the pack has none), read once."""
        if name not in self._cache:
            path = self.folder / f"{name}.yaml"
            if not path.is_file():
                self._cache[name] = {}
            else:
                try:
                    self._cache[name] = parse_yaml(path.read_text(encoding="utf-8")) or {}
                except yaml.YAMLError as err:
                    raise ValueError(f"{path}: not valid YAML: {err}") from err
        return self._cache[name]

    def words(self, group: str) -> frozenset[str]:
        """A folded word list of ``words.yaml`` (prepositions, articles, negators, ...)."""
        return frozenset(fold(w) for w in self._word_list(group))

    def word_list(self, group: str) -> list[str]:
        """A word list of ``words.yaml`` as written (order kept)."""
        return list(self._word_list(group))

    def _word_list(self, group: str) -> list[str]:
        value = self.lexicon("words").get(group) or []
        return [value] if isinstance(value, str) else list(value)

    @cached_property
    def tags(self) -> frozenset[str]:
        """Every tag a user may give for this language ("es", "spa", "español", ...)."""
        return frozenset(fold(t) for t in (self.code, self.name, *self.aliases))
