"""The ``briefings`` and ``alerts_sent`` tables: what the brief stage has already delivered,
so a briefing can say what changed and an alert is never sent twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sitrep.store.db import Store


@dataclass(frozen=True)
class RecordedBriefing:
    """A briefing as recorded when it was written."""

    period_start: date
    period_end: date
    created_at: datetime
    event_ids: list[str]


def previous_briefing(store: Store, profile: str, before: datetime) -> RecordedBriefing | None:
    """The latest briefing of ``profile`` made before ``before``, or None."""
    row = store.con.execute(
        "SELECT period_start, period_end, created_at, event_ids FROM briefings "
        "WHERE profile = ? AND created_at < ? ORDER BY created_at DESC LIMIT 1",
        [profile, before]).fetchone()
    return RecordedBriefing(row[0], row[1], row[2], list(row[3] or [])) if row else None


def remember_briefing(store: Store, briefing_id: str, profile: str, start: date, end: date,
                    created_at: datetime, event_ids: Sequence[str], path: str | None) -> None:
    """Remember what a briefing contained (once per id), in its own transaction."""
    with store.transaction() as con:
        con.execute("INSERT INTO briefings VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) "
                    "DO NOTHING",
                    [briefing_id, profile, start, end, created_at, list(event_ids), path])


def alerted_events(store: Store, profile: str, channel: str) -> set[str]:
    """The events already alerted on for ``profile`` on ``channel``."""
    rows = store.con.execute("SELECT event_id FROM alerts_sent WHERE profile = ? AND "
                             "channel = ?", [profile, channel]).fetchall()
    return {r[0] for r in rows}


def record_alerts(store: Store, profile: str, channel: str, event_ids: Sequence[str],
                  sent_at: datetime) -> None:
    """Record alerts as sent. Must run inside ``store.transaction()`` together with the
    delivery, so a failed delivery records nothing."""
    store.con.executemany("INSERT INTO alerts_sent VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                          [(profile, e, channel, sent_at) for e in event_ids])
