"""RSS and Atom feeds: each entry's link is fetched and becomes an ``html`` item.

A feed is checked for entity declarations before any parser sees it: an internal DTD
subset with ``<!ENTITY`` is how billion-laughs and XXE attacks start, and no real feed needs
one, so such a document is refused outright (E111) instead of being parsed with limits.

A feed is written by someone else: an entry whose link is not http(s) (``file:``,
``javascript:``, ``data:``) is refused with E126, whether entries are fetched or not, so that
no feed can make sitrep read a local file or store an article under a local file's URL.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import re
import time
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import feedparser

from sitrep.errors import FetchError, IngestError
from sitrep.ingest.fetch import Fetcher, FetchResult, page_item
from sitrep.ingest.files import head_text
from sitrep.ingest.options import ItemResult, Skipped
from sitrep.ingest.json_records import parse_date
from sitrep.record import RawItem
from sitrep.safety import in_date_range

_CDATA = re.compile(r"<!\[CDATA\[.*?\]\]>", re.DOTALL)
_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)
_BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
"""Flags feedparser raises for well-formed feeds with a wrong label, not broken XML."""
_CHARREF = re.compile(rb"&#([xX][0-9a-fA-F]{1,12}|[0-9]{1,12});")
"""Numeric character references; those naming no allowed character crash feedparser."""
_DECLARED = re.compile(r"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


def check_entities(content: bytes, item: str) -> None:
    """Refuse a document that declares XML entities.

    The bytes are scanned as Latin-1 (or UTF-16/32 when they say so), and again in the
    encoding the XML declaration names, since the feed parser converts to that encoding before
    parsing: a declaration spelled in UTF-7 must not slip through. CDATA sections are left out,
    so an article quoting ``<!ENTITY`` is not refused.

    Args:
        content: the document bytes.
        item: the path or URL, for the error.

    Raises:
        IngestError: E111 when an entity declaration is found.
    """
    views = [head_text(content, len(content))]
    declared = _DECLARED.search(views[0][:512])
    if declared:
        with contextlib.suppress(LookupError):  # an unknown codec: the feed parser fails too
            views.append(content.decode(codecs.lookup(declared.group(1)).name, errors="replace"))
    for text in views:
        if _ENTITY.search(_CDATA.sub("", text)):
            raise IngestError("E111", "the document declares XML entities", item=item)


def parse_feed(content: bytes, item: str, base_url: str | None = None) -> Any:
    """Parse a feed after the entity check.

    Args:
        content: the feed bytes.
        item: the path or URL, for errors.
        base_url: where the feed was fetched from, to resolve relative entry links.

    Returns:
        The ``feedparser`` result.

    Raises:
        IngestError: E111 for entity declarations, E110 when the XML is malformed and yields
            no entries.
    """
    check_entities(content, item)
    # Without a content type feedparser flags every stream as suspect; the type is known here.
    headers = {"content-type": "application/xml"}
    if base_url:
        headers["content-location"] = base_url
    content = _CHARREF.sub(_valid_charref, content)
    try:
        parsed = feedparser.parse(io.BytesIO(content), response_headers=headers)
    except (ValueError, LookupError, RecursionError, MemoryError) as exc:
        # feedparser's own bugs on hostile bytes (odd encodings, deep nesting) end here.
        raise IngestError("E110", f"the feed parser failed: {type(exc).__name__}: {exc}",
                          item=item) from None
    reason = parsed.get("bozo_exception")
    if not parsed.entries and parsed.get("bozo") and not isinstance(reason, _BENIGN):
        raise IngestError("E110", str(reason) if reason else "no entries", item=item)
    return parsed


def _valid_charref(match: re.Match[bytes]) -> bytes:
    """A character reference, or U+FFFD's when it names no character XML allows."""
    digits = match.group(1)
    try:
        code = int(digits[1:], 16) if digits[:1] in (b"x", b"X") else int(digits)
    except ValueError:
        return b"&#xFFFD;"
    allowed = code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0x10FFFF
    return match.group(0) if allowed and code not in (0xFFFE, 0xFFFF) else b"&#xFFFD;"


def feed_items(parsed: Any, item: str, fetcher: Fetcher | None,
               fetch_entries: bool) -> Iterator[ItemResult]:
    """Yield one result per feed entry.

    Args:
        parsed: the ``feedparser`` result.
        item: the feed's path or URL, kept in each item's ``extra["feed"]``.
        fetcher: fetches each entry's link when ``fetch_entries`` is on.
        fetch_entries: fetch the linked page; when off, the entry's own content is used.

    Yields:
        An ``html`` ``RawItem`` per entry, with the feed's title, date and authors as hints;
        ``Skipped`` for a page not modified since the last poll or an entry with nothing to
        read; the ``FetchError`` of an entry whose page cannot be fetched.
    """
    if not parsed.entries:
        yield Skipped(item, "feed has no entries")
        return
    feed_title = parsed.feed.get("title")
    for index, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip()
        origin = link or f"{item}#entry-{index}"
        if link and _scheme(link) not in ("http", "https"):
            yield FetchError("E126", f"feed entry {index} links to a "
                             f"{_scheme(link) or 'relative or malformed'} URL", item=origin)
            continue
        if fetch_entries and fetcher is not None:
            result = _fetch_entry(fetcher, link, origin)
        else:
            result = _entry_content(entry, link, origin)
        if isinstance(result, RawItem):
            _add_hints(result, entry, item, feed_title)
        yield result


def _scheme(url: str) -> str:
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:
        return ""


def _fetch_entry(fetcher: Fetcher, link: str, origin: str) -> ItemResult:
    if not link:
        return Skipped(origin, "feed entry has no link")
    try:
        response: FetchResult = fetcher.get(link)
    except FetchError as err:
        return err
    if response.not_modified:
        return Skipped(link, "not modified")
    return page_item(response, origin)


def _entry_content(entry: Any, link: str, origin: str) -> ItemResult:
    """The entry's own HTML (full content, else summary), for feeds read without fetching."""
    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else entry.get("summary")
    if not html or not html.strip():
        return Skipped(origin, "entry links are not fetched and the entry has no content")
    return RawItem(origin=origin, url=link or origin, kind="html", content=html.encode("utf-8"),
                   encoding="utf-8")


def _add_hints(item: RawItem, entry: Any, feed: str, feed_title: str | None) -> None:
    """Copy what the feed says about an entry onto its item, for extract to weigh."""
    item.title = item.title or (entry.get("title") or "").strip() or None
    published = _entry_date(entry)
    if published and item.published is None:
        item.published, item.published_source = published, "record"
    names = [a.get("name", "").strip() for a in entry.get("authors") or [] if a.get("name")]
    item.authors = item.authors or [n for n in names if n]
    item.extra["feed"] = feed
    if feed_title:
        item.extra["feed_title"] = feed_title.strip()


def _entry_date(entry: Any) -> date | None:
    """The entry's day as the publisher wrote it.

    feedparser's ``*_parsed`` stamps are converted to UTC, which moves a late-evening date in
    Asia or an early-morning one in the Americas to another day; the raw string keeps the
    publisher's own day, so it is read first.
    """
    for name in ("published", "updated"):
        if (day := parse_date(entry.get(name))) is not None:
            return day
    stamp: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        day = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
    except ValueError:
        return None
    return day if in_date_range(day) else None
