"""Where the ingest's heavy stages run: in process, on every core, or on a Ray cluster.

The single writer (``pipeline``, in the main process) reads the inputs lazily and hands the
work to a ``Runner`` chunk by chunk; every runner runs the same two plain, picklable stage
functions:

    1. ``extract_chunk``: ``RawItem``s -> ``Extracted`` (the article with its MinHash band
       keys, or the item's ``IngestError``);
    2. ``analyse_chunk``: the articles the writer found to be originals -> their events
       (when coding) and the embedding of their title and lead (for stories).

Each call returns a ``concurrent.futures.Future``. The writer collects them in input order
(so revisions are stored in the order they came) and keeps at most ``window`` chunks in
flight at each stage (so an input of any size costs bounded memory). A worker process loads
spaCy and the embedding model once, on its first ``analyse_chunk``.

Runners: ``InlineRunner`` (``workers=1``, one process; coding and embedding on side
threads), ``PoolRunner`` (``workers=N``, spawned processes) and ``RayRunner`` (tasks on a Ray
cluster; Ray retries a task whose worker died, and the writer, being idempotent, stores
nothing twice).
"""

from __future__ import annotations

import ctypes
import importlib
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from multiprocessing import get_context
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from sitrep import dedup
from sitrep.errors import IngestError, SitrepError
from sitrep.extract import extract_article
from sitrep.link.stories import article_vector_text
from sitrep.nlp.embed import Embedder
from sitrep.record import Article, Event, RawItem, raw_hash_of

if TYPE_CHECKING:
    from sitrep.events import Coder

T = TypeVar("T")

RAY_RETRIES = 5
"""Times Ray reruns a task whose worker process or node died."""


@dataclass
class Extracted:
    """One item after the extract stage: its article and band keys, or its error."""

    origin: str
    article: Article | None = None
    error: IngestError | None = None
    band_keys: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class CoderSpec:
    """What a worker needs to load the same event coder as the main process."""

    model: str
    kb: str | None = None


@dataclass
class Analysed:
    """A chunk of articles after NLP, in their order: each one's events (None when not
    coded), the coder version that made them, and each one's story embedding."""

    version: str
    events: list[list[Event] | None]
    vectors: list[list[float]]


def extract_chunk(items: list[RawItem], published: date | None) -> list[Extracted]:
    """Stage 1: extract each item and compute its near-duplicate band keys."""
    out = []
    for item in items:
        try:
            article = extract_article(item, default_published=published, languages=None)
        except IngestError as exc:
            exc.item = exc.item or item.origin
            out.append(Extracted(item.origin, error=exc))
            continue
        article.raw_hash = raw_hash_of(item)
        keys = dedup.band_keys(dedup.shingles(article.text))
        out.append(Extracted(item.origin, article, band_keys=keys))
    return out


_CODERS: dict[CoderSpec, Coder] = {}
_EMBEDDERS: list[Embedder] = []

MMAP_THRESHOLD = 1 << 20
"""Blocks of this many bytes or more are mapped and unmapped on their own."""
TRIM_THRESHOLD = 64 << 20
"""Free memory at the top of the heap is kept up to this much (as glibc's dynamic rule
would keep it), so that the heap does not shrink and grow again at every article."""
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's malloc.h


def use_fixed_mmap_threshold() -> None:
    """Have glibc's malloc give every large block back to the system when it is freed.

    glibc raises its mmap threshold each time a mapped block is freed (up to 32 MB), so
    after the first long article spaCy's per-batch arrays come from the heap, which
    fragments and keeps growing. Fixing the threshold (as ``MALLOC_MMAP_THRESHOLD_`` does)
    returns them. A process coding and embedding the corpus (A/B, same sitting): peak RSS
    710 and 726 MB with glibc's defaults, 658 with a 1 MiB threshold, 635 with 128 KiB;
    system CPU 3.3 s, 4.3 s and 9.7-10.9 s (mapping fresh pages costs page faults), so 1 MiB
    it is. Called where a process loads the models; nothing happens outside Linux or
    without ``mallopt``.
    """
    if not sys.platform.startswith("linux"):
        return
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    if mallopt is not None:
        mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
        mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)


def analyse_chunk(articles: list[Article], spec: CoderSpec | None,
                  languages: frozenset[str]) -> Analysed:
    """Stage 2 in a worker: code events (when ``spec`` is given, for articles in
    ``languages``) and embed, with this process's coder and embedder (each loaded on first
    use, one thread each)."""
    coder = None
    if spec is not None:
        coder = _CODERS.get(spec)
        if coder is None:
            from pathlib import Path

            from sitrep.events import Coder

            use_fixed_mmap_threshold()
            coder = Coder.load(model=spec.model, kb_extra=Path(spec.kb) if spec.kb else None)
            _CODERS[spec] = coder
    return analyse(articles, coder, _one_thread_embedder(), languages)


def _one_thread_embedder() -> Embedder:
    """This process's embedder for ingest chunks, on one thread: the other cores (or the
    coder, on the calling thread) have work of their own."""
    if not _EMBEDDERS:
        use_fixed_mmap_threshold()
        _EMBEDDERS.append(Embedder(threads=1))
    return _EMBEDDERS[0]


def analyse(articles: list[Article], coder: Coder | None, embedder: Embedder,
            languages: frozenset[str]) -> Analysed:
    """Code (with ``coder``, if any, those in ``languages``) and embed ``articles``."""
    version, events = code_articles(articles, coder, languages)
    vectors = embedder.embed(vector_texts(articles))
    return Analysed(version, events, [v.tolist() for v in vectors])


def code_articles(articles: list[Article], coder: Coder | None, languages: frozenset[str]
                  ) -> tuple[str, list[list[Event] | None]]:
    """The coder's version and each article's events (None: not coded)."""
    codable = [a for a in articles if coder is not None and a.language in languages]
    coded = {id(a): ev for a, ev in coder.code_many(codable)} if coder is not None else {}
    return (coder.version if coder is not None else "", [coded.get(id(a)) for a in articles])


def vector_texts(articles: list[Article]) -> list[str]:
    """What each article's story embedding is made of (its title and lead)."""
    return [article_vector_text(a.title, a.text) for a in articles]


class Runner(Protocol):
    """Runs the two stages somewhere and hands back futures."""

    window: int
    """Chunks the writer may keep in flight at each stage."""

    def extract(self, items: list[RawItem], published: date | None) -> Future[list[Extracted]]:
        ...

    def analyse(self, articles: list[Article], code: frozenset[str] | None
                ) -> Future[Analysed]:
        """Embed ``articles`` and code those in the languages ``code`` (None: none)."""
        ...

    def close(self) -> None:
        ...


def _done(value: T) -> Future[T]:
    future: Future[T] = Future()
    future.set_result(value)
    return future


class InlineRunner:
    """``workers=1``: one process, three threads. The calling thread (the writer) extracts
    and writes; a chunk is coded on a second thread while the writer writes the chunk
    before it, and its story embeddings are made on a third.

    spaCy's matrix products and ONNX Runtime's model runs release the GIL, so the writer's
    Python and DuckDB work overlaps the NLP without a second copy of the models. Each
    thread keeps to its own objects: the coder is used by its thread alone.
    """

    window = 2

    def __init__(self, coder: Callable[[], Coder] | None) -> None:
        self._coder = coder
        self._embed: ThreadPoolExecutor | None = None
        self._code: ThreadPoolExecutor | None = None

    def extract(self, items: list[RawItem], published: date | None) -> Future[list[Extracted]]:
        return _done(extract_chunk(items, published))

    def analyse(self, articles: list[Article], code: frozenset[str] | None
                ) -> Future[Analysed]:
        if self._embed is None or self._code is None:
            self._embed = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sitrep-embed")
            self._code = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sitrep-code")
        embedder = _one_thread_embedder()
        vectors = self._embed.submit(embedder.embed, vector_texts(articles))
        coder = self._coder() if code is not None and self._coder is not None else None
        coded = self._code.submit(code_articles, articles, coder, code or frozenset())
        out: Future[Analysed] = Future()
        lock = threading.Lock()

        def finish(_: Future[Any]) -> None:
            # runs on whichever thread finished last (or both at once): one sets ``out``
            with lock:
                if not (vectors.done() and coded.done()) or out.done():
                    return
                error = coded.exception() or vectors.exception()
                if error is not None:
                    out.set_exception(error)
                else:
                    version, events = coded.result()
                    out.set_result(Analysed(version, events,
                                            [v.tolist() for v in vectors.result()]))

        vectors.add_done_callback(finish)
        coded.add_done_callback(finish)
        return out

    def close(self) -> None:
        for pool in (self._code, self._embed):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        self._code = self._embed = None


def _watch_parent(parent: int) -> None:
    """In a worker: ignore Ctrl-C (the writer decides when to stop) and exit when the
    parent is gone (``kill -9``), so no orphan keeps coding for nobody."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


class PoolRunner:
    """``workers=N``: the stages run in N spawned worker processes (started on first use,
    so a re-run with nothing new starts none)."""

    def __init__(self, workers: int, spec: CoderSpec) -> None:
        self.workers = workers
        self.window = 2 * workers
        self.spec = spec
        self._pool: ProcessPoolExecutor | None = None

    def _get(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=get_context("spawn"),
                initializer=_watch_parent, initargs=(os.getpid(),))
        return self._pool

    def extract(self, items: list[RawItem], published: date | None) -> Future[list[Extracted]]:
        return self._get().submit(extract_chunk, items, published)

    def analyse(self, articles: list[Article], code: frozenset[str] | None
                ) -> Future[Analysed]:
        spec = self.spec if code is not None else None
        return self._get().submit(analyse_chunk, articles, spec, code or frozenset())

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class RayRunner:
    """``ray=ADDRESS``: the stages run as Ray tasks on an existing cluster (``auto``: the
    one this machine belongs to). Every node needs sitrep installed, with its models."""

    def __init__(self, address: str, spec: CoderSpec) -> None:
        try:
            ray: Any = importlib.import_module("ray")
        except ImportError as exc:
            raise SitrepError("E903", "pip install 'sitrep[ray]'") from exc
        self._ray = ray
        self._started = not ray.is_initialized()
        if self._started:
            try:
                ray.init(address=address, log_to_driver=False, logging_level=logging.ERROR)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                raise SitrepError("E904", f"{address}: {exc}") from exc
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.window = 2 * max(cpus, 1)
        self.spec = spec
        self._extract = ray.remote(max_retries=RAY_RETRIES)(extract_chunk)
        self._analyse = ray.remote(max_retries=RAY_RETRIES)(analyse_chunk)

    def extract(self, items: list[RawItem], published: date | None) -> Future[list[Extracted]]:
        future: Future[list[Extracted]] = self._extract.remote(items, published).future()
        return future

    def analyse(self, articles: list[Article], code: frozenset[str] | None
                ) -> Future[Analysed]:
        spec = self.spec if code is not None else None
        future: Future[Analysed] = self._analyse.remote(
            articles, spec, code or frozenset()).future()
        return future

    def close(self) -> None:
        if self._started and self._ray.is_initialized():
            self._ray.shutdown()


def in_order(futures: Iterable[Future[T]], window: int) -> Iterator[T]:
    """The results of ``futures`` in their order, drawing at most ``window`` ahead (the
    iterable submits work as it is drawn, so this bounds the work in flight)."""
    queue: list[Future[T]] = []
    for future in futures:
        queue.append(future)
        if len(queue) >= window:
            yield queue.pop(0).result()
    while queue:
        yield queue.pop(0).result()
