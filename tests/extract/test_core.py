"""The whole extract cascade through ``extract_article``, as users call it."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.errors import ExtractError
from sitrep.extract import extract_article
from sitrep.record import RawItem

GERMAN = """<html lang="de"><head><meta charset="utf-8"><title>Gipfel in Berlin</title></head>
<body><article><p>Die Au\u00dfenminister der beiden L\u00e4nder haben sich am Donnerstag in Berlin
getroffen, um \u00fcber die Lage im Nahen Osten und die Zusammenarbeit in der Energiepolitik zu
sprechen.</p><p>Nach dem Treffen sagte ein Sprecher des Ministeriums, die Gespr\u00e4che seien
offen und konstruktiv gewesen, eine gemeinsame Erkl\u00e4rung werde es aber nicht geben.</p>
</article></body></html>"""


def _html(content: str | bytes, url: str = "https://courier.example/world/a", **kw) -> RawItem:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return RawItem(origin="page.html", url=url, kind="html", content=data, **kw)


def test_core_html_article_fields(page: str) -> None:
    article = extract_article(_html(page))
    assert article.title == "Ministers meet in Geneva over grain corridor"
    assert article.site == "The Daily Courier"
    assert article.authors == ["Jane Example"]
    assert article.canonical_url == "https://courier.example/world/ministers-meet-geneva"
    assert article.language == "en"
    assert article.text.startswith("Foreign ministers from four countries met in Geneva")
    assert (article.published, article.published_source) == (date(2023, 5, 4), "metadata")


def test_core_non_english_page_is_e202_naming_language() -> None:
    with pytest.raises(ExtractError) as err:
        extract_article(_html(GERMAN))
    assert err.value.code == "E202"
    assert "'de'" in err.value.detail


def test_core_non_english_page_accepted_when_widened() -> None:
    article = extract_article(_html(GERMAN), languages=frozenset({"en", "de"}))
    assert article.language == "de"


def test_core_tiny_page_is_e204() -> None:
    tiny = "<html><body><article><p>Talks resumed on Monday.</p></article></body></html>"
    with pytest.raises(ExtractError) as err:
        extract_article(_html(tiny))
    assert err.value.code == "E204"


def test_core_minimum_is_a_keyword(page: str) -> None:
    with pytest.raises(ExtractError) as err:
        extract_article(_html(page), min_chars=5000)
    assert err.value.code == "E204"


def test_core_binary_is_e102() -> None:
    with pytest.raises(ExtractError) as err:
        extract_article(_html(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
    assert err.value.code == "E102"


def test_core_mislabelled_cp1252_page(page: str) -> None:
    text = page.replace("Swiss government", "Swiss government (caf\u00e9 \u201cLe Lac\u201d)")
    article = extract_article(_html(text.encode("cp1252")))
    assert "caf\u00e9 \u201cLe Lac\u201d" in article.text


def test_core_invalid_utf8_does_not_crash(page: str) -> None:
    text = page.replace("Swiss government", "Swiss government (caf\u00e9 \u201cLe Lac\u201d)")
    data = text.encode("utf-8").replace(b"Swiss", b"Sw\xffiss")
    article = extract_article(_html(data))
    assert "Sw\ufffdiss government (caf\u00e9 \u201cLe Lac\u201d)" in article.text


@pytest.mark.parametrize("cut", [0.55, 0.7, 0.9])
def test_core_truncated_html_no_crash(page: str, cut: float) -> None:
    data = page[: int(len(page) * cut)]
    try:
        article = extract_article(_html(data), min_chars=50)
    except ExtractError as err:
        assert err.code in {"E201", "E203", "E204"}
    else:
        assert article.text.startswith("Foreign ministers")


def test_core_user_date_beats_everything(page: str) -> None:
    item = _html(page, published=date(2020, 1, 2), published_source="record")
    article = extract_article(item, published=date(2019, 5, 6))
    assert (article.published, article.published_source) == (date(2019, 5, 6), "user")


def test_core_record_date_beats_metadata(page: str) -> None:
    article = extract_article(_html(page, published=date(2020, 1, 2)))
    assert (article.published, article.published_source) == (date(2020, 1, 2), "record")


def test_core_url_date_when_markup_has_none(page: str) -> None:
    undated = page.replace('<meta property="article:published_time" '
                           'content="2023-05-04T09:30:00Z">', "")
    article = extract_article(_html(undated, url="https://courier.example/2022/03/14/talks"))
    assert (article.published, article.published_source) == (date(2022, 3, 14), "url")


def test_core_fields_normalised_and_dated() -> None:
    text = ("WASHINGTON, Oct. 7, 2021 \u2014  The Secretary   met his counterpart\u00a0today.\n\n\n"
            "They discussed  trade, security and the situation in the region at length, "
            "the department said in a statement released after the meeting.  ")
    item = RawItem(origin="a.jsonl#L1", url="https://state.example/x", kind="fields",
                   text=text, title="  Secretary   meets counterpart ")
    article = extract_article(item)
    assert article.title == "Secretary meets counterpart"
    assert article.text.split("\n\n")[0] == ("WASHINGTON, Oct. 7, 2021 \u2014 The Secretary met "
                                             "his counterpart today.")
    assert article.published_source == "inferred"
    assert article.published == date(2021, 10, 7)
    assert article.published_evidence


def test_core_text_item_cleaned_and_titled() -> None:
    raw = ("Skip to main content\n\nEnvoys agree to extend ceasefire talks\n\n"
           "Envoys from both sides agreed on Tuesday to extend the ceasefire talks by another "
           "week, mediators said, after two days of meetings in the capital. A third round is "
           "planned for next month.\n\n"
           "Sign up for our daily newsletter\n\nAlready a subscriber? Log in\n")
    item = RawItem(origin="a.txt", url="file:///a.txt", kind="text", content=raw.encode())
    article = extract_article(item)
    assert article.title == "Envoys agree to extend ceasefire talks"
    assert article.text.startswith("Envoys from both sides")
    assert "newsletter" not in article.text
    assert "Skip" not in article.text


def test_core_short_record_text_is_kept() -> None:
    item = RawItem(origin="r.jsonl#L1", url="https://wire.example/flash", kind="fields",
                   text="Israel and Egypt signed a gas deal on Monday.", title="Flash")
    article = extract_article(item)
    assert article.text == "Israel and Egypt signed a gas deal on Monday."


def test_core_empty_record_text_is_still_e201() -> None:
    item = RawItem(origin="r.jsonl#L2", url="https://wire.example/empty", kind="fields",
                   text="  \n ")
    with pytest.raises(ExtractError) as err:
        extract_article(item)
    assert err.value.code == "E201"


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31)])
def test_core_dates_out_of_range_are_no_dates(published: date) -> None:
    item = RawItem(origin="r.jsonl#L3", url="https://wire.example/d", kind="fields",
                   text="Envoys met on Monday.", published=published)
    article = extract_article(item, default_published=published)
    assert article.published is None


def test_core_html_fragment_is_extracted(page: str) -> None:
    body = page.split("<body>", 1)[1].split("</body>", 1)[0]
    article = extract_article(_html(body))
    assert article.text.startswith("Foreign ministers from four countries met in Geneva")


def test_core_control_characters_and_surrogates_never_reach_the_article() -> None:
    item = RawItem(origin="r.jsonl#L4", url="https://wire.example/c", kind="fields",
                   title="\x1b]0;pwned\x07Talks \ud800", text="Envoys \x1b[2Jmet.\x00",
                   authors=["A\x9bB"], extra={"k": "\x1b[31mred"})
    article = extract_article(item, languages=None)
    assert (article.title, article.text) == ("]0;pwnedTalks \ufffd", "Envoys [2Jmet.")
    assert article.authors == ["AB"] and article.extra == {"k": "[31mred"}
