"""Fixtures for the brief tests: a real store holding the seed-like articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from brief_store import build_store

from sitrep.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A linked store with the seed-like articles."""
    s = build_store(tmp_path / "brief.duckdb")
    yield s
    s.close()
