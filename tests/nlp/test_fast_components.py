"""The fast attribute ruler annotates exactly as the stock one, on real articles.

The bundled corpus (every 4th article, about 110 texts) goes through the stock pipeline and
through ``load_nlp``'s (whose attribute ruler is ``FastAttributeRuler``), with the
components in the stock order and in the order the selective parser runs them (the ruler
before the parser, so rules testing a dependency see none); every word's part of speech,
tag, morphology, lemma and dependency must be equal.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from sitrep.nlp.fast_components import FastAttributeRuler, activate
from sitrep.settings import DEFAULTS

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
FRONT = ["tok2vec", "tagger", "attribute_ruler", "lemmatizer", "ner"]


def _texts() -> list[str]:
    texts = [json.loads(line)["text"] for path in sorted(CORPUS.glob("*.jsonl"))
             for line in path.read_text("utf-8").splitlines() if line.strip()]
    # a hostile and an empty text beside the articles: tags and spaces of every kind
    return texts[::4] + ["", "\n\n  \t", "Ain't gonna  happen, y'all — 'cause U.S.-led talks failed."]


def _run(nlp: Language, texts: list[str], order: list[str]) -> list[Doc]:
    docs = [nlp.make_doc(t) for t in texts]
    for name in order:
        docs = list(nlp.get_pipe(name).pipe(docs, batch_size=16))
    return docs


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    stock = spacy.load(DEFAULTS.model)
    fast = spacy.load(DEFAULTS.model)
    activate(fast)
    return stock, fast


def test_activate_swaps_in_the_fast_ruler(pipelines: tuple[Language, Language]) -> None:
    stock, fast = pipelines
    assert type(stock.get_pipe("attribute_ruler")) is AttributeRuler
    assert type(fast.get_pipe("attribute_ruler")) is FastAttributeRuler


@pytest.mark.parametrize("order", [FRONT, ["tok2vec", "tagger", "parser", *FRONT[2:]]],
                         ids=["ruler-before-parser", "stock-order"])
def test_same_annotations_as_the_stock_ruler(pipelines: tuple[Language, Language],
                                             order: list[str]) -> None:
    stock, fast = pipelines
    texts = _texts()
    attrs = [POS, TAG, MORPH, LEMMA, DEP]
    differing = [i for i, (a, b) in enumerate(zip(_run(stock, texts, order),
                                                  _run(fast, texts, order), strict=True))
                 if not np.array_equal(a.to_array(attrs), b.to_array(attrs))]
    assert len(texts) > 100
    assert differing == []
