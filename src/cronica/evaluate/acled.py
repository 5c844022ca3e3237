"""`acled`: cronica on ACLED `notes` texts, scored against the row's own coding.

Sub-event macro-F1 and accuracy, event-type accuracy and actor-type accuracy use the
prediction cronica is most confident of (no event = "none"); location is the first predicted
event with coordinates (right within 25 km); fatalities are scored only where the note states
the number (ACLED codes unknown counts and splits totals, see the data's README). Rows are
read by cronica.acled.rows, the reader `cronica import-acled` uses.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cronica.acled.rows import clean_note as clean_note  # re-exported: the shared reader
from cronica.acled.rows import load_rows as load_rows
from cronica.acled.rows import pick_file as pick_file
from cronica.evaluate import metrics, predictors
from cronica.evaluate.result import Result, guarded, ok
from cronica.record import Document, Event

NAME = "acled"
DEFAULT_PATH = "acled/acled_2022h1_global.csv"
DEFAULT_LIMIT = 300
SEED = 20220101
LOCATION_KM = 25.0
NONE = "none"
SUB_EVENT_TYPES = (
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade", "Peaceful protest", "Protest with intervention",
    "Excessive force against protesters", "Violent demonstration", "Mob violence", "Agreement",
    "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction",
    "Non-violent transfer of territory", "Other", "Sexual violence", "Attack",
    "Abduction/forced disappearance",
)  # fmt: skip
INTER = {
    "1": "State forces", "2": "Rebel groups", "3": "Political militias",
    "4": "Identity militias", "5": "Rioters", "6": "Protesters", "7": "Civilians",
    "8": "External/Other forces", "0": NONE, "": NONE,
}  # fmt: skip
_INTER_WORDS = (
    ("state", "1"), ("rebel", "2"), ("political", "3"), ("identity", "4"), ("communal", "4"),
    ("rioter", "5"), ("protester", "6"), ("civilian", "7"), ("external", "8"), ("other", "8"),
)  # fmt: skip
KILL = re.compile(
    r"\b(kill\w*|dead|died|dies|death\w*|fatalit\w*|bod(y|ies)|lives|lynch\w*|behead\w*|"
    r"muert\w*|muri\w*|fallec\w*|asesin\w*|mat(ó|aron|ado)\w*)",
    re.IGNORECASE,
)
CODED = re.compile(r"coded as|fatalities (are |were )?(unknown|unclear)|unclear fatalit", re.I)
_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
DATE = re.compile(
    rf"\b(\d{{1,2}}(st|nd|rd|th)? ({MONTHS})|({MONTHS}) \d{{1,2}}(st|nd|rd|th)?)\b,?( \d{{4}})?"
    r"|\b(1[89]|20)\d\d\b",
    re.IGNORECASE,
)
NUMBER = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(_WORDS) + r")\b", re.IGNORECASE)
Predictor = Callable[[Document], list[Event]]


def gold_sub_event(row: dict[str, str]) -> str | None:
    """The row's sub-event type; old (v5) rows give one only where their type names it."""
    if row.get("sub_event_type"):
        return row["sub_event_type"]
    old = row.get("event_type", "").lower()
    for sub in ("Government regains territory", "Non-violent transfer of territory",
                "Headquarters or base established"):  # fmt: skip
        if sub.lower() in old:
            return sub
    if "overtake" in old:
        return "Non-state actor overtakes territory"
    return None


def gold_event_type(row: dict[str, str]) -> str | None:
    """The row's event type in the modern scheme (None where an old type has no equivalent)."""
    if row.get("sub_event_type"):
        return row.get("event_type") or None
    old = row.get("event_type", "").lower()
    table = (
        ("battle", "Battles"),
        ("remote", "Explosions/Remote violence"),
        ("civilians", "Violence against civilians"),
        ("strategic", "Strategic developments"),
        ("transfer", "Strategic developments"),
        ("headquarters", "Strategic developments"),
    )
    return next((new for key, new in table if key in old), None)


def inter_code(value: str | None) -> str:
    """ACLED inter code ("1".."8", "0" for none) from a code or an actor-type name."""
    if value is None:
        return "0"
    text = str(value).strip().lower()
    if text in INTER:
        return text if text else "0"
    return next((code for word, code in _INTER_WORDS if word in text), "0")


def numbers_in(text: str, lang: str) -> list[int]:
    """Integers written in the text, with cronica's number reader where it is available."""
    try:
        from cronica.resolve.numbers import find_numbers

        found = [_number_value(n) for n in find_numbers(text, lang)]
        return [int(v) for v in found if isinstance(v, int | float)]
    except Exception:  # noqa: BLE001 - reader absent or unfinished: fall back to digits/words
        values = []
        for m in NUMBER.finditer(text):
            token = m.group(1).lower().replace(",", "")
            values.append(int(token) if token.isdigit() else _WORDS.index(token))
        return values


def _number_value(mention: Any) -> Any:
    if getattr(mention, "is_date_part", False):
        return None
    number = getattr(mention, "number", mention)
    return getattr(number, "value", number)


def stated_fatalities(note: str, column: str, lang: str) -> int | None:
    """The column's fatality count where the note states it, else None (not scored).

    0 counts as stated when the note mentions no death; N > 0 when N is written in the note
    and the note speaks of deaths (1 also when a death is told with no other number)."""
    try:
        count = int(float(column))
    except ValueError:
        return None
    if CODED.search(note):
        return None
    kills = KILL.search(note) is not None
    if count == 0:
        return 0 if not kills else None
    if not kills:
        return None
    values = numbers_in(DATE.sub(" ", note), lang)
    if count in values:
        return count
    if count == 1 and not [v for v in values if 1 < v < 1000]:
        return 1
    return None


def detect_lang(text: str) -> str:
    """ "es" for Spanish notes, "en" otherwise (ACLED writes its notes in English)."""
    try:
        import py3langid

        return "es" if py3langid.classify(text)[0] == "es" else "en"
    except ImportError:
        return "en"


def sample(rows: list[dict[str, str]], limit: int | None, seed: int = SEED) -> list[int]:
    """Row indices: a fixed, seeded random sample of `limit` rows (all rows when None/0)."""
    if not limit or limit >= len(rows):
        return list(range(len(rows)))
    return sorted(random.Random(seed).sample(range(len(rows)), limit))


def primary(events: list[Event]) -> Event | None:
    """The event cronica is most confident of (first among equals)."""
    best = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def predicted_fatalities(events: list[Event]) -> int:
    """Largest best fatality estimate among the events (0 when none has one)."""
    return max((e.fatalities.best for e in events if e.fatalities), default=0)


def first_coordinates(events: list[Event]) -> tuple[float, float] | None:
    """Coordinates of the first event that has them."""
    for e in events:
        if e.location and e.location.lat is not None and e.location.lon is not None:
            return (e.location.lat, e.location.lon)
    return None


def score(rows: list[dict[str, str]], predictions: list[list[Event]]) -> dict[str, Any]:
    """Metrics, per-class reports and worst errors for rows and their predicted events."""
    worst = metrics.WorstErrors()
    sub_gold, sub_pred, type_gold, type_pred = [], [], [], []
    a1_gold, a1_pred, a2_gold, a2_pred = [], [], [], []
    loc_hits, loc_errors, fat_gold, fat_pred = [], [], [], []
    for row, events in zip(rows, predictions, strict=True):
        note = clean_note(row["notes"])
        top = primary(events)
        gsub = gold_sub_event(row)
        psub = top.sub_event_type if top else NONE
        if gsub:
            sub_gold.append(gsub)
            sub_pred.append(psub)
            if gsub != psub:
                worst.add("sub_event_type", 1.0, gold=gsub, predicted=psub, text=note)
        gtype = gold_event_type(row)
        if gtype:
            type_gold.append(gtype)
            type_pred.append(top.event_type if top else NONE)
        a1_gold.append(INTER[inter_code(row.get("inter1"))])
        a1_pred.append(INTER[inter_code(top.actor1.actor_type if top and top.actor1 else None)])
        a2_gold.append(INTER[inter_code(row.get("inter2"))])
        a2_pred.append(INTER[inter_code(top.actor2.actor_type if top and top.actor2 else None)])
        gold_point: tuple[float, float] | None
        try:
            gold_point = float(row["latitude"]), float(row["longitude"])
        except (KeyError, ValueError):
            gold_point = None
        if gold_point is not None:
            coords = first_coordinates(events)
            km = metrics.haversine_km(*gold_point, *coords) if coords else metrics.MAX_ERROR_KM
            loc_hits.append(km <= LOCATION_KM)
            if coords:
                loc_errors.append(km)
            if km > LOCATION_KM:
                worst.add("location", km, gold=row.get("location"), km=round(km, 1),
                          predicted=coords, text=note)  # fmt: skip
        stated = stated_fatalities(note, row.get("fatalities", ""), row.get("_lang", "en"))
        if stated is not None:
            pred = predicted_fatalities(events)
            fat_gold.append(stated)
            fat_pred.append(pred)
            if pred != stated:
                worst.add("fatalities", abs(pred - stated), gold=stated, predicted=pred, text=note)
    labels = [c for c in SUB_EVENT_TYPES if c in set(sub_gold) | set(sub_pred)]
    sub_report = metrics.per_class_report(sub_gold, sub_pred, labels + [NONE])
    nonzero = [(g, p) for g, p in zip(fat_gold, fat_pred, strict=True) if g > 0]
    result = {
        "sub_event_macro_f1": metrics.macro_f1(sub_report, exclude=[NONE]),
        "sub_event_accuracy": metrics.accuracy(sub_gold, sub_pred),
        "event_type_accuracy": metrics.accuracy(type_gold, type_pred),
        "actor1_type_accuracy": metrics.accuracy(a1_gold, a1_pred),
        "actor2_type_accuracy": metrics.accuracy(a2_gold, a2_pred),
        "location_within_25km": metrics.mean(loc_hits),
        "location_coverage": metrics.safe_div(len(loc_errors), len(loc_hits)),
        "location_median_km": metrics.median(loc_errors),
        "fatalities_stated_accuracy": metrics.accuracy(fat_gold, fat_pred),
        "fatalities_stated_nonzero_accuracy": metrics.mean([g == p for g, p in nonzero]),
        "no_event_rate": metrics.safe_div(sub_pred.count(NONE), len(sub_pred)),
        "n_sub_event": len(sub_gold),
        "n_location": len(loc_hits),
        "n_fatalities_stated": len(fat_gold),
        "n_fatalities_stated_nonzero": len(nonzero),
    }
    per_class = {
        "sub_event_type": sub_report,
        "event_type": metrics.per_class_report(type_gold, type_pred),
        "actor1_type": metrics.per_class_report(a1_gold, a1_pred),
        "actor2_type": metrics.per_class_report(a2_gold, a2_pred),
        "sub_event_confusion": metrics.confusion(sub_gold, sub_pred),
    }
    return {"metrics": result, "per_class": per_class, "worst_errors": worst.worst()}


def evaluate(path: Path, predict: Predictor, limit: int | None = DEFAULT_LIMIT) -> Result:
    """Run `predict` on a seeded sample of notes and score the predictions."""
    all_rows = load_rows(path)
    rows = [all_rows[i] for i in sample(all_rows, limit)]
    predictions = []
    for row in rows:
        note = clean_note(row["notes"])
        row["_lang"] = detect_lang(note)
        doc = Document(id=row.get("event_id_cnty") or "acled", text=note, lang=row["_lang"])
        predictions.append(predict(doc))
    scored = score(rows, predictions)
    sample_note = f"seeded sample of {len(rows)} of {len(all_rows)} rows (seed {SEED})"
    return ok(NAME, scored["metrics"], scored["per_class"], scored["worst_errors"], n=len(rows),
              seconds=0.0, data=str(path), sample=sample_note)  # fmt: skip


def run(path: Path, limit: int | None = DEFAULT_LIMIT, predict: Predictor | None = None) -> Result:
    """The `acled` evaluation (skipped when the file is absent)."""
    return guarded(NAME, path, lambda: evaluate(path, predict or predictors.events(), limit))
