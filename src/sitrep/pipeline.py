"""The ingest pipeline: fetch -> extract -> dedup -> nlp/actors/events -> store -> link.

    1. ``ingest.iter_items`` reads files, archives, feeds and URLs into ``RawItem``s; a bad
       item comes back as an ``IngestError`` and the batch goes on.
    2. An input whose raw bytes are already stored for its URL stops here: re-ingesting
       the same files costs neither extraction nor NLP.
    3. ``extract.extract_article`` turns the others into clean ``Article``s, and
       ``Store.classify`` says whether each is new, a revision, unchanged (same text from
       changed bytes), or a near-copy of a stored article.
    4. The ``Coder`` codes events for new and revised originals, in batches (``nlp.pipe``).
    5. Each article and its mentions are written in one transaction: a kill leaves every
       article whole or absent. Originals left uncoded by an earlier crash are coded too.
    6. ``link.link_events`` merges the new mentions into real-world events, and
       ``link.assign_stories`` groups the new articles into developing stories.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sitrep.errors import IngestError
from sitrep.extract import extract_article
from sitrep.ingest import IngestOptions, Skipped, count_inputs, iter_items
from sitrep.record import Article, RawItem, raw_hash_of
from sitrep.settings import Settings
from sitrep.store import Store

if TYPE_CHECKING:
    from sitrep.events import Coder

Progress = Callable[[int, str], None]
"""Called with (items done since last call, a short description of the current item)."""

BATCH = 16


@dataclass
class IngestReport:
    """What one ingest run did, item by item, for the summary and the exit status."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicate: int = 0
    skipped: int = 0
    failed: int = 0
    coded: int = 0
    mentions: int = 0
    total: int | None = None
    errors: list[dict[str, str | None]] = field(default_factory=list)
    skips: list[dict[str, str]] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    """Articles written by this run (new, revised and copies)."""

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def counts(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in
                ("new", "duplicate", "updated", "unchanged", "skipped", "failed", "coded",
                 "mentions")}


@dataclass
class CodeReport:
    articles: int = 0
    mentions: int = 0
    coder_version: str = ""


def ingest(store: Store, inputs: Sequence[str], settings: Settings, *,
           published: date | None = None, coder: Callable[[], Coder] | None = None,
           progress: Progress | None = None) -> IngestReport:
    """Run the pipeline over ``inputs``; see the module docstring for the steps.

    Args:
        store: the open store to write to.
        inputs: paths (files, directories, archives, feeds) and URLs.
        settings: fetch limits, accepted languages, near-duplicate threshold.
        published: publication date for items that carry none of their own (no record
            field, page metadata or URL date); it beats inference from the text.
        coder: returns the event coder, called only if something needs coding; None skips
            event coding (articles stay pending for ``sitrep code``).
        progress: called once per input item.

    Returns:
        The counts, and each failure with its code, item and message.
    """
    report = IngestReport(total=count_inputs(inputs))
    pending: list[Article] = []
    for result in iter_items(inputs, IngestOptions.from_settings(settings),
                             http_cache=store):
        if progress:
            progress(1, _label(result))
        if isinstance(result, RawItem) and store.raw_unchanged(result.url, raw_hash_of(result)):
            report.unchanged += 1
            continue
        article = _extract(result, report, published, settings)
        if article is None:
            continue
        if store.is_unchanged(article):
            store.remember_raw_hash(article)
            report.unchanged += 1
            continue
        pending.append(article)
        if len(pending) >= BATCH:
            _write_batch(store, pending, settings, coder, report)
            pending = []
    _write_batch(store, pending, settings, coder, report)
    if coder is not None and uncoded(store):
        leftover = code_pending(store, coder)
        report.coded += leftover.articles
        report.mentions += leftover.mentions
    _link(store, report.article_ids)
    return report


def _label(result: Any) -> str:
    if isinstance(result, IngestError):
        return result.item or ""
    return getattr(result, "origin", "")


def _extract(result: Any, report: IngestReport, published: date | None,
             settings: Settings) -> Article | None:
    if isinstance(result, Skipped):
        report.skipped += 1
        report.skips.append({"item": result.origin, "reason": result.reason})
        return None
    if isinstance(result, IngestError):
        _fail(report, result)
        return None
    try:
        article = extract_article(result, default_published=published,
                                  languages=settings.language_set)
    except IngestError as exc:
        exc.item = exc.item or result.origin
        _fail(report, exc)
        return None
    article.raw_hash = raw_hash_of(result)
    return article


def _fail(report: IngestReport, error: IngestError) -> None:
    report.failed += 1
    report.errors.append(error.to_dict() | {"message": error.message})


def _write_batch(store: Store, articles: list[Article], settings: Settings,
                 coder: Callable[[], Coder] | None, report: IngestReport) -> None:
    """Code a batch of articles, then write each with its mentions in one transaction."""
    if not articles:
        return
    coded = _code(articles, coder) if coder is not None else {}
    version = coder().version if coder is not None and coded else ""
    for article in articles:
        with store.transaction():
            # Classified again inside the transaction: an earlier article of this very
            # batch may be the original this one copies.
            found = store.classify(article, settings.near_duplicate_threshold)
            store.save_article(article, found)
            events = coded.get(id(article))
            if found.outcome in ("new", "updated") and found.canonical_id is None \
                    and events is not None:
                store.replace_mentions(article.id or "", events, version)
                report.coded += 1
                report.mentions += len(events)
        if found.outcome != "unchanged":
            setattr(report, found.outcome, getattr(report, found.outcome) + 1)
            report.article_ids.append(article.id or "")
        else:
            report.unchanged += 1


def _code(articles: Iterable[Article], coder: Callable[[], Coder]) -> dict[int, list[Any]]:
    return {id(article): events for article, events in coder().code_many(articles)}


def code_pending(store: Store, coder: Callable[[], Coder], *, force: bool = False,
                 progress: Progress | None = None) -> CodeReport:
    """Code every original article not yet coded by the current coder version.

    With ``force``, re-code them all (after a change of rules, model or knowledge base);
    each article's mentions are replaced, never added to, so counts do not inflate.
    """
    the_coder = coder()
    ids = store.articles_to_code(the_coder.version, force=force)
    report = CodeReport(coder_version=the_coder.version)
    for start in range(0, len(ids), BATCH):
        batch = [store.load_article(i) for i in ids[start : start + BATCH]]
        for article, events in the_coder.code_many(batch):
            with store.transaction():
                store.replace_mentions(article.id or "", events, the_coder.version)
            report.articles += 1
            report.mentions += len(events)
            if progress:
                progress(1, article.title[:60])
    _link(store, ids)
    return report


def uncoded(store: Store) -> int:
    """Originals with no coded mentions yet (left by a crash, or ingested without coding)."""
    return store.count_uncoded()


def _link(store: Store, article_ids: Sequence[str]) -> None:
    """Merge the articles' mentions into events, and the articles into stories."""
    if not article_ids:
        return
    from sitrep.link import assign_stories, link_events

    link_events(store, list(article_ids))
    assign_stories(store, list(article_ids))
