"""Story embeddings: the packaged MiniLM session against cheaper ways of running the model.

For each way of running it, measured in a child process of its own: milliseconds per text
over the bundled corpus's story texts (title and lead, one thread, batches of 8, as an ingest
worker embeds), the resident memory the session adds once it has embedded them, and the
process's peak RSS. Then, in this
process, what the vectors do to stories: the corpus is ingested once (coded, as `sitrep
ingest` does); for each variant the stories are forgotten and placed afresh from its vectors
(``sitrep.link.assign_stories``), and compared with the packaged session's stories by the
pairwise F1 of "same story" article pairs (1.0: the same stories).

Variants:

* ``packaged``: the session sitrep runs (onnxruntime folds the int8 weights into float32
  constants when it loads the model);
* ``no-folding``: the same graph with constant folding disabled, so the int8 weights are
  dequantised at every run: the same vectors;
* ``tokens-64``, ``tokens-96``: the packaged session reading only the first 64 or 96 tokens of
  title and lead (the packaged embedder reads 128): a transformer's cost grows with the length;
* ``dynamic-int8``: the folded model quantised dynamically (int8 weights and activations,
  ``onnxruntime.quantization``; needs the ``onnx`` package, skipped without it), at the
  packaged story threshold and at lower ones.

Results go to ``bench/results/bench_embedder.json``.

    python bench/bench_embedder.py
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
RESULTS = REPO / "bench" / "results" / "bench_embedder.json"
THRESHOLDS = (0.5, 0.48, 0.46, 0.44)


def story_texts() -> list[str]:
    from sitrep.link.stories import article_vector_text

    records = [json.loads(line) for path in sorted(CORPUS.glob("*.jsonl"))
               for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [article_vector_text(r.get("title"), r.get("text")) for r in records]


def embedder(variant: str, model: Path | None) -> Any:
    """An ``Embedder`` whose session runs ``variant`` (one thread, no arena, as a worker)."""
    import onnxruntime as ort

    from sitrep.nlp.embed import Embedder, _model_path

    emb = Embedder(threads=1)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.enable_cpu_mem_arena = False
    options.log_severity_level = 3
    path = model if variant == "dynamic-int8" and model is not None else _model_path()
    extra = {"disabled_optimizers": ["ConstantFolding"]} if variant == "no-folding" else {}
    emb.session = ort.InferenceSession(str(path), options,
                                       providers=["CPUExecutionProvider"], **extra)
    if variant.startswith("tokens-"):
        emb.tokenizer.enable_truncation(max_length=int(variant.split("-")[1]))
    return emb


def build_dynamic(folder: Path) -> Path | None:
    """The packaged model folded to float32, then quantised dynamically; None without onnx."""
    try:
        import onnx  # noqa: F401
    except ImportError:
        return None
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from sitrep.nlp.embed import _model_path

    folded, out = folder / "folded.onnx", folder / "dynamic-int8.onnx"
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
    options.optimized_model_filepath = str(folded)
    ort.InferenceSession(str(_model_path()), options, providers=["CPUExecutionProvider"])
    quantize_dynamic(folded, out, weight_type=QuantType.QInt8)
    return out


def child(variant: str, model: Path | None, out: Path) -> None:
    """Embed the corpus's story texts with one variant; print its time and peak RSS."""
    texts = story_texts()
    before = _rss_mb()
    emb = embedder(variant, model)
    emb.embed(texts[:8])  # the first run allocates; time the steady state
    start = time.perf_counter()
    vectors = emb.embed(texts)
    seconds = time.perf_counter() - start
    np.save(out, vectors)
    print(json.dumps({"ms_per_text": round(1000 * seconds / len(texts), 2),
                      "model_rss_mb": _rss_mb() - before,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))


def _rss_mb() -> int:
    """This process's resident memory now, in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


def measure(variant: str, model: Path | None, folder: Path) -> tuple[dict[str, Any], np.ndarray]:
    out = folder / f"{variant}.npy"
    done = subprocess.run([sys.executable, __file__, "--child", variant, "--model",
                           str(model or ""), "--out", str(out)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1]), np.load(out)


def pairwise_f1(reference: dict[str, str | None], other: dict[str, str | None]) -> float:
    """F1 of the article pairs ``other`` puts in one story against those ``reference`` does."""
    def pairs(assigned: dict[str, str | None]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for article, story in assigned.items():
            if story is not None:
                groups[story].append(article)
        return {p for members in groups.values()
                for p in itertools.combinations(sorted(members), 2)}
    ref, got = pairs(reference), pairs(other)
    if not ref and not got:
        return 1.0
    both = len(ref & got)
    precision, recall = both / len(got) if got else 0.0, both / len(ref) if ref else 0.0
    return round(2 * precision * recall / (precision + recall), 3) if both else 0.0


def stories(db: Path, folder: Path, emb: Any, threshold: float) -> dict[str, str | None]:
    """The stories a copy of the store gets when placed afresh with ``emb``."""
    import sitrep.link.stories as stories_stage
    from sitrep.store.db import Store
    from sitrep.store.stories_table import clear_stories, story_assignments

    copy = folder / "copy.duckdb"
    shutil.copy(db, copy)
    packaged = stories_stage.JOIN_SCORE
    stories_stage.JOIN_SCORE = threshold
    store = Store(copy)
    try:
        clear_stories(store)
        stories_stage.assign_stories(store, embedder=emb)
        return story_assignments(store)
    finally:
        store.close()
        stories_stage.JOIN_SCORE = packaged
        copy.unlink()


def main() -> None:
    import sitrep

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        dynamic = build_dynamic(folder)
        variants = ["packaged", "no-folding", "tokens-64", "tokens-96"] + (
            ["dynamic-int8"] if dynamic else [])
        timing, vectors = {}, {}
        for variant in variants:
            timing[variant], vectors[variant] = measure(variant, dynamic, folder)
        db = folder / "corpus.duckdb"
        with sitrep.open(db) as ws:
            ws.ingest([CORPUS])
        reference = stories(db, folder, embedder("packaged", dynamic), 0.5)
        result: dict[str, Any] = {"texts": len(vectors["packaged"]), "variants": {}}
        for variant in variants:
            cosine = (vectors["packaged"] * vectors[variant]).sum(axis=1)
            row = {**timing[variant], "cosine_mean": round(float(cosine.mean()), 4),
                   "cosine_min": round(float(cosine.min()), 4)}
            thresholds = THRESHOLDS if variant == "dynamic-int8" or \
                variant.startswith("tokens-") else (0.5,)
            row["story_pairwise_f1"] = {
                str(t): pairwise_f1(reference, stories(db, folder, embedder(variant, dynamic),
                                                       t)) for t in thresholds}
            result["variants"][variant] = row
            print(variant, json.dumps(row), flush=True)
        if dynamic is None:
            result["skipped"] = "dynamic-int8: the onnx package is not installed"
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--model", default="", help=argparse.SUPPRESS)
    parser.add_argument("--out", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, Path(args.model) if args.model else None, Path(args.out))
    else:
        main()
