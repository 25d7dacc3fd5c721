"""The Python API that the CLI wraps: ``sitrep.open(path)`` returns a ``Sitrep``.

    >>> import sitrep
    >>> with sitrep.open("news.duckdb") as s:
    ...     report = s.ingest(["corpus/"])
    ...     rows = s.events(actor="Naftali Bennett")

The store holds the data; this class holds the settings and the (lazily loaded) event coder,
so opening a store to list articles never pays for loading spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep import pipeline
from sitrep.settings import Settings, load_settings
from sitrep.store import Store
from sitrep.answers.explain import explain_event

if TYPE_CHECKING:
    from sitrep.events import Coder


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
        self.store = Store(self.settings.db, read_only=read_only,
                           wait=self.settings.lock_wait if read_only else 0.0, on_wait=on_wait)
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

    def ingest(self, inputs: Sequence[str | Path], *, published: date | None = None,
               code: bool | None = None, progress: pipeline.Progress | None = None,
               stop: Callable[[], bool] | None = None) -> pipeline.IngestReport:
        """Read, extract, deduplicate, store and (by default) code ``inputs``.

        Args:
            inputs: files, directories, WARC archives, feeds (files or URLs) and page URLs.
            published: the publication date for inputs that carry none of their own (a
                JSON field, page metadata or a date in the URL win over it; inference
                from the text comes after it).
            code: code events now (default: the ``code_on_ingest`` setting).
            progress: called once per item, for a progress bar.
            stop: asked between items; True ends the run there (``IngestInterrupted``).
        """
        do_code = self.settings.code_on_ingest if code is None else code
        return pipeline.ingest(
            self.store, [str(i) for i in inputs], self.settings, published=published,
            coder=self._get_coder if do_code else None, progress=progress, stop=stop)

    def code(self, *, force: bool = False,
             progress: pipeline.Progress | None = None) -> pipeline.CodeReport:
        """Code stored articles not yet coded by this coder version (all with ``force``)."""
        return pipeline.code_pending(self.store, self._get_coder, force=force,
                                     languages=self.settings.language_set, progress=progress)

    def articles(self, **filters: Any) -> list[dict[str, Any]]:
        """Stored articles; see ``Store.articles`` for the filters."""
        return self.store.articles(**filters)

    def article(self, article_id: str) -> dict[str, Any]:
        """One article by id (or unique id prefix), with its revisions and copies."""
        return self.store.article(article_id)

    def events(self, *, actor: str | None = None, type: str | None = None,  # noqa: A002
               since: date | None = None, until: date | None = None,
               modality: str | None = "asserted", limit: int | None = None
               ) -> list[dict[str, Any]]:
        """Linked events with the stable export fields, oldest first.

        Args:
            actor: a loose actor name ("Bennett", "Israeli PM", "Israel") or a key; E501/E502
                when it matches nobody or several actors.
            type: a PLOVER type (``CONSULT``).
            since, until: inclusive bounds on the event date.
            modality: ``asserted`` (what happened), another modality, or None for all.
            limit: at most this many events.
        """
        from sitrep.export import event_records

        keys = self._actor_keys(actor, since, until)
        return list(event_records(self.store, since=since, until=until, modality=modality,
                                  actor_keys=keys, type=type, limit=limit))

    def count_events(self, *, actor: str | None = None, type: str | None = None,  # noqa: A002
                     since: date | None = None, until: date | None = None,
                     modality: str | None = "asserted") -> int:
        """How many events ``events`` would list without a limit (same filters)."""
        from sitrep.answers.common import period
        from sitrep.store.events_table import count_linked_events

        keys = self._actor_keys(actor, since, until)
        start, stop = period(since, until)
        return count_linked_events(self.store, start, stop, modality=modality,
                                   actor_keys=keys, type=type)

    def count_articles(self, **filters: Any) -> int:
        """How many articles ``articles`` would list without a limit (same filters)."""
        return self.store.count_articles(**filters)

    def _actor_keys(self, actor: str | None, since: date | None,
                    until: date | None) -> tuple[str, ...] | None:
        if not actor:
            return None
        from sitrep.answers import resolve_actor

        match = resolve_actor(self.store, actor, since=since, until=until)
        return tuple(match.keys or (match.key,))

    def explain(self, event_id: str) -> dict[str, Any]:
        """An event's evidence with the actor, trigger and date spans of each sentence."""
        return explain_event(self.store, event_id)


def open(path: str | Path | None = None, **overrides: Any) -> Sitrep:  # noqa: A001
    """Open (or create) a store; see ``Sitrep``."""
    return Sitrep(path, **overrides)
