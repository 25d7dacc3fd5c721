"""Loose actor names to the keys the store uses: "Bennett", "Israeli PM", "Israel".

``resolve_actor`` tries, in order, and stops at the first step that finds someone:

1. a store key as such (``person:naftali-bennett``, ``state:ISR``);
2. a title with a country ("Israeli PM", "prime minister of Israel"): whoever held that office
   on the dates asked about, from the knowledge base;
3. a person's name or alias in the knowledge base ("Bennett", "naftali bennett");
4. an actor's name as stored by the coder (people and groups the knowledge base lacks);
5. a country's name ("Israel"): the state and every actor of that country.

Several candidates raise E502 listing them; none raises E501 with close names to try.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import pycountry

from sitrep.actors.identity import KINDS, key_kind, person_key, state_key, text_key
from sitrep.actors.kb import TITLE_OFFICES, KnowledgeBase, Person, normalise
from sitrep.errors import QueryError
from sitrep.store import Store
from sitrep.store.actors_table import (
    actor_names,
    actors_named,
    country_keys,
    known_actor,
    known_actors,
)

_KEY = re.compile(rf"^(?:{'|'.join(KINDS)}):\S.*$")
_TITLE_OF = re.compile(r"^(?P<title>.+?)\s+of\s+(?:the\s+)?(?P<country>.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class ActorMatch:
    """An actor as the store knows it.

    ``keys`` are every store key that stands for the actor: one for a person, the state's
    keys and its people's keys for a country, so "Israel's contacts" include Bennett's.
    """

    key: str
    name: str
    kind: str
    country: str | None = None
    keys: tuple[str, ...] = field(default=())
    via: str = "name"
    """How the name was read: ``key``, ``title``, ``kb``, ``store`` or ``country``."""

    def __post_init__(self) -> None:
        if not self.keys:
            object.__setattr__(self, "keys", (self.key,))


@lru_cache(maxsize=1)
def _kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def _demonyms() -> dict[str, str]:
    """Normalised country names and demonyms -> ISO alpha-3."""
    from sitrep.answers.lexicon import demonyms

    return demonyms()


def country_code(text: str) -> str | None:
    """ISO alpha-3 for a country name, code or demonym ("Israel", "ISR", "Israeli")."""
    found = _demonyms().get(normalise(text))
    if found:
        return found
    try:
        return str(pycountry.countries.lookup(text.strip()).alpha_3)
    except LookupError:
        return None


def resolve_actor(store: Store, name: str, *, since: date | None = None,
                  until: date | None = None, kb: KnowledgeBase | None = None) -> ActorMatch:
    """Resolve a loose actor name (see the module docstring for the order tried).

    Args:
        store: the store whose keys the match must use.
        name: what the user typed.
        since: start of the period asked about (titles are resolved over the period).
        until: end of the period asked about (default today).
        kb: the knowledge base (default: the bundled one).

    Returns:
        The ``ActorMatch``.

    Raises:
        QueryError: E502 when several actors match (the detail lists them), E501 when none
            does (the detail suggests close names).
    """
    kb = kb or _kb()
    text = " ".join(name.split())
    if _KEY.match(text):
        return _from_key(store, text)
    for step in (_by_title, _by_kb, _by_store, _by_country):
        found = step(store, kb, text, since, until or date.today())
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            listed = "; ".join(f"{m.name} ({m.key})" for m in found[:8])
            raise QueryError("E502", f"candidates: {listed}; pass a fuller name or a key",
                             item=name)
    raise QueryError("E501", _suggest(store, kb, text), item=name)


def _from_key(store: Store, key: str) -> ActorMatch:
    found = known_actor(store, key)
    kind = key_kind(key)
    if kind == "state" and key.count(":") == 1:
        return _state(store, key.split(":")[1], found.name if found else key.split(":")[1])
    if found is None:
        return ActorMatch(key, key, kind, None, via="key")
    return ActorMatch(key, found.name, found.kind or kind, found.country, via="key")


def _person(p: Person) -> ActorMatch:
    return ActorMatch(person_key(p.id), p.name, "person", p.country or None, via="kb")


def _by_title(store: Store, kb: KnowledgeBase, text: str, since: date | None,
              until: date) -> list[ActorMatch]:
    """"Israeli PM", "Israel's prime minister", "prime minister of Israel"."""
    split = _split_title(text)
    if split is None:
        return []
    country, title = split
    days = {until, since or until}
    days |= {t.start for p in kb for t in p.terms
             if t.country == country and (since or until) <= t.start <= until}
    holders: dict[str, Person] = {}
    for day in sorted(days):
        for p in kb.titled(country, title, day):
            holders.setdefault(p.id, p)
    return [ActorMatch(person_key(p.id), p.name, "person", p.country or None, via="title")
            for p in holders.values()]


def _split_title(text: str) -> tuple[str, str] | None:
    """(country code, title) when the text is a title with a country, else None."""
    of = _TITLE_OF.match(text)
    if of and normalise(of["title"]) in TITLE_OFFICES:
        code = country_code(of["country"])
        return (code, of["title"]) if code else None
    words = text.replace("'s ", " ").split()
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if normalise(tail) in TITLE_OFFICES:
            code = country_code(head)
            if code:
                return code, tail
    return None


def _by_kb(store: Store, kb: KnowledgeBase, text: str, since: date | None,
           until: date) -> list[ActorMatch]:
    found = kb.find_person(text, on=until)
    if len(found) > 1:
        stored = _stored_keys(store, [person_key(p.id) for p in found])
        found = [p for p in found if person_key(p.id) in stored] or found
    return [_person(p) for p in found]


def _stored_keys(store: Store, keys: list[str]) -> set[str]:
    return set(known_actors(store, keys))


def _by_store(store: Store, kb: KnowledgeBase, text: str, since: date | None,
              until: date) -> list[ActorMatch]:
    found = actors_named(store, text, text_key(text))
    people = [a for a in found if key_kind(a.key) != "state"]
    if not people and found:
        return [_state(store, found[0].country, found[0].name)] if found[0].country else []
    return [ActorMatch(a.key, a.name, a.kind or "group", a.country, via="store")
            for a in people]


def _by_country(store: Store, kb: KnowledgeBase, text: str, since: date | None,
                until: date) -> list[ActorMatch]:
    code = country_code(text)
    if code is None:
        return []
    name = pycountry.countries.get(alpha_3=code)
    return [_state(store, code, getattr(name, "common_name", None) or
                   (name.name if name else code))]


def _state(store: Store, code: str, name: str) -> ActorMatch:
    """A country with every key of its actors (the state, its sectors, its people)."""
    keys = tuple(sorted({state_key(code), *country_keys(store, code, state_key(code))}))
    return ActorMatch(state_key(code), name, "state", code, keys, via="country")


def _suggest(store: Store, kb: KnowledgeBase, text: str) -> str:
    names = {n for p in kb for n in p.names}
    names |= actor_names(store)
    close = difflib.get_close_matches(text, sorted(names), n=5, cutoff=0.6)
    if not close:
        close = [n for n in sorted(names) if text.lower() in n.lower()][:5]
    return f"did you mean: {', '.join(close)}?" if close else "no close name either"
