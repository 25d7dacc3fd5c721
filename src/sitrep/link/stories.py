"""Stories: articles about the same developing story, grouped as they arrive.

A story is not an event (one story holds many events) and not a syndicated copy (dedup folds
copies into their canonical article before this stage). ``assign_stories`` takes the new
articles in publication order and, for each:

1. embeds its title and lead (``sitrep.nlp.embed``) and keeps the vector in
   ``article_embeddings``;
2. scores every story active within ``WINDOW_DAYS`` of its date: cosine similarity to the
   story's centroid, plus ``ACTOR_BONUS`` times the share of the article's actors the story
   already names. Both are taken after removing what every article shares: vectors are
   centred on the store's mean vector (press releases all "read like" press releases, which
   would otherwise glue a ministry's unrelated readouts into one story), and actors are
   weighted by their rarity (a secretary of state named in every readout says little);
3. joins the best story scoring at least ``JOIN_SCORE``, moving its centroid, or opens a new
   story. A copy (``canonical_id`` set) simply follows its canonical article.

Story counts are recomputed from ``articles`` at the end, so re-ingesting an article never
counts it twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from sitrep.safety import shift_days
from sitrep.store.db import Store

WINDOW_DAYS = 10
"""A story goes quiet after this many days without a new article."""
JOIN_SCORE = 0.5
"""Minimum score to join a story (cosine of centred MiniLM vectors of title + lead, plus
the actor bonus). Chosen on the bundled corpus by reading the largest stories it forms."""
JOIN_SCORE_UNCENTRED = 0.62
"""The same for a store too small to centre on (raw cosines run higher)."""
ACTOR_BONUS = 0.15
"""Weight of shared actors: same people in the news pushes related reports together."""
LEAD_CHARS = 600
"""How much of the text, after the title, describes an article for story grouping."""


@dataclass
class StoryReport:
    """What one ``assign_stories`` call did."""

    articles: int = 0
    joined: int = 0
    opened: int = 0


@dataclass
class _Story:
    id: str
    title: str
    first: date | None
    last: date | None
    n: int
    centroid: np.ndarray
    keys: set[str]


def article_vector_text(title: str | None, text: str | None) -> str:
    """The text embedded for an article: its title, then the start of its text."""
    return f"{title or ''}\n{(text or '')[:LEAD_CHARS]}".strip()


def assign_stories(store: Store, article_ids: Sequence[str] | None = None,
                   embedder: Any = None) -> StoryReport:
    """Put articles into stories (the new ones, or those not in a story yet when None).

    Args:
        store: an open, writable store.
        article_ids: articles to place; None places every article without a story.
        embedder: an object with ``embed(texts) -> ndarray`` (default: MiniLM on the CPU).

    Returns:
        A ``StoryReport`` counting articles placed, stories joined and stories opened.

    Raises:
        CodingError: E403 when the embedding model cannot be loaded.
    """
    articles = _pending(store, article_ids)
    report = StoryReport()
    if not articles:
        return report
    if embedder is None:
        from sitrep.nlp.embed import default_embedder
        embedder = default_embedder()
    originals = [a for a in articles if not a["canonical_id"]]
    vectors, centred = _centred(store, _vectors(store, originals, embedder))
    rarity = _actor_rarity(store)
    threshold = JOIN_SCORE if centred else JOIN_SCORE_UNCENTRED
    stories = _Stories(store)
    with store.transaction():
        for art in originals:
            report.articles += 1
            joined = _place(store, stories, art, vectors[art["id"]], rarity, threshold)
            report.joined += joined
            report.opened += not joined
        for art in articles:
            if art["canonical_id"]:
                store.con.execute(
                    "UPDATE articles SET story_id = (SELECT story_id FROM articles WHERE id = ?) "
                    "WHERE id = ?", [art["canonical_id"], art["id"]])
        _recount(store)
    return report


def _pending(store: Store, article_ids: Sequence[str] | None) -> list[dict[str, Any]]:
    sql = ("SELECT id, title, text, published, canonical_id, story_id FROM articles "
           "WHERE {} ORDER BY published NULLS LAST, ingested_at, id")
    if article_ids is None:
        rows = store.con.execute(sql.format("story_id IS NULL")).fetchall()
    else:
        store.con.execute("CREATE OR REPLACE TEMP TABLE story_seed (id VARCHAR)")
        store.con.executemany("INSERT INTO story_seed VALUES (?)", [[a] for a in article_ids])
        rows = store.con.execute(
            sql.format("id IN (SELECT id FROM story_seed) AND story_id IS NULL")).fetchall()
    cols = ("id", "title", "text", "published", "canonical_id", "story_id")
    return [dict(zip(cols, r, strict=True)) for r in rows]


def _vectors(store: Store, articles: list[dict[str, Any]], embedder: Any) -> dict[str, np.ndarray]:
    """Embed the articles (reusing stored vectors) and store the new vectors."""
    ids = [a["id"] for a in articles]
    found = {r[0]: np.asarray(r[1], dtype=np.float32) for r in store.con.execute(
        "SELECT article_id, vector FROM article_embeddings WHERE list_contains(?, article_id)",
        [ids]).fetchall()}
    todo = [a for a in articles if a["id"] not in found]
    if todo:
        fresh = embedder.embed([article_vector_text(a["title"], a["text"]) for a in todo])
        with store.transaction():
            store.con.executemany(
                "INSERT INTO article_embeddings VALUES (?, ?) ON CONFLICT (article_id) "
                "DO UPDATE SET vector = excluded.vector",
                [[a["id"], v.tolist()] for a, v in zip(todo, fresh, strict=True)])
        found.update({a["id"]: v for a, v in zip(todo, fresh, strict=True)})
    return found


MEAN_SAMPLE = 20_000
"""Stored vectors averaged for the mean that vectors are centred on."""
MEAN_MIN = 50
"""Fewer stored vectors than this give no reliable mean: vectors are then used as they are."""


def _centred(store: Store, vectors: dict[str, np.ndarray]
             ) -> tuple[dict[str, np.ndarray], bool]:
    """Vectors minus the store's mean vector, normalised again to unit length, and whether
    the store was large enough to centre on."""
    rows = store.con.execute("SELECT vector FROM article_embeddings USING SAMPLE "
                             f"{MEAN_SAMPLE} ROWS").fetchall()
    if len(rows) < MEAN_MIN:
        return vectors, False
    mean = np.asarray([r[0] for r in rows], dtype=np.float32).mean(axis=0)
    out = {}
    for key, vector in vectors.items():
        centred = vector - mean
        out[key] = centred / max(float(np.linalg.norm(centred)), 1e-12)
    return out, True


def _actor_rarity(store: Store) -> dict[str, float]:
    """Inverse document frequency of each actor key over the stored articles."""
    total = max(store.count("articles"), 1)
    rows = store.con.execute(
        "SELECT k, count(DISTINCT article_id) FROM (SELECT article_id, unnest(actor_keys) AS k "
        "FROM mentions) GROUP BY k").fetchall()
    return {key: float(np.log((1 + total) / (1 + df))) for key, df in rows}


def _article_keys(store: Store, article_id: str) -> set[str]:
    rows = store.con.execute(
        "SELECT DISTINCT unnest(actor_keys) FROM mentions WHERE article_id = ?",
        [article_id]).fetchall()
    return {r[0] for r in rows}


class _Stories:
    """The stories one ``assign_stories`` call compares articles with, loaded once each.

    Each article asks for the stories of its window (all of them when it is undated); only
    their ids are queried per article, and a story's centroid and actors are read from the
    store the first time it is a candidate, then kept up to date here as articles join.
    Re-reading every candidate for every article made n undated articles cost n squared
    centroids read.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.loaded: dict[str, _Story] = {}

    def candidates(self, day: date | None) -> list[_Story]:
        where, params = "", []
        if day is not None:
            where = "WHERE last_published IS NULL OR last_published BETWEEN ? AND ?"
            params = [shift_days(day, -WINDOW_DAYS), shift_days(day, WINDOW_DAYS)]
        ids = [r[0] for r in self.store.con.execute(f"SELECT id FROM stories {where}",
                                                     params).fetchall()]
        self._load([i for i in ids if i not in self.loaded])
        return [self.loaded[i] for i in ids]

    def _load(self, ids: list[str]) -> None:
        if not ids:
            return
        keys: dict[str, set[str]] = {}
        for story_id, key in self.store.con.execute(
                "SELECT DISTINCT a.story_id, unnest(m.actor_keys) FROM mentions m JOIN articles a "
                "ON a.id = m.article_id WHERE list_contains(?, a.story_id)", [ids]).fetchall():
            keys.setdefault(story_id, set()).add(key)
        for r in self.store.con.execute(
                "SELECT id, title, first_published, last_published, n_articles, centroid "
                "FROM stories WHERE list_contains(?, id)", [ids]).fetchall():
            self.loaded[r[0]] = _Story(r[0], r[1], r[2], r[3], r[4],
                                       np.asarray(r[5], dtype=np.float32), keys.get(r[0], set()))

    def joined(self, story: _Story, centroid: np.ndarray, keys: set[str],
               day: date | None) -> None:
        story.centroid, story.n, story.keys = centroid, story.n + 1, story.keys | keys
        if day is not None:
            story.first = min(story.first or day, day)
            story.last = max(story.last or day, day)

    def opened(self, story: _Story) -> None:
        self.loaded[story.id] = story


def score(vector: np.ndarray, keys: set[str], story: _Story,
          rarity: dict[str, float] | None = None) -> float:
    """Cosine to the story centroid plus the actor bonus: the rarity-weighted share of the
    article's actors the story already names."""
    cosine = float(vector @ story.centroid)
    weight = (rarity or {}).get
    mass = sum(weight(k, 1.0) for k in keys)
    shared = sum(weight(k, 1.0) for k in keys & story.keys) / mass if mass else 0.0
    return cosine + ACTOR_BONUS * shared


def _place(store: Store, stories: _Stories, art: dict[str, Any], vector: np.ndarray,
           rarity: dict[str, float], threshold: float) -> bool:
    """Join the best story or open one; True when an existing story was joined."""
    keys = _article_keys(store, art["id"])
    scored = [(score(vector, keys, s, rarity), s.id, s)
              for s in stories.candidates(art["published"])]
    best = max(scored, key=lambda t: (t[0], t[1]), default=None)
    day = art["published"]
    if best is not None and best[0] >= threshold:
        story = best[2]
        mixed = story.centroid * story.n + vector
        centroid = mixed / max(float(np.linalg.norm(mixed)), 1e-12)
        store.con.execute(
            "UPDATE stories SET centroid = ?, n_articles = n_articles + 1, "
            "first_published = least(first_published, ?), last_published = greatest("
            "last_published, ?), updated_at = now() WHERE id = ?",
            [centroid.tolist(), day, day, story.id])
        store.con.execute("UPDATE articles SET story_id = ? WHERE id = ?", [story.id, art["id"]])
        stories.joined(story, centroid, keys, day)
        return True
    story_id = "s_" + art["id"][2:]
    store.con.execute(
        "INSERT INTO stories VALUES (?, ?, ?, ?, 1, ?, now()) ON CONFLICT (id) DO UPDATE SET "
        "centroid = excluded.centroid, updated_at = excluded.updated_at",
        [story_id, art["title"], day, day, vector.tolist()])
    store.con.execute("UPDATE articles SET story_id = ? WHERE id = ?", [story_id, art["id"]])
    stories.opened(_Story(story_id, art["title"], day, day, 1, vector, keys))
    return False


def _recount(store: Store) -> None:
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
