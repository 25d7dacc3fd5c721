"""Fetching pages and feeds over HTTP, politely and safely.

``Fetcher.get`` runs every request through the same steps:

1. the scheme must be http or https (E126);
2. the host must not resolve to a private, loopback, link-local, reserved or multicast address
   (E120), unless the caller allows private addresses or names the host in ``allow_hosts``;
   the check runs where the socket is opened, on the very addresses connected to
   (``network.GuardedBackend``), so DNS rebinding cannot slip past it;
3. robots.txt, fetched once per host, must allow our user agent (E121);
4. requests to one host are spaced by ``per_host_delay``;
5. the request carries the validators of the last good response (conditional GET), and
   connect errors, timeouts, 429 and 5xx are retried with exponential back-off, honouring
   ``Retry-After`` up to a cap;
6. a redirect is followed by hand, so that steps 1-3 run again on every hop (E125 past
   ``max_redirects``);
7. a content type other than HTML, text or a feed is refused before its body is read (E127),
   and the body is streamed under the size cap (E105);
8. each attempt (connect, TLS, request, headers and body together) must end within
   ``timeout`` seconds (E124), however slowly the server trickles bytes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Self
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from sitrep.errors import FetchError
from sitrep.ingest.formats import ACCEPT_HEADER, ACCEPTED_TYPES, TEXT_TYPES
from sitrep.ingest.network import AddressRefused, Deadline, GuardedBackend, is_public_address
from sitrep.ingest.options import HttpCache, IngestOptions
from sitrep.record import RawItem, RawKind

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_RETRY_AFTER = 30.0
"""Longest wait a server's Retry-After may impose before a retry, in seconds."""
ROBOTS_MAX_BYTES = 512_000
"""RFC 9309 asks crawlers to read at least 500 KiB of robots.txt."""
ROBOTS_MAX_REDIRECTS = 5
DISALLOW_ALL = ["User-agent: *", "Disallow: /"]
__all__ = ["FetchResult", "Fetcher", "is_public_address", "media_type", "page_item"]


@dataclass
class FetchResult:
    """One HTTP response after redirects."""

    url: str
    """The URL after redirects."""
    status: int
    content: bytes
    headers: dict[str, str] = field(default_factory=dict)
    """Response headers, names in lower case."""
    not_modified: bool = False
    """True for HTTP 304: the validators sent still match, and ``content`` is empty."""
    fetched_at: datetime | None = None

    @property
    def content_type(self) -> str:
        """The media type without parameters, in lower case ("" when absent)."""
        return media_type(self.headers.get("content-type"))

    @property
    def charset(self) -> str | None:
        """The charset parameter of the Content-Type header, if any."""
        for param in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset" and value.strip(" \"'"):
                return value.strip(" \"'").lower()
        return None


def page_item(response: FetchResult, origin: str) -> RawItem:
    """The item for a fetched page: ``text`` for a plain-text response, ``html`` otherwise.

    Args:
        response: a successful fetch.
        origin: the URL the user or the feed gave.

    Returns:
        The item, carrying the transport charset and the validators.
    """
    kind: RawKind = "text" if response.content_type in TEXT_TYPES else "html"
    return RawItem(origin=origin, url=response.url, kind=kind, content=response.content,
                   encoding=response.charset, fetched_at=response.fetched_at,
                   etag=response.headers.get("etag"),
                   last_modified=response.headers.get("last-modified"))


def media_type(content_type: str | None) -> str:
    """``text/html; charset=utf-8`` -> ``text/html``."""
    return (content_type or "").split(";")[0].strip().lower()


class Fetcher:
    """An HTTP client that applies sitrep's fetch rules to every request.

    Args:
        options: limits, politeness and safety settings.
        http_cache: where validators are read from and written to, for conditional GET.
    """

    def __init__(self, options: IngestOptions, http_cache: HttpCache | None = None) -> None:
        self.options = options
        self.http_cache = http_cache
        self._allowed_hosts = frozenset(h.lower().strip("[]") for h in options.allow_hosts)
        self._deadline = Deadline()
        backend = GuardedBackend(options.allow_private, self._allowed_hosts, self._deadline)
        # trust_env=False: an environment proxy would connect to hosts the address guard
        # never saw, and would make runs depend on the shell they start from.
        self._client = httpx.Client(
            transport=_GuardedTransport(backend),
            timeout=options.timeout,
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": options.user_agent, "Accept": ACCEPT_HEADER,
                     "Accept-Encoding": "gzip, deflate"},
        )
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser] = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def get(self, url: str) -> FetchResult:
        """Fetch a page or feed, applying every fetch rule (see the module docstring).

        Args:
            url: an http or https URL.

        Returns:
            The response after redirects; ``not_modified`` is True for HTTP 304.

        Raises:
            FetchError: E120, E121, E122, E123 (with the status), E124, E125, E126, E127 or
                E105, with ``item`` set to ``url``.
        """
        current = url
        for _ in range(self.options.max_redirects + 1):
            self._check_url(current, item=url)
            if self.options.respect_robots and not self._robots_allow(current):
                raise FetchError("E121", _at(current, url, "disallowed for our user agent"),
                                 item=url)
            response = self._exchange(current, url, self.options.max_bytes, ACCEPTED_TYPES,
                                      conditional=True)
            location = response.headers.get("location")
            if response.status in REDIRECT_STATUSES and location:
                current = urljoin(current, location)
                continue
            return self._finish(response, url)
        raise FetchError("E125", f"more than {self.options.max_redirects}, last {current}",
                         item=url)

    def _finish(self, response: FetchResult, item: str) -> FetchResult:
        """Turn a final response into the result: 304, an HTTP error, or a 2xx to remember."""
        if response.status == 304:
            return replace(response, not_modified=True)
        if not 200 <= response.status < 300:
            raise FetchError("E123", _at(response.url, item, f"HTTP {response.status}"),
                             item=item)
        etag, modified = response.headers.get("etag"), response.headers.get("last-modified")
        if self.http_cache is not None and (etag or modified):
            self.http_cache.put(response.url, etag, modified)
        return response

    def _check_url(self, url: str, item: str) -> None:
        """Refuse a URL whose scheme is not HTTP or that names no valid host and port.

        Addresses are checked where the connection is made (``network.GuardedBackend``).
        """
        try:
            parts = urlsplit(url)
            host, _ = parts.hostname, parts.port
        except ValueError as exc:
            raise FetchError("E122", _at(url, item, f"invalid URL: {exc}"), item=item) from None
        if parts.scheme.lower() not in ("http", "https"):
            raise FetchError("E126", _at(url, item, f"scheme {parts.scheme or '(none)'!r}"),
                             item=item)
        if not host:
            raise FetchError("E122", _at(url, item, "the URL has no host"), item=item)

    def _robots_allow(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets our user agent fetch it."""
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self._robots:
            self._robots[base] = self._load_robots(base)
        return self._robots[base].can_fetch(self.options.user_agent, url)

    def _load_robots(self, base: str) -> RobotFileParser:
        """Fetch and parse robots.txt, reading its status the way RFC 9309 says.

        2xx: the rules apply; other 4xx (404 included): everything is allowed; 5xx: nothing is
        allowed. When robots.txt cannot be fetched at all (connection refused, a redirect to a
        private address...), everything is allowed: the page fetch then reports the real error.
        """
        parser = RobotFileParser(base + "/robots.txt")
        try:
            response = self._fetch_robots(base + "/robots.txt")
        except FetchError:
            response = None
        if response is not None and 200 <= response.status < 300:
            parser.parse(response.content.decode("utf-8", errors="replace").splitlines())
        elif response is not None and response.status >= 500:
            parser.parse(DISALLOW_ALL)
        else:
            parser.parse([])  # no rules: everything is allowed
        return parser

    def _fetch_robots(self, url: str) -> FetchResult:
        current = url
        for _ in range(ROBOTS_MAX_REDIRECTS + 1):
            self._check_url(current, item=url)
            response = self._exchange(current, url, ROBOTS_MAX_BYTES, None, conditional=False)
            location = response.headers.get("location")
            if response.status not in REDIRECT_STATUSES or not location:
                return response
            current = urljoin(current, location)
        raise FetchError("E125", "robots.txt redirects too often", item=url)

    def _validators(self, url: str) -> dict[str, str]:
        """Conditional-GET headers from the validators stored for ``url``."""
        cached = self.http_cache.get(url) if self.http_cache is not None else None
        if not cached:
            return {}
        etag, modified = cached
        headers = {"If-None-Match": etag} if etag else {}
        if modified:
            headers["If-Modified-Since"] = modified
        return headers

    def _exchange(self, url: str, item: str, cap: int, accept: frozenset[str] | None,
                  conditional: bool) -> FetchResult:
        """One request, retried on connect errors, timeouts, 429 and 5xx."""
        headers = self._validators(url) if conditional else {}
        retries = self.options.retries
        for attempt in range(retries + 1):
            last = attempt == retries
            self._wait_for_host(url)
            self._deadline.at = time.monotonic() + self.options.timeout
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    status = response.status_code
                    if last or not (status == 429 or status >= 500):
                        return self._read(response, url, item, cap, accept)
                    delay = _retry_delay(self.options.backoff, attempt, response.headers)
            except httpx.TimeoutException as exc:
                if last:
                    raise FetchError("E124", _at(url, item, _describe(exc)), item=item) from None
                delay = self.options.backoff * 2.0**attempt
            except httpx.ConnectError as exc:
                if last:
                    raise FetchError("E122", _at(url, item, _describe(exc)), item=item) from None
                delay = self.options.backoff * 2.0**attempt
            except httpx.HTTPError as exc:
                raise FetchError("E122", _at(url, item, _describe(exc)), item=item) from None
            except AddressRefused as exc:
                raise FetchError("E120" if exc.refused else "E122", _at(url, item, exc.detail),
                                 item=item) from None
            finally:
                self._deadline.at = None
                self._mark_host(url)
            time.sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _read(self, response: httpx.Response, url: str, item: str, cap: int,
              accept: frozenset[str] | None) -> FetchResult:
        """Read a response body under the type, size and time limits."""
        headers = {name.lower(): value for name, value in response.headers.items()}
        result = FetchResult(url=url, status=response.status_code, content=b"", headers=headers,
                             fetched_at=datetime.now(UTC))
        if not 200 <= response.status_code < 300:
            return result
        kind = media_type(headers.get("content-type"))
        if accept is not None and kind and kind not in accept:
            raise FetchError("E127", _at(url, item, f"content type {kind}"), item=item)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError("E105", _at(url, item, f"Content-Length {declared} > cap of {cap}"),
                             item=item)
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > cap:
                raise FetchError("E105", _at(url, item, f"body exceeds cap of {cap} bytes"),
                                 item=item)
        return replace(result, content=bytes(body))

    def _wait_for_host(self, url: str) -> None:
        """Sleep until ``per_host_delay`` has passed since the last request to this host."""
        last = self._last_request.get(urlsplit(url).hostname or "")
        if last is not None:
            remaining = self.options.per_host_delay - (time.monotonic() - last)
            if remaining > 0:
                time.sleep(remaining)

    def _mark_host(self, url: str) -> None:
        # Measured from the end of a request, so a slow response does not eat into the gap.
        self._last_request[urlsplit(url).hostname or ""] = time.monotonic()


def _retry_delay(backoff: float, attempt: int, headers: httpx.Headers) -> float:
    """Seconds to wait before the next attempt: Retry-After when given (capped), else back-off."""
    value = headers.get("retry-after", "").strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    if value:
        try:
            wait = (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds()
            return min(max(wait, 0.0), MAX_RETRY_AFTER)
        except (TypeError, ValueError):
            pass
    return backoff * 2.0**attempt


def _describe(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _at(url: str, item: str, detail: str) -> str:
    """Mention the hop URL in a detail when it differs from the URL asked for."""
    return detail if url == item else f"{detail}, at {url}"


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool whose sockets go through ``GuardedBackend``."""

    def __init__(self, backend: GuardedBackend) -> None:
        super().__init__()
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(),
                                             network_backend=backend)
