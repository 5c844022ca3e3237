// One event in full: the evidence sentence with trigger, actors, place, date and numbers
// marked; its claims side by side; every mention; its reviews. Text goes in as text nodes
// only (never as HTML), so a document or a name cannot inject markup.
import { typeClass } from "./colours.js";
import { t } from "./i18n.js";

function el(name, className, text) {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

// Character ranges of the sentence to mark: [start, end, kind].
function marks(event, sentence) {
  const found = [];
  const ev = event.evidence;
  if (ev.trigger_start != null && ev.start != null) {
    found.push([ev.trigger_start - ev.start, ev.trigger_end - ev.start, "trigger"]);
  }
  const find = (text, kind) => {
    if (!text) return;
    const at = sentence.indexOf(text);
    if (at >= 0) found.push([at, at + text.length, kind]);
  };
  find(event.actor1?.text, "actor");
  find(event.actor2?.text, "actor");
  for (const a of event.assoc_actors || []) find(a.text, "actor");
  find(event.location?.text, "place");
  find(event.date_text, "date");
  for (const q of event.quantities || []) find(q.text, "number");
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const kept = [];
  let end = 0;
  for (const m of found) {
    if (m[0] >= end && m[0] >= 0 && m[1] <= sentence.length && m[1] > m[0]) {
      kept.push(m);
      end = m[1];
    }
  }
  return kept;
}

// The sentence as a paragraph with <mark> elements around the marked ranges.
export function highlighted(event, sentence) {
  const p = el("p", "sentence");
  let at = 0;
  for (const [start, end, kind] of marks(event, sentence)) {
    p.append(document.createTextNode(sentence.slice(at, start)));
    const mark = el("mark", `hl-${kind}`, sentence.slice(start, end));
    mark.title = kind;
    p.append(mark);
    at = end;
  }
  p.append(document.createTextNode(sentence.slice(at)));
  return p;
}

function actorName(actor) { return actor ? actor.canonical || actor.text : "—"; }

function facts(event) {
  const dl = el("dl", "facts");
  const loc = event.location;
  const rows = [
    [t("type"), `${event.event_type} / ${event.sub_event_type}`],
    [t("date"), `${event.date || t("undated")} (${event.date_precision})`],
    [t("actor1"), actorName(event.actor1)],
    [t("actor2"), actorName(event.actor2)],
    [t("place"), loc ? `${loc.canonical || loc.text}${loc.country ? `, ${loc.country}` : ""}` : t("noPlace")],
    [t("precision"), loc?.geo_precision ? `${loc.geo_precision} (${t(`precision${loc.geo_precision}`)})` : "—"],
    [t("fatalities"), event.fatalities
      ? `${event.fatalities.best} [${event.fatalities.low}–${event.fatalities.high}]` : "—"],
  ];
  for (const [k, v] of rows) dl.append(el("dt", null, k), el("dd", null, v));
  return dl;
}

export function renderDetail(container, data, onReview) {
  const event = data.event;
  container.replaceChildren();
  const head = el("h2", `title ${typeClass(event.event_type)}`, event.sub_event_type);
  container.append(head);
  if (event.disputed) container.append(el("p", "disputed-banner", `⚠ ${t("disputed")}: ${event.disputed_reason || ""}`));
  if (event.review) container.append(el("p", `review-badge rev-${event.review}`, t(`review_${event.review}`)));
  container.append(facts(event));

  const buttons = el("div", "review-buttons");
  for (const [decision, key] of [["accept", "a"], ["reject", "r"], ["correct", "c"]]) {
    const b = el("button", `do-${decision}`, `${t(decision)} (${key})`);
    b.type = "button";
    b.addEventListener("click", () => onReview(decision));
    buttons.append(b);
  }
  container.append(buttons);

  container.append(el("h3", null, t("evidence")));
  container.append(highlighted(event, event.evidence.sentence));
  const doc = data.documents[event.document];
  container.append(el("p", "doc", `${t("document")}: ${doc?.title || event.document}`));

  container.append(el("h3", null, t("claims")));
  const claims = el("div", "claims");
  for (const claim of event.claims) {
    const card = el("div", `claim stance-${claim.stance}`);
    card.append(el("strong", null, claim.source));
    card.append(el("div", "meta", `${claim.source_type || ""} · ${t("stance")}: ${claim.stance}`));
    const text = data.sentences[claim.document || event.document]?.[String(claim.sentence)];
    if (text) card.append(highlighted(event, text));
    claims.append(card);
  }
  container.append(claims);

  if (event.mentions?.length) {
    container.append(el("h3", null, t("mentions")));
    const list = el("ul", "mentions");
    for (const m of event.mentions) {
      const li = el("li");
      li.append(el("span", "doc", m.document || event.document), highlighted(event, m.sentence));
      list.append(li);
    }
    container.append(list);
  }
  if (data.reviews.length) {
    container.append(el("h3", null, t("reviews")));
    const list = el("ul", "reviews");
    for (const r of data.reviews) {
      const changed = Object.keys(r.changes).join(", ");
      list.append(el("li", null, `${r.created_at.slice(0, 19)} · ${t(`review_${r.decision}`)} ${t("by")} ${r.reviewer}${changed ? ` (${changed})` : ""}${r.note ? ` — ${r.note}` : ""}`));
    }
    container.append(list);
  }
}
