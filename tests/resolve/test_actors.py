"""Actor dictionary and resolver."""

from datetime import date

import pytest

from cronica.resolve.actors import ACTOR_TYPES, ActorResolver, load_actor_entries


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return ActorResolver()


def test_dictionary_loads_and_is_valid() -> None:
    entries = load_actor_entries()
    assert len(entries) >= 55
    assert all(e.actor_type in ACTOR_TYPES for e in entries)
    names = [e.canonical for e in entries]
    assert len(names) == len(set(names))


def test_generic_army_uses_country_focus(resolver: ActorResolver) -> None:
    actor = resolver.resolve("el Ejército", "es", country_focus="Syria")
    assert actor is not None and actor.canonical == "Military Forces of Syria (2000-)"
    assert actor.actor_type == "State forces"


def test_generic_army_without_focus_has_no_canonical(resolver: ActorResolver) -> None:
    actor = resolver.resolve("el Ejército", "es")
    assert actor is not None
    assert actor.canonical is None and actor.actor_type == "State forces"


def test_civilians_and_protesters_take_the_focus_country(resolver: ActorResolver) -> None:
    assert resolver.resolve("los niños", "es", "Syria").canonical == "Civilians (Syria)"
    assert resolver.resolve("un civil", "es", "Iraq").canonical == "Civilians (Iraq)"
    assert resolver.resolve("protesters", "en", "Iraq").canonical == "Protesters (Iraq)"


def test_longest_alias_wins(resolver: ActorResolver) -> None:
    actor = resolver.resolve("los combatientes de Fatah al-Sham", "es", "Syria")
    assert actor.canonical == "Jabhat Fateh al-Sham"
    assert (
        resolver.resolve("el Ejército Libre Sirio", "es", "Syria").canonical == "Free Syrian Army"
    )
    assert (
        resolver.resolve("la fuerza aérea rusa", "es", "Syria").canonical
        == "Military Forces of Russia (2000-)"
    )


def test_fuzzy_transliteration(resolver: ActorResolver) -> None:
    assert resolver.resolve("Jabhat Fateh al-Shaam", "en").canonical == "Jabhat Fateh al-Sham"
    assert (
        resolver.resolve("Harakat Nouriddeen Al-Zinki", "en").canonical
        == "Harakat Nour al-Din al-Zenki"
    )


def test_former_name_before_rename(resolver: ActorResolver) -> None:
    before = resolver.resolve("Frente al-Nusra", "es", on_date=date(2015, 5, 1))
    after = resolver.resolve("Frente al-Nusra", "es", on_date=date(2016, 12, 1))
    assert before.canonical == "Jabhat al-Nusra"
    assert after.canonical == "Jabhat Fateh al-Sham"


def test_pro_government_militia_is_not_the_army(resolver: ActorResolver) -> None:
    actor = resolver.resolve("las milicias chiitas progubernamentales", "es", "Syria")
    assert actor.canonical == "Pro-Government Militia (Syria)"


def test_acronyms_are_case_sensitive(resolver: ActorResolver) -> None:
    assert resolver.resolve("el EI", "es").canonical == "Islamic State"
    assert resolver.resolve("ei", "es") is None


def test_unknown_mention(resolver: ActorResolver) -> None:
    assert resolver.resolve("el tiempo", "es", "Syria") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("según el SOHR", "NGO"),
        ("el Observatorio Sirio para los Derechos Humanos", "NGO"),
        ("Amnistía Internacional", "NGO"),
        ("la Cruz Roja", "international organisation"),
        ("la ONU", "international organisation"),
        ("el Ministerio de Defensa ruso", "government"),
        ("Al-Masdar News", "media"),
        ("SANA", "media"),
        ("un funcionario rebelde", "armed group"),
        ("fuentes rusas", "unnamed"),
    ],
)
def test_source_types(resolver: ActorResolver, text: str, expected: str) -> None:
    assert resolver.source_type(text, "es") == expected


def test_patterns_for_entity_ruler(resolver: ActorResolver) -> None:
    patterns = resolver.patterns("es")
    assert {
        "label": "ACTOR",
        "pattern": "Ejército Libre Sirio",
        "id": "Free Syrian Army",
    } in patterns
    assert all(p["id"] and "{country}" not in p["id"] for p in patterns)


@pytest.mark.parametrize(
    ("text", "lang", "canonical"),
    [
        ("helicópteros turcos", "es", "Military Forces of Turkey (2016-)"),
        ("Turkish helicopters", "en", "Military Forces of Turkey (2016-)"),
        ("los helicópteros", "es", "Unidentified Military Forces"),
        ("the helicopters", "en", "Unidentified Military Forces"),
    ],
)
def test_aircraft_are_unidentified_unless_a_country_is_named(
    resolver: ActorResolver, text: str, lang: str, canonical: str
) -> None:
    actor = resolver.resolve(text, lang, "Syria", date(2017, 1, 10))
    assert actor is not None and actor.canonical == canonical


@pytest.mark.parametrize(
    ("text", "lang", "when", "canonical"),
    [
        (
            "las fuerzas leales a Gadafi",
            "es",
            date(2011, 3, 2),
            "Military Forces of Libya (1969-2011)",
        ),
        ("Gaddafi forces", "en", date(2011, 3, 2), "Military Forces of Libya (1969-2011)"),
        ("la policía", "es", date(2011, 2, 20), "Police Forces of Libya (1969-2011)"),
        ("security forces", "en", date(2011, 2, 20), "Police Forces of Libya (1969-2011)"),
    ],
)
def test_libyan_state_forces_take_the_name_of_their_day(
    resolver: ActorResolver, text: str, lang: str, when: date, canonical: str
) -> None:
    actor = resolver.resolve(text, lang, "Libya", when)
    assert actor is not None and actor.canonical == canonical


@pytest.mark.parametrize(
    ("text", "lang", "canonical"),
    [
        ("los yihadistas del EI", "es", "Islamic State"),
        ("ISIL fighters", "en", "Islamic State"),
        ("el Frente al-Nusra", "es", "Jabhat Fateh al-Sham"),
        ("los insurgentes", "es", "Rebel groups"),
        ("opposition fighters", "en", "Rebel groups"),
        ("las fuerzas prorrégimen", "es", "Military Forces of Syria (2000-)"),
        ("forces loyal to Assad", "en", "Military Forces of Syria (2000-)"),
    ],
)
def test_aliases_in_both_languages(
    resolver: ActorResolver, text: str, lang: str, canonical: str
) -> None:
    actor = resolver.resolve(text, lang, "Syria", date(2016, 9, 1))
    assert actor is not None and actor.canonical == canonical


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("OSDH", "es", "Syrian Observatory for Human Rights"),
        (
            "el Observatorio Sirio de Derechos Humanos",
            "es",
            "Syrian Observatory for Human Rights",
        ),
        ("SOHR", "en", "Syrian Observatory for Human Rights"),
        ("the Syrian Observatory", "en", "Syrian Observatory for Human Rights"),
        ("la agencia AFP", "es", "AFP"),
    ],
)
def test_a_listed_source_has_one_name_per_language(
    resolver: ActorResolver, text: str, lang: str, name: str
) -> None:
    assert resolver.source_name(text, lang) == name


def test_alias_index_finds_what_testing_every_alias_finds(resolver: ActorResolver) -> None:
    from cronica.resolve.actors import _AliasIndex
    from cronica.text import actor_key, name_key, strip_articles

    hits = 0
    for lang in ("es", "en"):
        aliases = resolver._alias_list(lang)
        index = _AliasIndex(aliases)
        texts = [a.text for a in aliases[::7]]
        texts += [f"los combatientes de {a.text} y {b.text}" for a, b in
                  zip(aliases[::11], aliases[5::13], strict=False)]
        texts += ["fuerzas del régimen sirio", "the UN envoy", "milicianos (YPG)", "Hamas", "Hama"]
        for text in texts:
            key = actor_key(text, lang)
            stripped = strip_articles(name_key(text))
            every = [a for a in aliases if a.found_in(text, key, stripped)]
            assert index.found(text, key, stripped) == every, text
            hits += len(every)
    assert hits > 100  # the texts do name aliases: the comparison is not of empty lists


@pytest.mark.parametrize("lang", ["es", "en"])
def test_countries_named_through_the_first_word_index_as_by_scanning(lang: str) -> None:
    """Every demonym form, inflected, in a phrase or alone, gives the countries a scan of
    every form gives."""
    from cronica.resolve.actors import _countries_named, _country_forms
    from cronica.text import contains_phrase, name_key

    def scan(text: str) -> frozenset[str]:
        key = name_key(text)
        return frozenset(country for country, forms in _country_forms(lang)
                         if any(contains_phrase(key, form) for form in forms))

    forms = sorted({form for _, group in _country_forms(lang) for form in group})
    texts = [*forms, *(f"las tropas {form} y sus aliados" for form in forms[::5]),
             *(f"{a} {b}" for a, b in zip(forms[::7], forms[3::7], strict=False)),
             "", "   ", "tropas", "Fuerzas Armadas de Siria", "the Syrian army"]
    named = 0
    for text in texts:
        assert _countries_named(text, lang) == scan(text), text
        named += bool(scan(text))
    assert named >= len(forms)


def test_fuzzy_keys_pick_what_scoring_each_alias_picks(resolver: ActorResolver) -> None:
    """One rapidfuzz call over every alias gives the alias a loop scoring each one gives."""
    from rapidfuzz import fuzz

    from cronica.resolve.fuzzy_keys import FuzzyKeys
    from cronica.text import actor_key

    def looped(key: str, keys: list[str]) -> int | None:
        best: tuple[float, int] | None = None
        for n, alias in enumerate(keys):
            score = fuzz.ratio(key, alias)
            if len(key) > len(alias):
                score = max(score, fuzz.partial_ratio(alias, key))
            if score >= 90 and (best is None or score > best[0]):
                best = (score, n)
        return best[1] if best else None

    hits = 0
    for lang in ("es", "en"):
        keys = [a.key for a in resolver._fuzzy_list(lang)]
        index = FuzzyKeys(keys)
        mentions = [k[:-1] for k in keys[::5]] + [f"{k}x de siria" for k in keys[2::9]]
        mentions += [actor_key(t, lang) for t in ("Estado Islamico", "the Syrian Army")]
        for key in mentions:
            assert index.best(key, 90) == looped(key, keys), key
            hits += index.best(key, 90) is not None
    assert hits > 20


def test_named_sources_found_through_their_words_as_by_scanning(
    resolver: ActorResolver,
) -> None:
    from cronica.text import contains_acronym, contains_phrase, name_key

    table = resolver._sources
    texts = [f"según el {alias}" for _k, alias, *_ in table.named[::3]]
    texts += ["fuentes locales", "the UN envoy said", "la agencia SANA informó"]
    for text in texts:
        key = name_key(text)
        scanned = next(((name, stype) for k, alias, name, stype, acronym in table.named
                        if (contains_acronym(text, alias) if acronym
                            else contains_phrase(key, k))), None)
        assert table._find_named(text) == scanned, text
