"""``sitrep serve``: the web app and the HTTP API (``/api/v1/``) a team of analysts works in.

A thin layer over ``sitrep.api``, like the CLI: pages and JSON routes call ``Sitrep``
methods and render what they return. One process owns the store (``server.py``); each
request thread reads through a connection of its own (``state.py``), and ingest and
briefings run as background jobs in the same process (``jobs.py``).
"""

from sitrep.web.app import create_app
from sitrep.web.state import Served

__all__ = ["Served", "create_app"]
