"""Which language an article is in, with py3langid (its model ships inside the package)."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import LanguageIdentifier, _load_identifier

from sitrep.errors import ExtractError

# The classifier's answer settles by a few thousand characters; more only costs time.
_SAMPLE_CHARS = 5000
SURE = 0.5
"""Below this probability the detector's answer yields to a language the source declares."""


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """py3langid's bundled model, loaded once (about half a second)."""
    return _load_identifier(norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The most likely language of a text.

    Args:
        text: any text; only its first few thousand characters are read.

    Returns:
        An ISO 639-1 code and its probability (0 to 1).
    """
    language, probability = _identifier().classify(text[:_SAMPLE_CHARS])
    return str(language), float(probability)


def decide_language(text: str, declared: str | None = None) -> str:
    """The article's language: detected, unless the detector is unsure and the source
    declared one (a record's ``language`` field): short texts are often misread.

    Args:
        text: the article text.
        declared: a language the source states (``en``, ``en-US``, ``ar``), if any.

    Returns:
        An ISO 639-1 code.
    """
    detected, probability = detect_language(text)
    code = (declared or "").strip().lower().replace("_", "-").split("-")[0]
    if code.isalpha() and len(code) in (2, 3) and probability < SURE:
        return code
    return detected


def check_language(text: str, languages: frozenset[str], item: str | None = None) -> str:
    """Detect the language and refuse it unless it is one the caller accepts.

    Args:
        text: the article text.
        languages: the ISO 639-1 codes accepted.
        item: the path or URL, for error messages.

    Returns:
        The detected language code.

    Raises:
        ExtractError: E202 naming the language found, when it is not in ``languages``.
    """
    language, probability = detect_language(text)
    if language not in languages:
        accepted = ", ".join(sorted(languages))
        raise ExtractError(
            "E202",
            f"text is in {language!r} (p={probability:.2f}), accepted: {accepted}; "
            f"pass languages={{{language!r}, ...}} to accept it",
            item=item,
        )
    return language
