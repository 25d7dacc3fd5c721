"""One event coder for the evaluation tests (spaCy itself is loaded once per process)."""

from __future__ import annotations

import pytest

from sitrep.events import Coder


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder.load()
