// One colour class per ACLED event type (colours in app.css), shared by map, list and timeline.
export const EVENT_TYPES = [
  "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
  "Strategic developments",
];

export function typeClass(eventType) {
  const i = EVENT_TYPES.indexOf(eventType);
  return i < 0 ? "t-other" : `t-${i}`;
}
