"""Golden acceptance: Bennett's contacts from the two founding articles, then the corpus.

Runs the real pipeline (extract, code, link) on ``../shared/seeds`` and the bundled corpus.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import sitrep
from helpers.seeds import seeded  # noqa: F401  (a fixture)
from helpers.seeds import CORPUS, ingest_seeds
from sitrep.answers import ContactRow, contacts

pytestmark = pytest.mark.golden

def _by_name(rows: list[ContactRow]) -> dict[str, ContactRow]:
    return {r.counterpart: r for r in rows}


def _bennett(s: sitrep.api.Sitrep) -> dict[str, ContactRow]:
    return _by_name(contacts(s.store, "Naftali Bennett", "2021-10", "2022-01", level="leader"))


def test_seeds_contacts_bennett_putin_three(seeded: sitrep.api.Sitrep) -> None:
    putin = _bennett(seeded)["Vladimir Putin"]
    # the seeds' "meeting in Sochi" is in person, in Putin's country: a visit by the
    # GUIDELINES' modes (5: in the home country of one party who hosts the other)
    assert (putin.total, putin.phone, putin.meeting + putin.visit) == (3, 2, 1)
    assert (putin.first, putin.last) == (date(2021, 10, 7), date(2022, 1, 13))
    days = seeded.store.con.execute(
        "SELECT date, mode FROM events WHERE list_contains(?, id) ORDER BY date",
        [putin.event_ids]).fetchall()
    assert days == [(date(2021, 10, 7), "phone"), (date(2021, 10, 22), "visit"),
                    (date(2022, 1, 13), "phone")]


def test_seeds_contacts_johnson_macron_and_no_biden(seeded: sitrep.api.Sitrep) -> None:
    found = _bennett(seeded)
    assert found["Boris Johnson"].total == 2
    assert found["Emmanuel Macron"].total == 1
    assert "Joe Biden" not in found
    assert "Joe Biden" not in _by_name(contacts(seeded.store, "Bennett", level="all"))


def test_seeds_contacts_israeli_pm_is_bennett(seeded: sitrep.api.Sitrep) -> None:
    rows = contacts(seeded.store, "Israeli PM", "2021-10", "2022-01", level="leader")
    assert _by_name(rows)["Vladimir Putin"].total == 3


@pytest.mark.slow
def test_seeds_contacts_corpus_adds_and_reingest_changes_nothing(
        tmp_path: Path) -> None:
    if not CORPUS:
        pytest.skip("corpus/*.jsonl not found")
    with sitrep.open(tmp_path / "all.duckdb") as s:
        ingest_seeds(s)
        before = _bennett(s)["Vladimir Putin"]
        s.ingest(CORPUS)
        after = _by_name(contacts(s.store, "Naftali Bennett", level="leader"))
        putin = after["Vladimir Putin"]
        assert (putin.total, putin.first, putin.last) == (before.total, before.first, before.last)
        biden = after.get("Joe Biden")
        assert biden is not None and biden.total >= 1
        assert any("whitehouse.gov" in url for url in biden.urls)
        counts = (s.store.count("events"), s.store.count("mentions"),
                  {r.counterpart: r.total for r in after.values()})
        ingest_seeds(s)
        s.ingest(CORPUS)
        again = {r.counterpart: r.total
                 for r in contacts(s.store, "Naftali Bennett", level="leader")}
        assert (s.store.count("events"), s.store.count("mentions"), again) == counts
