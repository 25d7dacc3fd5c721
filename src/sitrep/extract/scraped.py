"""Clean text scraped from a page: keep the article, drop the site around it.

Text copied or scraped from a news page carries the site with it: navigation, sign-in
prompts, paywall and newsletter promotions, prices, related-story teasers, photo credits and
captions printed twice. Nothing here knows any site; lines are judged by general features:

    1. lexicon lines: navigation labels, teaser openings, pricing, credits, bylines, dates;
    2. promotional lines: cue phrases from ``data/boilerplate/`` and call-to-action openings;
    3. repetition: a line equal to an earlier one, a phrase doubled within a line, a caption
       followed by itself minus its credit;
    4. bullet lists introduced by a promotional line;
    5. the promotional tail: from the first promotional line after which little prose remains,
       everything is site furniture;
    6. the head: the first substantive line before the prose is the title; short labels
       above it are navigation.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from sitrep.extract.patterns import (
    BULLET,
    BYLINE,
    CREDIT_ONLY,
    DATELINE,
    PRICE,
    READING_TIME,
    TERMINAL,
    TRAILING_CREDIT,
    WORD,
)

_SHORT_WORDS = 20
_CTA_SHORT_WORDS = 12
_TITLE_MAX_WORDS = 30
# A credit appended to a repeated caption is a few names, never a paragraph.
_CREDIT_CHARS = 100
# A sentence ends at . ! ? after a lower-case letter, digit or bracket, not after an initial.
_FIRST_SENTENCE = re.compile(r"(?<=[a-z0-9)\]][.!?])\s+(?=[A-Z\"\u201c])")
# What follows a promotional line is no article when under half of it is prose and there is
# at least as much promotion as prose in it.
_TAIL_PROSE_SHARE = 0.5


@dataclass
class CleanedText:
    """Scraped text with the site removed."""

    title: str
    paragraphs: list[str]
    text: str
    dropped: list[tuple[str, str]] = field(default_factory=list)
    """Every line removed, with the reason (``navigation``, ``promotion``, ``credit``...)."""


@dataclass
class _Line:
    text: str
    reason: str | None = None
    promo: bool = False
    caption: bool = False
    bullet: bool = False
    credit: str | None = None

    @property
    def words(self) -> list[str]:
        return WORD.findall(self.text)


def _lexicon(name: str) -> list[str]:
    """Entries of one ``data/boilerplate`` lexicon file, lower-cased."""
    text = resources.files("sitrep.data").joinpath(f"boilerplate/{name}").read_text("utf-8")
    return [line.strip().lower() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def _cues() -> list[tuple[re.Pattern[str], float]]:
    """Promotional cue phrases as word-bounded patterns with their weights."""
    cues = []
    for entry in _lexicon("promo_cues.txt"):
        phrase, _, weight = entry.partition(" | ")
        cues.append((re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE),
                     float(weight or 1)))
    return cues


@lru_cache(maxsize=1)
def _openings() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """Call-to-action and teaser openings as patterns, navigation labels as a set."""
    cta = "|".join(re.escape(e) for e in _lexicon("cta_starts.txt"))
    teaser = "|".join(re.escape(e) for e in _lexicon("teaser_starts.txt"))
    return (re.compile(rf"^(?:{cta})(?!\w)", re.IGNORECASE),
            re.compile(rf"^(?:{teaser})\s*(?:[:|\-\u2013\u2014>»]|$)", re.IGNORECASE),
            frozenset(_lexicon("navigation.txt")))


def paragraphs_of(text: str) -> list[str]:
    """Split text into paragraphs (one a line) with whitespace collapsed and blanks gone.

    Args:
        text: any text.

    Returns:
        The non-empty lines, each with runs of spaces, tabs and no-break spaces collapsed.
    """
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def cue_score(text: str) -> float:
    """Sum of the weights of the promotional cues a line contains."""
    return sum(weight for pattern, weight in _cues() if pattern.search(text))


def _is_promo(line: _Line) -> bool:
    """A line that sells, invites or asks the reader to act, rather than reports."""
    cta, _, _ = _openings()
    words = len(line.words)
    score = cue_score(line.text)
    if cta.match(line.text) and (words <= _CTA_SHORT_WORDS or score >= 0.5):
        return True
    if "?" in line.text and words <= _CTA_SHORT_WORDS and score >= 1:
        return True
    return score >= 2 or (score >= 1 and words <= _SHORT_WORDS)


def _is_prose(line: _Line) -> bool:
    """A sentence-like line: long enough, ends like a sentence, mostly lower-case words."""
    words = line.words
    if len(words) < 8 or line.promo or line.caption or line.bullet or line.reason:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return bool(TERMINAL.search(line.text)) and capitalised / len(words) < 0.6


def _doubled(text: str) -> bool:
    """A phrase printed twice in one line ("Israel Briefing Israel Briefing")."""
    words = text.split()
    half = len(words) // 2
    return len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]


def _classify(line: _Line, kept: set[str]) -> None:
    """Steps 1-3 for one line: set its reason, strip its credit, mark promo and captions."""
    _, teaser, navigation = _openings()
    bare = line.text.strip(" .:|>»·-").lower()
    if bare in navigation or READING_TIME.fullmatch(bare):
        line.reason = "navigation"
    elif CREDIT_ONLY.fullmatch(line.text):
        line.reason = "credit"
    elif teaser.match(line.text):
        line.reason = "teaser"
    elif PRICE.search(line.text) and len(line.words) <= _CTA_SHORT_WORDS:
        line.reason = "pricing"
    elif BYLINE.fullmatch(line.text):
        line.reason = "byline"
    elif DATELINE.fullmatch(line.text):
        line.reason = "dateline"
    if line.reason:
        return
    credit = TRAILING_CREDIT.search(line.text)
    if credit and credit.start() > 0:
        line.credit = credit.group().strip()
        line.text, line.caption = line.text[: credit.start()].rstrip(), True
    if line.text.lower() in kept or _doubled(line.text):
        line.reason = "repeat"
        return
    kept.add(line.text.lower())
    line.bullet = bool(BULLET.match(line.text))
    if line.bullet:
        line.text = BULLET.sub("", line.text, count=1)
    line.promo = _is_promo(line)


def _collapse_captions(lines: list[_Line]) -> None:
    """A caption next to itself plus a short unlabelled credit: keep the shorter copy only."""
    live = [line for line in lines if not line.reason]
    for first, second in itertools.pairwise(live):
        short, long_ = sorted((first, second), key=lambda line: len(line.text))
        extra = len(long_.text) - len(short.text)
        if (len(short.text) >= 20 and 0 < extra <= min(_CREDIT_CHARS, len(long_.text) // 3)
                and long_.text.startswith(short.text)):
            long_.reason = "repeat"
            short.caption = True


def _drop_promo_lists(lines: list[_Line]) -> None:
    """Bullet runs introduced by a promotional line are lists of products or newsletters."""
    introducer_promo = False
    for line in lines:
        if line.reason:
            continue
        if line.bullet:
            if introducer_promo:
                line.reason = "promotional list"
            continue
        introducer_promo = line.promo


def _cut_tail(lines: list[_Line]) -> None:
    """Drop everything from the first promotional line after which little prose remains."""
    live = [line for line in lines if not line.reason]
    sizes = [len(line.text) for line in live]
    prose = [len(line.text) if _is_prose(line) else 0 for line in live]
    promo = [len(line.text) if line.promo else 0 for line in live]
    seen_prose = False
    for index, line in enumerate(live):
        if line.promo and seen_prose:
            rest_prose = sum(prose[index:])
            if (rest_prose < _TAIL_PROSE_SHARE * sum(sizes[index:])
                    and sum(promo[index:]) >= rest_prose):
                for rest in live[index:]:
                    rest.reason = "promotional tail"
                return
        seen_prose = seen_prose or prose[index] > 0


def _find_title(lines: list[_Line]) -> str:
    """Step 6: the title is the first substantive line above the prose."""
    live = [line for line in lines if not line.reason]
    for index, line in enumerate(live):
        # A headline has no closing full stop, however long it is.
        if _is_prose(line) or (len(line.words) > _TITLE_MAX_WORDS and TERMINAL.search(line.text)):
            break
        # A short line is a menu label, unless the article's prose follows it directly.
        followed_by_prose = index + 1 < len(live) and _is_prose(live[index + 1])
        if (len(line.words) >= 3 or (line.words and followed_by_prose)) and not line.caption:
            line.reason = "title"
            return line.text
        line.reason = "navigation"
    first = next((line.text for line in live if not line.reason), "")
    return _FIRST_SENTENCE.split(first, maxsplit=1)[0][:200]


def clean_scraped_text(text: str) -> CleanedText:
    """Remove a site's navigation, promotions, credits and repeated captions from a page text.

    Args:
        text: the text of a page as scraped, one paragraph a line.

    Returns:
        The title, the article's paragraphs in order, their text joined by blank lines, and
        every dropped line with the reason (a title line is not listed).
    """
    lines = [_Line(paragraph) for paragraph in paragraphs_of(text)]
    kept: set[str] = set()
    for line in lines:
        _classify(line, kept)
    _collapse_captions(lines)
    _drop_promo_lists(lines)
    _cut_tail(lines)
    for line in lines:
        if line.promo and not line.reason:
            line.reason = "promotion"
    title = _find_title(lines)
    paragraphs = [line.text for line in lines if not line.reason]
    dropped: list[tuple[str, str]] = []
    for line in lines:
        if line.credit:
            dropped.append((line.credit, "credit"))
        if line.reason and line.reason != "title":
            dropped.append((line.text, line.reason))
    return CleanedText(title, paragraphs, "\n\n".join(paragraphs), dropped)


def datelines(cleaned: CleanedText) -> list[str]:
    """The date lines dropped from a cleaned text, for publication-date inference."""
    return [line for line, reason in cleaned.dropped if reason == "dateline"]
