"""How hostile a clause sounds: VADER's valence lexicon (MIT licence, shipped in the
``vaderSentiment`` package), used to find criticism said in a person's words
(``speech.quoted_blame``)."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def valence(text: str) -> float:
    """VADER's compound score of ``text``: -1 (hostile) to 1 (warm), 0 neutral."""
    return float(_analyzer().polarity_scores(text)["compound"])


def hostile_words(at_most: float = -1.0) -> frozenset[str]:
    """The lexicon's words (lower case) whose own valence is at most ``at_most`` (on VADER's
    -4 to 4 scale): the selective parser parses a sentence of saying only with one of them.
    A clause can score as hostile without one (several milder words, a negated warm one);
    such sentences are left unparsed unless a trigger word asks for them."""
    return frozenset(w for w, v in _analyzer().lexicon.items() if v <= at_most)
