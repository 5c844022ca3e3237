"""`cronica show`: one event with every claim and evidence sentence, source by source."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from cronica.link.sources import rank_of
from cronica.record import Claim, Event

Sentences = dict[str, dict[int, str]]  # document -> sentence index -> text

STANCE_STYLE = {"reports": "green", "claims": "yellow", "denies": "red", "accuses": "magenta"}

# a review's decision (store/reviews.py), as `show` says it
_VERDICTS = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}


def _summary(ev: Event, code: str | None = None,
             reviews: list[dict[str, Any]] | None = None) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    loc = ev.location
    rows = [
        ("event", f"{ev.event_id}  {ev.event_type} / {ev.sub_event_type} ({ev.action})"),
        ("ACLED id", code or ""),
        ("date", f"{ev.date or '?'} ({ev.date_precision})"),
        ("place", (loc.canonical or f"{loc.text} (?)") if loc else ""),
        ("actor 1", (ev.actor1.canonical or ev.actor1.text) if ev.actor1 else ""),
        ("actor 2", (ev.actor2.canonical or ev.actor2.text) if ev.actor2 else ""),
        ("figures", ", ".join(f"{q.kind} {q.value} ({q.source or '?'})" for q in ev.quantities)),
    ]
    if ev.fatalities is not None:
        f = ev.fatalities
        rows.append(("fatalities", f"low {f.low} / best {f.best} / high {f.high}"))
    if ev.disputed:
        rows.append(("DISPUTED", ev.disputed_reason or "yes"))
    for review in reviews or []:
        note = f": {review['note']}" if review.get("note") else ""
        verdict = _VERDICTS.get(review["verdict"], review["verdict"])
        rows.append(("reviewed", f"{verdict} by {review['reviewer']}{note}"))
    for name, value in rows:
        if value or name in ("event", "date"):
            table.add_row(Text(name), Text(value, style="bold red" if name == "DISPUTED" else ""))
    return table


def _sentence_of(claim: Claim, sentences: Sentences) -> str:
    if claim.document is None or claim.sentence is None:
        return ""
    return sentences.get(claim.document, {}).get(claim.sentence, "")


def _by_source(ev: Event, sentences: Sentences) -> Table:
    table = Table(title="claims, source by source", expand=True, show_lines=True)
    for name in ("source", "type", "stance", "where", "sentence"):
        table.add_column(name, overflow="fold")
    order = sorted(ev.claims, key=lambda c: (rank_of(c.source_type), c.source))
    for claim in order:
        where = f"{claim.document}#{claim.sentence}" if claim.document is not None else ""
        table.add_row(
            Text(claim.source),
            Text(claim.source_type),
            Text(claim.stance, style=STANCE_STYLE.get(claim.stance, "")),
            Text(where),
            Text(" ".join(_sentence_of(claim, sentences).split())),
        )
    return table


def _evidence(ev: Event) -> Table:
    table = Table(title="evidence (every mention)", expand=True, show_lines=True)
    for name in ("where", "trigger", "sentence", "citations"):
        table.add_column(name, overflow="fold")
    for m in ev.mentions or [ev.evidence]:
        doc = m.document or ev.document
        index = ev.sentence_index if m.sentence_index is None else m.sentence_index
        table.add_row(
            Text(f"{doc}#{index} [{m.start}:{m.end}]"),
            Text(m.trigger),
            Text(" ".join(m.sentence.split())),
            Text(" ".join(m.citations)),
        )
    return table


def show_event(
    ev: Event,
    sentences: Sentences,
    code: str | None = None,
    reviews: list[dict[str, Any]] | None = None,
) -> Panel:
    """A panel: the event's summary (with its ACLED event_id_cnty `code` and `reviews` when
    given), its claims source by source, and its evidence. Text is never read as markup."""
    body = Group(_summary(ev, code, reviews), _by_source(ev, sentences), _evidence(ev))
    title = Text(f"event {ev.event_id}" + (" DISPUTED" if ev.disputed else ""))
    return Panel(body, title=title, border_style="red" if ev.disputed else "")
