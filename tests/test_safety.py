"""Hostile strings made inert: repaired on the way in, escaped on the way out."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sitrep.safety import (
    clean_text,
    csv_cell,
    in_date_range,
    md_link_target,
    md_text,
    safe_link,
    terminal_text,
)


def test_safety_clean_text_repairs_surrogates_and_drops_controls() -> None:
    assert clean_text("a\ud800b\udfffc") == "a\ufffdb\ufffdc"
    assert clean_text("t\x00i\x1b[2Jt\x07l\x9be\tx\ny\rz") == "ti[2Jtle\tx\ny\rz"
    assert clean_text("Ελλάδα 🇮🇱 עברית") == "Ελλάδα 🇮🇱 עברית"


@pytest.mark.parametrize("day, ok", [
    (date(1, 1, 1), False), (date(1799, 12, 31), False), (date(1800, 1, 1), True),
    (date.today() + timedelta(days=1), True), (date.today() + timedelta(days=2), False),
    (date(9999, 12, 31), False), (None, False),
])
def test_safety_in_date_range(day: date | None, ok: bool) -> None:
    assert in_date_range(day) is ok


def test_safety_terminal_text_shows_escapes_instead_of_running_them() -> None:
    assert terminal_text("\x1b]0;owned\x07title\x1b[2J") == "\\x1b]0;owned\\x07title\\x1b[2J"
    assert terminal_text("a\nb\tc") == "a\nb\tc"
    assert terminal_text("a\nb", keep_newlines=False) == "a\\nb"
    assert terminal_text("x\ud800") == "x\ufffd"


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("-3.5", "-3.5"), ("+7", "+7"), ("1e-3", "1e-3"),
    ("plain", "plain"), (-3, -3), (None, None),
])
def test_safety_csv_cell_owasp_rule(value: object, expected: object) -> None:
    assert csv_cell(value) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a?b=c", "https://example.org/a?b=c"),
    ("HTTP://Example.org/", "HTTP://Example.org/"),
    ("javascript:alert(1)", None), ("JaVaScRiPt:alert(1)", None),
    ("data:text/html,<script>", None), ("file:///etc/passwd", None), ("//evil.example/", None),
    ("/relative", None), ("http://[x", None), ("https://a.example/\x1b[2J", None), ("", None),
    (None, None), ("http:///nohost", None),
])
def test_safety_safe_link_only_http(url: str | None, expected: str | None) -> None:
    assert safe_link(url) == expected


def test_safety_md_text_stays_text() -> None:
    assert md_text("<script>x</script> [a](javascript:b) *c* `d` #e |f| ~g~ !h &i") == (
        "\\<script\\>x\\</script\\> \\[a\\]\\(javascript:b\\) \\*c\\* \\`d\\` \\#e \\|f\\| "
        "\\~g\\~ \\!h \\&i")
    assert md_text("two\nlines\x1b") == "two lines\\\\x1b"


def test_safety_md_link_target_cannot_close_the_link() -> None:
    assert md_link_target("https://a.example/x) [y](javascript:z") == \
        "https://a.example/x%29%20%5By%5D%28javascript:z"
