"""Lexicons and regular expressions for English temporal expressions in news text.

Everything language-specific that ``sitrep.temporal`` and ``sitrep.extract.infer_date``
match lives here, so that the logic modules hold no word lists. ``PATTERNS`` is an ordered
list of ``(kind, regex source)``: each kind has one resolver in ``sitrep.temporal``.
Month names must be capitalised (``May`` the month, not ``may`` the verb); relative words are
matched in any case because they open sentences ("Yesterday, ...").
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}

# Abbreviations take a dot ("Oct."); after a full name a dot ends the sentence.
MONTH_ABBREVIATIONS: frozenset[str] = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "a couple": 2,
}

# Offsets that count one unit without a number: "the next day", "the previous week".
NUMBERLESS_DIRECTIONS: tuple[str, ...] = ("next", "following", "previous", "prior")

# Part-of-period words: the precision of the period they qualify is kept ("late December" is
# month precision), so the value stays the period's first day and contains the true date.
PART_OF_PERIOD: tuple[str, ...] = (
    "early", "mid", "late", "beginning", "start", "middle", "end", "first half", "second half",
)

# Nouns that a year modifies ("in 2022 elections", "the 2015 nuclear deal"): the year then
# names an event, not the period in which the sentence places something.
YEAR_MODIFIED_NOUNS: tuple[str, ...] = (
    "election", "elections", "vote", "poll", "polls", "referendum", "deal", "agreement",
    "accord", "accords", "treaty", "budget", "census", "olympics", "games", "world cup",
    "campaign", "summit", "race", "season", "war", "uprising", "attack", "attacks",
    "nuclear", "presidential", "parliamentary", "midterm", "midterms", "general", "law",
    "protests", "revolution", "report", "plan", "model", "edition", "tournament",
)

# Holidays named after a weekday: "Black Friday" is not the last Friday.
WEEKDAY_BLOCKERS: tuple[str, ...] = ("black", "good", "holy", "ash", "cyber", "bloody")

# Words in a sentence that make a yearless date or a bare month name point to the future
# ("talks will resume on Feb. 20"): resolution then looks forward instead of backward.
FUTURE_MARKERS: tuple[str, ...] = (
    "will", "would", "shall", "scheduled", "plans", "planned", "planning", "expected",
    "due", "upcoming", "set to", "to be held", "to take place", "next", "postponed to",
    "deadline", "looks forward", "look forward", "looked forward", "looking forward",
    "to host", "to welcome", "to visit", "to travel", "to attend",
)

# Words that place a sentence in the past: the nearer of a past and a future marker decides
# the tense around a phrase ("Reports late December said the army plans ..." is past).
# Any other word ending in -ed that is not a future marker also counts as past.
PAST_MARKERS: tuple[str, ...] = (
    "said", "was", "were", "had", "did", "met", "spoke", "told", "took", "held", "made",
    "gave", "went", "came", "saw", "began", "won", "lost", "fought", "struck", "shot",
    "sent", "left", "became", "brought", "wrote", "led", "fell", "rose", "hit", "ago",
)

# Lines that hold photo captions or credits: dates there are the photo's, often archival.
CAPTION_MARKERS: tuple[str, ...] = (
    "photo", "credit", "reuters", "afp", "getty", "pool", "file photo", "(ap", "ap photo",
)


def _alternation(words: list[str]) -> str:
    """Longest-first regex alternation, so 'September' wins over 'Sep'."""
    return "|".join(sorted(words, key=len, reverse=True))


def _cased(words: list[str]) -> list[str]:
    """Capitalised and upper-case spellings ('Oct', 'OCT') of lower-case words."""
    return [w.capitalize() for w in words] + [w.upper() for w in words]


_MONTH_WORDS = _alternation(_cased(list(MONTHS)))
# Abbreviations take an optional dot; full names must not run into a longer word.
MONTH = rf"(?P<month>{_MONTH_WORDS})\b\.?"
WEEKDAY = rf"(?P<weekday>{_alternation(_cased(list(WEEKDAYS)))})\b"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
YEAR = r"(?P<year>(?:19|20)\d\d)\b"
NUMBER = rf"(?P<number>{_alternation(list(NUMBERS))}|\d{{1,3}})"
UNIT = r"(?P<unit>day|week|month|year)s?"
PART = rf"(?P<part>{_alternation(list(PART_OF_PERIOD))})"
# "late December", "mid-January", "the end of last year".
PART_JOIN = r"(?:\s+of\s+|\s*-\s*|\s+)"
# A day number is not a day when it runs into a time, a fraction or another number.
NOT_TIME = r"(?![:.,]?\d)(?!\s*(?:%|percent|per\b|a\.m|p\.m|am\b|pm\b))"

PATTERNS: list[tuple[str, str]] = [
    # 2021-10-22
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    # (Thursday,) October 7, 2021 / Oct. 22, 2021
    ("mdy", rf"(?:{WEEKDAY},?\s+)?\b{MONTH}\s+{DAY},?\s+{YEAR}"),
    # (Thursday,) 22 October 2021 / 22nd of October, 2021
    ("dmy", rf"(?:{WEEKDAY},?\s+)?\b{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}"),
    # Jan. 13 / January 13 (no year)
    ("md", rf"(?:{WEEKDAY},?\s+)?\b{MONTH}\s+{DAY}{NOT_TIME}"),
    # 13 January / the 13th of January (no year)
    ("dm", rf"(?:{WEEKDAY},?\s+)?\b(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}"),
    # (in) (late) October 2021, the end of October 2021
    ("my", rf"(?i:\b(?:the\s+)?{PART}{PART_JOIN})?{MONTH},?\s+(?:of\s+)?{YEAR}"),
    # in late December, early next month, at the beginning of November, the end of last year
    ("part", (rf"(?i:\b(?:the\s+)?{PART}{PART_JOIN}(?:the\s+)?"
              r"(?:(?P<rel>this|last|next|past|previous|coming)\s+)?)"
              rf"(?:{MONTH}|(?i:(?P<period>week|month|year)\b)|{YEAR})")),
    # in August, last August, next March, this December, since May
    ("month", (rf"\b(?i:(?P<prep>in|since|by|until|till|during|through|from|last|next|this)\s+)"
               rf"{MONTH}(?![.,]?\s*\d)")),
    # in 2022, since 2015, by 2030 (a bare year after a determiner is a modifier: skipped)
    ("year", (rf"\b(?i:(?:in|since|by|until|till|during|through|from|before|after|of)\s+)"
              rf"(?:(?i:early|mid|late)[\s-]+)?{YEAR}(?!-\d)(?!\s*(?:%|percent))"
              rf"(?!\s+(?i:{_alternation(list(YEAR_MODIFIED_NOUNS))})\b)")),
    # in the 1990s, during the early 1980s (a decade: its first year)
    ("decade", (r"\b(?i:(?:in|during|from|of)\s+the\s+)"
                r"(?:(?i:early|mid|late)[\s-]+)?(?P<decade>(?:19|20)\d0)(?:'?s)\b")),
    # today, yesterday, tomorrow, the day before yesterday, tonight, this morning
    ("deictic", (r"\b(?i:(?P<deictic>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
                 r"|today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)"
                 r"|last\s+night))\b")),
    # this week, last month, next year, earlier this year, later this month, this weekend
    ("period", (r"\b(?i:(?:(?P<side>earlier|later)\s+)?(?P<rel>this|last|next|coming|previous)"
                r"\s+(?P<period>week|weekend|month|year))\b")),
    # (on|last|next|this) Thursday (night)
    ("weekday", rf"(?:\b(?i:(?P<rel>on|last|next|this|past|coming)\s+))?{WEEKDAY}"),
    # two days ago, a year ago
    ("ago", rf"\b(?i:{NUMBER}\s+{UNIT}\s+ago)\b"),
    # a day after / two weeks later / the day before / days later
    ("offset", (rf"\b(?i:(?:{NUMBER}|(?P<the>the))\s+{UNIT}\s+(?P<dir>after|before|later|earlier))"
                r"\b")),
    ("offset", r"\b(?i:(?P<unit>day|week|month|year)s\s+(?P<dir>later|earlier))\b"),
    # earlier in the month, later in the year: the period of the time the text is set in
    ("offset", r"\b(?i:(?:earlier|later)\s+(?P<dir>in)\s+the\s+(?P<unit>week|month|year))\b"),
    # the next day, the following week, the previous month, the same day
    ("offset", (r"\b(?i:the\s+(?P<dir>next|following|previous|same|prior)\s+"
                r"(?P<unit>day|week|month|year))\b")),
    # on the 5th
    ("ordinal", r"\b(?i:on\s+the\s+)(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Za-z])"),
]

# Vague counts ("a few days ago", "the past few years") name no point in time.
NON_POINT = r"\b(?i:(?:the\s+)?(?:past|last|next|coming)\s+(?:few|several|many)\s+\w+)\b"

# Joiners allowed between an offset ("a day after") and the explicit date it counts from.
OFFSET_JOINER = r"^\s*(?:(?i:on|the)\s+)*$"
