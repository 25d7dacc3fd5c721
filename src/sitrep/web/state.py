"""What a running server holds: the store's writing connection, one reading connection per
thread, the login throttle and the job worker.

DuckDB lets one process write a file, and a connection must not be shared by two threads. The
server opens the store once; every request thread gets a cursor of its own (``reader``), whose
reads see committed data and never wait on the ingest job's open transaction.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sitrep.api import Sitrep, Throttle
from sitrep.web.jobs import JobWorker


class Served:
    """A store served to many users.

    Args:
        sitrep: the open store; this object now owns it.
        secure_cookies: mark cookies ``Secure`` (behind HTTPS).
        uploads: folder for uploaded files to ingest (default beside the store).
    """

    def __init__(self, sitrep: Sitrep, *, secure_cookies: bool = False,
                 uploads: Path | None = None) -> None:
        self.sitrep = sitrep
        self.secure_cookies = secure_cookies
        self.throttle = Throttle()
        store_path = Path(sitrep.settings.db)
        self.uploads = uploads or store_path.with_name(store_path.name + ".uploads")
        self._local = threading.local()
        self._cursors: list[Sitrep] = []
        self._lock = threading.Lock()
        self.worker = JobWorker(sitrep, self.uploads)

    def reader(self) -> Sitrep:
        """This thread's own connection to the store."""
        mine: Sitrep | None = getattr(self._local, "sitrep", None)
        if mine is None:
            mine = self.sitrep.cursor()
            self._local.sitrep = mine
            with self._lock:
                self._cursors.append(mine)
        return mine

    def start(self) -> None:
        """Start the job worker (jobs a previous server left unfinished are marked failed)."""
        self.worker.start()

    def close(self) -> None:
        """Stop the worker and close every connection."""
        self.worker.stop()
        with self._lock:
            for cursor in self._cursors:
                cursor.close()
            self._cursors.clear()
        self.sitrep.close()
