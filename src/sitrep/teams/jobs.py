"""The book of background jobs a server runs: queued by a request, polled by id."""

from __future__ import annotations

import secrets
from typing import Any

from sitrep.errors import AccessError
from sitrep.store import jobs as table
from sitrep.store.db import Store
from sitrep.store.jobs import Job

KINDS = ("ingest", "code", "watch", "briefing")


class JobBook:
    """Jobs in a store's ``jobs`` table."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, kind: str, team: str, user: str, params: dict[str, Any]) -> Job:
        """Queue a job and return it."""
        job_id = "j" + secrets.token_hex(8)
        table.add_job(self.store, job_id, kind, team, user, params)
        return self.get(job_id, team)

    def get(self, job_id: str, team: str | None = None) -> Job:
        """One job (of ``team`` when given).

        Raises:
            AccessError: E710 when there is no such job (in that team).
        """
        found = table.job(self.store, job_id)
        if found is None or (team is not None and found.team != team):
            raise AccessError("E710", item=job_id)
        return found

    def latest(self, team: str | None = None, limit: int = 50) -> list[Job]:
        """The latest jobs, newest first."""
        return table.jobs(self.store, team, limit)

    def progress(self, job_id: str, *, status: str | None = None, done: int | None = None,
                 total: int | None = None, message: str | None = None) -> None:
        """Record how far a job got."""
        table.update_job(self.store, job_id, status=status, done=done, total=total,
                         message=message)

    def finish(self, job_id: str, result: dict[str, Any] | None = None,
               error: str | None = None) -> None:
        """Mark a job done or failed."""
        table.finish_job(self.store, job_id, result, error)

    def abandon_unfinished(self) -> int:
        """Fail the jobs a stopped server left behind (at start-up)."""
        return table.abandon_running_jobs(self.store)
