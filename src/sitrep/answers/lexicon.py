"""Words the query layer reads: country adjectives, from ``data/answers/demonyms.yaml``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sitrep.data import read_yaml

from sitrep.actors.kb import normalise

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "answers"


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Normalised adjective or short name -> ISO alpha-3 ("israeli" -> "ISR")."""
    raw = read_yaml((DATA_DIR / "demonyms.yaml").read_text("utf-8"))
    return {normalise(word): code for code, words in raw.items() for word in words}


@lru_cache(maxsize=1)
def weights() -> dict[str, dict[str, float]]:
    """PLOVER cooperation-conflict weights: type -> {"": base, mode: weight}."""
    raw = read_yaml((DATA_DIR / "weights.yaml").read_text("utf-8"))
    return {t: {"": float(spec["base"]), **{m: float(w) for m, w in spec.get("modes", {}).items()}}
            for t, spec in raw.items()}


@lru_cache(maxsize=1)
def quad_codes() -> dict[str, int]:
    """PLOVER quad class of each event type (1-4), from ``weights.yaml``."""
    raw = read_yaml((DATA_DIR / "weights.yaml").read_text("utf-8"))
    return {t: int(spec["quad"]) for t, spec in raw.items()}
