"""The per-document function: it only orders the stages.

document -> language -> zones -> normalise -> ``nlp.pipe`` (model) -> the story (country
focus, places resolved together) -> ``nlp.pipe`` (cronica's components) -> build events
sentence by sentence -> link within the document. Storing is the caller's (store/).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from cronica.components import COMPONENTS, read_sentences
from cronica.components.nlp import load_nlp
from cronica.components.place_kinds import described_place
from cronica.documents.credit import credited_sources
from cronica.documents.language import document_language
from cronica.documents.normalise import NormalisedText, normalise, to_original
from cronica.documents.zones import RepetitionIndex, zone_at, zone_document
from cronica.events.arguments import ArgumentReader, is_seat
from cronica.events.attribution import Attributor
from cronica.events.build import (
    after_publication,
    news_background,
    sentence_events,
    undated_in_rewritten,
)
from cronica.events.opponents import fill_opponents, strikers_from_holders
from cronica.events.place_of import in_story_country
from cronica.events.syntax import PLACE_LABELS, doc_ents
from cronica.link.merge import merge_document
from cronica.readings import paragraph, reading, release
from cronica.record import DATING_ZONES, Block, Document, Event, Location, Sentence
from cronica.resolve.actors import shipped_resolver
from cronica.resolve.places import (
    Candidate,
    Gazetteer,
    PlaceMention,
    country_focus_of,
    prepare_mentions,
    resolve_places,
)
from cronica.resolve.time import Timeline
from cronica.story import Story

log = logging.getLogger(__name__)

MAX_PLACE_MENTIONS = 400  # resolved together per document
# A longer line (one with no line break: a scraped page, a 5 MB run of words) is cut into
# parts of at most this many characters, at a sentence end or a space where there is one;
# far below spaCy's max_length, and a size the parser takes in bounded memory.
MAX_PART_CHARS = 100_000
# A document longer than this (clean characters) is read section by section: each section
# (whole paragraphs, this size at most unless one paragraph is longer) is parsed, read by
# the components and turned into events before the next one is parsed, so memory is
# bounded by a section, not by the document. Shorter documents are one section.
SECTION_CHARS = 200_000
# A stretch of a line with no sentence end longer than this (a run of words with no
# punctuation) is cut at spaces into parts this long at most: the parser would take it as
# one sentence of thousands of tokens, and reading such a sentence costs far more than in
# proportion to its length. Ordinary prose ends a sentence long before this.
MAX_RUN_CHARS = 1_000
_SENTENCE_END = re.compile(r"[.!?…»”\"')\]]\s")


@dataclass
class Analysis:
    """One document's sentences (original offsets) and its events."""

    document: Document
    lang: str
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def paragraphs(clean: str, limit: int | None = None) -> list[tuple[int, str]]:
    """(offset, text) of each non-empty line: a line break always ends a sentence. A line
    over `limit` (MAX_PART_CHARS) characters comes as several parts (see `cut_line`)."""
    limit = limit or MAX_PART_CHARS
    found: list[tuple[int, str]] = []
    pos = 0
    for line in clean.split("\n"):
        if line.strip():
            parts = [(0, line)] if len(line) <= limit else list(cut_line(line, limit))
            for at, part in parts:
                if long_run(part):  # no sentence end for pages: cut at spaces
                    found.extend((pos + at + a, p) for a, p in cut_line(part, MAX_RUN_CHARS))
                else:
                    found.append((pos + at, part))
        pos += len(line) + 1
    return found


def long_run(text: str) -> bool:
    """Whether `text` has a stretch of over MAX_RUN_CHARS characters with no sentence end."""
    if len(text) <= MAX_RUN_CHARS:
        return False
    last = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() - last > MAX_RUN_CHARS:
            return True
        last = m.end()
    return len(text) - last > MAX_RUN_CHARS


def cut_line(line: str, limit: int | None = None) -> Iterator[tuple[int, str]]:
    """(offset, text) of consecutive parts of `line`, each at most `limit` (MAX_PART_CHARS)
    characters: cut after the last sentence end in the window, else after its last space,
    else at `limit`."""
    limit = limit or MAX_PART_CHARS
    start = 0
    while len(line) - start > limit:
        window = line[start : start + limit]
        ends = [m.end() for m in _SENTENCE_END.finditer(window, limit // 2)]
        cut = ends[-1] if ends else window.rfind(" ", limit // 2) + 1 or limit
        if line[start : start + cut].strip():
            yield start, line[start : start + cut]
        start += cut
    if line[start:].strip():
        yield start, line[start:]


def sections(paras: list[tuple[int, str]], size: int | None = None) -> list[
    list[tuple[int, str]]
]:
    """Consecutive runs of whole paragraphs of `size` (SECTION_CHARS) characters at most (a
    longer paragraph is a section of its own)."""
    size = size or SECTION_CHARS
    found: list[list[tuple[int, str]]] = [[]]
    total = 0
    for para in paras:
        if found[-1] and total + len(para[1]) > size:
            found.append([])
            total = 0
        found[-1].append(para)
        total += len(para[1])
    return [part for part in found if part]


STORY_ZONES = frozenset({"title", "lead", "body"})  # the zones of the article's own story


def _countries(places: list[Location | None]) -> set[str]:
    return {p.country for p in places if p is not None and p.country}


def _place_ents(docs: list[Doc], lang: str) -> list[Span]:
    """The place names of parsed paragraphs; an organisation's seat ("con sede en Londres")
    is no place of the story."""
    return [e for d in docs for e in doc_ents(d)
            if e.label_ in PLACE_LABELS and not is_seat(e.root, lang)]  # fmt: skip


def _read_zones(norm: NormalisedText, zones: list[Block],
                paras: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The paragraphs worth parsing: those of zones that report events or move the
    narrative's date (record.DATING_ZONES; all of a document without zones). A page's menus,
    lists of other stories and readers' comments give neither events nor dates, and on
    scraped news they are a fifth of the text: the model does not read them."""
    if not zones:
        return paras
    return [(offset, text) for offset, text in paras
            if _zone_of(norm, zones, offset, text) in (None, *DATING_ZONES)]  # fmt: skip


def _zone_of(norm: NormalisedText, zones: list[Block], offset: int, text: str) -> str | None:
    """The zone of a paragraph (clean-text offset and text): that of its first character."""
    block = zone_at(zones, to_original(norm, offset, offset + min(len(text), 1))[0])
    return block.zone if block is not None else None


def _reporting(norm: NormalisedText, zones: list[Block], paras: list[tuple[int, str]],
               docs: list[Doc]) -> list[Doc]:
    """The parsed paragraphs of the article's own story (title, lead, body): not captions,
    nor briefs, a page's list of other stories."""
    return [parsed for (offset, text), parsed in zip(paras, docs, strict=True)
            if _zone_of(norm, zones, offset, text) in (None, *STORY_ZONES)]  # fmt: skip


class Pipeline:
    """cronica's extraction flow, for any language a pack is installed for."""

    def __init__(
        self, gazetteers: list[str] | None = None, repeated: RepetitionIndex | None = None
    ) -> None:
        self.gazetteers = tuple(gazetteers or ())
        self.repeated = repeated  # lines seen across the run's documents (boilerplate)
        self.actors = shipped_resolver()
        self.gazetteer = Gazetteer.load(list(self.gazetteers))

    def extract(self, doc: Document) -> list[Event]:
        """Events of one document (its sentences are not kept)."""
        return self.analyse(doc, keep_sentences=False).events

    def read(self, doc: Document, upto: str | None = None, every_zone: bool = False
             ) -> tuple[Story, list[Doc]]:
        """The document's story and its paragraphs read by the components (all of them, or
        those up to and including `upto`). Every paragraph is held: `read_parts` bounds
        memory on long documents. `every_zone`: read the paragraphs of every zone (to
        explain a page), not only those that report or date (see `_read_zones`)."""
        found: Story | None = None
        docs: list[Doc] = []
        for story, part in self.read_parts(doc, upto, every_zone):
            found = story
            docs.extend(part)
        assert found is not None  # read_parts yields at least once
        return found, docs

    def read_parts(self, doc: Document, upto: str | None = None, every_zone: bool = False
                   ) -> Iterator[tuple[Story, list[Doc]]]:
        """The document's story and its paragraphs read by the components, one section
        (see SECTION_CHARS) at a time; a short document is one section. Only paragraphs of
        the zones that report or date are read, unless `every_zone`."""
        lang = document_language(doc)
        zones = zone_document(replace(doc, lang=lang), self.repeated)
        norm = normalise(doc.text)
        nlp = load_nlp(lang, self.gazetteers)
        paras = paragraphs(norm.clean)
        if not every_zone:
            paras = _read_zones(norm, zones, paras)
        long_lines = [line for line in norm.clean.split("\n") if len(line) > MAX_RUN_CHARS]
        cut = sum(1 for line in long_lines if len(line) > MAX_PART_CHARS)
        runs = sum(1 for line in long_lines if long_run(line))
        if runs:
            log.warning("%s: %d line(s) with over %d characters and no sentence end cut at "
                        "spaces into parts", doc.id, runs, MAX_RUN_CHARS)  # fmt: skip
        if cut:
            log.warning("%s: %d line(s) over %d characters cut into parts the parser takes",
                        doc.id, cut, MAX_PART_CHARS)  # fmt: skip
        parts = sections(paras) or [[]]
        names = COMPONENTS[: COMPONENTS.index(upto) + 1] if upto else COMPONENTS
        if len(parts) == 1:
            with nlp.select_pipes(disable=list(COMPONENTS)):
                docs = list(nlp.pipe(text for _, text in paras))
            story = self._story(doc, lang, norm, docs, _reporting(norm, zones, paras, docs))
            story.zones = zones
            yield story, self._components(nlp, story, paras, docs, names)
            return
        log.info("%s: %d characters, read in %d sections", doc.id, len(norm.clean), len(parts))
        story = self._story(doc, lang, norm, self._first_places(nlp, parts))
        story.zones = zones
        for number, part in enumerate(parts, 1):
            with nlp.select_pipes(disable=list(COMPONENTS)):
                docs = list(nlp.pipe(text for _, text in part))
            yield story, self._components(nlp, story, part, docs, names)
            log.info("%s: section %d/%d read", doc.id, number, len(parts))

    @staticmethod
    def _components(
        nlp: Language, story: Story, paras: list[tuple[int, str]], docs: list[Doc],
        names: tuple[str, ...],
    ) -> list[Doc]:
        """`docs` (parsed `paras`) read by the components `names`."""
        for (offset, text), parsed in zip(paras, docs, strict=True):
            record = paragraph(parsed)
            record.story, record.offset, record.text = story, offset, text
        with nlp.select_pipes(enable=list(names)):
            return list(nlp.pipe(docs))

    @staticmethod
    def _first_places(nlp: Language, parts: list[list[tuple[int, str]]]) -> list[Doc]:
        """The model's reading of the first sections, up to MAX_PLACE_MENTIONS place names
        (what `_story` resolves together), parsed without keeping the rest."""
        docs: list[Doc] = []
        found = 0
        for part in parts:
            with nlp.select_pipes(disable=list(COMPONENTS)):
                for parsed in nlp.pipe(text for _, text in part):
                    places = [e for e in parsed.ents if e.label_ in PLACE_LABELS]
                    if places:
                        docs.append(parsed)
                        found += len(places)
                    if found >= MAX_PLACE_MENTIONS:
                        return docs
        return docs

    def analyse(self, doc: Document, keep_sentences: bool = True) -> Analysis:
        """Sentences and events of one document (raises InputError on unusable input).
        Without `keep_sentences` the analysis has no sentences: a 50 MB document's would
        be held to the end for nothing."""
        analysis: Analysis | None = None
        story = None
        sentences = 0
        docs: list[Doc] = []
        for story, docs in self.read_parts(doc):
            if analysis is None:
                analysis = Analysis(doc, story.lang)
            for span in (s for parsed in docs for s in read_sentences(parsed)):
                sentences += 1
                record = reading(span)
                evidence, index = record.evidence, record.index
                assert evidence is not None and index is not None  # the sentence locator's
                if keep_sentences:
                    analysis.sentences.append((index, evidence.start, evidence.end,
                                               evidence.sentence, evidence.citations))
                analysis.events.extend(sentence_events(story, span))
        assert analysis is not None and story is not None  # read_parts yields at least once
        release(docs)  # the last part's paragraphs (a short document's only part)
        lang = story.lang
        background = news_background(analysis.events, doc.date)
        for old in background:
            log.info("%s: sentence %d: %s dropped: background (dated %s)",
                     doc.id, old.sentence_index, old.action, old.date)  # fmt: skip
        later = after_publication(analysis.events, doc.date)
        for ev in later:
            log.info("%s: sentence %d: %s dropped: dated %s, after the publication date",
                     doc.id, ev.sentence_index, ev.action, ev.date)  # fmt: skip
        undated = undated_in_rewritten(analysis.events, later, doc.date)
        for ev in undated:
            log.info("%s: sentence %d: %s dropped: undated, in a page telling %d events after "
                     "its date", doc.id, ev.sentence_index, ev.action, len(later))  # fmt: skip
        if background or later or undated:
            dropped = {id(ev) for ev in [*background, *later, *undated]}
            analysis.events = [ev for ev in analysis.events if id(ev) not in dropped]
        analysis.events = strikers_from_holders(analysis.events)
        analysis.events = merge_document(analysis.events, story.attribution.detached)
        analysis.events = fill_opponents(analysis.events)
        analysis.events = in_story_country(analysis.events, story)
        log.info(
            "%s: %d sentence%s, %d event%s (%s)",
            doc.id,
            sentences,
            "" if sentences == 1 else "s",
            len(analysis.events),
            "" if len(analysis.events) == 1 else "s",
            lang,
        )
        return analysis

    def _story(self, doc: Document, lang: str, norm: NormalisedText, docs: list[Doc],
               reporting: list[Doc] | None = None) -> Story:
        """The document's context: country focus and its place mentions resolved together.
        A focus the article's own paragraphs (`reporting`) never place anything in is a
        page's ticker of other stories ("Bruselas", "La Habana"): theirs is read instead."""
        every = _place_ents(docs, lang)
        ents = every[:MAX_PLACE_MENTIONS]
        names = [e.text for e in ents]
        texts = [described_place(e) for e in ents]  # "the village of Sayda": a village
        prepared = prepare_mentions(texts, lang, self.gazetteer)
        unfocused = resolve_places(texts, lang, None, self.gazetteer, prepared)
        focus = country_focus_of(unfocused, self.gazetteer)
        if reporting is not None and len(reporting) < len(docs):  # a page with other zones
            # The names of the article's own paragraphs, each described once.
            own = {id(parsed) for parsed in reporting}
            described = dict(zip(map(id, ents), texts, strict=True))
            mine = [e for e in every if id(e.doc) in own][:MAX_PLACE_MENTIONS]
            told = [described.get(id(e)) or described_place(e) for e in mine]
            # Resolved once: their countries, then their focus. The page's other zones
            # may name no place: then these are the mentions already resolved.
            told_places = unfocused if told == texts else self._resolved_apart(
                told, lang, dict(zip(texts, prepared, strict=True)))
            if told and focus not in _countries(told_places):
                focus = country_focus_of(told_places, self.gazetteer) or focus
        located = unfocused if focus is None else resolve_places(  # with no focus: as they were
            texts, lang, focus, self.gazetteer, prepared)
        resolved = [replace(loc, text=name) if loc is not None else None
                    for name, loc in zip(names, located, strict=True)]
        reader = ArgumentReader(
            lang, self.actors, focus, doc.date, self._known_place, self._near_place
        )
        reader.named_places = frozenset(names)  # for names mislabelled in a sentence
        return Story(
            document=doc,
            lang=lang,
            norm=norm,
            reader=reader,
            attributor=Attributor(reader),
            timeline=Timeline(doc.date),
            gazetteer=self.gazetteer,
            places=dict(zip(names, resolved, strict=True)),
            credits=[
                (self.actors.source_name(name) or name, self.actors.source_type(name))
                for name in credited_sources(norm.clean, lang)
            ],
        )

    def _resolved_apart(
        self, texts: list[str], lang: str,
        known: dict[str, tuple[PlaceMention, list[Candidate]]],
    ) -> list[Location | None]:
        """Place mentions resolved together without a focus, each text taken apart once
        (`known`: the texts already taken apart, by text)."""
        new = [t for t in dict.fromkeys(texts) if t not in known]
        known.update(zip(new, prepare_mentions(new, lang, self.gazetteer), strict=True))
        return resolve_places(texts, lang, None, self.gazetteer, [known[t] for t in texts])

    def _known_place(self, name: str) -> bool:
        """The gazetteer has this exact name (or an alternate name): what an exact
        candidate (score 100) needs; a fuzzy key never scores 100, as an equal key would
        have been found exactly."""
        return self.gazetteer.has_name(name)

    def _near_place(self, name: str) -> bool:
        """The gazetteer has this name or one spelt close to it ("Talbisé": Talbiseh)."""
        return bool(self.gazetteer.candidates(name, limit=1))  # fuzzy above the cutoff
