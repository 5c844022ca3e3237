"""HTML reader: the main content of one page through trafilatura, with zones and metadata.

selectolax first repairs the markup the HTML5 way and unwraps ``<time>`` (trafilatura
would drop its words); trafilatura then finds the main content, the comments and the
metadata. Each content element becomes one line, zoned by its role: the first heading is
the title, the first paragraph the lead, later headings ``heading``, figure titles
``caption``, comments ``comments``. Document.title is trafilatura's title (site name cut),
Document.source its site name. The date comes from the page's markup
(``<meta property="article:published_time">``, a few equivalents, the first
``<time datetime>``), else trafilatura's, else the user's default. When trafilatura finds
nothing, the old block-by-block text of ``<article>``/``<main>``/``<body>`` is used, unzoned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import trafilatura
from lxml import etree
from selectolax.lexbor import LexborHTMLParser, LexborNode
from trafilatura.settings import use_config

from cronica.documents.fields import ReadOptions, parse_date
from cronica.documents.language import normalise_lang
from cronica.record import Block, Document, InputError

DROP = (
    "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, "
    "button, select, .mw-editsection, .navbox, .mw-jump-link, .noprint, #toc, .toc"
)
ROOTS = ("article", "main", "#mw-content-text", "body")
BLOCKS = frozenset(
    "address article blockquote br caption dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 "
    "hr li main ol p pre section table tbody td th thead tr ul".split()
)
DATE_META = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_WHITESPACE = re.compile(r"\s+")


def _config() -> Any:
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")  # short pages are articles too
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")  # no dates guessed from the text
    return config


_CONFIG = _config()


def read_html(text: str, name: str, path: str | None, options: ReadOptions) -> Iterator[
    Document | InputError
]:
    """Yield one Document for the page in `text`, or an InputError if it has no text."""
    try:
        tree = LexborHTMLParser(text)
        page_date = _page_date(tree)
        fallback_title = _title(tree)
        tree.unwrap_tags(["time"])
        extracted = trafilatura.extract(
            tree.html or "", output_format="xml", include_comments=True, include_tables=True,
            include_images=True, with_metadata=True, config=_CONFIG,
        )
        meta: dict[str, str] = {}
        body, zones = "", None
        if extracted:
            xml = etree.fromstring(extracted.encode("utf-8"))
            meta = {k: v.strip() for k, v in xml.attrib.items() if v and v.strip()}
            body, zones = zoned_text(xml)
        if not body.strip():
            for node in tree.css(DROP):
                node.decompose()
            root = next((n for n in map(tree.css_first, ROOTS) if n is not None), None)
            body, zones = (extract_text(root) if root is not None else ""), None
        if not body.strip():
            raise InputError(name, "empty document: no readable text in the HTML page")
        lang = normalise_lang(options.default_lang, name) if options.default_lang else None
    except InputError as err:
        yield err
        return
    except Exception as err:  # noqa: BLE001 - parser failures become a clear input error
        yield InputError(name, f"cannot parse HTML: {err}")
        return
    yield Document(
        id=name,
        text=body,
        lang=lang,
        date=page_date or _meta_date(meta.get("date")) or options.default_date,
        path=path,
        title=meta.get("title") or fallback_title,
        source=meta.get("sitename"),
        zones=zones,
    )


def zoned_text(xml: Any) -> tuple[str, list[Block]]:
    """Text of trafilatura's XML (one line per element) and a zone for each line."""
    lines: list[tuple[str, str, str]] = []  # (text, zone, reason)
    main = xml.find("main")
    for element in main if main is not None else ():
        tag = element.tag
        if tag == "head":
            first = not lines
            lines.append((_flat(element), "title" if first else "heading",
                          "first heading" if first else f"heading ({element.get('rend', '')})"))
        elif tag == "p":
            lead = not any(zone in ("lead", "body") for _, zone, _ in lines)
            lines.append((_flat(element), "lead" if lead else "body",
                          "first paragraph" if lead else "paragraph"))
        elif tag == "list":
            lines += [(_flat(item), "body", "list item") for item in element.iter("item")]
        elif tag == "table":
            lines += [(" ".join(_flat(c) for c in row), "body", "table row")
                      for row in element.iter("row")]
        elif tag == "graphic":
            lines.append((_flat_text(element.get("title") or ""), "caption", "figure title"))
        else:
            lines.append((_flat(element), "body", tag))
    comments = xml.find("comments")
    for element in comments if comments is not None else ():
        lines.append((_flat(element), "comments", "page comments"))
    text = ""
    blocks: list[Block] = []
    for line, zone, reason in (x for x in lines if x[0]):
        start = len(text) + (1 if text else 0)
        text = f"{text}\n{line}" if text else line
        if blocks:
            blocks[-1].end = start
        blocks.append(Block(start if blocks else 0, len(text), zone, reason))
    return text, blocks


def _flat(element: Any) -> str:
    return _flat_text(" ".join(element.itertext()))


def _flat_text(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _meta_date(value: str | None) -> date | None:
    try:
        return parse_date(value, "<html>") if value else None
    except InputError:
        return None


def extract_text(root: LexborNode) -> str:
    """Readable text under `root`: one line per block element, inline spaces collapsed."""
    parts: list[str] = []
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            parts.append("\n")
            continue
        if node.is_text_node:
            parts.append(_WHITESPACE.sub(" ", node.text_content or ""))
            continue
        if node.tag in ("-comment", "-doctype") or node.is_comment_node:
            continue
        block = node.tag in BLOCKS
        if block:
            parts.append("\n")
            stack.append((node, True))
        children = list(node.iter(include_text=True))
        stack.extend((child, False) for child in reversed(children))
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _title(tree: LexborHTMLParser) -> str | None:
    for selector, attr in (('meta[property="og:title"]', "content"), ("title", None)):
        node = tree.css_first(selector)
        if node is None:
            continue
        value = node.attributes.get(attr) if attr else node.text()
        if value and value.strip():
            return _SPACES.sub(" ", value).strip()
    return None


def _page_date(tree: LexborHTMLParser) -> date | None:
    candidates = [tree.css_first(sel) for sel in DATE_META]
    values = [n.attributes.get("content") for n in candidates if n is not None]
    time = tree.css_first("time[datetime]")
    if time is not None:
        values.append(time.attributes.get("datetime"))
    for value in values:
        try:
            found = parse_date(value, "<html>")
        except InputError:
            continue
        if found:
            return found
    return None

