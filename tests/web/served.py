"""A real ``sitrep serve`` for tests: a store made by the real pipeline, users made through
the API, the server started as its own process on 127.0.0.1, and logged-in HTTP clients.

The store holds one article whose title and text carry script payloads (``XSS_TITLE``,
``XSS_TEXT``), ingested and coded like any other, and, when ``../shared/seeds`` is beside
the repo, the two founding articles.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

import sitrep
from helpers.seeds import SEED_DATES, SEEDS

SITREP = Path(sys.executable).with_name("sitrep")
XSS_TITLE = '<script>alert("title")</script> Bennett meets Putin'
XSS_TAG = '<img src=x onerror=alert("text")>'
XSS_TEXT = (
    "Prime Minister Naftali Bennett met Russian President Vladimir Putin in Sochi on "
    f"Oct. 22, 2021, officials said. {XSS_TAG} The two leaders discussed Syria and Iran. "
    "Bennett also spoke by phone with British Prime Minister Boris Johnson on Nov. 3, 2021. "
    f'Analysts called the talks <script>alert("text")</script> a turning point.')
XSS_URL = "https://example.org/xss-article"
RAW_PAYLOADS = ('<script>alert("title")</script>', '<script>alert("text")</script>', XSS_TAG)
"""What must never reach a page or an export unescaped."""
LIVE_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
"""An element with an event-handler attribute: no page of ours has one."""
PASSWORD = "correct horse battery"
USERS = {"ann": ("admin", "default"), "ada": ("analyst", "default"),
         "vic": ("viewer", "default"), "tom": ("analyst", "other")}

_TEMPLATE: dict[str, Path] = {}


def template_store() -> Path:
    """A store built once per session by the real pipeline, with the users added."""
    if "store" not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="sitrep-web-"))
        record = folder / "xss.jsonl"
        record.write_text(json.dumps({"url": XSS_URL, "title": XSS_TITLE, "date": "2021-10-25",
                                      "text": XSS_TEXT}) + "\n", encoding="utf-8")
        path = folder / "template.duckdb"
        with sitrep.open(path) as s:
            s.ingest([record])
            if SEEDS.is_dir():
                for name, published in SEED_DATES.items():
                    s.ingest([SEEDS / name], published=published)
            for name, (role, team) in USERS.items():
                s.accounts().add_user(name, role, team=team, password=PASSWORD)
        _TEMPLATE["store"] = path
    return _TEMPLATE["store"]


def copy_store(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "served.duckdb"
    shutil.copyfile(template_store(), path)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Server:
    """A ``sitrep serve`` process."""

    url: str
    db: Path
    process: subprocess.Popen[str]

    def stop(self) -> str:
        """Stop the server (SIGTERM, as Ctrl-C would) and return what it printed."""
        self.process.terminate()
        try:
            out, _ = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, _ = self.process.communicate()
        return out

    def client(self, user: str | None = None) -> httpx.Client:
        """An HTTP client, logged in as ``user`` through the login form when given."""
        client = httpx.Client(base_url=self.url, timeout=60, follow_redirects=False)
        if user:
            assert login(client, user).status_code == 303, f"{user} could not log in"
        return client


def start_server(db: Path, **settings: str) -> Server:
    """Start ``sitrep serve`` on a free port and wait until it answers; ``settings`` become
    ``SITREP_*`` variables of the server (``allow_hosts="127.0.0.1"``)."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1",
           **{f"SITREP_{k.upper()}": v for k, v in settings.items()}}
    process = subprocess.Popen([str(SITREP), "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"sitrep serve exited: {process.communicate()[0]}")
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return Server(url, db, process)
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("sitrep serve did not answer in 60 s")


def form_token(html: str) -> str:
    """The CSRF token of the first form on a page."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no csrf_token in the page"
    return found.group(1)


def login(client: httpx.Client, user: str, password: str = PASSWORD) -> httpx.Response:
    """Log in through the login form, as a browser does."""
    token = form_token(client.get("/login").text)
    return client.post("/login", data={"name": user, "password": password,
                                       "csrf_token": token, "next": "/"})


def csrf_of(client: httpx.Client) -> str:
    """The logged-in session's CSRF token (from any page's logout form)."""
    return form_token(client.get("/search").text)


def wait_job(client: httpx.Client, job_id: str, timeout: float = 300) -> dict[str, Any]:
    """Poll a job through the API until it ends."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(f"/api/v1/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.3)
    raise AssertionError(f"job {job_id} did not end in {timeout} s")
