"""A team's workspace: its watch profiles, and the briefings and memos it made.

Profiles are kept as YAML and validated by the brief stage before they are saved; a profile
form's fields become that YAML here (``profile_yaml``), and a validation error is returned
against the form field it is about (``FieldErrors``), so a page can show it beside the field.
Every read and write names the team: one team never sees another's profiles or documents.
"""

from __future__ import annotations

import dataclasses
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import yaml

from sitrep.brief.period import Period
from sitrep.brief.profile import CADENCES, Profile, bundled_profiles, profile_from_dict
from sitrep.errors import AccessError, BriefError
from sitrep.store import workspace as table
from sitrep.store.db import Store
from sitrep.store.workspace import Document, TeamProfile

PROFILE_FIELDS = ("slug", "name", "description", "cadence", "countries", "actors", "topics",
                  "event_types")
"""The fields of the profile form, in order."""
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,47}$")
_LIST_FIELDS = {"countries": "code", "actors": "name", "topics": "name", "event_types": "type"}


class FieldErrors(Exception):
    """A form's values are invalid; ``errors`` maps each bad field to why."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _lines(field: str, text: str) -> list[dict[str, Any]]:
    """``Naftali Bennett | 1`` lines (priority optional) as profile entries."""
    entries: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        value, _, priority = line.partition("|")
        entry: dict[str, Any] = {_LIST_FIELDS[field]: value.strip()}
        if priority.strip():
            if not priority.strip().isdigit():
                raise FieldErrors({field: f"line {number}: priority {priority.strip()!r} is "
                                          "not a number from 1 to 5"})
            entry["priority"] = int(priority)
        entries.append(entry)
    return entries


def profile_yaml(form: dict[str, str]) -> str:
    """The YAML of a profile form's fields (lists one ``value | priority`` per line).

    Raises:
        FieldErrors: when a line cannot be read.
    """
    data: dict[str, Any] = {k: form.get(k, "").strip() for k in ("name", "description",
                                                                  "cadence")}
    if not data["description"]:
        del data["description"]
    for field in _LIST_FIELDS:
        entries = _lines(field, form.get(field, ""))
        if entries:
            data[field] = entries
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def profile_form(yaml_text: str) -> dict[str, str]:
    """A stored profile's YAML back as the form's fields."""
    data = yaml.safe_load(yaml_text) or {}
    form = {k: str(data.get(k, "")) for k in ("name", "description", "cadence")}
    for field, key in _LIST_FIELDS.items():
        rows = []
        for entry in data.get(field, []) or []:
            entry = entry if isinstance(entry, dict) else {key: entry}
            priority = entry.get("priority")
            rows.append(f"{entry.get(key, '')}" + (f" | {priority}" if priority else ""))
        form[field] = "\n".join(rows)
    return form


def _field_of(error: BriefError) -> str:
    """The form field a profile validation error is about (``actors[2].priority``: actors)."""
    path = error.detail.split(":", 1)[0]
    head = re.split(r"[\[. ]", path, maxsplit=1)[0]
    if head == "regions":
        return "countries"
    return head if head in PROFILE_FIELDS else "name"


def validate_profile(slug: str, yaml_text: str) -> Profile:
    """A profile from its YAML, or the errors per form field.

    Raises:
        FieldErrors: the slug or a value is invalid.
    """
    if not SLUG.match(slug):
        raise FieldErrors({"slug": "lower-case letters, digits and -, at most 48"})
    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError as exc:
        raise FieldErrors({"name": f"not readable YAML: {exc}"}) from None
    try:
        return profile_from_dict(data, source=slug, slug=slug)
    except BriefError as exc:
        raise FieldErrors({_field_of(exc): exc.detail}) from None


@dataclass(frozen=True)
class ProfileChoice:
    """A profile a team can brief on: one of its own, or one bundled with sitrep."""

    slug: str
    name: str
    bundled: bool


class Workspace:
    """One team's profiles, briefings and memos in a store.

    Args:
        store: the open store.
        team: the team whose workspace this is.
    """

    def __init__(self, store: Store, team: str) -> None:
        self.store = store
        self.team = team

    # --- profiles ------------------------------------------------------------------------

    def profiles(self) -> list[TeamProfile]:
        """The team's own profiles."""
        return table.profiles(self.store, self.team)

    def profile(self, slug: str) -> TeamProfile:
        """One of the team's profiles.

        Raises:
            AccessError: E712 when the team has no such profile.
        """
        found = table.profile(self.store, self.team, slug)
        if found is None:
            raise AccessError("E712", "no such profile in your team", item=slug)
        return found

    def save_profile(self, slug: str, yaml_text: str, user: str) -> Profile:
        """Validate and save (create or replace) a profile.

        Raises:
            FieldErrors: the profile is invalid; nothing is saved.
        """
        checked = validate_profile(slug, yaml_text)
        table.save_profile(self.store, self.team, slug, yaml_text, user)
        return checked

    def delete_profile(self, slug: str) -> None:
        """Remove one of the team's profiles."""
        table.delete_profile(self.store, self.team, slug)

    def choices(self) -> list[ProfileChoice]:
        """Profiles to brief on: the team's, then the bundled ones it has not replaced."""
        own = [ProfileChoice(p.slug, str((yaml.safe_load(p.yaml) or {}).get("name", p.slug)),
                             False) for p in self.profiles()]
        taken = {c.slug for c in own}
        bundled = [ProfileChoice(p.stem, p.stem, True) for p in bundled_profiles()
                   if p.stem not in taken]
        return own + bundled

    def load(self, slug: str) -> Profile:
        """The validated profile a briefing or an alert uses: the team's own, else a bundled
        one. Its slug is put under the team (``research.israel``), so each team has its own
        briefing history ("what changed") and its own record of alerts sent.

        Raises:
            AccessError: E712 when neither exists.
        """
        found = table.profile(self.store, self.team, slug)
        text = found.yaml if found is not None else next(
            (p.read_text(encoding="utf-8") for p in bundled_profiles() if p.stem == slug), None)
        if text is None:
            raise AccessError("E712", "no such profile in your team", item=slug)
        return dataclasses.replace(validate_profile(slug, text), slug=f"{self.team}.{slug}")

    # --- briefings and memos -------------------------------------------------------------

    def make_briefing(self, slug: str, period: Period, user: str) -> Document:
        """Build a briefing of a profile over a period, record it, and keep its Markdown and
        HTML in the team's archive."""
        from sitrep.brief.briefing import (
            build_briefing,
            record_briefing,
            render_html,
            render_markdown,
        )

        briefing = build_briefing(self.store, self.load(slug), period)
        record_briefing(self.store, briefing)
        doc = Document(_new_id("b"), self.team, "briefing", briefing.title, slug, period.start,
                       period.end, render_markdown(briefing), render_html(briefing),
                       briefing.created_at, user)
        table.add_document(self.store, doc)
        return doc

    def make_memo(self, subject: str | tuple[str, str], topic: bool, since: date,
                  until: date, user: str) -> Document:
        """Write a memo on an actor, a pair, or (with ``topic``) a topic, and keep it.

        Raises:
            QueryError: E501/E502 for an actor name that matches nobody or several actors;
                E503 when the period ends before it starts.
        """
        from sitrep.brief.memo import Topic, build_memo, render_memo_html, render_memo_markdown

        about = Topic(subject) if topic and isinstance(subject, str) else subject
        memo = build_memo(self.store, about, since, until)
        label = subject if isinstance(subject, str) else " and ".join(subject)
        doc = Document(_new_id("m"), self.team, "memo", memo.title, label, since, until,
                       render_memo_markdown(memo), render_memo_html(memo), memo.created_at,
                       user)
        table.add_document(self.store, doc)
        return doc

    def documents(self, kind: str | None = None, subject: str | None = None,
                  limit: int = 100) -> list[Document]:
        """The team's briefings and memos, newest first."""
        return table.documents(self.store, self.team, kind, subject, limit)

    def document(self, doc_id: str) -> Document:
        """One of the team's documents.

        Raises:
            AccessError: E712 when the team has no such document.
        """
        found = table.document(self.store, self.team, doc_id)
        if found is None:
            raise AccessError("E712", "no such briefing or memo in your team", item=doc_id)
        return found


def _new_id(prefix: str) -> str:
    return f"{prefix}{_now():%Y%m%d%H%M%S}{secrets.token_hex(3)}"


__all__ = ["CADENCES", "Document", "FieldErrors", "ProfileChoice", "TeamProfile", "Workspace",
           "profile_form", "profile_yaml", "validate_profile"]
