"""Background jobs inside the server: ingest, re-coding and watch polls (new feed items
ingested, the profile's alerts sent) on one thread, briefings on another, so a briefing never
queues behind a long ingest.

A job is queued in the store's ``jobs`` table by a request and handed to a worker thread;
the thread records its progress as it goes (at most twice a second) and its result or the
coded error that stopped it. Each thread has a connection of its own; the ingest thread uses
the store's main connection and holds the event coder.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sitrep.api import JobBook, Sitrep, parse_period
from sitrep.errors import SitrepError

PROGRESS_EVERY_S = 0.5
LANES = {"ingest": "ingest", "code": "ingest", "watch": "ingest", "briefing": "reports"}
"""Which worker thread runs each kind of job."""

Task = tuple[str, str, str, dict[str, Any]]
"""(job id, team, user, params)."""


class JobWorker:
    """Runs queued jobs on two threads (``ingest`` and ``reports``)."""

    def __init__(self, sitrep: Sitrep, uploads: Path) -> None:
        self.sitrep = sitrep
        self.uploads = uploads
        self._queues: dict[str, queue.Queue[Task | None]] = {
            lane: queue.Queue() for lane in set(LANES.values())}
        self._threads: list[threading.Thread] = []

    def start(self) -> None:
        """Fail the jobs a stopped server left unfinished, then start the threads."""
        self.sitrep.jobs().abandon_unfinished()
        for lane, jobs in self._queues.items():
            thread = threading.Thread(target=self._run, args=(lane, jobs),
                                      name=f"sitrep-{lane}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        """Let the threads finish their current job and end."""
        for jobs in self._queues.values():
            jobs.put(None)
        for thread in self._threads:
            thread.join(timeout=30)
        self._threads.clear()

    def submit(self, book: JobBook, kind: str, team: str, user: str,
               params: dict[str, Any]) -> str:
        """Queue a job; returns its id."""
        job = book.add(kind, team, user, params)
        self._queues[LANES[kind]].put((job.id, team, user, params | {"kind": kind}))
        return job.id

    def _run(self, lane: str, jobs: queue.Queue[Task | None]) -> None:
        # The ingest lane writes articles through the main connection (and its coder);
        # bookkeeping and briefings use connections of their own.
        worker = self.sitrep if lane == "ingest" else self.sitrep.cursor()
        book = self.sitrep.cursor().jobs()
        while (task := jobs.get()) is not None:
            job_id, team, user, params = task
            book.progress(job_id, status="running")
            try:
                result = self._do(worker, book, job_id, team, user, params)
            except SitrepError as exc:
                book.finish(job_id, error=exc.message)
            except Exception as exc:  # noqa: BLE001 - a job's failure is recorded, not raised
                book.finish(job_id, error=f"{type(exc).__name__}: {exc}")
            else:
                book.finish(job_id, result)

    def _do(self, s: Sitrep, book: JobBook, job_id: str, team: str, user: str,
            params: dict[str, Any]) -> dict[str, Any]:
        kind = params["kind"]
        if kind == "briefing":
            period = parse_period(params.get("period") or "week",
                                  week_of=params.get("week_of") or None)
            doc = s.workspace(team).make_briefing(params["profile"], period, user)
            return {"document": doc.id, "title": doc.title}
        if kind == "watch":
            profile = s.workspace(team).load(params["profile"])
            watched = s.watch(params["feeds"], [profile], iterations=1, email=False)
            return {"ingested": watched.ingested, "alerts": len(watched.sent),
                    "errors": watched.failures[:50]}
        progress = _Progress(book, job_id)
        if kind == "code":
            coded = s.code(force=bool(params.get("force")), progress=progress)
            book.progress(job_id, done=progress.done)
            return {"articles": coded.articles, "mentions": coded.mentions}
        inputs = [str(i) for i in params.get("inputs", [])]
        book.progress(job_id, total=s.count_inputs(inputs) or 0)
        report = s.ingest(inputs, progress=progress)
        book.progress(job_id, done=progress.done)
        return {"counts": report.counts(), "errors": [e["message"] for e in report.errors[:50]]}


class _Progress:
    """A pipeline progress callback that records the count, at most every half second."""

    def __init__(self, book: JobBook, job_id: str,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.book, self.job_id, self.clock = book, job_id, clock
        self.done = 0
        self.last = 0.0

    def __call__(self, n: int, label: str = "") -> None:
        self.done += n
        now = self.clock()
        if now - self.last >= PROGRESS_EVERY_S:
            self.last = now
            self.book.progress(self.job_id, done=self.done, message=label[:200])
