"""Stored mentions read back with their articles: the ``Report``s every reader of events gets.

A report is one coded mention (an ``Event`` with its id and linked event id), the article that
makes it, and the original that article copies; read with ``with_events`` it also carries its
linked event. Briefings, citation checks, explanations and evaluations all start here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sitrep.record import ArticleRef, Report
from sitrep.store.db import Store
from sitrep.store.rows import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    ORIGINAL_SITE,
    dicts,
    event_from_row,
    mention_from_row,
)

_SELECT = f"""
SELECT {', '.join('m.' + c for c in MENTION_COLUMNS)}, m.event_id,
       a.url AS a_url, a.title AS a_title, a.site AS a_site, a.published AS a_published,
       a.story_id AS a_story_id, coalesce(a.canonical_id, a.id) AS r_id, r.url AS r_url,
       r.title AS r_title, {ORIGINAL_SITE} AS r_site, r.published AS r_published,
       r.story_id AS r_story_id
       {{events}}
FROM mentions m JOIN articles a ON a.id = m.article_id
LEFT JOIN articles r ON r.id = coalesce(a.canonical_id, a.id)
{{join}}
"""
_WITH_EVENTS = ", " + ", ".join(f"e.{c} AS e_{c}" for c in EVENT_COLUMNS)


def select_reports(store: Store, where: str, order: str, params: list[Any], *,
                   with_events: bool = False) -> list[Report]:
    """Reports matching a SQL condition (over ``m``, ``a``, ``r`` and, with events, ``e``);
    for this package's modules."""
    sql = _SELECT.format(events=_WITH_EVENTS if with_events else "",
                         join="LEFT JOIN events e ON e.id = m.event_id" if with_events else "")
    rows = dicts(store.con.execute(f"{sql} WHERE {where} ORDER BY {order}", params))
    return [_report(row, with_events) for row in rows]


def _report(row: dict[str, Any], with_events: bool) -> Report:
    article = ArticleRef(row["article_id"], row["a_url"], row["a_title"], row["a_site"],
                         row["a_published"], row["a_story_id"])
    original = ArticleRef(row["r_id"], row["r_url"], row["r_title"], row["r_site"],
                          row["r_published"], row["r_story_id"])
    event = event_from_row(row, "e_") if with_events and row["e_id"] is not None else None
    return Report(mention_from_row(row), tuple(row["actor_keys"] or ()), row["source_key"],
                  row["target_key"], article, original, event)


def reports_of_articles(store: Store, article_ids: Sequence[str]) -> list[Report]:
    """Every mention of these articles, in the order the coder found them."""
    if not article_ids:
        return []
    return select_reports(store, "list_contains(?, m.article_id)", "m.id", [list(article_ids)])


def reports_of_event(store: Store, event_id: str) -> list[Report]:
    """The mentions of one linked event (or the one mention with this id), by date, then
    publication, article and position."""
    return select_reports(store, "(m.event_id = ? OR m.id = ?)",
                          "m.date NULLS LAST, a.published, m.article_id, m.start",
                          [event_id, event_id])


def reports_in_period(store: Store, since: date, until: date, *,
                      modality: str = "asserted") -> list[Report]:
    """Mentions of one modality dated ``since``..``until``, each with its linked event.

    The linked event's modality and date win over the mention's own; a mention with neither
    date counts on its article's publication day. Mentions not linked yet come too.
    """
    return select_reports(store, "coalesce(e.modality, m.modality) = ? "
                          "AND coalesce(e.date, m.date, a.published) BETWEEN ? AND ?",
                          "m.id", [modality, since, until], with_events=True)
