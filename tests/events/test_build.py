"""Event building: one event per place hit and per coordinated agent, cumulative tolls are no
events, and a later "el ataque" / "the attack" joins the event it names (sentences ours)."""

from __future__ import annotations

from datetime import date

import pytest

from cronica.pipeline import Pipeline
from cronica.record import Document, Event


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def events(pipeline: Pipeline, lang: str, text: str) -> list[Event]:
    return pipeline.extract(Document(id="t", text=text, lang=lang, date=date(2020, 2, 8)))


def places(found: list[Event]) -> set[str | None]:
    return {e.location.canonical if e.location else None for e in found}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los rebeldes bombardearon el martes los barrios de Hanano, Bustan al-Qasr y "
               "Sheikh Maqsoud."),
        ("es", "Varios cohetes cayeron el martes sobre los barrios de Hanano, Bustan al-Qasr y "
               "Sheikh Maqsoud."),
        ("en", "Rebels shelled the districts of Hanano, Bustan al-Qasr and Sheikh Maqsoud on "
               "Tuesday."),
    ],
)  # fmt: skip
def test_a_list_of_places_hit_gives_one_event_per_place(pipeline, lang, text):
    found = events(pipeline, lang, text)
    assert len(found) == 3
    assert len(places(found)) == 3
    assert all(e.sub_event_type == "Shelling/artillery/missile attack" for e in found)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Aviones rusos bombardearon el martes las ciudades de Idlib, Saraqib y Maarat "
               "al-Numan."),
        ("en", "Russian warplanes struck Idlib, Saraqib and Maarat al-Numan on Tuesday."),
    ],
)  # fmt: skip
def test_towns_struck_are_one_event_each(pipeline, lang, text):
    found = [e for e in events(pipeline, lang, text) if e.sub_event_type == "Air/drone strike"]
    assert places(found) == {"Idlib", "Saraqib", "Ma'arrat an Nu'man"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los aviones sirios y rusos bombardearon el martes la ciudad de Idlib."),
        ("en", "Syrian and Russian warplanes struck Idlib on Tuesday."),
    ],
)
def test_coordinated_national_adjectives_are_two_agents(pipeline, lang, text):
    found = [e for e in events(pipeline, lang, text) if e.sub_event_type == "Air/drone strike"]
    actors = {e.actor1.canonical for e in found if e.actor1 is not None}
    assert actors == {"Military Forces of Syria (2000-)", "Military Forces of Russia (2000-)"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Más de 300 personas han muerto desde el lunes en los bombardeos sobre Alepo."),
        ("es", "En lo que va de año, 500 personas han sido asesinadas en Alepo."),
        ("en", "More than 300 people have been killed in Aleppo since the start of the offensive."),
        ("en", "Government shelling has killed 80 people in Aleppo so far this month."),
        ("es", "Según el Ejército, 40 milicianos murieron en combates entre el 8 y el 11 de "
               "enero."),
        ("en", "According to the army, 40 militants were killed in clashes between 8 and 11 "
               "January."),
    ],
)
def test_a_cumulative_toll_is_no_event(pipeline, lang, text):
    assert events(pipeline, lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Al menos 40 civiles murieron el martes en los bombardeos sobre Alepo."),
        ("en", "Government shelling killed 40 civilians in Aleppo on Tuesday."),
    ],
)
def test_a_toll_of_one_day_stays_with_its_event(pipeline, lang, text):
    (event,) = events(pipeline, lang, text)
    assert event.fatalities is not None and event.fatalities.best == 40


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Aviones rusos bombardearon el martes la ciudad de Idlib. Desde enero, más de 300 "
               "personas han muerto en la provincia."),
        ("en", "Russian jets bombed Idlib on Tuesday. More than 300 people have been killed in "
               "the province since January."),
    ],
)  # fmt: skip
def test_a_cumulative_toll_is_no_figure_of_the_event_before(pipeline, lang, text):
    (event,) = events(pipeline, lang, text)
    assert event.fatalities is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Aviones rusos bombardearon el martes la ciudad de Idlib. El ataque dejó 12 "
               "muertos, según el Observatorio."),
        ("en", "Russian jets bombed Idlib on Tuesday. The attack killed 12 civilians, activists "
               "said."),
    ],
)  # fmt: skip
def test_a_later_definite_mention_joins_the_event_it_names(pipeline, lang, text):
    (event,) = events(pipeline, lang, text)
    assert event.sub_event_type == "Air/drone strike"
    assert {m.sentence_index for m in event.mentions} == {0, 1}
    assert event.fatalities is not None and event.fatalities.best == 12
    # named back ("el ataque"), or, a general word beside the specific mention, typed by it
    assert {"link:names-previous", "link:same-document"} & set(event.rules)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "El 14 de abril, el Estado Islámico lanzó un ataque contra la ciudad de Jánaser y al "
            "día siguiente tomó la aldea de Abu Hamid.",
        ),
        (
            "en",
            "On 14 April, ISIL launched an attack on the town of Khanasir, and by the following "
            "day they captured the nearby village of Abu Hamid.",
        ),
    ],
)
def test_a_trigger_takes_the_last_date_before_it(pipeline, lang, text):
    doc = Document(id=f"dates-{lang}", text=text, lang=lang, date=date(2016, 5, 1))
    found = [ev for ev in pipeline.analyse(doc).events if ev.action == "capture"]
    assert found and all(ev.date == "2016-04-15" for ev in found)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "La policía mató a tres manifestantes durante la protesta del martes en Homs."),
        ("en", "Police killed three protesters during Tuesday's protest in Homs."),
    ],
)
def test_a_protest_met_with_force_in_one_sentence_is_one_event(pipeline, lang, text):
    found = [e for e in events(pipeline, lang, text) if e.event_type == "Protests"]
    assert [e.sub_event_type for e in found] == ["Excessive force against protesters"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("es", "En la provincia de Homs, dos civiles murieron en bombardeos contra la localidad "
               "de Talbisé.", "Talbiseh"),
        ("en", "In Homs province, two civilians died in shelling on the town of Talbisé.",
         "Talbiseh"),
    ],
)  # fmt: skip
def test_a_place_noun_names_its_place_in_any_spelling(pipeline, lang, text, expected):
    """The town hit is the place, not the province around it, though the gazetteer spells
    it otherwise."""
    found = events(pipeline, lang, text)
    assert found and {e.location.canonical for e in found if e.location} <= {
        expected, "Tallbisah"  # the same town under two gazetteer entries
    }


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "La policía detuvo el martes en Bengasi a varios activistas, entre los que se "
               "encuentra Karim el Wadi."),
        ("en", "Police arrested several activists in Benghazi on Tuesday, among them Karim "
               "el Wadi."),
    ],
)  # fmt: skip
def test_a_person_listed_among_the_victims_is_no_place(pipeline, lang, text):
    found = events(pipeline, lang, text)
    assert [e.location.canonical for e in found if e.location] == ["Benghazi"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los rebeldes atacaron el cuartel de Saraqib el jueves. El 4 de abril de 2021, "
               "aviones rusos bombardearon el mercado de Idlib."),
        ("en", "Rebels attacked the barracks in Saraqib on Thursday. On 4 April 2021, Russian "
               "jets bombed the market of Idlib."),
    ],
)  # fmt: skip
def test_an_event_told_as_past_but_dated_after_publication_is_not_this_news(
    pipeline, lang, text
):
    """The page was rewritten after its date: the later event is not this report's news."""
    found = events(pipeline, lang, text)
    assert [e.sub_event_type for e in found] == ["Armed clash"]  # rebels on a barracks


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los rebeldes tomaron el cuartel de Saraqib. El 4 de abril de 2021, aviones rusos "
               "bombardearon el mercado de Idlib. La noche del 6 al 7 de abril, aviones sirios "
               "atacaron el hospital de Maarat al-Numan."),
        ("en", "Rebels seized the barracks in Saraqib. On 4 April 2021, Russian jets bombed the "
               "market of Idlib. On the night of 6 to 7 April, Syrian jets struck the hospital "
               "of Maarat al-Numan."),
    ],
)  # fmt: skip
def test_a_page_telling_later_events_dates_nothing_by_its_date(pipeline, lang, text):
    """Two events told in the past after the page's date (the second dated from the first):
    the page was written later than its date says, so its undated event is dropped too."""
    assert events(pipeline, lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los rebeldes tomaron el cuartel de Saraqib. Ya habían atacado Idlib antes de la "
               "reunión del próximo domingo."),
        ("en", "Rebels seized the barracks in Saraqib. They had attacked Idlib before the talks "
               "of next Sunday."),
    ],
)  # fmt: skip
def test_a_coming_weekday_told_beside_the_past_is_no_later_event(pipeline, lang, text):
    """"el próximo domingo" counts forward from the page's date: no sign of a later page."""
    assert "Non-state actor overtakes territory" in {e.sub_event_type
                                                      for e in events(pipeline, lang, text)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los rebeldes atacaron el cuartel de Saraqib el jueves. En septiembre de 2014 "
               "comenzó la campaña aérea. Aviones rusos bombardearon el mercado de Idlib."),
        ("en", "Rebels attacked the barracks in Saraqib on Thursday. The air campaign began "
               "in September 2014. Russian jets bombed the market of Idlib."),
    ],
)  # fmt: skip
def test_an_old_period_carries_to_the_next_undated_sentence(pipeline, lang, text):
    """The narrative stays in September 2014 until a sentence moves it: background."""
    found = events(pipeline, lang, text)
    assert [e.sub_event_type for e in found] == ["Armed clash"]  # rebels on a barracks


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los blancos de los aviones de ataque rusos, según el ministerio, eran depósitos en "
               "las provincias de Hama, Homs y Latakia."),
        ("en", "The targets of the Russian attack jets, the ministry said, were depots in the "
               "provinces of Hama, Homs and Latakia."),
    ],
)  # fmt: skip
def test_places_listed_where_the_parse_attaches_none_are_one_event_each(pipeline, lang, text):
    found = [e for e in events(pipeline, lang, text) if e.sub_event_type == "Air/drone strike"]
    assert len(places(found)) == 3


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "La ciudad siria de Alepo vivió otra jornada de violencia. Según la ONG, los "
               "cohetes cayeron el martes sobre los barrios de Saladino, Zahra y "
               "Suleimaniya."),
        ("en", "The Syrian city of Aleppo lived another day of violence. According to the "
               "monitor, the rockets fell on Tuesday on the districts of Saladino, Zahra and "
               "Suleimaniya."),
    ],
)  # fmt: skip
def test_districts_listed_stay_in_the_story_city_each_its_own_place(pipeline, lang, text):
    """A district is looked for in the story's city, not taken for a town elsewhere (Zahra
    in Homs, Sulaymaniyah in Iraq); one the city lacks keeps its name at the city's point,
    so the list stays one event per district."""
    found = [e for e in events(pipeline, lang, text) if e.location is not None]
    assert len(found) == 3
    assert {e.location.admin1 for e in found} == {"Aleppo"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Veinte civiles murieron el martes en un ataque, según el Observatorio, una "
               "organización con sede en Londres."),
        ("en", "Twenty civilians died on Tuesday in an attack, said the Observatory, a monitor "
               "based in London."),
        ("en", "Twenty civilians died on Tuesday in an attack, the Great Britain-based "
               "Observatory said."),
    ],
)  # fmt: skip
def test_a_sources_seat_is_no_place_of_the_event(pipeline, lang, text):
    found = places(events(pipeline, lang, text))
    assert "London" not in found and "United Kingdom" not in found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los bombardeos del régimen golpearon el último bastión rebelde de Siria en la "
               "provincia de Idlib."),
        ("en", "Regime jets struck the last rebel stronghold of Syria in Idlib province."),
    ],
)  # fmt: skip
def test_a_place_said_to_be_in_a_finer_place_takes_the_finer(pipeline, lang, text):
    """"the stronghold of Syria in Idlib province": the event is in Idlib, not just Syria."""
    assert places(events(pipeline, lang, text)) == {"Idlib"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Rebeldes toman un cuartel en Saraqib\nLos rebeldes tomaron el cuartel de "
               "Saraqib, según vecinos de la ciudad.\nOtras noticias\n"
               "Aviones rusos bombardean Idlib\nAviones rusos bombardearon el mercado de Idlib, "
               "informaron los vecinos. (04.05.2020)\n"),
        ("en", "Rebels seize barracks in Saraqib\nRebels seized the barracks in Saraqib, "
               "residents of the town said.\nOther news\n"
               "Russian jets bomb Idlib\nRussian jets bombed the market of Idlib, residents "
               "said. (04.05.2020)\n"),
    ],
)  # fmt: skip
def test_a_dated_brief_is_dated_by_the_date_that_closes_it(pipeline, lang, text):
    """A teaser whose paragraph ends with its date in brackets: its sentences and its
    headline take that date, not the page's."""
    found = [e for e in events(pipeline, lang, text) if e.sub_event_type == "Air/drone strike"]
    assert found and {e.date for e in found} == {"2020-05-04"}, found
    assert all("04.05.2020" in (e.date_text or "") for e in found)  # the words that dated it


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Su familia supo hoy, a través de funcionarios, que el activista fue ejecutado en "
               "2015 en la prisión de Saydnaya."),
        ("en", "His family learned today from officials that the activist was executed in 2015 "
               "in Saydnaya prison."),
    ],
)  # fmt: skip
def test_a_date_said_of_the_triggers_own_verb_dates_it(pipeline, lang, text):
    """Two dates in a sentence: the one the trigger's verb governs, not the one before it."""
    found = [e for e in events(pipeline, lang, text) if e.action == "execution"]
    assert found and found[0].date == "2015" and found[0].date_precision == "year"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "La policía dispersó por la fuerza el martes a cientos de manifestantes en "
               "Bengasi. Los manifestantes, armados con piedras, prendieron fuego a dos "
               "autobuses."),
        ("en", "Police forcibly dispersed hundreds of protesters in Benghazi on Tuesday. The "
               "protesters, armed with stones, set two buses on fire."),
    ],
)  # fmt: skip
def test_a_protest_that_turns_violent_is_one_violent_demonstration(pipeline, lang, text):
    found = events(pipeline, lang, text)
    assert [e.sub_event_type for e in found] == ["Violent demonstration"]
    assert found[0].actor1 is not None and found[0].actor1.canonical == "Rioters (Libya)"
    assert found[0].actor2 is not None and found[0].actor2.actor_type == "State forces"
    assert len(found[0].mentions) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "La policía dispersó el martes una protesta en Bengasi. Hubo una marcha "
               "pacífica en Misrata. En Sirte, unos desconocidos asaltaron una tienda. Al día "
               "siguiente, los manifestantes prendieron fuego a una comisaría de Bengasi."),
        ("en", "Police dispersed a protest in Benghazi on Tuesday. There was a peaceful march "
               "in Misrata. In Sirte, unknown men raided a shop. The next day, protesters set "
               "a police station in Benghazi on fire."),
    ],
)  # fmt: skip
def test_degrees_of_protest_far_apart_or_elsewhere_stay_apart(pipeline, lang, text):
    subs = sorted(e.sub_event_type for e in events(pipeline, lang, text))
    assert "Protest with intervention" in subs and "Violent demonstration" in subs
    assert "Peaceful protest" in subs


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "La policía antidisturbios lanzó gases lacrimógenos contra una sentada frente al "
               "Parlamento de Beirut."),
        ("en", "Riot police fired tear gas at a sit-in outside parliament in Beirut."),
    ],
)  # fmt: skip
def test_riot_police_breaking_up_a_sit_in_is_no_riot(pipeline, lang, text):
    assert [e.sub_event_type for e in events(pipeline, lang, text)] == [
        "Protest with intervention"
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "En represalia por el ataque del Estado Islámico contra un convoy, los rebeldes "
               "atacaron el martes posiciones del grupo en Dabiq."),
        ("en", "In retaliation for the Islamic State attack on a convoy, rebels attacked the "
               "group's positions in Dabiq on Tuesday."),
    ],
)  # fmt: skip
def test_the_deed_retaliated_for_sets_the_scene_and_takes_over_nothing(pipeline, lang, text):
    found = events(pipeline, lang, text)
    assert [e.sub_event_type for e in found] == ["Armed clash"]
    assert found[0].actor1 is not None and found[0].actor1.canonical == "Rebel groups"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Seis personas murieron el martes en un ataque en Qamishli. Un coche bomba estalló "
               "junto al mercado de Qamishli."),
        ("en", "Six people were killed in a bombing in Qamishli on Tuesday. A car bomb exploded "
               "near the market in Qamishli."),
    ],
)  # fmt: skip
def test_a_general_word_is_typed_by_the_specific_mention_beside_it(pipeline, lang, text):
    (event,) = events(pipeline, lang, text)
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor1 is not None and event.actor1.canonical == "Unidentified Armed Group (Syria)"
    assert {m.sentence_index for m in event.mentions} == {0, 1}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Aviones rusos atacaron Alepo el martes. Los ataques aéreos, los bombardeos y "
               "los combates terrestres sacudieron Alepo."),
        ("en", "Russian warplanes struck Aleppo on Tuesday. The airstrikes, the bombardment and "
               "the ground fighting shook Aleppo."),
    ],
)  # fmt: skip
def test_a_general_word_set_beside_a_specific_one_keeps_its_own_type(pipeline, lang, text):
    subs = {e.sub_event_type for e in events(pipeline, lang, text)}
    assert {"Air/drone strike", "Shelling/artillery/missile attack"} <= subs


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "ONG denunció la muerte de cuatro personas en un ataque al sur de Idlib."),
        ("en", "NGO reports the death of four civilians in an air strike south of Idlib."),
    ],
)  # fmt: skip
def test_civilians_are_never_actor_1(pipeline, lang, text):
    (event,) = events(pipeline, lang, text)
    assert event.actor1 is None or event.actor1.actor_type != "Civilians"
    assert event.actor2 is not None and event.actor2.actor_type == "Civilians"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Rebeldes toman un cuartel en Saraqib\nLos rebeldes tomaron el cuartel de "
               "Saraqib, según vecinos de la ciudad.\nOtras noticias\nSeis muertos en un ataque "
               "en el noreste de Siria\nUn coche bomba mató a seis personas en Qamishli, informó "
               "el Observatorio. (30.07.2020)\n"),
        ("en", "Rebels seize barracks in Saraqib\nRebels seized the barracks in Saraqib, "
               "residents of the town said.\nOther news\nSix killed in a bombing in northeastern "
               "Syria\nA car bomb killed six people in Qamishli, the Observatory said. "
               "(30.07.2020)\n"),
    ],
)  # fmt: skip
def test_a_briefs_general_headline_is_the_event_its_body_tells(pipeline, lang, text):
    (brief,) = [e for e in events(pipeline, lang, text) if e.zone == "brief"]
    assert brief.sub_event_type == "Remote explosive/landmine/IED"
    assert brief.location is not None and brief.location.canonical == "Al Qamishli"
    assert len(brief.mentions) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Otras noticias\nAtaque con gas en Siria\nLos rebeldes acusaron al Ejército de "
               "lanzar barriles con cloro sobre Saraqib. (03.08.2016)\nProtestas en Homs\nCientos "
               "de personas se manifestaron en Homs. (02.08.2016)\n"),
        ("en", "Other news\nGas attack in Syria\nRebels accused the army of a chlorine gas "
               "attack on Saraqib. (03.08.2016)\nProtests in Homs\nHundreds of people "
               "demonstrated in Homs. (02.08.2016)\n"),
    ],
)  # fmt: skip
def test_a_briefs_headline_and_body_of_one_day_are_one_event(pipeline, lang, text):
    """A brief's headline names the country, its body the town, on the brief's one date."""
    gas = [e for e in events(pipeline, lang, text) if e.sub_event_type == "Chemical weapon"]
    assert len(gas) == 1 and len(gas[0].mentions) == 2
    assert gas[0].location is not None and gas[0].location.canonical == "Saraqib"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Alepo sufre un asedio. En Alepo faltan alimentos y en Alepo no quedan hospitales. "
               "Estados Unidos investiga un supuesto ataque con gas cloro en Siria. La denuncia "
               "fue hecha por rescatistas. Según los rescatistas, el ataque dejó seis heridos."),
        ("en", "Aleppo is under siege. In Aleppo food is scarce and in Aleppo no hospitals are "
               "left. The United States investigates an alleged chlorine gas attack in Syria. The "
               "report was made by rescuers. According to the rescuers, the attack wounded six "
               "people."),
    ],
)  # fmt: skip
def test_a_definite_mention_placed_only_by_the_story_names_the_event_before(
    pipeline, lang, text
):
    (event,) = events(pipeline, lang, text)
    assert event.sub_event_type == "Chemical weapon"
    assert len(event.mentions) == 2


@pytest.mark.parametrize(
    ("lang", "text", "sub"),
    [
        ("es", "El martes, los soldados dispararon contra rebeldes heridos en Trípoli.", "Attack"),
        ("en", "On Tuesday, soldiers killed wounded rebels in a hospital in Tripoli.", "Attack"),
        ("es", "Los rebeldes atacaron a los soldados que habían herido a dos civiles en Trípoli.",
         "Armed clash"),
        ("en", "Rebels attacked the soldiers who had wounded two civilians in Tripoli.",
         "Armed clash"),
        ("es", "El martes, los soldados mataron a cuatro presos en la cárcel de Trípoli.",
         "Attack"),
        ("en", "On Tuesday, soldiers killed four prisoners in a jail in Tripoli.", "Attack"),
    ],
)  # fmt: skip
def test_violence_on_the_defenceless_is_one_sided(pipeline, lang, text, sub):
    """Wounded, captured or unarmed fighters and prisoners cannot fight back: an Attack; a
    clause about whom the victims wounded changes nothing; a jail is where, not an arrest."""
    assert [e.sub_event_type for e in events(pipeline, lang, text)] == [sub]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Un helicóptero ruso fue derribado el lunes cerca de Saraqib. El Ministerio de "
               "Defensa ruso declaró que el helicóptero fue derribado mientras regresaba a la "
               "base aérea de Hmeimim."),
        ("en", "A Russian helicopter was shot down near Saraqib on Monday. The Russian Defence "
               "Ministry said the helicopter was shot down while returning to Hmeimim air base."),
    ],
)  # fmt: skip
def test_where_a_craft_was_heading_is_no_place_of_the_event(pipeline, lang, text):
    (event,) = events(pipeline, lang, text)
    assert event.location is not None and event.location.canonical == "Saraqib"
    assert ("Russian Ministry of Defence", "claims") in {(c.source, c.stance) for c in event.claims}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los rebeldes entraron el lunes en Azaz y en Azaz izaron su bandera. La ciudad de "
               "Dabiq fue tomada por los rebeldes el martes. Dos días después, el EI recuperó la "
               "ciudad."),
        ("en", "The rebels entered Azaz on Monday and raised their flag in Azaz. The town of "
               "Dabiq was captured by the rebels on Tuesday. Two days later, IS retook the town."),
    ],
)  # fmt: skip
def test_the_town_is_the_town_named_in_the_sentence_before(pipeline, lang, text):
    found = events(pipeline, lang, text)
    retaken = [e for e in found if e.actor1 and e.actor1.canonical == "Islamic State"]
    assert [e.location.canonical if e.location else None for e in retaken] == ["Dabiq"]


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("es", "En la provincia de Alepo, vecinos informaron de que el bombardeo lanzado por el "
               "ejército contra la localidad de Dabiq mató a dos civiles.", "Dabiq"),
        ("en", "In Aleppo province, activists said that air strikes carried out by Russian jets "
               "on Akhtarin killed two civilians.", "Akhtarin"),
    ],
)  # fmt: skip
def test_the_place_a_participle_of_the_trigger_names_is_the_place_hit(
    pipeline, lang, text, place
):
    (event,) = events(pipeline, lang, text)
    assert event.location is not None and event.location.canonical == place


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "El 12 de febrero, diez soldados murieron en un ataque del EI al este de "
               "Salamiyah."),
        ("en", "On 12 February, ten soldiers were killed in an attack by IS east of Salamiyah."),
        ("es", "Los combates se libraron el martes a las afueras de Salamiyah."),
        ("es", "El sábado, las fuerzas gubernamentales bombardearon los barrios del este de la "
               "ciudad de Salamiyah."),
    ],
)  # fmt: skip
def test_a_place_said_with_a_direction_or_its_outskirts_is_approximate(pipeline, lang, text):
    (event,) = events(pipeline, lang, text)
    assert event.location is not None and event.location.canonical == "As Salamiyah"
    assert event.location.geo_precision == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "La ofensiva sobre Mayadin comenzó. Mayadin fue bombardeada. El martes, ataques "
               "aéreos mataron a 40 civiles que cruzaban el Éufrates en barca."),
        ("en", "The offensive on Mayadin began. Mayadin was shelled. On Tuesday, airstrikes "
               "killed 40 civilians who were crossing the Euphrates by boat."),
    ],
)  # fmt: skip
def test_a_river_is_placed_at_the_story_town(pipeline, lang, text):
    found = events(pipeline, lang, text)
    town = next(e.location for e in found if e.sub_event_type.startswith("Shelling"))
    (strike,) = [e for e in found if e.sub_event_type == "Air/drone strike"]
    assert strike.location is not None and town is not None
    assert (strike.location.lat, strike.location.lon) == (town.lat, town.lon)
    assert strike.location.geo_precision == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "En Alepo, la policía detuvo el martes a 15 manifestantes que protestaban contra "
               "la escasez de pan en el barrio de Sheikh Maqsoud."),
        ("en", "In Aleppo, police on Tuesday arrested 15 protesters who were protesting against "
               "bread shortages in the Sheikh Maqsoud district."),
    ],
)  # fmt: skip
def test_a_finite_relative_clause_of_the_trigger_gives_it_no_place(pipeline, lang, text):
    """Only a participle of the trigger ("lanzado contra X") names its place; where the
    crowd protested ("que protestaban en X") does not move the arrest."""
    (arrest,) = [e for e in events(pipeline, lang, text) if e.sub_event_type == "Arrests"]
    assert arrest.location is not None and arrest.location.canonical.endswith("Aleppo")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Siria vive su sexto año de guerra. El Gobierno sirio anunció el viernes que la "
               "tregua acordada con los rebeldes entró en vigor."),
        ("en", "Syria is in its sixth year of war. The Syrian government said on Friday that the "
               "truce agreed with the rebels had come into force."),
    ],
)  # fmt: skip
def test_an_event_no_town_places_is_placed_in_the_documents_country(pipeline, lang, text):
    (event,) = events(pipeline, lang, text)
    assert event.location is not None and event.location.canonical == "Syria"
    assert event.location.geo_precision == 3


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los rebeldes controlan Raqqa. En Raqqa no hay luz. Seis personas murieron el "
               "martes en un ataque en el noreste de Siria. Un coche bomba estalló junto a un "
               "mercado."),
        ("en", "The rebels hold Raqqa. In Raqqa there is no power. Six people were killed on "
               "Tuesday in a bombing in northeastern Syria. A car bomb exploded next to a "
               "market."),
    ],
)  # fmt: skip
def test_a_place_said_beats_the_storys_town_a_mention_was_given(pipeline, lang, text):
    (event,) = events(pipeline, lang, text)
    assert event.location is not None and event.location.canonical == "Syria"
    assert len(event.mentions) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "El 7 de octubre, el Ejército sirio tomó la mitad de Mayadin."),
        ("es", "El 7 de octubre, el Ejército sirio se hizo con gran parte de la ciudad de "
               "Mayadin."),
        ("en", "On 7 October, the Syrian Army captured half of Mayadin."),
        ("en", "On 7 October, half of Mayadin was taken by the Syrian Army."),
        ("en", "On 7 October, the Syrian Army re-entered most of Mayadin."),
    ],
)  # fmt: skip
def test_a_place_taken_in_part_is_that_place(pipeline, lang, text):
    """ "la mitad de X", "most of the town of X": the portion taken lies in X."""
    (event,) = events(pipeline, lang, text)
    assert event.sub_event_type == "Government regains territory"
    assert event.location is not None and event.location.canonical == "Al Mayadin"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los combatientes del EI atacaron la ciudad de Janasir el 22 de febrero. En otro "
               "lugar, el EI tomó una aldea cerca de Saraqib. Las fuerzas del Gobierno "
               "recuperaron la aldea al día siguiente."),
        ("en", "ISIL fighters attacked the town of Khanasir on 22 February. Elsewhere, ISIL took "
               "a village near Saraqib. Government forces recaptured the village the following "
               "day."),
    ],
)  # fmt: skip
def test_the_village_is_the_one_the_sentence_before_placed(pipeline, lang, text):
    """ "a village near Saraqib ... the village": near Saraqib (precision 2), not Saraqib
    itself and not the story's most named town."""
    regained = [e for e in events(pipeline, lang, text)
                if e.sub_event_type == "Government regains territory"]  # fmt: skip
    assert len(regained) == 1 and regained[0].location is not None
    assert regained[0].location.canonical == "Saraqib"
    assert regained[0].location.geo_precision == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "El 4 de febrero, Hayat Tahrir al-Sham atacó las posiciones del Ejército cerca de "
               "Saraqib con dos coches bomba suicidas."),
        ("en", "On 4 February, Hayat Tahrir al-Sham attacked the positions of the Syrian Army "
               "near Saraqib with two suicide car bombs."),
    ],
)  # fmt: skip
def test_one_phrase_of_matching_words_is_one_event_and_its_owner_no_place(pipeline, lang, text):
    """ "coches bomba suicidas": one mention, however many of its words are triggers; "las
    posiciones del Ejército" names the army that holds them, not a place called Ejército."""
    found = [e for e in events(pipeline, lang, text) if e.sub_event_type == "Suicide bomb"]
    assert len(found) == 1
    place = found[0].location
    assert place is not None and place.canonical == "Saraqib"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los rebeldes bombardearon Idlib el lunes.\nEl martes, los rebeldes bombardearon "
               "de nuevo después de que Rusia aceptara una tregua."),
        ("en", "Rebels shelled Idlib on Monday.\nOn Tuesday, the rebels shelled again after "
               "Russia agreed to a truce."),
        ("en", "Rebels shelled Idlib on Monday.\nIn response to Russia's silence, the rebels "
               "shelled again on Tuesday."),
        ("es", "Los rebeldes bombardearon Idlib el lunes.\nEl martes volvieron a bombardear, "
               "aunque no hubo una operación conjunta entre Rusia y Turquía."),
        ("en", "Rebels shelled Idlib on Monday.\nOn Tuesday the rebels shelled again, but there "
               "was no joint operation between Russia and Turkey."),
    ],
)  # fmt: skip
def test_a_state_that_acts_is_no_place(pipeline, lang, text):
    """ "después de que Rusia aceptara", "Russia's silence", "between Russia and Turkey": a
    party to the story, not where its events happen (the story's town is)."""
    shelling = [e for e in events(pipeline, lang, text)
                if e.sub_event_type == "Shelling/artillery/missile attack"]  # fmt: skip
    assert shelling and all(e.location is not None and e.location.country == "Syria"
                            for e in shelling)  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Muere un oficial ruso cerca de Palmira\nUn oficial fue abatido el jueves durante "
               "una misión en los alrededores de Palmira, en Siria, donde el Ejército realiza "
               "una ofensiva.\nMás noticias\nAtentados en Bruselas (22.03.2016)\nDos explosiones "
               "sacudieron el aeropuerto de Bruselas. (22.03.2016)\nBélgica declara el luto en "
               "Bruselas (23.03.2016)\nEl Gobierno de Bélgica decretó tres días de luto en "
               "Bruselas y en Amberes. (23.03.2016)\nPolicía de Bélgica detiene a un sospechoso "
               "en Bruselas (24.03.2016)\n"),
        ("en", "Russian officer killed near Palmira\nAn officer was shot dead on Thursday during "
               "a mission on the outskirts of Palmira, in Syria, where the army is on the "
               "offensive.\n"
               "More news\nBombings in Brussels (22.03.2016)\nTwo explosions shook Brussels "
               "airport. (22.03.2016)\nBelgium mourns in Brussels (23.03.2016)\nThe government "
               "of Belgium declared three days of mourning in Brussels and Antwerp. (23.03.2016)"
               "\nBelgian police arrest a suspect in Brussels (24.03.2016)\n"),
    ],
)  # fmt: skip
def test_a_pages_ticker_does_not_set_the_storys_country(pipeline, lang, text):
    """The page's list of other stories names Belgium more often than the article names
    anything, but the article's own Palmira is Syria's (Tadmur), not Colombia's."""
    killed = [e for e in events(pipeline, lang, text) if e.zone in ("title", "lead", "body")]
    assert killed and all(e.location is not None and e.location.country == "Syria"
                          for e in killed)  # fmt: skip


def test_a_page_whose_other_zones_name_no_place_resolves_its_places_once_unfocused(
    pipeline, monkeypatch
):
    """The page's briefs name no place: the article's own mentions are all the page's, so
    their focus is read from the resolution already made, not from a second one."""
    import cronica.pipeline as pipeline_module

    text = ("Muere un oficial ruso cerca de Palmira\nUn oficial fue abatido el jueves durante "
            "una misión en los alrededores de Palmira, en Siria, donde el Ejército realiza "
            "una ofensiva.\nMás noticias\nLa bolsa sube un dos por ciento (22.03.2016)\nEl "
            "índice cerró el día con una subida. (22.03.2016)\nEl euro baja frente al dólar "
            "(23.03.2016)\nLa moneda perdió un punto en la sesión. (23.03.2016)\n")
    own_parts, unfocused = [], []
    reporting, resolve = pipeline_module._reporting, pipeline_module.resolve_places

    def counted_reporting(norm, zones, paras, docs):
        found = reporting(norm, zones, paras, docs)
        own_parts.append((len(found), len(docs)))
        return found

    def counted_resolve(texts, lang, focus=None, *args, **kwargs):
        if focus is None:
            unfocused.append(list(texts))
        return resolve(texts, lang, focus, *args, **kwargs)

    monkeypatch.setattr(pipeline_module, "_reporting", counted_reporting)
    monkeypatch.setattr(pipeline_module, "resolve_places", counted_resolve)
    story, _ = pipeline.read(Document(id="t", text=text, lang="es", date=date(2016, 3, 24)))
    [(own, parsed)] = own_parts
    assert 0 < own < parsed  # the briefs are parsed, and are not the article's own
    assert len(unfocused) == 1 and "Palmira" in unfocused[0][0]  # and resolved once
    assert story.places["Palmira"] is not None and story.places["Palmira"].country == "Syria"
