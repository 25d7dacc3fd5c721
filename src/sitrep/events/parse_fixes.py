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
    fixed = sum(_detached_possessive(mark) for mark in list(doc))
    if "should" not in doc.text.lower():
        return fixed
    return fixed + sum(_inverted_condition_after_that(verb) for verb in list(doc))


_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
"""The possessive endings: "Biden's", and the bare apostrophe after a final s ("Harris'")."""

_BETWEEN_POSSESSOR_AND_NOUN = 8
"""How many words of date and description may stand between a possessor and its noun
("Harris' April 29, 2022, meeting")."""


def _detached_possessive(mark: Token) -> bool:
    """ "Building on President Biden's June 29 meeting with ...", "during Vice President
    Harris' visit in June to Mexico": the small model hangs the name on the preposition and
    the ending elsewhere (on the verb, or as punctuation), leaving the noun ownerless (an
    object of the verb, or a clause of its own). The name is the possessor of the first noun
    after the ending, past the date and adjectives between; the noun takes the name's place.
    """
    owner = mark.doc[mark.i - 1] if mark.i > 0 else None
    if mark.lower_ not in _POSSESSIVE_MARKS or mark.dep_ == "case" or owner is None or \
            owner.pos_ != "PROPN" or owner.dep_ == "poss" or \
            (mark.lower_ in ("'", "’") and not owner.lower_.endswith("s")):
        return False
    noun = _possessed_noun(mark)
    if noun is None or owner.head.i == noun.i or owner.head in noun.subtree or \
            owner in noun.ancestors or noun.head.i == owner.i:
        return False
    if noun.pos_ == "VERB":  # "Harris' April 29, 2022, meeting": the noun, read as a verb
        noun.pos_, noun.tag_, noun.lemma_ = "NOUN", "NN", noun.lower_
    noun.head, noun.dep_ = owner.head, owner.dep_
    owner.head, owner.dep_ = noun, "poss"
    mark.head, mark.dep_ = owner, "case"
    for word in mark.doc[mark.i + 1:noun.i]:
        if word.head.i <= mark.i or word.head.i > noun.i:
            word.head = noun
            word.dep_ = "punct" if word.is_punct else \
                "amod" if word.pos_ == "ADJ" else "nmod"
    return True


def _possessed_noun(mark: Token) -> Token | None:
    """The common noun a detached possessive ending owns: the first after it, past words of
    date, numbers, adjectives and commas; None when anything else comes first."""
    for word in mark.doc[mark.i + 1:mark.i + 2 + _BETWEEN_POSSESSOR_AND_NOUN]:
        if word.sent.start != mark.sent.start:
            return None
        if word.pos_ == "NOUN" or (word.tag_ == "VBG" and not any(
                c.dep_ in ("dobj", "nsubj", "aux") for c in word.children)):
            return word
        if not (word.ent_type_ == "DATE" or word.like_num or word.pos_ == "ADJ"
                or word.lower_ == ","):
            return None
    return None


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
