"""Which package of aid a mention tells of, by the sum or count it names.

GUIDELINES 2: two different aid packages stay separate events, repeated mentions of one
package are one. "The United States announced $266 million in humanitarian assistance and
released $300 million in development assistance" tells two packages with the same giver,
recipient and day; the sum each verb gives tells them apart, where the participants cannot.
"""

from __future__ import annotations

import re

from sitrep.record import Event

PACKAGED = frozenset({"AID"})
"""Types whose acts are told by the sum or count they give."""

_AMOUNT = re.compile(r"(?:[$€£]\s?)?(\d[\d,]*(?:\.\d+)?)\s?(million|billion|trillion|bn|m)?\b",
                     re.IGNORECASE)
"""A sum or a count: "$300 million", "€2.5 billion", "$300m", "3.5 million", "618,000"."""
_SCALE = {"million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "trillion": 10**12}
_LARGE = 1000
"""Smaller counts ("two packages", "in 2022" aside) name no package."""


def package(event: Event) -> int | None:
    """The first sum or large count the sentence names after an event's trigger ("provided
    *$300 million* in humanitarian assistance", "donated *618,000* vaccine doses"), as a
    number, so that "$0.5 billion" and "$500 million" are one package; None for other types
    or when the event names none."""
    if event.type not in PACKAGED or event.trigger_start is None:
        return None
    for found in _AMOUNT.finditer(event.sentence, max(0, event.trigger_start - event.start)):
        digits, scale = found.group(1).replace(",", ""), found.group(2)
        value = round(float(digits) * _SCALE.get((scale or "").lower(), 1))
        if scale or ("," in found.group(1) and value >= _LARGE):
            return value
    return None


def other_packages(a: int | None, b: int | None) -> bool:
    """Whether two mentions tell different packages: both name a sum, and not the same."""
    return a is not None and b is not None and a != b
