"""Time expressions: find them in text, resolve them to ISO dates with a precision.

Detection is pattern-based; every word and pattern lives in ``lang/<lang>/time.yaml``.
Resolution anchors explicit dates as written, document-relative expressions ("ayer",
"last week") on the document creation date (DCT) and narrative-relative ones ("al día
siguiente", "two days later") on the story's last day-precision date (``Timeline``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from cronica.lang import pack
from cronica.resolve.numbers import NEVER, number_word_pattern, parse_number
from cronica.text import alternation

KINDS = ("date", "relative_doc", "relative_narrative", "duration", "time_of_day", "set")
_DAY_KINDS = ("date", "relative_doc", "relative_narrative")
_ANCHORS = {"relative_doc": "doc", "relative_narrative": "narrative", "time_of_day": "doc"}
_DURATION_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y", "hour": "H", "minute": "M"}
# What a pack without some part of time.yaml reads as: no time expressions of that kind.
_EMPTY: dict[str, Any] = {
    "months": {},
    "weekdays": {},
    "units": {},
    "directions": {},
    "parts": {},
    "amounts": {},
    "qualifiers": [],
    "fixed": {},
    "patterns": [],
    "part_prefix": NEVER,
    "weekday_suffix": NEVER,
    "one_words": [],
}


@dataclass(frozen=True)
class TimeMention:
    """A time expression in text, with the pieces needed to normalise it.

    ``offset`` counts ``unit``s from the anchor (relative kinds); ``amount`` is a duration's
    or set's length in ``unit``s (None when vague: "unos días"); ``direction`` is -1 / 0 / 1
    for "pasado" / "este" / "próximo" and None when not said.
    """

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    direction: int | None = None
    offset: int | None = None
    unit: str | None = None
    amount: float | None = None
    part: str | None = None
    ref: str | None = None
    anchor: str | None = None  # "doc" | "narrative" for relative mentions
    clock: str | None = None  # "HH:MM" for clock times


@dataclass(frozen=True)
class ResolvedTime:
    """A normalised time: ISO value ("2016-12-15", "2016-12", "2016", "2016-W50")."""

    value: str | None
    precision: str  # day | week | month | year | unknown
    date: date | None = None  # the day itself, for day precision


UNKNOWN = ResolvedTime(None, "unknown")


@cache
def load_time_lexicon(lang: str) -> dict[str, Any]:
    """The time lexicon for ``lang`` (``lang/<lang>/time.yaml``), cached."""
    return {**_EMPTY, **pack(lang).lexicon("time")}


def _alternation(words: Any) -> str:
    """`alternation`, or a never-matching regex when a pack lists no words."""
    return alternation(words) if words else NEVER


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


@cache
def _slots(lang: str) -> dict[str, str]:
    lex = load_time_lexicon(lang)
    count = f"{_alternation(lex['amounts'])}|{number_word_pattern(lang)}"
    return {
        "MONTH": _alternation(lex["months"]),
        "WEEKDAY": _alternation(lex["weekdays"]),
        "UNIT": _alternation(lex["units"]),
        "DIR": _alternation(lex["directions"]),
        "PART": _alternation(lex["parts"]),
        "COUNT": count,
        "QUAL": _alternation(lex["qualifiers"]),
    }


def _fill(template: str, lang: str) -> str:
    slots = _slots(lang)
    return re.sub(r"<<(\w+)>>", lambda m: slots[m.group(1)], template)


@cache
def _compiled(lang: str) -> list[tuple[re.Pattern[str], dict[str, Any]]]:
    """(regex, pattern fields) in priority order; fixed expressions come first."""
    lex = load_time_lexicon(lang)
    flags = re.IGNORECASE
    fixed = re.compile(rf"(?<!\w)(?P<fixed>{_alternation(lex['fixed'])})(?!\w)", flags)
    out: list[tuple[re.Pattern[str], dict[str, Any]]] = [(fixed, {})]
    for p in lex["patterns"]:
        rx = re.compile(rf"(?<!\w)(?:{_fill(p['re'], lang)})(?!\w)", flags)
        out.append((rx, {k: v for k, v in p.items() if k != "re"}))
    return out


@cache
def _edge_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = load_time_lexicon(lang)
    return (
        re.compile(_fill(lex["part_prefix"], lang), re.IGNORECASE),
        re.compile(_fill(lex["weekday_suffix"], lang), re.IGNORECASE),
    )


def _lookup(table: dict[str, Any], text: str | None) -> Any:
    if text is None:
        return None
    return table.get(_key(text))


def _count(text: str | None, lang: str) -> tuple[bool, float | None]:
    """(said, amount): amount None for vague words ("unos"), (False, None) when absent."""
    if text is None:
        return False, None
    lex = load_time_lexicon(lang)
    key = _key(text)
    if key in lex["amounts"]:
        return True, lex["amounts"][key]
    if key in lex["one_words"]:  # "a day ago"
        return True, 1.0
    num = parse_number(text, lang)
    return True, (float(num.value) if num else None)


def _int(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


def _mention(m: re.Match[str], fields: dict[str, Any], lang: str) -> TimeMention | None:
    """Build a TimeMention from a regex match and its pattern's fields."""
    lex = load_time_lexicon(lang)
    g = m.groupdict()
    if g.get("fixed"):
        fields = lex["fixed"][_key(g["fixed"]).lower()]
    start = m.end("lead") if g.get("lead") else m.start()
    kind = fields["kind"]
    month = _lookup(lex["months"], g.get("month")) or _int(g.get("month"))
    day = _int(g.get("day")) or (1 if g.get("day") else None)
    year = _int(g.get("year"))
    if year is not None and year < 100:
        year += 2000 if year < 50 else 1900
    if month is not None and day is not None and month > 12 and day <= 12:
        month, day = day, month
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    direction = _lookup(lex["directions"], g.get("dir") or g.get("dir2"))
    unit = _lookup(lex["units"], g.get("unit")) or fields.get("unit")
    said, amount = _count(g.get("num"), lang)
    offset = fields.get("offset")
    if "sign" in fields:
        if said and amount is None and kind != "relative_doc":
            return None
        offset = None if amount is None else int(round(amount)) * fields["sign"]
        if unit in ("hour", "minute"):
            offset = 0 if kind == "relative_narrative" else None
            unit = "day" if offset == 0 else unit
    if kind in ("duration", "set"):
        amount = fields.get("amount", amount) if not said else amount
    part = _lookup(lex["parts"], g.get("part")) or fields.get("part")
    clock = _clock(g.get("hour"), g.get("minute"), part, lang)
    return TimeMention(
        start=start,
        end=m.end(),
        text=m.string[start : m.end()],
        kind=kind,
        year=year,
        month=month,
        day=day,
        weekday=_lookup(lex["weekdays"], g.get("wd")),
        direction=direction,
        offset=offset,
        unit=unit,
        amount=amount,
        part=part,
        ref=fields.get("ref"),
        anchor=fields.get("anchor") or _ANCHORS.get(kind),
        clock=clock,
    )


def _clock(hour: str | None, minute: str | None, part: str | None, lang: str) -> str | None:
    """ "HH:MM" from an hour (digits or words) and minute; afternoon/night hours move to PM."""
    if hour is None:
        return None
    h = int(hour) if hour.isdigit() else getattr(parse_number(hour, lang), "value", None)
    if h is None or h > 24:
        return None
    if part in ("AF", "EV", "NI") and h < 12:
        h += 12
    return f"{h:02d}:{int(minute or 0):02d}"


def _has_day(m: TimeMention) -> bool:
    return m.day is not None or m.weekday is not None or (m.unit == "day" and m.offset is not None)


def _attach_edges(text: str, m: TimeMention, lang: str) -> TimeMention:
    """Widen a day mention with a day-part before it and a weekday name after it."""
    if m.kind not in _DAY_KINDS or not _has_day(m):
        return m
    prefix_rx, suffix_rx = _edge_patterns(lang)
    lex = load_time_lexicon(lang)
    window = max(0, m.start - 60)
    pre = prefix_rx.search(text[window : m.start])
    if pre:
        start = window + pre.start()
        part = _lookup(lex["parts"], pre.group("part"))
        m = replace(m, start=start, text=text[start : m.end], kind="time_of_day", part=part)
    if m.weekday is None and m.unit == "day":
        suf = suffix_rx.match(text[m.end : m.end + 20])
        if suf:
            end = m.end + suf.end()
            m = replace(m, end=end, text=text[m.start : end])
    return m


def find_times(text: str, lang: str) -> list[TimeMention]:
    """Every time expression in ``text``, left to right, without overlaps (longest wins)."""
    candidates: list[tuple[int, int, int, TimeMention]] = []
    for priority, (rx, fields) in enumerate(_compiled(lang)):
        for m in rx.finditer(text):
            mention = _mention(m, fields, lang)
            if mention is not None and mention.end > mention.start:
                candidates.append((mention.start, -(mention.end - mention.start), priority,
                                   mention))
    candidates.sort(key=lambda c: (c[1], c[2], c[0]))
    taken: list[TimeMention] = []
    for _, _, _, mention in candidates:
        if all(mention.end <= t.start or mention.start >= t.end for t in taken):
            taken.append(mention)
    taken.sort(key=lambda t: t.start)
    widened = [_attach_edges(text, t, lang) for t in taken]
    out: list[TimeMention] = []
    for t in widened:
        if out and t.start < out[-1].end:
            continue
        out.append(t)
    return out


# --- resolution -------------------------------------------------------------------------


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, 1)


def _day(d: date) -> ResolvedTime:
    return ResolvedTime(d.isoformat(), "day", d)


def _week(d: date) -> ResolvedTime:
    y, w, _ = d.isocalendar()
    return ResolvedTime(f"{y}-W{w:02d}", "week")


def _month(d: date) -> ResolvedTime:
    return ResolvedTime(f"{d.year:04d}-{d.month:02d}", "month")


def _year(y: int) -> ResolvedTime:
    return ResolvedTime(f"{y:04d}", "year")


def _shift(anchor: date, offset: int, unit: str) -> ResolvedTime:
    if unit == "day":
        return _day(anchor + timedelta(days=offset))
    if unit == "week":
        return _week(anchor + timedelta(weeks=offset))
    if unit == "month":
        return _month(_add_months(anchor, offset))
    if unit == "year":
        return _year(anchor.year + offset)
    return UNKNOWN


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _pick_year(month: int, day: int, anchor: date, direction: int | None) -> date | None:
    """The year-less date's year: the candidate (anchor year -1, 0, +1) nearest the anchor,
    a future candidate counting double its distance.

    Reports mostly tell the past ("el 15 de diciembre" in a January article is last
    December) but do announce near future dates ("elections on 6 September" in July); the
    weight keeps a date on/before the anchor unless the future one is much closer.
    "pasado"/"last" forces on/before, "próximo"/"next" on/after.
    """
    candidates = [c for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                  if (c := _safe_date(y, month, day))]
    if direction == -1:
        candidates = [c for c in candidates if c <= anchor]
    elif direction == 1:
        candidates = [c for c in candidates if c >= anchor]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c - anchor).days * 2 if c > anchor
               else (anchor - c).days)


def _resolve_weekday(weekday: int, anchor: date, direction: int | None) -> date:
    """Most recent such weekday on/before the anchor (news tell the past); "pasado" strictly
    before, "próximo" strictly after, "este"/"this" the coming one (on/after the anchor)."""
    delta = (anchor.weekday() - weekday) % 7
    if direction == 1:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if direction == 0:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    if direction == -1 and delta == 0:
        delta = 7
    return anchor - timedelta(days=delta)


def _resolve_date(m: TimeMention, dct: date | None, narrative: date | None) -> ResolvedTime:
    anchor = narrative or dct
    if m.year is not None and m.month is not None and m.day is not None:
        d = _safe_date(m.year, m.month, m.day)
        return _day(d) if d else UNKNOWN
    if m.year is not None and m.month is not None:
        return _month(date(m.year, m.month, 1))
    if m.year is not None:
        return _year(m.year)
    if anchor is None:
        return UNKNOWN
    if m.month is not None and m.day is not None:
        d = _pick_year(m.month, m.day, anchor, m.direction)
        return _day(d) if d else UNKNOWN
    if m.month is not None:
        d = _pick_year(m.month, 1, date(anchor.year, anchor.month, 1), m.direction)
        return _month(d) if d else UNKNOWN
    if m.day is not None:
        d = _safe_date(anchor.year, anchor.month, m.day)
        if d is None or (d > anchor and m.direction == -1):
            prev = _add_months(anchor, -1)
            d = _safe_date(prev.year, prev.month, m.day)
        return _day(d) if d else UNKNOWN
    return UNKNOWN


def resolve_time(m: TimeMention, dct: date | None, narrative: date | None) -> ResolvedTime:
    """Resolve a mention to an ISO value and precision.

    Explicit dates stand alone (a missing year comes from the narrative date, else the DCT);
    document-relative expressions and weekdays anchor on ``dct``; narrative-relative ones on
    ``narrative``, falling back to ``dct``. No anchor -> value None, precision "unknown".
    Durations, sets and vague references ("ahora") have no date: "unknown".
    """
    if m.kind in ("duration", "set") or m.ref is not None:
        return UNKNOWN
    if m.month is not None or m.year is not None or m.day is not None:
        return _resolve_date(m, dct, narrative)
    anchor = (narrative or dct) if m.anchor == "narrative" else dct
    if anchor is None:
        return UNKNOWN
    if m.weekday is not None:
        return _day(_resolve_weekday(m.weekday, anchor, m.direction))
    if m.offset is not None and m.unit is not None:
        return _shift(anchor, m.offset, m.unit)
    return UNKNOWN


def timex_value(m: TimeMention, dct: date | None, narrative: date | None = None) -> str | None:
    """TempEval-3 TIMEX3 value: "2016-12-15", "2016-12", "2016", "2016-W50", "P3D",
    "PXD" (vague), "PRESENT_REF", "2016-12-15TMO" (part of day)."""
    if m.ref is not None:
        return m.ref
    if m.kind in ("duration", "set") or (m.kind == "relative_doc" and m.offset is None
                                         and m.unit and m.weekday is None):
        if m.unit is None:
            return None
        code = _DURATION_CODE[m.unit]
        prefix = "PT" if m.unit in ("hour", "minute") else "P"
        n = "X" if m.amount is None else f"{m.amount:g}"
        return f"{prefix}{n}{code}"
    r = resolve_time(m, dct, narrative)
    if r.value is None:
        return None
    if m.kind == "time_of_day" and r.precision == "day" and (m.clock or m.part):
        return f"{r.value}T{m.clock or m.part}"
    return r.value


class Timeline:
    """The narrative date of one document, carried across its sentences."""

    def __init__(self, dct: date | None) -> None:
        self.dct = dct
        self._current: ResolvedTime | None = None
        self._period: date | None = None  # middle of the last month or year named

    @property
    def current(self) -> ResolvedTime | None:
        """The last day-precision date resolved in the story (None before the first)."""
        return self._current

    def resolve(self, m: TimeMention) -> ResolvedTime:
        """Resolve ``m`` against the story so far; a day-precision result becomes current.

        With neither a publication date nor a day yet, a month or year named earlier ("the
        2016 offensive", "in August 2016") anchors the year of "on 28 September"."""
        narrative = self._current.date if self._current else None
        if narrative is None and self.dct is None and m.year is None and m.month is not None:
            narrative = self._period
        r = resolve_time(m, self.dct, narrative)
        if r.precision == "day":
            self._current = r
        elif r.precision in ("month", "year") and r.value and r.value[:4].isdigit():
            month = int(r.value[5:7]) if r.precision == "month" else 7
            self._period = date(int(r.value[:4]), month, 15 if r.precision == "month" else 1)
        return r
