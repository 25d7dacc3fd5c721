"""iter_items over mixed inputs: dispatch, order, and the batch surviving every bad item."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.httpserver import LocalHttpServer, Reply

from sitrep.errors import IngestError
from sitrep.ingest import IngestOptions, Skipped, count_inputs, iter_items
from sitrep.record import RawItem

HTML = b"<html><body><p>Envoys met.</p></body></html>"


def test_pipeline_mixed_inputs_in_order_and_never_raising(tmp_path: Path, server: LocalHttpServer,
                                                         options: IngestOptions) -> None:
    server.route("/page", Reply(body=HTML, headers={"Content-Type": "text/html; charset=latin-1",
                                                    "ETag": '"1"'}))
    (tmp_path / "a.html").write_bytes(HTML)
    (tmp_path / "b.jsonl").write_text(json.dumps({"url": "https://x.org", "text": "t"}) + "\n{\n")
    inputs = [str(tmp_path), server.url("/page"), "gopher://old.example.org/", str(tmp_path / "no"),
              server.url("/missing")]
    results = list(iter_items(inputs, options))
    summary = [r.code if isinstance(r, IngestError) else type(r).__name__ for r in results]
    assert summary == ["RawItem", "RawItem", "E108", "RawItem", "E126", "E107", "E123"]
    page = results[3]
    assert page.origin == page.url == server.url("/page")
    assert (page.kind, page.encoding, page.etag) == ("html", "latin-1", '"1"')
    assert page.fetched_at is not None


def test_pipeline_plain_text_url_becomes_text_item(server: LocalHttpServer,
                                                   options: IngestOptions) -> None:
    server.route("/notes", Reply(body=b"Scraped words.", headers={"Content-Type": "text/plain"}))
    [item] = iter_items([server.url("/notes")], options)
    assert isinstance(item, RawItem) and item.kind == "text"


def test_pipeline_feed_detected_by_body_not_content_type(server: LocalHttpServer,
                                                         options: IngestOptions) -> None:
    feed = (f'<rss version="2.0"><channel><title>T</title><item><title>S</title>'
            f'<link>{server.url("/s")}</link></item></channel></rss>').encode()
    server.route("/feed", Reply(body=feed, headers={"Content-Type": "text/html"}))
    server.route("/s", Reply(body=HTML))
    [item] = iter_items([server.url("/feed")], options)
    assert isinstance(item, RawItem) and item.origin == server.url("/s") and item.title == "S"


def test_pipeline_empty_response_gives_e101(server: LocalHttpServer,
                                            options: IngestOptions) -> None:
    server.route("/empty", Reply(body=b"  \n"))
    [result] = iter_items([server.url("/empty")], options)
    assert isinstance(result, IngestError) and result.code == "E101"


def test_pipeline_file_url_read_as_path(tmp_path: Path) -> None:
    path = tmp_path / "my page.html"
    path.write_bytes(HTML)
    [item] = iter_items([path.resolve().as_uri()], IngestOptions())
    assert isinstance(item, RawItem) and item.content == HTML
    assert item.url == path.resolve().as_uri()


def test_pipeline_unknown_type_in_directory_is_skipped_not_failed(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    assert list(iter_items([str(tmp_path)], IngestOptions())) == [
        Skipped(str(tmp_path / "photo.jpg"), "unsupported file type")]


def test_pipeline_count_inputs_matches_results_for_files(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(HTML)
    (tmp_path / "b.txt").write_bytes(b"x")
    (tmp_path / "c.jpg").write_bytes(b"x")
    (tmp_path / "d.jsonl").write_text('{"url": "u", "text": "t"}\n\n{"url": "v", "text": "t"}\n')
    inputs = [str(tmp_path), str(tmp_path / "missing.html")]
    assert count_inputs(inputs) == len(list(iter_items(inputs, IngestOptions()))) == 6


def test_pipeline_count_inputs_unknown_for_urls_feeds_and_archives(tmp_path: Path) -> None:
    (tmp_path / "news.rss").write_bytes(b"<rss/>")
    assert count_inputs(["https://example.org/"]) is None
    assert count_inputs([str(tmp_path)]) is None
    assert count_inputs([str(tmp_path / "x.warc.gz")]) is None


def test_pipeline_count_inputs_reads_a_huge_line_in_chunks(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "one.jsonl"
    with path.open("wb") as fh:
        fh.write(b'{"url": "https://x.example/", "text": "' + b"x" * 30_000_000 + b'"}\n\n')
        fh.write(b'{"url": "https://y.example/"}')
    tracemalloc.start()
    assert count_inputs([str(path)]) == 2
    assert tracemalloc.get_traced_memory()[1] < 5_000_000
    tracemalloc.stop()
