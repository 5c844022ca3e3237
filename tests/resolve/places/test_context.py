"""The document context of place ranking: what the other mentions' picks say of a candidate."""

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cronica.resolve.places import Gazetteer, PlaceEntry, km_between
from cronica.resolve.places.features import DocumentContext, Votes
from cronica.resolve.places.settings import SUB_CITY, table


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _scanned(ctx: DocumentContext, entry: PlaceEntry, gaz: Gazetteer) -> dict[str, Any]:
    """The features by scanning every other mention's pick for each candidate."""
    mine = ctx.names[ctx.me] if ctx.me >= 0 else None
    others = [(p, w) for i, (p, w) in enumerate(zip(ctx.picks, ctx.confidence, strict=True))
              if i != ctx.me and p is not None and p.gazetteer_id != entry.gazetteer_id
              and ctx.names[i] != mine]
    total = sum(w for _, w in others)
    if not others or total <= 0:
        return {}
    same = sum(w for p, w in others if entry.country and p.country == entry.country)
    out: dict[str, Any] = {"doc_country_share": same / total}
    inside = [p.name for p, _ in others if p.feature in ("admin1", "admin2", "region")
              and gaz.contains(p, entry)]
    if inside:
        out["doc_inside"] = inside[0]
    holds = [p.name for p, _ in others if gaz.contains(entry, p)]
    if holds and entry.feature in ("country", "admin1", "admin2", "region"):
        out["doc_contains"] = holds[0]
    if entry.feature not in ("continent", "country", "region"):
        near = [km_between(entry.lat, entry.lon, p.lat, p.lon) for p, _ in others
                if p.feature in ("city", *SUB_CITY)]
        close = min(near, default=None)
        if close is not None and close <= table()["document"]["near_km"]:
            out["doc_near_km"] = close
    return out


def test_context_features_are_those_of_scanning_every_pick(gaz: Gazetteer) -> None:
    """Repeated picks, a candidate that is another mention's pick, unsure and empty votes:
    the context's worked-out-once sums and distinct picks give what a scan gives."""
    names = ["Alepo", "Damasco", "Siria", "Idlib", "Alepo", "Homs", "Turquía", "Hama",
             "Alepo", "Gaziantep", "Damasco"]
    picks = [gaz.candidates(n, limit=3)[0].entry for n in names]
    picks[7] = None
    confidence = [1.0, 0.5, 1.0, 1.0, 1.0, 0.0, 0.5, 1.0, 1.0, 0.5, 1.0]
    entries = [c.entry for n in ("Alepo", "Siria", "Idlib", "Kilis", "Homs") for c in
               gaz.candidates(n, limit=5)]
    seen = 0
    for me in (-1, 0, 2, 5, 9):
        ctx = DocumentContext(picks, confidence, names, me=me)
        for entry in entries:
            assert ctx.features(entry, gaz) == _scanned(ctx, entry, gaz), (me, entry.name)
            seen += len(_scanned(ctx, entry, gaz))
    assert seen > 50  # the features are not all empty


def _town(n: int, lat: float, lon: float, feature: str = "city") -> PlaceEntry:
    return PlaceEntry(f"t:{n}", f"T{n}", (), feature, "SY", "", "", lat, lon)


@settings(max_examples=200, deadline=None, database=None)
@given(
    spots=st.lists(st.tuples(st.floats(-89, 89), st.floats(-180, 180)), min_size=1,
                   max_size=12),
    here=st.tuples(st.floats(-89, 89), st.floats(-180, 180)),
    reach=st.floats(0.01, 20),
    left_out=st.sets(st.integers(0, 11)),
)
def test_nearest_town_is_the_least_km_between(
    spots: list[tuple[float, float]], here: tuple[float, float], reach: float,
    left_out: set[int],
) -> None:
    """The nearest kept town within `reach` degrees of latitude, by the haversine worked
    out once for each side, is exactly the least `km_between` of those towns."""
    towns = [_town(n, lat, lon) for n, (lat, lon) in enumerate(spots)]
    votes = Votes(list(towns), [1.0] * len(towns), [t.name for t in towns])
    entry = _town(99, *here)
    kept = {n for n in range(len(votes.distinct)) if n not in left_out}
    expected = min((km_between(entry.lat, entry.lon, p.lat, p.lon)
                    for n, (p, *_) in enumerate(votes.distinct)
                    if n in kept and abs(p.lat - entry.lat) <= reach), default=None)
    assert votes.nearest_town(entry, kept, reach) == expected
