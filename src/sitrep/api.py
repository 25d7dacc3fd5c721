"""The Python API that the CLI wraps: ``sitrep.open(path)`` returns a ``Sitrep``.

    >>> import sitrep
    >>> with sitrep.open("news.duckdb") as s:
    ...     report = s.ingest(["corpus/"])
    ...     rows = s.events(actor="Naftali Bennett")

The store holds the data; this class holds the settings and the (lazily loaded) event coder,
so opening a store to list articles never pays for loading spaCy.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep import pipeline
from sitrep.export import event_records
from sitrep.brief.period import Period, parse_period
from sitrep.ingest import count_inputs
from sitrep.settings import Settings, load_settings
from sitrep.store.accounts import Login, User
from sitrep.store.holder import claim as claim_store
from sitrep.store.holder import release as release_store
from sitrep.store.jobs import Job
from sitrep.store.workspace import Document, TeamProfile
from sitrep.teams import ROLES, Accounts, FieldErrors, JobBook, Throttle, Workspace, allowed
from sitrep.teams.workspace import CADENCES, ProfileChoice, profile_form, profile_yaml
from sitrep.store import Store
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
from sitrep.answers.common import parse_day
from sitrep.answers.explain import explain_event
from sitrep.answers.reading import ActorCard, Mark, actor_card, article_marks

if TYPE_CHECKING:
    from sitrep.events import Coder


__all__ = [
    "CADENCES", "ROLES", "Accounts", "ActorCard", "ContactRow", "Document", "DyadRow",
    "FieldErrors", "GapRow", "Job", "JobBook", "Login", "Mark", "Network", "Period",
    "ProfileChoice", "Sitrep", "StoryRow", "TeamProfile", "Throttle", "TimelineRow", "User",
    "Workspace", "allowed", "claim_store", "open", "parse_day", "parse_period", "profile_form",
    "profile_yaml", "release_store",
]


def _all_is_none(modality: str | None) -> str | None:
    return None if modality in (None, "all") else modality


class Sitrep:
    """An open sitrep store with its settings.

    Args:
        path: the store file; default the ``db`` setting (``./sitrep.duckdb``).
        settings: settings to use instead of those from ``sitrep.toml`` and ``SITREP_*``.
        **overrides: single settings to change, e.g. ``allow_hosts="127.0.0.1"``.
    """

    def __init__(self, path: str | Path | None = None, settings: Settings | None = None,
                 **overrides: Any) -> None:
        base = settings or load_settings()
        self.settings = base.with_(db=str(path) if path else None, **overrides)
        self.store = Store(self.settings.db)
        self._coder: Coder | None = None

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Sitrep:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def coder(self) -> Coder:
        """The event coder, loaded on first use (spaCy, knowledge base, patterns)."""
        if self._coder is None:
            from sitrep.events import Coder

            kb = Path(self.settings.kb) if self.settings.kb else None
            self._coder = Coder.load(model=self.settings.model, kb_extra=kb)
        return self._coder

    def _get_coder(self) -> Coder:
        return self.coder

    def count_inputs(self, inputs: Sequence[str | Path]) -> int | None:
        """How many items ``inputs`` hold, when that is cheap to know (for a progress bar)."""
        return count_inputs([str(i) for i in inputs])

    def ingest(self, inputs: Sequence[str | Path], *, published: date | None = None,
               code: bool | None = None,
               progress: pipeline.Progress | None = None) -> pipeline.IngestReport:
        """Read, extract, deduplicate, store and (by default) code ``inputs``.

        Args:
            inputs: files, directories, WARC archives, feeds (files or URLs) and page URLs.
            published: the publication date for inputs that carry none of their own (a
                JSON field, page metadata or a date in the URL win over it; inference
                from the text comes after it).
            code: code events now (default: the ``code_on_ingest`` setting).
            progress: called once per item, for a progress bar.
        """
        do_code = self.settings.code_on_ingest if code is None else code
        return pipeline.ingest(
            self.store, [str(i) for i in inputs], self.settings, published=published,
            coder=self._get_coder if do_code else None, progress=progress)

    def code(self, *, force: bool = False,
             progress: pipeline.Progress | None = None) -> pipeline.CodeReport:
        """Code stored articles not yet coded by this coder version (all with ``force``)."""
        return pipeline.code_pending(self.store, self._get_coder, force=force, progress=progress)

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
        keys = None
        if actor:
            match = resolve_actor(self.store, actor, since=start, until=stop)
            keys = match.keys or (match.key,)
        return list(event_records(self.store, since=start, until=stop,
                                  modality=_all_is_none(modality), actor_keys=keys, type=type,
                                  limit=limit or None))

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
        other = Sitrep.__new__(Sitrep)
        other.settings = self.settings
        other.store = self.store.cursor()
        other._coder = None
        return other


def open(path: str | Path | None = None, **overrides: Any) -> Sitrep:  # noqa: A001
    """Open (or create) a store; see ``Sitrep``."""
    return Sitrep(path, **overrides)
