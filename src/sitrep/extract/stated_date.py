"""The publication time a page states about itself, read as the publisher's calendar day.

htmldate finds a page's date in its markup but keeps the calendar day a timestamp has in the
zone it is written in: ``2020-08-25T00:23:33Z`` on a Montreal site is read as 25 August,
though the publisher's readers saw 24 August. Here the same markup is read with the time and
zone kept:

    1. candidates, most authoritative first (``data/dates/markup.yaml``): JSON-LD
       ``datePublished`` of the article object (not of a video or an image), the
       ``article:published_time`` family of meta tags, microdata ``itemprop=datePublished``,
       ``<time pubdate>``; the first that parses wins;
    2. a candidate is parsed with its time and zone where it has them: ISO 8601 (also the
       loose forms CMSs write: ``2020-12-05T23:15:0Z``, ``20200316T13:00:00Z``), epoch
       seconds, RFC 2822 and written English dates (``Tue, Sep 15 2020 10:01:41 EDT``);
    3. a timestamp in UTC is moved to the publisher's zone: the UTC offset the page writes
       most often in its other timestamps, else the zone of its country-code domain; one
       written with its own offset, or with none, keeps its written day.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sitrep.data import read_yaml
from lxml.html import HtmlElement

_ISO = re.compile(
    r"\s*(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:\s*T?\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,]\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5}\b)?"
)
_EPOCH = re.compile(r"\s*(\d{10}|\d{13})\s*$")
_HAS_MONTH_NAME = re.compile(r"[A-Za-z]{3}")
# "Tue, Sep 15 2020 10:01:41 EDT", "15 September 2020, 10:01 am", "Sep. 15, 2020"
_WORDS = re.compile(
    r"\s*(?:[A-Za-z]{3,9}\.?,?\s+)?"
    r"(?:(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2}),?|(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]{3,9})\.?,?)"
    r"\s+(?P<y>\d{4})"
    r"(?:,?\s+(?:at\s+)?(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ap>[AaPp]\.?[Mm]\.?)?)?"
    r"\s*(?P<z>[A-Z]{2,5}\b|[+-]\d{2}:?\d{2})?")
_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
# Offsets written in timestamps anywhere in the page: ISO 8601 and RFC 2822 shapes.
_OFFSET_IN_PAGE = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s?([+-]\d{2}:?\d{2})\b"
    r"|\d{1,2}:\d{2}:\d{2} ([+-]\d{4})\b"
)
_MAX_JSONLD_CHARS = 1_000_000
_MAX_JSONLD_DEPTH = 12
_SCAN_CHARS = 2_000_000


@dataclass(frozen=True)
class StatedDate:
    """The page's own publication date, as its publisher's readers saw it."""

    day: date
    source: str
    """Which markup said it (``json-ld:NewsArticle``, ``meta:article:published_time``...)."""
    written: str
    """The value as written in the page."""


@lru_cache(maxsize=1)
def _markup() -> dict[str, Any]:
    text = resources.files("sitrep.data").joinpath("dates/markup.yaml").read_text("utf-8")
    data: dict[str, Any] = read_yaml(text)
    return data


@lru_cache(maxsize=1)
def _country_zones() -> dict[str, str]:
    text = resources.files("sitrep.data").joinpath("dates/country_zones.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {country.lower(): zone for country, zone in rows}


def stated_date(tree: HtmlElement, url: str | None = None) -> StatedDate | None:
    """The publication date the page's markup states, in the publisher's zone.

    Args:
        tree: the parsed page.
        url: the page URL; its country-code domain locates the publisher when the page
            writes no UTC offset of its own.

    Returns:
        The date with the markup it came from, or None when the markup states none that
        parses.
    """
    for source, written in _candidates(tree):
        stamp = parse_timestamp(written)
        if stamp is None:
            continue
        day = _local_day(stamp, lambda: publisher_zone(tree, url))
        return StatedDate(day, source, written.strip())
    return None


def parse_timestamp(text: str) -> datetime | date | None:
    """A written date or timestamp, with its zone when it states one.

    Args:
        text: the value as found in the markup.

    Returns:
        An aware ``datetime`` when a zone is written, a naive one when only a time is, a
        ``date`` when only the day is; None when the text is not a date.
    """
    if not text or len(text) > 100:
        return None
    if match := _EPOCH.match(text):
        seconds = int(match.group(1)) / (1000 if len(match.group(1)) == 13 else 1)
        return datetime.fromtimestamp(seconds, UTC)
    if match := _ISO.match(text):
        return _from_iso(match)
    if _HAS_MONTH_NAME.search(text):
        return _from_words(text)
    return None


def _from_iso(match: re.Match[str]) -> datetime | date | None:
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        if hour is None:
            return date(int(year), int(month), int(day))
        stamp = datetime(int(year), int(month), int(day), int(hour), int(minute),
                         int(second or 0))
    except ValueError:
        return None
    offset = _offset(zone) if zone else None
    return stamp.replace(tzinfo=offset) if offset is not None else stamp


def _from_words(text: str) -> datetime | date | None:
    """English written dates (``Tue, Sep 15 2020 10:01:41 EDT``), RFC 2822 among them."""
    match = _WORDS.match(text)
    if match is None:
        with contextlib.suppress(TypeError, ValueError, IndexError, OverflowError):
            return parsedate_to_datetime(text)
        return None
    month = _MONTHS.get((match["m1"] or match["m2"] or "")[:3].lower())
    if month is None:
        return None
    try:
        day = date(int(match["y"]), month, int(match["d1"] or match["d2"]))
        if match["h"] is None:
            return day
        hour = int(match["h"])
        if match["ap"]:
            hour = hour % 12 + (12 if match["ap"][0] in "pP" else 0)
        stamp = datetime(day.year, day.month, day.day, hour, int(match["mi"]),
                         int(match["s"] or 0))
    except ValueError:
        return None
    offset = _offset(match["z"]) if match["z"] else None
    return stamp.replace(tzinfo=offset) if offset is not None else stamp


def _offset(zone: str) -> tzinfo | None:
    """``Z``, ``+02:00``, ``-0400``, ``+03`` or a known abbreviation as a fixed offset."""
    abbreviations = _markup()["zone_abbreviations"]
    if zone in abbreviations:
        return timezone(timedelta(hours=abbreviations[zone]))
    if zone[0] not in "+-":
        return None
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14 or minutes > 59:
        return None
    sign = -1 if zone[0] == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _local_day(stamp: datetime | date, zone: Any) -> date:
    """The calendar day of a timestamp for the publisher; ``zone`` is called only if needed."""
    if not isinstance(stamp, datetime):
        return stamp
    offset = stamp.utcoffset()
    if offset is None or offset != timedelta(0):
        return stamp.date()
    where = zone()
    return stamp.astimezone(where).date() if where is not None else stamp.date()


def publisher_zone(tree: HtmlElement, url: str | None) -> tzinfo | None:
    """Where the publisher is, in time: the offset its page writes most, else its domain's.

    Args:
        tree: the parsed page.
        url: the page URL.

    Returns:
        A fixed offset, an IANA zone, or None when nothing says.
    """
    offsets: Counter[str] = Counter()
    for match in _OFFSET_IN_PAGE.finditer(_timestamp_text(tree)):
        written = match.group(1) or match.group(2)
        if written.replace(":", "").lstrip("+-") != "0000":
            offsets[written.replace(":", "")] += 1
    if offsets:
        return _offset(offsets.most_common(1)[0][0])
    return _domain_zone(url)


def _timestamp_text(tree: HtmlElement) -> str:
    """Scripts and attribute values: where pages keep machine-readable timestamps."""
    parts = [str(t) for t in tree.xpath("//script/text()")]
    parts += [str(v) for v in tree.xpath("//@content | //@datetime")]
    return "\n".join(parts)[:_SCAN_CHARS]


def _domain_zone(url: str | None) -> tzinfo | None:
    host = (urlsplit(url).hostname or "") if url else ""
    suffix = host.rsplit(".", 1)[-1].lower()
    suffix = "gb" if suffix == "uk" else suffix
    if len(suffix) != 2 or suffix in _markup()["vanity_domains"]:
        return None
    name = _country_zones().get(suffix)
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:
        return None


def _candidates(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    """``(source, written value)`` pairs, most authoritative first."""
    yield from _jsonld_candidates(tree)
    wanted = _markup()["meta_keys"]
    found: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in wanted and key not in found:
            found[key] = meta.get("content") or ""
    for key in wanted:
        if key in found:
            yield f"meta:{key}", found[key]
    for element in tree.xpath('//*[@itemprop="datePublished"][not(self::meta)]'):
        value = element.get("datetime") or element.get("content") or element.text_content()
        yield "microdata:datePublished", value or ""
    for element in tree.xpath("//time[@pubdate][@datetime]"):
        yield "time:pubdate", element.get("datetime") or ""


def _jsonld_candidates(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    types = set(_markup()["article_types"])
    keys = _markup()["jsonld_keys"]
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        if len(script) > _MAX_JSONLD_CHARS:
            continue
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        for obj in _objects(data, 0):
            kinds = obj.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            article = next((k for k in kinds if isinstance(k, str) and k in types), None)
            if article is None:
                continue
            for key in keys:
                if isinstance(obj.get(key), str):
                    yield f"json-ld:{article}", obj[key]
                    break


def _objects(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD document, outer ones first, to a bounded depth."""
    if depth > _MAX_JSONLD_DEPTH:
        return
    if isinstance(data, dict):
        yield data
        children = [v for v in data.values() if isinstance(v, dict | list)]
    elif isinstance(data, list):
        children = data
    else:
        return
    for child in children:
        yield from _objects(child, depth + 1)
