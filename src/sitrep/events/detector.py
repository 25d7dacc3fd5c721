"""The learned event detector: which words of a parsed sentence trigger which PLOVER event.

The trigger rules (``sitrep.events.rules``) are precise but know only the words someone wrote
down; news says the same things in many more ways ("reiterated the U.S. commitment to
Ukraine's sovereignty", "expressed deep concern with"). The detector is a linear model
(multinomial logistic regression, trained by ``training/train_events.py`` on hand-coded
documents that ship with the repo) over each candidate word's features:

* the word itself (lemma, part of speech, dependency);
* its syntactic neighbourhood (head, objects, prepositions, auxiliaries, negation);
* the object and complement nouns that make a light verb an event ("expressed *concern*").

It gives each candidate a probability per type and ``NONE``. The coder keeps the rules'
triggers and argument reading, and asks the detector for the words the rules do not know.
The features say nothing of the rules on purpose: a detector that read which words the rules
claimed was refitted differently whenever a rule changed, and moved events in sentences the
change never touched; this one depends only on the labels and the parse.
Weights are plain arrays (``data/models/events.npz``), applied with NumPy: no training
library at run time.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Span, Token

from sitrep.events.rules import CONTINUING, Trigger, TriggerRule

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "models"
CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX", "PROPN"})
"""Parts of speech a trigger can have ("must" is AUX, "talks" a NOUN, "concerned" an ADJ)."""
NONE = "NONE"


def is_candidate(tok: Token) -> bool:
    """Whether a word may trigger an event: a content word or a modal of obligation."""
    if tok.pos_ == "AUX":
        return tok.lower_ in ("must", "should")
    return tok.pos_ in CANDIDATE_POS and tok.is_alpha and len(tok.text) > 1


def token_features(tok: Token) -> list[str]:
    """The features of one candidate word, as strings (the model's vocabulary).

    Args:
        tok: a word of a parsed sentence.

    Returns:
        Feature names; a name present has value 1.
    """
    lemma = tok.lemma_.lower()
    head = tok.head
    feats = [f"l={lemma}", f"lp={lemma}|{tok.pos_}", f"ld={lemma}|{tok.dep_}",
             f"tag={tok.tag_}", f"dep={tok.dep_}"]
    if head.i != tok.i:
        feats += [f"h={head.lemma_.lower()}", f"hd={head.lemma_.lower()}|{tok.dep_}",
                  f"hpos={head.pos_}|{tok.dep_}"]
    else:
        feats.append("root")
    for child in tok.children:
        dep, clemma = child.dep_, child.lemma_.lower()
        if dep in ("det", "punct", "cc"):
            continue
        feats.append(f"c={dep}|{clemma}")
        feats.append(f"lc={lemma}|{dep}|{clemma}")
        if dep in ("prep", "agent"):
            for pobj in (p for p in child.children if p.dep_ == "pobj"):
                feats.append(f"pp={clemma}|{pobj.ent_type_ or pobj.pos_}")
        if dep in ("dobj", "nsubjpass", "attr", "xcomp", "ccomp", "acomp"):
            feats.append(f"o={dep}")
        if child.ent_type_ in ("PERSON", "GPE", "NORP", "ORG"):
            feats.append(f"ce={dep}|{child.ent_type_}")
    if tok.pos_ in ("NOUN", "PROPN") and head.i != tok.i:
        gov = head.head if head.dep_ == "prep" else head
        feats.append(f"gov={gov.lemma_.lower()}|{tok.dep_}")
    return feats


@dataclass(frozen=True)
class Detection:
    """A word the detector reads as an event trigger."""

    token: Token
    type: str
    probability: float


class EventDetector:
    """A trained detector: feature vocabulary, classes and weights.

    Load the bundled one with ``EventDetector.load()``; ``version`` names the weights file's
    hash so that events coded with other weights can be found and re-coded.
    """

    def __init__(self, vocabulary: dict[str, int], classes: list[str], weights: np.ndarray,
                 bias: np.ndarray, threshold: float, version: str,
                 lemmas: frozenset[str] = frozenset()) -> None:
        self.vocabulary = vocabulary
        self.lemmas = lemmas
        """Lemmas seen as triggers in training: a sentence without one needs no parse."""
        self.classes = classes
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.version = version
        # a typer trained on the PLOVER sentences alone, which all hold an event, has no NONE
        self._none = classes.index(NONE) if NONE in classes else None

    @classmethod
    def load(cls, directory: Path = MODEL_DIR, name: str = "events") -> EventDetector | None:
        """The detector saved as ``<name>.json`` + ``<name>.npz`` in ``directory``, or None
        when there is none (the coder then runs on its rules alone)."""
        return _load(str(directory), name)

    def scores(self, features: list[list[str]]) -> np.ndarray:
        """Linear scores before the softmax (rows: candidates, columns: ``classes``)."""
        scores = np.tile(self.bias, (len(features), 1)).astype(np.float32)
        # one gather and one segmented sum for all candidates: a sum per row cost the coder
        # a tenth of its rule time
        known = self.vocabulary.get
        rows: list[int] = []
        cols: list[int] = []
        for row, names in enumerate(features):
            for col in map(known, names):
                if col is not None:
                    rows.append(row)
                    cols.append(col)
        if cols:
            np.add.at(scores, np.asarray(rows), self.weights[cols])
        return scores

    def probabilities(self, features: list[list[str]],
                      scores: np.ndarray | None = None) -> np.ndarray:
        """Class probabilities (rows: candidates, columns: ``classes``); ``scores``, when
        given, are used instead of those of ``features``."""
        if scores is None:
            scores = self.scores(features)
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        probabilities: np.ndarray = exp / exp.sum(axis=1, keepdims=True)
        return probabilities

    def detect(self, sent: Span, skip: Collection[int] = ()) -> list[Detection]:
        """Words of a parsed sentence that trigger an event, with their best type.

        Args:
            sent: a parsed sentence.
            skip: token indices not to score (the words a trigger rule already took).

        Returns:
            Candidates whose likeliest event type has at least ``threshold`` probability,
            in text order.
        """
        cands = [t for t in sent if t.i not in skip and is_candidate(t)]
        if not cands:
            return []
        probs = self.probabilities([token_features(t) for t in cands])
        out = []
        for tok, row in zip(cands, probs, strict=True):
            events = row.copy()
            if self._none is not None:
                events[self._none] = -1.0
            best = int(events.argmax())
            if events[best] >= self.threshold:
                out.append(Detection(tok, self.classes[best], float(events[best])))
        return out


# the coder's detector, the typer and its fold models stay loaded together
@lru_cache(maxsize=8)
def _load(directory: str, name: str) -> EventDetector | None:
    meta_path = Path(directory) / f"{name}.json"
    if not meta_path.is_file():
        return None
    meta = json.loads(meta_path.read_text("utf-8"))
    arrays = np.load(Path(directory) / f"{name}.npz")
    return EventDetector({f: i for i, f in enumerate(meta["features"])}, list(meta["classes"]),
                         arrays["weights"].astype(np.float32), arrays["bias"],
                         float(meta["threshold"]), str(meta["version"]),
                         frozenset(meta.get("lemmas", ())))


def save(directory: Path, name: str, features: Iterable[str], classes: list[str],
         weights: np.ndarray, bias: np.ndarray, threshold: float,
         extra: dict[str, Any] | None = None
         ) -> str:
    """Write a detector as ``<name>.json`` (vocabulary, classes, threshold, provenance) and
    ``<name>.npz`` (weights); returns the version (a hash of both)."""
    import hashlib

    directory.mkdir(parents=True, exist_ok=True)
    features = list(features)
    digest = hashlib.sha256(json.dumps([features, classes, threshold]).encode())
    digest.update(np.ascontiguousarray(weights, dtype=np.float32).tobytes())
    version = digest.hexdigest()[:10]
    np.savez_compressed(directory / f"{name}.npz", weights=weights.astype(np.float16),
                        bias=bias.astype(np.float32))
    meta = {"version": version, "classes": classes, "threshold": threshold,
            **(extra or {}), "features": features}
    (directory / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    _load.cache_clear()
    return version


def learned_triggers(sent: Span, detector: EventDetector, found: list[Trigger]
                     ) -> list[Trigger]:
    """Triggers the detector adds to those the rules ``found`` in a parsed sentence.

    A word already matched by a rule keeps its rule (the rule knows its arguments and mode);
    a noun the detector picks is anchored on the verb that governs it ("expressed *concern*"),
    as a rule's nominal trigger is on its light verb.

    Args:
        sent: a parsed sentence.
        detector: the trained detector.
        found: the rule triggers of the sentence.

    Returns:
        New triggers, one per detected word, each with a generic rule of its type.
    """
    taken = {t.token.i for t in found} | {t.anchor.i for t in found}
    out = []
    for hit in detector.detect(sent, taken):
        tok = hit.token
        if tok.lemma_.lower() in CONTINUING and any(
                c.dep_ == "xcomp" and c.i in taken for c in tok.children):
            continue  # "will continue to work with": the act carried on has its rule
        noun = tok.pos_ in ("NOUN", "PROPN")
        governor = tok.head if noun and tok.dep_ in ("dobj", "nsubjpass", "attr") and \
            tok.head.pos_ in ("VERB", "AUX") else None
        if noun and governor is None and tok.dep_ != "nsubj":
            continue  # "has been in contact with": a noun no verb makes happen
        if governor is not None and governor.i in taken:
            continue
        out.append(Trigger(_generic_rule(hit.type, tok.pos_), tok, governor))
    return out


@lru_cache(maxsize=64)
def _generic_rule(etype: str, pos: str) -> TriggerRule:
    return TriggerRule(id=f"{etype.lower()}.learned", lemmas=frozenset(), type=etype,
                       pos="NOUN" if pos in ("NOUN", "PROPN") else "VERB")
