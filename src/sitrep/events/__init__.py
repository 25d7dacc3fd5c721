"""The events stage: PLOVER events coded from parsed articles.

``Coder`` is the entry point; ``sitrep.events.evaluate`` scores coded events against gold.
``Coder`` is imported lazily so that ``sitrep.events.temporal`` (used by extraction) does not
pull in spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitrep.events.coder import Coder

__all__ = ["Coder"]


def __getattr__(name: str) -> Any:
    if name == "Coder":
        from sitrep.events.coder import Coder

        return Coder
    raise AttributeError(f"module 'sitrep.events' has no attribute {name!r}")
