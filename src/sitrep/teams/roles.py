"""Roles and what each may do.

    admin     everything an analyst may, and manage users
    analyst   read, and ingest, code, make profiles, briefings and memos
    viewer    read
"""

from __future__ import annotations

ROLES: tuple[str, ...] = ("admin", "analyst", "viewer")
ACTIONS: dict[str, frozenset[str]] = {
    "read": frozenset(ROLES),
    "write": frozenset({"admin", "analyst"}),
    "admin": frozenset({"admin"}),
}
"""Each action and the roles allowed it: ``write`` is ingest, profiles, briefings, memos."""


def allowed(role: str, action: str) -> bool:
    """Whether ``role`` may do ``action`` (``read``, ``write`` or ``admin``)."""
    return role in ACTIONS.get(action, frozenset())
