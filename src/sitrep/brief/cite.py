"""Sentences with citations, and the verifier that checks each one against its sources.

Briefings and memos are lists of ``Statement``s: a sentence, the claims it makes (one per
event it states: type, actors, date, modality, topics) and the numbers of the references it
cites. ``check_citations`` re-reads the cited articles' coded mentions from the store and
reports every claim that no cited article supports, every cited article that supports none
of its sentence's claims, and every date written in a sentence that no claim carries. A
sentence without claims (a count of zero, "first briefing") may cite nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from sitrep.brief.evidence import EventView, Source, dates_agree
from sitrep.brief.phrasing import format_date
from sitrep.record import Report
from sitrep.store import Store
from sitrep.store.reports import reports_of_articles


@dataclass(frozen=True)
class Claim:
    """What a sentence says about one event."""

    event_id: str
    type: str
    actor_keys: tuple[str, ...]
    date: date | None = None
    date_precision: str | None = None
    modality: str = "asserted"
    topics: tuple[str, ...] = ()

    @classmethod
    def of(cls, event: EventView, *, topics: bool = False) -> Claim:
        """The claim a sentence stating ``event`` makes (its topics only when it names them)."""
        return cls(event.id, event.type, event.actor_keys, event.date, event.date_precision,
                   event.modality, tuple(event.supported_topics) if topics else ())


@dataclass
class Statement:
    """One sentence of a briefing or memo."""

    text: str
    claims: list[Claim] = field(default_factory=list)
    refs: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Reference:
    """A numbered source at the end of a document."""

    n: int
    source: Source


class CitedDocument(Protocol):
    """A briefing or a memo: numbered references and the statements that cite them."""

    references: list[Reference]

    def statements(self) -> list[Statement]: ...


@dataclass(frozen=True)
class Problem:
    """A sentence that says more than, or other than, its sources."""

    sentence: str
    detail: str


class Citer:
    """Numbers sources in order of first citation and picks which ones support an event."""

    def __init__(self) -> None:
        self.refs: dict[str, Reference] = {}

    def number(self, source: Source) -> int:
        if source.article_id not in self.refs:
            self.refs[source.article_id] = Reference(len(self.refs) + 1, source)
        return self.refs[source.article_id].n

    def cite(self, event: EventView, limit: int = 4, topics: bool = False) -> list[int]:
        """Reference numbers of up to ``limit`` articles whose own mention supports the event.

        An article linked to the event whose sentence gives another date (or none, when the
        event has one) is left out: it would not support the date the sentence states. With
        ``topics``, so is an article whose mention reports none of the event's topics.
        """
        wanted = {t.lower() for t in event.supported_topics}
        good = {m.article_id for m in event.mentions if event.supported_by(m)
                and (not topics or wanted & {t.lower() for t in m.topics})}
        chosen = [s for s in event.sources if s.article_id in good][:limit]
        return sorted({self.number(s) for s in chosen})

    def statement(self, text: str, events: list[EventView], *, topics: bool = False,
                  limit: int = 4) -> Statement:
        """A sentence stating ``events``, citing the articles that support each."""
        refs = sorted({n for e in events for n in self.cite(e, limit, topics)})
        return Statement(text, [Claim.of(e, topics=topics) for e in events], refs)

    @property
    def references(self) -> list[Reference]:
        return sorted(self.refs.values(), key=lambda r: r.n)


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY = re.compile(rf"\b(\d{{1,2}}) ({_MONTHS}) (\d{{4}})\b")
_MONTH = re.compile(rf"(?<!\d )\b({_MONTHS}) (\d{{4}})\b")


def written_dates(text: str) -> set[str]:
    """The dates a sentence writes out, as ``format_date`` spells them."""
    days = {m.group(0) for m in _DAY.finditer(text)}
    stripped = _DAY.sub("", text)
    return days | {m.group(0) for m in _MONTH.finditer(stripped)}


def _supports(report: Report, claim: Claim) -> bool:
    """Whether one coded mention reports the claimed event (and, if any, one of its topics)."""
    m = report.mention
    if m.type != claim.type or m.modality != claim.modality:
        return False
    if claim.topics and not {t.lower() for t in claim.topics} & {t.lower() for t in m.topics}:
        return False
    if not dates_agree(claim.date, claim.date_precision, m.date, m.date_precision):
        return False
    shared = set(report.actor_keys) & set(claim.actor_keys)
    return len(shared) >= min(2, len(claim.actor_keys))


def _check_claim(claim: Claim, rows: list[Report], sentence: str) -> list[Problem]:
    support = [r for r in rows if _supports(r, claim)]
    if not support:
        return [Problem(sentence, f"no cited article reports {claim.type} with "
                                  f"{', '.join(claim.actor_keys)}"
                                  f"{' on ' + str(claim.date) if claim.date else ''}")]
    problems = []
    covered = {k for r in support for k in r.actor_keys}
    missing = set(claim.actor_keys) - covered
    if missing:
        problems.append(Problem(sentence, f"no cited article names {', '.join(sorted(missing))}"
                                          f" in a {claim.type} event"))
    said = {t.lower() for r in support for t in r.mention.topics}
    unsupported = [t for t in claim.topics if t.lower() not in said]
    if unsupported:
        problems.append(Problem(sentence, f"topics not in the cited mentions: {unsupported}"))
    return problems


def check_statement(store: Store, statement: Statement,
                    references: dict[int, Reference]) -> list[Problem]:
    """Problems of one sentence: unknown references, unsupported claims, idle citations."""
    text = statement.text
    unknown = [n for n in statement.refs if n not in references]
    if unknown:
        return [Problem(text, f"cites unknown references {unknown}")]
    if statement.claims and not statement.refs:
        return [Problem(text, "states events but cites nothing")]
    cited = [references[n].source.article_id for n in statement.refs]
    rows = reports_of_articles(store, cited)
    problems = [p for c in statement.claims for p in _check_claim(c, rows, text)]
    for n, article_id in zip(statement.refs, cited, strict=True):
        own = [r for r in rows if r.mention.article_id == article_id]
        if not any(_supports(r, c) for r in own for c in statement.claims):
            problems.append(Problem(text, f"[{n}] supports none of the sentence's claims"))
    stated = {format_date(c.date, c.date_precision) for c in statement.claims if c.date}
    for written in written_dates(text) - stated:
        problems.append(Problem(text, f"the date {written!r} is not a date of a cited event"))
    return problems


def check_citations(store: Store, doc: CitedDocument) -> list[Problem]:
    """Check every sentence of a briefing or memo against the articles it cites.

    A cited article supports a claim when one of its coded mentions has the claim's event
    type and modality, at least two of its actors (or its only one), and a date that agrees
    at the coarser of the two precisions. Each cited article must support a claim of its
    sentence, each claim needs a supporting citation, and each written date must be a
    claim's date.

    Args:
        store: the store the document was built from.
        doc: a ``Briefing`` or ``Memo`` (anything with ``statements()`` and ``references``).

    Returns:
        The problems found; empty when every sentence is supported.
    """
    references = {r.n: r for r in doc.references}
    problems: list[Problem] = []
    for statement in doc.statements():
        problems += check_statement(store, statement, references)
    urls = store.article_urls([r.source.article_id for r in references.values()])
    for ref in references.values():
        if not urls.get(ref.source.article_id):
            problems.append(Problem(f"[{ref.n}]", "reference is not a stored article with a URL"))
    return problems
