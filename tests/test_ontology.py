"""The ontology's behaviour tables (data/ontology.yaml) and the code that follows them."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest

import cronica
import cronica.ontology as ontology_module
from cronica.link import compare, merge
from cronica.ontology import ontology
from cronica.record import Actor, DetachedClaim, Event, Evidence
from cronica.resolve.numbers import QUANTITY_KINDS

STATE, REBELS, CIVILIANS = (
    Actor("x", "X", "State forces"),
    Actor("y", "Y", "Rebel group"),
    Actor("z", "Z", "Civilians"),
)


def _event(event_type: str, sub: str, action: str, sentence: int = 0, **kw) -> Event:
    return Event(
        event_id=f"{action}-{sentence}",
        document="d",
        sentence_index=sentence,
        evidence=Evidence("s", 0, 1),
        event_type=event_type,
        sub_event_type=sub,
        plover="FIGHT",
        action=action,
        **kw,
    )


def test_families_decide_the_sub_event_type_by_their_role():
    onto = ontology()
    assert set(onto.families) == set(onto.by_actor_type) == {"territory", "attack"}
    assert onto.sub_event_for_roles("territory", STATE, CIVILIANS) == "Government regains territory"
    assert onto.sub_event_for_roles("territory", REBELS, None) == (
        "Non-state actor overtakes territory"
    )
    assert onto.sub_event_for_roles("attack", STATE, CIVILIANS) == "Attack"
    assert onto.sub_event_for_roles("attack", CIVILIANS, REBELS) == "Armed clash"
    assert onto.carries_actor("territory") and not onto.carries_actor("attack")
    assert onto.place_is_theme("territory") and not onto.place_is_theme("attack")
    assert not onto.carries_actor(None) and not onto.place_is_theme(None)


def test_action_kinds_and_linking_type_sets():
    onto = ontology()
    assert onto.kind_of_action("evacuation") == "evacuated"
    assert onto.kind_of_action("massacre") == "killed"
    assert onto.kind_of_action("airstrike") is None and onto.kind_of_action(None) is None
    assert set(onto.action_kinds.values()) <= set(QUANTITY_KINDS)
    assert onto.symmetric_types == {"Battles"}
    assert onto.accusable_types == {"Violence against civilians", "Explosions/Remote violence"}
    assert onto.is_symmetric("Battles") and not onto.is_symmetric("Protests")
    assert onto.is_accusable("Violence against civilians") and not onto.is_accusable("Battles")


def test_lexicon_still_serves_the_ontology():
    from cronica.events.lexicon import Ontology
    from cronica.events.lexicon import ontology as from_lexicon

    assert from_lexicon() is ontology() and isinstance(ontology(), Ontology)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["families"]["attack"].update(decided_by="reporter"), "decided_by"),
        (lambda d: d["families"]["attack"]["by_actor_type"].pop("default"), "needs a default"),
        (lambda d: d["families"]["attack"]["by_actor_type"].update(X="Skirmish"), "Skirmish"),
        (lambda d: d.update(symmetric_types=["Battle"]), "symmetric_types: unknown Battle"),
    ],
)
def test_bad_ontology_data_is_an_error_naming_the_file(monkeypatch, change, message):
    data = ontology_module.load_yaml("ontology.yaml")
    change(data)
    monkeypatch.setattr(ontology_module, "load_yaml", lambda name: data)
    with pytest.raises(ValueError, match=message) as err:
        ontology.__wrapped__()
    assert "cronica/data/ontology.yaml" in str(err.value)


def test_linking_follows_the_symmetric_types(monkeypatch):
    clash = _event("Battles", "Armed clash", "clash", actor1=STATE, actor2=REBELS)
    capture = _event(
        "Battles", "Non-state actor overtakes territory", "capture", actor1=REBELS, actor2=STATE
    )
    assert compare.types_compatible(clash, capture, same_document=False)
    assert compare.actors_compatible(clash, capture)
    plain = replace(ontology(), symmetric_types=frozenset())
    monkeypatch.setattr(compare, "ontology", lambda: plain)
    assert not compare.types_compatible(clash, capture, same_document=False)
    assert not compare.actors_compatible(clash, capture)


def test_detached_claims_go_to_accusable_types_only(monkeypatch):
    strike = _event("Explosions/Remote violence", "Air/drone strike", "airstrike", 1)
    clash = _event("Battles", "Armed clash", "clash", 2)
    denial = DetachedClaim("Ejército", "government", "denies", 2)
    merge.attach_detached([strike, clash], [denial])
    assert [c.stance for c in strike.claims] == ["denies"] and clash.claims == []
    only_battles = replace(ontology(), accusable_types=frozenset({"Battles"}))
    monkeypatch.setattr(merge, "ontology", lambda: only_battles)
    strike.claims.clear()
    merge.attach_detached([strike, clash], [denial])
    assert strike.claims == [] and [c.stance for c in clash.claims] == ["denies"]


PACKAGE = Path(cronica.__file__).parent
BOUNDED = ("link", "export", "store")


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("cronica.")}


@pytest.mark.parametrize("package", BOUNDED)
def test_link_export_and_store_share_only_the_record_contract(package):
    """They import record types from cronica.record, never from each other or events/."""
    forbidden = {f"cronica.{p}" for p in BOUNDED if p != package} | {"cronica.events"}
    for path in sorted((PACKAGE / package).glob("*.py")):
        bad = {m for m in _imports(path) if any(m == f or m.startswith(f + ".") for f in forbidden)}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_an_implied_actor_without_a_country_slot_keeps_its_name() -> None:
    """An unattributed air strike is "Unidentified Military Forces" with or without a known
    country; a country slot is filled, or left as the actor type when no country is known."""
    from cronica.ontology import ontology

    onto = ontology()
    for country in ("Syria", None):
        actor = onto.default_actor("Air/drone strike", country)
        assert actor is not None and actor.canonical == "Unidentified Military Forces"
    bomb = onto.default_actor("Remote explosive/landmine/IED", "Syria")
    assert bomb is not None and bomb.canonical == "Unidentified Armed Group (Syria)"
