"""Users, passwords, API tokens and login sessions over a store's access tables.

Passwords are hashed with argon2id (argon2-cffi's defaults); tokens and session ids are 32
random bytes, kept only as SHA-256 digests. A wrong name and a wrong password fail alike
(E705), and a failed login counts against both the name and the client (``Throttle``).
"""

from __future__ import annotations

import functools
import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from sitrep.teams.roles import ROLES
from sitrep.teams.throttle import Throttle
from sitrep.errors import AccessError
from sitrep.store import accounts as table
from sitrep.store.accounts import Login, User
from sitrep.store.db import Store

SESSION_DAYS = 7
"""A login lasts this long."""
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
"""User and team names: letters, digits and ``. _ @ -``, at most 64."""
MIN_PASSWORD = 8

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verifying against this keeps a login for an unknown name as slow as a known one's."""
    return _hasher.hash(secrets.token_urlsafe(16))


def digest(secret: str) -> str:
    """The SHA-256 hex digest a token or session id is stored as."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class NewUser:
    """A user just made, with the password when it was generated (shown once)."""

    user: User
    generated_password: str | None


class Accounts:
    """Who may use a store, and as what.

    Args:
        store: the open store (its access tables).
        throttle: shared failed-login counts (one per server).
    """

    def __init__(self, store: Store, throttle: Throttle | None = None) -> None:
        self.store = store
        self.throttle = throttle or Throttle()

    def add_user(self, name: str, role: str, *, team: str = "default",
                 password: str | None = None) -> NewUser:
        """Create a user; without ``password`` one is generated and returned once.

        Raises:
            AccessError: E708 for an unknown role, E711 for a bad name or short password,
                E706 when the name is taken.
        """
        if role not in ROLES:
            raise AccessError("E708", f"use one of {', '.join(ROLES)}", item=role)
        for value, what in ((name, "user name"), (team, "team name")):
            if not NAME.match(value):
                raise AccessError("E711", f"{what}: letters, digits and . _ @ -, at most 64",
                                  item=value)
        generated = None if password else secrets.token_urlsafe(12)
        secret = password or generated or ""
        if len(secret) < MIN_PASSWORD:
            raise AccessError("E711", f"password: at least {MIN_PASSWORD} characters",
                              item=name)
        made = table.add_user(self.store, name, role, team, _hasher.hash(secret))
        if made is None:
            raise AccessError("E706", item=name)
        return NewUser(made, generated)

    def users(self) -> list[User]:
        """Every user, by team then name."""
        return table.users(self.store)

    def user(self, name: str) -> User:
        """One user by name.

        Raises:
            AccessError: E707 when there is none.
        """
        found = table.user(self.store, name)
        if found is None:
            raise AccessError("E707", item=name)
        return found

    def create_token(self, name: str, label: str | None = None) -> str:
        """A new API bearer token acting as user ``name``; only its digest is kept.

        Raises:
            AccessError: E707 when there is no such user.
        """
        self.user(name)
        token = "st_" + secrets.token_urlsafe(32)
        table.add_token(self.store, digest(token), name, label)
        return token

    def token_user(self, token: str) -> User:
        """The user a bearer token acts as.

        Raises:
            AccessError: E709 when the token is unknown.
        """
        found = table.token_user(self.store, digest(token))
        if found is None:
            raise AccessError("E709")
        return found

    def authenticate(self, name: str, password: str, client: str = "") -> User:
        """Check a name and password, counting failures per name and per client.

        Raises:
            AccessError: E704 while throttled, E705 for a wrong name or password.
        """
        keys = (f"name:{name.lower()}", f"client:{client}")
        wait = self.throttle.wait_s(*keys)
        if wait > 0:
            raise AccessError("E704", f"try again in {int(wait) + 1} s", item=name)
        stored = table.password_hash_of(self.store, name)
        try:
            _hasher.verify(stored or _dummy_hash(), password)
            if stored is None:
                raise VerificationError("no such user")
        except (VerificationError, InvalidHashError):
            self.throttle.fail(*keys)
            raise AccessError("E705", item=name) from None
        self.throttle.clear(*keys)
        if _hasher.check_needs_rehash(stored):
            table.set_password(self.store, name, _hasher.hash(password))
        return self.user(name)

    def start_session(self, user: User) -> tuple[str, Login]:
        """A new session for ``user``: its secret id (the cookie) and the login."""
        session_id = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        expires = datetime.now(UTC).replace(tzinfo=None) + timedelta(days=SESSION_DAYS)
        table.add_session(self.store, digest(session_id), user.name, csrf, expires)
        return session_id, Login(user, csrf, expires)

    def session(self, session_id: str) -> Login | None:
        """The login a session cookie belongs to, or None when unknown or expired."""
        return table.session_login(self.store, digest(session_id)) if session_id else None

    def end_session(self, session_id: str) -> None:
        """Log out."""
        table.end_session(self.store, digest(session_id))
