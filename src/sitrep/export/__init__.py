"""Exports of the store: events, mentions, articles and actors as JSONL, CSV, Parquet or PLOVER.

    export(store, "events", "jsonl", Path("events.jsonl"))

Ids are the store's own and stable over re-ingests and re-links (``a_...`` articles,
``m_...`` mentions, ``e_...`` events, actor keys). Parquet is written by DuckDB's ``COPY``,
so no pyarrow is needed.
"""

from sitrep.export.writers import FORMATS, WHATS, ExportReport, event_records, export, plover_record

__all__ = ["FORMATS", "WHATS", "ExportReport", "event_records", "export", "plover_record"]
