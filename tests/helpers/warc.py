"""One WARC record as bytes, written with fastwarc, for the tests that build archives."""

from __future__ import annotations

import io

from fastwarc.warc import WarcRecord, WarcRecordType


def warc_record(kind: WarcRecordType, url: str, block: bytes, content_type: str) -> bytes:
    """A record of ``kind`` for ``url`` whose block is ``block``."""
    record = WarcRecord()
    record.init_headers(kind)
    record.headers["WARC-Target-URI"] = url
    record.headers["Content-Type"] = content_type
    record.set_bytes_content(block)
    buffer = io.BytesIO()
    record.write(buffer)
    return buffer.getvalue()
