"""The store stage: a DuckDB file with a versioned schema (see ``schema.py``)."""

from sitrep.store.db import Classification, Outcome, Store

__all__ = ["Classification", "Outcome", "Store"]
