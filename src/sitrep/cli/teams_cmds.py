"""Commands for a served store: ``serve``, ``users add|list``, ``tokens create``."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from sitrep.cli import options
from sitrep.cli.output import Format, emit, err_console, guarded

users_app = typer.Typer(help="Users of `sitrep serve`: names, roles, teams.",
                        no_args_is_help=True)
tokens_app = typer.Typer(help="API bearer tokens for `sitrep serve`'s /api/v1/.",
                         no_args_is_help=True)


def _password_from_stdin() -> str | None:
    """The first line of standard input when it is piped (None at a terminal or when
    empty)."""
    if sys.stdin is None or sys.stdin.isatty():
        return None
    line = sys.stdin.readline().rstrip("\r\n")
    return line or None


@users_app.command("add")
@guarded()
def users_add(
    name: str = typer.Argument(..., help="User name (letters, digits and . _ @ -)."),
    role: str = typer.Option(..., "--role", help="admin (users), analyst (ingest, profiles, "
                             "briefings) or viewer (read)."),
    team: str = typer.Option("default", "--team", help="The team whose profiles and briefings "
                             "the user shares."),
    db: Path = options.DB,
) -> None:
    """Add a user. The password is read from standard input when piped; otherwise one is
    generated and printed once.

    Examples:

      echo 'a long passphrase' | sitrep users add ann --role admin

      sitrep users add bob --role viewer --team research
    """
    with options.open_workspace(db) as s:
        made = s.accounts().add_user(name, role, team=team, password=_password_from_stdin())
    err_console.print(f"added [bold]{made.user.name}[/bold] ({made.user.role}, team "
                      f"{made.user.team})")
    if made.generated_password:
        err_console.print("password (shown once, store it now):")
        typer.echo(made.generated_password)


@users_app.command("list")
@guarded()
def users_list(fmt: Format = options.FORMAT, db: Path = options.DB) -> None:
    """List users with their role and team.

    Example:

      sitrep users list --format csv
    """
    with options.open_workspace(db) as s:
        rows = [{"name": u.name, "role": u.role, "team": u.team, "created": u.created_at}
                for u in s.accounts().users()]
    emit(rows, fmt, columns=["name", "role", "team", "created"], title="users")


@tokens_app.command("create")
@guarded()
def tokens_create(
    name: str = typer.Argument(..., help="The user the token acts as (with their role)."),
    label: str = typer.Option(None, "--label", help="What the token is for."),
    db: Path = options.DB,
) -> None:
    """Create an API bearer token for a user; it is printed once and kept only as a digest.

    Example:

      curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8000/api/v1/events
    """
    with options.open_workspace(db) as s:
        token = s.accounts().create_token(name, label)
    err_console.print(f"token for [bold]{name}[/bold] (shown once, store it now):")
    typer.echo(token)


@guarded()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    secure_cookies: bool = typer.Option(False, "--secure-cookies", help="Mark cookies Secure "
                                        "(when a proxy serves the app over HTTPS)."),
    db: Path = options.DB,
) -> None:
    """Serve the web app and the HTTP API (/api/v1/) on a store, for a team of analysts.

    The server owns the store while it runs: ingest and briefings run inside it as
    background jobs, and other sitrep commands on the same store are told which server holds
    it. Add a user first; admins add more on the Users page.

    Example:

      echo 'a long passphrase' | sitrep users add ann --role admin

      sitrep serve --db news.duckdb --port 8000
    """
    from sitrep.web.server import run

    run(db, host=host, port=port, secure_cookies=secure_cookies)


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
    app.add_typer(tokens_app, name="tokens")
    app.command("serve")(serve)
