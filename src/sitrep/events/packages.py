"""Which package of aid a mention tells of, by the sum or count it names.

GUIDELINES 2: two different aid packages stay separate events, repeated mentions of one
package are one. "The United States announced $266 million in humanitarian assistance and
released $300 million in development assistance" tells two packages with the same giver,
recipient and day; the sum each verb gives tells them apart, where the participants cannot.
Likewise a readout's meeting to come ("looked forward to meeting again") and its pledge to
cooperate are two agreements of one pair and day (``act``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sitrep.data import read_yaml
from sitrep.record import Event

PACKAGED = frozenset({"AID"})
"""Types whose acts are told by the sum or count they give."""

_AMOUNT = re.compile(r"(?:[$€£]\s?)?(\d[\d,]*(?:\.\d+)?)\s?(million|billion|trillion|bn|m)?\b",
                     re.IGNORECASE)
"""A sum or a count: "$300 million", "€2.5 billion", "$300m", "3.5 million", "618,000"."""
_SCALE = {"million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9, "trillion": 10**12}
_LARGE = 1000
"""Smaller counts ("two packages", "in 2022" aside) name no package."""


_TRIGGERS = Path(__file__).resolve().parents[1] / "data" / "events" / "triggers.yaml"
_PLAN, _PLEDGE = "contact plan", "pledge"
"""The two kinds of AGREE act: a contact announced, a commitment made."""


@cache
def _contact_plans() -> frozenset[str]:
    """The AGREE rule ids that announce a contact to come (``contact_plans`` in triggers.yaml)."""
    return frozenset(read_yaml(_TRIGGERS.read_text("utf-8")).get("contact_plans") or ())


def act(event: Event) -> int | str | None:
    """What tells one act of an event's type and participants from another: the package an
    aid mention gives (``package``); for an agreement, whether it announces a contact
    ("looked forward to meeting again") or makes a pledge ("pledged to work together"),
    which a readout reports as two acts (GUIDELINES 2); None otherwise."""
    if event.type == "AGREE":
        base = event.rule.split("+", 1)[0]
        return _PLAN if base in _contact_plans() else _PLEDGE
    return package(event)


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


def other_packages(a: int | str | None, b: int | str | None) -> bool:
    """Whether two mentions tell different acts (``act``): both name one, and not the same."""
    return a is not None and b is not None and a != b
