"""Topics of an event, from a lexicon of phrases (``data/events/topics.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sitrep.data import read_yaml

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "events"


@dataclass(frozen=True)
class TopicLexicon:
    """Topic -> compiled pattern of its phrases."""

    patterns: dict[str, re.Pattern[str]]

    def find(self, text: str) -> list[str]:
        """Topics whose phrases occur in ``text`` (case-insensitive, whole words).

        Args:
            text: a sentence, possibly with its paragraph.

        Returns:
            Topic names in lexicon order.
        """
        return [topic for topic, pattern in self.patterns.items() if pattern.search(text)]


def load_topics(path: Path = DATA_DIR / "topics.yaml") -> TopicLexicon:
    """Read a topic lexicon.

    Args:
        path: the YAML file (the bundled one by default).

    Returns:
        The compiled lexicon.
    """
    raw = read_yaml(path.read_text("utf-8"))
    patterns = {}
    for topic, phrases in raw.items():
        alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]")
                                for p in sorted(phrases, key=len, reverse=True))
        patterns[str(topic)] = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return TopicLexicon(patterns)
