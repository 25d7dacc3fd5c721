"""Scraped page text: the article kept in order, the site's furniture dropped."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.extract import clean_scraped_text, extract_article
from sitrep.record import RawItem

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def _seed(name: str) -> Path:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip("../shared/seeds not found: golden test needs the shared folder beside the repo")
    return path

# First words of every article paragraph of the two seeds, in order (test data, not code).
AL_MONITOR = (
    "al-monitor-2022-01-bennett-putin.txt",
    "Bennett makes efforts to establish friendly relationship with Putin",
    ["Prime Minister Naftali Bennett called", "Russian President Vladimir Putin (R) speaks",
     "Prime Minister Naftali Bennett spoke Jan. 13", "Naturally, the statement",
     "Since taking office", "Jerusalem and Moscow are definitely", "In that respect",
     "Bennett\u2019s efforts of establishing", "As for the Europeans",
     "Relations with France seem"],
)
JPOST = (
    "jpost-2021-10-07-bennett-putin.txt",
    "Bennett, Putin speak about regional security",
    ["The leaders discussed a number", "Russia's President Vladimir Putin and Israel's",
     "Prime Minister Naftali Bennett and Russian", "The leaders discussed \u201ca number",
     "Bennett also wished", "Last month, Bennett accepted", "Putin and Bennett spoke a day after",
     "Russian Foreign Minister Sergei Lavrov and his", "There have also been tensions",
     "In August, the Russian military"],
)
PROMOTION = ["newsletter", "PRO", "$25.00", "Sign in", "Trend Reports", "Skip to main content",
             "billed annually", "credit:", "Briefing", "free trial", "Member"]


@pytest.mark.golden
@pytest.mark.parametrize("seed", [AL_MONITOR, JPOST], ids=["al-monitor", "jpost"])
def test_scraped_seed_keeps_article_drops_site(seed: tuple[str, str, list[str]]) -> None:
    name, title, openings = seed
    cleaned = clean_scraped_text(_seed(name).read_text(encoding="utf-8"))
    assert cleaned.title == title
    assert len(cleaned.paragraphs) == len(openings)
    for paragraph, opening in zip(cleaned.paragraphs, openings, strict=True):
        assert paragraph.startswith(opening)
    for cue in PROMOTION:
        assert cue not in cleaned.text, cue
    assert cleaned.text == "\n\n".join(cleaned.paragraphs)


@pytest.mark.golden
def test_scraped_seed_captions_once() -> None:
    text = _seed(JPOST[0]).read_text(encoding="utf-8")
    cleaned = clean_scraped_text(text)
    assert cleaned.text.count("Russia's President Vladimir Putin and Israel's Prime Minister") == 1
    assert cleaned.text.count("hold a joint news conference following their meeting") == 1
    assert ("(photo credit: RONEN ZVULUN/REUTERS/HAIM TZACH)", "credit") in cleaned.dropped


@pytest.mark.golden
def test_scraped_seed_through_extract_article_is_dated() -> None:
    path = _seed(JPOST[0])
    item = RawItem(origin=str(path), url=path.resolve().as_uri(), kind="text",
                   content=path.read_bytes())
    article = extract_article(item)
    assert article.title == JPOST[1]
    assert (article.published, article.published_source) == (date(2021, 10, 7), "inferred")
    assert article.published_evidence


STORM = """Menu
Search
World
Coastal towns brace for second storm in a week
By Maria Lopez
March 3, 2024 08:15 AM
Residents of three coastal towns were told to leave their homes on Sunday as a second storm approached, officials said.
Evacuation buses left the harbour at noon. (Photo: Coastal Herald archive)
Evacuation buses left the harbour at noon.
The regional governor said emergency shelters had room for 4,000 people and that schools would stay closed until Wednesday.
Read more: How the first storm flooded the old town
Forecasters expect winds of up to 120 kilometres an hour when the storm makes landfall late on Monday night.
Advertisement
Get our morning briefing delivered to your inbox
Subscribe now for only \u20ac4.99 per month
Sign up
Most popular
  \u2022 Ten things to do this weekend
  \u2022 Local team wins the regional cup
Cookie settings
"""

SUMMIT = """You have 2 free articles left this month. Subscribe for unlimited access.
Leaders close summit with pledge on river water sharing
The heads of government of five upstream and downstream states signed a declaration on Friday committing them to share data on river flows and dam releases.
Share this article
The declaration, negotiated over eighteen months, sets up a joint commission that will meet twice a year and publish its findings.
What the deal includes
The main points, according to a summary released by the hosts:
\u2022 a shared early-warning system for floods;
\u2022 annual reviews of reservoir levels;
\u2022 a fund for drought relief.
Critics said the agreement lacked enforcement, noting that a similar pledge in 2015 was never implemented.
Sign up for our Water & Climate newsletter
Get the week's most important climate stories, delivered every Friday. Cancel anytime.
Already have an account? Log in
Related stories
Drought deepens across the basin
Dam project stalls over funding
Photo credit: Summit press office
"""


def test_scraped_synthetic_news_site_page() -> None:
    cleaned = clean_scraped_text(STORM)
    assert cleaned.title == "Coastal towns brace for second storm in a week"
    assert [p.split()[0] for p in cleaned.paragraphs] == [
        "Residents", "Evacuation", "The", "Forecasters"]
    assert cleaned.text.count("Evacuation buses left the harbour at noon.") == 1
    for boilerplate in ["Menu", "Read more", "inbox", "4.99", "Sign up", "Ten things",
                        "Cookie", "Advertisement", "Maria Lopez", "Coastal Herald"]:
        assert boilerplate not in cleaned.text, boilerplate
    reasons = dict(cleaned.dropped)
    assert reasons["March 3, 2024 08:15 AM"] == "dateline"
    assert reasons["By Maria Lopez"] == "byline"


def test_scraped_synthetic_paywall_page_keeps_body_list() -> None:
    cleaned = clean_scraped_text(SUMMIT)
    assert cleaned.title == "Leaders close summit with pledge on river water sharing"
    assert cleaned.paragraphs[0].startswith("The heads of government")
    assert "What the deal includes" in cleaned.paragraphs
    assert "a fund for drought relief." in cleaned.paragraphs
    assert cleaned.paragraphs[-1].startswith("Critics said")
    for boilerplate in ["free articles", "Share this", "newsletter", "Cancel anytime",
                        "Log in", "Related", "Drought deepens", "Photo credit"]:
        assert boilerplate not in cleaned.text, boilerplate


def test_scraped_plain_article_untouched() -> None:
    text = ("Talks end without deal\n\nNegotiators left the capital on Monday without an "
            "agreement.\n\nBoth sides said they would return next week to continue.\n")
    cleaned = clean_scraped_text(text)
    assert cleaned.title == "Talks end without deal"
    assert cleaned.paragraphs == ["Negotiators left the capital on Monday without an agreement.",
                                  "Both sides said they would return next week to continue."]
    assert cleaned.dropped == []


def test_scraped_caption_with_unlabelled_credit_once() -> None:
    text = ("Crowds gather outside the parliament building in the capital on Monday. "
            "JANE DOE/NEWSWIRE\nCrowds gather outside the parliament building in the capital "
            "on Monday.\nThousands of people gathered outside the parliament on Monday to "
            "protest against the new budget, police said.\n")
    cleaned = clean_scraped_text("Protesters rally against budget\n" + text)
    assert cleaned.paragraphs == [
        "Crowds gather outside the parliament building in the capital on Monday.",
        ("Thousands of people gathered outside the parliament on Monday to protest against the "
         "new budget, police said.")]


def test_scraped_paragraph_starting_like_previous_line_kept() -> None:
    text = ("Ceasefire holds in the north\nThe ceasefire held overnight.\nThe ceasefire held "
            "overnight, officials said on Tuesday, although both sides reported isolated "
            "incidents along the front line and accused each other of provocations.\n")
    cleaned = clean_scraped_text(text)
    assert len(cleaned.paragraphs) == 2


def test_scraped_short_headline_above_prose_is_the_title() -> None:
    cleaned = clean_scraped_text(
        "Skip to main content\n\nWorld\n\nMinisters meet\n\nThe foreign ministers met in Vienna "
        "on Tuesday to discuss the nuclear talks. They agreed to meet again, officials said.")
    assert cleaned.title == "Ministers meet"
    assert [reason for _, reason in cleaned.dropped] == ["navigation", "navigation"]
