"""Fuzz: thousands of seeded hostile inputs, and not one traceback.

``helpers/hostile.py`` writes over 2,000 hostile items of every kind sitrep reads (records,
pages, feeds, archives, file names; see its docstring). They go through the real
``sitrep ingest`` in its own process, into a real store; every failure must carry a stable
code and name its item, and the batch must reach its last item. Then every stored article is
listed, shown and exported, and hundreds of hostile watch profiles are loaded: nothing may
raise but sitrep's own coded errors.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.hostile import hostile_profiles, write_corpus
from typer.testing import CliRunner

from sitrep.brief.profile import Profile, load_profile
from sitrep.cli.main import app
from sitrep.errors import CODES, BriefError
from sitrep.export import export
from sitrep.store import Store

SEED = 20260110
ITEMS = 2000
CLI = [sys.executable, "-c", "from sitrep.cli.main import app; app()"]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, object]:
    """The hostile corpus, ingested once by the real CLI; (store path, summary, corpus)."""
    folder = tmp_path_factory.mktemp("fuzz")
    corpus = write_corpus(folder / "in", SEED, ITEMS)
    db = folder / "fuzz.duckdb"
    env = os.environ | {"SITREP_PER_HOST_DELAY": "0", "SITREP_RETRIES": "0",
                        "SITREP_TIMEOUT": "2", "COLUMNS": "120"}
    done = subprocess.run([*CLI, "ingest", str(corpus.folder), "--no-code", "--format", "json",
                           "--db", str(db)], capture_output=True, text=True, env=env,
                          timeout=600, check=False)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert done.returncode == 1, done.stderr[-3000:]
    [summary] = json.loads(done.stdout)
    return db, summary, corpus


def test_fuzz_corpus_is_large_and_of_every_kind(ingested: tuple) -> None:
    _, _, corpus = ingested
    assert corpus.min_items >= ITEMS
    assert set(corpus.kinds) >= {"jsonl line", "html page", "feed", "text", "json file",
                                 "warc", "gzip jsonl", "odd file name"}


def test_fuzz_every_failure_is_coded_and_names_its_item(ingested: tuple) -> None:
    _, summary, _ = ingested
    assert summary["failed"] == len(summary["errors"]) > 0
    for error in summary["errors"]:
        assert error["code"] in CODES and error["item"], error
        assert error["message"].startswith(f"[{error['code']}] ")


def test_fuzz_batch_reached_its_last_item(ingested: tuple) -> None:
    db, summary, corpus = ingested
    handled = sum(summary[k] for k in ("new", "duplicate", "updated", "unchanged", "skipped",
                                       "failed"))
    assert handled >= corpus.min_items
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM articles WHERE url = ?",
                                 [corpus.sentinel_url]).fetchone() == (1,)


def test_fuzz_stored_strings_are_clean(ingested: tuple) -> None:
    db, _, _ = ingested
    with Store(db, read_only=True) as store:
        rows = store.con.execute("SELECT title, text, url, origin, site FROM articles").fetchall()
    assert len(rows) > 100
    for row in rows:
        for value in row:
            if value:
                assert not any(ord(c) < 32 and c not in "\t\n\r" for c in value), row[3]
                value.encode("utf-8")  # no lone surrogate survives


def test_fuzz_every_stored_article_lists_shows_and_exports(ingested: tuple,
                                                           tmp_path: Path) -> None:
    db, _, _ = ingested
    runner = CliRunner()
    listings = [runner.invoke(app, ["articles", "--limit", "0", "--db", str(db), *fmt])
                for fmt in ([], ["--format", "csv"], ["--format", "json"])]
    for result in listings:
        assert result.exception is None and result.exit_code == 0, result.output[-2000:]
        assert "\x1b" not in result.output
    rows = list(csv.DictReader(io.StringIO(listings[1].output)))
    assert not [r for r in rows if r["title"][:1] in ("=", "+", "@")]
    for row in rows[:: max(len(rows) // 60, 1)]:
        shown = runner.invoke(app, ["show", row["id"], "--db", str(db)])
        assert shown.exception is None and shown.exit_code == 0, shown.output[-2000:]
        assert "\x1b" not in shown.output
    with Store(db, read_only=True) as store:
        for fmt in ("csv", "jsonl"):
            assert export(store, "articles", fmt, tmp_path / f"a.{fmt}").rows == len(rows)


def test_fuzz_hostile_profiles_load_or_fail_coded() -> None:
    outcomes = {"loaded": 0, "refused": 0}
    for n, text in enumerate(hostile_profiles(SEED, 300)):
        path = Path(os.environ.get("TMPDIR", "/tmp")) / f"sitrep-fuzz-profile-{os.getpid()}.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            assert isinstance(load_profile(path), Profile), n
            outcomes["loaded"] += 1
        except BriefError as err:
            assert err.code == "E601" and err.item, n
            outcomes["refused"] += 1
        finally:
            path.unlink()
    assert outcomes["refused"] > 100 and outcomes["loaded"] > 0
