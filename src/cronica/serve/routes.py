"""The API's routes: events (list, one, timeline), documents, reviews, export, health."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import ValidationError

from cronica.record import Document, Event, InputError, parse_iso_date
from cronica.serve.models import DocumentIn, ReviewIn
from cronica.serve.query import (
    REVIEW_STATES,
    EventFilter,
    day_counts,
    evidence_sentences,
    find_events,
    get_event,
)
from cronica.serve.state import ServerState
from cronica.store.reviews import ReviewError, add_review, reviews_of

log = logging.getLogger("cronica.serve")
router = APIRouter()

MEDIA = {"acled-csv": "text/csv; charset=utf-8", "geojson": "application/geo+json",
         "jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}  # fmt: skip
SUFFIX = {"acled-csv": ".csv", "geojson": ".geojson", "jsonl": ".jsonl", "parquet": ".parquet"}


def state(request: Request) -> ServerState:
    """The server's state (store, keys, pipeline)."""
    found: ServerState = request.app.state.cronica
    return found


State = Annotated[ServerState, Depends(state)]


def reader(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read connection of its own for this request (keyed when the server says so)."""
    current = state(request)
    if current.settings.keyed_reads:
        current.check_key(request)
    con = current.cursor()
    try:
        yield con
    finally:
        con.close()


def writer(request: Request) -> ServerState:
    """The state, once the request's API key is checked."""
    current = state(request)
    current.check_key(request)
    return current


Read = Annotated[duckdb.DuckDBPyConnection, Depends(reader)]
Write = Annotated[ServerState, Depends(writer)]


def _date(value: str | None, name: str) -> str | None:
    if value is not None:
        try:
            parse_iso_date(value)
        except ValueError:
            raise HTTPException(422, f"{name}: {value!r} is not a date YYYY[-MM[-DD]]") from None
    return value


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise HTTPException(422, "bbox: expected four numbers west,south,east,north") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(422, "bbox: expected west<=east in [-180,180], south<=north in "
                                 "[-90,90]")  # fmt: skip
    return west, south, east, north


def event_filter(
    type: Annotated[str | None, Query(max_length=100, description="Event type, sub-event type "
                                      "or action")] = None,  # fmt: skip
    sub_type: Annotated[str | None, Query(max_length=100)] = None,
    since: Annotated[str | None, Query(max_length=10, description="YYYY[-MM[-DD]]")] = None,
    until: Annotated[str | None, Query(max_length=10, description="YYYY[-MM[-DD]]")] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north")] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    place: Annotated[str | None, Query(max_length=200)] = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    country: Annotated[str | None, Query(max_length=100)] = None,
    disputed: bool | None = None,
    review: Annotated[str, Query(description=" | ".join(REVIEW_STATES))] = "any",
    q: Annotated[str | None, Query(max_length=200, description="Text search")] = None,
) -> EventFilter:
    """The filters of `GET /events` and `GET /timeline`, checked."""
    if review not in REVIEW_STATES:
        raise HTTPException(422, f"review: {review!r} is not one of {', '.join(REVIEW_STATES)}")
    return EventFilter(type, sub_type, _date(since, "since"), _date(until, "until"), _bbox(bbox),
                       actor, place, source, country, disputed, review, q)  # fmt: skip


Filter = Annotated[EventFilter, Depends(event_filter)]


def event_json(event: Event) -> dict[str, Any]:
    """An event as the API gives it (the JSONL record contract, `review` included)."""
    return event.to_dict()


@router.get("/health")
def health(con: Read) -> dict[str, Any]:
    """The server is up and its store answers."""
    row = con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM documents)"
                      ).fetchone()  # fmt: skip
    return {"status": "ok", "events": row[0] if row else 0, "documents": row[1] if row else 0}


@router.get("/events")
def list_events(
    con: Read,
    query: Filter,
    limit: Annotated[int, Query(ge=1, le=5000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    """Events matching every filter given (reviewed values), a page of them."""
    total, found = find_events(con, query, limit, offset)
    return {"total": total, "limit": limit, "offset": offset,
            "items": [event_json(e) for e in found]}  # fmt: skip


@router.get("/timeline")
def timeline(con: Read, query: Filter) -> dict[str, Any]:
    """Events per day and event type, matching the filters."""
    return {"days": day_counts(con, query)}


@router.get("/events/{event_id}")
def one_event(event_id: Annotated[str, Path(max_length=100)], con: Read) -> dict[str, Any]:
    """One event with every claim and mention, the sentences they cite, and its reviews."""
    event = get_event(con, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    sentences = evidence_sentences(con, event)
    docs = con.execute(
        "SELECT id, title, date, source, url FROM documents WHERE list_contains(?, id)",
        [sorted(sentences) or [event.document]],
    ).fetchall()
    return {
        "event": event_json(event),
        "sentences": {d: {str(i): t for i, t in s.items()} for d, s in sentences.items()},
        "documents": {r[0]: {"title": r[1], "date": r[2].isoformat() if r[2] else None,
                             "source": r[3], "url": r[4]} for r in docs},  # fmt: skip
        "reviews": [r.to_dict() for r in reviews_of(con, event_id)],
    }


@router.post("/events/{event_id}/review", status_code=201)
def review_event(
    event_id: Annotated[str, Path(max_length=100)], body: ReviewIn, current: Write
) -> dict[str, Any]:
    """Accept, reject or correct an event; stored as its own row (before and after kept)."""
    with current.write_lock:
        try:
            review = add_review(current.connection, event_id, body.decision, body.changes,
                                body.reviewer, body.note)  # fmt: skip
        except KeyError:
            raise HTTPException(404, f"no event {event_id!r}") from None
        except ReviewError as exc:
            raise HTTPException(422, str(exc)) from None
    con = current.cursor()
    try:
        event = get_event(con, event_id)
    finally:
        con.close()
    return {"review": review.to_dict(), "event": event_json(event) if event else None}


@router.post("/documents", status_code=201)
def post_document(
    current: Write,
    body: Annotated[DocumentIn, Body(openapi_examples={"text": {"value": {
        "text": "Aviones rusos bombardearon Maarat al Numan el lunes.", "date": "2020-02-03",
        "lang": "es"}}})],  # fmt: skip
) -> dict[str, Any]:
    """Extract a document's events and store them (a text already stored changes nothing)."""
    try:
        body.text.encode("utf-8")
    except UnicodeEncodeError:
        raise HTTPException(422, "text: not valid Unicode (a lone surrogate?)") from None
    doc = Document(id=body.id or "", text=body.text, lang=body.lang, date=body.date, url=body.url,
                   source=body.source, title=body.title)  # fmt: skip
    if not doc.id:
        doc.id = f"upload-{doc.content_hash[:12]}"
    try:
        stored, events = current.ingest(doc)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from None
    return {"document": doc.id, "stored": stored, "events": [event_json(e) for e in events]}


@router.post("/documents/text", status_code=201, include_in_schema=True)
def post_document_text(
    current: Write,
    text: Annotated[str, Body(media_type="text/plain")],
    date: Annotated[str | None, Query(max_length=10)] = None,
    lang: Annotated[str | None, Query(max_length=10)] = None,
) -> dict[str, Any]:
    """The same as `POST /documents` for a plain-text body (metadata as query parameters)."""
    try:
        body = DocumentIn.model_validate({"text": text, "date": date, "lang": lang})
    except ValidationError as exc:  # named fields and reasons, never the input itself
        reasons = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise HTTPException(422, reasons) from None
    return post_document(current, body)


@router.get("/export")
def export(
    con: Read,
    format: Annotated[str, Query(description=", ".join(MEDIA))] = "jsonl",
    rejected: Annotated[bool, Query(description="Include rejected events")] = False,
) -> Response:
    """Every stored event (reviewed values; rejected ones only when asked) in one format."""
    from cronica.export import export as write

    if format not in MEDIA:
        raise HTTPException(422, f"format: {format!r} is not one of {', '.join(MEDIA)}")
    query = EventFilter(review="any" if rejected else "not-rejected")
    total, _ = find_events(con, query, 1, 0)
    _, events = find_events(con, query, max(total, 1), 0)
    if format == "parquet":
        binary = io.BytesIO()
        write(events, format, binary)
        content = binary.getvalue()
    else:
        text = io.StringIO()
        write(events, format, text)
        content = text.getvalue().encode("utf-8")
    name = f"cronica-events{SUFFIX[format]}"
    return Response(content, media_type=MEDIA[format],
                    headers={"content-disposition": f'attachment; filename="{name}"'})


@router.get("/types")
def types() -> dict[str, Any]:
    """The sub-event types reviewers may choose, with their event types."""
    from cronica.ontology import ontology

    return {"sub_event_types": dict(sorted(ontology().event_type_of.items()))}

