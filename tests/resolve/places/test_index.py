"""The gazetteer's flat name index, its blocked fuzzy search and the on-disk cache."""

from __future__ import annotations

import logging
import pickle
import random
from pathlib import Path

import pytest
from rapidfuzz import fuzz, process

from cronica.resolve.places import Gazetteer, PlaceEntry
from cronica.resolve.places import cache as index_cache
from cronica.resolve.places.gazetteer import _load_cached
from cronica.resolve.places.index import PRIMARY, WHOLE, NameIndex
from cronica.resolve.places.table import EntryTable

LETTERS = "abcdeilmnorstuz "


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 14))).strip() or "x"


def _typo(word: str, rng: random.Random) -> str:
    chars = list(word)
    for _ in range(rng.randint(0, 3)):
        i = rng.randrange(len(chars))
        op = rng.randint(0, 2)
        if op == 0:
            chars[i] = rng.choice(LETTERS)
        elif op == 1:
            chars.insert(i, rng.choice(LETTERS))
        elif len(chars) > 1:
            del chars[i]
    return "".join(chars)


@pytest.mark.parametrize("cutoff", [70.0, 80.0, 88.0, 95.0, 100.0])
def test_blocked_fuzzy_equals_scoring_every_key(cutoff: float) -> None:
    rng = random.Random(int(cutoff))
    keys = list(dict.fromkeys(_word(rng) for _ in range(3000)))
    index = NameIndex.build((k, n, PRIMARY) for n, k in enumerate(keys))
    queries = [_typo(rng.choice(keys), rng) for _ in range(300)] + ["zzzzzz", "a", ""]
    for query in queries:
        every = [(k, float(s)) for k, s, _ in process.extract(
            query, keys, scorer=fuzz.ratio, limit=30, score_cutoff=cutoff)] if query else []
        assert index.fuzzy(query, 30, cutoff) == every, query
    # the blocking is a filter, not a scan that happens to agree: it leaves most keys out
    assert len(index.blocked("lmnorst", 88.0)) < len(keys) / 10


@pytest.mark.parametrize("cutoff", [60.0, 75.0, 85.0, 90.0])
def test_blocked_keeps_every_key_that_reaches_the_cutoff(cutoff: float) -> None:
    """Not only the best 30: every key at or above the cutoff passes the blocking."""
    rng = random.Random(int(cutoff) + 1)
    keys = list(dict.fromkeys(_word(rng) for _ in range(2000)))
    index = NameIndex.build((k, n, PRIMARY) for n, k in enumerate(keys))
    for query in [_typo(rng.choice(keys), rng) for _ in range(200)]:
        reaching = {n for n, k in enumerate(keys) if fuzz.ratio(query, k) >= cutoff}
        assert reaching <= set(index.blocked(query, cutoff)), query


def test_lookup_keeps_row_order_and_unites_flags() -> None:
    index = NameIndex.build([("alepo", 3, PRIMARY), ("halab", 3, 0), ("alepo", 1, WHOLE),
                             ("alepo", 3, WHOLE)])
    assert list(index.lookup("alepo")) == [(3, PRIMARY | WHOLE), (1, WHOLE)]
    assert list(index.lookup("halab")) == [(3, 0)]
    assert list(index.lookup("nowhere")) == [] and "halab" in index and "x" not in index


def test_entry_table_rows_round_trip() -> None:
    rows = [PlaceEntry("t:1", "Villa Uno", ("Uno", "Villa 1"), "city", "Spain", "A", "B",
                       40.5, -3.25, 1200, "", "user"),
            PlaceEntry("t:2", "Barrio Dos", (), "neighbourhood", "Spain", "", "", 40.0, -3.0,
                       0, "t:1", "")]
    table = pickle.loads(pickle.dumps(EntryTable(rows)))
    assert [table.entry(0), table.entry(1)] == rows
    assert table.entry(0) is table.entry(0)
    assert table.names(0) == ("Villa Uno", "Uno", "Villa 1")


@pytest.fixture()
def user_table(tmp_path: Path) -> Path:
    path = tmp_path / "mine.csv"
    path.write_text("name,alt_names,lat,lon,feature,country\n"
                    "Villarrobledo del Monte,Villarobledo,39.27,-2.60,city,Spain\n"
                    "El Cerrillo Alto,,39.30,-2.61,neighbourhood,Spain\n", encoding="utf-8")
    return path


def test_gazetteer_loads_from_its_cache(tmp_path: Path, user_table: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv(index_cache.ENV, str(folder))
    _load_cached.cache_clear()
    built = Gazetteer.load([str(user_table)])
    files = list(folder.glob("gazetteer-*.pickle"))
    assert len(files) == 1
    _load_cached.cache_clear()
    loaded = Gazetteer.load([str(user_table)])
    assert loaded is not built
    for name in ("Villarobledo", "Villarrobledo del Monte", "Cerrillo Alto", "Villarobleda"):
        assert [(c.entry, c.score, c.features) for c in loaded.candidates(name)] == \
            [(c.entry, c.score, c.features) for c in built.candidates(name)]
    assert loaded.candidates("Villarobleda")[0].features["match"] == "fuzzy"
    assert loaded.patterns("es") == built.patterns("es")
    assert loaded.shadowed == built.shadowed and len(loaded.by_id) == len(built.by_id)
    # a changed table is a new cache entry, not a stale read
    user_table.write_text(user_table.read_text(encoding="utf-8") +
                          "Pozo Nuevo,,39.1,-2.5,city,Spain\n", encoding="utf-8")
    _load_cached.cache_clear()
    assert Gazetteer.load([str(user_table)]).candidates("Pozo Nuevo")
    assert len(list(folder.glob("gazetteer-*.pickle"))) == 2
    _load_cached.cache_clear()


def test_cache_rebuilds_a_damaged_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv(index_cache.ENV, str(tmp_path))
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"n": len(calls)}

    assert index_cache.cached("thing", "k1", build) == {"n": 1}
    assert index_cache.cached("thing", "k1", build) == {"n": 1} and len(calls) == 1
    (tmp_path / "thing-k1.pickle").write_bytes(b"not a pickle")
    with caplog.at_level(logging.WARNING):
        assert index_cache.cached("thing", "k1", build) == {"n": 2}
    assert "cannot read the cached copy" in caplog.text
    assert index_cache.cached("thing", "k1", build) == {"n": 2} and len(calls) == 2


def test_cache_off_or_unwritable_still_builds(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(index_cache.ENV, "")
    assert index_cache.cache_dir() is None
    assert index_cache.cached("thing", "k", lambda: 7) == 7
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv(index_cache.ENV, str(blocker / "sub"))
    assert index_cache.cached("thing", "k", lambda: 8) == 8


def test_fingerprint_changes_with_content_and_values() -> None:
    code = [Path(index_cache.__file__)]
    base = index_cache.fingerprint([("a", b"1")], code, [("x",)])
    assert base == index_cache.fingerprint([("a", b"1")], code, [("x",)])
    assert base != index_cache.fingerprint([("a", b"2")], code, [("x",)])
    assert base != index_cache.fingerprint([("b", b"1")], code, [("x",)])
    assert base != index_cache.fingerprint([("a", b"1")], code, [("y",)])
