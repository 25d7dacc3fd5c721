"""The ``teams``, ``users``, ``api_tokens`` and ``sessions`` tables: who may use a store.

Secrets never reach these tables in the clear: passwords are stored as argon2 hashes, and
API tokens and session ids as SHA-256 digests (``sitrep.access`` makes both), so a copy of
the store file gives no way in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sitrep.store.db import Store


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class User:
    """A user of a served store."""

    name: str
    role: str
    """``admin``, ``analyst`` or ``viewer``."""
    team: str
    created_at: datetime


@dataclass(frozen=True)
class Login:
    """A logged-in session: its user and the CSRF token its forms carry."""

    user: User
    csrf: str
    expires_at: datetime


_USER_COLUMNS = "u.name, u.role, u.team, u.created_at"


def _user(row: tuple[str, str, str, datetime]) -> User:
    return User(row[0], row[1], row[2], row[3])


def add_team(store: Store, name: str) -> None:
    """Create a team unless it exists."""
    store.con.execute("INSERT INTO teams VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                      [name, _now()])


def teams(store: Store) -> list[str]:
    """Every team's name, in order."""
    return [r[0] for r in store.con.execute("SELECT name FROM teams ORDER BY name").fetchall()]


def add_user(store: Store, name: str, role: str, team: str, password_hash: str) -> User | None:
    """Create a user (and its team); None when the name is taken."""
    if password_hash_of(store, name) is not None:
        return None
    with store.transaction() as con:
        con.execute("INSERT INTO teams VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                    [team, _now()])
        con.execute("INSERT INTO users VALUES (?, ?, ?, ?, ?)",
                    [name, role, team, password_hash, _now()])
    return user(store, name)


def set_password(store: Store, name: str, password_hash: str) -> None:
    """Replace a user's password hash and end their sessions."""
    with store.transaction() as con:
        con.execute("UPDATE users SET password_hash = ? WHERE name = ?", [password_hash, name])
        con.execute("DELETE FROM sessions WHERE user_name = ?", [name])


def user(store: Store, name: str) -> User | None:
    """One user by name."""
    row = store.con.execute(f"SELECT {_USER_COLUMNS} FROM users u WHERE u.name = ?",
                            [name]).fetchone()
    return _user(row) if row else None


def users(store: Store) -> list[User]:
    """Every user, by team then name."""
    rows = store.con.execute(f"SELECT {_USER_COLUMNS} FROM users u ORDER BY u.team, u.name")
    return [_user(r) for r in rows.fetchall()]


def password_hash_of(store: Store, name: str) -> str | None:
    """The stored argon2 hash of a user's password, or None for no such user."""
    row = store.con.execute("SELECT password_hash FROM users WHERE name = ?", [name]).fetchone()
    return str(row[0]) if row else None


def add_token(store: Store, token_hash: str, user_name: str, label: str | None) -> None:
    """Record an API token by its digest."""
    store.con.execute("INSERT INTO api_tokens VALUES (?, ?, ?, ?)",
                      [token_hash, user_name, label, _now()])


def token_user(store: Store, token_hash: str) -> User | None:
    """The user an API token (by digest) acts as, or None."""
    row = store.con.execute(
        f"SELECT {_USER_COLUMNS} FROM api_tokens t JOIN users u ON u.name = t.user_name "
        "WHERE t.token_hash = ?", [token_hash]).fetchone()
    return _user(row) if row else None


def add_session(store: Store, id_hash: str, user_name: str, csrf: str,
                expires_at: datetime) -> None:
    """Record a new login session by the digest of its id."""
    store.con.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, ?)",
                      [id_hash, user_name, csrf, _now(), expires_at])


def session_login(store: Store, id_hash: str) -> Login | None:
    """The unexpired session with this id digest, or None."""
    row = store.con.execute(
        f"SELECT {_USER_COLUMNS}, s.csrf, s.expires_at FROM sessions s "
        "JOIN users u ON u.name = s.user_name WHERE s.id_hash = ? AND s.expires_at > ?",
        [id_hash, _now()]).fetchone()
    if not row:
        return None
    return Login(_user((row[0], row[1], row[2], row[3])), row[4], row[5])


def end_session(store: Store, id_hash: str) -> None:
    """Forget a session (logout), and every expired one."""
    store.con.execute("DELETE FROM sessions WHERE id_hash = ? OR expires_at <= ?",
                      [id_hash, _now()])
