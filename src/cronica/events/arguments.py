"""Event arguments by syntax: who acted (agent), against whom (target), and where (themes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from cronica.events.lexicon import attribution_cues
from cronica.events.syntax import (
    ACTOR_LABELS,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    PLACE_LABELS,
    SUBJECT_DEPS,
    any_words,
    attachments,
    clause_head_chain,
    coordinated,
    entity_of,
    governing_verb,
    is_passive,
    name_span,
    phrase,
    preposition,
    words,
)
from cronica.ontology import ontology
from cronica.record import Actor
from cronica.resolve.actors import ActorResolver, countries_named
from cronica.text import fold

NOT_PLACE_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}


@dataclass
class Roles:
    """The arguments found for one trigger."""

    agent: Token | None = None
    target: Token | None = None
    themes: list[Token] = field(default_factory=list)  # places taken / places of the event
    rules: list[str] = field(default_factory=list)


@dataclass
class ArgumentReader:
    """Reads arguments for triggers of one language, resolving candidates as it goes."""

    lang: str
    actors: ActorResolver
    country_focus: str | None = None
    on_date: date | None = None  # the document date: actor names valid then
    known_place: Callable[[str], bool] = lambda _: False  # the gazetteer knows this name

    # -- what a noun phrase is --------------------------------------------------------------
    def actor_of(self, token: Token) -> Actor | None:
        """The actor a noun phrase names, if it names one."""
        if token.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "X"):
            return None
        if token.pos_ == "ADJ" or (token.dep_ == "conj" and token.head.pos_ == "ADJ"):
            countries = countries_named(token.text, self.lang) or countries_named(
                token.lemma_, self.lang
            )
            if len(countries) == 1:
                return self.actors.military_of(next(iter(countries)), token.text)
        text = phrase(token).text
        actor = self.actors.resolve(text, self.lang, self.country_focus, self.on_date)
        if actor is not None:
            return actor
        ent = entity_of(token)
        if ent is not None and ent.label_ in ACTOR_LABELS and ent.label_ != "ACTOR":
            if self.known_place(ent.text):  # the model's PERSON/ORG that is a town
                return None
            return Actor(text=ent.text)
        return None

    def is_place(self, token: Token) -> bool:
        """A place: a place entity, a proper noun that names no actor, or a place noun."""
        ent = entity_of(token)
        if ent is not None and ent.label_ in PLACE_LABELS:
            return True
        if ent is not None and (ent.label_ in NOT_PLACE_LABELS or ent.label_ == "ACTOR"):
            return False  # "on Tuesday"; "el Frente al-Nusra" is a group, not a front line
        if token.pos_ == "PROPN" and self.actor_of(token) is None:
            if ent is None or ent.label_ not in ACTOR_LABELS:
                return True
            return self.known_place(ent.text)  # "in Macapa" tagged ORG by the model
        nouns = attribution_cues(self.lang).place_nouns
        return fold(token.lemma_) in nouns or fold(token.text) in nouns  # "outskirts"

    # -- roles -----------------------------------------------------------------------------
    def agentive(self, token: Token) -> bool:
        """An actor that can act: civilians are always the target in ACLED coding."""
        actor = self.actor_of(token)
        return actor is not None and actor.actor_type != "Civilians"

    def subjects(self, token: Token) -> list[Token]:
        return [c for c in token.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]

    def agent_of_verb(self, verb: Token, roles: Roles) -> Token | None:
        passive = is_passive(verb)
        if passive:
            for prep, noun in attachments(verb, self.lang):
                if prep in any_words("agent_prepositions") and self.agentive(noun):
                    roles.rules.append("agent:passive-por")
                    return noun
        for subj in self.subjects(verb):
            if subj.dep_ in PASSIVE_SUBJECT_DEPS or passive:
                continue
            if self.agentive(subj):
                roles.rules.append("agent:subject")
                return subj
        return None

    def inherited_agent(self, token: Token, roles: Roles) -> Token | None:
        """Subject of a governing clause (gerund, xcomp, conjunct, light verb)."""
        speech = attribution_cues(self.lang).stance_of_verb
        for governor in clause_head_chain(token):
            if fold(governor.lemma_) in speech:
                return None  # a speaker is a source, not the agent of what they report
            if governor.pos_ in ("VERB", "AUX"):
                agent = self.agent_of_verb(governor, roles)
                if agent is not None:
                    roles.rules.append(f"agent:inherited-from:{governor.lemma_}")
                    return agent
        return None

    def agent_of_noun(self, noun: Token, roles: Roles) -> Token | None:
        """Agent of a nominal trigger: "el ataque de la milicia", "ataques sirios"."""
        of_or_by = any_words("genitive_prepositions") | any_words("agent_prepositions")
        for prep, child in attachments(noun, self.lang):
            if prep in of_or_by and self.agentive(child):
                roles.rules.append("agent:noun-of")
                return child
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod:poss") and self.agentive(child):
                roles.rules.append("agent:noun-modifier")
                return child
        head = governing_verb(noun)
        cues = attribution_cues(self.lang)
        if (
            head is not None
            and noun.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
            and fold(head.lemma_) not in cues.patient_verbs
            and fold(head.lemma_) not in cues.stance_of_verb
        ):
            agent = self.agent_of_verb(head, roles) or self.inherited_agent(head, roles)
            if agent is not None:
                roles.rules.append(f"agent:governing-verb:{head.lemma_}")
            return agent
        return None

    def target_of(self, token: Token, agent: Token | None, roles: Roles) -> Token | None:
        is_verb = token.pos_ in ("VERB", "AUX")
        if is_verb and is_passive(token):
            for subj in self.subjects(token):
                if subj is not agent and self.actor_of(subj):
                    roles.rules.append("target:passive-subject")
                    return subj
        for prep, noun in attachments(token, self.lang):
            if noun is agent or (prep in any_words("agent_prepositions") and is_verb):
                continue
            if (prep is None and noun.dep_ in OBJECT_DEPS) or prep in any_words(
                "target_prepositions"
            ):
                if self.actor_of(noun):
                    roles.rules.append("target:object")
                    return noun
        if token.dep_ in OBJECT_DEPS and fold(token.head.lemma_) in any_words("light_verbs"):
            return self.target_of(token.head, agent, roles)
        return None

    def place_themes(self, token: Token, passive_or_unaccusative: bool) -> list[Token]:
        """Places a territorial trigger takes: objects, passive subjects, their conjuncts."""
        heads: list[Token] = []
        genitive = any_words("genitive_prepositions")
        for child in token.children:
            if child.dep_ in OBJECT_DEPS or child.dep_ in PASSIVE_SUBJECT_DEPS:
                heads.append(child)
            elif child.dep_ in SUBJECT_DEPS and (passive_or_unaccusative or self.is_place(child)):
                heads.append(child)
            elif child.dep_ in ("obl", "nmod", "obl:arg"):
                if preposition(child) in genitive and token.pos_ == "NOUN":
                    heads.append(child)
            elif (
                child.dep_ == "prep"
                and fold(child.text) in words(self.lang, "genitive_prepositions")
                and token.pos_ == "NOUN"
            ):
                heads.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ == "npadvmod" and child.pos_ == "PROPN":  # parser slip on objects
                heads.append(child)
        places: list[Token] = []
        for head in heads:
            if self.actor_of(head) and not self.is_place(head):
                continue
            head_is_place = self.is_place(head)
            for item in coordinated(head):
                # names listed with "dos distritos, X y Y" are districts, whatever NER says
                listed = (
                    item is not head
                    and head_is_place
                    and item.pos_ == "PROPN"
                    and item.ent_type_ != "ACTOR"
                    and self.actors.resolve(phrase(item).text, self.lang) is None
                )
                if listed or self.is_place(item):
                    inner = self.named_inside(item)
                    places.extend(coordinated(inner) if inner is not item else [item])
        named = [p for p in places if p.pos_ == "PROPN" or entity_of(p) is not None]
        return named or places

    def named_inside(self, token: Token) -> Token:
        """ "el distrito de Dahret Awwad" -> the name, when a place noun governs one."""
        if token.pos_ == "PROPN" or entity_of(token) is not None:
            return token
        for child in token.children:
            if (
                child.pos_ == "PROPN"
                and preposition(child) in (*any_words("genitive_prepositions"), None)
                and child.dep_ in ("nmod", "appos", "flat", "compound", "pobj")
            ):
                return child
            if child.dep_ == "prep" and fold(child.text) in words(
                self.lang, "genitive_prepositions"
            ):
                for grand in child.children:
                    if grand.pos_ == "PROPN":
                        return grand
        return token

    def event_places(self, token: Token, sent: Span, exclude: set[int]) -> list[Token]:
        """Where a non-territorial event happened: places attached to the trigger or to the
        clauses above it ("in Macapa, gunmen opened fire"), a known name first; else the
        sentence's first place entity."""
        found: list[Token] = []
        holder: Token | None = token
        for _ in range(3):
            if holder is None:
                break
            for prep, noun in attachments(holder, self.lang):
                # "en Alepo", and objects that are places: "bombardearon el mercado de X"
                placed = prep in any_words("place_prepositions") or (
                    prep is None and noun.dep_ in OBJECT_DEPS
                )
                if noun.i in exclude or not placed:
                    continue
                if self.is_place(noun) and not self.actor_of(noun):
                    found.append(self.named_inside(noun))
            holder = holder.head if holder.head is not holder else None
        named = [
            t
            for t in found
            if (t.pos_ == "PROPN" or entity_of(t) is not None)
            and self.known_place((entity_of(t) or name_span(t)).text)
        ]
        if named:
            return named[:1]
        for tok in sent:  # "in Asuncion" where the parse went astray: a known name after "in"
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < sent.end else None
            if (
                fold(tok.text) in any_words("containment_prepositions")
                and nxt is not None
                and nxt.pos_ == "PROPN"
                and nxt.i not in exclude
                and self.known_place(name_span(nxt).text)
                and self.actors.resolve(name_span(nxt).text, self.lang) is None
            ):
                return [nxt]
        if found:
            return found[:1]
        places = [
            ent.root
            for ent in sent.ents
            if ent.label_ in PLACE_LABELS
            and self.actor_of(ent.root) is None
            and ent.root.i not in exclude
        ]
        return places[:1]

    def non_factual(self, token: Token) -> bool:
        """An intended, feared or prevented event ("en un intento por recuperar")."""
        cues = attribution_cues(self.lang)
        current = token
        for _ in range(3):
            if current.head is current:
                return False
            purpose = any(
                fold(c.text) in any_words("purpose_markers") and c.dep_ in ("mark", "aux")
                for c in current.children
            )
            if (
                purpose
                and current.pos_ in ("VERB", "AUX")
                and (
                    current.dep_ in ("advcl", "acl")
                    or fold(current.head.lemma_) in cues.non_factual_heads
                )
            ):
                return True
            if current.dep_ not in (
                "xcomp",
                "acl",
                "nmod",
                "obl",
                "advcl",
                "obj",
                "dobj",
                "pobj",
                "prep",
                "ccomp",
            ):
                return False
            current = current.head
            if fold(current.lemma_) in cues.non_factual_heads:
                return True
        return False

    def background(self, token: Token) -> bool:
        """A nominal trigger that sets the scene ("durante los combates")."""
        if token.pos_ != "NOUN":
            return False
        return preposition(token) in attribution_cues(self.lang).background_preps

    def read(
        self,
        token: Token,
        sent: Span,
        family: str | None,
        requires: str | None,
        exclude: set[int] | None = None,
    ) -> Roles:
        """All roles of one trigger."""
        roles = Roles()
        if token.pos_ in ("VERB", "AUX"):
            roles.agent = self.agent_of_verb(token, roles) or self.inherited_agent(token, roles)
        else:
            roles.agent = self.agent_of_noun(token, roles)
        roles.target = self.target_of(token, roles.agent, roles)
        if ontology().place_is_theme(family) or requires in ("place_object", "place_subject"):
            roles.themes = self.place_themes(
                token, requires == "place_subject" or is_passive(token)
            )
            roles.rules.append("place:theme")
        if not roles.themes:
            roles.themes = self.event_places(token, sent, exclude or set())
            if roles.themes:
                roles.rules.append("place:attached-or-sentence")
        return roles

    def satisfies(self, token: Token, requirement: str) -> bool:
        """Check a trigger pattern's `requires`."""
        if requirement == "place_object":
            return bool(self.place_themes(token, is_passive(token)))
        if requirement == "place_subject":
            return bool(self.place_themes(token, True))
        if requirement == "object":
            return any(c.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in token.children) or (
                token.pos_ == "NOUN"
            )
        if requirement == "agent":
            roles = Roles()
            if token.pos_ in ("VERB", "AUX"):
                return (
                    self.agent_of_verb(token, roles) or self.inherited_agent(token, roles)
                ) is not None
            return self.agent_of_noun(token, roles) is not None
        raise ValueError(f"unknown trigger requirement {requirement!r}")
