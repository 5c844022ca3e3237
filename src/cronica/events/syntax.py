"""Language-neutral views of a spaCy dependency parse (UD and ClearNLP labels); the words they
look for come from the language packs (``words.yaml``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache

from spacy.symbols import PROPN  # type: ignore[import-not-found]
from spacy.tokens import Doc, MorphAnalysis, Span, Token

from cronica.lang import LanguagePack, pack, packs
from cronica.readings import children_of, paragraph, sentence_of
from cronica.text import fold


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per parsed paragraph: spaCy builds every entity's Span again
    at each `doc.ents` (and `span.ents`), and cronica asks for a sentence's names dozens of
    times. The entities are final once the model (and cronica's ruler) has run. Kept in the
    paragraph's record (`Paragraph.entities`)."""
    record = paragraph(doc)
    found = record.entities
    if found is None:
        found = record.entities = tuple(doc.ents)
    return found


def span_ents(span: Span) -> list[Span]:
    """`span.ents` (the entities inside the span) from `doc_ents`."""
    return [e for e in doc_ents(span.doc) if span.start <= e.start and e.end <= span.end]


def morph_values(token: Token, field: str) -> tuple[str, ...]:
    """The values of one morphological feature of a token ("Tense" -> ("Past",)), in the
    order `token.morph.get(field)` gives them; none: (). Read once per distinct analysis:
    spaCy's `get` looks the feature's strings up anew at each call (about 2.8 microseconds),
    and the rules ask a verb's tense and mood again and again."""
    analysis = token.morph
    found = _MORPHS.get(analysis)  # hashed and compared by its key
    if found is None:
        values: dict[str, list[str]] = {}
        for feature in analysis:  # "Field=Value", one per value
            name, _, value = feature.partition("=")
            values.setdefault(name, []).append(value)
        if len(_MORPHS) >= MAX_MORPHS:
            _MORPHS.clear()
        found = _MORPHS[analysis] = {k: tuple(v) for k, v in values.items()}
    return found.get(field, ())


MAX_MORPHS = 10_000  # distinct analyses kept (a model has a few hundred)
_MORPHS: dict[MorphAnalysis, dict[str, tuple[str, ...]]] = {}


SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "nsubj:pass", "csubjpass"}
OBJECT_DEPS = {"obj", "dobj"}
NOMINAL_DEPS = {"obl", "nmod", "obj", "iobj", "obl:arg", "obl:agent", "dobj", "dative", "npadvmod"}
NP_KEEP_DEPS = {
    "det",
    "amod",
    "flat",
    "compound",
    "nmod",
    "appos",
    "nummod",
    "case",
    "poss",
    "fixed",
    "flat:name",
    "quantmod",
    "nmod:poss",
    "pobj",
    "prep",
}
PLACE_LABELS = {"PLACE", "LOC", "GPE", "FAC"}
ACTOR_LABELS = {"ACTOR", "ORG", "PER", "PERSON", "NORP"}


def is_kicker(tok: Token) -> bool:
    """A label opening a headline before a colon ("Siria: Rusia niega …"): the section it
    files the story under, not an argument of the verb the parser hung it on."""
    sent = sentence_of(tok)
    right = tok.right_edge.i + 1
    return tok.left_edge.i == sent.start and right < sent.end and tok.doc[right].text == ":"


def subject_of(verb: Token) -> Token | None:
    """The verb's subject; a headline's label before a colon is none ("Siria: Rusia niega")."""
    subjects = [c for c in children_of(verb) if c.dep_ in SUBJECT_DEPS]
    return next((c for c in subjects if not is_kicker(c)), None)


@cache
def _pack_words(found: LanguagePack, group: str) -> frozenset[str]:
    return found.words(group)


@cache
def _union_words(chosen: tuple[LanguagePack, ...], group: str) -> frozenset[str]:
    return frozenset().union(*(_pack_words(p, group) for p in chosen))


@cache
def _union_contractions(chosen: tuple[LanguagePack, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for found in chosen:
        table = found.lexicon("words").get("contractions") or {}
        out.update({fold(str(k)): fold(str(v)) for k, v in table.items()})
    return out


def words(lang: str, group: str) -> frozenset[str]:
    """The folded words of `group` in the pack of `lang` (empty when the pack lacks it)."""
    return _kept_words(lang, group)


def any_words(group: str) -> frozenset[str]:
    """The folded words of `group` in every language pack, for helpers that read any language."""
    return _kept_words(None, group)


# Word sets by (language, group), None as the language for every pack's, as read from the
# packs registered now (`_WORDS_FROM`); read again when a pack is registered at run time. The
# rules ask at nearly every word: a key of two strings is found faster than the packs.
_WORDS: dict[tuple[str | None, str], frozenset[str]] = {}
_WORDS_FROM: list[Mapping[str, LanguagePack]] = []


def _kept_words(lang: str | None, group: str) -> frozenset[str]:
    current = packs()
    if not _WORDS_FROM or _WORDS_FROM[0] is not current:
        _WORDS.clear()
        _WORDS_FROM[:] = [current]
    found = _WORDS.get((lang, group))
    if found is None:
        found = _WORDS[(lang, group)] = (
            _pack_words(pack(lang), group) if lang is not None
            else _union_words(tuple(current.values()), group))
    return found


def contractions() -> dict[str, str]:
    """Preposition + article contractions of every pack, to the preposition ("del" -> "de")."""
    return _union_contractions(tuple(packs().values()))


def sequence_starts(words: list[str], sequence: tuple[str, ...]) -> Iterator[int]:
    """Where `sequence` starts in `words` (a sentence's folded words), left to right."""
    size = len(sequence)
    for at in range(len(words) - size + 1):
        if tuple(words[at : at + size]) == sequence:
            yield at


def key(token: Token) -> frozenset[str]:
    """Keys a lexicon entry may match: folded lemma and folded form, and for a participle
    the model tagged as an adjective, the verbs it may come from ("reprimidos" ->
    "reprimir"; the pack's `participle_infinitives`).

    Kept by what decides them (language, lemma, form, part of speech, and for a name
    whether it may be misread): trigger detection asks for every word of every sentence,
    and a run meets the same words again and again."""
    pos = token.pos
    decided = (token.lang, token.lemma, token.orth, pos,
               pos == PROPN and misread_name(token))  # fmt: skip
    found = _KEYS.get(decided)
    if found is None:
        if len(_KEYS) >= MAX_KEYS:
            _KEYS.clear()
        found = _KEYS[decided] = _key(token)
    return found


MAX_KEYS = 50_000  # words' keys kept before starting afresh (about 400 bytes each: 20 MB)
_KEYS: dict[tuple[int, int, int, int, bool], frozenset[str]] = {}


def _key(token: Token) -> frozenset[str]:
    """`key`, worked out."""
    keys = {fold(token.lemma_), fold(token.text)}
    if token.pos_ == "ADJ":
        keys.update(_infinitives(token.doc.lang_, fold(token.text)))
    elif misread_name(token):  # "Rockets fell": a plural read as a name
        keys.update(_singulars(token.doc.lang_, fold(token.text)))
    return frozenset(keys)


def misread_name(token: Token) -> bool:
    """A capitalised word opening a sentence that the parser took for a name with no entity
    ("Rockets also fell on ..."): maybe a common noun."""
    return token.pos_ == "PROPN" and bool(token.is_sent_start) and not token.ent_type_


def _singulars(lang: str, form: str) -> set[str]:
    """The singulars a plural noun may have by the pack's `plural_endings` ("rockets",
    "cohetes" -> "rocket", "cohete"; "clashes" -> "clash"), for a word the parser took for a
    name, which keeps its form."""
    endings = pack(lang).word_list("plural_endings") if lang in packs() else []
    return {form[: -len(e)] for e in endings if form.endswith(e) and len(form) > len(e) + 2}


def _infinitives(lang: str, form: str) -> tuple[str, ...]:
    for ending, verb_endings in _participle_endings(lang):
        if form.endswith(ending) and len(form) > len(ending) + 2:
            stem = form[: -len(ending)]
            return tuple(stem + v for v in verb_endings)
    return ()


@cache
def _participle_endings(lang: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(participle ending, infinitive endings), longest ending first."""
    if lang not in packs():
        return ()
    table = pack(lang).lexicon("words").get("participle_infinitives") or {}
    pairs = [(fold(str(k)), tuple(fold(str(v)) for v in vs)) for k, vs in table.items()]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def preposition(token: Token) -> str | None:
    """The preposition that introduces a nominal: Spanish `case` child or English `prep` head."""
    if token.dep_ == "pobj" or (token.head.dep_ == "agent" and token.dep_ == "pobj"):
        return fold(token.head.text)
    cases = [c for c in children_of(token) if c.dep_ in ("case", "fixed") and c.i < token.i
             and not _name_article(c, token)]  # fmt: skip
    if cases:
        table = contractions()
        found = [table.get(fold(c.text), fold(c.text)) for c in cases]
        return " ".join(found)
    return None


def _name_article(case: Token, name: Token) -> bool:
    """A capitalised word right before a name, inside the sentence, that the parser took for a
    preposition: the name's own article ("por Al Nusra": "Al" is part of the name)."""
    return (name.pos_ == "PROPN" and case.i == name.i - 1 and case.text[:1].isupper()
            and not case.is_sent_start)  # fmt: skip


def attachments(token: Token, lang: str) -> Iterator[tuple[str | None, Token]]:
    """(preposition or None, nominal) pairs governed by `token`; an `agent` child counts as the
    first of the pack's agent prepositions, whatever its text."""
    agent_word = next(iter(pack(lang).word_list("agent_prepositions")), None)
    for child in children_of(token):
        if child.dep_ in ("prep", "agent"):
            marker = fold(child.text)
            if child.dep_ == "agent" and agent_word is not None:
                marker = fold(agent_word)
            for grand in children_of(child):  # an actor's name read as a clause ("by IS ...")
                if grand.dep_ == "pobj" or (grand.dep_ == "pcomp" and grand.ent_type_ == "ACTOR"):
                    yield marker, grand
        elif child.dep_ in NOMINAL_DEPS:
            yield preposition(child), child


def is_passive(token: Token) -> bool:
    """A passive clause: a passive auxiliary (any pack's) + participle, `auxpass`, or a passive
    subject. An "auxiliary" that is an actor's name ("IS recaptured al-Rai") is its subject
    misparsed (see `misparsed_subject`)."""
    slipped = misparsed_subject(token)
    for child in children_of(token):
        if slipped is not None and child.i == slipped.i:
            continue
        if child.dep_ in ("auxpass", "aux:pass") or child.dep_ in PASSIVE_SUBJECT_DEPS:
            return True
        if (
            child.dep_ in ("aux", "cop")
            and fold(child.lemma_) in any_words("passive_auxiliaries")
            and ("Part" in morph_values(token, "VerbForm") or token.tag_ == "VBN")
        ):
            return True
    return False


def misparsed_subject(verb: Token) -> Token | None:
    """An auxiliary before the verb that the entity ruler knows as an actor ("IS", an
    acronym that is also a verb form): the verb's subject, which the parser took for "is"."""
    for child in children_of(verb):
        if child.dep_.startswith("aux") and child.i < verb.i and child.ent_type_ == "ACTOR":
            return child
    return None


def negated(token: Token) -> bool:
    """The trigger is negated by a negator of any pack ("no capturaron", "did not attack")."""
    negators = any_words("negators")
    return any(c.dep_ in ("neg", "advmod") and fold(c.text) in negators for c in children_of(token))


def phrase_tokens(head: Token) -> list[Token]:
    """Tokens of the noun phrase headed by `head` (no clauses, no coordination). A modifier
    after the head's coordination belongs to the last conjunct, whatever the parser says
    ("rebeldes y fuerzas del régimen": "del régimen" is not the rebels')."""
    out = [head]
    cut = min((c.i for c in children_of(head) if c.dep_ in ("cc", "conj") and c.i > head.i),
              default=None)  # fmt: skip
    for child in children_of(head):
        if cut is not None and child.i > cut:
            continue
        if child.dep_ in NP_KEEP_DEPS and not _reduced_relative(child):
            out.extend(phrase_tokens(child))
    for orphan in _orphans(head):
        out.extend(phrase_tokens(orphan))
    return out


def _orphans(conjunct: Token) -> list[Token]:
    """The modifiers the parser hung from the first conjunct though they follow the last
    one, which they belong to (see phrase_tokens)."""
    first = conjunct.head
    if conjunct.dep_ != "conj" or first is conjunct:
        return []
    if any(c.dep_ == "conj" and c.i > conjunct.i for c in children_of(first)):
        return []  # not the last conjunct
    return [c for c in children_of(first) if c.i > conjunct.i and c.dep_ in NP_KEEP_DEPS
            and not _reduced_relative(c)]  # fmt: skip


def _reduced_relative(token: Token) -> bool:
    """A participle governing a prepositional phrase (its agent, an oblique): a clause, not
    part of the name ("los barrios controlados por la oposición" is "los barrios")."""
    return "Part" in morph_values(token, "VerbForm") and any(
        c.dep_ in ("agent", "prep") or any(g.dep_ == "case" for g in children_of(c))
        for c in children_of(token)
    )


def phrase(head: Token) -> Span:
    """The contiguous span of the noun phrase headed by `head`, without leading determiners."""
    tokens = sorted(phrase_tokens(head), key=lambda t: t.i)
    start, end = tokens[0].i, tokens[-1].i + 1
    doc = head.doc
    while start < head.i and doc[start].dep_ in ("det", "case", "punct"):
        start += 1
    while end - 1 > head.i and doc[end - 1].dep_ in ("punct", "case"):
        end -= 1
    governor = head.head if head.head.i != head.i else None
    for ent in doc_ents(doc):  # never cut a name in two ("US-led coalition aircraft")
        if ent.start < end and start < ent.end:
            if governor is not None and ent.start <= governor.i < ent.end and not (
                start <= governor.i < end or governor.text[:1].isupper()
            ):
                continue  # a name the model ran over the verb ("los opositores anuncian")
            start, end = min(start, ent.start), max(end, ent.end)
    return doc[start:end]


def nominal_head(token: Token) -> Token:
    """The word a nominal depends on, past an English preposition ("the shelling of X" ->
    "shelling" for X; Spanish hangs X from it directly)."""
    return token.head.head if token.dep_ == "pobj" else token.head


def governing_verb(token: Token, limit: int = 3) -> Token | None:
    """The verb a nominal hangs from, through compounds and prepositions ("with car bombs")."""
    current = token
    for _ in range(limit):
        if current.head.i == current.i or current.dep_ not in (
            "compound",
            "pobj",
            "prep",
            "nmod",
            "obl",
            "obj",
            "dobj",
            "iobj",
            "npadvmod",
        ):
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def name_span(token: Token) -> Span:
    """A proper name: the token and its flat/compound parts ("Karm al-Trab")."""
    ids = [token.i]
    stack = [token]
    while stack:
        for child in children_of(stack.pop()):
            if child.dep_ in ("flat", "flat:name", "compound") and child.pos_ in (
                "PROPN",
                "NOUN",
                "ADJ",
                "X",
            ):
                ids.append(child.i)
                stack.append(child)
    return token.doc[min(ids) : max(ids) + 1]


def entity_of(token: Token) -> Span | None:
    """The named entity that contains `token`, if any."""
    if not token.ent_type_:
        return None
    for ent in doc_ents(token.doc):
        if ent.start <= token.i < ent.end:
            return ent
    return None


def coordinated(head: Token) -> list[Token]:
    """`head` and its conjuncts and appositions, in text order ("X, Y y Z")."""
    seen = {head.i: head}
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in children_of(tok):
            if child.dep_ in ("conj", "appos") and child.i not in seen:
                seen[child.i] = child
                stack.append(child)
    return [seen[i] for i in sorted(seen)]


def clause_head_chain(token: Token, limit: int = 4) -> Iterator[Token]:
    """The governors a subject-less clause inherits from: gerunds, xcomp, conj, acl."""
    current = token
    for _ in range(limit):
        if current.dep_ in ("ROOT",) or current.head.i == current.i:
            return
        if current.dep_ in (
            "advcl",
            "xcomp",
            "conj",
            "acl",
            "ccomp",
            "dep",
            "obj",
            "dobj",
            "nsubj",
            "obl",
            "nmod",
            "pobj",
            "prep",
            "pcomp",
            "relcl",
        ):
            current = current.head
            yield current
        else:
            return
