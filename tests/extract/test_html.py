"""Main text and metadata from HTML with trafilatura; broken markup never crashes."""

from __future__ import annotations

import time

import pytest

from sitrep.errors import ExtractError
from sitrep.extract.html import extract_html, parse_html, split_authors


def test_html_metadata_from_small_page(page: str) -> None:
    found = extract_html(parse_html(page), "https://courier.example/world/x?ref=home")
    assert found.title == "Ministers meet in Geneva over grain corridor"
    assert found.site == "The Daily Courier"
    assert found.canonical_url == "https://courier.example/world/ministers-meet-geneva"
    assert found.authors == ["Jane Example"]


def test_html_main_text_without_navigation_or_footer(page: str) -> None:
    text = extract_html(parse_html(page), "https://courier.example/a").text
    assert text.startswith("Foreign ministers from four countries")
    assert "insurers have raised premiums" in " ".join(text.split())
    assert "Politics" not in text
    assert "newsletter" not in text


@pytest.mark.parametrize("markup", ["", "   ", "<!-- nothing -->", "</div></span>", "<<<>>>"])
def test_html_unparseable_is_e203(markup: str) -> None:
    with pytest.raises(ExtractError) as err:
        parse_html(markup, item="bad.html")
    assert err.value.code == "E203"


def test_html_no_text_is_e201() -> None:
    tree = parse_html("<html><body><div><img src='a.png'></div></body></html>")
    with pytest.raises(ExtractError) as err:
        extract_html(tree, "https://x.example/")
    assert err.value.code == "E201"


@pytest.mark.parametrize("cut", [0.6, 0.8, 0.95])
def test_html_truncated_page_keeps_what_it_has(page: str, cut: float) -> None:
    text = extract_html(parse_html(page[: int(len(page) * cut)]), "https://courier.example/a").text
    assert text.startswith("Foreign ministers from four countries")


def test_html_unclosed_and_misnested_tags() -> None:
    body = "<p><b>Talks resumed <i>in Vienna</b> on Monday</i> after a pause of several weeks, " \
           "officials said, as negotiators returned to the table with new proposals.<div><p>" \
           "The delegations met for four hours <span>and agreed to meet again soon. " * 3
    text = extract_html(parse_html("<html><body><table><tr><td>" + body), None).text
    assert "Talks resumed" in text


@pytest.mark.parametrize("raw, names", [
    ("Jane Example; John Sample", ["Jane Example", "John Sample"]),
    ("Jane Example", ["Jane Example"]),
    (None, []),
])
def test_html_split_authors(raw: str | None, names: list[str]) -> None:
    assert split_authors(raw) == names


@pytest.mark.parametrize("markup, detail", [
    ("<html><body><div " + " ".join(f"a{i}=x" for i in range(500_000)) + "><p>t</p></div>"
     "</body></html>", "500000 attributes"),
    ("<html><body>" + "<span>x</span>" * 200_000 + "</body></html>", "200002 elements"),
])
def test_html_over_the_caps_is_e205_before_lxml(markup: str, detail: str) -> None:
    started = time.monotonic()
    with pytest.raises(ExtractError) as err:
        parse_html(markup, item="bomb.html")
    assert err.value.code == "E205" and detail in err.value.detail
    assert time.monotonic() - started < 2


def test_html_many_quoted_attributes_within_the_cap_parse() -> None:
    markup = ("<html><body><div " + " ".join(f'data-a{i}="x > y"' for i in range(900))
              + "><p>Leaders met.</p></div></body></html>")
    assert parse_html(markup).xpath("//p")[0].text == "Leaders met."
