"""Shared fixtures for the event-coding tests: one coder per session (spaCy loads once)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.events.coder import Coder
from sitrep.record import Article, Event


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder.load()


@pytest.fixture(scope="session")
def code_text(coder: Coder):
    """Code a text as an article published on a given day (2022-01-14 by default)."""

    def run(text: str, published: date = date(2022, 1, 14), url: str = "test://x",
            title: str = "") -> list[Event]:
        article = Article(url=url, title=title, text=text, origin="test",
                          published=published, id="a_test")
        return coder.code(article)

    return run
