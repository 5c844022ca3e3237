"""How many: attach the numbers of a sentence to its events, with the kind of each count."""

from __future__ import annotations

from spacy.tokens import Span, Token

from cronica.record import Quantity
from cronica.resolve.numbers import NumberMention, find_numbers, quantity_kind

# The count an event's own action implies when nothing else names the kind.
ACTION_KIND = {
    "evacuation": "evacuated",
    "surrender": "surrendered",
    "arrest": "detained",
    "abduction": "detained",
    "massacre": "killed",
    "execution": "killed",
}
NOT_PEOPLE_KIND = "other"


def _tokens_at(sent: Span, start: int, end: int) -> list[Token]:
    return [
        t
        for t in sent
        if t.idx < sent.start_char + end and t.idx + len(t) > sent.start_char + start
    ]


def _kind_for(tokens: list[Token], sent: Span, lang: str, action: str | None) -> str | None:
    """Kind from the counted noun, then its governors, then the clause, then the action."""
    if not tokens:
        return None
    number = tokens[-1]
    noun = number.head if number.dep_ in ("nummod", "det", "quantmod", "amod") else number
    for tok in [noun, *list(noun.children)]:
        kind = quantity_kind(tok.lemma_, lang) or quantity_kind(tok.text, lang)
        if kind:
            return kind
    current = noun
    for _ in range(4):
        if current.head is current:
            break
        current = current.head
        kind = quantity_kind(current.lemma_, lang) or quantity_kind(current.text, lang)
        if kind:
            return kind
        for sibling in current.children:
            if sibling.dep_ in ("xcomp", "conj", "acl") and sibling.i != noun.i:
                kind = quantity_kind(sibling.lemma_, lang)
                if kind:
                    return kind
    for tok in noun.head.subtree:
        kind = quantity_kind(tok.lemma_, lang)
        if kind:
            return kind
    return ACTION_KIND.get(action or "")


def sentence_quantities(sent: Span, lang: str, action: str | None) -> list[Quantity]:
    """Counts in `sent` (dates and durations excluded), each with its kind."""
    found: list[Quantity] = []
    mentions: list[NumberMention] = find_numbers(sent.text, lang)
    for m in mentions:
        if m.is_date_part:
            continue
        tokens = _tokens_at(sent, m.start, m.end)
        kind = _kind_for(tokens, sent, lang, action)
        if kind is None:
            continue
        n = m.number
        found.append(
            Quantity(kind=kind, value=n.value, approx=n.approx, text=m.text, low=n.low, high=n.high)
        )
    return found
