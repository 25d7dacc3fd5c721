"""The bundled data: lexicons, patterns, gazetteers, knowledge base and trained weights.

They are data, not code (each folder's files say where they come from); this module only
says how the YAML among them is read.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML was built with it: the same safe subset, about ten times
faster than the pure-Python one, and every worker process reads ``triggers.yaml`` and
``actors.yaml`` when it starts (0.6 s of CPU each with the pure-Python parser)."""


def read_yaml(text: str) -> Any:
    """Parse one of the bundled YAML files (trusted: they ship with the code).

    Untrusted YAML (a team's profile, an uploaded file) goes through
    ``sitrep.safety.load_yaml`` instead, which caps size, depth and aliases.
    """
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader, C or Python
