"""A feed served on 127.0.0.1, ingested twice through the CLI with the store as HTTP cache:
the second poll sends the validators back and gets 304s, so nothing is fetched or written
again."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from helpers.httpserver import LocalHttpServer, Reply, Request
from sitrep.cli.main import app

PAGE = """<html><head><title>{title}</title><meta name="date" content="2022-01-1{n}"></head>
<body><article><h1>{title}</h1><p>{body}</p><p>Officials said the talks would resume after the
holidays, and both sides described the exchange as frank and useful.</p></article></body></html>"""

BODIES = [
    "Prime Minister Naftali Bennett spoke on the phone with Russian President Vladimir Putin "
    "on Thursday about regional security and the nuclear talks in Vienna.",
    "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday to "
    "discuss the European Union presidency and energy prices across the continent.",
]


def _feed(base: str) -> bytes:
    items = "".join(f"<item><title>Story {i}</title><link>{base}/story{i}.html</link>"
                    f"<pubDate>Mon, 1{i} Jan 2022 10:00:00 GMT</pubDate></item>"
                    for i in range(len(BODIES)))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test</title>'
            f"{items}</channel></rss>").encode()


def _conditional(body: bytes, content_type: str):
    def reply(request: Request) -> Reply:
        if request.headers.get("if-none-match") == '"v1"':
            return Reply(304, headers={"ETag": '"v1"'})
        return Reply(body=body, headers={"Content-Type": content_type, "ETag": '"v1"'})
    return reply


def _ingest(db: Path, url: str) -> dict:
    result = CliRunner().invoke(app, ["ingest", url, "--db", str(db), "--no-code",
                                      "--allow-host", "127.0.0.1", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)[0]


def test_cli_feed_second_poll_is_conditional_and_writes_nothing(tmp_path: Path,
                                                                 monkeypatch) -> None:
    monkeypatch.setenv("SITREP_PER_HOST_DELAY", "0.01")
    with LocalHttpServer() as server:
        base = server.url("")
        server.route("/robots.txt", Reply(body=b"User-agent: *\nAllow: /\n",
                                          headers={"Content-Type": "text/plain"}))
        server.route("/feed.xml", _conditional(_feed(base), "application/rss+xml"))
        for i, body in enumerate(BODIES):
            html = PAGE.format(title=f"Story {i}", n=i, body=body).encode()
            server.route(f"/story{i}.html", _conditional(html, "text/html"))
        first = _ingest(tmp_path / "s.duckdb", server.url("/feed.xml"))
        second = _ingest(tmp_path / "s.duckdb", server.url("/feed.xml"))
        assert first["new"] == 2 and first["failed"] == 0
        assert second["new"] == 0 and second["skipped"] >= 1
        assert server.hits("/feed.xml")[1].headers.get("if-none-match") == '"v1"'
        assert all(len(server.hits(f"/story{i}.html")) <= 2 for i in range(len(BODIES)))
