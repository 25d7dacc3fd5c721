"""Watch profiles: what an analyst follows, and how much each item matters.

A profile is a YAML file, read without aliases and with caps on size and depth
(``safety.load_yaml``), then validated strictly: an unknown key, a wrong type, a priority outside
1-5 or an unknown cadence is refused with ``BriefError("E601")`` naming the key path
(``actors[2].priorty``) and, for unknown keys, the keys allowed there. A typo in a profile
would otherwise silently drop an actor from every briefing.

Priorities run from 1 (most important) to 5 (background); ``weight`` turns them into the
multiplier used to rank stories (priority 1 weighs 5, priority 5 weighs 1).

    name: Israel briefing
    cadence: weekly
    countries: [{code: ISR, priority: 1}, LBN]
    actors: [{name: Naftali Bennett, priority: 1}]
    topics: [{name: Iran nuclear program, priority: 1}]
    event_types: [{type: ASSAULT, priority: 1}]
    regions: [{name: Levant, countries: [SYR, LBN], priority: 2}]
    delivery: {console: true, file: {dir: briefings}, webhook: {url: ...}, email: {to: [...]}}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.errors import BriefError
from sitrep.safety import MAX_YAML_CHARS, load_yaml

CADENCES: tuple[str, ...] = ("daily-morning", "daily-evening", "weekly")
DEFAULT_PRIORITY = 3
DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "profiles"

# The profile schema as data: key -> (type, required). A nested dict is a sub-schema; a
# one-element list is "a list of" that schema; an entry may also be a bare string, read as
# the first key of its schema with the default priority.
_PRIORITY = (int, False)
_ACTOR = {"name": (str, True), "key": (str, False), "priority": _PRIORITY}
_COUNTRY = {"code": (str, True), "priority": _PRIORITY}
_TOPIC = {"name": (str, True), "priority": _PRIORITY}
_TYPE = {"type": (str, True), "priority": _PRIORITY}
_REGION = {"name": (str, True), "countries": ([str], True), "priority": _PRIORITY}
_SMTP = {"host": (str, False), "port": (int, False), "user": (str, False),
         "password": (str, False), "from": (str, False), "to": ([str], False),
         "starttls": (bool, False), "timeout": (float, False)}
_DELIVERY = {"console": (bool, False), "file": ({"dir": (str, True)}, False),
             "webhook": ({"url": (str, True), "timeout": (float, False),
                          "retries": (int, False)}, False),
             "email": (_SMTP, False)}
SCHEMA: dict[str, Any] = {
    "name": (str, True), "description": (str, False), "cadence": (str, True),
    "countries": ([_COUNTRY], False), "regions": ([_REGION], False),
    "actors": ([_ACTOR], False), "topics": ([_TOPIC], False),
    "event_types": ([_TYPE], False), "delivery": (_DELIVERY, False),
}


@dataclass(frozen=True)
class Watch:
    """One watched item: an actor, a country, a topic or an event type, with its priority."""

    kind: str
    """``actor``, ``country``, ``topic`` or ``type``."""
    value: str
    """Actor name, ISO 3166 alpha-3 code, topic name or PLOVER event type."""
    priority: int = DEFAULT_PRIORITY
    key: str | None = None
    """For actors: a store actor key (``person:naftali-bennett``) given in the profile."""

    @property
    def weight(self) -> int:
        """Ranking multiplier: priority 1 weighs 5, priority 5 weighs 1."""
        return 6 - self.priority


@dataclass
class Profile:
    """A validated watch profile."""

    name: str
    cadence: str
    slug: str
    description: str = ""
    actors: list[Watch] = field(default_factory=list)
    countries: list[Watch] = field(default_factory=list)
    topics: list[Watch] = field(default_factory=list)
    event_types: list[Watch] = field(default_factory=list)
    delivery: dict[str, Any] = field(default_factory=dict)
    path: str | None = None

    @property
    def watches(self) -> list[Watch]:
        return [*self.actors, *self.countries, *self.topics, *self.event_types]


def _fail(path: str, detail: str, source: str | None) -> BriefError:
    return BriefError("E601", f"{path or 'profile'}: {detail}", item=source)


def _type_name(kind: Any) -> str:
    if isinstance(kind, dict):
        return "a mapping"
    if isinstance(kind, list):
        return "a list"
    return {str: "a string", int: "an integer", bool: "true or false", float: "a number"}[kind]


def _check(value: Any, kind: Any, path: str, source: str | None) -> Any:
    """Check ``value`` against a schema node; return it with bare strings expanded."""
    if isinstance(kind, dict):
        if isinstance(value, str) and value.strip():
            value = {next(iter(kind)): value}
        if not isinstance(value, dict):
            raise _fail(path, f"expected {_type_name(kind)}, got {value!r}", source)
        return _check_mapping(value, kind, path, source)
    if isinstance(kind, list):
        if not isinstance(value, list):
            raise _fail(path, f"expected a list, got {value!r}", source)
        return [_check(v, kind[0], f"{path}[{i}]", source) for i, v in enumerate(value)]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    # bool is an int in Python: "priority: true" must not pass as 1
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _fail(path, f"expected {_type_name(kind)}, got {value!r}", source)
    return value


def _check_mapping(data: dict[Any, Any], schema: dict[str, Any], path: str,
                   source: str | None) -> dict[str, Any]:
    prefix = f"{path}." if path else ""
    for key in data:
        if key not in schema:
            raise _fail(f"{prefix}{key}", f"unknown key; allowed keys: {', '.join(schema)}",
                        source)
    for key, (_, required) in schema.items():
        if required and data.get(key) in (None, ""):
            raise _fail(f"{prefix}{key}", "required key is missing", source)
    checked = {k: _check(v, schema[k][0], f"{prefix}{k}", source) for k, v in data.items()}
    priority = checked.get("priority")
    if priority is not None and not 1 <= priority <= 5:
        raise _fail(f"{prefix}priority", f"must be 1 (highest) to 5, got {priority}", source)
    return checked


def _watches(kind: str, entries: list[dict[str, Any]], field_name: str) -> list[Watch]:
    return [Watch(kind, str(e[field_name]).strip(), e.get("priority", DEFAULT_PRIORITY),
                  e.get("key")) for e in entries]


def _countries(data: dict[str, Any], source: str | None) -> list[Watch]:
    """Countries, then regions expanded into their countries (the higher priority wins)."""
    found: dict[str, int] = {}
    entries = [(c["code"], c.get("priority", DEFAULT_PRIORITY), "countries")
               for c in data.get("countries", [])]
    entries += [(code, r.get("priority", DEFAULT_PRIORITY), f"regions ({r['name']})")
                for r in data.get("regions", []) for code in r["countries"]]
    for code, priority, where in entries:
        if len(code) != 3 or not code.isalpha() or not code.isupper():
            raise _fail(where, f"{code!r} is not an ISO 3166 alpha-3 code like ISR", source)
        found[code] = min(priority, found.get(code, priority))
    return [Watch("country", code, p) for code, p in found.items()]


def profile_from_dict(data: Any, source: str | None = None, slug: str | None = None) -> Profile:
    """Validate a parsed profile and build a ``Profile``.

    Args:
        data: the parsed YAML document.
        source: the file it came from, for error messages.
        slug: the profile's short name (default: the file stem, else the name slugified).

    Returns:
        The profile.

    Raises:
        BriefError: E601 naming the bad key path and what is allowed there.
    """
    if not isinstance(data, dict):
        raise _fail("", "a profile is a YAML mapping with name, cadence and watches", source)
    checked = _check_mapping(data, SCHEMA, "", source)
    if checked["cadence"] not in CADENCES:
        raise _fail("cadence", f"{checked['cadence']!r} is not one of {', '.join(CADENCES)}",
                    source)
    types = _watches("type", checked.get("event_types", []), "type")
    for t in types:
        if not t.value.isupper():
            raise _fail("event_types", f"{t.value!r} is not a PLOVER type like ASSAULT", source)
    if not slug:
        slug = "-".join("".join(c if c.isalnum() else " " for c in checked["name"].lower()).split())
    return Profile(
        name=checked["name"], cadence=checked["cadence"], slug=slug,
        description=checked.get("description", ""),
        actors=_watches("actor", checked.get("actors", []), "name"),
        countries=_countries(checked, source),
        topics=_watches("topic", checked.get("topics", []), "name"),
        event_types=types, delivery=checked.get("delivery", {}), path=source,
    )


def load_profile(path: str | Path) -> Profile:
    """Read and validate a profile file; a bare name finds a bundled profile.

    Args:
        path: a YAML file, or the name of a bundled profile (``israel``, ``security``).

    Returns:
        The validated profile; its ``slug`` is the file stem.

    Raises:
        BriefError: E601 when the file is missing, is not YAML, or fails validation.
    """
    file = Path(path)
    if not file.is_file() and (DATA_DIR / f"{path}.yaml").is_file():
        file = DATA_DIR / f"{path}.yaml"
    if not file.is_file():
        bundled = ", ".join(sorted(p.stem for p in DATA_DIR.glob("*.yaml")))
        raise BriefError("E601", f"no such file; bundled profiles: {bundled}", item=str(path))
    try:
        if file.stat().st_size > MAX_YAML_CHARS * 4:
            raise ValueError(f"{file.stat().st_size} bytes, more than {MAX_YAML_CHARS * 4}")
        data = load_yaml(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise BriefError("E601", f"not readable YAML: {exc}", item=str(file)) from None
    return profile_from_dict(data, source=str(file), slug=file.stem)


def bundled_profiles() -> list[Path]:
    """The example profiles shipped with sitrep."""
    return sorted(DATA_DIR.glob("*.yaml"))
