"""One-line summaries of linked events, from the templates in ``data/answers/phrases.yaml``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.data import read_yaml

PHRASES = Path(__file__).resolve().parents[1] / "data" / "answers" / "phrases.yaml"


@lru_cache(maxsize=1)
def phrases() -> dict[str, Any]:
    """The summary templates (loaded once)."""
    with PHRASES.open(encoding="utf-8") as fh:
        loaded: dict[str, Any] = read_yaml(fh.read())
    return loaded


def join_names(names: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(names) <= 1:
        return names[0] if names else "unknown actors"
    return ", ".join(names[:-1]) + " and " + names[-1]


def summarise(type_: str, mode: str | None, modality: str, actors: list[str],
              source: str | None = None, target: str | None = None,
              location: str | None = None) -> str:
    """A one-line summary: ``Naftali Bennett and Vladimir Putin met in Sochi``.

    Args:
        type_: PLOVER event type.
        mode: PLOVER mode, if any.
        modality: asserted, negated, hypothetical or future (prefixes the line when not asserted).
        actors: actor names, in a stable order.
        source: the acting party's name, when the event is directed.
        target: the recipient's name, when the event is directed.
        location: the place name, if known.

    Returns:
        The summary line.
    """
    table = phrases()
    spec = table["types"].get(type_, {})
    directed = bool(source and target and source != target)
    template = (spec.get("modes", {}).get(mode or "")
                or (spec.get("directed") if directed else None)
                or spec.get("base") or table["fallback"])
    if "{source}" in template and not directed:
        template = spec.get("base") or table["fallback"]
    line: str = template.format(actors=join_names(actors), source=source, target=target, type=type_)
    if location:
        line += table["location"].format(location=location)
    prefix: str = table["modality"].get(modality, f"{modality}: ")
    return prefix + line
