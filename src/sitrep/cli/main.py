"""The ``sitrep`` command: a thin shell over ``sitrep.api``.

Each group of commands lives in its own module with a ``register(app)`` function; this
module only assembles them.
"""

from __future__ import annotations

import typer

from sitrep.api import __version__
from sitrep.cli import answers_cmds, brief_cmds, events_cmds, store_cmds, teams_cmds

app = typer.Typer(
    name="sitrep",
    help=(
        "Who met, phoned, accused or attacked whom, from the news, with every answer traced "
        "to its sentence.\n\n"
        "Typical session:\n\n"
        "  sitrep ingest corpus/ page.html https://example.org/feed.xml\n\n"
        "  sitrep events --actor Bennett --type CONSULT\n\n"
        "  sitrep contacts \"Naftali Bennett\" --since 2021-06-13\n\n"
        "The store is ./sitrep.duckdb unless --db, SITREP_DB or sitrep.toml says otherwise."
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sitrep {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """sitrep: a sourced, deduplicated, date-correct record of who did what to whom."""


for module in (store_cmds, events_cmds, answers_cmds, brief_cmds, teams_cmds):
    module.register(app)
