"""Stories: articles about one developing story grouped by the real embedder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from link.factory import add_article, coded
from sitrep.link import assign_stories
from sitrep.store.db import Store

TALKS = [
    ("Bennett and Putin discuss Syria and Iran in phone call",
     ("Israeli Prime Minister Naftali Bennett spoke by phone with Russian President Vladimir "
     "Putin about Syria, Iran and regional security.")),
    ("Putin, Bennett talk Iran and Syria by phone",
     ("Russian President Vladimir Putin and Israeli Prime Minister Naftali Bennett held a phone "
     "call on regional security, Syria and the Iran nuclear talks.")),
]
FLOOD = ("Floods hit Brazilian city after record rainfall",
         "Heavy rain flooded streets and homes in a Brazilian city, forcing thousands to leave.")


def _add(store: Store, i: int, title: str, lead: str, day: date, who: list[str]) -> str:
    events = [coded("CONSULT", who, day)] if who else []
    return add_article(store, f"https://site{i}.com/{i}", events, day, title=title,
                       text=lead + " " + " ".join(f"word{i}x{k}" for k in range(60)))


def test_stories_related_reports_join_unrelated_open_new(store: Store) -> None:
    day = date(2022, 1, 13)
    a = _add(store, 1, *TALKS[0], day, ["bennett", "putin"])
    b = _add(store, 2, *TALKS[1], date(2022, 1, 14), ["bennett", "putin"])
    c = _add(store, 3, *FLOOD, day, [])
    report = assign_stories(store, [a, b, c])
    assert (report.articles, report.joined, report.opened) == (3, 1, 2)
    story = dict(store.con.execute("SELECT id, story_id FROM articles").fetchall())
    assert story[a] == story[b] != story[c]
    assert store.count("article_embeddings") == 3
    again = assign_stories(store, [a, b, c])
    assert again.articles == 0
    assert store.con.execute("SELECT n_articles FROM stories WHERE id = ?",
                             [story[a]]).fetchone() == (2,)


def test_stories_same_subject_months_apart_stay_apart(store: Store) -> None:
    a = _add(store, 1, *TALKS[0], date(2021, 10, 7), ["bennett", "putin"])
    b = _add(store, 2, *TALKS[1], date(2022, 1, 14), ["bennett", "putin"])
    assign_stories(store, None)
    assert store.count("stories") == 2
    assert store.article(a)["story_id"] != store.article(b)["story_id"]


def test_stories_templated_press_releases_do_not_collapse(tmp_path) -> None:
    """A ministry's readouts all read alike ("Secretary X's Call with Y"); centring on the
    store's mean keeps them from gluing into one story spanning months."""
    import sitrep

    corpus = Path(__file__).resolve().parents[2] / "corpus" / "state_gov.jsonl"
    with sitrep.open(tmp_path / "s.duckdb") as s:
        s.ingest([corpus], code=False)
        sizes = [r[0] for r in s.store.con.execute(
            "SELECT n_articles FROM stories ORDER BY n_articles DESC").fetchall()]
    assert sum(sizes) == 196
    assert sizes[0] <= 0.3 * 196, sizes[:5]
    assert len(sizes) >= 60


def test_stories_cleared_then_placed_afresh_alike(store: Store) -> None:
    from sitrep.store.stories_table import clear_stories, story_assignments

    day = date(2022, 1, 13)
    a = _add(store, 1, *TALKS[0], day, ["bennett", "putin"])
    b = _add(store, 2, *TALKS[1], date(2022, 1, 14), ["bennett", "putin"])
    c = _add(store, 3, *FLOOD, day, [])
    assign_stories(store, None)
    first = story_assignments(store)
    clear_stories(store)
    assert set(story_assignments(store).values()) == {None}
    assert store.count("stories") == store.count("article_embeddings") == 0
    assert assign_stories(store, None).articles == 3
    again = story_assignments(store)
    assert (again[a] == again[b] != again[c]) and (first[a] == first[b] != first[c])


def test_stories_stored_vectors_need_no_model(store: Store, monkeypatch) -> None:
    """An ingest stores each original's vector with it: placing those articles must not
    load the embedding model into the writer (about 190 MB)."""
    from sitrep.link.stories import article_vector_text
    from sitrep.nlp import embed
    from sitrep.store.stories_table import save_vectors

    day = date(2022, 1, 13)
    ids = [_add(store, 1, *TALKS[0], day, ["bennett", "putin"]),
           _add(store, 2, *TALKS[1], date(2022, 1, 14), ["bennett", "putin"]),
           _add(store, 3, *FLOOD, day, [])]
    texts = [article_vector_text(*pair) for pair in (*TALKS, FLOOD)]
    vectors = embed.Embedder().embed(texts)
    save_vectors(store, [(i, v.tolist()) for i, v in zip(ids, vectors, strict=True)])

    def no_model() -> embed.Embedder:
        raise AssertionError("the embedding model was loaded")

    monkeypatch.setattr(embed, "default_embedder", no_model)
    report = assign_stories(store, None)
    assert (report.articles, report.joined, report.opened) == (3, 1, 2)
