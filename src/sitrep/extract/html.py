"""Main text and metadata from an HTML page, with trafilatura and htmldate.

The page is parsed once; trafilatura reads the main text, title, authors, site name and
canonical URL from a copy of the tree, and htmldate reads the publication date from another.
Settings were chosen by measurement on the extraction and publication-date evaluation sets
(see ``bench/eval_extraction.py`` and ``bench/eval_pubdate.py``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urljoin

import htmldate
import trafilatura
from trafilatura.settings import Document
from lxml.html import HtmlElement

from sitrep.errors import ExtractError

# Measured: favor_precision scores higher F1 on the extraction set (see module docstring).
FAVOR_PRECISION = True
# Measured: extensive_search finds dates on more pages of the publication-date set.
EXTENSIVE_DATE_SEARCH = True
_AUTHOR_SEPARATORS = re.compile(r"\s*[;|]\s*")
_CANONICAL_XPATHS = (
    '//link[translate(@rel, "CANONICAL", "canonical")="canonical"]/@href',
    '//meta[@property="og:url"]/@content',
)

# trafilatura and htmldate log every discarded page at WARNING: one bad page is not news here,
# the caller's ExtractError says what happened.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass
class HtmlExtraction:
    """What the page yields before cleaning and language checks."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    description: str | None = None


def parse_html(html: str, item: str | None = None) -> HtmlElement:
    """Parse a page into an lxml tree, however broken its markup.

    Args:
        html: the decoded page.
        item: the path or URL, for error messages.

    Returns:
        The root element.

    Raises:
        ExtractError: E203 when lxml can make no tree of it at all.
    """
    try:
        tree = trafilatura.load_html(html)
    except (ValueError, TypeError) as err:
        raise ExtractError("E203", str(err), item=item) from err
    if tree is None or len(tree) == 0:
        raise ExtractError("E203", "lxml found no elements", item=item)
    return tree


def canonical_link(tree: HtmlElement, url: str | None = None) -> str | None:
    """The page's canonical URL (``<link rel=canonical>``, else ``og:url``), made absolute.

    Args:
        tree: the parsed page.
        url: the page URL, to resolve a relative link against.

    Returns:
        The absolute URL, or None when the page names none.
    """
    for xpath in _CANONICAL_XPATHS:
        for href in tree.xpath(xpath):
            href = str(href).strip()
            if href:
                return urljoin(url, href) if url else href
    return None


def _drop_title_line(text: str, title: str | None) -> str:
    """Remove the headline trafilatura keeps as the first line: it is the title field."""
    first, _, rest = text.partition("\n")
    if title and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest.strip()
    return text


def split_authors(author: str | None) -> list[str]:
    """Split trafilatura's ``"A; B"`` author string into names."""
    if not author:
        return []
    names = [name.strip(" ,") for name in _AUTHOR_SEPARATORS.split(author)]
    return [name for name in names if name]


def extract_html(
    tree: HtmlElement,
    url: str | None = None,
    *,
    favor_precision: bool = FAVOR_PRECISION,
    item: str | None = None,
) -> HtmlExtraction:
    """Main text and metadata of a parsed page.

    Args:
        tree: the page, from ``parse_html``.
        url: the page URL, to resolve a relative canonical link.
        favor_precision: trafilatura's precision mode (drops more borderline text).
        item: the path or URL, for error messages.

    Returns:
        The text (paragraphs separated by newlines) and what metadata the page gives.

    Raises:
        ExtractError: E201 when no main text is found.
    """
    document = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, favor_precision=favor_precision,
        include_comments=False, include_tables=True,
        # trafilatura's own date lookup is cheap like this; htmldate runs separately below.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not isinstance(document, Document):  # None: nothing found (a dict only if asked for)
        raise ExtractError("E201", "trafilatura found no main text", item=item)
    text = (document.text or "").strip()
    title = (document.title or "").strip() or None
    text = _drop_title_line(text, title)
    if not text:
        raise ExtractError("E201", "trafilatura found no main text", item=item)
    canonical = canonical_link(tree, url) or document.url
    return HtmlExtraction(
        text=text,
        title=title,
        authors=split_authors(document.author),
        site=document.sitename or document.hostname,
        canonical_url=canonical,
        language=document.language,
        description=document.description,
    )


def html_date(
    tree: HtmlElement, *, extensive: bool = EXTENSIVE_DATE_SEARCH, url: str | None = None
) -> date | None:
    """The page's original publication date from its markup, not its last update.

    Args:
        tree: the page, from ``parse_html``.
        extensive: let htmldate search the whole text when the markup holds no date.
        url: passed to htmldate only when the caller wants URL dates to count as markup.

    Returns:
        The date, or None when htmldate finds none.
    """
    found = htmldate.find_date(tree, extensive_search=extensive, original_date=True,
                               outputformat="%Y-%m-%d", url=url)
    if not found:
        return None
    try:
        return date.fromisoformat(found)
    except ValueError:
        return None
