"""The publication date of an article, and where it came from.

Sources, most trusted first (each runs only when the ones before it gave nothing):

    1. ``user``: the date the caller passes in;
    2. ``record``: the date the input record carries (a JSONL field, a feed entry);
    3. ``metadata``: the page markup, read by htmldate (original date, not the update);
    4. ``url``: a ``/2021/10/07/``-style date in the article URL;
    5. ``inferred``: reasoning over the dates the text mentions (``infer_date.py``), with the
       evidence kept on the article so a reader can check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from lxml.html import HtmlElement

from sitrep.extract.html import EXTENSIVE_DATE_SEARCH, html_date
from sitrep.record import DateSource, RawItem

from sitrep.extract.infer_date import infer_publication_date

# Year, month and day as URL path segments or dash/underscore-joined: /2021/10/07/, -2021-10-07-.
_URL_DATE = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})[/_.-](0?[1-9]|1[0-2])[/_.-](0?[1-9]|[12][0-9]|3[01])(?![0-9])"
)
# Compact 20211007 only between separators, so that long article ids do not match.
_URL_COMPACT = re.compile(r"(?<=[/_-])((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])"
                          r"(?=[/_.-]|$)")
_EARLIEST = date(1990, 1, 1)


@dataclass
class DatedBy:
    """A publication date and its provenance."""

    published: date | None = None
    source: DateSource | None = None
    evidence: str | None = None


def _plausible(day: date) -> bool:
    """Not before the web's news era and not more than a day in the future."""
    return _EARLIEST <= day <= date.today() + timedelta(days=1)


def url_date(url: str | None) -> date | None:
    """A full date written in a URL's path, if there is one.

    Args:
        url: the article URL; only http and https URLs count.

    Returns:
        The date, or None when the URL holds no complete, plausible date.
    """
    # A local file's name was chosen by whoever saved it, often on the day they saved it.
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    path = url.split("://", 1)[-1].partition("/")[2]
    for pattern in (_URL_DATE, _URL_COMPACT):
        for match in pattern.finditer("/" + path):
            try:
                day = date(*(int(part) for part in match.groups()))
            except ValueError:
                continue
            if _plausible(day):
                return day
    return None


def inferred_date(text: str, title: str | None = None) -> DatedBy:
    """Infer the date from the dates the text mentions, when ``infer_date`` is available.

    Args:
        text: the clean article text (date lines from the page top may be included).
        title: the article title.

    Returns:
        A ``DatedBy`` with source ``inferred`` and the evidence, or an empty one.
    """
    if not text:
        return DatedBy()
    found = infer_publication_date(text, title)
    if found is None:
        return DatedBy()
    evidence = found.evidence
    if getattr(found, "precision", "day") != "day":
        evidence = f"{evidence} (only the {found.precision} is known)"
    return DatedBy(found.value, "inferred", evidence)


def publication_date(
    item: RawItem,
    *,
    published: date | None = None,
    default: date | None = None,
    tree: HtmlElement | None = None,
    text: str = "",
    title: str | None = None,
    extensive_search: bool = EXTENSIVE_DATE_SEARCH,
) -> DatedBy:
    """Decide the publication date by the priority in the module docstring.

    Args:
        item: the raw item (its ``published`` field and URL are used).
        published: a date the user gives, which overrides everything.
        default: a date the user gives for items without one of their own: used after the
            record, the page metadata and the URL, before inference from the text.
        tree: the parsed page, for HTML items.
        text: the clean text, for inference when nothing else has a date.
        title: the article title, for inference.
        extensive_search: let htmldate look beyond the markup's date fields.

    Returns:
        The date with its source, or an empty ``DatedBy`` when no source has one.
    """
    if published is not None:
        return DatedBy(published, "user")
    if item.published is not None:
        return DatedBy(item.published, item.published_source or "record")
    if tree is not None:
        found = html_date(tree, extensive=extensive_search)
        if found is not None and _plausible(found):
            return DatedBy(found, "metadata")
    in_url = url_date(item.url)
    if in_url is not None:
        return DatedBy(in_url, "url")
    if default is not None:
        return DatedBy(default, "user")
    return inferred_date(text, title)
