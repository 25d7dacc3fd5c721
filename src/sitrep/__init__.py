"""sitrep: a sourced, deduplicated, date-correct record of who did what to whom, from the news."""

__version__ = "0.1.0"
