"""Options, results and the HTTP validator cache shared by the ingest modules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, TypeAlias

from sitrep.errors import IngestError
from sitrep.record import RawItem
from sitrep.settings import DEFAULTS, Settings


@dataclass
class IngestOptions:
    """How inputs are read and fetched; defaults are the settings' (``sitrep.settings``).

    ``max_bytes`` caps one document: a file, a fetched page, a decompressed ``.gz`` file, one
    JSONL line or one WARC record. Containers (JSONL, WARC) are streamed, so only their records
    are capped; a ``.json`` file is parsed whole and is capped by ``max_json_bytes``.
    """

    max_bytes: int = DEFAULTS.max_bytes
    timeout: float = DEFAULTS.timeout
    """Seconds allowed to connect, between two reads, and for a whole response."""
    retries: int = DEFAULTS.retries
    """Further attempts after a connect error, a timeout, HTTP 429 or a 5xx status."""
    backoff: float = 0.5
    """Seconds before the first retry; doubled for each later one."""
    per_host_delay: float = DEFAULTS.per_host_delay
    """Seconds between two requests to the same host (robots.txt included)."""
    user_agent: str = DEFAULTS.user_agent
    respect_robots: bool = DEFAULTS.respect_robots
    allow_private: bool = DEFAULTS.allow_private
    """Allow URLs that resolve to private, loopback, link-local or reserved addresses."""
    allow_hosts: frozenset[str] = DEFAULTS.allow_host_set
    """Host names (or literal addresses) exempt from the private-address guard."""
    max_redirects: int = 5
    fetch_feed_items: bool = True
    """Fetch the page each feed entry links to; when off, the entry's own content is used."""
    max_json_bytes: int = 200_000_000

    @classmethod
    def from_settings(cls, settings: Settings) -> IngestOptions:
        """The options the settings give (what ``sitrep ingest`` uses)."""
        return cls(max_bytes=settings.max_bytes, timeout=settings.timeout,
                   retries=settings.retries, per_host_delay=settings.per_host_delay,
                   user_agent=settings.user_agent, respect_robots=settings.respect_robots,
                   allow_private=settings.allow_private, allow_hosts=settings.allow_host_set)


@dataclass
class Skipped:
    """An input deliberately left out, which is not an error (e.g. HTTP 304, unknown type)."""

    origin: str
    reason: str


ItemResult: TypeAlias = RawItem | Skipped | IngestError


class HttpCache(Protocol):
    """Where HTTP validators (ETag, Last-Modified) are kept between runs, for conditional GET."""

    def get(self, url: str) -> tuple[str | None, str | None] | None:
        """Return ``(etag, last_modified)`` last stored for ``url``, or None."""
        ...

    def put(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Store the validators of a successful response for ``url``."""
        ...


@dataclass
class MemoryHttpCache:
    """An ``HttpCache`` held in a dict: for tests and for Python callers without a store."""

    entries: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def get(self, url: str) -> tuple[str | None, str | None] | None:
        """Return ``(etag, last_modified)`` for ``url``, or None when never stored."""
        return self.entries.get(url)

    def put(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Store the validators for ``url``, replacing earlier ones."""
        self.entries[url] = (etag, last_modified)
