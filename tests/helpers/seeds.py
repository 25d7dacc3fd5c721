"""The founding articles for golden tests: where they are, their dates, and ingesting them.

The seeds are copyrighted and stay out of the repo; golden tests read ``../shared/seeds`` and
skip, with the reason shown, when that folder is not beside the repo.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import sitrep

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / ".." / "shared" / "seeds"
CORPUS = sorted((ROOT / "corpus").glob("*.jsonl"))
SEED_DATES = {"jpost-2021-10-07-bennett-putin.txt": date(2021, 10, 7),
              "al-monitor-2022-01-bennett-putin.txt": date(2022, 1, 14)}
"""Publication dates the seeds' README gives (the files carry none)."""


def require_seeds() -> Path:
    """The seeds folder, or skip the calling test with the reason."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not found: golden test needs the shared folder beside "
                    "the repo")
    return SEEDS


def ingest_seeds(s: sitrep.api.Sitrep) -> None:
    """Ingest both seeds through the real pipeline, each with its publication date."""
    seeds = require_seeds()
    for name, published in SEED_DATES.items():
        s.ingest([seeds / name], published=published)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sitrep.api.Sitrep]:
    """A store holding the two seeds, ingested once per test module (import the fixture)."""
    with sitrep.open(tmp_path_factory.mktemp("seeds") / "s.duckdb") as s:
        ingest_seeds(s)
        yield s
