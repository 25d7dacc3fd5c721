"""Say an event in one plain sentence, from its type, mode, actors, date and place only.

The wording comes from ``data/templates/phrases.yaml``; nothing here adds a fact the coded
event does not hold, which is what lets ``check_citations`` verify every sentence against the
mentions of the articles it cites.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.data import read_yaml

from sitrep.brief.evidence import Actor, EventView

PHRASES_FILE = Path(__file__).resolve().parents[1] / "data" / "templates" / "phrases.yaml"


@lru_cache(maxsize=1)
def phrases() -> dict[str, Any]:
    """The phrase table, read once."""
    table: dict[str, Any] = read_yaml(PHRASES_FILE.read_text(encoding="utf-8"))
    return table


def format_date(day: date | None, precision: str | None = "day") -> str:
    """``13 January 2022`` for a day, ``November 2021`` for a month, ``2021`` for a year."""
    if day is None:
        return "undated"
    if precision == "month":
        return day.strftime("%B %Y")
    if precision == "year":
        return str(day.year)
    if precision == "week":
        return f"the week of {day.day} {day.strftime('%B %Y')}"
    return f"{day.day} {day.strftime('%B %Y')}"


def date_phrase(day: date | None, precision: str | None) -> str:
    """`` on 13 January 2022`` / `` in November 2021``; empty when undated."""
    if day is None:
        return ""
    word = "on" if precision in (None, "day") else "in"
    return f" {word} {format_date(day, precision)}"


def join_names(names: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def sides(event: EventView, first: str | None = None) -> tuple[Actor | None, list[Actor]]:
    """The actor the sentence starts with, and the others.

    ``first`` (an actor key) puts the memo's subject first when the event reads the same
    either way round (a call, a meeting); otherwise the coded source, else the first person
    named, starts the sentence, so "Biden did not call Bennett" never turns around.
    """
    actors = list(event.actors)
    if not actors:
        return None, []
    lead = (event.actor(first) if first and event.symmetric else None) or (
        event.actor(event.source_key) if event.source_key else None)
    if lead is None:
        people = [a for a in actors if a.kind == "person"]
        lead = people[0] if people else actors[0]
    return lead, [a for a in actors if a.key != lead.key]


def _pattern(event: EventView, paired: bool) -> str:
    table = phrases().get(event.type, {})
    if paired:
        return (table.get("modes", {}).get(event.mode or "") or table.get("pair")
                or "{a} and {b}: " + event.type)
    return table.get("single") or "{a}: " + event.type


def say_event(event: EventView, first: str | None = None, *, with_date: bool = True,
              with_place: bool = True) -> str:
    """One sentence (without citation markers or final stop) stating an event.

    Args:
        event: the event.
        first: actor key to put first (the memo's subject).
        with_date: add the event's date at its precision.
        with_place: add the event's location when known.

    Returns:
        e.g. ``Naftali Bennett spoke by phone with Vladimir Putin on 13 January 2022``.
    """
    lead, others = sides(event, first)
    if lead is None:
        return f"A {noun(event.type)} was reported{date_phrase(event.date, event.date_precision)}"
    if event.modality == "negated":
        return _say_negated(event, lead, others)
    text = _pattern(event, bool(others)).format(a=lead.name,
                                                b=join_names([o.name for o in others]))
    if with_place and event.location:
        text += f" in {event.location}"
    if with_date:
        text += date_phrase(event.date, event.date_precision)
    return text


def _say_negated(event: EventView, lead: Actor, others: list[Actor]) -> str:
    table = phrases()["negated"]
    verb = table["modes"].get(event.mode or "") if event.type == "CONSULT" else None
    verb = verb or table["verbs"].get(event.type, f"take part in a {noun(event.type)} with")
    pattern: str = table["pair"] if others else table["single"]
    return pattern.format(a=lead.name, verb=verb, b=join_names([o.name for o in others]))


def noun(event_type: str, count: int = 1) -> str:
    """What one event of a type is called, pluralised for ``count``: ``3 contacts``."""
    word: str = phrases().get(event_type, {}).get("noun", event_type.lower())
    if count == 1:
        return word
    head, _, rest = word.partition(" ")
    plural = head[:-1] + "ies" if head.endswith("y") else head + "s"
    return f"{plural} {rest}".strip()


def mode_noun(mode: str | None, count: int = 1) -> str:
    """``phone call(s)``, ``meeting(s)``, ``visit(s)``: how a CONSULT took place."""
    word = {"phone": "phone call", "meeting": "meeting", "visit": "visit",
            "multilateral": "multilateral meeting"}.get(mode or "", "contact")
    return word if count == 1 else word + "s"
