"""Merge mentions of one event within a sentence and within a document.

Every claim and every mention (evidence sentence) of the merged events is kept. The kept
record is the most specific mention (a place inside the other's, an actor, a finer date);
its id stays the event's id. After merging, figures get their sources and each event is
settled: fatalities low / best / high and `disputed` (link/sources.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from cronica.link.carried import carry_agents
from cronica.link.compare import (
    ESCALATION_WINDOW,
    GENERAL_WORD,
    IMPLIED_ACTOR,
    NARRATIVE_PLACE,
    actors_compatible,
    country_level,
    date_range,
    escalates,
    mention_sentences,
    place_name,
    place_relation,
    refines,
    same_event,
    same_time,
)
from cronica.link.phase import told_apart
from cronica.link.sources import settle, source_quantities
from cronica.ontology import ontology
from cronica.record import (
    Claim,
    DetachedClaim,
    Event,
    Evidence,
    Fatalities,
    Location,
    Quantity,
)

DETACHED_WINDOW = 3  # sentences between a denial of an accusation and the accused event
ANAPHOR_WINDOW = 3  # sentences between an event and a later "el ataque" that names it
IMPLIED_ACTOR_RULE = IMPLIED_ACTOR  # actor1 is the ontology's default, no one named
ANAPHOR_RULE = "link:refers-to:"  # + the actions a general nominal may name (events/build.py)
DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def fatalities_of(quantities: list[Quantity]) -> Fatalities | None:
    """Fatalities from the `killed` counts: best = largest stated, bounds from approximations."""
    killed = [q for q in quantities if q.kind == "killed"]
    if not killed:
        return None
    best = max(q.value for q in killed)
    low = min(q.low if q.low is not None else q.value for q in killed)
    high = max(q.high if q.high is not None else q.value for q in killed)
    return Fatalities(low=min(low, best), best=best, high=max(high, best))


def _compatible(a: Event, b: Event) -> bool:
    if a.sub_event_type != b.sub_event_type and not escalates(a, b):
        return False
    if place_relation(a.location, b.location) not in ("same", "unknown"):
        return False
    if a.sub_event_type != b.sub_event_type:  # degrees of one happening: the crowd of one is
        return not told_apart(a, b)  # the other's target, unless they happen side by side
    ca = a.actor1.canonical if a.actor1 and IMPLIED_ACTOR not in a.rules else None
    cb = b.actor1.canonical if b.actor1 and IMPLIED_ACTOR not in b.rules else None
    return not (ca and cb and ca != cb)  # an implied actor is no one in particular


def _take_actors(keep: Event, other: Event) -> None:
    """`keep` fills its missing actors from `other`; a named actor replaces the ontology's
    implied default."""
    if IMPLIED_ACTOR in keep.rules and IMPLIED_ACTOR not in other.rules and other.actor1:
        keep.actor1 = other.actor1
        keep.rules.remove(IMPLIED_ACTOR)
    keep.actor1 = keep.actor1 or other.actor1
    keep.actor2 = keep.actor2 or other.actor2


def _take_type(keep: Event, other: Event) -> None:
    """`keep` takes `other`'s type when it is the harsher degree of one crowd's happening
    (and names its crowd as that type does), or when `keep` was named only by a general
    word and `other` by a specific one."""
    onto = ontology()
    harsher = escalates(keep, other) and (onto.degree(other.sub_event_type) or 0) > (
        onto.degree(keep.sub_event_type) or 0
    )
    specific = refines(keep, other) and GENERAL_WORD in keep.rules
    if harsher or specific:
        keep.event_type, keep.sub_event_type = other.event_type, other.sub_event_type
        keep.plover, keep.action = other.plover, other.action
    if specific:
        keep.rules.remove(GENERAL_WORD)
    if (harsher or specific) and IMPLIED_ACTOR in keep.rules and keep.actor1 is not None:
        country = (keep.location.country if keep.location else None) or keep.actor1.country
        implied = onto.default_actor(keep.sub_event_type, country)  # the new type's default
        keep.actor1 = implied if implied is not None else keep.actor1
    kinds = onto.crowd_actor_types
    crowds = [a for a in (keep.actor1, other.actor1) if a and a.actor_type in kinds]
    if crowds:  # one crowd: named where its country is known
        crowd = next((a for a in crowds if a.country), crowds[0])
        keep.actor1 = onto.crowd_as(crowd, keep.sub_event_type)


def _absorb_sentence(keep: Event, other: Event) -> None:
    keep.location = keep.location or other.location
    _take_actors(keep, other)
    for claim in other.claims:
        if claim not in keep.claims:
            keep.claims.append(claim)
    keep.rules = [
        *keep.rules,
        *(r for r in other.rules if r not in keep.rules),
        "link:same-sentence",
    ]
    keep.confidence = max(keep.confidence, other.confidence)
    for quantity in other.quantities:  # counts attached to the absorbed trigger stay
        if quantity not in keep.quantities:
            keep.quantities.append(quantity)
    keep.fatalities = fatalities_of(keep.quantities)


def merge_within_sentence(events: list[Event]) -> list[Event]:
    """Two triggers of one event in a sentence ("combates ... avanzaron") become one event;
    two degrees of one happening become one of the harsher degree (ontology escalation)."""
    kept: list[Event] = []
    onto = ontology()
    for ev in events:
        twin = next((k for k in kept if _compatible(k, ev)), None)
        if twin is None:
            kept.append(ev)
        elif (onto.degree(ev.sub_event_type) or 0) > (onto.degree(twin.sub_event_type) or 0):
            kept[kept.index(twin)] = ev
            _absorb_sentence(ev, twin)
        else:
            _absorb_sentence(twin, ev)
    return kept


def mentions_of(event: Event) -> list[Evidence]:
    """The event's mentions; a fresh event's only mention is its own evidence."""
    if event.mentions:
        return event.mentions
    return [replace(event.evidence, document=event.document, sentence_index=event.sentence_index)]


def specificity(event: Event) -> tuple[int, ...]:
    """Higher is more specific: place inside the other's, precise place, actor, date."""
    loc = event.location
    return (
        1 if loc is not None and loc.lat is not None else 0,
        -(loc.geo_precision or 3) if loc is not None else -4,
        (1 if event.actor1 else 0) + (1 if event.actor2 else 0),
        -DATE_RANK.get(event.date_precision, 4),
        len(event.quantities),
    )


HEADLINE_ZONES = ("title", "heading")  # a body mention tells more than a headline


def prefer(twin: Event, other: Event) -> bool:
    """Whether `other` should be the kept record of the two: its place lies inside the twin's
    ("Hanano" in "Alepo"), the twin is only a headline, or it is more specific."""
    relation = place_relation(twin.location, other.location)
    if relation in ("a-in-b", "b-in-a"):
        return relation == "b-in-a"
    headline = (twin.zone in HEADLINE_ZONES, other.zone in HEADLINE_ZONES)
    if headline[0] != headline[1]:
        return headline[0]
    return specificity(other) > specificity(twin)


def _more_specific_place(keep: Event, other: Event) -> None:
    """`keep` takes `other`'s place when it lies inside its own, when it has none, or when its
    own is only the story's (NARRATIVE_PLACE) and `other` says where ("un ataque al noreste
    de Siria" told beside a body placed by the story's town)."""
    relation = place_relation(keep.location, other.location)
    guessed = (  # the story's town itself, not a name the text gave that it stands for
        NARRATIVE_PLACE in keep.rules and NARRATIVE_PLACE not in other.rules
        and keep.location is not None and keep.location.gazetteer_id is not None
    )
    if relation == "b-in-a" or (keep.location is None and other.location is not None) or (
        guessed and other.location is not None and other.location.lat is not None
    ):
        keep.location = other.location


def absorb(keep: Event, other: Event, rule: str) -> None:
    """`keep` takes `other`'s claims, mentions and figures, and fills what it lacks."""
    source_quantities(keep)
    source_quantities(other)
    _absorb(keep, other, rule, Held(keep))
    settle(keep)


def record_key(record: object) -> tuple[object, ...]:
    """A hashable stand-in for a record (Evidence, Claim): equal exactly when the records are
    (dataclass ==: field by field; a list field compares as a tuple)."""
    return tuple(tuple(v) if isinstance(v, list) else v for v in vars(record).values())


class Held:
    """What an event already holds, as sets: its mentions and claims (record_key), its
    figures (kind, value, source) and the sentences of its mentions (compare's
    mention_sentences). Membership is then one look-up, not a walk of lists that grow with
    every mention a repeated report adds."""

    __slots__ = ("claims", "mentions", "quantities", "sentences")

    def __init__(self, event: Event) -> None:
        self.mentions = {record_key(m) for m in mentions_of(event)}
        self.claims = {record_key(c) for c in event.claims}
        self.quantities = {(q.kind, q.value, q.source) for q in event.quantities}
        self.sentences: set[int] = set()
        self.add_sentences(event, mentions_of(event))

    def add_sentences(self, event: Event, mentions: list[Evidence]) -> list[int]:
        """Note the sentences of `mentions` (of `event`'s document); the new ones."""
        new = [
            m.sentence_index
            for m in mentions
            if m.document == event.document
            and m.sentence_index is not None
            and m.sentence_index not in self.sentences
        ]
        self.sentences.update(new)
        return new

    def sentences_of(self, event: Event) -> set[int]:
        """compare.mention_sentences(event), kept up to date."""
        return self.sentences or {event.sentence_index}


def _absorb(keep: Event, other: Event, rule: str, held: Held) -> list[int]:
    """absorb without sourcing figures or settling (merge_document sources every mention
    first and settles what it keeps at the end); `held` is `keep`'s and is kept up to date.
    Returns the sentences `keep`'s mentions gained."""
    _more_specific_place(keep, other)
    _take_actors(keep, other)
    general = GENERAL_WORD in keep.rules
    _take_type(keep, other)
    if DATE_RANK.get(other.date_precision, 4) < DATE_RANK.get(keep.date_precision, 4):
        keep.date, keep.date_precision = other.date, other.date_precision
        keep.date_text = other.date_text
    mentions = [m for m in mentions_of(other) if record_key(m) not in held.mentions]
    if keep.mentions:
        keep.mentions.extend(mentions)
    else:
        keep.mentions = mentions_of(keep) + mentions
    held.mentions.update(record_key(m) for m in mentions)
    claims = [c for c in other.claims if record_key(c) not in held.claims]
    keep.claims += claims
    held.claims.update(record_key(c) for c in claims)
    figures = [q for q in other.quantities if (q.kind, q.value, q.source) not in held.quantities]
    keep.quantities += figures
    held.quantities.update((q.kind, q.value, q.source) for q in figures)
    keep.rules = [*keep.rules, *(r for r in other.rules if r not in keep.rules)]
    if not general and GENERAL_WORD in keep.rules:  # a specific word typed it
        keep.rules.remove(GENERAL_WORD)
    if rule not in keep.rules:
        keep.rules.append(rule)
    keep.confidence = max(keep.confidence, other.confidence)
    return held.add_sentences(keep, mentions)


def _denied_anaphor(event: Event) -> bool:
    """ "El Ejército negó el ataque": a denied mention with no actor of its own."""
    return event.actor1 is None and any(c.stance == "denies" for c in event.claims)


def _anaphor_target(event: Event, kept: list[Event]) -> int | None:
    """The position in `kept` of the nearest earlier event, at a compatible place and time,
    that a denial refers to."""
    for at in range(len(kept) - 1, -1, -1):
        prior = kept[at]
        if event.sentence_index - prior.sentence_index > DETACHED_WINDOW:
            break
        if prior.sentence_index >= event.sentence_index or prior.event_type == "Other":
            continue
        if place_relation(prior.location, event.location) is not None:
            return at
    return None


def _refers_to(event: Event) -> frozenset[str]:
    """The actions a definite general mention ("el ataque") may name, from its rule."""
    for rule in event.rules:
        if rule.startswith(ANAPHOR_RULE):
            return frozenset(rule[len(ANAPHOR_RULE) :].split(","))
    return frozenset()


def _named_earlier(event: Event, priors: Iterable[Event]) -> Event | None:
    """The event a definite general mention names: the nearest earlier one (a few sentences
    back) of an action it may name, at a compatible place and time, with no other actor.
    `priors`: the kept events, latest kept first (at least those of the window)."""
    actions = _refers_to(event)
    if not actions:
        return None
    for prior in priors:
        if event.sentence_index - prior.sentence_index > ANAPHOR_WINDOW:
            continue
        if prior.sentence_index >= event.sentence_index or prior.action not in actions:
            continue
        own = None if NARRATIVE_PLACE in event.rules else event.location  # the story's: none
        if place_relation(prior.location, own) is None:
            continue
        if same_time(prior, event) is False or not actors_compatible(prior, event):
            continue
        return prior
    return None


def attach_detached(events: list[Event], detached: Sequence[DetachedClaim]) -> None:
    """Attach "X negó la acusación de Y" (or "X rebajó el número de muertos a seis") to the
    event it is about: the nearest one (earlier first on a tie) of an accusable type
    (data/ontology.yaml), within a few sentences, with the other places its trigger listed."""
    onto = ontology()
    by_sentence: dict[int, list[int]] = defaultdict(list)  # positions in `events`
    for at, ev in enumerate(events):
        if onto.is_accusable(ev.event_type):
            by_sentence[ev.sentence_index].append(at)
    claims: dict[int, set[tuple[object, ...]]] = {}  # position -> record_key of its claims
    for item in detached:
        near_by = sorted(
            at
            for n in range(item.sentence - DETACHED_WINDOW, item.sentence + DETACHED_WINDOW + 1)
            for at in by_sentence.get(n, ())
        )
        if not near_by:
            continue
        at = min(
            near_by,
            key=lambda at: (
                abs(events[at].sentence_index - item.sentence),
                events[at].sentence_index > item.sentence,
            ),
        )
        first = events[at]
        for at in by_sentence[first.sentence_index]:  # "X, Y and Z were shelled": each place
            target = events[at]
            if target.action != first.action:
                continue
            claim = Claim(item.source, item.source_type, item.stance, target.document,
                          item.sentence)
            held = claims.setdefault(at, {record_key(c) for c in target.claims})
            if record_key(claim) not in held:
                held.add(record_key(claim))
                target.claims.append(claim)
                target.rules.append(f"link:detached-{item.stance}")


class Kept:
    """The events merge_document keeps, in order, with indexes that give each new mention the
    few kept events it may merge with instead of all of them (a long document keeps
    thousands): by sub-event type and action (same_event requires both equal), then by the
    sentences of their mentions (mentions whose dates cannot be compared merge only a
    sentence apart) and by date (two known dates overlap only when one's ISO prefix is the
    other's), narrowed by place (place_relation: either unknown, the same gazetteer entry or
    name, or one name "X, <the other>"); and by the sentence of the kept record (the anaphor
    rules look a few back).
    An index may hold stale positions: it only proposes, same_event decides."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.held: list[Held] = []
        self.blocks: dict[tuple[str, str], _Block] = {}
        self.by_sentence: dict[int, set[int]] = defaultdict(set)

    def add(self, event: Event) -> None:
        self.events.append(event)
        self.held.append(Held(event))
        self.note(len(self.events) - 1)

    def note(self, at: int, sentences: Iterable[int] | None = None) -> None:
        """Index the event at `at` under its type, date and record sentence, and under
        `sentences` (default: all those of its mentions)."""
        event, held = self.events[at], self.held[at]
        block = self.blocks.setdefault((event.sub_event_type, event.action), _Block())
        for n in held.sentences_of(event) if sentences is None else sentences:
            block.by_sentence[n].add(at)
        found = date_range(event.date, event.date_precision)
        if found is not None:
            block.dated[found[0]].add(at)
            for size in range(1, len(found[0])):
                block.within[found[0][:size]].add(at)
        for key in _place_keys(event.location, kept=True):
            block.places[key].add(at)
        self.by_sentence[event.sentence_index].add(at)

    def twin(self, event: Event) -> int | None:
        """The position of the first kept event that `same_event` merges `event` with."""
        own = mention_sentences(event)
        keys = _place_keys(event.location, kept=False)
        found: set[int] = set()
        block = self.blocks.get((event.sub_event_type, event.action))
        if block is not None:
            for n in own:
                for m in range(n - 1, n + 2):  # same_event's default window: 1 sentence
                    found.update(block.by_sentence.get(m, ()))
            dated = date_range(event.date, event.date_precision)
            if dated is not None:
                for size in range(1, len(dated[0]) + 1):
                    found.update(block.dated.get(dated[0][:size], ()))
                found.update(block.within.get(dated[0], ()))
            found = _placed(found, block, keys)
        for other, window in self._related(event):  # another type of one happening, near
            near_by = {
                at
                for n in own
                for m in range(n - window, n + window + 1)
                for at in other.by_sentence.get(m, ())
            }
            found |= _placed(near_by, other, keys)
        for at in sorted(found):
            kept = self.events[at]
            pair = (self.held[at].sentences_of(kept), own)
            if same_event(kept, event, same_document=True, sentences=pair):
                return at
        return None

    def _related(self, event: Event) -> list[tuple[_Block, int]]:
        """The blocks of the other types one happening of `event`'s may be told as, with how
        many sentences apart: the other degrees of a crowd's happening, and the other
        sub-types of its event type (a general word and a specific one; same_event
        decides which pairs)."""
        onto = ontology()
        degree = onto.degree(event.sub_event_type) is not None
        found = []
        for (sub, _), block in self.blocks.items():
            if sub == event.sub_event_type:
                continue
            if degree and onto.degree(sub) is not None:
                found.append((block, ESCALATION_WINDOW))
            elif onto.event_type_of.get(sub) == event.event_type:
                found.append((block, 1))
        return found

    def named_earlier(self, event: Event) -> int | None:
        """The position of the event `_named_earlier` finds for `event`."""
        found = {
            at
            for n in range(event.sentence_index - ANAPHOR_WINDOW, event.sentence_index)
            for at in self.by_sentence.get(n, ())
        }
        order = sorted(found, reverse=True)
        prior = _named_earlier(event, (self.events[at] for at in order))
        if prior is None:
            return None
        return next(at for at in order if self.events[at] is prior)

    def absorb(self, at: int, other: Event, rule: str) -> None:
        """The event at `at` absorbs `other`."""
        typed = self.events[at].sub_event_type
        gained = _absorb(self.events[at], other, rule, self.held[at])
        self.note(at, gained if self.events[at].sub_event_type == typed else None)

    def replace(self, at: int, event: Event, rule: str) -> None:
        """`event` takes the place of the event at `at` and absorbs it."""
        twin = self.events[at]
        self.events[at], self.held[at] = event, Held(event)
        _absorb(event, twin, rule, self.held[at])
        self.note(at)


class _Block:
    """Kept positions of one sub-event type and action: by mention sentence, by the start of
    their date range (an ISO prefix), and by each shorter prefix of it."""

    __slots__ = ("by_sentence", "dated", "places", "within")

    def __init__(self) -> None:
        self.by_sentence: dict[int, set[int]] = defaultdict(set)
        self.dated: dict[str, set[int]] = defaultdict(set)
        self.within: dict[str, set[int]] = defaultdict(set)
        self.places: dict[str, set[int]] = defaultdict(set)  # see _place_keys


UNPLACED = "?"  # the key of a kept event at no place (place_relation: "unknown")


def _placed(found: set[int], block: _Block, keys: list[str]) -> set[int]:
    """`found` narrowed to the block's events at no place or one related to `keys` (all of
    them when the new mention has no place)."""
    if not keys:
        return found
    return found & set().union(*(block.places.get(key, ()) for key in keys))


def _place_keys(place: Location | None, *, kept: bool) -> list[str]:
    """A kept event's keys in the place index (`kept`), or the keys a new mention looks up:
    every kept event whose place_relation with it is not None has one of them. An unknown
    place: a kept one is UNPLACED, a new one looks up nothing (it may merge with any)."""
    if place is None or not (place.canonical or place.text):
        return [UNPLACED] if kept else []
    name = place_name(place)
    ends = []  # "hanano, aleppo" -> "aleppo": the names it lies in
    at = name.find(", ")
    while at >= 0:
        ends.append(name[at + 2 :])
        at = name.find(", ", at + 1)
    keys = [f"n:{name}"]
    if place.gazetteer_id:
        keys.append(f"g:{place.gazetteer_id}")
    # compare.country_relation: a whole country is kept under "country:", a place in one under
    # "within:"; each looks the other up
    own, other = ("country", "within") if country_level(place) else ("within", "country")
    countries = [f"{own}:{place.country}"] if place.country else []
    if kept:
        return keys + [f"in:{end}" for end in ends] + countries
    looks = [f"{other}:{place.country}"] if place.country else []
    return [*keys, UNPLACED, f"in:{name}", *(f"n:{end}" for end in ends), *looks]


def merge_document(events: list[Event], detached: Sequence[DetachedClaim] = ()) -> list[Event]:
    """One document's events with mentions of one event merged (across its sentences),
    detached claims attached, figures sourced and every event settled (disputed, fatalities).

    A mention that only denies ("El Ejército negó el ataque") joins the event it denies.
    Each mention is compared with the few kept events the indexes of `Kept` propose, so the
    cost grows with the number of mentions, not with its square.
    """
    kept = Kept()
    for ev in sorted(events, key=lambda e: e.sentence_index):
        source_quantities(ev)
        ev.mentions = mentions_of(ev)
        at = kept.twin(ev)
        rule = "link:same-document"
        if at is None and _denied_anaphor(ev):
            at, rule = _anaphor_target(ev, kept.events), "link:denial-of-previous"
        if at is None:
            at = kept.named_earlier(ev)
            if at is not None:  # the earlier, specific mention stays the record
                kept.absorb(at, ev, "link:names-previous")
                continue
        if at is None:
            kept.add(ev)
        elif prefer(kept.events[at], ev):
            kept.replace(at, ev, rule)
        else:
            kept.absorb(at, ev, rule)
    attach_detached(kept.events, detached)
    carry_agents(kept.events)
    for ev in kept.events:
        settle(ev)
    return kept.events
