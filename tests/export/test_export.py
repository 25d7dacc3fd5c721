"""Exports of a real store: JSONL, CSV, Parquet (read back by DuckDB) and PLOVER."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from link.factory import add_article, coded

from sitrep.errors import QueryError
from sitrep.export import export
from sitrep.link import link_events
from sitrep.store.db import Store

STABLE = ["id", "type", "mode", "actors", "source", "target", "date", "date_precision",
          "location", "topics", "modality", "evidence", "confidence"]


@pytest.fixture
def linked(store: Store) -> Store:
    for site in ("jpost.com", "tass.com"):
        add_article(store, f"https://{site}/a", [
            coded("CONSULT", ["bennett", "putin"], date(2021, 10, 22), mode="meeting",
                  place="Sochi", sentence="Bennett met Putin in Sochi."),
            coded("ASSAULT", ["israel", "syria"], date(2021, 8, 1), "month", mode="aerial",
                  source="israel", target="syria", sentence="Israel struck Syria."),
            coded("CONSULT", ["biden", "bennett"], date(2021, 12, 21), modality="negated"),
        ], date(2021, 10, 23))
    link_events(store)
    return store


def test_export_events_jsonl_has_stable_fields_and_evidence(linked: Store, tmp_path: Path) -> None:
    report = export(linked, "events", "jsonl", tmp_path / "e.jsonl")
    records = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert report.rows == len(records) == 3
    assert all(list(r)[:len(STABLE)] == STABLE for r in records)
    meeting = next(r for r in records if r["type"] == "CONSULT" and r["modality"] == "asserted")
    assert meeting["date"] == "2021-10-22" and meeting["location"]["name"] == "Sochi"
    assert {e["url"] for e in meeting["evidence"]} == {"https://jpost.com/a", "https://tass.com/a"}
    assert meeting["evidence"][0]["sentence"] == "Bennett met Putin in Sochi."
    strike = next(r for r in records if r["type"] == "ASSAULT")
    assert (strike["source"]["name"], strike["target"]["country"]) == ("Israel", "SYR")
    again = export(linked, "events", "jsonl", tmp_path / "again.jsonl", modality="asserted")
    assert again.rows == 2
    ids = [json.loads(x)["id"] for x in (tmp_path / "again.jsonl").read_text().splitlines()]
    assert set(ids) <= {r["id"] for r in records}


def test_export_parquet_and_csv_read_back(linked: Store, tmp_path: Path) -> None:
    export(linked, "events", "parquet", tmp_path / "e.parquet")
    rows = duckdb.sql(f"SELECT id, evidence FROM read_parquet('{tmp_path}/e.parquet')").fetchall()
    assert len(rows) == 3 and all(len(ev) == 2 for _, ev in rows)
    export(linked, "mentions", "parquet", tmp_path / "m.parquet")
    assert duckdb.sql(f"SELECT count(*) FROM '{tmp_path}/m.parquet'").fetchall() == [(6,)]
    export(linked, "events", "csv", tmp_path / "e.csv")
    with (tmp_path / "e.csv").open() as fh:
        table = list(csv.DictReader(fh))
    assert {r["actors"] for r in table} >= {"Naftali Bennett; Vladimir Putin"}
    report = export(linked, "actors", "csv", tmp_path / "a.csv")
    assert report.rows == 5
    assert export(linked, "articles", "jsonl", tmp_path / "a.jsonl").rows == 2


def test_export_plover_records(linked: Store, tmp_path: Path) -> None:
    export(linked, "events", "plover", tmp_path / "p.jsonl", modality="asserted")
    records = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text().splitlines()]
    strike = next(r for r in records if r["event"] == "ASSAULT")
    assert [a["code"] for a in strike["actor"]] == ["ISR"]
    assert [a["code"] for a in strike["recipient"]] == ["SYR"]
    assert (strike["mode"], strike["quad_code"], strike["date"]) == ("aerial", 4, "2021-08-01")
    meeting = next(r for r in records if r["event"] == "CONSULT")
    assert {a["entity_text"] for a in meeting["actor"]} == {"Naftali Bennett", "Vladimir Putin"}
    assert meeting["recipient"] == [] and meeting["event_text"] == "Bennett met Putin in Sochi."
    assert any(a.get("identifier_id") == "Q7747" for a in meeting["actor"])


def test_export_refuses_unknown_kinds(linked: Store, tmp_path: Path) -> None:
    for what, fmt in (("events", "xml"), ("mentions", "plover"), ("people", "csv")):
        with pytest.raises(QueryError) as err:
            export(linked, what, fmt, tmp_path / "x")
        assert err.value.code == "E504"


FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)",
            "\tcmd", "\r=1"]


def test_export_csv_cells_never_start_a_formula(store: Store, tmp_path: Path) -> None:
    for n, title in enumerate(FORMULAS):
        add_article(store, f"https://e{n}.example/a", [
            coded("CONSULT", ["bennett", "putin"], date(2021, 10, 22), mode="meeting",
                  sentence=f"{title} Bennett met Putin.")], date(2021, 10, 23),
            site=title, title=title)
    link_events(store)
    export(store, "articles", "csv", tmp_path / "a.csv")
    export(store, "mentions", "csv", tmp_path / "m.csv")
    export(store, "events", "csv", tmp_path / "e.csv")
    for name in ("a.csv", "m.csv", "e.csv"):
        with (tmp_path / name).open(newline="") as fh:
            cells = [cell for row in csv.reader(fh) for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")], name
        assert not [c for c in cells if c.startswith("-") and not c[1:].replace(".", "").isdigit()]
    with (tmp_path / "a.csv").open(newline="") as fh:
        titles = {row["title"] for row in csv.DictReader(fh)}
    assert titles == {"'" + t for t in FORMULAS}
