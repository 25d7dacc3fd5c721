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


@pytest.mark.parametrize("text", [
    # the parties' acronyms and a dash open a sentence: no place is named
    "U.S. — Mexico talks resumed on Monday in Washington.",
    "EU - UK talks on Northern Ireland resumed on Monday.",
])
def test_acronyms_and_a_dash_are_no_dateline(text) -> None:
    assert blank_dateline(text) == text


def test_dateline_under_a_headline_starts_the_lead_sentence() -> None:
    # a headline (or byline) line ends in no full stop; the blanked dateline breaks the
    # paragraph so the lead is read alone
    text = "By Jane Doe\nWASHINGTON (AP) — Chile and Peru met."
    blanked = blank_dateline(text)
    assert len(blanked) == len(text)
    assert blanked.startswith("By Jane Doe\n\n\n")
