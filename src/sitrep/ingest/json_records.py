"""JSON and JSONL inputs: one article per record, given as fields or as HTML.

A record ``{url, title, date, text}`` becomes a ``fields`` item (the text is already clean);
``{url, html}`` becomes an ``html`` item for the extract stage. A bad line is reported with its
line number and the rest of the file is still read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from sitrep.errors import IngestError
from sitrep.ingest.files import GZIP_ERRORS, check_size, open_lines, read_document
from sitrep.ingest.formats import (
    AUTHOR_FIELDS,
    DATE_FIELDS,
    DATE_FORMATS,
    HTML_FIELDS,
    LANGUAGE_FIELDS,
    SITE_FIELDS,
    TEXT_FIELDS,
    TITLE_FIELDS,
    URL_FIELDS,
)
from sitrep.record import RawItem

RecordResult = RawItem | IngestError
_READ_CHUNK = 1 << 20
# Wrappers such as {"articles": [...]} are common in exports; these keys are looked into.
_LIST_KEYS = ("articles", "items", "records", "data", "results", "documents")


def parse_date(value: object) -> date | None:
    """Parse a record's date: ISO 8601 first, then RFC 2822, then common layouts.

    A date-time keeps the calendar day it has in its own time zone, which is the day the
    publisher printed.

    Args:
        value: the field value; anything but a non-empty string gives None.

    Returns:
        The date, or None when the value is not a recognisable date.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = " ".join(value.split())
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parsed = parse(text)
            return parsed.date() if isinstance(parsed, datetime) else parsed
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for layout in DATE_FORMATS:
        try:
            return datetime.strptime(text, layout).date()
        except ValueError:
            continue
    return None


def _first(record: dict[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    """The first of ``names`` present in ``record`` with a non-empty value, and that value."""
    for name in names:
        value = record.get(name)
        if value not in (None, "", [], {}):
            return name, value
    return None, None


def _authors(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        names = (a.get("name") if isinstance(a, dict) else a for a in value)
        return [str(n).strip() for n in names if n and str(n).strip()]
    return []


def _str_or_none(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def record_item(record: Any, origin: str) -> RawItem:
    """Turn one JSON record into a ``RawItem``.

    Args:
        record: the parsed JSON value.
        origin: where it was found (``file.jsonl#L12``), kept on the item and on errors.

    Returns:
        A ``fields`` item when the record has text, else an ``html`` item.

    Raises:
        IngestError: E108 when the record is not a JSON object, E109 when it lacks a URL or
            both text and HTML.
    """
    if not isinstance(record, dict):
        raise IngestError("E108", f"expected an object, got {type(record).__name__}", item=origin)
    url_key, url = _first(record, URL_FIELDS)
    text_key, text = _first(record, TEXT_FIELDS)
    html_key, html = _first(record, HTML_FIELDS)
    has_body = isinstance(text, str) or isinstance(html, str)
    missing = [name for name, ok in (("url", isinstance(url, str)), ("text or html", has_body))
               if not ok]
    if missing:
        raise IngestError("E109", "missing " + " and ".join(missing), item=origin)
    title_key, title = _first(record, TITLE_FIELDS)
    date_key, raw_date = _first(record, DATE_FIELDS)
    author_key, authors = _first(record, AUTHOR_FIELDS)
    site_key, site = _first(record, SITE_FIELDS)
    lang_key, language = _first(record, LANGUAGE_FIELDS)
    published = parse_date(raw_date)
    used = {url_key, text_key, html_key, title_key, author_key, site_key, lang_key}
    if published is not None:
        used.add(date_key)
    has_text = isinstance(text, str)
    return RawItem(
        origin=origin,
        url=url.strip(),
        kind="fields" if has_text else "html",
        content=html.encode("utf-8") if isinstance(html, str) else b"",
        text=text if has_text else None,
        title=_str_or_none(title),
        published=published,
        published_source="record" if published else None,
        authors=_authors(authors),
        site=_str_or_none(site),
        language=_str_or_none(language),
        encoding="utf-8" if isinstance(html, str) else None,
        extra=_extra(record, used),
    )


def _extra(record: dict[str, Any], used: set[str | None]) -> dict[str, str]:
    """Scalar fields not mapped onto the item (id, source, licence, credit...), as strings."""
    extra: dict[str, str] = {}
    for key, value in record.items():
        if key in used or value is None or isinstance(value, dict | list):
            continue
        if text := str(value).strip():
            extra[key] = text
    return extra


def iter_jsonl(path: Path, max_bytes: int) -> Iterator[RecordResult]:
    """Read a JSONL file (optionally gzipped) one line at a time.

    Args:
        path: the file.
        max_bytes: the longest line accepted; a longer one is skipped with E105.

    Yields:
        A ``RawItem`` per good line and an ``IngestError`` (E105, E108, E109) per bad one,
        with origin ``path#L<line>``; then E103 if the gzip stream breaks off, after the lines
        read before the break.
    """
    check_size(path, sys.maxsize)  # only E107/E101: the lines are capped one by one
    number = 0
    try:
        with open_lines(path) as stream:
            while line := stream.readline(max_bytes + 1):
                number += 1
                origin = f"{path}#L{number}"
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    _skip_rest_of_line(stream)
                    yield IngestError("E105", f"line longer than {max_bytes} bytes", item=origin)
                elif line.strip():
                    yield _parse_line(line, origin, first=number == 1)
    except GZIP_ERRORS as exc:
        yield IngestError("E103", f"after line {number}: {exc}", item=str(path))


def _skip_rest_of_line(stream: Any) -> None:
    while chunk := stream.readline(_READ_CHUNK):
        if chunk.endswith(b"\n"):
            return


def _parse_line(line: bytes, origin: str, first: bool) -> RecordResult:
    try:
        record = json.loads(line.decode("utf-8-sig" if first else "utf-8"))
    except UnicodeDecodeError as exc:
        return IngestError("E108", f"not UTF-8: {exc.reason}", item=origin)
    except json.JSONDecodeError as exc:
        return IngestError("E108", f"{exc.msg} at column {exc.colno}", item=origin)
    try:
        return record_item(record, origin)
    except IngestError as err:
        return err


def iter_json(path: Path, max_json_bytes: int) -> Iterator[RecordResult]:
    """Read a JSON file holding one record, a list of records, or an object wrapping a list.

    Args:
        path: the file.
        max_json_bytes: the largest file accepted (it is parsed whole).

    Yields:
        A ``RawItem`` per good record and an ``IngestError`` per bad one; records of a list
        have origin ``path#item-<n>`` (from 1).

    Raises:
        IngestError: E101, E103, E105 or E107 for the file as a whole, E108 when it is not JSON.
    """
    content = read_document(path, max_json_bytes)
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IngestError("E108", str(exc), item=str(path)) from None
    records = _records_of(data)
    if records is None:
        yield _safe_record(data, str(path))
        return
    for index, record in enumerate(records, start=1):
        yield _safe_record(record, f"{path}#item-{index}")


def _records_of(data: Any) -> list[Any] | None:
    """The list of records in a JSON document, or None when it is a single record."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and _first(data, URL_FIELDS)[0] is None:
        for key in _LIST_KEYS:
            records = data.get(key)
            if isinstance(records, list):
                return records
    return None


def _safe_record(record: Any, origin: str) -> RecordResult:
    try:
        return record_item(record, origin)
    except IngestError as err:
        return err

