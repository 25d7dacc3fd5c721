"""Regular expressions for the furniture of scraped pages (a data module: no logic here).

Phrases that are matched as words live in ``data/boilerplate/*.txt``; these are the shapes
that need a pattern: credits, prices, bylines, dates, bullets.
"""

from __future__ import annotations

import re

WORD = re.compile(r"\w+")

# A sentence ends with . ! ? or an ellipsis, possibly inside closing quotes or brackets.
TERMINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*\s*$")

BULLET = re.compile(r"^\s*(?:[\u2022\u00b7\u25aa\u25ab\u25e6\u2023\u2043\u25cf\u25cb\u25a0"
                    r"\u25a1\u25ba\u25b6\u2713\u2714*]|[-\u2013\u2014](?=\s))\s*")

_MEDIA = r"(?:photo(?:graph)?s?|images?|pictures?|video|graphic|illustration|file photo)"
# "(photo credit: X)", "(credit: X)", "Photo: X", "(Photo by X / AFP)", "Courtesy of X".
_CREDIT_HEAD = (
    rf"(?:{_MEDIA}\s*(?:credits?\s*(?:should\s+read)?|by|courtesy(?:\s+of)?)?\s*:"
    rf"|{_MEDIA}\s+(?:credits?|by|courtesy)\b"
    r"|credits?\s*:"
    r"|courtesy(?:\s+of)?\s)"
)
CREDIT_ONLY = re.compile(rf"(?:\(?\s*{_CREDIT_HEAD}[^()]{{0,120}}\)?\s*)+", re.IGNORECASE)
TRAILING_CREDIT = re.compile(rf"\s*(?:\(\s*{_CREDIT_HEAD}[^()]*\)\s*)+$", re.IGNORECASE)

# "$25.00 / month", "EUR 9.99 per month", "billed annually", a bare "$4.99".
_AMOUNT = r"(?:[$\u20ac\u00a3\u00a5]\s?\d[\d,.]*|\d[\d,.]*\s?(?:USD|EUR|GBP|dollars|euros))"
PRICE = re.compile(
    rf"{_AMOUNT}\s*(?:/|per|a|an|each)\s*(?:month|year|week|day|mo|yr|annum)\b"
    r"|\bbilled\s+(?:annually|monthly|yearly|weekly|quarterly)\b"
    rf"|^{_AMOUNT}$",
    re.IGNORECASE,
)

# "By Jane Doe", "Reporting by A and B": a name, no sentence punctuation.
BYLINE = re.compile(r"(?:[Bb]y|BY|[Ww]ritten by|[Rr]eporting by|[Ww]ords by)\s+[A-Z][^.!?]{0,80}")

READING_TIME = re.compile(r"\d+\s*(?:min(?:ute)?s?|mins?)\.?\s*read")

MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
              r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
"""A month's name or abbreviation, lower case (compile case-insensitively or wrap in
``(?i:...)``): datelines here and in ``sitrep.events.dateline`` read it."""
_MONTH = MONTH_NAME
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
)
_TIME = r"(?:\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5})?)"
_LABEL = r"(?:(?:first\s+)?published|updated|last\s+updated|posted|date|modified)(?:\s+on)?\s*:?\s*"
# A line that is a date (and time), possibly labelled and repeated: "Published: Oct. 7,
# 2021 10:32 | Updated: Oct. 8, 2021".
DATELINE = re.compile(
    rf"(?:\s*[|\u00b7\u2022,-]?\s*(?:{_LABEL})?(?:{_WEEKDAY},?\s+)?{_DATE}{_TIME}?)+\s*",
    re.IGNORECASE,
)
