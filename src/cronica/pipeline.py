"""The per-document function: it only orders the stages.

document -> language -> zones -> normalise -> ``nlp.pipe`` (model) -> the story (country
focus, places resolved together) -> ``nlp.pipe`` (cronica's components) -> build events
sentence by sentence -> link within the document. Storing is the caller's (store/).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from cronica.components import COMPONENTS, read_sentences
from cronica.components.nlp import load_nlp
from cronica.documents.language import document_language
from cronica.documents.normalise import NormalisedText, normalise
from cronica.documents.zones import RepetitionIndex, zone_document
from cronica.events.arguments import ArgumentReader
from cronica.events.attribution import Attributor
from cronica.events.build import news_background, sentence_events
from cronica.events.opponents import fill_opponents
from cronica.events.syntax import PLACE_LABELS
from cronica.link.merge import merge_document
from cronica.record import Document, Event, Sentence
from cronica.resolve.actors import ActorResolver
from cronica.resolve.places import Gazetteer, document_country_focus, resolve_places
from cronica.resolve.time import Timeline
from cronica.story import Story

log = logging.getLogger(__name__)

MAX_PLACE_MENTIONS = 400  # resolved together per document


@dataclass
class Analysis:
    """One document's sentences (original offsets) and its events."""

    document: Document
    lang: str
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def paragraphs(clean: str) -> list[tuple[int, str]]:
    """(offset, text) of each non-empty line: a line break always ends a sentence."""
    found, pos = [], 0
    for line in clean.split("\n"):
        if line.strip():
            found.append((pos, line))
        pos += len(line) + 1
    return found


class Pipeline:
    """cronica's extraction flow, for any language a pack is installed for."""

    def __init__(
        self, gazetteers: list[str] | None = None, repeated: RepetitionIndex | None = None
    ) -> None:
        self.gazetteers = tuple(gazetteers or ())
        self.repeated = repeated  # lines seen across the run's documents (boilerplate)
        self.actors = ActorResolver()
        self.gazetteer = Gazetteer.load(list(self.gazetteers))

    def extract(self, doc: Document) -> list[Event]:
        """Events of one document."""
        return self.analyse(doc).events

    def read(self, doc: Document, upto: str | None = None) -> tuple[Story, list[Doc]]:
        """The document's story and its paragraphs read by the components (all of them, or
        those up to and including `upto`)."""
        lang = document_language(doc)
        zones = zone_document(replace(doc, lang=lang), self.repeated)
        norm = normalise(doc.text)
        nlp = load_nlp(lang, self.gazetteers)
        paras = paragraphs(norm.clean)
        with nlp.select_pipes(disable=list(COMPONENTS)):
            docs = list(nlp.pipe(text for _, text in paras))
        story = self._story(doc, lang, norm, docs)
        story.zones = zones
        for (offset, _), parsed in zip(paras, docs, strict=True):
            parsed._.story, parsed._.offset = story, offset
        names = COMPONENTS[: COMPONENTS.index(upto) + 1] if upto else COMPONENTS
        with nlp.select_pipes(enable=list(names)):
            return story, list(nlp.pipe(docs))

    def analyse(self, doc: Document) -> Analysis:
        """Sentences and events of one document (raises InputError on unusable input)."""
        story, docs = self.read(doc)
        lang = story.lang
        analysis = Analysis(doc, lang)
        for span in (s for parsed in docs for s in read_sentences(parsed)):
            ev = span._.evidence
            analysis.sentences.append((span._.index, ev.start, ev.end, ev.sentence, ev.citations))
            analysis.events.extend(sentence_events(story, span))
        for old in news_background(analysis.events, doc.date):
            log.info("%s: sentence %d: %s dropped: background (dated %s)",
                     doc.id, old.sentence_index, old.action, old.date)  # fmt: skip
            analysis.events.remove(old)
        analysis.events = merge_document(analysis.events, story.attribution.detached)
        analysis.events = fill_opponents(analysis.events)
        log.info(
            "%s: %d sentence%s, %d event%s (%s)",
            doc.id,
            len(analysis.sentences),
            "" if len(analysis.sentences) == 1 else "s",
            len(analysis.events),
            "" if len(analysis.events) == 1 else "s",
            lang,
        )
        return analysis

    def _story(self, doc: Document, lang: str, norm: NormalisedText, docs: list[Doc]) -> Story:
        """The document's context: country focus and its place mentions resolved together."""
        names = [e.text for d in docs for e in d.ents if e.label_ in PLACE_LABELS]
        names = names[:MAX_PLACE_MENTIONS]
        focus = document_country_focus(names, lang, self.gazetteer)
        resolved = resolve_places(names, lang, focus, self.gazetteer)
        reader = ArgumentReader(lang, self.actors, focus, doc.date, self._known_place)
        return Story(
            document=doc,
            lang=lang,
            norm=norm,
            reader=reader,
            attributor=Attributor(reader),
            timeline=Timeline(doc.date),
            gazetteer=self.gazetteer,
            places=dict(zip(names, resolved, strict=True)),
        )

    def _known_place(self, name: str) -> bool:
        """The gazetteer has this exact name (or an alternate name)."""
        return any(c.score >= 100 for c in self.gazetteer.candidates(name, limit=1))
