"""ACLED rows as cronica's records: one document (the row's notes) and one event per row,
source "ACLED", so ACLED's events sit in the store beside cronica's and answer the same
queries (`cronica events`, exports, the map)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from cronica.acled.codebook import INTER, SUB_EVENT_TYPES
from cronica.acled.countries import country as find_country
from cronica.acled.rows import clean_note
from cronica.ontology import ontology
from cronica.record import (
    Actor,
    Claim,
    Document,
    Event,
    Evidence,
    Fatalities,
    Location,
    Quantity,
    Sentence,
)

SOURCE = "ACLED"
SOURCE_TYPE = "NGO"  # a conflict monitor, ranked with NGOs (link/sources.py)
PRECISION = {"1": "day", "2": "week", "3": "month"}
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y")


@dataclass
class AcledRecord:
    """One ACLED row as a document, its sentences and its event, with the row's ACLED id."""

    document: Document
    sentences: list[Sentence]
    event: Event
    code: str


def parse_date(value: str) -> date:
    """An ACLED event_date: ISO ("2022-01-31") or ACLED's older "31 January 2022"."""
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(f"event_date {value!r} is not a date (YYYY-MM-DD or '31 January 2022')")


def _language(notes: str) -> str | None:
    """The notes' language when it is one cronica reads (ACLED writes English), else None."""
    from cronica.documents.language import language_scores
    from cronica.lang import supported

    best = language_scores(notes)[0][0] if any(c.isalpha() for c in notes) else None
    return best if best in supported() else None


def _number(row: dict[str, str], column: str, kind: type[int] | type[float]) -> int | float | None:
    value = row.get(column, "")
    if not value:
        return None
    try:
        return kind(float(value)) if kind is int else float(value)
    except ValueError:
        raise ValueError(f"{column} {value!r} is not a number") from None


def _actor(row: dict[str, str], side: str, country: str | None) -> Actor | None:
    name = row.get(f"actor{side}", "")
    if not name:
        return None
    code = row.get(f"inter{side}", "")
    actor_type = INTER.get(int(float(code))) if code.replace(".", "").isdigit() else None
    return Actor(text=name, canonical=name, actor_type=actor_type, country=country)


def _assoc(row: dict[str, str], sides: tuple[Actor | None, Actor | None]) -> list[Actor]:
    """Associated actors, each with the actor type of the side it is associated with (the
    export puts an associated actor of actor 2's type beside actor 2)."""
    out = []
    for side, main in zip(("1", "2"), sides, strict=True):
        for name in row.get(f"assoc_actor_{side}", "").split(";"):
            if name.strip():
                out.append(Actor(text=name.strip(), canonical=name.strip(),
                                 actor_type=main.actor_type if main else None))
    return out


def to_record(row: dict[str, str], source_name: str, line: int) -> AcledRecord:
    """The record of one row (`source_name`: the file, for ids and messages); ValueError
    naming the column when a value does not fit ACLED's codebook."""
    code = row.get("event_id_cnty", "").strip() or f"row{line}"
    sub = row.get("sub_event_type", "")
    if sub not in SUB_EVENT_TYPES:
        raise ValueError(f"sub_event_type {sub!r} is not one of ACLED's 25")
    event_type = row.get("event_type") or SUB_EVENT_TYPES[sub]
    day = parse_date(row.get("event_date", ""))
    found = find_country(row.get("country"))
    country = found.name if found else (row.get("country") or None)
    notes = clean_note(row.get("notes", "")) or f"{sub} in {row.get('location') or country}."
    doc_id = f"acled:{code}"
    lang = _language(notes)
    head = f"ACLED {code}\n"  # the row's id heads its text: rows with the same notes differ
    text = head + notes
    lat, lon = _number(row, "latitude", float), _number(row, "longitude", float)
    geo = _number(row, "geo_precision", int)
    location = Location(
        text=row.get("location", ""), canonical=row.get("location") or None,
        admin1=row.get("admin1") or None, admin2=row.get("admin2") or None, country=country,
        lat=lat, lon=lon, geo_precision=int(geo) if geo is not None else None,
    ) if row.get("location") or lat is not None else None
    killed = _number(row, "fatalities", int)
    quantities = [Quantity("killed", int(killed), text=str(int(killed)), source=SOURCE)] \
        if killed else []
    actor1, actor2 = _actor(row, "1", country), _actor(row, "2", country)
    evidence = Evidence(sentence=notes, start=len(head), end=len(text), trigger="",
                        document=doc_id, sentence_index=0)
    event = Event(
        event_id=f"acled-{code}", document=doc_id, sentence_index=0, evidence=evidence,
        event_type=event_type, sub_event_type=sub, plover=ontology().plover_of.get(sub, ""),
        action=sub.lower(), date=day.isoformat(),
        date_precision=PRECISION.get(row.get("time_precision", ""), "day"),
        actor1=actor1, actor2=actor2, assoc_actors=_assoc(row, (actor1, actor2)),
        location=location, quantities=quantities,
        fatalities=Fatalities(int(killed), int(killed), int(killed)) if killed is not None
        else None,
        claims=[Claim(SOURCE, SOURCE_TYPE, "reports", doc_id, 0)], confidence=1.0,
        rules=["import:acled"], lang=lang, mentions=[evidence],
    )
    document = Document(id=doc_id, text=text, lang=lang, date=day, source=SOURCE,
                        path=source_name, line=line, title=f"ACLED {code}")
    return AcledRecord(document, [(0, len(head), len(text), notes, [])], event, code)
