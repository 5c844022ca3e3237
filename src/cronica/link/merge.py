"""Merge mentions of one event and derive fatalities (low / best / high)."""

from __future__ import annotations

from cronica.record import Event, Fatalities, Quantity


def fatalities_of(quantities: list[Quantity]) -> Fatalities | None:
    """Fatalities from the `killed` counts: best = largest stated, bounds from approximations."""
    killed = [q for q in quantities if q.kind == "killed"]
    if not killed:
        return None
    best = max(q.value for q in killed)
    low = min(q.low if q.low is not None else q.value for q in killed)
    high = max(q.high if q.high is not None else q.value for q in killed)
    return Fatalities(low=min(low, best), best=best, high=max(high, best))


def _compatible(a: Event, b: Event) -> bool:
    if a.sub_event_type != b.sub_event_type:
        return False
    la = a.location.canonical or a.location.text if a.location else None
    lb = b.location.canonical or b.location.text if b.location else None
    if la and lb and la != lb:
        return False
    ca = a.actor1.canonical if a.actor1 else None
    cb = b.actor1.canonical if b.actor1 else None
    return not (ca and cb and ca != cb)


def _absorb(keep: Event, other: Event) -> None:
    keep.location = keep.location or other.location
    keep.actor1 = keep.actor1 or other.actor1
    keep.actor2 = keep.actor2 or other.actor2
    for claim in other.claims:
        if claim not in keep.claims:
            keep.claims.append(claim)
    keep.rules = [
        *keep.rules,
        *(r for r in other.rules if r not in keep.rules),
        "link:same-sentence",
    ]
    keep.confidence = max(keep.confidence, other.confidence)


def merge_within_sentence(events: list[Event]) -> list[Event]:
    """Two triggers of one event in a sentence ("combates ... avanzaron") become one event."""
    kept: list[Event] = []
    for ev in events:
        twin = next((k for k in kept if _compatible(k, ev)), None)
        if twin is None:
            kept.append(ev)
        else:
            _absorb(twin, ev)
    return kept
