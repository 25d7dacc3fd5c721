"""Who speaks in a document: the voice behind "I", "we" and an unattributed "X must".

Official statements are written in the first person of their principal: "I spoke with
President Zelenskyy" in a statement of the President, "We condemn the attacks" in one of the
National Security Advisor, "Houthi leaders must cease their campaign" in one of the
Secretary of State. Analysts code those sentences as events of the principal (GUIDELINES
section 4: "I" is the author, "we" the author's government unless named co-signers, a
subject-less demand is the principal's). The voice is read from what the document says
about itself, in order:

1. a byline opening the text, "Antony J. Blinken, Secretary of State" (a spokesperson's
   byline speaks for the government);
2. a release line, "The following statement was released by A, B and C" (co-signers);
3. the title, "Statement by National Security Advisor Jake Sullivan on ...", "Statement of
   the President on ..." (the office holder of the site's country on the publication date).

A readout ("The below is attributable to Spokesperson Ned Price:") and a news article have
no voice of their own: their sentences name who acted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sitrep.record import ActorRef

if TYPE_CHECKING:
    from sitrep.actors.mentions import ActorResolver

PhraseReader = Callable[[str, str | None], list[ActorRef]]
"""Reads the people and states a short phrase names (given the site's country, for a bare
office: "the President")."""

_SPOKESPERSON = re.compile(r"\b(spokes(?:person|man|woman)|press secretary|office of the "
                           r"spokesperson)\b", re.IGNORECASE)
_ATTRIBUTED = re.compile(r"\b(?:below|following) is attributable to\b", re.IGNORECASE)
_RELEASED = re.compile(r"\b(?:statement|text) (?:was )?released by (?:the )?(.+?)"
                       r"(?::| on | following |\.?$)", re.IGNORECASE)
_TITLE_BY = re.compile(r"^(?:joint )?(?:statement|remarks|message|op-ed|letter)s? (?:by|of|from)"
                       r" (?:the )?(.+?)(?: on | at | regarding | about | to |$)", re.IGNORECASE)
_BYLINE = re.compile(r"^([A-Z][\w.\-’' ]+?),\s+([A-Z][\w ,.\-]+)$")

COUNTRY_TLDS = {"uk": "GBR", "il": "ISR", "ru": "RUS", "cn": "CHN", "fr": "FRA", "de": "DEU",
                "ua": "UKR", "in": "IND", "jp": "JPN", "au": "AUS", "ca": "CAN", "tr": "TUR",
                "ir": "IRN", "sa": "SAU", "ae": "ARE", "eg": "EGY", "jo": "JOR", "it": "ITA",
                "es": "ESP", "pl": "POL", "kr": "KOR", "br": "BRA", "za": "ZAF", "mx": "MEX"}
"""Country-code domains of government sites (``gov.uk``, ``kremlin.ru``)."""


@dataclass
class Voice:
    """The document's own voice; empty for readouts and news."""

    speaker: ActorRef | None = None
    """Who "I" is: the one person whose statement this is."""
    we: list[ActorRef] = field(default_factory=list)
    """Who "we" is: the co-signers of a joint statement, else the speaker's government."""

    @property
    def principal(self) -> list[ActorRef]:
        """Who an unattributed demand ("X must ...") comes from."""
        return [self.speaker] if self.speaker is not None else self.we[:1]

    def __bool__(self) -> bool:
        return self.speaker is not None or bool(self.we)


def site_country(url: str | None) -> str | None:
    """The country whose government publishes at ``url`` (``whitehouse.gov`` -> USA,
    ``gov.uk`` -> GBR), or None for other sites."""
    host = (urlsplit(url or "").hostname or "").lower()
    parts = host.split(".")
    if not parts or parts == [""]:
        return None
    if parts[-1] in ("gov", "mil"):
        return "USA"
    if len(parts) >= 2 and parts[-2] in ("gov", "mil", "gob", "govt", "mfa") and \
            parts[-1] in COUNTRY_TLDS:
        return COUNTRY_TLDS[parts[-1]]
    return None


def read_voice(resolver: ActorResolver, read: PhraseReader, title: str, text: str,
               url: str | None, published: date | None) -> Voice:
    """The voice of one document (see the module docstring).

    Args:
        resolver: resolves names to actors.
        read: reads the actors of a phrase (the coder's pipeline and resolver).
        title: the document's title.
        text: its clean text (only the first lines are read).
        url: where it was published (gives the government a spokesperson speaks for).
        published: the publication date (gives the office holder).

    Returns:
        The voice; empty when the document has none.
    """
    country = site_country(url)
    state = resolver.state_ref(resolver.gaz.country_name(country) or country) \
        if country else None
    head = [line.strip() for line in text.split("\n")[:6] if line.strip()][:3]
    if any(_ATTRIBUTED.search(line) for line in head):
        return Voice()
    for line in head:
        found = _BYLINE.match(line)
        if found and len(line) < 90:
            if _SPOKESPERSON.search(found.group(2)):
                return Voice(we=[state] if state else [])
            person = _person(resolver, found.group(1), published)
            if person is not None:
                return Voice(speaker=person, we=[state] if state else [])
    for line in head:
        found = _RELEASED.search(line)
        if found:
            signers = read(found.group(1), None)
            if len(signers) >= 2:
                return Voice(we=signers)
    found = _TITLE_BY.match(title.strip())
    if found and not _SPOKESPERSON.search(found.group(1)):
        signers = read(found.group(1), country)
        if len(signers) == 1 and signers[0].kind == "person":
            return Voice(speaker=signers[0], we=[state] if state else [])
        if len(signers) >= 2:
            return Voice(we=signers)
    return Voice()


def _person(resolver: ActorResolver, name: str, on: date | None) -> ActorRef | None:
    people = resolver.kb.find_person(name.strip(), on)
    if not people:
        return None
    return resolver.refresh(resolver.person_ref(name.strip(), on), on)

