"""Settings: defaults, a TOML file, environment variables, strict validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import SettingsError
from sitrep.settings import SETTINGS, Settings, load_settings


def test_settings_declared_once_with_help() -> None:
    declared = {s.name: s.default for s in SETTINGS}
    assert declared == {k: v for k, v in Settings().__dict__.items()}
    assert all(s.help for s in SETTINGS)


def test_settings_file_then_environment(tmp_path: Path) -> None:
    (tmp_path / "sitrep.toml").write_text('db = "x.duckdb"\nretries = 5\n')
    settings = load_settings({"SITREP_RETRIES": "7"}, cwd=tmp_path)
    assert settings.db == "x.duckdb"
    assert settings.retries == 7


def test_settings_unknown_key_is_e901(tmp_path: Path) -> None:
    (tmp_path / "sitrep.toml").write_text('dbb = "x.duckdb"\n')
    with pytest.raises(SettingsError) as info:
        load_settings({}, cwd=tmp_path)
    assert info.value.code == "E901"
    assert "dbb" in info.value.message


def test_settings_bad_value_is_e902(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as info:
        load_settings({"SITREP_ALLOW_PRIVATE": "perhaps"}, cwd=tmp_path)
    assert info.value.code == "E902"


@pytest.mark.parametrize("text", ["db = " + "[" * 100_000 + "]" * 100_000,
                                  "db = [[[[", "\udcff = 1"])
def test_settings_hostile_file_is_e902(tmp_path: Path, text: str) -> None:
    (tmp_path / "sitrep.toml").write_bytes(text.encode("utf-8", "surrogateescape"))
    with pytest.raises(SettingsError) as info:
        load_settings({}, cwd=tmp_path)
    assert info.value.code == "E902"
