"""Where bare spaCy's CPU goes on the bundled corpus, and what a whole-text parse would save.

Two measurements in one process (CPU seconds, so a loaded machine inflates them alike):
  * each component of the pinned pipeline run on its own over the corpus's texts (the stock
    attribute ruler, then sitrep's ``FastAttributeRuler``): the share of each in bare spaCy;
  * the coder's selective parse (``SelectiveParser._parse``: each sentence that may hold an
    event copied and parsed on its own) against one parse of every whole text with the same
    sentence boundaries preset, and how many selected sentences come out with another tree.
Results go to ``bench/results/spacy_components.json``.

    python bench/spacy_components.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.tokens import Doc

from sitrep.events import selective
from sitrep.events.coder import Coder
from sitrep.nlp.fast_components import activate
from sitrep.settings import Settings

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results" / "spacy_components.json"


def corpus_texts() -> list[str]:
    return [json.loads(line)["text"] for f in sorted((REPO / "corpus").glob("*.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def component_seconds(texts: list[str], fast: bool) -> dict[str, float]:
    """CPU seconds of the tokenizer and of each component over ``texts``."""
    nlp = spacy.load(Settings().model)
    if fast:
        activate(nlp)
    start = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    out = {"tokenizer": time.process_time() - start}
    for name, proc in nlp.pipeline:
        start = time.process_time()
        docs = list(proc.pipe(docs, batch_size=32))
        out[name] = time.process_time() - start
    return {k: round(v, 2) for k, v in out.items()}


def _preset(doc: Doc) -> Doc:
    """The splitter's sentence starts kept, nothing decided inside a sentence (as
    ``selective._unsplit`` leaves a sentence copy)."""
    starts = numpy.zeros(len(doc), dtype="int64")
    for sent in doc.sents:
        starts[sent.start] = 1
        for i in range(sent.start + 2, sent.end):
            if doc[i - 1].text == ")" and not selective._ends_sentence(doc, i - 1):
                starts[i] = -1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def parse_comparison(texts: list[str]) -> dict[str, Any]:
    coder = Coder.load()
    sp = coder.parser
    assert sp is not None
    docs = (sp.nlp.make_doc(t) for t in texts)
    docs = (selective._paragraph_breaks(d) for d in sp.senter.pipe(docs, batch_size=4))
    for _, proc in sp.front:
        docs = proc.pipe(docs, batch_size=4)
    fronted = list(docs)
    copies = [d.copy() for d in fronted]
    start = time.process_time()
    chosen = []
    for i in range(0, len(fronted), 4):
        chosen += sp._parse(fronted[i:i + 4], 4)
    selective_s = time.process_time() - start
    start = time.process_time()
    wanted = [[(s.start, s.end) for s in d.sents if coder.may_hold_event(s)] for d in copies]
    whole = list(sp.parser.pipe((_preset(d) for d in copies), batch_size=4))
    whole_s = time.process_time() - start
    same = differ = 0
    for a, b, spans in zip(chosen, whole, wanted, strict=True):
        ta, tb = a.to_array([HEAD, DEP]), b.to_array([HEAD, DEP])
        for s, e in spans:
            if (ta[s:e] == tb[s:e]).all():
                same += 1
            else:
                differ += 1
    return {"selective_parse_cpu_s": round(selective_s, 2),
            "whole_text_parse_cpu_s": round(whole_s, 2),
            "selected_sentences_same_tree": same, "selected_sentences_other_tree": differ}


def main() -> None:
    texts = corpus_texts()
    stock, fast = component_seconds(texts, False), component_seconds(texts, True)
    result = {"articles": len(texts), "stock_components_cpu_s": stock,
              "with_fast_attribute_ruler_cpu_s": fast,
              "parse": parse_comparison(texts),
              "load_average": [round(x, 2) for x in __import__("os").getloadavg()]}
    RESULTS.write_text(json.dumps(result, indent=1) + "\n")
    total = sum(stock.values())
    print(f"{len(texts)} articles; bare spaCy {total:.1f} CPU s (stock attribute ruler)")
    for name, secs in stock.items():
        print(f"  {name:<16}{secs:>7.2f} s {100 * secs / total:5.1f}%   fast: {fast[name]:.2f}")
    print(json.dumps(result["parse"]))


if __name__ == "__main__":
    main()
