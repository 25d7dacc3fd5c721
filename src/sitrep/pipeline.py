"""The ingest pipeline: fetch -> extract -> dedup -> nlp/actors/events -> store -> link.

    1. ``ingest.iter_items`` reads files, archives, feeds and URLs into ``RawItem``s; a bad
       item comes back as an ``IngestError`` and the batch goes on.
    2. An input whose raw bytes are already stored for its URL stops here: re-ingesting
       the same files costs neither extraction nor NLP.
    3. ``extract.extract_article`` turns the others into clean ``Article``s, with their
       language, and ``Store.classify`` says whether each is new, a revision, unchanged (same
       text from changed bytes), or a near-copy of a stored article.
    4. The ``Coder`` codes events for new and revised originals in the languages it codes
       (setting ``languages``), in batches (``nlp.pipe``); articles in other languages are
       stored, searchable and deduplicated, and counted as not coded.
    5. Each article and its mentions are written in one transaction, together with the
       durable mark that the article needs linking: a kill leaves every article whole or
       absent, and never stored but forgotten. Originals left uncoded by an earlier crash
       are coded too.
    6. ``link.link_events`` merges the mentions of every marked article into real-world
       events, and ``link.assign_stories`` groups those articles into developing stories;
       then their marks are cleared. Marks left by a run that was killed are consumed by the
       next run, so a rerun after any crash leaves the store as an uninterrupted run would.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
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
    not_coded: int = 0
    """Articles stored in a language the event coder does not code."""
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
                 "not_coded", "mentions")}


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C during an ingest: carries the report of what was done before it.

    The article being written when it came is rolled back; the articles written keep their
    "needs linking" marks, so the next run links them.
    """

    def __init__(self, report: IngestReport) -> None:
        super().__init__("ingest interrupted")
        self.report = report


@dataclass
class CodeReport:
    articles: int = 0
    mentions: int = 0
    coder_version: str = ""


def ingest(store: Store, inputs: Sequence[str], settings: Settings, *,
           published: date | None = None, coder: Callable[[], Coder] | None = None,
           progress: Progress | None = None,
           stop: Callable[[], bool] | None = None) -> IngestReport:
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
        stop: asked between items and before coding leftovers and linking; True ends the
            run there, as Ctrl-C does (the CLI's Ctrl-C sets it).

    Returns:
        The counts, and each failure with its code, item and message.

    Raises:
        IngestInterrupted: on Ctrl-C or ``stop``, with the report of what was done before.
    """
    report = IngestReport(total=count_inputs(inputs))
    try:
        _ingest_items(store, inputs, settings, published, coder, progress, report, stop)
        _check(stop)
        if coder is not None and uncoded(store, settings.language_set):
            leftover = code_pending(store, coder, languages=settings.language_set)
            report.coded += leftover.articles
            report.mentions += leftover.mentions
        _check(stop)
        link_queued(store)
    except KeyboardInterrupt as exc:
        raise IngestInterrupted(report) from exc
    return report


def _check(stop: Callable[[], bool] | None) -> None:
    if stop is not None and stop():
        raise KeyboardInterrupt


def _ingest_items(store: Store, inputs: Sequence[str], settings: Settings,
                  published: date | None, coder: Callable[[], Coder] | None,
                  progress: Progress | None, report: IngestReport,
                  stop: Callable[[], bool] | None) -> None:
    """Steps 1-5 for every input item: read, extract, classify, code and write."""
    pending: list[Article] = []
    for result in iter_items(inputs, IngestOptions.from_settings(settings),
                             http_cache=store):
        if stop is not None and stop():
            _write_batch(store, pending, settings, coder, report)
            raise KeyboardInterrupt
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
        article = extract_article(result, default_published=published, languages=None)
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
    codable = [a for a in articles if a.language in settings.language_set]
    coded = _code(codable, coder) if coder is not None and codable else {}
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
            report.not_coded += found.canonical_id is None and \
                article.language not in settings.language_set
        else:
            report.unchanged += 1


def _code(articles: Iterable[Article], coder: Callable[[], Coder]) -> dict[int, list[Any]]:
    return {id(article): events for article, events in coder().code_many(articles)}


def code_pending(store: Store, coder: Callable[[], Coder], *, force: bool = False,
                 languages: Collection[str] | None = None,
                 progress: Progress | None = None) -> CodeReport:
    """Code every original article not yet coded by the current coder version.

    With ``force``, re-code them all (after a change of rules, model or knowledge base);
    each article's mentions are replaced, never added to, so counts do not inflate. With
    ``languages``, only articles in one of them are coded (the others stay not coded).
    """
    the_coder = coder()
    ids = store.articles_to_code(the_coder.version, force=force, languages=languages)
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
    link_queued(store)
    return report


def uncoded(store: Store, languages: Collection[str] | None = None) -> int:
    """Originals with no coded mentions yet (left by a crash, or ingested without coding)."""
    return store.count_uncoded(languages)


def link_queued(store: Store) -> list[str]:
    """Link every article marked as needing it: its mentions into events, itself into a
    story; then clear the marks.

    The marks are written with the articles, so this also finishes the linking of a run
    that was killed or crashed before or during its own. Linking is idempotent: an article
    linked twice (a crash after linking, before the marks were cleared) gives the same
    events and stories.

    Returns:
        The articles linked.
    """
    article_ids = store.queued_for_linking()
    if not article_ids:
        return []
    from sitrep.link import assign_stories, link_events

    link_events(store, article_ids)
    assign_stories(store, article_ids)
    with store.transaction():
        store.linked(article_ids)
    return article_ids
