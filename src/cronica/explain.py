"""Why a document gave the events it gave: each sentence's zone, its triggers with their
modality, and what was kept or dropped and why (``cronica explain``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from cronica.components import read_sentences
from cronica.events.build import REWRITTEN_AFTER, SELF_DATED_ZONE
from cronica.events.tolls import cumulative_tolls
from cronica.pipeline import Pipeline
from cronica.record import REPORTING_ZONES, Document
from cronica.resolve.time import ResolvedTime, background


@dataclass
class TriggerNote:
    """One trigger of a sentence: its word, action, modality and the verdict."""

    word: str
    action: str
    modality: str
    kept: bool
    reason: str = ""


@dataclass
class SentenceNote:
    """One sentence: where it is, its zone, and its triggers."""

    index: int
    start: int
    end: int
    text: str
    zone: str | None
    date: str | None
    triggers: list[TriggerNote] = field(default_factory=list)
    time: ResolvedTime | None = None

    @property
    def verdict(self) -> str:
        """A one-line summary of what the sentence gave."""
        if self.zone is not None and self.zone not in REPORTING_ZONES:
            return f"skipped: zone {self.zone} does not report events"
        kept = [t for t in self.triggers if t.kept]
        if kept:
            return "events: " + ", ".join(f"{t.action} ({t.word})" for t in kept)
        if self.triggers:
            return "no event: every trigger dropped"
        return "no event: no trigger word"


def explain(pipeline: Pipeline, doc: Document) -> list[SentenceNote]:
    """Each sentence of `doc` with its zone, date and triggers (kept or dropped, and why)."""
    _, docs = pipeline.read(doc, every_zone=True)
    notes = []
    for parsed in docs:
        for span in read_sentences(parsed):
            ev = span._.evidence
            note = SentenceNote(
                span._.index, ev.start, ev.end, ev.sentence, span._.zone, span._.time.value,
                time=span._.time,
            )
            tolls = cumulative_tolls(span, parsed._.story.lang, span._.quantities or [])
            for m in span._.triggers or []:
                if tolls.holds(m.token):  # dropped when events are built
                    note.triggers.append(
                        TriggerNote(m.token.text, m.entry.action, "cumulative", False,
                                    "a toll over a span of days, not one event")
                    )  # fmt: skip
                else:
                    note.triggers.append(
                        TriggerNote(m.token.text, m.entry.action, m.modality, True)
                    )
            for m in span._.dropped or []:
                note.triggers.append(
                    TriggerNote(m.token.text, m.entry.action, m.modality, False, m.reason)
                )
            notes.append(note)
    _mark_background(notes, doc)
    return notes


def _mark_background(notes: list[SentenceNote], doc: Document) -> None:
    """Old events of a news report are its background (events.build.news_background)."""
    if doc.date is None:
        return
    dct = doc.date
    later = 0
    for note in notes:
        if note.time is not None and note.time.after(dct) and note.zone != SELF_DATED_ZONE:
            for t in note.triggers:
                if t.kept:
                    t.kept, t.modality = False, "background"
                    t.reason = f"dated {note.date}, after the publication date"
                    later += 1
    if later >= REWRITTEN_AFTER:  # events.build.undated_in_rewritten
        for note in notes:
            undated = note.time == ResolvedTime(dct.isoformat(), "week", dct)
            for t in note.triggers if undated and note.zone != SELF_DATED_ZONE else []:
                if t.kept:
                    t.kept, t.modality = False, "background"
                    t.reason = f"undated, in a page telling {later} events after its date"
    told = [n for n in notes if n.time is not None and any(t.kept for t in n.triggers)]
    old = [n for n in told if n.time is not None and background(n.time, dct)]
    if len(old) == len(told):
        return  # a retrospective report: every event is old, none is background
    for note in old:
        for t in note.triggers:
            if t.kept:
                t.kept, t.modality = False, "background"
                t.reason = f"dated {note.date}, long before the publication date"
