"""Claims of one event: a headline's bare head noun beside the source it stands for."""

from __future__ import annotations

from cronica.link.sources import without_bare_heads
from cronica.record import Claim


def test_a_bare_head_noun_gives_way_to_the_listed_source_of_its_kind():
    claims = [Claim("ONG", "NGO", "accuses"), Claim("Syrian Observatory for Human Rights",
                                                    "NGO", "reports")]  # fmt: skip
    assert [c.source for c in without_bare_heads(claims)] == [
        "Syrian Observatory for Human Rights"]


def test_a_bare_head_noun_of_another_kind_or_alone_stays():
    alone = [Claim("ONG", "NGO", "accuses")]
    assert without_bare_heads(alone) == alone
    other = [Claim("ONG", "NGO", "accuses"), Claim("AFP", "media", "reports")]
    assert without_bare_heads(other) == other
    named = [Claim("Alemania", "unnamed", "accuses"), Claim("AFP", "media", "reports")]
    assert without_bare_heads(named) == named
    outlet = [Claim("Infobae", "media", "reports"), Claim("AFP", "media", "reports")]
    assert without_bare_heads(outlet) == outlet  # an outlet's own name is no head noun
