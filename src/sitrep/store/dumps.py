"""Whole tables written to files by DuckDB's ``COPY``: fast, and no pyarrow needed."""

from __future__ import annotations

from pathlib import Path

from sitrep.store.db import Store

TABLES: dict[str, str] = {
    "mentions": "SELECT * FROM mentions ORDER BY id",
    "articles": "SELECT * EXCLUDE (text), text FROM articles ORDER BY id",
    "actors": "SELECT * FROM actors ORDER BY key",
}
"""What each dumpable table is, row order included (an article's long text goes last)."""
_OPTIONS = {"jsonl": "FORMAT json", "csv": "FORMAT csv, HEADER true",
            "parquet": "FORMAT parquet"}


def _copy(store: Store, sql: str, fmt: str, path: Path) -> int:
    target = str(path).replace("'", "''")
    row = store.con.execute(f"COPY ({sql}) TO '{target}' ({_OPTIONS[fmt]})").fetchone()
    return int(row[0]) if row else 0


def dump_table(store: Store, table: str, fmt: str, path: Path) -> int:
    """Write a table (a key of ``TABLES``) as ``jsonl``, ``csv`` or ``parquet``.

    Returns:
        The number of rows written.
    """
    return _copy(store, TABLES[table], fmt, path)


def jsonl_to_parquet(store: Store, source: Path, path: Path) -> int:
    """Convert a JSON-lines file to Parquet, keeping its nested shape."""
    quoted = str(source).replace("'", "''")
    return _copy(store, f"SELECT * FROM read_json('{quoted}', format = 'newline_delimited')",
                 "parquet", path)
