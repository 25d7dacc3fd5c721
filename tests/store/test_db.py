"""The store on real DuckDB files: revisions, idempotence, near-duplicates, schema versions."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from sitrep.errors import StoreError
from sitrep.record import ActorRef, Article, Event
from sitrep.store import Store
from sitrep.store.schema import SCHEMA_VERSION

BODY = (
    "The foreign ministers of the two countries met in Vienna on Tuesday to discuss the "
    "nuclear talks, the exchange of prisoners and the reopening of consulates. "
) * 6


def _save(store: Store, article: Article) -> str:
    found = store.classify(article)
    with store.transaction():
        store.save_article(article, found)
    return found.outcome


def _article(url: str, text: str = BODY, title: str = "Ministers meet") -> Article:
    return Article(url=url, title=title, text=text, origin=url, published=date(2022, 1, 4))


def _contact(article: Article, *actors: ActorRef) -> Event:
    """A meeting of ``actors`` coded in the first sentence of ``article``."""
    return Event(type="CONSULT", mode="meeting", article_id=article.id or "",
                 actors=list(actors), sentence=BODY[:80], start=0, end=80)


def test_db_same_article_twice_is_unchanged(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        assert _save(store, _article("https://a.example/1")) == "new"
        assert _save(store, _article("https://a.example/1")) == "unchanged"
        assert store.count("articles") == 1
        assert store.count("article_revisions") == 0


def test_db_changed_page_becomes_new_revision(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        _save(store, _article("https://a.example/1"))
        revised = _article("https://a.example/1", BODY + " Update: talks end.")
        assert _save(store, revised) == "updated"
        row = store.article(store.articles()[0]["id"])
        assert row["revision"] == 2
        assert row["revisions"] == [1]
        assert row["text"].endswith("talks end.")


def test_db_near_copy_links_to_original(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        _save(store, _article("https://a.example/1"))
        outcome = _save(store, _article("https://syndicated.example/x", BODY + " (Reuters)"))
        assert outcome == "duplicate"
        original, copy = sorted(store.articles(), key=lambda r: r["ingested_at"])
        assert copy["canonical_id"] == original["id"]
        assert store.article(original["id"])["copies"] == [copy["id"]]
        other = _article("https://b.example/2", "A different story entirely about elections "
                         "in a far away place with other words. " * 5)
        assert _save(store, other) == "new"


def test_db_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        article = _article("https://a.example/1")
        found = store.classify(article)
        with pytest.raises(RuntimeError), store.transaction():
            store.save_article(article, found)
            raise RuntimeError("killed half-way")
        assert store.count("articles") == 0
        assert store.count("minhash_bands") == 0


def test_db_recoding_replaces_mentions(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        article = _article("https://a.example/1")
        _save(store, article)
        event = _contact(article, ActorRef("Austria", country="AUT"),
                         ActorRef("Iran", country="IRN"))
        for _ in range(3):
            with store.transaction():
                store.replace_mentions(article.id or "", [event], "test-1")
        assert store.count("mentions") == 1
        keys = store.con.execute("SELECT actor_keys FROM mentions").fetchone()
        assert keys == (["state:AUT", "state:IRN"],)


def test_db_actor_of_a_rolled_back_write_is_written_by_the_next(tmp_path: Path) -> None:
    # The writer skips actors it has seen committed; one whose transaction rolled back
    # was never committed, so the next article naming it must still add its row.
    with Store(tmp_path / "s.duckdb") as store:
        article = _article("https://a.example/1")
        _save(store, article)
        event = _contact(article, ActorRef("Chile", country="CHL"),
                         ActorRef("Peru", country="PER"))
        with pytest.raises(RuntimeError), store.transaction():
            store.replace_mentions(article.id or "", [event], "test-1")
            raise RuntimeError("killed half-way")
        assert store.count("actors") == 0
        with store.transaction():
            store.replace_mentions(article.id or "", [event], "test-1")
        keys = [r[0] for r in store.con.execute("SELECT key FROM actors ORDER BY key").fetchall()]
        assert keys == ["state:CHL", "state:PER"]


def test_db_marking_an_article_again_moves_it_to_the_back(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        first, second = _article("https://a.example/1"), _article(
            "https://b.example/2", "Another story about a summit and its communique. " * 8)
        _save(store, first)
        _save(store, second)
        assert store.queued_for_linking() == [first.id, second.id]
        with store.transaction():
            store.queue_for_linking([first.id or "", first.id or ""])
        assert store.queued_for_linking() == [second.id, first.id]
        assert store.count("link_queue") == 2


def test_db_unknown_article_is_e303(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(StoreError) as info:
        store.article("a_nope")
    assert info.value.code == "E303"


def test_db_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    con.close()
    with pytest.raises(StoreError) as info:
        Store(path)
    assert info.value.code == "E302"


def test_db_http_validators_round_trip(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        assert store.get("https://a.example/feed") is None
        store.put("https://a.example/feed", '"abc"', "Thu, 07 Oct 2021 10:00:00 GMT")
        store.put("https://a.example/feed", '"def"', None)
        assert store.get("https://a.example/feed") == ('"def"', None)


def test_db_older_store_is_migrated_on_open(tmp_path: Path) -> None:
    from sitrep.store.schema import MIGRATIONS

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute(MIGRATIONS[0])
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.close()
    with Store(path) as store:
        version = store.con.execute("SELECT value FROM meta").fetchone()
        assert version == (str(SCHEMA_VERSION),)
        assert _save(store, _article("https://a.example/1")) == "new"
        assert store.count("events") == 0


def test_db_link_mark_is_written_with_the_article_or_not_at_all(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        lost = _article("https://a.example/lost")
        found = store.classify(lost)
        with pytest.raises(RuntimeError), store.transaction():
            store.save_article(lost, found)
            raise RuntimeError("killed half-way")
        assert store.queued_for_linking() == []
        kept = _article("https://a.example/kept")
        _save(store, kept)
        assert store.queued_for_linking() == [kept.id]
        with store.transaction():
            store.linked([kept.id or ""])
        assert store.queued_for_linking() == []
        with store.transaction():
            store.replace_mentions(kept.id or "", [], "test-2")
        assert store.queued_for_linking() == [kept.id]


def test_db_older_store_left_half_linked_is_marked_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        _save(store, _article("https://a.example/1"))
        store.con.execute("DROP TABLE link_queue")  # schema 6 added it, and 7 event_actors
        store.con.execute("DROP TABLE event_actors")
        store.con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    with Store(path) as store:
        assert len(store.queued_for_linking()) == 1


HOLDER = """
import sys, time
from sitrep.store import Store
with Store(sys.argv[1]):
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def _hold(path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process writing the store (as an ingest does) for ``seconds``."""
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), str(seconds)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline() == "holding\n"
    return child


def test_db_reader_waits_for_a_writer_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    Store(path).close()
    holder = _hold(path, 1.5)
    told: list[tuple[Path, float]] = []
    started = time.monotonic()
    with Store(path, read_only=True, wait=30, on_wait=lambda p, w: told.append((p, w))) as store:
        assert store.count("articles") == 0
    assert 0.5 < time.monotonic() - started < 15 and told == [(path, 30)]
    holder.wait()


def test_db_reader_gives_up_with_e305_after_its_bound(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    Store(path).close()
    holder = _hold(path, 10)
    started = time.monotonic()
    with pytest.raises(StoreError) as info:
        Store(path, read_only=True, wait=0.6)
    assert info.value.code == "E305" and "waited" in info.value.detail
    assert time.monotonic() - started < 5
    with pytest.raises(StoreError) as writer:
        Store(path)
    assert writer.value.code == "E305"
    holder.kill()
    holder.wait()


def test_db_read_only_file_can_be_read_but_a_missing_one_is_e301(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        _save(store, _article("https://a.example/1"))
    path.chmod(0o444)
    try:
        with Store(path, read_only=True) as store:
            assert store.count("articles") == 1
    finally:
        path.chmod(0o644)
    with pytest.raises(StoreError) as info:
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert info.value.code == "E301" and "ingest" in info.value.detail
    assert not (tmp_path / "missing.duckdb").exists()
