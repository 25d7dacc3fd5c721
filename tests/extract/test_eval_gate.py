"""Evaluation gate: extraction F1 and publication-date accuracy stay above pinned floors.

Runs ``bench/eval_extraction.py`` and ``bench/eval_pubdate.py`` (in parallel, as users run
them) on ``../shared/eval``; the floors are in ``eval_floors.json``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EVAL = REPO / ".." / "shared" / "eval"
FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def results() -> dict[str, dict]:
    """Both evaluations' JSON results, run side by side."""
    if not (EVAL / "extraction" / "ground-truth.json").exists() or \
            not (EVAL / "pubdate" / "ground-truth.json").exists():
        pytest.skip("../shared/eval not found: golden test needs the shared folder beside the repo")
    runs = {name: subprocess.Popen([sys.executable, str(REPO / "bench" / f"eval_{name}.py"),
                                    "--json"], stdout=subprocess.PIPE, text=True, cwd=REPO)
            for name in ("extraction", "pubdate")}
    out = {}
    for name, run in runs.items():
        stdout, _ = run.communicate(timeout=300)
        assert run.returncode == 0, f"eval_{name}.py failed"
        out[name] = json.loads(stdout)
    return out


@pytest.mark.parametrize("metric", ["precision", "recall", "f1"])
def test_eval_gate_extraction_above_floor(results: dict[str, dict], metric: str) -> None:
    assert results["extraction"][metric] >= FLOORS["extraction"][metric]


def test_eval_gate_extraction_no_page_refused(results: dict[str, dict]) -> None:
    assert results["extraction"]["errors"] == {}


def test_eval_gate_pubdate_above_floor(results: dict[str, dict]) -> None:
    assert results["pubdate"]["accuracy"] >= FLOORS["pubdate"]["accuracy"]


def test_eval_gate_pubdate_beats_htmldate(results: dict[str, dict]) -> None:
    assert results["pubdate"]["accuracy"] > results["pubdate"]["htmldate_best"]["accuracy"]
