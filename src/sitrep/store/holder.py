"""The holder file: ``STORE.server.json`` beside a store a running ``sitrep serve`` owns.

DuckDB lets one process write a file. While a server holds a store, another command that
tries to open it gets DuckDB's lock error; the holder file lets the store say instead which
server holds it and where to reach it (E306). A holder file left by a killed server names a
process that is gone, and is ignored.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Holder:
    """The server that holds a store."""

    pid: int
    url: str
    started: str


def holder_path(store_path: str | Path) -> Path:
    """Where the holder file of a store lives."""
    path = Path(store_path)
    return path.with_name(path.name + ".server.json")


def claim(store_path: str | Path, url: str, started: str) -> Path:
    """Write the holder file for this process."""
    path = holder_path(store_path)
    path.write_text(json.dumps({"pid": os.getpid(), "url": url, "started": started}),
                    encoding="utf-8")
    return path


def release(store_path: str | Path) -> None:
    """Remove the holder file if this process wrote it."""
    found = holder(store_path)
    if found is not None and found.pid == os.getpid():
        holder_path(store_path).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def holder(store_path: str | Path) -> Holder | None:
    """The live server holding a store, or None."""
    try:
        data = json.loads(holder_path(store_path).read_text(encoding="utf-8"))
        found = Holder(int(data["pid"]), str(data["url"]), str(data.get("started", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return found if _alive(found.pid) else None
