"""The ``brief``, ``memo`` and ``watch`` commands, run through the real ``sitrep`` app."""

from __future__ import annotations

from pathlib import Path

import pytest
from brief_store import build_store
from servers import Mailbox
from typer.testing import CliRunner

from sitrep.cli.main import app

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    build_store(path).close()
    return path


def test_brief_cmds_brief_writes_files_and_emails(db: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    with Mailbox() as box:
        monkeypatch.setenv("SITREP_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("SITREP_SMTP_PORT", str(box.port))
        monkeypatch.setenv("SITREP_SMTP_TO", "desk@example.org")
        result = runner.invoke(app, ["brief", "israel", "--week-of", "2022-01-12", "--out",
                                     str(out), "--db", str(db), "--email"])
    assert result.exit_code == 0, result.output
    md = out / "israel-2022-01-10_2022-01-16.md"
    assert "Vladimir Putin on 13 January 2022" in md.read_text(encoding="utf-8")
    assert (out / "israel-2022-01-10_2022-01-16.html").is_file()
    assert box.messages[0]["Subject"].startswith("Israel briefing")


def test_brief_cmds_memo_prints_cited_memo(db: Path) -> None:
    result = runner.invoke(app, ["memo", "Naftali Bennett", "--with", "Vladimir Putin",
                                 "--period", "2021-10..2022-01", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "had 3 contacts" in result.output and "[[1]](#ref-1)" in result.output


def test_brief_cmds_bad_input_exits_2_with_code(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: X\ncadence: monthly\n", encoding="utf-8")
    result = runner.invoke(app, ["brief", str(bad), "--db", str(db)])
    assert result.exit_code == 2 and "E601" in result.output
    result = runner.invoke(app, ["brief", "israel", "--period", "soon", "--db", str(db)])
    assert result.exit_code == 2 and "E503" in result.output
    result = runner.invoke(app, ["memo", "Nobody Atall", "--db", str(db)])
    assert result.exit_code == 2 and "E501" in result.output


def test_brief_cmds_watch_runs_and_never_repeats(db: Path, tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text("name: Desk\ncadence: weekly\nactors: [Naftali Bennett]\n"
                       f"delivery: {{file: {{dir: {tmp_path / 'alerts'}}}}}\n", encoding="utf-8")
    feed = tmp_path / "empty.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                    "</channel></rss>", encoding="utf-8")
    args = ["watch", str(feed), "-P", str(profile), "--iterations", "1", "--since",
            "2021-10-01", "--db", str(db)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "alerts 5" in first.output  # Bennett's asserted events; the denial is not one
    second = runner.invoke(app, args)
    assert "alerts 0" in second.output
    assert len(list((tmp_path / "alerts").glob("alert-p-*.md"))) == 1


@pytest.mark.parametrize("command", ["brief", "memo", "watch"])
def test_brief_cmds_help_teaches_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and f"sitrep {command} " in result.output
