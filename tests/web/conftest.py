"""A served store per test module (a copy of one built per session), stopped afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from web.served import Server, copy_store, start_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(copy_store(tmp_path_factory.mktemp("served")))
    yield running
    running.stop()
