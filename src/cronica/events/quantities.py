"""How many: attach the numbers of a sentence to its events, with the kind of each count."""

from __future__ import annotations

from spacy.tokens import Span, Token

from cronica.events.lexicon import attribution_cues
from cronica.events.syntax import any_words, is_passive, preposition
from cronica.ontology import ontology
from cronica.readings import children_of, span_text, tokens_of
from cronica.record import Quantity
from cronica.resolve.numbers import (
    NumberMention,
    NumberValue,
    find_numbers,
    load_numbers_lexicon,
    quantity_kind,
)
from cronica.text import fold

CUMULATIVE_REACH = 3  # heads above a count searched for a cumulative verb or noun
TOLL_KINDS = ("killed", "wounded")


def _tokens_at(sent: Span, start: int, end: int) -> list[Token]:
    return [
        t
        for t in tokens_of(sent)
        if t.idx < sent.start_char + end and t.idx + len(t) > sent.start_char + start
    ]


def _kind_of(token: Token, lang: str) -> str | None:
    return quantity_kind(token.lemma_, lang) or quantity_kind(token.text, lang)


def _is_perpetrator(noun: Token, lang: str) -> bool:
    """The counted people did the harm: active subject, or passive agent, of a harm verb."""
    agentive = {fold(w) for w in load_numbers_lexicon(lang).get("agentive_verbs", [])}
    head = noun.head
    if fold(head.lemma_) not in agentive and fold(head.text) not in agentive:
        if noun.dep_ == "pobj" and fold(noun.head.text) in any_words("agent_prepositions"):
            verb = noun.head.head
            return fold(verb.lemma_) in agentive or fold(verb.text) in agentive
        return False
    if noun.dep_ in ("nsubj",) and not is_passive(head):
        # "dos rebeldes atacaron ... y resultaron muertos": the attackers died too
        for conj in (c for c in children_of(head) if c.dep_ == "conj"):
            if _kind_of(conj, lang) or any(_kind_of(c, lang) for c in children_of(conj)):
                return False
        return True
    return noun.dep_ in ("obl", "obl:agent") and preposition(noun) in any_words(
        "agent_prepositions"
    )


def _kind_for(tokens: list[Token], lang: str, action: str | None) -> str | None:
    """Kind from the counted noun, its governors, their predicates, then the event's action.

    Counts of places ("dos distritos") are not counts of people or convoys: None.
    """
    if not tokens:
        return None
    number = tokens[-1]
    noun = number.head if number.dep_ in ("nummod", "det", "quantmod", "amod") else number
    if fold(noun.lemma_) in attribution_cues(lang).place_nouns:
        return None
    not_counts = {fold(w) for w in load_numbers_lexicon(lang).get("not_counts", [])}
    if {fold(noun.lemma_), fold(noun.text)} & not_counts:  # "shot 20 times"
        return None
    if _is_perpetrator(noun, lang):
        return None
    for tok in [noun, *(c for c in children_of(noun) if c.dep_ in ("amod", "acl", "xcomp"))]:
        kind = _kind_of(tok, lang)
        if kind:
            return kind
    current = noun
    for _ in range(4):
        if current.head.i == current.i:
            break
        current = current.head
        kind = _kind_of(current, lang)
        if kind:
            return kind
        for pred in children_of(current):  # "resultaron muertos", "atacaron ... y murieron"
            predicate = pred.dep_ in ("xcomp", "conj", "acomp", "oprd") or (
                pred.dep_ == "obj" and pred.pos_ == "ADJ"  # "40 resultaron heridos" (parse)
            )
            if predicate and pred.i != noun.i:
                kind = _kind_of(pred, lang) or next(
                    (
                        k
                        for c in children_of(pred)
                        if c.dep_ in ("xcomp", "acomp", "oprd", "obj")
                        for k in [_kind_of(c, lang)]
                        if k
                    ),
                    None,
                )
                if kind:
                    return kind
    return ontology().kind_of_action(action)  # the count the event's own action implies


def _ranges(text: str, mentions: list[NumberMention], lang: str) -> list[NumberMention]:
    """Join "entre 16 y 25" / "between 16 and 25" / "16-25" into one count: 16, up to 25."""
    lex = load_numbers_lexicon(lang)
    joiners = {fold(w) for w in lex.get("range_joiners", [])}
    openers = {fold(w) for w in lex.get("range_openers", [])}
    # a dash, or a joiner the language uses with no opener ("16 a 25", "16 to 25")
    alone = {"-", "–"} | {fold(w) for w in lex.get("bare_range_joiners", [])}
    out: list[NumberMention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and not m.is_date_part and not nxt.is_date_part:
            gap = fold(text[m.end : nxt.start]).strip() or text[m.end : nxt.start].strip()
            before = fold(text[max(0, m.start - 12) : m.start]).split()
            opened = bool(before) and before[-1] in openers
            if gap in joiners and (opened or gap in alone):
                low, high = min(m.number.value, nxt.number.value), max(
                    m.number.value, nxt.number.value
                )
                joined = NumberValue(low, low, high, True, text[m.start : nxt.end])
                out.append(NumberMention(m.start, nxt.end, joined.text, joined, False))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


def _is_age(text: str, m: NumberMention, lang: str) -> bool:
    """An age, not a count: "aged 18-25", "a 22-year-old", "de 25 años"."""
    lex = load_numbers_lexicon(lang)
    before = fold(text[max(0, m.start - 20) : m.start]).split()
    after = fold(text[m.end : m.end + 20]).lstrip()
    if before and before[-1] in {fold(w) for w in lex.get("age_before", [])}:
        return True
    return any(after.startswith(fold(w)) for w in lex.get("age_after", []))


def _is_cumulative(tokens: list[Token], lang: str) -> bool:
    """A toll that sums many events ("bringing the toll to 300", "elevando a 300 el número de
    muertos", "un total de 300 muertos"): a cumulative verb or noun above the count."""
    heads = {fold(w) for w in load_numbers_lexicon(lang).get("cumulative_heads", [])}
    current = tokens[-1]
    for _ in range(CUMULATIVE_REACH):
        if current.head.i == current.i:
            return False
        current = current.head
        if fold(current.lemma_) in heads or fold(current.text) in heads:
            return True
    return False


def sentence_quantities(sent: Span, lang: str, action: str | None) -> list[tuple[int, Quantity]]:
    """Counts in `sent` (dates, durations and ages excluded), each with its kind and token
    index; a cumulative toll of deaths or wounded is not one event's count and is left out."""
    found: list[tuple[int, Quantity]] = []
    text = span_text(sent)
    mentions = _ranges(text, find_numbers(text, lang), lang)
    for m in mentions:
        if m.is_date_part or _is_age(text, m, lang):
            continue
        tokens = _tokens_at(sent, m.start, m.end)
        kind = _kind_for(tokens, lang, action)
        if kind is None or (kind in TOLL_KINDS and _is_cumulative(tokens, lang)):
            continue
        n = m.number
        quantity = Quantity(kind=kind, value=n.value, approx=n.approx, text=m.text, low=n.low,
                            high=n.high)
        found.append((tokens[-1].i, quantity))
    return found
