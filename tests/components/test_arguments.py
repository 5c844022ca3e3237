"""cronica_arguments: agent, target and places of each trigger."""

from cronica.components.arguments import NAME


def test_roles_of_a_capture(read):
    sents = read("Syrian government forces captured Palmyra on Sunday.", "en", NAME)
    (roles,) = sents[0]._.roles.values()
    assert roles.agent is not None and "forces" in roles.agent.text
    assert [t.text for t in roles.themes] == ["Palmyra"]


def test_the_source_phrase_is_never_a_place(read):
    sents = read("Según el Observatorio Sirio, los rebeldes atacaron Hama.", "es", NAME)
    (roles,) = sents[0]._.roles.values()
    assert "Observatorio" not in [t.text for t in roles.themes]
