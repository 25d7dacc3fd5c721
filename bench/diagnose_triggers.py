"""Which trigger signals the coder lacks for the hand-coded TRAINING events.

For each training event (``training/events/*.jsonl``, not the denied ones) this finds its
evidence sentence in the parsed text and the triggers there: the rules' (``find_triggers``)
and the learned detector's (``learned_triggers``). Each event falls in one class:

* ``typed``: a trigger of the event's type is in the sentence (if the event is missed, its
  roles, date or filtering are to blame, not its trigger);
* ``absorbed``: there is one, but the coder drops it as part of another trigger's event
  ("agreed to meet": the meeting is the agreement's content);
* ``other``: triggers, but none of the event's type (typing confusion);
* ``none``: no trigger at all;
* ``no_sentence``: the evidence is not found in the text.

The classes are counted by gold type and by the lemma of the labelled ``trigger`` words
(their head), with what was found on those words. Development documents are never read.

    python bench/diagnose_triggers.py [--limit N] [--list none|other] [--type T]
        [--lemma L] [--cache DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "training"))
sys.path.insert(0, str(REPO / "src"))

from spacy.tokens import Doc, Token  # noqa: E402
from train_events import _heads, _span, checked_labels  # noqa: E402

from sitrep.events.coder import (  # noqa: E402
    FUTURE_CONFLICT,
    FUTURE_COOPERATION,
    _independent,
)
from sitrep.events.detector import EventDetector, learned_triggers  # noqa: E402
from sitrep.events.modality import modality_of  # noqa: E402
from sitrep.events.rules import RuleSet, Trigger, find_triggers, load_rules  # noqa: E402
from sitrep.nlp import load_nlp  # noqa: E402


@dataclass
class Finding:
    """One training event and the signals found for it."""

    event: dict[str, Any]
    cls: str
    lemma: str
    """Lemma of the head of the labelled trigger words ("?" when they were not found)."""
    at_trigger: str
    """What the coder found on the labelled trigger words: ``TYPE:rule-id``, or "-"."""
    found: list[str]
    """Every trigger of the sentence, as ``word=TYPE:rule-id``."""


def effective_type(trig: Trigger) -> str:
    """The type the coder gives a trigger: an announced contact, aid or attack is the
    promise or threat of it ("will meet" is an AGREE), as in ``Coder._events``."""
    etype = trig.rule.type
    if modality_of(trig.anchor) == "future":
        return FUTURE_COOPERATION.get(etype) or FUTURE_CONFLICT.get(etype) or etype
    return etype


def _describe(trig: Trigger) -> str:
    etype = effective_type(trig)
    return f"{etype}:{trig.rule.id}" + (">future" if etype != trig.rule.type else "")


def diagnose(limit: int | None, cache: Path | None) -> list[Finding]:
    """Parse the training documents (``cache``: keep the parses there) and classify each
    labelled event."""
    from spacy.tokens import DocBin

    events, docs, texts = checked_labels(REPO / "training" / "events")
    nlp, rules, detector = load_nlp(), load_rules(), EventDetector.load()
    out: list[Finding] = []
    for doc_id in docs[:limit] if limit else docs:
        record = texts.get(doc_id)
        if record is None:
            continue
        path = cache / f"{doc_id[:120]}.spacy" if cache is not None else None
        if path is not None and path.is_file():
            doc = next(iter(DocBin().from_disk(path).get_docs(nlp.vocab)))
        else:
            doc = nlp(record["text"])
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                DocBin(docs=[doc], store_user_data=True).to_disk(path)
        by_sent: dict[int, list[Trigger]] = {}
        for ev in events.get(doc_id, []):
            if not ev.get("negative"):
                out.append(_classify(ev, record["text"], doc, rules, detector, by_sent))
    return out


def _classify(ev: dict[str, Any], text: str, doc: Doc, rules: RuleSet,
              detector: EventDetector | None, by_sent: dict[int, list[Trigger]]) -> Finding:
    where = _span(text, ev["evidence"])
    span = doc.char_span(where[0], where[1], alignment_mode="expand") if where else None
    if span is None:
        return Finding(ev, "no_sentence", "?", "-", [])
    sents = {t.sent.start: t.sent for t in span}.values()
    triggers: list[Trigger] = []
    for sent in sents:
        if sent.start not in by_sent:
            found = find_triggers(sent, rules)
            if detector is not None:
                found += learned_triggers(sent, detector, found)
            by_sent[sent.start] = found
        triggers += by_sent[sent.start]
    words = _span(text, ev.get("trigger") or "", where[0]) if where else None
    heads: list[Token] = []
    if words is not None and words[1] <= where[1]:
        tspan = doc.char_span(words[0], words[1], alignment_mode="expand")
        heads = _heads(tspan) if tspan is not None else []
    lemma = heads[0].lemma_.lower() if heads else "?"
    on_words = {t.token.i: t for t in triggers} | {t.anchor.i: t for t in triggers}
    at = [on_words[h.i] for h in heads if h.i in on_words]
    types = {effective_type(t) for t in triggers}
    cls = "typed" if ev["type"] in types else "other" if triggers else "none"
    if cls == "typed" and ev["type"] not in {effective_type(t) for t in _independent(triggers)}:
        cls = "absorbed"  # the coder drops it as part of another trigger's event
    return Finding(ev, cls, lemma, _describe(at[0]) if at else "-",
                   [f"{t.token.text}={_describe(t)}" for t in triggers])


def report(findings: list[Finding], show: str | None, etype: str | None,
           lemma: str | None) -> str:
    """The counts, and the events of one class when ``show`` names it."""
    lines = [f"{len(findings)} events: " + ", ".join(
        f"{n} {c}" for c, n in Counter(f.cls for f in findings).most_common())]
    by_type: dict[str, Counter[str]] = {}
    for f in findings:
        by_type.setdefault(f.event["type"], Counter())[f.cls] += 1
    lines.append(f"{'type':<10} {'typed':>6} {'absorbed':>8} {'other':>6} {'none':>6}")
    for t, c in sorted(by_type.items(), key=lambda kv: -sum(kv[1].values())):
        lines.append(f"{t:<10} {c['typed']:>6} {c['absorbed']:>8} {c['other']:>6} {c['none']:>6}")
    for cls in ("none", "other"):
        lemmas = Counter(f"{f.event['type']} {f.lemma}" for f in findings if f.cls == cls)
        lines.append(f"\n{cls}: gold type and trigger lemma (top 40)")
        lines += [f"  {n:>3} {k}" for k, n in lemmas.most_common(40)]
    bare = Counter(f"{f.event['type']} {f.lemma}" for f in findings
                   if f.cls in ("none", "other") and f.at_trigger == "-")
    lines.append("\nnone or other: nothing on the trigger words, by type and lemma (top 50)")
    lines += [f"  {n:>3} {k}" for k, n in bare.most_common(50)]
    confusions = Counter(f"{f.event['type']} <- {f.at_trigger}" for f in findings
                         if f.cls == "other")
    lines.append("\nother: gold type <- what the trigger words got (top 30)")
    lines += [f"  {n:>3} {k}" for k, n in confusions.most_common(30)]
    if show:
        lines.append(f"\n{show} events")
        for f in findings:
            if f.cls == show and (etype is None or f.event["type"] == etype) and \
                    (lemma is None or f.lemma == lemma):
                lines.append(f"- {f.event['type']} [{f.event.get('trigger')}] {f.lemma} "
                             f"at={f.at_trigger} found={f.found}\n    {f.event['evidence']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--list", dest="show", choices=("none", "other", "absorbed", "typed"),
                        help="list the events of this class")
    parser.add_argument("--type", dest="etype", help="only list events of this type")
    parser.add_argument("--lemma", help="only list events with this trigger lemma")
    parser.add_argument("--cache", type=Path, help="keep the parses in this folder")
    args = parser.parse_args(argv)
    print(report(diagnose(args.limit, args.cache), args.show, args.etype, args.lemma))
    return 0


if __name__ == "__main__":
    sys.exit(main())
