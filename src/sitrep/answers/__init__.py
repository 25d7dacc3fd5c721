"""Analyst answers over a store: plain functions returning typed rows.

    resolve_actor(store, "Israeli PM")            -> ActorMatch
    contacts(store, "Bennett", since, until)      -> list[ContactRow]
    timeline(store, "Bennett", "Putin")           -> list[TimelineRow]
    gaps(store, "Bennett", "Biden", min_days=21)  -> list[GapRow]
    dyad(store, "Israel", "Syria", by="month")    -> list[DyadRow]
    network(store, since, until, country="ISR")   -> Network
    stories(store, since)                         -> list[StoryRow]

Every count is over linked events (one per real-world event) and asserted ones only.
"""

from sitrep.answers.contacts import ContactRow, GapRow, contacts, gaps, undated_contacts
from sitrep.answers.network import Network, NetworkEdge, NetworkNode, StoryRow, network, stories
from sitrep.answers.resolve import ActorMatch, resolve_actor
from sitrep.answers.timeline import DyadRow, TimelineRow, dyad, timeline

__all__ = [
    "ActorMatch", "ContactRow", "DyadRow", "GapRow", "Network", "NetworkEdge", "NetworkNode",
    "StoryRow", "TimelineRow", "contacts", "dyad", "gaps", "network", "resolve_actor",
    "stories", "timeline", "undated_contacts",
]
