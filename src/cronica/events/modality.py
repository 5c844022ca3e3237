"""Factuality of a trigger: asserted, or why not (negated, intended, hypothetical, future,
ceased, generic, background), from the parse, the morphology and the pack's function words.

Only asserted triggers become events; the others are kept with their reason for `explain`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from cronica.events.detect import simultaneity_marks
from cronica.events.lexicon import attribution_cues, trigger_words
from cronica.events.syntax import (
    PLACE_LABELS,
    is_passive,
    morph_values,
    negated,
    nominal_head,
    preposition,
    sequence_starts,
    words,
)
from cronica.readings import children_of, sentence_of, span_text, tokens_of
from cronica.text import fold

ASSERTED = "asserted"
CLAUSE_DEPS = ("xcomp", "ccomp", "advcl", "conj", "acl", "csubj")  # walked up to the clause
CLAUSE_REACH = 3  # clause heads above the trigger whose conditions count
NOMINAL_DEPS = ("nmod", "pobj", "obj", "dobj", "obl", "nsubj", "nsubj:pass")
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass")
CONTROL_DEPS = ("xcomp",)  # a negated governor negates the infinitive it controls
OBJECT_DEPS = ("obj", "dobj", "xcomp", "ccomp")
GOVERNED_DEPS = (*OBJECT_DEPS, *SUBJECT_DEPS, *NOMINAL_DEPS, "acl", "advcl")
NON_FINITE = {"Inf", "Part", "Ger"}
HABITUAL_TENSES = (("Pres",), ("Imp",))  # present and imperfect: habits, states, backdrops
ENDING_DEPS = (*OBJECT_DEPS, "compound")  # the parser may attach the ending noun as either
BARE_DEPS = ("det", "case", "punct", "cc", "conj", "prep")  # children of a bare mention


def _clause_heads(token: Token) -> list[Token]:
    """The trigger and the clause heads it depends on (xcomp, advcl, ...), nearest first."""
    heads, current = [token], token
    for _ in range(CLAUSE_REACH):
        if current.dep_ not in CLAUSE_DEPS or current.head.i == current.i:
            break
        current = current.head
        heads.append(current)
    return heads


def _verbal(token: Token) -> Token:
    """The verb a nominal trigger hangs from through a light verb, else the token itself."""
    if token.pos_ in ("NOUN", "PROPN") and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    return token


def _negated(token: Token) -> str | None:
    """Negated trigger, light verb ("no lanzaron ataques") or controlling verb ("no llegó a
    apoyar ataques aéreos", "did not manage to capture")."""
    if negated(token):
        return "negated verb"
    current = _verbal(token)
    for _ in range(CLAUSE_REACH):
        if negated(current):
            return f"negated '{current.text}'"
        if current.dep_ not in CONTROL_DEPS or current.head.i == current.i:
            break
        current = current.head
    return None


def _governed_path(token: Token) -> Iterator[tuple[Token, Token]]:
    """(word, its governor) pairs up from a trigger, while each word is governed as an
    argument (GOVERNED_DEPS), at most CLAUSE_REACH steps."""
    current = token
    for _ in range(CLAUSE_REACH):
        governor = nominal_head(current)
        if governor.i == current.i or current.dep_ not in GOVERNED_DEPS:
            return
        yield current, governor
        current = governor


def _non_factual(token: Token, lang: str) -> str | None:
    """A trigger that is the object or subject of a head of intent, fear or request ("se teme
    un ataque", "amenazó con atacar", "pidió el fin de", "fears of an attack"), unless it
    is the topic of the thing sought ("busca respuestas sobre el ataque", "seeks answers
    about the attack"): that presupposes it. ("temores sobre un ataque" keeps its head.)"""
    heads = attribution_cues(lang).non_factual_heads
    topics = words(lang, "sought_topic_prepositions")
    for current, governor in _governed_path(token):
        if current.dep_ in SUBJECT_DEPS and not _impersonal(governor, lang):
            return None  # who threatens or fears is no threatened event
        if fold(governor.lemma_) in heads:
            return f"under '{governor.text}': intended, feared or requested"
        if preposition(current) in topics:
            return None  # what answers are sought about happened ("busca respuestas sobre")
    return None


def _failed_prevention(token: Token, lang: str) -> str | None:
    """The trigger is what a negated prevention did not stop ("no logró evitar los combates",
    "failed to prevent the attack"): two negations, a reported event."""
    heads = attribution_cues(lang).non_factual_heads
    for _, governor in _governed_path(token):
        if fold(governor.lemma_) in heads:
            if fold(governor.lemma_) not in words(lang, "prevention_heads"):
                return None
            failed = governor.dep_ == "xcomp" and fold(governor.head.lemma_) in words(
                lang, "failure_verbs"
            )
            return f"'{governor.text}' failed" if failed or _negated(governor) else None
    return None


def _impersonal(verb: Token, lang: str) -> bool:
    """A passive or impersonal clause ("se teme un ataque", "an attack is feared")."""
    pronouns = words(lang, "impersonal_pronouns")
    return is_passive(verb) or any(
        fold(c.text) in pronouns
        for c in children_of(verb) if c.dep_ in ("expl:pass", "expl", "obj")
    )


def _hypothetical(token: Token, lang: str) -> str | None:
    markers, auxes = words(lang, "conditional_markers"), words(lang, "conditional_auxiliaries")
    for head in _clause_heads(_clause_verb(token)):
        for child in children_of(head):
            if child.dep_ == "mark" and fold(child.text) in markers:
                return f"condition '{child.text}' on '{head.text}'"
            if child.dep_ == "aux" and fold(child.text) in auxes:
                return f"conditional auxiliary '{child.text}'"
        if "Cnd" in morph_values(head, "Mood"):
            return f"conditional mood of '{head.text}'"
    return None


def _classifying(token: Token, lang: str) -> str | None:
    """An event noun that is the name a verb of judging gives something ("estas detenciones
    son consideradas como desapariciones forzadas", "the arrests are described as enforced
    disappearances"): a category, not another event."""
    if _copular_predicate(token):
        return "the predicate of a copula: what something is said to be, not an event"
    verb = nominal_head(token)
    if verb.i == token.i or fold(verb.lemma_) not in words(lang, "classifying_verbs"):
        return None
    markers = words(lang, "predicative_markers")
    marked = preposition(token) in markers or any(
        c.dep_ in ("mark", "case") and fold(c.text) in markers for c in children_of(token)
    )
    if marked or token.dep_ in ("oprd", "xcomp", "attr"):
        return f"named by '{verb.text}': a category given to something, not an event"
    return None


def _copular_predicate(token: Token) -> bool:
    """An event noun said of a subject by a copula ("Alí era una manifestación de Dios", "la
    espita fue la detención del clérigo", "it was an attack on democracy"): it classifies
    that subject; an event the subject names is told by the subject's own word."""
    if token.pos_ != "NOUN":
        return False
    if any(c.dep_ == "cop" for c in children_of(token)):  # Spanish: the predicate heads the clause
        return any(c.dep_ in ("nsubj", "csubj") for c in children_of(token))
    return token.dep_ == "attr" and any(c.dep_ in ("nsubj", "csubj")
                                        for c in children_of(token.head))


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a trigger is in: its light verb, or the verb its noun phrase
    hangs from ("si se toma en cuenta la dureza de los ataques" -> "toma")."""
    verb = _verbal(token)
    if verb.pos_ in ("VERB", "AUX"):
        return verb
    for _, governor in _governed_path(token):
        if governor.pos_ in ("VERB", "AUX"):
            return governor
    return verb


def _future(token: Token, lang: str) -> str | None:
    verb = _verbal(token)
    if "Fut" in morph_values(verb, "Tense") and verb.pos_ in ("VERB", "AUX"):
        return f"future tense of '{verb.text}'"
    auxes = words(lang, "future_auxiliaries")
    aux = next((c for c in children_of(verb) if c.dep_ == "aux" and fold(c.text) in auxes), None)
    return f"future auxiliary '{aux.text}'" if aux is not None else None


def _ceased(token: Token, lang: str, trigger_keys: frozenset[str]) -> str | None:
    heads, verbs = words(lang, "cessation_heads"), words(lang, "cessation_verbs")
    if fold(token.lemma_) in heads and any(
        fold(c.lemma_) in trigger_keys for c in children_of(token) if c.dep_ in NOMINAL_DEPS
    ):
        return f"'{token.text}' ends the event it governs"
    governor = nominal_head(token)
    if token.dep_ in NOMINAL_DEPS and fold(governor.lemma_) in heads:
        return f"governed by the cessation word '{governor.text}'"
    verb = token.head
    if token.dep_ in ("obj", "dobj", "xcomp") and fold(verb.lemma_) in verbs - trigger_keys:
        return f"object of the cessation verb '{verb.text}'"  # not one that is an event too
    return _ended_by_phrase(token, heads)


def _ended_by_phrase(token: Token, heads: frozenset[str]) -> str | None:
    """A trigger hung from a verb whose object is a cessation noun ("poner fin a los
    combates", "put an end to the fighting"): the event is what is to end."""
    verb = nominal_head(token)
    if token.dep_ not in NOMINAL_DEPS or verb.pos_ not in ("VERB", "AUX"):
        return None
    ending = next((c for c in children_of(verb) if c.dep_ in ENDING_DEPS and c.i != token.i
                   and fold(c.lemma_) in heads), None)  # fmt: skip
    return f"'{verb.text} {ending.text}' ends the event" if ending is not None else None


def _finite(verb: Token) -> bool:
    """A verb form with tense and person: no infinitive, participle or gerund."""
    return not set(morph_values(verb, "VerbForm")) & NON_FINITE


def _attested(token: Token) -> bool:
    """An event noun whose relative clause tells it happened ("acabar con los combates que han
    asolado la ciudad", "to end the fighting that has ravaged the town"): whatever is to
    end or is sought, the event itself is reported."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    for clause in children_of(token):
        if clause.dep_ not in ("acl", "relcl", "acl:relcl") or clause.pos_ not in ("VERB", "AUX"):
            continue
        tenses = [*morph_values(clause, "Tense"), *(t for c in children_of(clause)
                  if c.dep_.startswith("aux") for t in morph_values(c, "Tense"))]  # fmt: skip
        perfect = "Part" in morph_values(clause, "VerbForm") and any(
            c.dep_.startswith("aux") for c in children_of(clause)
        )
        if "Past" in tenses and _finite(clause) or perfect:
            return True
    return False


def _habitual(token: Token, lang: str) -> str | None:
    """A trigger told by a simple present or imperfect verb ("combate al régimen", "se
    enfrentan a los kurdos", "hay bombardeos", "disparaban sin aviso", "the group fights the
    army"): a habit, a state or a backdrop, not a reported event.
    A present verb of saying or suffering reports the event ("denuncian un ataque")."""
    while token.pos_ in ("NOUN", "PROPN") and token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "hay bombardeos y combates": the second noun shares the verb
    verb = _verbal(token)
    cues = attribution_cues(lang)
    if verb.pos_ not in ("VERB", "AUX") or fold(verb.lemma_) in {
        *cues.stance_of_verb,
        *cues.patient_verbs,
    }:
        return None
    if not _finite(verb) or morph_values(verb, "Tense") not in HABITUAL_TENSES:
        return None
    if "Ind" not in (morph_values(verb, "Mood") or ("Ind",)) or any(
        c.dep_.startswith("aux") for c in children_of(verb)
    ):
        return None
    if _beside_past_event(verb, lang):
        return None
    return f"simple present or imperfect '{verb.text}': a habit or state, not a reported event"


def _beside_past_event(verb: Token, lang: str) -> bool:
    """An imperfect after a word of simultaneity, in a sentence that tells a past event
    ("catorce personas resultaron heridas, mientras miles desfilaban en el resto del país",
    "troops shelled the town while crowds marched"): what was going on at that moment, one
    happening, not a habit. Read on the words, not the parse, which often loses the link."""
    if morph_values(verb, "Tense") != ("Imp",):
        return False
    sent = sentence_of(verb)
    if not any(i < verb.i for i in simultaneity_marks(sent, lang)):
        return False
    return any(t.i != verb.i and t.pos_ in ("VERB", "AUX") and _finite(t)
               and morph_values(t, "Tense") == ("Past",) for t in tokens_of(sent))  # fmt: skip


FREQUENCY_DEPS = ("advmod", "amod", "obl", "nmod", "npadvmod", "obl:tmod", "prep", "advcl")
FREQUENCY_REACH = 4  # tokens of a frequency phrase ("todos los días", "on a daily basis")


def _frequency(token: Token, lang: str) -> str | None:
    """A trigger, its verb or a clause describing it told with a word of frequency
    ("bombardeos diarios", "que asuelan diariamente la ciudad", "shells the town daily"): a
    habit or a series of events, not one happening."""
    often = words(lang, "frequency_words")
    if nominal_head(token).lemma_.casefold() in words(lang, "partitive_heads"):
        return None  # "uno de los bombardeos diarios" is one of them: a specific event
    holders = {token, _verbal(token)}
    holders |= {c for c in children_of(token) if c.dep_ in ("acl", "relcl", "acl:relcl")}
    for holder in holders:
        for child in children_of(holder):
            if child.dep_ not in FREQUENCY_DEPS:
                continue
            phrase = [t for t in child.subtree]
            # a noun with its determiner is a thing ("según un diario libio": a newspaper)
            counted = child.pos_ == "NOUN" and any(c.dep_ == "det" for c in children_of(child))
            texts = set() if counted else {fold(child.text)}
            if len(phrase) <= FREQUENCY_REACH and not counted:
                texts.add(fold(" ".join(t.text for t in phrase)))
            hit = next((t for t in texts if t in often), None)
            if hit:
                return f"frequency '{hit}': a habit or a series, not one event"
    return None


def _series_span(token: Token, lang: str) -> str | None:
    """A trigger whose clause is told over weeks or more ("en semanas recientes decenas de
    civiles han muerto en las incursiones", "in recent weeks ... in air raids"): a series."""
    spans = words(lang, "series_spans")
    if not spans:
        return None
    sent = sentence_of(token)
    said = fold(span_text(sent))
    spans = frozenset(p for p in spans if p in said)  # most sentences name none: no walk
    if not spans:
        return None
    folded = [fold(t.text) for t in tokens_of(sent)]
    holders = {token.i, _clause_verb(token).i}
    for phrase in spans:
        sequence = tuple(phrase.split(" "))
        for at in sequence_starts(folded, sequence):
            nouns = [t for t in sent[at : at + len(sequence)] if t.pos_ == "NOUN"]
            if any(nominal_head(n).i in holders for n in nouns):  # "in recent weeks" <- verb
                return f"'{phrase}': a series over a span of time, not one event"
    return None


def _campaign(token: Token, lang: str) -> str | None:
    """A battle named by what it is for ("la batalla por el control de Alepo", "la batalla
    por controlar la ciudad", "the battle for Mosul"): a campaign of many clashes, not one."""
    if fold(token.lemma_) not in words(lang, "campaign_nouns"):
        return None
    aims = words(lang, "campaign_prepositions")
    for child in children_of(token):
        marks = [fold(c.text) for c in children_of(child) if c.dep_ in ("case", "mark")]
        if (child.dep_ == "prep" and fold(child.text) in aims) or any(m in aims for m in marks):
            return f"'{token.text} {child.text}': a campaign named by its aim, not one clash"
    return None


def _generic(token: Token, lang: str) -> str | None:
    degree = words(lang, "superlative_markers")
    for child in children_of(token):
        if child.dep_ != "amod":
            continue
        if child.tag_ == "JJS" or any(fold(g.text) in degree for g in children_of(child)):
            return f"superlative '{child.text}': a comparison, not a report"
    remembered = nominal_head(token)
    if token.dep_ in NOMINAL_DEPS and fold(remembered.lemma_) in words(lang, "memorial_nouns"):
        return f"'{remembered.text}' of: an event remembered, not one happening"
    if token.dep_ in NOMINAL_DEPS and fold(remembered.lemma_) in words(lang, "aggregate_heads"):
        return f"'{remembered.text}' of: events spoken of together, not one happening"
    if token.pos_ != "NOUN":
        return None
    campaign = _campaign(token, lang)
    if campaign:
        return campaign
    series = words(lang, "series_adjectives")
    growing = next((c for c in children_of(token) if c.dep_ == "amod"
                    and (fold(c.text) in series or fold(c.lemma_) in series)), None)  # fmt: skip
    if growing is not None:
        return f"'{growing.text} {token.text}': a series of events, not one"
    vague = words(lang, "aggregate_quantifiers")
    quantifier = next((c for c in children_of(token) if fold(c.text) in vague), None)
    if quantifier is not None and "Plur" in morph_values(token, "Number"):
        return f"'{quantifier.text} {token.text}': an aggregate of events, not one"
    governor = nominal_head(token)
    if token.dep_ in NOMINAL_DEPS and fold(governor.lemma_) in trigger_words(
        lang, "duration_nouns"
    ):
        return f"duration '{governor.text}' of: a span of time, not one event"
    determiners = [fold(c.text) for c in children_of(token) if c.dep_ == "det"]
    if any(d in trigger_words(lang, "anaphoric_determiners") for d in determiners):
        return f"'{token.text}' with a demonstrative: an event told before"
    places = attribution_cues(lang).place_nouns
    if (
        token.dep_ in (*NOMINAL_DEPS, "compound")
        and not determiners
        and fold(governor.lemma_) in places
    ):
        return f"names the place '{governor.text}' by its fighting, not an event"
    articles = words(lang, "definite_articles")
    bare = all(c.dep_ in BARE_DEPS for c in children_of(token))
    definite = any(c.dep_ == "det" and fold(c.text) in articles for c in children_of(token))
    if (
        token.dep_ in SUBJECT_DEPS
        and "Plur" in morph_values(token, "Number")
        and bare
        and definite
        and preposition(token) is None
        and not _placed_clause(token)
    ):
        return f"'{token.text}': a definite plural without place, actor or time (generic)"
    return None


def _placed_clause(subject: Token) -> bool:
    """The clause of a subject names a place ("los cohetes han caído sobre los barrios de X"):
    the subject is those of that place, not a generic plural."""
    own = {t.i for t in subject.subtree}
    return any(
        t.ent_type_ in PLACE_LABELS for t in subject.head.subtree if t.i not in own
    )


def _anchor(token: Token, lang: str) -> str | None:
    """A nominal trigger under an onset noun that dates something else ("desde el inicio de
    la ofensiva", "since the start of the offensive")."""
    onset, preps = words(lang, "onset_heads"), words(lang, "anchor_prepositions")
    governor = nominal_head(token)
    if token.pos_ != "NOUN" or token.dep_ not in NOMINAL_DEPS or fold(governor.lemma_) not in onset:
        return None
    case = [fold(c.text) for c in children_of(governor) if c.dep_ in ("case", "mark")]
    if governor.dep_ == "pobj":
        case.append(fold(governor.head.text))
    if any(c in preps for c in case):
        return f"time anchor: the {governor.text} of the event dates another"
    return None


def _described(token: Token, trigger_keys: frozenset[str]) -> Token | None:
    """The event noun whose relative clause the trigger is in ("los ataques que toman como
    blanco a civiles" -> "ataques"), or in a verb coordinated with it: the trigger tells
    more of that event."""
    verb = token if token.pos_ in ("VERB", "AUX") else _verbal(token)
    while verb.dep_ == "conj" and verb.head.i != verb.i:  # "… que derrotó a X y tomó Y"
        verb = verb.head
    if verb.dep_ in ("acl", "relcl", "acl:relcl") and verb.head.i != verb.i:
        host = verb.head
        if host.i != token.i and fold(host.lemma_) in trigger_keys:
            return host
    return None


def modality(
    token: Token, lang: str, intended: bool, trigger_keys: frozenset[str] = frozenset()
) -> tuple[str, str]:
    """(modality, reason) of a trigger token; `intended` is the argument reader's verdict on
    purpose clauses and heads of intent ("en un intento por recuperar")."""
    if _failed_prevention(token, lang):
        return ASSERTED, ""
    host = _described(token, trigger_keys)
    if host is not None:
        mood, why = modality(host, lang, False, trigger_keys)
        if mood != ASSERTED:
            return mood, f"tells of '{host.text}': {why}"
    negation = _negated(token)
    if negation:
        return "negated", negation
    attested = _attested(token)
    if intended and not attested:
        return "intended", "purpose clause or head of intent"
    checks = (
        ("ceased", lambda: None if attested else _ceased(token, lang, trigger_keys)),
        ("background", lambda: _anchor(token, lang)),
        ("intended", lambda: None if attested else _non_factual(token, lang)),
        ("hypothetical", lambda: _hypothetical(token, lang)),
        ("future", lambda: _future(token, lang)),
        ("generic", lambda: _generic(token, lang)),
        ("generic", lambda: _habitual(token, lang)),
        ("generic", lambda: _frequency(token, lang)),
        ("generic", lambda: _series_span(token, lang)),
        ("generic", lambda: _classifying(token, lang)),
    )
    for name, check in checks:
        reason = check()
        if reason:
            return name, reason
    return ASSERTED, ""
