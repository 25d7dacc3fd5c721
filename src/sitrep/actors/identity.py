"""Actor identity: the one place where an actor becomes a key.

Every stage asks this module, never builds a key by hand:

    actor_key(ref)       the key the store keeps and every answer, briefing and export uses:
                         ``person:naftali-bennett``, ``state:ISR``, ``state:ISR:MIL``,
                         ``org:UNO``, ``text:amir hayek``
    person_key(id)       the key of a knowledge-base person (what ``actor_key`` gives them)
    state_key(code)      the key of a state's government (what ``actor_key`` gives it)
    text_key(name)       the key of an actor known only from the text
    participant_key(ref) how the event coder tells participants apart within one article
    shown_key(ref)       how a reader tells them apart: by the name shown

Two granularities, on purpose. ``actor_key`` answers "is this the same actor?" across the
store: a state and its government are one actor (``state:ISR``), and two unknown
organisations are told apart by name. ``participant_key`` answers "are these the same
participant in this sentence?" while coding: it keeps a state (no sector) apart from its
government (``GOV``), so "Athens expelled the Libyan ambassador to Greece" codes three
participants, and it merges the unknown organisations of one country and sector. Coding with
``actor_key`` instead changes the coded events (2 of 1,046 corpus mentions, PLOVER target
accuracy 0.500 to 0.495), so the two stay distinct until the coder chooses otherwise.
"""

from __future__ import annotations

from sitrep.actors.kb import normalise
from sitrep.record import ActorRef

KINDS: tuple[str, ...] = ("person", "state", "org", "group", "text")
"""The prefixes a key may carry."""


def actor_key(actor: ActorRef) -> str:
    """Stable key of a canonical actor: ``person:naftali-bennett``, ``state:ISR``, ``org:UNO``.

    A state's government (sector GOV, or none) is the state itself; another sector is
    kept (``state:ISR:MIL``). Actors known only from the text get ``text:`` and their
    lower-cased name, so two articles naming the same unknown person still meet.
    """
    if actor.actor_id:
        return actor.actor_id if ":" in actor.actor_id else f"{actor.kind}:{actor.actor_id}"
    if actor.kind == "state" and actor.country and actor.sector in (None, "GOV"):
        return state_key(actor.country)
    if actor.kind == "state" and actor.country:
        return f"{state_key(actor.country)}:{actor.sector}"
    return text_key(actor.name)


def person_key(person_id: str) -> str:
    """The key of a knowledge-base person (``person:naftali-bennett``)."""
    return f"person:{person_id}"


def state_key(code: str) -> str:
    """The key of a state, i.e. of its government (``state:ISR``)."""
    return f"state:{code}"


def text_key(name: str) -> str:
    """The key of an actor known only by the name the text gives it."""
    return "text:" + " ".join(name.lower().split())


def key_kind(key: str) -> str:
    """The kind a key names: ``person``, ``state``, ``org``, ``group`` or ``text``."""
    return key.split(":", 1)[0]


def person_id(key: str) -> str | None:
    """The knowledge-base id in a person's key, None for any other key."""
    return key.split(":", 1)[1] if key_kind(key) == "person" else None


def participant_key(ref: ActorRef) -> str:
    """Identity of a participant while coding one article: kb id, else kind, country and name.

    See the module docstring for how it differs from ``actor_key``.
    """
    if ref.actor_id:
        return ref.actor_id
    if ref.kind == "person":
        return "person:" + normalise(ref.name)
    return f"{ref.kind}:{ref.country or normalise(ref.name)}:{ref.sector or ''}"


def shown_key(ref: ActorRef) -> str:
    """Identity of a participant as the reader sees it: the name shown, normalised.

    Coarser than ``participant_key``: a state and a sector of it shown by one name ("Ukraine"
    for the state and for "the Ukrainian people"), or a person with and without a
    knowledge-base id, are one. The coder tells repeated events of an article apart by it:
    the record keeps one line per type, participant set and date (GUIDELINES 2), so two
    lines that read the same are one event told twice.
    """
    return normalise(ref.name) or participant_key(ref)
