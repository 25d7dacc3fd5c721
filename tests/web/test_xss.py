"""Hostile input stays inert: an article whose title and text carry ``<script>`` and
``onerror=`` payloads, ingested by the real pipeline, is shown escaped on every page and in
every export (CSV, JSON, Markdown, the briefing and memo pages, the API)."""

from __future__ import annotations

import re

import httpx
import pytest

from web.served import LIVE_HANDLER, RAW_PAYLOADS, XSS_URL, Server, csrf_of, wait_job


@pytest.fixture(scope="module")
def client(server: Server) -> httpx.Client:
    """An analyst who has made a briefing and a memo over the hostile article's week."""
    c = server.client("ada")
    csrf = csrf_of(c)
    made = c.post("/api/v1/briefings", json={"profile": "israel", "week_of": "2021-10-22"},
                  headers={"X-CSRF-Token": csrf})
    assert wait_job(c, made.json()["job"])["status"] == "done"
    memo = c.post("/memos", data={"actor": "Naftali Bennett", "since": "2021-10-01",
                                  "until": "2021-12-31", "csrf_token": csrf})
    assert memo.status_code == 303
    return c


def _hostile_article(client: httpx.Client) -> dict[str, str]:
    found = client.get("/api/v1/articles", params={"q": "turning point"}).json()["items"]
    return next(a for a in found if a["url"] == XSS_URL)


def _pages(client: httpx.Client) -> list[str]:
    """Every page that can show the hostile article, its events or its actors."""
    article = _hostile_article(client)
    events = client.get(f"/api/v1/articles/{article['id']}").json()["events"]
    assert events, "the hostile article was coded"
    briefing = client.get("/api/v1/briefings").json()[0]["id"]
    memo = client.get("/api/v1/memos").json()[0]["id"]
    pages = ["/", "/search?q=turning+point", "/search?q=Bennett", "/search?actor=Bennett",
             f"/articles/{article['id']}", "/actors/Naftali%20Bennett",
             "/actors/Vladimir%20Putin", "/dyad?a=Bennett&b=Putin", "/stories",
             "/network?types=CONSULT,AGREE", "/briefings", f"/briefings/{briefing}",
             f"/briefings/{briefing}/view", "/memos", f"/memos/{memo}", f"/memos/{memo}/view",
             "/jobs", "/profiles"]
    pages += [f"/events/{e['event_id']}" for e in events]
    return pages


def test_xss_every_page_shows_the_payloads_escaped(client: httpx.Client) -> None:
    pages = _pages(client)
    for path in pages:
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["content-type"].startswith("text/html"), path
        for payload in RAW_PAYLOADS:
            assert payload not in r.text, (path, payload)
        assert not LIVE_HANDLER.search(r.text), path
        assert "content-security-policy" in r.headers, path
    article = client.get(pages[4]).text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=alert(&#34;text&#34;)&gt;" in article
    assert re.search(r"<mark>[^<]*Sochi", article), "the evidence is highlighted, as text"


def test_xss_every_export_keeps_the_payloads_inert(client: httpx.Client) -> None:
    exports = [p + ("&" if "?" in p else "?") + f"format={fmt}" + (f"&table={t}" if t else "")
               for p, tables in [("/search?q=turning+point", ("articles", "events")),
                                 ("/actors/Naftali%20Bennett",
                                  ("contacts", "timeline", "gaps", "offices")),
                                 ("/dyad?a=Bennett&b=Putin", ("periods", "events")),
                                 ("/", ("",)), ("/stories", ("",)),
                                 ("/network", ("nodes", "edges")),
                                 ("/briefings", ("",)), ("/memos", ("",)), ("/jobs", ("",))]
               for t in tables for fmt in ("csv", "json")]
    article = _hostile_article(client)["id"]
    exports += [f"/articles/{article}?format=json", f"/articles/{article}?format=csv"]
    seen_payload = False
    for path in exports:
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["x-content-type-options"] == "nosniff", path
        assert r.headers["content-disposition"].startswith("attachment"), path
        kind = r.headers["content-type"]
        assert kind.startswith(("text/csv", "application/json")), path
        if kind.startswith("application/json"):
            assert "<" not in r.text and ">" not in r.text, path
            seen_payload |= "\\u003cscript\\u003e" in r.text
    assert seen_payload, "the hostile title reached an export (escaped)"
    for doc in ("briefings", "memos"):
        first = client.get(f"/api/v1/{doc}").json()[0]["id"]
        md = client.get(f"/{doc}/{first}/markdown")
        assert md.headers["content-disposition"].startswith("attachment")
        for payload in RAW_PAYLOADS:
            assert payload not in md.text, (doc, payload)
    for path in ("/api/v1/articles?q=turning+point", f"/api/v1/articles/{article}",
                 "/api/v1/events?q=Sochi", "/api/v1/briefings", "/api/v1/memos"):
        r = client.get(path)
        assert "<" not in r.text and r.headers["content-type"] == "application/json", path
        assert r.json(), path


def test_xss_csv_cells_never_start_a_formula(client: httpx.Client) -> None:
    csv = client.get("/search?q=turning+point&format=csv&table=articles").text
    for line in csv.splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "@")), line
