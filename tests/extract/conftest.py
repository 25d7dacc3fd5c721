"""Shared pieces of the extract tests: a small news page with full metadata."""

from __future__ import annotations

import pytest

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ministers meet in Geneva over grain corridor | The Daily Courier</title>
<meta property="og:site_name" content="The Daily Courier">
<meta property="og:title" content="Ministers meet in Geneva over grain corridor">
<meta name="author" content="Jane Example">
<meta property="article:published_time" content="2023-05-04T09:30:00Z">
<link rel="canonical" href="/world/ministers-meet-geneva">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<article>
<h1>Ministers meet in Geneva over grain corridor</h1>
<p>Foreign ministers from four countries met in Geneva on Thursday to discuss reopening the
grain corridor across the Black Sea, diplomats said after the talks ended.</p>
<p>The meeting, hosted by the Swiss government, lasted more than six hours and ended without
a joint statement, although both delegations described the discussions as constructive.</p>
<p>A second round of talks is expected later this month, according to a spokesperson for the
host government, who declined to say where it would take place.</p>
<p>Shipping companies have called for guarantees that vessels will not be targeted, and insurers
have raised premiums for cargo bound for ports in the region.</p>
</article>
<footer><p>Subscribe to our newsletter</p><p>Copyright The Daily Courier</p></footer>
</body></html>
"""


@pytest.fixture
def page() -> str:
    """A small English news page with full metadata."""
    return PAGE
