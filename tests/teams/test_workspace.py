"""A team's profiles (form fields to YAML and back, errors per field) and documents."""

from __future__ import annotations

from pathlib import Path

import pytest

import sitrep
from sitrep.errors import AccessError
from sitrep.teams.workspace import FieldErrors, profile_form, profile_yaml, validate_profile

FORM = {"name": "Gulf", "description": "", "cadence": "weekly",
        "countries": "SAU | 1\nARE", "actors": "Mohammed bin Salman | 2", "topics": "",
        "event_types": "ASSAULT | 1"}


def test_workspace_profile_form_round_trips_through_yaml() -> None:
    text = profile_yaml(FORM)
    profile = validate_profile("gulf", text)
    assert [(w.value, w.priority) for w in profile.countries] == [("SAU", 1), ("ARE", 3)]
    back = profile_form(text)
    assert back["countries"] == "SAU | 1\nARE" and back["actors"] == "Mohammed bin Salman | 2"


@pytest.mark.parametrize(("change", "field"), [
    ({"cadence": "hourly"}, "cadence"), ({"countries": "Saudi Arabia"}, "countries"),
    ({"actors": "MBS | 0"}, "actors"), ({"event_types": "attack"}, "event_types"),
    ({"topics": "oil | x"}, "topics"), ({"name": ""}, "name"),
])
def test_workspace_profile_errors_name_their_field(change: dict[str, str], field: str) -> None:
    with pytest.raises(FieldErrors) as found:
        validate_profile("gulf", profile_yaml(FORM | change))
    assert list(found.value.errors) == [field]


def test_workspace_teams_keep_their_own_profiles_and_documents(tmp_path: Path) -> None:
    with sitrep.open(tmp_path / "w.duckdb") as s:
        mine, theirs = s.workspace("a"), s.workspace("b")
        mine.save_profile("gulf", profile_yaml(FORM), "ann")
        assert [p.slug for p in mine.profiles()] == ["gulf"] and theirs.profiles() == []
        with pytest.raises(AccessError):
            theirs.profile("gulf")
        assert mine.load("gulf").slug == "a.gulf" and theirs.load("israel").slug == "b.israel"
        assert [c.slug for c in mine.choices()][0] == "gulf"
        with pytest.raises(AccessError):
            theirs.load("gulf")
