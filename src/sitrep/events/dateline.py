"""The dateline that opens wire copy: "KYIV, March 3 (Reuters) - ", "LONDON (AP) — ",
"BEIRUT, Lebanon — ", "Kyiv, Ukraine (CNN) -- ".

It tells where and when the story was filed, and it is glued to the story's first sentence,
the one that carries the news. Read with the sentence, its city becomes a participant (the
place of the event stands for its state) and its date the date of the news ("on Tuesday" is
lost), and the parser may join the city to the subject ("KHARTOUM ... Sudan's army agreed")
so that the event is lost. The coder parses the text with the dateline blanked out; the
stored text keeps it (``sitrep.extract.infer_date`` reads its date as the publication date).
"""

from __future__ import annotations

import re

from sitrep.extract.patterns import MONTH_NAME

_MONTH = rf"(?i:{MONTH_NAME})"
_CAPS_PLACE = r"[A-Z][A-Z./'’-]+(?:[ ][A-Z][A-Z./'’-]+){0,3}"
_TITLED_PLACE = r"[A-Z][a-z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}"
_REGION = r"(?:,[ ]+[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,2})?"
_DAY = rf"(?:,?[ ]+{_MONTH}[ ]+\d{{1,2}}(?:,[ ]+\d{{4}})?)?"
_AGENCY = r"[ ]*\([A-Z][\w.&'’]*(?:[ ][A-Z][\w.&'’]*){0,3}\)"
_DASH = r"[ ]*(?:--?|–|—)[ ]+"

DATELINE = re.compile(
    rf"^[ \t]*(?:{_CAPS_PLACE}{_REGION}{_DAY}(?:{_AGENCY})?"
    rf"|{_TITLED_PLACE}{_REGION}{_DAY}{_AGENCY}){_DASH}(?=\S)", re.MULTILINE)
"""A dateline at the start of a line: a place in capitals, or a titled place followed by a
news agency in brackets (a capitalised word and a dash alone open ordinary sentences)."""

OPENING_LINES = 3
"""Lines at the top of a text that may open with a dateline (the first may be a headline)."""


def blank_dateline(text: str) -> str:
    """The text with the dateline of its opening lines replaced by a paragraph break and
    spaces, so that offsets into it are those of the original text and the lead is a
    sentence of its own (a headline or byline line above it, which ends in no full stop,
    would otherwise be read with it).

    Args:
        text: an article's text.

    Returns:
        The same text, or, when one of its first lines opens with a dateline, the text with
        that dateline blanked.
    """
    head_end = 0
    for _ in range(OPENING_LINES):
        found = text.find("\n", head_end)
        head_end = len(text) if found < 0 else found + 1
        if found < 0:
            break
    match = next((m for m in DATELINE.finditer(text, 0, head_end) if _placed(m.group())),
                 None)
    if match is None:
        return text
    width = match.end() - match.start()
    return text[:match.start()] + ("\n\n" + " " * (width - 2))[:width] + text[match.end():]


def _placed(dateline: str) -> bool:
    """Whether a match names a place: with a date, a region or an agency, or a word of four
    capitals or more ("KYIV —"); "U.S. — Mexico talks" and "EU - UK talks" open sentences
    with the parties' acronyms."""
    if any(c in dateline for c in ",(") or any(c.isdigit() for c in dateline):
        return True
    return any(len(word) >= 4 and word.isalpha() and word.isupper()
               for word in dateline.split())
