"""Teams in a served store: users with roles, passwords, API tokens and sessions; each
team's profiles, briefings and memos (``Workspace``); the server's background jobs.

``Accounts`` is the one place that decides who someone is (a password, a token or a session
cookie) and what their role lets them do (``roles.py``); the web layer and the ``sitrep
users`` / ``sitrep tokens`` commands both go through it.
"""

from sitrep.teams.accounts import Accounts, NewUser
from sitrep.teams.jobs import JobBook
from sitrep.teams.roles import ROLES, allowed
from sitrep.teams.throttle import Throttle
from sitrep.teams.workspace import FieldErrors, Workspace

__all__ = ["ROLES", "Accounts", "FieldErrors", "JobBook", "NewUser", "Throttle", "Workspace",
           "allowed"]
