"""``sitrep serve``: open the store, claim it, serve the app with uvicorn, let go on exit."""

from __future__ import annotations

import logging
import signal
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

import uvicorn

from sitrep.api import Sitrep
from sitrep.web.app import create_app
from sitrep.web.state import Served

log = logging.getLogger("sitrep.web")


def _exit_cleanly(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def run(db: Path | None, *, host: str = "127.0.0.1", port: int = 8000,
        secure_cookies: bool = False) -> None:
    """Serve a store until interrupted.

    The store is opened for writing and held for the server's whole life; its holder file
    (``STORE.server.json``) tells other sitrep commands which server has it.

    Raises:
        StoreError: E305/E306 when another process (or server) holds the store.
    """
    sitrep = Sitrep(db)
    store_path = Path(sitrep.settings.db)
    served = Served(sitrep, secure_cookies=secure_cookies)
    from sitrep.api import claim_store, release_store

    claim_store(store_path, f"http://{host}:{port}", datetime.now(UTC).isoformat())
    served.start()
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then raises the signal again under the
    # handlers it found: these make that a clean exit, so the store is closed and let go.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _exit_cleanly)
    try:
        users = sitrep.accounts().users()
        if not users:
            log.warning("no users yet: add one with `sitrep users add NAME --role admin` "
                        "after stopping the server, or before starting it")
        print(f"sitrep serving {store_path} at http://{host}:{port}/ "  # noqa: T201
              f"(API: /api/v1/, {len(users)} users)", flush=True)
        uvicorn.run(create_app(served), host=host, port=port, log_level="warning",
                    access_log=False, timeout_graceful_shutdown=5)
    finally:
        served.close()
        release_store(store_path)
