"""Rebuild Event records from their dict form (the JSONL contract), the inverse of `to_dict`."""

from __future__ import annotations

from dataclasses import fields
from typing import Any, TypeVar

from cronica.record import Actor, Claim, Event, Evidence, Fatalities, Location, Quantity

T = TypeVar("T")


def _build(cls: type[T], value: Any, where: str) -> T:
    """Build the flat dataclass `cls` from a dict, naming `where` in any error."""
    if not isinstance(value, dict):
        raise ValueError(f"{where}: expected an object, got {type(value).__name__}")
    known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(value) - known)
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {', '.join(unknown)}")
    try:
        return cls(**value)
    except TypeError as exc:  # a required field is missing
        raise ValueError(f"{where}: {exc}") from None


def _optional(cls: type[T], value: Any, where: str) -> T | None:
    return None if value is None else _build(cls, value, where)


def _many(cls: type[T], value: Any, where: str) -> list[T]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"{where}: expected a list, got {type(value).__name__}")
    return [_build(cls, item, f"{where}[{i}]") for i, item in enumerate(value)]


def _claim(value: Any, where: str) -> Claim:
    claim = _build(Claim, value, where)
    if claim.span is not None:  # JSON turns the (start, end) tuple into a list
        if len(claim.span) != 2:
            raise ValueError(f"{where}.span: expected [start, end], got {claim.span!r}")
        claim.span = (claim.span[0], claim.span[1])
    return claim


def event_from_dict(d: dict[str, Any]) -> Event:
    """Rebuild an Event (with its nested records) from `Event.to_dict()` or its JSON form.

    Raises ValueError naming the field when the dict does not fit the record.
    """
    if not isinstance(d, dict):
        raise ValueError(f"event: expected an object, got {type(d).__name__}")
    where = f"event {d.get('event_id', '?')}"
    data = dict(d)
    if "evidence" not in data:
        raise ValueError(f"{where}: missing field evidence")
    evidence = _build(Evidence, data["evidence"], f"{where}.evidence")
    evidence.citations = list(evidence.citations or [])
    data["evidence"] = evidence
    data["actor1"] = _optional(Actor, data.get("actor1"), f"{where}.actor1")
    data["actor2"] = _optional(Actor, data.get("actor2"), f"{where}.actor2")
    data["assoc_actors"] = _many(Actor, data.get("assoc_actors"), f"{where}.assoc_actors")
    data["location"] = _optional(Location, data.get("location"), f"{where}.location")
    data["quantities"] = _many(Quantity, data.get("quantities"), f"{where}.quantities")
    data["fatalities"] = _optional(Fatalities, data.get("fatalities"), f"{where}.fatalities")
    claims = data.get("claims") or []
    if not isinstance(claims, list):
        raise ValueError(f"{where}.claims: expected a list, got {type(claims).__name__}")
    data["claims"] = [_claim(c, f"{where}.claims[{i}]") for i, c in enumerate(claims)]
    data["rules"] = list(data.get("rules") or [])
    data["mentions"] = _many(Evidence, data.get("mentions"), f"{where}.mentions")
    for mention in data["mentions"]:
        mention.citations = list(mention.citations or [])
    return _build(Event, data, where)
