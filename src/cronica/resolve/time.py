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
from functools import cache, lru_cache
from typing import Any

from cronica.lang import pack
from cronica.resolve.numbers import NEVER, number_word_pattern, parse_number
from cronica.resolve.regex_literals import LiteralGate
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
    "positions": {},
    "part_prefix": NEVER,
    "since_prefix": NEVER,
    "weekday_suffix": NEVER,
    "one_words": [],
}
WEEK_SPAN = 10  # a range of at most this many days is a week-precision date, else a month
POSITION_DAYS = 7  # "early / mid / late March": a window of this many days in the month
TEXTS_KEPT = 256  # find_times answers kept (a paragraph's sentences, read by two components)


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
    day2: int | None = None  # a range's last day ("entre el 24 y el 28 de febrero")
    month2: int | None = None
    year2: int | None = None
    position: str | None = None  # early | mid | late (of a month)
    since: bool = False  # "desde el 1 de febrero": from then to the publication date


_Date = date  # the type, under a name the field ``ResolvedTime.date`` does not hide


@dataclass(frozen=True)
class ResolvedTime:
    """A normalised time: an ISO day ("2016-12-15") for day, week and month precision (the
    day that stands for the week or month: a range's midpoint, a month's 15th), the year
    ("2016") for year precision. ``timex`` gives the TIMEX3 form ("2016-W50", "2016-12")."""

    value: str | None
    precision: str  # day | week | month | year | unknown
    date: date | None = None  # the day the value names (None for year and unknown)

    @property
    def timex(self) -> str | None:
        """The TIMEX3 value: "2016-12-15", "2016-W50", "2016-12" or "2016"."""
        if self.date is None or self.precision == "day":
            return self.value
        if self.precision == "week":
            y, w, _ = self.date.isocalendar()
            return f"{y}-W{w:02d}"
        return f"{self.date.year:04d}-{self.date.month:02d}"

    def after(self, day: _Date) -> bool:
        """Whether the whole time lies after ``day`` (a plan, seen from a publication date)."""
        if self.precision == "year" and self.value and self.value.isdigit():
            return int(self.value) > day.year
        if self.date is None:
            return False
        if self.precision == "month":
            return self.date.replace(day=1) > day
        slack = 3 if self.precision == "week" else 0
        return self.date - timedelta(days=slack) > day


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
        "POS": _alternation(lex["positions"]),
    }


def _fill(template: str, lang: str) -> str:
    slots = _slots(lang)
    return re.sub(r"<<(\w+)>>", lambda m: slots[m.group(1)], template)


@cache
def _sources(lang: str) -> list[tuple[str, dict[str, Any]]]:
    """(regex source, pattern fields) in priority order; fixed expressions come first."""
    lex = load_time_lexicon(lang)
    fixed = rf"(?<!\w)(?P<fixed>{_alternation(lex['fixed'])})(?!\w)"
    out: list[tuple[str, dict[str, Any]]] = [(fixed, {})]
    for p in lex["patterns"]:
        out.append((rf"(?<!\w)(?:{_fill(p['re'], lang)})(?!\w)",
                    {k: v for k, v in p.items() if k != "re"}))
    return out


@cache
def _compiled(lang: str) -> list[tuple[re.Pattern[str], dict[str, Any]]]:
    """(regex, pattern fields) in priority order, matching regardless of case."""
    return [(re.compile(source, re.IGNORECASE), fields) for source, fields in _sources(lang)]


# Regex syntax whose letters are not text to match: escapes, group names, inline flags.
_SYNTAX = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)|\(\?[aiLmsux-]+[:)]")
# Letters that re's IGNORECASE matches with a letter other than their lower case: dotless i
# (i), long s (s). A text holding one is read with the case-insensitive patterns.
_OTHER_FOLDS = frozenset("\u0131\u017f")


def _lower_case(source: str) -> bool:
    """Whether every letter a regex matches literally is lower case, so that, run without
    IGNORECASE on a lower-cased text, it finds what it finds with IGNORECASE in the text."""
    literal = _SYNTAX.sub("", source)
    return literal == literal.lower()


@cache
def _case_sensitive(lang: str) -> list[re.Pattern[str] | None]:
    """`_compiled`'s patterns compiled without IGNORECASE, for a lower-cased copy of the
    text (the regex engine then passes faster over text it cannot match); None for one
    not written in lower case, which reads the text as it is."""
    return [re.compile(source) if _lower_case(source) else None
            for source, _ in _sources(lang)]


@cache
def _literal_gate(lang: str) -> LiteralGate:
    """Which of `_case_sensitive`'s patterns a lower-cased text may match, by the strings
    every match of each holds, and by the digit some need (regex_literals): a text holding
    none of a pattern's strings, or no digit where it needs one, is not scanned with it. A
    pattern read case-sensitively is always scanned."""
    return LiteralGate([source if sensitive is not None else None
                        for (source, _), sensitive in zip(_sources(lang), _case_sensitive(lang),
                                                          strict=True)])


@cache
def _edge_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = load_time_lexicon(lang)
    return (
        re.compile(_fill(lex["part_prefix"], lang), re.IGNORECASE),
        re.compile(_fill(lex["weekday_suffix"], lang), re.IGNORECASE),
        re.compile(rf"(?<!\w)(?:{_fill(lex['since_prefix'], lang)})$", re.IGNORECASE),
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


def _mention(
    m: re.Match[str], text: str, fields: dict[str, Any], lang: str
) -> TimeMention | None:
    """Build a TimeMention from a regex match in `text` (or in its lower-cased copy: the
    groups are read from `text`) and its pattern's fields."""
    lex = load_time_lexicon(lang)
    g: dict[str, str | None] = {}
    for name in m.re.groupindex:
        a, b = m.span(name)
        g[name] = text[a:b] if a >= 0 else None
    if g.get("fixed"):  # (a letter IGNORECASE matched but lower() does not give: no key)
        fields = lex["fixed"].get(_key(g["fixed"] or ""))
        if fields is None:
            return None
    start = m.end("lead") if g.get("lead") else m.start()
    kind = fields["kind"]
    month = _lookup(lex["months"], g.get("month")) or _int(g.get("month"))
    day = _int(g.get("day")) or (1 if g.get("day") else None)
    year = _int(g.get("year"))
    if year is not None and year < 100:
        year += 2000 if year < 50 else 1900
    if month is not None and day is not None and month > 12 and day <= 12:
        month, day = day, month
    day2, month2 = _int(g.get("day2")), _lookup(lex["months"], g.get("month2"))
    if day2 is not None:  # a range: each end borrows what the other says
        month2 = month2 or month
        month = month or month2
        if day2 > 31 or day is None or month is None:
            return None
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
        text=text[start : m.end()],
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
        day2=day2,
        month2=month2 if day2 is not None else None,
        year2=_int(g.get("year2")),
        position=_lookup(lex["positions"], g.get("pos")),
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
    """Widen a day mention with "desde" / "since" before it (a range up to the publication
    date), a day-part before it and a weekday name after it."""
    prefix_rx, suffix_rx, since_rx = _edge_patterns(lang)
    if m.kind == "date" and m.day2 is None and (m.day is not None or m.position) or (
        m.weekday is not None
    ):
        since = since_rx.search(text[max(0, m.start - 30) : m.start])
        if since:
            start = m.start - (len(since.string) - since.start())
            m = replace(m, start=start, text=text[start : m.end], since=True)
    if m.kind not in _DAY_KINDS or not _has_day(m):
        return m
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
    return list(_find_times(text, lang))


@lru_cache(maxsize=TEXTS_KEPT)
def _find_times(text: str, lang: str) -> tuple[TimeMention, ...]:
    """`find_times`, kept for the last TEXTS_KEPT texts: a sentence's dates are read, then
    its counts (which leave numbers inside dates out) look for them again."""
    candidates: list[tuple[int, int, int, TimeMention]] = []
    lowered = text.lower()  # unless offsets would move ("İ") or a letter folds apart
    safe = len(lowered) == len(text) and _OTHER_FOLDS.isdisjoint(text)
    possible = _literal_gate(lang).possible(lowered) if safe else frozenset()
    patterns = zip(_sources(lang), _case_sensitive(lang), strict=True)
    for priority, ((_, fields), sensitive) in enumerate(patterns):
        if safe and sensitive is not None:
            if priority not in possible:
                continue  # none of the strings every match holds: no match
            found = sensitive.finditer(lowered)
        else:
            found = _compiled(lang)[priority][0].finditer(text)  # compiled when first met
        for m in found:
            mention = _mention(m, text, fields, lang)
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
    return tuple(out)


# --- resolution -------------------------------------------------------------------------


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, 1)


def _day(d: date) -> ResolvedTime:
    return ResolvedTime(d.isoformat(), "day", d)


def _week(d: date) -> ResolvedTime:
    return ResolvedTime(d.isoformat(), "week", d)


def _month(d: date) -> ResolvedTime:
    """A month stands for its 15th (the gold's convention for "en marzo")."""
    mid = date(d.year, d.month, 15)
    return ResolvedTime(mid.isoformat(), "month", mid)


def _year(y: int) -> ResolvedTime:
    return ResolvedTime(f"{y:04d}", "year")


def _span(start: date, end: date) -> ResolvedTime:
    """A range of days: its midpoint (the earlier of two), week precision when it lasts at
    most WEEK_SPAN days, else month."""
    if end < start:
        start, end = end, start
    days = (end - start).days
    mid = start + timedelta(days=days // 2)
    if days == 0:
        return _day(mid)
    return ResolvedTime(mid.isoformat(), "week" if days <= WEEK_SPAN else "month", mid)


def _shift(anchor: date, offset: int, unit: str) -> ResolvedTime:
    """``offset`` units from the anchor; this week is the anchor's day itself ("esta semana",
    "recientemente"), another week its middle (a Thursday)."""
    if unit == "day":
        return _day(anchor + timedelta(days=offset))
    if unit == "week":
        if offset == 0:
            return _week(anchor)
        d = anchor + timedelta(weeks=offset)
        return _week(d + timedelta(days=3 - d.weekday()))
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
    """Most recent such weekday on/before the anchor (news tell the past: "este viernes" in a
    Saturday paper is yesterday); "pasado" strictly before, "próximo" strictly after."""
    delta = (anchor.weekday() - weekday) % 7
    if direction == 1:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if direction == -1 and delta == 0:
        delta = 7
    return anchor - timedelta(days=delta)


def _position(m: TimeMention, first: date) -> ResolvedTime:
    """"early / mid / late March": the middle of a POSITION_DAYS window at the month's start,
    middle or end."""
    last = _add_months(first, 1) - timedelta(days=1)
    if m.position == "early":
        start = first
    elif m.position == "late":
        start = last - timedelta(days=POSITION_DAYS - 1)
    else:
        start = first + timedelta(days=15 - 1 - POSITION_DAYS // 2)
    return _span(start, start + timedelta(days=POSITION_DAYS - 1))


def _resolve_range(m: TimeMention, dct: date | None, narrative: date | None) -> ResolvedTime:
    """"entre el 24 y el 28 de febrero", "9 to 11 October": the midpoint of the two ends; a
    year said once belongs to both, the first end falling in the year before when its month
    is later ("28 December to 3 January 2016")."""
    end_m = replace(m, day=m.day2, month=m.month2, year=m.year2 or m.year, day2=None)
    end = _resolve_date(end_m, dct, narrative)
    if end.date is None or m.month is None or m.day is None:
        return UNKNOWN
    year = m.year or end.date.year - ((m.month, m.day) > (end.date.month, end.date.day))
    start = _safe_date(year, m.month, m.day)
    return _span(start, end.date) if start else UNKNOWN


def _resolve_date(m: TimeMention, dct: date | None, narrative: date | None) -> ResolvedTime:
    if m.day2 is not None:
        return _resolve_range(m, dct, narrative)
    anchor = narrative or dct
    if m.year is not None and m.month is not None and m.day is not None:
        d = _safe_date(m.year, m.month, m.day)
        return _day(d) if d else UNKNOWN
    if m.year is not None and m.month is not None:
        first = date(m.year, m.month, 1)
        return _position(m, first) if m.position else _month(first)
    if m.year is not None:
        return _year(m.year)
    if anchor is None:
        return UNKNOWN
    if m.month is not None and m.day is not None:
        d = _pick_year(m.month, m.day, anchor, m.direction)
        return _day(d) if d else UNKNOWN
    if m.month is not None:
        d = _pick_year(m.month, 1, date(anchor.year, anchor.month, 1), m.direction)
        if d is None:
            return UNKNOWN
        return _position(m, d) if m.position else _month(d)
    if m.day is not None:
        d = _safe_date(anchor.year, anchor.month, m.day)
        if d is None or (d > anchor and m.direction == -1):
            prev = _add_months(anchor, -1)
            d = _safe_date(prev.year, prev.month, m.day)
        return _day(d) if d else UNKNOWN
    return UNKNOWN


def _since(r: ResolvedTime, m: TimeMention, dct: date | None) -> ResolvedTime:
    """"desde el 1 de febrero" in a report: the range from then to the publication date."""
    if not m.since or dct is None or r.date is None or r.date > dct:
        return r
    return _span(r.date.replace(day=1) if r.precision == "month" else r.date, dct)


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
        return _since(_resolve_date(m, dct, narrative), m, dct)
    anchor = (narrative or dct) if m.anchor == "narrative" else dct
    if anchor is None:
        return UNKNOWN
    if m.weekday is not None:
        return _since(_day(_resolve_weekday(m.weekday, anchor, m.direction)), m, dct)
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
    return r.timex


def _year_less(m: TimeMention) -> bool:
    """A date naming its month but no year, and no direction of its own."""
    return m.year is None and m.month is not None and m.direction in (None, 0)


def calendar_date(m: TimeMention) -> bool:
    """A date by the calendar ("4 de abril de 2017", "del 6 al 7 de abril"), not one counted
    forward from now ("el próximo domingo", "mañana")."""
    return m.year is not None or _year_less(m)


BACKGROUND_DAYS = 30  # a report's date this long before its publication is background history


def background(r: ResolvedTime, dct: date | None, days: int = BACKGROUND_DAYS) -> bool:
    """Whether a dated report's time ends more than ``days`` before its publication date
    ("en 2012", "en septiembre de 2014" in a 2016 article): background, not the news."""
    if dct is None or r.precision == "unknown" or not r.value:
        return False
    if r.precision == "year":
        end = date(int(r.value[:4]), 12, 31)
    elif r.precision == "month" and r.date is not None:
        end = _add_months(r.date, 1) - timedelta(days=1)
    elif r.date is not None:
        end = r.date + timedelta(days=3 if r.precision == "week" else 0)
    else:
        return False
    return (dct - end).days > days


class Timeline:
    """The narrative date of one document, carried across its sentences."""

    def __init__(self, dct: date | None) -> None:
        self.dct = dct
        self._current: ResolvedTime | None = None
        self._period: tuple[date, str] | None = None  # the last month or year named
        self.current_text: str | None = None  # the words that set the current date
        self.previous: tuple[ResolvedTime, str | None] | None = None  # the last sentence's day
        self._sentences = 0  # sentences said so far
        self._current_at = -1  # the sentence that set the current date
        self._period_at = -1  # the sentence that named the last month or year

    @property
    def current(self) -> ResolvedTime | None:
        """The last date of the story that names a day or a short range (None before any)."""
        return self._current

    def usable(self, r: ResolvedTime) -> bool:
        """Whether ``r`` can date an event: known, and not after the publication date."""
        return r.precision != "unknown" and not (self.dct is not None and r.after(self.dct))

    def said(self, own: tuple[ResolvedTime, str | None] | None) -> None:
        """Record a sentence's own date (None: it had none); a day, or a period long before
        the publication date ("en septiembre del 2014"), carries to the next sentence of a
        dated report: the narrative stays in that time until a sentence moves it."""
        carries = own is not None and (
            own[0].precision == "day" or background(own[0], self.dct)
        )
        self.previous = own if carries else None
        self._sentences += 1

    def _narrative(self, m: TimeMention) -> date | None:
        """The day a mention's missing parts come from. In a dated report a year-less date
        ("el 30 de septiembre") takes its year from the story's day only when this sentence
        or the one before set it (a date in the background history two paragraphs up does
        not carry); otherwise from the publication date."""
        if m.kind == "relative_narrative" and m.unit in ("month", "year"):
            return self._latest_anchor()  # "ese año", "the following month"
        if self._current is None:
            return None
        if self.dct is not None and m.year is None and m.month is not None:
            if self._sentences - self._current_at > 1:
                return None
        return self._current.date

    def _latest_anchor(self) -> date | None:
        """The story's last day or last month or year named, whichever was said last."""
        said = []
        if self._current is not None and self._current.date is not None:
            said.append((self._current_at, self._current.date))
        if self._period is not None:
            said.append((self._period_at, self._period[0]))
        return max(said)[1] if said else None

    def resolve(self, m: TimeMention, past: bool = False) -> ResolvedTime:
        """Resolve ``m`` against the story so far; a day or a range becomes current, unless
        it lies after the publication date (a plan, not the story's day).

        ``past``: the sentence is told in the past, so a year-less date anchored on the
        publication date is on or before it ("el 12 de abril" told in the past in a March
        report is last April, not next month's), and a later date with its year is the
        story's day all the same (a page rewritten after its date: "el 4 de abril de 2017"
        then "del 6 al 7 de abril" in a page dated 2016).

        With neither a publication date nor a day yet, a month or year named earlier ("the
        2016 offensive", "in August 2016") anchors the year of "on 28 September": a year
        gives its own year, a month the nearest year around it."""
        narrative = self._narrative(m)
        if narrative is None and self.dct is None and m.year is None and self._period:
            day, precision = self._period
            if precision == "year" and m.month is not None and m.day2 is None:
                m = replace(m, year=day.year)
            elif m.month is not None:
                narrative = day
        if past and narrative is None and self.dct is not None and _year_less(m):
            m = replace(m, direction=-1)
        r = resolve_time(m, self.dct, narrative)
        if self.dct is not None and r.after(self.dct) and not (past and m.year is not None):
            return r  # a plan; a later year told in the past is the story's (a rewritten page)
        if r.date is not None and (r.precision == "day" or m.day2 is not None or m.since):
            self._current, self.current_text = r, m.text
            self._current_at = self._sentences
        elif r.precision in ("month", "year") and r.value and r.value[:4].isdigit():
            self._period = self._period_of(r)
            self._period_at = self._sentences
        return r

    def _period_of(self, r: ResolvedTime) -> tuple[date, str]:
        """The period a month or year sets; a year does not replace a month of that year."""
        if r.precision == "month" and r.date is not None:
            return r.date, "month"
        year = int(r.value[:4]) if r.value else 0
        if self._period and self._period[1] == "month" and self._period[0].year == year:
            return self._period
        return date(year, 7, 1), "year"
