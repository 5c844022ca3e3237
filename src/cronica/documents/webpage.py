"""HTML reader: the readable text of one page, with its title and publication date.

Scripts, styles, navigation, headers/footers, forms and Wikipedia chrome (edit links,
navboxes) are dropped. The content root is ``<article>``, else ``<main>``, else Wikipedia's
``#mw-content-text``, else ``<body>``. Block elements become lines; inline whitespace is
collapsed. The date comes from ``<meta property="article:published_time">`` (or a few
common equivalents) or the first ``<time datetime>``; an unparsable page date is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cronica.documents.fields import ReadOptions, parse_date
from cronica.documents.language import normalise_lang
from cronica.record import Document, InputError

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


def read_html(text: str, name: str, path: str | None, options: ReadOptions) -> Iterator[
    Document | InputError
]:
    """Yield one Document for the page in `text`, or an InputError if it has no text."""
    try:
        tree = LexborHTMLParser(text)
        title = _title(tree)
        page_date = _page_date(tree)
        for node in tree.css(DROP):
            node.decompose()
        root = next((n for n in (tree.css_first(sel) for sel in ROOTS) if n is not None), None)
        body = extract_text(root) if root is not None else ""
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
        date=page_date or options.default_date,
        path=path,
        title=title,
    )


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

