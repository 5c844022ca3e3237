// Interface text in Spanish and English; elements carry data-i18n="key".
const TEXT = {
  es: {
    since: "Desde", until: "Hasta", type: "Tipo", all: "Todos", search: "Buscar",
    disputedOnly: "Solo disputados", reviewState: "Revisión", unreviewed: "Sin revisar",
    reviewed: "Revisados", notRejected: "No rechazados", upload: "Subir documento",
    apiKey: "Clave API", timelineHelp: "Arrastre sobre la línea de tiempo para filtrar",
    clear: "Quitar", keys: "Teclas: j/k siguiente/anterior · a aceptar · r rechazar · c corregir",
    uploadTitle: "Extraer eventos de un documento", pasteHere: "Pegue aquí el texto del informe",
    pubDate: "Fecha de publicación", language: "Idioma", extract: "Extraer", close: "Cerrar",
    correctTitle: "Corregir evento", subType: "Subtipo", actor1: "Actor 1", actor2: "Actor 2",
    place: "Lugar", lat: "Lat", lon: "Lon", date: "Fecha", fatalities: "Muertos", note: "Nota",
    save: "Guardar", events: "eventos", shown: "mostrados", noEvents: "Ningún evento",
    loading: "Cargando…", evidence: "Evidencia", claims: "Fuentes", mentions: "Menciones",
    reviews: "Revisiones", accept: "Aceptar", reject: "Rechazar", correct: "Corregir",
    disputed: "Disputado", precision: "Precisión geográfica", precision1: "lugar exacto",
    precision2: "cerca / distrito", precision3: "región", noPlace: "sin lugar",
    undated: "sin fecha", needKey: "Escriba la clave API para revisar o subir",
    found: "eventos encontrados", stored: "guardado", alreadyStored: "ya estaba guardado",
    error: "Error", review_accept: "aceptado", review_reject: "rechazado",
    review_correct: "corregido", document: "Documento", stance: "postura", by: "por",
    selectEvent: "Seleccione un evento de la lista o del mapa",
  },
  en: {
    since: "From", until: "Until", type: "Type", all: "All", search: "Search",
    disputedOnly: "Disputed only", reviewState: "Review", unreviewed: "Unreviewed",
    reviewed: "Reviewed", notRejected: "Not rejected", upload: "Upload document",
    apiKey: "API key", timelineHelp: "Drag over the timeline to filter",
    clear: "Clear", keys: "Keys: j/k next/previous · a accept · r reject · c correct",
    uploadTitle: "Extract events from a document", pasteHere: "Paste the report's text here",
    pubDate: "Publication date", language: "Language", extract: "Extract", close: "Close",
    correctTitle: "Correct event", subType: "Sub-event type", actor1: "Actor 1",
    actor2: "Actor 2", place: "Place", lat: "Lat", lon: "Lon", date: "Date",
    fatalities: "Fatalities", note: "Note", save: "Save", events: "events", shown: "shown",
    noEvents: "No events", loading: "Loading…", evidence: "Evidence", claims: "Sources",
    mentions: "Mentions", reviews: "Reviews", accept: "Accept", reject: "Reject",
    correct: "Correct", disputed: "Disputed", precision: "Geo-precision",
    precision1: "exact place", precision2: "near / district", precision3: "region",
    noPlace: "no place", undated: "undated", needKey: "Type the API key to review or upload",
    found: "events found", stored: "stored", alreadyStored: "already stored",
    error: "Error", review_accept: "accepted", review_reject: "rejected",
    review_correct: "corrected", document: "Document", stance: "stance", by: "by",
    selectEvent: "Select an event in the list or on the map",
  },
};

let current = localStorage.getItem("cronica.lang")
  || (navigator.language || "es").slice(0, 2);
if (!(current in TEXT)) current = "es";

export function lang() { return current; }

export function t(key) { return TEXT[current][key] ?? TEXT.en[key] ?? key; }

// Put the current language's text into every element marked data-i18n.
export function translatePage(root = document) {
  document.documentElement.lang = current;
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
}

export function switchLanguage() {
  current = current === "es" ? "en" : "es";
  localStorage.setItem("cronica.lang", current);
  translatePage();
  return current;
}
