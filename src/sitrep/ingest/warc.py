"""WARC archives: each HTTP response record holding HTML becomes an ``html`` item.

``fastwarc`` stops quietly at a record cut short, so each payload's length is checked against
the record's declared length: a short read means the archive is truncated (E112), reported
after the records read before the break.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastwarc.warc import ArchiveIterator, WarcRecordType

from sitrep.errors import IngestError
from sitrep.ingest.files import check_size, display_path
from sitrep.ingest.formats import HTML_TYPES
from sitrep.ingest.options import Skipped
from sitrep.record import RawItem

WarcResult = RawItem | Skipped | IngestError


def iter_warc(path: Path, max_bytes: int) -> Iterator[WarcResult]:
    """Read the HTML responses of a WARC file (plain or gzipped).

    Args:
        path: the archive.
        max_bytes: the largest record payload accepted; a larger one is reported with E105
            and skipped without being read.

    Yields:
        An ``html`` ``RawItem`` per HTML response record (origin ``path#record-<n>``, counting
        response records from 1), a ``Skipped`` when the archive holds no HTML response, and
        an ``IngestError`` E112 when the archive is corrupt or truncated, after the records
        read before the damage.

    Raises:
        IngestError: E107 or E101 for a missing or empty file.
    """
    check_size(path, sys.maxsize)  # only E107/E101: records are capped one by one
    number = found = 0
    try:
        with path.open("rb") as fh:
            records = ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True,
                                      fsspec_args=False)
            for record in records:
                number += 1
                result = _record_result(record, f"{display_path(path)}#record-{number}", max_bytes)
                if result is None:
                    continue
                found += 1
                yield result
                if isinstance(result, IngestError) and result.code == "E112":
                    return
    except OSError as exc:
        yield IngestError("E112", f"after {number} response records: {exc}",
                          item=display_path(path))
        return
    if not found:
        yield Skipped(display_path(path), "WARC archive holds no HTML response records")


def _record_result(record: Any, origin: str, max_bytes: int) -> WarcResult | None:
    """The item for one response record, an error, or None for a non-HTML response."""
    declared = record.content_length
    content_type = (record.http_content_type or "").lower()
    if declared > max_bytes:
        return IngestError("E105", f"record of {declared} bytes > cap of {max_bytes}", item=origin)
    content = record.reader.read(declared + 1)
    if len(content) < declared:
        return IngestError("E112", f"record cut short: {len(content)} of {declared} bytes",
                           item=origin)
    if content_type not in HTML_TYPES or not content:
        return None
    return RawItem(
        origin=origin,
        url=record.headers.get("WARC-Target-URI") or origin,
        kind="html",
        content=content,
        encoding=record.http_charset or None,
        fetched_at=record.record_date,
        last_modified=(record.http_headers.get("Last-Modified") if record.http_headers
                       else None),
        etag=record.http_headers.get("ETag") if record.http_headers else None,
    )
