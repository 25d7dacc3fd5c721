"""JSON and JSONL records: fields and HTML records, bad lines, dates, and the shared corpus."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.errors import IngestError
from sitrep.ingest import IngestOptions, count_inputs, iter_items
from sitrep.ingest.json_records import parse_date
from sitrep.record import RawItem


RECORD = {"id": "wikinews-1", "source": "wikinews", "url": "https://en.wikinews.org/wiki/Talks",
          "title": "Talks resume", "date": "2019-01-23", "text": "Envoys met on Monday.",
          "license": "CC BY 2.5"}


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_json_records_fields_record_maps_onto_item(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [json.dumps(RECORD)])
    [item] = iter_items([str(path)], IngestOptions())
    assert isinstance(item, RawItem) and item.kind == "fields"
    assert (item.url, item.title, item.text) == (RECORD["url"], "Talks resume", RECORD["text"])
    assert item.published == date(2019, 1, 23) and item.published_source == "record"
    assert item.extra == {"id": "wikinews-1", "source": "wikinews", "license": "CC BY 2.5"}
    assert item.origin == f"{path}#L1"


def test_json_records_html_record_becomes_html_item(tmp_path: Path) -> None:
    record = {"url": "https://example.org/a", "html": "<html><p>Å</p></html>",
              "authors": ["Ann", {"name": "Bo"}], "site": "Example", "credit": "Example Ltd"}
    path = write_jsonl(tmp_path / "h.jsonl", [json.dumps(record)])
    [item] = iter_items([str(path)], IngestOptions())
    assert isinstance(item, RawItem) and item.kind == "html" and item.text is None
    assert item.content == "<html><p>Å</p></html>".encode() and item.encoding == "utf-8"
    assert item.authors == ["Ann", "Bo"] and item.site == "Example"
    assert item.extra == {"credit": "Example Ltd"}


def test_json_records_bad_line_in_the_middle_and_batch_goes_on(tmp_path: Path) -> None:
    lines = [json.dumps(RECORD), '{"url": "https://x.org", "text": "cut', "",
             json.dumps({"url": "https://x.org/b"}), "[1, 2]", json.dumps(RECORD | {"id": "2"})]
    path = write_jsonl(tmp_path / "mixed.jsonl", lines)
    results = list(iter_items([str(path)], IngestOptions()))
    summary = [(r.code, r.item) if isinstance(r, IngestError) else r.origin for r in results]
    assert summary == [f"{path}#L1", ("E108", f"{path}#L2"), ("E109", f"{path}#L4"),
                       ("E108", f"{path}#L5"), f"{path}#L6"]
    assert "text or html" in results[2].detail


def test_json_records_line_over_cap_skipped_with_e105(tmp_path: Path) -> None:
    long_record = json.dumps(RECORD | {"text": "x" * 5000})
    path = write_jsonl(tmp_path / "long.jsonl", [long_record, json.dumps(RECORD)])
    results = list(iter_items([str(path)], IngestOptions(max_bytes=1000)))
    assert isinstance(results[0], IngestError) and results[0].code == "E105"
    assert isinstance(results[1], RawItem) and results[1].origin == f"{path}#L2"


def test_json_records_gzipped_jsonl_truncated_keeps_earlier_lines(tmp_path: Path) -> None:
    lines = [json.dumps(RECORD | {"id": str(n), "text": f"Story {n} " * 200}) for n in range(50)]
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    results = list(iter_items([str(path)], IngestOptions()))
    assert all(isinstance(r, RawItem) for r in results[:-1]) and len(results) > 2
    assert isinstance(results[-1], IngestError) and results[-1].code == "E103"


def test_json_records_json_list_and_single_object(tmp_path: Path) -> None:
    many, one = tmp_path / "many.json", tmp_path / "one.json"
    many.write_text(json.dumps({"articles": [RECORD, {"title": "no url"}]}), encoding="utf-8")
    one.write_text(json.dumps(RECORD), encoding="utf-8")
    results = list(iter_items([str(many), str(one)], IngestOptions()))
    assert [getattr(r, "origin", None) or r.item for r in results] == [
        f"{many}#item-1", f"{many}#item-2", str(one)]
    assert isinstance(results[1], IngestError) and results[1].code == "E109"


def test_json_records_malformed_json_file_gives_e108(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"url": ', encoding="utf-8")
    [result] = iter_items([str(path)], IngestOptions())
    assert isinstance(result, IngestError) and result.code == "E108" and result.item == str(path)


@pytest.mark.parametrize("text, expected", [
    ("2019-01-23", date(2019, 1, 23)),
    ("2021-05-21T23:30:00-04:00", date(2021, 5, 21)),
    ("2021-05-21T10:00:00Z", date(2021, 5, 21)),
    ("Fri, 21 May 2021 10:00:00 GMT", date(2021, 5, 21)),
    ("May 21, 2021", date(2021, 5, 21)),
    ("21 May 2021", date(2021, 5, 21)),
    ("2021/05/21", date(2021, 5, 21)),
    ("yesterday", None),
    ("", None),
])
def test_json_records_parse_date_formats(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_json_records_unparsed_date_kept_in_extra(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [json.dumps(RECORD | {"date": "sometime"})])
    [item] = iter_items([str(path)], IngestOptions())
    assert item.published is None and item.published_source is None
    assert item.extra["date"] == "sometime"


def test_json_records_count_inputs_counts_jsonl_lines(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [json.dumps(RECORD)] * 3 + [""])
    (tmp_path / "p.html").write_bytes(b"<p>x</p>")
    assert count_inputs([str(tmp_path)]) == 4
    assert count_inputs([str(path), "https://example.org/feed"]) is None


def test_json_records_bundled_corpus_reads_without_errors() -> None:
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    results = list(iter_items([str(corpus)], IngestOptions()))
    items = [r for r in results if isinstance(r, RawItem)]
    assert not [r for r in results if isinstance(r, IngestError)]
    assert len(results) == count_inputs([str(corpus)]) and len(items) > 400
    assert all(i.kind == "fields" and i.text and i.published and i.extra.get("license")
               for i in items)
