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
from typing import Protocol

import numpy as np

from sitrep.store import Store
from sitrep.store.stories_table import (
    StoryArticle,
    active_story_ids,
    actor_article_counts,
    article_actor_keys,
    follow_original,
    join_story,
    open_story,
    recount_stories,
    save_vectors,
    stories_by_id,
    stored_vectors,
    unplaced_articles,
    vector_sample,
)

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


class TextEmbedder(Protocol):
    """Anything that turns texts into unit vectors (``sitrep.nlp.embed.Embedder``)."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass
class StoryReport:
    """What one ``assign_stories`` call did."""

    articles: int = 0
    joined: int = 0
    opened: int = 0


@dataclass
class _Story:
    id: str
    title: str | None
    first: date | None
    last: date | None
    n: int
    centroid: np.ndarray
    keys: set[str]


def article_vector_text(title: str | None, text: str | None) -> str:
    """The text embedded for an article: its title, then the start of its text."""
    return f"{title or ''}\n{(text or '')[:LEAD_CHARS]}".strip()


def assign_stories(store: Store, article_ids: Sequence[str] | None = None,
                   embedder: TextEmbedder | None = None) -> StoryReport:
    """Put articles into stories (the new ones, or those not in a story yet when None).

    Args:
        store: an open, writable store.
        article_ids: articles to place; None places every article without a story.
        embedder: what embeds title and lead (default: MiniLM on the CPU).

    Returns:
        A ``StoryReport`` counting articles placed, stories joined and stories opened.

    Raises:
        CodingError: E403 when the embedding model cannot be loaded.
    """
    articles = unplaced_articles(store, article_ids)
    report = StoryReport()
    if not articles:
        return report
    originals = [a for a in articles if not a.canonical_id]
    vectors, centred = _centred(store, _vectors(store, originals, embedder))
    rarity = _actor_rarity(store)
    threshold = JOIN_SCORE if centred else JOIN_SCORE_UNCENTRED
    stories = _Stories(store)
    actor_keys = article_actor_keys(store, [a.id for a in originals])
    with store.transaction():
        for art in originals:
            report.articles += 1
            joined = _place(store, stories, art, vectors[art.id], actor_keys.get(art.id, set()),
                            rarity, threshold)
            report.joined += joined
            report.opened += not joined
        for art in articles:
            if art.canonical_id:
                follow_original(store, art.id, art.canonical_id)
        recount_stories(store)
    return report


def _vectors(store: Store, articles: list[StoryArticle], embedder: TextEmbedder | None
             ) -> dict[str, np.ndarray]:
    """Embed the articles (reusing stored vectors) and store the new vectors; the default
    embedder is loaded only for articles without one (an ingest stores every original's
    vector with it, and the model costs the writer about 190 MB)."""
    found = {k: np.asarray(v, dtype=np.float32)
             for k, v in stored_vectors(store, [a.id for a in articles]).items()}
    todo = [a for a in articles if a.id not in found]
    if todo:
        if embedder is None:
            from sitrep.nlp.embed import default_embedder
            embedder = default_embedder()
        fresh = embedder.embed([article_vector_text(a.title, a.text) for a in todo])
        save_vectors(store, [(a.id, v.tolist()) for a, v in zip(todo, fresh, strict=True)])
        found.update({a.id: v for a, v in zip(todo, fresh, strict=True)})
    return found


MEAN_SAMPLE = 20_000
"""Stored vectors averaged for the mean that vectors are centred on."""
MEAN_MIN = 50
"""Fewer stored vectors than this give no reliable mean: vectors are then used as they are."""


def _centred(store: Store, vectors: dict[str, np.ndarray]
             ) -> tuple[dict[str, np.ndarray], bool]:
    """Vectors minus the store's mean vector, normalised again to unit length, and whether
    the store was large enough to centre on."""
    sample = vector_sample(store, MEAN_SAMPLE)
    if len(sample) < MEAN_MIN:
        return vectors, False
    mean = np.asarray(sample, dtype=np.float32).mean(axis=0)
    out = {}
    for key, vector in vectors.items():
        centred = vector - mean
        out[key] = centred / max(float(np.linalg.norm(centred)), 1e-12)
    return out, True


def _actor_rarity(store: Store) -> dict[str, float]:
    """Inverse document frequency of each actor key over the stored articles."""
    total = max(store.count("articles"), 1)
    return {key: float(np.log((1 + total) / (1 + df)))
            for key, df in actor_article_counts(store).items()}


class _Stories:
    """The stories one ``assign_stories`` call compares articles with, read once each.

    Each article asks for the stories of its window (all of them when it is undated); only
    their ids are read per article, and a story's centroid and actors are read the first
    time it is a candidate, then kept up to date here as articles join. Reading every
    candidate in full for every article made n undated articles cost n squared centroids.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.loaded: dict[str, _Story] = {}

    def candidates(self, day: date | None) -> list[_Story]:
        ids = active_story_ids(self.store, day, WINDOW_DAYS)
        for s in stories_by_id(self.store, [i for i in ids if i not in self.loaded]):
            self.loaded[s.id] = _Story(s.id, s.title, s.first, s.last, s.n_articles,
                                       np.asarray(s.centroid, dtype=np.float32), set(s.keys))
        return [self.loaded[i] for i in ids if i in self.loaded]

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


def _place(store: Store, stories: _Stories, art: StoryArticle, vector: np.ndarray,
           keys: set[str], rarity: dict[str, float], threshold: float) -> bool:
    """Join the best story or open one, given the article's actor keys; True when an
    existing story was joined."""
    scored = [(score(vector, keys, s, rarity), s.id, s)
              for s in stories.candidates(art.published)]
    best = max(scored, key=lambda t: (t[0], t[1]), default=None)
    if best is not None and best[0] >= threshold:
        story = best[2]
        mixed = story.centroid * story.n + vector
        centroid = mixed / max(float(np.linalg.norm(mixed)), 1e-12)
        join_story(store, story.id, art.id, art.published, centroid.tolist())
        stories.joined(story, centroid, keys, art.published)
        return True
    open_story(store, "s_" + art.id[2:], art.id, art.title, art.published, vector.tolist())
    stories.opened(_Story("s_" + art.id[2:], art.title, art.published, art.published, 1,
                          vector, keys))
    return False
