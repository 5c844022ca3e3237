// The page: filters -> events (API) -> map, timeline and list; brushing the timeline filters
// map and list; selecting an event shows its evidence; reviews by button or keyboard.
import * as api from "./api.js";
import { typeClass, EVENT_TYPES } from "./colours.js";
import { renderDetail } from "./detail.js";
import { lang, switchLanguage, t, translatePage } from "./i18n.js";
import { createMap, focusEvent, showEvents } from "./map.js";
import { drawTimeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const state = { events: [], total: 0, brush: null, selected: null, visible: [] };

function filters() {
  return {
    since: $("since").value, until: $("until").value, type: $("type").value,
    q: $("q").value.trim(), disputed: $("disputed").checked ? "true" : "",
    review: $("review").value === "any" ? "" : $("review").value,
  };
}

function inBrush(event) {
  if (!state.brush) return true;
  if (!event.date) return false;
  const day = event.date.slice(0, 10);
  return day >= state.brush[0] && day <= state.brush[1];
}

function listItem(event) {
  const li = document.createElement("li");
  li.dataset.id = event.event_id;
  li.tabIndex = -1;
  if (event.review) li.classList.add(`rev-${event.review}`);
  if (event.disputed) li.classList.add("disputed");
  const chip = document.createElement("span");
  chip.className = `chip ${typeClass(event.event_type)}`;
  const text = document.createElement("span");
  const place = event.location ? (event.location.canonical || event.location.text) : t("noPlace");
  const actor = event.actor1 ? (event.actor1.canonical || event.actor1.text) : "";
  text.textContent = `${event.date || t("undated")} · ${event.sub_event_type} · ${place}${actor ? ` · ${actor}` : ""}`;
  li.append(chip, text);
  if (event.fatalities?.best) {
    const n = document.createElement("span");
    n.className = "count";
    n.textContent = `✝ ${event.fatalities.best}`;
    li.append(n);
  }
  if (event.disputed) {
    const flag = document.createElement("span");
    flag.className = "flag";
    flag.textContent = "⚠";
    flag.title = t("disputed");
    li.append(flag);
  }
  if (event.review) {
    const badge = document.createElement("span");
    badge.className = `badge rev-${event.review}`;
    badge.textContent = t(`review_${event.review}`);
    li.append(badge);
  }
  li.addEventListener("click", () => select(event.event_id));
  return li;
}

function render() {
  state.visible = state.events.filter(inBrush);
  $("list").replaceChildren(...state.visible.map(listItem));
  const total = Math.max(state.total || 0, state.events.length);
  $("status").textContent = state.events.length
    ? `${state.visible.length} ${t("shown")} / ${total} ${t("events")}` : t("noEvents");
  showEvents(state.visible, select);
  $("brush-label").textContent = state.brush ? `${state.brush[0]} – ${state.brush[1]}` : "";
  $("clear-brush").hidden = !state.brush;
  if (state.selected) markSelected();
}

function drawAll() {
  drawTimeline($("timeline"), state.events, (range) => { state.brush = range; render(); });
}

async function load() {
  $("status").textContent = t("loading");
  try {
    const page = await api.listEvents(filters());
    state.events = page.items;
    state.total = page.total; // more than one page: the first LIMIT are shown
  } catch (err) {
    $("status").textContent = `${t("error")}: ${err.message}`;
    return;
  }
  render();
  drawAll();
}

function markSelected() {
  for (const li of $("list").children) li.classList.toggle("selected", li.dataset.id === state.selected);
  const li = $("list").querySelector(".selected");
  li?.scrollIntoView({ block: "nearest" });
}

async function select(id) {
  state.selected = id;
  markSelected();
  focusEvent(id);
  try {
    const data = await api.getEvent(id);
    renderDetail($("detail"), data, decide);
  } catch (err) {
    $("detail").textContent = `${t("error")}: ${err.message}`;
  }
}

function move(step) {
  if (!state.visible.length) return;
  const at = state.visible.findIndex((e) => e.event_id === state.selected);
  const next = Math.min(state.visible.length - 1, Math.max(0, at < 0 ? 0 : at + step));
  select(state.visible[next].event_id);
}

async function decide(decision) {
  if (!state.selected) return;
  if (!api.apiKey()) { alertStatus(t("needKey")); $("api-key").focus(); return; }
  if (decision === "correct") { openCorrection(); return; }
  await sendReview(decision);
}

function alertStatus(message) { $("status").textContent = message; }

async function sendReview(decision, changes = {}, note = null) {
  const id = state.selected;
  try {
    const result = await api.review(id, decision, changes, note);
    const at = state.events.findIndex((e) => e.event_id === id);
    if (at >= 0 && result.event) state.events[at] = result.event;
    render();
    drawAll();
    await select(id);
    if (decision !== "correct") move(1);
    return null;
  } catch (err) {
    alertStatus(`${t("error")}: ${err.message}`);
    return err.message;
  }
}

let subTypes = {};

function openCorrection() {
  const event = state.events.find((e) => e.event_id === state.selected);
  if (!event) return;
  $("c-sub").value = event.sub_event_type;
  $("c-actor1").value = event.actor1?.canonical || event.actor1?.text || "";
  $("c-actor2").value = event.actor2?.canonical || event.actor2?.text || "";
  $("c-place").value = event.location?.canonical || event.location?.text || "";
  $("c-lat").value = event.location?.lat ?? "";
  $("c-lon").value = event.location?.lon ?? "";
  $("c-date").value = event.date || "";
  $("c-fatalities").value = event.fatalities?.best ?? "";
  $("c-note").value = "";
  $("correct-error").textContent = "";
  $("correct").showModal();
}

// Only the fields the reviewer changed become `changes`.
function correctionChanges(event) {
  const changes = {};
  const name = (a) => a ? (a.canonical || a.text) : "";
  if ($("c-sub").value !== event.sub_event_type) changes.sub_event_type = $("c-sub").value;
  for (const role of ["actor1", "actor2"]) {
    const value = $(`c-${role}`).value.trim();
    if (value !== name(event[role])) changes[role] = value || null;
  }
  const place = $("c-place").value.trim();
  const lat = $("c-lat").value; const lon = $("c-lon").value;
  const loc = event.location;
  if (place !== name(loc) || String(lat) !== String(loc?.lat ?? "") || String(lon) !== String(loc?.lon ?? "")) {
    changes.location = place ? { canonical: place, lat: lat === "" ? null : Number(lat),
      lon: lon === "" ? null : Number(lon), country: loc?.country ?? null } : null;
  }
  const date = $("c-date").value.trim();
  if (date !== (event.date || "")) changes.date = date || null;
  const dead = $("c-fatalities").value;
  if (dead !== String(event.fatalities?.best ?? "")) changes.fatalities = dead === "" ? null : Number(dead);
  return changes;
}

async function saveCorrection() {
  const event = state.events.find((e) => e.event_id === state.selected);
  const changes = correctionChanges(event);
  const error = await sendReview(Object.keys(changes).length ? "correct" : "accept", changes, $("c-note").value.trim() || null);
  if (error) $("correct-error").textContent = error;
  else $("correct").close();
}

async function upload() {
  const text = $("upload-text").value;
  const out = $("upload-result");
  if (!api.apiKey()) { out.textContent = t("needKey"); return; }
  if (!text.trim()) return;
  out.textContent = t("loading");
  const doc = { text };
  if ($("upload-date").value) doc.date = $("upload-date").value;
  if ($("upload-lang").value) doc.lang = $("upload-lang").value;
  try {
    const result = await api.postDocument(doc);
    const list = document.createElement("ul");
    for (const e of result.events) {
      const li = document.createElement("li");
      li.textContent = `${e.date || t("undated")} · ${e.sub_event_type} · ${e.location ? (e.location.canonical || e.location.text) : t("noPlace")}`;
      list.append(li);
    }
    const head = document.createElement("p");
    head.className = "upload-count";
    head.textContent = `${result.document}: ${result.events.length} ${t("found")} (${result.stored ? t("stored") : t("alreadyStored")})`;
    out.replaceChildren(head, list);
    await load();
  } catch (err) {
    out.textContent = `${t("error")}: ${err.message}`;
  }
}

function onKey(e) {
  if (e.target.closest("input, textarea, select, dialog") || e.ctrlKey || e.metaKey || e.altKey) return;
  const actions = { j: () => move(1), ArrowDown: () => move(1), k: () => move(-1),
    ArrowUp: () => move(-1), a: () => decide("accept"), r: () => decide("reject"),
    c: () => decide("correct") };
  if (actions[e.key]) { e.preventDefault(); actions[e.key](); }
}

function legend() {
  const box = $("legend");
  box.replaceChildren(...EVENT_TYPES.map((type) => {
    const item = document.createElement("span");
    const chip = document.createElement("span");
    chip.className = `chip ${typeClass(type)}`;
    item.append(chip, document.createTextNode(type));
    return item;
  }));
}

async function start() {
  translatePage();
  $("lang-switch").textContent = lang() === "es" ? "EN" : "ES";
  $("api-key").value = sessionStorage.getItem("cronica.key") || "";
  $("api-key").addEventListener("change", () => sessionStorage.setItem("cronica.key", api.apiKey()));
  $("lang-switch").addEventListener("click", () => {
    $("lang-switch").textContent = switchLanguage() === "es" ? "EN" : "ES";
    render();
  });
  $("filters").addEventListener("change", load);
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
  $("clear-brush").addEventListener("click", () => { state.brush = null; drawAll(); render(); });
  $("open-upload").addEventListener("click", () => $("upload").showModal());
  $("upload-send").addEventListener("click", upload);
  $("upload-file").addEventListener("change", async (e) => {
    const file = e.target.files[0];
    if (file) $("upload-text").value = await file.text();
  });
  $("correct-send").addEventListener("click", saveCorrection);
  document.addEventListener("keydown", onKey);
  legend();
  $("detail").textContent = t("selectEvent");
  try {
    const types = await api.getTypes();
    subTypes = types.sub_event_types;
    const kinds = [...new Set(Object.values(subTypes))].sort();
    for (const kind of kinds) $("type").append(new Option(kind, kind));
    for (const sub of Object.keys(subTypes)) $("c-sub").append(new Option(sub, sub));
  } catch (err) { alertStatus(err.message); }
  await createMap($("map"), select);
  await load();
  document.body.dataset.ready = "true";
}

start();
