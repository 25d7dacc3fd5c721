"""The whole ingest pipeline on the bundled corpus: idempotence and crash safety."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from datetime import date

import sitrep
from sitrep.store import Store

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
WIKINEWS = CORPUS / "wikinews.jsonl"

CHILD = """
import sys
from datetime import date

import sitrep
with sitrep.open(sys.argv[1]) as s:
    s.ingest([sys.argv[2]], code=False,
             progress=lambda n, label: print("item", label, flush=True))
"""


def test_pipeline_second_ingest_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with sitrep.open(db) as s:
        first = s.ingest([WIKINEWS], code=False)
        assert first.new == 27 and first.ok
        second = s.ingest([WIKINEWS], code=False)
        assert second.new == 0 and second.unchanged == 27
        assert s.store.count("articles") == 27


def test_pipeline_same_text_under_two_urls_is_one_original(tmp_path: Path) -> None:
    lines = WIKINEWS.read_text(encoding="utf-8").splitlines()[:3]
    moved = [line.replace("https://en.wikinews.org/wiki/", "https://mirror.example/")
             for line in lines]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(moved) + "\n", encoding="utf-8")
    with sitrep.open(tmp_path / "s.duckdb") as s:
        report = s.ingest([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], code=False)
        assert (report.new, report.duplicate) == (3, 3)
        originals = s.articles(include_duplicates=False)
        assert len(originals) == 3
        assert all("mirror.example" not in a["url"] for a in originals)


def test_pipeline_kill_9_leaves_whole_articles_and_rerun_finishes(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(CORPUS)],
                             stdout=subprocess.PIPE, text=True, cwd=tmp_path)
    assert child.stdout is not None
    for _ in range(120):
        if not child.stdout.readline():
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with Store(db) as store:
        saved = store.count("articles")
        assert 0 < saved < 436
        # Every stored article is whole: text, hash and all of its near-duplicate index rows.
        bands = store.con.execute(
            "SELECT count(*) FROM articles a WHERE text IS NULL OR content_hash IS NULL OR "
            "(SELECT count(*) FROM minhash_bands m WHERE m.article_id = a.id) <> 32"
        ).fetchone()
        assert bands == (0,)
    with sitrep.open(db) as s:
        report = s.ingest([CORPUS], code=False)
        assert report.new == 436 - saved
        assert report.unchanged == saved
        assert s.store.count("articles") == 436


def test_pipeline_published_is_a_fallback_not_an_override(tmp_path: Path) -> None:
    page = tmp_path / "talks.txt"
    page.write_text("Ministers meet\n\nThe foreign ministers met in Vienna on Tuesday to discuss "
                    "the nuclear talks and the exchange of prisoners. They agreed to meet again "
                    "after the holidays, officials said.\n\nThe next round of talks is expected "
                    "to open in February, a spokesman for the ministry said.\n", encoding="utf-8")
    given = date(2022, 1, 14)
    with sitrep.open(tmp_path / "s.duckdb") as s:
        s.ingest([WIKINEWS, page], code=False, published=given)
        mine = [r for r in s.articles(limit=None) if r["url"].endswith("/talks.txt")]
        assert [(r["published"], r["published_source"]) for r in mine] == [(given, "user")]
        record_dated = [r for r in s.articles(limit=None) if r not in mine]
        assert len(record_dated) == 27
        assert all(r["published"] != given and r["published_source"] == "record"
                   for r in record_dated)


def test_pipeline_unchanged_input_skips_extraction(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>Talks</title></head><body><article><p>"
                    + "The ministers met in Vienna on Tuesday to discuss the talks. " * 8
                    + "</p></article></body></html>", encoding="utf-8")
    with sitrep.open(tmp_path / "s.duckdb") as s:
        assert s.ingest([page], code=False).new == 1
        # Same bytes: recognised from the raw hash, before extraction is even tried.
        first_hash = s.store.articles()[0]["raw_hash"]
        assert s.store.raw_unchanged(f"file://{page}", first_hash)
        assert s.ingest([page], code=False).unchanged == 1
        # Other bytes, same text: extracted, then found unchanged by its text.
        page.write_text(page.read_text(encoding="utf-8").replace("<article>", "<article> "),
                        encoding="utf-8")
        again = s.ingest([page], code=False)
        assert (again.unchanged, again.updated) == (1, 0)
        assert s.store.articles()[0]["raw_hash"] != first_hash
