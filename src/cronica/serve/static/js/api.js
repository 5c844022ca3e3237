// Calls to the cronica API; writes send the API key typed on the page.
const keyInput = () => document.getElementById("api-key");

export function apiKey() { return keyInput().value.trim(); }

async function call(path, options = {}) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
}

export function listEvents(filters) {
  const params = new URLSearchParams({ limit: "5000" });
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  return call(`/api/events?${params}`);
}

export function getEvent(id) { return call(`/api/events/${encodeURIComponent(id)}`); }

export function getTypes() { return call("/api/types"); }

function post(path, body) {
  return call(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-API-Key": apiKey() },
    body: JSON.stringify(body),
  });
}

export function review(id, decision, changes = {}, note = null) {
  const body = { decision, reviewer: "page" };
  if (decision === "correct") body.changes = changes;
  if (note) body.note = note;
  return post(`/api/events/${encodeURIComponent(id)}/review`, body);
}

export function postDocument(document) { return post("/api/documents", document); }
