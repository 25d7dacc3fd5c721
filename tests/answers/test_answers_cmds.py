"""The answer commands, through a throwaway typer app that calls ``register``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import typer
from link.factory import add_article, coded
from typer.testing import CliRunner

from sitrep.cli.answers_cmds import register
from sitrep.link import link_events
from sitrep.store.db import Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.duckdb"
    with Store(path) as store:
        add_article(store, "https://jpost.com/a", [
            coded("CONSULT", ["bennett", "putin"], date(2021, 10, 7), mode="phone"),
            coded("CONSULT", ["bennett", "putin"], date(2022, 1, 13), mode="phone"),
            coded("ASSAULT", ["israel", "syria"], date(2021, 8, 1), "month", mode="aerial",
                  source="israel", target="syria"),
        ], date(2022, 1, 14))
        link_events(store)
    return path


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_answers_cmds_contacts_json(app: typer.Typer, db: Path) -> None:
    result = runner.invoke(app, ["contacts", "Bennett", "--db", str(db), "--format", "json",
                                 "--level", "leader"])
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.stdout)
    assert (row["counterpart"], row["total"], row["phone"]) == ("Vladimir Putin", 2, 2)


def test_answers_cmds_timeline_dyad_network_with_plots(app: typer.Typer, db: Path,
                                                       tmp_path: Path) -> None:
    calls = [
        ["timeline", "Bennett", "Putin", "--plot", str(tmp_path / "t.png"), "-f", "csv"],
        ["dyad", "Israel", "Syria", "--by", "year", "--plot", str(tmp_path / "d.svg")],
        ["network", "--out", str(tmp_path / "n.graphml"), "--plot", str(tmp_path / "n.png")],
        ["gaps", "Bennett", "Putin", "--min-days", "30", "-f", "jsonl"],
        ["stories", "--since", "2021"],
        ["export", "events", str(tmp_path / "e.parquet")],
    ]
    for args in calls:
        result = runner.invoke(app, [*args, "--db", str(db)])
        assert result.exit_code == 0, (args, result.output)
    for name in ("t.png", "d.svg", "n.graphml", "n.png", "e.parquet"):
        assert (tmp_path / name).stat().st_size > 0
    gap = runner.invoke(app, ["gaps", "Bennett", "Putin", "--db", str(db), "-f", "jsonl"])
    assert json.loads(gap.stdout.splitlines()[0])["text"] == "no contact for 3 months"


def test_answers_cmds_errors_are_one_line_with_code(app: typer.Typer, db: Path) -> None:
    result = runner.invoke(app, ["contacts", "Benet", "--db", str(db)])
    assert result.exit_code == 2
    assert "[E501]" in result.output and "Bennett" in result.output
    bad = runner.invoke(app, ["export", "events", "x.xml", "--db", str(db)])
    assert bad.exit_code == 2 and "[E504]" in bad.output


def test_answers_cmds_help_teaches_with_examples(app: typer.Typer) -> None:
    for command in ("contacts", "timeline", "gaps", "dyad", "network", "stories", "export"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Example" in result.output, command
