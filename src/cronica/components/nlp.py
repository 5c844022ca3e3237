"""Build the spaCy pipeline for a language: the pack's model, cronica's entity ruler and
cronica's components."""

from __future__ import annotations

import gc
import logging
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import spacy
from spacy.errors import Warnings
from spacy.language import Language
from spacy.pipeline import EntityRuler

from cronica.components import COMPONENTS, place_kinds
from cronica.components.attributes import index_attributes
from cronica.components.lemmas import remember_lemmas
from cronica.lang import pack
from cronica.resolve.places.cache import cached, fingerprint

log = logging.getLogger(__name__)

RULER_NAME = "cronica_entities"
RULER_FACTORY = "cronica_entity_ruler"
PHRASE_ATTR = "LOWER"  # the token attribute the ruler's phrase patterns are matched on


def load_model(lang: str) -> Language:
    """The plain spaCy model for `lang`, without cronica's rulers.

    The model name comes from the language pack. A pack's model may be older than spaCy 3.8
    (the Spanish one declares spacy<3.2 yet loads and parses under 3.8): spaCy warns W095
    about the version gap, and we silence that one warning knowingly, only while loading.
    """
    model = pack(lang).model
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\].*")
        return spacy.load(model)


def load_nlp(lang: str, gazetteers: tuple[str, ...] = ()) -> Language:
    """The spaCy model for `lang`, an entity ruler for actors (ACTOR) and places (PLACE) from
    the actor dictionary and the gazetteer (user gazetteers included), and cronica's
    components after the model's own; built once per process for each language and
    gazetteers, however the call spells them (`load_nlp("es")` is `load_nlp("es", ())`).
    The cyclic collector's youngest generation is collected less often from then on
    (`YOUNG_COLLECTION`)."""
    nlp = _load_nlp(lang, tuple(gazetteers))
    _collect_less_often()
    return nlp


@cache
def _load_nlp(lang: str, gazetteers: tuple[str, ...]) -> Language:
    from cronica.resolve.actors import shipped_resolver
    from cronica.resolve.places import Gazetteer

    nlp = load_model(lang)
    index_attributes(nlp)
    remember_lemmas(nlp)
    keep_whole(nlp, pack(lang).word_list("hyphenated_words"))
    patterns = shipped_resolver().patterns(lang) + Gazetteer.load(list(gazetteers)).patterns(lang)
    ruler = nlp.add_pipe(
        RULER_FACTORY,
        name=RULER_NAME,
        before="ner",
        config={"overwrite_ents": True, "phrase_matcher_attr": PHRASE_ATTR},
    )
    assert isinstance(ruler, EntityRuler)
    add_patterns(nlp, ruler, patterns)
    nlp.add_pipe(place_kinds.NAME, after="ner")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    log.debug("loaded %s with %d ruler patterns", pack(lang).model, len(patterns))
    # The model, its ruler and the name tables live as long as the process: taken out of
    # the cyclic collector's sight, its full collections walk only what reading makes
    # (about 150,000 objects less, each of those collections 0.1 s shorter).
    gc.freeze()
    return nlp


# The youngest generation is collected after this many new container objects (Python's
# default: 700). Reading makes and drops objects by the hundred thousand (a paragraph's
# tokens, spans, records): at 700 the collector ran 760 times on 66 documents and its full
# collections walked the name caches again and again, 0.25 CPU seconds in all; at 10,000,
# 0.12 s, with the same peak memory.
YOUNG_COLLECTION = 10_000


def _collect_less_often() -> None:
    """Raise the youngest generation's threshold to YOUNG_COLLECTION (never lower it)."""
    young, middle, old = gc.get_threshold()
    if young and young < YOUNG_COLLECTION:
        gc.set_threshold(YOUNG_COLLECTION, middle, old)


def keep_whole(nlp: Language, words: list[str]) -> None:
    """Words the tokenizer would cut at their hyphen ("re-entered" -> "re", "-",
    "entered"), kept whole as written, capitalised or not, so their lemma is theirs."""
    tokenizer: Any = nlp.tokenizer  # spacy.tokenizer.Tokenizer (compiled: no type stubs)
    for word in words:
        for form in {word, word[:1].upper() + word[1:]}:
            tokenizer.add_special_case(form, [{"ORTH": form}])


class QuickEntityRuler(EntityRuler):
    """spaCy's EntityRuler, but its check for patterns before each paragraph stops at the
    first label that has one: spaCy's counts the patterns of every label, and cronica's
    ruler has a label for each of thousands of place and actor ids (a tenth of cronica's own
    time). It warns (W036) in the same case: no patterns at all."""

    def _require_patterns(self) -> None:
        if not any(self.token_patterns.values()) and not any(self.phrase_patterns.values()):
            warnings.warn(Warnings.W036.format(name=self.name), stacklevel=2)


@Language.factory(RULER_FACTORY, default_config={"phrase_matcher_attr": None,
                                                 "overwrite_ents": False})
def make_entity_ruler(
    nlp: Language, name: str, phrase_matcher_attr: str | None, overwrite_ents: bool
) -> QuickEntityRuler:
    """spaCy's `entity_ruler` factory with these two settings (the others as spaCy's)."""
    return QuickEntityRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr,
                            overwrite_ents=overwrite_ents)


@dataclass(frozen=True)
class Phrase:
    """A phrase pattern as the ruler keeps it: only its text is read back (by
    `EntityRuler.patterns`, hence `to_disk`); the matcher holds its token keys."""

    text: str


def add_patterns(nlp: Language, ruler: EntityRuler, patterns: list[dict[str, Any]]) -> None:
    """`ruler.add_patterns(patterns)`, with the phrase patterns' tokens from the cache.

    `EntityRuler.add_patterns` tokenises every phrase pattern at every start (thousands of
    place and actor names: a third of a second, most of it making the words' lexemes). A
    phrase pattern matched on LOWER is only the sequence of its tokens' LOWER hashes, which
    depend on nothing but the texts, the tokenizer (model and spaCy version) and the
    attribute: those sequences are kept in cronica's cache folder (places/cache.py) and
    added to the ruler's phrase matcher in the order, with the labels and ids, that
    `add_patterns` uses. Token patterns (lists) go through `add_patterns`, first, as there.
    """
    assert ruler.phrase_matcher_attr == PHRASE_ATTR, "phrase keys are cached for LOWER"
    phrases = [p for p in patterns if isinstance(p["pattern"], str)]
    tokens = [p for p in patterns if not isinstance(p["pattern"], str)]
    if tokens:
        with nlp.select_pipes(enable=[ruler.name]):
            ruler.add_patterns(tokens)
    texts = [p["pattern"] for p in phrases]
    meta = nlp.meta
    key = fingerprint([], [Path(__file__)], [spacy.__version__, nlp.lang, meta.get("name"),
                                              meta.get("version"), PHRASE_ATTR, *texts])
    keys = cached("ruler", key, lambda: phrase_keys(nlp, texts))
    for entry, keyword in zip(phrases, keys, strict=True):
        label = entry["label"]
        if "id" in entry:
            ent_label = label
            label = ruler._create_label(label, entry["id"])
            ruler._ent_ids[ruler.matcher._normalize_key(label)] = (ent_label, entry["id"])
        ruler.phrase_patterns[label].append(Phrase(entry["pattern"]))
        # PhraseMatcher.add takes a pattern as a Doc or as its sequence of attribute keys.
        ruler.phrase_matcher.add(label, [keyword])  # type: ignore[list-item]


def phrase_keys(nlp: Language, texts: list[str]) -> list[tuple[int, ...]]:
    """The LOWER hash of each token of each text, as the ruler's phrase matcher keys them."""
    return [tuple(token.lower for token in nlp.make_doc(text)) for text in texts]
