"""What the CLI prints is inert: stored strings never act as Rich markup, terminal escapes
or spreadsheet formulas, and piped text keeps its own lines."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli.main import app
from sitrep.record import Article
from sitrep.store import Store

TEXT = ("The foreign ministers met in Vienna on Tuesday to discuss the nuclear talks, and "
        "officials said the next round would follow within weeks. ") * 6
ESCAPES = "\x1b]0;owned\x07\x1b[2J\x1b[31m"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code, result.output


def _old_store_article(db: Path, title: str, text: str = TEXT, url: str = "https://e.example/a"
                       ) -> str:
    """An article written with raw control characters, as a store from before cleaning holds."""
    with Store(db) as store:
        article = Article(url=url, title=title, text=text, origin=url, site=title)
        with store.transaction():
            store.save_article(article, store.classify(article))
        return article.id or ""


def test_cli_output_rich_markup_in_paths_and_titles_is_literal(tmp_path: Path) -> None:
    folder = tmp_path / "in[" / "x]"
    folder.mkdir(parents=True)
    (folder / "r.jsonl").write_text(json.dumps(
        {"url": "https://e.example/[/x]", "title": "[/x] [bold red]Boom[/bold red]",
         "text": TEXT}) + "\n" + '{"url": "https://e.example/[/y]", "text": [1]}\n')
    db = str(tmp_path / "s.duckdb")
    code, out = _run("ingest", str(tmp_path / "in["), "--no-code", "--db", db)
    assert code == 1 and "new 1" in out and "[E109]" in out and "in[/x]/r.jsonl#L2" in out
    code, out = _run("articles", "--db", db)
    assert code == 0 and "[/x] [bold red]Boom[/bold red]" in out


def test_cli_output_terminal_escapes_are_shown_not_run(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    article_id = _old_store_article(db, f"Title {ESCAPES}", TEXT + ESCAPES)
    for command in (["show", article_id], ["articles"], ["articles", "--format", "csv"]):
        code, out = _run(*command, "--db", str(db))
        assert code == 0 and "\x1b" not in out and "\x07" not in out
        assert "\\x1b]0;owned\\x07" in out


def test_cli_output_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    _old_store_article(db, '=HYPERLINK("http://evil.example","x")')
    code, out = _run("articles", "--format", "csv", "--db", str(db))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[0]["title"] == "'=HYPERLINK(\"http://evil.example\",\"x\")"


def test_cli_output_show_keeps_long_lines_when_piped(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    article_id = _old_store_article(db, "Long lines")
    code, out = _run("show", article_id, "--db", str(db))
    assert code == 0 and TEXT.strip() in [line.strip() for line in out.splitlines()]


def test_cli_output_reader_waits_for_an_ingest_then_lists(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    _old_store_article(db, "Waited for")
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom sitrep.store import "
                               "Store\nwith Store(sys.argv[1]):\n    print('ok', flush=True)\n"
                               "    time.sleep(1.5)", str(db)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "ok\n"
    code, out = _run("articles", "--db", str(db))
    holder.wait()
    assert code == 0 and "waiting" in out and "another sitrep process is writing it" in out
    assert "Waited for" in out


def test_cli_output_tables_show_a_hundred_rows_and_the_total(tmp_path: Path) -> None:
    from datetime import date, timedelta

    from link.factory import add_article, coded

    from sitrep.link import link_events

    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        for n in range(130):
            day = date(2021, 1, 1) + timedelta(days=n)
            add_article(store, f"https://e{n}.example/a", [
                coded("CONSULT", ["bennett", "putin"], day, mode="phone",
                      sentence=f"Bennett and Putin spoke on day {n}.")], day)
        link_events(store)
        assert store.count("events") == 130
    code, out = _run("events", "--db", str(db))
    assert code == 0 and "showing 100 of 130 rows" in out
    assert out.count("CONSULT") == 100
    code, out = _run("events", "--format", "jsonl", "--db", str(db))
    assert code == 0 and len(out.splitlines()) == 130
    code, out = _run("events", "--limit", "0", "--db", str(db))
    assert out.count("CONSULT") == 130 and "showing" not in out
    code, out = _run("articles", "--db", str(db))
    assert "showing 50 of 130 rows" in out
