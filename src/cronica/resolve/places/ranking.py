"""The score: a candidate's features weighed by the ranking table (data/place_ranking.yaml)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from cronica.resolve.places.candidates import Candidate
from cronica.resolve.places.features import DocumentContext, entry_features, within_features
from cronica.resolve.places.mention import PlaceMention
from cronica.resolve.places.settings import table

if TYPE_CHECKING:
    from cronica.record import Location
    from cronica.resolve.places.gazetteer import Gazetteer

# Terms are added up in these groups, in this order (a group's own terms first).
GROUPS = (("match",), ("same_spelling",), ("feature_prior",), ("population", "country_match"),
          ("type_match",), ("user_gazetteer",), ("region_named_like_its_city",), ("within",),
          ("doc_country_share", "doc_inside", "doc_contains", "doc_near"))
SHOWN_DECIMALS = {"km_from_within": 1, "doc_country_share": 2, "doc_near_km": 1}


def terms(cand: Candidate, features: dict[str, Any]) -> dict[str, float]:
    """Each feature's contribution to the score of a candidate."""
    w = table()["score"]
    match = cand.features["match"]
    out: dict[str, float] = {
        "match": w["fuzzy_scale"] * cand.score / 100 + w["fuzzy_base"] if match == "fuzzy"
        else w["match"][match],
        "same_spelling": w["same_spelling"] if features["same_spelling"] else 0.0,
        "feature_prior": w["feature_prior"].get(features["feature"], w["feature_prior_other"]),
        "population": math.log10(features["population"] + 1) * w["population_per_log10"],
        "country_match": w["country_match"] if features["country_match"] else 0.0,
        "type_match": w["type_match"] if features["type_match"] else 0.0,
        "user_gazetteer": w["user_gazetteer"] if cand.entry.gazetteer_id.startswith("user:")
        else 0.0,
        "region_named_like_its_city": w["region_named_like_its_city"]
        if features["region_named_like_its_city"] and not features["type_match"] else 0.0,
    }
    if "km_from_within" in features:
        out["within"] = w["inside_within"] if features["inside_within"] else (
            w["far_from_within"] if features["far_from_within"] else 0.0)
    if "doc_country_share" in features:
        out["doc_country_share"] = w["doc_country_share"] * features["doc_country_share"]
        for name, feature in (("doc_inside", "doc_inside"), ("doc_contains", "doc_contains"),
                              ("doc_near", "doc_near_km")):
            if feature in features:
                out[name] = w[name]
    return out


def total(parts: dict[str, float]) -> float:
    """The score: the sum of the terms (group by group, see GROUPS), added in the order
    `sum(sum(...) for group in GROUPS)` adds them, without its generators."""
    score: float = 0
    for group in GROUPS:
        part: float = 0
        for k in group:
            if k in parts:
                part += parts[k]
        score += part
    return score


def rank(cands: list[Candidate], mention: PlaceMention, focus: str | None,
         within: Location | None, gaz: Gazetteer,
         context: DocumentContext | None = None) -> list[Candidate]:
    """Score each candidate from its features (kept on it, rounded, to explain the choice);
    best first. `within` and `context` add their features when given."""
    for cand in cands:
        features = entry_features(cand.entry, mention, focus, gaz)
        if within is not None:
            features.update(within_features(cand.entry, within))
        if context is not None:
            features.update(context.features(cand.entry, gaz))
        cand.terms = terms(cand, features)
        cand.rank = total(cand.terms)
        cand.features.update({k: round(v, SHOWN_DECIMALS[k]) if k in SHOWN_DECIMALS else v
                              for k, v in features.items()})
    return sorted(cands, key=lambda c: -c.rank)
