"""The dateline of wire copy, blanked before the coder parses a text."""

from __future__ import annotations

import pytest

from sitrep.events.dateline import blank_dateline


@pytest.mark.parametrize(("text", "kept"), [
    ("OSLO, Jan 14 (Reuters) - Chile and Peru met.", "Chile and Peru met."),
    ("LIMA, Jan. 14, 2022 (AFP) -- Chile and Peru met.", "Chile and Peru met."),
    ("SAN JOSE, Costa Rica — Chile and Peru met.", "Chile and Peru met."),
    ("Lima, Peru (CNN) — Chile and Peru met.", "Chile and Peru met."),
    ("UNITED NATIONS (Reuters) - Chile and Peru met.", "Chile and Peru met."),
    ("Talks in Lima\nOSLO (AP) — Chile and Peru met.", "Talks in Lima\n"),
])
def test_dateline_blanked_keeps_offsets(text, kept) -> None:
    blanked = blank_dateline(text)
    assert len(blanked) == len(text)
    assert blanked.strip().startswith(kept.split("\n")[0])
    assert blanked.endswith("Chile and Peru met.")
    assert "(" not in blanked and "OSLO" not in blanked


@pytest.mark.parametrize("text", [
    "Chile — along with Peru — condemned Bolivia.",
    "Lima - the capital - was calm on Monday.",
    "The minister (left) - and her deputy - met.",
    "Chile and Peru met.\nLater, in OSLO (AP) - they signed.",
    "First line.\nSecond line.\nThird line.\nOSLO (AP) - Chile and Peru met.",
])
def test_dateline_absent_leaves_the_text(text) -> None:
    assert blank_dateline(text) == text
