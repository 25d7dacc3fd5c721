"""The learned sentence typer: which PLOVER event types a parsed sentence holds.

The rules and the word-level detector (``sitrep.events.detector``) read who did what to whom;
they need a trigger word they know and both parties in place. The typer reads the sentence as
a whole ("Iran today threatened to launch a new offensive unless Baghdad accepted ...") and
gives each PLOVER type a probability, from:

* the sentence's lemmas and lemma pairs (content words, negation and modals kept);
* its root verb, and the verb governing each named actor;
* what the rules already found there (their types and trigger lemmas);
* its sentence embedding (all-MiniLM-L6-v2, ``sitrep.nlp.embed``), which carries what the
  words mean to sentences worded as no training sentence was ("staged a hunger strike").

It is a multinomial logistic regression trained by ``training/train_typer.py`` on the
PLOVER gold sentences, joined by the project's hand-coded documents (``training/events/``)
where cross-validation on the PLOVER sentences finds they help, and applied with NumPy
through the same linear-model format as the detector. Besides the model trained on every
PLOVER sentence, the package ships one model per cross-validation fold of them, so that
``sitrep eval plover`` scores each sentence with a model that never saw it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Span

from sitrep.events.detector import NONE, EventDetector
from sitrep.events.rules import RuleSet, find_triggers
from sitrep.nlp.embed import DIM, embed

FOLDS = 5
"""Cross-validation folds of the PLOVER gold sentences (see ``fold_of``)."""
KEEP_STOP = frozenset({"not", "no", "never", "must", "should", "will", "would", "if",
                       "unless", "against", "to", "with", "on"})
"""Function words that change what a sentence says about an event."""
EMBEDDING = "emb:"
"""Prefix of the features that are the embedding's dimensions (``emb:0`` ... ``emb:383``):
their weights multiply the sentence's unit vector."""


@dataclass(frozen=True)
class SentenceTypes:
    """A sentence's likeliest event type and every type's probability."""

    best: str
    """The likeliest event type (``NONE``, no event, left aside)."""
    probability: float
    """The probability of ``best``."""
    no_event: float
    """The probability that the sentence holds no event (0 from a model trained without
    no-event sentences: the PLOVER sentences all hold one)."""
    probabilities: dict[str, float]


def fold_of(sentence_id: str) -> int:
    """The cross-validation fold of a PLOVER gold sentence (stable: a hash of its id)."""
    return int(hashlib.sha256(sentence_id.encode()).hexdigest(), 16) % FOLDS


def found_in(text: Span | Doc, rules: RuleSet) -> dict[str, set[str]]:
    """Event type -> the lemmas of the rule triggers found in each sentence of ``text``."""
    out: dict[str, set[str]] = {}
    doc, start, end = (text, 0, len(text)) if isinstance(text, Doc) else \
        (text.doc, text.start, text.end)
    for sent in (s for s in doc.sents if s.start < end and s.end > start):
        for trig in find_triggers(sent, rules):
            out.setdefault(trig.rule.type, set()).add(trig.token.lemma_.lower())
    return out


def sentence_features(sent: Span, found: dict[str, set[str]]) -> list[str]:
    """The features of one parsed sentence, as strings (the model's vocabulary).

    Args:
        sent: a parsed sentence.
        found: event type -> trigger lemmas the rules and the detector found in it.

    Returns:
        Feature names; a name present has value 1.
    """
    lemmas = [t.lemma_.lower() for t in sent
              if t.is_alpha and (not t.is_stop or t.lower_ in KEEP_STOP)]
    feats = {f"w={lemma}" for lemma in lemmas}
    feats.update(f"b={a}_{b}" for a, b in zip(lemmas, lemmas[1:], strict=False))
    feats.add(f"root={sent.root.lemma_.lower()}")
    for tok in sent:
        if tok.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") and tok.dep_ in ("nsubj", "dobj",
                                                                            "pobj", "nsubjpass"):
            head = tok.head.head if tok.dep_ == "pobj" else tok.head
            feats.add(f"gov={head.lemma_.lower()}|{tok.dep_}")
        if tok.dep_ == "neg":
            feats.add(f"neg={tok.head.lemma_.lower()}")
    for etype, words in found.items():
        feats.add(f"found={etype}")
        feats.update(f"fw={etype}|{w}" for w in words)
    if not found:
        feats.add("found=-")
    return sorted(feats)


class SentenceTyper:
    """A trained typer; ``SentenceTyper.load()`` gives the one bundled with the package."""

    def __init__(self, model: EventDetector) -> None:
        self.model = model
        self.version = model.version
        rows = [model.vocabulary.get(f"{EMBEDDING}{d}") for d in range(DIM)]
        self._dense = model.weights[[r for r in rows if r is not None]].astype(np.float32) \
            if all(r is not None for r in rows) else None
        """Weights of the embedding's dimensions, or None for a model trained without it."""
        self._none = model.classes.index(NONE) if NONE in model.classes else None

    @classmethod
    def load(cls, fold: int | None = None) -> SentenceTyper | None:
        """The bundled typer (``fold``: the one trained without that PLOVER fold), or None
        when the package has none."""
        model = EventDetector.load(name="typer" if fold is None else f"typer-fold{fold}")
        return cls(model) if model is not None else None

    def types(self, sents: list[Span], found: list[dict[str, set[str]]]
              ) -> list[SentenceTypes]:
        """The event types of parsed sentences.

        Args:
            sents: parsed sentences.
            found: for each sentence, event type -> trigger lemmas the rules found in it.
        """
        scores = self.model.scores([sentence_features(s, f)
                                    for s, f in zip(sents, found, strict=True)])
        if self._dense is not None:
            scores += embed([s.text for s in sents]) @ self._dense
        out = []
        for row in self.model.probabilities([], scores):
            events = row.copy()
            if self._none is not None:
                events[self._none] = -1.0
            best = int(np.argmax(events))
            out.append(SentenceTypes(self.model.classes[best], float(row[best]),
                                     float(row[self._none]) if self._none is not None else 0.0,
                                     {c: float(p) for c, p in zip(self.model.classes, row,
                                                                  strict=True)}))
        return out
