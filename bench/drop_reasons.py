"""Where the coder loses the hand-coded TRAINING events it finds no event of their type for.

``diagnose_triggers.py`` tells whether a trigger of the right type is in an event's sentence;
this follows the trigger further. It codes each training document with the bundled coder,
watching every call of ``Coder._events`` (one trigger's events) with ``sys.settrace``, and puts
each missed event (scorer cause "no event of that type") in one class:

* ``no trigger``: no trigger of the event's type reached ``_events`` in its sentence;
* ``dropped at coder.py:N``: one did, and ``_events`` returned nothing from the ``return``
  on line N (the line is printed: its test says why, e.g. too few participants found);
* ``made, <modality>``: an event of the type was made but not as asserted (future,
  hypothetical, negated), so the scorer does not count it;
* ``made, lost later``: an asserted one was made and later merged, dated away or dropped as
  background.

With ``--parties`` the drops for too few participants are split by the side that was found
(source, target, neither), with the argument words the coder could not resolve.

    python bench/drop_reasons.py [--limit N] [--kind wikinews] [--examples 5] [--parties]
"""

from __future__ import annotations

import argparse
import linecache
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "training"))
sys.path.insert(0, str(REPO / "src"))

from train_events import _span, checked_labels  # noqa: E402

from sitrep.evaluate.score_events import match_events  # noqa: E402
from sitrep.events.coder import Coder  # noqa: E402
from sitrep.record import Article, Event  # noqa: E402

CODE = Coder._events.__code__


class Watch:
    """What each ``_events`` call of one document returned, and from which line."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def __call__(self, coder: Coder, article: Article, sent: Any, trig: Any,
                 *args: Any, **kwargs: Any) -> list[Event]:
        seen: dict[str, Any] = {}

        def local(frame: Any, event: str, arg: Any) -> Any:
            if event == "return":
                seen["line"] = frame.f_lineno
                seen["source"] = list(frame.f_locals.get("source") or [])
                seen["target"] = list(frame.f_locals.get("target") or [])
                found = frame.f_locals.get("args")
                seen["args"] = ([t.text for t in found.source], [t.text for t in found.target]) \
                    if found is not None else ([], [])
            return local

        previous = sys.gettrace()
        sys.settrace(lambda frame, event, arg: local if frame.f_code is CODE else None)
        try:
            out: list[Event] = WRAPPED(coder, article, sent, trig, *args, **kwargs)
        finally:
            sys.settrace(previous)
        self.calls.append({"start": sent.start_char, "end": sent.end_char,
                           "type": trig.rule.type, "out": out, **seen})
        return out


WRAPPED = Coder._events


def classify(gold: dict[str, Any], text: str, calls: list[dict[str, Any]]) -> tuple[str, Any]:
    """The class of one missed event, and the ``_events`` call it was decided by."""
    where = _span(text, gold["evidence"])
    if where is None:
        return "evidence not in text", None
    mine = [c for c in calls if c["type"] == gold["type"]
            and (c["start"] <= where[0] < c["end"] or where[0] <= c["start"] < where[1])]
    if not mine:
        return "no trigger", None
    made = [e for c in mine for e in c["out"] if e.type == gold["type"]]
    if made:
        modalities = sorted({e.modality for e in made})
        return ("made, lost later" if "asserted" in modalities
                else f"made, {'/'.join(modalities)}"), None
    line = mine[0].get("line") or 0
    return f"dropped at coder.py:{line}  {_test_of(line)}", mine[0]


def _test_of(line: int) -> str:
    """The ``if`` test a ``return`` on ``line`` of coder.py answers (its first line)."""
    for at in range(line - 1, max(line - 8, 0), -1):
        text = linecache.getline(CODE.co_filename, at).strip()
        if text.startswith(("if ", "elif ")):
            return text
    return linecache.getline(CODE.co_filename, line).strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--kind", default="", help="only documents whose id starts so")
    parser.add_argument("--examples", type=int, default=0, help="examples per class")
    parser.add_argument("--parties", action="store_true",
                        help="split the drops by the side found, with unresolved words")
    args = parser.parse_args(argv)
    labels, docs, texts = checked_labels(REPO / "training" / "events")
    docs = [d for d in docs if d.startswith(args.kind)][:args.limit]
    coder, watch = Coder.load(), Watch()
    Coder._events = lambda self, *a, **k: watch(self, *a, **k)  # type: ignore[method-assign]
    classes: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    sides: Counter[str] = Counter()
    words: Counter[str] = Counter()
    missed = 0
    try:
        for doc_id in docs:
            record = texts.get(doc_id)
            if record is None:
                continue
            published = date.fromisoformat(record["date"][:10]) if record.get("date") else None
            article = Article(url=record["url"], title=record.get("title") or "",
                              text=record["text"], origin="training", published=published,
                              id=doc_id)
            watch.calls = []
            events = coder.code(article)
            gold = [dict(g, doc=doc_id) for g in labels.get(doc_id, [])]
            for miss in match_events(events, gold).misses:
                if miss.cause != "no event of that type":
                    continue
                missed += 1
                cls, call = classify(miss.gold, record["text"], watch.calls)
                classes[cls] += 1
                by_type[cls][miss.gold["type"]] += 1
                if len(examples[cls]) < args.examples:
                    examples[cls].append(f"{miss.gold['type']} {miss.gold['actors']}: "
                                         f"{miss.gold['evidence'][:140]}")
                if call is not None and args.parties and "_enough(" in cls:
                    side = ("source" if call["source"] else "-") + "/" + \
                        ("target" if call["target"] else "-")
                    sides[side] += 1
                    if not call["source"]:
                        words.update(f"source:{w.lower()}" for w in call["args"][0])
                    if not call["target"]:
                        words.update(f"target:{w.lower()}" for w in call["args"][1])
    finally:
        Coder._events = WRAPPED  # type: ignore[method-assign]
    print(f"{missed} events missed with no event of their type, in {len(docs)} documents")
    for cls, n in classes.most_common():
        print(f"{n:5d}  {cls}\n       {dict(by_type[cls].most_common(6))}")
        for line in examples[cls]:
            print(f"         - {line}")
    if args.parties:
        print(f"too few participants, side found: {dict(sides.most_common())}")
        print("unresolved argument words: " + ", ".join(f"{w} {n}"
                                                       for w, n in words.most_common(30)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
