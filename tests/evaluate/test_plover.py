"""The PLOVER gold-sentence evaluation runs and stays above its pinned floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.evaluate.plover import evaluate_plover, load_plover

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / ".." / "shared" / "eval" / "events" / "PLOVER_GSR_CAMEO.txt"
FLOORS = json.loads((REPO / "tests" / "events" / "floors.json").read_text())


@pytest.mark.golden
def test_plover_type_accuracy_floor(coder) -> None:
    if not GOLD.exists():
        pytest.skip("../shared/eval/events not found: golden test needs the shared folder "
                    "beside the repo")
    result = evaluate_plover(GOLD, coder)
    assert result["sentences"] == 322
    assert result["type_accuracy"] >= FLOORS["plover"]["type_accuracy"], result
    assert result["source_accuracy"] >= FLOORS["plover"]["source_accuracy"], result
    assert result["target_accuracy"] >= FLOORS["plover"]["target_accuracy"], result
    typed = result["with_typer"]
    assert typed is not None, "the package ships no fold typers (make train)"
    # the typer only types what the coder left, so it can add but never take away
    assert typed["typed"] == result["sentences"] - result["coded"]
    assert typed["type_accuracy"] >= max(result["type_accuracy"],
                                         FLOORS["plover"]["with_typer_accuracy"]), typed


def test_plover_maps_v05_types(tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps([
        {"id": "d", "event": "DOCUMENT"},
        {"id": "a", "event": "FIGHT", "text": "Rebels shelled the town."},
        {"id": "b", "event": "DISAPPROVE", "text": "Iran condemned Israel."},
    ]))
    records = load_plover(gold)
    assert [r["event"] for r in records] == ["ASSAULT", "ACCUSE"]
