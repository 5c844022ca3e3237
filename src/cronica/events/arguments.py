"""Event arguments by syntax: who acted (agent), against whom (target), and where (themes)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span, Token

from cronica.events.lexicon import attribution_cues, attribution_data, trigger_lemmas
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
    is_kicker,
    is_passive,
    key,
    misparsed_subject,
    morph_values,
    name_span,
    negated,
    nominal_head,
    phrase,
    preposition,
    span_ents,
    words,
)
from cronica.ontology import ontology
from cronica.readings import children_of, sentence_of, tokens_of
from cronica.record import Actor
from cronica.resolve.actors import ActorResolver, countries_named
from cronica.resolve.places.mention import is_generic
from cronica.text import fold

NOT_PLACE_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}
RELATIVE_DEPS = {"acl", "acl:relcl", "relcl"}
# Rules by which an agent comes from the clause above the trigger, not from the trigger itself.
BORROWED_AGENT = ("agent:governing-verb", "agent:inherited")


@cache
def role_nouns(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(patient nouns, agent nouns) of a language: "la ejecución de X" has X as its victim,
    "a manos de X" / "at the hands of X" names the perpetrator."""
    data = attribution_data(lang)
    return (
        frozenset(fold(str(w)) for w in data.get("patient_nouns") or ()),
        frozenset(fold(str(w)) for w in data.get("agent_nouns") or ()),
    )


@dataclass
class Roles:
    """The arguments found for one trigger."""

    agent: Token | None = None
    target: Token | None = None
    themes: list[Token] = field(default_factory=list)  # places taken / places of the event
    rules: list[str] = field(default_factory=list)
    sides: bool = False  # agent and target are the two sides named "between X and Y"
    held_by: Token | None = None  # who holds the place hit ("barrios controlados por X")


PHRASE_REACH = 2  # nominals above a place that may still describe it
DEICTIC_PLACE_RULE = "place:deictic-previous"  # "allí", "there": the last sentence's places
CIVILIANS_TYPE = "Civilians"  # ACLED's actor type of civilians: never who acts
# Sentences whose last acting subject is not yet worked out (see `ArgumentReader.remember`):
# past this many, they are worked out, so that they do not hold their paragraphs' Docs.
PENDING_SUBJECTS = 32


def is_seat(token: Token, lang: str) -> bool:
    """A place where an organisation sits ("con sede en Londres", "London-based", "based in
    London"), not where anything happened."""
    seat = words(lang, "seat_words")
    near = [token.head, token.head.head, *children_of(token)]
    if any(fold(t.lemma_) in seat or fold(t.text) in seat for t in near):
        return True
    doc, at = token.doc, token.i + 1  # "the Great Britain-based Observatory": past the name
    while at + 1 < len(doc) and (doc[at].pos_ == "PROPN" or doc[at].text == "-"):
        if doc[at].text == "-" and fold(doc[at + 1].text) in seat:
            return True
        at += 1
    return False


def _participle(token: Token) -> bool:
    """A participle that modifies a noun ("carried out", "lanzado"), not a finite relative
    clause ("manifestantes que protestaban en X": where they protested is their own event's)."""
    return "Part" in morph_values(token, "VerbForm")


def is_destination(token: Token, lang: str) -> bool:
    """A place something was heading for ("mientras regresaba a la base aérea de Hmeimim",
    "while returning to Hmeimim air base"): the phrase after a preposition of direction that
    a verb of going governs, not where anything happened."""
    motion, towards = words(lang, "motion_verbs"), words(lang, "destination_prepositions")
    current = token
    for _ in range(3):  # "Hammim" <- "base" <- "regresaba"
        head = current.head
        if head.i == current.i:  # the root (spaCy Tokens are new objects: no `is`)
            return False
        if head.pos_ in ("VERB", "AUX") or (head.dep_ == "prep" and head.head.pos_ == "VERB"):
            verb = head if head.pos_ in ("VERB", "AUX") else head.head
            return fold(verb.lemma_) in motion and preposition(current) in towards
        current = head
    return False


def _case_words(prep: str | None, noun: Token) -> set[str]:
    """The words of the preposition a noun comes with, the parser's fixed multiword ones
    included ("a manos de", "en manos de")."""
    marker = {fold(w) for w in (prep or "").split()}
    for case in (c for c in children_of(noun) if c.dep_ == "case"):
        marker.update(fold(f.text) for f in children_of(case) if f.dep_ == "fixed")
    return marker


@dataclass
class ArgumentReader:
    """Reads arguments for triggers of one language, resolving candidates as it goes."""

    lang: str
    actors: ActorResolver
    country_focus: str | None = None
    on_date: date | None = None  # the document date: actor names valid then
    known_place: Callable[[str], bool] = lambda _: False  # the gazetteer knows this name
    near_place: Callable[[str], bool] = lambda _: False  # ... or one spelt close to it
    # the document's last acting subject (pronoun antecedent): see `last_agent`
    _last_agent: Token | None = field(default=None, repr=False)
    # sentences remembered since, with the date then current, not yet read for their subject
    _pending: list[tuple[Span, date | None]] = field(default_factory=list, repr=False)
    last_places: list[Token] = field(default_factory=list)  # where the last sentence was
    named_places: frozenset[str] = frozenset()  # names the model tagged as places in the story
    # actor_of's answers for the paragraph read last, by token, focus and date
    _actors_read: dict[tuple[int, str | None, date | None], Actor | None] = field(
        default_factory=dict, repr=False)
    _actors_doc: Doc | None = field(default=None, repr=False)

    # -- what a noun phrase is --------------------------------------------------------------
    def actor_of(self, token: Token) -> Actor | None:
        """The actor a noun phrase names, if it names one (or an actor's name the parser
        read as another word: "IS" as a verb). Worked out once per token of a paragraph
        (the rules ask again for the same subjects); each call gets its own Actor."""
        if token.doc is not self._actors_doc:
            self._actors_doc, self._actors_read = token.doc, {}
        key = (token.i, self.country_focus, self.on_date)
        if key not in self._actors_read:
            self._actors_read[key] = self._actor_of(token)
        found = self._actors_read[key]
        return None if found is None else replace(found)

    def _actor_of(self, token: Token) -> Actor | None:
        partitive = token.pos_ == "NUM" and any(  # "one of the brigades loyal to X"
            c.dep_ == "prep" and fold(c.text) in words(self.lang, "genitive_prepositions")
            for c in children_of(token)
        )
        if token.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "X") and token.ent_type_ != "ACTOR" \
                and not partitive:
            return None
        if (
            token.pos_ == "NOUN"
            and token.ent_type_ != "ACTOR"
            and fold(token.lemma_) in attribution_cues(self.lang).place_nouns
        ):
            return None  # "la localidad rebelde de X", "the rebel-held town": a place
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
        if self.demonym_country(token):  # "the Russians" (NORP): forces when they act
            return self.country_as_agent(token)
        ent = entity_of(token)
        if ent is not None and ent.label_ in ACTOR_LABELS and ent.label_ != "ACTOR":
            if self.known_place(ent.text):  # the model's PERSON/ORG that is a town
                return None
            return Actor(text=ent.text)
        return self.country_as_agent(token)

    def country_as_agent(self, token: Token) -> Actor | None:
        """A country named as the one who acts ("Rusia bombardeó", "shelled by Turkey"), or its
        people as a definite plural ("los rusos lanzaron", "the Russians launched"): its armed
        forces. Only in the agent's place: "en Rusia" stays a place."""
        if token.pos_ not in ("PROPN", "NOUN"):
            return None
        subject = token.dep_ in SUBJECT_DEPS and token.head.pos_ in ("VERB", "AUX")
        if not subject and preposition(token) not in any_words("agent_prepositions"):
            return None
        people = self.demonym_country(token)
        if people is not None:
            return self.actors.military_of(people, phrase(token).text, self.on_date)
        if token.pos_ != "PROPN":
            return None
        name = name_span(token)
        countries = countries_named(name.text, self.lang)
        if len(name) > 3 or len(countries) != 1:
            return None
        return self.actors.military_of(next(iter(countries)), name.text, self.on_date)

    def demonym_country(self, token: Token) -> str | None:
        """The country of "los rusos", "the Russians": a plural people noun of one country with
        a definite determiner and nothing else in its phrase (not "miles de sirios", "rusos
        heridos"); None for anything else."""
        plural = "Plur" in morph_values(token, "Number") or token.tag_ in ("NNS", "NNPS")
        countries = countries_named(token.text, self.lang) if plural else set()
        if len(countries) != 1:
            return None
        children = children_of(token)
        definite = [c for c in children if c.dep_ == "det" and "Def" in morph_values(c, "Definite")]
        return next(iter(countries)) if definite and len(children) == len(definite) else None

    def is_place(self, token: Token) -> bool:
        """A place: a place entity, a proper noun that names no actor, or a place noun."""
        ent = entity_of(token)
        if ent is not None and ent.label_ in PLACE_LABELS:
            return True
        if ent is not None and (ent.label_ in NOT_PLACE_LABELS or ent.label_ == "ACTOR"):
            return False  # "on Tuesday"; "el Frente al-Nusra" is a group, not a front line
        if token.pos_ == "PROPN" and self.actor_of(token) is None:
            if ent is None and self._capitalised_trigger(token):
                return False  # "Rockets also fell on X": a weapon at the sentence's start
            if ent is None or ent.label_ not in ACTOR_LABELS:
                return True
            return self.known_place(ent.text)  # "in Macapa" tagged ORG by the model
        nouns = attribution_cues(self.lang).place_nouns
        return fold(token.lemma_) in nouns or fold(token.text) in nouns  # "outskirts"

    def _capitalised_trigger(self, token: Token) -> bool:
        """A trigger word the parser took for a name because it opens the sentence."""
        return bool(token.is_sent_start) and bool(key(token) & trigger_lemmas(self.lang))

    # -- roles -----------------------------------------------------------------------------
    def agentive(self, token: Token) -> bool:
        """An actor that can act: civilians are always the target in ACLED coding."""
        actor = self.actor_of(token)
        return actor is not None and actor.actor_type != CIVILIANS_TYPE

    def subjects(self, token: Token) -> list[Token]:
        found = [c for c in children_of(token) if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
        slipped = misparsed_subject(token)
        return ([slipped] if slipped is not None else []) + found

    def _attached_agent(self, verb: Token, preps: frozenset[str]) -> Token | None:
        """The first agentive nominal the verb governs through one of `preps`."""
        return next((noun for prep, noun in attachments(verb, self.lang)
                     if prep in preps and self.agentive(noun)), None)  # fmt: skip

    def _coordinated_passive_agent(self, verb: Token) -> Token | None:
        """The agent of a passive coordinated with this one ("fue derribado y fueron matadas
        cinco personas por Al Nusra", "was shot down and its crew killed by X"): one deed."""
        others = [c for c in children_of(verb) if c.dep_ == "conj"]
        if verb.dep_ == "conj":
            others.append(verb.head)
        agents = words(self.lang, "agent_prepositions")
        for other in others:
            if other.pos_ in ("VERB", "AUX") and is_passive(other):
                found = self._attached_agent(other, agents)
                if found is not None:
                    return found
        return None

    def agent_of_verb(self, verb: Token, roles: Roles) -> Token | None:
        passive = is_passive(verb)
        if passive:
            by = self._attached_agent(verb, any_words("agent_prepositions"))
            if by is not None:
                roles.rules.append("agent:passive-por")
                return by
            origin = self._attached_agent(verb, words(self.lang, "origin_prepositions"))
            if origin is not None:  # "lanzada desde un helicóptero"
                roles.rules.append("agent:passive-from")
                return origin
            shared = self._coordinated_passive_agent(verb)
            if shared is not None:
                roles.rules.append("agent:coordinated-passive")
                return shared
        for subj in self.subjects(verb):
            if subj.dep_ in PASSIVE_SUBJECT_DEPS or passive:
                continue
            if self.agentive(subj):
                roles.rules.append("agent:subject")
                return subj
        if not passive and not self.subjects(verb):
            stranded = self._stranded_subject(verb)
            if stranded is not None:
                roles.rules.append("agent:preverbal-phrase")
                return stranded
        return None

    def _stranded_subject(self, verb: Token) -> Token | None:
        """The actor phrase right before a finite verb the parser left without a subject,
        attached elsewhere ("… y las fuerzas de seguridad de Libia han detenido …")."""
        first = min((verb, *(c for c in children_of(verb) if c.dep_.startswith("aux"))),
                    key=lambda t: t.i)  # fmt: skip
        if first.i == 0 or not any(morph_values(t, "Mood") for t in (verb, first)):
            return None
        top = verb.doc[first.i - 1]
        while (
            top.dep_ in ("nmod", "flat", "compound", "amod", "appos")
            and top.head.i < top.i
            and top.head.right_edge.i == top.right_edge.i
        ):
            top = top.head
        if top.pos_ not in ("NOUN", "PROPN") or top.i in {t.i for t in verb.subtree}:
            return None
        if any(c.dep_ == "case" for c in children_of(top)) or top.right_edge.i != first.i - 1:
            return None
        return top if self.agentive(top) else None

    def inherited_agent(self, token: Token, roles: Roles) -> Token | None:
        """Subject of a governing clause (gerund, xcomp, conjunct, light verb)."""
        cues = attribution_cues(self.lang)
        for governor in clause_head_chain(token):
            if fold(governor.lemma_) in cues.stance_of_verb:
                return None  # a speaker is a source, not the agent of what they report
            if fold(governor.lemma_) in cues.patient_verbs:
                return None  # "murieron cuando fue derribado ...": who died did not do it
            if governor.pos_ in ("VERB", "AUX"):
                agent = self.agent_of_verb(governor, roles)
                if agent is None:
                    agent = self.carried_agent(governor, roles)  # "Ha forzado ... tras tomar X"
                if agent is not None:
                    roles.rules.append(f"agent:inherited-from:{governor.lemma_}")
                    return agent
        return None

    def by_hands_of(self, noun: Token) -> Token | None:
        """ "a manos de X", "at the hands of X": the perpetrator under an agent noun."""
        genitive = any_words("genitive_prepositions")
        for prep, child in attachments(noun, self.lang):
            if self._by_hands_marker(prep, child) and self.agentive(child):
                return child  # the parser's fixed "a manos de" preposition
            if not self._agent_noun(child):
                continue
            for prep, grand in attachments(child, self.lang):
                if prep in genitive and self.agentive(grand):
                    return grand
        return None

    def _by_hands_marker(self, prep: str | None, noun: Token) -> bool:
        """The noun comes with a preposition holding an agent noun ("a manos de")."""
        return bool(_case_words(prep, noun) & role_nouns(self.lang)[1])

    def _agent_noun(self, token: Token) -> bool:
        agent_nouns = role_nouns(self.lang)[1]
        return fold(token.lemma_) in agent_nouns or fold(token.text) in agent_nouns

    def sides_of(self, noun: Token) -> tuple[Token, Token] | None:
        """The two sides of a fight named "entre X y Y" / "between X and Y": X acts, Y is hit
        (ACLED's actor 1 and actor 2 of a clash). The phrase may hang from the fight noun,
        from the verb it is the subject or object of ("fighting broke out ... between"), or
        from a place of that clause the parser attached it to ("combates en X entre ...")."""
        between = words(self.lang, "between_prepositions")
        for holder in self._clause_holders(noun):
            for prep, child in attachments(holder, self.lang):
                if prep not in between or not self.agentive(child):
                    continue
                other = next(
                    (c for c in children_of(child) if c.dep_ == "conj" and self.agentive(c)), None
                )
                if other is not None:
                    return child, other
        return None

    def _sides_agent(self, token: Token, roles: Roles) -> Token | None:
        """The first side of a fight "entre X y Y" / "between X and Y" (a noun, or a fight word
        the parser read as a verb: "there was fighting between ..."); the other is the target."""
        sides = self.sides_of(token)
        if sides is None:
            return None
        roles.rules.append("agent:between")
        roles.sides, roles.target = True, sides[1]
        return sides[0]

    def _clause_holders(self, noun: Token) -> list[Token]:
        """The noun, then the verb it is an argument of, then that verb's place nominals."""
        holders = [noun]
        verb = noun.head
        if verb.i == noun.i or verb.pos_ not in ("VERB", "AUX") or noun.dep_ not in (
            SUBJECT_DEPS | OBJECT_DEPS
        ):
            return holders
        holders.append(verb)
        for _prep, child in attachments(verb, self.lang):
            if child.i != noun.i and self.is_place(child):
                holders.append(child)
        return holders

    def agent_of_noun(self, noun: Token, roles: Roles) -> Token | None:
        """Agent of a nominal trigger: "el ataque de la milicia", "ataques sirios"; the
        "de" complement of a patient noun is its victim ("la ejecución de soldados")."""
        hands = self.by_hands_of(noun)
        if hands is not None:
            roles.rules.append("agent:by-hands-of")
            return hands
        sides = self._sides_agent(noun, roles)
        if sides is not None:
            return sides
        genitive = any_words("genitive_prepositions")
        of_or_by = any_words("agent_prepositions")
        if fold(noun.lemma_) not in role_nouns(self.lang)[0]:
            of_or_by = of_or_by | genitive
        for prep, child in attachments(noun, self.lang):
            if prep in of_or_by and self.agentive(child):
                roles.rules.append("agent:noun-of")
                return child
        for child in children_of(noun):
            if child.dep_ in ("amod", "compound", "poss", "nmod:poss") and self.agentive(child):
                roles.rules.append("agent:noun-modifier")
                return child
        head = governing_verb(noun) or _passive_governor(noun)
        cues = attribution_cues(self.lang)
        if (
            head is not None
            and (noun.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or is_passive(head))
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
            if self._agent_noun(noun) or self._by_hands_marker(prep, noun):
                continue  # "a manos de X" names who acted
            if (prep is None and noun.dep_ in OBJECT_DEPS) or prep in any_words(
                "target_prepositions"
            ):
                if self.actor_of(noun):
                    roles.rules.append("target:object")
                    return noun
        if token.pos_ == "NOUN" and fold(token.lemma_) in role_nouns(self.lang)[0]:
            for prep, noun in attachments(token, self.lang):
                if noun is not agent and prep in any_words("genitive_prepositions"):
                    if self.actor_of(noun):
                        roles.rules.append("target:patient-noun-of")
                        return noun
        if token.dep_ in OBJECT_DEPS and fold(token.head.lemma_) in any_words("light_verbs"):
            return self.target_of(token.head, agent, roles)
        return None

    def holder(self, token: Token, themes: list[Token], agent: Token | None) -> Token | None:
        """Who held the places a capture takes: "from X" on the verb, or what the place's
        phrase says ("held by X", "en manos de X", "bajo control de X")."""
        holding = words(self.lang, "holder_prepositions")
        for prep, noun in attachments(token, self.lang):
            if prep in holding and self.agentive(noun):
                return noun
        return self.held_in_phrase(themes, agent)

    def held_in_phrase(self, themes: list[Token], agent: Token | None) -> Token | None:
        """Who holds a place, by the place's own phrase ("held by X", "en manos de X",
        "barrios controlados por X", "bajo control de X")."""
        nouns, verbs = words(self.lang, "holding_nouns"), words(self.lang, "holding_verbs")
        genitive, by = words(self.lang, "genitive_prepositions"), words(
            self.lang, "agent_prepositions")
        acting = agent.i if agent is not None else None
        for theme in themes:
            for tok in theme.subtree:
                if tok.i == theme.i:
                    continue
                held = _case_words(preposition(tok), tok) & nouns  # "en manos del EI"
                if held and tok.i != acting and self.agentive(tok):
                    return tok
                found = key(tok)
                marks = genitive if found & nouns else by if found & verbs else None
                if marks is None:
                    continue
                for prep, noun in attachments(tok, self.lang):
                    if (prep in marks or noun.dep_ == "agent") and noun.i != acting \
                            and self.agentive(noun):
                        return noun
        return None

    @staticmethod
    def place_phrases(token: Token, themes: list[Token]) -> list[Token]:
        """The places of an event and the nominals they hang from below the trigger ("barrios
        controlados por X en Alepo": Alepo, then "controlados"), where a holder may be said."""
        out = list(themes)
        for theme in themes:
            current = theme
            for _ in range(PHRASE_REACH):
                current = nominal_head(current)  # past an English preposition
                participle = current.pos_ == "VERB" and current.dep_ in ("acl", "amod")
                if current.i == token.i or not (participle or current.pos_ in ("NOUN", "ADJ")):
                    break
                out.append(current)
        return out

    # -- subjects carried across clauses ----------------------------------------------------
    @staticmethod
    def _third_person(token: Token) -> bool:
        person = morph_values(token, "Person")
        return not person or "3" in person

    def _acts_on_something(self, verb: Token) -> bool:
        """A transitive use: the subject is the one who acts ("tomaron la ciudad")."""
        for prep, noun in attachments(verb, self.lang):
            if noun.dep_ in OBJECT_DEPS or prep in any_words("target_prepositions"):
                return True
        return False

    def _speaker_of(self, token: Token) -> Token | None:
        """The agentive subject of the speech verb a clause depends on ("the army said that it
        captured"): an actor reporting its own action."""
        speech = attribution_cues(self.lang).stance_of_verb
        for governor in clause_head_chain(token):
            if fold(governor.lemma_) in speech:
                subj = next((c for c in self.subjects(governor) if c.dep_ in SUBJECT_DEPS), None)
                return subj if subj is not None and self.agentive(subj) else None
        return None

    def carried_agent(self, verb: Token, roles: Roles) -> Token | None:
        """The agent of a verb whose subject is a pronoun or elided ("Tomaron la ciudad",
        "they captured it", "los rebeldes, que tomaron"): the relative's antecedent, the speaker
        reporting its own action, else the last acting subject of the document."""
        if verb.pos_ not in ("VERB", "AUX") or is_passive(verb):
            return None
        if any(fold(c.text) in any_words("impersonal_pronouns") for c in children_of(verb)):
            return None  # "se tomaron tres pueblos": impersonal, nobody is named
        subjects = self.subjects(verb)
        subj = subjects[0] if subjects else None
        if subj is not None and subj.pos_ != "PRON":
            return None
        relative = "Rel" in morph_values(subj, "PronType") if subj is not None else False
        if subj is not None and (relative or verb.dep_ in RELATIVE_DEPS):
            antecedent = verb.head if verb.dep_ in RELATIVE_DEPS else None  # "who", "que"
            if antecedent is not None and self.agentive(antecedent):
                roles.rules.append("agent:relative-antecedent")
                return antecedent
            return None
        if subj is not None and not self._third_person(subj):
            return None
        if verb.dep_ == "conj":  # "reinforcements were sent, and they recaptured": its subject
            for first in self.subjects(verb.head):
                if first.pos_ != "PRON" and self.agentive(first):
                    roles.rules.append("agent:coordinated-clause")
                    return first
        auxes = [c for c in children_of(verb) if c.dep_ in ("aux", "aux:pass")]
        finite = any(morph_values(t, "Mood") for t in (verb, *auxes))  # "tomó", "ha tomado"
        if subj is None and (not finite or not all(map(self._third_person, (verb, *auxes)))):
            return None
        if not self._acts_on_something(verb):
            return None
        speaker = self._speaker_of(verb)
        if speaker is not None:
            roles.rules.append("agent:speaker-self")
            return speaker
        if self.last_agent is not None:
            roles.rules.append("agent:previous-clause")
        return self.last_agent

    @property
    def last_agent(self) -> Token | None:
        """The document's last acting subject: the antecedent of a pronoun or elided subject
        (see `remember`)."""
        if self._pending:
            self._settle()
        return self._last_agent

    def remember(self, sent: Span) -> None:
        """After a sentence: its last subject of a finite verb, when it acts, becomes the
        antecedent of the next pronoun or elided subject; a subject that cannot act (civilians)
        clears it. Worked out when a later sentence asks (`last_agent`), from the latest
        sentence back, as of the date current at each: most sentences are never asked
        about, and a later sentence that has a subject makes the earlier ones moot."""
        self._pending.append((sent, self.on_date))
        if len(self._pending) > PENDING_SUBJECTS:
            self._settle()

    def _settle(self) -> None:
        """`_last_agent` after the pending sentences: the latest that has a subject decides."""
        pending, self._pending = self._pending, []
        current = self.on_date
        try:
            for sent, on_date in reversed(pending):
                self.on_date = on_date
                decided, agent = self._sentence_subject(sent)
                if decided:
                    self._last_agent = agent
                    return
        finally:
            self.on_date = current

    def _sentence_subject(self, sent: Span) -> tuple[bool, Token | None]:
        """(whether the sentence names a last subject of a finite verb, that subject if it
        acts, else None: one that cannot act clears the antecedent)."""
        for tok in reversed(tokens_of(sent)):
            if tok.dep_ not in SUBJECT_DEPS:
                continue
            copular = any(c.dep_ == "cop" for c in children_of(tok.head))  # "X fue capaz de"
            if tok.head.pos_ not in ("VERB", "AUX") and not copular:
                continue
            speech = fold(tok.head.lemma_) in attribution_cues(self.lang).stance_of_verb
            if tok.pos_ == "PRON" or speech:
                continue  # a pronoun keeps its antecedent; a speaker is a source
            if self.agentive(tok):
                return True, tok
            if self.actor_of(tok) is not None:
                return True, None
        return False, None

    def place_themes(self, token: Token, passive_or_unaccusative: bool) -> list[Token]:
        """Places a territorial trigger takes: objects, passive subjects, their conjuncts."""
        heads: list[Token] = []
        genitive = any_words("genitive_prepositions")
        for child in children_of(token):
            if child.dep_ in OBJECT_DEPS or child.dep_ in PASSIVE_SUBJECT_DEPS:
                heads.append(child)
            elif child.dep_ == "attr" and token.pos_ == "VERB":  # an object misparsed
                heads.append(child)  # after a misread auxiliary ("IS recaptured al-Rai")
            elif child.dep_ in SUBJECT_DEPS and (
                passive_or_unaccusative or (self.is_place(child) and child.i > token.i)
            ):  # a place after an active verb is its object misparsed ("tomaron Salma");
                heads.append(child)  # before it, the one acting ("el barrio recuperó la calma")
            elif child.dep_ in ("obl", "nmod", "obl:arg"):
                if preposition(child) in genitive and token.pos_ == "NOUN":
                    heads.append(child)
            elif (
                child.dep_ == "prep"
                and fold(child.text) in words(self.lang, "genitive_prepositions")
                and token.pos_ == "NOUN"
            ):
                heads.extend(g for g in children_of(child) if g.dep_ == "pobj")
            elif child.dep_ == "npadvmod" and child.pos_ == "PROPN":  # parser slip on objects
                heads.append(child)
        places: list[Token] = []
        for head in (self.counted(h) for h in heads):
            if self.actor_of(head) and not self.taken_place(head):
                continue
            head_is_place = self.taken_place(head)
            for item in coordinated(head):
                # names listed with "dos distritos, X y Y" are districts, whatever NER says
                listed = (
                    item is not head
                    and head_is_place
                    and item.pos_ == "PROPN"
                    and item.ent_type_ != "ACTOR"
                    and self.actors.resolve(phrase(item).text, self.lang) is None
                )
                if listed or self.taken_place(item):
                    inner = self.named_inside(item)
                    places.extend(coordinated(inner) if inner is not item else [item])
        named = [p for p in places if p.pos_ == "PROPN" or entity_of(p) is not None]
        return named or places

    def origin_places(self, token: Token) -> list[Token]:
        """The places a side is driven from ("expulsaron al EI de Manbij", "drove IS out of
        Manbij", "pushed the troops back from Mayadin"): after the verb's preposition of
        leaving, its particle's ("out of"), or its object's, where the parser hangs it."""
        return self.places_after(token, "expulsion_prepositions")

    def places_after(self, token: Token, group: str) -> list[Token]:
        """The places named after one of the prepositions of a words.yaml `group` that hang
        from the trigger, its particle or its object (`origin_places`; "se hizo con X")."""
        preps = words(self.lang, group)
        found: list[Token] = []
        holders = [token, *(c for c in children_of(token) if c.dep_ in OBJECT_DEPS)]
        for holder in holders:
            found.extend(noun for prep, noun in attachments(holder, self.lang) if prep in preps)
        for child in children_of(token):  # "out of X": the particle's own preposition
            if child.dep_ in ("prep", "prt", "advmod"):
                found.extend(noun for prep, noun in attachments(child, self.lang)
                             if prep in preps)  # fmt: skip
        places = [self.named_inside(n) for n in found if self.taken_place(n)]
        places = list({p.i: p for p in places}.values())
        named = [p for p in places if p.pos_ == "PROPN" or entity_of(p) is not None]
        return named or places

    def taken_place(self, token: Token) -> bool:
        """What a territorial trigger takes is a place: a place, or a proper noun the actor
        dictionary does not know taken with no preposition ("tras tomar Salma", "captured
        Kafr Naya"), whatever label the model gave it, or in the passive when the story names
        it as a place elsewhere; so is a name with a place noun in apposition ("X, la cuarta
        ciudad de Y")."""
        if self.is_place(token):
            return True
        if token.pos_ != "PROPN" or token.ent_type_ == "ACTOR":
            return False
        if any(c.dep_ == "appos" and self.is_place(c) for c in children_of(token)):
            return True
        name = name_span(token).text
        passive = token.dep_ in PASSIVE_SUBJECT_DEPS or (
            token.dep_ in SUBJECT_DEPS and is_passive(token.head)  # "X fue tomada"
        )
        if passive and name not in self.named_places and not self.known_place(name):
            return False  # "X fue liberado" may name a person: a place elsewhere in the story
        if not (passive or token.dep_ in OBJECT_DEPS) or preposition(token) is not None:
            return False  # "capturaron a Salma": the personal object marker names a person
        known = self.actors.resolve(name, self.lang, self.country_focus, self.on_date)
        return known is None and self.country_as_agent(token) is None

    def counted(self, token: Token) -> Token:
        """ "una serie de pueblos", "a number of villages", "all of the territory": a noun
        whose bare plural complement (no determiner), or a pronoun or number whose complement,
        is what is counted stands for that complement when it is a place; so does a portion
        of one ("la mitad de Mayadin", "most of the town")."""
        portion = fold(token.lemma_) in words(self.lang, "portion_heads")  # "half of X"
        if self.is_place(token) or (token.pos_ not in ("NOUN", "PRON", "NUM") and not portion):
            return token
        genitive = any_words("genitive_prepositions")
        for prep, noun in attachments(token, self.lang):
            bare = not any(c.dep_ == "det" for c in children_of(noun))
            plural = "Plur" in morph_values(noun, "Number")
            counted = token.pos_ != "NOUN" or (bare and plural) or portion
            if prep in genitive and counted and self.is_place(noun):
                return noun
        return token

    def known_actor(self, token: Token) -> bool:
        """A name the actor dictionary knows (not any name the model tagged ORG or PER)."""
        actor = self.actor_of(token)
        return actor is not None and actor.canonical is not None

    def named_inside(self, token: Token) -> Token:
        """ "el distrito de Dahret Awwad" -> the name, when a place noun governs one; an
        actor's name is no place ("posiciones del Ejército" stays the positions). A model
        entity with no proper noun in it ("provincia de") is no name."""
        ent = entity_of(token)
        if token.pos_ == "PROPN" or (ent is not None and any(t.pos_ == "PROPN" for t in ent)):
            return token
        for child in children_of(token):
            if (
                child.pos_ == "PROPN"
                and preposition(child) in (*any_words("genitive_prepositions"), None)
                and child.dep_ in ("nmod", "appos", "flat", "compound", "pobj")
            ):
                return token if self.known_actor(child) else child
            if child.dep_ == "prep" and fold(child.text) in words(
                self.lang, "genitive_prepositions"
            ):
                for grand in children_of(child):
                    if grand.pos_ == "PROPN":
                        return token if self.known_actor(grand) else grand
        return token

    def event_places(self, token: Token, sent: Span, exclude: set[int]) -> list[Token]:
        """Where a non-territorial event happened: places attached to the trigger or to the
        clauses above it ("in Macapa, gunmen opened fire"), a known name first; else the
        sentence's first place entity. Names listed with that place ("los barrios de X, Y y
        Z", "struck X, Y and Z") come with it: one event per place hit."""

        def listing(first: Token) -> list[Token]:
            # the name, its conjuncts, and those of the place noun it names ("barrios de X")
            heads = [first]
            if first.head.i != first.i and self.named_inside(first.head).i == first.i:
                heads.append(first.head)
            out = [first]
            for item in (t for head in heads for t in coordinated(head)):
                if item in out or item in heads or item.i in exclude:
                    continue
                named = item.pos_ == "PROPN" or entity_of(item) is not None
                text = name_span(item).text
                if not named or countries_named(text, self.lang):
                    continue  # "Idlib, Siria": the country contains the place, no second event
                if item.ent_type_ == "ACTOR" or self.actors.resolve(text, self.lang) is not None:
                    continue
                if self.is_place(item) or item.ent_type_ in ACTOR_LABELS:
                    out.append(item)  # a name listed beside a place is a place ("Bustan")
            return sorted(out, key=lambda t: t.i)

        found: list[Token] = []
        objects: set[int] = set()  # what the trigger hits comes before where it came from
        introduced: set[int] = set()  # names a place noun governs ("la localidad de X")
        holder: Token | None = token
        for _ in range(3):
            if holder is None:
                break
            struck = self._passive_hit(holder)
            attached = [*attachments(holder, self.lang), *((None, t) for t in struck)]
            if holder.i == token.i and token.pos_ == "NOUN":  # "shelling carried out ... on X",
                attached += [  # "el bombardeo lanzado ... contra X": its participle's places
                    pair
                    for part in children_of(token)
                    if part.dep_ in ("acl", "amod") and _participle(part)
                    for pair in attachments(part, self.lang)
                ]
            for prep, noun in attached:
                # "en Alepo", and what is hit when it is a place: "bombardearon el mercado de
                # X", "bombardeos contra la localidad de X", "strikes on the town of X"
                hit = (prep is None and (noun.dep_ in OBJECT_DEPS or noun in struck)) or (
                    prep in any_words("target_prepositions")
                ) or (  # "shelling of the town of X", "el bombardeo de Alepo"
                    holder is token and token.pos_ == "NOUN"
                    and prep in words(self.lang, "genitive_prepositions")
                )
                placed = hit or prep in any_words("place_prepositions")
                if noun.i in exclude or not placed:
                    continue
                if self.is_place(noun) and not self._names_actor(noun) and not self._seat(noun):
                    for place in (noun, *self._placed_in(noun, exclude)):
                        found.append(self.named_inside(place))  # "el bastión de Siria en la
                        objects.update([place.i, found[-1].i] if hit else [])  # provincia
                        if found[-1] is not place:  # de Idlib": Idlib, the finer, wins
                            introduced.add(found[-1].i)
            holder = nominal_head(holder) if holder.head.i != holder.i else None
        found.sort(key=lambda t: (self._country(t), t.i not in objects))
        named = [  # a name the gazetteer has as written, or one a place noun introduces
            t  # ("la localidad de Talbisé", "the village of X"), spelt as it may be
            for t in found
            if (t.pos_ == "PROPN" or entity_of(t) is not None)
            and (t.i in introduced or self.known_place((entity_of(t) or name_span(t)).text))
        ]
        if named:
            return listing(named[0])
        # "in Asuncion" where the parse went astray: a known name after "in"
        containment = any_words("containment_prepositions")
        for tok in tokens_of(sent):
            if fold(tok.text) not in containment or tok.i + 1 >= sent.end:
                continue
            nxt = tok.doc[tok.i + 1]
            if (
                nxt.pos_ == "PROPN"
                and nxt.i not in exclude
                and self.known_place(name_span(nxt).text)
                and self.actors.resolve(name_span(nxt).text, self.lang) is None
                and not self._seat(nxt)
            ):
                return listing(nxt)
        if found:
            return listing(found[0])
        places = [  # a name the parse does not attach: one the gazetteer can place or one
            ent.root  # said as a place ("in the X area"); the model tags many a person's
            for ent in span_ents(sent)  # name as a place
            if ent.label_ in PLACE_LABELS
            and not self._names_actor(ent.root)
            and not _acting(ent.root)
            and not self._foreign_country(ent)
            and ent.root.i not in exclude
            and (self.near_place(ent.text) or self._said_as_place(ent.root))
            and not self._seat(ent.root)
        ]
        first = sorted(places, key=self._country)[:1]
        return listing(first[0]) if first else []  # with the places listed beside it

    @staticmethod
    def _passive_hit(holder: Token) -> list[Token]:
        """The subject of the trigger's passive verb, what was hit ("la ciudad fue
        bombardeada con obuses", "the town was shelled")."""
        if holder.pos_ not in ("VERB", "AUX") or not is_passive(holder):
            return []
        return [c for c in children_of(holder) if c.dep_ in (*PASSIVE_SUBJECT_DEPS, *SUBJECT_DEPS)]

    def _placed_in(self, noun: Token, exclude: set[int]) -> list[Token]:
        """The places a place noun is said to be in ("el bastión ... en la provincia de X")."""
        return [
            child for prep, child in attachments(noun, self.lang)
            if prep in any_words("place_prepositions") and child.i not in exclude
            and self.is_place(child) and not self._names_actor(child) and not self._seat(child)
        ]  # fmt: skip

    def _names_actor(self, token: Token) -> bool:
        """Whether a place-like noun names an actor: a place's name by itself ("contra Duma,
        bastión del grupo Jaish al Islam" is Duma, not the group), any other noun by its
        phrase."""
        ent = entity_of(token)
        if token.pos_ == "PROPN":
            name = ent.text if ent is not None else name_span(token).text
            if self.actors.resolve(name, self.lang, self.country_focus, self.on_date):
                return True
            if (ent is not None and ent.label_ in PLACE_LABELS) or self.known_place(name):
                return False
        return self.actor_of(token) is not None

    def _seat(self, token: Token) -> bool:
        """A seat ("con sede en Londres") or a destination ("regresaba a Hmeimim"): a place
        named in the sentence where nothing happened."""
        return is_seat(token, self.lang) or is_destination(token, self.lang)

    def _said_as_place(self, token: Token) -> bool:
        """A name after a preposition of place ("en X") or naming a place noun ("the X area",
        "la localidad de X")."""
        if preposition(token) in any_words("place_prepositions"):
            return True
        head = token.head
        return head.i != token.i and head.pos_ == "NOUN" and self.is_place(head)

    def _foreign_country(self, ent: Span) -> bool:
        """A country other than the story's, named in the sentence but not where the trigger
        happened ("no joint operation between Russia and Turkey", in a Syrian story): a
        party to it; the story's country takes its place."""
        if self.country_focus is None or is_kicker(ent.root):
            return False  # "Irak: …": a brief filed under another country is told there
        named = countries_named(ent.text, self.lang)
        return len(named) == 1 and self.country_focus not in named

    def _country(self, token: Token) -> bool:
        """A country's name: the place of an event only when no other place is named (a
        country acting or agreeing, "Rusia bombardeó", is no place of impact)."""
        name = name_span(token) if token.pos_ == "PROPN" else None
        return (
            name is not None and len(name) <= 3 and len(countries_named(name.text, self.lang)) == 1
        )

    def non_factual(self, token: Token) -> bool:
        """An intended, feared or prevented event ("en un intento por recuperar"); the topic of
        something sought is not ("busca respuestas sobre el ataque")."""
        cues = attribution_cues(self.lang)
        current = token
        for _ in range(3):
            if current.head.i == current.i:
                return False
            purpose = any(
                fold(c.text) in any_words("purpose_markers") and c.dep_ in ("mark", "aux")
                for c in children_of(current)
            )
            if (
                purpose
                and current.pos_ in ("VERB", "AUX")
                and (
                    current.dep_ in ("advcl", "acl")
                    or fold(current.head.lemma_) in cues.non_factual_heads
                )
            ):
                return not _used_for(current, self.lang)
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
            topic = preposition(current) in words(self.lang, "sought_topic_prepositions")
            current = current.head
            if fold(current.lemma_) in cues.non_factual_heads:
                return True
            if topic:
                return False  # the topic of answers sought happened ("respuestas sobre")
        return False

    def background(self, token: Token) -> bool:
        """A nominal trigger that sets the scene ("durante los combates", "en el marco de los
        bombardeos", "in the course of the fighting")."""
        if token.pos_ != "NOUN":
            return False
        preps = attribution_cues(self.lang).background_preps
        return preposition(token) in preps or _framing_phrase(token) in preps

    def read(
        self,
        token: Token,
        sent: Span,
        family: str | None,
        requires: str | None,
        exclude: set[int] | None = None,
        sub_event_type: str | None = None,
    ) -> Roles:
        """All roles of one trigger."""
        roles = Roles()
        if token.pos_ in ("VERB", "AUX"):
            roles.agent = (
                self.agent_of_verb(token, roles)
                or self._sides_agent(token, roles)
                or self.inherited_agent(token, roles)
                or self.carried_agent(token, roles)
            )
        else:
            roles.agent = self.agent_of_noun(token, roles)
        if roles.agent is not None and ontology().is_crowd(sub_event_type):
            if self.demonym_country(roles.agent):
                roles.agent = None  # "los sirios protestaron": people demonstrating, no army
                roles.rules.append("agent:people-not-forces")
            elif any(r.startswith(BORROWED_AGENT) for r in roles.rules):
                roles.agent = None  # "la policía detuvo a manifestantes": not who protested
                roles.rules.append("agent:not-the-crowd")
        if not roles.sides:
            roles.target = self.target_of(token, roles.agent, roles)
        if roles.target is not None and roles.agent is not None:
            victim, agent = self.actor_of(roles.target), self.actor_of(roles.agent)
            if victim and agent and victim.canonical and victim.canonical == agent.canonical:
                if requires == "place_origin":  # no one drives itself out: the agent came
                    roles.agent = None  # from the wrong clause ("ISIL withdrew, thus
                    roles.rules.append("agent:not-the-driven-out")  # expelling ISIL")
                else:
                    roles.target = None  # one actor is never both who acts and who suffers
                    roles.rules.append("target:same-as-agent")
        if requires == "place_origin":  # "expulsaron al EI de Manbij": the place left
            roles.themes = self.origin_places(token)
            roles.rules.append("place:driven-from")
        elif requires == "place_seized":  # "se hizo con Seij Miskin": the place taken
            roles.themes = self.places_after(token, "seizing_prepositions")
            roles.rules.append("place:seized")
        elif ontology().place_is_theme(family) or requires in ("place_object", "place_subject"):
            roles.themes = self.place_themes(
                token, requires == "place_subject" or is_passive(token)
            )
            roles.rules.append("place:theme")
            if roles.target is not None and roles.target in roles.themes:
                roles.target = None  # the place taken is no victim ("tomaron Salma")
            if roles.target is None:
                roles.target = self.holder(token, roles.themes, roles.agent)
                if roles.target is not None:
                    roles.rules.append("target:holder")
        if not roles.themes:
            roles.themes = self.event_places(token, sent, exclude or set())
            if roles.themes:
                roles.rules.append("place:attached-or-sentence")
                phrases = self.place_phrases(token, roles.themes)
                roles.held_by = self.held_in_phrase(phrases, roles.agent)
            elif self.last_places and self._there(token):
                roles.themes = list(self.last_places)
                roles.rules.append(DEICTIC_PLACE_RULE)
        return roles

    def _there(self, token: Token) -> bool:
        """The trigger's clause is placed by a deictic adverb ("Allí, 15 personas murieron al
        estallar un barril", "There, rebels shelled ..."), not the existential "there"."""
        deictics = words(self.lang, "place_deictics")
        for head in (token, *list(token.ancestors)[:4]):
            if any(c.dep_ == "advmod" and fold(c.text) in deictics for c in children_of(head)):
                return True
        return False

    def remember_places(self, roles: list[Roles]) -> None:
        """After a sentence: the places its triggers named, for a later "allí" / "there"."""
        named = [t for r in roles for t in r.themes if DEICTIC_PLACE_RULE not in r.rules]
        if named:
            self.last_places = named

    @staticmethod
    def _acting_subject(token: Token) -> bool:
        """The subject of a verb, itself or as what a subject counts ("miles de manifestantes
        marcharon", "thousands of protesters marched")."""
        for _ in range(3):
            if token.dep_ in SUBJECT_DEPS and token.head.pos_ in ("VERB", "AUX"):
                return True
            if token.dep_ not in ("nmod", "pobj", "prep") or token.head.i == token.i:
                return False
            token = token.head
        return False

    def satisfies(self, token: Token, requirement: str) -> bool:
        """Check a trigger pattern's `requires`."""
        if requirement == "place_object":
            return bool(self.place_themes(token, is_passive(token)))
        if requirement == "place_subject":
            return bool(self.place_themes(token, True))
        if requirement == "place_origin":
            return bool(self.origin_places(token))
        if requirement == "place_seized":
            return bool(self.places_after(token, "seizing_prepositions"))
        if requirement == "object":
            objects = OBJECT_DEPS | PASSIVE_SUBJECT_DEPS
            return any(c.dep_ in objects for c in children_of(token)) or token.pos_ == "NOUN"
        if requirement == "subject":  # or placed: "manifestantes en X", not their target
            if self._acting_subject(token):  # ("la violencia contra manifestantes, en Libia")
                return True
            against = any_words("target_prepositions") - any_words("object_markers")
            if preposition(token) in against:  # not the personal "a" ("detuvo a manifestantes")
                return False
            return bool(self.event_places(token, sentence_of(token), set()))
        if requirement == "agent":
            roles = Roles()
            if token.pos_ in ("VERB", "AUX"):
                return (
                    self.agent_of_verb(token, roles) or self.inherited_agent(token, roles)
                ) is not None
            return self.agent_of_noun(token, roles) is not None
        raise ValueError(f"unknown trigger requirement {requirement!r}")


def _acting(name: Token) -> bool:
    """A name the sentence has act or own something ("Russia agreed", "Russia's lack of a
    response", "the Kurds and Russia agreed"): a state as a party, not where it happened."""
    if is_kicker(name):
        return False  # "Siria: Rusia niega …": the label the story is filed under
    current = name
    for _ in range(3):
        if current.dep_ in SUBJECT_DEPS:
            return True
        if current.dep_ in ("poss", "nmod:poss"):  # not "Iraq's Nineveh province"
            owned = current.head
            return not (is_generic(owned.lemma_, owned.doc.lang_)
                        or any(t.pos_ == "PROPN" for t in owned.subtree if t.i != current.i))
        if current.dep_ not in ("conj", "appos") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _used_for(purpose: Token, lang: str) -> bool:
    """A purpose clause of a verb of using told in the past ("utilizó helicópteros para
    bombardear a la población", "used jets to bomb the town"): the means were used, so the
    deed was done."""
    verb = purpose.head
    return (
        fold(verb.lemma_) in words(lang, "instrument_verbs")
        and "Past" in morph_values(verb, "Tense")
        and not negated(verb)
    )


def _passive_governor(noun: Token) -> Token | None:
    """The passive verb whose subject the noun (or the phrase it is part of) is: "a barrel
    bomb was dropped by/from ...", "fue lanzada una bomba de barril desde ..." -> the verb,
    whose agent is the deed's."""
    current = noun
    for _ in range(2):  # "a barrel bomb", "una bomba de barril": the phrase's head
        if current.dep_ not in ("compound", "nmod") or current.head.i == current.i:
            break
        current = current.head
    verb = current.head
    if current.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and verb.i != current.i and (
        verb.pos_ in ("VERB", "AUX") and is_passive(verb)
    ):
        return verb
    return None


def _framing_phrase(token: Token) -> str | None:
    """The phrase a nominal hangs from through a framing noun, words folded: "en el marco de"
    for "en el marco de los bombardeos", "in the course of" for "in the course of the
    fighting" (the framing noun's preposition and article, the noun, the nominal's own)."""
    own = preposition(token)
    frame = nominal_head(token)
    if own is None or frame is token or frame.pos_ != "NOUN":
        return None
    outer = preposition(frame)
    if outer is None:
        return None
    articles = [fold(c.text) for c in children_of(frame) if c.dep_ == "det" and c.i < frame.i]
    return " ".join([outer, *articles, fold(frame.text), own])
