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

With ``--oracle`` the coder is also given, in every sentence holding a labelled event, the
annotators' own trigger words for it when it found no trigger of that type there (as a
learned trigger of that type): how many more events would a perfect trigger detector match?

    python bench/drop_reasons.py [--limit N] [--kind wikinews] [--examples 5] [--parties]
        [--oracle] [--word source:president]
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

from train_events import _heads, _span, checked_labels  # noqa: E402

import sitrep.events.coder as coder_module  # noqa: E402
from sitrep.evaluate.score_events import match_events  # noqa: E402
from sitrep.events.coder import Coder  # noqa: E402
from sitrep.events.detector import _generic_rule, learned_triggers  # noqa: E402
from sitrep.events.rules import Trigger  # noqa: E402
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


class OracleTriggers:
    """``learned_triggers`` plus the labelled trigger words of the events of the document
    being coded whose type no trigger of their sentence has."""

    def __init__(self) -> None:
        self.text = ""
        self.events: list[dict[str, Any]] = []

    def __call__(self, sent: Any, detector: Any, found: list[Trigger]) -> list[Trigger]:
        out = learned_triggers(sent, detector, found)
        for ev in self.events:
            where = _span(self.text, ev["evidence"])
            words = _span(self.text, ev.get("trigger") or "", where[0]) if where else None
            if where is None or words is None or not sent.start_char <= where[0] < sent.end_char:
                continue
            if ev["type"] in {t.rule.type for t in found + out}:
                continue
            span = sent.doc.char_span(words[0], words[1], alignment_mode="expand")
            for tok in _heads(span)[:1] if span is not None else []:
                noun = tok.pos_ in ("NOUN", "PROPN")
                governor = tok.head if noun and tok.dep_ in ("dobj", "nsubjpass", "attr") \
                    and tok.head.pos_ in ("VERB", "AUX") else None
                out.append(Trigger(_generic_rule(ev["type"], tok.pos_), tok, governor))
        return out


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


def _article(doc_id: str, record: dict[str, Any]) -> Article:
    published = date.fromisoformat(record["date"][:10]) if record.get("date") else None
    return Article(url=record["url"], title=record.get("title") or "", text=record["text"],
                   origin="training", published=published, id=doc_id)


def oracle_figures(docs: list[str], labels: dict[str, list[dict[str, Any]]],
                   texts: dict[str, dict[str, Any]]) -> str:
    """Right and wrong events of the coder as it is and with the labelled trigger words."""
    oracle = OracleTriggers()
    counts = {}
    for name in ("coder", "with the labelled triggers"):
        coder = Coder.load()
        coder.parser = None  # every sentence parsed: a labelled trigger may be anywhere
        coder_module.learned_triggers = oracle if name != "coder" else learned_triggers
        right = wrong = 0
        try:
            for doc_id in docs:
                record = texts.get(doc_id)
                if record is None:
                    continue
                oracle.text = record["text"]
                oracle.events = [e for e in labels.get(doc_id, []) if not e.get("negative")]
                report = match_events(coder.code(_article(doc_id, record)),
                                      [dict(g, doc=doc_id) for g in labels.get(doc_id, [])])
                right, wrong = right + report.overall.tp, wrong + report.overall.fp
        finally:
            coder_module.learned_triggers = learned_triggers
        counts[name] = (right, wrong)
    return "; ".join(f"{name}: {r} right, {w} wrong" for name, (r, w) in counts.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--kind", default="", help="only documents whose id starts so")
    parser.add_argument("--examples", type=int, default=0, help="examples per class")
    parser.add_argument("--parties", action="store_true",
                        help="split the drops by the side found, with unresolved words")
    parser.add_argument("--oracle", action="store_true",
                        help="also score with the labelled trigger words given to the coder")
    parser.add_argument("--word", default="",
                        help="with --parties, list the drops whose unresolved argument words "
                             "include this one (e.g. source:president; '*': every drop)")
    args = parser.parse_args(argv)
    labels, docs, texts = checked_labels(REPO / "training" / "events")
    docs = [d for d in docs if d.startswith(args.kind)][:args.limit]
    if args.oracle:
        print(oracle_figures(docs, labels, texts))
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
            watch.calls = []
            events = coder.code(_article(doc_id, record))
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
                    unresolved = {f"{role}:{w.lower()}"
                                  for role, k in (("source", 0), ("target", 1))
                                  if not call[role] for w in call["args"][k]}
                    if args.word == "*" or args.word.lower() in unresolved:
                        print(f"  [{side}] {doc_id[:40]} {miss.gold['type']} "
                              f"{miss.gold['actors']}: {miss.gold['evidence'][:200]}"
                              f" || found {[a.name for a in call['source']]} / "
                              f"{[a.name for a in call['target']]}, args {call['args']}")
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
