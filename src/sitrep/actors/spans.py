"""Token and span helpers for reading actor mentions: names, nicknames, possessives.

Small, stateless functions over spaCy tokens and spans, shared by the mention passes in
``mentions.py``.
"""

from __future__ import annotations

import re

from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from sitrep.actors.kb import Person
from sitrep.record import ActorRef

QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''"})
"""Quotation marks around nicknames: Benjamin “Benny” Gantz."""

_ENTS_KEY = "sitrep.ents"
"""``doc.user_data`` key: the doc's entities and their start tokens, made once per doc."""


def _doc_ents(doc: Doc) -> tuple[list[int], tuple[Span, ...]]:
    # ``doc.ents`` builds a Span for every entity of the whole text on each call, and the
    # mention passes ask for each sentence's entities: cached, an article costs one pass.
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is None or cached[2] is not doc:
        ents = tuple(doc.ents)
        cached = ([e.start for e in ents], ents, doc)
        doc.user_data[_ENTS_KEY] = cached
    return cached[0], cached[1]


def sentence_ents(sent: Span) -> list[Span]:
    """The entities inside ``sent`` (as ``sent.ents``, without rebuilding the doc's)."""
    starts, ents = _doc_ents(sent.doc)
    out = []
    for ent in ents[bisect_left(starts, sent.start):]:
        if ent.start >= sent.end:
            break
        if ent.end <= sent.end:
            out.append(ent)
    return out


def entity_at(tok: Token) -> Span | None:
    """The entity ``tok`` is part of, if any."""
    if not tok.ent_type_ or tok.ent_iob_ not in ("B", "I"):
        return None
    starts, ents = _doc_ents(tok.doc)
    k = bisect_left(starts, tok.i + 1) - 1
    return ents[k] if k >= 0 and ents[k].start <= tok.i < ents[k].end else None


def with_nicknamed_people(ents: list[Span], sent: Span) -> list[Span]:
    """Entities with quoted nicknames joined into one PERSON: in 'Benjamin “Benny” Gantz'
    the small model sees a title of a work, or two names."""
    doc = sent.doc
    spans: list[Span] = []
    i = sent.start
    while i < sent.end - 4:
        tok = doc[i]
        if tok.pos_ == "PROPN" and tok.text[:1].isupper() and doc[i + 1].text in QUOTES:
            j = i + 2
            while j < sent.end and doc[j].pos_ == "PROPN" and j - i <= 3:
                j += 1
            if j > i + 2 and j + 1 < sent.end and doc[j].text in QUOTES and \
                    doc[j + 1].pos_ == "PROPN" and doc[j + 1].text[:1].isupper():
                k = j + 1
                while k + 1 < sent.end and doc[k + 1].pos_ == "PROPN":
                    k += 1
                start = i
                while start - 1 >= sent.start and doc[start - 1].ent_type_ == "PERSON":
                    start -= 1
                spans.append(Span(doc, start, k + 1, label="PERSON"))
                i = k + 1
                continue
        i += 1
    if not spans:
        return ents
    kept = [e for e in ents if not any(e.start < s.end and s.start < e.end for s in spans)]
    return sorted(kept + spans, key=lambda e: e.start)


def without_nickname(ent: Span) -> str:
    """A name's text without its quoted nickname ('Benjamin “Benny” Gantz' -> 'Benjamin
    Gantz')."""
    if not any(t.text in QUOTES for t in ent):
        return ent.text
    out: list[str] = []
    quoted = False
    for tok in ent:
        if tok.text in QUOTES:
            quoted = not quoted
            continue
        if not quoted:
            out.append(tok.text)
    return " ".join(out) if out else ent.text


def person_actor(person: Person, text: str) -> ActorRef:
    return ActorRef(name=person.name, kind="person", actor_id=person.id,
                    country=person.country or None, sector="GOV", text=text)


def at(ref: ActorRef, where: Span | Token) -> ActorRef:
    """Copy of ``ref`` pointing at the words of this mention (character offsets in the Doc)."""
    if isinstance(where, Token):
        return replace(ref, text=where.text, start=where.idx, end=where.idx + len(where))
    return replace(ref, text=where.text, start=where.start_char, end=where.end_char)


def inside(tok: Token, ent: Span) -> bool:
    head = tok
    for _ in range(6):
        if ent.start <= head.i < ent.end:
            return True
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def clause_subject(tok: Token) -> Token | None:
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
        if verb.dep_ not in ("conj", "xcomp", "advcl", "acl", "relcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def entity_text(tok: Token) -> str:
    ent = entity_at(tok)
    return ent.text if ent is not None else tok.text


def strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def clean_name(name: str) -> str:
    """A name as written, without a possessive and extra spaces."""
    return " ".join(strip_possessive(name).split())


def without_middle_initials(name: str) -> str:
    """A person's name without middle initials (GUIDELINES 4: "Patrick W. Carlineo Jr." is
    "Patrick Carlineo Jr."); a name that opens with initials ("J. K. Rowling") keeps them."""
    words = name.split()
    if len(words) < 3 or _INITIAL.fullmatch(words[0]):
        return name
    kept = [w for i, w in enumerate(words)
            if not (0 < i < len(words) - 1 and _INITIAL.fullmatch(w))]
    return " ".join(kept)


_INITIAL = re.compile(r"[A-Z]\.")


NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "von", "van", "der", "den", "de",
                            "da", "di", "du", "del", "dos", "zu"})
"""Lower-case words inside a person's name ("Ursula von der Leyen", "Mohammed bin Salman")."""
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def name_hyphen(tok: Token) -> bool:
    """Whether ``tok`` is the hyphen inside a hyphenated name ("Kramp-Karrenbauer"): no space
    on either side, a capitalised word or a lower-case particle before ("al-Quaety", the
    surname news gives after "Nabil Hasan al-Quaety") and a word after."""
    doc = tok.doc
    if tok.text not in _HYPHENS or not 0 < tok.i < len(doc) - 1:
        return False
    before = doc[tok.i - 1]
    return not before.whitespace_ and not tok.whitespace_ and \
        (before.text[:1].isupper() or before.text in NAME_PARTICLES) and \
        doc[tok.i + 1].is_alpha


def name_end(doc: Doc, end: int, limit: int) -> int:
    """The end of a person's name the model cut short: the rest of a hyphenated given name
    ("Moon Jae" + "-in", "Yoon Suk" + "-yeol") and particles with the capitalised word
    after them ("Ursula von" + "der Leyen").

    Args:
        doc: the parsed document.
        end: the end (token index) of the name as tagged.
        limit: the end of its sentence.

    Returns:
        The repaired end, ``end`` when nothing is missing.
    """
    while end < limit:
        tok = doc[end]
        if doc[end - 1].lower_ in NAME_PARTICLES and tok.is_alpha and tok.text[:1].isupper():
            end += 1  # "Ursula von der" + "Leyen" (tagged a place): a name never ends in "der"
            continue
        if tok.text in _HYPHENS and not doc[end - 1].whitespace_ and not tok.whitespace_ \
                and end + 1 < limit and doc[end + 1].is_alpha:
            end += 2
            continue
        run = end
        while run < limit and doc[run].lower_ in NAME_PARTICLES:
            run += 1
        if run == end or run >= limit or not doc[run].is_alpha or \
                not doc[run].text[:1].isupper():
            return end
        end = run + 1
    return end
