"""The web app in a real headless browser (Playwright driving Debian's Chromium) against a
server started on 127.0.0.1: an analyst logs in, searches, reads an article with its
evidence highlighted, opens Bennett's page (Putin, 3 contacts, from the founding articles),
generates the Israel briefing for the week of 2022-01-10, and logs out. No script of the
hostile article ever runs. Screenshots are saved in ``test-artifacts/web/``.

Needs Debian's ``chromium`` (``apt-get install chromium``; ``.ci/run`` installs it) and the
``playwright`` package (the test extra); never ``playwright install``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers.seeds import ROOT, require_seeds
from web.served import PASSWORD, XSS_URL, Server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]
ARTIFACTS = ROOT / "test-artifacts" / "web"


@pytest.fixture(scope="module")
def browser_page(server: Server) -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("chromium not found: install Debian's chromium (apt-get install -y "
                    "chromium) for the browser test")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright comes with the "
                                   "test extra (pip install -e '.[test]')")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(60_000)
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.dialogs = dialogs
        yield page
        context.close()
        browser.close()


def _shot(page: Any, name: str) -> Path:
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.mark.golden
def test_browser_analyst_session_from_login_to_logout(server: Server, browser_page: Any) -> None:
    require_seeds()
    page = browser_page
    page.goto(server.url + "/")
    assert page.url.startswith(server.url + "/login")
    page.fill("input[name=name]", "ada")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(server.url + "/")
    _shot(page, "1-home")

    page.goto(server.url + "/search")
    page.fill("#q", "Bennett")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("#articles tbody a")
    assert "Bennett" in page.inner_text("#articles")
    _shot(page, "2-search")

    page.click("#articles tbody a >> text=/Putin/")
    page.wait_for_selector("#article-text a.evidence mark")
    marks = page.locator("#article-text a.evidence mark")
    assert marks.count() >= 3
    background = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert "Putin" in " ".join(marks.all_inner_texts())
    _shot(page, "3-article")

    page.fill("header .actor-jump input[name=name]", "Bennett")
    page.press("header .actor-jump input[name=name]", "Enter")
    page.wait_for_selector("#contacts")
    assert page.inner_text("h1") == "Naftali Bennett"
    putin = page.locator('#contacts tr[data-counterpart="Vladimir Putin"]')
    assert putin.locator("td.total").inner_text() == "3"
    _shot(page, "4-actor-bennett")

    page.goto(server.url + "/briefings")
    page.select_option("#profile", "israel")
    page.fill("#week_of", "2022-01-10")
    page.click("#generate button[type=submit]")
    page.wait_for_url("**/briefings/b*", timeout=180_000)
    assert "Israel briefing: 10 January 2022 to 16 January 2022" in page.inner_text("h1")
    frame = page.frame_locator("iframe.document")
    assert "Naftali Bennett" in frame.locator("#key-events").inner_text()
    assert page.locator("#markdown").get_attribute("href", timeout=5_000)
    _shot(page, "5-briefing")

    page.click("#logout")
    page.wait_for_url("**/login")
    page.goto(server.url + "/briefings")
    assert page.url.startswith(server.url + "/login")
    assert not page.dialogs


def test_browser_hostile_article_runs_no_script(server: Server, browser_page: Any) -> None:
    page = browser_page
    page.goto(server.url + "/login")
    page.fill("input[name=name]", "vic")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(server.url + "/")
    page.goto(server.url + "/search?q=turning+point")
    page.click("#articles tbody a >> text=/Bennett meets Putin/")
    page.wait_for_selector("#article-text")
    assert "/articles/a_" in page.url
    assert page.get_attribute("h1 + p.meta a[rel]", "href") == XSS_URL
    assert '<script>alert("title")</script>' in page.inner_text("h1")
    assert page.locator("#article-text img").count() == 0
    for path in ("/search?q=turning+point", "/actors/Naftali%20Bennett", "/stories", "/"):
        page.goto(server.url + path)
    assert not page.dialogs, f"a script ran: {page.dialogs}"
