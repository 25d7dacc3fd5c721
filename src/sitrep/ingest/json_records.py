"""JSON and JSONL inputs: one article per record, given as fields or as HTML.

A record ``{url, title, date, text}`` becomes a ``fields`` item (the text is already clean);
``{url, html}`` becomes an ``html`` item for the extract stage. A bad line is reported with its
line number and the rest of the file is still read.

Hostile records are made harmless here: malformed JSON, numbers too long to convert and
nesting deeper than ``MAX_DEPTH`` are E108; lone surrogates (``"\ud800"``) and control
characters are repaired (``safety.clean_text``); a date outside the sane range is no date (the
raw value stays in ``extra``). A ``.json`` file whose top level is a list, or an object
wrapping one, is streamed record by record (``jsonstream.py``), so its size costs no memory.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from sitrep.errors import IngestError
from sitrep.ingest.files import GZIP_ERRORS, check_size, display_path, open_lines
from sitrep.ingest.jsonstream import MAX_DEPTH, JsonStream, nesting_depth
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
from sitrep.safety import clean_optional, clean_text, in_date_range

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
        The date, or None when the value is not a recognisable date in the sane range
        (``safety.in_date_range``).
    """
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    day = _parse_day(" ".join(value.split()))
    return day if in_date_range(day) else None


def _parse_day(text: str) -> date | None:
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parsed = parse(text)
            return parsed.date() if isinstance(parsed, datetime) else parsed
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
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
        return [clean_text(value.strip())] if value.strip() else []
    if isinstance(value, list):
        names = (a.get("name") if isinstance(a, dict) else a for a in value)
        return [clean_text(str(n).strip()) for n in names
                if isinstance(n, str | int | float) and str(n).strip()]
    return []


def _str_or_none(value: Any) -> str | None:
    return clean_optional(value.strip() or None) if isinstance(value, str) else None


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
        url=clean_text(url.strip()),
        kind="fields" if has_text else "html",
        content=clean_text(html).encode("utf-8") if isinstance(html, str) else b"",
        text=clean_text(text) if has_text else None,
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
        if text := clean_text(str(value).strip()):
            extra[clean_text(str(key))] = text
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
                origin = f"{display_path(path)}#L{number}"
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    _skip_rest_of_line(stream)
                    yield IngestError("E105", f"line longer than {max_bytes} bytes", item=origin)
                elif line.strip():
                    yield _parse_line(line, origin, first=number == 1)
    except GZIP_ERRORS as exc:
        yield IngestError("E103", f"after line {number}: {exc}", item=display_path(path))


def _skip_rest_of_line(stream: Any) -> None:
    while chunk := stream.readline(_READ_CHUNK):
        if chunk.endswith(b"\n"):
            return


def _parse_line(line: bytes, origin: str, first: bool) -> RecordResult:
    try:
        record = loads(line.decode("utf-8-sig" if first else "utf-8"), origin)
        return record_item(record, origin)
    except UnicodeDecodeError as exc:
        return IngestError("E108", f"not UTF-8: {exc.reason}", item=origin)
    except IngestError as err:
        return err


def loads(text: str, item: str) -> Any:
    """Parse one JSON document, refusing what would exhaust the parser.

    Args:
        text: the JSON text.
        item: the path or line, for errors.

    Returns:
        The parsed value.

    Raises:
        IngestError: E108 for malformed JSON, a number too long to convert, or nesting deeper
            than ``MAX_DEPTH``.
    """
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        raise IngestError("E108", f"nested {depth} levels deep, more than {MAX_DEPTH}",
                          item=item)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError("E108", f"{exc.msg} at line {exc.lineno} column {exc.colno}",
                          item=item) from None
    except RecursionError:
        raise IngestError("E108", f"nested more than {MAX_DEPTH} levels deep",
                          item=item) from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise IngestError("E108", str(exc).split(";")[0], item=item) from None


def iter_json(path: Path, max_bytes: int, max_json_bytes: int) -> Iterator[RecordResult]:
    """Read a JSON file holding one record, a list of records, or an object wrapping a list.

    The file is streamed (``jsonstream.JsonStream``): memory holds one record at a time.

    Args:
        path: the file (gzip-compressed or not).
        max_bytes: the longest record accepted, in characters.
        max_json_bytes: the most characters the whole file may decode to.

    Yields:
        A ``RawItem`` per good record and an ``IngestError`` per bad one; records of a list
        have origin ``path#item-<n>`` (from 1). A document that breaks off (malformed JSON,
        a record over the cap, a broken gzip stream) ends with its error after the records
        read before it.

    Raises:
        IngestError: E101 or E107 for the file as a whole.
    """
    check_size(path, sys.maxsize)  # only E107/E101: records are capped one by one
    item = display_path(path)
    try:
        with open_lines(path) as raw, io.TextIOWrapper(raw, encoding="utf-8-sig") as text:
            stream = JsonStream(text, item, max_bytes, max_json_bytes)
            for index, record in stream.records(_LIST_KEYS, URL_FIELDS):
                origin = f"{item}#item-{index}" if index else item
                if isinstance(record, IngestError):
                    record.item = origin
                    yield record
                else:
                    yield _safe_record(record, origin)
    except IngestError as err:
        yield err
    except UnicodeDecodeError as exc:
        yield IngestError("E108", f"not UTF-8: {exc.reason}", item=item)
    except GZIP_ERRORS as exc:
        yield IngestError("E103", str(exc) or type(exc).__name__, item=item)


def _safe_record(record: Any, origin: str) -> RecordResult:
    try:
        return record_item(record, origin)
    except IngestError as err:
        return err

