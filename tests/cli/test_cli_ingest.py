"""The ingest, articles, show, events and explain commands, end to end through the CLI."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli.main import app

REPO = Path(__file__).resolve().parents[2]
WIKINEWS = REPO / "corpus" / "wikinews.jsonl"

GOOD_PAGE = """<html><head><title>Ministers meet in Vienna</title>
<meta property="og:site_name" content="Example News">
<meta name="date" content="2022-01-12"></head><body><nav>Home | World</nav><article>
<h1>Ministers meet in Vienna</h1>
<p>Austrian Foreign Minister Alexander Schallenberg met with his Iranian counterpart Hossein
Amir-Abdollahian in Vienna on Tuesday to discuss the nuclear talks, officials said.</p>
<p>The two ministers agreed to meet again after the next round of negotiations, and the
Austrian side said it would keep hosting the talks for as long as the parties wished.</p>
</article></body></html>"""

GERMAN_PAGE = """<html><head><title>Minister treffen sich</title></head><body><article>
<p>Die Außenminister der beiden Länder haben sich am Dienstag in Wien getroffen, um über die
Atomgespräche zu beraten. Sie vereinbarten, sich nach der nächsten Verhandlungsrunde erneut
zu treffen, teilte das Ministerium mit.</p></article></body></html>"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>"""


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.output


@pytest.fixture()
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty.html": b"",
        "binary.html": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
        "truncated.html.gz": gzip.compress(GOOD_PAGE.encode())[:40],
        "big.html": b"<html><body>" + b"a" * (11 * 1024 * 1024),
        "laughs.xml": BILLION_LAUGHS.encode(),
        "german.html": GERMAN_PAGE.encode(),
        "broken.html": b"<html><body><div><p>unclosed <b>tags <i>everywhere</div>",
        "good.html": GOOD_PAGE.encode(),
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    return {name: tmp_path / name for name in files}


def test_cli_ingest_bad_items_are_named_with_codes_and_batch_goes_on(
        tmp_path: Path, bad_inputs: dict[str, Path]) -> None:
    db = str(tmp_path / "s.duckdb")
    code, out = _run("ingest", *map(str, bad_inputs.values()), "--db", db, "--no-code")
    assert code == 1
    expected = {"empty.html": "E101", "binary.html": "E102", "truncated.html.gz": "E103",
                "big.html": "E105", "laughs.xml": "E111"}
    for name, error in expected.items():
        assert any(error in line and name in line for line in out.splitlines()), (name, out)
    assert "german.html" not in out and "not_coded 1" in out
    code, out = _run("articles", "--db", db, "--format", "json")
    languages = {a["title"]: a["language"] for a in json.loads(out)}
    assert languages["Ministers meet in Vienna"] == "en"
    assert languages["Minister treffen sich"] == "de"


def test_cli_ingest_private_address_refused_by_default(tmp_path: Path) -> None:
    code, out = _run("ingest", "http://127.0.0.1:9/page.html", "--db", str(tmp_path / "s.duckdb"))
    assert code == 1
    assert "E120" in out


def test_cli_ingest_json_summary_and_idempotence(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    code, out = _run("ingest", str(WIKINEWS), "--db", db, "--no-code", "--format", "json")
    assert code == 0
    assert json.loads(out)[0]["new"] == 27
    code, out = _run("ingest", str(WIKINEWS), "--db", db, "--no-code", "--format", "json")
    assert (code, json.loads(out)[0]["unchanged"]) == (0, 27)
    code, out = _run("articles", "--db", db, "--format", "csv", "--limit", "0")
    assert len(out.strip().splitlines()) == 28


def test_cli_show_prints_text_and_origin(tmp_path: Path, bad_inputs: dict[str, Path]) -> None:
    db = str(tmp_path / "s.duckdb")
    _run("ingest", str(bad_inputs["good.html"]), "--db", db, "--no-code")
    _, out = _run("articles", "--db", db, "--format", "json")
    article = json.loads(out)[0]
    code, out = _run("show", article["id"][:8], "--db", db)
    assert code == 0
    assert "Schallenberg" in out and "good.html" in out and "2022-01-12" in out
    code, out = _run("show", "a_nonexistent", "--db", db)
    assert code == 2 and "E303" in out


@pytest.mark.slow
def test_cli_events_and_explain_trace_to_the_sentence(tmp_path: Path,
                                                       bad_inputs: dict[str, Path]) -> None:
    db = str(tmp_path / "s.duckdb")
    code, _ = _run("ingest", str(bad_inputs["good.html"]), "--db", db)
    assert code == 0
    code, out = _run("events", "--db", db, "--type", "CONSULT", "--format", "jsonl")
    events = [json.loads(line) for line in out.splitlines()]
    meeting = next(e for e in events if "Hossein Amir-Abdollahian" in
                   {a["name"] for a in e["actors"]})
    assert set(meeting) >= {"id", "type", "mode", "actors", "source", "target", "date",
                            "date_precision", "location", "topics", "modality", "evidence",
                            "confidence"}
    assert meeting["date"] == "2022-01-11"
    assert meeting["evidence"][0]["url"].startswith("file://")
    assert "Schallenberg met with" in meeting["evidence"][0]["sentence"]
    code, out = _run("explain", meeting["id"], "--db", db)
    assert code == 0 and "Schallenberg met with" in out and "CONSULT" in out


def test_cli_ingest_ctrl_c_prints_the_summary_so_far(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    db = tmp_path / "s.duckdb"
    child = subprocess.Popen(
        [sys.executable, "-c", "from sitrep.cli.main import app; app()", "ingest",
         str(REPO / "corpus"), "--no-code", "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not db.exists():
        time.sleep(0.1)
    time.sleep(3)  # some articles in, far from all 436
    os.kill(child.pid, signal.SIGINT)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 130, err[-2000:]
    assert "Traceback" not in err and "interrupted" in err and "done" in err
    code, out = _run("ingest", str(REPO / "corpus"), "--no-code", "--db", str(db))
    assert code == 0 and "new 0" not in out
    code, out = _run("articles", "--format", "json", "--limit", "0", "--db", str(db))
    assert len(json.loads(out)) == 436
