"""Reading the bundled CSV data files the way their loaders do (``#`` lines are comments)."""

from __future__ import annotations

import csv
from pathlib import Path


def data_rows(folder: Path, name: str) -> list[dict[str, str]]:
    """The rows of ``folder/name`` as dicts, comment lines skipped."""
    with (folder / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))
