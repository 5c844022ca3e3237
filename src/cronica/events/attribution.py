"""According to whom: sources and stances for the events of a sentence.

Stances: `reports` (a source relays the event), `claims` (an interested party — government or
armed group — asserts it, or any source asserts it against a version it denies), `denies`,
`accuses` (blames an actor, or condemns the event). "según X" and a verb of saying give `reports`,
and `claims` when X is an interested party (a belligerent's own assertion). A listed source is
named by its canonical name in the text's language; "la ONG", "la fuente" name the last source
of the document they can refer to.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Span, Token

from cronica.documents.zones.lines import is_headline
from cronica.events.arguments import ArgumentReader
from cronica.events.lexicon import attribution_cues, attribution_data, trigger_lemmas
from cronica.events.syntax import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    any_words,
    attachments,
    contractions,
    coordinated,
    entity_of,
    morph_values,
    phrase,
    preposition,
    sequence_starts,
    span_ents,
    subject_of,
)
from cronica.readings import children_of, paragraph, reading, span_text, tokens_of
from cronica.record import Actor, DetachedClaim
from cronica.text import fold, to_ascii

NUMBER_CLAIM = "+number-claim"  # rule suffix: "X puso el número en 728"

INTERESTED = {"government", "armed group"}
SPEAKER_LABELS = ("PER", "PERSON", "ORG")  # entity labels of who may speak (es, en models)
OPENING_QUOTES = {'"', "«", "“", "'"}
CLOSING_QUOTES = {'"', "»", "”", "'"}
_SIDE_OF_ACTOR_TYPE = {
    "State forces": "government",
    "Rebel group": "armed group",
    "Political militia": "armed group",
    "Identity militia": "armed group",
    "Identity militias": "armed group",
    "Political militias": "armed group",
    "Rebel groups": "armed group",
    "External/Other forces": "government",
}
SPAN_BREAKS = {",", "(", ";", ":", "—", "–"}


def is_armed(actor: Actor | None) -> bool:
    """An actor of a type that fights (state forces, rebels, militias): a party's own voice."""
    return actor is not None and _SIDE_OF_ACTOR_TYPE.get(actor.actor_type or "") is not None


@dataclass(frozen=True)
class ExtraCues:
    """Attribution cues beyond the shared lexicon (attribution_<lang>.yaml)."""

    hedge_sources: frozenset[str]
    accusation_nouns: frozenset[str]
    condemnation_words: frozenset[str]
    recipient_prepositions: frozenset[str]
    carrier_nouns: frozenset[str]


@lru_cache(maxsize=4)
def extra_cues(lang: str) -> ExtraCues:
    """Hedges, accusation nouns and condemnation words of a language."""
    data = attribution_data(lang)

    def words(name: str) -> frozenset[str]:
        return frozenset(fold(str(w)) for w in data.get(name) or ())

    return ExtraCues(words("hedge_sources"), words("accusation_nouns"),
                     words("condemnation_words"), words("recipient_prepositions"),
                     words("carrier_nouns"))


@dataclass
class SourceCue:
    """A source found in the text, the stance it takes and the tokens it governs."""

    source: str
    source_type: str
    stance: str
    scope: set[int]  # token indices of the triggers it speaks for
    span: tuple[int, int]  # clean-text offsets of the source phrase in the whole document
    accused: Actor | None = None
    co_accused: list[Actor] = field(default_factory=list)  # accused beside `accused`
    rule: str = ""
    generic: bool = False  # a bare head noun ("la ONG"): refers back to a named source


@dataclass
class AttributionState:
    """What carries across sentences of one document: the last speaker, detached claims."""

    last_source: SourceCue | None = None
    open_quote: SourceCue | None = None  # "X dijo:" whose words follow in the next sentence
    rules: list[str] = field(default_factory=list)
    detached: list[DetachedClaim] = field(default_factory=list)
    sentence: int = 0  # index of the next sentence `Attributor.attribute` sees
    named: list[SourceCue] = field(default_factory=list)  # the document's named sources


def stance_for(stance: str, source_type: str) -> str:
    """A party's report is a claim; what a monitor, an agency or a witness "claims" it
    reports (a claim is an interested party's)."""
    if stance == "reports" and source_type in INTERESTED:
        return "claims"
    if stance == "claims" and source_type not in INTERESTED:
        return "reports"
    return stance


def _document_span(span: Span) -> tuple[int, int]:
    """`span`'s offsets in the document's clean text: a paragraph is parsed as its own Doc
    (``Doc._.offset`` is where it starts), and a cue outlives its paragraph when a later
    sentence takes the last speaker ("…said…\\nHe added that…")."""
    offset = paragraph(span.doc).offset or 0
    return offset + span.start_char, offset + span.end_char


def _relative(word: Token) -> bool:
    """A relative pronoun ("que", "which", "who") heading its clause's subject."""
    return "Rel" in morph_values(word, "PronType") or (
        word.tag_ in ("WDT", "WP") and word.head.dep_ == "relcl"
    )


def _headline(sent: Span) -> bool:
    """The sentence is a whole line that reads as a headline (no final stop)."""
    doc = sent.doc  # (the tokens beside it, not doc.text: that rebuilds the paragraph)
    before = sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws
    after = sent.end == len(doc) or "\n" in sent[-1].whitespace_ + doc[sent.end].text
    return before and after and is_headline(span_text(sent).strip())


def _in_time(token: Token, sent: Span) -> bool:
    """Whether the token lies in one of the sentence's time expressions ("el 24 de febrero")."""
    at = token.idx - sent.start_char
    return any(m.start <= at < m.end for m in reading(sent).times or [])


def _named_in(token: Token, sent: Span) -> Token | None:
    """A person or organisation named in the phrase of a misparsed date subject ("El 24 de
    febrero, un libio identificado como Adel, dijo ..."): the speaker; else no one."""
    return next(
        (t for t in token.subtree
         if (t.ent_type_ in SPEAKER_LABELS or t.pos_ == "PROPN") and not _in_time(t, sent)),
        None,
    )  # fmt: skip


def _subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _scope_of(verb: Token) -> set[int]:
    """The verb's clause, less coordinated verbs (each of which speaks for itself)."""
    scope = _subtree_ids(verb) - {verb.i}
    for child in children_of(verb):
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            scope -= _subtree_ids(child)
    return scope


def quoted_before(verb: Token, sent: Span, reach: int = 6) -> set[int]:
    """Tokens of a quotation closed just before `verb` ('"…," X said', '«…», dijo X')."""
    marks = [t for t in tokens_of(sent) if t.text in OPENING_QUOTES | CLOSING_QUOTES]
    spans: list[tuple[int, int]] = []
    opened: Token | None = None
    for mark in marks:
        if opened is None and mark.text in OPENING_QUOTES:
            opened = mark
        elif opened is not None and mark.text in CLOSING_QUOTES:
            spans.append((opened.i, mark.i))
            opened = None
    for start, end in reversed(spans):
        if end < verb.i and verb.i - end <= reach:
            return set(range(start + 1, end))
    return set()


class Attributor:
    """Finds "según X", "X dijo/negó/culpó a Y", "X puso el número en N" in a sentence."""

    def __init__(self, reader: ArgumentReader) -> None:
        self.reader = reader
        self.cues = attribution_cues(reader.lang)
        self.extra = extra_cues(reader.lang)

    def source_type(self, text: str) -> str:
        """Type from the source table; an unlisted military or armed group by its actor type."""
        source_type = self.reader.actors.source_type(text, self.reader.lang)
        if source_type != "unnamed":
            return source_type
        actor = self.reader.actors.resolve(text, self.reader.lang)
        side = _SIDE_OF_ACTOR_TYPE.get(actor.actor_type or "") if actor else None
        return side or source_type

    def _span(self, source_tok: Token) -> Span:
        """The source phrase: a name, or the noun phrase up to a comma or parenthesis
        ("un médico de Misrata, citado por ..." -> "médico de Misrata")."""
        ent = entity_of(source_tok)
        use_ent = ent is not None and not any(t.pos_ in ("VERB", "AUX") for t in ent)
        span = ent if use_ent and ent is not None else phrase(source_tok)
        doc = span.doc
        end = next((t.i for t in tokens_of(span) if t.i > source_tok.i and t.text in SPAN_BREAKS),
                   span.end)
        start = span.start
        dets = [t.i for t in tokens_of(span) if start < t.i < source_tok.i and t.pos_ == "DET"]
        if dets:  # "por otro lado los opositores": the phrase starts at its last article
            start = dets[-1]
        span = doc[start:end]
        while len(span) > 1 and span[-1].dep_ == "case":  # "the Observatory's": no "'s"
            span = span[:-1]
        while len(span) > 1 and (
            span[0].pos_ in ("ADP", "DET")
            or fold(span[0].text) in {w for seq in self.cues.according_to for w in seq}
        ):
            span = span[1:]
        if len(span) == 1 and span.start > 0 and doc[span.start - 1].text in ("-", "‐"):
            span = phrase(source_tok)
        return span

    def owner(self, noun: Token) -> Token:
        """Whose word a carrier noun is ("la información entregada por el Observatorio",
        "una declaración de la cancillería", "the Observatory's figures"): the first noun
        after a genitive or agent preposition, or a possessor, inside its phrase, that names
        a source; else itself."""
        if fold(noun.lemma_) not in self.extra.carrier_nouns:
            return noun
        linking = any_words("genitive_prepositions") | any_words("agent_prepositions")
        for tok in noun.subtree:
            if tok.i == noun.i or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            prep = preposition(tok)
            if tok.dep_ != "poss" and contractions().get(prep or "", prep) not in linking:
                continue
            named = tok.pos_ == "PROPN" or self.reader.actors.source_type(
                phrase(tok).text, self.reader.lang) != "unnamed"
            if named:  # "el balance de muertos": no owner
                return tok
        return noun

    def _cue(self, source_tok: Token, stance: str, scope: set[int], rule: str) -> SourceCue:
        source_tok = self.owner(source_tok)
        span = self._span(source_tok)
        text = span.text
        source_type = self.source_type(text)
        name = self.reader.actors.source_name(text, self.reader.lang)
        content = [t for t in tokens_of(span) if t.pos_ not in ("DET", "ADP", "PUNCT")]
        plural = "Plur" in morph_values(source_tok, "Number")
        return SourceCue(
            source=name or text,
            source_type=source_type,
            stance=stance_for(stance, source_type),
            scope=scope,
            span=_document_span(span),
            rule=rule,
            generic=name is None
            and len(content) == 1
            and (content[0].pos_ == "NOUN"  # "la fuente"; a name ("Alemania") is no head noun
                 or (content[0].pos_ == "PROPN" and source_type != "unnamed"))  # "el Observatorio"
            and not plural,
        )

    def _mentioned(self, sent: Span, state: AttributionState) -> None:
        """Listed sources named in a sentence ("El OSDH documentó ..."): what a later "la ONG"
        refers to, even when this sentence attributes nothing."""
        names = [
            *span_ents(sent),
            *(
                sent[t.i - sent.start : t.i - sent.start + 1]
                for t in tokens_of(sent)
                if t.pos_ == "PROPN" and not t.ent_type_
            ),
        ]
        for mention in names:
            text = span_text(mention)
            name = self.reader.actors.source_name(text, self.reader.lang)
            if name is not None:
                stype = self.reader.actors.source_type(text, self.reader.lang)
                state.named.append(
                    SourceCue(name, stype, "reports", set(), _document_span(mention),
                              rule="mention")  # fmt: skip
                )

    def _refer_back(self, cue: SourceCue, state: AttributionState) -> None:
        """ "la ONG", "el observatorio", "la fuente": the last named source of that kind
        ("la organización": of the types sources.yaml lets it name)."""
        if not cue.generic:
            return
        kinds = self.reader.actors.referred_source_types(cue.source)
        for prev in reversed(state.named):
            if kinds is not None and prev.source_type not in kinds:
                continue
            if cue.source_type in ("unnamed", prev.source_type):
                cue.source, cue.source_type = prev.source, prev.source_type
                if cue.stance == "reports":
                    cue.stance = stance_for("reports", prev.source_type)
                cue.rule += "+refers-back"
                return

    def _belligerent(self, noun: Token) -> bool:
        """ "según el Ejército", "according to the Turkish military": the armed actor itself
        asserts (a claim); its officials and the outlets relaying them report."""
        if self.reader.actors.resolve(noun.text, self.reader.lang) is None:
            return False  # "un funcionario rebelde": a person, not the group
        actor = self.reader.actors.resolve(self._span(noun).text, self.reader.lang)
        return is_armed(actor)

    def _hedge(self, noun: Token) -> bool:
        """ "según los informes", "according to reports": reportedly, not a source."""
        if fold(noun.lemma_) not in self.extra.hedge_sources:
            return False
        return not any(t.pos_ == "PROPN" for t in noun.subtree)

    def according_to(self, sent: Span, all_ids: set[int]) -> list[SourceCue]:
        """ "según X", "de acuerdo con X", "according to X": the whole clause it sits in."""
        found: list[SourceCue] = []
        # A word's folding is part of its sentence's: a cue whose words the folded sentence
        # does not hold is in none of its words (most sentences hold no cue's words).
        said = to_ascii(span_text(sent)).casefold()
        cues = [seq for seq in self.cues.according_to if all(w in said for w in seq)]
        if not cues:
            return found
        words = [fold(t.text) for t in tokens_of(sent)]
        present = set(words)
        for seq in cues:
            if not present.issuperset(seq):
                continue
            for i in sequence_starts(words, seq):
                last = sent[i + len(seq) - 1]
                noun = self._source_noun(last, sent)
                if noun is not None and not self._hedge(noun):
                    cue = self._cue(noun, "reports", set(all_ids), "source:according-to")
                    own = self._belligerent(noun) or self.reader.actors.side_voice(
                        self._span(noun).text)  # fmt: skip
                    cue.stance = "claims" if own else "reports"
                    found.append(cue)
        return found

    @staticmethod
    def _source_noun(cue_end: Token, sent: Span) -> Token | None:
        """The source after "según": a noun, or the subject of a verb ("según indicó el
        Observatorio", "según ha informado X"), never the verb."""
        if cue_end.dep_ in ("case", "fixed", "mark") and cue_end.head.i > cue_end.i:
            head = cue_end.head
            while head.dep_ == "fixed" and head.head.i > head.i:
                head = head.head
            if head.pos_ in ("VERB", "AUX"):
                subj = next((c for c in children_of(head) if c.dep_ in SUBJECT_DEPS), None)
                after = [t for t in tokens_of(sent) if t.i > head.i and t.pos_ in ("NOUN", "PROPN")]
                return subj or (after[0] if after else None)
            return head
        for child in children_of(cue_end):
            if child.dep_ == "pobj":
                return child
        nxt = [t for t in tokens_of(sent) if t.i > cue_end.i and t.pos_ in ("NOUN", "PROPN")]
        return nxt[0] if nxt else None

    def _accusation_object(self, verb: Token) -> Token | None:
        """The accusation noun a denial or accusation verb takes ("negó la acusación")."""
        for _, noun in attachments(verb, self.reader.lang):
            if noun.dep_ in OBJECT_DEPS and fold(noun.lemma_) in self.extra.accusation_nouns:
                return noun
        return None

    def _accuser(self, noun: Token) -> SourceCue | None:
        """Who made an accusation: "la acusación del Ejército", "the army's accusation"."""
        for child in children_of(noun):
            if child.dep_ in ("nmod", "poss", "compound") and child.pos_ in ("NOUN", "PROPN"):
                return self._cue(child, "accuses", set(), "source:accusation-owner")
        return None

    def _detach(self, verb: Token, cue: SourceCue, state: AttributionState) -> bool:
        """Record "X negó la acusación de Y" for the accused event; True when detached."""
        noun = self._accusation_object(verb)
        if noun is None:
            return False
        state.detached.append(
            DetachedClaim(cue.source, cue.source_type, cue.stance, state.sentence)
        )
        owner = self._accuser(noun)
        if owner is not None:
            state.detached.append(
                DetachedClaim(owner.source, owner.source_type, "accuses", state.sentence)
            )
        return True

    def _condemns(self, scope: set[int], sent: Span) -> bool:
        condemning = self.extra.condemnation_words
        return any(fold(t.text) in condemning for t in tokens_of(sent) if t.i in scope)

    def speech(self, sent: Span, state: AttributionState) -> list[SourceCue]:
        """Speech and accusation verbs with their subjects (or the last speaker)."""
        found: list[SourceCue] = []
        for tok in tokens_of(sent):
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            lemma = fold(tok.lemma_)
            stance = self.cues.stance_of_verb.get(lemma)
            number_claim = any(
                lemma == verb and any(fold(c.lemma_) in objs for c in children_of(tok))
                for verb, objs in self.cues.number_claims
            )
            if stance is None and not number_claim:
                continue
            quoted = quoted_before(tok, sent) if stance == "reports" else set()
            if number_claim:
                stance = "claims"
            elif stance is None or (not quoted and not self._speaks(tok, stance)):
                continue
            subject = subject_of(tok)
            if subject is not None and _relative(subject):
                subject = self._antecedent(tok)  # "un cohete que muestra …": the rocket
                if subject is None:
                    continue
            if subject is not None and _in_time(subject, sent):  # "El 24 de febrero, un
                subject = _named_in(subject, sent)  # libio, Adel, dijo": a parse slip
            if subject is None:  # "…, indicó una declaración de X": a parse slip on the subject
                subject = next((c for c in children_of(tok) if c.dep_ in OBJECT_DEPS
                                and self.owner(c) is not c), None)
            scope = _scope_of(tok) | quoted
            if number_claim:
                scope = set(range(sent.start, sent.end))
            if subject is not None and subject.i in scope:
                scope -= _subtree_ids(subject)
            impersonal = any(fold(c.text) in any_words("impersonal_pronouns")
                             for c in children_of(tok))
            if subject is None and impersonal:
                continue
            cue = self._speaker(tok, subject, stance, scope, found, state)
            if cue is None:
                continue
            if number_claim:
                cue.rule += NUMBER_CLAIM
            if cue.stance in ("denies", "accuses") and self._detach(tok, cue, state):
                cue.scope = set()
                cue.rule = "source:detached"
            elif (
                cue.stance == "reports"
                and cue.source_type not in INTERESTED
                and (self._condemns(scope, sent))
            ):
                cue.stance = "accuses"
                cue.rule += "+condemns"
            found.append(cue)
            found.extend(self._told(tok, cue))
            found.extend(self._co_speakers(tok, subject, cue, state))
        return found

    def _co_speakers(
        self, verb: Token, subject: Token | None, cue: SourceCue, state: AttributionState
    ) -> list[SourceCue]:
        """The speakers coordinated with the subject say it too ("Obama y Merkel condenan",
        "Obama and Merkel condemned"), each with the stance its own type gives."""
        if subject is None or subject.pos_ == "PRON":
            return []
        co = []
        for other in subject.conjuncts:
            if other.pos_ not in ("NOUN", "PROPN") or other.i not in _subtree_ids(subject):
                continue
            found = self._speaker(verb, other, cue.stance, cue.scope, [], state)
            if found is not None and found.source != cue.source:
                co.append(replace(found, stance=stance_for(cue.stance, found.source_type)))
        return co

    def _told(self, verb: Token, cue: SourceCue) -> list[SourceCue]:
        """The outlet a speaker spoke to also reports ("declaró a la AFP", "told Reuters"):
        a listed media source as the verb's object or after a recipient preposition."""
        told = []
        for prep, noun in attachments(verb, self.reader.lang):
            to_it = prep in self.extra.recipient_prepositions or (
                prep is None and noun.dep_ in (*OBJECT_DEPS, "iobj")
            )
            if not to_it or noun.pos_ not in ("NOUN", "PROPN"):
                continue
            text = self._span(noun).text
            if self.reader.actors.source_type(text, self.reader.lang) != "media":
                continue
            if self.reader.actors.source_name(text, self.reader.lang) is None:
                continue
            told.append(replace(self._cue(noun, "reports", cue.scope, "source:told"),
                                accused=None, co_accused=[]))
        return told

    def _speaker(
        self,
        verb: Token,
        subject: Token | None,
        stance: str,
        scope: set[int],
        found: list[SourceCue],
        state: AttributionState,
    ) -> SourceCue | None:
        """The cue of a speech verb: its subject, the verb it is coordinated with, or the
        last named speaker ("Dijo que …", "Añadió que …")."""
        if subject is not None and subject.pos_ == "PRON" and state.last_source is not None:
            subject = None  # "Dijo que …", "He said that …": the last named speaker
        if subject is None:
            if verb.dep_ == "conj" and found:
                cue = replace(found[-1], scope=scope, accused=None, co_accused=[])
                cue.stance = stance_for(stance, cue.source_type)
                cue.rule = "source:conjoined-verb"
                return cue
            if state.last_source is not None and not any(
                c.dep_ in PASSIVE_SUBJECT_DEPS for c in children_of(verb)
            ):
                prev = state.last_source
                return SourceCue(
                    prev.source,
                    prev.source_type,
                    stance_for(stance, prev.source_type),
                    scope,
                    prev.span,
                    rule="source:previous-sentence",
                )
            return None
        if self.reader.actors.source_type(phrase(subject).text, self.reader.lang) is None:
            return None
        cue = self._cue(subject, stance, scope, f"source:speech-verb:{fold(verb.lemma_)}")
        if stance == "accuses":
            accused = self._accused(verb)
            cue.accused, cue.co_accused = (accused[0] if accused else None), accused[1:]
        return cue

    def _antecedent(self, verb: Token) -> Token | None:
        """The noun a relative clause's speech verb hangs on, when it can speak: a named
        person or organisation, or a source the dictionary knows ("la ONG, que informó")."""
        relative = verb.dep_.startswith("acl") or verb.dep_ == "relcl"
        noun = verb.head if relative and verb.i != verb.head.i else None
        if noun is None:
            return None
        if noun.ent_type_ and entity_of(noun) is not None:
            return noun
        text = self._span(noun).text
        return noun if self.source_type(text) != "unnamed" else None

    def _speaks(self, verb: Token, stance: str) -> bool:
        """A speech verb used as one: it has a clause, a quote, (deny/accuse) an object, or an
        event in what it tells of ("X informó de un ataque", "X reported an air strike", "la
        televisión mostró imágenes de manifestantes", "TV showed footage of protesters")."""
        deps = {c.dep_ for c in children_of(verb)}
        if deps & {"ccomp", "parataxis", "xcomp", "csubj"}:
            return True
        following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
        if following is not None and following.text in (":", '"', "«", "“"):
            return True
        if stance in ("denies", "accuses"):
            return bool(deps & (OBJECT_DEPS | {"obl", "iobj"}))
        events = trigger_lemmas(self.reader.lang)
        return any(
            fold(told.lemma_) in events and told.pos_ == "NOUN"
            for prep, noun in attachments(verb, self.reader.lang)
            if noun.dep_ in OBJECT_DEPS or prep in any_words("topic_prepositions")
            for told in noun.subtree
        )

    def _accused(self, verb: Token) -> list[Actor]:
        """Who is accused: the object of the accusation verb and the actors coordinated with it
        ("acusaron al Gobierno de Damasco y a su aliado, Moscú, de lanzar ...": both)."""
        markers = (*any_words("object_markers"), None)
        for prep, noun in attachments(verb, self.reader.lang):
            if noun.dep_ in OBJECT_DEPS or prep in markers:
                actor = self.reader.actor_of(noun)
                if actor is not None:
                    found = [actor]
                    for item in coordinated(noun)[1:]:
                        other = self.reader.actor_of(item)
                        if other is not None and other.canonical and all(
                                other.canonical != a.canonical for a in found):
                            found.append(other)
                    return found
        return []

    @staticmethod
    def _counter_claims(cues: list[SourceCue]) -> None:
        """What a source asserts while denying another version is a claim, not a report."""
        deniers = {c.source for c in cues if c.stance == "denies"}
        for cue in cues:
            if cue.source in deniers and cue.stance == "reports":
                cue.stance = "claims"
                cue.rule += "+counter-claim"

    def attribute(
        self,
        sent: Span,
        trigger_ids: list[int],
        state: AttributionState,
        index: int | None = None,
    ) -> dict[int, list[SourceCue]]:
        """Claims for each trigger of `sent` (keyed by trigger token index).

        `index` is the sentence's index in the document; by default the count of sentences
        attributed so far (the pipeline calls this once per sentence, in order).
        """
        if index is not None:
            state.sentence = index
        all_ids = set(range(sent.start, sent.end))  # the tokens' indices, none made
        cues = self.according_to(sent, all_ids) + self.speech(sent, state)
        self._counter_claims(cues)
        if not cues and state.open_quote is not None:
            quote = state.open_quote
            cues = [replace(quote, scope=all_ids, rule="source:quoted-after-colon")]
        state.open_quote = None
        out: dict[int, list[SourceCue]] = {i: [] for i in trigger_ids}
        for cue in cues:
            covered = [i for i in trigger_ids if i in cue.scope]
            if not covered and cue.stance == "accuses" and cue.rule != "source:detached":
                covered = list(trigger_ids)  # "…se suspendió, y X culpó a Y": blame for it
                cue.rule += "+sentence-event"
            for i in covered:
                if all((c.source, c.stance) != (cue.source, cue.stance) for c in out[i]):
                    out[i].append(cue)  # "OSDH" and "el Observatorio" are one claim
            if not covered and span_text(sent).rstrip().endswith((":", ':"', ": «", ":«")):
                state.open_quote = cue
        headline = _headline(sent)  # "ONG denuncia …": the source its story names next
        for cue in cues:
            if cue.rule != "source:previous-sentence" and not headline:
                self._refer_back(cue, state)
            if not trigger_ids and cue.rule.endswith(NUMBER_CLAIM):
                # "SANA rebajó el número de muertos a seis": a figure for an event told before
                state.detached.append(
                    DetachedClaim(cue.source, cue.source_type, cue.stance, state.sentence)
                )
        self._mentioned(sent, state)
        named = [c for c in cues if c.rule != "source:previous-sentence"]
        if named:
            state.last_source = named[-1]
        state.named.extend(c for c in named if not c.generic)
        state.sentence += 1
        return out
