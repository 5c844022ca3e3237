"""According to whom: sources and stances for the events of a sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from cronica.events.arguments import ArgumentReader
from cronica.events.lexicon import attribution_cues, fold
from cronica.events.syntax import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    attachments,
    entity_of,
    phrase,
)
from cronica.record import Actor

INTERESTED = {"government", "armed group"}


@dataclass
class SourceCue:
    """A source found in the text, the stance it takes and the tokens it governs."""

    source: str
    source_type: str
    stance: str
    scope: set[int]  # token indices of the triggers it speaks for
    span: tuple[int, int]  # char offsets of the source phrase (in the parsed text)
    accused: Actor | None = None
    rule: str = ""


@dataclass
class AttributionState:
    """What carries across sentences of one document: the last speaker."""

    last_source: SourceCue | None = None
    open_quote: SourceCue | None = None  # "X dijo:" whose words follow in the next sentence
    rules: list[str] = field(default_factory=list)


def _stance_for(stance: str, source_type: str) -> str:
    if stance == "reports" and source_type in INTERESTED:
        return "claims"
    return stance


def _subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


class Attributor:
    """Finds "según X", "X dijo/negó/culpó a Y", "X puso el número en N" in a sentence."""

    def __init__(self, reader: ArgumentReader) -> None:
        self.reader = reader
        self.cues = attribution_cues(reader.lang)

    def _cue(self, source_tok: Token, stance: str, scope: set[int], rule: str) -> SourceCue:
        span = entity_of(source_tok) or phrase(source_tok)
        while len(span) > 1 and (
            span[0].pos_ in ("ADP", "DET")
            or fold(span[0].text) in {w for seq in self.cues.according_to for w in seq}
        ):
            span = span[1:]
        if len(span) == 1 and span.start > 0 and span.doc[span.start - 1].text in ("-", "‐"):
            span = phrase(source_tok)
        text = span.text
        source_type = self.reader.actors.source_type(text, self.reader.lang)
        return SourceCue(
            source=text,
            source_type=source_type,
            stance=_stance_for(stance, source_type),
            scope=scope,
            span=(span.start_char, span.end_char),
            rule=rule,
        )

    def according_to(self, sent: Span, all_ids: set[int]) -> list[SourceCue]:
        """ "según X", "de acuerdo con X", "according to X": the whole clause it sits in."""
        found = []
        words = [fold(t.text) for t in sent]
        for seq in self.cues.according_to:
            n = len(seq)
            for i in range(len(words) - n + 1):
                if tuple(words[i : i + n]) != seq:
                    continue
                last = sent[i + n - 1]
                noun = self._source_noun(last, sent)
                if noun is not None:
                    found.append(self._cue(noun, "reports", set(all_ids), "source:according-to"))
        return found

    @staticmethod
    def _source_noun(cue_end: Token, sent: Span) -> Token | None:
        if cue_end.dep_ in ("case", "fixed", "mark") and cue_end.head.i > cue_end.i:
            head = cue_end.head
            while head.dep_ == "fixed" and head.head.i > head.i:
                head = head.head
            return head
        for child in cue_end.children:
            if child.dep_ == "pobj":
                return child
        nxt = [t for t in sent if t.i > cue_end.i and t.pos_ in ("NOUN", "PROPN")]
        return nxt[0] if nxt else None

    def speech(self, sent: Span, state: AttributionState) -> list[SourceCue]:
        """Speech and accusation verbs with their subjects (or the last speaker)."""
        found = []
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            lemma = fold(tok.lemma_)
            stance = self.cues.stance_of_verb.get(lemma)
            number_claim = any(
                lemma == verb and any(fold(c.lemma_) in objs for c in tok.children)
                for verb, objs in self.cues.number_claims
            )
            if stance is None and not number_claim:
                continue
            if not number_claim and not self._speaks(tok, stance):
                continue
            if number_claim:
                stance = "claims"
            subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
            scope = _subtree_ids(tok) - {tok.i}
            if number_claim:
                scope = {t.i for t in sent}
            if subject is not None and subject.i in scope:
                scope -= _subtree_ids(subject)
            impersonal = any(fold(c.text) == "se" for c in tok.children)
            if subject is None and impersonal:
                continue
            if subject is None:
                if tok.dep_ == "conj" and found:
                    cue = SourceCue(**{**found[-1].__dict__, "scope": scope})
                    cue.stance = _stance_for(stance, cue.source_type)
                    cue.rule = "source:conjoined-verb"
                    found.append(cue)
                elif state.last_source is not None and not any(
                    c.dep_ in PASSIVE_SUBJECT_DEPS for c in tok.children
                ):
                    prev = state.last_source
                    found.append(
                        SourceCue(
                            prev.source,
                            prev.source_type,
                            _stance_for(stance, prev.source_type),
                            scope,
                            prev.span,
                            rule="source:previous-sentence",
                        )
                    )
                continue
            if self.reader.actors.source_type(phrase(subject).text, self.reader.lang) is None:
                continue
            cue = self._cue(subject, stance, scope, f"source:speech-verb:{lemma}")
            if stance == "accuses":
                cue.accused = self._accused(tok)
            found.append(cue)
        return found

    @staticmethod
    def _speaks(verb: Token, stance: str) -> bool:
        """A speech verb used as one: it has a clause, a quote or (deny/accuse) an object."""
        deps = {c.dep_ for c in verb.children}
        if deps & {"ccomp", "parataxis", "xcomp", "csubj"}:
            return True
        following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if following is not None and following.text in (":", '"', "«", "“"):
            return True
        return stance in ("denies", "accuses") and bool(deps & (OBJECT_DEPS | {"obl", "iobj"}))

    def _accused(self, verb: Token) -> Actor | None:
        for prep, noun in attachments(verb):
            if noun.dep_ in OBJECT_DEPS or prep in ("a", None):
                actor = self.reader.actor_of(noun)
                if actor is not None:
                    return actor
        return None

    def attribute(
        self, sent: Span, trigger_ids: list[int], state: AttributionState
    ) -> dict[int, list[SourceCue]]:
        """Claims for each trigger of `sent` (keyed by trigger token index)."""
        all_ids = {t.i for t in sent}
        cues = self.according_to(sent, all_ids) + self.speech(sent, state)
        if not cues and state.open_quote is not None:
            quote = state.open_quote
            cues = [
                SourceCue(
                    quote.source,
                    quote.source_type,
                    quote.stance,
                    all_ids,
                    quote.span,
                    rule="source:quoted-after-colon",
                )
            ]
        state.open_quote = None
        out: dict[int, list[SourceCue]] = {i: [] for i in trigger_ids}
        for cue in cues:
            covered = [i for i in trigger_ids if i in cue.scope]
            for i in covered:
                out[i].append(cue)
            if not covered and sent.text.rstrip().endswith((":", ':"', ": «", ":«")):
                state.open_quote = cue
        named = [c for c in cues if c.rule != "source:previous-sentence"]
        if named:
            state.last_source = named[-1]
        return out
