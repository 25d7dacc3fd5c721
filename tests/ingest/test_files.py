"""Local files: kinds by extension and by sniffing, size caps, gzip damage, directory walks."""

from __future__ import annotations

import gzip
import time
from dataclasses import replace
from pathlib import Path

import pytest

from sitrep.errors import IngestError
from sitrep.ingest import IngestOptions, Skipped, iter_items
from sitrep.ingest.files import read_document, sniff_kind, walk
from sitrep.record import RawItem

HTML = b"<!DOCTYPE html><html><body><p>Ministers met in Geneva.</p></body></html>"


def only(path: Path, options: IngestOptions | None = None) -> object:
    [result] = iter_items([str(path)], options or IngestOptions())
    return result


def error_code(path: Path, options: IngestOptions | None = None) -> str:
    result = only(path, options)
    assert isinstance(result, IngestError), result
    assert result.item == str(path)
    return result.code


def test_files_html_file_becomes_html_item(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(HTML)
    item = only(path)
    assert isinstance(item, RawItem) and item.kind == "html" and item.content == HTML
    assert item.origin == str(path) and item.url == path.resolve().as_uri()


def test_files_gzipped_html_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "page.htm.gz"
    path.write_bytes(gzip.compress(HTML))
    item = only(path)
    assert isinstance(item, RawItem) and item.kind == "html" and item.content == HTML


@pytest.mark.parametrize("name", ["notes.txt", "notes.md"])
def test_files_text_file_becomes_text_item(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"Scraped text\nwith a menu line.\n")
    item = only(path)
    assert isinstance(item, RawItem) and item.kind == "text"


def test_files_empty_file_gives_e101(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.touch()
    assert error_code(path) == "E101"


def test_files_missing_path_gives_e107(tmp_path: Path) -> None:
    assert error_code(tmp_path / "nope.html") == "E107"


def bytes_read_by_this_process() -> int:
    """Bytes this process has read through read() calls so far (Linux ``/proc/self/io``)."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar line in /proc/self/io")


def test_files_50mb_file_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:
        fh.truncate(50_000_000)
    started = time.monotonic()
    before = bytes_read_by_this_process() if Path("/proc/self/io").exists() else None
    assert error_code(path) == "E105"
    assert time.monotonic() - started < 0.5
    if before is not None:
        assert bytes_read_by_this_process() - before < 1_000_000


def test_files_truncated_gzip_gives_e103(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    data = gzip.compress(HTML * 200)
    path.write_bytes(data[: len(data) // 2])
    assert error_code(path) == "E103"


def test_files_corrupt_gzip_gives_e103(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    data = bytearray(gzip.compress(HTML * 200))
    data[20:40] = b"\xff" * 20
    path.write_bytes(bytes(data))
    assert error_code(path) == "E103"


def test_files_gzip_bomb_stops_at_cap(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    # 200 gzip members of 1 MB of zeros each: 200 MB that fit in about 200 KB.
    path.write_bytes(gzip.compress(b"\0" * 1_000_000) * 200)
    started = time.monotonic()
    assert error_code(path, IngestOptions(max_bytes=5_000_000)) == "E105"
    assert time.monotonic() - started < 1.0


def test_files_read_document_caps_decompressed_size(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"x" * 5000))
    assert len(read_document(path, 5000)) == 5000
    with pytest.raises(IngestError) as caught:
        read_document(path, 4999)
    assert caught.value.code == "E105"


@pytest.mark.parametrize("content, kind", [
    (b"\xef\xbb\xbf  \n<!doctype html><p>x</p>", "html"),
    (b"<html><body>x</body></html>", "html"),
    ("<html>x</html>".encode("utf-16"), "html"),
    (b'<?xml version="1.0"?><!-- a feed --><rss version="2.0"><channel/></rss>', "feed"),
    (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>', "feed"),
    (b"Plain scraped text. <b> is not first.", "text"),
    (b"\x00\x01\x02binary", "text"),
])
def test_files_sniff_kind_reads_the_first_markup(content: bytes, kind: str) -> None:
    assert sniff_kind(content) == kind


def test_files_unknown_extension_named_explicitly_is_sniffed(tmp_path: Path) -> None:
    html, text = tmp_path / "page.download", tmp_path / "README"
    html.write_bytes(b"\n  " + HTML)
    text.write_bytes(b"Just words.")
    results = list(iter_items([str(html), str(text)], IngestOptions()))
    assert [(r.kind, r.origin) for r in results] == [("html", str(html)), ("text", str(text))]


def test_files_gzip_with_unknown_extension_sniffed_after_decompressing(tmp_path: Path) -> None:
    path = tmp_path / "page.bin"
    path.write_bytes(gzip.compress(HTML))
    item = only(path)
    assert isinstance(item, RawItem) and item.kind == "html" and item.content == HTML


def test_files_directory_walk_sorted_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.html").write_bytes(HTML)
    (tmp_path / "a.txt").write_bytes(b"one")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.html").write_bytes(HTML)
    (tmp_path / ".git" / "page.html").write_bytes(HTML)
    (tmp_path / "z.html").touch()
    results = list(iter_items([str(tmp_path)], IngestOptions()))
    assert [type(r).__name__ for r in results] == ["RawItem", "Skipped", "IngestError", "RawItem"]
    assert results[0].origin == str(tmp_path / "a.txt")
    assert results[1] == Skipped(str(tmp_path / "c.pdf"), "unsupported file type")
    assert isinstance(results[2], IngestError) and results[2].code == "E101"
    assert results[3].origin == str(tmp_path / "b" / "two.html")


def test_files_walk_orders_by_directory_then_name(tmp_path: Path) -> None:
    for name in ["b/2.html", "b/1.html", "a.html", "c/x/0.html"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(HTML)
    names = [p.relative_to(tmp_path).as_posix() for p in walk(tmp_path)]
    assert names == ["a.html", "b/1.html", "b/2.html", "c/x/0.html"]


def test_files_max_bytes_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(HTML)
    assert error_code(path, replace(IngestOptions(), max_bytes=len(HTML) - 1)) == "E105"
    assert isinstance(only(path, replace(IngestOptions(), max_bytes=len(HTML))), RawItem)
