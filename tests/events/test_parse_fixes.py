"""The corrections made to the small model's parse (``sitrep.events.parse_fixes``)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep.events.parse_fixes import fix_parse
from sitrep.nlp.spacy_model import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.mark.parametrize("text", [
    "The minister made clear that should Venezuela invade Guyana, the United States would "
    "impose severe costs on Venezuela.",
    "The Secretary reiterated that should Venezuela invade Guyana, it would face severe "
    "consequences.",
])
def test_an_inverted_condition_after_that_modifies_the_consequence(nlp, text) -> None:
    doc = nlp(text)
    assert fix_parse(doc) == 1
    condition = next(t for t in doc if t.lower_ == "invade")
    said = doc[2]
    assert condition.dep_ == "advcl" and condition.head.dep_ == "ccomp"
    assert condition.head.head == said and said.dep_ == "ROOT"
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("text", [
    "The minister said that should be enough for now.",  # no inverted condition
    "The minister said that the talks should resume, and the delegations would meet.",
    "Should Venezuela invade Guyana, the United States would impose severe costs.",
])
def test_other_parses_are_left_alone(nlp, text) -> None:
    doc = nlp(text)
    before = [(t.head.i, t.dep_) for t in doc]
    assert fix_parse(doc) == 0
    assert [(t.head.i, t.dep_) for t in doc] == before
