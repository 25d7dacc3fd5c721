"""The ingest pipeline: fetch -> extract -> dedup -> nlp/actors/events -> store -> link.

    1. ``ingest.iter_items`` reads files, archives, feeds and URLs into ``RawItem``s; a bad
       item comes back as an ``IngestError`` and the batch goes on.
    2. An input whose raw bytes are already stored for its URL stops here: re-ingesting
       the same files costs neither extraction nor NLP.
    3. ``extract.extract_article`` turns the others into clean ``Article``s, with their
       language and MinHash band keys, and ``Store.classify`` says whether each is new, a
       revision, unchanged (same text from changed bytes), or a near-copy of a stored
       article or of one read earlier in this run: copies get no NLP at all.
    4. The ``Coder`` codes events for new and revised originals in the languages it codes
       (setting ``languages``), in batches (``nlp.pipe``), and each original's story
       embedding is made; articles in other languages are stored, searchable and
       deduplicated, and counted as not coded. Steps 3 (extraction) and 4 run on a
       ``parallel`` runner: in process, on worker processes, or as Ray tasks.
    5. Each article, its mentions and its embedding are written in one transaction, in
       input order, by this process alone, together with the durable mark that the
       article needs linking: a kill leaves every article whole or absent, and never
       stored but forgotten. Originals left uncoded by an earlier crash are coded too.
    6. ``link.link_events`` merges the mentions of every marked article into real-world
       events, and ``link.assign_stories`` groups those articles into developing stories;
       then their marks are cleared. Marks left by a run that was killed are consumed by the
       next run, so a rerun after any crash leaves the store as an uninterrupted run would.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sitrep.dedup import PendingIndex
from sitrep.errors import CodingError, IngestError, SitrepError
from sitrep.ingest import IngestOptions, Skipped, count_inputs, iter_items
from sitrep.parallel import (
    Analysed,
    CoderSpec,
    Extracted,
    InlineRunner,
    PoolRunner,
    RayRunner,
    Runner,
    in_order,
)
from sitrep.record import Article, Event, RawItem, raw_hash_of
from sitrep.settings import Settings
from sitrep.store import Classification, Store
from sitrep.store.stories_table import add_vector

if TYPE_CHECKING:
    from sitrep.events import Coder

Progress = Callable[[int, str], None]
"""Called with (items done since last call, a short description of the current item)."""

BATCH = 16
"""Items per chunk handed to extraction and coding (and texts per write batch)."""
MIN_PARALLEL = 64
"""Inputs with fewer items than this run in process whatever ``workers`` says."""


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
           progress: Progress | None = None, stop: Callable[[], bool] | None = None,
           workers: int = 1, ray: str | None = None) -> IngestReport:
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
        workers: processes that extract and code (1: all in this process); this process
            stays the only writer. Inputs of fewer than ``MIN_PARALLEL`` items run in
            process, as spawning workers and loading spaCy in each costs more than it saves.
        ray: run extraction and coding as tasks on this Ray cluster (``auto`` or an
            address) instead; this process still writes.

    Returns:
        The counts, and each failure with its code, item and message.

    Raises:
        IngestInterrupted: on Ctrl-C or ``stop``, with the report of what was done before.
        CodingError: E405 when a worker process died (the articles written stay whole).
        SitrepError: E903-E905 for a bad ``workers`` or an unreachable Ray (``make_runner``).
    """
    report = IngestReport(total=count_inputs(inputs))
    runner = make_runner(settings, coder, workers=workers, ray=ray, total=report.total)
    try:
        try:
            with store.one_thread():
                _ingest_items(store, inputs, settings, published, coder, progress, report,
                              stop, runner)
        except BrokenProcessPool as exc:
            raise CodingError("E405", "killed or out of memory; what was written is kept, "
                              "run the same command again (--workers 1 uses less memory)"
                              ) from exc
        finally:
            runner.close()
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


def make_runner(settings: Settings, coder: Callable[[], Coder] | None, *, workers: int = 1,
                ray: str | None = None, total: int | None = None) -> Runner:
    """Where extraction and coding run: on Ray, in worker processes, or in process.

    Raises:
        SitrepError: E905 when ``workers`` is below 1; E903/E904 when Ray is asked for but
            not installed or not reachable.
    """
    if workers < 1:
        raise SitrepError("E905", f"--workers {workers}: give 1 or more")
    spec = CoderSpec(settings.model, settings.kb or None)
    if ray:
        return RayRunner(ray, spec)
    if workers == 1 or (total is not None and total < MIN_PARALLEL):
        return InlineRunner(coder)
    return PoolRunner(workers, spec)


def _check(stop: Callable[[], bool] | None) -> None:
    if stop is not None and stop():
        raise KeyboardInterrupt


def _ingest_items(store: Store, inputs: Sequence[str], settings: Settings,
                  published: date | None, coder: Callable[[], Coder] | None,
                  progress: Progress | None, report: IngestReport,
                  stop: Callable[[], bool] | None, runner: Runner) -> None:
    """Steps 1-5 for every input item: read, extract, classify, code and write.

    Extraction and coding run on ``runner`` (in process, in worker processes or on Ray);
    everything that reads or writes the store runs here, in input order.
    """
    stopped: list[bool] = []
    fresh = _fresh_items(store, inputs, settings, progress, report, stop, stopped)
    extracted = in_order((runner.extract(chunk, published) for chunk in _chunks(fresh)),
                         runner.window)
    flight = _Flight(store, settings, report, runner,
                     settings.language_set if coder is not None else None)
    for chunk in extracted:
        flight.add(chunk)
        flight.write(keep=runner.window)
    flight.write(keep=0)
    if stopped:
        raise KeyboardInterrupt


def _fresh_items(store: Store, inputs: Sequence[str], settings: Settings,
                 progress: Progress | None, report: IngestReport,
                 stop: Callable[[], bool] | None, stopped: list[bool]) -> Iterator[RawItem]:
    """The items that need extracting; skips and read failures are counted here. On
    ``stop`` it ends early (the items read so far are still written) and says so in
    ``stopped``."""
    for result in iter_items(inputs, IngestOptions.from_settings(settings),
                             http_cache=store):
        if stop is not None and stop():
            stopped.append(True)
            return
        if progress:
            progress(1, _label(result))
        if isinstance(result, Skipped):
            report.skipped += 1
            report.skips.append({"item": result.origin, "reason": result.reason})
        elif isinstance(result, IngestError):
            _fail(report, result)
        elif store.raw_unchanged(result.url, raw_hash_of(result)):
            report.unchanged += 1
        else:
            yield result


def _chunks(items: Iterable[RawItem]) -> Iterator[list[RawItem]]:
    chunk: list[RawItem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= BATCH:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _label(result: Any) -> str:
    if isinstance(result, IngestError):
        return result.item or ""
    return getattr(result, "origin", "")


def _fail(report: IngestReport, error: IngestError) -> None:
    report.failed += 1
    report.errors.append(error.to_dict() | {"message": error.message})


@dataclass
class _Batch:
    articles: list[tuple[Article, list[int]]]
    analysing: Future[Analysed] | None
    analysed_ids: list[int]
    """``id()`` of the articles sent to NLP (the originals), in the order of its results."""


class _Flight:
    """Extracted chunks between the runner and the store, written in input order.

    Each article is classified before any NLP: a near-copy of a stored article, or of an
    earlier article still in flight (``dedup.PendingIndex``), is neither coded nor
    embedded. The write classifies again inside its transaction and has the last word; an
    original that was not coded (its would-be original changed meanwhile) is coded by the
    leftover step, and embedded by the story stage.
    """

    def __init__(self, store: Store, settings: Settings, report: IngestReport,
                 runner: Runner, code: frozenset[str] | None) -> None:
        self.store, self.settings, self.report, self.runner = store, settings, report, runner
        self.code = code
        self.batches: deque[_Batch] = deque()
        self.pending = PendingIndex()

    def add(self, chunk: list[Extracted]) -> None:
        kept: list[tuple[Article, list[int]]] = []
        originals: list[Article] = []
        for item in chunk:
            if item.error is not None or item.article is None:
                _fail(self.report, item.error or IngestError("E201", item=item.origin))
                continue
            article = item.article
            found = self.store.classify(article, self.settings.near_duplicate_threshold,
                                        band_keys=item.band_keys)
            if found.outcome == "unchanged":
                self.store.remember_raw_hash(article)
                self.report.unchanged += 1
                continue
            kept.append((article, item.band_keys))
            if self._original(article, item.band_keys, found):
                originals.append(article)
        analysing = self.runner.analyse(originals, self.code) if originals else None
        self.batches.append(_Batch(kept, analysing, [id(a) for a in originals]))

    def _original(self, article: Article, keys: list[int], found: Classification) -> bool:
        threshold = self.settings.near_duplicate_threshold
        copy = found.canonical_id is not None or \
            self.pending.copies(article.id or "", article.text, keys, threshold)
        self.pending.add(article.id or "", article.text, keys)
        return not copy

    def write(self, keep: int) -> None:
        """Write the oldest batches until at most ``keep`` are in flight."""
        while len(self.batches) > keep:
            batch = self.batches.popleft()
            done = batch.analysing.result() if batch.analysing is not None else None
            nlp = dict(zip(batch.analysed_ids, zip(done.events, done.vectors, strict=True),
                           strict=True)) if done else {}
            for article, keys in batch.articles:
                self.pending.remove(article.id or "")
                events, vector = nlp.get(id(article), (None, None))
                _write(self.store, article, keys, events, vector,
                       done.version if done else "", self.settings, self.report)


def _write(store: Store, article: Article, keys: list[int], events: list[Event] | None,
           vector: list[float] | None, version: str, settings: Settings,
           report: IngestReport) -> None:
    """Write one article, with its mentions and story embedding, in one transaction."""
    with store.transaction():
        # Classified again inside the transaction: an article written since it was read
        # may be the original this one copies.
        found = store.classify(article, settings.near_duplicate_threshold, band_keys=keys)
        original = found.outcome in ("new", "updated") and found.canonical_id is None
        coded = (events, version) if original and events is not None else None
        store.save_article(article, found, coded)
        if original and vector is not None:
            add_vector(store, article.id or "", vector)
        if coded is not None:
            report.coded += 1
            report.mentions += len(coded[0])
    if found.outcome != "unchanged":
        setattr(report, found.outcome, getattr(report, found.outcome) + 1)
        report.article_ids.append(article.id or "")
        report.not_coded += found.canonical_id is None and \
            article.language not in settings.language_set
    else:
        report.unchanged += 1


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
