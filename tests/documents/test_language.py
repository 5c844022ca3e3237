"""Tests for cronica.documents.language: language identification and tags."""

from __future__ import annotations

import pytest

from cronica.documents.language import detect_language, document_language, normalise_lang
from cronica.record import Document, InputError


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("El grupo armado tomó Kafr Hamra y Haritan el 5 de febrero.", "es"),
        ("Según el observatorio, 12 personas murieron en Douma.", "es"),
        ("Ahrar al-Sham y Jabhat al-Nusra capturaron Jisr al-Shughur.", "es"),
        ("Rebels captured Tell Abyad and Ain Issa on Sunday, officials said.", "en"),
        ("Clashes in Aleppo.", "en"),
    ],
)
def test_detect_supported_languages(text: str, lang: str) -> None:
    assert detect_language(text, "doc") == lang


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Les forces gouvernementales ont repris la ville après des combats intenses.", "fr"),
        ("Die Regierungstruppen haben die Stadt nach heftigen Kämpfen zurückerobert.", "de"),
        ("As forças rebeldes capturaram a cidade depois de combates intensos.", "pt"),
    ],
)
def test_other_languages_rejected(text: str, code: str) -> None:
    with pytest.raises(InputError) as info:
        detect_language(text, "doc.txt")
    assert info.value.source == "doc.txt"
    assert f"detected {code}" in str(info.value) and "--lang" in str(info.value)


def test_no_words_rejected() -> None:
    with pytest.raises(InputError):
        detect_language("12 345 — 2020", "n")


def test_lang_tags_and_document_language() -> None:
    assert normalise_lang("es-MX", "s") == "es"
    assert normalise_lang("English", "s") == "en"
    with pytest.raises(InputError):
        normalise_lang("fr", "s")
    assert document_language(Document(id="d", text="Les rebelles", lang="en")) == "en"
    assert document_language(Document(id="d", text="Murieron 40 civiles en Homs.")) == "es"
