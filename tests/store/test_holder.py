"""The holder file names the server that holds a store; a dead server's file is ignored."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sitrep.store.holder import claim, holder, holder_path, release


def test_holder_names_the_live_process_and_is_released(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    claim(db, "http://127.0.0.1:8000", "now")
    found = holder(db)
    assert found is not None and found.url == "http://127.0.0.1:8000"
    release(db)
    assert holder(db) is None and not holder_path(db).exists()


def test_holder_of_a_dead_process_is_ignored(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    holder_path(db).write_text(f'{{"pid": {done.stdout.strip()}, "url": "x"}}',
                               encoding="utf-8")
    assert holder(db) is None
    holder_path(db).write_text("not json", encoding="utf-8")
    assert holder(db) is None
