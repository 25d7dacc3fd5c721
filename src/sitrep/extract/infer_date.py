"""Publication date from the article text, for pages whose metadata has none.

News dates the past against the day it is written, so the dates a text mentions bound its
publication date from below. The cascade, each step used only when the earlier one found
nothing:

1. A dateline near the top ("WASHINGTON, Oct. 7, 2021 —", "Thursday, October 7, 2021" on a
   line of its own) is the publication date.
2. Otherwise the lower bound is the latest dated mention in a past-tense context:
   full dates (captions included: a photo is older than its article), offsets counted from a
   date ("a day after" October 6, 2021, with the date in the same phrase or, failing that,
   the nearest full date within ``OFFSET_REACH`` characters), and yearless dates ("Jan. 13").
   A yearless date takes the year that puts it closest to a full date of its own paragraph,
   else closest to the latest full date of the text (within half a year either side), which
   keeps "Dec. 21", "Jan. 4", "Jan. 13" after "Oct. 22, 2021" in chronological order.
3. A bare weekday of the body ("spoke on the phone Thursday") either agrees with that bound
   (evidence) or, when it does not, moves it to the first such weekday after it: a bare
   weekday names a day of the week that ends on the publication date.

The result is a lower bound: an article is published on the day of its latest event or
after it, and without a dateline nothing tells how long after. Phrases that only locate the
article in a period ("this week", "today") do not move the bound. Only a month-year dateline
("March 2022" on a line of its own at the top) gives month precision: a month-year in the body
("in August 1992") is as often history as news. With no full date at all the year is unknown
and the result is None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from sitrep.data.temporal import lexicon as lx
from sitrep.temporal import (
    TimePhrase,
    TimeValue,
    find_times,
    is_future,
    place_yearless,
    scan,
)

DATELINE_LINES = 4
"""How many non-empty lines at the top may hold a dateline."""
DATELINE_PREFIX_LETTERS = 40
"""Letters a dateline line may hold before its date ("WASHINGTON,", "Published:")."""
DATELINE_SLACK = 30
"""Letters a dateline line may hold after its date, unless a dash follows the date."""
OFFSET_REACH = 800
"""How far (characters) an offset without its own date looks for the date it counts from."""
YEARLESS_WINDOW = 183
"""A yearless date is placed within this many days of its reference full date."""

_FULL = ("mdy", "dmy", "iso")
_YEARLESS = ("md", "dm")
_DASH_AFTER = re.compile(r"^\s*(?:[-\u2013\u2014]|$)")
# Before the date a dateline holds only capitalised words: a place, "Published:", a byline.
# A line opening with a dash is a quote's attribution, not a dateline.
_DATELINE_PREFIX = re.compile(r"^\s*(?:[A-Z][\w.'&-]*[\W\d_]*){0,5}$")
_CAPTION = re.compile("|".join(re.escape(w) for w in lx.CAPTION_MARKERS), re.IGNORECASE)


@dataclass(frozen=True)
class InferredDate:
    """A publication date found in the text, with the phrases that decided it."""

    value: date
    precision: Literal["day", "month"]
    evidence: str
    """Human-readable: "'a day after' October 6, 2021; 'Thursday' agrees"."""


@dataclass(frozen=True)
class _Dated:
    value: date
    evidence: str
    start: int
    future: bool = False


def infer_publication_date(text: str, title: str | None = None) -> InferredDate | None:
    """Infer when an article was published from the dates its text mentions.

    Args:
        text: the article text (boilerplate is tolerated: its dates are older).
        title: the headline, searched like a first line.

    Returns:
        The inferred date (a lower bound unless a dateline gave it) with its evidence, or
        None when the text holds no date with a year.
    """
    doc = f"{title}\n{text}" if title else text
    mentions = scan(doc)
    dateline = _dateline(doc, mentions)
    if dateline is not None:
        return dateline
    full = [d for d in (_full_date(doc, m) for m in mentions if m.kind in _FULL) if d]
    if not full:
        return None
    dated = full + _anchored(doc, mentions, full) + _yearless(doc, mentions, full)
    past = [d for d in dated if not d.future]
    if not past:
        return None
    best = max(past, key=lambda d: (d.value, -d.start))
    return _check_weekdays(doc, mentions, best)


def _line_of(doc: str, pos: int) -> tuple[int, int]:
    start = doc.rfind("\n", 0, pos) + 1
    end = doc.find("\n", pos)
    return start, len(doc) if end == -1 else end


def _full_date(doc: str, m: TimePhrase) -> _Dated | None:
    tv = _resolve(doc, m, None)
    return _Dated(tv.value, f"'{m.text}'", m.start, _future(doc, m)) if tv else None


def _resolve(doc: str, m: TimePhrase, published: date | None) -> TimeValue | None:
    """Resolve one mention through ``find_times`` on its own text."""
    found = find_times(doc[m.start:m.end], published)
    return found[0] if found else None


def _future(doc: str, m: TimePhrase) -> bool:
    """True when the sentence around a mention speaks of the future."""
    return is_future(doc, m.start, m.end)


def _dateline(doc: str, mentions: list[TimePhrase]) -> InferredDate | None:
    """A full date on a short line at the top, or followed by a dash, is a dateline."""
    top_lines = [ln for ln in doc.splitlines() if ln.strip()][:DATELINE_LINES]
    limit = doc.find(top_lines[-1]) + len(top_lines[-1]) if top_lines else 0
    for m in mentions:
        if m.kind not in (*_FULL, "my") or m.start >= limit:
            continue
        lo, hi = _line_of(doc, m.start)
        prefix, suffix = doc[lo:m.start], doc[m.end:hi]
        letters = sum(ch.isalpha() for ch in prefix)
        if not _DATELINE_PREFIX.match(prefix) or letters > DATELINE_PREFIX_LETTERS:
            continue
        if sum(ch.isalpha() for ch in suffix) <= DATELINE_SLACK or _DASH_AFTER.match(suffix):
            tv = _resolve(doc, m, None)
            if tv is not None:
                precision: Literal["day", "month"] = "month" if m.kind == "my" else "day"
                return InferredDate(tv.value, precision, f"dateline '{doc[lo:hi].strip()}'")
    return None


def _anchored(doc: str, mentions: list[TimePhrase], full: list[_Dated]) -> list[_Dated]:
    """Dates of offsets ("a day after ...") counted from a date in or near the phrase."""
    out: list[_Dated] = []
    for i, m in enumerate(mentions):
        if m.kind != "offset" or m.groups.get("dir", "").lower() not in ("after", "before"):
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None and nxt.kind in _FULL:
            found = find_times(doc[m.start:nxt.end], None)
            if found and found[0].start == 0 and found[0].end == nxt.end - m.start:
                out.append(_Dated(found[0].value, f"'{found[0].text}'", m.start))
                continue
        near = [d for d in full if abs(d.start - m.start) <= OFFSET_REACH]
        if near:
            base = min(near, key=lambda d: abs(d.start - m.start))
            tv = find_times(m.text, None, anchor=base.value)
            if tv:
                out.append(_Dated(tv[0].value, f"'{m.text}' {base.evidence.strip(chr(39))}",
                                  m.start))
    return out


def _yearless(doc: str, mentions: list[TimePhrase], full: list[_Dated]) -> list[_Dated]:
    """Yearless dates placed closest to a full date of their paragraph, else the latest."""
    latest = max(full, key=lambda d: d.value)
    out: list[_Dated] = []
    for m in mentions:
        if m.kind not in _YEARLESS:
            continue
        lo, hi = _line_of(doc, m.start)
        local = [d for d in full if lo <= d.start < hi]
        ref = min(local, key=lambda d: abs(d.start - m.start)) if local else latest
        month = lx.MONTHS[m.groups["month"].rstrip(".").lower()]
        center = ref.value - timedelta(days=YEARLESS_WINDOW)
        placed = place_yearless(month, int(m.groups["day"]), center, 2 * YEARLESS_WINDOW)
        if placed is not None:
            side = "after" if placed >= ref.value else "before"
            out.append(_Dated(placed, f"'{m.text}' placed {side} {ref.evidence}", m.start,
                              _future(doc, m)))
    return out


def _bare_weekdays(doc: str, mentions: list[TimePhrase]) -> list[TimePhrase]:
    """Weekdays of the body that name a recent past day: no 'next', not in a caption."""
    out = []
    for m in mentions:
        if m.kind != "weekday" or m.groups.get("rel", "on").lower() not in ("on", "this"):
            continue
        lo, hi = _line_of(doc, m.start)
        if not _CAPTION.search(doc[lo:hi]) and not _future(doc, m):
            out.append(m)
    return out


def _check_weekdays(doc: str, mentions: list[TimePhrase], best: _Dated) -> InferredDate:
    weekdays = _bare_weekdays(doc, mentions)
    names = {lx.WEEKDAYS[m.groups["weekday"].lower()]: m.groups["weekday"] for m in weekdays}
    if best.value.weekday() in names:
        evidence = f"{best.evidence}; '{names[best.value.weekday()]}' agrees"
        return InferredDate(best.value, "day", evidence)
    if names:
        day = min(best.value + timedelta(days=k) for k in range(1, 7)
                  if (best.value + timedelta(days=k)).weekday() in names)
        evidence = f"{best.evidence}; '{names[day.weekday()]}' is the next such day"
        return InferredDate(day, "day", evidence)
    return InferredDate(best.value, "day", best.evidence)
