// The map: Natural Earth countries (bundled TopoJSON, no tile server) and the events,
// coloured by type, clustered when dense, the ring showing the geo-precision.
import { typeClass } from "./colours.js";
import { t } from "./i18n.js";

const L = window.L;
let map;
let cluster;
const markers = new Map(); // event id -> marker

export async function createMap(element, onSelect) {
  map = L.map(element, { worldCopyJump: true, minZoom: 2, maxZoom: 13 }).setView([30, 30], 3);
  map.attributionControl.addAttribution("Natural Earth");
  const world = await fetch("/static/vendor/world-atlas/countries-10m.json").then((r) => r.json());
  const countries = window.topojson.feature(world, world.objects.countries);
  L.geoJSON(countries, { className: "country", interactive: false }).addTo(map);
  const borders = window.topojson.mesh(world, world.objects.countries, (a, b) => a !== b);
  L.geoJSON(borders, { className: "border", interactive: false }).addTo(map);
  loadAdmin1(); // states and provinces, drawn once zoomed in (not awaited: a larger file)
  cluster = newCluster();
  element.addEventListener("cronica-select", (e) => onSelect(e.detail));
  return map;
}

const ADMIN1_ZOOM = 5;

async function loadAdmin1() {
  const topo = await fetch("/static/vendor/natural-earth/admin1.json").then((r) => r.json());
  // every outline: neighbouring areas in this data do not always share their edges exactly
  const lines = window.topojson.mesh(topo, topo.objects.admin1);
  const layer = L.geoJSON(lines, { className: "admin1", interactive: false });
  const toggle = () => {
    if (map.getZoom() >= ADMIN1_ZOOM) layer.addTo(map);
    else layer.remove();
  };
  map.on("zoomend", toggle);
  toggle();
  document.body.dataset.admin1 = "loaded";
}

function precisionText(p) {
  return p ? `${t("precision")}: ${p} (${t(`precision${p}`)})` : "";
}

function markerFor(event, onSelect) {
  const loc = event.location;
  const precision = loc.geo_precision || 3;
  const classes = ["ev", typeClass(event.event_type), `prec-${precision}`];
  if (event.disputed) classes.push("disputed");
  if (event.review) classes.push(`rev-${event.review}`);
  const icon = L.divIcon({ className: classes.join(" "), iconSize: [16, 16] });
  const marker = L.marker([loc.lat, loc.lon], { icon, title: event.sub_event_type, keyboard: false });
  const label = document.createElement("div");
  const name = document.createElement("strong");
  name.textContent = `${event.sub_event_type} · ${loc.canonical || loc.text || ""}`;
  const info = document.createElement("div");
  info.textContent = `${event.date || t("undated")} · ${precisionText(loc.geo_precision)}`;
  label.append(name, info);
  marker.bindTooltip(label);
  marker.on("click", () => onSelect(event.event_id));
  return marker;
}

function newCluster() {
  return L.markerClusterGroup({ maxClusterRadius: 40, spiderfyOnMaxZoom: true }).addTo(map);
}

// Show these events (those with coordinates); others stay in the list only. The events go
// to a new cluster group: clearing the old one would take its markers out from under a
// zoomToShowLayer still waiting to show one (the plug-in then fails at the end of the zoom).
export function showEvents(events, onSelect) {
  map.removeLayer(cluster);
  cluster = newCluster();
  markers.clear();
  const layers = [];
  for (const event of events) {
    const loc = event.location;
    if (!loc || loc.lat == null || loc.lon == null) continue;
    const marker = markerFor(event, onSelect);
    markers.set(event.event_id, marker);
    layers.push(marker);
  }
  // Fit first, without animation, then cluster at the final zoom: adding first and zooming
  // after leaves the plug-in's zoom-in animation running, old and new clusters both drawn.
  if (layers.length) {
    const bounds = L.latLngBounds(layers.map((m) => m.getLatLng()));
    map.fitBounds(bounds.pad(0.3), { maxZoom: 9, animate: false });
  }
  cluster.addLayers(layers);
}

export function focusEvent(id) {
  const marker = markers.get(id);
  if (!marker) return;
  for (const m of markers.values()) m.getElement()?.classList.remove("selected");
  cluster.zoomToShowLayer(marker, () => marker.getElement()?.classList.add("selected"));
}
