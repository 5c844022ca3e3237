// The timeline: events per day, stacked by event type, in plain SVG; dragging across it
// selects a range of days (brushing), which filters the map and the list.
import { EVENT_TYPES, typeClass } from "./colours.js";

const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 90;
const PAD = { left: 30, right: 10, top: 6, bottom: 18 };
const DAY = 86400000;

function svg(name, attrs = {}) {
  const el = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

const dayOf = (iso) => Date.parse(`${iso.slice(0, 10).padEnd(10, "-01").replace(/-$/, "")}T00:00:00Z`);
const isoOf = (ms) => new Date(ms).toISOString().slice(0, 10);

// Draw `events` into `element`; `onBrush([fromISO, toISO] | null)` is called after a drag.
export function drawTimeline(element, events, onBrush) {
  element.replaceChildren();
  const width = element.clientWidth || 800;
  element.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
  element.setAttribute("height", HEIGHT);
  const counts = new Map(); // day ms -> {type: n}
  for (const e of events) {
    if (!e.date) continue;
    const day = dayOf(e.date);
    if (Number.isNaN(day)) continue;
    const row = counts.get(day) || {};
    row[e.event_type] = (row[e.event_type] || 0) + 1;
    counts.set(day, row);
  }
  if (!counts.size) return;
  const days = [...counts.keys()].sort((a, b) => a - b);
  const first = days[0] - DAY;
  const last = days[days.length - 1] + DAY;
  const span = last - first;
  const inner = width - PAD.left - PAD.right;
  const x = (ms) => PAD.left + ((ms - first) / span) * inner;
  const max = Math.max(...[...counts.values()].map((r) => Object.values(r).reduce((a, b) => a + b, 0)));
  const y = (n) => ((HEIGHT - PAD.top - PAD.bottom) * n) / max;
  const barWidth = Math.max(2, Math.min(24, (inner * DAY) / span - 2));
  for (const day of days) {
    let base = HEIGHT - PAD.bottom;
    for (const type of [...EVENT_TYPES, ...Object.keys(counts.get(day))]) {
      const n = counts.get(day)[type];
      if (!n) continue;
      delete counts.get(day)[type];
      const h = y(n);
      base -= h;
      const rect = svg("rect", { x: x(day) - barWidth / 2, y: base, width: barWidth, height: h,
        class: `bar ${typeClass(type)}`, "data-day": isoOf(day), "data-count": n });
      const title = svg("title");
      title.textContent = `${isoOf(day)} · ${type}: ${n}`;
      rect.append(title);
      element.append(rect);
    }
  }
  const axis = svg("g", { class: "axis" });
  const step = Math.max(DAY, Math.ceil(span / DAY / 8) * DAY);
  for (let ms = first + DAY; ms < last; ms += step) {
    const label = svg("text", { x: x(ms), y: HEIGHT - 4, "text-anchor": "middle" });
    label.textContent = isoOf(ms).slice(5);
    axis.append(label);
  }
  const maxLabel = svg("text", { x: 4, y: PAD.top + 8 });
  maxLabel.textContent = String(max);
  axis.append(maxLabel);
  element.append(axis);

  const brush = svg("rect", { class: "brush", y: PAD.top, height: HEIGHT - PAD.top - PAD.bottom,
    x: 0, width: 0, visibility: "hidden" });
  element.append(brush);
  const toMs = (clientX) => {
    const box = element.getBoundingClientRect();
    const px = ((clientX - box.left) / box.width) * width;
    return first + ((px - PAD.left) / inner) * span;
  };
  let start = null;
  element.onpointerdown = (e) => {
    start = e.clientX;
    element.setPointerCapture(e.pointerId);
    brush.setAttribute("visibility", "visible");
    brush.setAttribute("width", 0);
  };
  element.onpointermove = (e) => {
    if (start === null) return;
    const box = element.getBoundingClientRect();
    const a = ((Math.min(start, e.clientX) - box.left) / box.width) * width;
    const b = ((Math.max(start, e.clientX) - box.left) / box.width) * width;
    brush.setAttribute("x", a);
    brush.setAttribute("width", b - a);
  };
  element.onpointerup = (e) => {
    if (start === null) return;
    const from = Math.min(toMs(start), toMs(e.clientX));
    const to = Math.max(toMs(start), toMs(e.clientX));
    const moved = Math.abs(e.clientX - start);
    start = null;
    if (moved < 4) { // a click, not a drag: clear the selection
      brush.setAttribute("visibility", "hidden");
      onBrush(null);
      return;
    }
    // the days whose bars' centres lie inside the dragged span
    onBrush([isoOf(Math.ceil(from / DAY) * DAY), isoOf(Math.floor(to / DAY) * DAY)]);
  };
}
