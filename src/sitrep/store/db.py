"""The DuckDB store: one file holds articles, coded mentions, linked events and stories.

Every write that belongs to one article happens in one transaction (``Store.transaction``),
so a crash or kill leaves either the whole article or nothing, and re-running finishes the
rest. DuckDB allows one writing process per file; a second one gets E305.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

import duckdb

from sitrep import dedup
from sitrep.actors.identity import actor_key
from sitrep.errors import StoreError
from sitrep.record import ActorRef, Article, Event, article_id_for
from sitrep.store.holder import holder
from sitrep.store.rows import MENTION_COLUMNS, dicts, mention_row, placeholders
from sitrep.store.schema import SCHEMA_VERSION, current_version, migrate

Outcome = Literal["new", "updated", "unchanged", "duplicate"]


@dataclass(frozen=True)
class Classification:
    """How an incoming article relates to what the store holds."""

    outcome: Outcome
    canonical_id: str | None
    similarity: float | None
    band_keys: list[int]
    revision: int
    ingested_at: datetime | None

_ARTICLE_COLUMNS = (
    "id", "url", "canonical_url", "title", "text", "origin", "published", "published_source",
    "published_evidence", "authors", "site", "language", "content_hash", "revision",
    "canonical_id", "similarity", "extra", "ingested_at", "updated_at", "coded_at",
    "coder_version", "story_id", "raw_hash",
)


LOCK_POLL = 0.1
"""First pause, in seconds, before trying again a store another process holds (it doubles)."""


def _article_filters(since: date | None, until: date | None, site: str | None,
                     query: str | None, include_duplicates: bool) -> tuple[str, list[Any]]:
    """The WHERE clause and parameters the article listing filters make."""
    where: list[str] = ["1=1"]
    params: list[Any] = []
    if since:
        where.append("published >= ?")
        params.append(since)
    if until:
        where.append("published <= ?")
        params.append(until)
    if site:
        where.append("site ILIKE ?")
        params.append(f"%{site}%")
    if query:
        where.append("(title ILIKE ? OR text ILIKE ?)")
        params += [f"%{query}%"] * 2
    if not include_duplicates:
        where.append("canonical_id IS NULL")
    return " AND ".join(where), params


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """An open store file. Use as a context manager, or call ``close``.

    Args:
        path: the store file (created when opened for writing).
        read_only: open for reading only: a read-only file can be read, and several readers
            may share the store. A store written by an older sitrep is upgraded first.
        wait: seconds to wait, when another process is writing the store (an ingest holds
            it for its whole run), before giving up with E305; 0 gives up at once.
        on_wait: called once, with the path and ``wait``, when a wait begins, so the caller
            can tell the user why nothing happens yet.

    Raises:
        StoreError: E301 when the file cannot be opened (or, read-only, does not exist),
            E302 when it is newer than this sitrep, E305 when another process holds it
            beyond ``wait``, E306 at once when ``sitrep serve`` holds it.
    """

    def __init__(self, path: str | Path, read_only: bool = False, *, wait: float = 0.0,
                 on_wait: Callable[[Path, float], None] | None = None) -> None:
        self.path = Path(path)
        self._actors_stored: set[str] = set()
        self._actors_adding: set[str] | None = None
        if read_only and not self.path.exists():
            raise StoreError("E301", "no store here yet; `sitrep ingest` creates it",
                             item=str(path))
        self.con = self._connect(read_only, wait, on_wait)
        if read_only:
            self._upgrade_if_older(wait, on_wait)
        else:
            try:
                migrate(self.con)
            except ValueError as exc:
                self.con.close()
                raise StoreError("E302", str(exc), item=str(path)) from None

    def _connect(self, read_only: bool, wait: float,
                 on_wait: Callable[[Path, float], None] | None) -> duckdb.DuckDBPyConnection:
        """Connect, retrying while another process holds the file's lock, up to ``wait``."""
        if not read_only:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError("E301", str(exc), item=str(self.path)) from None
        deadline = time.monotonic() + wait
        pause = LOCK_POLL
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=read_only)
            except duckdb.IOException as exc:
                locked = "lock" in str(exc).lower()
                if not locked:
                    raise StoreError("E301", str(exc).splitlines()[0],
                                     item=str(self.path)) from None
                server = holder(self.path)
                if server is not None:  # a server holds it for as long as it runs
                    raise StoreError("E306", f"sitrep serve (pid {server.pid}) at {server.url} "
                                     "owns it: use its web app or /api/v1/, or stop it first",
                                     item=str(self.path)) from None
                if time.monotonic() >= deadline:
                    detail = "another process is writing it" + (
                        f"; waited {wait:.0f} s" if wait else "")
                    raise StoreError("E305", detail, item=str(self.path)) from None
                if on_wait is not None and pause == LOCK_POLL:
                    on_wait(self.path, wait)
                time.sleep(min(pause, max(deadline - time.monotonic(), 0.0)))
                pause = min(pause * 2, 1.0)
            except duckdb.Error as exc:
                raise StoreError("E301", str(exc).splitlines()[0], item=str(self.path)) from None

    def _upgrade_if_older(self, wait: float,
                          on_wait: Callable[[Path, float], None] | None) -> None:
        """A read-only store of an older schema is upgraded once, then read again."""
        found = current_version(self.con)
        if found > SCHEMA_VERSION:
            self.con.close()
            raise StoreError("E302", f"store schema {found} > supported {SCHEMA_VERSION}",
                             item=str(self.path))
        if found == SCHEMA_VERSION:
            return
        self.con.close()
        Store(self.path, wait=wait, on_wait=on_wait).close()
        self.con = self._connect(True, wait, on_wait)

    def cursor(self) -> Store:
        """Another connection to this store's database, for one more thread.

        DuckDB connections are not shared between threads; a cursor is a connection of its
        own to the same database, whose reads see what other connections committed and never
        wait on their open transactions.
        """
        other = Store.__new__(Store)
        other.path = self.path
        other.con = self.con.cursor()
        other._actors_stored, other._actors_adding = set(), None
        return other

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: commits on success, rolls back on any exception."""
        self.con.execute("BEGIN TRANSACTION")
        self._actors_adding = set()
        try:
            yield self.con
        except BaseException:
            self._actors_adding = None
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")
        self._actors_stored |= self._actors_adding
        self._actors_adding = None

    @contextmanager
    def one_thread(self) -> Iterator[None]:
        """Run DuckDB on one thread inside: an ingest's writer runs thousands of statements
        of a few rows each, which cost more spread over threads than on one (the writer's
        SQL time on the bundled corpus: 19.1 s on 2 threads, 13.0 s on one), and the
        ingest's coder needs the other cores. The setting is the database's, so restored
        after."""
        row = self.con.execute("SELECT current_setting('threads')").fetchone()
        before = int(row[0]) if row else 1
        self.con.execute("SET threads = 1")
        try:
            yield
        finally:
            self.con.execute(f"SET threads = {before}")

    # --- articles ------------------------------------------------------------------------

    def raw_unchanged(self, url: str, raw_hash: str) -> bool:
        """True when this URL is stored from this very input: extraction can be skipped."""
        row = self.con.execute("SELECT raw_hash FROM articles WHERE id = ?",
                               [article_id_for(url)]).fetchone()
        return row is not None and row[0] == raw_hash

    def remember_raw_hash(self, article: Article) -> None:
        """Record that ``article.raw_hash`` yields the stored text (new bytes, same text)."""
        self.con.execute("UPDATE articles SET raw_hash = ? WHERE id = ?",
                         [article.raw_hash, article.id])

    def classify(self, article: Article, threshold: float = 0.8,
                 band_keys: list[int] | None = None) -> Classification:
        """What saving ``article`` would do, without writing anything.

        Args:
            article: the extracted article.
            threshold: the Jaccard similarity from which it is a near-copy.
            band_keys: its MinHash band keys when already computed (by an ingest worker);
                its shingles are then made only if some stored article shares a band.

        Returns:
            A ``Classification`` whose ``outcome`` is ``new``, ``updated`` (same URL, changed
            text: a new revision), ``unchanged`` (same URL, same text: nothing to write) or
            ``duplicate`` (new URL whose text near-duplicates a stored article).
        """
        article.id = article.id or article_id_for(article.url)
        row = self.con.execute(
            "SELECT content_hash, revision, ingested_at FROM articles WHERE id = ?", [article.id]
        ).fetchone()
        if row and row[0] == article.content_hash:
            return Classification("unchanged", None, None, [], row[1], row[2])
        keys = band_keys if band_keys is not None else dedup.band_keys(
            dedup.shingles(article.text))
        canonical = self._near_duplicate(article.id, article.text, keys, threshold)
        root, similarity = canonical if canonical else (None, None)
        outcome: Outcome = "updated" if row else ("duplicate" if root else "new")
        return Classification(outcome, root, similarity, keys, row[1] if row else 0,
                              row[2] if row else None)

    def save_article(self, article: Article, found: Classification,
                     coded: tuple[Sequence[Event], str] | None = None) -> None:
        """Insert or revise one article as ``classify`` found it, with its coded mentions
        when ``coded`` (its events and the coder version) is given.

        Must run inside ``transaction()``, so a crash leaves the article either whole (with
        its mentions) or absent. Written with as few statements as it takes: the writer is
        the one serial step of a parallel ingest.
        """
        if found.outcome == "unchanged":
            return
        now = _now()
        article.canonical_id = found.canonical_id
        if found.outcome == "updated":
            self._archive_revision(article.id or "")
            article.revision = found.revision + 1
            for table, column in (("articles", "id"), ("minhash_bands", "article_id"),
                                  ("mentions", "article_id")):
                self.con.execute(f"DELETE FROM {table} WHERE {column} = ?", [article.id])
        self._insert_article(article, found.similarity, ingested_at=found.ingested_at or now,
                             now=now, coder_version=coded[1] if coded else None)
        self.con.execute("INSERT INTO minhash_bands SELECT unnest(?), ?",
                         [found.band_keys, article.id])
        if coded is not None:
            # the article is new here (or its old mentions were just deleted)
            self._insert_mentions(article.id or "", coded[0], coded[1])
        self.queue_for_linking([article.id or ""])

    def _insert_article(self, a: Article, similarity: float | None, *, ingested_at: datetime,
                        now: datetime, coder_version: str | None = None) -> None:
        self.con.execute(
            f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) VALUES "
            f"({', '.join('?' * len(_ARTICLE_COLUMNS))})",
            [a.id, a.url, a.canonical_url, a.title, a.text, a.origin, a.published,
             a.published_source, a.published_evidence, a.authors, a.site, a.language,
             a.content_hash, a.revision, a.canonical_id, similarity, json.dumps(a.extra),
             ingested_at, now, now if coder_version is not None else None, coder_version,
             None, a.raw_hash],
        )

    def _archive_revision(self, article_id: str) -> None:
        self.con.execute(
            "INSERT INTO article_revisions SELECT id, revision, content_hash, title, text, "
            "published, updated_at FROM articles WHERE id = ?", [article_id]
        )

    def _near_duplicate(self, article_id: str, text: str, keys: list[int],
                        threshold: float) -> tuple[str, float] | None:
        """The earliest stored original whose text is a near-copy of ``text``."""
        if not keys:
            return None
        # Two steps: the band lookup alone uses the bucket index (well under a millisecond on
        # millions of bands); joined to articles in one query it scanned them (34 ms at 200k
        # articles), twice per article written.
        candidates = [r[0] for r in self.con.execute(
            "SELECT DISTINCT article_id FROM minhash_bands "
            f"WHERE bucket IN ({', '.join(str(int(k)) for k in keys)})").fetchall()
            if r[0] != article_id]
        if not candidates:
            return None
        rows = self.con.execute(
            "SELECT id, text, coalesce(canonical_id, id) AS root, ingested_at FROM articles "
            "WHERE id IN (SELECT unnest(?::VARCHAR[])) ORDER BY ingested_at, id",
            [candidates]).fetchall()
        grams = dedup.shingles(text) if rows else set()
        for _, stored, root, _ in rows:
            similarity = dedup.jaccard(grams, dedup.shingles(stored or ""))
            if similarity >= threshold:
                return root, round(similarity, 4)
        return None

    def article(self, article_id: str) -> dict[str, Any]:
        """One article as a dict of its columns, plus its revisions and copies.

        Raises:
            StoreError: E303 when no article has this id (or unique id prefix).
        """
        rows = self._select_articles("WHERE id = ? OR id LIKE ?", [article_id, article_id + "%"])
        if len(rows) != 1:
            detail = "no such id" if not rows else f"{len(rows)} ids start with it"
            raise StoreError("E303", detail, item=article_id)
        found = rows[0]
        found["revisions"] = [r[0] for r in self.con.execute(
            "SELECT revision FROM article_revisions WHERE article_id = ? ORDER BY revision",
            [found["id"]]).fetchall()]
        found["copies"] = [r[0] for r in self.con.execute(
            "SELECT id FROM articles WHERE canonical_id = ? ORDER BY ingested_at",
            [found["id"]]).fetchall()]
        return found

    def articles(self, *, since: date | None = None, until: date | None = None,
                 site: str | None = None, query: str | None = None,
                 include_duplicates: bool = True, limit: int | None = None) -> list[dict[str, Any]]:
        """Articles, newest first, filtered by publication date, site and a text search."""
        where, params = _article_filters(since, until, site, query, include_duplicates)
        sql = f"WHERE {where} ORDER BY published DESC NULLS LAST, id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self._select_articles(sql, params)

    def count_articles(self, *, since: date | None = None, until: date | None = None,
                       site: str | None = None, query: str | None = None,
                       include_duplicates: bool = True) -> int:
        """How many articles ``articles`` would list without a limit."""
        where, params = _article_filters(since, until, site, query, include_duplicates)
        row = self.con.execute(f"SELECT count(*) FROM articles WHERE {where}", params).fetchone()
        return int(row[0]) if row else 0

    def _select_articles(self, tail: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        cur = self.con.execute(f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles {tail}", params)
        rows = [dict(zip(_ARTICLE_COLUMNS, r, strict=True)) for r in cur.fetchall()]
        for r in rows:
            r["extra"] = json.loads(r["extra"]) if r["extra"] else {}
        return rows

    def load_article(self, article_id: str) -> Article:
        """An article as the extract stage made it (for re-coding).

        Raises:
            StoreError: E303 when no article has this id (or unique id prefix).
        """
        row = self.article(article_id)
        return Article(
            url=row["url"], title=row["title"] or "", text=row["text"] or "",
            origin=row["origin"], published=row["published"],
            published_source=row["published_source"],
            published_evidence=row["published_evidence"], authors=list(row["authors"] or []),
            site=row["site"], canonical_url=row["canonical_url"], language=row["language"],
            extra=row["extra"], id=row["id"], revision=row["revision"],
            canonical_id=row["canonical_id"],
        )

    def articles_to_code(self, coder_version: str, *, force: bool = False,
                         languages: Collection[str] | None = None) -> list[str]:
        """Originals not coded by ``coder_version`` (every original with ``force``), oldest
        first; with ``languages``, only articles in one of them (the others stay not coded)."""
        rows = self.con.execute(
            "SELECT id FROM articles WHERE canonical_id IS NULL AND "
            "(coded_at IS NULL OR ? OR coder_version IS DISTINCT FROM ?) AND "
            "(? OR list_contains(?, coalesce(language, ''))) ORDER BY ingested_at",
            [force, coder_version, languages is None, sorted(languages or ())],
        ).fetchall()
        return [r[0] for r in rows]

    def count_uncoded(self, languages: Collection[str] | None = None) -> int:
        """Originals with no coded mentions yet (left by a crash, or ingested uncoded); with
        ``languages``, only those in one of them."""
        row = self.con.execute(
            "SELECT count(*) FROM articles WHERE canonical_id IS NULL AND coded_at IS NULL "
            "AND (? OR list_contains(?, coalesce(language, '')))",
            [languages is None, sorted(languages or ())]).fetchone()
        return int(row[0]) if row else 0

    def original_articles(self) -> list[dict[str, Any]]:
        """Every original article's ``id``, ``url``, ``origin`` and source ``record_id`` (the
        ``id`` field of a JSON record), by which gold files name documents."""
        cur = self.con.execute(
            "SELECT id, url, origin, json_extract_string(extra, '$.id') AS record_id "
            "FROM articles WHERE canonical_id IS NULL")
        return dicts(cur)

    def article_urls(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        """The URL of each of these stored articles (absent ids are left out)."""
        rows = self.con.execute("SELECT id, url FROM articles WHERE list_contains(?, id)",
                                [list(article_ids)]).fetchall()
        return {r[0]: r[1] for r in rows}

    def count(self, table: str) -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    # --- HTTP validators (implements sitrep.ingest.HttpCache) -------------------------------

    def get(self, url: str) -> tuple[str | None, str | None] | None:
        row = self.con.execute(
            "SELECT etag, last_modified FROM http_cache WHERE url = ?", [url]).fetchone()
        return (row[0], row[1]) if row else None

    def put(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.con.execute(
            "INSERT INTO http_cache VALUES (?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET "
            "etag = excluded.etag, last_modified = excluded.last_modified, "
            "checked_at = excluded.checked_at", [url, etag, last_modified, _now()])

    # --- coded mentions ------------------------------------------------------------------

    def replace_mentions(self, article_id: str, events: Sequence[Event],
                         coder_version: str) -> None:
        """Replace an article's coded mentions (re-coding never inflates a count).

        Must run inside ``transaction()``.
        """
        self.con.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
        self._insert_mentions(article_id, events, coder_version)
        self.con.execute(
            "UPDATE articles SET coded_at = ?, coder_version = ? WHERE id = ?",
            [_now(), coder_version, article_id])
        self.queue_for_linking([article_id])

    def _insert_mentions(self, article_id: str, events: Sequence[Event],
                         coder_version: str) -> None:
        """Insert an article's mentions and remember their actors (no delete, no mark)."""
        rows = [mention_row(article_id, i, ev, coder_version) for i, ev in enumerate(events)]
        # One statement for all rows: the writer is the one serial step of a parallel
        # ingest, and executemany runs a statement per row.
        if rows:
            self.con.execute(
                f"INSERT INTO mentions ({', '.join(MENTION_COLUMNS)}) VALUES "
                + ", ".join([f"({placeholders(MENTION_COLUMNS)})"] * len(rows)),
                [value for row in rows for value in row])
        actors: dict[str, ActorRef] = {}
        for ev in events:
            for actor in ev.actors:
                actors.setdefault(actor_key(actor), actor)
        self._remember_actors(actors)

    # --- the durable "needs linking" mark ----------------------------------------------

    def queue_for_linking(self, article_ids: Sequence[str]) -> None:
        """Mark articles whose events and story must be (re)linked.

        Written inside the transaction that writes the article or its mentions, so no crash
        can leave a stored article that no later run will link.
        """
        if not article_ids:
            return
        # Delete, then insert: an upsert (ON CONFLICT) costs DuckDB three times as much,
        # and this runs once per article written.
        ids, now = list(dict.fromkeys(article_ids)), _now()
        self.con.execute("DELETE FROM link_queue WHERE list_contains(?, article_id)", [ids])
        self.con.execute("INSERT INTO link_queue VALUES " + ", ".join(["(?, ?)"] * len(ids)),
                         [v for a in ids for v in (a, now)])

    def queued_for_linking(self) -> list[str]:
        """Articles marked for linking (by this run or by one that did not finish)."""
        rows = self.con.execute(
            "SELECT q.article_id FROM link_queue q JOIN articles a ON a.id = q.article_id "
            "ORDER BY q.queued_at, q.article_id").fetchall()
        return [r[0] for r in rows]

    def linked(self, article_ids: Sequence[str]) -> None:
        """Clear the mark of articles whose events and story are now linked."""
        self.con.execute("DELETE FROM link_queue WHERE list_contains(?, article_id)",
                         [list(article_ids)])

    def _remember_actors(self, actors: dict[str, ActorRef]) -> None:
        """Add actors by key (one already known keeps its row).

        Keys this connection has seen committed are skipped before any SQL: an upsert costs
        the single writer about 3 ms per article, and most articles name only actors met
        before. Actor rows are never deleted, so a key once committed stays true; keys of a
        transaction count only once it commits.
        """
        new = {key: a for key, a in actors.items() if key not in self._actors_stored}
        if not new:
            return
        self.con.execute(
            "INSERT INTO actors VALUES " + ", ".join(["(?, ?, ?, ?, ?)"] * len(new))
            + " ON CONFLICT (key) DO NOTHING",
            [v for key, a in new.items() for v in (key, a.name, a.kind, a.country, a.sector)])
        if self._actors_adding is None:  # autocommitted
            self._actors_stored |= new.keys()
        else:
            self._actors_adding |= new.keys()

