"""The typer's training script chooses each fold model's setting without that fold."""

from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))

from train_typer import inner_score, right  # noqa: E402

from sitrep.events.typer import FOLDS  # noqa: E402

PLOVER = [([], "AGREE", i % FOLDS, "") for i in range(2 * FOLDS)]
"""Two gold sentences per fold, all AGREE."""


def _fits(right_in: set[int]) -> dict[tuple[int, ...], Any]:
    """Fold fits whose models type right exactly the sentences of the folds ``right_in``."""
    lefts = [(k,) for k in range(FOLDS)] + list(combinations(range(FOLDS), 2))
    return {left: (None, None, {i: "AGREE" if p[2] in right_in else "ASSAULT"
                                for i, p in enumerate(PLOVER) if p[2] in left})
            for left in lefts}


def test_typer_training_inner_score_never_reads_the_scored_fold() -> None:
    coder: list[str | None] = [None] * len(PLOVER)
    assert inner_score(_fits({0}), PLOVER, coder, 0) == (0, 0)
    assert inner_score(_fits({1, 2, 3, 4}), PLOVER, coder, 0) == (8, 8)
    assert inner_score(_fits({1}), PLOVER, coder, 0) == (2, 2)


def test_typer_training_right_puts_the_coder_first() -> None:
    coder: list[str | None] = ["AGREE" if i < FOLDS else None for i in range(len(PLOVER))]
    typed = _fits(set())[(0,)][2]  # the typer wrong on both sentences of fold 0
    assert right(typed, PLOVER, coder, 0) == (1, 0)  # the coder types one of them
