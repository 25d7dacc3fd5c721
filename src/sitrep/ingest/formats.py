"""What ingest recognises: file extensions, content types, record field names, date formats.

Kept as data so that supporting one more extension or date layout is a one-line change.
"""

from __future__ import annotations

from typing import Literal

InputKind = Literal["html", "text", "json", "jsonl", "warc", "feed"]

# Longest suffixes first: ``page.html.gz`` must match ``.html.gz`` before ``.gz`` is considered.
EXTENSIONS: dict[str, InputKind] = {
    ".html.gz": "html",
    ".htm.gz": "html",
    ".jsonl.gz": "jsonl",
    ".warc.gz": "warc",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".md": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}

GZIP_MAGIC = b"\x1f\x8b"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown"})
FEED_TYPES = frozenset({
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    "application/x-rss+xml",
})
ACCEPTED_TYPES = HTML_TYPES | TEXT_TYPES | FEED_TYPES
"""Content types a fetch may return; anything else is refused with E127 before its body is read."""

ACCEPT_HEADER = (
    "text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.8,"
    "application/atom+xml;q=0.8,application/xml;q=0.7,text/plain;q=0.5"
)

FEED_ROOTS = ("<rss", "<feed", "<rdf:rdf")
"""Root elements that mark an XML document as a feed (compared in lower case)."""

# Record fields, in order of preference. The first present, non-empty one wins.
URL_FIELDS = ("url", "link", "href", "uri")
TEXT_FIELDS = ("text", "body", "content", "article")
HTML_FIELDS = ("html", "raw_html")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "published_at", "datePublished", "pubdate", "pub_date")
AUTHOR_FIELDS = ("authors", "author", "byline")
SITE_FIELDS = ("site", "site_name", "sitename")
LANGUAGE_FIELDS = ("language", "lang")

# Common non-ISO date layouts met in exported corpora, tried after ISO 8601 and RFC 2822.
# Day-first and month-first numeric layouts are ambiguous; US month-first is tried first
# because most English-language exports use it.
DATE_FORMATS = (
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%A, %B %d, %Y",
    "%a, %d %b %Y",
    "%m/%d/%Y",
    "%d.%m.%Y",
    "%d-%m-%Y",
)
