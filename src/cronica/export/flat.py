"""One flat row per event (main fields only), shared by the tabular and GeoJSON exporters."""

from __future__ import annotations

from typing import Any

from cronica.record import Actor, Event, Evidence

SEP = "; "


def _unique(values: list[str | None]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        if v:
            seen.setdefault(v, None)
    return list(seen)


def actor_name(actor: Actor | None) -> str | None:
    """The canonical name of an actor, else its text, else None."""
    if actor is None:
        return None
    return actor.canonical or actor.text or None


def event_sources(event: Event) -> list[str]:
    """The distinct claim sources of an event, in order."""
    return _unique([c.source for c in event.claims])


def flat_row(event: Event) -> dict[str, Any]:
    """The event's main fields as scalars (lists joined with '; '); keys as in FLAT_COLUMNS."""
    a1, a2, loc, fat = event.actor1, event.actor2, event.location, event.fatalities
    ev = event.evidence
    return {
        "event_id": event.event_id,
        "document": event.document,
        "sentence_index": event.sentence_index,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "plover": event.plover,
        "action": event.action,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_text": event.date_text,
        "actor1": actor_name(a1),
        "actor1_text": a1.text if a1 else None,
        "actor1_type": a1.actor_type if a1 else None,
        "actor2": actor_name(a2),
        "actor2_text": a2.text if a2 else None,
        "actor2_type": a2.actor_type if a2 else None,
        "assoc_actors": SEP.join(_unique([actor_name(a) for a in event.assoc_actors])) or None,
        "location": (loc.canonical or loc.text) if loc else None,
        "location_text": loc.text if loc else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "gazetteer_id": loc.gazetteer_id if loc else None,
        "fatalities_low": fat.low if fat else None,
        "fatalities_best": fat.best if fat else None,
        "fatalities_high": fat.high if fat else None,
        "sources": SEP.join(event_sources(event)) or None,
        "stances": SEP.join(_unique([c.stance for c in event.claims])) or None,
        "disputed": bool(event.disputed),
        "disputed_reason": event.disputed_reason,
        "confidence": event.confidence,
        "notes": ev.sentence,
        "citations": SEP.join(ev.citations) or None,
        "trigger": ev.trigger or None,
        "lang": event.lang,
        "review": event.review,  # a person's decision (accept, correct), or None: machine output
    }


def _columns() -> tuple[str, ...]:
    blank = Event(event_id="", document="", sentence_index=0, evidence=Evidence("", 0, 0),
                  event_type="", sub_event_type="", plover="", action="")
    return tuple(flat_row(blank))


FLAT_COLUMNS: tuple[str, ...] = _columns()
