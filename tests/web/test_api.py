"""``/api/v1/`` mirrors the Python API: the same answers for the same questions, an OpenAPI
schema, ingest as a background job whose progress is polled, and reads that answer while it
runs."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

import sitrep
from helpers.seeds import CORPUS
from web.served import Server, copy_store, csrf_of, start_server, template_store, wait_job


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sitrep.api.Sitrep]:
    """The same store as the server's, opened by the Python API (a copy: the server holds
    its own)."""
    path = tmp_path_factory.mktemp("local") / "local.duckdb"
    shutil.copyfile(template_store(), path)
    with sitrep.open(path) as s:
        yield s


def _plain(rows: Any) -> Any:
    return json.loads(json.dumps([asdict(r) for r in rows], default=str))


def test_api_answers_as_the_python_api_does(server: Server, local: sitrep.api.Sitrep) -> None:
    api = server.client("vic")
    assert api.get("/api/v1/contacts", params={"actor": "Bennett"}).json() == \
        _plain(local.contacts("Bennett"))
    assert api.get("/api/v1/timeline", params={"actor": "Bennett", "other": "Putin"}).json() \
        == _plain(local.timeline("Bennett", "Putin"))
    assert api.get("/api/v1/gaps", params={"actor": "Bennett", "other": "Putin",
                                           "min_days": 7}).json() == \
        _plain(local.gaps("Bennett", "Putin", min_days=7))
    assert api.get("/api/v1/dyad", params={"a": "Israel", "b": "Russia"}).json() == \
        _plain(local.dyad("Israel", "Russia"))
    assert api.get("/api/v1/stories").json() == _plain(local.stories())
    assert api.get("/api/v1/network").json() == json.loads(
        json.dumps(local.network().to_dict(), default=str))
    events = api.get("/api/v1/events", params={"actor": "Bennett", "limit": 500}).json()
    assert [e["id"] for e in events["items"]] == [e["id"] for e in
                                                  local.events(actor="Bennett")]
    assert events["next_offset"] is None
    paged = api.get("/api/v1/events", params={"limit": 2, "offset": 1}).json()
    assert [e["id"] for e in paged["items"]] == [e["id"] for e in local.events(limit=3)][1:]
    # a next page exactly when the store holds more events (without ../shared it holds only
    # the invented article's few)
    assert paged["next_offset"] == (3 if len(local.events(limit=4)) > 3 else None)
    first = events["items"][0]["id"]
    assert api.get(f"/api/v1/events/{first}/explain").json() == json.loads(
        json.dumps(local.explain(first), default=str))
    assert api.get("/api/v1/actors/Bennett").json()["key"] == local.actor("Bennett").key


def test_api_openapi_schema_lists_every_route(server: Server) -> None:
    schema = server.client("vic").get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    for route in ("/articles", "/articles/{article_id}", "/events",
                  "/events/{event_id}/explain", "/contacts", "/timeline", "/gaps", "/dyad",
                  "/network", "/stories", "/briefings", "/memos", "/profiles/{slug}",
                  "/ingest", "/ingest/upload", "/jobs/{job_id}"):
        assert route in paths, route
    assert "BriefingRequest" in schema["components"]["schemas"]


def test_api_profiles_validate_with_the_brief_stage(server: Server) -> None:
    analyst = server.client("ada")
    headers = {"X-CSRF-Token": csrf_of(analyst)}
    bad = analyst.put("/api/v1/profiles/x", json={"yaml": "name: X\ncadence: hourly\n"},
                      headers=headers)
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "E601" and "cadence" in bad.json()["error"]["fields"]
    good = analyst.put("/api/v1/profiles/x", json={"yaml": "name: X\ncadence: weekly\n"
                                                          "countries: [ISR]\n"}, headers=headers)
    assert good.status_code == 200 and good.json()["slug"] == "x"
    assert analyst.delete("/api/v1/profiles/x", headers=headers).status_code == 204


def test_api_ingest_upload_runs_as_a_job_while_reads_answer(server: Server,
                                                           tmp_path: Path) -> None:
    if not CORPUS:
        pytest.skip("corpus/*.jsonl not found")
    lines = CORPUS[0].read_text(encoding="utf-8").splitlines()[:12]
    upload = tmp_path / "batch.jsonl"
    upload.write_text("\n".join(lines) + "\n", encoding="utf-8")
    analyst = server.client("ada")
    before = analyst.get("/api/v1/articles").json()["total"]
    with upload.open("rb") as fh:
        r = analyst.post("/api/v1/ingest/upload", files={"file": ("batch.jsonl", fh)},
                         headers={"X-CSRF-Token": csrf_of(analyst)})
    assert r.status_code == 202
    job_id = r.json()["job"]
    reads, seen_running = [], False
    while True:
        job = analyst.get(f"/api/v1/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            break
        seen_running |= job["status"] == "running"
        started = time.perf_counter()
        assert analyst.get("/api/v1/events", params={"limit": 5}).status_code == 200
        reads.append(time.perf_counter() - started)
    done = wait_job(analyst, job_id)
    assert done["status"] == "done", done
    assert done["result"]["counts"]["new"] == 12 and done["done"] == 12
    assert analyst.get("/api/v1/articles").json()["total"] == before + 12
    if seen_running and reads:
        assert max(reads) < 5.0, f"a read waited {max(reads):.1f} s on the ingest"


def test_api_ingest_job_errors_are_recorded(server: Server) -> None:
    analyst = server.client("ada")
    r = analyst.post("/api/v1/ingest", json={"inputs": ["http://127.0.0.1:9/nothing"]},
                     headers={"X-CSRF-Token": csrf_of(analyst)})
    job = wait_job(analyst, r.json()["job"])
    assert job["status"] == "done" and job["result"]["counts"]["failed"] == 1
    assert "[E120]" in job["result"]["errors"][0]


def test_api_ingest_reads_no_path_on_the_server(server: Server) -> None:
    analyst = server.client("ada")
    headers = {"X-CSRF-Token": csrf_of(analyst)}
    for path, body in [("/api/v1/ingest", {"inputs": [str(server.db)]}),
                       ("/api/v1/ingest", {"inputs": ["file:///etc/passwd"]}),
                       ("/api/v1/watch", {"feeds": ["/etc/passwd"], "profile": "israel"})]:
        r = analyst.post(path, json=body, headers=headers)
        assert (r.status_code, r.json()["error"]["code"]) == (422, "E126"), body
    r = analyst.post("/ingest", data={"urls": "/etc/hostname", "csrf_token": csrf_of(analyst)})
    assert r.status_code == 422 and "E126" in r.text


def test_api_watch_polls_a_feed_once_as_a_job(tmp_path: Path) -> None:
    from helpers.httpserver import LocalHttpServer, Reply

    page = ("<html><head><title>Leaders talk</title></head><body><article><h1>Leaders talk"
            "</h1><p>Prime Minister Naftali Bennett spoke by phone with Russian President "
            "Vladimir Putin on Thursday, the Prime Minister's Office said in a statement.</p>"
            "<p>The two leaders discussed the situation in Syria and the nuclear talks with "
            "Iran in Vienna, and agreed to keep in close contact in the coming weeks.</p>"
            "<p>It was their second conversation since the meeting in Sochi in October, "
            "officials in Jerusalem said on Friday.</p></article></body></html>")
    with LocalHttpServer() as feeds:
        feeds.route("/story", Reply(body=page.encode()))
        feeds.route("/feed.xml", Reply(
            body=(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
                  f"<link>http://example.org/</link><item><title>Leaders talk</title>"
                  f"<link>{feeds.url('/story')}</link><pubDate>Thu, 13 Jan 2022 18:00:00 GMT"
                  f"</pubDate></item></channel></rss>").encode(),
            headers={"Content-Type": "application/rss+xml"}))
        served = start_server(copy_store(tmp_path), allow_hosts="127.0.0.1",
                              per_host_delay="0")
        try:
            analyst = served.client("ada")
            headers = {"X-CSRF-Token": csrf_of(analyst)}
            analyst.put("/api/v1/profiles/mine", headers=headers,
                        json={"yaml": "name: Mine\ncadence: daily-morning\ncountries: [ISR]\n"})
            r = analyst.post("/api/v1/watch", headers=headers,
                             json={"feeds": [feeds.url("/feed.xml")], "profile": "mine"})
            job = wait_job(analyst, r.json()["job"])
            again = wait_job(analyst, analyst.post(
                "/api/v1/watch", headers=headers,
                json={"feeds": [feeds.url("/feed.xml")], "profile": "mine"}).json()["job"])
        finally:
            served.stop()
    assert job["status"] == "done" and job["kind"] == "watch", job
    assert job["result"]["ingested"] == 1 and not job["result"]["errors"]
    assert again["result"]["ingested"] == 0
