"""The entity ruler's phrase patterns added from cached token keys (components/nlp.py) match
exactly as spaCy's own `EntityRuler.add_patterns` does, from an empty cache and from a warm
one."""

from __future__ import annotations

import spacy

from cronica.components.nlp import PHRASE_ATTR, add_patterns

PATTERNS = [
    {"label": "ACTOR", "pattern": "Fuerzas Democráticas Sirias", "id": "SDF"},
    {"label": "ACTOR", "pattern": "FDS", "id": "SDF"},
    {"label": "PLACE", "pattern": "Alepo", "id": "geo:1"},
    {"label": "PLACE", "pattern": "alepo oriental", "id": "geo:2"},
    {"label": "PLACE", "pattern": "Al-Bab", "id": "geo:3"},
    {"label": "PLACE", "pattern": "Al-Bab", "id": "geo:4"},  # one name, two places
    {"label": "PLACE", "pattern": "Deir ez-Zor"},  # no id
    {"label": "ACTOR", "pattern": [{"LOWER": "estado"}, {"LOWER": "islámico"}], "id": "IS"},
]
TEXTS = [
    "Las FDS y las Fuerzas Democráticas Sirias entraron en ALEPO ORIENTAL.",
    "El Estado Islámico atacó Al-Bab y Deir ez-Zor; en alepo hubo calma.",
]


def _ruler(cached: bool):
    nlp = spacy.blank("es")
    ruler = nlp.add_pipe("entity_ruler",
                         config={"overwrite_ents": True, "phrase_matcher_attr": PHRASE_ATTR})
    if cached:
        add_patterns(nlp, ruler, PATTERNS)
    else:
        ruler.add_patterns(PATTERNS)
    return nlp, ruler


def _ents(nlp) -> list[list[tuple[str, int, int, str, str]]]:
    return [[(e.text, e.start, e.end, e.label_, e.ent_id_) for e in nlp(text).ents]
            for text in TEXTS]


def test_cached_phrase_keys_match_as_add_patterns(tmp_path, monkeypatch):
    monkeypatch.setenv("CRONICA_CACHE_DIR", str(tmp_path))
    plain_nlp, plain = _ruler(cached=False)
    expected = _ents(plain_nlp)
    assert any(expected), "the texts name some patterns"
    for attempt in ("empty cache", "warm cache"):
        nlp, ruler = _ruler(cached=True)
        assert _ents(nlp) == expected, attempt
        assert len(ruler) == len(plain)
        assert ruler.labels == plain.labels
        assert sorted(ruler.ent_ids) == sorted(plain.ent_ids)
        assert sorted(map(repr, ruler.patterns)) == sorted(map(repr, plain.patterns))
    assert len(list(tmp_path.glob("ruler-*.pickle"))) == 1


def test_without_cache_folder(monkeypatch):
    monkeypatch.setenv("CRONICA_CACHE_DIR", "")  # caching off: the keys are computed
    plain_nlp, _ = _ruler(cached=False)
    nlp, _ = _ruler(cached=True)
    assert _ents(nlp) == _ents(plain_nlp)
