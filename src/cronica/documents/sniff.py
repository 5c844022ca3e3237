"""Guess an input's format from its content, for `--input-format auto` when no file extension
decides: markup that starts like an HTML page is HTML, a first line that is a JSON object is
JSON Lines, anything else is plain text. CSV is never guessed from content (any text has
commas); a `.csv` file is read as CSV by its extension."""

from __future__ import annotations

import json
import re

_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h[1-6]|section|"
    r"header|nav|!--)[\s>/]",
    re.IGNORECASE,
)
_HTML_ANYWHERE = re.compile(r"</(?:p|div|body|html|article|h[1-6])>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether `text` starts (after blank space) like an HTML page or fragment."""
    head = text.lstrip()[:2048]
    if _HTML_START.match(head):
        return True
    return head.startswith("<") and _HTML_ANYWHERE.search(text[:65536]) is not None


def looks_like_jsonl(text: str) -> bool:
    """Whether the first non-blank line of `text` is a JSON object."""
    for line in text.splitlines():
        if line.strip():
            try:
                return isinstance(json.loads(line), dict)
            except ValueError:
                return False
    return False


def sniff(text: str) -> str:
    """The reader name for `text` by its content: "html", "jsonl" or "text"."""
    if looks_like_html(text):
        return "html"
    if looks_like_jsonl(text):
        return "jsonl"
    return "text"
