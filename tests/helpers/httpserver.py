"""A real HTTP server on 127.0.0.1 for tests: canned or computed replies, and a request log.

    with LocalHttpServer() as server:
        server.route("/page", Reply(body=b"<html>...</html>"))
        server.route("/flaky", [Reply(503), Reply(body=b"ok")])   # one reply per request
        server.route("/feed", lambda request: Reply(body=make_feed()))
        fetch(server.url("/page"))
        assert server.hits("/page")[0].headers["user-agent"].startswith("sitrep")

Unrouted paths answer 404. Each response closes its connection (HTTP/1.0), so a streamed body
needs no Content-Length.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self


@dataclass
class Reply:
    """What the server answers to one request."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    chunks: Callable[[], Iterable[bytes]] | None = None
    """Body streamed chunk by chunk without Content-Length (instead of ``body``)."""
    delay: float = 0.0
    """Seconds to wait before answering."""


@dataclass
class Request:
    """One request as the server saw it."""

    method: str
    path: str
    headers: dict[str, str]
    """Header names in lower case."""
    time: float
    """``time.monotonic()`` when the request arrived."""


Route = Reply | list[Reply] | Callable[[Request], Reply]


class LocalHttpServer:
    """A ``ThreadingHTTPServer`` on 127.0.0.1 and a free port, run in a daemon thread."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        # A short poll interval keeps shutdown (once per test) from costing half a second.
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,),
                                        daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        """The URL of ``path`` on this server, through ``host`` (e.g. ``localhost``)."""
        return f"http://{host}:{self.port}{path}"

    def route(self, path: str, route: Route) -> None:
        """Answer requests for ``path`` (query string included, if any) with ``route``.

        A list of replies is served one per request, the last one repeating.
        """
        self.routes[path] = list(route) if isinstance(route, list) else route

    def hits(self, path: str) -> list[Request]:
        """The requests received for ``path``, in order."""
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def reply_for(self, request: Request) -> Reply:
        with self._lock:
            self.requests.append(request)
            route = self.routes.get(request.path)
            if isinstance(route, list):
                return route.pop(0) if len(route) > 1 else route[0]
        if route is None:
            return Reply(404, b"not found", {"Content-Type": "text/plain"})
        return route if isinstance(route, Reply) else route(request)


def _handler_for(server: LocalHttpServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            request = Request("GET", self.path, {k.lower(): v for k, v in self.headers.items()},
                              time.monotonic())
            reply = server.reply_for(request)
            if reply.delay:
                time.sleep(reply.delay)
            # The client may hang up on purpose (size cap, timeout).
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._send(reply)

        def _send(self, reply: Reply) -> None:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.chunks is None:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if reply.chunks is None:
                self.wfile.write(reply.body)
                return
            for chunk in reply.chunks():
                self.wfile.write(chunk)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler
