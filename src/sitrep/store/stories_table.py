"""The ``stories`` and ``article_embeddings`` tables, and each article's ``story_id``: what
the link stage reads and writes to group articles into developing stories.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sitrep.safety import shift_days
from sitrep.store.db import Store


@dataclass(frozen=True)
class StoryArticle:
    """An article waiting for a story."""

    id: str
    title: str | None
    text: str | None
    published: date | None
    canonical_id: str | None


@dataclass(frozen=True)
class StoredStory:
    """A story as stored, with the actor keys its articles name."""

    id: str
    title: str | None
    first: date | None
    last: date | None
    n_articles: int
    centroid: list[float]
    keys: frozenset[str]


def unplaced_articles(store: Store, article_ids: Sequence[str] | None) -> list[StoryArticle]:
    """Articles without a story (among ``article_ids``; all when None), in publication
    order."""
    sql = ("SELECT id, title, text, published, canonical_id FROM articles "
           "WHERE {} ORDER BY published NULLS LAST, ingested_at, id")
    if article_ids is None:
        rows = store.con.execute(sql.format("story_id IS NULL")).fetchall()
    else:
        store.con.execute("CREATE OR REPLACE TEMP TABLE story_seed (id VARCHAR)")
        store.con.executemany("INSERT INTO story_seed VALUES (?)", [[a] for a in article_ids])
        rows = store.con.execute(
            sql.format("id IN (SELECT id FROM story_seed) AND story_id IS NULL")).fetchall()
    return [StoryArticle(*r) for r in rows]


def stored_vectors(store: Store, article_ids: Sequence[str]) -> dict[str, list[float]]:
    """The stored embedding of each of these articles that has one."""
    rows = store.con.execute(
        "SELECT article_id, vector FROM article_embeddings WHERE list_contains(?, article_id)",
        [list(article_ids)]).fetchall()
    return {r[0]: r[1] for r in rows}


def save_vectors(store: Store, vectors: Sequence[tuple[str, list[float]]]) -> None:
    """Store (or replace) article embeddings, in one transaction."""
    with store.transaction():
        store.con.executemany(
            "INSERT INTO article_embeddings VALUES (?, ?) ON CONFLICT (article_id) "
            "DO UPDATE SET vector = excluded.vector", [list(v) for v in vectors])


def add_vector(store: Store, article_id: str, vector: list[float]) -> None:
    """Store an article's embedding unless it has one (the story stage reuses it); runs
    inside the caller's transaction, the one that writes the article."""
    # NOT EXISTS rather than ON CONFLICT: the same effect at half the writer's cost
    store.con.execute("INSERT INTO article_embeddings SELECT $id, $vector WHERE NOT EXISTS "
                      "(SELECT 1 FROM article_embeddings WHERE article_id = $id)",
                      {"id": article_id, "vector": vector})


def vector_sample(store: Store, size: int) -> list[list[float]]:
    """Up to ``size`` stored embeddings, sampled at random."""
    rows = store.con.execute(
        f"SELECT vector FROM article_embeddings USING SAMPLE {int(size)} ROWS").fetchall()
    return [r[0] for r in rows]


def actor_article_counts(store: Store) -> dict[str, int]:
    """For each actor key, the number of articles with a mention naming it."""
    rows = store.con.execute(
        "SELECT k, count(DISTINCT article_id) FROM (SELECT article_id, unnest(actor_keys) AS k "
        "FROM mentions) GROUP BY k").fetchall()
    return {r[0]: int(r[1]) for r in rows}


def article_actor_keys(store: Store, article_ids: Sequence[str]) -> dict[str, set[str]]:
    """The actor keys each article's mentions name (an article with none is left out), in
    one query: story placement asks for every article it places."""
    out: dict[str, set[str]] = {}
    for article_id, key in store.con.execute(
            "SELECT DISTINCT article_id, unnest(actor_keys) FROM mentions "
            "WHERE list_contains(?, article_id)", [list(article_ids)]).fetchall():
        out.setdefault(article_id, set()).add(key)
    return out


def active_story_ids(store: Store, day: date | None, window_days: int) -> list[str]:
    """Ids of the stories last active within ``window_days`` of ``day`` (all when None)."""
    where, params = "", []
    if day is not None:
        where = "WHERE last_published IS NULL OR last_published BETWEEN ? AND ?"
        params = [shift_days(day, -window_days), shift_days(day, window_days)]
    return [r[0] for r in store.con.execute(f"SELECT id FROM stories {where}", params).fetchall()]


def stories_by_id(store: Store, story_ids: Sequence[str]) -> list[StoredStory]:
    """These stories, each with the actor keys its articles name (two queries in all)."""
    if not story_ids:
        return []
    ids = list(story_ids)
    keys: dict[str, set[str]] = {}
    for story_id, key in store.con.execute(
            "SELECT DISTINCT a.story_id, unnest(m.actor_keys) FROM mentions m JOIN articles a "
            "ON a.id = m.article_id WHERE list_contains(?, a.story_id)", [ids]).fetchall():
        keys.setdefault(story_id, set()).add(key)
    rows = store.con.execute(
        "SELECT id, title, first_published, last_published, n_articles, centroid "
        "FROM stories WHERE list_contains(?, id)", [ids]).fetchall()
    return [StoredStory(r[0], r[1], r[2], r[3], r[4], r[5], frozenset(keys.get(r[0], ())))
            for r in rows]


def active_stories(store: Store, day: date | None, window_days: int) -> list[StoredStory]:
    """Stories last active within ``window_days`` of ``day`` (every story when None)."""
    return stories_by_id(store, active_story_ids(store, day, window_days))


def join_story(store: Store, story_id: str, article_id: str, day: date | None,
               centroid: list[float]) -> None:
    """Add an article to a story, moving its centroid and widening its dates."""
    store.con.execute(
        "UPDATE stories SET centroid = ?, n_articles = n_articles + 1, "
        "first_published = least(first_published, ?), last_published = greatest("
        "last_published, ?), updated_at = now() WHERE id = ?",
        [centroid, day, day, story_id])
    store.con.execute("UPDATE articles SET story_id = ? WHERE id = ?", [story_id, article_id])


def open_story(store: Store, story_id: str, article_id: str, title: str | None,
               day: date | None, centroid: list[float]) -> None:
    """Start a story with one article (a story of that id is replaced)."""
    # delete, then insert: an upsert costs DuckDB several times as much
    store.con.execute("DELETE FROM stories WHERE id = ?", [story_id])
    store.con.execute("INSERT INTO stories VALUES (?, ?, ?, ?, 1, ?, now())",
                      [story_id, title, day, day, centroid])
    store.con.execute("UPDATE articles SET story_id = ? WHERE id = ?", [story_id, article_id])


def follow_original(store: Store, article_id: str, canonical_id: str) -> None:
    """Put a copy in the story of the article it copies."""
    store.con.execute(
        "UPDATE articles SET story_id = (SELECT story_id FROM articles WHERE id = ?) "
        "WHERE id = ?", [canonical_id, article_id])


def recount_stories(store: Store) -> None:
    """Counts and dates from the articles themselves (copies excluded); drop empty stories."""
    store.con.execute("""
        UPDATE stories SET n_articles = c.n, first_published = c.first, last_published = c.last
        FROM (SELECT story_id, count(*) AS n, min(published) AS first, max(published) AS last
              FROM articles WHERE canonical_id IS NULL AND story_id IS NOT NULL
              GROUP BY story_id) c
        WHERE stories.id = c.story_id
    """)
    store.con.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM articles "
                      "WHERE story_id IS NOT NULL AND canonical_id IS NULL)")


def clear_stories(store: Store) -> None:
    """Forget every story and story embedding, in one transaction: the articles then wait
    to be placed afresh (``sitrep.link.assign_stories``), as when another embedding model
    or threshold is compared on the same articles (``bench/bench_embedder.py``)."""
    with store.transaction():
        store.con.execute("UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL")
        store.con.execute("DELETE FROM stories")
        store.con.execute("DELETE FROM article_embeddings")


def story_assignments(store: Store) -> dict[str, str | None]:
    """Each article's story id (None for one not placed yet), by article id."""
    rows = store.con.execute("SELECT id, story_id FROM articles").fetchall()
    return {str(a): (str(s) if s is not None else None) for a, s in rows}


def story_heading(store: Store, story_id: str) -> tuple[str | None, int] | None:
    """A story's title and article count, or None when no story has this id."""
    row = store.con.execute("SELECT title, n_articles FROM stories WHERE id = ?",
                            [story_id]).fetchone()
    return (row[0], int(row[1])) if row else None
