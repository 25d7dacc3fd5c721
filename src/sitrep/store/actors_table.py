"""The ``actors`` table: every actor the coder has met, by key, with its display name.

Written with each article's mentions (``Store.replace_mentions``); read here to resolve the
names a user types and to label keys in answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.store.db import Store


@dataclass(frozen=True)
class KnownActor:
    """An actor as the store knows it."""

    key: str
    name: str
    kind: str | None
    country: str | None


def known_actor(store: Store, key: str) -> KnownActor | None:
    """The actor with this key, or None."""
    row = store.con.execute("SELECT key, name, kind, country FROM actors WHERE key = ?",
                            [key]).fetchone()
    return KnownActor(*row) if row else None


def known_actors(store: Store, keys: Sequence[str]) -> dict[str, KnownActor]:
    """The actors with these keys (keys the store has not met are left out)."""
    rows = store.con.execute(
        "SELECT key, name, kind, country FROM actors "
        "WHERE key IN (SELECT unnest(?::VARCHAR[]))", [list(keys)]).fetchall()
    return {r[0]: KnownActor(*r) for r in rows}


def actors_named(store: Store, name: str, key: str) -> list[KnownActor]:
    """Actors whose name is ``name`` (any case), or whose key is ``key``, by key."""
    rows = store.con.execute(
        "SELECT key, name, kind, country FROM actors WHERE lower(name) = lower(?) "
        "OR key = ? ORDER BY key", [name, key]).fetchall()
    return [KnownActor(*r) for r in rows]


def country_keys(store: Store, code: str, state: str) -> list[str]:
    """Every key of a country: its people and groups (by country), the state key
    ``state`` and the state's sectors (``state:ISR:MIL``), in order."""
    rows = store.con.execute(
        "SELECT key FROM actors WHERE country = ? OR key = ? OR key LIKE ? ORDER BY key",
        [code, state, state + ":%"]).fetchall()
    return [r[0] for r in rows]


def actor_names(store: Store) -> set[str]:
    """The name of every known actor."""
    return {r[0] for r in store.con.execute("SELECT DISTINCT name FROM actors").fetchall()}


def actor_keys(store: Store) -> set[str]:
    """The key of every known actor."""
    return {r[0] for r in store.con.execute("SELECT key FROM actors").fetchall()}
