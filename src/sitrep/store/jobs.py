"""The ``jobs`` table: background work a served store runs (ingest, code, briefings).

A job is queued by a request, run by the server's worker, and polled by its id; its
progress is written as it goes, so a page or an API client can show how far it got.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sitrep.store.db import Store

STATUSES = ("queued", "running", "done", "failed")

_COLUMNS = ("id, kind, team, user_name, params, status, done, total, message, result, error, "
            "created_at, finished_at")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Job:
    """One background job and how far it got."""

    id: str
    kind: str
    team: str
    user: str
    params: dict[str, Any]
    status: str
    """One of ``STATUSES``."""
    done: int
    total: int | None
    message: str | None
    result: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    created_at: datetime | None = None
    finished_at: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        """The job as JSON-ready data."""
        return {"id": self.id, "kind": self.kind, "team": self.team, "user": self.user,
                "params": self.params, "status": self.status, "done": self.done,
                "total": self.total, "message": self.message, "result": self.result,
                "error": self.error,
                "created_at": self.created_at.isoformat() if self.created_at else None,
                "finished_at": self.finished_at.isoformat() if self.finished_at else None}


def _job(row: tuple[Any, ...]) -> Job:
    return Job(row[0], row[1], row[2], row[3], json.loads(row[4] or "{}"), row[5], row[6],
               row[7], row[8], json.loads(row[9] or "{}"), row[10], row[11], row[12])


def add_job(store: Store, job_id: str, kind: str, team: str, user_name: str,
            params: dict[str, Any]) -> None:
    """Queue a job."""
    store.con.execute(
        "INSERT INTO jobs (id, kind, team, user_name, params, status, created_at) "
        "VALUES (?, ?, ?, ?, ?, 'queued', ?)",
        [job_id, kind, team, user_name, json.dumps(params), _now()])


def job(store: Store, job_id: str) -> Job | None:
    """One job by id."""
    row = store.con.execute(f"SELECT {_COLUMNS} FROM jobs WHERE id = ?", [job_id]).fetchone()
    return _job(row) if row else None


def jobs(store: Store, team: str | None = None, limit: int = 50) -> list[Job]:
    """The latest jobs, of one team or all, newest first."""
    where, params = ("WHERE team = ?", [team]) if team is not None else ("", [])
    rows = store.con.execute(f"SELECT {_COLUMNS} FROM jobs {where} ORDER BY created_at DESC "
                             "LIMIT ?", [*params, limit]).fetchall()
    return [_job(r) for r in rows]


def update_job(store: Store, job_id: str, *, status: str | None = None,
               done: int | None = None, total: int | None = None,
               message: str | None = None) -> None:
    """Record a job's progress (only the fields given)."""
    sets = {k: v for k, v in (("status", status), ("done", done), ("total", total),
                              ("message", message)) if v is not None}
    if sets:
        assignments = ", ".join(f"{k} = ?" for k in sets)
        store.con.execute(f"UPDATE jobs SET {assignments} WHERE id = ?",
                          [*sets.values(), job_id])


def finish_job(store: Store, job_id: str, result: dict[str, Any] | None,
               error: str | None) -> None:
    """Mark a job done (with its result) or failed (with why)."""
    store.con.execute(
        "UPDATE jobs SET status = ?, result = ?, error = ?, finished_at = ? WHERE id = ?",
        ["failed" if error else "done", json.dumps(result or {}, default=str), error, _now(),
         job_id])


def abandon_running_jobs(store: Store) -> int:
    """Mark jobs a stopped server left queued or running as failed; returns how many."""
    rows = store.con.execute(
        "UPDATE jobs SET status = 'failed', error = 'the server stopped before it ran', "
        "finished_at = ? WHERE status IN ('queued', 'running') RETURNING id", [_now()]).fetchall()
    return len(rows)
