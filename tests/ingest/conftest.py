"""Fixtures for the ingest tests: a real HTTP server on 127.0.0.1 and fast fetch options."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

# tests/ is on the path (pytest's ``pythonpath``), so helpers/ imports alike from every suite.
from helpers.httpserver import LocalHttpServer

from sitrep.ingest import IngestOptions


@pytest.fixture
def server() -> Iterator[LocalHttpServer]:
    """A fresh local server per test, so routes and request logs never leak between tests."""
    with LocalHttpServer() as local:
        yield local


@pytest.fixture
def options() -> IngestOptions:
    """Options that allow the local server and keep delays and back-off in milliseconds."""
    return IngestOptions(per_host_delay=0.01, backoff=0.01, timeout=5.0, retries=2,
                         allow_hosts=frozenset({"127.0.0.1"}))
