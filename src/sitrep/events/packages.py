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

_AMOUNT = re.compile(r"[$€£]\s?\d[\d,.]*(?:\s(?:million|billion|trillion))?"
                     r"|\b\d[\d,.]*\s(?:million|billion|trillion)\b|\b\d{1,3}(?:,\d{3})+\b")
"""A sum or a large count: "$300 million", "€2.5 billion", "3.5 million", "618,000"."""


def package(event: Event) -> str | None:
    """The first sum or count the sentence names after an event's trigger ("provided *$300
    million* in humanitarian assistance", "donated *618,000* vaccine doses"), spaces dropped;
    None for other types or when the event names none."""
    if event.type not in PACKAGED or event.trigger_start is None:
        return None
    found = _AMOUNT.search(event.sentence, max(0, event.trigger_start - event.start))
    return found.group(0).replace(" ", "").rstrip(".,") if found else None


def other_packages(a: str | None, b: str | None) -> bool:
    """Whether two mentions tell different packages: both name a sum, and not the same."""
    return a is not None and b is not None and a != b
