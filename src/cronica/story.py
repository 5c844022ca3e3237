"""Per-document context: what a document's reading carries from sentence to sentence.

The timeline (narrative date), the places resolved together for the document and the city the
story is in, the last actor of each trigger family, the attribution state (last speaker,
detached claims) and the events of the last sentence that had any.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from cronica.documents.normalise import NormalisedText
from cronica.documents.zones import block_index, zone_at
from cronica.events.arguments import ArgumentReader
from cronica.events.attribution import AttributionState, Attributor
from cronica.events.syntax import span_ents
from cronica.ontology import ontology
from cronica.readings import reading, span_text
from cronica.record import DATING_ZONES, REPORTING_ZONES, Actor, Block, Document, Event, Location
from cronica.resolve.places import Gazetteer, city_of
from cronica.resolve.time import Timeline


@dataclass
class Story:
    """One document's reading state (set on each of its parsed paragraphs as
    `Paragraph.story`)."""

    document: Document
    lang: str
    norm: NormalisedText
    reader: ArgumentReader
    attributor: Attributor
    timeline: Timeline
    gazetteer: Gazetteer
    places: dict[str, Location | None]  # place mentions resolved together, document-wide
    attribution: AttributionState = field(default_factory=AttributionState)
    actors: dict[str, Actor] = field(default_factory=dict)  # last actor per trigger family
    cities: dict[str, tuple[int, int, Location]] = field(default_factory=dict)
    # city id -> (mentions so far, last sentence, city): the story's city is the most named
    date_text: str | None = None  # the words that set the narrative date
    last_events: list[Event] = field(default_factory=list)  # of the last sentence with events
    last_index: int = -1
    sentences: int = 0  # sentences read so far (the next sentence's index)
    zones: list[Block] = field(default_factory=list)  # the document's zones (none: all body)
    credits: list[tuple[str, str]] = field(default_factory=list)
    # (source, source type) of the document's credit line ("Con información de AFP")

    def zone_at(self, offset: int) -> str | None:
        """The zone of the block holding an original-text offset (None: not zoned)."""
        block = zone_at(self.zones, offset)
        return block.zone if block is not None else None

    def blocks_from(self, offset: int) -> list[Block]:
        """The block holding an original-text offset and every block after it."""
        at = block_index(self.zones, offset)
        return self.zones[at:] if at is not None else []

    @staticmethod
    def dates(span: Span) -> bool:
        """The sentence's dates move the narrative (reporting zones and headings)."""
        zone = reading(span).zone
        return zone is None or zone in DATING_ZONES

    @staticmethod
    def reports(span: Span) -> bool:
        """The sentence lies in a zone that carries events (or the document is not zoned)."""
        zone = reading(span).zone
        return zone is None or zone in REPORTING_ZONES

    def at(self, span: Span) -> None:
        """Make the sentence's date current: actor names are those valid on that day."""
        time = reading(span).time
        self.reader.on_date = (time.date if time is not None else None) or self.document.date

    def count_cities(self, span: Span, index: int) -> None:
        """Count the cities this sentence names (a district counts for its city)."""
        for ent in span_ents(span):
            loc = self.places.get(span_text(ent))
            city = city_of(loc, self.gazetteer) if loc is not None else None
            if city is not None and city.gazetteer_id:
                count = self.cities.get(city.gazetteer_id, (0, 0, city))[0]
                self.cities[city.gazetteer_id] = (count + 1, index, city)

    def city(self) -> Location | None:
        """The city named most often so far (the most recent one on a tie)."""
        if not self.cities:
            return None
        return max(self.cities.values(), key=lambda c: (c[0], c[1]))[2]

    def narrative_actor(self, family: str | None, actor: Actor | None) -> Actor | None:
        """Remember the actor of a family; a mention of a family that carries its actor (the
        ontology's `carries_actor`: territory) with none takes the last one."""
        if actor is None and family in self.actors and ontology().carries_actor(family):
            return self.actors[family]
        if actor is not None and family:
            self.actors[family] = actor
        return actor

