"""Credit lines: who supplied a story ("Con información de AFP"), es and en."""

from __future__ import annotations

import unicodedata

import pytest

from cronica.documents.credit import credited_sources


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        ("es", "Texto de la noticia.\n\nCon información de AFP\n", ["AFP"]),
        ("es", "Texto.\nCon información de EFE y AFP.", ["EFE", "AFP"]),
        ("en", "Story text.\nWith files from The Associated Press and Reuters", [
            "The Associated Press", "Reuters"]),
        ("en", "Story text.\nAdditional reporting by Reuters.", ["Reuters"]),
    ],
)
def test_a_credit_line_names_its_agencies(lang, text, names):
    assert credited_sources(text, lang) == names


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Con información de agencias"),  # a common noun names no one
        ("es", "Con información de testigos, la policía detuvo a diez personas en Homs el "
               "martes por la noche tras los disturbios."),  # a sentence, not a credit line
        ("en", "With files from wire services"),
        ("en", "Jets bombed Idlib. Sources: none given in the text of this long sentence here."),
        ("es", "Fuente: Amigos de Siria en WordPress. Licencia CC de 2.0"),  # a photo's credit
    ],
)  # fmt: skip
def test_no_credit_without_a_named_agency_on_a_short_line(lang, text):
    assert credited_sources(text, lang) == []


def test_a_credit_written_with_combining_accents_is_cut_where_the_cue_ends():
    text = unicodedata.normalize("NFD", "Con información de EFE")
    assert credited_sources(text, "es") == ["EFE"]
