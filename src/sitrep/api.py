"""The Python API, and everything the CLI offers: ``sitrep.open(path)`` returns a ``Sitrep``.

    >>> import sitrep
    >>> with sitrep.open("news.duckdb") as s:
    ...     report = s.ingest(["corpus/"])
    ...     rows = s.contacts("Naftali Bennett", level="leader")

Each ``sitrep`` command is one method here (``sitrep contacts`` is ``Sitrep.contacts``), so a
script, a test or another front end gets exactly what the command prints. The store holds the
data; this class holds the settings and opens the store and the event coder on first use, so
listing articles never pays for loading spaCy and scoring PLOVER sentences never creates a
store file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep import __version__, pipeline
from sitrep.answers import (
    ContactRow,
    DyadRow,
    GapRow,
    Network,
    StoryRow,
    TimelineRow,
    resolve_actor,
)
from sitrep.answers import contacts as answer_contacts
from sitrep.answers import dyad as answer_dyad
from sitrep.answers import gaps as answer_gaps
from sitrep.answers import network as answer_network
from sitrep.answers import stories as answer_stories
from sitrep.answers import timeline as answer_timeline
from sitrep.answers.common import parse_day, period
from sitrep.answers.explain import explain_event
from sitrep.answers.reading import ActorCard, Mark, actor_card, article_marks
from sitrep.brief.period import Period, parse_period
from sitrep.brief.profile import Profile, load_profile
from sitrep.errors import QueryError
from sitrep.evaluate.plover import evaluate_plover
from sitrep.evaluate.score_events import CAUSES as MISS_CAUSES
from sitrep.evaluate.score_events import EvalReport, StoreEvalReport, evaluate_store, participants
from sitrep.export import ExportReport, event_records
from sitrep.export import export as write_export
from sitrep.ingest import count_inputs
from sitrep.pipeline import CodeReport, IngestInterrupted, IngestReport, Progress
from sitrep.settings import Settings, load_settings
from sitrep.store import Store
from sitrep.store.accounts import Login, User
from sitrep.store.events_table import count_linked_events
from sitrep.store.holder import claim as claim_store
from sitrep.store.holder import release as release_store
from sitrep.store.jobs import Job
from sitrep.store.workspace import Document, TeamProfile
from sitrep.teams import ROLES, Accounts, FieldErrors, JobBook, Throttle, Workspace, allowed
from sitrep.teams.workspace import CADENCES, ProfileChoice, profile_form, profile_yaml

if TYPE_CHECKING:
    # Briefings, memos and alerts draw charts (matplotlib): imported when first asked for.
    from sitrep.brief.briefing import Briefing
    from sitrep.brief.memo import Memo, Subject
    from sitrep.brief.render import Written
    from sitrep.brief.watch import WatchReport
    from sitrep.events import Coder

__all__ = [
    "MISS_CAUSES", "BriefResult", "CodeReport", "ContactRow", "DyadRow", "EvalReport",
    "ExportReport", "GapRow", "IngestInterrupted", "IngestReport", "MemoResult", "Network",
    "Period", "Progress",
    "Sitrep", "StoreEvalReport", "StoryRow", "TimelineRow", "WatchReport", "__version__",
    "open", "parse_day", "parse_period", "participants",
    # teams and the web (``sitrep serve``)
    "CADENCES", "ROLES", "Accounts", "ActorCard", "Document", "FieldErrors", "Job", "JobBook",
    "Login", "Mark", "ProfileChoice", "TeamProfile", "Throttle", "User", "Workspace", "allowed",
    "claim_store", "profile_form", "profile_yaml", "release_store",
]

MEMO_DAYS = 90
"""A memo without a period covers this many days up to its last day (default today)."""
SUFFIX_FORMATS = {".json": "jsonl", ".ndjson": "jsonl"}
"""File suffixes naming an export format other than themselves (``.csv`` is ``csv``)."""


@dataclass
class BriefResult:
    """A briefing, the files it was written to, and how emailing it went."""

    briefing: Briefing
    written: Written
    email_error: str | None = None
    """Why emailing failed (None when not asked, or sent)."""


@dataclass
class MemoResult:
    """A memo and, when asked, the files it was written to."""

    memo: Memo
    written: Written | None = None

    @property
    def markdown(self) -> str:
        """The memo as Markdown, with numbered references."""
        from sitrep.brief.memo import render_memo_markdown

        return render_memo_markdown(self.memo)


def _all_is_none(modality: str | None) -> str | None:
    return None if modality in (None, "all") else modality


class Sitrep:
    """An open sitrep store with its settings.

    Args:
        path: the store file; default the ``db`` setting (``./sitrep.duckdb``).
        settings: settings to use instead of those from ``sitrep.toml`` and ``SITREP_*``.
        read_only: open the store for reading only (queries, exports, memos), waiting up to
            the ``lock_wait`` setting while another process writes it.
        on_wait: called once when such a wait begins (with the path and the bound), so a
            caller can say why nothing happens yet.
        **overrides: single settings to change, e.g. ``allow_hosts="127.0.0.1"``.
    """

    def __init__(self, path: str | Path | None = None, settings: Settings | None = None, *,
                 read_only: bool = False, on_wait: Callable[[Path, float], None] | None = None,
                 **overrides: Any) -> None:
        base = settings or load_settings()
        self.settings = base.with_(db=str(path) if path else None, **overrides)
        self.read_only = read_only
        self._on_wait = on_wait
        self._store: Store | None = None
        self._coder: Coder | None = None

    @property
    def store(self) -> Store:
        """The store, opened (or created) on first use.

        Raises:
            StoreError: E301 when it cannot be opened (or, read-only, does not exist), E302
                when it is newer than this sitrep, E305 when another process holds it
                (read-only: for longer than the ``lock_wait`` setting).
        """
        if self._store is None:
            self._store = Store(self.settings.db, self.read_only,
                                wait=self.settings.lock_wait if self.read_only else 0.0,
                                on_wait=self._on_wait)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Sitrep:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def coder(self) -> Coder:
        """The event coder, loaded on first use (spaCy, knowledge base with the ``kb``
        setting, patterns)."""
        if self._coder is None:
            from sitrep.events import Coder

            kb = Path(self.settings.kb) if self.settings.kb else None
            self._coder = Coder.load(model=self.settings.model, kb_extra=kb)
        return self._coder

    def _get_coder(self) -> Coder:
        return self.coder

    # --- ingest and code ----------------------------------------------------------------

    def count_inputs(self, inputs: Sequence[str | Path]) -> int | None:
        """How many items ``inputs`` hold, when that is cheap to know (for a progress bar)."""
        return count_inputs([str(i) for i in inputs])

    def ingest(self, inputs: Sequence[str | Path], *, published: date | None = None,
               code: bool | None = None, progress: Progress | None = None,
               stop: Callable[[], bool] | None = None, workers: int = 1,
               ray: str | None = None) -> IngestReport:
        """Read, extract, deduplicate, store and (by default) code ``inputs``.

        Args:
            inputs: files, directories, WARC archives, feeds (files or URLs) and page URLs.
            published: the publication date for inputs that carry none of their own (a
                JSON field, page metadata or a date in the URL win over it; inference
                from the text comes after it).
            code: code events now (default: the ``code_on_ingest`` setting).
            progress: called once per item, for a progress bar.
            stop: asked between items; True ends the run there (``IngestInterrupted``).
            workers: processes that extract and code in parallel (1: all in this
                process; ``os.cpu_count()`` uses every core). Each loads its own spaCy
                (about 300 MB); this process stays the only writer, in input order.
                Workers are spawned, which re-imports the calling script: a script that
                asks for more than one keeps its work under ``if __name__ == "__main__":``.
            ray: run extraction and coding as tasks on a Ray cluster (``auto`` or its
                address; ``pip install 'sitrep[ray]'``), this process still the writer.

        Raises:
            IngestInterrupted: on Ctrl-C or ``stop``, with the report so far.
            SitrepError: E905 for ``workers`` below 1; E903/E904 when Ray is missing or
                its cluster cannot be reached.
        """
        do_code = self.settings.code_on_ingest if code is None else code
        return pipeline.ingest(
            self.store, [str(i) for i in inputs], self.settings, published=published,
            coder=self._get_coder if do_code else None, progress=progress, stop=stop,
            workers=workers, ray=ray)

    def code(self, *, force: bool = False, progress: Progress | None = None) -> CodeReport:
        """Code stored articles not yet coded by this coder version (all with ``force``)."""
        return pipeline.code_pending(self.store, self._get_coder, force=force,
                                     languages=self.settings.language_set, progress=progress)

    # --- articles and events ------------------------------------------------------------

    def articles(self, *, since: date | None = None, until: date | None = None,
                 site: str | None = None, query: str | None = None,
                 include_duplicates: bool = True,
                 limit: int | None = None) -> list[dict[str, Any]]:
        """Stored articles, newest first, filtered by publication date, site and a search
        of title and text; ``limit`` None or 0 lists all."""
        return self.store.articles(since=since, until=until, site=site, query=query,
                                   include_duplicates=include_duplicates, limit=limit or None)

    def article(self, article_id: str) -> dict[str, Any]:
        """One article by id (or unique id prefix), with its revisions and copies."""
        return self.store.article(article_id)

    def events(self, *, actor: str | None = None, type: str | None = None,  # noqa: A002
               since: date | str | None = None, until: date | str | None = None,
               modality: str | None = "asserted", limit: int | None = None
               ) -> list[dict[str, Any]]:
        """Linked events with the stable export fields, oldest first.

        Args:
            actor: a loose actor name ("Bennett", "Israeli PM", "Israel") or a key; E501/E502
                when it matches nobody or several actors.
            type: a PLOVER type (``CONSULT``).
            since, until: inclusive bounds on the event date.
            modality: ``asserted`` (what happened), another modality, or ``all`` (or None).
            limit: at most this many events (None or 0: all).
        """
        start, stop = parse_day(since), parse_day(until, end=True)
        keys = self._actor_keys(actor, start, stop)
        return list(event_records(self.store, since=start, until=stop,
                                  modality=_all_is_none(modality), actor_keys=keys, type=type,
                                  limit=limit or None))

    def count_events(self, *, actor: str | None = None, type: str | None = None,  # noqa: A002
                     since: date | str | None = None, until: date | str | None = None,
                     modality: str | None = "asserted") -> int:
        """How many events ``events`` lists without a limit (same filters)."""
        start, stop = parse_day(since), parse_day(until, end=True)
        first, last = period(start, stop)
        return count_linked_events(self.store, first, last, modality=_all_is_none(modality),
                                   actor_keys=self._actor_keys(actor, start, stop), type=type)

    def count_articles(self, *, since: date | None = None, until: date | None = None,
                       site: str | None = None, query: str | None = None,
                       include_duplicates: bool = True) -> int:
        """How many articles ``articles`` lists without a limit (same filters)."""
        return self.store.count_articles(since=since, until=until, site=site, query=query,
                                         include_duplicates=include_duplicates)

    def _actor_keys(self, actor: str | None, since: date | None,
                    until: date | None) -> tuple[str, ...] | None:
        if not actor:
            return None
        match = resolve_actor(self.store, actor, since=since, until=until)
        return tuple(match.keys or (match.key,))

    def explain(self, event_id: str) -> dict[str, Any]:
        """An event's evidence with the actor, trigger and date spans of each sentence."""
        return explain_event(self.store, event_id)

    # --- answers ------------------------------------------------------------------------

    def contacts(self, actor: str, *, since: date | str | None = None,
                 until: date | str | None = None, level: str = "all",
                 limit: int | None = None) -> list[ContactRow]:
        """Each counterpart of ``actor`` with contacts counted by mode, most first
        (``sitrep.answers.contacts``); ``limit`` keeps the first N (None or 0: all)."""
        rows = answer_contacts(self.store, actor, since, until, level=level)
        return rows[:limit] if limit else rows

    def timeline(self, actor: str, actor2: str | None = None, *,
                 since: date | str | None = None, until: date | str | None = None,
                 asserted_only: bool = False, plot: str | Path | None = None
                 ) -> list[TimelineRow]:
        """Events of ``actor`` (shared with ``actor2``), oldest first; ``plot`` also draws
        them to a .png or .svg file."""
        rows = answer_timeline(self.store, actor, actor2, since, until,
                               asserted_only=asserted_only)
        if plot is not None:
            from sitrep.answers.charts import plot_timeline

            plot_timeline(rows, plot, title=actor + (f" - {actor2}" if actor2 else ""))
        return rows

    def gaps(self, actor: str, actor2: str, *, since: date | str | None = None,
             until: date | str | None = None, min_days: int = 14) -> list[GapRow]:
        """Stretches of at least ``min_days`` without contact between two actors."""
        return answer_gaps(self.store, actor, actor2, since, until, min_days=min_days)

    def dyad(self, actor: str, actor2: str, *, by: str = "month",
             since: date | str | None = None, until: date | str | None = None,
             plot: str | Path | None = None) -> list[DyadRow]:
        """The cooperation-conflict score between two actors per ``by`` period; ``plot``
        also draws it."""
        rows = answer_dyad(self.store, actor, actor2, by=by, since=since, until=until)
        if plot is not None:
            from sitrep.answers.charts import plot_dyad

            plot_dyad(rows, plot, title=f"{actor} - {actor2}")
        return rows

    def network(self, *, since: date | str | None = None, until: date | str | None = None,
                country: str | None = None, types: Sequence[str] = ("CONSULT",),
                min_weight: int = 1, out: str | Path | None = None,
                plot: str | Path | None = None) -> Network:
        """Actors joined by the asserted events they share; ``out`` writes the graph
        (.graphml, .json, .png or .svg) and ``plot`` draws it."""
        graph = answer_network(self.store, since, until, country=country,
                               types=[t.strip().upper() for t in types if t.strip()],
                               min_weight=min_weight)
        for path in (out, plot):
            if path is not None:
                graph.write(path)
        return graph

    def stories(self, *, since: date | str | None = None, until: date | str | None = None,
                limit: int | None = 50) -> list[StoryRow]:
        """Developing stories active in the period, most recently active first (``limit``
        None or 0: all)."""
        return answer_stories(self.store, since, until, limit=limit or None)

    def article_marks(self, article_id: str) -> list[Mark]:
        """An article's coded events placed in its text, for highlighting the evidence."""
        return article_marks(self.store, article_id)

    def actor(self, name: str) -> ActorCard:
        """Who a loose actor name is, and the offices they held (E501/E502 as ``events``)."""
        return actor_card(self.store, name)

    def export(self, what: str, out: str | Path, *, format: str | None = None,  # noqa: A002
               since: date | str | None = None, until: date | str | None = None,
               modality: str | None = None) -> ExportReport:
        """Write ``events``, ``mentions``, ``articles`` or ``actors`` to a file.

        Args:
            what: the kind of record.
            out: the file; its suffix gives the format unless ``format`` does.
            format: ``jsonl``, ``csv``, ``parquet`` or ``plover`` (events only).
            since, until: events only: bounds on the event date.
            modality: events only: keep this modality (``all`` or None: every one).
        """
        path = Path(out)
        suffix = path.suffix.lower()
        fmt = format or SUFFIX_FORMATS.get(suffix, suffix.lstrip("."))
        return write_export(self.store, what, fmt, path, since=since, until=until,
                            modality=_all_is_none(modality))

    # --- briefings, memos, alerts -------------------------------------------------------

    def brief(self, profile: str | Path, period: Period, *,
              out: str | Path = "briefings", email: bool = False) -> BriefResult:
        """Build a briefing for a profile (a file or bundled name), write its Markdown and
        HTML into ``out``, record it, and, with ``email``, send it."""
        from sitrep.brief.briefing import build_briefing, email_briefing, write_briefing

        briefing = build_briefing(self.store, load_profile(profile), period)
        written = write_briefing(self.store, briefing, out)
        result = BriefResult(briefing, written)
        if email:
            result.email_error = email_briefing(briefing, written)
        return result

    def memo(self, actor: str | None = None, *, other: str | None = None,
             topic: str | None = None, since: date | None = None, until: date | None = None,
             out: str | Path | None = None) -> MemoResult:
        """A memo on an actor, a pair (``other``) or a ``topic``, over ``since``..``until``
        (default: the ``MEMO_DAYS`` days up to today); ``out`` also writes it.

        Raises:
            QueryError: E501 when neither an actor nor a topic is named.
        """
        from sitrep.brief.memo import build_memo, write_memo

        last = until or date.today()
        first = since or last - timedelta(days=MEMO_DAYS)
        doc = build_memo(self.store, _subject(actor, other, topic), first, last)
        return MemoResult(doc, write_memo(doc, out) if out is not None else None)

    def watch(self, feeds: Sequence[str], profiles: Sequence[str | Path | Profile], *,
              every: str | timedelta = "15m", iterations: int | None = None,
              since: date | None = None, email: bool = True) -> WatchReport:
        """Poll feeds, ingest what is new and alert each profile on its new events.

        Args:
            feeds: feed URLs or files.
            profiles: profile files, bundled names, or profiles already loaded.
            every: time between polls (``30s``, ``15m``, ``2h``).
            iterations: number of polls (None or 0: until interrupted).
            since: oldest event date alerted on (default: a week before each poll).
            email: use the email channel where configured.
        """
        from sitrep.brief.watch import parse_every
        from sitrep.brief.watch import watch as run_watch

        gap = parse_every(every) if isinstance(every, str) else every
        loaded = [p if isinstance(p, Profile) else load_profile(p) for p in profiles]
        return run_watch(self, feeds, loaded, gap, iterations or None, since=since,
                         email=email)

    # --- evaluation ---------------------------------------------------------------------

    def eval_events(self, gold: str | Path, *, docmap: str | Path | None = None
                    ) -> StoreEvalReport:
        """Score the stored events of the documents a gold file names, as the evaluation
        set's reference scorer does (``docmap``: gold doc id -> URL; default: the
        ``*-docmap.json`` beside the gold file, else documents named by file name)."""
        return evaluate_store(self.store, Path(gold), Path(docmap) if docmap else None)

    def eval_plover(self, gold: str | Path) -> dict[str, Any]:
        """Type and country accuracy of this store's coder on PLOVER gold sentences."""
        return evaluate_plover(Path(gold), self.coder)

    # --- teams: users, logins, team workspaces and jobs (``sitrep serve``) --------------

    def accounts(self, throttle: Throttle | None = None) -> Accounts:
        """Users, passwords, API tokens and login sessions kept in this store; a server
        passes one ``throttle`` so failed logins count across requests."""
        return Accounts(self.store, throttle)

    def workspace(self, team: str) -> Workspace:
        """A team's profiles, briefings and memos."""
        return Workspace(self.store, team)

    def jobs(self) -> JobBook:
        """The background jobs a server runs on this store."""
        return JobBook(self.store)

    def cursor(self) -> Sitrep:
        """This store through a connection of its own, for another thread: same settings,
        reads that never wait on this connection's writes (``Store.cursor``)."""
        other = Sitrep(settings=self.settings)
        other._store = self.store.cursor()
        return other


def _subject(actor: str | None, other: str | None, topic: str | None) -> Subject:
    from sitrep.brief.memo import Topic

    if topic and not actor:
        return Topic(topic)
    if not actor:
        raise QueryError("E501", "name an ACTOR (and --with another), or give --topic")
    return (actor, other) if other else actor


def open(path: str | Path | None = None, **overrides: Any) -> Sitrep:  # noqa: A001
    """Open (or create) a store; see ``Sitrep``."""
    return Sitrep(path, **overrides)
