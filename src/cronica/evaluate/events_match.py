"""Matching predicted events to gold ones and scoring them (see `cronica.evaluate.events`)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from cronica.evaluate import metrics
from cronica.record import Event
from cronica.text import loose, name_key, normalise_space, place_keys

if TYPE_CHECKING:
    from cronica.resolve.actors import ActorResolver

PLACE_KM = 2.0
SPELLING_RATIO = 85  # rapidfuzz ratio of two bare names spelt for one place ("Newaran")
ASIDE = re.compile(r"\s*\(([^)]*)\)")  # a parenthesis in a gold place name, and its words
KIND_NOUNS = frozenset({"hill", "road", "mountain", "lake", "base", "field", "village"})  # en
GOLD_NAME_SCORE = 90  # a gold name spelt as the gazetteer spells one of its places, or nearly
MIN_CONTAINED = 20  # shortest predicted sentence (characters) that may match inside gold evidence
ATTRIBUTES = ("place", "date", "actor1", "actor2", "quantities", "fatalities", "sources")
UNKNOWN_ZONE = "unknown"
WORST_ERRORS = 40


def event_view(event: Event) -> dict[str, Any]:
    """The parts of a predicted event that are scored, as plain values."""
    loc = event.location
    return {
        "sub_event_type": event.sub_event_type,
        "sentence": event.evidence.sentence,
        "mentions": [event.evidence.sentence, *(m.sentence for m in event.mentions)],
        "location_canonical": (loc.canonical or loc.text) if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "country": loc.country if loc else None,
        "date": event.date,
        "actor1": event.actor1.canonical if event.actor1 else None,
        "actor2": event.actor2.canonical if event.actor2 else None,
        "quantities": sorted((q.kind, q.value) for q in event.quantities),
        "fatalities": event.fatalities.best if event.fatalities else None,
        "sources": sorted((c.source, c.stance) for c in event.claims),
        "zone": event.zone or UNKNOWN_ZONE,
    }


def _same_text(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return loose(a) == loose(b)


def in_country(pred: dict[str, Any], countries: set[str]) -> bool:
    """False only for a prediction geocoded to a country other than the document's."""
    country = pred.get("country")
    return not countries or not country or any(_same_text(country, c) for c in countries)


def place_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Canonical names equal (case- and accent-insensitive; a "Place, City" or "Place, Admin",
    gold or predicted, counts by its first part; name keys without particles, "Al Mayadin" =
    "Mayadin"), or coordinates within 2 km: the gold's own, else those of the gazetteer
    entries whose name or alternate name is exactly the gold's canonical name, or its first
    part, in the gold's country ("Hama" = "Hamah")."""
    gold_name, pred_name = gold.get("location_canonical"), pred.get("location_canonical")
    if _same_text(gold_name, pred_name):
        return True
    gold_first = (gold_name or "").split(",")[0]  # "Sukkari, Aleppo": the place, its city
    if gold_name and pred_name:
        first = pred_name.split(",")[0]  # "Eastern Aleppo, Aleppo": the place, then its admin
        if _same_name(gold_first, first, spelt=(pred.get("geo_precision") or 1) >= 2):
            return True
        town = pred_name.partition(", ")[2]  # a district of the gold's town: ACLED codes an
        whole = "," not in gold_name and _base_of_part(gold_name) is None  # a town, not a part
        if town and whole and _same_text(gold_name, town):  # event there at its town
            return True  # ("Eastern Aleppo, Aleppo" for the gold's "Aleppo")
    if _at_points(gold, pred, (gold_name or "", gold_first)):
        return True
    return _part_at_its_place(gold, pred)


def _same_name(gold: str, pred: str, *, spelt: bool = False) -> bool:
    """Two names of one place: loosely equal, equal without particles ("Al Mayadin" =
    "Mayadin"), without a parenthesis or a trailing kind noun ("Ithriya-Thawrah road" =
    "Ithriya-Thawrah", "Tal Za'rour hill" = "Tal Zarour"), or two transliterations of one
    name, nearly letter for letter ("Newaran" = "Nawaran"; not "Tal Afar" = "Tel Fur"), when
    the prediction is `spelt` as the text spells it (approximate: a name the gazetteer lacks,
    placed at the story's town; a gazetteer place is compared by its point)."""
    if _same_text(gold, pred) or place_keys(gold) & place_keys(pred):
        return True
    bare = _bare_name(gold), _bare_name(pred)
    if not bare[0] or not bare[1]:
        return False
    if _same_text(*bare) or place_keys(bare[0]) & place_keys(bare[1]):
        return True
    return spelt and any(  # with and without particles ("Raqqa" = "Ar-Raqqah")
        fuzz.ratio(a, b) >= SPELLING_RATIO
        for a in place_keys(bare[0]) for b in place_keys(bare[1])
    )


@lru_cache(maxsize=4096)
def _bare_name(name: str) -> str:
    """A name without its parenthesis and its trailing kind nouns ("road", "hill", "base"),
    read with the English pack's place words (gold canonical names are English)."""
    from cronica.resolve.places.mention import generic_words

    return _less_kinds(name_key(_without_aside(name)), generic_words("en") | KIND_NOUNS)


def _without_aside(name: str) -> str:
    """A name without its parenthesis ("Nineveh Plains (north and east of Mosul)")."""
    return ASIDE.sub("", name).strip()


def _less_kinds(key: str, kinds: frozenset[str]) -> str:
    """A name key without its trailing kind nouns ("aleppo province" -> "aleppo")."""
    words = key.split()
    while len(words) > 1 and words[-1] in kinds:
        words.pop()
    return " ".join(words)


def _at_points(gold: dict[str, Any], pred: dict[str, Any], names: tuple[str, ...]) -> bool:
    """The prediction's point within 2 km of the gold's own, else of the gazetteer's points
    for one of `names` (in the gold's country)."""
    plat, plon = pred.get("lat"), pred.get("lon")
    if plat is None or plon is None:
        return False
    glat, glon = gold.get("lat"), gold.get("lon")
    if glat is not None and glon is not None:
        return metrics.haversine_km(glat, glon, plat, plon) <= PLACE_KM
    return any(
        metrics.haversine_km(lat, lon, plat, plon) <= PLACE_KM
        for name in dict.fromkeys(names)
        for lat, lon in _gold_points(name, gold.get("country") or "")
    )


def _part_at_its_place(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """A gold place named as a part of another ("Northern Aleppo province", "East of
    Al-Rai"), or as a landmark of a town that no gazetteer point stands for ("Al-Rai grain
    silos, Al-Rai"), is right for a prediction at that other place given as approximate
    (geo_precision 2 or 3): ACLED codes such a mention at the named place with that
    precision. The gold's name is read with the English place words (a parenthesis dropped,
    trailing kind nouns such as "province" or "countryside" too)."""
    if (pred.get("geo_precision") or 1) < 2:
        return False
    name = gold.get("location_canonical") or ""
    aside = ASIDE.findall(name)  # "Nineveh Plains (north and east of Mosul)"
    base = (
        _base_of_part(name)
        or next((b for b in map(_base_of_part, aside) if b), None)
        or _town_of_landmark(name, gold.get("country") or "")
    )
    if base is None:
        return False
    first = (pred.get("location_canonical") or "").split(",")[0]
    own = _base_of_part(first) or first
    if _same_text(base, own) or place_keys(base) & place_keys(own):
        return True
    return _at_points(gold | {"lat": None, "lon": None}, pred, (base,))


def _town_of_landmark(name: str, country: str) -> str | None:
    """The town of a gold "Landmark, Town" whose landmark has no gazetteer point ("Al-Rai
    grain silos, Al-Rai"; not "Sukkari, Aleppo", a district the gazetteer places)."""
    landmark, _, town = name.partition(",")
    if not town.strip() or _gold_points(landmark.strip(), country):
        return None
    return town.strip()


@lru_cache(maxsize=1024)
def _base_of_part(name: str) -> str | None:
    """The place a name says it is a part of ("Eastern Aleppo city" -> "aleppo"), or None
    when it names no part."""
    from cronica.resolve.places.mention import generic_words, parse_mention

    lang = "en"  # gold canonical names are English
    text = _without_aside(name)
    mention = parse_mention(text.rsplit(" and ", 1)[-1], lang)  # "north and east of Mosul"
    if mention.relation != "part_of" or not mention.name:
        return None
    return _less_kinds(mention.name, generic_words(lang))


@lru_cache(maxsize=4096)
def _gold_points(name: str, country: str) -> tuple[tuple[float, float], ...]:
    """Coordinates of the gazetteer entries named exactly `name` (in `country` when given)."""
    if not name:
        return ()
    from cronica.resolve.places import Gazetteer

    found = Gazetteer.load().candidates(name, limit=10)
    return tuple(
        (c.entry.lat, c.entry.lon)
        for c in found
        if c.score >= GOLD_NAME_SCORE and (not country or c.entry.country == country)
    )


def _source_name_ok(gold_name: str, pred_name: str) -> bool:
    """Names written alike (one inside the other, loosely), or the gold name as written in
    the article ("OSDH") is an alias of the predicted canonical source in the dictionary."""
    g, p = loose(gold_name), loose(pred_name)
    if g and p and (g in p or p in g):
        return True
    canonical = _canonical_source(gold_name)
    return canonical is not None and loose(canonical) == p


@lru_cache(maxsize=1024)
def _canonical_source(name: str) -> str | None:
    return _resolver().source_name(name)


@lru_cache(maxsize=1024)
def _source_type(name: str) -> str:
    return _resolver().source_type(name)


@lru_cache(maxsize=1)
def _resolver() -> ActorResolver:
    """One actor and source dictionary for every comparison (loaded once)."""
    from cronica.resolve.actors import ActorResolver

    return ActorResolver()


def sources_ok(gold: list[dict[str, Any]], pred: list[tuple[str, str]]) -> bool:
    """Same number of (source, stance) pairs and each gold one loosely matched by its own.
    A source the gold lists under two of its names ("Observatorio" and "OSDH") is one source:
    the dictionary unifies its names, as the issue asks of extraction."""
    listed = [(s.get("name") or "", s.get("stance") or "") for s in gold]
    named = {(_source_type(n), st) for n, st in listed if _canonical_source(n)}
    one_each: dict[tuple[str, str], tuple[str, str]] = {}
    for name, stance in listed:
        bare = _resolver().source_head_noun(name) and not _canonical_source(name)
        if bare and (_source_type(name), stance) in named:
            continue  # a bare head noun ("Observatorio") beside the source it refers back to
        one_each.setdefault((loose(_canonical_source(name) or name), stance), (name, stance))
    wanted = sorted(one_each.values())
    given = sorted(set(pred))
    if len(wanted) != len(given):
        return False

    def score(g: int, p: int) -> float | None:
        (gname, gstance), (pname, pstance) = wanted[g], given[p]
        if gstance.casefold() != pstance.casefold() or not _source_name_ok(gname, pname):
            return None
        return 1.0

    return len(metrics.greedy_match(len(wanted), len(given), score)) == len(wanted)


def attribute_checks(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, bool]:
    """Which attributes of a matched prediction agree with the gold event."""
    gold_quantities = sorted(
        (q["kind"], int(q["value"])) for q in gold.get("quantities") or []
        if q.get("value") is not None  # a count the coder could not give a number for
    )
    return {
        "place": place_ok(gold, pred),
        "date": gold.get("date") == pred.get("date"),
        "actor1": _same_text(gold.get("actor1"), pred.get("actor1")),
        "actor2": _same_text(gold.get("actor2"), pred.get("actor2")),
        "quantities": set(gold_quantities) == set(pred["quantities"]),
        "fatalities": gold.get("fatalities") == pred.get("fatalities"),
        "sources": sources_ok(gold.get("sources") or [], pred["sources"]),
    }


def same_evidence(gold_evidence: str, sentence: str) -> bool:
    """The sentence contains the gold evidence, or (a sentence cut shorter by the splitter, of
    at least MIN_CONTAINED characters) the gold evidence contains it; whitespace-normalised."""
    evidence, sentence = normalise_space(gold_evidence), normalise_space(sentence)
    if evidence in sentence:
        return True
    return len(sentence) >= MIN_CONTAINED and sentence in evidence


def match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one greedy pairs (gold index, prediction index) of equal sub-event type and the
    same evidence; among candidates, those that agree on more attributes are taken first."""

    def score(g: int, p: int) -> float | None:
        if gold[g]["sub_event_type"] != pred[p]["sub_event_type"]:
            return None
        sentences = pred[p].get("mentions") or [pred[p]["sentence"]]
        if not any(same_evidence(gold[g]["evidence"], s) for s in sentences):
            return None
        return float(sum(attribute_checks(gold[g], pred[p]).values()))

    return metrics.greedy_match(len(gold), len(pred), score)


def score(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, Any]:
    """Event P/R/F1, attribute accuracy, per class / zone / section and worst errors for one
    document set (`pred` are event_view dicts; gold and pred carry a `doc` key)."""
    worst = metrics.WorstErrors(WORST_ERRORS)
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    matched_gold: set[int] = set()
    matched_pred: set[int] = set()
    for doc in sorted({g["doc"] for g in gold} | {p["doc"] for p in pred}):
        gi = [i for i, g in enumerate(gold) if g["doc"] == doc]
        pi = [i for i, p in enumerate(pred) if p["doc"] == doc]
        for gj, pj in match([gold[i] for i in gi], [pred[i] for i in pi]):
            matched_gold.add(gi[gj])
            matched_pred.add(pi[pj])
            pairs.append((gold[gi[gj]], pred[pi[pj]]))
    tp, fp, fn = len(pairs), len(pred) - len(matched_pred), len(gold) - len(matched_gold)
    for i, g in enumerate(gold):
        if i not in matched_gold:
            worst.add("missed", 1.0, doc=g["doc"], gold=g["sub_event_type"],
                      section=g.get("section"), text=g["evidence"])  # fmt: skip
    for i, p in enumerate(pred):
        if i not in matched_pred:
            worst.add("spurious", 1.0, doc=p["doc"], predicted=p["sub_event_type"],
                      zone=p["zone"], text=p["sentence"])  # fmt: skip
    correct = dict.fromkeys(ATTRIBUTES, 0)
    for g, p in pairs:
        checks = attribute_checks(g, p)
        wrong = [name for name, good in checks.items() if not good]
        for name in ATTRIBUTES:
            correct[name] += checks[name]
        if wrong:
            worst.add("attributes", len(wrong), doc=g["doc"], wrong=wrong, text=g["evidence"],
                      gold={k: _value(g, k) for k in wrong},
                      predicted={k: _value(p, k) for k in wrong})  # fmt: skip
    accuracy = {f"{name}_accuracy": metrics.safe_div(correct[name], tp) for name in ATTRIBUTES}
    per_class = {
        "per class": _per_class(gold, pred, pairs),
        "precision per predicted zone": _per_zone(pred, matched_pred),
        "recall per gold section": _per_section(gold, matched_gold),
    }
    return {
        "metrics": {**metrics.prf(tp, fp, fn), **accuracy, "matched": tp},
        "per_class": per_class,
        "worst_errors": worst.worst(),
    }


def _value(row: dict[str, Any], key: str) -> Any:
    return row.get("location_canonical") if key == "place" else row.get(key)


def _per_class(gold: list[dict], pred: list[dict], pairs: list[tuple[dict, dict]]) -> dict:
    labels = sorted({g["sub_event_type"] for g in gold} | {p["sub_event_type"] for p in pred})
    report = {}
    for label in labels:
        tp = sum(1 for g, _ in pairs if g["sub_event_type"] == label)
        n_gold = sum(1 for g in gold if g["sub_event_type"] == label)
        n_pred = sum(1 for p in pred if p["sub_event_type"] == label)
        row = metrics.prf(tp, n_pred - tp, n_gold - tp)
        row["support"] = n_gold
        report[label] = row
    return report


def _tally(labels: list[str], hits: list[bool]) -> dict[str, tuple[int, int]]:
    counts: dict[str, tuple[int, int]] = {}
    for label, hit in zip(labels, hits, strict=True):
        good, bad = counts.get(label, (0, 0))
        counts[label] = (good + hit, bad + (not hit))
    return dict(sorted(counts.items()))


def _per_zone(pred: list[dict], matched: set[int]) -> dict[str, dict[str, float]]:
    """Precision by the predicted event's zone (no gold zone: recall is per section)."""
    hits = [i in matched for i in range(len(pred))]
    counts = _tally([p["zone"] for p in pred], hits)
    return {z: {"precision": metrics.safe_div(tp, tp + fp), "tp": tp, "fp": fp}
            for z, (tp, fp) in counts.items()}  # fmt: skip


def _per_section(gold: list[dict], matched: set[int]) -> dict[str, dict[str, float]]:
    """Recall by the gold event's section (main, caption, related)."""
    hits = [i in matched for i in range(len(gold))]
    counts = _tally([g.get("section") or UNKNOWN_ZONE for g in gold], hits)
    return {s: {"recall": metrics.safe_div(tp, tp + fn), "tp": tp, "fn": fn, "support": tp + fn}
            for s, (tp, fn) in counts.items()}  # fmt: skip
