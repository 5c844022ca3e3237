"""The English language pack (see cronica.lang)."""

from pathlib import Path

from cronica.lang.pack import LanguagePack

PACK = LanguagePack.from_dir(Path(__file__).parent)
