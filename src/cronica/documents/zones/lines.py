"""Zones of a plain-text or markdown scrape, one line (paragraph) at a time.

Each non-empty line gets a zone from its features (length, terminal punctuation, dates,
cue phrases of the language's ``zones.yaml``), its position (first line: title; next: lead)
and its repetition across the run's documents. Blank lines join the zone before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from cronica.documents.zones.cues import NUMERIC_DATE, Cues, contains, starts_with
from cronica.documents.zones.repetition import RepetitionIndex
from cronica.text import fold

_TERMINAL = re.compile(
    r"""[.!?…][\s"'»”’)\]]*(?:\[[^\[\]\s]{1,12}\]\s*)*$|\(\s*\d[\d./-]*\s*\)$"""
)  # citation markers ("[4][5]") may follow the final stop
_WORD = re.compile(r"\w+")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_LEADING_TIME = re.compile(r"^\W{0,3}\d{1,2}[:.h]\d{2}\b")
_QUOTE_OPEN = "«\"“'‘"
# a teaser's summary ends with its date in brackets: "... continúa la ofensiva. (30.09.2016)"
_TRAILING_DATE = re.compile(rf"\((?:{NUMERIC_DATE})\)\W{{0,2}}$")
_HANDLE = re.compile(r"^@\w+\s*#\d+")  # "@reader #3": a numbered reader comment
_QUOTE_CLOSE = re.compile("[»\"”’]")
PROSE_WORDS = 6  # a terminated line this long reads as reporting prose
SHORT_CUE_WORDS = 10  # cue phrases count only on lines this short (section openers, buttons)
LONG_PROSE_WORDS = 25  # a repeated line this long needs twice the usual repetition
HEADLINE_WORDS = 25  # a line without final punctuation longer than this is prose, not a title
REPEATED_TAIL_CHARS = 15  # what follows a repeated quote, as long as this and said before too


def is_headline(text: str) -> bool:
    """A short line without a final stop: a title, not prose."""
    return Line(0, len(text), text).headline


@dataclass
class Line:
    """One non-empty line: offsets of its stripped text, features, and its zone."""

    start: int
    end: int
    text: str
    zone: str = "body"
    reason: str = ""
    level: int = 0  # markdown heading level, 0 for other lines

    @cached_property
    def folded(self) -> str:
        return fold(self.text)

    @cached_property
    def words(self) -> int:  # (the rules ask a line's words about five times)
        return len(_WORD.findall(self.text))

    @property
    def prose(self) -> bool:
        return bool(_TERMINAL.search(self.text)) and self.words >= PROSE_WORDS

    @property
    def headline(self) -> bool:
        return (
            not _TERMINAL.search(self.text)
            and not self.text.endswith((":", ",", ";"))
            and self.words <= HEADLINE_WORDS
        )

    def set(self, zone: str, reason: str) -> None:
        self.zone, self.reason = zone, reason


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of `text` with the offsets of their stripped content."""
    lines, at = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            start = at + len(body) - len(body.lstrip())
            lines.append(Line(start, start + len(stripped), stripped))
        at += len(raw)
    return lines


def classify(text: str, cues: Cues, index: RepetitionIndex | None = None) -> list[Line]:
    """Zone every non-empty line of `text`."""
    lines = split_lines(text)
    body = _front_matter(lines)
    markdown = _markdown_headings(body, cues)
    state = _State(title="" if body is not lines else None)  # front matter holds the title
    seen: list[str] = []
    for i, line in enumerate(body):
        if line.level or line.zone != "body":
            state.region = None if line.level and line.zone == "heading" else state.region
            continue
        _classify_line(line, body[i + 1:], cues, index, state, seen)
        if line.prose and line.zone in ("lead", "body"):
            seen.append(line.folded)
    if markdown:
        _encyclopedia_summary(body)
    return lines


@dataclass
class _State:
    title: str | None = None
    lead_done: bool = False
    region: str | None = None  # comments | related | tail
    expect_caption: bool = False
    dated_teaser: bool = False


def _classify_line(
    line: Line, rest: list[Line], cues: Cues, index: RepetitionIndex | None,
    state: _State, seen: list[str],
) -> None:
    folded = line.folded
    caption_credit = starts_with(folded, cues.caption_starts) or (
        line.words <= 15 and contains(folded, cues.caption_contains)
    )
    if state.region == "related" and (
        starts_with(folded, cues.related_ends) or (line.prose and line.words >= 20)
    ):
        state.region = None  # the list of links is over: the article goes on
    opener = _opener(line, cues)
    if opener is not None:
        zone, reason, state.region = opener
        line.set(zone, reason)
    elif line.text.startswith("!["):
        line.set("caption", "markdown image")
    elif caption_credit:
        line.set("caption", f"credit cue {caption_credit!r}")
        state.expect_caption = True
        return
    elif state.region in ("related", "tail") and not _boilerplate_cue(line, cues):
        _teaser(line, rest, cues, state)
        return
    elif index is not None and _repeated(line, index):
        line.set("boilerplate", f"repeated in {index.count(line.text)} documents")
    elif state.expect_caption and not line.headline:
        line.set("caption", "line after a credit")
    elif cue := _boilerplate_cue(line, cues):
        line.set("boilerplate", f"cue {cue!r}")
    elif cue := starts_with(folded, cues.related_starts):
        line.set("related", f"link cue {cue!r}")
    elif state.title is None and not (line.prose and line.words > 30):
        line.set("title", "first line")
        state.title = folded
    elif folded == state.title:
        line.set("title", "title repeated")
    elif state.region == "comments":
        line.set("comments", "in the comments")
    elif _HANDLE.match(line.text):
        line.set("comments", "numbered reader handle")
        state.region = "comments"
    elif _quotes_earlier(line, seen):
        line.set("comments", "quotes the article: a reader's reply")
        state.region = "comments"
    elif not state.lead_done:
        line.set("lead", "first paragraph" + (" (no title line)" if state.title is None else ""))
        state.lead_done = True
        state.title = state.title or ""
    elif line.headline:
        _headline(line, rest, cues)
    elif _LEADING_TIME.match(line.text) or cues.date.match(line.text):
        line.set("brief", "dated paragraph")
    elif _TRAILING_DATE.search(line.text):
        line.set("brief", "paragraph ending with its date")
    else:
        line.set("body", "prose")
    state.expect_caption = False


def _repeated(line: Line, index: RepetitionIndex) -> bool:
    need = index.min_docs * (2 if line.prose and line.words >= LONG_PROSE_WORDS else 1)
    return index.repeated(line.text, need)


def _quotes_earlier(line: Line, seen: list[str]) -> bool:
    """A reader's reply opens by quoting the article; the article repeating one of its own
    quotes says again who said it, as it did before ('"…", dijo … la canciller')."""
    if not line.text.startswith(tuple(_QUOTE_OPEN)) or line.words < PROSE_WORDS:
        return False
    parts = _QUOTE_CLOSE.split(line.text.lstrip(_QUOTE_OPEN + " "), maxsplit=1)
    probe = fold(parts[0])[:60]
    if len(probe) < 40 or not any(probe in earlier for earlier in seen):
        return False
    said = fold(parts[1]).strip(" ,.;") if len(parts) > 1 else ""
    return len(said) < REPEATED_TAIL_CHARS or not any(said in earlier for earlier in seen)


def _teaser(line: Line, rest: list[Line], cues: Cues, state: _State) -> None:
    """A line after a byline or a list opener: dated teasers are briefs, others related."""
    where = "after the byline" if state.region == "tail" else "in a list of links"
    if _dated(line, cues):
        line.set("brief", f"dated teaser {where}")
        state.dated_teaser = line.headline
    elif line.headline and rest and not rest[0].headline and _dated(rest[0], cues):
        line.set("brief", f"headline of a dated teaser {where}")
    elif state.dated_teaser and not line.headline:
        line.set("brief", f"summary of a dated teaser {where}")
        state.dated_teaser = False
    else:
        line.set("related", f"undated teaser {where}")
        state.dated_teaser = False


def _dated(line: Line, cues: Cues) -> bool:
    return bool(cues.date.search(line.text) or _LEADING_TIME.match(line.text))


def _opener(line: Line, cues: Cues) -> tuple[str, str, str] | None:
    """(zone, reason, region) for a line that opens the comments, links or end matter."""
    folded = line.folded
    if cue := starts_with(folded, cues.byline_starts):
        return "boilerplate", f"byline {cue!r}: the article ends", "tail"
    if line.words <= SHORT_CUE_WORDS and (cue := contains(folded, cues.comments_contains)):
        return "comments", f"opens comments ({cue!r})", "comments"
    cue = starts_with(folded, cues.related_starts)
    if cue and line.words <= len(cue.split()) + 1:
        return "related", f"opens a list of links ({cue!r})", "related"
    return None


def _boilerplate_cue(line: Line, cues: Cues) -> str | None:
    return (line.words <= 30 and contains(line.folded, cues.boilerplate_contains)) or (
        line.words <= 6 and starts_with(line.folded, cues.boilerplate_starts)
    ) or None


def _headline(line: Line, rest: list[Line], cues: Cues) -> None:
    """A line without final punctuation inside the text: subheading, dated brief or teaser."""
    if cues.date.search(line.text) and line.words > 3:
        line.set("brief", "dated headline")
        return
    if rest and not rest[0].headline and _TRAILING_DATE.search(rest[0].text):
        line.set("brief", "headline of a paragraph ending with its date")
        return
    following = next((r for r in rest if r.zone == "body" and not r.level), None)
    if following is not None and following.prose:
        line.set("heading", "short line before prose")
    else:
        line.set("related", "headline with no prose after it")


def _front_matter(lines: list[Line]) -> list[Line]:
    """Mark a leading ``---`` ... ``---`` block; return the lines after it."""
    if not lines or lines[0].text != "---":
        return lines
    for j in range(1, len(lines)):
        if lines[j].text in ("---", "..."):
            for line in lines[: j + 1]:
                line.set("front_matter", "markdown front matter")
            return lines[j + 1:]
    return lines


def _markdown_headings(lines: list[Line], cues: Cues) -> bool:
    """Mark ``#`` headings and the reference sections under them; True if any."""
    found, section_level, section = False, 0, ""
    for line in lines:
        match = _HEADING.match(line.text)
        if match:
            found = True
            level, title = len(match.group(1)), fold(match.group(2)).strip(" :")
            line.level = level
            line.set("heading", "markdown heading")
            if section and level > section_level:
                line.set(*_SECTION[section])
                continue
            section, section_level = ("", 0)
            if title in cues.see_also:
                section, section_level = "see", level
            elif title in cues.references or _base_title(title) in cues.references:
                section, section_level = "refs", level
            if section:
                line.set("heading", f"heading of a {_SECTION[section][1]}")
        elif section:
            line.set(*_SECTION[section])
    return found


_SECTION = {"refs": ("boilerplate", "reference list"), "see": ("related", "see-also list")}


def _base_title(title: str) -> str:
    return re.sub(r"[^a-z ].*$", "", title).strip()


def _encyclopedia_summary(lines: list[Line]) -> None:
    """An article's summary before its first heading restates the body: not reporting."""
    first = next((i for i, line in enumerate(lines) if line.level), None)
    if first is None or not any(
        line.zone == "body" and line.prose for line in lines[first:]
    ):
        return
    for line in lines[:first]:
        if line.zone in ("title", "lead", "body", "brief"):
            line.set("summary", "encyclopedia summary: the body reports these events")
