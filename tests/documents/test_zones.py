"""Document zones: scrapes by line features and repetition, HTML through trafilatura."""

from __future__ import annotations

from datetime import date

import pytest

from cronica.documents.fields import ReadOptions
from cronica.documents.webpage import read_html
from cronica.documents.zones import (
    RepetitionIndex,
    describe_zones,
    reporting,
    zone_at,
    zone_document,
)
from cronica.record import REPORTING_ZONES, ZONES, Block, Document

SCRAPE_ES = """Aceptamos cookies para mejorar su experiencia. Lea nuestra política de privacidad.
Portada
Combates en Villaverde dejan doce muertos
El ejército recuperó el control del barrio norte tras dos días de choques con las milicias.
Las tropas entraron el martes en el barrio norte, donde murieron doce combatientes.
Foto: EFE
Soldados patrullan una calle del barrio norte.
Los vecinos denunciaron saqueos en varias tiendas del mercado central durante la noche.
Reacciones en la capital
El gobierno celebró la victoria y anunció nuevos refuerzos, informó la agencia oficial.
Autor: Ana Pérez
Noticias relacionadas
12.03.2016 Nuevos bombardeos en las afueras de Villaverde dejan tres heridos.
La sequía amenaza las cosechas del sur
Elecciones municipales: todo lo que hay que saber
Comentarios
Esto es una vergüenza, nadie hace nada por la gente.
© 2016 Diario Inventado. Todos los derechos reservados.
"""

SCRAPE_EN = """Skip to main content
Rebels seize border crossing after overnight fighting
The capture gives the rebels control of the main trade route to the north.
Rebel fighters seized the Karsa border crossing on Sunday, a local monitor said.
Image source, Reuters
Smoke rises over the crossing on Sunday morning.
Two soldiers were killed and five wounded in the clashes.
Related stories
Floods displace thousands in the delta
Markets rally as talks resume
Comments
Another pointless war, when will it end?
"""

MARKDOWN = """---
title: Northern offensive (2031)
tags:
  - offensive
---

The **northern offensive** was a military campaign in which the army captured the valley towns.

## Background
Tensions rose after the army closed the northern road.

## The offensive
On 3 May, the army captured the town of Arlen after heavy shelling.

![Map](https://example.org/map.png)

## See also
 * Southern offensive (2031)

## References
 1. An old report, 2031.
"""


def _zones(doc: Document, index: RepetitionIndex | None = None) -> dict[str, str]:
    """line text -> zone, for every non-empty line of `doc`."""
    blocks = zone_document(doc, index)
    out, at = {}, 0
    for line in doc.text.splitlines(keepends=True):
        if line.strip():
            out[line.strip()] = zone_at(blocks, at + len(line) - len(line.lstrip())).zone
        at += len(line)
    return out


def _assert_covers(blocks: list[Block], text: str) -> None:
    assert blocks[0].start == 0 and blocks[-1].end == len(text)
    for before, after in zip(blocks, blocks[1:], strict=False):
        assert before.end == after.start and before.start < before.end
    assert all(b.zone in ZONES and b.reason for b in blocks)


def test_spanish_scrape_zones() -> None:
    doc = Document(id="es", text=SCRAPE_ES, lang="es")
    _assert_covers(zone_document(doc), doc.text)
    zones = _zones(doc)
    lines = SCRAPE_ES.splitlines()
    expected = {
        0: "boilerplate", 1: "boilerplate", 2: "title", 3: "lead", 4: "body", 5: "caption",
        6: "caption", 7: "body", 8: "heading", 9: "body", 10: "boilerplate", 11: "related",
        12: "brief", 13: "related", 14: "related", 15: "comments", 16: "comments",
        17: "boilerplate",
    }  # fmt: skip
    assert {i: zones[lines[i]] for i in expected} == expected


def test_english_scrape_zones() -> None:
    doc = Document(id="en", text=SCRAPE_EN, lang="en")
    zones = _zones(doc)
    assert zones["Skip to main content"] == "boilerplate"
    assert zones["Rebels seize border crossing after overnight fighting"] == "title"
    assert zones["The capture gives the rebels control of the main trade route to the north."] == (
        "lead"
    )
    assert zones["Smoke rises over the crossing on Sunday morning."] == "caption"
    assert zones["Two soldiers were killed and five wounded in the clashes."] == "body"
    assert zones["Floods displace thousands in the delta"] == "related"
    assert zones["Another pointless war, when will it end?"] == "comments"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los primeros días del asedio\nLa ciudad resistió durante semanas.\n"
               "El asedio se endurece en el sur\n"
               "La artillería bombardeó el puerto, informaron los vecinos. (04.05.2016)\n"
               "La vida sigue en el mercado\nLos comerciantes reabrieron sus puestos el lunes.\n"),
        ("en", "The first days of the siege\nThe city held out for weeks.\n"
               "The siege tightens in the south\n"
               "Artillery shelled the harbour district, residents said. (04.05.2016)\n"
               "Life goes on at the market\nTraders reopened their stalls on Monday.\n"),
    ],
)
def test_a_teaser_ending_with_its_date_is_a_brief_with_its_headline(lang: str, text: str) -> None:
    """A headline over a paragraph that ends with its date in brackets (a site's dated
    teaser) is a news brief, both lines; an undated headline over prose stays a heading."""
    zones = list(_zones(Document(id=lang, text=text, lang=lang)).values())
    assert zones[2:4] == ["brief", "brief"]
    assert zones[4:] == ["heading", "body"]


def test_unknown_language_uses_every_pack() -> None:
    zones = _zones(Document(id="x", text=SCRAPE_EN))
    assert zones["Related stories"] == "related"
    assert zones["Another pointless war, when will it end?"] == "comments"


def test_markdown_front_matter_headings_and_references() -> None:
    doc = Document(id="wiki", text=MARKDOWN, lang="en")
    blocks = zone_document(doc)
    _assert_covers(blocks, doc.text)
    zones = _zones(doc)
    assert zones["---"] == "front_matter" and zones["- offensive"] == "front_matter"
    assert zones["## Background"] == "heading"
    assert zones["On 3 May, the army captured the town of Arlen after heavy shelling."] == "body"
    assert zones["![Map](https://example.org/map.png)"] == "caption"
    assert zones["* Southern offensive (2031)"] == "related"
    assert zones["1. An old report, 2031."] == "boilerplate"
    summary = next(b for b in blocks if doc.text[b.start:b.end].lstrip().startswith("The **"))
    assert summary.zone == "summary" and "summary" in summary.reason
    assert not reporting(summary)


def test_article_without_sections_keeps_its_lead() -> None:
    line = "The army captured the town of Arlen on 3 May after heavy shelling."
    zones = _zones(Document(id="short", text=f"---\ntitle: x\n---\n{line}\n", lang="en"))
    assert zones[line] == "lead"


def test_reader_reply_quoting_the_article_is_a_comment() -> None:
    text = (
        "Ataque en el puerto\n"
        "Un ataque con drones alcanzó el puerto de Villaverde el lunes por la mañana.\n"
        "Los bomberos apagaron el incendio en los muelles del puerto después de tres horas.\n"
        "«Los bomberos apagaron el incendio en los muelles del puerto» Claro, como siempre.\n"
    )
    zones = _zones(Document(id="q", text=text, lang="es"))
    assert zones[text.splitlines()[2]] == "body"
    assert zones[text.splitlines()[3]] == "comments"


def test_repetition_across_documents_is_boilerplate() -> None:
    chrome = "Diario Inventado, la voz del valle\nEdición del mediodía"
    stories = [
        "Combates en el norte\nLas milicias tomaron el puerto tras dos días de combates.",
        "Protestas en la capital\nMiles de personas marcharon contra la subida de precios.",
        "Bombardeos en el sur\nLa aviación bombardeó tres aldeas y mató a cuatro civiles.",
    ]
    docs = [Document(id=str(i), text=f"{chrome}\n{s}\n", lang="es") for i, s in enumerate(stories)]
    index = RepetitionIndex()
    for doc in docs:
        index.add(doc)
    index.add(docs[0])  # the same text again counts once
    assert len(index) == 3
    assert index.count("Diario Inventado, la voz del valle") == 3
    assert index.count("  DIARIO inventado, la voz del valle ") == 3  # folded key
    zones = _zones(docs[1], index)
    assert zones["Diario Inventado, la voz del valle"] == "boilerplate"
    assert zones["Protestas en la capital"] == "title"
    assert zones[stories[1].splitlines()[1]] == "lead"
    without = _zones(docs[1])
    assert without["Diario Inventado, la voz del valle"] == "title"  # nothing says otherwise


def test_describe_zones_and_empty_text() -> None:
    doc = Document(id="es", text=SCRAPE_ES, lang="es")
    described = describe_zones(doc)
    assert [b for b, _ in described] == zone_document(doc)
    assert all(len(snippet) <= 80 for _, snippet in described)
    assert described[2][1].startswith("Combates en Villaverde")
    assert zone_document(Document(id="e", text="")) == []
    (blank,) = zone_document(Document(id="b", text="\n\n"))
    assert (blank.start, blank.end, blank.zone) == (0, 2, "boilerplate")


def test_zones_set_by_the_reader_are_kept() -> None:
    blocks = [Block(0, 4, "title", "given"), Block(4, 8, "body", "given")]
    doc = Document(id="d", text="Abc\nDefg", zones=blocks)
    assert zone_document(doc) is blocks
    doc.zones = [Block(0, 2, "title", "short")]  # not covering the text: zoned again
    assert zone_document(doc) != doc.zones


PAGE = """<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">
<title>Asedio en Villaverde | Diario Inventado</title>
<meta property="og:site_name" content="Diario Inventado">
<meta property="article:published_time" content="2016-03-12T09:00:00Z">
</head><body>
<nav><a href="/">Portada</a> <a href="/mundo">Mundo</a></nav>
<article>
<h1>Asedio en Villaverde</h1>
<p>Las milicias cercaron el barrio norte de Villaverde el viernes, según vecinos.</p>
<p>Al menos <b>seis</b> civiles murieron el <time datetime="2016-03-11">11 de marzo</time>
por los disparos de artillería contra el mercado.</p>
<h2>Reacciones</h2>
<p>El gobierno regional pidió un alto el fuego inmediato y ayuda humanitaria.</p>
</article>
<footer>© Diario Inventado</footer>
</body></html>"""


def _read(page: str, **options: object) -> Document:
    (doc,) = read_html(page, "page.html", None, ReadOptions(**options))  # type: ignore[arg-type]
    assert isinstance(doc, Document)
    return doc


def test_html_through_trafilatura_with_metadata_and_zones() -> None:
    doc = _read(PAGE)
    assert doc.title == "Asedio en Villaverde"
    assert doc.source == "Diario Inventado"
    assert doc.date == date(2016, 3, 12)
    assert "11 de marzo" in doc.text  # <time> keeps its words
    for junk in ("Portada", "©"):
        assert junk not in doc.text
    assert doc.zones is not None
    _assert_covers(doc.zones, doc.text)
    assert zone_document(doc) is doc.zones
    by_zone = {b.zone: doc.text[b.start:b.end].strip() for b in doc.zones}
    assert by_zone["title"] == "Asedio en Villaverde"
    assert by_zone["lead"].startswith("Las milicias cercaron")
    assert by_zone["heading"] == "Reacciones"
    assert all(b.zone in REPORTING_ZONES for b in doc.zones if b.zone != "heading")


def test_html_user_date_fills_a_page_without_one() -> None:
    meta = '<meta property="article:published_time" content="2016-03-12T09:00:00Z">'
    page = PAGE.replace(meta, "")
    page = page.replace(' datetime="2016-03-11"', "")
    assert _read(page, default_date=date(2020, 1, 2)).date == date(2020, 1, 2)
    assert _read(page).date is None  # no date guessed from the text


@pytest.mark.parametrize("lang", ["es", "en"])
def test_zone_lexicons_load(lang: str) -> None:
    from cronica.documents.zones import cues_for

    cues = cues_for(lang)
    assert cues.boilerplate_contains and cues.related_starts and cues.references
    assert cues.date.search("12.03.2016")


def test_an_article_repeating_its_own_quote_is_no_readers_reply():
    """A reader's reply opens by quoting the article; the article quoting its source again,
    with who said it again, is still the article."""
    text = (
        "Bombardeos en Alepo\n"
        "Los bombardeos de la aviación dejaron diez muertos en Alepo el martes.\n"
        '"La responsabilidad recae en el régimen, que debe proteger a su gente", dijo en un '
        "encuentro con periodistas la canciller europea.\n"
        "Los bombardeos siguieron durante la noche en los barrios del este de la ciudad.\n"
        '"La responsabilidad recae en el régimen, que debe proteger a su gente", dijo en un '
        "encuentro con periodistas la canciller europea.\n"
        "Según el Observatorio, un hospital fue bombardeado poco después en la ciudad.\n"
    )
    zones = {text[b.start:b.end].strip()[:20]: b.zone
             for b in zone_document(Document(id="q", text=text, lang="es"))}  # fmt: skip
    assert "comments" not in zones.values(), zones
    reply = text.replace("dijo en un encuentro con periodistas la canciller europea.\n"
                         "Según", "¡qué vergüenza!\nSegún")  # fmt: skip
    zones = [b.zone for b in zone_document(Document(id="r", text=reply, lang="es"))]
    assert zones[-1] == "comments"
