"""Corrections to the small model's parse, for forms it gets wrong in a way the rules cannot
read around.

Each fix is a pattern of the wrong tree and the tree the sentence has, checked on the words
that make the form unambiguous; anything else is left as parsed.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitrep.events.modality import foretold


def fix_parse(doc: Doc) -> int:
    """Correct the parse of ``doc`` in place; returns the number of fixes made."""
    if "should" not in doc.text.lower():
        return 0
    return sum(_inverted_condition_after_that(verb) for verb in list(doc))


def _inverted_condition_after_that(condition: Token) -> bool:
    """ "X made clear that should Russia invade Ukraine, the United States would impose
    costs": the small model makes the condition ("should Russia invade") the complement of
    "made clear" and the consequence a clause of its own (a conjunct of "made", or the root
    with "made clear" under it). The consequence is what is said; the condition is its
    adverbial clause, as in "should Russia invade, the United States would ..." on its own.
    """
    if condition.dep_ != "ccomp" or not _opened_by_should(condition):
        return False
    said = condition.head
    consequence = _consequence(condition, said)
    if consequence is None:
        return False
    if said.head == consequence:  # "reiterated" parsed under "face": raise it to the top
        if consequence.dep_ == "ROOT":
            said.head, said.dep_ = said, "ROOT"
        else:
            said.head, said.dep_ = consequence.head, consequence.dep_
    consequence.head, consequence.dep_ = said, "ccomp"
    condition.head, condition.dep_ = consequence, "advcl"
    for mark in [c for c in condition.children if c.dep_ == "mark" and c.lower_ == "that"]:
        mark.head = consequence
    return True


def _opened_by_should(clause: Token) -> bool:
    """Whether a clause puts "should" before its subject ("should Russia invade")."""
    should = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ == "should"),
                  None)
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return should is not None and subject is not None and should.i < subject.i


def _consequence(condition: Token, said: Token) -> Token | None:
    """The foretold clause after ``condition`` that the parser hung beside it: a conjunct of
    the verb of saying, or the verb the saying was put under."""
    candidates = [c for c in said.children if c.dep_ == "conj" and c.i > condition.i]
    if said.dep_ == "ccomp" and said.head.i > condition.i:
        candidates.append(said.head)
    for verb in candidates:
        if foretold(verb) and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return verb
    return None
