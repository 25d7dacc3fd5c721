"""Watch profiles: the bundled examples load; bad files fail E601 naming the key path."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from sitrep.brief.profile import bundled_profiles, load_profile, profile_from_dict
from sitrep.errors import BriefError

REPO = Path(__file__).resolve().parents[2]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_profile_bundled_examples_load_with_priorities() -> None:
    israel = load_profile("israel")
    assert israel.name == "Israel briefing" and israel.cadence == "weekly"
    assert {"ISR", "PSE", "LBN", "SYR", "IRN"} <= {w.value for w in israel.countries}
    assert {"Naftali Bennett", "Yair Lapid", "Benjamin Netanyahu"} <= {
        w.value for w in israel.actors}
    assert next(w for w in israel.actors if w.value == "Naftali Bennett").weight == 5
    security = load_profile("security")
    assert {"ASSAULT", "THREATEN", "MOBILIZE", "COERCE"} == {w.value for w in security.event_types}
    assert {p.stem for p in bundled_profiles()} >= {"israel", "security"}


def test_profile_examples_folder_matches_bundled() -> None:
    for name in ("israel", "security"):
        example = load_profile(REPO / "examples" / "profiles" / f"{name}.yaml")
        assert replace(example, path=None) == replace(load_profile(name), path=None)


def test_profile_unknown_key_names_path_and_allowed_keys(tmp_path: Path) -> None:
    path = _write(tmp_path, "name: X\ncadence: weekly\nactors:\n  - {name: A}\n"
                            "  - {name: B, priorty: 2}\n")
    with pytest.raises(BriefError) as err:
        load_profile(path)
    assert err.value.code == "E601"
    assert "actors[1].priorty" in err.value.message
    assert "name, key, priority" in err.value.message
    assert str(path) in err.value.message


@pytest.mark.parametrize("text, words", [
    ("name: X\ncadence: hourly\n", "daily-morning, daily-evening, weekly"),
    ("name: X\ncadence: weekly\nactors: [{name: A, priority: 9}]\n", "actors[0].priority"),
    ("name: X\ncadence: weekly\nactors: [{name: A, priority: true}]\n", "expected an integer"),
    ("name: X\ncadence: weekly\ntopics: Syria\n", "topics: expected a list"),
    ("cadence: weekly\n", "name: required key is missing"),
    ("name: X\ncadence: weekly\ncountries: [Israel]\n", "not an ISO 3166 alpha-3"),
    ("name: X\ncadence: weekly\ndelivery: {webhook: {url: 5}}\n", "delivery.webhook.url"),
    ("name: X\ncadence: weekly\ncolour: red\n", "colour: unknown key"),
    ("- just\n- a list\n", "YAML mapping"),
    ("name: [unclosed\n", "not readable YAML"),
])
def test_profile_invalid_files_fail_with_clear_messages(tmp_path: Path, text: str,
                                                        words: str) -> None:
    with pytest.raises(BriefError) as err:
        load_profile(_write(tmp_path, text))
    assert err.value.code == "E601"
    assert words in err.value.message


def test_profile_bare_strings_take_default_priority() -> None:
    profile = profile_from_dict({"name": "Mine", "cadence": "daily-evening",
                                 "actors": ["Yair Lapid"], "countries": ["ISR"],
                                 "regions": [{"name": "Levant", "countries": ["ISR", "LBN"],
                                              "priority": 1}]})
    assert profile.actors[0].priority == 3 and profile.slug == "mine"
    assert {w.value: w.priority for w in profile.countries} == {"ISR": 1, "LBN": 1}


def test_profile_missing_file_lists_bundled_profiles(tmp_path: Path) -> None:
    with pytest.raises(BriefError, match="bundled profiles: .*israel"):
        load_profile(tmp_path / "nope.yaml")


_LAUGHS = "name: x\ncadence: weekly\nl0: &l0 [lol, lol]\n" + "".join(
    f"l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]\n" for i in range(1, 30))


@pytest.mark.parametrize("text, detail", [
    (_LAUGHS, "aliases"),
    ("name: x\ncadence: weekly\nactors: " + "[" * 50_000 + "]" * 50_000, "nested more than"),
    ("name: x\ncadence: weekly\nactors:\n" + "".join(" " * i + "-\n" for i in range(1, 800)),
     "nested more than"),
    ("name: &n x\ncadence: weekly\nactors: [*n]\n", "aliases"),
    ("name: x\ncadence: weekly\ndescription: " + "x" * 1_100_000, "characters, more than"),
])
def test_profile_hostile_yaml_refused_quickly(tmp_path: Path, text: str, detail: str) -> None:
    started = time.monotonic()
    with pytest.raises(BriefError) as err:
        load_profile(_write(tmp_path, text))
    assert err.value.code == "E601" and detail in err.value.detail
    assert time.monotonic() - started < 3
