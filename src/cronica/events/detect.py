"""Find event triggers in a parsed sentence, from the per-language lexicon."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from cronica.events.lexicon import TriggerEntry, TriggerPattern, patterns_by_lemma
from cronica.events.syntax import (
    OBJECT_DEPS,
    SUBJECT_DEPS,
    key,
    misread_name,
    morph_values,
    nominal_head,
)
from cronica.events.syntax import words as pack_words
from cronica.readings import children_of, tokens_of
from cronica.text import fold

WINDOW = 2
NOT_NEAR_WINDOW = 4
GOVERNED_DEPS = ("obj", "dobj", "xcomp", "advcl", "obl", "nmod", "pobj", "nsubj:pass", "nsubjpass")
AGENT_DEPS = ("obl", "obl:agent", "nmod", "obj")  # "obj": a parser slip on "por X"


@dataclass
class TriggerMatch:
    """One trigger token, the lexicon entry it matched and the modifier tokens it used."""

    token: Token
    entry: TriggerEntry
    pattern_index: int
    used: list[Token] = field(default_factory=list)
    modality: str = "asserted"  # events/modality.py: only asserted triggers become events
    reason: str = ""  # why a trigger is not asserted

    @property
    def rule(self) -> str:
        return f"trigger:{self.entry.action}#{self.pattern_index}"


def _near(token: Token, sent: Span, window: int) -> list[Token]:
    lo = max(sent.start, token.i - window)
    hi = min(sent.end, token.i + window + 1)
    return [t for t in tokens_of(sent)[lo - sent.start : hi - sent.start] if t.i != token.i]


def _frame(token: Token) -> list[Token]:
    """The trigger's syntactic neighbourhood beyond its children: the word that governs it
    ("lanzaron un ataque"), that word's subject when the trigger is its object ("los aviones
    lanzaron un ataque") and the agents of participles that modify it ("el ataque perpetrado
    por un avión")."""
    found: list[Token] = []
    governor = nominal_head(token)
    if governor.i != token.i and token.dep_ in GOVERNED_DEPS:
        found.append(governor)
        if token.dep_ in OBJECT_DEPS:
            found.extend(c for c in children_of(governor) if c.dep_ in SUBJECT_DEPS)
    for child in children_of(token):
        if child.dep_ in ("acl", "relcl", "amod") and _verbal(child):
            found.extend(g for g in children_of(child) if g.dep_ in AGENT_DEPS)
            found.extend(p for g in children_of(child) if g.dep_ == "agent" for p in children_of(g))
    head = token.head  # "utilizó helicópteros y aviones para bombardear": the means used
    if token.dep_ in ("advcl", "xcomp") and fold(head.lemma_) in pack_words(
        token.doc.lang_, "instrument_verbs"
    ):
        means = [c for c in children_of(head) if c.dep_ in OBJECT_DEPS]
        found.extend(m for c in means for m in (c, *c.conjuncts))
    return found


def _verbal(token: Token) -> bool:
    """A verb or a participle (a participle the parser took for an adjective included)."""
    return token.pos_ in ("VERB", "AUX") or "Part" in morph_values(token, "VerbForm")


def _with_tokens(
    token: Token, sent: Span, words: frozenset[str], keys: dict[int, frozenset[str]]
) -> list[Token] | None:
    """Modifier tokens that satisfy a `with` constraint, or None when it fails. A modifier's
    conjuncts modify the trigger too ("bombardeos sirios y rusos")."""
    children = children_of(token)
    coordinated = [c for child in children for c in child.conjuncts if c.i != token.i]
    candidates = children + coordinated + _near(token, sent, WINDOW) + _frame(token)
    hits = [t for t in candidates if keys.get(t.i, set()) & words]
    return hits or None


def _matches(
    token: Token,
    sent: Span,
    pattern: TriggerPattern,
    requirement: Callable[[Token, str], bool],
    keys: dict[int, frozenset[str]],
    sentence_words: frozenset[str] | None = None,
) -> list[Token] | None:
    """The modifier tokens a pattern used at `token`, or None when it does not match there
    (`sentence_words`: the union of `keys`, when the caller has it)."""
    if not keys[token.i] & pattern.lemmas:
        return None
    if not pattern.with_ and _kind_of_noun(token):
        return None
    if pattern.pos and token.pos_ not in pattern.pos and not (
        "NOUN" in pattern.pos and misread_name(token)  # "Rockets fell": a noun
    ):
        return None
    used: list[Token] = []
    if pattern.with_:
        hits = _with_tokens(token, sent, pattern.with_, keys)
        if hits is None:
            return None
        used = hits
    if sentence_words is None:
        sentence_words = frozenset().union(*keys.values())
    if pattern.sentence_has and not pattern.sentence_has & sentence_words:
        return None
    if pattern.sentence_lacks and pattern.sentence_lacks & sentence_words:
        return None
    if pattern.not_near and any(
        keys[t.i] & pattern.not_near for t in _near(token, sent, NOT_NEAR_WINDOW)
    ):
        return None
    if pattern.requires and not requirement(token, pattern.requires):
        return None
    return used


def _kind_of_noun(token: Token) -> bool:
    """A word that only names a kind of the noun it modifies ("riot police", "protest
    leaders", "bomb squad"): `kind_heads` in words.yaml."""
    head = token.head
    return (
        token.dep_ == "compound"
        and head.i != token.i  # spaCy makes a new Token at each access: compare positions
        and fold(head.lemma_) in pack_words(token.doc.lang_, "kind_heads")
    )


def _asserted(_: Token) -> tuple[str, str]:
    return "asserted", ""


def find_triggers(
    sent: Span,
    lang: str,
    requirement: Callable[[Token, str], bool],
    modality_of: Callable[[Token], tuple[str, str]] = _asserted,
    dropped: list[TriggerMatch] | None = None,
    scene: Callable[[Token], bool] | None = None,
    marks: list[int] | None = None,
) -> list[TriggerMatch]:
    """Asserted triggers in `sent`, specific entries first; each token serves one at most.

    `requirement(token, name)` checks a pattern's `requires` (place_object, agent, ...), which
    needs argument extraction and so is supplied by the caller; `modality_of(token)` gives
    (modality, reason): a trigger that is not asserted (negated, intended, ceased, ...) is
    rejected before it can subsume others, and appended to `dropped` when one is given.
    `scene(token)`: a nominal that sets the scene ("en represalia por el ataque") subsumes
    none of the triggers of its clause, only those of its own phrase ("durante la dispersión
    de una manifestación"); the caller decides what becomes of it. `marks`: the sentence's
    `simultaneity_marks`, when the caller has them.
    """
    taken: set[int] = set()
    refused: set[int] = set()
    found: list[TriggerMatch] = []
    every = tokens_of(sent)  # each Token made once
    keys = {t.i: key(t) for t in every}
    words = frozenset().union(*keys.values())
    tokens = [t for t in every if not t.is_punct]
    having: dict[str, list[int]] = {}  # key -> positions in `tokens` of the tokens having it
    for n, t in enumerate(tokens):
        for k in keys[t.i]:
            having.setdefault(k, []).append(n)
    flat, by_lemma = patterns_by_lemma(lang)
    # Only the patterns listing a word of the sentence can match, in priority order.
    for entry, index, pattern in (flat[n] for n in sorted(
        {n for k in words for n in by_lemma.get(k, ())}
    )):
        # Only a token with one of the pattern's lemmas among its keys can match: those,
        # in sentence order.
        at = sorted({n for k in pattern.lemmas & words for n in having.get(k, ())})
        for token in (tokens[n] for n in at):
            if token.i in taken or any(
                m.entry.action == entry.action and _modifies(token, m.token) for m in found
            ):  # "coches bomba suicidas": one mention, however many of its words match
                continue
            used = _matches(token, sent, pattern, requirement, keys, words)
            if used is None:
                continue
            mood, reason = modality_of(token)
            if mood != "asserted":
                if dropped is not None and token.i not in refused:
                    dropped.append(TriggerMatch(token, entry, index, used, mood, reason))
                refused.add(token.i)
                continue
            taken.add(token.i)
            taken.update(t.i for t in used)
            found.append(TriggerMatch(token, entry, index, used))
    if marks is None:  # only two triggers can be apart
        marks = simultaneity_marks(sent, lang) if len(found) > 1 else []
    kept = [m for m in found if not any(
        m.entry.subsumed_by & {o.entry.action}
        and not apart(m.token, o.token, marks)
        and not _sets_scene_for(o.token, m.token, scene)
        for o in found
    )]  # fmt: skip
    return sorted(kept, key=lambda m: m.token.i)


NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "flat", "appos", "prep", "pobj"})


def _modifies(word: Token, head: Token, steps: int = 3) -> bool:
    """Whether `word` modifies the noun `head` inside its phrase ("coches bomba"), not as a
    conjunct or a clause of its own."""
    if head.pos_ != "NOUN":
        return False
    current = word
    for _ in range(steps):
        if current.dep_ not in NOUN_MODIFIER_DEPS or current.head.i == current.i:
            return False
        current = current.head
        if current.i == head.i:
            return True
    return False


def _sets_scene_for(
    subsumer: Token, other: Token, scene: Callable[[Token], bool] | None
) -> bool:
    """Whether `subsumer` is a scene-setting nominal and `other` lies outside its phrase."""
    if scene is None or not scene(subsumer):
        return False
    return not (subsumer.left_edge.i <= other.i <= subsumer.right_edge.i)


def simultaneity_marks(sent: Span, lang: str) -> list[int]:
    """Positions of the sentence's words of simultaneity ("mientras", "while")."""
    markers = pack_words(lang, "simultaneity_markers")
    return [t.i for t in tokens_of(sent) if fold(t.text) in markers]


def apart(a: Token, b: Token, marks: list[int]) -> bool:
    """Two triggers a word of simultaneity separates ("dispersaron una protesta en Adén,
    mientras miles desfilaban en Saná"): two happenings, neither part nor scene of the other."""
    low, high = sorted((a.i, b.i))
    return any(low < i < high for i in marks)
