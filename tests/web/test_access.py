"""Who may do what on a served store: logins, cookies, CSRF, roles, tokens, teams, throttling,
and the store held by the server."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import sitrep
from web.served import (
    PASSWORD,
    SITREP,
    Server,
    copy_store,
    csrf_of,
    form_token,
    login,
    start_server,
)

PAGES = ["/", "/search?q=Bennett", "/stories", "/network", "/dyad", "/briefings", "/memos",
         "/profiles", "/ingest", "/jobs", "/actors/Bennett"]
API = ["/api/v1/articles", "/api/v1/events", "/api/v1/contacts?actor=Bennett",
       "/api/v1/stories", "/api/v1/network", "/api/v1/briefings", "/api/v1/profiles",
       "/api/v1/jobs", "/api/v1/openapi.json", "/api/v1/me"]


TOKENS: dict[str, str] = {}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A served store with API tokens made by the CLI before the server starts."""
    db = copy_store(tmp_path_factory.mktemp("access"))
    for user in ("vic", "ada"):
        made = subprocess.run([str(SITREP), "tokens", "create", user, "--db", str(db)],
                              capture_output=True, text=True, check=True)
        TOKENS[user] = made.stdout.strip()
    running = start_server(db)
    yield running
    running.stop()


def test_access_open_routes_are_login_and_health(server: Server) -> None:
    anon = server.client()
    assert anon.get("/health").json() == {"status": "ok"}
    assert anon.get("/api/v1/health").json() == {"status": "ok"}
    assert anon.get("/login").status_code == 200
    for path in PAGES:
        r = anon.get(path)
        assert (r.status_code, r.headers["location"].split("?")[0]) == (303, "/login"), path
    for path in API:
        r = anon.get(path)
        assert r.status_code == 401, path
        assert r.json()["error"]["code"] == "E701"
        assert r.headers["www-authenticate"] == "Bearer"


def test_access_login_sets_httponly_samesite_cookie_and_logout_ends_it(server: Server) -> None:
    client = server.client()
    r = login(client, "vic")
    assert r.status_code == 303
    cookie = r.headers["set-cookie"].lower()
    assert "sitrep_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    session = client.cookies["sitrep_session"]
    assert client.get("/search").status_code == 200
    assert client.post("/logout", data={"csrf_token": csrf_of(client)}).status_code == 303
    stale = server.client()
    stale.cookies.set("sitrep_session", session)
    assert stale.get("/search").status_code == 303
    assert stale.get("/api/v1/me").json()["error"]["code"] == "E701"


def test_access_wrong_password_is_refused_then_throttled(server: Server) -> None:
    client = server.client()
    for _ in range(5):
        r = login(client, "ada", "wrong password")
        assert r.status_code == 401 and "E705" in r.text
    r = login(client, "ada", PASSWORD)
    assert r.status_code == 429 and "E704" in r.text
    unknown = login(server.client(), "nobody-at-all", "x")
    assert unknown.status_code in (401, 429)


def test_access_forms_without_csrf_token_are_refused(server: Server) -> None:
    client = server.client("ann")
    for path, data in [("/profiles", {"slug": "x", "is_new": "1", "name": "X",
                                      "cadence": "weekly"}),
                       ("/briefings", {"profile": "israel", "week_of": "2022-01-10"}),
                       ("/memos", {"actor": "Bennett"}),
                       ("/ingest", {"urls": "https://example.org/"}),
                       ("/users", {"name": "eve", "role": "admin"}),
                       ("/logout", {})]:
        for token in (None, "forged"):
            sent = data | ({"csrf_token": token} if token else {})
            r = client.post(path, data=sent)
            assert r.status_code == 403 and "E703" in r.text, (path, token)
    assert client.post("/api/v1/memos", json={"actor": "Bennett"}).json()["error"]["code"] \
        == "E703"
    token = form_token(client.get("/login").text)
    r = server.client().post("/login", data={"name": "ann", "password": PASSWORD,
                                             "csrf_token": token})
    assert r.status_code == 403  # the login form's token without its cookie


def test_access_viewer_reads_but_cannot_ingest_or_write(server: Server) -> None:
    viewer = server.client("vic")
    csrf = csrf_of(viewer)
    assert viewer.get("/api/v1/events").status_code == 200
    r = viewer.post("/ingest", data={"urls": "https://example.org/", "csrf_token": csrf})
    assert r.status_code == 403 and "E702" in r.text
    r = viewer.post("/api/v1/ingest", json={"inputs": ["https://example.org/"]},
                    headers={"X-CSRF-Token": csrf})
    assert (r.status_code, r.json()["error"]["code"]) == (403, "E702")
    for path, data in [("/briefings", {"profile": "israel"}), ("/memos", {"actor": "Bennett"}),
                       ("/profiles", {"slug": "v", "is_new": "1"}),
                       ("/users", {"name": "eve", "role": "admin"})]:
        r = viewer.post(path, data=data | {"csrf_token": csrf})
        assert r.status_code == 403 and "E702" in r.text, path
    assert viewer.get("/users").status_code == 403
    assert "Ingest</button>" not in viewer.get("/ingest").text
    assert not viewer.get("/api/v1/jobs").json()


def test_access_analyst_may_write_but_not_manage_users(server: Server) -> None:
    analyst = server.client("tom")
    assert analyst.get("/users").status_code == 403
    assert analyst.get("/api/v1/me").json()["role"] == "analyst"
    r = analyst.post("/api/v1/memos", json={"actor": "Naftali Bennett", "since": "2021-10-01",
                                            "until": "2022-01-31"},
                     headers={"X-CSRF-Token": csrf_of(analyst)})
    assert r.status_code == 201 and r.json()["kind"] == "memo"


def test_access_bearer_tokens_need_no_csrf_and_bad_ones_are_401(server: Server) -> None:
    anon = server.client()
    r = anon.get("/api/v1/events", headers={"Authorization": "Bearer st_forged"})
    assert (r.status_code, r.json()["error"]["code"]) == (401, "E709")
    token = TOKENS["vic"]
    r = anon.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert r.json() == {"name": "vic", "role": "viewer", "team": "default"}
    r = anon.post("/api/v1/ingest", json={"inputs": ["https://example.org/"]},
                  headers={"Authorization": f"Bearer {token}"})
    assert (r.status_code, r.json()["error"]["code"]) == (403, "E702")


def test_access_teams_see_only_their_own_profiles_and_briefings(server: Server) -> None:
    ann = server.client("ann")
    csrf = csrf_of(ann)
    r = ann.post("/profiles", data={"csrf_token": csrf, "is_new": "1", "slug": "levant",
                                    "name": "Levant", "cadence": "weekly",
                                    "countries": "SYR | 1\nLBN"})
    assert r.status_code == 303
    assert "levant" in ann.get("/profiles").text
    tom = server.client("tom")
    assert "levant" not in tom.get("/profiles").text
    assert tom.get("/profiles/levant").status_code == 404
    assert tom.get("/api/v1/profiles/levant").json()["error"]["code"] == "E712"
    assert [p["slug"] for p in ann.get("/api/v1/profiles").json()] == ["levant"]
    assert tom.get("/api/v1/profiles").json() == []


def test_access_cli_on_a_served_store_names_the_server(server: Server) -> None:
    r = subprocess.run([str(SITREP), "articles", "--db", str(server.db)], capture_output=True,
                       text=True, check=False)
    assert r.returncode == 2
    message = " ".join(r.stderr.split())
    assert "[E306]" in message and server.url in message and "lock" not in message.lower()
    with pytest.raises(sitrep.errors.StoreError) as found:
        sitrep.open(server.db).articles()
    assert found.value.code == "E306"


def test_access_users_add_reads_stdin_or_prints_a_generated_password(tmp_path: Path) -> None:
    db = tmp_path / "u.duckdb"
    piped = subprocess.run([str(SITREP), "users", "add", "pat", "--role", "analyst", "--db",
                            str(db)], input="a long passphrase\n", capture_output=True,
                           text=True, check=True)
    assert piped.stdout == ""
    made = subprocess.run([str(SITREP), "users", "add", "gen", "--role", "viewer", "--team",
                           "research", "--db", str(db)], input="", capture_output=True,
                          text=True, check=True)
    password = made.stdout.strip()
    assert len(password) >= 12 and "shown once" in made.stderr
    again = subprocess.run([str(SITREP), "users", "add", "gen", "--role", "viewer", "--db",
                            str(db)], input="", capture_output=True, text=True, check=False)
    assert again.returncode == 2 and "E706" in again.stderr
    bad = subprocess.run([str(SITREP), "users", "add", "x", "--role", "boss", "--db", str(db)],
                         input="", capture_output=True, text=True, check=False)
    assert "E708" in bad.stderr
    listed = subprocess.run([str(SITREP), "users", "list", "--format", "csv", "--db", str(db)],
                            capture_output=True, text=True, check=True).stdout
    assert listed.splitlines()[0] == "name,role,team,created"
    assert {line.split(",")[0] for line in listed.splitlines()[1:]} == {"pat", "gen"}
    with sitrep.open(db) as s:
        accounts = s.accounts()
        assert accounts.authenticate("pat", "a long passphrase").role == "analyst"
        assert accounts.authenticate("gen", password).team == "research"
        with pytest.raises(sitrep.errors.AccessError):
            accounts.authenticate("gen", "a long passphrase")
        stored = s.store.con.execute("SELECT password_hash FROM users").fetchall()
    assert all(h.startswith("$argon2id$") for (h,) in stored)


def test_access_api_error_bodies_carry_cli_codes(server: Server) -> None:
    client = server.client("vic")
    cases = [("/api/v1/articles/a_nope", 404, "E303"), ("/api/v1/events/e_nope/explain", 404,
                                                       "E304"),
             ("/api/v1/contacts?actor=Zzyzx%20Qwerty", 404, "E501"),
             ("/api/v1/events?since=2021-13", 422, "E503"),
             ("/api/v1/jobs/j_nope", 404, "E710"), ("/api/v1/no-such-route", 404, "E712"),
             ("/api/v1/contacts", 422, "E711")]
    for path, status, code in cases:
        r = client.get(path)
        assert r.status_code == status, (path, r.text)
        body = r.json()["error"]
        assert body["code"] == code
        assert set(body) >= {"code", "error", "detail", "item"}
        assert body["error"] == sitrep.errors.CODES[code]


def test_access_a_stopped_server_lets_go_of_the_store(tmp_path: Path) -> None:
    running = start_server(copy_store(tmp_path))
    holder = running.db.with_name(running.db.name + ".server.json")
    assert holder.is_file()
    running.stop()
    assert running.process.returncode == 0 and not holder.exists()
    listed = subprocess.run([str(SITREP), "users", "list", "--format", "csv", "--db",
                             str(running.db)], capture_output=True, text=True, check=True)
    assert "ann,admin,default" in listed.stdout


def test_access_login_never_redirects_off_the_site(server: Server) -> None:
    for target in ("//evil.example", "https://evil.example/", "/\\evil.example"):
        client = server.client()
        token = form_token(client.get("/login", params={"next": target}).text)
        r = client.post("/login", data={"name": "vic", "password": PASSWORD,
                                        "csrf_token": token, "next": target})
        assert (r.status_code, r.headers["location"]) == (303, "/"), target
