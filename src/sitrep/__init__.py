"""sitrep: a sourced, deduplicated, date-correct record of who did what to whom, from the news.

    >>> import sitrep
    >>> with sitrep.open("news.duckdb") as s:
    ...     s.ingest(["corpus/"])

``open`` and ``Sitrep`` are imported on first use, so ``import sitrep.errors`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sitrep.api import Sitrep, open

__all__ = ["Sitrep", "__version__", "open"]


def __getattr__(name: str) -> Any:
    if name in ("open", "Sitrep"):
        from sitrep import api

        return getattr(api, name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
