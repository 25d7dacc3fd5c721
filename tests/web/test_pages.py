"""The pages a team works in: each renders from the store, tables download with the page's
filters, forms show their errors beside the field, and briefings, memos and users are made
through them."""

from __future__ import annotations

import csv
import io
import json
import re
import time

from web.served import PASSWORD, Server, csrf_of, login

PAGES = ["/", "/search", "/search?q=Bennett", "/search?actor=Bennett&type=CONSULT",
         "/search?country=RUS", "/stories", "/network", "/dyad",
         "/dyad?a=Bennett&b=Putin&by=quarter", "/actors/Bennett", "/briefings", "/memos",
         "/profiles", "/profiles/new", "/ingest", "/jobs"]


def test_pages_render_for_a_viewer_with_the_navigation(server: Server) -> None:
    viewer = server.client("vic")
    for path in PAGES[:-3] + ["/ingest", "/jobs"]:
        r = viewer.get(path)
        assert r.status_code == 200, (path, r.text[:300])
        assert 'href="/briefings"' in r.text and "vic (viewer, default)" in r.text, path


def test_pages_article_highlights_evidence_and_links_events(server: Server) -> None:
    viewer = server.client("vic")
    search = viewer.get("/search?q=Sochi").text
    article = re.search(r'href="/articles/([^"]+)"', search)
    assert article
    page = viewer.get(f"/articles/{article.group(1)}").text
    marks = re.findall(r'<a class="evidence (\w+)" id="ev-\d+" href="/events/([^"]+)"[^>]*>'
                       r"<mark>([^<]+)</mark>", page)
    assert marks and any("Sochi" in text for _, _, text in marks)
    event_id = next(e for _, e, text in marks if "Sochi" in text)
    event = viewer.get(f"/events/{event_id}").text
    assert '<mark class="span-event"' in event and '<mark class="span-actor"' in event
    assert f'href="/articles/{article.group(1)}"' in event


def test_pages_actor_shows_offices_contacts_timeline_and_gaps(server: Server) -> None:
    page = server.client("vic").get("/actors/Naftali%20Bennett").text
    assert "<h1>Naftali Bennett</h1>" in page
    assert re.search(r"<td>Prime Minister</td><td>ISR</td><td>2021-06-13</td>", page)
    assert re.search(r'data-counterpart="Vladimir Putin"', page)
    assert '<svg class="chart"' in page and 'id="timeline"' in page and 'id="gaps"' in page


def test_pages_downloads_keep_the_page_filters(server: Server) -> None:
    viewer = server.client("vic")
    filtered = "/search?actor=Bennett&type=CONSULT"
    page = viewer.get(filtered).text
    shown = int(re.search(r"<h2>Events \((\d+)\)", page).group(1))  # type: ignore[union-attr]
    rows = list(csv.DictReader(io.StringIO(viewer.get(filtered + "&format=csv").text)))
    assert len(rows) == shown > 0 and {r["type"] for r in rows} == {"CONSULT"}
    data = json.loads(viewer.get(filtered + "&format=json").text)
    assert [d["id"] for d in data] == [r["id"] for r in rows]
    unfiltered = json.loads(viewer.get("/search?actor=Bennett&format=json").text)
    assert len(unfiltered) >= len(data)
    contacts = json.loads(viewer.get("/actors/Bennett?level=leader&format=json").text)
    api = viewer.get("/api/v1/contacts?actor=Bennett&level=leader").json()
    assert [c["counterpart"] for c in contacts] == [c["counterpart"] for c in api]
    assert "?level=leader&amp;format=csv&amp;table=contacts" in \
        viewer.get("/actors/Bennett?level=leader").text


def test_pages_profile_errors_are_shown_beside_their_field(server: Server) -> None:
    analyst = server.client("ada")
    csrf = csrf_of(analyst)
    base = {"csrf_token": csrf, "is_new": "1", "slug": "gulf", "name": "Gulf",
            "cadence": "weekly"}
    cases = [({"actors": "Mohammed bin Salman | 9"}, "actors", "must be 1 (highest) to 5"),
             ({"countries": "SAUDI"}, "countries", "ISO 3166 alpha-3"),
             ({"event_types": "attack"}, "event_types", "PLOVER type"),
             ({"slug": "Gulf States!"}, "slug", "lower-case"),
             ({"name": ""}, "name", "required"),
             ({"topics": "oil | high"}, "topics", "not a number")]
    for change, field, why in cases:
        r = analyst.post("/profiles", data=base | change)
        assert r.status_code == 422, field
        shown = re.search(rf'<p class="field-error" id="error-{field}">([^<]+)</p>', r.text)
        assert shown and why in shown.group(1), (field, r.text[-2000:])
        assert 'value="Gulf"' in r.text or field == "name"  # what was typed is kept
    ok = analyst.post("/profiles", data=base | {"countries": "SAU | 1\nARE",
                                                "actors": "Mohammed bin Salman | 1"})
    assert ok.status_code == 303
    form = analyst.get("/profiles/gulf").text
    assert "SAU | 1" in form and "Mohammed bin Salman | 1" in form


def test_pages_briefing_is_generated_viewed_and_downloaded(server: Server) -> None:
    analyst = server.client("ada")
    csrf = csrf_of(analyst)
    r = analyst.post("/briefings", data={"profile": "israel", "week_of": "2022-01-10",
                                         "csrf_token": csrf})
    job = r.headers["location"]
    assert r.status_code == 303 and job.startswith("/jobs/")
    for _ in range(600):
        r = analyst.get(job)
        if r.status_code == 303:
            break
        assert 'id="job-status"' in r.text and 'http-equiv="refresh"' in r.text
        time.sleep(0.2)
    doc = r.headers["location"]
    assert doc.startswith("/briefings/")
    page = analyst.get(doc).text
    assert "Israel briefing: 10 January 2022 to 16 January 2022" in page
    view = analyst.get(doc + "/view")
    assert "default-src 'none'" in view.headers["content-security-policy"]
    assert 'id="key-events"' in view.text
    md = analyst.get(doc + "/markdown")
    assert md.text.startswith("# Israel briefing")
    assert doc.rsplit("/", 1)[1] in analyst.get("/briefings").text
    assert doc in analyst.get("/").text  # the profile's latest briefing on the home page
    assert doc not in server.client("tom").get("/briefings").text  # another team's


def test_pages_memo_errors_and_memo(server: Server) -> None:
    analyst = server.client("ada")
    csrf = csrf_of(analyst)
    bad = analyst.post("/memos", data={"actor": "Zzyzx Qwerty", "csrf_token": csrf})
    assert bad.status_code == 422 and "[E501]" in bad.text
    r = analyst.post("/memos", data={"actor": "Naftali Bennett", "other": "Vladimir Putin",
                                     "since": "2021-10-01", "until": "2022-01-31",
                                     "csrf_token": csrf})
    assert r.status_code == 303
    assert "Putin" in analyst.get(r.headers["location"] + "/markdown").text


def test_pages_admin_adds_a_user_who_can_log_in_once_told_the_password(server: Server) -> None:
    admin = server.client("ann")
    r = admin.post("/users", data={"name": "newbie", "role": "viewer", "team": "default",
                                   "csrf_token": csrf_of(admin)})
    password = re.search(r'<code id="new-password">([^<]+)</code>', r.text)
    assert r.status_code == 200 and password
    assert "new-password" not in admin.get("/users").text  # shown once
    fresh = server.client()
    assert login(fresh, "newbie", password.group(1)).status_code == 303
    assert login(server.client(), "newbie", PASSWORD).status_code == 401


def test_pages_settings_are_shown_to_admins_only(server: Server) -> None:
    page = server.client("ann").get("/settings")
    assert page.status_code == 200 and "<code>allow_private</code>" in page.text
    assert server.client("ada").get("/settings").status_code == 403
