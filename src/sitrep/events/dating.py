"""Dates for events that no time expression of their own dates.

Analysts date every asserted event (GUIDELINES section 6): a readout's undated events happened
on its date, "X said" or "recent attacks" with no day take the publication date. An event
without a date drops off every timeline, so the coder gives each one a date marked
``date_inferred``, which linking treats as a hint, never as a stated date:

1. a statement made inside a reported conversation (the speaker took part in the latest
   dated contact the article reported before it) takes the conversation's date, as stated
   (not inferred): the text dates the conversation it was said in. So does one whose own
   time falls before that conversation ("congratulated her on her election on May 1",
   "thanked her for her visit this week"): that time dates what the statement speaks of.
   An earlier contact told in the sentence of the reported one ("spoke today with Kuleba
   to follow up on their April 24 meeting") is not the one later statements are made in;
2. a clash, an arrest or a protest that shares a participant with the latest such incident
   the article dated takes that incident's date: a news story tells one incident in several
   sentences ("On Friday a man stabbed two people on London Bridge. Police arrived and shot
   him dead"), and analysts date its later steps with it; a crowd named back by its kind
   alone ("the protesters") is the one told before ("Serbians protested"); an undated
   incident named in a statement ("condemned the missile attacks near Erbil") came before
   it and takes the statement's day, inferred;
3. an event the lead paragraph narrates in the past tense takes the day its lead sentence
   dates the story to, inferred ("On Friday, a court ruled against the governor. The judge
   dismissed his lawsuit"): a news story tells the steps of the day it reports right after
   its lead, and the text places them at that anchor (GUIDELINES 6);
4. any other event takes the article's publication date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sitrep import temporal
from sitrep.actors.identity import participant_key
from sitrep.events.speech import VERBAL
from sitrep.record import ActorRef, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CONVERSATION = frozenset({"CONSULT"})
"""Types whose date carries over to what was said during them."""
INCIDENT = frozenset({"ASSAULT", "COERCE", "PROTEST"})
"""Types of the events of one incident, whose date carries over to its later steps."""
_RANGE_OPENS = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
"""What comes before the first day of a span of days ("from June 26 to July 5")."""
_RANGE_JOINS = re.compile(r"\s*(?:to|through|until|till|and|[-\u2013\u2014])\s*", re.IGNORECASE)
"""What joins the first day of a span to its last."""
_DASH = re.compile(r"\s*[-\u2013\u2014]\s*")
_ON_DAY = re.compile(r"\bon\s+$", re.IGNORECASE)


STORY_DAYS = 7
"""How far before publication the day a lead sentence names may lie to be the story's day
(a weekday: "On Wednesday, Lam announced ...")."""
_PAST_AUX = frozenset({"be", "do", "have"})
"""Auxiliaries whose past form puts the verb they serve in the past ("was sentenced", "did
not accede", "had asked")."""


def story_day(lead: Span, published: date | None) -> date | None:
    """The day a news story's lead sentence dates it to ("On Friday, a federal judge ruled
    ..."): the first day the lead names, in the week before publication. None when the lead
    names no such day (a readout's "spoke today" is the publication day itself)."""
    if published is None or any(t.lower_ == "ago" for t in lead):
        return None  # "On Sunday, 40 years ago, ...": an anniversary, no day of the story
    for tv in temporal.find_times(lead.text, published):
        if tv.precision == "day" and 0 < (published - tv.value).days <= STORY_DAYS and \
                _dates_main_verb(lead, tv):
            return tv.value
    return None


def _dates_main_verb(lead: Span, tv: temporal.TimeValue) -> bool:
    """Whether a time of the lead sentence is its main verb's ("On Friday, a judge ruled"),
    not a clause's inside it ("said on Wednesday that the report was due", "the attack on
    Tuesday", "who declared an emergency on Wednesday")."""
    span = lead.doc.char_span(lead.start_char + tv.start, lead.start_char + tv.end,
                              alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.head != tok and tok.pos_ not in ("VERB", "AUX"):
        tok = tok.head
    return tok == lead.root


def narrated(trigger: Token) -> bool:
    """Whether an event's trigger is a verb told in the past tense ("declined", "was
    sentenced", "did not accede"): a step of the story, not a standing state ("is
    investigating", "has cited") or a noun ("the demands of the protesters")."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    if trigger.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" and c.lemma_.lower() in _PAST_AUX
               for c in trigger.children)


REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REQUEST", "AGREE"})
"""Statements a story tells beside its day's steps ("Sweden criticized Iran", "thanked Putin
for the troops"): reactions, dated by the publication unless a day of their own is said."""


def story_steps(events: list[Event], doc: Doc, lead: Span) -> set[int]:
    """The ids of the undated events that ``doc`` narrates in the past tense (see
    ``narrated``) in the paragraph of its lead sentence: there the story tells its day;
    later paragraphs go back to its background or on to the reactions, which analysts date
    by the publication."""
    newline = doc.text.find("\n", lead.end_char)
    end = len(doc.text) if newline < 0 else newline
    steps: set[int] = set()
    for event in events:
        if event.date is not None or event.trigger_start is None or event.trigger_end is None \
                or event.trigger_start >= end or event.type in REACTIONS:
            continue
        span = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
        if span is not None and narrated(span.root):
            steps.add(id(event))
    return steps


def infer_dates(events: list[Event], published: date | None,
                passing: frozenset[str] = frozenset(), story: date | None = None,
                steps: set[int] | frozenset[int] = frozenset()) -> None:
    """Give every undated event of one article a date, marked inferred (in place).

    Args:
        events: the article's events in text order.
        published: the article's publication date (None leaves conversation dates only).
        passing: rules of contacts only named in passing ("the outcomes of the Dialogue
            held on April 11"): what follows is not said in them, so they lend no date.
        story: the day the article's lead dates the story to (see ``story_day``), or None.
        steps: ids of the events narrated in the past tense (see ``story_steps``): these
            take ``story`` when nothing nearer dates them.
    """
    talk: Event | None = None
    incident: Event | None = None
    for event in events:
        said_at = _earlier_said_at(event, talk)
        if said_at is not None:
            # "spoke today with Kovac to congratulate her on her election on May 1": what
            # the statement speaks of is older, the statement is of the call's day
            event.date, event.date_precision = said_at, "day"
            event.date_text = event.date_start = event.date_end = None
            continue
        if event.date is not None:
            if event.type in CONVERSATION and not event.date_inferred and \
                    event.rule not in passing and not _told_back(event, talk):
                talk = event
            if event.type in INCIDENT and not event.date_inferred:
                incident = event
            continue
        said_at = _conversation_date(event, talk)
        step_of = _incident_date(event, incident) if said_at is None else None
        step_of = step_of or (_condemned_at(event, events) if said_at is None else None)
        told = story if story is not None and id(event) in steps else None
        day = said_at or step_of or told or published
        if day is None:
            continue
        # a statement inside a dated conversation is pinned to that day, a stated one: it
        # must not be linked with the same words said in another week's call
        event.date, event.date_precision, event.date_inferred = day, "day", said_at is None


def _told_back(contact: Event, talk: Event | None) -> bool:
    """Whether a contact is told in retrospect, in the sentence of the one being reported
    ("spoke today with Kuleba to follow up on their April 24 meeting"): what follows is
    said in the reported one, not in the earlier. (In a sentence of its own, an earlier
    contact may be where the story goes back to: "The Oct. 22 meeting ... At that meeting,
    Putin invited Bennett".)"""
    return talk is not None and talk.date is not None and contact.date is not None and \
        contact.start == talk.start and contact.date < talk.date


def _conversation_date(event: Event, talk: Event | None) -> date | None:
    """The date of the contact ``event`` was said in: its source (or, for an undirected
    event, one of its actors) took part in that contact, dated to the day."""
    if talk is None or talk.date is None or talk.date_precision != "day":
        return None
    speakers = [event.source] if event.source is not None else event.actors
    present = {participant_key(a) for a in talk.actors}
    if any(participant_key(s) in present for s in speakers if s is not None):
        return talk.date
    return None


def _earlier_said_at(event: Event, talk: Event | None) -> date | None:
    """The date of the contact a statement dated before it was made in: the statement's own
    date, named after its word ("thanked her for her visit last week"), names what it
    speaks of. One named before it ("Last month, Bennett accepted ...") dates the
    statement."""
    if event.type not in VERBAL or event.date is None or event.date_inferred or \
            event.date_start is None or event.trigger_start is None or \
            event.date_start < event.trigger_start:
        return None
    said_at = _conversation_date(event, talk)
    return said_at if said_at is not None and event.date < said_at else None


def _incident_date(event: Event, incident: Event | None) -> date | None:
    """The date of the incident ``event`` is a later step of: both are incidents (see
    ``INCIDENT``) sharing a participant, the earlier one dated to the day."""
    if event.type not in INCIDENT or incident is None or incident.date is None \
            or incident.date_precision != "day":
        return None
    if any(_same_side(a, b) for a in event.actors for b in incident.actors):
        return incident.date
    return None


def _condemned_at(event: Event, events: list[Event]) -> date | None:
    """The day of the statement an undated incident is named in: "Secretary Blinken
    condemned the Iranian missile attacks near Erbil", told of a call held yesterday, came
    before the condemnation, which is the dated anchor it is placed before (GUIDELINES 6:
    the anchor's date, inferred). Only a statement of the same sentence, dated to the day."""
    if event.type not in INCIDENT:
        return None
    for other in events:
        if other is event:
            break
        if other.type in VERBAL and other.start == event.start and other.date is not None \
                and other.date_precision == "day":
            return other.date
    return None


def _same_side(later: ActorRef, told: ActorRef) -> bool:
    """Whether a participant of an incident's later step is one told before: the same one,
    or a group named back by its kind alone ("The protesters clashed with police" after
    "Serbians protested on Friday": the protesters are the Serbian protesters)."""
    if participant_key(later) == participant_key(told):
        return True
    return later.kind == "group" and later.country is None and \
        later.sector is not None and later.sector == told.sector


BACKGROUND_DAYS = 365
"""An event whose stated period ended more than this long before the story is historical
background (GUIDELINES 1: "historical background years before the story" is not coded)."""


def background(event: Event, published: date | None) -> bool:
    """Whether a dated event is historical background to the story published on
    ``published`` ("In 1979, revolutionaries captured the U.S. embassy")."""
    if published is None or event.date is None or event.date_inferred:
        return False
    return (published - period_end(event.date, event.date_precision)).days > BACKGROUND_DAYS


def period_end(day: date, precision: str | None) -> date:
    """The last day of the period a date stands for at its precision."""
    if precision == "year":
        return date(day.year, 12, 31)
    if precision == "month":
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return following - timedelta(days=1)
    if precision == "week":
        return day + timedelta(days=6)
    return day


def day_spans(text: str, times: list[temporal.TimeValue]) -> list[temporal.TimeValue]:
    """Read two days that bound one span ("from June 26 to July 5", "May 3 - May 5") as one
    time of the whole span, so that what happened during it is not put on its first day.

    GUIDELINES 6: a multi-day event is dated by its month; a span that runs over into the
    next month has no month of its own, and what the text places inside it is known to
    have happened by its last day, the anchor it is told before (the date is that day).

    Args:
        text: the text the times were found in (their offsets refer to it).
        times: the resolved times, in text order.

    Returns:
        The times with each bounding pair replaced by one value spanning both phrases.
    """
    out: list[temporal.TimeValue] = []
    i = 0
    while i < len(times):
        first = times[i]
        last = times[i + 1] if i + 1 < len(times) else None
        if last is None or not _bounds_span(text, first, last):
            out.append(first)
            i += 1
            continue
        span = text[first.start:last.end]
        if (first.value.year, first.value.month) == (last.value.year, last.value.month):
            out.append(replace(first, value=first.value.replace(day=1), precision="month",
                               text=span, end=last.end))
        else:
            out.append(replace(last, text=span, start=first.start))
        i += 2
    return out


def _bounds_span(text: str, first: temporal.TimeValue, last: temporal.TimeValue) -> bool:
    """Whether two day times are the ends of one span: "from/between" before the first and
    "to/and/through" between them, or a dash between them; the last after the first."""
    if first.precision != "day" or last.precision != "day" or last.value <= first.value:
        return False
    gap = text[first.end:last.start]
    if _DASH.fullmatch(gap):
        # not after "on" ("shelled Kherson on March 1 - March 2 was quieter"): one day, and
        # the dash sets off a clause
        return not _ON_DAY.search(text[:first.start])
    return bool(_RANGE_JOINS.fullmatch(gap)) and bool(_RANGE_OPENS.search(text[:first.start]))
