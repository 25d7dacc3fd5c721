"""Main-text extraction score of ``sitrep.extract.extract_article`` on the extraction set.

The metric is the benchmark's usual one (see ``shared/eval/README.md``): word tokens
(``\\w+``, case kept), multisets of 4-token shingles, per-document true positives, false
positives and false negatives normalised to sum to 1, precision and recall averaged over the
documents where each is defined, and F1 of the two averages.

    python bench/eval_extraction.py [--eval-dir ../shared/eval/extraction] [--json]
        [--no-precision] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from sitrep.errors import ExtractError
from sitrep.extract import extract_article
from sitrep.record import RawItem

DEFAULT_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "extraction"
_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """Multiset of the 4-token shingles of a text."""
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def document_counts(predicted: str, truth: str) -> tuple[float, float, float]:
    """True positives, false positives, false negatives of one document, summing to 1."""
    pred, gold = shingles(predicted), shingles(truth)
    tp = sum((pred & gold).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def score(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """Average precision and recall over documents where defined, and F1 of the averages."""
    precisions, recalls = [], []
    for predicted, truth in pairs:
        tp, fp, fn = document_counts(predicted, truth)
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def extract_page(path: Path, url: str, favor_precision: bool) -> tuple[str, str | None]:
    """The text users would get for a page (any language), or "" and the error code."""
    item = RawItem(origin=str(path), url=url, kind="html",
                   content=gzip.decompress(path.read_bytes()))
    try:
        article = extract_article(item, languages=None, favor_precision=favor_precision)
    except ExtractError as err:
        return "", err.code
    return article.text, None


def evaluate(eval_dir: Path, favor_precision: bool = True, limit: int | None = None) -> dict:
    """Run the whole set and return the scores, timings and per-code failure counts."""
    truth = json.loads((eval_dir / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit]
    pairs, errors = [], Counter()
    start = time.perf_counter()
    for doc_id in ids:
        text, code = extract_page(eval_dir / "html" / f"{doc_id}.html.gz", truth[doc_id]["url"],
                                  favor_precision)
        if code:
            errors[code] += 1
        pairs.append((text, truth[doc_id]["articleBody"]))
    elapsed = time.perf_counter() - start
    result = score(pairs)
    result.update(pages=len(ids), seconds_per_page=elapsed / max(len(ids), 1),
                  favor_precision=favor_precision, errors=dict(errors))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--no-precision", action="store_true",
                        help="trafilatura's default mode instead of favor_precision")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    if not (args.eval_dir / "ground-truth.json").exists():
        print(f"no ground-truth.json in {args.eval_dir}", file=sys.stderr)
        return 2
    result = evaluate(args.eval_dir, not args.no_precision, args.limit)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"pages {result['pages']}  precision {result['precision']:.3f}  "
              f"recall {result['recall']:.3f}  F1 {result['f1']:.3f}  "
              f"{result['seconds_per_page'] * 1000:.0f} ms/page  errors {result['errors']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
