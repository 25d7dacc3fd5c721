"""The HTML briefing in a real headless browser: the page renders, links resolve, charts decode.

Needs Debian's ``chromium`` (``apt-get install chromium``); skips with that reason without it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import matplotlib.image
import pytest

from sitrep.brief.briefing import build_briefing, write_briefing
from sitrep.brief.period import parse_period
from sitrep.brief.profile import load_profile
from sitrep.store import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--virtual-time-budget=3000"]
# Appended to a copy of the page only: the briefing itself carries no script.
PROBE = ("<script>window.addEventListener('load', () => {document.body.dataset.charts = "
         "Array.from(document.images).map(i => i.complete ? i.naturalWidth : -1).join(',');"
         "document.body.dataset.broken = Array.from(document.querySelectorAll('a.cite'))"
         ".filter(a => !document.querySelector(a.getAttribute('href'))).length;});</script>")


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp_path / "chrome-profile"
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=90, check=False)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not found: install Debian's chromium "
                                             "(apt-get install -y chromium) to render the page")
def test_browser_renders_briefing_with_citations_and_chart(store: Store, tmp_path: Path) -> None:
    briefing = build_briefing(store, load_profile("israel"), parse_period(week_of="2022-01-10"))
    html = write_briefing(store, briefing, tmp_path / "out").html
    probed = html.with_name("probed.html")
    probed.write_text(html.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"),
                      encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", probed.as_uri()).stdout
    assert "<title>Israel briefing: 10 January 2022 to 16 January 2022</title>" in dom
    for section in ("top-stories", "key-events", "leader-contacts", "what-changed", "charts",
                    "references"):
        assert f'id="{section}"' in dom
    widths = re.search(r'data-charts="([^"]*)"', dom)
    assert widths, "the probe script did not run"
    assert [int(w) for w in widths.group(1).split(",")] and all(
        int(w) > 0 for w in widths.group(1).split(","))
    assert 'data-broken="0"' in dom
    assert re.search(r'<a class="cite" href="#ref-1">\[1\]</a>', dom)
    assert re.search(r'<li id="ref-1" value="1"><a href="https://', dom)

    shot = tmp_path / "briefing.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,2000", html.as_uri())
    pixels = matplotlib.image.imread(shot)
    assert pixels.shape[:2] == (2000, 1200)
    assert pixels.std() > 0.05  # text, tables and the chart, not a blank page
