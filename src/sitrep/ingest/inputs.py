"""From what the user passes to ``sitrep ingest`` to a stream of ``RawItem``s.

Each input is dispatched in this order:

1. ``http://`` and ``https://`` URLs are fetched; a response whose root element is a feed is
   read as a feed, anything else is a page. ``file://`` URLs are paths; other schemes get E126.
2. A directory is walked (recursive, sorted, hidden names skipped); its files of unknown type
   are skipped, not failed.
3. A file is read by its extension (``formats.EXTENSIONS``); a file named explicitly whose
   extension is unknown is sniffed: a feed, HTML, or else text for extract to judge.

Nothing here raises for a bad item: the error is yielded with its code and the path or URL,
and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from sitrep.errors import IngestError
from sitrep.ingest.feeds import feed_items, parse_feed
from sitrep.ingest.fetch import Fetcher, page_item
from sitrep.ingest.files import (
    GZIP_ERRORS,
    display_path,
    file_url,
    is_gzip_name,
    kind_by_extension,
    looks_like_feed,
    open_lines,
    read_document,
    sniff_kind,
    walk,
)
from sitrep.ingest.formats import InputKind
from sitrep.ingest.options import HttpCache, IngestOptions, ItemResult, Skipped
from sitrep.ingest.json_records import iter_json, iter_jsonl
from sitrep.ingest.warc import iter_warc
from sitrep.record import RawItem

COUNT_MAX_BYTES = 200_000_000
"""A JSONL file larger than this is not counted for the progress bar (its total is unknown)."""
_COUNT_CHUNK = 1 << 20


def iter_items(inputs: Sequence[str], options: IngestOptions,
               http_cache: HttpCache | None = None) -> Iterator[ItemResult]:
    """Read every input and yield what it holds, one result per item.

    Args:
        inputs: paths (files or directories), ``file://`` URLs, and http(s) URLs of pages or
            feeds, in the order they are to be read.
        options: size caps and fetch rules.
        http_cache: validators for conditional GET; without one every URL is fetched in full.

    Yields:
        A ``RawItem`` per item found, a ``Skipped`` per item deliberately left out (not
        modified since the last fetch, unknown file type in a directory), and an
        ``IngestError`` (its ``code`` and ``item`` say what and where) per bad item. Never
        raises for a bad item.
    """
    reader = _Reader(options, http_cache)
    try:
        for raw in inputs:
            yield from reader.read_input(raw)
    finally:
        reader.close()


def count_inputs(inputs: Sequence[str]) -> int | None:
    """Best-effort number of results ``iter_items`` will yield, for a progress bar.

    Files count one each and uncompressed JSONL files one per non-blank line; feeds, URLs,
    WARC archives, JSON files and compressed JSONL make the total unknown.

    Args:
        inputs: as for ``iter_items``.

    Returns:
        The total, or None when it cannot be known without reading or fetching.
    """
    total = 0
    for raw in inputs:
        path = _local_path(raw)
        if path is None:
            return None
        for file in walk(path) if path.is_dir() else [path]:
            count = _count_file(file)
            if count is None:
                return None
            total += count
    return total


def _count_file(path: Path) -> int | None:
    kind = kind_by_extension(path)
    if kind in ("feed", "warc", "json") or (kind == "jsonl" and is_gzip_name(path)):
        return None
    if kind != "jsonl" or not path.is_file():
        return 1
    try:
        if path.stat().st_size > COUNT_MAX_BYTES:
            return None
        with open_lines(path) as stream:
            return _count_lines(stream)
    except (OSError, *GZIP_ERRORS):
        return None


def _count_lines(stream: BinaryIO) -> int:
    """Non-blank lines of a stream, read in chunks: one long line costs no memory."""
    count, open_line = 0, False
    while chunk := stream.read(_COUNT_CHUNK):
        *complete, rest = chunk.split(b"\n")
        for line in complete:
            count += open_line or bool(line.strip())
            open_line = False
        open_line = open_line or bool(rest.strip())
    return count + open_line


def _scheme(raw: str) -> str:
    try:
        return urlsplit(raw).scheme.lower()
    except ValueError:
        return ""


def _local_path(raw: str) -> Path | None:
    """The path an input names, or None when it is a URL to fetch (or of another scheme)."""
    if "://" not in raw:
        return Path(raw).expanduser()
    try:
        parts = urlsplit(raw)
    except ValueError:
        return None
    if parts.scheme.lower() == "file" and parts.netloc in ("", "localhost"):
        return Path(unquote(parts.path))
    return None


class _Reader:
    """Reads inputs one by one, sharing one fetcher (and its per-host state) between them."""

    def __init__(self, options: IngestOptions, http_cache: HttpCache | None) -> None:
        self.options = options
        self.http_cache = http_cache
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.options, self.http_cache)
        return self._fetcher

    def _entry_fetcher(self) -> Fetcher | None:
        """The fetcher for feed entries, or None when entries are read from the feed itself."""
        return self.fetcher if self.options.fetch_feed_items else None

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    def read_input(self, raw: str) -> Iterator[ItemResult]:
        path = _local_path(raw)
        if path is not None:
            if path.is_dir():
                for file in walk(path):
                    yield from self._file(file, explicit=False)
            else:
                yield from self._file(path, explicit=True)
        elif _scheme(raw) in ("http", "https"):
            yield from self._url(raw)
        else:
            yield IngestError("E126", f"scheme {_scheme(raw)!r}; give a path or an http(s) URL",
                              item=raw)

    def _file(self, path: Path, explicit: bool) -> Iterator[ItemResult]:
        kind = kind_by_extension(path)
        if kind is None and not explicit:
            yield Skipped(display_path(path), "unsupported file type")
            return
        try:
            if kind == "jsonl":
                yield from iter_jsonl(path, self.options.max_bytes)
            elif kind == "json":
                yield from iter_json(path, self.options.max_bytes, self.options.max_json_bytes)
            elif kind == "warc":
                yield from iter_warc(path, self.options.max_bytes)
            else:
                content = read_document(path, self.options.max_bytes)
                yield from self._document(path, kind or sniff_kind(content), content)
        except IngestError as err:
            yield err
        except OSError as exc:
            yield IngestError("E107", f"cannot be read: {exc.strerror or exc}",
                              item=display_path(path))

    def _document(self, path: Path, kind: InputKind, content: bytes) -> Iterator[ItemResult]:
        if kind == "feed":
            parsed = parse_feed(content, display_path(path))
            yield from feed_items(parsed, display_path(path), self._entry_fetcher(),
                                  self.options.fetch_feed_items)
        else:
            yield RawItem(origin=display_path(path), url=file_url(path),
                          kind="text" if kind == "text" else "html", content=content)

    def _url(self, url: str) -> Iterator[ItemResult]:
        try:
            response = self.fetcher.get(url)
        except IngestError as err:
            yield err
            return
        if response.not_modified:
            yield Skipped(url, "not modified")
        elif not response.content.strip():
            yield IngestError("E101", "the response has no body", item=url)
        elif looks_like_feed(response.content):
            try:
                parsed = parse_feed(response.content, url, base_url=response.url)
            except IngestError as err:
                yield err
                return
            yield from feed_items(parsed, url, self._entry_fetcher(),
                                  self.options.fetch_feed_items)
        else:
            yield page_item(response, url)
