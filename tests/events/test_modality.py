"""Factuality of triggers (events/modality.py): each trigger that is not a reported, specific
event is dropped with its modality and a reason (``Span._.dropped``)."""

from __future__ import annotations

from datetime import date

import pytest

from cronica.components import read_sentences
from cronica.components.triggers import NAME
from cronica.pipeline import Pipeline
from cronica.record import Document


@pytest.fixture(scope="module")
def verdicts():
    """verdicts(text, lang) -> {trigger word: (modality, reason)}, kept triggers asserted."""
    pipeline = Pipeline()

    def run(text: str, lang: str) -> dict[str, tuple[str, str]]:
        doc = Document(id="t", text=text, lang=lang, date=date(2020, 5, 6))
        _, docs = pipeline.read(doc, upto=NAME)
        found: dict[str, tuple[str, str]] = {}
        for sent in (s for d in docs for s in read_sentences(d)):
            found.update({m.token.text: (m.modality, m.reason) for m in sent._.dropped})
            found.update({m.token.text: ("asserted", "") for m in sent._.triggers})
        return found

    return run


@pytest.mark.parametrize(
    ("lang", "text", "word", "mood"),
    [
        (
            "es",
            "Los rebeldes no llegaron a lanzar ataques contra el cuartel.",
            "ataques",
            "negated",
        ),
        ("en", "The army did not manage to capture the town.", "capture", "negated"),
        ("es", "En la capital se teme un ataque contra el aeropuerto.", "ataque", "intended"),
        ("en", "An attack on the airport is feared.", "attack", "intended"),
        ("es", "Tras cinco años de combates, la ciudad está en ruinas.", "combates", "generic"),
        ("en", "Five years of fighting have left the city in ruins.", "fighting", "generic"),
        ("es", "Estas detenciones fueron denunciadas por las familias.", "detenciones", "generic"),
        ("en", "These arrests were condemned by the families.", "arrests", "generic"),
        ("es", "Los camiones entrarán en las zonas de combate.", "combate", "generic"),
        ("en", "The rebels may attack the base.", "attack", "hypothetical"),
        ("es", "Los rebeldes pueden atacar la base.", "atacar", "hypothetical"),
        (
            "es",
            "Las milicias se enfrentan a las tropas kurdas en el norte.",
            "enfrentan",
            "generic",
        ),
        ("en", "The group fights the army and the Kurds in the north.", "fights", "generic"),
        ("es", "Hay bombardeos y combates en todo el país.", "combates", "generic"),
        ("es", "Los bombardeos que asuelan diariamente la ciudad destruyeron el mercado.",
         "bombardeos", "generic"),
        ("es", "Los ataques diarios contra el barrio dejaron sin agua a la población.", "ataques",
         "generic"),
        ("en", "The shelling that hits the city daily destroyed the market.", "shelling",
         "generic"),
        ("en", "Almost daily air raids on the district have left it without water.", "raids",
         "generic"),
        (
            "es",
            "Hasta ahora Rusia ha realizado pocos ataques contra el grupo.",
            "ataques",
            "generic",
        ),
        ("en", "So far Russia has carried out few attacks on the group.", "attacks", "generic"),
        (
            "es",
            "Según los testigos, los aviones bombardeaban la ciudad cada noche.",
            "bombardeaban",
            "generic",
        ),
        ("es", "Si se confirma la dureza de los ataques, Rusia habrá mentido.", "ataques",
         "hypothetical"),
        ("en", "If the scale of the attacks is confirmed, the truce is over.", "attacks",
         "hypothetical"),
        ("es", "En el marco de los bombardeos rusos, los rebeldes tomaron el pueblo.",
         "bombardeos", "background"),
        ("en", "In the course of the Russian air raids, rebels captured the village.",
         "raids", "background"),
        ("es", "Crece el temor sobre un ataque contra el puerto.", "ataque", "intended"),
        ("es", "La oposición ha convocado una manifestación para el viernes en Sanaa.",
         "manifestación", "intended"),
        ("en", "The opposition has scheduled a protest for Friday in Sanaa.", "protest",
         "intended"),
        ("es", "La ofensiva coincide con el aniversario de la batalla de Marj Dabiq.", "batalla",
         "generic"),
        ("en", "The offensive coincides with the anniversary of the Battle of Marj Dabiq.",
         "Battle", "generic"),
        ("es", "Diez personas resultaron heridas en las infrecuentes manifestaciones del país.",
         "manifestaciones", "generic"),
        ("en", "Ten people were wounded in the country's sporadic protests.", "protests",
         "generic"),
        ("es", "Estas detenciones son consideradas como desapariciones forzadas.",
         "desapariciones", "generic"),
        ("en", "These arrests are described as enforced disappearances.", "disappearances",
         "generic"),
        ("es", "Los crecientes bombardeos del régimen contra Duma dejaron decenas de muertos.",
         "bombardeos", "generic"),
        ("en", "Repeated air strikes on Douma by the regime have left dozens dead.",
         "strikes", "generic"),
        ("es", "Ambos países acordaron poner fin a los combates.", "combates", "ceased"),
        ("en", "Both leaders agreed to put an end to the fighting.", "fighting", "ceased"),
        ("es", "La batalla por el control de Raqqa dejó cientos de muertos entre los kurdos.",
         "batalla", "generic"),
        ("en", "The battle for Raqqa left hundreds of Kurdish fighters dead.", "battle",
         "generic"),
        ("es", "Mientras tanto, los rebeldes atacaban a menudo los convoyes del Ejército.",
         "atacaban", "generic"),
        ("es", "El régimen quiere utilizar helicópteros para bombardear Raqqa.", "bombardear",
         "intended"),
        ("es", "La chispa de la revuelta fue la detención de un clérigo.", "detención",
         "generic"),
        ("en", "The spark of the revolt was the arrest of a cleric.", "arrest", "generic"),
        ("es", "Los rebeldes atacaron a veces los convoyes del Ejército.", "atacaron", "generic"),
        ("en", "The rebels sometimes attacked army convoys.", "attacked", "generic"),
        ("es", "El despliegue refleja la escala de los combates en Alepo.", "combates",
         "generic"),
        ("en", "The deployment reflects the scale of the fighting in Aleppo.", "fighting",
         "generic"),
        ("es", "En semanas recientes decenas de civiles han muerto en las incursiones aéreas "
               "contra Alepo.", "incursiones", "generic"),
        ("en", "In recent weeks, dozens of civilians have died in air raids on Aleppo.", "raids",
         "generic"),
        ("es", "La ofensiva coincide con el aniversario de la batalla de Marj Dabiq, en la que "
               "el Imperio otomano derrotó a los mamelucos y tomó la ciudad de Alepo.",
         "tomó", "generic"),
        ("en", "The offensive coincides with the anniversary of the Battle of Marj Dabiq, in "
               "which the Ottoman Empire defeated the Mamluks and took over much of the Middle "
               "East.", "took", "generic"),
    ],
)
def test_non_reported_triggers_are_dropped_with_a_reason(verdicts, lang, text, word, mood):
    found = verdicts(text, lang)
    assert word in found, found
    assert found[word][0] == mood, found[word]
    assert found[word][1], "a dropped trigger says why"


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("es", "La tregua no logró evitar los combates en Hama.", "combates"),
        ("en", "The truce failed to prevent clashes in Hama.", "clashes"),
    ],
)
def test_a_failed_prevention_reports_the_event(verdicts, lang, text, word):
    assert verdicts(text, lang).get(word) == ("asserted", "")


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("es", "Los rebeldes atacaron el cuartel el lunes.", "atacaron"),
        ("en", "Rebels are attacking the barracks in Idlib.", "attacking"),
        ("es", "La oposición denuncia un ataque químico en Duma.", "ataque"),
        ("en", "The opposition reports an attack on Douma.", "attack"),
        (
            "es",
            "Se reunieron para terminar con los combates que han asolado el pueblo.",
            "combates",
        ),
        ("en", "They met to end the fighting that has ravaged the town.", "fighting"),
        ("es", "Diez niños murieron el jueves en uno de los bombardeos diarios sobre Alepo.",
         "bombardeos"),
        ("en", "Ten children died on Thursday in one of the daily air raids on Aleppo.", "raids"),
        ("es", "Los cohetes han caído sobre el barrio de Hamdaniya.", "cohetes"),
        ("en", "The rockets have fallen on the Hamdaniya district of Aleppo.", "rockets"),
        ("es", "La ONU busca respuestas sobre el ataque contra el convoy en Alepo.", "ataque"),
        ("en", "The UN seeks answers about the attack on the convoy in Aleppo.", "attack"),
        ("es", "Miles de personas acudieron a la manifestación convocada por la oposición.",
         "manifestación"),
        ("es", "El régimen utilizó helicópteros para bombardear Raqqa el lunes.", "bombardear"),
        ("en", "The regime used helicopters to bomb Raqqa on Monday.", "bomb"),
        ("es", "Los manifestantes ahorcaron a dos policías en Bengasi, según un diario libio.",
         "ahorcaron"),
        ("en", "Militants beheaded two soldiers in Raqqa, according to a daily newspaper.",
         "beheaded"),
        ("es", "Una dura batalla estalló el lunes en Raqqa.", "batalla"),
        ("en", "A fierce battle broke out in Raqqa on Monday.", "battle"),
        ("es", "Diez personas resultaron heridas en Adén, mientras miles marchaban en Saná.",
         "marchaban"),
        ("en", "Ten people were wounded in Aden, while thousands were marching in Sanaa.",
         "marching"),
    ],
)
def test_past_progressive_and_attested_events_stay_reported(verdicts, lang, text, word):
    assert verdicts(text, lang).get(word) == ("asserted", "")


@pytest.mark.parametrize(
    ("lang", "text", "host", "word"),
    [
        (
            "es",
            "La ONU exigió el fin de los ataques que toman como blanco a civiles.",
            "ataques",
            "blanco",
        ),
        ("en", "The UN demanded an end to the raids that shell the camps.", "raids", "shell"),
    ],
)
def test_a_relative_clause_shares_the_factuality_of_its_event(verdicts, lang, text, host, word):
    found = verdicts(text, lang)
    assert found[host][0] != "asserted", found
    assert found[word][0] != "asserted", found
