"""Claims whose source was named in an earlier paragraph ("X said …\\nHe added that …").

Each paragraph is parsed as its own spaCy Doc; a speech verb opening a later line takes the
last named speaker, whose span lies in the earlier paragraph. That span used to be read as
an offset into the later paragraph, so a claim pointed at the wrong text or, past the end,
raised "span outside clean text" and stopped the whole run.
"""

from __future__ import annotations

import pytest

from cronica.record import Document

SPEAKER_ES = (
    "En un largo comunicado difundido el lunes en Beirut, el portavoz del Observatorio Sirio "
    "de Derechos Humanos dijo que hubo combates en Homs."
)
SPEAKER_EN = (
    "In a long statement issued late on Monday in Beirut, the spokesman of the Syrian "
    "Observatory said there was fighting in Homs."
)
CASES = [
    pytest.param("es", SPEAKER_ES, "Dijo que hubo un ataque en Hama.", "portavoz", id="es-dijo"),
    pytest.param("es", SPEAKER_ES, "declaró que bombardearon Alepo.", "portavoz", id="es-declaro"),
    pytest.param(
        "es", SPEAKER_ES, "Declaró que tres soldados murieron en los combates.", "portavoz",
        id="es-declaro-muertos",
    ),
    pytest.param("en", SPEAKER_EN, "He said three soldiers were killed.", "spokesman", id="en-he"),
    pytest.param(
        "en", SPEAKER_EN, "said that three soldiers were killed in clashes.", "spokesman",
        id="en-said",
    ),
]


@pytest.mark.parametrize(("lang", "first", "second", "speaker"), CASES)
@pytest.mark.parametrize("separator", ["\n", "\n\n", "\r\n"])
def test_previous_speaker_across_lines(pipeline, lang, first, second, speaker, separator):
    text = first + separator + second
    analysis = pipeline.analyse(Document(id="t", text=text, lang=lang))
    claims = [c for ev in analysis.events for c in ev.claims if c.span is not None]
    assert analysis.events and claims
    later = [ev for ev in analysis.events if ev.sentence_index == 1]
    assert later, "the second line's event is found"
    for claim in claims:
        start, end = claim.span
        assert 0 <= start < end <= len(text)
        assert speaker in text[start:end], (claim, text[start:end])
    assert all(c.sentence == ev.sentence_index for ev in analysis.events for c in ev.claims)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_span_in_second_paragraph_is_its_own(pipeline, lang):
    """A source named in the second paragraph: its span points into that paragraph."""
    second = {
        "es": "Según el Observatorio Sirio de Derechos Humanos, hubo combates en Hama.",
        "en": "According to the Syrian Observatory, there was fighting in Hama.",
    }[lang]
    text = "Un texto de cabecera.\n" + second if lang == "es" else "A heading.\n" + second
    analysis = pipeline.analyse(Document(id="t", text=text, lang=lang))
    spans = [c.span for ev in analysis.events for c in ev.claims if c.span is not None]
    assert spans
    for start, end in spans:
        assert "Observator" in text[start:end]
