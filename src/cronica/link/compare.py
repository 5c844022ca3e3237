"""Whether two mentions can be one event: type family, place, day, actors, phase.

- type: within a document the same sub-event type and action; across documents the same
  ACLED event type, and the same sub-event type except among the ontology's symmetric types
  (Battles: a clash and a capture of one place on one day are one battle).
- place: the same gazetteer entry or canonical name, or one inside the other (a neighbourhood
  "Hanano, Aleppo" is inside "Aleppo"); regions and countries never contain for linking.
- day: both dates known and overlapping at their precision (2016-12-16 lies in 2016-12).
- actors: actor1 equal or one unknown (or only the type's implied default); in symmetric types
  also the two sides swapped.
- phase: equal (see link/phase.py).
"""

from __future__ import annotations

from cronica.link.phase import phase_of
from cronica.ontology import ontology
from cronica.record import BRIEF_ZONE, Actor, Event, Location
from cronica.text import fold


def place_name(loc: Location) -> str:
    return fold(loc.canonical or loc.text)


def _two_named_parts(a: Location, b: Location) -> bool:
    """Two different names placed only near or within the same point ("Al-Jadida" and
    "Al-Zanjili", districts the gazetteer lacks, both put at Mosul) are two places."""
    if (a.geo_precision or 1) < 2 or (b.geo_precision or 1) < 2:
        return False
    named = a.text[:1].isupper() and b.text[:1].isupper()
    return named and fold(a.text) != fold(b.text)


def place_relation(a: Location | None, b: Location | None) -> str | None:
    """'same', 'a-in-b', 'b-in-a', 'unknown' (either missing) or None (different)."""
    if a is None or b is None or not (a.canonical or a.text) or not (b.canonical or b.text):
        return "unknown"
    if _two_named_parts(a, b):
        return None
    if a.gazetteer_id and a.gazetteer_id == b.gazetteer_id:
        return "same"
    na, nb = place_name(a), place_name(b)
    if na == nb:
        return "same"
    if na.endswith(", " + nb):
        return "a-in-b"
    if nb.endswith(", " + na):
        return "b-in-a"
    return None


def country_level(place: Location | None) -> bool:
    """A place that is a whole country ("Siria", "in Syria")."""
    return place is not None and bool(place.country) and place.canonical == place.country


def country_relation(a: Location | None, b: Location | None) -> str | None:
    """'a-in-b' / 'b-in-a' when one place is a whole country and the other lies in it (a
    headline's "ataque químico en Siria" and the body's "en Idlib"), else None."""
    if a is None or b is None or not a.country or a.country != b.country:
        return None
    if country_level(b) and not country_level(a):
        return "a-in-b"
    if country_level(a) and not country_level(b):
        return "b-in-a"
    return None


def date_range(value: str | None, precision: str) -> tuple[str, str] | None:
    if not value or precision not in ("day", "week", "month", "year"):
        return None
    if precision == "day" or precision == "week":
        return value[:10], value[:10]
    size = 7 if precision == "month" else 4
    return value[:size], value[:size] + "~"  # "~" sorts after every digit and "-"


def same_time(a: Event, b: Event) -> bool | None:
    """True/False when both dates are known, None when either is not."""
    ra, rb = date_range(a.date, a.date_precision), date_range(b.date, b.date_precision)
    if ra is None or rb is None:
        return None
    return ra[0] <= rb[1] and rb[0] <= ra[1]


def _actor_key(actor: Actor | None) -> str | None:
    """How linking compares actors: by canonical name; a crowd by its country only (the
    protesters of one sentence are the rioters of the next once the protest turns violent)."""
    if actor is None:
        return None
    if actor.actor_type in ontology().crowd_actor_types:
        return f"crowd:{fold(actor.country or '')}"
    return fold(actor.canonical or actor.text) or None


ESCALATION_WINDOW = 2  # sentences between two degrees of one crowd's happening
GENERAL_WORD = "trigger:general-word"  # an event's rule: its word only gives a default type
NARRATIVE_PLACE = "place:narrative"  # an event's rule: its place is the story's, not its own
IMPLIED_ACTOR = "actor:implied"  # an event's rule: actor1 is its type's default, not named


def _actor1_key(event: Event) -> str | None:
    """actor1 as linking compares it: an implied default actor is no one in particular."""
    return None if IMPLIED_ACTOR in event.rules else _actor_key(event.actor1)


def actors_compatible(a: Event, b: Event) -> bool:
    a1, b1 = _actor1_key(a), _actor1_key(b)
    if a1 is None or b1 is None or a1 == b1:
        return True
    if ontology().is_symmetric(a.event_type):  # who is actor1 depends on the reporter
        a2, b2 = _actor_key(a.actor2), _actor_key(b.actor2)
        return a1 == b2 or b1 == a2
    return False


def escalates(a: Event, b: Event) -> bool:
    """Two different degrees of a crowd's happening (the ontology's escalation ladder: a
    protest broken up, then the crowd throwing stones)."""
    onto = ontology()
    degrees = (onto.degree(a.sub_event_type), onto.degree(b.sub_event_type))
    return None not in degrees and degrees[0] != degrees[1]


def refines(a: Event, b: Event) -> bool:
    """One mention names the event by a general word its type is only the default of ("un
    ataque", "un bombardeo"), the other by a specific one of the same event type ("un
    atentado con coche bomba", "un ataque de la aviación"): the specific one types it. Not
    among battles, whose sub-types are different events of one fight (an attack repelled,
    a town taken)."""
    general = (GENERAL_WORD in a.rules, GENERAL_WORD in b.rules)
    return (
        general[0] != general[1]
        and a.event_type == b.event_type
        and a.sub_event_type != b.sub_event_type
        and not ontology().is_symmetric(a.event_type)
    )


def types_compatible(a: Event, b: Event, same_document: bool) -> bool:
    if same_document:
        same = a.sub_event_type == b.sub_event_type and a.action == b.action
        return same or escalates(a, b) or refines(a, b)
    if a.event_type != b.event_type:
        return False
    return a.sub_event_type == b.sub_event_type or ontology().is_symmetric(a.event_type)


def same_event(
    a: Event, b: Event, *, same_document: bool, window: int = 1,
    sentences: tuple[set[int], set[int]] | None = None,
) -> bool:
    """Whether mentions `a` and `b` report one event.

    Within a document, mentions whose dates cannot be compared must be at most `window`
    sentences apart (the narrative has not moved on); mentions of one sentence are never
    merged here (merge_within_sentence decided those). Across documents both dates and both
    places must be known. `sentences`: the two events' `mention_sentences`, when the caller
    keeps them (an event merged from thousands of mentions need not be read again).
    """
    if not types_compatible(a, b, same_document) or not actors_compatible(a, b):
        return False
    relation = place_relation(a.location, b.location)
    if relation is None and same_document and not escalates(a, b):  # (protests: two)
        # a report's country, its town; among briefs only mentions of one day side by side
        # (a brief's headline and its body), or a general word and the specific mention
        if BRIEF_ZONE not in (a.zone, b.zone) or (same_time(a, b) and (
            refines(a, b) or near(*(sentences or (mention_sentences(a), mention_sentences(b))), 1)
        )):
            relation = country_relation(a.location, b.location)
    if relation is None or (relation == "unknown" and not same_document):
        return False
    if phase_of(a) != phase_of(b):
        return False
    when = same_time(a, b)
    if when is False:
        return False
    if same_document:
        sa, sb = sentences or (mention_sentences(a), mention_sentences(b))
        if sa & sb:
            return False
        if escalates(a, b):  # one crowd's happening told on: only while the story stays on it
            return near(sa, sb, ESCALATION_WINDOW)
        if refines(a, b):  # a general word and a specific one: only side by side
            return near(sa, sb, 1)
        if when is None:
            return near(sa, sb, window)
        return True
    return when is True


def near(sa: set[int], sb: set[int], window: int) -> bool:
    """Whether some index of `sa` is at most `window` from some index of `sb` (the smaller
    set is walked, the larger one looked up)."""
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return any(i + d in large for i in small for d in range(-window, window + 1))


def mention_sentences(event: Event) -> set[int]:
    """Sentence indices of an event's mentions in its own document."""
    found = {
        m.sentence_index
        for m in event.mentions
        if m.document == event.document and m.sentence_index is not None
    }
    return found or {event.sentence_index}
