"""Validate a labelled batch: python3 check.py BATCH.jsonl

Each line: one event, dev-gold format plus "trigger" and "mentions" (see INSTRUCTIONS.md).
Prints every problem with its line number, then a summary. Exit 1 when anything is wrong.
"""
import json, re, sys

TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
FIELDS = ["doc", "published", "type", "mode", "actors", "source", "target", "date", "location",
          "core", "negative", "evidence", "trigger", "mentions"]
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

def texts():
    out = {}
    for path in ["/work/shared/train/wikinews-extra.jsonl", "/work/shared/corpus/state_gov.jsonl",
                 "/work/shared/corpus/whitehouse_gov.jsonl", "/work/shared/corpus/wikinews.jsonl"]:
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            out[r["id"]] = r
    return out

def main(path):
    docs = texts()
    forbidden = set(open("/work/shared/eval/events/dev-docs.txt").read().split())
    bad = 0
    n = 0
    for i, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        n += 1
        def err(msg):
            nonlocal bad
            bad += 1
            print(f"line {i}: {msg}")
        try:
            ev = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"not JSON: {e}"); continue
        for f in FIELDS:
            if f not in ev:
                err(f"missing field {f!r}")
        doc = docs.get(ev.get("doc"))
        if doc is None:
            err(f"unknown doc {ev.get('doc')!r}"); continue
        if ev["doc"] in forbidden:
            err("doc is evaluation material: do not label it")
        if ev.get("published") != doc["date"]:
            err(f"published must be the record's date {doc['date']}")
        if ev.get("type") not in TYPES:
            err(f"type {ev.get('type')!r} is not a PLOVER type")
        actors = ev.get("actors") or []
        if not actors or not all(isinstance(a, str) and a.strip() for a in actors):
            err("actors must be a non-empty list of names")
        for k in ("source", "target"):
            v = ev.get(k)
            if v is not None and v not in actors:
                err(f"{k} {v!r} must be one of actors")
        if ev.get("type") == "CONSULT" and (ev.get("source") or ev.get("target")):
            err("CONSULT has source and target null")
        d = ev.get("date")
        if d is not None and not DATE.match(str(d)):
            err(f"date {d!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
        text = doc["text"]
        evid = ev.get("evidence") or ""
        if evid not in text:
            err("evidence is not a verbatim substring of the text")
        trig = ev.get("trigger") or ""
        if not trig or trig not in evid:
            err(f"trigger {trig!r} must be words copied from the evidence sentence")
        for m in ev.get("mentions") or []:
            if m not in text:
                err(f"mention is not verbatim in the text: {m[:60]!r}")
        if ev.get("core") != (ev.get("type") == "CONSULT"):
            err("core must be true for CONSULT, false otherwise")
    print(f"{n} events, {bad} problems")
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
