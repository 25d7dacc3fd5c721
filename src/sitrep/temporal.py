"""Temporal expressions in news text, resolved against the publication date.

News dates its events relative to the day it was published ("Thursday", "last month") and
to the previous event in the story ("two weeks later"). Resolution is a cascade:

1. ``scan`` finds every candidate phrase with the regexes of ``sitrep.data.temporal.lexicon``
   and keeps the longest non-overlapping ones; vague spans ("the past few years") are masked.
2. An offset followed by an explicit date ("a day after October 6, 2021") is merged with it.
3. Each phrase is resolved by the resolver of its kind against the publication date, the
   anchor, or nothing (explicit dates).

Decisions that a reader may want to know:

- ``value`` is always the first day of the period at the stated precision (Monday for weeks),
  so the period named always contains the true date.
- Yearless dates ("Jan. 13") take the latest year that puts them no more than
  ``FORWARD_DAYS`` after the reference date; in a sentence with a future marker ("will",
  "scheduled") the window grows to ``FUTURE_FORWARD_DAYS``. Bare months and weekdays look
  backward from the publication date, forward in a future sentence.
- Part-of-period words keep the precision of the period they qualify: "late December" is
  month precision, "the end of last year" year precision.
- An anchored offset ("two weeks later") adds its delta to the anchor's value and keeps the
  coarser of the anchor's precision and the offset unit's precision: "two weeks later" from
  August 2021 (month) stays month precision, 2021-08. Unquantified offsets ("days later")
  use a delta of 3 units and one step coarser precision.
- A four-digit year counts only when a temporal preposition introduces it ("in 2022",
  "since 2015"); a year after a determiner or before a noun ("the 2015 Iran nuclear deal")
  modifies the noun and names no point in time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sitrep.data.temporal import lexicon as lx
from sitrep.record import Precision

FORWARD_DAYS = 21
"""How far after the reference date a yearless date may fall in a past-tense sentence."""
FUTURE_FORWARD_DAYS = 200
"""The same window in a sentence that speaks of the future."""
UNQUANTIFIED_DELTA = 3
"""Delta used for "days later", "weeks later"."""
CONTEXT_CHARS = 150
"""How much text around a phrase is searched for future markers (clipped to its line)."""

_ORDER: dict[str, int] = {"day": 0, "week": 1, "month": 2, "year": 3}
_COARSER: dict[str, Precision] = {"day": "week", "week": "month", "month": "year", "year": "year"}
_PATTERNS = [(kind, re.compile(src)) for kind, src in lx.PATTERNS]
_NON_POINT = re.compile(lx.NON_POINT)
_OFFSET_JOINER = re.compile(lx.OFFSET_JOINER)
_FUTURE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lx.FUTURE_MARKERS) + r")\b",
                     re.IGNORECASE)
# A participle after "be" ("will be held") is passive voice, not past tense.
_PAST = re.compile(r"\b(?<!be )(?:" + "|".join(lx.PAST_MARKERS) + r"|[a-z]{2,}ed)\b",
                   re.IGNORECASE)
# Kinds an offset may count from when they follow it ("a day after October 6, 2021").
_EXPLICIT = {"iso", "mdy", "dmy", "md", "dm", "my", "year", "weekday", "deictic", "part",
             "month", "period", "ordinal"}


@dataclass(frozen=True)
class TimeValue:
    """A point or period in time named by a phrase of the text."""

    value: date
    """First day of the period for week (Monday), month and year precision."""
    precision: Precision
    text: str
    """The phrase it came from."""
    start: int
    end: int
    """Character offsets of the phrase in the searched text."""
    relative: bool
    """True when resolved against the publication date or an anchor."""


@dataclass(frozen=True)
class TimePhrase:
    """A temporal phrase as found, before resolution."""

    kind: str
    """A pattern kind of ``sitrep.data.temporal.lexicon.PATTERNS``."""
    text: str
    start: int
    end: int
    groups: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class _Context:
    published: date | None
    anchor: TimeValue | None
    future: bool


def scan(text: str) -> list[TimePhrase]:
    """Find the temporal phrases of a text, longest first, without overlaps.

    Args:
        text: any text; offsets refer to it.

    Returns:
        The mentions in text order. Phrases inside vague spans ("the past few years") are
        dropped, and so are weekday names used in holiday names ("Black Friday").
    """
    masked = [(m.start(), m.end()) for m in _NON_POINT.finditer(text)]
    found: list[TimePhrase] = []
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            if m.end() > m.start() and not any(s < m.end() and m.start() < e for s, e in masked):
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                end = m.end()
                if _ends_with_full_stop(m.group(0), groups):
                    end -= 1
                found.append(TimePhrase(kind, text[m.start():end], m.start(), end, groups))
    found.sort(key=lambda x: (-(x.end - x.start), x.start))
    chosen: list[TimePhrase] = []
    for cand in found:
        if all(cand.end <= c.start or c.end <= cand.start for c in chosen):
            chosen.append(cand)
    return sorted((m for m in chosen if not _blocked(text, m)), key=lambda x: x.start)


def _ends_with_full_stop(phrase: str, groups: dict[str, str]) -> bool:
    """True when a phrase ending in a full month name took the sentence's full stop."""
    month = groups.get("month", "")
    return (phrase.endswith(month + ".") and len(month) > 0
            and month.lower() not in lx.MONTH_ABBREVIATIONS)


def _blocked(text: str, m: TimePhrase) -> bool:
    """True for a weekday that is part of a holiday name ("Good Friday")."""
    if m.kind != "weekday" or "rel" in m.groups:
        return False
    before = text[max(0, m.start - 12):m.start].split()
    return bool(before) and before[-1].lower() in lx.WEEKDAY_BLOCKERS


def find_times(text: str, published: date | None,
               anchor: date | TimeValue | None = None) -> list[TimeValue]:
    """All temporal expressions in a sentence, resolved.

    Args:
        text: the sentence (or any text: future markers are looked for near each phrase).
        published: the publication date; relative phrases need it.
        anchor: the date of the previous dated event in the discourse, used by "two weeks
            later", "the day before", "a day after" when no explicit date follows. A
            ``TimeValue`` carries its precision; a bare ``date`` is day precision.

    Returns:
        The resolved expressions in text order; phrases that cannot be resolved (a weekday
        without publication date, an offset without anchor) are left out.
    """
    anchor_tv = _as_time_value(anchor)
    mentions = scan(text)
    out: list[TimeValue] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        ctx = _Context(published, anchor_tv, _is_future(text, m))
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if m.kind == "offset" and nxt is not None and _joins(text, m, nxt):
            base = _resolve_mention(nxt, _Context(published, anchor_tv, _is_future(text, nxt)))
            merged = TimePhrase(m.kind, text[m.start:nxt.end], m.start, nxt.end, m.groups)
            tv = _resolve_offset(merged, replace(ctx, anchor=base)) if base else None
            i += 2
        else:
            tv = _resolve_mention(m, ctx)
            i += 1
        if tv is not None:
            out.append(tv)
    return out


def resolve(phrase: str, published: date | None,
            anchor: date | TimeValue | None = None) -> TimeValue | None:
    """Resolve one phrase ("last month", "Oct. 22, 2021", "two weeks later").

    Args:
        phrase: the phrase; a phrase that is only a year ("2022") is taken as that year.
        published: the publication date.
        anchor: as for ``find_times``.

    Returns:
        The longest expression found in the phrase, or None when it names no point in time.
    """
    found = find_times(phrase, published, anchor)
    if found:
        return max(found, key=lambda t: t.end - t.start)
    bare = re.fullmatch(r"\s*((?:19|20)\d\d)\s*", phrase)
    if bare:
        return TimeValue(date(int(bare.group(1)), 1, 1), "year", phrase, 0, len(phrase), False)
    return None


def _as_time_value(anchor: date | TimeValue | None) -> TimeValue | None:
    if anchor is None or isinstance(anchor, TimeValue):
        return anchor
    return TimeValue(anchor, "day", "", 0, 0, True)


def _joins(text: str, offset: TimePhrase, nxt: TimePhrase) -> bool:
    """True when an offset ("a day after") counts from the explicit date right after it."""
    direction = offset.groups.get("dir", "").lower()
    return (direction in ("after", "before") and nxt.kind in _EXPLICIT
            and bool(_OFFSET_JOINER.match(text[offset.end:nxt.start])))


def is_future(text: str, start: int, end: int) -> bool:
    """True when the words around ``text[start:end]`` speak of the future.

    The nearest tense marker on the same line decides: a future marker ("will", "plans",
    "scheduled") nearer than a past one ("said", "met", any other "-ed" word) makes the
    phrase future. With no marker at all the phrase is taken as past, as news mostly is.
    """
    lo = max(text.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)
    hi_nl = text.find("\n", end)
    hi = min(len(text) if hi_nl == -1 else hi_nl, end + CONTEXT_CHARS)

    def nearest(rx: re.Pattern[str], future: bool) -> int:
        dists = [start - m.end() if m.end() <= start else m.start() - end
                 for seg_lo, seg_hi in ((lo, start), (end, hi))
                 for m in rx.finditer(text, seg_lo, seg_hi)
                 if future or not _FUTURE.fullmatch(m.group(0))]
        return min(dists, default=CONTEXT_CHARS * 2)

    return nearest(_FUTURE, True) < nearest(_PAST, False)


def _is_future(text: str, m: TimePhrase) -> bool:
    return is_future(text, m.start, m.end)


# --- date arithmetic --------------------------------------------------------------------------

def truncate(d: date, precision: Precision) -> date:
    """First day of the period of ``precision`` that contains ``d`` (Monday for a week)."""
    if precision == "week":
        return d - timedelta(days=d.weekday())
    if precision == "month":
        return d.replace(day=1)
    if precision == "year":
        return date(d.year, 1, 1)
    return d


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (day, week, month, year); month ends are clamped."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m + 1, day)
        except ValueError:
            continue
    raise ValueError(f"cannot shift {d} by {n} {unit}")


_PAST_WEEK = re.compile(r"\b(?:last|past|previous)\s+week\b", re.IGNORECASE)
"""A whole past week, dated by its month ("earlier this week" and "last weekend" are days
of their own week, whichever month)."""


def within_month(tv: TimeValue) -> TimeValue:
    """A week that runs over two months as the month holding most of its days (that of its
    Thursday): analysts date "last week" by its month (GUIDELINES 6), and the week's Monday
    may lie in the month before ("last week" read on January 9 is December 30 to January 5,
    a week of January)."""
    if tv.precision != "week" or (tv.value + timedelta(days=6)).month == tv.value.month or \
            not _PAST_WEEK.search(tv.text):
        return tv
    return replace(tv, value=truncate(tv.value + timedelta(days=3), "month"), precision="month")


def coarser(a: Precision, b: Precision) -> Precision:
    """The coarser of two precisions."""
    return a if _ORDER[a] >= _ORDER[b] else b


def place_yearless(month: int, day: int, ref: date, forward_days: int = FORWARD_DAYS,
                   ) -> date | None:
    """The latest valid ``month``/``day`` no more than ``forward_days`` after ``ref``.

    Args:
        month: 1-12.
        day: 1-31.
        ref: the reference date (publication date or anchor).
        forward_days: how far after ``ref`` the date may fall.

    Returns:
        The placed date, or None when month and day make no date in the years around ``ref``.
    """
    limit = ref + timedelta(days=forward_days)
    for year in range(limit.year, ref.year - 5, -1):
        try:
            cand = date(year, month, day)
        except ValueError:
            continue
        if cand <= limit:
            return cand
    return None


def _month_near(month: int, ref: date, rel: str, future: bool) -> date:
    """First day of the month named ``month`` relative to ``ref`` ("in August", "next May")."""
    this = ref.replace(day=1)
    back = date(ref.year if month <= ref.month else ref.year - 1, month, 1)
    ahead = date(ref.year if month >= ref.month else ref.year + 1, month, 1)
    if rel in ("next", "coming"):
        return ahead if ahead > this else date(ahead.year + 1, month, 1)
    if rel in ("last", "previous", "past"):
        return back if back < this else date(back.year - 1, month, 1)
    if rel == "this":
        return date(ref.year, month, 1)
    return ahead if future else back


# --- resolvers ---------------------------------------------------------------------------------

def _tv(m: TimePhrase, d: date, precision: Precision, relative: bool) -> TimeValue:
    return TimeValue(truncate(d, precision), precision, m.text, m.start, m.end, relative)


def _month_of(m: TimePhrase) -> int:
    return lx.MONTHS[m.groups["month"].rstrip(".").lower()]


def _resolve_mention(m: TimePhrase, ctx: _Context) -> TimeValue | None:
    try:
        return _RESOLVERS[m.kind](m, ctx)
    except (ValueError, OverflowError):
        return None


def _resolve_full(m: TimePhrase, ctx: _Context) -> TimeValue | None:
    month = int(m.groups["mnum"]) if "mnum" in m.groups else _month_of(m)
    return _tv(m, date(int(m.groups["year"]), month, int(m.groups["day"])), "day", False)


def _resolve_yearless(m: TimePhrase, ctx: _Context) -> TimeValue | None:
    ref = ctx.published or (ctx.anchor.value if ctx.anchor else None)
    if ref is None:
        return None
    window = FUTURE_FORWARD_DAYS if ctx.future else FORWARD_DAYS
    placed = place_yearless(_month_of(m), int(m.groups["day"]), ref, window)
    return _tv(m, placed, "day", True) if placed else None


def _resolve_month_year(m: TimePhrase, ctx: _Context) -> TimeValue | None:
    return _tv(m, date(int(m.groups["year"]), _month_of(m), 1), "month", False)


def _resolve_part(m: TimePhrase, ctx: _Context) -> TimeValue | None:
    if "year" in m.groups:
        return _tv(m, date(int(m.groups["year"]), 1, 1), "year", False)
    if ctx.published is None:
        return None
    rel = m.groups.get("rel", "").lower()
    if "month" in m.groups:
        return _tv(m, _month_near(_month_of(m), ctx.published, rel, ctx.future), "month", True)
    period = m.groups["period"].lower()
    return _tv(m, shift(ctx.published, period, _rel_step(rel)), period, True)  # type: ignore[arg-type]


def _rel_step(rel: str) -> int:
    return {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)


def _resolve_month(m: TimePhrase, ctx: _Context) -> TimeValue | None:
    if ctx.published is None:
        return None
    rel = m.groups["prep"].lower()
    return _tv(m, _month_near(_month_of(m), ctx.published, rel, ctx.future), "month", True)


def _resolve_year(m: TimePhrase, ctx: _Context) -> TimeValue | None:
    return _tv(m, date(int(m.groups["year"]), 1, 1), "year", False)


def _resolve_decade(m: TimePhrase, ctx: _Context) -> TimeValue | None:
    # a decade as its first year: no finer precision exists, and it is enough to set what
    # happened "in the 1990s" years before a story (background, not news)
    return _tv(m, date(int(m.groups["decade"]), 1, 1), "year", False)


def _resolve_deictic(m: TimePhrase, ctx: _Context) -> TimeValue | None:
    if ctx.published is None:
        return None
    word = " ".join(m.groups["deictic"].lower().split())
    delta = {"yesterday": -1, "last night": -1, "tomorrow": 1,
             "the day before yesterday": -2, "the day after tomorrow": 2}.get(word, 0)
    return _tv(m, ctx.published + timedelta(days=delta), "day", True)


def _resolve_period(m: TimePhrase, ctx: _Context) -> TimeValue | None:
    if ctx.published is None:
        return None
    period = m.groups["period"].lower()
    unit = "week" if period == "weekend" else period
    moved = shift(ctx.published, unit, _rel_step(m.groups["rel"].lower()))
    return _tv(m, moved, unit, True)  # type: ignore[arg-type]


def _resolve_weekday(m: TimePhrase, ctx: _Context) -> TimeValue | None:
    if ctx.published is None:
        return None
    p = ctx.published
    target = lx.WEEKDAYS[m.groups["weekday"].lower()]
    rel = m.groups.get("rel", "").lower()
    back = (p.weekday() - target) % 7
    ahead = (target - p.weekday()) % 7
    if rel in ("next", "coming") or (ctx.future and rel in ("", "on")):
        days = ahead or (7 if rel else 0)
    elif rel == "this":
        days = target - p.weekday()
    elif rel in ("last", "past"):
        days = -(back or 7)
    else:
        days = -back
    return _tv(m, p + timedelta(days=days), "day", True)


def _count(m: TimePhrase) -> int | None:
    word = " ".join(m.groups.get("number", "").lower().split())
    if word.isdigit():
        return int(word)
    return lx.NUMBERS.get(word)


def _resolve_ago(m: TimePhrase, ctx: _Context) -> TimeValue | None:
    n = _count(m)
    if ctx.published is None or n is None:
        return None
    unit = m.groups["unit"].lower()
    return _tv(m, shift(ctx.published, unit, -n), unit, True)  # type: ignore[arg-type]


def _resolve_offset(m: TimePhrase, ctx: _Context) -> TimeValue | None:
    if ctx.anchor is None:
        return None
    unit = m.groups["unit"].lower()
    direction = m.groups["dir"].lower()
    sign = -1 if direction in ("before", "earlier", "previous", "prior") else 1
    precision: Precision = unit  # type: ignore[assignment]
    if direction in ("same", "in"):
        n = 0  # "the same day", "earlier in the month": the anchor's own period
    elif "number" in m.groups or "the" in m.groups or direction in lx.NUMBERLESS_DIRECTIONS:
        n = _count(m) or 1
    else:
        n, precision = UNQUANTIFIED_DELTA, _COARSER[precision]
    moved = shift(ctx.anchor.value, unit, sign * n)
    return _tv(m, moved, coarser(precision, ctx.anchor.precision), True)


def _resolve_ordinal(m: TimePhrase, ctx: _Context) -> TimeValue | None:
    if ctx.published is None:
        return None
    p = ctx.published
    day = int(m.groups["day"])
    month_start = p.replace(day=1)
    if day > p.day and not ctx.future:
        month_start = shift(month_start, "month", -1)
    return _tv(m, month_start.replace(day=day), "day", True)


_RESOLVERS = {
    "iso": _resolve_full, "mdy": _resolve_full, "dmy": _resolve_full,
    "md": _resolve_yearless, "dm": _resolve_yearless, "my": _resolve_month_year,
    "part": _resolve_part, "month": _resolve_month, "year": _resolve_year,
    "decade": _resolve_decade,
    "deictic": _resolve_deictic, "period": _resolve_period, "weekday": _resolve_weekday,
    "ago": _resolve_ago, "offset": _resolve_offset, "ordinal": _resolve_ordinal,
}
