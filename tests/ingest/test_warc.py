"""WARC archives written in the test with fastwarc: good, gzipped, truncated and corrupt."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from fastwarc.warc import WarcRecordType
from helpers.warc import warc_record

from sitrep.errors import IngestError
from sitrep.ingest import IngestOptions, Skipped, iter_items
from sitrep.record import RawItem


def page(n: int) -> bytes:
    return f"<html><body><h1>Story {n}</h1>{'<p>Body text.</p>' * 300}</body></html>".encode()


def http_response(url: str, body: bytes, content_type: str, extra: str = "") -> bytes:
    head = (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n{extra}"
            f"Content-Length: {len(body)}\r\n\r\n")
    return warc_record(WarcRecordType.response, url, head.encode() + body,
                       "application/http; msgtype=response")


def write_warc(path: Path, gz: bool, pages: int = 3, with_other_records: bool = True) -> Path:
    """A WARC with ``pages`` HTML responses, each after a request and an image response."""
    records = []
    for n in range(pages):
        url = f"https://news.example.org/story/{n}"
        if with_other_records:
            records.append(warc_record(WarcRecordType.request, url, b"GET / HTTP/1.1\r\n\r\n",
                                       "application/http; msgtype=request"))
            records.append(http_response(url + ".png", b"\x89PNG....", "image/png"))
        records.append(http_response(url, page(n), "text/html; charset=utf-8",
                                     f'ETag: "e{n}"\r\n'))
    # A .warc.gz holds one gzip member per record, as crawlers write them.
    path.write_bytes(b"".join(gzip.compress(r) if gz else r for r in records))
    return path


@pytest.mark.parametrize("name, gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_responses_become_items(tmp_path: Path, name: str, gz: bool) -> None:
    path = write_warc(tmp_path / name, gz)
    items = list(iter_items([str(path)], IngestOptions()))
    assert all(isinstance(i, RawItem) for i in items)
    assert [i.url for i in items] == [f"https://news.example.org/story/{n}" for n in range(3)]
    assert [i.content for i in items] == [page(n) for n in range(3)]
    # Response records are numbered in the archive: the image responses come first.
    assert [i.origin for i in items] == [f"{path}#record-{n}" for n in (2, 4, 6)]
    assert items[0].kind == "html" and items[0].encoding == "utf-8" and items[0].etag == '"e0"'
    assert items[0].fetched_at is not None and items[0].fetched_at.tzinfo is not None


@pytest.mark.parametrize("name, gz", [("cut.warc", False), ("cut.warc.gz", True)])
def test_warc_truncated_keeps_records_before_the_cut(tmp_path: Path, name: str, gz: bool) -> None:
    path = write_warc(tmp_path / name, gz, with_other_records=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 6 // 10])
    results = list(iter_items([str(path)], IngestOptions()))
    assert isinstance(results[0], RawItem) and results[0].content == page(0)
    assert isinstance(results[-1], IngestError) and results[-1].code == "E112"
    assert all(isinstance(r, RawItem) for r in results[:-1])


def test_warc_corrupt_bytes_give_e112(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "bad.warc", False, with_other_records=False)
    data = path.read_bytes()
    second = data.index(b"WARC/1", 10)
    path.write_bytes(data[:second] + b"garbage that is not a WARC header\r\n" * 20)
    results = list(iter_items([str(path)], IngestOptions()))
    assert [type(r) for r in results] == [RawItem, IngestError]
    assert results[1].code == "E112" and results[1].item == str(path)


def test_warc_record_over_cap_reported_and_rest_read(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", True, with_other_records=False)
    results = list(iter_items([str(path)], IngestOptions(max_bytes=len(page(0)) - 1)))
    assert [r.code for r in results] == ["E105"] * 3


def test_warc_without_html_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_record(WarcRecordType.resource, "https://x.org/a.png", b"png",
                                 "image/png"))
    assert list(iter_items([str(path)], IngestOptions())) == [
        Skipped(str(path), "WARC archive holds no HTML response records")]
