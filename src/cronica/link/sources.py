"""Who gave which figure, which figure is best, and when the sources disagree.

Independence order (most independent first), used to pick the best figure:
  1. NGO / monitor and international organisation
  2. media (the outlet, or a named outlet)
  3. unnamed ("fuentes", "activistas", or no source at all)
  4. government and armed group (interested parties)
Among sources of the same rank the lowest figure is best (ACLED's conservative rule).
low / high are the lowest and highest figures (with their approximation bounds).
"""

from __future__ import annotations

from cronica.record import Claim, Event, Fatalities, Quantity
from cronica.resolve.actors import shipped_resolver

RANK = {
    "NGO": 0,
    "international organisation": 0,
    "media": 1,
    "unnamed": 2,
    "government": 3,
    "armed group": 3,
}
UNATTRIBUTED = "unnamed"


def rank_of(source_type: str | None) -> int:
    return RANK.get(source_type or UNATTRIBUTED, RANK[UNATTRIBUTED])


def _figure_sources(event: Event, document: str | None, sentence: int | None) -> list[Claim]:
    """Claims of one mention that can give a figure: not denials, spanned ones first."""
    own = [
        c
        for c in event.claims
        if c.stance != "denies" and c.document == document and c.sentence == sentence
    ]
    return sorted(own, key=lambda c: c.span is None)


def source_quantities(event: Event) -> None:
    """Give each figure of a single mention its source: the nearest named source before it
    in the sentence (else after it), else the outlet that published the document."""
    ev = event.evidence
    claims = _figure_sources(event, event.document, event.sentence_index)
    spanned = [c for c in claims if c.span is not None]
    for q in event.quantities:
        if q.source is not None:
            continue
        where = ev.sentence.find(q.text) if q.text else -1
        at = ev.start + where if where >= 0 else None
        chosen = None
        if spanned and at is not None:
            before = [c for c in spanned if c.span and c.span[1] <= at]
            after = [c for c in spanned if c.span and c.span[0] >= at]
            if before:
                chosen = max(before, key=lambda c: c.span[1] if c.span else 0)
            elif after:
                chosen = min(after, key=lambda c: c.span[0] if c.span else 0)
        if chosen is None and claims:
            chosen = claims[0]
        q.source = chosen.source if chosen else UNATTRIBUTED


def _source_types(event: Event) -> dict[str, str]:
    types: dict[str, str] = {}
    for claim in event.claims:
        types.setdefault(claim.source, claim.source_type)
    return types


def figures_by_source(event: Event, kind: str) -> dict[str, list[Quantity]]:
    """The figures of one kind, grouped by the source that gave them."""
    out: dict[str, list[Quantity]] = {}
    for q in event.quantities:
        if q.kind == kind:
            out.setdefault(q.source or UNATTRIBUTED, []).append(q)
    return out


def fatalities_by_source(event: Event) -> Fatalities | None:
    """low / best / high over the sources' killed counts (each source's total = its largest)."""
    groups = figures_by_source(event, "killed")
    if not groups:
        return None
    types = _source_types(event)
    totals = {s: max(q.value for q in qs) for s, qs in groups.items()}
    best_source = min(totals, key=lambda s: (rank_of(types.get(s)), totals[s]))
    best = totals[best_source]
    quantities = [q for qs in groups.values() for q in qs]
    low = min(q.low if q.low is not None else q.value for q in quantities)
    high = max(q.high if q.high is not None else q.value for q in quantities)
    if len(groups) == 1:
        low = min(totals[best_source], low)
    return Fatalities(low=min(low, best), best=best, high=max(high, best))


def disagreements(event: Event) -> list[str]:
    """ "killed: 8 (SOHR) vs 20 (Defence Ministry)" for each kind whose sources differ."""
    reasons = []
    for kind in dict.fromkeys(q.kind for q in event.quantities):
        totals = {s: max(q.value for q in qs) for s, qs in figures_by_source(event, kind).items()}
        if len(set(totals.values())) > 1:
            told = " vs ".join(f"{v} ({s})" for s, v in sorted(totals.items(), key=lambda x: x[1]))
            reasons.append(f"{kind}: {told}")
    return reasons


def without_bare_heads(claims: list[Claim]) -> list[Claim]:
    """A headline's bare head noun ("ONG denunció …") is the listed source of its kind that
    the story names ("el Observatorio Sirio …"): its claim goes where that source's is."""
    names = shipped_resolver()
    listed = {c.source_type for c in claims if names.source_name(c.source) is not None}

    def bare(claim: Claim) -> bool:
        return claim.source_type in listed and names.source_head_noun(claim.source)

    return [c for c in claims if not bare(c)]


def settle(event: Event) -> None:
    """Fatalities from the sources' figures; `disputed` when figures differ or a source denies."""
    event.claims = without_bare_heads(event.claims)
    event.fatalities = fatalities_by_source(event)
    reasons = disagreements(event)
    deniers = list(dict.fromkeys(c.source for c in event.claims if c.stance == "denies"))
    if deniers:
        reasons.append("denied by " + ", ".join(deniers))
    event.disputed = bool(reasons)
    event.disputed_reason = "; ".join(reasons) if reasons else None
