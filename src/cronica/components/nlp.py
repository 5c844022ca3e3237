"""Build the spaCy pipeline for a language: the pack's model, cronica's entity ruler and
cronica's components."""

from __future__ import annotations

import logging
import warnings
from functools import cache

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler

from cronica.components import COMPONENTS
from cronica.lang import pack

log = logging.getLogger(__name__)

RULER_NAME = "cronica_entities"


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


@cache
def load_nlp(lang: str, gazetteers: tuple[str, ...] = ()) -> Language:
    """The spaCy model for `lang`, an entity ruler for actors (ACTOR) and places (PLACE) from
    the actor dictionary and the gazetteer (user gazetteers included), and cronica's
    components after the model's own."""
    from cronica.resolve.actors import ActorResolver
    from cronica.resolve.places import Gazetteer

    nlp = load_model(lang)
    patterns = ActorResolver().patterns(lang) + Gazetteer.load(list(gazetteers)).patterns(lang)
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        before="ner",
        config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"},
    )
    assert isinstance(ruler, EntityRuler)
    # Phrase patterns matched on LOWER need only the tokenizer; spaCy would otherwise run the
    # model's parser and tagger over every one of the thousands of pattern texts at start-up.
    with nlp.select_pipes(enable=[RULER_NAME]):
        ruler.add_patterns(patterns)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    log.debug("loaded %s with %d ruler patterns", pack(lang).model, len(patterns))
    return nlp
