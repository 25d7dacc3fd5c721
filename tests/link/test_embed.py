"""The MiniLM embedder: real model, no torch."""

from __future__ import annotations

import subprocess
import sys

import numpy as np

from sitrep.nlp.embed import DIM, embed


def test_embed_paraphrases_closer_than_unrelated() -> None:
    v = embed(["Bennett spoke with Putin by phone on Thursday.",
               "The Israeli prime minister called the Russian president.",
               "Heavy rain flooded the streets of the city."])
    assert v.shape == (3, DIM)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.2


def test_embed_batches_and_long_text_match_single_calls() -> None:
    texts = [f"Sentence number {i} about talks in Vienna." for i in range(40)]
    texts.append("word " * 2000)
    many = embed(texts)
    assert many.shape == (41, DIM)
    assert np.allclose(many[5], embed([texts[5]])[0], atol=1e-4)


def test_embed_does_not_import_torch() -> None:
    code = ("import sys; from sitrep.nlp.embed import embed; embed(['x']); "
            "print('torch' in sys.modules, 'sentence_transformers' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
