"""Language detection (CLD2): languages told apart, codes in ISO 639-1, hostile or empty
text answered, never raised on."""

from __future__ import annotations

import pytest

from sitrep.errors import ExtractError
from sitrep.extract.language import (
    SURE,
    UNDETERMINED,
    check_language,
    decide_language,
    detect_language,
)

TEXTS = {
    "en": "The foreign ministers met in Geneva on Thursday to discuss a ceasefire.",
    "de": "Die Außenminister trafen sich am Donnerstag in Genf, um über eine Waffenruhe "
          "zu sprechen.",
    "fr": "Les ministres des affaires étrangères se sont réunis jeudi à Genève pour "
          "discuter d'un cessez-le-feu.",
    "ru": "Министры иностранных дел встретились в четверг в Женеве, чтобы обсудить "
          "прекращение огня.",
    "he": "שרי החוץ נפגשו ביום חמישי בז'נבה כדי לדון בהפסקת אש ובחילופי שבויים.",
    "ar": "اجتمع وزراء الخارجية يوم الخميس في جنيف لبحث وقف إطلاق النار وتبادل الأسرى.",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_detects_the_language_in_iso_639_1(code: str) -> None:
    found, confidence = detect_language(TEXTS[code])
    assert found == code  # CLD2's own code for Hebrew is the withdrawn "iw"
    assert SURE <= confidence <= 1.0


@pytest.mark.parametrize("text", ["", "   ", "12345 67890", "\x00\x1b[2J\x9b", "\ud800"])
def test_text_without_a_language_is_undetermined(text: str) -> None:
    assert detect_language(text) == (UNDETERMINED, 0.0)


def test_control_characters_do_not_hide_the_language() -> None:
    assert detect_language("\x1b[31m" + TEXTS["en"] + "\x00\x07")[0] == "en"


def test_declared_language_wins_only_when_the_detector_is_unsure() -> None:
    assert decide_language("Bonjour", declared="fr-FR") == "fr"
    assert decide_language("12345", declared=None) == UNDETERMINED
    assert decide_language(TEXTS["de"], declared="en") == "de"


def test_undetermined_text_is_refused_with_a_reason() -> None:
    with pytest.raises(ExtractError) as err:
        check_language("12345 67890", frozenset({"en"}), item="a.txt")
    assert err.value.code == "E202"
    assert "cannot be told" in err.value.detail
