"""Fetcher against a real HTTP server on 127.0.0.1: every fetch rule, one test each."""

from __future__ import annotations

import contextlib
import ipaddress
import itertools
import socket
import threading
import time
from dataclasses import replace

import pytest
from helpers.httpserver import LocalHttpServer, Reply, Request

from sitrep.errors import FetchError
from sitrep.ingest import Fetcher, IngestOptions, MemoryHttpCache
from sitrep.ingest.fetch import is_public_address

PAGE = b"<html><head><title>Talks</title></head><body><p>Leaders met.</p></body></html>"


def fetch_error(options: IngestOptions, url: str) -> FetchError:
    with Fetcher(options) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    return caught.value


def test_fetch_page_returns_body_headers_and_user_agent(server: LocalHttpServer,
                                                       options: IngestOptions) -> None:
    server.route("/page", Reply(body=PAGE, headers={"Content-Type": "text/html; charset=UTF-8"}))
    with Fetcher(options) as fetcher:
        result = fetcher.get(server.url("/page"))
    assert (result.status, result.content, result.charset) == (200, PAGE, "utf-8")
    assert result.content_type == "text/html" and not result.not_modified
    assert server.hits("/page")[0].headers["user-agent"] == options.user_agent


def test_fetch_private_address_refused_by_default(server: LocalHttpServer) -> None:
    server.route("/page", Reply(body=PAGE))
    err = fetch_error(IngestOptions(per_host_delay=0.0), server.url("/page"))
    assert err.code == "E120" and err.item == server.url("/page")
    assert server.requests == []


def test_fetch_redirect_to_private_address_refused(server: LocalHttpServer,
                                                   options: IngestOptions) -> None:
    # "localhost" is allowed, 127.0.0.1 is not: the guard must run again on the redirect hop.
    opts = replace(options, allow_hosts=frozenset({"localhost"}))
    server.route("/go", Reply(302, headers={"Location": server.url("/page")}))
    server.route("/page", Reply(body=PAGE))
    err = fetch_error(opts, server.url("/go", host="localhost"))
    assert err.code == "E120" and "127.0.0.1" in err.detail
    assert len(server.hits("/go")) == 1 and server.hits("/page") == []


def test_fetch_redirects_followed_to_final_url(server: LocalHttpServer,
                                               options: IngestOptions) -> None:
    server.route("/old", Reply(301, headers={"Location": "/new"}))
    server.route("/new", Reply(body=PAGE))
    with Fetcher(options) as fetcher:
        result = fetcher.get(server.url("/old"))
    assert result.url == server.url("/new") and result.content == PAGE


def test_fetch_redirect_loop_gives_e125(server: LocalHttpServer, options: IngestOptions) -> None:
    server.route("/a", Reply(302, headers={"Location": "/b"}))
    server.route("/b", Reply(302, headers={"Location": "/a"}))
    err = fetch_error(replace(options, max_redirects=3), server.url("/a"))
    assert err.code == "E125"
    assert len(server.hits("/a")) + len(server.hits("/b")) == 4


def test_fetch_robots_disallow_gives_e121(server: LocalHttpServer, options: IngestOptions) -> None:
    server.route("/robots.txt", Reply(body=b"User-agent: sitrep\nDisallow: /private/\n",
                                      headers={"Content-Type": "text/plain"}))
    server.route("/private/page", Reply(body=PAGE))
    server.route("/public", Reply(body=PAGE))
    with Fetcher(options) as fetcher:
        with pytest.raises(FetchError) as caught:
            fetcher.get(server.url("/private/page"))
        assert fetcher.get(server.url("/public")).content == PAGE
    assert caught.value.code == "E121"
    assert server.hits("/private/page") == [] and len(server.hits("/robots.txt")) == 1


def test_fetch_robots_ignored_when_not_respected(server: LocalHttpServer,
                                                 options: IngestOptions) -> None:
    server.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /\n",
                                      headers={"Content-Type": "text/plain"}))
    server.route("/page", Reply(body=PAGE))
    with Fetcher(replace(options, respect_robots=False)) as fetcher:
        assert fetcher.get(server.url("/page")).content == PAGE
    assert server.hits("/robots.txt") == []


def test_fetch_robots_server_error_disallows(server: LocalHttpServer,
                                             options: IngestOptions) -> None:
    server.route("/robots.txt", Reply(500))
    server.route("/page", Reply(body=PAGE))
    assert fetch_error(replace(options, retries=0), server.url("/page")).code == "E121"


def test_fetch_retries_503_then_succeeds(server: LocalHttpServer, options: IngestOptions) -> None:
    server.route("/flaky", [Reply(503), Reply(503, headers={"Retry-After": "0"}), Reply(body=PAGE)])
    with Fetcher(options) as fetcher:
        assert fetcher.get(server.url("/flaky")).content == PAGE
    assert len(server.hits("/flaky")) == 3


def test_fetch_retries_exhausted_gives_e123_with_status(server: LocalHttpServer,
                                                        options: IngestOptions) -> None:
    server.route("/down", Reply(503))
    err = fetch_error(replace(options, retries=1), server.url("/down"))
    assert err.code == "E123" and "503" in err.detail
    assert len(server.hits("/down")) == 2


def test_fetch_client_error_is_not_retried(server: LocalHttpServer, options: IngestOptions) -> None:
    err = fetch_error(options, server.url("/missing"))
    assert err.code == "E123" and "404" in err.detail
    assert len(server.hits("/missing")) == 1


def test_fetch_retry_after_is_honoured(server: LocalHttpServer, options: IngestOptions) -> None:
    server.route("/busy", [Reply(429, headers={"Retry-After": "1"}), Reply(body=PAGE)])
    with Fetcher(options) as fetcher:
        fetcher.get(server.url("/busy"))
    first, second = server.hits("/busy")
    assert second.time - first.time >= 0.95


def test_fetch_backoff_grows_exponentially(server: LocalHttpServer, options: IngestOptions) -> None:
    server.route("/flaky", [Reply(502), Reply(502), Reply(body=PAGE)])
    with Fetcher(replace(options, backoff=0.1)) as fetcher:
        fetcher.get(server.url("/flaky"))
    times = [r.time for r in server.hits("/flaky")]
    assert times[1] - times[0] >= 0.1 and times[2] - times[1] >= 0.2


def test_fetch_connect_error_retried_then_e122(options: IngestOptions) -> None:
    with LocalHttpServer() as closed:
        url = closed.url("/page")
    started = time.monotonic()
    err = fetch_error(replace(options, backoff=0.05, retries=2), url)
    assert err.code == "E122"
    assert time.monotonic() - started >= 0.15  # 0.05 + 0.10 of back-off: it did retry


def test_fetch_timeout_gives_e124(server: LocalHttpServer, options: IngestOptions) -> None:
    server.route("/slow", Reply(body=PAGE, delay=1.0))
    started = time.monotonic()
    err = fetch_error(replace(options, timeout=0.2, retries=0), server.url("/slow"))
    assert err.code == "E124" and time.monotonic() - started < 0.9


def test_fetch_streamed_body_over_cap_gives_e105(server: LocalHttpServer,
                                                 options: IngestOptions) -> None:
    sent: list[int] = []

    def endless() -> object:
        for _ in range(10_000):  # 640 MB if nobody stops reading
            sent.append(1)
            yield b"x" * 65536

    server.route("/big", Reply(chunks=endless))
    started = time.monotonic()
    err = fetch_error(replace(options, max_bytes=1_000_000), server.url("/big"))
    assert err.code == "E105" and time.monotonic() - started < 3
    assert len(sent) < 1000


def test_fetch_declared_length_over_cap_refused_before_body(server: LocalHttpServer,
                                                            options: IngestOptions) -> None:
    server.route("/big", Reply(body=b"x" * 200_000))
    err = fetch_error(replace(options, max_bytes=100_000), server.url("/big"))
    assert err.code == "E105" and "Content-Length" in err.detail


def test_fetch_non_html_content_type_gives_e127(server: LocalHttpServer,
                                                options: IngestOptions) -> None:
    server.route("/doc.pdf", Reply(body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"}))
    err = fetch_error(options, server.url("/doc.pdf"))
    assert err.code == "E127" and "application/pdf" in err.detail


def test_fetch_other_scheme_gives_e126(options: IngestOptions) -> None:
    assert fetch_error(options, "ftp://example.org/file.html").code == "E126"


def test_fetch_conditional_get_sends_validators_and_gets_304(server: LocalHttpServer,
                                                             options: IngestOptions) -> None:
    def page(request: Request) -> Reply:
        if request.headers.get("if-none-match") == '"v1"':
            return Reply(304, headers={})
        return Reply(body=PAGE, headers={"Content-Type": "text/html", "ETag": '"v1"',
                                         "Last-Modified": "Mon, 01 Nov 2021 10:00:00 GMT"})

    server.route("/page", page)
    cache = MemoryHttpCache()
    with Fetcher(options, cache) as fetcher:
        first = fetcher.get(server.url("/page"))
        second = fetcher.get(server.url("/page"))
    assert not first.not_modified and second.not_modified and second.content == b""
    assert cache.get(server.url("/page")) == ('"v1"', "Mon, 01 Nov 2021 10:00:00 GMT")
    seen = server.hits("/page")[1].headers
    assert seen["if-none-match"] == '"v1"'
    assert seen["if-modified-since"] == "Mon, 01 Nov 2021 10:00:00 GMT"


def test_fetch_per_host_delay_spaces_requests(server: LocalHttpServer,
                                              options: IngestOptions) -> None:
    server.route("/a", Reply(body=PAGE))
    server.route("/b", Reply(body=PAGE))
    with Fetcher(replace(options, per_host_delay=0.3)) as fetcher:
        fetcher.get(server.url("/a"))
        fetcher.get(server.url("/b"))
    times = sorted(r.time for r in server.requests)  # robots.txt, /a, /b
    assert len(times) == 3
    assert all(later - earlier >= 0.28 for earlier, later in itertools.pairwise(times))


@pytest.mark.parametrize("address, public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.1", False), ("169.254.169.254", False),
    ("224.0.0.1", False), ("0.0.0.0", False), ("::1", False), ("fe80::1", False),
    ("::ffff:127.0.0.1", False), ("100.64.0.1", False), ("8.8.8.8", True),
    ("2606:4700:4700::1111", True),
])
def test_fetch_is_public_address_classifies(address: str, public: bool) -> None:
    assert is_public_address(ipaddress.ip_address(address)) is public


class TrickleServer:
    """A raw TCP server on 127.0.0.1 that sends its status line and headers a byte at a time."""

    def __init__(self, gap: float, total: bytes) -> None:
        self.gap, self.total = gap, total
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.sent = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> TrickleServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.sock.close()

    def _serve(self) -> None:
        with contextlib.suppress(OSError):
            conn, _ = self.sock.accept()
            with conn:
                conn.recv(65536)
                for byte in self.total:
                    conn.sendall(bytes([byte]))
                    self.sent += 1
                    time.sleep(self.gap)


def test_fetch_headers_trickled_byte_by_byte_hit_the_overall_deadline(
        options: IngestOptions) -> None:
    # Each byte comes well within the read timeout; only a deadline for the whole exchange
    # ends it (this server would take 100 s to finish its headers).
    head = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 2000
    with TrickleServer(gap=0.05, total=head) as slow:
        opts = replace(options, timeout=0.6, retries=0, respect_robots=False)
        started = time.monotonic()
        err = fetch_error(opts, f"http://127.0.0.1:{slow.port}/page")
        elapsed = time.monotonic() - started
    assert err.code == "E124" and elapsed < 2.0
    assert 3 <= slow.sent < 40


def test_fetch_connects_only_to_the_address_it_checked(server: LocalHttpServer,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # DNS rebinding: the name answers a public address first, then 127.0.0.1. The guard and
    # the connection must use one answer, so the local server is never reached.
    server.route("/page", Reply(body=PAGE))
    real = socket.getaddrinfo
    answers = itertools.chain(["93.184.215.14"],
                              itertools.repeat("127.0.0.1"))

    def rebinding(host: object, port: object, *args: object, **kwargs: object) -> object:
        if host != "rebind.test":
            return real(host, port, *args, **kwargs)  # type: ignore[arg-type]
        return real(next(answers), port, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    opts = IngestOptions(per_host_delay=0.0, timeout=0.5, retries=0, respect_robots=False)
    err = fetch_error(opts, f"http://rebind.test:{server.port}/page")
    assert err.code in ("E120", "E122", "E124")
    assert server.requests == []


def test_fetch_redirect_to_file_url_gives_e126(server: LocalHttpServer,
                                               options: IngestOptions) -> None:
    server.route("/go", Reply(302, headers={"Location": "file:///etc/passwd"}))
    err = fetch_error(options, server.url("/go"))
    assert err.code == "E126" and "file" in err.detail


@pytest.mark.parametrize("url", ["http://[x/", "http://127.0.0.1:99999/", "http://a:b/"])
def test_fetch_malformed_url_gives_e122(options: IngestOptions, url: str) -> None:
    assert fetch_error(options, url).code == "E122"
