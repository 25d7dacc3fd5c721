"""The learned sentence typer: bundled, applied with NumPy, and typing plain sentences."""

from __future__ import annotations

import numpy as np
import pytest

from sitrep.events.coder import Coder
from sitrep.events.detector import EventDetector
from sitrep.events.typer import FOLDS, SentenceTyper, fold_of, found_in, sentence_features


@pytest.fixture(scope="module")
def typer() -> SentenceTyper:
    loaded = SentenceTyper.load()
    assert loaded is not None, "the package ships no sentence typer (make train)"
    return loaded


def test_every_fold_model_ships() -> None:
    versions = set()
    for k in range(FOLDS):
        model = SentenceTyper.load(fold=k)
        assert model is not None
        versions.add(model.version)
    assert len(versions) == FOLDS  # each fold model was trained on different sentences


def test_folds_are_stable_and_spread() -> None:
    assert fold_of("PLOVER-GSR01-AGREE-0001") == fold_of("PLOVER-GSR01-AGREE-0001")
    counts = [0] * FOLDS
    for i in range(500):
        counts[fold_of(f"id-{i}")] += 1
    assert min(counts) > 60


@pytest.mark.parametrize(("text", "expected"), [
    ("The Foreign Minister strongly condemned the shelling of the city by rebel forces.",
     "ACCUSE"),
    ("President Macron held talks with Chancellor Scholz in Berlin on Tuesday.", "CONSULT"),
    ("Thousands of students staged mass demonstrations in the capital against the "
     "government.", "PROTEST"),
    ("Gunmen attacked a police convoy, killing six officers.", "ASSAULT"),
])
def test_types_plain_sentences(coder: Coder, typer: SentenceTyper, text: str,
                               expected: str) -> None:
    doc = coder.nlp(text)
    result = typer.types([doc[:]], [found_in(doc, coder.rules)])[0]
    assert result.best == expected, result.probabilities
    assert abs(sum(result.probabilities.values()) - 1.0) < 1e-3


def test_features_carry_what_the_rules_found(coder: Coder) -> None:
    doc = coder.nlp("Iran threatened to close the strait.")
    feats = sentence_features(doc[:], found_in(doc, coder.rules))
    assert "found=THREATEN" in feats
    assert "w=threaten" in feats
    plain = coder.nlp("The weather was mild.")
    assert "found=-" in sentence_features(plain[:], found_in(plain, coder.rules))


def test_typer_without_a_no_event_class(coder: Coder) -> None:
    # a typer trained on the PLOVER sentences alone knows no "no event"
    model = EventDetector({"w=attack": 0}, ["AGREE", "ASSAULT"],
                          np.array([[0.0, 2.0]], dtype=np.float32),
                          np.zeros(2, dtype=np.float32), 0.0, "test")
    doc = coder.nlp("Gunmen attacked a police convoy.")
    result = SentenceTyper(model).types([doc[:]], [found_in(doc, coder.rules)])[0]
    assert result.best == "ASSAULT"
    assert result.no_event == 0.0
