"""Factuality of a trigger: asserted, or why not (negated, intended, hypothetical, future,
ceased, generic, background), from the parse, the morphology and the pack's function words.

Only asserted triggers become events; the others are kept with their reason for `explain`.
"""

from __future__ import annotations

from spacy.tokens import Token

from cronica.events.syntax import negated, words
from cronica.text import fold

ASSERTED = "asserted"
CLAUSE_DEPS = ("xcomp", "ccomp", "advcl", "conj", "acl", "csubj")  # walked up to the clause
CLAUSE_REACH = 3  # clause heads above the trigger whose conditions count
NOMINAL_DEPS = ("nmod", "pobj", "obj", "dobj", "obl", "nsubj", "nsubj:pass")


def _clause_heads(token: Token) -> list[Token]:
    """The trigger and the clause heads it depends on (xcomp, advcl, ...), nearest first."""
    heads, current = [token], token
    for _ in range(CLAUSE_REACH):
        if current.dep_ not in CLAUSE_DEPS or current.head is current:
            break
        current = current.head
        heads.append(current)
    return heads


def _verbal(token: Token) -> Token:
    """The verb a nominal trigger hangs from through a light verb, else the token itself."""
    if token.pos_ in ("NOUN", "PROPN") and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    return token


def _hypothetical(token: Token, lang: str) -> str | None:
    markers, auxes = words(lang, "conditional_markers"), words(lang, "conditional_auxiliaries")
    for head in _clause_heads(_verbal(token)):
        for child in head.children:
            if child.dep_ == "mark" and fold(child.text) in markers:
                return f"condition '{child.text}' on '{head.text}'"
            if child.dep_ == "aux" and fold(child.text) in auxes:
                return f"conditional auxiliary '{child.text}'"
        if "Cnd" in head.morph.get("Mood", []):
            return f"conditional mood of '{head.text}'"
    return None


def _future(token: Token, lang: str) -> str | None:
    verb = _verbal(token)
    if "Fut" in verb.morph.get("Tense", []) and verb.pos_ in ("VERB", "AUX"):
        return f"future tense of '{verb.text}'"
    auxes = words(lang, "future_auxiliaries")
    aux = next((c for c in verb.children if c.dep_ == "aux" and fold(c.text) in auxes), None)
    return f"future auxiliary '{aux.text}'" if aux is not None else None


def _ceased(token: Token, lang: str, trigger_keys: frozenset[str]) -> str | None:
    heads, verbs = words(lang, "cessation_heads"), words(lang, "cessation_verbs")
    if fold(token.lemma_) in heads and any(
        fold(c.lemma_) in trigger_keys for c in token.children if c.dep_ in NOMINAL_DEPS
    ):
        return f"'{token.text}' ends the event it governs"
    governor = token.head.head if token.dep_ == "pobj" else token.head
    if token.dep_ in NOMINAL_DEPS and fold(governor.lemma_) in heads:
        return f"governed by the cessation word '{governor.text}'"
    verb = token.head
    if token.dep_ in ("obj", "dobj", "xcomp") and fold(verb.lemma_) in verbs - trigger_keys:
        return f"object of the cessation verb '{verb.text}'"  # not one that is an event too
    return None


def _generic(token: Token, lang: str) -> str | None:
    degree = words(lang, "superlative_markers")
    for child in token.children:
        if child.dep_ != "amod":
            continue
        if child.tag_ == "JJS" or any(fold(g.text) in degree for g in child.children):
            return f"superlative '{child.text}': a comparison, not a report"
    return None


def _anchor(token: Token, lang: str) -> str | None:
    """A nominal trigger under an onset noun that dates something else ("desde el inicio de
    la ofensiva", "since the start of the offensive")."""
    onset, preps = words(lang, "onset_heads"), words(lang, "anchor_prepositions")
    governor = token.head.head if token.dep_ == "pobj" else token.head
    if token.pos_ != "NOUN" or token.dep_ not in NOMINAL_DEPS or fold(governor.lemma_) not in onset:
        return None
    case = [fold(c.text) for c in governor.children if c.dep_ in ("case", "mark")]
    if governor.dep_ == "pobj":
        case.append(fold(governor.head.text))
    if any(c in preps for c in case):
        return f"time anchor: the {governor.text} of the event dates another"
    return None


def modality(
    token: Token, lang: str, intended: bool, trigger_keys: frozenset[str] = frozenset()
) -> tuple[str, str]:
    """(modality, reason) of a trigger token; `intended` is the argument reader's verdict on
    purpose clauses and heads of intent ("en un intento por recuperar")."""
    if negated(token):
        return "negated", "negated verb"
    if intended:
        return "intended", "purpose clause or head of intent"
    checks = (
        ("ceased", lambda: _ceased(token, lang, trigger_keys)),
        ("background", lambda: _anchor(token, lang)),
        ("hypothetical", lambda: _hypothetical(token, lang)),
        ("future", lambda: _future(token, lang)),
        ("generic", lambda: _generic(token, lang)),
    )
    for name, check in checks:
        reason = check()
        if reason:
            return name, reason
    return ASSERTED, ""
