"""The docs tell the truth: every command and setting is documented, the quick start is two
commands, and every command's --help teaches with an example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from sitrep.cli.main import app
from sitrep.settings import SETTINGS

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    group = typer.main.get_group(app)
    names = []
    for name, command in group.commands.items():
        sub = getattr(command, "commands", None)
        names += [f"{name} {s}" for s in sub] if sub else [name]
    return sorted(names)


def test_docs_quick_start_is_two_commands() -> None:
    section = README.split("## Quick start", 1)[1]
    block = re.search(r"```\n(.*?)```", section, re.S)
    assert block is not None
    assert block.group(1).split("\n")[:-1] == ["make demo", "make test"]
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", _commands())
def test_docs_every_command_in_readme(command: str) -> None:
    assert f"sitrep {command}" in README


@pytest.mark.parametrize("setting", [s.name for s in SETTINGS])
def test_docs_every_setting_in_readme(setting: str) -> None:
    assert f"| `{setting}` |" in README


@pytest.mark.parametrize("command", _commands())
def test_docs_help_teaches_with_an_example(command: str) -> None:
    result = CliRunner().invoke(app, [*command.split(), "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "Example" in result.output
