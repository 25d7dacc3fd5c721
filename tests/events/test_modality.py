"""Modality of an event's clause: asserted, negated, hypothetical, future."""

from __future__ import annotations

import pytest

from sitrep.events.modality import modality_of
from sitrep.nlp import load_nlp


@pytest.mark.parametrize(("text", "verb", "expected"), [
    ("Biden did not call Bennett for over three weeks.", "call", "negated"),
    ("Bennett never met Putin.", "met", "negated"),
    ("Lapid denied meeting Macron.", "meeting", "negated"),
    ("Israel could strike Iran.", "strike", "hypothetical"),
    ("If Russia attacks Ukraine, sanctions follow.", "attacks", "hypothetical"),
    ("Negotiations may resume soon.", "resume", "hypothetical"),
    ("Bennett will meet Putin in Moscow.", "meet", "future"),
    ("Bennett plans to visit Moscow.", "visit", "future"),
    ("The president is scheduled to meet the emir.", "meet", "future"),
    ("Bennett met Putin in Sochi.", "met", "asserted"),
    ("The governor has yet to concede the election.", "concede", "negated"),
    ("Iran has yet again attacked Iraq.", "attacked", "asserted"),
    # what a charge names is alleged, not reported
    ("Assange faces 18 charges in the US, including conspiring to hack government computers.",
     "hack", "hypothetical"),
    # what a demand asks for has not happened
    ("Tutu called for sanctions against Nigeria.", "sanctions", "hypothetical"),
    ("The ILO reiterated its demand today that Israel ease restrictions.", "ease",
     "hypothetical"),
])
def test_modality_of_clause(text: str, verb: str, expected: str) -> None:
    doc = load_nlp()(text)
    token = next(t for t in doc if t.text == verb)
    assert modality_of(token) == expected
