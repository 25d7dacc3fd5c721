"""Publication-date accuracy of sitrep's date step on the publication-date set.

Each page goes through the same date step ``extract_article`` uses (``publication_date``:
HTML metadata, then the URL, then inference from the text), without the language check,
since the pages are in many languages. Only the exact day counts.

    python bench/eval_pubdate.py [--eval-dir ../shared/eval/pubdate] [--json]
        [--no-extensive] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from sitrep.errors import ExtractError
from sitrep.extract import dates, html
from sitrep.extract.decode import decode
from sitrep.record import RawItem

DEFAULT_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "pubdate"


def page_date(path: Path, url: str, extensive: bool) -> tuple[date | None, str | None]:
    """The date and its source for one page, as ``extract_article`` would decide them."""
    item = RawItem(origin=str(path), url=url, kind="html", content=path.read_bytes())
    try:
        tree = html.parse_html(decode(item.content, item=item.origin), item=item.origin)
    except ExtractError:
        return None, None
    try:
        text = html.extract_html(tree, url).text
    except ExtractError:
        text = ""
    found = dates.publication_date(item, tree=tree, text=text, extensive_search=extensive)
    return found.published, found.source


def evaluate(eval_dir: Path, extensive: bool = True, limit: int | None = None) -> dict:
    """Run the set and return exact-day accuracy, coverage, sources and timing."""
    truth = json.loads((eval_dir / "ground-truth.json").read_text(encoding="utf-8"))
    urls = sorted(truth)[:limit]
    correct, found, sources = 0, 0, Counter()
    start = time.perf_counter()
    for url in urls:
        day, source = page_date(eval_dir / "html" / truth[url]["file"], url, extensive)
        if day is None:
            continue
        found += 1
        ok = day.isoformat() == truth[url]["date"]
        correct += ok
        sources[f"{source}:{'ok' if ok else 'wrong'}"] += 1
    elapsed = time.perf_counter() - start
    return {"pages": len(urls), "accuracy": correct / max(len(urls), 1),
            "found": found / max(len(urls), 1), "extensive_search": extensive,
            "seconds_per_page": elapsed / max(len(urls), 1), "sources": dict(sources)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--no-extensive", action="store_true",
                        help="htmldate without extensive_search")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    if not (args.eval_dir / "ground-truth.json").exists():
        print(f"no ground-truth.json in {args.eval_dir}", file=sys.stderr)
        return 2
    result = evaluate(args.eval_dir, not args.no_extensive, args.limit)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"pages {result['pages']}  exact-day accuracy {result['accuracy']:.3f}  "
              f"dated {result['found']:.3f}  {result['seconds_per_page'] * 1000:.0f} ms/page  "
              f"sources {result['sources']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
