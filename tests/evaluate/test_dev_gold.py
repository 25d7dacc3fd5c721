"""Golden test: document-level event coding on the hand-coded development gold.

Ingests the gold's 56 documents (45 corpus records, 11 news articles) into a real store,
scores them with ``sitrep eval events``' library, checks the figures against the floors
pinned in ``tests/events/floors.json``, and checks that the evaluation set's own reference
scorer (``score_events.py``) prints the same summary line on the exported events.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
EVENTS = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "events"
FLOORS = json.loads((Path(__file__).resolve().parents[1] / "events" / "floors.json")
                    .read_text())["dev_gold"]

pytestmark = [pytest.mark.golden, pytest.mark.slow]


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    if not (EVENTS / "dev-gold.jsonl").is_file():
        pytest.skip("../shared/eval/events not found: the dev-gold test needs the shared "
                    "folder beside the repo")
    sys.path.insert(0, str(BENCH))
    import eval_events

    folder = tmp_path_factory.mktemp("devgold")
    found, db = eval_events.evaluate(EVENTS / "dev-gold.jsonl", folder)
    return found, db, folder, eval_events


def test_dev_gold_reference_scorer_agrees(scored) -> None:
    found, db, folder, eval_events = scored
    assert eval_events.reference(EVENTS / "dev-gold.jsonl", db, folder) == \
        found.report.summary()


def test_dev_gold_floors(scored) -> None:
    report = scored[0].report
    assert report.overall.f1 >= FLOORS["f1"], report.summary()
    assert report.overall.precision >= FLOORS["precision"], report.summary()
    assert report.consult.f1 >= FLOORS["consult_f1"], report.consult.as_dict()


def test_dev_gold_consult_modes_floor(scored) -> None:
    # phone, visit, meeting or multilateral: not matched on by the scorer, read by analysts
    agree, matched = scored[0].report.mode_agreement()["CONSULT"]
    assert agree / matched >= FLOORS["consult_mode_agreement"], (agree, matched)


def test_dev_gold_no_denied_event_emitted(scored) -> None:
    assert scored[0].report.negatives_emitted == []


def test_dev_gold_every_document_stored(scored) -> None:
    assert scored[0].missing_docs == []
