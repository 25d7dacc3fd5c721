"""The extract stage: a ``RawItem`` in, a clean ``Article`` out."""

from __future__ import annotations

from datetime import date

from lxml.html import HtmlElement

from sitrep.errors import ExtractError
from sitrep.extract.dates import publication_date
from sitrep.extract.decode import decode
from sitrep.extract.html import FAVOR_PRECISION, extract_html, parse_html
from sitrep.extract.language import check_language, decide_language
from sitrep.extract.scraped import clean_scraped_text, datelines, paragraphs_of
from sitrep.record import Article, RawItem
from sitrep.safety import clean_optional, clean_text

# Below this the "article" is a teaser, an error page or a cookie wall: 150 characters is
# about 25 words, two short sentences. Text given as a record's field was chosen by whoever
# made the record, so any non-empty text is kept.
MIN_CHARS = 150
ENGLISH = frozenset({"en"})


def _raw_text(item: RawItem) -> str:
    """The item's text: given as a field, or decoded from its bytes."""
    if item.text is not None:
        return item.text
    return decode(item.content, item.encoding, item=item.origin)


def _check_length(text: str, min_chars: int, item: RawItem) -> None:
    if not text.strip():
        raise ExtractError("E201", "the text is empty once cleaned", item=item.origin)
    if len(text) < min_chars:
        raise ExtractError("E204", f"{len(text)} characters, fewer than {min_chars}",
                           item=item.origin)


def _from_html(
    item: RawItem, min_chars: int, favor_precision: bool
) -> tuple[Article, HtmlElement]:
    """Steps 1-2 for a page: decode, parse, main text and metadata."""
    html = item.text if item.text is not None else decode(item.content, item.encoding,
                                                         item=item.origin)
    tree = parse_html(html, item=item.origin)
    page = extract_html(tree, item.url, favor_precision=favor_precision, item=item.origin)
    text = "\n\n".join(paragraphs_of(page.text))
    _check_length(text, min_chars, item)
    article = Article(
        url=item.url, title=item.title or page.title or "", text=text, origin=item.origin,
        authors=item.authors or page.authors, site=item.site or page.site,
        canonical_url=page.canonical_url, extra=dict(item.extra),
    )
    return article, tree


def _from_text(item: RawItem, min_chars: int) -> tuple[Article, str]:
    """Steps 1-3 for scraped text: decode, drop the site's boilerplate, find the title."""
    cleaned = clean_scraped_text(_raw_text(item))
    _check_length(cleaned.text, min_chars, item)
    article = Article(
        url=item.url, title=item.title or cleaned.title, text=cleaned.text, origin=item.origin,
        authors=list(item.authors), site=item.site, extra=dict(item.extra),
    )
    # Date lines dropped from the page top are still the best evidence for inference.
    return article, "\n\n".join([*datelines(cleaned), cleaned.text])


def _from_fields(item: RawItem) -> Article:
    """Steps 1-3 for an article given as fields: only whitespace to normalise."""
    text = "\n\n".join(paragraphs_of(_raw_text(item)))
    _check_length(text, 1, item)
    return Article(
        url=item.url, title=" ".join((item.title or "").split()), text=text,
        origin=item.origin, authors=list(item.authors), site=item.site, extra=dict(item.extra),
    )


def extract_article(
    item: RawItem,
    *,
    published: date | None = None,
    default_published: date | None = None,
    languages: frozenset[str] | None = ENGLISH,
    min_chars: int = MIN_CHARS,
    favor_precision: bool = FAVOR_PRECISION,
) -> Article:
    """Turn a raw item into a clean article.

    The cascade:

        1. decode the bytes (``decode``: BOMs, lying charsets, binary refused);
        2. main text and metadata: trafilatura for HTML (title, authors, site, canonical URL),
           the text as given for scraped text and fields;
        3. boilerplate clean: scraped text loses navigation, promotions, credits and repeated
           captions (``clean_scraped_text``); every kind gets its whitespace normalised;
        4. publication date: user > record > HTML metadata > URL > inferred from the text;
        5. language check with CLD2 (``sitrep.extract.language``).

    Args:
        item: the raw item from the ingest stage.
        published: a publication date the user knows, which overrides every other source.
        default_published: a date the user gives for items that carry none of their own
            (no record field, page metadata or URL date); it beats inference from the text.
        languages: the ISO 639-1 codes accepted (others fail E202); None accepts any
            language, as ingest does (articles the coder cannot read are stored, not coded).
        min_chars: the shortest text accepted as an article extracted from a page or from
            scraped text (a record's own text field is kept however short).
        favor_precision: trafilatura's precision mode for HTML.

    Returns:
        The article, with ``published_source`` saying where its date came from.

    Raises:
        ExtractError: E101 empty, E102 binary, E104 undecodable, E201 no text, E202 language
            not accepted, E203 HTML beyond repair, E204 text too short.
    """
    tree = None
    if item.kind == "html":
        article, tree = _from_html(item, min_chars, favor_precision)
        evidence_text = article.text
    elif item.kind == "text":
        article, evidence_text = _from_text(item, min_chars)
    else:
        article = _from_fields(item)
        evidence_text = article.text
    dated = publication_date(item, published=published, default=default_published,
                             tree=tree, text=evidence_text,
                             title=article.title)
    article.published, article.published_source = dated.published, dated.source
    article.published_evidence = dated.evidence
    if languages is None:
        article.language = decide_language(article.text, item.language)
    else:
        article.language = check_language(article.text, languages, item=item.origin)
    return _cleaned(article)


def _cleaned(article: Article) -> Article:
    """Every string of the article repaired for storage (``safety.clean_text``)."""
    article.title, article.text = clean_text(article.title), clean_text(article.text)
    article.url, article.origin = clean_text(article.url), clean_text(article.origin)
    article.authors = [clean_text(a) for a in article.authors]
    article.site = clean_optional(article.site)
    article.canonical_url = clean_optional(article.canonical_url)
    article.published_evidence = clean_optional(article.published_evidence)
    article.extra = {clean_text(k): clean_text(v) for k, v in article.extra.items()}
    return article
