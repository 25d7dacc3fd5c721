"""The ``team_profiles`` and ``team_documents`` tables: what each team keeps in a served store.

A team's watch profiles are kept as the YAML an analyst wrote (validated by the brief stage
before they are saved); its briefings and memos as the Markdown and HTML they were rendered
to. Every read names the team, so one team never sees another's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sitrep.store.db import Store


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class TeamProfile:
    """A team's watch profile as written."""

    team: str
    slug: str
    yaml: str
    updated_at: datetime
    updated_by: str | None


@dataclass(frozen=True)
class Document:
    """A briefing or memo a team made."""

    id: str
    team: str
    kind: str
    """``briefing`` or ``memo``."""
    title: str
    subject: str | None
    """The profile of a briefing; the actor, pair or topic of a memo."""
    period_start: date | None
    period_end: date | None
    markdown: str
    html: str | None
    created_at: datetime
    created_by: str | None


def save_profile(store: Store, team: str, slug: str, yaml_text: str, user_name: str) -> None:
    """Create or replace a team's profile."""
    store.con.execute(
        "INSERT INTO team_profiles VALUES (?, ?, ?, ?, ?) ON CONFLICT (team, slug) DO UPDATE "
        "SET yaml = excluded.yaml, updated_at = excluded.updated_at, "
        "updated_by = excluded.updated_by", [team, slug, yaml_text, _now(), user_name])


def profile(store: Store, team: str, slug: str) -> TeamProfile | None:
    """One of a team's profiles."""
    row = store.con.execute("SELECT * FROM team_profiles WHERE team = ? AND slug = ?",
                            [team, slug]).fetchone()
    return TeamProfile(*row) if row else None


def profiles(store: Store, team: str) -> list[TeamProfile]:
    """A team's profiles, by slug."""
    rows = store.con.execute("SELECT * FROM team_profiles WHERE team = ? ORDER BY slug",
                             [team]).fetchall()
    return [TeamProfile(*r) for r in rows]


def delete_profile(store: Store, team: str, slug: str) -> None:
    """Remove one of a team's profiles."""
    store.con.execute("DELETE FROM team_profiles WHERE team = ? AND slug = ?", [team, slug])


_DOC_COLUMNS = ("id, team, kind, title, subject, period_start, period_end, markdown, html, "
                "created_at, created_by")


def add_document(store: Store, doc: Document) -> None:
    """Keep a briefing or memo (replacing one with the same id)."""
    store.con.execute(
        f"INSERT OR REPLACE INTO team_documents ({_DOC_COLUMNS}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [doc.id, doc.team, doc.kind, doc.title, doc.subject, doc.period_start, doc.period_end,
         doc.markdown, doc.html, doc.created_at, doc.created_by])


def document(store: Store, team: str, doc_id: str) -> Document | None:
    """One of a team's documents."""
    row = store.con.execute(f"SELECT {_DOC_COLUMNS} FROM team_documents WHERE team = ? "
                            "AND id = ?", [team, doc_id]).fetchone()
    return Document(*row) if row else None


def documents(store: Store, team: str, kind: str | None = None,
              subject: str | None = None, limit: int = 100) -> list[Document]:
    """A team's documents, newest first, of one kind and subject when given."""
    rows = store.con.execute(
        f"SELECT {_DOC_COLUMNS} FROM team_documents WHERE team = ? "
        "AND (? IS NULL OR kind = ?) AND (? IS NULL OR subject = ?) "
        "ORDER BY created_at DESC LIMIT ?",
        [team, kind, kind, subject, subject, limit]).fetchall()
    return [Document(*r) for r in rows]
