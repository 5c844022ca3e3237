"""Place resolution: a place mention -> gazetteer entry -> Location, in explicit steps.

`mention` takes a mention apart, `candidates` proposes gazetteer entries (`gazetteer`),
`features` describes each, `ranking` scores them with the weights of
data/place_ranking.yaml, and `choose` picks one, keeping the candidates, features and score
that explain it; `geocode` puts the steps together for a mention or a whole document.
"""

from cronica.resolve.places.candidates import Candidate, fuzzy_plausible
from cronica.resolve.places.choose import (
    Explanation,
    Option,
    choose_event_place,
    city_of,
    entry_location,
)
from cronica.resolve.places.features import km_between
from cronica.resolve.places.gazetteer import Gazetteer, PlaceEntry, gazetteer_files
from cronica.resolve.places.geocode import (
    country_focus_of,
    document_country_focus,
    prepare_mentions,
    resolve_place,
    resolve_place_explained,
    resolve_places,
    resolve_places_explained,
)
from cronica.resolve.places.mention import (
    PlaceMention,
    is_common_word,
    parse_mention,
    settlement_nouns,
)
from cronica.resolve.places.settings import ADMIN, SUB_CITY

__all__ = [
    "ADMIN",
    "SUB_CITY",
    "Candidate",
    "Explanation",
    "Gazetteer",
    "Option",
    "PlaceEntry",
    "PlaceMention",
    "choose_event_place",
    "city_of",
    "country_focus_of",
    "document_country_focus",
    "entry_location",
    "fuzzy_plausible",
    "gazetteer_files",
    "is_common_word",
    "km_between",
    "parse_mention",
    "prepare_mentions",
    "resolve_place",
    "resolve_place_explained",
    "resolve_places",
    "resolve_places_explained",
    "settlement_nouns",
]
