"""The records that flow through sitrep's stages.

    ingest  -> RawItem      bytes or fields as found, with where they came from
    extract -> Article      clean text and metadata
    dedup   -> Article      with ``canonical_id`` set when it copies an earlier article
    nlp, actors, events -> Event (many per article), each pointing back at its sentence
    store   keeps all three, and gives them back as these records
    link    -> LinkedEvent  one real-world event, merged from the mentions that report it
    the analysis and report layers only read the store: ``Report``s (a mention with its
            article) and ``LinkedEvent``s.

Records are plain dataclasses so every stage's input and output is visible in its signature.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

RawKind = Literal["html", "text", "fields"]
DateSource = Literal["user", "record", "metadata", "url", "inferred"]
Precision = Literal["day", "week", "month", "year"]
Modality = Literal["asserted", "negated", "hypothetical", "future"]


@dataclass
class RawItem:
    """One input item as found, before extraction.

    ``kind`` says how to read ``content``: ``html`` (bytes of a page), ``text`` (text already
    scraped from a page, boilerplate and all), or ``fields`` (an article given as fields, e.g.
    a JSONL record with ``text``: nothing to extract but the date may still be missing).
    """

    origin: str
    """Where the item was found: a path, ``file.jsonl#L12``, ``file.warc.gz#record-3``, a URL."""
    url: str
    """The article's URL: the page URL, or ``file://`` + absolute path for a local file."""
    kind: RawKind
    content: bytes = b""
    text: str | None = None
    title: str | None = None
    published: date | None = None
    published_source: DateSource | None = None
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    language: str | None = None
    encoding: str | None = None
    """Encoding declared by the transport (HTTP header), if any."""
    fetched_at: datetime | None = None
    etag: str | None = None
    last_modified: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    """Source-specific fields worth keeping (licence, credit, feed title...)."""


@dataclass
class Article:
    """Clean article text and metadata: the output of the extract stage."""

    url: str
    title: str
    text: str
    origin: str
    published: date | None = None
    published_source: DateSource | None = None
    published_evidence: str | None = None
    """Why the date is what it is, when it was inferred (e.g. 'a day after October 6, 2021')."""
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    id: str | None = None
    """Set by the store: stable over re-ingests (derived from the URL)."""
    revision: int = 1
    canonical_id: str | None = None
    """Set by dedup: the id of the earlier article this one copies, if any."""
    raw_hash: str | None = None
    """Hash of the raw input it was extracted from: the same input again needs no extraction."""

    @property
    def content_hash(self) -> str:
        """Hash of the clean text and title: a change here is a new revision."""
        return hashlib.sha256(f"{self.title}\n{self.text}".encode()).hexdigest()


def raw_hash_of(item: RawItem) -> str:
    """Hash of what an input item holds, before any extraction."""
    payload = item.content or (item.text or "").encode()
    return hashlib.sha256(payload + (item.title or "").encode()).hexdigest()


def article_id_for(url: str) -> str:
    """Stable article id from its URL: ``a_`` + 16 hex digits."""
    return "a_" + hashlib.sha256(url.encode()).hexdigest()[:16]


@dataclass
class ActorRef:
    """An actor taking part in an event, resolved to a canonical actor where possible."""

    name: str
    """Canonical name ("Naftali Bennett", "Israel", "United Nations")."""
    kind: Literal["person", "state", "org", "group"] = "state"
    actor_id: str | None = None
    """Knowledge-base id, or None for an actor known only from the text."""
    country: str | None = None
    """ISO 3166 alpha-3, or a PLOVER non-state code (IGO, UNO, EUR, NGO, ...)."""
    sector: str | None = None
    """PLOVER sector code (GOV, MIL, ...)."""
    office: str | None = None
    """Office held on the event date ("Prime Minister of Israel")."""
    text: str | None = None
    """The mention in the sentence ("the prime minister")."""
    start: int | None = None
    end: int | None = None


@dataclass
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass
class Event:
    """One coded event, traceable to the sentence it came from."""

    type: str
    actors: list[ActorRef]
    article_id: str
    sentence: str
    start: int
    """Character offset of the sentence in the article text."""
    end: int
    mode: str | None = None
    source: ActorRef | None = None
    target: ActorRef | None = None
    date: date | None = None
    date_precision: Precision | None = None
    date_text: str | None = None
    location: Location | None = None
    topics: list[str] = field(default_factory=list)
    modality: Modality = "asserted"
    confidence: float = 0.5
    rule: str = ""
    """Which rule or model produced the event."""
    trigger: str | None = None
    """The words that signal the event ("spoke on the phone")."""
    trigger_start: int | None = None
    trigger_end: int | None = None
    date_start: int | None = None
    date_end: int | None = None
    date_inferred: bool = False
    """True when no time expression of the event's own dates it: the publication date (or
    the date of the conversation the event belongs to) stands in, as analysts code it."""
    id: str | None = None
    """Set by the store: the mention id (``m_<article>_<n>``)."""
    event_id: str | None = None
    """Set by the link stage: the linked event this mention was merged into."""


@dataclass(frozen=True)
class ArticleRef:
    """An article as a citation needs it: where it is, what it is called, when it appeared."""

    id: str
    url: str
    title: str | None = None
    site: str | None = None
    """The site as extracted; for an original read with a mention, its URL's host if none."""
    published: date | None = None
    story_id: str | None = None


@dataclass(frozen=True)
class Evidence:
    """One sentence reporting a linked event, as exports give it."""

    article_id: str
    url: str
    sentence: str
    start: int
    end: int


@dataclass
class LinkedEvent:
    """One real-world event: the mentions of it in every article, merged by the link stage."""

    id: str
    type: str
    mode: str | None
    date: date | None
    date_precision: str | None
    actors: list[ActorRef]
    """Every participant once (the fullest record of each), ordered by key."""
    actor_keys: list[str]
    source_key: str | None
    target_key: str | None
    location: Location | None
    topics: list[str]
    modality: str
    confidence: float
    """The chance that at least one independent source is right."""
    n_mentions: int
    n_articles: int
    """Independent articles (syndicated copies fold into their original)."""
    n_sources: int
    """Independent sites."""
    first_reported: dt.date | None
    last_reported: dt.date | None
    summary: str | None
    details: dict[str, Any] = field(default_factory=dict)
    """Per-source facts and the fields sources disagree on."""
    evidence: list[Evidence] = field(default_factory=list)
    """The sentences reporting it, when read with them."""
    date_inferred: bool = False
    """No report states the date: the earliest publication (or conversation) date stands in."""


@dataclass(frozen=True)
class Report:
    """One stored mention with the article that makes it: what every reader of events gets."""

    mention: Event
    actor_keys: tuple[str, ...]
    """The mention's actor keys as stored."""
    source_key: str | None
    target_key: str | None
    article: ArticleRef
    original: ArticleRef
    """The article that ``article`` copies (``article`` itself when it is an original)."""
    event: LinkedEvent | None = None
    """The linked event, when read with it."""
