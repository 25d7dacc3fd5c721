"""The store stage: one DuckDB file, and the only code in sitrep that speaks SQL.

    db.py             ``Store``: opening, migrating (``schema.py``), transactions; articles,
                      mentions, actors and HTTP validators as the pipeline writes them
    rows.py           the column layout of mentions and events, to records and back
    reports.py        stored mentions read back with their articles (``Report``)
    events_table.py   linked events: the link stage's writes, ``LinkedEvent`` reads
    stories_table.py  stories and article embeddings
    actors_table.py   the actors met so far, by key and name
    queries.py        the answers' aggregates (contacts, dyads, networks, stories)
    deliveries.py     briefings and alerts already delivered
    dumps.py          whole tables to files (DuckDB ``COPY``)
"""

from sitrep.store.db import Classification, Outcome, Store

__all__ = ["Classification", "Outcome", "Store"]
