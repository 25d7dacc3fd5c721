"""Publication-date accuracy of sitrep's date step and of bare htmldate, side by side.

Each page goes through the same date step ``extract_article`` uses (``publication_date``:
the date the markup states, then htmldate, then the URL, then inference from the text),
without the language check, since the pages are in many languages. Bare htmldate reads the
same bytes in each of its configurations (``extensive_search`` x ``original_date`` x the URL
given or not), and the best of them is the figure to beat. Only the exact day counts; a page
whose ground truth has no date (``nan``) counts as wrong whatever is found, for both.

    python bench/eval_pubdate.py [--eval-dir ../shared/eval/pubdate] [--json] [--limit N]
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import htmldate

from sitrep.errors import ExtractError
from sitrep.extract import dates, html
from sitrep.extract.decode import decode
from sitrep.record import RawItem

DEFAULT_DIR = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "pubdate"
HTMLDATE_CONFIGS = [
    {"extensive_search": ext, "original_date": orig, "url": with_url}
    for ext, orig, with_url in itertools.product((True, False), repeat=3)
]


def page_date(path: Path, url: str) -> tuple[date | None, str | None]:
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
    found = dates.publication_date(item, tree=tree, text=text)
    return found.published, found.source


def htmldate_day(content: bytes, url: str, config: dict[str, bool]) -> str | None:
    """Bare htmldate on the page bytes, in one configuration."""
    try:
        return htmldate.find_date(content, extensive_search=config["extensive_search"],
                                  original_date=config["original_date"],
                                  url=url if config["url"] else None)
    except Exception:  # noqa: BLE001 - a crash of the baseline counts as no date found
        return None


def evaluate(eval_dir: Path, limit: int | None = None) -> dict[str, Any]:
    """Score sitrep and every htmldate configuration on the set."""
    truth = json.loads((eval_dir / "ground-truth.json").read_text(encoding="utf-8"))
    urls = sorted(truth)[:limit]
    correct, found, sources = 0, 0, Counter()
    baseline = Counter()
    start = time.perf_counter()
    for url in urls:
        path = eval_dir / "html" / truth[url]["file"]
        day, source = page_date(path, url)
        expected = truth[url]["date"]
        if day is not None:
            found += 1
            ok = day.isoformat() == expected
            correct += ok
            sources[f"{source}:{'ok' if ok else 'wrong'}"] += 1
    elapsed = time.perf_counter() - start
    for url in urls:
        content = (eval_dir / "html" / truth[url]["file"]).read_bytes()
        for index, config in enumerate(HTMLDATE_CONFIGS):
            baseline[index] += htmldate_day(content, url, config) == truth[url]["date"]
    pages = max(len(urls), 1)
    configs = [config | {"accuracy": baseline[i] / pages} for i, config in
               enumerate(HTMLDATE_CONFIGS)]
    best = max(configs, key=lambda c: c["accuracy"])
    return {"pages": len(urls), "accuracy": correct / pages, "found": found / pages,
            "seconds_per_page": elapsed / pages, "sources": dict(sources),
            "htmldate_best": best, "htmldate": configs}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    if not (args.eval_dir / "ground-truth.json").exists():
        print(f"no ground-truth.json in {args.eval_dir}", file=sys.stderr)
        return 2
    logging.disable(logging.WARNING)
    result = evaluate(args.eval_dir, args.limit)
    if args.json:
        print(json.dumps(result))
        return 0
    best = result["htmldate_best"]
    print(f"pages {result['pages']}  sitrep exact-day accuracy {result['accuracy']:.3f}  "
          f"dated {result['found']:.3f}  {result['seconds_per_page'] * 1000:.0f} ms/page  "
          f"sources {result['sources']}")
    print(f"htmldate best {best['accuracy']:.3f} (extensive_search={best['extensive_search']}, "
          f"original_date={best['original_date']}, url={best['url']})")
    for config in result["htmldate"]:
        print(f"  htmldate extensive_search={config['extensive_search']!s:5} "
              f"original_date={config['original_date']!s:5} url={config['url']!s:5} "
              f"{config['accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
